/**
 * The port-to-port cable schedule of a whole plan: for every data-center site, every generation cluster in
 * service at the end of the horizon gets its scale-out fabric sized the way the plan evaluation sizes it
 * (src/core/plan/network.ts: the plan's fabric switch, NIC breakouts, clusters split when three tiers cannot
 * reach every node), laid out on the default floor layout (src/core/fabric/cabling.ts) and streamed row by row.
 * Rack, device and cable names are prefixed with the site and cluster so they are unique across the plan.
 * Pure (a generator; nothing is held in memory).
 * @module
 */
import type { Generation } from '../core/catalog/types';
import { clusterPorts, type ClusterPorts } from '../core/fabric/cluster';
import { sizeFabric, type FabricInput, type FabricResult } from '../core/fabric/fat-tree';
import { clusterFabricBase, fabricParts } from '../core/plan/network';
import { cableSchedule, planCabling, DEFAULT_LAYOUT, type CablePlan, type CableRow } from '../core/fabric/cabling';
import type { SwitchModel } from '../core/fabric/types';
import { pickSourced } from '../core/provenance';
import type { PlanBundle } from './plan-tables';

/** The plan's fabric switch: 64 × 800G (SN5600 class), the default in presets/prices.json (fabricDefaults). */
export const PLAN_SWITCH_ID = 'spectrum-4-sn5600';

export const CABLE_CSV_COLUMNS = ['cable_id', 'tier', 'a_rack', 'a_device', 'a_port', 'b_rack', 'b_device', 'b_port', 'media', 'part_number', 'length_m', 'label'] as const;

export interface ClusterLayout {
  readonly siteId: string;
  readonly generation: Generation;
  /** Prefix of every rack, device and cable name of this cluster (`houston-tx-dgx-b200-1-`). */
  readonly prefix: string;
  readonly units: number;
  readonly ports: ClusterPorts;
  readonly fabric: FabricResult;
  readonly cabling: CablePlan;
  readonly switchModel: SwitchModel | undefined;
  /** Logical switch ports (after NIC breakouts), i.e. interface names 1…radix on each switch. */
  readonly logicalRadix: number;
  readonly linkGbps: number;
  readonly switchHeightU: number;
}

/** Units of each generation in service at each site at the end of the horizon. */
export function finalDeployment(b: PlanBundle): { siteId: string; generation: Generation; units: number; systemsPerRack?: number }[] {
  const out: { siteId: string; generation: Generation; units: number; systemsPerRack?: number }[] = [];
  for (const s of b.report.sites) {
    const q = s.quarters[s.quarters.length - 1];
    if (!q) continue;
    for (const u of q.units) {
      if (u.units <= 0) continue;
      const g = b.catalog.generations.find((x) => x.id === u.generation);
      if (!g) continue;
      out.push({ siteId: s.id, generation: g, units: u.units, systemsPerRack: b.plan.unitOptions?.[g.id]?.systemsPerRack });
    }
  }
  return out;
}

/** Size and lay out every cluster of the plan (cheap: closed form, no enumeration). */
export function planClusters(b: PlanBundle): ClusterLayout[] {
  const sw = b.network.switches.find((s) => s.id === PLAN_SWITCH_ID);
  const baseRadix = sw ? sw.cages * sw.portsPerCage : 64;
  const switchGbps = sw ? pickSourced(sw.portGbps, 'typical') : 800;
  const switchHeightU = sw ? Math.max(1, Math.round(pickSourced(sw.heightU, 'typical'))) : 2;
  const laneGbps = sw?.laneGbps ?? 100;
  const out: ClusterLayout[] = [];
  for (const d of finalDeployment(b)) {
    const ports = clusterPorts(d.generation, d.units, d.systemsPerRack);
    if (!ports || ports.nodes <= 0 || ports.rails <= 0) continue;
    const linkGbps = Math.min(ports.scaleOutGbps, switchGbps);
    const { base: core, breakout } = clusterFabricBase(ports.rails, ports.scaleOutGbps, baseRadix, switchGbps);
    const base: Omit<FabricInput, 'nodes'> = { ...core, portsPerCage: (sw?.portsPerCage ?? 1) * breakout };
    const parts = fabricParts(ports.nodes, base);
    const nodesPerUnit = ports.nodes / d.units;
    parts.forEach((nodes, k) => {
      const fabric = sizeFabric({ ...base, nodes });
      if (fabric.tiers === 0) return;
      const cabling = planCabling(
        {
          fabric,
          nodesPerRack: ports.nodesPerRack,
          nodeHeightU: ports.nodeHeightU,
          switchHeightU,
          laneGbps,
          switchLinksPerModule: (sw?.portsPerCage ?? 1) * breakout,
          nodeLinksPerModule: 1,
        },
        {},
      );
      out.push({
        siteId: d.siteId,
        generation: d.generation,
        prefix: `${d.siteId}-${d.generation.id}-${k + 1}-`,
        units: Math.round(nodes / nodesPerUnit),
        ports,
        fabric,
        cabling,
        switchModel: sw,
        logicalRadix: fabric.logicalRadix,
        linkGbps,
        switchHeightU,
      });
    });
  }
  return out;
}

/** Total cable rows (links) of the plan, without enumerating them. */
export function cableCount(clusters: readonly ClusterLayout[]): number {
  return clusters.reduce((s, c) => s + c.fabric.links.total, 0);
}

/** Every cable of the plan, cluster by cluster, names prefixed. */
export function* planCableRows(b: PlanBundle, clusters: readonly ClusterLayout[] = planClusters(b)): Generator<CableRow> {
  for (const c of clusters) {
    const p = c.prefix;
    for (const r of cableSchedule(c.cabling, b.network)) {
      yield {
        ...r,
        cableId: `${p}${r.cableId}`,
        aRack: `${p}${r.aRack}`,
        aDevice: `${p}${r.aDevice}`,
        bRack: `${p}${r.bRack}`,
        bDevice: `${p}${r.bDevice}`,
        label: `${p}${r.label}`,
      };
    }
  }
}

/** A cable row as CSV cells in the fabric issue's header order. */
export function cableCells(r: CableRow): (string | number)[] {
  return [r.cableId, r.tier, r.aRack, r.aDevice, r.aPort, r.bRack, r.bDevice, r.bPort, r.media, r.partNumber, r.lengthM, r.label];
}

export const DEFAULT_CABLE_LAYOUT = DEFAULT_LAYOUT;

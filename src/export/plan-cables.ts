/**
 * The port-to-port cable schedule of a whole plan: for every data-center site, every generation cluster in
 * service at the end of the horizon is sized by `evaluateCluster` (src/core/fabric/evaluate-cluster.ts) with the
 * plan's switch choice (src/core/plan/network.ts: `network.switchId`, a custom switch, or the catalog default per
 * NIC speed), exactly as the plan evaluation sizes it, laid out on the default floor layout and streamed row by
 * row. Clusters split because three tiers cannot reach every node give one layout per fabric.
 * Rack, device and cable names are prefixed with the site and cluster so they are unique across the plan.
 * Pure (a generator; nothing is held in memory).
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { ClusterPorts } from '../core/fabric/cluster';
import { evaluateCluster, type ClusterEvaluation } from '../core/fabric/evaluate-cluster';
import { networkSchedule, scheduleLinks, SCHEDULE_NETWORKS } from '../core/fabric/network-schedule';
import type { NetworkCatalog } from '../core/fabric/types';
import type { FabricResult } from '../core/fabric/fat-tree';
import type { SwitchChoice } from '../core/fabric/switch-choice';
import { planClusterDesign, planFabricSpec } from '../core/plan/network';
import { CSV_COLUMNS, cableSchedule, type CablePlan, type CableRow } from '../core/fabric/cabling';
import type { SwitchModel } from '../core/fabric/types';
import { pickSourced } from '../core/provenance';
import type { PlanBundle } from './plan-tables';

/** The cluster schedule's columns (src/core/fabric/cabling.ts): one header for every network, `network` last. */
export const CABLE_CSV_COLUMNS = CSV_COLUMNS;

export interface ClusterLayout {
  readonly siteId: string;
  readonly generation: Generation;
  /**
   * Prefix of every rack, device and cable name of this fabric part: the cluster's prefix (`houston-tx-dgx-b200-`),
   * plus `f<k>-` when three tiers could not hold the cluster and it was split into parts — the names
   * `rackplan cables` gives, so the other networks' rows name the same compute racks and nodes.
   */
  readonly prefix: string;
  /** The cluster's own prefix (`houston-tx-dgx-b200-`), in front of its front-end, storage and out-of-band rows. */
  readonly clusterPrefix: string;
  /**
   * The whole cluster's evaluation, on its first part only (null on the others): its front-end, storage and
   * out-of-band networks are written once, after that part's compute rows.
   */
  readonly otherNetworks: ClusterEvaluation | null;
  /** Rows those networks add (0 on parts after the first). */
  readonly otherLinks: number;
  readonly units: number;
  readonly ports: ClusterPorts;
  readonly fabric: FabricResult;
  readonly cabling: CablePlan;
  readonly switchModel: SwitchModel;
  /** Why this switch (the plan's pick, a custom switch, or the catalog default for the NIC speed). */
  readonly switchChoice: SwitchChoice;
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
  const spec = planFabricSpec({ ...b.catalog, network: b.network }, b.plan.network, b.plan.basis ?? 'max');
  const out: ClusterLayout[] = [];
  for (const d of finalDeployment(b)) {
    const r = evaluateCluster(d.generation, spec.network, planClusterDesign(spec, d.units), {
      systemsPerRack: d.systemsPerRack,
      basis: spec.basis,
      detail: 'cabling',
      switchWattsIfUnknown: spec.switchWattsIfUnknown,
    });
    if (!r.ok) continue;
    const e = r.value;
    const switchHeightU = Math.max(1, Math.round(pickSourced(e.switch.heightU, 'typical')));
    const clusterPrefix = `${d.siteId}-${d.generation.id}-`;
    const links = scheduleLinks(e);
    const many = e.parts.length > 1;
    let first = true;
    e.parts.forEach((part, k) => {
      if (!part.plan) return;
      out.push({
        siteId: d.siteId,
        generation: d.generation,
        prefix: many ? `${clusterPrefix}f${k + 1}-` : clusterPrefix,
        clusterPrefix,
        otherNetworks: first ? e : null,
        otherLinks: first ? links.total - links.compute : 0,
        units: part.units,
        ports: e.ports,
        fabric: part.fabric,
        cabling: part.plan,
        switchModel: e.switch,
        switchChoice: e.switchChoice,
        logicalRadix: part.fabric.logicalRadix,
        linkGbps: e.linkGbps,
        switchHeightU,
      });
      first = false;
    });
  }
  return out;
}

/** Total cable rows (links) of the plan, without enumerating them. */
export function cableCount(clusters: readonly ClusterLayout[]): number {
  return clusters.reduce((s, c) => s + clusterRows(c), 0);
}

/** Rows one part writes: its compute cables, and on the cluster's first part the other networks' too. */
export function clusterRows(c: ClusterLayout): number {
  return c.fabric.links.total + c.otherLinks;
}

/** The non-compute networks' rows of a cluster (front-end, storage, out-of-band), unprefixed, in schedule order. */
export function* otherNetworkRows(c: ClusterLayout, net: NetworkCatalog): Generator<CableRow> {
  if (!c.otherNetworks) return;
  for (const n of SCHEDULE_NETWORKS) if (n !== 'compute') yield* networkSchedule(c.otherNetworks, net, n);
}

/** Every cable of the plan, cluster by cluster, names prefixed. */
export function* planCableRows(b: PlanBundle, clusters: readonly ClusterLayout[] = planClusters(b)): Generator<CableRow> {
  const prefixed = (r: CableRow, p: string): CableRow => ({
    ...r,
    cableId: `${p}${r.cableId}`,
    aRack: `${p}${r.aRack}`,
    aDevice: `${p}${r.aDevice}`,
    bRack: `${p}${r.bRack}`,
    bDevice: `${p}${r.bDevice}`,
    label: `${p}${r.label}`,
  });
  for (const c of clusters) {
    for (const r of cableSchedule(c.cabling, b.network)) yield prefixed(r, c.prefix);
    for (const r of otherNetworkRows(c, b.network)) yield prefixed(r, c.clusterPrefix);
  }
}

/** A cable row as CSV cells in the fabric issue's header order. */
export function cableCells(r: CableRow): (string | number)[] {
  return [r.cableId, r.tier, r.aRack, r.aDevice, r.aPort, r.bRack, r.bDevice, r.bPort, r.media, r.partNumber, r.lengthM, r.label, r.aTransceiver, r.bTransceiver, r.network];
}


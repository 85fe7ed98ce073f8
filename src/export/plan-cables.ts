/**
 * The port-to-port cable schedule of a whole plan: for every data-center site, every generation cluster in
 * service at the end of the horizon is sized by `evaluateCluster` (src/core/fabric/evaluate-cluster.ts) with the
 * plan's switch choice (src/core/plan/network.ts: `network.switchId`, a custom switch, or the catalog default per
 * NIC speed), exactly as the plan evaluation sizes it, laid out on the default floor layout and streamed row by
 * row. Clusters split because three tiers cannot reach every node give one layout per fabric.
 * A row names its site and cluster in columns of their own; rack, device and cable names are unique within that
 * (site, cluster) pair (a split cluster's compute names start with their fabric part, `f2-`), so the site and the
 * cluster are written once per row instead of in front of every name. NetBox names carry the cluster in front
 * (`gb200-nvl72-node1`), unique within a NetBox site.
 * Pure (a generator; nothing is held in memory).
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { ClusterPorts } from '../core/fabric/cluster';
import { evaluateCluster, type ClusterEvaluation } from '../core/fabric/evaluate-cluster';
import { networkSchedule, otherNetworkCursor, scheduleLinks, SCHEDULE_NETWORKS } from '../core/fabric/network-schedule';
import type { NetworkCatalog } from '../core/fabric/types';
import type { FabricResult } from '../core/fabric/fat-tree';
import type { SwitchChoice } from '../core/fabric/switch-choice';
import { planClusterDesign, planFabricSpec } from '../core/plan/network';
import { cableSchedule, type CableCursor, type CablePlan, type CableRow } from '../core/fabric/cabling';
import type { SwitchModel } from '../core/fabric/types';
import { pickSourced } from '../core/provenance';
import type { PlanBundle } from './plan-tables';

/**
 * cables.csv's columns: the row's site and cluster, then the cluster schedule's columns (src/core/fabric/cabling.ts
 * CSV_COLUMNS) with `network` beside `tier`. Names (cable_id, racks, devices, label) are unique within (site,
 * cluster); `site-cluster-name` is the name the plan export wrote before the site and cluster had columns.
 */
export const CABLE_CSV_COLUMNS = ['site', 'cluster', 'cable_id', 'tier', 'network', 'a_rack', 'a_device', 'a_port', 'b_rack', 'b_device', 'b_port', 'media', 'part_number', 'length_m', 'label', 'a_transceiver', 'b_transceiver'] as const;

/** A row of the plan's cable schedule: a cluster schedule row (names within the cluster) with its site and cluster. */
export interface PlanCableRow extends CableRow {
  readonly site: string;
  readonly cluster: string;
}

export interface ClusterLayout {
  readonly siteId: string;
  readonly generation: Generation;
  /** The cluster's name within its site (cables.csv's `cluster` column): the generation id, `dgx-b200`. */
  readonly cluster: string;
  /**
   * In front of this fabric part's compute names within the cluster: `f<k>-` when three tiers could not hold the
   * cluster and it was split into parts, else empty. The other networks' rows name a split cluster's compute racks
   * and nodes the same way (`f2-C3`, `f2-node5`), so a rack has one name in every network.
   */
  readonly partPrefix: string;
  /**
   * Prefix of every NetBox rack, device and cable name of this fabric part: `<cluster>-<partPrefix>`
   * (`dgx-b200-`, `gb200-nvl72-f2-`), so two clusters at one NetBox site never share a name.
   */
  readonly prefix: string;
  /** The cluster's NetBox prefix (`dgx-b200-`), in front of its front-end, storage and out-of-band names. */
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
    const cluster = d.generation.id;
    const clusterPrefix = `${cluster}-`;
    const links = scheduleLinks(e);
    const many = e.parts.length > 1;
    let first = true;
    e.parts.forEach((part, k) => {
      if (!part.plan) return;
      const partPrefix = many ? `f${k + 1}-` : '';
      out.push({
        siteId: d.siteId,
        generation: d.generation,
        cluster,
        partPrefix,
        prefix: `${clusterPrefix}${partPrefix}`,
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

/** {@link otherNetworkRows}'s cables through one cursor per network (changed in place: read each before the next). */
export function* otherNetworkCursors(c: ClusterLayout, net: NetworkCatalog): Generator<CableCursor> {
  if (!c.otherNetworks) return;
  for (const n of SCHEDULE_NETWORKS) if (n !== 'compute') yield* otherNetworkCursor(c.otherNetworks, net, n);
}

/**
 * Every cable of the plan, cluster by cluster, with its site and cluster; a split cluster's compute names start
 * with their part (`f2-`), as the cluster's other networks name them.
 */
export function* planCableRows(b: PlanBundle, clusters: readonly ClusterLayout[] = planClusters(b)): Generator<PlanCableRow> {
  const inPart = (r: CableRow, c: ClusterLayout, p: string): PlanCableRow => ({
    ...r,
    site: c.siteId,
    cluster: c.cluster,
    cableId: `${p}${r.cableId}`,
    aRack: `${p}${r.aRack}`,
    aDevice: `${p}${r.aDevice}`,
    bRack: `${p}${r.bRack}`,
    bDevice: `${p}${r.bDevice}`,
    label: `${p}${r.label}`,
  });
  for (const c of clusters) {
    for (const r of cableSchedule(c.cabling, b.network)) yield inPart(r, c, c.partPrefix);
    for (const r of otherNetworkRows(c, b.network)) yield inPart(r, c, '');
  }
}

/** A cable row as CSV cells in {@link CABLE_CSV_COLUMNS} order. */
export function cableCells(r: PlanCableRow): (string | number)[] {
  return [r.site, r.cluster, r.cableId, r.tier, r.network, r.aRack, r.aDevice, r.aPort, r.bRack, r.bDevice, r.bPort, r.media, r.partNumber, r.lengthM, r.label, r.aTransceiver, r.bTransceiver];
}


/**
 * The Fabric & cabling view's model: a thin adapter from the fabric design in the store to `evaluateCluster`
 * (src/core/fabric/evaluate-cluster.ts), the one pipeline `rackplan cables` and the plan also use, so the page,
 * the CLI and the plan size a cluster with the same switch and the same counts.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { CablePlan, CablingSummary, FloorLayout } from '../core/fabric/cabling';
import { CSV_HEADER, csvLine } from '../core/fabric/cabling';
import type { ClusterPorts } from '../core/fabric/cluster';
import { clusterSchedule, evaluateCluster, SUMMARY_LINK_LIMIT, type ClusterCounts, type ClusterEvaluation, type FabricPart } from '../core/fabric/evaluate-cluster';
import type { FabricResult } from '../core/fabric/fat-tree';
import type { OobResult } from '../core/fabric/networks';
import { defaultSwitch, switchesFor, type SwitchChoice } from '../core/fabric/switch-choice';
import type { NetworkCatalog, SwitchModel } from '../core/fabric/types';
import type { Issue } from '../core/issues';
import type { Basis } from '../core/provenance';
import type { FabricDesign } from '../state/types';
import { err, ok, type Result } from '../core/result';

export { SUMMARY_LINK_LIMIT };

export interface FabricView {
  readonly generation: Generation;
  readonly ports: ClusterPorts;
  readonly switch: SwitchModel;
  /** Why this switch: the user's pick or the catalog default for the NIC speed. */
  readonly switchChoice: SwitchChoice;
  readonly switches: readonly SwitchModel[];
  /** The catalog default for this generation's NIC speed (what "Default" in the switch list means). */
  readonly defaultSwitch: SwitchModel;
  readonly fabric: FabricResult;
  /** Counts over every independent fabric (more than one only when three tiers cannot reach every node). */
  readonly counts: ClusterCounts;
  readonly parts: readonly FabricPart[];
  readonly breakout: number;
  readonly plan: CablePlan | null;
  readonly summary: CablingSummary | null;
  readonly frontEnd: FabricResult | null;
  readonly storage: FabricResult | null;
  readonly oob: OobResult;
  readonly oobSwitch: SwitchModel;
  readonly ethernet: SwitchModel;
  readonly powerKw: { readonly switches: number; readonly transceivers: number; readonly activeCables: number; readonly total: number };
  readonly issues: readonly Issue[];
  /** The whole evaluation, for exports that need more than the page shows. */
  readonly evaluation: ClusterEvaluation;
}

/** The Fabric view's figures, or why there are none (a sentence). */
export type FabricOutcome = Result<FabricView, string>;

/** Scale-out switches of the catalog (the view's switch list). */
export function scaleOutSwitches(net: NetworkCatalog): SwitchModel[] {
  return switchesFor(net, 'scale-out');
}

/** The catalog default scale-out switch for a NIC speed (see src/core/fabric/switch-choice.ts). */
export function defaultSwitchId(net: NetworkCatalog, nicGbps: number): string {
  return defaultSwitch(net, 'scale-out', nicGbps)?.switch.id ?? '';
}

export function layoutOf(d: FabricDesign): Partial<FloorLayout> {
  const l: Record<string, unknown> = {};
  if (d.racksPerRow !== undefined) l.racksPerRow = d.racksPerRow;
  if (d.rowSpacingM !== undefined) l.rowSpacingM = d.rowSpacingM;
  if (d.trayHeightM !== undefined) l.trayHeightM = d.trayHeightM;
  if (d.slackPct !== undefined) l.slackPct = d.slackPct;
  if (d.leafPlacement !== undefined) l.leafPlacement = d.leafPlacement;
  if (d.spinePlacement !== undefined) l.spinePlacement = d.spinePlacement;
  return l;
}

/**
 * Size the cluster's networks and summarize its cabling.
 * @param systemsPerRack - from the rack designer's options (server racks)
 */
export function evaluateFabric(g: Generation, net: NetworkCatalog, d: FabricDesign, systemsPerRack: number | undefined, basis: Basis = 'max'): FabricOutcome {
  const r = evaluateCluster(
    g,
    net,
    { units: d.units, switchId: d.switchId, planes: d.planes, oversubscription: d.oversubscription, tiers: d.tiers, spineDesign: d.spineDesign, layout: layoutOf(d) },
    { systemsPerRack, basis, detail: 'summary' },
  );
  if (!r.ok) return err(`${r.error.message.charAt(0).toUpperCase()}${r.error.message.slice(1)}.`);
  const e = r.value;
  // At `summary` detail the other networks are always sized; the catalog's role defaults are validated to exist.
  if (!e.oob || !e.oobSwitch) return err('The network catalog has no out-of-band switch.');
  return ok({
      generation: g,
      ports: e.ports,
      switch: e.switch,
      switchChoice: e.switchChoice,
      switches: scaleOutSwitches(net),
      defaultSwitch: defaultSwitch(net, 'scale-out', e.ports.scaleOutGbps)?.switch ?? e.switch,
      fabric: e.fabric,
      counts: e.counts,
      parts: e.parts,
      breakout: e.breakout,
      plan: e.plan,
      summary: e.summary,
      frontEnd: e.frontEnd?.fabric ?? null,
      storage: e.storage?.fabric ?? null,
      oob: e.oob,
      oobSwitch: e.oobSwitch,
      ethernet: e.frontEnd?.switch ?? e.storage?.switch ?? defaultSwitch(net, 'front-end', e.ports.frontEndGbps)?.switch ?? e.switch,
      powerKw: e.powerKw,
      issues: e.issues,
      evaluation: e,
  });
}

/**
 * The port-to-port cable schedule as CSV text chunks (header first), produced row by row: every fabric of the
 * cluster (names carry `f1-`, `f2-`… when it is split). Takes the view, or a single cable plan.
 */
export function* scheduleCsv(source: FabricView | CablePlan, net: NetworkCatalog, batch = 2048): Generator<string, void, undefined> {
  yield `${CSV_HEADER}\n`;
  let buf = '';
  let n = 0;
  const rows = clusterSchedule('evaluation' in source ? source.evaluation : { parts: [{ plan: source }] }, net);
  for (const r of rows) {
    buf += `${csvLine(r)}\n`;
    if (++n === batch) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}

/**
 * The Fabric & cabling view's model: a thin adapter from the fabric design in the store to `evaluateCluster`
 * (src/core/fabric/evaluate-cluster.ts), the one pipeline `rackplan cables` and the plan also use, so the page,
 * the CLI and the plan size a cluster with the same switch and the same counts.
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import type { CablePlan, CableRow, CablingSummary, FloorLayout, NetworkName } from '../core/fabric/cabling';
import { CSV_HEADER, csvLine } from '../core/fabric/cabling';
import { clusterPorts, type ClusterPorts } from '../core/fabric/cluster';
import { clusterSchedule, compareTopologies, evaluateCluster, SUMMARY_LINK_LIMIT, type ClusterCounts, type ClusterDesign, type FabricPrices, type TopologyFigures, type ClusterEvaluation, type FabricPart } from '../core/fabric/evaluate-cluster';
import type { FabricResult } from '../core/fabric/fat-tree';
import { fullSchedule, networkSchedule } from '../core/fabric/network-schedule';
import type { OobResult } from '../core/fabric/networks';
import { defaultSwitch, switchesFor, type SwitchChoice } from '../core/fabric/switch-choice';
import type { NetworkCatalog, SwitchModel } from '../core/fabric/types';
import type { Issue } from '../core/issues';
import { pickSourced, type Basis } from '../core/provenance';
import type { FabricDesign } from '../state/types';
import { err, ok, type Result } from '../core/result';
import { FABRIC_DESIGN_LIMITS } from '../schema/limits';
import { formatNumber } from './format';

export { SUMMARY_LINK_LIMIT };

/** What the size field asked for and the whole units it rounds up to (the core's accelerators per unit). */
export interface ClusterSize {
  /** What the stored number counts. */
  readonly by: 'accelerators' | 'units';
  /** The stored number (accelerators or units). */
  readonly requested: number;
  readonly units: number;
  readonly acceleratorsPerUnit: number;
  /** Accelerators in the whole units built (≥ the accelerators asked for). */
  readonly accelerators: number;
}

export interface FabricView {
  readonly generation: Generation;
  readonly size: ClusterSize;
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

/** "GPUs" for GPU generations, "accelerators" for Trainium and Inferentia. */
export function acceleratorNoun(g: Generation): string {
  return g.family === 'gpu' ? 'GPUs' : 'accelerators';
}

/**
 * The whole units a fabric design asks for: its `units`, or its `accelerators` rounded up to whole units of the
 * generation (the same ⌈target ÷ per unit⌉ rule as Compare's accelerator target). Accelerators per unit are the
 * core's (`clusterPorts`, the items the fabric counts). Null per unit when the generation has no scale-out ports
 * (evaluateCluster then says so).
 */
export function clusterSize(g: Generation, d: FabricDesign, systemsPerRack: number | undefined): Result<ClusterSize, string> {
  const perUnit = clusterPorts(g, 1, systemsPerRack)?.accelerators ?? 0;
  if (d.accelerators === undefined) {
    const units = d.units ?? FABRIC_DESIGN_LIMITS.units.default;
    return ok({ by: 'units', requested: units, units, acceleratorsPerUnit: perUnit, accelerators: units * perUnit });
  }
  if (perUnit <= 0) return ok({ by: 'accelerators', requested: d.accelerators, units: 1, acceleratorsPerUnit: 0, accelerators: 0 });
  const units = Math.ceil(d.accelerators / perUnit);
  const max = FABRIC_DESIGN_LIMITS.units.max;
  if (units > max) {
    return err(`${formatNumber(d.accelerators, 0)} ${acceleratorNoun(g)} need ${formatNumber(units, 0)} units of ${g.name} (${formatNumber(perUnit, 0)} each); a cluster here has at most ${formatNumber(max, 0)} units (${formatNumber(max * perUnit, 0)} ${acceleratorNoun(g)}).`);
  }
  return ok({ by: 'accelerators', requested: d.accelerators, units, acceleratorsPerUnit: perUnit, accelerators: units * perUnit });
}

/**
 * The size field's note, from the evaluated figures: what was asked, the whole units it rounds up to, and how the
 * units fill scalable units ("1,024 GPUs → 15 units = 1,080 GPUs · 2 SUs of 8 units, the last holds 7").
 */
export function sizeText(v: FabricView): string {
  const z = v.size;
  const noun = acceleratorNoun(v.generation);
  const n0 = (n: number) => formatNumber(n, 0);
  const unitWord = (n: number) => `${n0(n)} unit${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (z.by === 'accelerators') {
    parts.push(z.requested === z.accelerators ? `${n0(z.requested)} ${noun} = ${unitWord(z.units)} of ${n0(z.acceleratorsPerUnit)}` : `${n0(z.requested)} ${noun} → ${unitWord(z.units)} = ${n0(z.accelerators)} ${noun}`);
  } else parts.push(`${unitWord(z.units)} = ${n0(z.accelerators)} ${noun}`);
  if (v.ports.racks !== z.units) parts.push(`${n0(v.ports.racks)} racks`);
  const f = v.fabric;
  const nodesPerUnit = v.ports.nodes / v.ports.units;
  if (v.parts.length === 1 && f.scalableUnits > 0 && nodesPerUnit > 0) {
    const suUnits = f.suNodes / nodesPerUnit;
    const lastNodes = f.nodes - (f.scalableUnits - 1) * f.suNodes;
    const su = `${n0(f.scalableUnits)} SU${f.scalableUnits === 1 ? '' : 's'}`;
    if (suUnits === 1) parts.push(`${su}, one unit each`);
    else if (Number.isInteger(suUnits)) parts.push(lastNodes < f.suNodes ? `${su} of ${unitWord(suUnits)}, the last holds ${n0(lastNodes / nodesPerUnit)}` : `${su} of ${unitWord(suUnits)}`);
    else parts.push(lastNodes < f.suNodes ? `${su} of ${n0(f.suNodes)} nodes, the last holds ${n0(lastNodes)}` : `${su} of ${n0(f.suNodes)} nodes`);
  }
  return parts.join(' · ');
}

/** The groups as the field shows them (`ufm=4, storage=16`). */
export function formatEndpointGroups(groups: FabricDesign['extraEndpoints']): string {
  return (groups ?? []).map((g) => `${g.name}=${g.ports}`).join(', ');
}

/** The core's cluster design for a fabric design of `units` units (what evaluateCluster and the topology comparison take). */
export function clusterDesignOf(d: FabricDesign, units: number): ClusterDesign {
  return {
    units,
    switchId: d.switchId,
    portGbps: d.portGbps,
    extraEndpoints: d.extraEndpoints,
    planes: d.planes,
    topology: d.topology,
    oversubscription: d.oversubscription,
    spineOversubscription: d.spineOversubscription,
    tiers: d.tiers,
    spineDesign: d.spineDesign,
    layout: layoutOf(d),
  };
}

/**
 * Size the cluster's networks and summarize its cabling.
 * @param systemsPerRack - from the rack designer's options (server racks)
 */
export function evaluateFabric(g: Generation, net: NetworkCatalog, d: FabricDesign, systemsPerRack: number | undefined, basis: Basis = 'max'): FabricOutcome {
  const size = clusterSize(g, d, systemsPerRack);
  if (!size.ok) return size;
  const r = evaluateCluster(
    g,
    net,
    clusterDesignOf(d, size.value.units),
    { systemsPerRack, basis, detail: 'summary' },
  );
  if (!r.ok) return err(`${r.error.message.charAt(0).toUpperCase()}${r.error.message.slice(1)}.`);
  const e = r.value;
  // At `summary` detail the other networks are always sized; the catalog's role defaults are validated to exist.
  if (!e.oob || !e.oobSwitch) return err('The network catalog has no out-of-band switch.');
  return ok({
      generation: g,
      size: size.value,
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

/** One topology's figures for the current cluster, or why it has none. */
export type TopologyComparison = Result<{ readonly rows: readonly TopologyFigures[]; readonly prices: FabricPrices }, string>;

/**
 * The same cluster under each topology (rail-optimized, top of rack, leaf pair per row), from the core's
 * `compareTopologies` with the catalog's network prices at their typical value (as `rackplan fabric
 * --compare-topologies` prices them). The Reports owner memoizes it; the view asks for it only when opened.
 */
export function topologyComparison(g: Generation, net: NetworkCatalog, d: FabricDesign, systemsPerRack: number | undefined, basis: Basis, prices: Catalog['prices']['networkPrices']): TopologyComparison {
  const size = clusterSize(g, d, systemsPerRack);
  if (!size.ok) return size;
  const fabricPrices: FabricPrices = { switchUsd: pickSourced(prices.switchUsd, 'typical'), transceiverUsd: pickSourced(prices.transceiverUsd, 'typical') };
  return ok({ rows: compareTopologies(g, net, clusterDesignOf(d, size.value.units), { systemsPerRack, basis }, fabricPrices), prices: fabricPrices });
}

/**
 * The cable schedule's rows, one at a time: every network of the cluster (compute, front-end, storage, out of
 * band: the core's `fullSchedule`, as `rackplan cables --out` writes it), or a single cable plan's compute rows.
 * The one stream the CSV download and the view's preview both read.
 */
export function scheduleRows(source: FabricView | CablePlan, net: NetworkCatalog): Generator<CableRow, void, undefined> {
  return 'evaluation' in source ? fullSchedule(source.evaluation, net) : clusterSchedule({ parts: [{ plan: source }] }, net);
}

/** The rows of one network of the schedule (the same rows, in the same order, as that network's part of {@link scheduleRows}). */
export function networkRows(v: FabricView, net: NetworkCatalog, network: NetworkName): Generator<CableRow, void, undefined> {
  return networkSchedule(v.evaluation, net, network);
}

/** The port-to-port cable schedule as CSV text chunks (header first), produced row by row from {@link scheduleRows}. */
export function* scheduleCsv(source: FabricView | CablePlan, net: NetworkCatalog, batch = 2048): Generator<string, void, undefined> {
  yield `${CSV_HEADER}\n`;
  let buf = '';
  let n = 0;
  for (const r of scheduleRows(source, net)) {
    buf += `${csvLine(r)}\n`;
    if (++n === batch) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}

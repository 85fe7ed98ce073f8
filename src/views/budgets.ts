/**
 * The rack designer's budgets: each engine figure next to the limit it must stay under, with a status,
 * the issues that concern it and whether it rests on estimated catalog values. Pure; memoized by the rack
 * report (src/views/rack-report.ts), which the app's one Reports owner holds.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { Issue } from '../core/issues';
import { pick } from '../core/provenance';
import type { UnitReport } from '../core/rack/types';
import { formatValue, type DisplayKind } from './format';
import type { RackDesign, UnitSystem } from '../state/types';

export type BudgetStatus = 'ok' | 'warn' | 'over' | 'info';
export type BudgetGroup = 'power' | 'cooling' | 'space';

export interface Budget {
  readonly id: string;
  readonly group: BudgetGroup;
  readonly label: string;
  /** Canonical SI value of `kind`. */
  readonly value: number;
  /** The limit in the same unit, or null when none is known (the meter then shows the value alone). */
  readonly limit: number | null;
  readonly kind: DisplayKind;
  readonly status: BudgetStatus;
  /** What the limit is, in words ("2 whips × 27.4 kVA"); or why there is none. */
  readonly limitNote: string;
  /** True when the figure rests on catalog values marked `estimate` (or missing). */
  readonly estimate: boolean;
  /** The catalog paths of those values (label them with `assumptionLabel`), so a mark can say which value is estimated. */
  readonly estimatedPaths: readonly string[];
  readonly issues: readonly Issue[];
  /** The temperature rise the figure is computed at, K; shown after the label in the user's units ({@link budgetLabel}). */
  readonly deltaTK?: number;
}

/** The label as shown: with the ΔT it is computed at in the chosen units ("Coolant flow (ΔT 18 °F)" for 10 K in US units). */
export function budgetLabel(b: Budget, system: UnitSystem): string {
  return b.deltaTK === undefined ? b.label : `${b.label} (ΔT ${formatValue(b.deltaTK, 'temperatureDifference', system)})`;
}

/** Share of the limit at which a meter turns amber. */
export const WARN_AT = 0.9;

function status(value: number, limit: number | null, issues: readonly Issue[]): BudgetStatus {
  if (issues.some((i) => i.severity === 'error')) return 'over';
  if (limit === null || !(limit > 0)) return issues.some((i) => i.severity === 'warning') ? 'warn' : 'info';
  const r = value / limit;
  if (r > 1 + 1e-9) return 'over';
  if (r >= WARN_AT || issues.some((i) => i.severity === 'warning')) return 'warn';
  return 'ok';
}

const startsWith = (path: readonly (string | number)[], prefix: readonly string[]) => prefix.every((p, i) => path[i] === p);

/** The assumptions whose path contains one of `needles` and that are estimates or missing: what the figure rests on. */
function rests(report: UnitReport, needles: readonly string[]): Pick<Budget, 'estimate' | 'estimatedPaths'> {
  const estimatedPaths = report.assumptions.filter((a) => (a.confidence === 'estimate' || a.confidence === 'missing') && needles.some((n) => a.path.includes(n))).map((a) => a.path);
  return { estimate: estimatedPaths.length > 0, estimatedPaths };
}

const POWER_INPUTS = ['.maxPowerW', 'psus.', 'power.count', 'power.redundancy'];

/**
 * Budgets for one evaluated unit.
 * @param report - the engine's report for `design`
 * @param generation - the catalog entry (for limits the report does not repeat, e.g. the frame's load rating)
 * @param design - the user's design (site limits, floor rating)
 */
export function unitBudgets(report: UnitReport, generation: Generation, design: RackDesign): Budget[] {
  const out: Budget[] = [];
  const add = (b: Omit<Budget, 'status'>) => out.push({ ...b, status: status(b.value, b.limit, b.issues) });
  const issuesAt = (...prefixes: (readonly string[])[]) => report.issues.filter((i) => prefixes.some((p) => startsWith(i.path, p)));
  const p = report.power;
  const feedEstimate = rests(report, [...POWER_INPUTS, 'defaultFeed']);

  for (const side of p.feeds.sides) {
    const sideIssues = issuesAt(['power', 'feeds', side.side]);
    const whole = side.whips * side.whipUsableKva;
    // A DC feed has no reactive power and no phases: its capacity is kW (V × A) and its current is per pole.
    const dc = side.system === 'dc';
    const systemWords = dc ? 'DC' : side.system;
    add({
      id: `feed-${side.side}-kva`,
      group: 'power',
      label: p.feeds.mode === 'ab' ? `Feed ${side.side} on failover` : 'Feed',
      value: side.failoverKva * 1000,
      limit: whole * 1000,
      kind: dc ? 'power' : 'apparentPower',
      limitNote: `${side.whips} whip${side.whips === 1 ? '' : 's'} × ${side.whipUsableKva.toFixed(1)} ${dc ? 'kW' : 'kVA'} usable (${side.volts} V ${systemWords} ${side.amps} A at ${Math.round(p.feeds.continuousFactor * 100)} %)`,
      ...feedEstimate,
      issues: [...sideIssues.filter((i) => i.path.length === 3), ...issuesAt(['power', 'feedVolts'], ['power', 'feedSystem'])],
    });
    add({
      id: `feed-${side.side}-phase`,
      group: 'power',
      label: dc ? (p.feeds.mode === 'ab' ? `Feed ${side.side} current per pole` : 'Current per pole') : p.feeds.mode === 'ab' ? `Feed ${side.side} worst phase` : 'Worst phase',
      value: side.worstPhaseA,
      limit: side.breakerA * p.feeds.continuousFactor,
      kind: 'current',
      limitNote: `${side.breakerA} A breaker × ${p.feeds.continuousFactor} continuous${side.phaseImbalance > 0.005 ? `; imbalance ${(side.phaseImbalance * 100).toFixed(1)} %` : ''}`,
      ...feedEstimate,
      issues: sideIssues.filter((i) => i.path[3] === 'phases'),
    });
  }
  if (p.feeds.mode === 'ab') {
    const abIssues = report.issues.filter((i) => i.code === 'ab_failover_insufficient');
    if (abIssues.length) {
      const i = abIssues[0]!;
      add({ id: 'ab-side-capacity', group: 'power', label: generation.power.architecture === 'shelf' ? 'One side’s shelves' : 'One side’s PSUs', value: (i.actual ?? 0) * 1000, limit: (i.limit ?? 0) * 1000, kind: 'power', limitNote: 'Capacity left when one feed fails', ...feedEstimate, issues: abIssues });
    }
  }
  add({
    id: 'shelves',
    group: 'power',
    label: generation.power.architecture === 'shelf' ? `Power shelves (${p.psus.redundancy.toUpperCase()})` : `Server PSUs (${p.psus.redundancy.toUpperCase()})`,
    value: p.itKw * 1000,
    limit: p.psus.redundantCapacityKw * 1000,
    kind: 'power',
    limitNote: `${p.psus.shelves} ${generation.power.architecture === 'shelf' ? 'shelves' : 'PSUs'} minus redundant, ${p.psus.psuCount} PSUs × ${(p.psus.psuRatingW / 1000).toFixed(1)} kW`,
    ...rests(report, POWER_INPUTS),
    issues: issuesAt(['power', 'redundancy'], ['power', 'psus']),
  });
  const nominalKw = p.psus.psuCount * p.psus.psuRatingW / 1000;
  add({
    id: 'transient',
    group: 'power',
    label: 'Transient peak',
    value: p.peakKw * 1000,
    limit: (p.psus.peakCapacityKw ?? nominalKw) * 1000,
    kind: 'power',
    limitNote: p.psus.peakCapacityKw === null ? 'against the PSUs’ continuous rating: no peak rating published' : 'PSU peak rating',
    ...rests(report, [...POWER_INPUTS, 'transientFactor', 'psuPeakRatingW']),
    issues: issuesAt(['power', 'peakKw']),
  });
  if (p.bbu) {
    add({ id: 'bbu', group: 'power', label: 'Battery backup', value: p.peakKw * 1000, limit: p.bbu.capacityKw * 1000, kind: 'power', limitNote: `${p.bbu.count} BBUs, ≈${Math.round(p.bbu.holdupS)} s hold-up at max load`, ...rests(report, ['bbu']), issues: issuesAt(['power', 'bbu']) });
  }
  if (p.busbarA !== null) {
    add({ id: 'busbar', group: 'power', label: 'Busbar current', value: p.busbarA, limit: p.busbarRatingA, kind: 'current', limitNote: p.busbarRatingA === null ? `at ${p.busVoltageV ?? '?'} V; busbar rating not published: ampacity unchecked` : `at ${p.busVoltageV ?? '?'} V; busbar rating`, ...rests(report, ['busVoltageV', ...POWER_INPUTS]), issues: issuesAt(['power', 'busbarA']) });
  }

  // ---- cooling ----
  const c = report.cooling;
  const cIssues = issuesAt(['cooling']);
  if (c.liquidKw > 0) {
    add({
      id: 'liquid-heat',
      group: 'cooling',
      label: 'Liquid heat',
      value: c.liquidKw * 1000,
      limit: design.limits.liquidHeatLimitW ?? null,
      kind: 'heatRate',
      limitNote: design.limits.liquidHeatLimitW === undefined ? 'set “Liquid heat removal available” to check it' : 'liquid heat removal available',
      ...rests(report, ['liquidFraction', ...POWER_INPUTS]),
      issues: cIssues.filter((i) => i.path[1] === 'cdu'),
    });
    const published = pick(generation.cooling.publishedCoolantLpm, 'typical');
    add({
      id: 'coolant-flow',
      group: 'cooling',
      label: 'Coolant flow',
      deltaTK: c.deltaTK,
      value: c.coolantLpm,
      limit: null,
      kind: 'liquidFlow',
      limitNote: published !== null ? `vendor publishes ≈${Math.round(published)} L/min` : 'Q = ṁ·cp·ΔT at the mean loop temperature',
      ...rests(report, ['liquidFraction', 'defaults.liquidDeltaTK', ...POWER_INPUTS]),
      issues: cIssues.filter((i) => i.path[1] === 'coolant' || i.path[1] === 'coolantSupplyC'),
    });
  }
  add({
    id: 'air-heat',
    group: 'cooling',
    label: 'Air heat',
    value: c.airKw * 1000,
    limit: design.limits.airHeatLimitW ?? null,
    kind: 'heatRate',
    limitNote: design.limits.airHeatLimitW === undefined ? 'set “Air heat removal available” to check it' : 'air heat removal available',
    ...rests(report, ['liquidFraction', ...POWER_INPUTS]),
    issues: [],
  });
  const pubCfm = pick(generation.cooling.publishedAirflowCfm, 'typical');
  add({
    id: 'airflow',
    group: 'cooling',
    label: 'Airflow',
    deltaTK: c.airDeltaTK,
    value: c.airflowM3h,
    limit: null,
    kind: 'airflow',
    limitNote: pubCfm !== null ? `vendor publishes ≈${Math.round(pubCfm).toLocaleString('en-US')} CFM` : `air density ${c.airDensityKgM3.toFixed(3)} kg/m³ at the site altitude`,
    ...rests(report, ['liquidFraction', ...POWER_INPUTS]),
    issues: [],
  });

  // ---- space ----
  const s = report.space;
  add({ id: 'u-space', group: 'space', label: 'Rack space', value: s.usedU, limit: s.availableU, kind: 'rackUnits', limitNote: `${report.racks} rack${report.racks === 1 ? '' : 's'} × ${s.availableU / report.racks} U`, ...rests(report, ['heightU']), issues: issuesAt(['space', 'usedU']) });
  const maxLoad = pick(generation.rack.maxLoadKg, 'typical');
  add({ id: 'weight', group: 'space', label: 'Weight per rack', value: s.weightPerRackKg, limit: maxLoad, kind: 'mass', limitNote: maxLoad === null ? 'the frame’s load rating is not published' : 'rack frame static load rating', ...rests(report, ['weightKg', 'WeightKg']), issues: issuesAt(['space', 'weightKg']) });
  add({
    id: 'floor',
    group: 'space',
    label: 'Floor loading',
    value: s.floorLoadingKgM2,
    limit: design.options.floorLimitKgM2 ?? null,
    kind: 'arealMass',
    limitNote: design.options.floorLimitKgM2 === undefined ? `set “Floor rating” to check it; over ${s.footprintM2PerRack.toFixed(2)} m² per rack` : `floor rating, over ${s.footprintM2PerRack.toFixed(2)} m² per rack`,
    ...rests(report, ['weightKg', 'WeightKg', 'widthM', 'depthM']),
    issues: issuesAt(['space', 'floorLoadingKgM2']),
  });
  return out;
}

/** Issues not shown on any meter (so the issue list can show them all, with the meters' ones linked). */
export function issueCounts(issues: readonly Issue[]): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

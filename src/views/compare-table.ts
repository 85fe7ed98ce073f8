/**
 * The Compare view's table: its rows (how each figure is printed and which way is better) and the marks (best per
 * row, rows resting on estimated power). Apart from ./compare.ts because the table sits below the view's first screen
 * and its issues row reads the issue-code registry: the view loads this after its first paint.
 * @module
 */
import type { CompareOption } from '../core/plan/compare';
import { describeOverride } from '../core/plan/overrides';
import { isDensePrecision, PRECISION_LABEL } from '../core/plan/precision';
import type { CompareTargetKind, UnitSystem } from '../state/types';
import { facilityMwPerKiloPflops, isLimitKind, PFLOPS_PRECISION } from './compare';
import { formatNumber, formatPue, formatUsd, formatValue } from './format';
import { issueText } from './issue-text';
import { shortName } from './names';

/** The PUE row's cell: annual / peak, each overridden one with the site model's PUE beside it ({@link describeOverride}). */
export function pueCell(r: CompareOption): string {
  if (r.pue === null) return '—';
  const annual = r.overrides.find((o) => o.figure === 'pue');
  const peak = r.overrides.find((o) => o.figure === 'peakPue');
  if (!annual && !peak) return `${formatPue(r.pue)} / ${formatPue(r.peakPue)}`;
  return `${annual ? describeOverride(annual) : `PUE ${formatPue(r.pue)}`} / ${peak ? describeOverride(peak) : `peak PUE ${formatPue(r.peakPue)}`}`;
}

/** One row of the comparison table: how to print it and, where it ranks, which way is better. */
export interface Metric {
  readonly label: string;
  readonly cell: (r: CompareOption) => string;
  /** Which way is better (for the "best" mark); undefined: no ranking. */
  readonly better?: 'lower' | 'higher';
  readonly value?: (r: CompareOption) => number | null;
  /** Rests on power figures (estimates for AWS parts). */
  readonly estimate?: boolean;
}

const n0 = (v: number | null) => (v === null ? '—' : formatNumber(v, 0));
const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
const mw = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} MW`);
const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));

/**
 * The comparison table's rows, in the order shown. "Best" marks only where one direction is truly better for this
 * target: never on the figure the rows were sized to (equal by construction, so the largest overshoot would "win"),
 * never on rounding waste, coolant flow or switch counts (an air-cooled or fabric-less unit is not better for
 * having none), and absolute power, money and carbon only when every row delivers the same compute.
 */
export function compareMetrics(system: UnitSystem, target: CompareTargetKind = 'fp8Pflops'): Metric[] {
  const sameCompute = !isLimitKind(target);
  const when = (ok: boolean, better: 'lower' | 'higher') => (ok ? better : undefined);
  return [
    { label: 'Units needed', cell: (r) => n0(r.units) },
    { label: 'Racks', cell: (r) => n0(r.racks), better: when(sameCompute, 'lower'), value: (r) => r.racks },
    { label: 'Accelerators', cell: (r) => n0(r.accelerators) },
    // Named for a precision that is not dense (the row shows the target's precision; other targets show dense FP8).
    { label: isDensePrecision(PFLOPS_PRECISION[target] ?? 'fp8') ? 'Dense PFLOPS' : `${PRECISION_LABEL[PFLOPS_PRECISION[target]!]} PFLOPS`, cell: (r) => n(r.pflops), better: when(!PFLOPS_PRECISION[target], 'higher'), value: (r) => r.pflops },
    { label: 'HBM (10¹² B)', cell: (r) => (r.hbmTb === null ? '—' : `${formatNumber(r.hbmTb)} TB`), better: 'higher', value: (r) => r.hbmTb },
    { label: 'IT power', cell: (r) => mw(r.itMw), better: when(sameCompute, 'lower'), value: (r) => r.itMw, estimate: true },
    { label: 'Facility power (peak PUE)', cell: (r) => mw(r.facilityMw), better: when(sameCompute, 'lower'), value: (r) => r.facilityMw, estimate: true },
    { label: 'PUE annual / peak', cell: pueCell },
    { label: 'Coolant flow', cell: (r) => (r.coolantLpm === null ? '—' : formatValue(r.coolantLpm, 'liquidFlow', system)) },
    { label: 'Fabric switches / optics', cell: (r) => `${n0(r.switches)} / ${n0(r.transceivers)}${r.fabricSwitch ? ` (${shortName(r.fabricSwitch.name)})` : ''}` },
    { label: 'Scale-up cables', cell: (r) => n0(r.scaleUpCables) },
    { label: 'Capex', cell: (r) => usd(r.capexUsd), better: when(sameCompute, 'lower'), value: (r) => r.capexUsd, estimate: true },
    { label: 'Energy per year', cell: (r) => (r.annualEnergyMwh === null ? '—' : `${formatNumber(r.annualEnergyMwh / 1000)} GWh · ${usd(r.annualEnergyCostUsd)}`), better: when(sameCompute, 'lower'), value: (r) => r.annualEnergyMwh, estimate: true },
    { label: 'CO₂ per year', cell: (r) => (r.annualCo2Tonnes === null ? '—' : `${formatNumber(r.annualCo2Tonnes, 0)} t`), better: when(sameCompute, 'lower'), value: (r) => r.annualCo2Tonnes, estimate: true },
    { label: 'Facility MW per 1,000 PFLOPS', cell: (r) => n(facilityMwPerKiloPflops(r)), better: 'lower', value: facilityMwPerKiloPflops, estimate: true },
    { label: 'PFLOPS per MW', cell: (r) => n(r.pflopsPerMw), better: 'higher', value: (r) => r.pflopsPerMw, estimate: true },
    { label: 'PFLOPS per $M', cell: (r) => n(r.pflopsPerMusd), better: 'higher', value: (r) => r.pflopsPerMusd, estimate: true },
    { label: '$ per PFLOP-hour', cell: (r) => (r.usdPerPflopHour === null ? '—' : `$${formatNumber(r.usdPerPflopHour, 3)}`), better: 'lower', value: (r) => r.usdPerPflopHour, estimate: true },
    { label: isLimitKind(target) ? 'Left unused of the target' : 'Rounding waste', cell: (r) => (r.roundingWastePct === null ? '—' : `${formatNumber(r.roundingWastePct, 1)} %`) },
    { label: 'Issues', cell: (r) => (r.issues.length ? [...new Set(r.issues.map((i) => issueText(i).title))].join('; ') : 'none') },
  ];
}

/** Assumption paths of power figures: a row resting on an estimate of one of these is marked. */
const POWER_ESTIMATE = /(PowerW|tdpW|efficiency)/;

export interface CompareFigures {
  /** Best value of each ranked metric (by label), where more than one option has a value. */
  readonly best: ReadonlyMap<string, number>;
  /** Generations whose power figures rest on estimates. */
  readonly estimates: ReadonlySet<string>;
}

/** The figures the comparison table marks: best per row and the rows resting on estimated power. */
export function compareFigures(rows: readonly CompareOption[], metrics: readonly Metric[]): CompareFigures {
  const best = new Map<string, number>();
  for (const m of metrics) {
    if (!m.better || !m.value) continue;
    const vals = rows.map((r) => m.value!(r)).filter((x): x is number => x !== null && x > 0);
    if (vals.length > 1) best.set(m.label, m.better === 'lower' ? Math.min(...vals) : Math.max(...vals));
  }
  const estimates = new Set(rows.filter((r) => r.assumptions.some((a) => a.confidence === 'estimate' && POWER_ESTIMATE.test(a.path))).map((r) => r.generation));
  return { best, estimates };
}

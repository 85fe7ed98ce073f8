/**
 * The `--ranges` and `--compare` parts of `rackplan plan`: bands and the tornado (src/core/plan/ranges.ts) and
 * scenarios side by side (src/core/plan/scenarios.ts), as tables. Figures come from those core owners only.
 * @module
 */
import type { PlanRanges, RangedTotal } from '../../core/plan/ranges';
import { RANGED_TOTALS } from '../../core/plan/ranges';
import type { ScenarioComparison } from '../../core/plan/scenarios';
import { formatNumber, formatUsd, textTable } from '../output';

const TOTAL_LABELS: Readonly<Record<RangedTotal, string>> = {
  capexUsd: 'Capex',
  npvTcoUsd: 'NPV TCO',
  tcoUsd: 'TCO (nominal)',
  peakFacilityMw: 'Peak facility MW (all sites)',
  horizonEnergyMwh: 'Energy, MWh',
  horizonCo2Tonnes: 'CO2, t',
};

function figure(unit: string, v: number): string {
  return unit === 'USD' ? formatUsd(v) : formatNumber(v);
}

/** Bands and the tornado as text. */
export function renderRanges(r: PlanRanges): string {
  const m = r.method;
  const unitOf = (k: RangedTotal) => (k.endsWith('Usd') ? 'USD' : '');
  const lines = [
    `Ranges (${formatNumber(m.samples)} Latin-hypercube samples, seed ${m.seed}; ${m.lowPercentile}th–${m.highPercentile}th percentile; ${r.inputs.length} ranged inputs, ${m.engineRuns} engine runs)`,
    textTable(
      ['total', 'low', 'typical', 'high', 'spread'],
      RANGED_TOTALS.map((k) => {
        const b = r.totals[k];
        const spread = b.typical !== 0 ? `-${formatNumber((100 * (b.typical - b.low)) / b.typical)} % / +${formatNumber((100 * (b.high - b.typical)) / b.typical)} %` : '';
        return [TOTAL_LABELS[k], figure(unitOf(k), b.low), figure(unitOf(k), b.typical), figure(unitOf(k), b.high), spread];
      }),
    ),
    `  Each input spans its catalog range, or a point value widened by confidence (published ±${m.widening.published * 100} %, secondary ±${m.widening.secondary * 100} %, derived ±${m.widening.derived * 100} %, estimate ±${m.widening.estimate * 100} %);`,
    '  triangular with its mode at the value the plan uses. First-order response: interactions between inputs are left out.',
  ];
  for (const total of ['npvTcoUsd', 'peakFacilityMw'] as const) {
    const rows = r.sensitivity.filter((s) => s.total === total);
    if (!rows.length) continue;
    const unit = total === 'npvTcoUsd' ? 'USD' : '';
    lines.push('', `What moves ${TOTAL_LABELS[total]} most (one input at a time, low → high)`);
    lines.push(
      textTable(
        ['#', 'input', 'confidence', 'input low…high', `${total === 'npvTcoUsd' ? 'NPV TCO' : 'MW'} at low`, 'at high', 'swing'],
        rows.map((s) => [s.rank, s.label, s.confidence, inputSpan(s.inputLow, s.inputHigh, s.unit), figure(unit, s.atLow), figure(unit, s.atHigh), figure(unit, s.swing)]),
      ),
    );
  }
  return lines.join('\n');
}

/** An input's low…high in its unit; money as dollars ("$3 M…$4 M", "$9.3 M…$15 M per MW"). */
function inputSpan(low: number, high: number, unit: string): string {
  const v = (x: number) => (Math.abs(x) >= 100 ? formatNumber(x) : formatNumber(Number(x.toPrecision(3))));
  if (unit === 'USD') return `${formatUsd(low)}…${formatUsd(high)}`;
  if (unit.startsWith('USD/')) return `${formatUsd(low)}…${formatUsd(high)} per ${unit.slice(4)}`;
  return `${v(low)}…${v(high)} ${unit === 'degC' ? '°C' : unit}`;
}

/** Scenarios side by side, with each one's difference from the first. */
export function renderScenarios(c: ScenarioComparison, files: readonly string[]): string {
  const letters = c.names.map((_, i) => String.fromCharCode(65 + i));
  const headers = ['', ...letters.flatMap((l, i) => (i === 0 ? [l] : [l, `Δ ${l} − A`]))];
  const rows = c.rows.map((r) => [
    r.unit === 'USD' ? r.label : `${r.label}, ${r.unit}`,
    ...r.values.flatMap((v, i) => {
      const shown = v === null ? '—' : r.unit === 'USD' ? formatUsd(v) : formatNumber(v);
      if (i === 0) return [shown];
      const d = r.deltas[i];
      const pct = r.deltaPcts[i];
      const delta = d === null || d === undefined ? '—' : `${d > 0 ? '+' : d < 0 ? '−' : '±'}${r.unit === 'USD' ? formatUsd(Math.abs(d)) : formatNumber(Math.abs(d))}${pct === null || pct === undefined ? '' : ` (${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${formatNumber(Math.abs(pct))} %)`}`;
      return [shown, delta];
    }),
  ]);
  return ['Scenarios', ...c.names.map((n, i) => `  ${letters[i]} = ${n} (${files[i]})`), '', textTable(headers, rows), '', '  Δ: difference from A (percent of A). Firm capex is committed; option capex can still be cancelled.'].join('\n');
}

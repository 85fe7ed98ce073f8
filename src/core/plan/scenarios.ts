/**
 * Scenarios side by side: two or three evaluated plans, the figures a decision turns on, and each one's difference
 * from the first (the base). Every figure is read from the plan's own report (`evaluatePlan`), never recomputed:
 * capex (units, network, facility), NPV TCO, TCO, peak facility MW overall and per site, horizon energy, CO2 and
 * water, and the firm vs option unit capex (committed vs optional exposure).
 * @module
 */
import { peakFacilityMw } from './ranges';
import type { PlanReport } from './types';

export interface Scenario {
  readonly name: string;
  readonly report: PlanReport;
}

/** One compared figure: a value per scenario and its difference from the first. */
export interface ScenarioRow {
  /** Stable key, e.g. `capexUsd`, `peakFacilityMw.houston-tx`. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** The site a per-site row belongs to. */
  readonly site?: string;
  /** One per scenario, in order; null where the scenario does not have the figure (a site it does not use). */
  readonly values: readonly (number | null)[];
  /** value − the first scenario's value (null for the first, or where either is null). */
  readonly deltas: readonly (number | null)[];
  /** 100 × delta ÷ the first scenario's value (null where that is 0 or null). */
  readonly deltaPcts: readonly (number | null)[];
  /** Which direction is better for this figure, for marking; none where neither is (firm vs option). */
  readonly better: 'lower' | 'none';
}

export interface ScenarioComparison {
  readonly names: readonly string[];
  readonly rows: readonly ScenarioRow[];
}

export const MAX_SCENARIOS = 3;

/** Horizon water of a plan: every site's years summed, m³. */
export function horizonWaterM3(report: PlanReport): number {
  let m3 = 0;
  for (const s of report.sites) for (const y of s.years) m3 += y.waterM3 ?? 0;
  return m3;
}

/** Peak facility MW of one site over the horizon (null when the plan does not use the site). */
export function sitePeakFacilityMw(report: PlanReport, siteId: string): number | null {
  const s = report.sites.find((x) => x.id === siteId);
  if (!s) return null;
  let peak = 0;
  for (const q of s.quarters) peak = Math.max(peak, q.facilityMw);
  return peak;
}

/** Compare two or three evaluated plans; the first is the base every delta is taken from. */
export function compareScenarios(scenarios: readonly Scenario[]): ScenarioComparison {
  const list = scenarios.slice(0, MAX_SCENARIOS);
  const rows: ScenarioRow[] = [];
  const row = (key: string, label: string, unit: string, value: (r: PlanReport) => number | null, better: ScenarioRow['better'] = 'lower', site?: string) => {
    const values = list.map((s) => value(s.report));
    const base = values[0] ?? null;
    const deltas = values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base));
    const deltaPcts = deltas.map((d) => (d === null || base === null || base === 0 ? null : (100 * d) / base));
    rows.push({ key, label, unit, ...(site ? { site } : {}), values, deltas, deltaPcts, better });
  };
  row('capexUsd', 'Capex', 'USD', (r) => r.totals.capexUsd);
  row('unitCapexUsd', 'Capex: units', 'USD', (r) => r.totals.unitCapexUsd);
  row('networkCapexUsd', 'Capex: network', 'USD', (r) => r.totals.networkCapexUsd);
  row('facilityCapexUsd', 'Capex: facility', 'USD', (r) => r.totals.facilityCapexUsd);
  row('npvTcoUsd', 'NPV TCO', 'USD', (r) => r.totals.npvTcoUsd);
  row('tcoUsd', 'TCO (nominal)', 'USD', (r) => r.totals.tcoUsd);
  row('peakFacilityMw', 'Peak facility power, all sites', 'MW', peakFacilityMw);
  const siteIds = [...new Set(list.flatMap((s) => s.report.sites.map((x) => x.id)))].sort();
  for (const id of siteIds) {
    const full = list.map((s) => s.report.sites.find((x) => x.id === id)?.name).find((n) => n !== undefined) ?? id;
    // "Houston, Texas (Foxconn / Ingrasys …)" → "Houston, Texas": the detail does not fit a row label.
    const name = full.includes(' (') ? full.slice(0, full.indexOf(' (')) : full;
    row(`peakFacilityMw.${id}`, `Peak facility power, ${name}`, 'MW', (r) => sitePeakFacilityMw(r, id), 'lower', id);
  }
  row('horizonEnergyMwh', 'Energy over the horizon', 'MWh', (r) => r.totals.horizonEnergyMwh);
  row('horizonCo2Tonnes', 'CO2 over the horizon', 't', (r) => r.totals.horizonCo2Tonnes);
  if (list.some((s) => s.report.sites.some((x) => x.years.some((y) => y.waterM3 !== undefined)))) row('horizonWaterM3', 'Water over the horizon', 'm³', horizonWaterM3);
  row('firmCapexUsd', 'Firm unit capex (committed)', 'USD', (r) => r.totals.firmCapexUsd, 'none');
  row('optionCapexUsd', 'Option unit capex (can be cancelled)', 'USD', (r) => r.totals.optionCapexUsd, 'none');
  return { names: list.map((s) => s.name), rows };
}

/**
 * What the Plan view shows, derived from the plan and its report: the quarters × sites × generations grid,
 * chart series and the per-site headroom and stranded capacity in words. Pure; memoized by the view.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { planDefaults, type PlanDefaults } from '../core/plan/evaluate-site';
import type { BindingConstraint, DemandMetric, DemandSeries, Plan, PlantQuarter, PlanReport, Precision } from '../core/plan/types';
import { quarterFromIndex, quarterIndex, stepAt } from '../core/sites/schedule';
import type { QuarterId, Site } from '../core/sites/types';
import { shortName } from './names';
import { describeOverride } from '../core/plan/overrides';
import { isDensePrecision, PRECISION_LABEL, PRECISIONS } from '../core/plan/precision';
import { listedGenerations, planGenerationName } from './generations';

export interface GridColumn {
  readonly site: string;
  readonly siteName: string;
  readonly generations: readonly string[];
  /** The plan's overrides of the site in words ("PUE 1.30 (override; computed 1.143)"), from the report; empty when none. */
  readonly overrides: readonly string[];
}

export interface GridRow {
  readonly quarter: QuarterId;
  /** Units entering service this quarter: `${site}|${generation}` → units. */
  readonly cells: ReadonlyMap<string, number>;
  /** Per site: racks in service, facility MW, meter MW, headroom MW. */
  readonly sites: ReadonlyMap<string, { readonly racks: number; readonly facilityMw: number; readonly meterMw: number; readonly headroomMw: number; readonly over: boolean }>;
}

export interface PlanGrid {
  /** Short generation names by id, for the column headers. */
  readonly generationNames: ReadonlyMap<string, string>;
  readonly quarters: readonly QuarterId[];
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** Cells (`${site}|${generation}|${quarter}`) holding a locked row: typing there is refused until it is unlocked. */
  readonly locked: ReadonlySet<string>;
  /** The demand column the grid edits: one metric (and precision), per quarter from the report's demand series. */
  readonly demand: DemandColumn;
}

/** A demand metric and precision the Plan view edits. */
export interface DemandChoice {
  readonly metric: DemandMetric;
  readonly precision?: Precision;
}

export interface DemandColumn extends DemandChoice {
  /** Display unit, e.g. `PFLOPS FP8 dense`. */
  readonly unit: string;
  /** Per quarter (grid row order): the plan's own entry (null: none), what is required then (held), supplied, balance. */
  readonly cells: readonly { readonly entry: number | null; readonly required: number | null; readonly supplied: number; readonly balance: number | null }[];
}

/** The metrics a demand row can be stated in (the plan file accepts these and two HBM metrics). */
export const DEMAND_CHOICES: readonly (DemandChoice & { readonly label: string })[] = [
  // Every precision: "PFLOPS FP8 dense", …, "PFLOPS FP8 sparse (2:4)", …, "PFLOPS FP64".
  ...PRECISIONS.map((precision) => ({ metric: 'pflops' as const, precision, label: `PFLOPS ${PRECISION_LABEL[precision]}${isDensePrecision(precision) ? ' dense' : ''}` })),
  { metric: 'accelerators', label: 'Accelerators' },
  { metric: 'itMw', label: 'IT MW' },
];

/** The demand metric a plan's demand row shows first: its first entry's, else dense FP8 PFLOPS. */
export function defaultDemandChoice(plan: Plan): DemandChoice {
  const d = plan.demand?.[0];
  return d ? { metric: d.metric, ...(d.metric === 'pflops' ? { precision: d.precision ?? 'fp8' } : {}) } : { metric: 'pflops', precision: 'fp8' };
}

const sameChoice = (s: { metric: DemandMetric; precision?: Precision | null }, c: DemandChoice) => s.metric === c.metric && (s.metric !== 'pflops' || (s.precision ?? 'fp8') === (c.precision ?? 'fp8'));

/** The report's supply-against-demand series for a metric, if the plan's demand uses it. */
export function demandSeriesFor(report: PlanReport, choice: DemandChoice): DemandSeries | undefined {
  return report.demandSeries.find((s) => sameChoice(s, choice));
}

/** The catalog's plan defaults (what a cleared setting goes back to). */
export function planSettingDefaults(catalog: Catalog): PlanDefaults {
  return planDefaults(catalog);
}

/**
 * The plan's horizon, utilization and discount rate as evaluated: the plan's own, else the catalog's plan defaults
 * (`planDefaults`, the one read of `catalog.prices.planDefaults`).
 */
export function planSettingValues(plan: Plan, catalog: Catalog): PlanDefaults {
  const d = planDefaults(catalog);
  return { horizonYears: plan.horizonYears ?? d.horizonYears, utilization: plan.utilization ?? d.utilization, discountRate: plan.discountRate ?? d.discountRate };
}

/** Horizon quarters of a plan. */
export function planQuarters(plan: Plan, catalog: Catalog): QuarterId[] {
  const s = quarterIndex(plan.start);
  const n = planSettingValues(plan, catalog).horizonYears * 4;
  return Array.from({ length: n }, (_, i) => quarterFromIndex(s + i));
}

/** Data-center sites the plan can use (presets, replaced by the plan's own). */
export function planSites(plan: Plan, presets: readonly Site[]): Site[] {
  const m = new Map(presets.map((s) => [s.id, s]));
  for (const s of plan.sites ?? []) m.set(s.id, s);
  return [...m.values()].filter((s) => s.roles.dataCenter !== null);
}

/**
 * The editing grid: one row per quarter, per site the generations the plan deploys there plus `extra`
 * (the optimizer's generations), with the site's racks, facility MW and headroom from the report.
 */
export function planGrid(plan: Plan, report: PlanReport, sites: readonly Site[], extra: readonly string[], catalog: Catalog, demandChoice: DemandChoice = defaultDemandChoice(plan)): PlanGrid {
  const quarters = planQuarters(plan, catalog);
  // Columns are ordered and named from the listed generations: the optimizer's may not be loaded at the first paint,
  // and the grid shows only their names (no figure of theirs).
  const listed = listedGenerations(catalog);
  const order = new Map(listed.map((g, i) => [g.id, i]));
  const overridesBySite = new Map(report.sites.map((r) => [r.id, r.overrides.map(describeOverride)]));
  const columns: GridColumn[] = sites.map((s) => {
    const gens = new Set<string>(extra);
    for (const d of plan.deployments) if (d.site === s.id) gens.add(d.generation);
    return { site: s.id, siteName: shortName(s.name), generations: [...gens].filter((g) => order.has(g)).sort((a, b) => order.get(a)! - order.get(b)!), overrides: overridesBySite.get(s.id) ?? [] };
  });
  const cellsByQ = new Map<string, Map<string, number>>();
  for (const d of plan.deployments) {
    let m = cellsByQ.get(d.quarter);
    if (!m) cellsByQ.set(d.quarter, (m = new Map<string, number>()));
    const key = `${d.site}|${d.generation}`;
    m.set(key, (m.get(key) ?? 0) + d.units);
  }
  const reports = new Map(report.sites.map((s) => [s.id, s]));
  const rows: GridRow[] = quarters.map((q, k) => {
    const perSite = new Map<string, { racks: number; facilityMw: number; meterMw: number; headroomMw: number; over: boolean }>();
    for (const s of sites) {
      const sq = reports.get(s.id)?.quarters[k];
      const meterMw = sq?.meterMw ?? stepAt(s.roles.dataCenter!.meterMw, quarterIndex(q));
      const facilityMw = sq?.facilityMw ?? 0;
      perSite.set(s.id, { racks: sq?.racks ?? 0, facilityMw, meterMw, headroomMw: sq?.headroomMw ?? meterMw, over: facilityMw > meterMw + 1e-9 || (sq ? sq.racks > sq.positions : false) });
    }
    return { quarter: q, cells: cellsByQ.get(q) ?? new Map(), sites: perSite };
  });
  const locked = new Set(plan.deployments.filter((d) => d.locked).map((d) => `${d.site}|${d.generation}|${d.quarter}`));
  const series = demandSeriesFor(report, demandChoice);
  const entries = new Map((plan.demand ?? []).filter((d) => sameChoice(d, demandChoice)).map((d) => [d.quarter, d.value]));
  const demand: DemandColumn = {
    ...demandChoice,
    unit: DEMAND_CHOICES.find((c) => sameChoice(c, demandChoice))?.label ?? series?.unit ?? demandChoice.metric,
    cells: quarters.map((q, k) => {
      const sq = series?.quarters[k];
      return { entry: entries.get(q) ?? null, required: sq?.required ?? null, supplied: sq?.supplied ?? 0, balance: sq?.balance ?? null };
    }),
  };
  return { generationNames: new Map(listed.map((g) => [g.id, planGenerationName(g)])), quarters, columns, rows, locked, demand };
}

export interface Series {
  readonly label: string;
  readonly data: readonly number[];
  /** The generation a series draws, so every chart gives it the same colour. */
  readonly key?: string;
}

export interface PlanCharts {
  readonly labels: readonly string[];
  /** Racks in service by generation (all sites). */
  readonly racks: readonly Series[];
  /** Facility MW of each site as a share of its own meter (%): limits are never summed across sites. */
  readonly mwShare: readonly Series[];
  /** Each plant's weekly build as a share of its own capacity (%). */
  readonly plantShare: readonly Series[];
}

export function planCharts(plan: Plan, report: PlanReport, sites: readonly Site[], catalog: Catalog): PlanCharts {
  const quarters = planQuarters(plan, catalog);
  const labels = quarters.map((q) => q.replace('-', ' '));
  const byGen = new Map<string, number[]>();
  for (const s of report.sites) {
    s.quarters.forEach((sq, k) => {
      for (const u of sq.units) {
        let a = byGen.get(u.generation);
        if (!a) byGen.set(u.generation, (a = new Array<number>(quarters.length).fill(0)));
        a[k]! += u.racks;
      }
    });
  }
  const name = (id: string) => {
    const g = catalog.generations.find((x) => x.id === id);
    return g ? planGenerationName(g) : id;
  };
  const racks = [...byGen].map(([g, data]) => ({ label: name(g), data, key: g }));
  // A share of each one's own limit (a quarter with no limit reads 0 %; its MW or builds still show in the tables).
  const share = (v: number, limit: number) => (limit > 0 ? (100 * v) / limit : 0);
  const mwShare = report.sites.map((s) => ({ label: shortName(s.name), data: s.quarters.map((q) => share(q.facilityMw, q.meterMw)) }));
  const plantShare = report.plants
    .filter((p) => p.quarters.some((q) => q.racksPerWeek > 0))
    .map((p) => {
      const byQ = new Map(p.quarters.map((q) => [q.quarter, q]));
      return { label: shortName(p.name), data: quarters.map((q) => { const x = byQ.get(q); return x ? share(x.racksPerWeek, x.capacityRacksPerWeek) : 0; }) };
    });
  return { labels, racks, mwShare, plantShare };
}

/** Supply against demand per quarter for one metric: supplied (bars), required (line, 0 before the first entry). */
export function demandChart(plan: Plan, report: PlanReport, catalog: Catalog, choice: DemandChoice): { labels: string[]; supplied: Series; required: Series } | null {
  const series = demandSeriesFor(report, choice);
  if (!series) return null;
  const labels = planQuarters(plan, catalog).map((q) => q.replace('-', ' '));
  return { labels, supplied: { label: 'In service', data: series.quarters.map((q) => q.supplied) }, required: { label: 'Demand', data: series.quarters.map((q) => q.required ?? 0) } };
}

/** One deployment row as the rows table shows it: the plant that builds it and why, and the plants it may name. */
export interface DeploymentRowView {
  readonly index: number;
  readonly site: string;
  readonly generation: string;
  readonly quarter: QuarterId;
  readonly units: number;
  readonly locked: boolean;
  /** The plant the row names (null: the default rule or the plan's orders). */
  readonly plant: string | null;
  /** The plant that builds it as evaluated, and how it was chosen. */
  readonly builtBy: string | null;
  readonly choice: 'row' | 'orders' | 'nearest' | null;
  readonly buildQuarter: QuarterId | null;
  /** Plants that build the generation (ids). */
  readonly plants: readonly string[];
}

/** Every deployment row with its build (from the report's builds) and the plants it could name. */
export function deploymentRows(plan: Plan, report: PlanReport, presets: readonly Site[]): DeploymentRowView[] {
  const builds = new Map(report.builds.map((b) => [b.index, b]));
  const all = new Map(presets.map((s) => [s.id, s]));
  for (const s of plan.sites ?? []) all.set(s.id, s);
  const plants = [...all.values()].filter((s) => s.roles.plant);
  return plan.deployments.map((d, index) => {
    const b = builds.get(index);
    return {
      index,
      site: d.site,
      generation: d.generation,
      quarter: d.quarter,
      units: d.units,
      locked: d.locked === true,
      plant: d.plant ?? null,
      builtBy: b?.plant ?? null,
      choice: b?.choice ?? null,
      buildQuarter: b?.buildQuarter ?? null,
      plants: plants.filter((p) => p.roles.plant!.generations.includes('*') || p.roles.plant!.generations.includes(d.generation)).map((p) => p.id),
    };
  });
}

const CONSTRAINT_WORDS: Record<BindingConstraint, string> = {
  power: 'power at the meter',
  cooling: 'heat rejection',
  positions: 'rack positions',
  floorLoading: 'floor loading',
  switchPorts: 'fabric switch ports',
  plantCapacity: 'plant capacity',
  none: 'nothing (no generation to add)',
};

export interface SiteHeadroom {
  readonly site: string;
  readonly name: string;
  readonly quarter: QuarterId;
  readonly headroomMw: number;
  readonly positionsFree: number;
  readonly strandedMw: number;
  readonly strandedPositions: number;
  readonly sentence: string;
}

/** Headroom and stranded capacity at the end of the horizon, in words. */
export function siteHeadroom(report: PlanReport): SiteHeadroom[] {
  return report.sites.map((s) => {
    const last = s.quarters[s.quarters.length - 1]!;
    const st = last.stranded;
    const sentence =
      st.generation === null
        ? `${shortName(s.name)}: ${last.headroomMw.toFixed(1)} MW and ${last.positionsFree} positions free at the end.`
        : `Adding more ${st.generation} at ${shortName(s.name)} stops at ${CONSTRAINT_WORDS[st.bindingConstraint]}; that strands ${st.mw.toFixed(1)} MW and ${st.positions} positions.`;
    return { site: s.id, name: s.name, quarter: last.quarter, headroomMw: last.headroomMw, positionsFree: last.positionsFree, strandedMw: st.mw, strandedPositions: st.positions, sentence };
  });
}

/** Orders summed by kind and generation (firm vs option exposure). */
export function orderSummary(plan: Plan): { generation: string; firm: number; option: number }[] {
  const m = new Map<string, { firm: number; option: number }>();
  for (const o of plan.orders ?? []) {
    const e = m.get(o.generation) ?? { firm: 0, option: 0 };
    e[o.kind] += o.units;
    m.set(o.generation, e);
  }
  return [...m].map(([generation, v]) => ({ generation, ...v }));
}

/** A plant's busiest quarter: what it builds per week then and the parts that takes. */
export interface PlantPeak {
  readonly name: string;
  readonly quarter: PlantQuarter;
}

/** Each plant's peak quarter by racks per week (plants that build nothing are left out). */
export function plantPeaks(report: PlanReport): PlantPeak[] {
  const peaks: PlantPeak[] = [];
  for (const p of report.plants) {
    let peak: PlantQuarter | undefined;
    for (const q of p.quarters) if (!peak || q.racksPerWeek > peak.racksPerWeek) peak = q;
    if (peak && peak.racksPerWeek > 0) peaks.push({ name: shortName(p.name), quarter: peak });
  }
  return peaks;
}

/** Quarters a plan may start in: six years from the January of the year before `start`. */
export function startChoices(start: QuarterId): QuarterId[] {
  const y0 = Math.floor(quarterIndex(start) / 4) - 1;
  return Array.from({ length: 24 }, (_, i) => quarterFromIndex(y0 * 4 + i));
}

/**
 * What the Plan view shows, derived from the plan and its report: the quarters × sites × generations grid,
 * chart series and the per-site headroom and stranded capacity in words. Pure; memoized by the view.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { planDefaults, type PlanDefaults } from '../core/plan/evaluate-site';
import type { BindingConstraint, Plan, PlantQuarter, PlanReport } from '../core/plan/types';
import { quarterFromIndex, quarterIndex, stepAt } from '../core/sites/schedule';
import type { QuarterId, Site } from '../core/sites/types';
import { shortGenerationName, shortName } from './names';

export interface GridColumn {
  readonly site: string;
  readonly siteName: string;
  readonly generations: readonly string[];
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
export function planGrid(plan: Plan, report: PlanReport, sites: readonly Site[], extra: readonly string[], catalog: Catalog): PlanGrid {
  const quarters = planQuarters(plan, catalog);
  const order = new Map(catalog.generations.map((g, i) => [g.id, i]));
  const columns: GridColumn[] = sites.map((s) => {
    const gens = new Set<string>(extra);
    for (const d of plan.deployments) if (d.site === s.id) gens.add(d.generation);
    return { site: s.id, siteName: shortName(s.name), generations: [...gens].filter((g) => order.has(g)).sort((a, b) => order.get(a)! - order.get(b)!) };
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
  return { generationNames: new Map(catalog.generations.map((g) => [g.id, shortGenerationName(g.name)])), quarters, columns, rows };
}

export interface Series {
  readonly label: string;
  readonly data: readonly number[];
}

export interface PlanCharts {
  readonly labels: readonly string[];
  /** Racks in service by generation (all sites). */
  readonly racks: readonly Series[];
  /** Facility MW by site, and the summed meter limit. */
  readonly mw: readonly Series[];
  readonly meterMw: Series;
  /** Plant builds (racks/week) by plant, and their summed capacity. */
  readonly plantBuild: readonly Series[];
  readonly plantCapacity: Series;
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
    const full = catalog.generations.find((g) => g.id === id)?.name;
    return full ? shortGenerationName(full) : id;
  };
  const racks = [...byGen].map(([g, data]) => ({ label: name(g), data }));
  const mw = report.sites.map((s) => ({ label: shortName(s.name), data: s.quarters.map((q) => q.facilityMw) }));
  const meter = quarters.map((q) => sites.reduce((sum, s) => sum + stepAt(s.roles.dataCenter!.meterMw, quarterIndex(q)), 0));
  const plantBuild = report.plants.map((p) => ({ label: `${shortName(p.name)} build`, data: p.quarters.map((q) => q.racksPerWeek) }));
  const cap = quarters.map((_, k) => report.plants.reduce((s, p) => s + (p.quarters[k]?.capacityRacksPerWeek ?? 0), 0));
  return { labels, racks, mw, meterMw: { label: 'Meter limit (all sites)', data: meter }, plantBuild, plantCapacity: { label: 'Plant capacity', data: cap } };
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

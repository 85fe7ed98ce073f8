/**
 * What the Sites view shows for each site, side by side: plant output and data-center limits by date, climate and
 * design condition, PUE with its terms, tariff, grid carbon and headroom — each figure with its sources. Edits make
 * a user's version of the site inside the plan (so the plan uses it) or a tariff override.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { planContext } from '../core/plan/context';
import { siteLoad } from '../core/plan/site-load';
import type { Plan, PlanReport } from '../core/plan/types';
import { pickSourced, type Confidence, type Source, type Sourced } from '../core/provenance';
import { designCondition, type DesignCondition } from '../core/sites/climate';
import type { PueReport } from '../core/sites/pue';
import type { Site, Step } from '../core/sites/types';

export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly note?: string;
}

export interface StepFigure extends Figure {
  readonly from: string;
}

export interface SiteCard {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly summary: string;
  readonly facts: readonly { readonly text: string; readonly confidence: Confidence; readonly sources: readonly Source[] }[];
  /** The plan holds a user's version of this site, or a tariff override. */
  readonly edited: boolean;
  readonly plant: null | { readonly racksPerWeek: readonly StepFigure[]; readonly generations: readonly string[]; readonly leadTimeWeeks: Figure };
  readonly dc: null | {
    readonly meterMw: readonly StepFigure[];
    readonly positions: readonly StepFigure[];
    readonly heatRejectionMw: readonly StepFigure[];
    readonly floorLimitKgM2: Figure | null;
    readonly altitudeM: Figure;
    readonly station: string;
    readonly design: DesignCondition;
    readonly monthlyMeanC: readonly number[];
    readonly monthlySources: readonly Source[];
    readonly rejection: string;
    readonly tariff: Figure & { readonly utility: string; readonly baseYear: number; readonly escalation: Figure; readonly override: number | null };
    readonly grid: Figure & { readonly operator: string; readonly subregion: string };
    readonly pue: { readonly annual: PueReport; readonly peak: PueReport; readonly basis: string };
    readonly headroom: null | { readonly quarter: string; readonly mw: number; readonly positions: number };
  };
}

const fig = (q: Sourced): Figure => ({ value: pickSourced(q, 'typical'), unit: q.unit, confidence: q.confidence, sources: q.sources, note: q.note });
const steps = (s: readonly Step[]): StepFigure[] => s.map((x) => ({ from: x.from, ...fig(x.value) }));

/** Reference load for a site the plan does not use: GB300 NVL72 (or the first generation) at half the final meter. */
function referencePue(site: Site, plan: Plan, catalog: Catalog, sites: readonly Site[]): { annual: PueReport; peak: PueReport; basis: string } {
  const dc = site.roles.dataCenter!;
  const gid = catalog.generations.some((g) => g.id === 'gb300-nvl72') ? 'gb300-nvl72' : catalog.generations[0]!.id;
  const ctx = planContext({ schemaVersion: 1, catalogVersion: catalog.version, name: 'sites', start: plan.start, utilization: plan.utilization ?? 0.8, design: plan.design, deployments: [] }, catalog, sites);
  const sctx = ctx.siteContext(site);
  const f = sctx.facts(gid);
  const finalMeter = Math.max(...dc.meterMw.map((s) => pickSourced(s.value, 'typical')));
  const units = Math.max(1, Math.round((finalMeter * 0.5 * 1000) / 1.25 / Math.max(1, f.inputKw)));
  const load = siteLoad(sctx, new Map([[gid, units]]));
  return { annual: load.annual, peak: load.peak, basis: `reference load: ${units.toLocaleString('en-US')} × ${gid} (half the final ${finalMeter} MW meter), not in the plan` };
}

/**
 * Cards for every site (presets replaced by the plan's own versions).
 * @param report - the plan's report: PUE and headroom of the sites the plan uses come from it
 */
export function siteCards(plan: Plan, report: PlanReport, catalog: Catalog, presets: readonly Site[]): SiteCard[] {
  const byId = new Map(presets.map((s) => [s.id, s]));
  for (const s of plan.sites ?? []) byId.set(s.id, s);
  const all = [...byId.values()];
  const reports = new Map(report.sites.map((s) => [s.id, s]));
  return all.map((s) => {
    const dc = s.roles.dataCenter;
    const pl = s.roles.plant;
    const sr = reports.get(s.id);
    const override = plan.prices?.tariffUsdPerKwh?.[s.id] ?? null;
    const last = sr?.quarters[sr.quarters.length - 1];
    return {
      id: s.id,
      name: s.name,
      state: s.state,
      summary: s.summary,
      facts: s.facts,
      edited: (plan.sites ?? []).some((x) => x.id === s.id) || override !== null,
      plant: pl ? { racksPerWeek: steps(pl.racksPerWeek), generations: pl.generations, leadTimeWeeks: fig(pl.leadTimeWeeks) } : null,
      dc: dc
        ? {
            meterMw: steps(dc.meterMw),
            positions: steps(dc.rackPositions),
            heatRejectionMw: steps(dc.heatRejectionMw),
            floorLimitKgM2: 'confidence' in dc.floorLimitKgM2 ? fig(dc.floorLimitKgM2) : null,
            altitudeM: fig(dc.altitudeM),
            station: `${dc.climate.station.name} (${dc.climate.station.icao})`,
            design: designCondition(dc.climate, plan.design ?? '0.4%', dc.cooling.rejection),
            monthlyMeanC: dc.climate.monthly.dryBulbMeanC.values,
            monthlySources: dc.climate.monthly.dryBulbMeanC.sources,
            rejection: dc.cooling.rejection === 'dry-cooler' ? 'dry coolers' : 'cooling towers',
            tariff: { ...fig(dc.tariff.priceUsdPerKwh), utility: dc.tariff.utility, baseYear: dc.tariff.baseYear, escalation: fig(dc.tariff.escalationPerYear), override },
            grid: { ...fig(dc.grid.co2KgPerMwh), operator: dc.grid.operator, subregion: dc.grid.egridSubregion },
            pue:
              sr?.pueDetail && sr.peakPueDetail
                ? { annual: sr.pueDetail, peak: sr.peakPueDetail, basis: `the plan’s load in ${sr.year ?? 'the last year'}` }
                : referencePue(s, plan, catalog, all),
            headroom: last ? { quarter: last.quarter, mw: last.headroomMw, positions: last.positionsFree } : null,
          }
        : null,
    };
  });
}

/** A copy of a site with its final meter step, final positions step and grid carbon replaced (a user's version). */
export function editSite(site: Site, edit: { meterMw?: number; positions?: number; co2KgPerMwh?: number }): Site {
  const dc = site.roles.dataCenter;
  if (!dc) return site;
  const user = (q: Sourced, value: number): Sourced => ({ value, unit: q.unit, confidence: 'estimate', sources: [], note: `Your value (was ${pickSourced(q, 'typical')} ${q.unit}).` });
  const lastStep = (s: readonly Step[], value: number | undefined): Step[] =>
    value === undefined || !s.length ? [...s] : s.map((x, i) => (i === s.length - 1 ? { from: x.from, value: user(x.value, value) } : x));
  return {
    ...site,
    roles: {
      ...site.roles,
      dataCenter: {
        ...dc,
        meterMw: lastStep(dc.meterMw, edit.meterMw),
        rackPositions: lastStep(dc.rackPositions, edit.positions),
        grid: edit.co2KgPerMwh === undefined ? dc.grid : { ...dc.grid, co2KgPerMwh: user(dc.grid.co2KgPerMwh, edit.co2KgPerMwh) },
      },
    },
  };
}

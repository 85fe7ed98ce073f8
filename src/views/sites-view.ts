/**
 * What the Sites view shows for each site, side by side: plant output and data-center limits by date, climate and
 * design condition, PUE with its terms (cooling split into fans and pumps and the trim chiller), water use, the
 * training ramp, tariff (base year, capacity charge), grid carbon and headroom — each figure with its sources. Edits make
 * a user's version of the site inside the plan (so the plan uses it) or a tariff override.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { describeLoad, evaluateSite, finalQuarter, meterFraction, siteSettings, type SiteSettings, type StatedLoad } from '../core/plan/evaluate-site';
import type { Plan, PlanReport, PlanSite, SiteOverride, SiteOverrides } from '../core/plan/types';
import { describeOverride } from '../core/plan/overrides';
import { SITE_OVERRIDE_LIMITS } from '../schema/limits';
import type { NumericLimit } from '../schema/limits';
import { pickSourced, type Confidence, type Source, type Sourced } from '../core/provenance';
import { designCondition, type DesignCondition } from '../core/sites/climate';
import type { PueReport } from '../core/sites/pue';
import { stepAt } from '../core/sites/schedule';
import type { Site, Step } from '../core/sites/types';
import { listedGenerations } from './generations';

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
    /** A capacity-market charge paid apart from the tariff (PJM for Ohio), by delivery year; null where none applies. */
    readonly capacity: null | { readonly market: string; readonly zone: string; readonly prices: readonly (Figure & { readonly deliveryYear: string })[] };
    /** Water the heat rejection uses in a year: the plan's figures for its last full year, else the annual PUE's at the reference load. */
    readonly water: { readonly wueLPerKwh: number | null; readonly waterM3: number; readonly year: number | null };
    /** Grid swing of a synchronized training job (seconds scale) and, apart, the DC transient peak (µs, rack side). */
    readonly ramp: { readonly trainingRampMw: number; readonly transientPeakMw: number };
    readonly grid: Figure & { readonly operator: string; readonly subregion: string };
    /**
     * PUE at the plan's load at this site, or at the site's reference load (`load`) when the plan does not use it;
     * `basis` states the load in words. `annual` and `peak` are the site model's own (every term); `fixed` holds a
     * PUE the plan fixes in their place (null: the computed one is used).
     */
    readonly pue: { readonly annual: PueReport; readonly peak: PueReport; readonly basis: string; readonly load: StatedLoad | null; readonly fixed: { readonly annual: number | null; readonly peak: number | null } };
    /** The plan's overrides of this site: each overridden figure with what it replaced (`list`), and the values as set (`values`). */
    readonly overrides: { readonly list: readonly (SiteOverride & { readonly text: string })[]; readonly values: SiteOverrides };
    readonly headroom: null | { readonly quarter: string; readonly mw: number; readonly positions: number };
  };
}

const fig = (q: Sourced): Figure => ({ value: pickSourced(q, 'typical'), unit: q.unit, confidence: q.confidence, sources: q.sources, note: q.note });
const steps = (s: readonly Step[]): StepFigure[] => s.map((x) => ({ from: x.from, ...fig(x.value) }));

type CardPue = NonNullable<SiteCard['dc']>['pue'];
type CardRamp = NonNullable<SiteCard['dc']>['ramp'];

/** The fixed PUEs in an override list (null where the computed one is used). */
function fixedPue(list: readonly SiteOverride[]): CardPue['fixed'] {
  return { annual: list.find((o) => o.figure === 'pue')?.value ?? null, peak: list.find((o) => o.figure === 'peakPue')?.value ?? null };
}

/** PUE, ramp and overrides of a site the plan does not use: the site at its reference load (core rule) under the plan's settings. */
function referencePue(site: PlanSite, catalog: Catalog, settings: SiteSettings): { pue: CardPue; ramp: CardRamp; overrides: readonly SiteOverride[] } {
  const r = evaluateSite(site, catalog, settings);
  if (!r.ok) throw new Error(r.error.map((i) => i.message).join('; ')); // only data-center sites reach here, and the reference generation is in the catalog
  const d = r.value.detail;
  return {
    pue: { annual: d.computed.annual ?? d.annual, peak: d.computed.peak ?? d.peak, basis: `the ${describeLoad(r.value.load)}; not in the plan`, load: r.value.load, fixed: fixedPue(r.value.overrides) },
    ramp: { trainingRampMw: d.rampKw / 1000, transientPeakMw: d.transientPeakKw / 1000 },
    overrides: r.value.overrides,
  };
}

const REJECTION_WORDS = { 'dry-cooler': 'dry coolers', 'adiabatic-dry-cooler': 'adiabatic-assisted dry coolers', 'cooling-tower': 'cooling towers' } as const;

/** PUE at the plan's own load in its last full year, with that load stated against the final meter (at the fixed peak PUE where there is one). */
function planPue(site: Site, annual: PueReport, peak: PueReport, year: number | null, overrides: readonly SiteOverride[]): CardPue {
  const finalMeterMw = stepAt(site.roles.dataCenter!.meterMw, finalQuarter(site));
  const fixed = fixedPue(overrides);
  const facilityMw = fixed.peak === null ? peak.facilityMw : peak.itMw * fixed.peak;
  const fill = meterFraction(facilityMw, finalMeterMw);
  const mw = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    annual,
    peak,
    basis: `the plan’s load in ${year ?? 'the last year'}: ${mw(peak.itMw)} MW design IT, ${mw(facilityMw)} MW at the meter${fill === null ? '' : ` = ${(fill * 100).toFixed(1)} %`} of the final ${finalMeterMw.toLocaleString('en-US')} MW meter`,
    load: null,
    fixed,
  };
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
  const settings = siteSettings(catalog, plan);
  // Plants name the generations they build: names only, so from the listed generations (loaded or not).
  const listed = listedGenerations(catalog);
  return all.map((s) => {
    const dc = s.roles.dataCenter;
    const pl = s.roles.plant;
    const sr = reports.get(s.id);
    const override = plan.prices?.tariffUsdPerKwh?.[s.id] ?? null;
    const last = sr?.quarters[sr.quarters.length - 1];
    const used = dc && sr?.pueDetail && sr.peakPueDetail ? { pue: planPue(s, sr.pueDetail, sr.peakPueDetail, sr.year, sr.overrides), ramp: { trainingRampMw: last?.trainingRampMw ?? 0, transientPeakMw: last?.transientPeakMw ?? 0 }, overrides: sr.overrides } : null;
    const shown = dc ? (used ?? referencePue(s, catalog, settings)) : null;
    return {
      id: s.id,
      name: s.name,
      state: s.state,
      summary: s.summary,
      facts: s.facts,
      edited: (plan.sites ?? []).some((x) => x.id === s.id) || override !== null,
      // Names, not ids (review finding 36); '*' stays the wildcard the card words as "every generation".
      plant: pl ? { racksPerWeek: steps(pl.racksPerWeek), generations: pl.generations.map((g) => (g === '*' ? g : (listed.find((x) => x.id === g)?.name ?? g))), leadTimeWeeks: fig(pl.leadTimeWeeks) } : null,
      dc: dc
        ? {
            meterMw: steps(dc.meterMw),
            positions: steps(dc.rackPositions),
            heatRejectionMw: steps(dc.heatRejectionMw),
            floorLimitKgM2: 'confidence' in dc.floorLimitKgM2 ? fig(dc.floorLimitKgM2) : null,
            altitudeM: fig(dc.altitudeM),
            station: `${dc.climate.station.name} (${dc.climate.station.icao})`,
            design: designCondition(dc.climate, settings.design, dc.cooling.rejection),
            monthlyMeanC: dc.climate.monthly.dryBulbMeanC.values,
            monthlySources: dc.climate.monthly.dryBulbMeanC.sources,
            rejection: REJECTION_WORDS[dc.cooling.rejection],
            tariff: { ...fig(dc.tariff.priceUsdPerKwh), utility: dc.tariff.utility, baseYear: dc.tariff.baseYear, escalation: fig(dc.tariff.escalationPerYear), override },
            capacity: dc.tariff.capacity
              ? { market: dc.tariff.capacity.market, zone: dc.tariff.capacity.zone, prices: dc.tariff.capacity.prices.map((p) => ({ ...fig(p.priceUsdPerMwDay), deliveryYear: `${p.deliveryYear}/${String(p.deliveryYear + 1).slice(2)}` })) }
              : null,
            water: used && sr ? { wueLPerKwh: sr.wueLPerKwh, waterM3: sr.waterM3, year: sr.year } : { wueLPerKwh: shown!.pue.annual.wueLPerKwh, waterM3: shown!.pue.annual.waterM3PerYear ?? 0, year: null },
            ramp: shown!.ramp,
            grid: { ...fig(dc.grid.co2KgPerMwh), operator: dc.grid.operator, subregion: dc.grid.egridSubregion },
            pue: shown!.pue,
            overrides: { list: shown!.overrides.map((o) => ({ ...o, text: describeOverride(o) })), values: overrideValues(s) },
            headroom: last ? { quarter: last.quarter, mw: last.headroomMw, positions: last.positionsFree } : null,
          }
        : null,
    };
  });
}

/** The override fields a plan's site carries (none for a preset). */
function overrideValues(site: PlanSite): SiteOverrides {
  const out: { -readonly [K in keyof SiteOverrides]: number } = {};
  for (const f of SITE_OVERRIDE_INPUTS) if (site[f.field] !== undefined) out[f.field] = site[f.field];
  return out;
}

/** The override fields the Sites view edits, in order: the plan file's field, its label, display kind and range. */
export const SITE_OVERRIDE_INPUTS: readonly {
  readonly field: keyof SiteOverrides;
  readonly label: string;
  /** `power` values are W in the field (kW in the plan); `ratio` and `percent` as stored. */
  readonly kind: 'ratio' | 'percent' | 'power';
  readonly limit: NumericLimit;
  readonly help: string;
}[] = [
  { field: 'pueOverride', label: 'Fixed PUE', kind: 'ratio', limit: SITE_OVERRIDE_LIMITS.pueOverride, help: 'Annual; also the peak unless a fixed peak is set' },
  { field: 'peakPueOverride', label: 'Fixed peak PUE', kind: 'ratio', limit: SITE_OVERRIDE_LIMITS.peakPueOverride, help: 'At the design condition: the meter check' },
  { field: 'utilization', label: 'Utilization here', kind: 'percent', limit: SITE_OVERRIDE_LIMITS.utilization, help: 'In place of the plan’s, for this site’s energy' },
  { field: 'storageKw', label: 'Storage IT', kind: 'power', limit: SITE_OVERRIDE_LIMITS.storageKw, help: 'Beside the units: IT, meter, energy' },
  { field: 'otherItKw', label: 'Other IT', kind: 'power', limit: SITE_OVERRIDE_LIMITS.otherItKw, help: 'Front-end servers and the rest beside the units' },
];

/** A copy of a plan's site with one override set (a number) or cleared (undefined). */
export function withSiteOverride(site: PlanSite, field: keyof SiteOverrides, value: number | undefined): PlanSite {
  const { [field]: _old, ...rest } = site;
  return value === undefined ? rest : { ...rest, [field]: value };
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

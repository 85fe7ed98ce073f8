/**
 * A site at a stated load under plan-level settings, without a plan document. Every place that shows a site's
 * facility figures goes through here: the Rack designer's facility chain, the Sites view, `rackplan site`,
 * compare, what-fits, and the plan's own site contexts (`planContext` builds them with {@link siteContext}).
 *
 * It lives in `plan/` rather than `sites/` because the site model it runs (unit facts, fabric estimate, heat by
 * supply temperature) is the plan's `siteLoad`; the pure physics it calls (PUE, chain, climate) stay in `sites/`.
 * @module
 */
import type { Catalog, Generation } from '../catalog/types';
import { findGeneration } from '../catalog/lookup';
import { issue, type Issue } from '../issues';
import { pickSourced, type Basis } from '../provenance';
import type { UnitOptions } from '../rack/types';
import type { DesignBasis } from '../sites/climate';
import type { PueReport } from '../sites/pue';
import { quarterFromIndex, quarterIndex, stepAt } from '../sites/schedule';
import type { QuarterId, Site, Step } from '../sites/types';
import { unitOptionsAtSite } from '../sites/unit-defaults';
import { unitFacts, type UnitFacts } from './facts';
import { planFabricSpec, type FabricSpec } from './network';
import { fitMore, siteLimits, siteLoad, type SiteContext, type SiteLoad } from './site-load';
import { overriddenFigures, siteOverridesOf } from './overrides';
import type { BindingConstraint, Plan, PlanSite, SiteOverride } from './types';
import type { Result } from '../result';

/** The plan-level fields a site's figures depend on; a plan document has them all (any unset takes the catalog default). */
export type PlanLevelSettings = Pick<Plan, 'utilization' | 'design' | 'basis' | 'syncIdleFraction' | 'unitOptions' | 'network'>;

/** Plan-level settings with every default resolved. */
export interface SiteSettings {
  /** Average IT draw ÷ design IT (annual PUE and energy). */
  readonly utilization: number;
  /** Design condition of the peak PUE (facility MW against the meter). */
  readonly design: DesignBasis;
  /** Point of catalog ranges used for sizing units. */
  readonly basis: Basis;
  /** Share of design input a synchronized training job draws in its low phase (training ramp). */
  readonly idleFraction: number;
  readonly fabric: FabricSpec;
  /** The user's own unit options by generation id (site defaults apply under them, see `unitOptionsAtSite`). */
  readonly unitOptions: Readonly<Record<string, UnitOptions>>;
}

/** Plan defaults from the price book (`catalog.prices.planDefaults`), at their typical values. */
export interface PlanDefaults {
  readonly horizonYears: number;
  readonly utilization: number;
  readonly discountRate: number;
}

/** The one read of `catalog.prices.planDefaults`: the plan, the views and the CLI take unset settings from here. */
export function planDefaults(catalog: Catalog): PlanDefaults {
  const d = catalog.prices.planDefaults;
  return { horizonYears: pickSourced(d.horizonYears, 'typical'), utilization: pickSourced(d.utilization, 'typical'), discountRate: pickSourced(d.discountRate, 'typical') };
}

/** Resolve plan-level settings: each unset value from the catalog (utilization, fabric, idle fraction) or the documented default (design 0.4 %, basis max). */
export function siteSettings(catalog: Catalog, given: PlanLevelSettings = {}): SiteSettings {
  const net = given.network ?? {};
  return {
    utilization: given.utilization ?? planDefaults(catalog).utilization,
    design: given.design ?? '0.4%',
    basis: given.basis ?? 'max',
    idleFraction: given.syncIdleFraction ?? pickSourced(catalog.prices.costFactors.syncIdleFraction, 'typical'),
    // Fabric default: one place for the plan, compare and site figures.
    fabric: planFabricSpec(catalog, net, given.basis ?? 'max'),
    unitOptions: given.unitOptions ?? {},
  };
}

/** Unit facts of a generation under the settings: at a site (its defaults under the user's options) or at a plant (no site). */
export function unitFactsAt(generation: Generation, catalog: Catalog, settings: SiteSettings, site?: Site): UnitFacts {
  const own: UnitOptions = { basis: settings.basis, ...(settings.unitOptions[generation.id] ?? {}) };
  return unitFacts(generation, unitOptionsAtSite(site, own), catalog);
}

/**
 * The context every figure of a data-center site is computed in, with the site's own overrides (a plan's site may
 * fix its PUE, set its utilization and add IT beside the units). `facts` may be given to share a caller's cache
 * (the plan's); it must return {@link unitFactsAt} at this site.
 */
export function siteContext(site: PlanSite, catalog: Catalog, settings: SiteSettings, facts?: (generationId: string) => UnitFacts): SiteContext {
  const overrides = siteOverridesOf(site);
  return {
    site,
    dc: site.roles.dataCenter!,
    facts: facts ?? ((gid) => unitFactsAt(findGeneration(catalog, gid)!.generation, catalog, settings, site)),
    fabric: settings.fabric,
    utilization: overrides.utilization ?? settings.utilization,
    design: settings.design,
    idleFraction: settings.idleFraction,
    overrides,
  };
}

/** Facility MW as a fraction of a meter; null when the meter is zero or so small that the ratio is not a finite number. */
export function meterFraction(facilityMw: number, meterMw: number): number | null {
  const f = facilityMw / meterMw;
  return meterMw > 0 && Number.isFinite(f) ? f : null;
}

/** The generation a site is shown with when nobody names one. */
export const REFERENCE_GENERATION = 'gb300-nvl72';

export function referenceGeneration(catalog: Catalog): string {
  return catalog.generations.some((g) => g.id === REFERENCE_GENERATION) ? REFERENCE_GENERATION : catalog.generations[0]!.id;
}

/** The quarter of a site's final build-out: the latest step of any of its data-center limits. */
export function finalQuarter(site: Site): number {
  const dc = site.roles.dataCenter;
  const all: readonly Step[] = dc ? [...dc.meterMw, ...dc.rackPositions, ...dc.heatRejectionMw, ...dc.switchPorts] : [];
  return all.length ? Math.max(...all.map((s) => quarterIndex(s.from))) : 0;
}

/** How the units of a stated load were chosen. */
export type LoadRule = 'reference' | 'units' | 'it-mw';

/** The load a site's figures were computed for, stated with every output that shows them. */
export interface StatedLoad {
  readonly rule: LoadRule;
  readonly generation: string;
  readonly units: number;
  readonly racks: number;
  /** Design IT: Σ unit input + fabric switches, MW. */
  readonly itMw: number;
  /** Power at the meter at the design condition (IT × peak PUE), MW. */
  readonly facilityMw: number;
  /** The site's final meter step, and the quarter of its final build-out. */
  readonly finalMeterMw: number;
  readonly finalQuarter: QuarterId;
  /** facilityMw ÷ finalMeterMw: how full the final meter is (null when the site has no meter power to fill). */
  readonly fillFraction: number | null;
  /** The limit that stopped the reference fill (`none` for a load the caller stated). */
  readonly bindingConstraint: BindingConstraint;
}

/**
 * **The reference load**, the one rule for the load a site is shown at when nobody states one (the Rack
 * designer's facility chain, the Sites view for a site the plan does not use, `rackplan site` without
 * `--units`/`--it-mw`):
 *
 * the site at its final build-out, filled with one generation — the most whole units of it that fit on the empty
 * site at its latest limit step: facility power at the design condition (design IT incl. fabric × peak PUE, the
 * plan's meter test) within the final meter, racks within the final positions, and heat and scale-out ports within
 * the final heat-rejection and switch-port limits where the site sets them. The count comes from the same bisection
 * as "what fits" (`fitMore`), so PUE changing with load is included. The floor rating is left out (it decides which
 * racks may stand there, not how many). At least one unit.
 *
 * Why: a facility chain is sized for its build-out, so module counts, loadings and losses of the full site are the
 * ones an engineer designs against; and a fill from the site's own limits assumes no PUE (the two older rules guessed
 * meter ÷ (input × 1.3) and half the meter ÷ 1.25, and disagreed).
 */
export function referenceUnits(ctx: SiteContext, generationId: string): { readonly units: number; readonly bindingConstraint: BindingConstraint } {
  const limits = { ...siteLimits(ctx.dc, finalQuarter(ctx.site)), floorLimitKgM2: null };
  const fit = fitMore(ctx, new Map(), generationId, limits);
  return fit.units > 0 ? { units: fit.units, bindingConstraint: fit.bindingConstraint } : { units: 1, bindingConstraint: 'none' };
}

/** What load to evaluate a site at: a generation (default {@link referenceGeneration}) and units or design IT MW (default the reference load). */
export interface LoadRequest {
  readonly generation?: string;
  readonly units?: number;
  /** Design IT of the units (Σ unit input, without fabric), MW; units = round(itMw ÷ unit input), at least 1. */
  readonly itMw?: number;
}

/** The shared result shape (`.ok`, then `.value` or `.error`). */
export type SiteResult = Result<SiteEvaluation, Issue[]>;

export interface SiteEvaluation {
  readonly site: Site;
  readonly settings: SiteSettings;
  readonly load: StatedLoad;
  readonly annual: PueReport;
  /** At the design condition: facility MW against the meter, chain stages, cooling. */
  readonly peak: PueReport;
  /** The full site model at the load (heat by supply temperature, coolant, CDUs, fabric, heat rejection). */
  readonly detail: SiteLoad;
  /** Final meter − facility MW at peak PUE; final positions − racks. */
  readonly headroomMw: number;
  /** Figures of the site the engineer overrode, each with what it replaced at this load (empty when none). */
  readonly overrides: readonly SiteOverride[];
  readonly positionsFree: number;
  readonly context: SiteContext;
}

/**
 * A site at a stated load (or the reference load) under plan-level settings: annual and peak PUE with their terms,
 * the facility chain stages, cooling, power at the meter and headroom against the final limits.
 * Fails with typed issues for a site without a data-center role or an unknown generation.
 */
export function evaluateSite(site: PlanSite, catalog: Catalog, settings: SiteSettings, request: LoadRequest = {}): SiteResult {
  if (!site.roles.dataCenter) return { ok: false, error: [issue('not_a_data_center', 'error', ['site'], `site "${site.id}" has no data-center role`)] };
  const found = findGeneration(catalog, request.generation ?? referenceGeneration(catalog));
  if (!found) return { ok: false, error: [issue('unknown_generation', 'error', ['generation'], `no generation "${request.generation}" in the catalog`)] };
  const gid = found.generation.id;
  const context = siteContext(site, catalog, settings);
  let rule: LoadRule;
  let units: number;
  let binding: BindingConstraint = 'none';
  if (request.units !== undefined) {
    rule = 'units';
    units = request.units;
  } else if (request.itMw !== undefined) {
    rule = 'it-mw';
    units = Math.max(1, Math.round((request.itMw * 1000) / Math.max(1, context.facts(gid).inputKw)));
  } else {
    rule = 'reference';
    ({ units, bindingConstraint: binding } = referenceUnits(context, gid));
  }
  const detail = siteLoad(context, new Map([[gid, units]]));
  const q = finalQuarter(site);
  const limits = siteLimits(site.roles.dataCenter, q);
  const load: StatedLoad = {
    rule,
    generation: gid,
    units,
    racks: detail.racks,
    itMw: detail.itKw / 1000,
    facilityMw: detail.peak.facilityMw,
    finalMeterMw: limits.meterMw,
    finalQuarter: quarterFromIndex(q),
    fillFraction: meterFraction(detail.peak.facilityMw, limits.meterMw),
    bindingConstraint: binding,
  };
  return {
    ok: true,
    value: {
      site,
      settings,
      load,
      annual: detail.annual,
      peak: detail.peak,
      detail,
      headroomMw: limits.meterMw - detail.peak.facilityMw,
      overrides: overriddenFigures(context.overrides, settings.utilization, detail),
      positionsFree: stepAt(site.roles.dataCenter.rackPositions, q) - detail.racks,
      context,
    },
  };
}

const LIMIT_WORDS: Record<BindingConstraint, string> = {
  power: 'the meter',
  cooling: 'heat rejection',
  positions: 'rack positions',
  floorLoading: 'floor loading',
  switchPorts: 'switch ports',
  plantCapacity: 'plant capacity',
  none: 'nothing',
};

/**
 * The stated load in one sentence, for every output that shows a site's facility figures, e.g.
 * "reference load: 3,467 × gb300-nvl72 (3,467 racks), 540.2 MW design IT, 599.9 MW at the meter = 100.0 % of the
 * final 600 MW meter (2028-Q1), filled until the meter binds".
 */
export function describeLoad(load: StatedLoad): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const mw = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const head = load.rule === 'reference' ? 'reference load' : load.rule === 'it-mw' ? 'stated IT load' : 'stated load';
  const why = load.rule === 'reference' ? (load.bindingConstraint === 'none' ? ', one unit (none fits the final limits)' : `, filled until ${LIMIT_WORDS[load.bindingConstraint]} binds`) : '';
  return `${head}: ${count(load.units)} × ${load.generation} (${count(load.racks)} racks), ${mw(load.itMw)} MW design IT, ${mw(load.facilityMw)} MW at the meter${load.fillFraction === null ? '' : ` = ${(load.fillFraction * 100).toFixed(1)} %`} of the final ${count(load.finalMeterMw)} MW meter (${load.finalQuarter})${why}`;
}

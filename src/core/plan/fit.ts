/**
 * What fits: how many more units of a generation fit at a data-center site (on top of what a plan already has in
 * service there by a quarter), and which limit binds first: power (facility MW at peak PUE against the meter),
 * cooling (heat rejection), rack positions, floor loading, fabric switch ports, or plant capacity up to the date.
 * @module
 */
import type { Catalog } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { pickSourced } from '../provenance';
import { quarterFromIndex, quarterIndex, stepAt } from '../sites/schedule';
import type { QuarterId, Site } from '../sites/types';
import { planContext, settingsContext, type SettingsContext } from './context';
import { WEEKS_PER_QUARTER } from './evaluate';
import { siteContext } from './evaluate-site';
import { overriddenFigures, siteOverridesOf } from './overrides';
import { fitMore, fixedPues, siteLimits, siteLoad, type FitResult, type SiteLoad } from './site-load';
import type { BindingConstraint, Order, Plan, SiteOverride, SiteOverrides } from './types';

export interface FitRequest {
  readonly generation: string;
  readonly site: string;
  /** Quarter the fit is judged at (default: the plan's last quarter, or the site's last meter step). */
  readonly by?: QuarterId;
  readonly plan?: Plan;
}

export interface FitReport {
  readonly generation: string;
  readonly site: string;
  readonly quarter: QuarterId;
  /** Units of the generation that still fit. */
  readonly units: number;
  readonly racks: number;
  readonly bindingConstraint: BindingConstraint;
  readonly slack: FitResult['slack'];
  /** Units each limit alone would allow (null: the site sets no such limit). */
  readonly limitUnits: FitResult['limitUnits'];
  /** What is already in service at the site by that quarter (from the plan). */
  readonly existing: { readonly racks: number; readonly itMw: number; readonly facilityMw: number };
  readonly limits: { readonly meterMw: number; readonly positions: number; readonly heatRejectionMw: number | null; readonly switchPorts: number | null; readonly floorLimitKgM2: number | null };
  /** After adding the units: design IT, facility MW and peak PUE. */
  readonly after: { readonly itMw: number; readonly facilityMw: number; readonly peakPue: number | null; readonly pue: number | null };
  /** The plan's overrides of the site (fixed PUE, utilization, IT beside the units) at the `after` load; empty when none. */
  readonly overrides: readonly SiteOverride[];
  readonly issues: readonly Issue[];
}

/** How many more units fit, and what binds. Unknown ids come back as error issues with `units: 0`. */
export function fitUnits(req: FitRequest, catalog: Catalog, sites: readonly Site[]): FitReport {
  // With a plan: its settings, sites and what it has in service; without one, the catalog defaults on an empty site.
  const planCtx = req.plan ? planContext(req.plan, catalog, sites) : undefined;
  const ctx: SettingsContext = planCtx ?? settingsContext({}, catalog, sites);
  const deployments = req.plan?.deployments ?? [];
  const issues: Issue[] = [...ctx.issues.filter((i) => i.severity !== 'info')];
  const g = ctx.generation(req.generation, ['generation']);
  const site = ctx.sites.get(req.site);
  const q = req.by ? quarterIndex(req.by) : planCtx ? planCtx.end : quarterIndex(defaultQuarter(sites, req.site));
  const empty = (why: Issue): FitReport => ({
    generation: req.generation,
    site: req.site,
    quarter: quarterFromIndex(q),
    units: 0,
    racks: 0,
    bindingConstraint: 'none',
    slack: { powerMw: 0, coolingMw: null, positions: 0, floorLoadingKgM2: null, switchPorts: null, plantRacks: null },
    limitUnits: { power: null, cooling: null, positions: null, floorLoading: null, switchPorts: null, plantCapacity: null },
    existing: { racks: 0, itMw: 0, facilityMw: 0 },
    limits: { meterMw: 0, positions: 0, heatRejectionMw: null, switchPorts: null, floorLimitKgM2: null },
    after: { itMw: 0, facilityMw: 0, peakPue: null, pue: null },
    overrides: [],
    issues: [...issues, why],
  });
  if (!g) return empty(issue('unknown_generation', 'error', ['generation'], `no generation "${req.generation}" in the catalog`));
  if (!site) return empty(issue('unknown_site', 'error', ['site'], `no site "${req.site}"`));
  if (!site.roles.dataCenter) return empty(issue('not_a_data_center', 'error', ['site'], `site "${req.site}" has no data-center role`));

  // What the plan has in service at the site by then.
  const mix = new Map<string, number>();
  for (const d of deployments) {
    if (d.site !== site.id || quarterIndex(d.quarter) > q) continue;
    const id = ctx.generation(d.generation, ['deployments'])?.id;
    if (id) mix.set(id, (mix.get(id) ?? 0) + d.units);
  }
  const sctx = ctx.siteContext(site);
  const limits = siteLimits(site.roles.dataCenter, q);
  const plantRacks = req.by ? plantRacksUntil(ctx, req.plan?.orders ?? [], g.id, q, planCtx ? planCtx.start : firstPlantQuarter(sites)) : null;
  const before = siteLoad(sctx, mix);
  const r = fitMore(sctx, mix, g.id, limits, plantRacks);
  const after = siteLoad(sctx, new Map([...mix, [g.id, (mix.get(g.id) ?? 0) + r.units]]));
  const f = sctx.facts(g.id);
  if (q < f.availableQuarter) issues.push(issue('generation_not_available', 'warning', ['by'], `${g.id} is available from ${quarterFromIndex(f.availableQuarter)}`));
  if (before.peak.facilityMw > limits.meterMw + 1e-9) issues.push(issue('site_power_exceeded', 'error', ['site'], `the plan already exceeds the meter at ${site.id} in ${quarterFromIndex(q)}`, { limit: limits.meterMw, actual: before.peak.facilityMw, unit: 'MW' }));
  return {
    generation: g.id,
    site: site.id,
    quarter: quarterFromIndex(q),
    units: r.units,
    racks: r.units * f.racks,
    bindingConstraint: r.bindingConstraint,
    slack: r.slack,
    limitUnits: r.limitUnits,
    existing: { racks: before.racks, itMw: before.itKw / 1000, facilityMw: before.peak.facilityMw },
    limits,
    after: { itMw: after.itKw / 1000, facilityMw: after.peak.facilityMw, peakPue: after.peak.pue, pue: after.annual.pue },
    overrides: overriddenFigures(sctx.overrides, ctx.settings.utilization, after.racks > 0 ? after : null),
    issues,
  };
}

/** The quarter of a site's last meter-power step (when its full power is available). */
function defaultQuarter(sites: readonly Site[], siteId: string): QuarterId {
  const s = sites.find((x) => x.id === siteId);
  const steps = s?.roles.dataCenter?.meterMw ?? [];
  if (!steps.length) return '2026-Q1';
  return quarterFromIndex(Math.max(...steps.map((x) => quarterIndex(x.from))));
}

/**
 * Racks of plant capacity left for a generation from `from` (the plan's start, or without a plan the first quarter any
 * plant has capacity) or the generation's availability, whichever is later, until the last build quarter that still
 * ships by `q`, after the plan's own orders.
 */
function plantRacksUntil(ctx: SettingsContext, orders: readonly Order[], generationId: string, q: number, from: number): number {
  const f = ctx.facts(generationId);
  let racks = 0;
  for (const p of ctx.sites.values()) {
    const role = p.roles.plant;
    if (!role || (!role.generations.includes('*') && !role.generations.includes(generationId))) continue;
    const lead = Math.ceil(pickSourced(role.leadTimeWeeks, 'typical') / WEEKS_PER_QUARTER);
    for (let b = Math.max(from, f.availableQuarter); b + lead <= q; b++) {
      let used = 0;
      for (const o of orders) if (o.plant === p.id && quarterIndex(o.quarter) === b) used += o.units * ctx.facts(ctx.generation(o.generation, ['orders'])?.id ?? generationId).racks;
      racks += Math.max(0, stepAt(role.racksPerWeek, b) * WEEKS_PER_QUARTER - used);
    }
  }
  return racks;
}

/** First quarter in which any plant has capacity (the start of the plant window when no plan is given). */
function firstPlantQuarter(sites: readonly Site[]): number {
  let first = Infinity;
  for (const s of sites) for (const st of s.roles.plant?.racksPerWeek ?? []) first = Math.min(first, quarterIndex(st.from));
  return Number.isFinite(first) ? first : 0;
}

/**
 * A power budget to size against. `utility` and `facility` are the same point in rackplan's model — power at the
 * utility meter, where The Green Grid measures PUE — checked at the site's peak (design-day) PUE; `it` is the
 * racks' input power (units plus fabric switches).
 */
export interface PowerBudget {
  readonly kind: 'utility' | 'facility' | 'it';
  readonly mw: number;
}

export interface PowerFitRequest {
  readonly generation: string;
  readonly site: string;
  readonly budget: PowerBudget;
  /**
   * The site's overrides, as a plan's site states them (src/core/plan/types.ts `SiteOverrides`): a fixed PUE
   * (`pueOverride`, `peakPueOverride`: the meter check uses the peak one, which defaults to the annual one) and IT
   * beside the units (`storageKw`, `otherItKw`, counted in IT and at the meter). Given ones replace the site's own.
   */
  readonly overrides?: SiteOverrides;
}

export interface PowerFitReport {
  readonly generation: string;
  readonly site: string;
  readonly budget: PowerBudget;
  readonly units: number;
  readonly racks: number;
  readonly accelerators: number;
  /** Design IT MW (units + fabric switches) and facility MW at the meter for those units. */
  readonly itMw: number;
  readonly facilityMw: number;
  /** PUE used at the meter: the site's peak (design-day) PUE, or the fixed one. */
  readonly pue: number | null;
  readonly pueSource: 'computed' | 'override';
  /** The overridden figures at the answer's load, each with what it replaced (empty when none). */
  readonly overrides: readonly SiteOverride[];
  /** What stops the next unit: the budget itself. */
  readonly limitingFactor: 'itPower' | 'facilityPower';
  /** The next unit's increment, MW, at the budget's measuring point: the answer is exact to within this. */
  readonly nextUnitMw: number;
  /** The site's own limits (positions, cooling, ports, floor) for the same generation, for context; not applied. */
  readonly siteLimitUnits: FitResult['limitUnits'];
  readonly issues: readonly Issue[];
}

const MAX_BUDGET_UNITS = 1_000_000;

/**
 * Inverse sizing through the power chain: the most whole units of a generation whose design load fits a power
 * budget at a site, with the site's PUE (or an override) and its facility chain. The forward chain is the same
 * `siteLoad` the plan uses, so evaluating the answer gives back at most the budget, and one more unit exceeds it.
 */
export function fitPowerBudget(req: PowerFitRequest, catalog: Catalog, sites: readonly Site[]): PowerFitReport {
  const ctx = settingsContext({}, catalog, sites);
  const issues: Issue[] = [...ctx.issues.filter((i) => i.severity !== 'info')];
  const g = ctx.generation(req.generation, ['generation']);
  const known = ctx.sites.get(req.site);
  const site = known && req.overrides ? { ...known, ...req.overrides } : known;
  const fixedPeak = site ? fixedPues(siteOverridesOf(site)).peak : undefined;
  const base = { generation: req.generation, site: req.site, budget: req.budget, pueSource: fixedPeak === undefined ? ('computed' as const) : ('override' as const) };
  const empty = (why: Issue): PowerFitReport => ({
    ...base, overrides: [], units: 0, racks: 0, accelerators: 0, itMw: 0, facilityMw: 0, pue: null, limitingFactor: req.budget.kind === 'it' ? 'itPower' : 'facilityPower', nextUnitMw: 0,
    siteLimitUnits: { power: null, cooling: null, positions: null, floorLoading: null, switchPorts: null, plantCapacity: null }, issues: [...issues, why],
  });
  if (!g) return empty(issue('unknown_generation', 'error', ['generation'], `no generation "${req.generation}" in the catalog`));
  if (!site) return empty(issue('unknown_site', 'error', ['site'], `no site "${req.site}"`));
  if (!site.roles.dataCenter) return empty(issue('not_a_data_center', 'error', ['site'], `site "${req.site}" has no data-center role`));
  // A site with the request's overrides is a new site object: its context is built here, not taken from the cache.
  const sctx = req.overrides ? siteContext(site, ctx.catalog, ctx.settings) : ctx.siteContext(site);
  const loadOf = (n: number) => siteLoad(sctx, new Map([[g.id, n]]));
  const facilityMwOf = (l: SiteLoad) => l.peak.facilityMw;
  const measured = (l: SiteLoad) => (req.budget.kind === 'it' ? l.itKw / 1000 : facilityMwOf(l));
  const fits = (n: number) => measured(loadOf(n)) <= req.budget.mw + 1e-9;
  let lo = 0;
  let hi = 1;
  while (hi < MAX_BUDGET_UNITS && fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  if (hi >= MAX_BUDGET_UNITS) hi = MAX_BUDGET_UNITS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const load = loadOf(lo);
  const next = loadOf(lo + 1);
  const f = sctx.facts(g.id);
  if (lo === 0) issues.push(issue('budget_below_one_unit', 'warning', ['budget'], `${req.budget.mw} MW ${req.budget.kind === 'it' ? 'of IT power' : 'at the meter'} does not hold one ${g.id} unit (${measured(next).toFixed(3)} MW)`, { limit: req.budget.mw, actual: measured(next), unit: 'MW' }));
  const limits = siteLimits(site.roles.dataCenter, quarterIndex(defaultQuarter(sites, site.id)));
  return {
    ...base,
    units: lo,
    racks: lo * f.racks,
    accelerators: load.accelerators,
    itMw: load.itKw / 1000,
    facilityMw: facilityMwOf(load),
    pue: load.peak.pue ?? fixedPeak ?? null,
    overrides: overriddenFigures(sctx.overrides, ctx.settings.utilization, lo > 0 ? load : next),
    limitingFactor: req.budget.kind === 'it' ? 'itPower' : 'facilityPower',
    nextUnitMw: measured(next) - measured(load),
    siteLimitUnits: fitMore(sctx, new Map(), g.id, limits).limitUnits,
    issues,
  };
}

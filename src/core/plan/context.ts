/**
 * Everything derived once per evaluation under plan-level settings: the resolved sites (presets plus the plan's own),
 * defaults, unit facts per generation and site (memoized), prices, and the site contexts. {@link settingsContext}
 * needs no plan document (compare, what-fits without a plan); {@link planContext} adds the plan's horizon.
 * @module
 */
import { addUserGenerations } from '../catalog/extend';
import type { Catalog, Generation } from '../catalog/types';
import { findGeneration } from '../catalog/lookup';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced, type Assumption, type Basis, type Sourced } from '../provenance';
import type { DesignBasis } from '../sites/climate';
import { quarterFromIndex, quarterIndex } from '../sites/schedule';
import type { Site } from '../sites/types';
import { planDefaults, siteContext, siteSettings, unitFactsAt, type PlanLevelSettings, type SiteSettings } from './evaluate-site';
import type { UnitFacts } from './facts';
import { planFabricAssumptions, planFabricIssues, type FabricSpec } from './network';
import { UNKNOWN_UNIT_PRICE } from './prices';
import type { SiteContext } from './site-load';
import type { Plan, PlanSite, PriceOverrides } from './types';

/** The fields of a plan that settle everything except its horizon: a plan document has them all. */
export type EvaluationSettings = PlanLevelSettings & Pick<Plan, 'priceBasis' | 'sparesFraction' | 'prices' | 'sites' | 'generations' | 'psus'>;

/** Plan-level evaluation context: no horizon, no deployments. */
export interface SettingsContext {
  readonly catalog: Catalog;
  /** Presets, replaced by the plan's own sites (which may carry overrides). */
  readonly sites: ReadonlyMap<string, PlanSite>;
  /** The resolved site settings (the same value {@link siteSettings} gives for these settings). */
  readonly settings: SiteSettings;
  readonly utilization: number;
  readonly design: DesignBasis;
  readonly basis: Basis;
  readonly priceBasis: Basis;
  readonly idleFraction: number;
  readonly sparesFraction: number;
  readonly fabric: FabricSpec;
  readonly issues: Issue[];
  readonly assumptions: Map<string, Assumption>;
  /** Resolve an id or alias (alias → info issue once). */
  generation(idOrAlias: string, path: readonly (string | number)[]): Generation | undefined;
  /** Unit facts of a generation, at a site (site defaults under the user's options) or at a plant (no site). */
  facts(generationId: string, site?: Site): UnitFacts;
  siteContext(site: PlanSite): SiteContext;
  /** Price of one deployable unit at the price basis. */
  unitPriceUsd(generationId: string): number;
  switchUsd(): number;
  transceiverUsd(): number;
  itMaintenanceFraction(): number;
}

export interface PlanContext extends SettingsContext {
  readonly plan: Plan;
  /** Quarter ordinal of the first quarter, number of quarters, ordinal of the last. */
  readonly start: number;
  readonly quarters: number;
  readonly end: number;
  readonly horizonYears: number;
  readonly discountRate: number;
}

/**
 * Build the context for plan-level settings without a plan document. Sites in `given.sites` replace presets with
 * the same id; every unset setting takes its catalog default (through {@link siteSettings}).
 */
export function settingsContext(given: EvaluationSettings, presetCatalog: Catalog, presetSites: readonly Site[]): SettingsContext {
  const issues: Issue[] = [];
  const catalog = withPlanGenerations(presetCatalog, given, issues);
  const assumptions = new Map<string, Assumption>();
  const sites = new Map<string, PlanSite>();
  for (const s of presetSites) sites.set(s.id, s);
  (given.sites ?? []).forEach((s, i) => {
    if (sites.has(s.id)) issues.push(issue('site_overridden', 'info', ['sites', i], `site "${s.id}" in the plan replaces the preset with the same id`));
    sites.set(s.id, s);
  });
  const settings = siteSettings(catalog, given);
  const { basis, fabric, idleFraction, utilization, design } = settings;
  const priceBasis = given.priceBasis ?? 'typical';
  const add = (a: Assumption) => assumptions.set(a.path, a);

  for (const a of planFabricAssumptions(catalog, given.network)) add(a);
  issues.push(...planFabricIssues(catalog, given.network));

  add(given.syncIdleFraction === undefined ? assumption('plan.syncIdleFraction', catalog.prices.costFactors.syncIdleFraction, 'typical') : userAssumption('plan.syncIdleFraction', idleFraction, 'fraction'));
  const sparesFraction = given.sparesFraction ?? pickSourced(catalog.prices.costFactors.sparesFraction, 'typical');
  add(given.sparesFraction === undefined ? assumption('plan.sparesFraction', catalog.prices.costFactors.sparesFraction, 'typical') : userAssumption('plan.sparesFraction', sparesFraction, 'fraction'));

  const prices: PriceOverrides = given.prices ?? {};
  let switchUsd: number | undefined;
  let transceiverUsd: number | undefined;
  let itMaint: number | undefined;
  const priced = (path: string, override: number | undefined, q: Sourced, b: Basis): number => {
    if (override !== undefined) {
      add(userAssumption(path, override, q.unit));
      return override;
    }
    add(assumption(path, q, b));
    return pickSourced(q, b);
  };
  const aliasWarned = new Set<string>();
  const factsCache = new Map<string, Map<string, UnitFacts>>();
  const byName = generationIndex(catalog);
  const ctxCache = new Map<string, SiteContext>();

  const ctx: SettingsContext = {
    catalog,
    sites,
    settings,
    utilization,
    design,
    basis,
    priceBasis,
    idleFraction,
    sparesFraction,
    fabric,
    issues,
    assumptions,
    generation(idOrAlias, path) {
      const found = byName.get(idOrAlias);
      if (found?.aliasOf && !aliasWarned.has(idOrAlias)) {
        aliasWarned.add(idOrAlias);
        issues.push(issue('generation_alias', 'info', path, `"${idOrAlias}" is an alias of "${found.generation.id}"`));
      }
      return found?.generation;
    },
    facts(generationId, site) {
      const sk = site?.id ?? '';
      let bySite = factsCache.get(sk);
      if (!bySite) factsCache.set(sk, (bySite = new Map<string, UnitFacts>()));
      let f = bySite.get(generationId);
      if (!f) {
        f = unitFactsAt(findGeneration(catalog, generationId)!.generation, catalog, settings, site);
        bySite.set(generationId, f);
        if (!site) for (const a of f.report.assumptions) if (!assumptions.has(a.path)) assumptions.set(a.path, a);
      }
      return f;
    },
    siteContext(site) {
      let c = ctxCache.get(site.id);
      if (!c) ctxCache.set(site.id, (c = siteContext(site, catalog, settings, (gid) => ctx.facts(gid, site))));
      return c;
    },
    unitPriceUsd(generationId) {
      const override = prices.unitUsd?.[generationId];
      const f = ctx.facts(generationId);
      if (override !== undefined) {
        add(userAssumption(`prices.unitUsd.${generationId}`, override, 'USD'));
        return override;
      }
      const p = Object.hasOwn(catalog.prices.unitPrices, generationId) ? catalog.prices.unitPrices[generationId]! : UNKNOWN_UNIT_PRICE;
      const path = `prices.unitUsd.${generationId}`;
      if (!assumptions.has(path)) {
        add(assumption(path, p.usd, priceBasis, p.per === 'system' ? `per system × ${f.systems} systems per unit` : 'per deployable unit'));
        if (p === UNKNOWN_UNIT_PRICE) issues.push(issue('price_unknown', 'warning', ['prices', 'unitUsd', generationId], `no price known for ${generationId}: its capex counts as 0 until prices.unitUsd.${generationId} is set`));
      }
      return pickSourced(p.usd, priceBasis) * (p.per === 'system' ? f.systems : 1);
    },
    switchUsd() {
      return (switchUsd ??= priced('prices.switchUsd', prices.switchUsd, catalog.prices.networkPrices.switchUsd, priceBasis));
    },
    transceiverUsd() {
      return (transceiverUsd ??= priced('prices.transceiverUsd', prices.transceiverUsd, catalog.prices.networkPrices.transceiverUsd, priceBasis));
    },
    itMaintenanceFraction() {
      return (itMaint ??= priced('costs.itMaintenanceFractionPerYear', undefined, catalog.prices.costFactors.itMaintenanceFractionPerYear, 'typical'));
    },
  };
  add(given.utilization === undefined ? assumption('plan.utilization', catalog.prices.planDefaults.utilization, 'typical') : userAssumption('plan.utilization', utilization, 'fraction'));
  return ctx;
}

/** Build the evaluation context of a plan: its settings ({@link settingsContext}) and its horizon. */
export function planContext(plan: Plan, catalog: Catalog, presetSites: readonly Site[]): PlanContext {
  const base = settingsContext(plan, catalog, presetSites);
  if (plan.catalogVersion !== catalog.version) {
    base.issues.push(issue('catalog_version_differs', 'info', ['catalogVersion'], `plan written against catalog ${plan.catalogVersion}; evaluated with ${catalog.version}`));
  }
  const defaults = planDefaults(catalog);
  const horizonYears = plan.horizonYears ?? defaults.horizonYears;
  const start = quarterIndex(plan.start);
  const quarters = horizonYears * 4;
  // The settings context's methods close over its own caches, so copying them keeps one set of facts and prices.
  const ctx: PlanContext = { ...base, plan, start, quarters, end: start + quarters - 1, horizonYears, discountRate: plan.discountRate ?? defaults.discountRate };
  base.assumptions.set('plan.horizonYears', userAssumption('plan.horizonYears', horizonYears, 'years'));
  base.assumptions.set('plan.discountRate', userAssumption('plan.discountRate', ctx.discountRate, 'fraction/yr'));
  base.assumptions.set('plan.start', userAssumption('plan.start', quarterFromIndex(start), 'quarter'));
  return ctx;
}

const indexes = new WeakMap<Catalog, Map<string, { generation: Generation; aliasOf?: string }>>();

/** Ids and aliases → generation, built once per catalog object. */
function generationIndex(catalog: Catalog): Map<string, { generation: Generation; aliasOf?: string }> {
  let m = indexes.get(catalog);
  if (!m) {
    m = new Map();
    for (const g of catalog.generations) {
      for (const a of g.aliases) if (!m.has(a)) m.set(a, findGeneration(catalog, a)!);
      m.set(g.id, { generation: g });
    }
    indexes.set(catalog, m);
  }
  return m;
}

function userAssumption(path: string, value: number | string, unit: string, note?: string): Assumption {
  return { path, value, unit, confidence: 'user', sources: [], ...(note ? { note } : {}) };
}

/** The catalog with the plan's own generations added (src/core/catalog/extend.ts); each one left out is an error issue at its path. */
function withPlanGenerations(catalog: Catalog, given: Pick<Plan, 'generations' | 'psus'>, issues: Issue[]): Catalog {
  const added = addUserGenerations(catalog, given);
  for (const c of added.conflicts) issues.push(issue('user_generation_conflict', 'error', c.path, c.message));
  return added.catalog;
}

/**
 * Everything derived once per plan evaluation: the resolved sites (presets plus the plan's own), the horizon,
 * defaults, unit facts per generation and site (memoized), prices, and the site contexts.
 * @module
 */
import type { Catalog, Generation } from '../catalog/types';
import { findGeneration } from '../catalog/lookup';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced, type Assumption, type Basis, type Sourced } from '../provenance';
import type { DesignBasis } from '../sites/climate';
import { quarterFromIndex, quarterIndex } from '../sites/schedule';
import type { Site } from '../sites/types';
import { unitFacts, type UnitFacts } from './facts';
import type { FabricSpec } from './network';
import { UNKNOWN_UNIT_PRICE } from './prices';
import type { SiteContext } from './site-load';
import type { Plan } from './types';

export interface PlanContext {
  readonly plan: Plan;
  readonly catalog: Catalog;
  readonly sites: ReadonlyMap<string, Site>;
  /** Quarter ordinal of the first quarter, number of quarters, ordinal of the last. */
  readonly start: number;
  readonly quarters: number;
  readonly end: number;
  readonly horizonYears: number;
  readonly utilization: number;
  readonly discountRate: number;
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
  /** Unit facts of a generation, at a site (altitude) or at a plant (no site). */
  facts(generationId: string, site?: Site): UnitFacts;
  siteContext(site: Site): SiteContext;
  /** Price of one deployable unit at the price basis. */
  unitPriceUsd(generationId: string): number;
  switchUsd(): number;
  transceiverUsd(): number;
  itMaintenanceFraction(): number;
}

/** Build the evaluation context. Sites in the plan replace presets with the same id. */
export function planContext(plan: Plan, catalog: Catalog, presetSites: readonly Site[]): PlanContext {
  const issues: Issue[] = [];
  const assumptions = new Map<string, Assumption>();
  const sites = new Map<string, Site>();
  for (const s of presetSites) sites.set(s.id, s);
  (plan.sites ?? []).forEach((s, i) => {
    if (sites.has(s.id)) issues.push(issue('site_overridden', 'info', ['sites', i], `site "${s.id}" in the plan replaces the preset with the same id`));
    sites.set(s.id, s);
  });
  if (plan.catalogVersion !== catalog.version) {
    issues.push(issue('catalog_version_differs', 'info', ['catalogVersion'], `plan written against catalog ${plan.catalogVersion}; evaluated with ${catalog.version}`));
  }
  const horizonYears = plan.horizonYears ?? pickSourced(catalog.prices.planDefaults.horizonYears, 'typical');
  const start = quarterIndex(plan.start);
  const quarters = horizonYears * 4;
  const basis = plan.basis ?? 'max';
  const priceBasis = plan.priceBasis ?? 'typical';
  const add = (a: Assumption) => assumptions.set(a.path, a);

  const net = plan.network ?? {};
  const fabric: FabricSpec = {
    radix: net.switchRadix ?? pickSourced(catalog.prices.fabricDefaults.radix, 'typical'),
    portGbps: net.switchPortGbps ?? pickSourced(catalog.prices.fabricDefaults.portGbps, 'typical'),
    switchW: net.switchW ?? pickSourced(catalog.prices.fabricDefaults.switchW, 'typical'),
  };
  add(net.switchRadix === undefined ? assumption('network.switchRadix', catalog.prices.fabricDefaults.radix, 'typical') : userAssumption('network.switchRadix', fabric.radix, 'ports'));
  add(net.switchPortGbps === undefined ? assumption('network.switchPortGbps', catalog.prices.fabricDefaults.portGbps, 'typical') : userAssumption('network.switchPortGbps', fabric.portGbps, 'Gbps'));
  add(net.switchW === undefined ? assumption('network.switchW', catalog.prices.fabricDefaults.switchW, 'typical') : userAssumption('network.switchW', fabric.switchW, 'W'));

  const idleFraction = plan.syncIdleFraction ?? pickSourced(catalog.prices.costFactors.syncIdleFraction, 'typical');
  add(plan.syncIdleFraction === undefined ? assumption('plan.syncIdleFraction', catalog.prices.costFactors.syncIdleFraction, 'typical') : userAssumption('plan.syncIdleFraction', idleFraction, 'fraction'));
  const sparesFraction = plan.sparesFraction ?? pickSourced(catalog.prices.costFactors.sparesFraction, 'typical');
  add(plan.sparesFraction === undefined ? assumption('plan.sparesFraction', catalog.prices.costFactors.sparesFraction, 'typical') : userAssumption('plan.sparesFraction', sparesFraction, 'fraction'));

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
  const utilization = plan.utilization ?? pickSourced(catalog.prices.planDefaults.utilization, 'typical');
  const design = plan.design ?? '0.4%';

  const ctx: PlanContext = {
    plan,
    catalog,
    sites,
    start,
    quarters,
    end: start + quarters - 1,
    horizonYears,
    utilization,
    discountRate: plan.discountRate ?? pickSourced(catalog.prices.planDefaults.discountRate, 'typical'),
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
        const g = findGeneration(catalog, generationId)!.generation;
        const altitudeM = site?.roles.dataCenter ? pickSourced(site.roles.dataCenter.altitudeM, 'typical') : undefined;
        f = unitFacts(g, { basis, ...(plan.unitOptions?.[g.id] ?? {}), ...(altitudeM !== undefined ? { altitudeM } : {}) }, catalog);
        bySite.set(generationId, f);
        if (!site) for (const a of f.report.assumptions) if (!assumptions.has(a.path)) assumptions.set(a.path, a);
      }
      return f;
    },
    siteContext(site) {
      let c = ctxCache.get(site.id);
      if (!c) {
        c = { site, dc: site.roles.dataCenter!, facts: (gid) => ctx.facts(gid, site), fabric, utilization, design, idleFraction };
        ctxCache.set(site.id, c);
      }
      return c;
    },
    unitPriceUsd(generationId) {
      const override = plan.prices?.unitUsd?.[generationId];
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
      return (switchUsd ??= priced('prices.switchUsd', plan.prices?.switchUsd, catalog.prices.networkPrices.switchUsd, priceBasis));
    },
    transceiverUsd() {
      return (transceiverUsd ??= priced('prices.transceiverUsd', plan.prices?.transceiverUsd, catalog.prices.networkPrices.transceiverUsd, priceBasis));
    },
    itMaintenanceFraction() {
      return (itMaint ??= priced('costs.itMaintenanceFractionPerYear', undefined, catalog.prices.costFactors.itMaintenanceFractionPerYear, 'typical'));
    },
  };
  add(plan.utilization === undefined ? assumption('plan.utilization', catalog.prices.planDefaults.utilization, 'typical') : userAssumption('plan.utilization', utilization, 'fraction'));
  add(userAssumption('plan.horizonYears', horizonYears, 'years'));
  add(userAssumption('plan.discountRate', ctx.discountRate, 'fraction/yr'));
  add(userAssumption('plan.start', quarterFromIndex(start), 'quarter'));
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

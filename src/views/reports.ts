/**
 * The one owner of every derived report. The app shell makes one `Reports` for its store and hands it to the
 * views by context; views and exporters read reports from it and never run the engine on inputs of their own.
 * Each report is memoized on the identity of its inputs (the state is immutable), so a view that renders twice,
 * or two views that show the same report, share one computation — and therefore one set of numbers.
 *
 * Reports load their engine on demand: the rack designer's report needs {@link RackModule} (the unit engine, budgets,
 * elevation and power chain), the others also {@link ReportModules} (sites, plan, fabric, compare). Until they have
 * loaded the getters return `undefined` (never a figure from part of the engine) and listeners are told when they
 * arrive.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import type { CompareReport } from '../core/plan/compare';
import type { Plan, PlanReport, SiteOverrides } from '../core/plan/types';
import type { Site } from '../core/sites/types';
import type { RackDerivations, RackDerived, SiteFunctions } from './rack-report';
import type { RackUnit, RackUnitDerivations } from './rack-unit';
import type { PlanOnlyOverride } from './compare';
import type { FixedPues } from './site-chain';
import type { FabricOutcome, TopologyComparison } from './fabric-view';
import { memoizeLast } from './memo';
import type { SiteCard } from './sites-view';
import type { AppStore } from '../state/store';
import type { CompareDesign, FabricDesign, RackDesign } from '../state/types';
import { err, ok, type Result } from '../core/result';

export type ReportModules = typeof import('./report-modules');
/** The Fabric view's part of {@link ReportModules}, loadable alone. */
export type FabricModules = typeof import('./fabric-modules');
/** The Plan and Sites views' part of {@link ReportModules}, loadable alone. */
export type PlanModules = typeof import('./plan-modules');
/** The Sites view's cards, loadable alone (the Plan view shows none). */
export type SiteCardModules = Pick<typeof import('./sites-view'), 'siteCards'>;
/** The Compare view's part of {@link ReportModules}, loadable alone. */
export type CompareModules = typeof import('./compare-modules');
/** The designer's site functions and the site list (every site preset; src/views/site-chain.ts). */
type SiteChainModule = SiteFunctions & Pick<typeof import('./site-chain'), 'siteList'>;
/** The rack designer's derivations (the unit engine): loaded apart, so a view that shows no rack waits for none of it. */
export type RackModule = typeof import('./rack-report');
/** The designer's unit report alone (the unit engine, without budgets, elevation and power chain): what Compare reads. */
export type RackUnitModule = typeof import('./rack-unit');

/**
 * One view's report functions, loaded once for the page: from their own module, or from the report modules when
 * those came first (the same functions; kept once set, so a memoized report is not recomputed when the other arrives).
 */
class ModuleSet<T> {
  value: T | undefined;
  #loading: Promise<T> | undefined;
  constructor(private readonly importModule: () => Promise<T>) {}

  load(): Promise<T> {
    if (this.value) return Promise.resolve(this.value);
    return (this.#loading ??= this.importModule().then((m) => (this.value ??= m)));
  }
}

let modules: ReportModules | undefined;
let loading: Promise<ReportModules> | undefined;
// The fabric report's functions; the plan report's and the site cards'; the comparison's and the sites' (the
// designer's report applies its site with the latter).
const fabricSet = new ModuleSet<FabricModules>(() => import('./fabric-modules'));
const planSet = new ModuleSet<PlanModules>(() => import('./plan-modules'));
const siteCardSet = new ModuleSet<SiteCardModules>(() => import('./sites-view'));
const compareSet = new ModuleSet<CompareModules>(() => import('./compare-modules'));
// The designer's site functions (its report applies its site with them); the designer's unit report alone.
const siteChainSet = new ModuleSet<SiteChainModule>(() => import('./site-chain'));
const rackUnitSet = new ModuleSet<RackUnitModule>(() => import('./rack-unit'));
let rackModule: RackModule | undefined;
let rackLoading: Promise<RackModule> | undefined;

/** Load the report modules once for the page (a second `Reports` shares them). */
export function loadReportModules(): Promise<ReportModules> {
  loading ??= import('./report-modules').then((m) => {
    fabricSet.value ??= m;
    planSet.value ??= m;
    siteCardSet.value ??= m;
    compareSet.value ??= m;
    siteChainSet.value ??= m;
    return (modules = m);
  });
  return loading;
}

/** Load the plan report's and the site cards' modules once for the page (the report modules serve as well once loaded). */
export const loadPlanModules = (): Promise<PlanModules> => planSet.load();

/** Load the comparison's and the sites' modules once for the page (the report modules serve as well once loaded). */
export const loadCompareModules = (): Promise<CompareModules> => compareSet.load();

/** Load the fabric report's modules once for the page (the report modules serve as well once loaded). */
export const loadFabricModules = (): Promise<FabricModules> => fabricSet.load();

/**
 * Load the rack designer's derivations once for the page. The app starts this before its first render when the
 * address is the designer's, so its report is ready when the designer renders.
 */
export function loadRackModule(): Promise<RackModule> {
  rackLoading ??= import('./rack-report').then((m) => {
    rackUnitSet.value ??= m;
    return (rackModule = m);
  });
  return rackLoading;
}

/**
 * Evaluating the plan threw (a bug in the engine, or a plan it cannot handle): what failed, for the Plan view's
 * error card, instead of a blank view.
 */
export interface PlanFailure {
  /** The plan's name, as the user knows it. */
  readonly planName: string;
  /** The error's name and message ("RangeError: Invalid array length"). */
  readonly error: string;
}

/** The plan's report, or why there is none. */
export type PlanOutcome = Result<PlanReport, PlanFailure>;

/** The Compare view's report and the site it was costed at. */
export interface CompareReports {
  readonly siteId: string;
  readonly report: CompareReport;
  /** The plan's fixed PUEs at the site, which the report applies (empty when the plan's site fixes none). */
  readonly fixedPues: FixedPues;
  /** The plan site's other overrides, which apply to its cluster in the plan and not to the comparison. */
  readonly planOnly: readonly PlanOnlyOverride[];
}

type OverrideValues = readonly [pue: number | undefined, peak: number | undefined, utilization: number | undefined, storageKw: number | undefined, otherItKw: number | undefined];

/**
 * The override values of the plan's version of a site (each undefined where it states none). Plain values, so a
 * memoized report keyed on them recomputes exactly when one of them changes, and not on other edits of the plan.
 */
function planOverridesAt(plan: Plan, siteId: string | undefined): OverrideValues {
  const site = siteId === undefined ? undefined : plan.sites?.find((s) => s.id === siteId);
  return site ? [site.pueOverride, site.peakPueOverride, site.utilization, site.storageKw, site.otherItKw] : [undefined, undefined, undefined, undefined, undefined];
}

/** The stated overrides as the object the core reads (only the fields given). */
function overridesOf(...[pueOverride, peakPueOverride, utilization, storageKw, otherItKw]: OverrideValues): SiteOverrides {
  const all: SiteOverrides = { pueOverride, peakPueOverride, utilization, storageKw, otherItKw };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/*
 * Every report but the plan's reads `store.catalog`: the presets with the user's own generations (the plan's
 * embedded ones) added, memoized on their identity, so the designer, Compare, Fabric and Sites see them as the plan
 * does. A saved edit of a user generation is a new catalog object, so the memoized reports recompute.
 */
export class Reports {
  readonly store: AppStore;
  readonly #listeners = new Set<() => void>();
  #rackDerivations: RackDerivations | undefined;
  // The steps to the designer's unit report, shared by the designer's report and Compare's (one computation).
  #rackUnitDerivations: RackUnitDerivations | undefined;
  // The one place the UI evaluates plans, so the one place an evaluation that throws is caught (memoized like a
  // report: a plan that fails is not evaluated again on every render).
  readonly #plan = memoizeLast((plan: Plan, catalog: Catalog, m: PlanModules): PlanOutcome => {
    try {
      return ok(m.evaluatePlan(plan, catalog, m.loadSites()));
    } catch (thrown) {
      const error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      return err({ planName: plan.name, error });
    }
  });
  readonly #siteCards = memoizeLast((plan: Plan, report: PlanReport, catalog: Catalog, m: PlanModules, cards: SiteCardModules): SiteCard[] => cards.siteCards(plan, report, catalog, m.loadSites()));
  readonly #fabric = memoizeLast((catalog: Catalog, rack: RackDesign, fabric: FabricDesign, m: FabricModules): FabricOutcome => {
    const g = m.findGeneration(catalog, rack.generationId)?.generation;
    if (!g) return err(`Generation “${rack.generationId}” is not in the catalog.`);
    return m.evaluateFabric(g, m.loadNetworkCatalog(), fabric, rack.options.systemsPerRack, rack.options.basis ?? 'max');
  });
  readonly #topologies = memoizeLast((catalog: Catalog, rack: RackDesign, fabric: FabricDesign, m: FabricModules): TopologyComparison => {
    const g = m.findGeneration(catalog, rack.generationId)?.generation;
    if (!g) return err(`Generation “${rack.generationId}” is not in the catalog.`);
    return m.topologyComparison(g, m.loadNetworkCatalog(), fabric, rack.options.systemsPerRack, rack.options.basis ?? 'max', catalog.prices.networkPrices);
  });
  // Keyed on the plan site's override values (not the plan), so an edit elsewhere in the plan does not recompute it.
  // The comparison reads the site it is costed at and no other (test/state/shown-generations.test.ts holds that the
  // report from that site alone equals the whole list's), so Compare's first paint fetches that one site's data.
  readonly #compare = memoizeLast((catalog: Catalog, design: CompareDesign, rack: RackDesign, m: CompareModules, site: Site, ...values: OverrideValues): CompareReports => {
    const { pueOverride, peakPueOverride, ...others } = overridesOf(...values);
    const fixed: FixedPues = { ...(pueOverride === undefined ? {} : { pueOverride }), ...(peakPueOverride === undefined ? {} : { peakPueOverride }) };
    return { siteId: site.id, report: m.compareUnits(catalog, design, site.id, [site], rack, fixed), fixedPues: fixed, planOnly: Object.keys(others) as PlanOnlyOverride[] };
  });
  // The designer's site functions with the plan's overrides for its site bound in: a new object only when those
  // values change, which is what makes the rack report's facility chain recompute.
  readonly #rackSites = memoizeLast((m: SiteFunctions, ...values: OverrideValues): SiteFunctions => {
    const overrides = overridesOf(...values);
    return Object.keys(overrides).length === 0 ? m : { siteDefaults: m.siteDefaults, facilityChain: (id, g, o, c) => m.facilityChain(id, g, o, c, overrides) };
  });

  constructor(store: AppStore) {
    this.store = store;
  }

  /** True once the comparison and the designer's unit at its site can be derived. */
  get compareReady(): boolean {
    return compareSet.value !== undefined && rackUnitSet.value !== undefined;
  }

  /**
   * Load what the Compare view needs alone (the comparison, the sites' index and the compared site's data, the unit
   * report); listeners are told when it arrives.
   */
  loadCompare(): Promise<void> {
    if (this.compareReady) return Promise.resolve();
    const d = this.store.design;
    const site = loadCompareModules().then((m): unknown => m.comparedSite(d.compare, d.rack.siteId));
    return Promise.all([site, rackUnitSet.load()]).then(() => this.#notify());
  }

  /** True once the plan report, the site cards and the site list can be derived. */
  get planReady(): boolean {
    return planSet.value !== undefined;
  }

  /** Load what the plan report and the site cards need alone (the Plan and Sites views); listeners are told when it arrives. */
  loadPlan(): Promise<void> {
    if (planSet.value) return Promise.resolve();
    return loadPlanModules().then(() => this.#notify());
  }

  /** True once the fabric report can be derived. */
  get fabricReady(): boolean {
    return fabricSet.value !== undefined;
  }

  /** Load what the fabric report needs alone (the Fabric view); listeners are told when it arrives. */
  loadFabric(): Promise<void> {
    if (fabricSet.value) return Promise.resolve();
    return loadFabricModules().then(() => this.#notify());
  }

  /** True once the report modules and the rack derivations are loaded (every getter then answers). */
  get ready(): boolean {
    return modules !== undefined && rackModule !== undefined;
  }

  /** Load the report modules and the rack derivations (no-op when loaded); listeners are told when they arrive. */
  load(): Promise<ReportModules> {
    if (modules && rackModule) return Promise.resolve(modules);
    return Promise.all([loadReportModules(), loadRackModule()]).then(([m]) => {
      this.#notify();
      return m;
    });
  }

  /** True once the rack designer's report can be derived. */
  get rackReady(): boolean {
    return rackModule !== undefined;
  }

  /** Load the rack derivations alone (what the designer needs to paint); listeners are told when they arrive. */
  loadRack(): Promise<void> {
    if (rackModule) return Promise.resolve();
    return loadRackModule().then(() => this.#notify());
  }

  /** Called when a report may have changed: after a store change or when the report modules arrive. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    const unsubscribe = this.store.subscribe(() => listener());
    return () => {
      this.#listeners.delete(listener);
      unsubscribe();
    };
  }

  /**
   * The rack designer's report: the unit at the chosen site (site defaults applied), budgets, elevation and the
   * power chain; undefined until the rack derivations have loaded (asking starts loading them). Before the report modules arrive a design with a site is reported without the site, and loading
   * starts; the report's chain note says so. Where the plan's version of the site fixes its PUE, the facility chain
   * takes the meter at it (marked, the site model's PUE beside it); the plan's other overrides stay the plan's.
   */
  get rack(): RackDerived | undefined {
    const design = this.store.design.rack;
    if (!rackModule) {
      void this.loadRack();
      return undefined;
    }
    if (design.siteId && !siteChainSet.value) void this.load();
    this.#rackDerivations ??= new rackModule.RackDerivations(this.#unitSteps(rackModule));
    return this.#rackDerivations.derive(this.store.catalog, design, siteChainSet.value && this.#rackSites(siteChainSet.value, ...planOverridesAt(this.store.design.plan.plan, design.siteId)));
  }

  #unitSteps(m: RackUnitModule): RackUnitDerivations {
    return (this.#rackUnitDerivations ??= new m.RackUnitDerivations());
  }

  /**
   * The designer's unit report at its site (what Compare offers as a target): the same report as {@link rack}'s,
   * without its budgets, elevation and power chain. Undefined until its modules have loaded, and while the store's
   * catalog lacks the designer's generation but is not whole yet (a deep link's first paint); null when the whole
   * catalog has no such generation.
   */
  get rackUnit(): RackUnit | null | undefined {
    const m = rackUnitSet.value;
    const sites = siteChainSet.value;
    const design = this.store.design.rack;
    if (design.siteId && !sites) {
      // Compare's first paint reads one site; the site presets' list follows it, with the whole catalog.
      if (this.store.hasWholeCatalog) void siteChainSet.load().then(() => this.#notify());
      return undefined;
    }
    if (!m) return undefined;
    const unit = this.#unitSteps(m).derive(this.store.catalog, design, sites?.siteDefaults);
    return unit ?? (this.store.hasWholeCatalog ? null : undefined);
  }

  /** The plan's report, or the failure when evaluating it threw; undefined until the report modules arrive. */
  get planOutcome(): PlanOutcome | undefined {
    // The presets: the plan's context adds the plan's own generations (the user's) itself, under the same rules.
    return planSet.value && this.#plan(this.store.design.plan.plan, this.store.presetCatalog, planSet.value);
  }

  /** The plan's report; undefined until the report modules arrive, or when evaluating the plan failed (see {@link planOutcome}). */
  get plan(): PlanReport | undefined {
    const outcome = this.planOutcome;
    return outcome?.ok ? outcome.value : undefined;
  }

  /** The Sites view's cards; undefined until their modules arrive (asking starts loading the cards' own). */
  get siteCards(): SiteCard[] | undefined {
    const cards = siteCardSet.value;
    if (!cards) {
      void siteCardSet.load().then(() => this.#notify());
      return undefined;
    }
    const report = this.plan;
    return planSet.value && report && this.#siteCards(this.store.design.plan.plan, report, this.store.catalog, planSet.value, cards);
  }

  get fabric(): FabricOutcome | undefined {
    const d = this.store.design;
    return fabricSet.value && this.#fabric(this.store.catalog, d.rack, d.fabric, fabricSet.value);
  }

  /**
   * The fabric's cluster under each topology (three full evaluations): for the Fabric view's comparison, which asks
   * only when it is opened. Undefined until the report modules arrive.
   */
  get fabricTopologies(): TopologyComparison | undefined {
    const d = this.store.design;
    return fabricSet.value && this.#topologies(this.store.catalog, d.rack, d.fabric, fabricSet.value);
  }

  /** The Compare view's report, at the plan's fixed PUEs for the compared site where it states them. */
  get compare(): CompareReports | undefined {
    const d = this.store.design;
    const m = compareSet.value;
    if (!m) return undefined;
    const site = m.comparedSite(d.compare, d.rack.siteId);
    if (site instanceof Promise) {
      // Another site picked: its data is fetched (the comparison reads that site alone); nothing is shown meanwhile.
      void site.then(() => this.#notify());
      return undefined;
    }
    return this.#compare(this.store.catalog, d.compare, d.rack, m, site, ...planOverridesAt(d.plan.plan, site.id));
  }

  /** Id, name and data-center role of every site preset (Compare's site picker); undefined until Compare's modules arrive. */
  get siteIndex() {
    return compareSet.value?.bundledSiteIndex();
  }

  /** Site presets (the Sites and Plan views' lists); undefined until the report modules arrive. */
  get sites() {
    return planSet.value?.loadSites();
  }

  /** The network catalog (switches, optics, cables) the fabric report used; undefined until the modules arrive. */
  get network() {
    return fabricSet.value?.loadNetworkCatalog();
  }

  /** The designer's site list (id, name, altitude, floor rating); undefined until the report modules arrive. */
  get siteList() {
    const m = siteChainSet.value;
    return m && this.#siteList(m);
  }

  readonly #siteList = memoizeLast((m: SiteChainModule) => m.siteList());

  #notify(): void {
    for (const l of this.#listeners) l();
  }
}

/**
 * Everything the rack designer shows that is derived from the design: the engine's unit report, the budgets,
 * the elevation layout and the power chain. Each is memoized on the identity of its inputs, so a render never
 * recomputes and an edit recomputes only what depends on it.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, Generation } from '../../core/catalog/types';
import { findGeneration } from '../../core/catalog/lookup';
import { evaluateUnit } from '../../core/rack/evaluate';
import type { UnitOptions, UnitReport } from '../../core/rack/types';
import { unitBudgets, type Budget } from '../budgets';
import { layoutElevation, type ElevationLayout } from '../../core/rack/elevation';
import { memoizeLast } from '../memo';
import { powerChain, type ChainView, type FacilityInput } from '../power-chain';
import type { Prefs, RackDesign } from '../types';
import { StoreController } from './store-controller';

type SiteModule = typeof import('../site-chain');
let siteModule: Promise<SiteModule> | undefined;

/** Load the sites module (site presets and the sites core) once; it is not part of the first paint. */
export function loadSiteModule(): Promise<SiteModule> {
  siteModule ??= import('../site-chain');
  return siteModule;
}

export interface RackDerived {
  readonly generation: Generation;
  /** The options the engine used: the user's, over the chosen site's defaults (altitude, floor rating). */
  readonly options: UnitOptions;
  readonly report: UnitReport;
  readonly budgets: readonly Budget[];
  readonly elevation: ElevationLayout;
  readonly chain: ChainView;
}

/** Pure memoized derivations, usable without a component (tests, benchmarks, exporters). */
export class RackDerivations {
  readonly generation = memoizeLast((catalog: Catalog, id: string): Generation | undefined => findGeneration(catalog, id)?.generation);
  readonly options = memoizeLast((options: UnitOptions, siteId: string | undefined, sites: SiteModule | undefined): UnitOptions =>
    siteId && sites ? { ...sites.siteDefaults(siteId), ...options } : options,
  );
  readonly design = memoizeLast((d: RackDesign, options: UnitOptions): RackDesign => (options === d.options ? d : { ...d, options }));
  readonly report = memoizeLast((g: Generation, options: UnitOptions, catalog: Catalog): UnitReport => evaluateUnit(g, options, catalog));
  readonly budgets = memoizeLast((r: UnitReport, g: Generation, d: RackDesign): Budget[] => unitBudgets(r, g, d));
  readonly elevation = memoizeLast((g: Generation, r: UnitReport, c: Catalog): ElevationLayout => layoutElevation(g, r, c));
  readonly facility = memoizeLast((siteId: string | undefined, sites: SiteModule | undefined, g: Generation, r: UnitReport, options: UnitOptions, c: Catalog): FacilityInput | null =>
    siteId && sites ? sites.facilityChain(siteId, g, r, options, c) : null,
  );
  readonly chain = memoizeLast((r: UnitReport, g: Generation, facility: FacilityInput | null, note: string | undefined): ChainView => powerChain(r, g, facility, note));

  /**
   * Derive everything for a design; undefined when the generation is not in the catalog.
   * @param sites - the sites module when loaded (see {@link loadSiteModule}); without it a chosen site is not applied yet
   */
  derive(catalog: Catalog, design: RackDesign, sites?: SiteModule): RackDerived | undefined {
    const generation = this.generation(catalog, design.generationId);
    if (!generation) return undefined;
    const options = this.options(design.options, design.siteId, sites);
    const report = this.report(generation, options, catalog);
    const facility = this.facility(design.siteId, sites, generation, report, options, catalog);
    const note = design.siteId && !sites ? 'Loading the site’s facility chain…' : design.siteId && !facility ? `Site “${design.siteId}” has no data center.` : undefined;
    return {
      generation,
      options,
      report,
      budgets: this.budgets(report, generation, this.design(design, options)),
      elevation: this.elevation(generation, report, catalog),
      chain: this.chain(report, generation, facility, note),
    };
  }
}

export class RackReportController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: StoreController<readonly [RackDesign, Prefs]>;
  readonly #derivations = new RackDerivations();
  #sites: SiteModule | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    this.#store = new StoreController(host, (s) => [s.design.rack, s.prefs] as const);
  }

  hostConnected(): void {
    // The site list is needed by the form and a chosen site by the chain: load it now if a site is chosen,
    // otherwise when the browser is idle after the first paint.
    const load = () =>
      void loadSiteModule().then(
        (m) => {
          this.#sites = m;
          this.#host.requestUpdate();
        },
        () => undefined,
      );
    if (this.design?.siteId) load();
    else {
      const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
      if (idle) idle(load, { timeout: 3000 });
      else setTimeout(load, 300);
    }
  }

  /** The sites module once loaded (site list for the form). */
  get sites(): SiteModule | undefined {
    return this.#sites;
  }

  get design(): RackDesign | undefined {
    return this.#store.value?.[0];
  }

  get prefs(): Prefs | undefined {
    return this.#store.value?.[1];
  }

  get catalog(): Catalog | undefined {
    return this.#store.store?.catalog;
  }

  /** The derived values for the current design (memoized; cheap to call from willUpdate or render). */
  get derived(): RackDerived | undefined {
    const store = this.#store.store;
    const design = this.design;
    if (design?.siteId && !this.#sites) void loadSiteModule().then((m) => {
      this.#sites = m;
      this.#host.requestUpdate();
    });
    return store && design ? this.#derivations.derive(store.catalog, design, this.#sites) : undefined;
  }
}

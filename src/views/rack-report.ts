/**
 * Everything the rack designer shows that is derived from the rack design: the engine's unit report at the chosen
 * site, the budgets, the elevation layout and the power chain. Each step is memoized on the identity of its
 * inputs, so a render never recomputes and an edit recomputes only what depends on it. {@link Reports} owns the
 * one instance the app uses; exporters and tests may make their own (same inputs, same numbers).
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { layoutElevation, type ElevationLayout } from '../core/rack/elevation';
import { evaluateUnit } from '../core/rack/evaluate';
import type { UnitOptions, UnitReport } from '../core/rack/types';
import { unitBudgets, type Budget } from './budgets';
import { memoizeLast } from './memo';
import { powerChain, type ChainView, type FacilityInput } from './power-chain';
import type { RackDesign } from '../state/types';

/** What the rack report needs from the sites: the defaults a site gives a unit, and its facility chain. */
export type SiteFunctions = Pick<typeof import('./site-chain'), 'siteDefaults' | 'facilityChain'>;

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
  readonly options = memoizeLast((options: UnitOptions, siteId: string | undefined, sites: SiteFunctions | undefined): UnitOptions =>
    siteId && sites ? { ...sites.siteDefaults(siteId), ...options } : options,
  );
  readonly design = memoizeLast((d: RackDesign, options: UnitOptions): RackDesign => (options === d.options ? d : { ...d, options }));
  readonly report = memoizeLast((g: Generation, options: UnitOptions, catalog: Catalog): UnitReport => evaluateUnit(g, options, catalog));
  readonly budgets = memoizeLast((r: UnitReport, g: Generation, d: RackDesign): Budget[] => unitBudgets(r, g, d));
  readonly elevation = memoizeLast((g: Generation, r: UnitReport, c: Catalog): ElevationLayout => layoutElevation(g, r, c));
  readonly facility = memoizeLast((siteId: string | undefined, sites: SiteFunctions | undefined, g: Generation, options: UnitOptions, c: Catalog): FacilityInput | null =>
    siteId && sites ? sites.facilityChain(siteId, g, options, c) : null,
  );
  readonly chain = memoizeLast((r: UnitReport, g: Generation, facility: FacilityInput | null, note: string | undefined): ChainView => powerChain(r, g, facility, note));

  /**
   * Derive everything for a design; undefined when the generation is not in the catalog.
   * @param sites - the site functions when loaded; without them a chosen site is not applied yet (the chain says so)
   */
  derive(catalog: Catalog, design: RackDesign, sites?: SiteFunctions): RackDerived | undefined {
    const generation = this.generation(catalog, design.generationId);
    if (!generation) return undefined;
    const options = this.options(design.options, design.siteId, sites);
    const report = this.report(generation, options, catalog);
    const facility = this.facility(design.siteId, sites, generation, options, catalog);
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

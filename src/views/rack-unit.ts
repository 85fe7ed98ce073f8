/**
 * The rack designer's unit report alone: the generation, the options the engine used (the user's over the chosen
 * site's defaults) and the engine's report. The Compare view offers the designer's unit as a target from it without
 * loading what only the designer draws (budgets, elevation, power chain: src/views/rack-report.ts, which derives its
 * report through the same memoized steps, so both show one set of numbers).
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { evaluateUnit } from '../core/rack/evaluate';
import type { UnitOptions, UnitReport } from '../core/rack/types';
import { memoizeLast } from './memo';
import type { RackDesign } from '../state/types';

/** The defaults a site gives a unit (src/views/site-chain.ts `siteDefaults`). */
export type SiteDefaults = (siteId: string | undefined) => Partial<UnitOptions>;

export interface RackUnit {
  readonly generation: Generation;
  /** The options the engine used: the user's, over the chosen site's defaults (altitude, floor rating). */
  readonly options: UnitOptions;
  readonly report: UnitReport;
}

/** Memoized steps from a rack design to its unit report (each on the identity of its inputs). */
export class RackUnitDerivations {
  readonly generation = memoizeLast((catalog: Catalog, id: string): Generation | undefined => findGeneration(catalog, id)?.generation);
  readonly options = memoizeLast((options: UnitOptions, siteId: string | undefined, siteDefaults: SiteDefaults | undefined): UnitOptions =>
    siteId && siteDefaults ? { ...siteDefaults(siteId), ...options } : options,
  );
  readonly report = memoizeLast((g: Generation, options: UnitOptions, catalog: Catalog): UnitReport => evaluateUnit(g, options, catalog));

  /**
   * The unit for a design; undefined when the generation is not in the catalog.
   * @param siteDefaults - the sites' defaults when loaded; without them a chosen site is not applied yet
   */
  derive(catalog: Catalog, design: RackDesign, siteDefaults?: SiteDefaults): RackUnit | undefined {
    const generation = this.generation(catalog, design.generationId);
    if (!generation) return undefined;
    const options = this.options(design.options, design.siteId, siteDefaults);
    return { generation, options, report: this.report(generation, options, catalog) };
  }
}

/**
 * Everything the rack designer shows that is derived from the rack design: the engine's unit report at the chosen
 * site, the budgets, the elevation layout and the power chain. Each step is memoized on the identity of its
 * inputs, so a render never recomputes and an edit recomputes only what depends on it. {@link Reports} owns the
 * one instance the app uses; exporters and tests may make their own (same inputs, same numbers).
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import { layoutElevation, type ElevationLayout } from '../core/rack/elevation';
import type { UnitOptions, UnitReport } from '../core/rack/types';
import { unitBudgets, type Budget } from './budgets';
import { memoizeLast } from './memo';
import { powerChain, type ChainView, type FacilityInput } from './power-chain';
import { RackUnitDerivations, type RackUnit } from './rack-unit';
import type { RackDesign } from '../state/types';

export { RackUnitDerivations } from './rack-unit';

/** What the rack report needs from the sites: the defaults a site gives a unit, and its facility chain. */
export type SiteFunctions = Pick<typeof import('./site-chain'), 'siteDefaults' | 'facilityChain'>;

export interface RackDerived extends RackUnit {
  readonly budgets: readonly Budget[];
  readonly elevation: ElevationLayout;
  readonly chain: ChainView;
}

/** Pure memoized derivations, usable without a component (tests, benchmarks, exporters). */
export class RackDerivations {
  /**
   * @param unit - the steps to the unit report; {@link Reports} passes the ones its Compare view reads the designer's
   *   unit from, so the designer and Compare share one report
   */
  constructor(readonly unit: RackUnitDerivations = new RackUnitDerivations()) {}

  readonly design = memoizeLast((d: RackDesign, options: UnitOptions): RackDesign => (options === d.options ? d : { ...d, options }));
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
    const unit = this.unit.derive(catalog, design, sites?.siteDefaults);
    if (!unit) return undefined;
    const { generation, options, report } = unit;
    const facility = this.facility(design.siteId, sites, generation, options, catalog);
    const note = design.siteId && !sites ? 'Loading the site’s facility chain…' : design.siteId && !facility ? `Site “${design.siteId}” has no data center.` : undefined;
    return {
      ...unit,
      budgets: this.budgets(report, generation, this.design(design, options)),
      elevation: this.elevation(generation, report, catalog),
      chain: this.chain(report, generation, facility, note),
    };
  }
}

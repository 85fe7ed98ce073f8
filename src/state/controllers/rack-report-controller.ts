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
import { layoutElevation, type ElevationLayout } from '../elevation';
import { memoizeLast } from '../memo';
import { powerChain, type ChainView, type FacilityStageInput } from '../power-chain';
import type { Prefs, RackDesign } from '../types';
import { StoreController } from './store-controller';

export interface RackDerived {
  readonly generation: Generation;
  readonly report: UnitReport;
  readonly budgets: readonly Budget[];
  readonly elevation: ElevationLayout;
  readonly chain: ChainView;
}

/** Pure memoized derivations, usable without a component (tests, benchmarks, exporters). */
export class RackDerivations {
  readonly generation = memoizeLast((catalog: Catalog, id: string): Generation | undefined => findGeneration(catalog, id)?.generation);
  readonly report = memoizeLast((g: Generation, options: UnitOptions, catalog: Catalog): UnitReport => evaluateUnit(g, options, catalog));
  readonly budgets = memoizeLast((r: UnitReport, g: Generation, d: RackDesign): Budget[] => unitBudgets(r, g, d));
  readonly elevation = memoizeLast((g: Generation, r: UnitReport, c: Catalog): ElevationLayout => layoutElevation(g, r, c));
  readonly chain = memoizeLast((r: UnitReport, g: Generation, facility: readonly FacilityStageInput[] | null): ChainView => powerChain(r, g, facility));

  /** Derive everything for a design; undefined when the generation is not in the catalog. */
  derive(catalog: Catalog, design: RackDesign): RackDerived | undefined {
    const generation = this.generation(catalog, design.generationId);
    if (!generation) return undefined;
    const report = this.report(generation, design.options, catalog);
    return {
      generation,
      report,
      budgets: this.budgets(report, generation, design),
      elevation: this.elevation(generation, report, catalog),
      chain: this.chain(report, generation, null),
    };
  }
}

export class RackReportController implements ReactiveController {
  readonly #store: StoreController<readonly [RackDesign, Prefs]>;
  readonly #derivations = new RackDerivations();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#store = new StoreController(host, (s) => [s.design.rack, s.prefs] as const);
  }

  hostConnected(): void {}

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
    return store && design ? this.#derivations.derive(store.catalog, design) : undefined;
  }
}

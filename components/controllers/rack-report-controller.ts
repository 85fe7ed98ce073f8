/**
 * The rack designer's view of the app's reports: the rack report (from {@link Reports}, the one owner), the design
 * and preferences it was made from, and the site list. The report modules (sites) load when a site is chosen, or
 * when the browser is idle after the first paint.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../../src/core/catalog/types';
import type { RackDerived } from '../../src/views/rack-report';
import type { SiteSummary } from '../../src/views/site-chain';
import type { Prefs, RackDesign } from '../../src/state/types';
import { ReportsController } from './reports-controller';
import { StoreController } from './store-controller';

export class RackReportController implements ReactiveController {
  readonly #store: StoreController<readonly [RackDesign, Prefs]>;
  readonly #reports: ReportsController<readonly [RackDerived | undefined, SiteSummary[] | undefined]>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#store = new StoreController(host, (s) => [s.design.rack, s.prefs] as const);
    this.#reports = new ReportsController(host, (r) => [r.rack, r.siteList] as const, { needsModules: false });
  }

  hostConnected(): void {
    // The site list is needed by the form: load the report modules when the browser is idle after the first paint
    // (a chosen site loads them at once, see Reports.rack).
    const load = () => void this.#reports.reports?.load().catch(() => undefined);
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(load, { timeout: 3000 });
    else setTimeout(load, 300);
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

  /** Site list for the form; undefined until the report modules arrive. */
  get sites(): SiteSummary[] | undefined {
    return this.#reports.value?.[1];
  }

  /** The derived values for the current design (memoized by the one owner; cheap from willUpdate or render). */
  get derived(): RackDerived | undefined {
    return this.#reports.value?.[0];
  }
}

/**
 * Composition root: load and validate the catalog, restore the last session (IndexedDB autosave), build the one
 * store (the generation named by the address wins over the restored one), open a shared plan link (`#plan=…`),
 * hand the store to <rack-app>, and warm up the units module (mathjs) once the page is idle.
 * @module
 */
import { configureSchemasForOneShotParsing } from './schema/config';
import '../components/app/rack-app';
import { generationIds, loadCatalog, loadCatalogFor } from './catalog/presets';
import { findGeneration } from './core/catalog/lookup';
import type { Catalog } from './core/catalog/types';
import { restoreSession, type Session } from './storage/app-autosave';
import { parseSnapshot } from './state/snapshot';
import { loadUnits } from './views/parse';
import { loadPrefs } from './state/prefs';
import { parseRoute } from './state/router';
import { actionLabel } from './views/action-labels';
import { AppStore, DEFAULT_GENERATION, formatProblems, initialDesign, type PlanCheck } from './state/store';
import type { DesignState } from './state/types';

async function boot(): Promise<void> {
  const app = document.querySelector('rack-app') ?? document.body.appendChild(document.createElement('rack-app'));
  try {
    configureSchemasForOneShotParsing();
    performance.mark('rackplan:boot');
    const route = parseRoute(location.pathname);
    // Validating every preset costs ~100 ms. The rack designer paints first with only the generation it shows;
    // the full catalog is validated when the page is idle (or at once for other views, or to check a saved session).
    let full: Catalog | undefined;
    const fullCatalog = () => (full ??= loadCatalog());
    // Open the autosave database first: its I/O overlaps the catalog's validation (the parser runs after both).
    const restoring = restoreSession((d) => parseSnapshot(d, fullCatalog()), { timeoutMs: 1500 }).catch(() => null);
    // Plan edits are checked against the work limits (src/io/plan-work.ts, a small chunk of its own). It loads while
    // the database opens and the store waits for both, so an edit is never refused for a check still on its way;
    // a check that cannot load refuses plan edits with the reason rather than let them through unchecked.
    let planWork: typeof import('./io/plan-work') | undefined;
    let planWorkError: string | undefined;
    const planWorkLoading = import('./io/plan-work').then(
      (m) => void (planWork = m),
      (err: unknown) => void (planWorkError = err instanceof Error ? err.message : String(err)),
    );
    const wanted = route.view === 'rack' ? (route.generationId ?? DEFAULT_GENERATION) : null;
    let catalog = wanted ? loadCatalogFor([wanted]) : fullCatalog();
    if (catalog.generations.length === 0) catalog = fullCatalog();
    performance.mark('rackplan:catalog');
    const routeGeneration = route.view === 'rack' && route.generationId ? findGeneration(catalog, route.generationId)?.generation.id : undefined;
    const storage = (() => {
      try {
        return globalThis.localStorage;
      } catch {
        return undefined;
      }
    })();
    // Autosave attaches before the first edit can happen, on a first visit too: waiting for the paint lost the
    // edits of a page closed quickly (the app-reload browser test). Durability wins over a faster first paint.
    const [session] = (await Promise.all([restoring, planWorkLoading])) as [Session | null, void];
    performance.mark('rackplan:session');
    if (session?.design || route.view === 'not-found') catalog = fullCatalog();
    let design: DesignState = session?.design ?? initialDesign(catalog, routeGeneration, new Date(), full ? undefined : generationIds());
    if (routeGeneration && design.rack.generationId !== routeGeneration) {
      // A deep link names the generation to show; the rest of the restored session stays.
      const { systemsPerRack: _s, ...options } = design.rack.options;
      design = { ...design, rack: { ...design.rack, generationId: routeGeneration, options } };
    }
    const checkPlan: PlanCheck = (next, prev, c) =>
      planWork ? planWork.planEditProblems(next, prev, c) : [{ path: '', message: `the plan checks could not be loaded (${planWorkError ?? 'unknown error'}); reload the page` }];
    const store = new AppStore(catalog, { design, prefs: session?.prefs ?? loadPrefs(storage), describe: actionLabel, checkPlan });
    const notices: string[] = session?.notice ? [session.notice] : [];
    // A shared plan link is handled once: opened (or refused with the reason), then removed from the address so a
    // reload never applies it again on top of later edits. A link pasted into an open tab arrives as a hashchange.
    const openSharedPlan = async (ask: boolean): Promise<string | null> => {
      if (!location.hash.startsWith('#plan=')) return null;
      const hash = location.hash;
      history.replaceState(history.state, '', location.pathname + location.search);
      const [{ openSharedPlan: open }] = await Promise.all([import('./io/shared-plan'), planWorkLoading]);
      const r = open(hash, fullCatalog());
      if (!r.ok) return r.error;
      // The store checks the plan's generation and site ids against the whole catalog (the first paint may hold one generation).
      store.upgradeCatalog(fullCatalog());
      // A working plan (from an earlier visit, or this tab's) is never replaced without asking (review 2026-12 F9).
      if (ask) {
        app.sharedPlan = { plan: r.value };
        return null;
      }
      const opened = store.dispatch({ type: 'plan/replace', plan: r.value, label: 'open shared plan' });
      if (!opened.ok) return `The shared plan was not opened:\n${formatProblems(opened.error)}`;
      return 'Opened the shared plan; “Undo open shared plan” brings back the plan you had.';
    };
    const shared = await openSharedPlan(!!session?.design);
    if (shared) notices.push(shared);
    addEventListener('hashchange', () => {
      void openSharedPlan(true).then((message) => {
        if (message) app.notice = message;
      });
    });
    // A save that fails (quota, blocked database) is shown, never swallowed (subscribed before the first save).
    session?.onProblem((message) => {
      if (message) app.notice = message;
    });
    // Another tab saved the session: say so before an edit here replaces its work.
    session?.onOtherTab((message) => {
      app.otherTab = message;
    });
    session?.attach(store);
    // After the first view has painted: validate the rest of the catalog, then (when idle) fetch mathjs, which
    // parsing typed units needs; neither is part of the first render.
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    const warm = () => void loadUnits().catch(() => undefined);
    app.afterFirstView = () => {
      if (!full) store.upgradeCatalog(fullCatalog());
      if (idle) idle(warm, { timeout: 2000 });
      else setTimeout(warm, 500);
    };
    app.textContent = '';
    app.notice = notices.join('\n') || null;
    app.store = store;
  } catch (err) {
    const pre = document.createElement('pre');
    pre.className = 'boot-error';
    pre.setAttribute('role', 'alert');
    pre.textContent = `rackplan could not start:\n${err instanceof Error ? err.message : String(err)}`;
    app.replaceWith(pre);
  }
}

void boot();

/**
 * Composition root: build the one store from the bundled catalog (the generation named by the address wins over a
 * restored one), restore the last session (IndexedDB autosave), open a shared plan link (`#plan=…`), hand the
 * store to <rack-app>, and load what the first render does not need once it has painted.
 *
 * The first render needs lit, the shell, the current view with its engine, and the data of the generations that view
 * shows (src/state/shown-generations.ts). The rest comes after it: the whole catalog, the design schema and zod (the
 * store's edit checks), the plan-edit work check, and — on a first visit, when there is no session to restore — the
 * autosave database. Until those have loaded the store takes no edit (an edit made in the app waits for them), so no
 * edit is applied unchecked, to part of the catalog, or left unsaved.
 * @module
 */
import '../components/app/rack-app';
import { generationIds, loadCatalog, loadCatalogFor, loadGenerations } from './catalog/presets';
import { findGeneration } from './core/catalog/lookup';
import type { Catalog } from './core/catalog/types';
import type { Session } from './storage/app-autosave';
import { DB_NAME, JOURNAL_KEY } from './storage/session-names';
import { loadUnits } from './views/parse';
import { loadPrefs } from './state/prefs';
import { generationsShown } from './state/shown-generations';
import { AppStore, DEFAULT_GENERATION, formatProblems, initialDesign, loadDesignChecks, type PlanCheck } from './state/store';
import type { Action } from './state/actions';
import type { DesignState } from './state/types';
import { parseRoute } from './state/router';
import { loadRackModule } from './views/reports';

// The rack designer's code and engine are fetched at once when the address is the designer's, beside the catalog,
// so making it a lazy view costs its first paint no extra wait (other addresses never fetch them).
const startRoute = parseRoute(location.pathname);
if (startRoute.view === 'rack') void Promise.all([import('../components/rack/rack-designer-view'), loadRackModule()]).catch(() => undefined); // rack-app loads them again and says what failed

/** How long start-up waits for the database before it goes on without autosave (a stuck database never blocks). */
const SESSION_TIMEOUT_MS = 1500;

/**
 * Whether a session may be stored: a journal in localStorage or the app's database. When neither exists (a first
 * visit) the page paints without opening the database; where the browser cannot list databases, it may exist.
 */
async function maySavedSessionExist(storage: Storage | undefined): Promise<boolean> {
  try {
    if (storage?.getItem(JOURNAL_KEY)) return true;
  } catch {
    // localStorage refused: ask the database
  }
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return true; // restoreSession says why there is no autosave
  if (typeof idb.databases !== 'function') return true;
  try {
    return (await idb.databases()).some((d) => d.name === DB_NAME);
  } catch {
    return true;
  }
}

async function boot(): Promise<void> {
  const app = document.querySelector('rack-app') ?? document.body.appendChild(document.createElement('rack-app'));
  try {
    performance.mark('rackplan:boot');
    const route = startRoute;
    // Each generation's data is fetched on first use: fullCatalog() only after loadFullCatalog() has resolved.
    let full: Catalog | undefined;
    const fullCatalog = () => (full ??= loadCatalog());
    const loadFullCatalog = () => loadGenerations().then(fullCatalog);
    const storage = (() => {
      try {
        return globalThis.localStorage;
      } catch {
        return undefined;
      }
    })();
    // Each view paints with only the generations it shows; the whole catalog joins after the first paint. The start
    // design needs only the generations' ids (the build's index); the designer's generation is fetched now, beside
    // the session check, for the views that show it (Plan, Sites and Compare do not; their lists follow from the design, below).
    const opening = route.view === 'rack' ? [route.generationId ?? DEFAULT_GENERATION] : route.view === 'plan' || route.view === 'sites' || route.view === 'compare' ? [] : [DEFAULT_GENERATION];
    // Whether a session is stored is asked while the shown generation's data is fetched.
    const mayHaveSession = maySavedSessionExist(storage);
    let catalog = await loadGenerations(opening).then(() => loadCatalogFor(opening));
    if (opening.length > 0 && catalog.generations.length === 0) catalog = await loadFullCatalog();
    performance.mark('rackplan:catalog');
    const routeGeneration = route.view === 'rack' && route.generationId ? findGeneration(catalog, route.generationId)?.generation.id : undefined;
    // zod is set up once, before the first schema parses (whichever path loads it first).
    let schemaSetup: Promise<void> | undefined;
    const setUpSchemas = () => (schemaSetup ??= import('./schema/config').then((m) => m.configureSchemasForOneShotParsing()));
    const snapshotParser = async () => {
      const [{ parseSnapshot }] = await Promise.all([import('./state/snapshot'), setUpSchemas(), loadGenerations()]);
      return (d: unknown) => parseSnapshot(d, fullCatalog());
    };
    const openSession = async (): Promise<Session | null> => {
      const [{ restoreSession }, parse] = await Promise.all([import('./storage/app-autosave'), snapshotParser()]);
      return restoreSession(parse, { timeoutMs: SESSION_TIMEOUT_MS }).catch(() => null);
    };

    // A returning visit opens where the user was: the session is read before the first render (it needs the
    // snapshot schema, so the edit checks come with it). A first visit paints first and opens the database after.
    const returning = await mayHaveSession;
    const session = returning ? await openSession() : null;
    performance.mark('rackplan:session');
    if (session?.design || route.view === 'not-found') catalog = await loadFullCatalog();
    let design: DesignState = session?.design ?? initialDesign(catalog, routeGeneration, new Date(), full ? undefined : generationIds());
    if (routeGeneration && design.rack.generationId !== routeGeneration) {
      // A deep link names the generation to show; the rest of the restored session stays.
      const { systemsPerRack: _s, ...options } = design.rack.options;
      design = { ...design, rack: { ...design.rack, generationId: routeGeneration, options } };
    }
    if (!full) {
      // The generations the first view reads (a view that reads them all gets the whole catalog).
      const shown = generationsShown(route, design);
      catalog = shown ? await loadGenerations(shown).then(() => loadCatalogFor(shown)) : await loadFullCatalog();
    }
    performance.mark('rackplan:shown-catalog');

    // Plan edits are checked against the work limits (src/io/plan-work.ts, a small chunk of its own); a check that
    // cannot load refuses plan edits with the reason rather than let them through unchecked.
    let planWork: typeof import('./io/plan-work') | undefined;
    let planWorkError: string | undefined;
    const checkPlan: PlanCheck = (next, prev, c) =>
      planWork ? planWork.planEditProblems(next, prev, c) : [{ path: '', message: `the plan checks could not be loaded (${planWorkError ?? 'unknown error'}); reload the page` }];
    const loadPlanWork = () =>
      import('./io/plan-work').then(
        (m) => void (planWork = m),
        (err: unknown) => void (planWorkError = err instanceof Error ? err.message : String(err)),
      );

    // What waits for the first paint; started anyway after 10 s, should no view ever paint (a view that fails to load).
    let startDeferred: () => void = () => undefined;
    const firstPainted = new Promise<void>((resolve) => {
      startDeferred = resolve;
      setTimeout(resolve, 10_000);
    });
    const wireSession = (s: Session | null, store: AppStore) => {
      // A save that fails (quota, blocked database) is shown, never swallowed (subscribed before the first save).
      s?.onProblem((message) => {
        if (message) app.notice = message;
      });
      // Another tab saved the session: say so before an edit here replaces its work.
      s?.onOtherTab((message) => {
        app.otherTab = message;
      });
      s?.attach(store);
    };
    // Edits wait for the whole catalog, the design checks and the plan check, and on a first visit for autosave to attach: durability
    // stays as it was (no edit is applied before the session saves it).
    // The undo history's words for an edit ("Undo: breaker rating") come with the field tables, which no view needs
    // before its first paint: loaded with the edit checks (edits wait for them, so every edit is labelled).
    let actionLabels: typeof import('./views/action-labels') | undefined;
    // A module that fails to load leaves the store's own label (the action's type) rather than refuse every edit.
    const loadActionLabels = () => import('./views/action-labels').then((m) => void (actionLabels = m), () => undefined);
    const describe = (action: Action) => actionLabels?.actionLabel(action) ?? action.type;
    const editableAfter = firstPainted.then(async () => {
      await setUpSchemas();
      // The whole catalog joins first: an edit may pick any generation.
      const [late] = await Promise.all([returning ? Promise.resolve(session) : openSession(), loadDesignChecks(), loadPlanWork(), store.completeCatalog(), loadActionLabels()]);
      if (!returning) {
        if (late?.design) {
          // Another tab saved a session between the first look and now: no edit has been applied here, so reload
          // and open that session rather than save this tab's defaults over it.
          location.reload();
          return new Promise<never>(() => undefined);
        }
        wireSession(late, store);
        if (late?.notice) app.notice = late.notice;
      }
    });
    const store: AppStore = new AppStore(catalog, { design, prefs: session?.prefs ?? loadPrefs(storage), describe, checkPlan, editableAfter, wholeCatalog: loadFullCatalog });
    if (returning) wireSession(session, store);
    const notices: string[] = session?.notice ? [session.notice] : [];

    // A shared plan link is handled once: opened (or refused with the reason), then removed from the address so a
    // reload never applies it again on top of later edits. A link pasted into an open tab arrives as a hashchange.
    const openSharedPlan = async (ask: boolean): Promise<string | null> => {
      if (!location.hash.startsWith('#plan=')) return null;
      const hash = location.hash;
      history.replaceState(history.state, '', location.pathname + location.search);
      await setUpSchemas();
      const [{ openSharedPlan: open }] = await Promise.all([import('./io/shared-plan'), loadDesignChecks(), loadPlanWork(), loadGenerations()]);
      const r = open(hash, fullCatalog());
      if (!r.ok) return r.error;
      // The store checks the plan's generation and site ids against the whole catalog (the first paint may hold one generation).
      store.upgradeCatalog(fullCatalog());
      // A working plan (from an earlier visit, or this tab's) is never replaced without asking (review 2026-12 F9).
      if (ask) {
        app.sharedPlan = { plan: r.value };
        return null;
      }
      const opened = await store.dispatchWhenEditable({ type: 'plan/replace', plan: r.value, label: 'open shared plan' });
      if (!opened.ok) return `The shared plan was not opened:\n${formatProblems(opened.error)}`;
      return 'Opened the shared plan; “Undo open shared plan” brings back the plan you had.';
    };
    addEventListener('hashchange', () => {
      void openSharedPlan(true).then((message) => {
        if (message) app.notice = message;
      });
    });
    // After the first view has painted: the rest of the catalog, the edit checks and (first visit) the database,
    // then, when idle, mathjs, which parsing typed units needs; none of them is part of the first render.
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    const warm = () => void loadUnits().catch(() => undefined);
    app.afterFirstView = () => {
      startDeferred();
      if (idle) idle(warm, { timeout: 2000 });
      else setTimeout(warm, 500);
    };
    app.textContent = '';
    app.notice = notices.join('\n') || null;
    app.store = store;
    // After the store is handed over: opening the link waits for the edit checks, which wait for the first paint.
    const shared = await openSharedPlan(!!session?.design);
    if (shared) app.notice = [...notices, shared].join('\n');
  } catch (err) {
    const pre = document.createElement('pre');
    pre.className = 'boot-error';
    pre.setAttribute('role', 'alert');
    pre.textContent = `rackplan could not start:\n${err instanceof Error ? err.message : String(err)}`;
    app.replaceWith(pre);
  }
}

void boot();

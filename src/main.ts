/**
 * Composition root: load and validate the catalog, build the one store (starting at the generation named by the
 * address), hand it to <rack-app>, and warm up the units module (mathjs) once the page is idle.
 * @module
 */
import '../components/app/rack-app';
import { loadCatalog } from './catalog/presets';
import { loadPrefs } from './state/prefs';
import { parseRoute } from './state/router';
import { AppStore, initialDesign } from './state/store';
import { loadUnits } from './state/parse';

function boot(): void {
  const app = document.querySelector('rack-app') ?? document.body.appendChild(document.createElement('rack-app'));
  try {
    const catalog = loadCatalog();
    const route = parseRoute(location.pathname);
    const storage = (() => {
      try {
        return globalThis.localStorage;
      } catch {
        return undefined;
      }
    })();
    const store = new AppStore(catalog, {
      design: initialDesign(catalog, route.view === 'rack' ? (route.generationId ?? undefined) : undefined),
      prefs: loadPrefs(storage),
    });
    app.textContent = '';
    app.store = store;
    // Parsing typed units needs mathjs; fetch it when the browser is idle, not before the first paint.
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    const warm = () => void loadUnits().catch(() => undefined);
    if (idle) idle(warm, { timeout: 2000 });
    else setTimeout(warm, 500);
  } catch (err) {
    const pre = document.createElement('pre');
    pre.className = 'boot-error';
    pre.setAttribute('role', 'alert');
    pre.textContent = `rackplan could not start:\n${err instanceof Error ? err.message : String(err)}`;
    app.replaceWith(pre);
  }
}

boot();

import { loadCatalog } from '../../src/catalog/presets';
import { actionLabel } from '../../src/views/action-labels';
import { AppStore, initialDesign, loadDesignChecks } from '../../src/state/store';
import { parseRoute } from '../../src/state/router';
import type { Prefs } from '../../src/state/types';
import { fakeWindow } from '../state/fake-window';
import '../../components/app/rack-app';
import type { RackApp } from '../../components/app/rack-app';
// The app loads the designer lazily (src/main.ts starts it before the first render): tests mount it ready, as a
// deep link to /rack shows it.
import '../../components/rack/rack-designer-view';
import { loadRackModule } from '../../src/views/reports';

export const catalog = loadCatalog();

// Stores take edits once the design checks have loaded (the app loads them right after its first paint).
await loadDesignChecks();
await loadRackModule();

/** Mount <rack-app> at a path with a fresh store and a fake address bar; returns both. */
export async function mountApp(path = '/rack/gb200-nvl72', prefs?: Prefs, store?: AppStore) {
  document.body.replaceChildren();
  const win = fakeWindow(path);
  const route = parseRoute(path);
  const s = store ?? new AppStore(catalog, { design: initialDesign(catalog, route.view === 'rack' ? (route.generationId ?? undefined) : undefined), prefs, describe: actionLabel });
  const app: RackApp = document.createElement('rack-app');
  app.location = win;
  app.store = s;
  document.body.append(app);
  await app.updateComplete;
  return { app, store: s, win };
}

/** Resolve once `predicate` holds (polling), or fail after `ms`. */
export async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const t0 = performance.now();
  while (!predicate()) {
    if (performance.now() - t0 > ms) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Depth-first search through open shadow roots. */
export function deepQuery<T extends Element = Element>(root: ParentNode, selector: string): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = deepQuery<T>(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string, out: T[] = []): T[] {
  out.push(...root.querySelectorAll<T>(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepQueryAll(el.shadowRoot, selector, out);
  return out;
}

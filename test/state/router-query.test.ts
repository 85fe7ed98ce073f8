/**
 * The Fabric view's schedule filter in the URL query: read from a link, written back in a fixed order, dropped when
 * leaving the view, and a filter change is a history step that Back undoes.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery, parseRoute, Router, routePath, sameRoute, type LocationLike } from '../../src/state/router';

/** A window whose history entries keep path, query and fragment apart, as a browser's location does. */
function browserWindow(url: string) {
  const entries: string[] = [url];
  let index = 0;
  const listeners = new Set<() => void>();
  const location = { pathname: '', search: '', hash: '' };
  const show = (u: string) => {
    const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(u)!;
    location.pathname = m[1]!;
    location.search = m[2] ?? '';
    location.hash = m[3] ?? '';
  };
  show(url);
  const win = {
    location,
    history: {
      state: null,
      pushState(_s: unknown, _u: string, u: string) {
        entries.splice(index + 1);
        entries.push(u);
        index++;
        show(u);
      },
      replaceState(_s: unknown, _u: string, u: string) {
        entries[index] = u;
        show(u);
      },
    },
    addEventListener: (_t: 'popstate', fn: () => void) => listeners.add(fn),
    removeEventListener: (_t: 'popstate', fn: () => void) => listeners.delete(fn),
    back() {
      index--;
      show(entries[index]!);
      for (const l of listeners) l();
    },
    get url() {
      return entries[index]!;
    },
  };
  return win satisfies LocationLike;
}

describe('Fabric route query', () => {
  it('reads the filter keys it knows, trims them and drops the rest', () => {
    expect(parseRoute('/fabric', '/', '?rack=C1&device=node3&x=1')).toEqual({ view: 'fabric', query: { rack: 'C1', device: 'node3' } });
    expect(parseRoute('/fabric', '/', '?rack=%20C2%20&network=oob')).toEqual({ view: 'fabric', query: { rack: 'C2', network: 'oob' } });
    expect(parseRoute('/fabric', '/', '?x=1')).toEqual({ view: 'fabric' });
    expect(parseRoute('/plan', '/', '?rack=C1')).toEqual({ view: 'plan' });
    expect(parseQuery(`?rack=${'x'.repeat(65)}`)).toBeUndefined();
  });

  it('writes the query in a fixed order, so the same filter is the same route', () => {
    expect(routePath({ view: 'fabric', query: { device: 'node3', rack: 'C1' } })).toBe('/fabric?rack=C1&device=node3');
    expect(sameRoute({ view: 'fabric', query: { device: 'node3', rack: 'C1' } }, { view: 'fabric', query: { rack: 'C1', device: 'node3' } })).toBe(true);
    expect(sameRoute({ view: 'fabric', query: { rack: 'C1' } }, { view: 'fabric' })).toBe(false);
  });

  it('a link opens the filter; Back returns to the unfiltered view; other views leave no query behind; the fragment stays', () => {
    const win = browserWindow('/fabric#plan=abc');
    const seen: unknown[] = [];
    const router = new Router(win, (r) => seen.push(r));
    router.start();
    router.go({ view: 'fabric', query: { rack: 'C1', device: 'node3' } });
    expect(win.url).toBe('/fabric?rack=C1&device=node3#plan=abc');
    win.back();
    expect(router.route).toEqual({ view: 'fabric' });
    expect(seen.at(-1)).toEqual({ view: 'fabric' });
    router.go({ view: 'fabric', query: { network: 'oob', rack: 'C1' } });
    router.go({ view: 'plan' });
    expect(win.url).toBe('/plan#plan=abc');
    win.back();
    expect(router.route).toEqual({ view: 'fabric', query: { network: 'oob', rack: 'C1' } });
    // A reload reads the same route from the address bar.
    expect(new Router(browserWindow(win.url), () => undefined).route).toEqual(router.route);
    router.stop();
  });
});

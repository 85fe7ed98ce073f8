import { describe, expect, it } from 'vitest';
import { Router, parseRoute, routePath, type Route } from '../../src/state/router';
import { fakeWindow } from './fake-window';

describe('parseRoute / routePath', () => {
  it.each([
    ['/', { view: 'rack', generationId: null }],
    ['/rack', { view: 'rack', generationId: null }],
    ['/rack/gb200-nvl72', { view: 'rack', generationId: 'gb200-nvl72' }],
    ['/rack/gb200-nvl72/', { view: 'rack', generationId: 'gb200-nvl72' }],
    ['/fabric', { view: 'fabric' }],
    ['/sites', { view: 'sites' }],
    ['/plan', { view: 'plan' }],
    ['/compare', { view: 'compare' }],
    ['/export', { view: 'export' }],
    ['/rack/Not Valid', { view: 'not-found', path: '/rack/Not Valid' }],
    ['/nope', { view: 'not-found', path: '/nope' }],
    ['/rack/a/b', { view: 'not-found', path: '/rack/a/b' }],
  ] as [string, Route][])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips every view', () => {
    const routes: Route[] = [{ view: 'rack', generationId: 'trn2-ultraserver' }, { view: 'fabric' }, { view: 'sites' }, { view: 'plan' }, { view: 'compare' }, { view: 'export' }];
    for (const r of routes) expect(parseRoute(routePath(r))).toEqual(r);
  });

  it('honours a base path', () => {
    expect(parseRoute('/app/plan', '/app/')).toEqual({ view: 'plan' });
    expect(routePath({ view: 'plan' }, '/app/')).toBe('/app/plan');
  });
});

describe('Router', () => {
  it('pushes new routes, keeps the fragment (share links) and follows the back button', () => {
    const win = fakeWindow('/rack/gb200-nvl72', '#s=abc');
    const seen: Route[] = [];
    const router = new Router(win, (r) => seen.push(r));
    router.start();
    expect(router.route).toEqual({ view: 'rack', generationId: 'gb200-nvl72' });
    router.go({ view: 'compare' });
    expect(win.history.pushState).toHaveBeenCalledWith(null, '', '/compare#s=abc');
    expect(win.location.pathname).toBe('/compare');
    win.back();
    expect(seen.at(-1)).toEqual({ view: 'rack', generationId: 'gb200-nvl72' });
    router.stop();
  });

  it('replaces instead of pushing when asked, and when the route is unchanged', () => {
    const win = fakeWindow('/rack/gb200-nvl72');
    const router = new Router(win, () => {});
    router.go({ view: 'rack', generationId: 'gb300-nvl72' }, { replace: true });
    router.go({ view: 'rack', generationId: 'gb300-nvl72' });
    expect(win.history.pushState).not.toHaveBeenCalled();
    expect(win.history.replaceState).toHaveBeenCalledTimes(2);
  });

  it('a reload reads the same route back from the address', () => {
    const win = fakeWindow('/');
    const router = new Router(win, () => {});
    router.go({ view: 'plan' });
    const reloaded = new Router(fakeWindow(win.location.pathname), () => {});
    expect(reloaded.route).toEqual({ view: 'plan' });
  });
});

describe('Router scroll memory', () => {
  /** A window with history state, scroll and frames, as a browser has them. */
  function scrollingWindow(path: string) {
    const entries: { url: string; state: unknown }[] = [{ url: path, state: null }];
    let index = 0;
    const listeners = new Set<() => void>();
    const frames: (() => void)[] = [];
    const win = {
      location: { pathname: path, search: '', hash: '' },
      scrollY: 0,
      innerHeight: 800,
      document: { documentElement: { scrollHeight: 3000 } },
      history: {
        get state() {
          return entries[index]!.state;
        },
        pushState(state: unknown, _u: string, url: string) {
          entries.splice(index + 1);
          entries.push({ url, state });
          index++;
          win.location.pathname = url;
        },
        replaceState(state: unknown, _u: string, url: string) {
          entries[index] = { url, state };
          win.location.pathname = url;
        },
      },
      scrollTo(_x: number, y: number) {
        win.scrollY = y;
      },
      requestAnimationFrame(fn: () => void) {
        frames.push(fn);
        return frames.length;
      },
      flushFrames() {
        while (frames.length) frames.shift()!();
      },
      flushOne() {
        frames.shift()?.();
      },
      addEventListener: (_t: 'popstate', fn: () => void) => listeners.add(fn),
      removeEventListener: (_t: 'popstate', fn: () => void) => listeners.delete(fn),
      go(delta: number) {
        index += delta;
        win.location.pathname = entries[index]!.url;
        for (const l of listeners) l();
      },
    };
    return win;
  }

  it('Back and Forward restore the scroll position each entry was left at', () => {
    const win = scrollingWindow('/fabric');
    const router = new Router(win, () => undefined);
    router.start();
    win.scrollY = 600;
    router.go({ view: 'sites' });
    expect(win.location.pathname).toBe('/sites');
    win.scrollY = 250;
    win.go(-1);
    win.flushFrames();
    expect(router.route).toEqual({ view: 'fabric' });
    expect(win.scrollY).toBe(600);
    win.go(1);
    win.flushFrames();
    expect(router.route).toEqual({ view: 'sites' });
    // The forward entry was pushed at the top; it has not been left since, so it restores to 0.
    expect(win.scrollY).toBe(0);
  });

  it('waits for a lazily loaded view to be tall enough before scrolling', () => {
    const win = scrollingWindow('/plan');
    const router = new Router(win, () => undefined);
    router.start();
    win.scrollY = 1500;
    router.go({ view: 'export' });
    win.document.documentElement.scrollHeight = 900; // the plan view has not rendered yet
    win.scrollY = 0;
    win.go(-1);
    win.flushOne();
    win.flushOne();
    expect(win.scrollY).toBe(0); // still waiting, not clamped early
    win.document.documentElement.scrollHeight = 4000; // the view has painted
    win.flushOne();
    expect(win.scrollY).toBe(1500);
  });
});

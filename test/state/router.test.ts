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

/**
 * Path routes that survive a reload: `/rack/<id>`, `/fabric`, `/sites`, `/plan`, `/compare`, `/calc`, `/export`.
 * The Fabric view's schedule filter rides in the query (`/fabric?rack=C1&device=node3`), so a filtered schedule can
 * be shared and Back undoes a filter. The URL fragment is left alone: it is reserved for share links.
 * @module
 */

export type ViewId = 'rack' | 'fabric' | 'sites' | 'plan' | 'compare' | 'calc' | 'export';

/** A route's query: the Fabric view's schedule filter (keys {@link FABRIC_QUERY_KEYS}). */
export type RouteQuery = Readonly<Partial<Record<(typeof FABRIC_QUERY_KEYS)[number], string>>>;

export type Route =
  | { readonly view: 'rack'; readonly generationId: string | null }
  | { readonly view: Exclude<ViewId, 'rack'>; readonly query?: RouteQuery }
  | { readonly view: 'not-found'; readonly path: string };

/** The query keys the Fabric view reads, in the order its URL writes them; anything else in a query is dropped. */
export const FABRIC_QUERY_KEYS = ['network', 'tier', 'media', 'rack', 'device'] as const;

/** Longest query value kept (names in the schedule are short; this bounds what a pasted link can put on the page). */
const QUERY_VALUE_MAX = 64;

/** The Fabric view's query from a location search (`?rack=C1&device=node3`); undefined when it has none. */
export function parseQuery(search: string): RouteQuery | undefined {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const k of FABRIC_QUERY_KEYS) {
    const v = params.get(k)?.trim();
    if (v && v.length <= QUERY_VALUE_MAX) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function queryString(q: RouteQuery | undefined): string {
  if (!q) return '';
  const params = new URLSearchParams();
  for (const k of FABRIC_QUERY_KEYS) if (q[k]) params.set(k, q[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const VIEWS: readonly { readonly id: ViewId; readonly label: string }[] = [
  { id: 'rack', label: 'Rack designer' },
  { id: 'fabric', label: 'Fabric & cabling' },
  { id: 'sites', label: 'Sites' },
  { id: 'plan', label: 'Plan' },
  { id: 'compare', label: 'Compare' },
  { id: 'calc', label: 'Calculators' },
  { id: 'export', label: 'Export' },
];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Read a route from a location pathname and search (a trailing slash and the app's base are ignored). */
export function parseRoute(pathname: string, base = '/', search = ''): Route {
  let p = pathname;
  const b = base.endsWith('/') ? base : `${base}/`;
  if (p.startsWith(b)) p = p.slice(b.length - 1);
  p = p.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/index.html' || p === '/rack') return { view: 'rack', generationId: null };
  const parts = p.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  if (parts[0] === 'rack' && parts.length === 2 && ID.test(parts[1]!)) return { view: 'rack', generationId: parts[1]! };
  if (parts.length === 1 && ['fabric', 'sites', 'plan', 'compare', 'calc', 'export'].includes(parts[0]!)) {
    const query = parts[0] === 'fabric' ? parseQuery(search) : undefined;
    return query ? { view: 'fabric', query } : { view: parts[0] as Exclude<ViewId, 'rack'> };
  }
  return { view: 'not-found', path: p };
}

/** The pathname of a route, with its query when it has one. */
export function routePath(route: Route, base = '/'): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  if (route.view === 'rack') return `${b}/rack${route.generationId ? `/${encodeURIComponent(route.generationId)}` : ''}`;
  if (route.view === 'not-found') return `${b}${route.path}`;
  return `${b}/${route.view}${queryString(route.query)}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return routePath(a) === routePath(b);
}

/** The parts of `window.location`/`history` the router uses (a fake in tests). */
export interface LocationLike {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { readonly state?: unknown; pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', fn: () => void): void;
  removeEventListener(type: 'popstate', fn: () => void): void;
  /** A real window's vertical scroll; when present, each history entry remembers it and Back/Forward restore it. */
  readonly scrollY?: number;
  scrollTo?(x: number, y: number): void;
  requestAnimationFrame?(fn: () => void): number;
  readonly document?: { readonly documentElement: { readonly scrollHeight: number } };
  readonly innerHeight?: number;
}

/** What the router keeps in each history entry. */
interface EntryState {
  readonly rackplanScrollY?: number;
}

const scrollOf = (state: unknown): number | null => {
  const y = (state as EntryState | null | undefined)?.rackplanScrollY;
  return typeof y === 'number' && Number.isFinite(y) && y >= 0 ? y : null;
};

/**
 * Keeps a route in step with the address bar: `go` pushes (or replaces) a history entry, the back and forward
 * buttons call the listener. The fragment (share links) is kept as it is; the query is the route's. Before a new entry is
 * pushed the current one records the page's scroll position, and Back/Forward restore it once the view is tall
 * enough to scroll there (views load lazily, so this waits a few frames, at most about a second).
 */
export class Router {
  #route: Route;
  readonly #win: LocationLike;
  readonly #base: string;
  readonly #onChange: (route: Route, userNavigation: boolean) => void;
  readonly #pop = () => {
    this.#route = parseRoute(this.#win.location.pathname, this.#base, this.#win.location.search);
    this.#onChange(this.#route, true);
    const y = scrollOf(this.#win.history.state);
    if (y !== null) this.#restoreScroll(y);
  };

  /** Scroll to `y` once the document is tall enough (or after ~60 frames, as far as it goes). */
  #restoreScroll(y: number): void {
    const w = this.#win;
    if (!w.scrollTo) return;
    let frames = 0;
    const attempt = () => {
      const room = (w.document?.documentElement.scrollHeight ?? Infinity) - (w.innerHeight ?? 0);
      if (room >= y || frames++ > 60 || !w.requestAnimationFrame) w.scrollTo!(0, Math.min(y, Math.max(0, room)));
      else w.requestAnimationFrame(attempt);
    };
    if (w.requestAnimationFrame) w.requestAnimationFrame(attempt);
    else attempt();
  }

  /** @param onChange - told whether the user navigated (link, back/forward) or the app itself moved the address bar */
  constructor(win: LocationLike, onChange: (route: Route, userNavigation: boolean) => void, base = '/') {
    this.#win = win;
    this.#base = base;
    this.#onChange = onChange;
    this.#route = parseRoute(win.location.pathname, base, win.location.search);
  }

  get route(): Route {
    return this.#route;
  }

  start(): void {
    this.#win.addEventListener('popstate', this.#pop);
  }

  stop(): void {
    this.#win.removeEventListener('popstate', this.#pop);
  }

  /**
   * Show a route; `replace` rewrites the current entry instead of adding one (no new back-button step).
   * `userNavigation: false` marks the app's own address-bar updates (the listener then must not move focus).
   */
  go(route: Route, options: { replace?: boolean; userNavigation?: boolean } = {}): void {
    // The query belongs to the route (the Fabric view's filter): a route without one leaves none behind.
    const url = routePath(route, this.#base) + this.#win.location.hash;
    const changed = !sameRoute(route, this.#route);
    this.#route = route;
    const here = this.#win.history.state ?? null;
    if (options.replace || !changed) this.#win.history.replaceState(here, '', url);
    else {
      // The entry being left remembers where the page was scrolled; the new one starts at the top.
      if (typeof this.#win.scrollY === 'number') {
        const current = this.#win.location.pathname + this.#win.location.search + this.#win.location.hash;
        this.#win.history.replaceState({ ...(here), rackplanScrollY: this.#win.scrollY } satisfies EntryState, '', current);
      }
      this.#win.history.pushState(typeof this.#win.scrollY === 'number' ? ({ rackplanScrollY: 0 } satisfies EntryState) : null, '', url);
    }
    if (changed) this.#onChange(route, options.userNavigation ?? true);
  }
}

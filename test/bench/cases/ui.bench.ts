/**
 * Web app benchmarks (issue 5), measured in headless Debian Chromium (playwright-core) against the production
 * build served by `vite preview` (started here from node_modules/.bin/vite; its PID is killed when the run ends):
 *  - JavaScript fetched before the first render of each deep-linked view, gzipped (target ≤ 120 kB, issue 16);
 *  - first paint of the rack designer with its budgets (target ≤ 250 ms median over 5 loads, each in a fresh
 *    browser context: empty HTTP and code caches, no storage — a first visit), against an empty page's first
 *    paint in the same browser;
 *  - edit-to-paint on the Plan view with 3 sites × 6 generations × 28 quarters (target ≤ 50 ms).
 *  - edit-to-frame in the Rack designer: a value committed in the liquid ΔT field to the painted frame that shows
 *    the re-evaluated budgets (target ≤ 16 ms).
 * The page marks `rackplan:<view>` when a view has rendered and `…:painted` once that frame is painted
 * (src/views/marks.ts); times are read from those marks, relative to navigation start or to the edit.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BenchCase, BenchSample } from '../harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = join(root, 'dist/app');
const PORT = Number(process.env.RACKPLAN_BENCH_PORT ?? 4183);
const BASE = `http://127.0.0.1:${PORT}`;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let server: ChildProcess | undefined;
let built = false;

/** The baseline page: no app, one script that marks its first painted frame the way src/views/marks.ts does. */
const EMPTY_PAGE = '/bench-empty.html';
const EMPTY_SCRIPT = 'requestAnimationFrame(() => setTimeout(() => performance.mark("bench:empty:painted"), 0));\n';

/**
 * Build once, then serve dist/app with `vite preview`; the child is killed when this process exits. Chromium is
 * found (or installed) by the same script `npm test` runs first (test/setup/find-chromium.mjs).
 */
async function serve(): Promise<void> {
  if (!built) {
    execFileSync(process.execPath, [join(root, 'test/setup/find-chromium.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    // The designer's pre-rendered first visits, as `npm run build` writes them (scripts/prerender.mjs).
    execFileSync(process.execPath, [join(root, 'scripts/prerender.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    // Served from the same origin as the app, with an external script (the preview's CSP may refuse inline ones).
    writeFileSync(join(dist, 'bench-empty.js'), EMPTY_SCRIPT);
    writeFileSync(join(dist, 'bench-empty.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>empty</title><script type="module" src="/bench-empty.js"></script></head><body></body></html>\n');
    built = true;
  }
  if (server) return;
  const child = spawn(join(root, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: false });
  server = child;
  child.unref();
  const kill = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(child.pid);
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', kill);
  process.once('SIGINT', () => {
    kill();
    process.exit(130);
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${BASE}/`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${BASE}`);
}

const SMOKE = process.argv.includes('--smoke');
let shared: { browser: Promise<Browser>; left: number } | undefined;

/**
 * One page in a fresh browser context (empty cache, storage and code cache: a first visit). The browser process is
 * shared by the runs of a case and closed after its last run (`runs`; 1 in a smoke run).
 */
async function withPage<T>(fn: (page: Page, browser: Browser) => Promise<T>, runs = 1, options: { returning?: boolean } = {}): Promise<T> {
  shared ??= { browser: chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS }), left: SMOKE ? 1 : runs };
  const mine = shared;
  const browser = await mine.browser;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // A returning visitor as far as the page's head script can tell (components/app/rack-app.ts VISITED_KEY): no
    // pre-rendered copy; with no session stored the app itself starts as on a first visit.
    if (options.returning) await context.addInitScript(() => localStorage.setItem('rackplan:visited', '1'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const out = await fn(page, browser);
    await context.close();
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return out;
  } finally {
    if (--mine.left <= 0) {
      shared = undefined;
      await browser.close();
    }
  }
}

/** Wait for a performance mark and return its time (ms since navigation start). */
async function markTime(page: Page, name: string, after = 0, timeoutMs = 30_000): Promise<number> {
  const h = await page.waitForFunction(
    ([n, a]) => performance.getEntriesByName(n, 'mark').find((e) => e.startTime >= (a))?.startTime ?? null,
    [name, after] as const,
    { timeout: timeoutMs, polling: 10 },
  );
  return (await h.jsonValue()) as number;
}

/**
 * Open a CDP session on the page (before it navigates) that waits for a performance mark without running anything on
 * the page but a one-line read of the mark every 10 ms. {@link markTime} goes through Playwright's injected helper
 * script, whose first evaluation (~40–120 ms on this machine) is queued behind the page's first render and so ran
 * between the designer's painted frame and the task that marks it painted, adding its own cost to the first paint.
 */
async function quietMarkWaiter(page: Page): Promise<(name: string, timeoutMs?: number) => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  return async (name, timeoutMs = 30_000) => {
    const expression = `performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0]?.startTime ?? null`;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: unknown } };
        if (typeof r.result?.value === 'number') return r.result.value;
      } catch {
        // The document is being replaced (navigation): read again.
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no performance mark ${name} within ${timeoutMs} ms`);
  };
}

const gzCache = new Map<string, number>();
function gzipBytes(urlPath: string): number {
  const hit = gzCache.get(urlPath);
  if (hit !== undefined) return hit;
  const n = gzipSync(readFileSync(join(dist, urlPath)), { level: 9 }).length;
  gzCache.set(urlPath, n);
  return n;
}

/** JS requested before the view's render mark, gzipped (the preview server may not compress; this is what gzip sends). */
async function initialJs(path: string, mark: string): Promise<BenchSample> {
  return withPage(async (page) => {
    await page.goto(`${BASE}${path}`, { waitUntil: 'commit' });
    const rendered = await markTime(page, mark);
    // A fetch appears in the resource timeline only some time after it was started (the entry is added when its
    // response has arrived, in a task of its own): read the timeline once the page has settled, still counting only
    // what was requested before the render mark. (Read at once, it missed chunks fetched just before the mark.)
    await markTime(page, `${mark}:painted`, rendered);
    await page.waitForTimeout(1000);
    const urls = await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= t && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname),
      rendered,
    );
    const bytes = urls.reduce((s, u) => s + gzipBytes(u), 0);
    return { ms: rendered, extra: { jsGzKb: Math.round(bytes / 10.24) / 100, files: urls.length } };
  });
}

/** An empty page's first paint in a fresh context of the same browser: the same first-visit conditions, read the same quiet way. */
function emptyPagePaint(runs: number): Promise<number> {
  return withPage(async (page) => {
    const waitMark = await quietMarkWaiter(page);
    await page.goto(`${BASE}${EMPTY_PAGE}`, { waitUntil: 'commit' });
    return waitMark('bench:empty:painted');
  }, runs);
}

/** Budget meters the live designer has rendered. */
function liveMeters(page: Page): Promise<number> {
  return page.evaluate(() => {
    const v = document.querySelector('rack-app')?.shadowRoot?.querySelector('rack-designer-view');
    return v?.shadowRoot?.querySelectorAll('rack-budget-meter').length ?? 0;
  });
}

/**
 * The first painted frame of a first visit to `/rack/gb200-nvl72` and whether it had the budgets, read by the quiet
 * CDP poll: the page's first contentful paint (its 'paint' performance entry) and what was on screen in it — the
 * pre-rendered copy (shown whole from the first frame after it is parsed: public/theme-init.js decides before the
 * body is parsed) or the live designer, if its budgets had rendered before that frame. The time reported is the
 * copy's painted mark (`rackplan:prerender:painted`, taken as the empty page's and the designer's marks are: a task
 * after the frame's paint); the first contentful paint, a presentation time the compositor reports later on this
 * machine (software raster), is in `extra` as `fcp`.
 */
async function firstVisitPaint(page: Page): Promise<{ ms: number; extra: Record<string, number> }> {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${BASE}/rack/gb200-nvl72`, { waitUntil: 'commit' });
  const expression = `(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (!fcp) return null;
    const copy = document.documentElement.dataset.prerender === 'shown' ? document.querySelector('.prerendered') : null;
    const swap = performance.getEntriesByName('rackplan:prerender-swapped', 'mark')[0];
    const budgets = performance.getEntriesByName('rackplan:rack-budgets', 'mark')[0];
    const meters = copy?.firstElementChild?.shadowRoot?.querySelector('main rack-designer-view-prerendered')?.shadowRoot?.querySelectorAll('rack-budget-meter-prerendered').length ?? 0;
    const painted = performance.getEntriesByName('rackplan:prerender:painted', 'mark')[0];
    if (copy && !painted) return null;
    return { fcp: fcp.startTime, painted: painted?.startTime ?? null, copyOnScreen: !!copy || (swap !== undefined && swap.startTime > fcp.startTime), meters, liveBefore: budgets !== undefined && budgets.startTime < fcp.startTime };
  })()`;
  // The copy's meters, counted in the served page (the poll may come after the swap has removed the copy).
  const copyMeters = (readFileSync(join(dist, 'rack/gb200-nvl72.html'), 'utf8').match(/<rack-budget-meter-prerendered\b/g) ?? []).length;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => ({}))) as { result?: { value?: { fcp: number; painted: number | null; copyOnScreen: boolean; liveBefore: boolean } | null } };
    const v = r.result?.value;
    if (v) {
      const fcp = Math.round(v.fcp);
      if (v.copyOnScreen && copyMeters >= 5 && v.painted !== null) return { ms: v.painted, extra: { copyMeters, fcp } };
      // No copy on that frame: it had the budgets only if the live designer had rendered them before it.
      if (v.liveBefore) return { ms: v.fcp, extra: { copyMeters: 0, fcp } };
      throw new Error(`the first contentful paint (${Math.round(v.fcp)} ms) had no budgets: pre-rendered copy ${v.copyOnScreen ? `with ${copyMeters} meters` : 'not shown'}`);
    }
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('no first contentful paint within 30 s');
}

/**
 * The rack designer's first paint with its budgets, each load in a fresh browser context, against an empty page's
 * first paint in the same runs: a first visit's first painted frame (the pre-rendered copy, scripts/prerender.mjs),
 * the live designer's painted budgets on that visit (from then on they answer edits), and a returning visitor's
 * painted budgets (no copy: the meaning this row had before the pre-render).
 */
function firstPaintCases(): BenchCase[] {
  const common = { group: 'ui', baseline: "an empty page's first paint", runs: 5, setup: serve } as const;
  return [
    {
      ...common,
      name: 'first paint of the rack designer with its budgets, first visit: first painted frame (pre-rendered copy)',
      target: '≤ 250 ms median over 5 loads',
      run: async () => {
        const baselineMs = await emptyPagePaint(10);
        const sample = await withPage(firstVisitPaint, 10);
        return { ...sample, baselineMs };
      },
    },
    {
      ...common,
      name: "first paint of the rack designer with its budgets, first visit: the live designer's painted budgets (interactive)",
      target: 'report (≤ 250 ms was the bar before the pre-render)',
      run: async () => {
        const baselineMs = await emptyPagePaint(10);
        const sample = await withPage(async (page) => {
          const waitMark = await quietMarkWaiter(page);
          await page.goto(`${BASE}/rack/gb200-nvl72`, { waitUntil: 'commit' });
          const painted = await waitMark('rackplan:rack-budgets:painted');
          const meters = await liveMeters(page);
          if (meters < 5) throw new Error(`only ${meters} budget meters painted`);
          return { ms: painted, extra: { meters } };
        }, 10);
        return { ...sample, baselineMs };
      },
    },
    {
      ...common,
      name: 'first paint of the rack designer with its budgets, returning visitor (no pre-rendered copy, production build, fresh browser context per load)',
      // The issue's 250 ms is a first visit's (fresh context, no storage: the row above); a returning visitor's
      // saved session may differ from any copy, so it waits for the live designer.
      target: "report (the 250 ms target is a first visit's)",
      run: async () => {
        const baselineMs = await emptyPagePaint(10);
        const sample = await withPage(
          async (page) => {
            const waitMark = await quietMarkWaiter(page);
            await page.goto(`${BASE}/rack/gb200-nvl72`, { waitUntil: 'commit' });
            const painted = await waitMark('rackplan:rack-budgets:painted');
            const meters = await liveMeters(page);
            if (meters < 5) throw new Error(`only ${meters} budget meters painted`);
            const swapped = await page.evaluate(() => performance.getEntriesByName('rackplan:prerender-swapped', 'mark').length);
            if (swapped) throw new Error('a returning visitor got the pre-rendered copy');
            return { ms: painted, extra: { meters } };
          },
          10,
          { returning: true },
        );
        return { ...sample, baselineMs };
      },
    },
  ];
}

const fixture = JSON.parse(readFileSync(join(root, 'presets/plans/three-sites-7y.json'), 'utf8')) as unknown;

export const cases: BenchCase[] = [
  ...(['/rack/gb200-nvl72', '/plan', '/sites', '/fabric', '/compare', '/export'] as const).map(
    (path): BenchCase => ({
      group: 'ui',
      name: `JS before first render of ${path}, gzipped (ms: render time; kB in extra)`,
      target: '≤ 120 kB gzipped',
      runs: 1,
      setup: serve,
      run: () => initialJs(path, path.startsWith('/rack') ? 'rackplan:rack-budgets' : `rackplan:${path.slice(1)}`),
    }),
  ),
  ...firstPaintCases(),
  {
    group: 'ui',
    name: 'edit-to-paint on the Plan view, 3 sites × 6 generations × 28 quarters (median of 9 edits per load)',
    target: '≤ 50 ms',
    runs: 5,
    setup: serve,
    run: () =>
      withPage(async (page) => {
        await page.goto(`${BASE}/plan`, { waitUntil: 'load' });
        await markTime(page, 'rackplan:plan:painted');
        // Load the 3 × 6 × 28 fixture plan through the store (one edit), then wait for charts to be ready.
        // The store accepts edits once its design checks have loaded (after the first paint): wait for them.
        await page.evaluate(async (plan) => {
          const app = document.querySelector('rack-app') as unknown as { store: { dispatchWhenEditable(a: unknown): Promise<{ ok: boolean }> } };
          const r = await app.store.dispatchWhenEditable({ type: 'plan/replace', plan, label: 'bench fixture' });
          if (!r.ok) throw new Error(`fixture refused: ${JSON.stringify(r).slice(0, 300)}`);
        }, fixture);
        await page.waitForFunction(() => {
          const v = document.querySelector('rack-app')?.shadowRoot?.querySelector('rack-plan-view');
          const charts = v?.shadowRoot?.querySelectorAll('rack-chart') ?? [];
          return charts.length >= 3 && [...charts].every((c) => !c.shadowRoot?.querySelector('.loading'));
        });
        await page.waitForTimeout(300);
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const t = await page.evaluate(async (units) => {
            const v = document.querySelector('rack-app')!.shadowRoot!.querySelector('rack-plan-view')!;
            const grid = v.shadowRoot!.querySelector('rack-plan-grid')!;
            // The first deployment cell of the row (the row starts with the demand cell).
            const input = grid.shadowRoot!.querySelector<HTMLInputElement>('tbody tr:nth-child(9) input:not([data-c="demand"])')!;
            const start = performance.now();
            input.value = String(units);
            input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
            const painted = await new Promise<number>((resolve) => {
              const obs = new PerformanceObserver((list) => {
                const e = list.getEntries().find((x) => x.name === 'rackplan:plan:painted' && x.startTime >= start);
                if (e) {
                  obs.disconnect();
                  resolve(e.startTime);
                }
              });
              obs.observe({ type: 'mark', buffered: false });
            });
            return painted - start;
          }, 10 + i);
          times.push(t);
        }
        const sorted = [...times].sort((a, b) => a - b);
        const deployments = await page.evaluate(() => (document.querySelector('rack-app') as unknown as { store: { design: { plan: { plan: { deployments: unknown[] } } } } }).store.design.plan.plan.deployments.length);
        return { ms: sorted[Math.floor(sorted.length / 2)]!, extra: { maxMs: sorted.at(-1)!, deployments } };
      }, 5),
  },
  {
    group: 'ui',
    name: 'edit-to-frame in the Rack designer: liquid ΔT committed to the painted frame with the new budgets (median of 9 edits per load)',
    target: '≤ 16 ms',
    runs: 5,
    setup: serve,
    run: () =>
      withPage(async (page) => {
        await page.goto(`${BASE}/rack/gb300-nvl72`, { waitUntil: 'load' });
        await markTime(page, 'rackplan:rack-budgets:painted');
        await page.waitForTimeout(300);
        const times: number[] = [];
        for (let i = 0; i < 9; i++) {
          const t = await page.evaluate(async (kelvin) => {
            const designer = document.querySelector('rack-app')!.shadowRoot!.querySelector('rack-designer-view')!;
            const fields = [...designer.shadowRoot!.querySelectorAll('rack-unit-form')].flatMap((f) => [...f.shadowRoot!.querySelectorAll('rack-quantity-input')]);
            const field = fields.find((f) => (f as unknown as { label: string }).label === 'Liquid ΔT');
            if (!field) throw new Error('no Liquid ΔT field');
            const input = field.shadowRoot!.querySelector('input')!;
            const start = performance.now();
            // The keystroke (input) and its commit (change, as Enter or leaving the field does).
            input.value = String(kelvin);
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
            const painted = await new Promise<number>((resolve) => {
              const obs = new PerformanceObserver((list) => {
                const e = list.getEntries().find((x) => x.name === 'rackplan:rack:painted' && x.startTime >= start);
                if (e) {
                  obs.disconnect();
                  resolve(e.startTime);
                }
              });
              obs.observe({ type: 'mark', buffered: false });
            });
            return painted - start;
          }, 8 + (i % 5));
          times.push(t);
        }
        const sorted = [...times].sort((a, b) => a - b);
        return { ms: sorted[Math.floor(sorted.length / 2)]!, extra: { maxMs: sorted.at(-1)! } };
      }, 5),
  },
];

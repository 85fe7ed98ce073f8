/**
 * The pre-rendered first visit of the rack designer (scripts/prerender.mjs, issue 16 item 3), on the production
 * build with its pre-render, in headless Debian Chromium (playwright-core) against `vite preview` started and
 * stopped by this test (by PID). Built into a private directory, pre-rendered for every bundled generation:
 *  - every page (all generations): the copy is inert and aria-hidden, has the designer's budget meters, and no tag
 *    the app defines (in markup or in its style sheets' selectors), so nothing upgrades it;
 *  - a few generations live: the copy is on the first frame, the app starts after it is painted, its visible text
 *    equals the live app's at the swap, the summary strip and budget meters do not move at the swap, one app boot,
 *    no console errors;
 *  - a returning visitor or a link with a query or hash never gets the copy.
 * Runs in the node project (it drives the browser).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { serveBuiltApp, type BuiltApp } from '../helpers/built-app';
import { JOURNAL_KEY } from '../../src/storage/session-names';
import { PREFS_KEY } from '../../src/state/prefs';
import { VISITED_KEY } from '../../components/app/rack-app';
import { deferAppScripts } from '../../scripts/prerender.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let app: BuiltApp | undefined;
let out: string;
let base: string;
let browser: Browser | undefined;

const generations = readdirSync(join(root, 'presets/generations'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
/** Checked live: the default (also on a phone), a multi-rack scale-up domain and a server generation; page widths in px. */
const LIVE: [string, number][] = [
  ['gb200-nvl72', 1280],
  ['gb200-nvl72', 390],
  ['rubin-ultra-nvl576', 1280],
  ['dgx-h100', 1280],
];

/** Every custom element tag the app defines (`@customElement('…')` or `customElements.define('…'`) under components/. */
function definedTags(): string[] {
  const tags = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/(?:@customElement\(|customElements\.define\()\s*'([a-z][\w-]*-[\w-]*)'/g)) tags.add(m[1]!);
    }
  };
  walk(join(root, 'components'));
  return [...tags];
}

beforeAll(async () => {
  app = await serveBuiltApp({ name: 'prerender', portFrom: 4800, prerender: true });
  ({ out, base, browser } = app);
}, 240_000);

afterAll(async () => {
  await app?.close();
});

describe('the app scripts a page with a copy defers', () => {
  const page = (head: string) => `<!doctype html>\n<html lang="en">\n  <head>\n${head}\n  </head>\n  <body><rack-app></rack-app></body>\n</html>`;
  it('names the entry, its modulepreloads and the preload scripts on <html>, and keeps only the head script', () => {
    const out = deferAppScripts(
      page(
        '    <script src="/assets/designer-preload-1.js" async></script>\n    <script src="/theme-init.js"></script>\n    <script type="module" crossorigin src="/assets/index-A.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/a.js">\n    <link rel="modulepreload" crossorigin href="/assets/b.js">',
      ),
    );
    expect(out).toContain('<html data-app-entry="/assets/index-A.js" data-app-modules="/assets/a.js /assets/b.js" data-app-scripts="/assets/designer-preload-1.js" lang="en">');
    expect(out.match(/<script\b[^>]*>/g)).toEqual(['<script src="/theme-init.js">']);
    expect(out).not.toContain('modulepreload');
  });
  it('refuses a page without an entry module, or with a script it does not know', () => {
    expect(() => deferAppScripts(page('<script src="/theme-init.js"></script>'))).toThrow(/no entry module script/);
    expect(() => deferAppScripts(page('<script type="module" crossorigin src="/assets/index-A.js"></script><script src="/other.js" defer></script>'))).toThrow(/does not know how to defer/);
  });
});

describe('pre-rendered designer pages, every bundled generation', () => {
  it('the head script and the app agree on the storage keys', () => {
    const head = readFileSync(join(root, 'public/theme-init.js'), 'utf8');
    expect(head).toContain(`'${JOURNAL_KEY}'`);
    expect(head).toContain(`'${VISITED_KEY}'`);
    expect(head).toContain(`'${PREFS_KEY}'`);
  });

  it('the built head script is the source minified', () => {
    const source = readFileSync(join(root, 'public/theme-init.js'), 'utf8');
    const built = readFileSync(join(out, 'theme-init.js'), 'utf8');
    expect(built.length).toBeLessThan(source.length / 2);
    expect(built).not.toMatch(/\/\/|\/\*/);
    for (const key of [JOURNAL_KEY, VISITED_KEY, 'rackplan:prerender:painted', 'appEntry']) expect(built).toContain(key);
  });

  it.each(generations)('%s: inert, aria-hidden, with budgets, and no tag the app defines', (id) => {
    const html = readFileSync(join(out, 'rack', `${id}.html`), 'utf8');
    expect(html).toContain(`<html data-prerendered="/rack/${id}" `);
    const start = html.indexOf('<div class="prerendered" inert aria-hidden="true">');
    const end = html.indexOf('<rack-app>', start);
    expect(start).toBeGreaterThan(0);
    const copy = html.slice(start, end);
    expect(copy.match(/<rack-budget-meter-prerendered\b/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(copy).toContain('shadowrootmode="open"');
    const tags = definedTags();
    expect(tags).toContain('rack-designer-view');
    const styles = [...copy.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    expect(styles.length).toBeGreaterThan(1000);
    for (const tag of tags) {
      expect(copy, tag).not.toMatch(new RegExp(`<${tag}[\\s/>]`));
      // In a selector: not part of a longer name, a custom property (--…), a class or an id.
      expect(styles, tag).not.toMatch(new RegExp(`(^|[^\\w\\-.#])${tag}(?![\\w-])`));
    }
    // No script in the copy (the CSP refuses inline scripts; the copy needs none).
    expect(copy).not.toMatch(/<script\b/);
    // The app's scripts are named for the head script to start after the copy's first frame, not loaded by the markup.
    // The head script holds the first frame, not the parser.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/theme-init.js" async blocking="render">']);
    expect(html).not.toContain('rel="modulepreload"');
    const named = /data-app-entry="([^"]+)" data-app-modules="([^"]*)" data-app-scripts="([^"]*)"/.exec(html);
    expect(named).not.toBeNull();
    const files = named!.slice(1).join(' ').split(' ').filter(Boolean);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(existsSync(join(out, f)), f).toBe(true);
  });
});

/** What a fresh page records of the copy (in its first frame) and of the live app (in the task of the swap). */
interface Recorded {
  copyShownAtStart: boolean;
  themeAtStart: string | null;
  copyText: string[];
  copyBoxes: number[][];
  liveText: string[];
  liveBoxes: number[][];
  swappedWithBudgets: boolean;
  boots: number;
  bootAt: number | null;
  copyPaintedAt: number | null;
  budgetRenders: number;
  firstContentfulPaint: number | null;
  swapAt: number | null;
}

/** Installed before the page's scripts: records the copy in its first frame and the live app when the copy is removed. */
function recorder(): void {
  // The visible text through shadow roots (a select by its chosen option, a field by its value).
  const text = (start: Node): string[] => {
    const out: string[] = [];
    // Adjacent text nodes are one text (the live app's are split by Lit's comment markers, the copy's are not).
    let run = '';
    const flush = () => {
      const t = run.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      run = '';
    };
    const walk = (nodes: readonly Node[]): void => {
      for (const c of nodes) {
        if (c.nodeType === Node.TEXT_NODE) {
          run += c.textContent ?? '';
          continue;
        }
        if (!(c instanceof Element)) continue;
        flush();
        if (['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT'].includes(c.tagName)) continue;
        if (c instanceof HTMLSlotElement) {
          const assigned = c.assignedNodes({ flatten: true });
          walk(assigned.length ? assigned : Array.from(c.childNodes));
          continue;
        }
        const cs = getComputedStyle(c);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        if (c instanceof HTMLSelectElement) {
          out.push(`[${c.selectedOptions[0]?.textContent?.trim() ?? ''}]`);
          continue;
        }
        if (c instanceof HTMLInputElement) {
          out.push(`[${c.type === 'checkbox' || c.type === 'radio' ? String(c.checked) : `${c.value}|${c.placeholder}`}]`);
          continue;
        }
        walk(Array.from((c.shadowRoot ?? c).childNodes));
        flush();
      }
    };
    walk([start]);
    flush();
    return out;
  };
  const rec: Partial<Recorded> = {};
  (window as unknown as { __rec: Partial<Recorded> }).__rec = rec;
  const boxes = (host: Element | null | undefined): number[][] => {
    const list: Element[] = [];
    const walk = (n: ParentNode) => {
      for (const el of Array.from(n.querySelectorAll('*'))) {
        if (/^rack-(summary-strip|budget-meter)/.test(el.localName)) list.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (host) walk(host.shadowRoot ?? host);
    return list.map((el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    });
  };
  // In the page's first frame once parsed (the head script holds rendering until it has run, and may run after the parse).
  document.addEventListener('DOMContentLoaded', () =>
    requestAnimationFrame(() => {
      const copy = document.querySelector('.prerendered');
      rec.themeAtStart = document.documentElement.dataset.theme ?? null;
      rec.copyShownAtStart = document.documentElement.dataset.prerender === 'shown' && !!copy && getComputedStyle(copy).display !== 'none';
      rec.copyText = copy ? text(copy) : [];
      rec.copyBoxes = copy ? boxes(copy.firstElementChild) : [];
    }),
  );
  new MutationObserver((records) => {
    if (!records.some((r) => Array.from(r.removedNodes).some((n) => n instanceof Element && n.classList.contains('prerendered')))) return;
    rec.swapAt = performance.now();
    const app = document.querySelector('rack-app');
    rec.swappedWithBudgets = performance.getEntriesByName('rackplan:rack-budgets', 'mark').length === 1;
    // The first frame without the copy: a frame callback runs after this task's rendering (the meters and the
    // elevation update in microtasks after the designer), before that frame is painted.
    requestAnimationFrame(() => {
      rec.liveText = app ? text(app) : [];
      rec.liveBoxes = boxes(app);
    });
  }).observe(document, { childList: true, subtree: true });
}

async function record(context: BrowserContext, path: string): Promise<{ rec: Recorded; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(recorder);
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('rackplan:rack-budgets:painted', 'mark').length > 0, undefined, { timeout: 60_000 });
  // What comes after the first paint (the whole catalog, the edit checks, autosave) has settled.
  await page.waitForTimeout(1500);
  const rec = await page.evaluate(() => {
    const r = (window as unknown as { __rec: Recorded }).__rec;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    return {
      ...r,
      boots: performance.getEntriesByName('rackplan:boot', 'mark').length,
      bootAt: performance.getEntriesByName('rackplan:boot', 'mark')[0]?.startTime ?? null,
      copyPaintedAt: performance.getEntriesByName('rackplan:prerender:painted', 'mark')[0]?.startTime ?? null,
      budgetRenders: performance.getEntriesByName('rackplan:rack-budgets', 'mark').length,
      firstContentfulPaint: fcp,
      copyLeft: document.querySelectorAll('.prerendered').length,
      apps: document.querySelectorAll('rack-app').length,
      designers: document.querySelector('rack-app')?.shadowRoot?.querySelectorAll('rack-designer-view').length ?? 0,
    };
  });
  expect(rec.copyLeft).toBe(0);
  expect(rec.apps).toBe(1);
  expect(rec.designers).toBe(1);
  await page.close();
  return { rec, errors };
}

describe('the copy on a first visit, and the swap', () => {
  it.each(LIVE)('%s at %i px: the copy paints first, equals the live app at the swap, nothing moves; one boot, no errors', async (id, width) => {
    const context = await browser!.newContext({ viewport: { width, height: 900 } });
    const { rec, errors } = await record(context, `/rack/${id}`);
    await context.close();
    expect(errors).toEqual([]);
    expect(rec.copyShownAtStart).toBe(true);
    expect(rec.swappedWithBudgets).toBe(true);
    expect(rec.boots).toBe(1);
    // The app started only after the copy's first frame was painted.
    expect(rec.copyPaintedAt).not.toBeNull();
    expect(rec.bootAt!).toBeGreaterThan(rec.copyPaintedAt!);
    expect(rec.budgetRenders).toBe(1);
    // The first contentful paint is the copy's (before the live app rendered its budgets).
    expect(rec.firstContentfulPaint).not.toBeNull();
    expect(rec.firstContentfulPaint!).toBeLessThan(rec.swapAt!);
    expect(rec.copyText.length).toBeGreaterThan(100);
    expect(rec.liveText).toEqual(rec.copyText);
    expect(rec.copyBoxes.length).toBeGreaterThanOrEqual(6);
    expect(rec.liveBoxes).toEqual(rec.copyBoxes);
  }, 90_000);
});

describe('no copy when the app will show something else', () => {
  it('a returning visitor (session journal, earlier visit) and links with a query or hash get no copy', async () => {
    const fresh = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    for (const path of ['/rack/gb200-nvl72?units=us', '/rack/gb200-nvl72#about']) {
      const { rec, errors } = await record(fresh, path);
      expect(errors, path).toEqual([]);
      expect(rec.copyShownAtStart, path).toBe(false);
      expect(rec.copyText, path).toEqual([]);
    }
    // The visits above were this browser's first: it now counts as returning (its database may hold a session).
    const again = await record(fresh, '/rack/gb200-nvl72');
    expect(again.rec.copyShownAtStart).toBe(false);
    await fresh.close();

    const journal = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await journal.addInitScript((key) => localStorage.setItem(key, '{}'), JOURNAL_KEY);
    const page = await journal.newPage();
    await page.addInitScript(recorder);
    await page.goto(`${base}/rack/gb200-nvl72`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __rec: Recorded }).__rec.copyShownAtStart !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __rec: Recorded }).__rec.copyShownAtStart)).toBe(false);
    await journal.close();

    // A returning visitor's saved theme is on the page's first frame (the head script holds rendering until it has run).
    const dark = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await dark.addInitScript((keys) => {
      localStorage.setItem(keys.visited, '1');
      localStorage.setItem(keys.prefs, JSON.stringify({ theme: 'dark' }));
    }, { visited: VISITED_KEY, prefs: PREFS_KEY });
    const themed = await record(dark, '/rack/gb200-nvl72');
    expect(themed.errors).toEqual([]);
    expect(themed.rec.copyShownAtStart).toBe(false);
    expect(themed.rec.themeAtStart).toBe('dark');
    await dark.close();
  }, 120_000);
});

#!/usr/bin/env node
/* global window, document, CSSStyleRule, CSSStyleSheet, HTMLInputElement, HTMLSelectElement, HTMLTextAreaElement, requestAnimationFrame -- captureFirstFrame and serializeApp run in the page */
/**
 * Build-time pre-render of the rack designer's first visit (run by `npm run build` after `vite build`).
 *
 * For every bundled generation it serves dist/app with `vite preview`, opens `/rack/<id>` in headless Chromium (a
 * fresh context: no session, the first visit, 1280 px wide), takes the frame in which the live designer has rendered
 * its budgets and its elevation's slots (captureFirstFrame), and writes the app's own DOM as `dist/app/rack/<id>.html`: the shadow roots as
 * declarative shadow DOM with their adopted style sheets as <style> elements, every custom element tag renamed
 * (`rack-designer` → `rack-designer-prerendered`, also in the style sheets' selectors) so nothing in the page
 * upgrades it, inside an inert, aria-hidden wrapper. The app's markup is the only source of the copy.
 *
 * The page shows the copy only on a first visit with no query or hash (public/theme-init.js decides before the first
 * frame), starts the app once the copy is painted, and swaps the copy for the live app in the task in which the live
 * designer has rendered its budgets (components/app/rack-app.ts). Without Chromium the build still succeeds, with no pre-render (one line says so).
 */
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Suffix of every custom element tag in the copy (the app defines none with it). */
export const PRERENDER_SUFFIX = '-prerendered';
/** Marks the copy's wrapper; index.html's styles and the swap find it by this class. */
export const PRERENDER_CLASS = 'prerendered';

/** Generation ids the build bundles (presets/generations/<id>.json). */
export function bundledGenerationIds() {
  return readdirSync(join(root, 'presets/generations'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Runs in the page: reflects form state into attributes, writes each shadow root's adopted style sheets into it as a
 * <style> (tag names renamed in selectors), and returns the app's markup with its shadow roots and the tag names.
 * Plain JS: Playwright sends its source to the page.
 */
function serializeApp(suffix) {
  const roots = [];
  const tags = new Set();
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.includes('-')) tags.add(el.localName);
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  const app = document.querySelector('rack-app');
  tags.add('rack-app');
  roots.push(app.shadowRoot);
  walk(app.shadowRoot);
  // Longest first, so `rack-budget-meter` is not caught by a shorter name that prefixes it.
  const names = [...tags].sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[-]/g, '\\-'));
  // A tag name in a selector: not preceded or followed by a name character (so not a class, id, part or property).
  const selectorTag = new RegExp(`(^|[^\\w\\-.#:"'=])(${escaped.join('|')})(?![\\w\\-])`, 'g');
  const renameSelector = (s) => s.replace(selectorTag, (_m, pre, name) => `${pre}${name}${suffix}`);
  const renameRules = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) rule.selectorText = renameSelector(rule.selectorText);
      if (rule.cssRules) renameRules(rule.cssRules);
    }
  };
  // The copy never changes: a rule that matches nothing in its shadow root now is dead weight (each copy of a
  // shared sheet is parsed on its own, unlike the live app's adopted sheets). The element a rule styles is tested
  // without pseudo-elements and states; rules on the host, slotted content or parts are kept.
  const statePseudo = /::?(?:before|after|placeholder|marker|selection|backdrop|file-selector-button|first-line|first-letter|-webkit-[\w-]+|-moz-[\w-]+)|:(?:hover|focus-visible|focus-within|focus|active|visited|target)(?![\w-])/g;
  const used = (root, selector) => {
    if (/:host|::slotted|::part/.test(selector)) return true;
    try {
      return selector.split(',').some((one) => {
        const plain = one.replace(statePseudo, '').trim();
        return plain === '' || /[>+~]$/.test(plain) || root.querySelector(plain) !== null;
      });
    } catch {
      return true; // a selector the engine cannot test alone: keep it
    }
  };
  const pruneRules = (root, list) => {
    for (let i = list.cssRules.length - 1; i >= 0; i--) {
      const rule = list.cssRules[i];
      if (rule instanceof CSSStyleRule) {
        if (!used(root, rule.selectorText)) list.deleteRule(i);
      } else if (rule.cssRules && !('keyText' in rule)) {
        pruneRules(root, rule);
        if (rule.cssRules.length === 0) list.deleteRule(i);
      }
    }
  };
  for (const r of roots) {
    for (const el of r.querySelectorAll('input, select, textarea')) {
      if (el instanceof HTMLInputElement) {
        if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
        else el.setAttribute('value', el.value);
      } else if (el instanceof HTMLSelectElement) {
        for (const o of el.options) o.toggleAttribute('selected', o.selected);
      } else if (el instanceof HTMLTextAreaElement) {
        el.textContent = el.value;
      }
    }
    const css = r.adoptedStyleSheets
      .map((sheet) => {
        const copy = new CSSStyleSheet();
        copy.replaceSync([...sheet.cssRules].map((x) => x.cssText).join('\n'));
        pruneRules(r, copy);
        renameRules(copy.cssRules);
        return [...copy.cssRules].map((x) => x.cssText).join('\n');
      })
      .join('\n');
    if (css) {
      const style = document.createElement('style');
      style.textContent = css;
      r.prepend(style);
    }
  }
  const inner = app.getHTML({ serializableShadowRoots: true, shadowRoots: roots });
  return { html: `<rack-app>${inner}</rack-app>`, tags: names };
}

/**
 * Runs in the page before its scripts: the page renders as it does with a copy shown (`data-prerender="shown"`: the
 * elevation draws its slots in the designer's first render), and the frame in which the live designer has rendered
 * its budgets is serialized just before it is painted: the copy is that first frame, the one it is swapped for at
 * run time (later frames add what loads after the first paint, as they do after the swap).
 */
function captureFirstFrame(suffix, serialize) {
  document.addEventListener('DOMContentLoaded', () => {
    document.documentElement.dataset.prerender = 'shown';
  });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'rackplan:rack-budgets' && window.__rackplanFirstFrame === undefined) {
      requestAnimationFrame(() => {
        window.__rackplanFirstFrame ??= serialize(suffix);
      });
    }
    return entry;
  };
}

/** Rename every tag in `names` in the markup (opening and closing tags only) and drop comments (Lit's markers). */
export function renameTags(html, names, suffix = PRERENDER_SUFFIX) {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const tag = new RegExp(`<(/?)(${sorted.map((n) => n.replace(/-/g, '\\-')).join('|')})(?=[\\s/>])`, 'g');
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(tag, (_m, slash, name) => `<${slash}${name}${suffix}`);
}

/**
 * index.html with its app scripts taken out of the markup and named on <html> instead (`data-app-entry`, the entry
 * module; `data-app-modules`, its modulepreloads; `data-app-scripts`, the classic preload scripts), for
 * public/theme-init.js to start: at once when the page shows no copy, after the copy's first painted frame when it
 * does. Loaded by the markup, the app's module fetches, compiles and first run share the one main thread with the
 * copy's parse, style and layout, and hold its first frame back (bench, this 2-core machine: ~400 → ~270 ms).
 */
export function deferAppScripts(indexHtml) {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(indexHtml);
  if (!entry) throw new Error('prerender: dist/app/index.html has no entry module script (<script type="module" crossorigin src="…">)');
  const modules = [];
  const scripts = [];
  const html = indexHtml
    .replace(entry[0], '')
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g, (_m, href) => {
      modules.push(href);
      return '';
    })
    .replace(/<script src="([^"]+)" async><\/script>\s*/g, (_m, src) => {
      scripts.push(src);
      return '';
    });
  if (/<script\b(?![^>]*src="\/theme-init\.js")/.test(html)) throw new Error('prerender: dist/app/index.html has a script this pre-render does not know how to defer');
  const attrs = [`data-app-entry="${entry[1]}"`, `data-app-modules="${modules.join(' ')}"`, `data-app-scripts="${scripts.join(' ')}"`];
  return html.replace('<html ', `<html ${attrs.join(' ')} `);
}

/** index.html's head script, which decides the theme and whether the copy shows before the first frame. */
const HEAD_SCRIPT_TAG = '<script src="/theme-init.js"></script>';

/**
 * The app's page with the copy of `path`'s first visit in it (index.html is the template; its app scripts deferred).
 * Its head script does not stop the parser (`async`) but holds rendering until it has run (`blocking="render"`):
 * the ~100 kB copy is parsed while the script downloads, instead of after it (and with no look-ahead scan of the
 * whole page while the parser waits): the copy's painted frame ~40 ms sooner on this machine (medians of 11 loads,
 * three rounds: 252–265 → 213–220 ms). A browser that ignores `blocking` may paint a frame before the script has
 * run: the copy is hidden until then, and a returning visitor's saved theme (the copy is never shown to one) may
 * then come a frame late.
 */
export function pageWithCopy(indexHtml, path, copyHtml) {
  if (!indexHtml.includes('<rack-app>')) throw new Error('prerender: dist/app/index.html has no <rack-app> to put the copy beside');
  if (!indexHtml.includes(HEAD_SCRIPT_TAG)) throw new Error(`prerender: dist/app/index.html has no ${HEAD_SCRIPT_TAG}`);
  return deferAppScripts(indexHtml)
    .replace(HEAD_SCRIPT_TAG, '<script src="/theme-init.js" async blocking="render"></script>')
    .replace('<html ', `<html data-prerendered="${path}" `)
    // The marker after the copy: index.html shows the copy only once it is there, so no frame has part of it.
    .replace('<rack-app>', `<div class="${PRERENDER_CLASS}" inert aria-hidden="true">${copyHtml}</div><i class="${PRERENDER_CLASS}-end" hidden></i>\n    <rack-app>`);
}

/**
 * Pre-render the designer pages of `dist` (default dist/app; `--outDir <dir>` for a build elsewhere, as the tests
 * do) for every bundled generation, or those given as `--only id,id`.
 */
async function main(argv) {
  const flag = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dist = resolve(root, flag('--outDir') ?? 'dist/app');
  const only = flag('--only')?.split(',');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('prerender: no dist/app/index.html; run `vite build` first');
  // Pages of an earlier run are outputs, never inputs: the copy is always taken from index.html's app.
  rmSync(join(dist, 'rack'), { recursive: true, force: true });
  if (!existsSync(chromiumPath)) {
    console.log(`prerender: no Chromium at ${chromiumPath} (set CHROMIUM_PATH): the build has no pre-rendered first paint; the app paints as it loads.`);
    return;
  }
  const started = Date.now();
  const [{ preview }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);
  const server = await preview({ root, logLevel: 'error', build: { outDir: dist }, preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false } });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const ids = only ?? bundledGenerationIds();
  const pages = [];
  try {
    for (const id of ids) {
      const path = `/rack/${id}`;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.addInitScript({ content: `(${captureFirstFrame})(${JSON.stringify(PRERENDER_SUFFIX)}, ${serializeApp});` });
      await page.goto(`${base}${path}`);
      try {
        await page.waitForFunction(() => window.__rackplanFirstFrame !== undefined, undefined, { timeout: 60_000 });
      } catch (err) {
        const [marks, shown] = await page
          .evaluate(() => [performance.getEntriesByType('mark').map((m) => m.name).join(', '), document.querySelector('.boot-error')?.textContent ?? ''])
          .catch(() => ['?', '']);
        throw new Error(`prerender: ${path} never rendered its budgets (marks: ${marks || 'none'}; errors: ${[...errors, shown].filter(Boolean).join(' | ') || 'none'}): ${err instanceof Error ? err.message : err}`, { cause: err });
      }
      const { html, tags } = await page.evaluate(() => window.__rackplanFirstFrame);
      await context.close();
      if (errors.length) throw new Error(`prerender: ${path} logged errors: ${errors.join(' | ')}`);
      const copy = renameTags(html, tags);
      if (!copy.includes(`<rack-budget-meter${PRERENDER_SUFFIX}`)) throw new Error(`prerender: ${path} has no budget meters in its copy`);
      pages.push({ id, html: pageWithCopy(index, path, copy) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(join(dist, 'rack'), { recursive: true });
  for (const p of pages) writeFileSync(join(dist, 'rack', `${p.id}.html`), p.html);
  const kb = Math.round(pages.reduce((s, p) => s + p.html.length, 0) / pages.length / 1024);
  console.log(`prerender: ${pages.length} designer pages (${relative(root, dist) || '.'}/rack/<id>.html, ~${kb} kB each) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

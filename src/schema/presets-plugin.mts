/**
 * The Vite plugin that validates the bundled presets at build time (app build, CLI build, dev server, vitest,
 * bench) and serves them as virtual modules of frozen data: `virtual:rackplan-presets/{catalog,network,sites}`.
 * A preset that fails its schema fails the build with the file and the field named. At run time the app and
 * the CLI read only the emitted data (src/catalog); zod runs on user input only.
 *
 * This file is imported by vite.config.ts, so it imports nothing but types: the validation code (TypeScript
 * with the zod schemas) is loaded through Vite's own module runner when a preset module is first requested,
 * which keeps the config loadable by Vite's native config loader.
 * @module
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type * as PresetModules from './preset-modules';

const PREFIX = 'virtual:rackplan-presets/';
const AREAS = new Set(['catalog', 'network', 'sites']);
/** One generation's validated JSON text (the web app's build splits the catalog's generations this way). */
const GENERATION = `${PREFIX}generation/`;
/** The sites' index and each site's text (Compare reads one site); in the web app's build each site's text is a module of its own. */
const SITE_INDEX = `${PREFIX}site-index`;
const SITE = `${PREFIX}site/`;

/** Bundler chunk groups that put each preset area's data in a chunk of its own (`preset-catalog`, …). */
export const presetChunkGroups = [...AREAS].map((area) => ({ name: `preset-${area}`, test: new RegExp(`rackplan-presets/${area}$`) }));

/**
 * The plugin; preset files are read under Vite's resolved root.
 * @param options.splitGenerations - in a production build of the web app or the CLI (not the workers, the dev
 *   server or tests, which read the catalog synchronously), put each generation in a chunk of its own that is
 *   loaded on first use (src/catalog/presets.ts `loadGenerations`): a deep link or `rackplan rack <generation>`
 *   compiles one generation's text, not twelve
 * @param options.preloadGeneration - with `splitGenerations`: the id of the generation the app opens with; the
 *   page preloads its chunk beside the entry's (the designer's first paint needs it)
 * @param options.preloadOn - with `preloadGeneration`: the addresses (a RegExp source, matched against the path)
 *   whose view opens a generation, its id or alias in group 1 when the address names one (else `preloadGeneration`).
 *   A small head script (a file: the CSP allows no inline script) preloads that generation's chunk there only;
 *   other views paint with other generations, or none. Without it every page preloads `preloadGeneration`.
 */
export function presetsPlugin(options: { splitGenerations?: boolean; preloadGeneration?: string; preloadOn?: string } = {}): Plugin {
  let root = process.cwd();
  let split = false;
  let base = '/';
  let generationTexts: string[] | undefined;
  let siteTexts: string[] | undefined;
  let modules: Promise<typeof PresetModules> | undefined;
  let preloadScript: string | undefined;
  const load = () =>
    (modules ??= import('vite').then(async ({ runnerImport }) => {
      const file = fileURLToPath(new URL('./preset-modules.ts', import.meta.url));
      const r = await runnerImport<typeof PresetModules>(file, { root: fileURLToPath(new URL('../..', import.meta.url)), logLevel: 'error' });
      return r.module;
    }));
  return {
    name: 'rackplan-presets',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      base = config.base;
      split = options.splitGenerations === true && config.command === 'build';
    },
    // Before Vite's HTML plugin, whose generateBundle writes index.html (and calls transformIndexHtml below).
    generateBundle(_options, bundle) {
      const wanted = options.preloadGeneration;
      if (!split || !wanted || options.preloadOn === undefined || !generationTexts) return;
      // Each generation's chunk by id (ids only, to keep the script small: every page loads it; an address naming an
      // alias preloads nothing and the app fetches the generation when it starts).
      const files: Record<string, string> = {};
      generationTexts.forEach((text, i) => {
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === `\0${GENERATION}${i}`);
        if (chunk) files[(JSON.parse(text) as { id: string }).id] = chunk.fileName;
      });
      if (!files[wanted]) return;
      const code = `try { const m = new RegExp(${JSON.stringify(options.preloadOn)}).exec(location.pathname); const f = m && ${JSON.stringify(files)}[m[1] === undefined ? ${JSON.stringify(wanted)} : decodeURIComponent(m[1])]; if (f) { const l = document.createElement('link'); l.rel = 'modulepreload'; l.crossOrigin = ''; l.href = ${JSON.stringify(base)} + f; document.head.appendChild(l); } } catch {}\n`; // a malformed address preloads nothing
      // Named by its content, like every other file under assets/ (hosts may cache those for good).
      preloadScript = `assets/generation-preload-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: preloadScript, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const wanted = options.preloadGeneration;
        if (!split || !wanted || !ctx.bundle || !generationTexts) return undefined;
        // Early in the head, so the preload starts before the entry's script is parsed; `async`: it never holds up the parse.
        if (options.preloadOn !== undefined) return preloadScript ? [{ tag: 'script', attrs: { src: `${base}${preloadScript}`, async: true }, injectTo: 'head-prepend' }] : undefined;
        const i = generationTexts.findIndex((t) => (JSON.parse(t) as { id: string }).id === wanted);
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === `\0${GENERATION}${i}`);
        if (i < 0 || !chunk) return undefined;
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
    resolveId(id) {
      if (split && id.startsWith(GENERATION) && /^\d+$/.test(id.slice(GENERATION.length))) return `\0${id}`;
      if (id === SITE_INDEX || (split && id.startsWith(SITE) && /^\d+$/.test(id.slice(SITE.length)))) return `\0${id}`;
      return id.startsWith(PREFIX) && AREAS.has(id.slice(PREFIX.length)) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const { presetModuleSource } = await load();
      try {
        if (id.startsWith(`\0${GENERATION}`)) {
          generationTexts ??= presetModuleSource('catalog', root, { generationModule: (i) => `${GENERATION}${i}` }).generations;
          const text = generationTexts?.[Number(id.slice(GENERATION.length + 1))];
          if (text === undefined) this.error(`no generation at ${id.slice(1)}`);
          return { code: `export default ${JSON.stringify(text)};`, moduleSideEffects: false };
        }
        if (id === `\0${SITE_INDEX}`) {
          const { code, files, sites } = (await load()).siteIndexSource(root, split ? { siteModule: (i) => `${SITE}${i}` } : {});
          siteTexts = sites;
          for (const f of files) this.addWatchFile(join(root, f));
          return { code, moduleSideEffects: false };
        }
        if (id.startsWith(`\0${SITE}`)) {
          siteTexts ??= (await load()).siteIndexSource(root).sites;
          const text = siteTexts[Number(id.slice(SITE.length + 1))];
          if (text === undefined) this.error(`no site at ${id.slice(1)}`);
          return { code: `export default ${JSON.stringify(text)};`, moduleSideEffects: false };
        }
        const area = id.slice(PREFIX.length + 1) as PresetModules.PresetArea;
        const { code, files, generations } = presetModuleSource(area, root, split && area === 'catalog' ? { generationModule: (i) => `${GENERATION}${i}` } : {});
        if (generations) generationTexts = generations;
        for (const f of files) this.addWatchFile(join(root, f));
        return { code, moduleSideEffects: false };
      } catch (err) {
        this.error(err instanceof Error ? err.message : String(err));
      }
    },
  };
}

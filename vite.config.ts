/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { defineConfig, minifySync, type Plugin } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { presetChunkGroups, presetsPlugin } from './src/schema/presets-plugin.mjs';

// One config for three jobs:
//  - `vite build`            → the web app in dist/app
//  - `vite build --mode cli` → the bundled `rackplan` CLI in dist/cli (bundled so it starts in ~0.1 s, not 1–2 s)
//  - `vitest`                → the node unit project and the real-browser project (Debian chromium, no download)
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * Response headers for the built app. The CSP allows scripts only from the app's own origin (no inline script,
 * no eval; 'wasm-unsafe-eval' lets the HiGHS solver compile its WebAssembly), styles from the origin plus inline
 * style attributes (Lit templates and chart.js set them), images from the origin, data: and blob: (icons,
 * downloads), and no framing, plugins, <base> or form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The rack designer's view module and its engine (the modules src/main.ts imports when the address is the designer's). */
const DESIGNER_MODULES = [/components\/rack\/rack-designer-view\.ts$/, /src\/views\/rack-report\.ts$/];
/** The designer's addresses (src/state/router.ts parseRoute: `/`, `/index.html`, `/rack`, `/rack/<id>`). */
const DESIGNER_PATH = '^/(?:index\\.html|rack(?:/[^/]+)?)?/?$';

/**
 * The web app's build: the rack designer is a lazy view, so its chunks would be fetched only once the entry has run.
 * On the designer's addresses a small script in the page's head (a file: the CSP allows no inline script) preloads
 * them beside the entry; other addresses fetch nothing of them.
 */
function designerPreload(): Plugin {
  let fileName: string | undefined;
  return {
    name: 'rackplan-designer-preload',
    apply: 'build',
    // Before Vite's HTML plugin, whose generateBundle writes index.html (and calls transformIndexHtml below).
    enforce: 'pre',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: readonly string[], out = new Set<string>()) => {
        for (const f of start) if (!out.has(f)) closure(byName.get(f)?.imports ?? [], out.add(f));
        return out;
      };
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
      const roots = DESIGNER_MODULES.map((re) => chunks.find((c) => c.facadeModuleId && re.test(c.facadeModuleId))?.fileName);
      if (!entry || roots.some((r) => !r)) return; // not the web app's build (a worker's)
      const inEntry = closure([entry.fileName]);
      const files = [...closure(roots as string[])].filter((f) => !inEntry.has(f)).map((f) => `/${f}`);
      const code = `if (new RegExp(${JSON.stringify(DESIGNER_PATH)}).test(location.pathname)) for (const href of ${JSON.stringify(files)}) { const l = document.createElement('link'); l.rel = 'modulepreload'; l.crossOrigin = ''; l.href = href; document.head.appendChild(l); }\n`;
      // Named by its content, like every other file under assets/ (hosts may cache those for good).
      fileName = `assets/designer-preload-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        // First in the head, so the preload starts before the entry's script is parsed; `async`, so it never holds
        // up the parse (a pre-rendered page paints its copy while the scripts download).
        return fileName ? [{ tag: 'script', attrs: { src: `/${fileName}`, async: true }, injectTo: 'head-prepend' }] : undefined;
      },
    },
  };
}

/** The page's head script, copied from public/ as written (with its comments): the build minifies it. */
const HEAD_SCRIPT = 'theme-init.js';

/**
 * Minify the head script in the built app. It is fetched before every first render (and counts in each deep link's
 * JS before the first render); public/ files are otherwise copied byte for byte. 2.1 → 0.8 kB gzipped.
 */
function minifyHeadScript(): Plugin {
  let outDir = 'dist/app';
  return {
    name: 'rackplan-minify-head-script',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      // After Vite has copied public/ into the output.
      order: 'post',
      handler() {
        const file = resolve(outDir, HEAD_SCRIPT);
        const result = minifySync(HEAD_SCRIPT, readFileSync(file, 'utf8'));
        if (result.errors.length) throw new Error(`${HEAD_SCRIPT}: ${result.errors.map((e) => e.message).join('; ')}`);
        writeFileSync(file, result.code);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  // Presets are validated by their schemas here, at build time, and reach the app and the CLI as frozen data; the
  // app's and the CLI's builds put each generation in a chunk of its own (a deep link or a command loads the ones it
  // reads). On the designer's addresses the app preloads the generation the address names (DESIGNER_PATH with the
  // generation in a group), else the one it opens with (src/state/store.ts DEFAULT_GENERATION; a test holds them equal).
  plugins: [presetsPlugin({ splitGenerations: true, preloadGeneration: 'gb200-nvl72', preloadOn: DESIGNER_PATH.replace('rack(?:/[^/]+)?', 'rack(?:/([^/]+))?') }), ...(mode === 'cli' ? [] : [designerPreload(), minifyHeadScript()])],
  // The page's static files (public/) belong to the web app, not the CLI's dist/cli.
  publicDir: mode === 'cli' ? false : 'public',
  build:
    mode === 'cli'
      ? {
          ssr: 'src/cli/main.ts',
          outDir: 'dist/cli',
          emptyOutDir: true,
          target: 'node20',
          minify: true,
          rollupOptions: {
            // The MIP solver ships its own WASM beside its JS: load it from node_modules at run time, lazily.
            external: ['highs'],
            output: {
              // CommonJS, not ESM: node 20 starts a .cjs file without its ESM loader, and loads each lazy chunk
              // (a `require` once the command is known) with less work per file (`rack --json`: ~14 % fewer
              // instructions of its own; src/cli/code-cache.ts then caches the chunks' compiled code).
              format: 'cjs',
              entryFileNames: 'rackplan.cjs',
              chunkFileNames: 'chunks/[name]-[hash].cjs',
              banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
              // Each preset area in a chunk of its own, so a command loads (and parses) only the presets it uses.
              codeSplitting: { groups: presetChunkGroups },
            },
          },
        }
      : { outDir: 'dist/app', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  ssr: mode === 'cli' ? { noExternal: true, target: 'node' } : undefined,
  // Workers are bundled with their own plugin list: the optimizer worker reads the catalog too.
  worker: { format: 'es', plugins: () => [presetsPlugin()] },
  // Pre-bundle every browser dependency up front: without it Vite discovers them during the first browser
  // test run and reloads the page mid-run.
  optimizeDeps: {
    include: ['lit', 'lit/decorators.js', '@lit/context', 'chart.js', 'mathjs', 'zod', 'idb', 'lz-string', 'papaparse', 'yaml', 'jspdf', 'highs'],
  },
  // Security headers of the built app (`vite preview`); static hosting sends the same (README, "Serving the built app").
  preview: { port: 4173, host: '127.0.0.1', headers: SECURITY_HEADERS },
  test: {
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, where `npm test` then
    // took 237 s on a fresh clone; two workers took 164 s (both projects, same machine, all tests passing).
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
}));

/**
 * The production build served by `vite preview` and a headless Debian Chromium (playwright-core), for the tests that
 * drive the built app. Built into a private directory, so a concurrent build of dist/app cannot pull the files away
 * mid-test; the server is started and stopped by PID.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const vite = join(root, 'node_modules/.bin/vite');
const buildEnv = { ...process.env, NODE_ENV: 'production' };

export interface BuiltApp {
  /** The build's directory. */
  readonly out: string;
  /** `http://127.0.0.1:<port>`, where `vite preview` serves it. */
  readonly base: string;
  readonly browser: Browser;
  /** Close the browser, stop the server and remove the build. */
  close(): Promise<void>;
}

/**
 * Build the app (with `prerender`, also its pre-rendered designer pages, as `npm run build` does), serve it on a
 * random port in [`portFrom`, `portFrom` + 400) and launch Chromium.
 */
export async function serveBuiltApp(options: { name: string; portFrom: number; prerender?: boolean }): Promise<BuiltApp> {
  const out = mkdtempSync(join(tmpdir(), `rackplan-${options.name}-`));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) process.kill(server.pid);
    rmSync(out, { recursive: true, force: true });
  };
  try {
    execFileSync(vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: buildEnv });
    if (options.prerender) execFileSync(process.execPath, [join(root, 'scripts/prerender.mjs'), '--outDir', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: buildEnv });
    const port = options.portFrom + Math.floor(Math.random() * 400);
    const base = `http://127.0.0.1:${port}`;
    server = spawn(vite, ['preview', '--outDir', out, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
    for (let i = 0; i < 150; i++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    return { out, base, browser, close };
  } catch (err) {
    await close();
    throw err;
  }
}

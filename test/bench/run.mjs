#!/usr/bin/env node
// npm run bench [-- --smoke] [-- --filter <text>]
// Loads test/bench/cases/*.bench.ts through Vite's SSR module loader (TS and import.meta.glob work),
// runs each case several times, prints one table (median, spread) and writes test/bench/results.json.
import { createServer, loadConfigFromFile } from 'vite';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, hostname, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;

const root = join(here, '../..');
// Only the project's plugins (the presets plugin serves the build-time-validated catalog); none of its test setup.
const project = await loadConfigFromFile({ command: 'serve', mode: 'bench' }, join(root, 'vite.config.ts'), root, 'error');
const server = await createServer({
  root,
  configFile: false,
  plugins: project?.config.plugins ?? [],
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});

const files = readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.bench.ts')).sort();
const rows = [];
let failures = 0;
try {
  for (const file of files) {
    const mod = await server.ssrLoadModule(`/test/bench/cases/${file}`);
    for (const c of mod.cases ?? []) {
      const label = `${c.group} / ${c.name}`;
      if (filter && !label.includes(filter)) continue;
      try {
        rows.push(await measure(c));
      } catch (err) {
        failures++;
        console.error(`bench case failed: ${label}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
} finally {
  await server.close();
}

async function measure(c) {
  const runs = smoke ? 1 : (c.runs ?? 15);
  if (c.setup) await c.setup();
  const times = [];
  const baselines = [];
  const extras = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const sample = await c.run();
    const ms = sample && typeof sample.ms === 'number' ? sample.ms : performance.now() - t0;
    times.push(ms);
    if (sample && typeof sample.baselineMs === 'number') baselines.push(sample.baselineMs);
    for (const [k, v] of Object.entries(sample?.extra ?? {})) (extras[k] ??= []).push(v);
  }
  const stats = summarize(times);
  const extra = Object.fromEntries(Object.entries(extras).map(([k, v]) => [k, summarize(v).median]));
  // The ratio compares medians of the same runs: the case and its baseline saw the same machine load.
  const baseline = baselines.length ? { what: c.baseline ?? 'baseline', median: summarize(baselines).median } : null;
  const ratio = baseline && baseline.median > 0 ? stats.median / baseline.median : null;
  return { group: c.group, name: c.name, target: c.target ?? null, runs, ...stats, baseline, ratio, extra };
}

function summarize(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), min: s[0], max: s[s.length - 1] };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4));
const table = rows.map((r) => ({
  case: `${r.group} / ${r.name}`,
  'median ms': fmt(r.median),
  'p10–p90 ms': `${fmt(r.p10)}–${fmt(r.p90)}`,
  runs: r.runs,
  'baseline ms': r.baseline ? `${fmt(r.baseline.median)} (${r.baseline.what})` : '',
  ratio: r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
  target: r.target ?? '',
  extra: Object.entries(r.extra).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toPrecision(4)}`).join(' '),
}));
console.table(table);

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${platform()} ${release()}`,
  host: hostname(),
};
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}${smoke ? ' (smoke run: 1 run per case, figures not meaningful)' : ''}`);
// A filtered run measures a few cases at another moment's load: it must not replace the full run's file, which
// docs/performance.md's growth tables are generated from (test/bench/growth.mjs).
if (!smoke && !filter) {
  writeFileSync(join(here, 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, results: rows }, null, 2) + '\n');
  // The growth tables of docs/performance.md follow the new results.
  execFileSync(process.execPath, [join(here, 'growth.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
} else if (filter) {
  console.log('filtered run: test/bench/results.json not written (it keeps the last full run)');
}
if (failures) {
  console.error(`${failures} bench case(s) failed to run`);
  process.exit(1);
}

/**
 * Fabric benchmarks (issue 3): closed-form sizing per call at 1k / 100k / 1M endpoints, and the streamed
 * cable schedule for 131,072 GPUs in GB300 NVL72 racks on 144-port Quantum-X800-class switches. The schedule
 * runs in its own node process (test/fabric/schedule-child.ts, built once in setup) so its peak RSS is the
 * schedule's own, not the bench runner's (Vite alone holds ~300 MB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { BenchCase, BenchSample } from '../harness';
import { sizeFabric, type FabricInput } from '../../../src/core/fabric/fat-tree';
import { presetsPlugin } from '../../../src/schema/presets-plugin.mjs';

const CALLS = 20_000;

function sizingCase(name: string, input: FabricInput): BenchCase {
  return {
    group: 'fabric',
    name,
    target: '≤ 20 µs per call, flat',
    runs: 15,
    setup: () => sizeFabric(input),
    run: (): BenchSample => {
      let sink = 0;
      const t0 = performance.now();
      for (let i = 0; i < CALLS; i++) sink += sizeFabric(input).switches.total;
      const ms = performance.now() - t0;
      if (sink <= 0) throw new Error('no design');
      return { ms: ms / CALLS, extra: { usPerCall: (ms * 1000) / CALLS, endpoints: input.nodes * input.rails } };
    },
  };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const preload = new URL('../max-rss.mjs', import.meta.url).href;
let dir = '';

export const cases: BenchCase[] = [
  sizingCase('sizing 1k endpoints (radix 64)', { nodes: 128, rails: 8, radix: 64, portGbps: 400, suNodes: 32 }),
  sizingCase('sizing 100k endpoints (radix 128)', { nodes: 12_500, rails: 8, radix: 128, portGbps: 400 }),
  sizingCase('sizing 1M endpoints (radix 512)', { nodes: 125_000, rails: 8, radix: 512, portGbps: 200 }),
  {
    group: 'fabric',
    name: 'cable schedule 131,072 GPUs GB300 NVL72, Q3400 (CSV, own process)',
    target: '≤ 1.5 s, peak RSS ≤ 200 MB',
    baseline: 'writing the same bytes with no logic',
    runs: 5,
    setup: buildChild,
    run: (): BenchSample => runSchedule(32_768),
  },
  // Growth (issue 7): the same schedule at a quarter and a sixteenth of the size; time and memory should grow
  // at most linearly with rows (memory flat: the schedule streams).
  ...[2_048, 8_192].map(
    (nodes): BenchCase => ({
      group: 'growth',
      name: `cable schedule ${(nodes * 4).toLocaleString('en-US')} GPUs (own process)`,
      baseline: 'writing the same bytes with no logic',
      runs: 3,
      setup: buildChild,
      run: () => runSchedule(nodes),
    }),
  ),
];

/** Build the schedule child once per bench run (shared by the 131k case and the growth cases). */
async function buildChild(): Promise<void> {
  if (dir) return;
  dir = mkdtempSync(join(tmpdir(), 'rackplan-bench-'));
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    // The child reads the network catalog, which the presets plugin validates and emits at build time.
    plugins: [presetsPlugin()],
    build: {
      ssr: join(root, 'test/fabric/schedule-child.ts'),
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'schedule-child.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });

}

function runSchedule(nodes: number): BenchSample {
  // Peak RSS from the preload (the child's own VmHWM): the child's self-reported maxRSS also counts the bench
  // runner's memory copied at fork, which made every size read ~198 MB (test/bench/max-rss.mjs).
  const rssFile = join(dir, 'rss');
  const out = execFileSync(process.execPath, ['--import', preload, join(dir, 'schedule-child.mjs'), join(dir, 'schedule.csv'), join(dir, 'raw.csv'), String(nodes)], {
    encoding: 'utf8',
    env: { ...process.env, RACKPLAN_BENCH_RSS_FILE: rssFile },
  });
  const r = JSON.parse(out) as { ms: number; rawMs: number; rows: number; links: number; tallied: number; bytes: number; networkRacks: number };
  const peakRssKb = Number(readFileSync(rssFile, 'utf8'));
  if (r.rows !== r.links || r.tallied !== r.rows || statSync(join(dir, 'schedule.csv')).size !== r.bytes) throw new Error('schedule rows, links and bytes disagree');
  return {
    ms: r.ms,
    baselineMs: r.rawMs,
    extra: {
      // GB300 NVL72: 4 GPUs per compute node, as the case names count them.
      gpus: nodes * 4,
      rows: r.rows,
      rowsPerS: Math.round(r.rows / (r.ms / 1000)),
      usPerRow: (r.ms * 1000) / r.rows,
      mb: r.bytes / 1e6,
      peakRssMb: peakRssKb / 1024,
      networkRacks: r.networkRacks,
    },
  };
}

process.once('exit', () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

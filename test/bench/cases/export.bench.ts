/**
 * Export benchmarks: the 3-site × 6-generation × 28-quarter example plan (11,350 racks, ~2.1 million cables)
 * written by `rackplan export` in its own process, so wall time and peak RSS are the command's own (the bench
 * runner holds Vite, ~300 MB). Each run's baseline is writing the same number of bytes with no logic.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { importPlan } from '../../../src/io/plan';
import { planBundle } from '../../../src/export/bundle';
import { cableCount, planClusters } from '../../../src/export/plan-cables';
import type { ExportFormat } from '../../../src/export/plan-export';
import { FLUSH_EVERY_BYTES } from '../../../src/cli/files';
import type { BenchCase, BenchSample } from '../harness';

const file = 'presets/plans/three-sites-7y.json';
const cli = 'dist/cli/rackplan.cjs';
const preload = new URL('../max-rss.mjs', import.meta.url).href;

/** Bytes under a path (a file, or a directory's files recursively). */
function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0);
}

/**
 * Write `bytes` of filler in 1 MiB pieces and flush them to disk: the floor any writer of that much output pays.
 * Flushed (fsync) because `rackplan export` flushes every file before renaming it into place; without it the
 * baseline left ~1 GB in the page cache that the command had to wait for. Flushed as it goes the way the CLI's
 * writer does (an fdatasync every FLUSH_EVERY_BYTES beside the writes), so the floor is the fastest durable write of
 * those bytes, not one the command beats by flushing earlier.
 */
async function rawWrite(path: string, bytes: number): Promise<number> {
  const chunk = Buffer.alloc(1 << 20, 'C0000001,node-leaf,C1,node1,nic1,NR1,leaf-1,1,smf,generic-800g-dr4,30\n');
  const t0 = performance.now();
  const out = await open(path, 'w');
  let flushing: Promise<void> | undefined;
  try {
    let flushedAt = 0;
    for (let written = 0; written < bytes; written += chunk.length) {
      if (written - flushedAt >= FLUSH_EVERY_BYTES && !flushing) {
        flushedAt = written;
        flushing = out.datasync().then(() => {
          flushing = undefined;
        });
      }
      const piece = written + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - written);
      await out.write(piece);
    }
    await flushing;
    await out.sync();
  } finally {
    await flushing?.catch(() => undefined);
    await out.close();
  }
  return performance.now() - t0;
}

const dirs: string[] = [];

function formatCase(format: ExportFormat, runs: number, target?: string): BenchCase {
  const dir = mkdtempSync(join(tmpdir(), `rackplan-bench-${format}-`));
  dirs.push(dir);
  const out = join(dir, format === 'csv' || format === 'netbox' ? 'out' : `plan.${format}`);
  const rssFile = join(dir, 'rss');
  return {
    group: 'export',
    name: `${format}: ${file.split('/').pop()} → disk, rackplan export in its own process`,
    target,
    baseline: 'writing the same bytes with no logic',
    runs,
    setup: () => {
      if (!existsSync(cli)) throw new Error(`${cli} missing: npm run build:cli`);
    },
    run: async (): Promise<BenchSample> => {
      const t0 = performance.now();
      execFileSync(process.execPath, ['--import', preload, cli, 'export', file, '--format', format, '--out', out, '--force'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, RACKPLAN_BENCH_RSS_FILE: rssFile },
      });
      const ms = performance.now() - t0;
      const bytes = sizeOf(out);
      const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      rmSync(out, { recursive: true, force: true });
      const baselineMs = await rawWrite(join(dir, 'raw'), bytes);
      rmSync(join(dir, 'raw'), { force: true });
      return { ms, baselineMs, extra: { MB: bytes / 1e6, peakRssMb } };
    },
  };
}

export const cases: BenchCase[] = [
  {
    group: 'export',
    name: 'read + validate + evaluate the plan, in the bench process (input of every format)',
    runs: 5,
    run: () => {
      const t0 = performance.now();
      const r = importPlan(readFileSync(file));
      if (!r.ok) throw new Error(r.error.message);
      const b = planBundle(r.value.value);
      const ms = performance.now() - t0;
      return { ms, extra: { cables: cableCount(planClusters(b)) } };
    },
  },
  formatCase('json', 5),
  formatCase('pdf', 3),
  formatCase('xlsx', 3, '≤ 8 s, peak RSS ≤ 300 MB'),
  formatCase('csv', 3, '≤ 6 s, peak RSS ≤ 300 MB'),
  formatCase('netbox', 3, '≤ 6 s, peak RSS ≤ 300 MB'),
];

process.once('exit', () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { importPlan } from '../../../src/io/plan';
import { planBundle } from '../../../src/export/bundle';
import { exportPlan, type ExportFormat } from '../../../src/export/plan-export';
import { cableCount, planClusters } from '../../../src/export/plan-cables';
import { writeFile } from '../../../src/cli/commands/export';
import type { PlanBundle } from '../../../src/export/plan-tables';
import type { BenchCase } from '../harness';

// The 3-site × 6-generation × 28-quarter example plan.
const file = 'presets/plans/three-sites-7y.json';
let bundle: PlanBundle | undefined;

function load(): PlanBundle {
  if (bundle) return bundle;
  const r = importPlan(readFileSync(file));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  bundle = planBundle(r.value.value);
  return bundle;
}

function formatCase(format: ExportFormat, runs: number): BenchCase {
  let dir = '';
  return {
    group: 'export',
    name: `${format}: ${file.split('/').pop()} → files on disk`,
    runs,
    setup: () => {
      load();
      dir = mkdtempSync(join(tmpdir(), `rackplan-bench-${format}-`));
    },
    run: async () => {
      const b = load();
      const t0 = performance.now();
      const r = await exportPlan(b, format);
      let bytes = 0;
      for (const f of r.files) bytes += await writeFile(r.layout === 'directory' ? join(dir, f.path) : join(dir, f.path), f);
      const ms = performance.now() - t0;
      rmSync(dir, { recursive: true, force: true });
      return { ms, extra: { MB: bytes / 1e6, files: r.files.length, rssMB: process.memoryUsage().rss / 1e6 } };
    },
  };
}

export const cases: BenchCase[] = [
  {
    group: 'export',
    name: 'read + validate + evaluate the plan (input of every format)',
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
  formatCase('xlsx', 2),
  formatCase('csv', 2),
  formatCase('netbox', 2),
];

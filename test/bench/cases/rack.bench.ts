import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadCatalog } from '../../../src/catalog/presets';
import { evaluateUnit } from '../../../src/core/rack/evaluate';
import type { BenchCase, BenchSample } from '../harness';

const catalog = loadCatalog();
const bin = 'node_modules/.bin/rackplan';

/** Wall time of one process, ms. */
function wall(file: string, args: readonly string[]): number {
  const t0 = performance.now();
  execFileSync(file, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
}

/**
 * A CLI call through the installed bin, each run paired with a bare `node -e 0` right before it, so the ratio
 * compares the two under the same machine load (the targets are ratios to a bare node start).
 */
function cliCase(args: readonly string[], target: string): BenchCase {
  return {
    group: 'cli',
    name: `rackplan ${args.join(' ')} (wall, via node_modules/.bin)`,
    target,
    baseline: 'node -e 0',
    runs: 15,
    setup: () => {
      if (!existsSync(bin)) throw new Error(`${bin} missing: run npm install (prepare builds the CLI)`);
      wall(bin, args); // warm the file cache
    },
    run: (): BenchSample => {
      const baselineMs = wall(process.execPath, ['-e', '0']);
      return { ms: wall(bin, args), baselineMs };
    },
  };
}

export const cases: BenchCase[] = [
  {
    group: 'rack',
    name: `evaluateUnit, every generation (ms: 100 rounds of all ${catalog.generations.length}; µs per unit, wall and CPU, in extra)`,
    target: '≤ 10 µs per unit',
    runs: 30,
    setup: () => {
      // JIT warm-up, as in a plan that evaluates units many times: at least 500 rounds and 2 s. The optimizing
      // compiler works on a background thread; on a loaded 2-core machine a count alone can end the warm-up before
      // it has finished, and the runs would then time the interpreter (measured: 37 µs per unit against ~7 µs).
      const t0 = performance.now();
      for (let i = 0; i < 500 || performance.now() - t0 < 2000; i++) for (const g of catalog.generations) evaluateUnit(g, { units: 100 }, catalog);
    },
    run: () => {
      // ~20 ms per run, so one preemption by another process on a shared machine does not decide the sample; the
      // CPU time (user + system) of the same loop is reported beside the wall time for the same reason.
      const reps = 100;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) for (const g of catalog.generations) evaluateUnit(g, { units: 100 }, catalog);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const units = reps * catalog.generations.length;
      return { ms, extra: { usPerUnitEvaluation: (ms * 1000) / units, cpuUsPerUnitEvaluation: (cpu.user + cpu.system) / units } };
    },
  },
  cliCase(['rack', 'gb200-nvl72', '--json'], '≤ 1.5× node -e 0'),
  cliCase(['calc', 'circuit', '--volts', '415', '--amps', '60', '--system', '3ph', '--json'], '≤ 1.3× node -e 0'),
  cliCase(['--help'], '—'),
];

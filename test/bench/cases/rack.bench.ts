import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadCatalog } from '../../../src/catalog/presets';
import { evaluateUnit } from '../../../src/core/rack/evaluate';
import type { BenchCase } from '../harness';

const catalog = loadCatalog();
const bin = 'node_modules/.bin/rackplan';

export const cases: BenchCase[] = [
  {
    group: 'rack',
    name: 'evaluateUnit, every generation once (µs per unit in extra)',
    runs: 30,
    run: () => {
      const t0 = performance.now();
      const reps = 20;
      for (let i = 0; i < reps; i++) for (const g of catalog.generations) evaluateUnit(g, { units: 100 }, catalog);
      const ms = performance.now() - t0;
      return { ms, extra: { usPerUnitEvaluation: (ms * 1000) / (reps * catalog.generations.length) } };
    },
  },
  {
    group: 'cli',
    name: 'rackplan rack gb200-nvl72 --json (wall, via node_modules/.bin)',
    target: '≤ 200 ms median',
    runs: 15,
    setup: () => {
      if (!existsSync(bin)) throw new Error(`${bin} missing: run npm install (prepare builds the CLI)`);
    },
    run: () => {
      const t0 = performance.now();
      execFileSync(bin, ['rack', 'gb200-nvl72', '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
      return { ms: performance.now() - t0 };
    },
  },
];

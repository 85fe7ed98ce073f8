/**
 * Plan benchmarks (issue 4): a 3-site × 6-generation × 28-quarter plan evaluated end to end (target < 5 ms),
 * and the optimizer on the same plan (target < 2 s) with the HiGHS WASM load measured apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchSample } from '../harness';
import { loadCatalog } from '../../../src/catalog/presets';
import { loadSites } from '../../../src/catalog/sites';
import { PlanSchema } from '../../../src/schema/plan';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { optimizePlan } from '../../../src/core/plan/optimize';
import { loadSolver } from '../../../src/solver/highs';
import type { Plan } from '../../../src/core/plan/types';

const fixture = fileURLToPath(new URL('../../fixtures/plans/three-sites-7y.json', import.meta.url));

let plan: Plan;
const prepare = () => {
  plan ??= PlanSchema.parse(JSON.parse(readFileSync(fixture, 'utf8')));
  return plan;
};

export const cases: BenchCase[] = [
  {
    group: 'plan',
    name: 'evaluate 3 sites × 6 generations × 28 quarters (warm)',
    target: '< 5 ms',
    runs: 40,
    // Warm-up: JIT-compile the evaluation path and load the catalog before timing (first-call cost is the CLI bench's).
    setup: () => {
      for (let i = 0; i < 30; i++) evaluatePlan(prepare(), loadCatalog(), loadSites());
    },
    run: (): BenchSample => {
      const t0 = performance.now();
      const r = evaluatePlan(plan, loadCatalog(), loadSites());
      const ms = performance.now() - t0;
      return { ms, extra: { siteQuarters: r.sites.reduce((s, x) => s + x.quarters.length, 0), deployments: plan.deployments.length } };
    },
  },
  {
    group: 'plan',
    name: 'HiGHS WASM load (first import + instantiate)',
    runs: 1,
    run: async (): Promise<BenchSample> => {
      const t0 = performance.now();
      await loadSolver();
      return { ms: performance.now() - t0 };
    },
  },
  {
    group: 'plan',
    name: 'optimize the same plan (min NPV TCO, solve only)',
    target: '< 2 s',
    runs: 5,
    setup: async () => {
      prepare();
      await loadSolver();
    },
    run: async (): Promise<BenchSample> => {
      const solver = await loadSolver();
      const r = optimizePlan(plan, loadCatalog(), loadSites(), solver, { objective: 'npv' });
      return { ms: r.solveMs, extra: { buildMs: r.buildMs, variables: r.variables, constraints: r.constraints, gapPct: (r.mipGap ?? 0) * 100 } };
    },
  },
];

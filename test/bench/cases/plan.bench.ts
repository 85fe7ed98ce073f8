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

const fixture = fileURLToPath(new URL('../../../presets/plans/three-sites-7y.json', import.meta.url));

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
  // Growth (issue 7): the same three sites and six generations over 2, 4, 8 and 15 years, with a deployment in
  // every site × generation × quarter; time per site-quarter and retained heap should stay flat (linear or better).
  ...[2, 4, 8, 15].map((years): BenchCase => {
    let grown: Plan;
    return {
      group: 'growth',
      name: `evaluate 3 sites × 6 generations × ${years * 4} quarters, every cell deployed`,
      runs: 15,
      setup: () => {
        grown = grownPlan(prepare(), years);
        for (let i = 0; i < 10; i++) evaluatePlan(grown, loadCatalog(), loadSites());
      },
      run: (): BenchSample => {
        globalThis.gc?.();
        const heap0 = process.memoryUsage().heapUsed;
        const t0 = performance.now();
        const r = evaluatePlan(grown, loadCatalog(), loadSites());
        const ms = performance.now() - t0;
        const siteQuarters = r.sites.reduce((s, x) => s + x.quarters.length, 0);
        return { ms, extra: { siteQuarters, deployments: grown.deployments.length, usPerSiteQuarter: (ms * 1000) / siteQuarters, heapDeltaMb: (process.memoryUsage().heapUsed - heap0) / 1e6 } };
      },
    };
  }),
];

/** The fixture's sites and generations, over `years`, with one unit of every generation at every site each quarter. */
function grownPlan(base: Plan, years: number): Plan {
  const sites = [...new Set(base.deployments.map((d) => d.site))];
  const generations = [...new Set(base.deployments.map((d) => d.generation))];
  const [y0, q0] = base.start.split('-Q').map(Number) as [number, number];
  const deployments = [];
  for (let i = 0; i < years * 4; i++) {
    const idx = y0 * 4 + q0 - 1 + i;
    const quarter = `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}` as Plan['start'];
    for (const site of sites) for (const generation of generations) deployments.push({ site, generation, quarter, units: 1 });
  }
  return { ...base, horizonYears: years, orders: [], demand: [], deployments };
}

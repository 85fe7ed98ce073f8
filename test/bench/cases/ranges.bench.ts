/**
 * Plan ranges (issue 14 item 6): bands for every total and the tornado, ≥ 500 Latin-hypercube samples, on the
 * 3-site × 6-generation × 28-quarter example (target ≤ 1.5 s). Most of the time is the one-at-a-time engine runs;
 * `engineRuns` and `inputs` are reported so a change in either explains a change in time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchSample } from '../harness';
import { loadCatalog } from '../../../src/catalog/presets';
import { loadSites } from '../../../src/catalog/sites';
import { PlanSchema } from '../../../src/schema/plan';
import { planRanges } from '../../../src/core/plan/ranges';
import type { Plan } from '../../../src/core/plan/types';

const fixture = fileURLToPath(new URL('../../../presets/plans/three-sites-7y.json', import.meta.url));
let plan: Plan;

export const cases: BenchCase[] = [
  {
    group: 'plan',
    name: 'ranges: 500 samples + tornado, 3 sites × 6 generations × 28 quarters',
    target: '≤ 1.5 s',
    runs: 7,
    setup: () => {
      plan = PlanSchema.parse(JSON.parse(readFileSync(fixture, 'utf8')));
      planRanges(plan, loadCatalog(), loadSites(), { samples: 500 });
    },
    run: (): BenchSample => {
      const t0 = performance.now();
      const r = planRanges(plan, loadCatalog(), loadSites(), { samples: 500 });
      return { ms: performance.now() - t0, extra: { engineRuns: r.method.engineRuns, inputs: r.inputs.length, samples: r.method.samples } };
    },
  },
];

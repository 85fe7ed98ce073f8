/**
 * Web Worker: a plan's ranges (bands and tornado, src/core/plan/ranges.ts) and scenario comparisons
 * (src/core/plan/scenarios.ts), off the page's thread: the ranges take dozens of plan evaluations, which would hold
 * up the Plan view's edit-to-paint. Messages in: `{ type: 'ranges', plan, samples?, seed? }` or
 * `{ type: 'scenarios', scenarios: { name, plan }[] }`. Out: `done` with the result, or `failed`. One job per worker;
 * the page terminates a worker whose answer it no longer needs.
 * @module
 */
/// <reference lib="webworker" />
import { loadCatalog } from '../catalog/presets';
import { loadSites } from '../catalog/sites';
import { evaluatePlan } from '../core/plan/evaluate';
import { planRanges } from '../core/plan/ranges';
import { compareScenarios } from '../core/plan/scenarios';
import type { RangesRequest, RangesMessage } from './ranges';

const post = (m: RangesMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.addEventListener('message', (e: MessageEvent<RangesRequest>) => {
  const t0 = performance.now();
  try {
    const catalog = loadCatalog();
    const sites = loadSites();
    const req = e.data;
    if (req?.type === 'ranges') {
      post({ type: 'done', kind: 'ranges', result: planRanges(req.plan, catalog, sites, { samples: req.samples, seed: req.seed }), ms: performance.now() - t0 });
    } else if (req?.type === 'scenarios') {
      const comparison = compareScenarios(req.scenarios.map((s) => ({ name: s.name, report: evaluatePlan(s.plan, catalog, sites) })));
      post({ type: 'done', kind: 'scenarios', result: comparison, ms: performance.now() - t0 });
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});

/**
 * Web Worker: runs the plan optimizer (HiGHS, WebAssembly) off the page's thread, so the page never freezes.
 * Messages in: `{ type: 'optimize', plan, options }`. Out: `progress` (phase), then `done` (the result with its proposal:
 * the diff per row against the plan sent) or `failed`.
 * Cancel by terminating the worker.
 * @module
 */
/// <reference lib="webworker" />
import wasmUrl from 'highs/runtime?url';
import { loadCatalog } from '../catalog/presets';
import { loadSites } from '../catalog/sites';
import { optimizePlan, type OptimizeOptions } from '../core/plan/optimize';
import { planProposal } from '../core/plan/proposal';
import { loadSolver } from '../solver/highs';
import type { Plan } from '../core/plan/types';
import type { OptimizerMessage, OptimizerSummary } from './optimizer';

const post = (m: OptimizerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.addEventListener('message', (e: MessageEvent<{ type: 'optimize'; plan: Plan; options: OptimizeOptions }>) => {
  if (e.data?.type !== 'optimize') return;
  void run(e.data.plan, e.data.options);
});

async function run(plan: Plan, options: OptimizeOptions): Promise<void> {
  const t0 = performance.now();
  try {
    post({ type: 'progress', phase: 'loading', elapsedMs: 0 });
    const catalog = loadCatalog();
    const sites = loadSites();
    const solver = await loadSolver({ locateFile: () => wasmUrl });
    post({ type: 'progress', phase: 'solving', elapsedMs: performance.now() - t0 });
    const r = optimizePlan(plan, catalog, sites, solver, options);
    post({ type: 'progress', phase: 'comparing', elapsedMs: performance.now() - t0 });
    // The diff against the plan as it was sent; the page applies accepted rows to its current plan.
    const proposal = r.plan ? planProposal(plan, r.plan, catalog, sites) : null;
    const summary: OptimizerSummary = {
      status: r.status,
      objective: r.objective,
      objectiveValue: r.objectiveValue,
      mipGap: r.mipGap,
      solveMs: r.solveMs,
      buildMs: r.buildMs,
      variables: r.variables,
      constraints: r.constraints,
      binding: r.binding,
      unmet: r.unmet,
      plan: r.plan,
      proposal,
      issues: r.issues,
      totalMs: performance.now() - t0,
    };
    post({ type: 'done', result: summary });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

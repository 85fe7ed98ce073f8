/**
 * Runs plan ranges and scenario comparisons in a Web Worker (./ranges.worker.ts), one worker per job; `cancel()`
 * terminates it (an edit makes the running answer stale). The page stays responsive while the engine runs.
 * @module
 */
import type { PlanRanges } from '../core/plan/ranges';
import type { ScenarioComparison } from '../core/plan/scenarios';
import type { Plan } from '../core/plan/types';

export type RangesRequest =
  | { readonly type: 'ranges'; readonly plan: Plan; readonly samples?: number; readonly seed?: number }
  | { readonly type: 'scenarios'; readonly scenarios: readonly { readonly name: string; readonly plan: Plan }[] };

export type RangesMessage =
  | { readonly type: 'done'; readonly kind: 'ranges'; readonly result: PlanRanges; readonly ms: number }
  | { readonly type: 'done'; readonly kind: 'scenarios'; readonly result: ScenarioComparison; readonly ms: number }
  | { readonly type: 'failed'; readonly message: string };

export interface WorkerJob<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

function run<T>(request: RangesRequest, makeWorker: () => Worker): WorkerJob<{ result: T; ms: number }> {
  const worker = makeWorker();
  let settle: { resolve: (r: { result: T; ms: number }) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<{ result: T; ms: number }>((resolve, reject) => (settle = { resolve, reject }));
  worker.addEventListener('message', (e: MessageEvent<RangesMessage>) => {
    worker.terminate();
    if (e.data.type === 'done') settle?.resolve({ result: e.data.result as T, ms: e.data.ms });
    else settle?.reject(new Error(e.data.message));
  });
  worker.addEventListener('error', (e) => {
    worker.terminate();
    settle?.reject(new Error(e.message || 'the ranges worker failed to start'));
  });
  worker.postMessage(request);
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new JobCancelled());
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./ranges.worker.ts', import.meta.url), { type: 'module', name: 'rackplan-ranges' });
}

/** Bands and the tornado of a plan, computed in a worker. */
export function runPlanRanges(plan: Plan, options: { samples?: number; seed?: number } = {}, makeWorker: () => Worker = defaultWorker): WorkerJob<{ result: PlanRanges; ms: number }> {
  return run<PlanRanges>({ type: 'ranges', plan, ...options }, makeWorker);
}

/** Two or three plans evaluated and compared in a worker (the first is the base). */
export function runScenarioComparison(scenarios: readonly { name: string; plan: Plan }[], makeWorker: () => Worker = defaultWorker): WorkerJob<{ result: ScenarioComparison; ms: number }> {
  return run<ScenarioComparison>({ type: 'scenarios', scenarios }, makeWorker);
}

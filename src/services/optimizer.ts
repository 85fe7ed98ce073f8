/**
 * Runs the plan optimizer in a Web Worker with progress and cancel. The page keeps responding while HiGHS solves;
 * cancel terminates the worker (the solve cannot be interrupted any other way).
 * @module
 */
import type { BindingRow, OptimizeOptions, OptimizeResult, UnmetDemand } from '../core/plan/optimize';
import type { Plan } from '../core/plan/types';
import type { Issue } from '../core/issues';

/** The part of the optimizer's result the page uses (the full report is re-evaluated on the page once applied). */
export interface OptimizerSummary {
  readonly status: OptimizeResult['status'];
  readonly objective: OptimizeResult['objective'];
  readonly objectiveValue: number | null;
  readonly mipGap: number | null;
  readonly solveMs: number;
  readonly buildMs: number;
  readonly variables: number;
  readonly constraints: number;
  readonly binding: readonly BindingRow[];
  readonly unmet: readonly UnmetDemand[];
  readonly plan: Plan | null;
  readonly issues: readonly Issue[];
  readonly totalMs: number;
}

export type OptimizerPhase = 'starting' | 'loading' | 'solving';

export type OptimizerMessage =
  | { readonly type: 'progress'; readonly phase: OptimizerPhase; readonly elapsedMs: number }
  | { readonly type: 'done'; readonly result: OptimizerSummary }
  | { readonly type: 'failed'; readonly message: string };

export interface OptimizerRun {
  readonly result: Promise<OptimizerSummary>;
  cancel(): void;
}

export class OptimizerCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Start one optimization. `onProgress` hears each phase; `cancel()` stops it and rejects with {@link OptimizerCancelled}. */
export function runOptimizer(plan: Plan, options: OptimizeOptions, onProgress: (phase: OptimizerPhase) => void, makeWorker: () => Worker = defaultWorker): OptimizerRun {
  const worker = makeWorker();
  let settle: { resolve: (r: OptimizerSummary) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<OptimizerSummary>((resolve, reject) => (settle = { resolve, reject }));
  const finish = () => worker.terminate();
  worker.addEventListener('message', (e: MessageEvent<OptimizerMessage>) => {
    const m = e.data;
    if (m.type === 'progress') onProgress(m.phase);
    else if (m.type === 'done') {
      finish();
      settle?.resolve(m.result);
    } else {
      finish();
      settle?.reject(new Error(m.message));
    }
  });
  worker.addEventListener('error', (e) => {
    finish();
    settle?.reject(new Error(e.message || 'the optimizer worker failed to start'));
  });
  onProgress('starting');
  worker.postMessage({ type: 'optimize', plan, options });
  return {
    result,
    cancel() {
      finish();
      settle?.reject(new OptimizerCancelled());
    },
  };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./optimize.worker.ts', import.meta.url), { type: 'module', name: 'rackplan-optimizer' });
}

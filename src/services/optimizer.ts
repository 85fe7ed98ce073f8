/**
 * Runs the plan optimizer in a Web Worker with progress and cancel. The page keeps responding while HiGHS solves;
 * cancel terminates the worker (the solve cannot be interrupted any other way).
 * @module
 */
import type { OptimizeOptions, OptimizeResult } from '../core/plan/optimize';
import type { Proposal } from '../core/plan/proposal';
import type { Plan } from '../core/plan/types';

/**
 * The part of the optimizer's result the page uses: all of it but the report (the page evaluates the applied plan
 * through its own report owner), plus the wall time including the worker's start.
 */
export type OptimizerSummary = Omit<OptimizeResult, 'report' | 'solves'> & {
  readonly totalMs: number;
  /** The result as a diff per open row against the plan sent (null without a solution). */
  readonly proposal: Proposal | null;
};

export type OptimizerPhase = 'starting' | 'loading' | 'solving' | 'comparing';

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

/**
 * Benchmark case contract. Each file in test/bench/cases/*.bench.ts exports `cases: BenchCase[]`.
 * The runner (run.mjs) loads them through Vite, so catalog globs and TS work as in the app.
 * Benchmarks report; they never fail on time.
 */
export interface BenchSample {
  /** Wall time of one run in ms (measured by the runner unless `measure` returns its own). */
  readonly ms?: number;
  /** Extra figures for this run (peak RSS MB, rows/s, bytes…); medians are reported per key. */
  readonly extra?: Record<string, number>;
}

export interface BenchCase {
  readonly group: string;
  readonly name: string;
  /** The target the issue names, shown next to the median (e.g. "≤ 200 ms"). */
  readonly target?: string;
  /** Repeated runs (default 15); the smoke run uses 1. */
  readonly runs?: number;
  /** Untimed preparation, once. */
  readonly setup?: () => unknown;
  /** One measured run. Return a sample to report extra figures or a self-measured time. */
  readonly run: () => unknown;
}

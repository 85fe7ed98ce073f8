/**
 * Benchmark case contract. Each file in test/bench/cases/*.bench.ts exports `cases: BenchCase[]`.
 * The runner (run.mjs) loads them through Vite (with the project's presets plugin), so TS and the
 * build-time-validated catalog work as in the app. Benchmarks report; they never fail on time.
 *
 * A figure means little on a shared machine unless it is set against something measured at the same moment:
 * a case whose runs also time a baseline (a bare `node -e 0`, writing the same bytes with no logic, an empty
 * page's first paint) returns it as `baselineMs`, and the runner reports median ÷ baseline median as `ratio`.
 */
export interface BenchSample {
  /** Wall time of one run in ms (measured by the runner unless `measure` returns its own). */
  readonly ms?: number;
  /** The same run's baseline, in ms (see `BenchCase.baseline`). */
  readonly baselineMs?: number;
  /** Extra figures for this run (peak RSS MB, rows/s, bytes…); medians are reported per key. */
  readonly extra?: Record<string, number>;
}

export interface BenchCase {
  readonly group: string;
  readonly name: string;
  /** The target the issue names, shown next to the median (e.g. "≤ 1.5× bare node start"). */
  readonly target?: string;
  /** What `baselineMs` measures, e.g. "node -e 0"; cases without one are pure computation (µs per call). */
  readonly baseline?: string;
  /** Repeated runs (default 15); the smoke run uses 1. */
  readonly runs?: number;
  /** Untimed preparation, once. */
  readonly setup?: () => unknown;
  /** One measured run. Return a sample to report extra figures, a baseline or a self-measured time. */
  readonly run: () => unknown;
}

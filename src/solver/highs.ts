/**
 * Lazy loader for the HiGHS MIP solver (npm `highs`, WebAssembly), kept outside src/core: the core takes the solver as an argument. Nothing is fetched or instantiated until the
 * optimizer is first used. In the browser run it in a Web Worker (the solve blocks its thread) and pass
 * `locateFile`/`wasmBinary` as the bundler requires; in Node the package finds its own `highs.wasm`.
 * @module
 */
import type { Highs, InitOptions } from 'highs';

let loading: Promise<Highs> | undefined;

/** The solver instance (loaded once per process or worker). */
export function loadSolver(options?: InitOptions): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default(options));
  return loading;
}

export type { Highs };

/**
 * Result shape of every boundary API in src/io: the shared {@link Result} (src/core/result.ts) with an
 * {@link ImportError} when an import is refused.
 * @module
 */
import type { InputProblem } from '../schema/errors';

export { ok, type Result } from '../core/result';

/** Why an import was refused; `problems` lists every problem found, each at its path. */
export type ImportErrorKind = 'too_large' | 'not_utf8' | 'not_json' | 'too_deep' | 'forbidden_key' | 'version' | 'invalid';

export interface ImportError {
  readonly kind: ImportErrorKind;
  /** One sentence for a toast or stderr. */
  readonly message: string;
  readonly problems: readonly InputProblem[];
}

export function fail(kind: ImportErrorKind, message: string, problems: readonly InputProblem[] = [{ path: '(file)', message }]): { readonly ok: false; readonly error: ImportError } {
  return { ok: false, error: { kind, message, problems } };
}

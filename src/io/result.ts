/**
 * Result shape of every boundary API in src/io (zod's safeParse shape, see STYLE.md "Boundary APIs").
 * @module
 */
import type { InputProblem } from '../schema/errors';

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Why an import was refused; `problems` lists every problem found, each at its path. */
export type ImportErrorKind = 'too_large' | 'not_utf8' | 'not_json' | 'too_deep' | 'forbidden_key' | 'version' | 'invalid';

export interface ImportError {
  readonly kind: ImportErrorKind;
  /** One sentence for a toast or stderr. */
  readonly message: string;
  readonly problems: readonly InputProblem[];
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail(kind: ImportErrorKind, message: string, problems: readonly InputProblem[] = [{ path: '(file)', message }]): { readonly ok: false; readonly error: ImportError } {
  return { ok: false, error: { kind, message, problems } };
}

/**
 * The one result shape for operations that can fail (zod's safeParse shape, see STYLE.md "Boundary APIs"):
 * callers read `.ok`, then `.value` or `.error`, the same way everywhere.
 * @module
 */

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

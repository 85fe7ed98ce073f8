/**
 * The import boundary for plan documents (file picker, drag-and-drop, CLI, share links, stored entries):
 * read safely (./json), migrate to the current schema (./migrate), drop keys that are ignored on import
 * (`results`, which exports carry), then validate strictly with the caller's schema so every problem is
 * reported at its path. Nothing here throws for bad input.
 * @module
 */
import type { InputProblem } from '../schema/errors';
import { readJson, checkSize, type ReadOptions } from './json';
import { migrate, MIGRATIONS, CURRENT_SCHEMA_VERSION, type Migration } from './migrate';
import { fail, ok, type ImportError, type Result } from './result';

/** Keys an exported file carries that import ignores: the catalog entries it used (for reference) and the results (recomputed). */
export const IGNORED_ON_IMPORT = ['catalogEntries', 'results'] as const;

/** Strict validation of a migrated document; returns every problem, each at its path. */
export type Validator<T> = (doc: Record<string, unknown>) => Result<T, readonly InputProblem[]>;

export interface Imported<T> {
  readonly value: T;
  readonly fromVersion: number;
  /** Migrations applied, oldest first. */
  readonly migrations: readonly string[];
  /** Top-level keys that were present and ignored (`results`). */
  readonly ignored: readonly string[];
}

export interface ImportOptions extends ReadOptions {
  readonly migrations?: readonly Migration[];
  readonly currentVersion?: number;
}

/** Validate an already-parsed document (a stored entry, a share link) exactly like a file. */
export function importParsed<T>(doc: unknown, validate: Validator<T>, options: ImportOptions = {}): Result<Imported<T>, ImportError> {
  const m = migrate(doc, options.migrations ?? MIGRATIONS, options.currentVersion ?? CURRENT_SCHEMA_VERSION);
  if (!m.ok) return m;
  const ignored: string[] = [];
  let body: Record<string, unknown> = m.value.doc;
  if (IGNORED_ON_IMPORT.some((k) => k in body)) {
    body = { ...body };
    for (const k of IGNORED_ON_IMPORT) {
      if (k in body) {
        ignored.push(k);
        delete body[k];
      }
    }
  }
  const v = validate(body);
  if (!v.ok) {
    const n = v.error.length;
    return fail('invalid', `plan has ${n} problem${n === 1 ? '' : 's'}`, v.error);
  }
  return ok({ value: v.value, fromVersion: m.value.fromVersion, migrations: m.value.applied, ignored });
}

/** Import bytes or text: size → UTF-8 → depth → JSON → forbidden keys → version → strict validation. */
export function importDocument<T>(input: Uint8Array | string, validate: Validator<T>, options: ImportOptions = {}): Result<Imported<T>, ImportError> {
  const parsed = readJson(input, options);
  if (!parsed.ok) return parsed;
  return importParsed(parsed.value, validate, options);
}

/** Import a File or Blob: its size is checked before a single byte is read. */
export async function importBlob<T>(blob: Blob, validate: Validator<T>, options: ImportOptions = {}): Promise<Result<Imported<T>, ImportError>> {
  const sized = checkSize(blob.size, options.maxBytes);
  if (!sized.ok) return sized;
  return importDocument(new Uint8Array(await blob.arrayBuffer()), validate, options);
}

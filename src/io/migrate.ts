/**
 * Migration registry for plan documents. Each migration lifts a document from schema version `from` to
 * `from + 1`; a document is lifted step by step to the version this build reads. While only schema 1 exists the
 * registry is empty, and any other version is refused with a message saying what this build reads.
 * Migrations work on plain JSON before validation; the migrated document is then validated like any import.
 * @module
 */
import type { InputProblem } from '../schema/errors';
import { describeValue } from '../schema/errors';
import { fail, ok, type ImportError, type Result } from './result';

/** The plan schema version this build writes and reads. */
export const CURRENT_SCHEMA_VERSION = 1;

export interface Migration {
  readonly from: number;
  /** What changed, shown to the user after an import ("renamed `racks` to `units`"). */
  readonly describe: string;
  readonly up: (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** Registered migrations, keyed by the version they read. Empty: schema 1 is the first and only version. */
export const MIGRATIONS: readonly Migration[] = [];

export interface Migrated {
  readonly doc: Record<string, unknown>;
  readonly fromVersion: number;
  /** Descriptions of the migrations applied, oldest first (empty when the file was current). */
  readonly applied: readonly string[];
}

/**
 * Bring a parsed document to `current`. Refuses: a non-object, a missing or non-integer `schemaVersion`,
 * a version newer than this build, and an older version with no migration path.
 */
export function migrate(doc: unknown, registry: readonly Migration[] = MIGRATIONS, current = CURRENT_SCHEMA_VERSION): Result<Migrated, ImportError> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fail('invalid', 'file does not hold a plan object', [{ path: '(root)', message: 'a plan object { "schemaVersion": …, … }', got: describeValue(doc) }]);
  }
  const record = doc as Record<string, unknown>;
  const v = record.schemaVersion;
  const reads = `this rackplan reads plan schema version ${current}`;
  if (v === undefined) return versionError({ path: 'schemaVersion', message: `required; ${reads}`, got: 'nothing' });
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return versionError({ path: 'schemaVersion', message: `a whole number ≥ 1; ${reads}`, got: describeValue(v) });
  if (v > current) {
    return versionError({ path: 'schemaVersion', message: `written by a newer rackplan (schema ${v}); ${reads} — update rackplan, or export the plan from the newer version at schema ${current}`, got: String(v) });
  }
  let out: Record<string, unknown> = record;
  const applied: string[] = [];
  for (let at = v; at < current; at++) {
    const m = registry.find((x) => x.from === at);
    if (!m) {
      const known = registry.map((x) => `${x.from}→${x.from + 1}`).join(', ') || 'none';
      return versionError({ path: 'schemaVersion', message: `no migration from schema ${at} to ${at + 1} (known migrations: ${known}); ${reads}`, got: String(v) });
    }
    out = m.up(out);
    out.schemaVersion = at + 1;
    applied.push(m.describe);
  }
  return ok({ doc: out, fromVersion: v, applied });
}

function versionError(p: InputProblem): { readonly ok: false; readonly error: ImportError } {
  return fail('version', `unsupported plan schema version: ${p.message}`, [p]);
}

/**
 * The plan boundary: plan files (and exports of them) validated strictly with src/schema/plan.ts after the
 * size, encoding, key and version checks of ./import. Keys an export adds (`catalogEntries`, `results`)
 * are ignored, so `rackplan export … --format json` output reads back unchanged.
 * @module
 */
import { PlanSchema, asCorePlan } from '../schema/plan';
import { problemsFromZod } from '../schema/errors';
import type { Plan } from '../core/plan/types';
import { importBlob, importDocument, importParsed, type ImportOptions, type Imported, type Validator } from './import';
import type { ImportError, Result } from './result';

export const validatePlan: Validator<Plan> = (doc) => {
  const r = PlanSchema.safeParse(doc);
  return r.success ? { ok: true, value: asCorePlan(r.data) } : { ok: false, error: problemsFromZod(r.error, doc) };
};

export function importPlan(input: Uint8Array | string, options?: ImportOptions): Result<Imported<Plan>, ImportError> {
  return importDocument(input, validatePlan, options);
}

export function importPlanBlob(blob: Blob, options?: ImportOptions): Promise<Result<Imported<Plan>, ImportError>> {
  return importBlob(blob, validatePlan, options);
}

export function importPlanValue(doc: unknown, options?: ImportOptions): Result<Imported<Plan>, ImportError> {
  return importParsed(doc, validatePlan, options);
}

/**
 * The plan boundary: plan files (and exports of them) validated strictly with src/schema/plan.ts after the
 * size, encoding, key and version checks of ./import. Keys an export adds (`catalogEntries`, `results`)
 * are ignored, so `rackplan export … --format json` output reads back unchanged.
 * @module
 */
import { PlanSchema, asCorePlan } from '../schema/plan';
import { problemsFromZod, type InputProblem } from '../schema/errors';
import { DEFAULT_HORIZON_YEARS, FIRST_PLAN_QUARTER, LAST_PLAN_QUARTER, MAX_CATALOG_VERSION_CHARS } from './limits';
import type { Plan } from '../core/plan/types';
import { importBlob, importDocument, importParsed, type ImportOptions, type Imported, type Validator } from './import';
import type { ImportError, Result } from './result';

export const validatePlan: Validator<Plan> = (doc) => {
  const r = PlanSchema.safeParse(doc);
  if (!r.success) return { ok: false, error: problemsFromZod(r.error, doc) };
  const plan = asCorePlan(r.data);
  const problems = [...dateRangeProblems(plan), ...boundaryProblems(plan)];
  return problems.length ? { ok: false, error: problems } : { ok: true, value: plan };
};

/**
 * Checks across entries that the schema does not express (review 2026-12 F15): plan site ids are unique (the
 * second silently won), and the catalog version is a short text.
 */
function boundaryProblems(plan: Plan): InputProblem[] {
  const problems: InputProblem[] = [];
  if (plan.catalogVersion.length > MAX_CATALOG_VERSION_CHARS) problems.push({ path: 'catalogVersion', message: `a catalog version of at most ${MAX_CATALOG_VERSION_CHARS} characters, e.g. "2026.11.2"`, got: `${plan.catalogVersion.length.toLocaleString('en-US')} characters` });
  const seen = new Map<string, number>();
  (plan.sites ?? []).forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) problems.push({ path: `sites[${i}].id`, message: `a site id not used by another plan site (sites[${first}] has it)`, got: JSON.stringify(s.id) });
    else seen.set(s.id, i);
  });
  return problems;
}

/** Quarter ids have four-digit years: a plan starts from 1900-Q1 and its horizon ends by 9999-Q4. */
function dateRangeProblems(plan: Plan): InputProblem[] {
  const [y, q] = plan.start.split('-Q').map(Number) as [number, number];
  if (plan.start < FIRST_PLAN_QUARTER) return [{ path: 'start', message: `a quarter from ${FIRST_PLAN_QUARTER} on`, got: JSON.stringify(plan.start) }];
  const last = Number(LAST_PLAN_QUARTER.slice(0, 4));
  const horizon = plan.horizonYears ?? DEFAULT_HORIZON_YEARS;
  // The horizon's last quarter is start + 4 × years − 1; its year must still have four digits.
  const endYear = y + horizon - (q === 1 ? 1 : 0);
  if (endYear <= last) return [];
  const most = last - y + (q === 1 ? 1 : 0);
  if (most < 1) return [{ path: 'start', message: `a quarter from which one whole year fits by ${LAST_PLAN_QUARTER} (at the latest ${last}-Q1)`, got: JSON.stringify(plan.start) }];
  const path = plan.horizonYears === undefined ? 'start' : 'horizonYears';
  const message = `the plan must end by ${LAST_PLAN_QUARTER}; starting ${plan.start}, the horizon can be at most ${most} year${most === 1 ? '' : 's'}${plan.horizonYears === undefined ? ` (the default is ${horizon})` : ''}`;
  return [{ path, message, got: path === 'start' ? JSON.stringify(plan.start) : String(horizon) }];
}

export function importPlan(input: Uint8Array | string, options?: ImportOptions): Result<Imported<Plan>, ImportError> {
  return importDocument(input, validatePlan, options);
}

export function importPlanBlob(blob: Blob, options?: ImportOptions): Promise<Result<Imported<Plan>, ImportError>> {
  return importBlob(blob, validatePlan, options);
}

export function importPlanValue(doc: unknown, options?: ImportOptions): Result<Imported<Plan>, ImportError> {
  return importParsed(doc, validatePlan, options);
}

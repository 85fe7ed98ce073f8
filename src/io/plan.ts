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
import type { Site } from '../core/sites/types';
import { SITE_OVERRIDE_FIELDS } from '../core/plan/overrides';
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

/**
 * A plan file's site entry may name a preset and carry only override fields (`{ "id": "houston-tx", "pueOverride": 1.3 }`):
 * it stands for that preset with those overrides, so nobody copies a whole site to state a PUE. Validation then sees
 * the whole site (paths unchanged); an entry naming no preset is a problem at its id.
 */
export function planValidatorWithPresets(presets: readonly Site[]): Validator<Plan> {
  const byId = new Map(presets.map((s) => [s.id, s]));
  return (doc) => {
    const sites = isRecord(doc) && Array.isArray(doc.sites) ? (doc.sites as unknown[]) : null;
    if (!sites) return validatePlan(doc);
    const problems: InputProblem[] = [];
    const expanded = sites.map((entry, i) => {
      if (!isRecord(entry) || !Object.keys(entry).every((k) => k === 'id' || (SITE_OVERRIDE_FIELDS as readonly string[]).includes(k))) return entry;
      const preset = typeof entry.id === 'string' ? byId.get(entry.id) : undefined;
      if (!preset) problems.push({ path: `sites[${i}].id`, message: `a preset site id (${[...byId.keys()].join(', ')}) for an entry that only overrides figures, or a whole site`, got: JSON.stringify(entry.id) });
      return preset ? { ...preset, ...entry } : entry;
    });
    const r = validatePlan({ ...doc, sites: expanded });
    if (!problems.length) return r;
    // The rest of the file's problems too, but not the missing site fields of an entry already refused at its id.
    const refused = problems.map((p) => p.path.slice(0, -'.id'.length));
    const others = r.ok ? [] : r.error.filter((p) => !refused.some((at) => p.path === at || p.path.startsWith(`${at}.`)));
    return { ok: false, error: [...problems, ...others] };
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Import a plan document; with `presets`, site entries that only override a preset's figures are read as that preset. */
export function importPlan(input: Uint8Array | string, options?: ImportOptions, presets?: readonly Site[]): Result<Imported<Plan>, ImportError> {
  return importDocument(input, presets ? planValidatorWithPresets(presets) : validatePlan, options);
}

/** Import a plan file; with `presets`, site entries that only override a preset's figures are read as that preset. */
export function importPlanBlob(blob: Blob, options?: ImportOptions, presets?: readonly Site[]): Promise<Result<Imported<Plan>, ImportError>> {
  return importBlob(blob, presets ? planValidatorWithPresets(presets) : validatePlan, options);
}

export function importPlanValue(doc: unknown, options?: ImportOptions): Result<Imported<Plan>, ImportError> {
  return importParsed(doc, validatePlan, options);
}

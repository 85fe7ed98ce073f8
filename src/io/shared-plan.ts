/**
 * Opening a `#plan=…` link in the app: decoded and validated like a file (./share, ./plan), then its work checked
 * against the limits of ./limits before the Plan view evaluates it (a 9,974-character link once asked for
 * millions of fabrics and left the Plan view blank). Returns the plan, or one sentence saying why not.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import type { Plan } from '../core/plan/types';
import { validatePlan } from './plan';
import { planWorkProblems } from './plan-work';
import { openShareLink } from './share';
import type { Result } from './result';

export function openSharedPlan(hash: string, catalog: Catalog): Result<Plan, string> {
  const r = openShareLink(hash, validatePlan);
  if (!r.ok) return { ok: false, error: `The shared plan link could not be opened: ${r.error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` };
  const tooMuch = planWorkProblems(r.value.value, catalog);
  if (tooMuch.length) return { ok: false, error: `The shared plan was not opened: ${tooMuch.map((p) => `${p.path}: ${p.message}`).join('; ')}` };
  return { ok: true, value: r.value.value };
}

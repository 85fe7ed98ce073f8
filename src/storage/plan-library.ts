/**
 * Keeping the working plan in the plan library before something replaces it (a shared plan link): the library is
 * the same database the Export view's plan library lists, so the copy is there to open, rename or download.
 * @module
 */
import type { Plan } from '../core/plan/types';
import { validatePlan } from '../io/plan';
import type { Result } from '../io/result';
import { DB_NAME, PlanStore, cleanName } from './plan-store';

/** Longest library name (plan-store's cleanName cuts there); the date at the end must survive a long plan name. */
const MAX_NAME_CHARS = 120;

/** "Before shared plan — <plan name> — 2026-12-03 09:14": the plan name shortened so the time stays whole. */
export function keptPlanName(reason: string, planName: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const fixed = `${reason} —  — ${stamp}`;
  const room = MAX_NAME_CHARS - fixed.length;
  const clean = cleanName(planName);
  const name = clean.length > room ? `${clean.slice(0, Math.max(0, room - 1))}…` : clean;
  return `${reason} — ${name} — ${stamp}`;
}

/**
 * Save a copy of `plan` as a named library entry; returns the name it was saved under, or why it could not be
 * saved (IndexedDB unavailable, quota), so the caller can say what was and was not kept.
 */
export async function keepPlanInLibrary(plan: Plan, options: { reason: string; dbName?: string; now?: Date }): Promise<Result<{ readonly id: string; readonly name: string }, string>> {
  const name = keptPlanName(options.reason, plan.name, options.now ?? new Date());
  let lib: PlanStore<Plan> | undefined;
  try {
    lib = await PlanStore.open<Plan>({ validate: validatePlan, dbName: options.dbName ?? DB_NAME });
    const id = await lib.saveAs(name, JSON.stringify(plan));
    return { ok: true, value: { id, name: (await lib.head(id))?.name ?? name } };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    lib?.close();
  }
}

/**
 * A user's own site (e.g. inside a plan file), parsed at the input boundary; problems come back, never thrown.
 * @module
 */
import { SiteSchema } from './sites';
import { problemsFromZod, type InputProblem } from './errors';
import type { Site } from '../core/sites/types';

/** Parse a user's site; problems carry paths under `prefix`. */
export function parseSite(data: unknown, prefix: readonly PropertyKey[] = []): { ok: true; value: Site } | { ok: false; problems: InputProblem[] } {
  const r = SiteSchema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: problemsFromZod(r.error, data, prefix) };
}

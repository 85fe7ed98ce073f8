/**
 * Loads the site presets (presets/sites/*.json), validates them and indexes them by id.
 * A preset that fails validation is a bug in the repository: loading throws with every problem listed.
 * Users' own sites (inside plan files) go through {@link parseSite} and come back as problems, never thrown.
 * @module
 */
import { SiteSchema } from '../schema/sites';
import { formatProblem, problemsFromZod, type InputProblem } from '../schema/errors';
import type { Site } from '../core/sites/types';

const siteFiles = import.meta.glob<unknown>('/presets/sites/*.json', { eager: true, import: 'default' });

/** Validate raw site files (used by the loader and by tests that feed broken presets). */
export function buildSites(files: Record<string, unknown>): { sites: Site[]; problems: string[] } {
  const problems: string[] = [];
  const sites: Site[] = [];
  for (const [file, data] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const r = SiteSchema.safeParse(data);
    if (!r.success) {
      for (const p of problemsFromZod(r.error, data)) problems.push(`${file}: ${formatProblem(p)}`);
      continue;
    }
    const expected = file.split('/').pop()!.replace(/\.json$/, '');
    if (r.data.id !== expected) problems.push(`${file}: id: must match the file name "${expected}" (got "${r.data.id}")`);
    sites.push(r.data);
  }
  return { sites, problems };
}

/** Parse a user's site (e.g. from a plan file); problems carry paths under `prefix`. */
export function parseSite(data: unknown, prefix: readonly PropertyKey[] = []): { ok: true; value: Site } | { ok: false; problems: InputProblem[] } {
  const r = SiteSchema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: problemsFromZod(r.error, data, prefix) };
}

let cached: readonly Site[] | undefined;

/** The validated, frozen site presets bundled with this build, sorted by id. */
export function loadSites(): readonly Site[] {
  if (cached) return cached;
  const { sites, problems } = buildSites(siteFiles);
  if (problems.length) throw new Error(`invalid site presets (a bug in this repository):\n${problems.join('\n')}`);
  cached = deepFreeze(sites);
  return cached;
}

/** Ids of the bundled sites, read without validation (for messages). */
export function siteIds(): string[] {
  return Object.values(siteFiles)
    .map((d) => String((d as { id?: unknown }).id))
    .sort();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

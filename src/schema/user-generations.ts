/**
 * A user's own generations (an OEM server, next year's part, a partner's quote): the same Generation schema as the
 * presets, in a file of one generation or `{ schemaVersion: 1, generations: [...], psus?: [...] }`. Values may
 * carry confidence `user` (no source required); every output marks the generation as the user's. The same reader
 * serves `rackplan rack --generation-file`; plans that embed generations go through the same catalog rules.
 * @module
 */
import * as z from 'zod';
import { Generation, PsuModel } from './catalog';
import { formatPath, problemsFromZod, type InputProblem } from './errors';
import { addUserGenerations } from '../core/catalog/extend';
import type * as core from '../core/catalog/types';
import { err, ok, type Result } from '../core/result';

/** Generations (and PSUs) one file or plan may carry: enough for a design study, bounded for the engine. */
export const MAX_USER_GENERATIONS = 50;

export const UserGenerationBundle = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  generations: z.array(Generation).min(1).max(MAX_USER_GENERATIONS),
  psus: z.array(PsuModel).max(MAX_USER_GENERATIONS).optional(),
});

/**
 * Validate user generations against the schema and add them to the catalog (src/core/catalog/extend.ts holds the
 * rules across generations and the catalog). Problems name their path after `where` (e.g.
 * `--generation-file my.json: generations[0].id`).
 */
export function readUserGenerations(data: unknown, catalog: core.Catalog, where: string): Result<{ catalog: core.Catalog; generations: readonly core.Generation[] }, InputProblem[]> {
  const single = data !== null && typeof data === 'object' && !Array.isArray(data) && 'id' in data;
  const parsed = single ? Generation.safeParse(data) : UserGenerationBundle.safeParse(data);
  const under = (path: string) => `${where}: ${path}`;
  if (!parsed.success) return err(problemsFromZod(parsed.error, data).map((p) => ({ ...p, path: under(p.path) })));
  const bundle = (single ? { generations: [parsed.data] } : parsed.data) as { generations: core.Generation[]; psus?: core.PsuModel[] };
  const added = addUserGenerations(catalog, bundle);
  // A single-generation file has no `generations[0]` in its paths.
  const pathOf = (path: readonly (string | number)[]) => formatPath(single && path[0] === 'generations' ? path.slice(2) : path);
  if (added.conflicts.length) return err(added.conflicts.map((c) => ({ path: under(pathOf(c.path)), message: c.accepted, got: c.got })));
  return ok({ catalog: added.catalog, generations: added.catalog.generations.slice(catalog.generations.length) });
}

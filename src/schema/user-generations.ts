/**
 * A user's own generations (an OEM server, next year's part, a partner's quote): the same Generation schema as the
 * presets, in a file of one generation or `{ schemaVersion: 1, generations: [...], psus?: [...] }`. Values may
 * carry confidence `user` (no source required); every output marks the generation as the user's. The same reader
 * serves `rackplan rack --generation-file`, plan files that embed generations, and the app's editor.
 * @module
 */
import * as z from 'zod';
import { Generation, PsuModel } from './catalog';
import { problemsFromZod, type InputProblem } from './errors';
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

export interface UserGenerations {
  readonly generations: readonly core.Generation[];
  readonly psus: readonly core.PsuModel[];
}

/**
 * Validate user generations against the schema and against the catalog they join: ids and aliases unique (and not
 * a preset's), every generation's PSU found in the catalog or the file, systemsPerRack exactly for server racks.
 * Problems name their path after `where` (e.g. `--generation-file my.json: generations[0].id`).
 */
export function readUserGenerations(data: unknown, catalog: Pick<core.Catalog, 'generations' | 'psus'>, where: string): Result<UserGenerations, InputProblem[]> {
  const single = data !== null && typeof data === 'object' && !Array.isArray(data) && 'id' in data;
  const parsed = single ? Generation.safeParse(data) : UserGenerationBundle.safeParse(data);
  const under = (path: string) => `${where}: ${path}`;
  if (!parsed.success) return err(problemsFromZod(parsed.error, data).map((p) => ({ ...p, path: under(p.path) })));
  const generations = (single ? [parsed.data] : (parsed.data as z.infer<typeof UserGenerationBundle>).generations) as core.Generation[];
  const psus = (single ? [] : ((parsed.data as z.infer<typeof UserGenerationBundle>).psus ?? [])) as core.PsuModel[];
  const problems: InputProblem[] = [];
  const taken = new Map<string, string>();
  for (const g of catalog.generations) for (const name of [g.id, ...g.aliases]) taken.set(name, `the catalog's ${g.id}`);
  const psuIds = new Set(catalog.psus.map((p) => p.id));
  psus.forEach((p, i) => {
    if (psuIds.has(p.id)) problems.push({ path: under(`psus[${i}].id`), message: 'an id no catalog PSU uses', got: JSON.stringify(p.id) });
    psuIds.add(p.id);
  });
  generations.forEach((g, i) => {
    const at = (field: string) => under(single ? field : `generations[${i}].${field}`);
    for (const name of [g.id, ...g.aliases]) {
      const other = taken.get(name);
      if (other) problems.push({ path: at(name === g.id ? 'id' : 'aliases'), message: `an id or alias not already used (${other} uses it)`, got: JSON.stringify(name) });
      taken.set(name, g.id);
    }
    if (!psuIds.has(g.power.psuId)) problems.push({ path: at('power.psuId'), message: `a PSU in the catalog or in the file's psus (${[...psuIds].join(', ')})`, got: JSON.stringify(g.power.psuId) });
    if ((g.form === 'server-rack') !== (g.systemsPerRack !== null)) problems.push({ path: at('systemsPerRack'), message: 'an object for a server-rack unit, null otherwise', got: g.systemsPerRack === null ? 'null' : 'an object' });
  });
  if (problems.length) return err(problems);
  return ok({ generations: generations.map((g) => Object.freeze({ ...g, userDefined: true as const })), psus });
}

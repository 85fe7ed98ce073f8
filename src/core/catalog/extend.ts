/**
 * A catalog with a user's own generations (and any PSUs they bring) added after the presets, under the rules a
 * schema cannot check alone: ids and aliases unique against the catalog and each other, every generation's PSU in
 * the catalog or among the added PSUs, systemsPerRack exactly for server-rack units. One rule set for a generation
 * file (src/schema/user-generations.ts) and a plan that embeds generations (plan context). Pure.
 * @module
 */
import type { Catalog, Generation, PsuModel } from './types';

/** A generation or PSU left out, at its path under `{ generations, psus }`, with what would be accepted. */
export interface UserGenerationConflict {
  readonly path: readonly (string | number)[];
  /** What went wrong, as a sentence (a plan's issue message). */
  readonly message: string;
  /** What is accepted there (a file reader's problem). */
  readonly accepted: string;
  readonly got: string;
}

export function addUserGenerations(catalog: Catalog, user: { readonly generations?: readonly Generation[]; readonly psus?: readonly PsuModel[] }): { catalog: Catalog; conflicts: UserGenerationConflict[] } {
  const conflicts: UserGenerationConflict[] = [];
  if (!user.generations?.length && !user.psus?.length) return { catalog, conflicts };
  const owner = new Map<string, string>();
  for (const g of catalog.generations) for (const name of [g.id, ...g.aliases]) owner.set(name, `the catalog's ${g.id}`);
  const psus = [...catalog.psus];
  (user.psus ?? []).forEach((p, i) => {
    if (psus.some((x) => x.id === p.id)) conflicts.push({ path: ['psus', i, 'id'], message: `PSU id "${p.id}" is already in the catalog`, accepted: 'a PSU id the catalog does not use', got: JSON.stringify(p.id) });
    else psus.push(p);
  });
  const added: Generation[] = [];
  (user.generations ?? []).forEach((g, i) => {
    // Every problem of a generation at once; it joins the catalog only without any.
    const found: UserGenerationConflict[] = [];
    const clash = [g.id, ...g.aliases].find((name) => owner.has(name));
    if (clash !== undefined) {
      found.push({ path: ['generations', i, clash === g.id ? 'id' : 'aliases'], message: `"${clash}" is already a generation id or alias (${owner.get(clash)})`, accepted: `an id or alias not already used (${owner.get(clash)} uses it)`, got: JSON.stringify(clash) });
    }
    if (!psus.some((p) => p.id === g.power.psuId)) {
      found.push({ path: ['generations', i, 'power', 'psuId'], message: `PSU "${g.power.psuId}" is in neither the catalog nor the added psus`, accepted: `a PSU in the catalog or in the added psus (${psus.map((p) => p.id).join(', ')})`, got: JSON.stringify(g.power.psuId) });
    }
    if ((g.form === 'server-rack') !== (g.systemsPerRack !== null)) {
      found.push({ path: ['generations', i, 'systemsPerRack'], message: 'systemsPerRack must be an object for a server-rack unit and null otherwise', accepted: 'an object for a server-rack unit, null otherwise', got: g.systemsPerRack === null ? 'null' : 'an object' });
    }
    if (found.length) {
      conflicts.push(...found);
      return;
    }
    for (const name of [g.id, ...g.aliases]) owner.set(name, g.id);
    added.push(g.userDefined ? g : Object.freeze({ ...g, userDefined: true as const }));
  });
  if (!added.length && psus.length === catalog.psus.length) return { catalog, conflicts };
  return { catalog: { ...catalog, generations: [...catalog.generations, ...added], psus }, conflicts };
}

/**
 * A catalog with a user's own generations (and any PSUs they bring) added after the presets. Pure: the user file
 * was validated at the boundary (src/schema/user-generations.ts).
 * @module
 */
import type { Catalog, Generation, PsuModel } from './types';

export function withUserGenerations(catalog: Catalog, user: { readonly generations: readonly Generation[]; readonly psus: readonly PsuModel[] }): Catalog {
  if (!user.generations.length && !user.psus.length) return catalog;
  return { ...catalog, generations: [...catalog.generations, ...user.generations], psus: [...catalog.psus, ...user.psus] };
}

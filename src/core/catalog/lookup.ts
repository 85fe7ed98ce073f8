import type { Catalog, Generation } from './types';

/** Resolve a generation id or alias; `aliasOf` is set when an alias was used. */
export function findGeneration(catalog: Catalog, idOrAlias: string): { generation: Generation; aliasOf?: string } | undefined {
  const direct = catalog.generations.find((g) => g.id === idOrAlias);
  if (direct) return { generation: direct };
  const byAlias = catalog.generations.find((g) => g.aliases.includes(idOrAlias));
  return byAlias ? { generation: byAlias, aliasOf: idOrAlias } : undefined;
}

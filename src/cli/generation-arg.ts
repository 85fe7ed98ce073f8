import { generationIds, loadCatalogFor } from '../catalog/presets';
import { findGeneration } from '../core/catalog/lookup';
import type { Catalog, Generation } from '../core/catalog/types';
import type { Parsed } from './args';
import { inputError } from './errors';

/**
 * The one generation id (or alias) a command takes as its positional argument, resolved against a catalog
 * that validates only that generation's preset (so the command starts fast).
 */
export function generationArgument(parsed: Parsed): { catalog: Catalog; generation: Generation; aliasOf?: string } {
  const id = parsed.positionals[0];
  const ids = generationIds().join(', ');
  if (!id) throw inputError('generation', `a generation id, one of ${ids}`);
  if (parsed.positionals.length > 1) throw inputError('arguments', 'exactly one generation id', parsed.positionals.slice(1).join(' '));
  const catalog = loadCatalogFor([id]);
  const found = findGeneration(catalog, id);
  if (!found) throw inputError('generation', `one of ${ids}`, JSON.stringify(id));
  return { catalog, ...found };
}

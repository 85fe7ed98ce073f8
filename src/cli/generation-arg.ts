import { generationIds, loadCatalog, loadCatalogFor, loadGenerations } from '../catalog/presets';
import { findGeneration } from '../core/catalog/lookup';
import type { Catalog, Generation } from '../core/catalog/types';
import type { FlagSpec, Parsed } from './args';
import { InputError, inputError } from './errors';

/** `--generation-file F`: a user's own generations (src/schema/user-generations.ts), added to the catalog. */
export const GENERATION_FILE_FLAG: FlagSpec = { 'generation-file': { type: 'string' } };
export const GENERATION_FILE_USAGE = `  --generation-file F       your own generation(s): a JSON file in the preset schema (values may carry
                            confidence "user"); the positional id picks one when the file has several`;

/**
 * The one generation id (or alias) a command takes as its positional argument, resolved against a catalog
 * that holds only that generation's preset (so the command starts fast).
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

/**
 * {@link generationArgument}, or with `--generation-file` the whole catalog plus the user's generations. Loads the
 * data it reads (one generation, or every one for a file), so its commands declare `loadsOwnGenerations`.
 */
export async function generationOrFileArgument(parsed: Parsed): Promise<{ catalog: Catalog; generation: Generation; aliasOf?: string }> {
  const file = parsed.values['generation-file'];
  if (typeof file === 'string') {
    await loadGenerations();
    return userGenerationArgument(parsed, file);
  }
  const id = parsed.positionals[0];
  if (id !== undefined) await loadGenerations([id]);
  return generationArgument(parsed);
}

async function userGenerationArgument(parsed: Parsed, file: string): Promise<{ catalog: Catalog; generation: Generation; aliasOf?: string }> {
  // The file reader (node:crypto, node:fs/promises) loads only for a file: `rack <generation>` starts without it.
  const [{ readInputFile }, { readJson }] = await Promise.all([import('./files'), import('../io/json')]);
  const bytes = readInputFile(file, '--generation-file', 'generation file');
  const json = readJson(bytes);
  if (!json.ok) throw new InputError(json.error.problems.map((p) => ({ ...p, path: p.path === '(file)' ? '--generation-file' : `--generation-file: ${p.path}` })));
  // zod loads only for a user file: the preset path never parses the catalog at run time.
  const { readUserGenerations } = await import('../schema/user-generations');
  const presets = loadCatalog();
  const user = readUserGenerations(json.value, presets, `--generation-file ${file}`);
  if (!user.ok) throw new InputError(user.error);
  const { catalog } = user.value;
  const ids = user.value.generations.map((g) => g.id);
  const id = parsed.positionals[0] ?? (ids.length === 1 ? ids[0] : undefined);
  if (!id) throw inputError('generation', `one of the file's generations: ${ids.join(', ')}`);
  if (parsed.positionals.length > 1) throw inputError('arguments', 'exactly one generation id', parsed.positionals.slice(1).join(' '));
  const found = findGeneration(catalog, id);
  if (!found) throw inputError('generation', `one of ${[...ids, ...generationIds()].join(', ')}`, JSON.stringify(id));
  return { catalog, ...found };
}

/**
 * The bundled catalog: generations, PSU, CDU and coolant models and the price book. Every preset file was
 * validated by its schema at build time (src/schema/presets-plugin.mts) and arrives here as frozen data;
 * loading runs no validation. Each generation is parsed and frozen the first time it is asked for, so a
 * command or a deep link that shows one generation does not pay for the other eleven.
 * @module
 */
import { cdus, coolants, generationIndex, generationJson, generationLoaders, prices, psus } from 'virtual:rackplan-presets/catalog';
import type * as core from '../core/catalog/types';
import { loadNetworkCatalog } from './network';
import { deepFreeze } from './deep-freeze';

/** Bumped whenever a preset value changes; plans and exports record it. */
export const CATALOG_VERSION = '2026.11.2';

const parsed: (core.Generation | undefined)[] = [];
let cached: core.Catalog | undefined;

function generationAt(i: number): core.Generation {
  const text = generationJson[i];
  if (text === undefined) throw new Error(`the data of generation ${generationIndex[i]?.id ?? i} is not loaded yet (await loadGenerations first)`);
  return (parsed[i] ??= deepFreeze(JSON.parse(text) as core.Generation));
}

/**
 * Have the data of the generations named (ids or aliases; every generation when none are named) at hand. In the
 * web app and the bundled CLI each generation is a chunk of its own, loaded the first time it is needed (a deep
 * link to one rack fetches one of twelve; `rackplan rack <generation>` compiles one); in workers, the dev server
 * and tests the data is bundled and this resolves at once.
 */
export async function loadGenerations(idsOrAliases?: readonly string[]): Promise<void> {
  if (!generationLoaders) return;
  const loaders = generationLoaders;
  const missing = generationIndex.flatMap((g, i) => (generationJson[i] === undefined && (!idsOrAliases || idsOrAliases.some((x) => g.id === x || g.aliases.includes(x))) ? [i] : []));
  await Promise.all(missing.map((i) => loaders[i]!().then((m) => void (generationJson[i] ??= m.default))));
}

function catalogOf(generations: readonly core.Generation[]): core.Catalog {
  return Object.freeze({ version: CATALOG_VERSION, prices, generations: Object.freeze(generations), psus, cdus, coolants, network: loadNetworkCatalog() });
}

/** The validated, frozen catalog bundled with this build (every preset file); in the web app and the CLI, after `loadGenerations()`. */
export function loadCatalog(): core.Catalog {
  cached ??= catalogOf(generationIndex.map((_, i) => generationAt(i)));
  return cached;
}

/**
 * A catalog holding only the generations named (by id or alias) plus all component models (the whole catalog
 * once that has been loaded). The CLI's one-generation commands and the designer's first paint use it (after
 * `loadGenerations` for the same names).
 */
export function loadCatalogFor(idsOrAliases: readonly string[]): core.Catalog {
  if (cached) return cached;
  const wanted: core.Generation[] = [];
  generationIndex.forEach((g, i) => {
    if (idsOrAliases.some((x) => g.id === x || g.aliases.includes(x))) wanted.push(generationAt(i));
  });
  return catalogOf(wanted);
}

/**
 * Id and name of every bundled generation in catalog order (the order of `loadCatalog().generations`), available
 * before any generation's data has loaded: for views that only list or order generations by name.
 */
export function bundledGenerationNames(): readonly { readonly id: string; readonly name: string }[] {
  return generationIndex;
}

/** Ids of every bundled generation, sorted (for messages and lookups). */
export function generationIds(): string[] {
  return generationIndex.map((g) => g.id).sort();
}

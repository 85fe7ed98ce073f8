/**
 * The bundled catalog: generations, PSU, CDU and coolant models and the price book. Every preset file was
 * validated by its schema at build time (src/schema/presets-plugin.ts) and arrives here as frozen data, so
 * loading costs no validation at run time.
 * @module
 */
import { cdus, coolants, generations, prices, psus } from 'virtual:rackplan-presets/catalog';
import type * as core from '../core/catalog/types';
import { loadNetworkCatalog } from './network';

/** Bumped whenever a preset value changes; plans and exports record it. */
export const CATALOG_VERSION = '2026.11.2';

let cached: core.Catalog | undefined;

/** The validated, frozen catalog bundled with this build (every preset file). */
export function loadCatalog(): core.Catalog {
  cached ??= Object.freeze({ version: CATALOG_VERSION, prices, generations, psus, cdus, coolants, network: loadNetworkCatalog() });
  return cached;
}

/**
 * Kept for callers that once loaded only the generations they showed (when loading meant validating).
 * The catalog is validated at build time now, so this is the whole catalog.
 */
export function loadCatalogFor(_idsOrAliases: readonly string[]): core.Catalog {
  return loadCatalog();
}

/** Ids of every bundled generation, sorted (for messages and lookups). */
export function generationIds(): string[] {
  return generations.map((g) => g.id).sort();
}

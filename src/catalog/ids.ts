/**
 * The ids the design document may name, read without validating the presets (the store checks every edit
 * against them from the first paint on, before the site and network presets are validated). Only the `id`
 * fields are bundled for sites; the switch list is small.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import type { KnownIds } from '../schema/design';
import { generationIds } from './presets';

const siteIdFiles = import.meta.glob<string>('/presets/sites/*.json', { eager: true, import: 'id' });
const switchFiles = import.meta.glob<readonly { readonly id: string }[]>('/presets/network/switches.json', { eager: true, import: 'switches' });

let sites: readonly string[] | undefined;
let switches: readonly string[] | undefined;

/** Ids of the bundled site presets, sorted. */
export function presetSiteIds(): readonly string[] {
  return (sites ??= Object.freeze(Object.values(siteIdFiles).map(String).sort()));
}

/** Ids of the bundled network switches. */
export function presetSwitchIds(): readonly string[] {
  return (switches ??= Object.freeze(Object.values(switchFiles).flatMap((list) => list.map((s) => s.id))));
}

/**
 * Every id a design document may name: the catalog's generations and CDUs, every bundled generation (the store's
 * catalog holds only the shown generation until the first paint is done, and a restored session or shared plan
 * may name the others), and the bundled sites and switches.
 */
export function knownIds(catalog: Pick<Catalog, 'generations' | 'cdus'>): KnownIds {
  // A user's own generations are the design's (its plan's `generations`), not ids the catalog brings.
  const generations = [...new Set([...catalog.generations.filter((g) => !g.userDefined).map((g) => g.id), ...generationIds()])];
  return { generations, cdus: catalog.cdus.map((c) => c.id), sites: presetSiteIds(), switches: presetSwitchIds() };
}

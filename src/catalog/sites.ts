/**
 * The bundled site presets (presets/sites/*.json), validated by their schema at build time
 * (src/schema/presets-plugin.mts), frozen and sorted by id. Users' own sites (inside plan files) are parsed at
 * the input boundary (src/schema/site-input.ts).
 * @module
 */
import { sites } from 'virtual:rackplan-presets/sites';
import type { Site } from '../core/sites/types';

/** The validated, frozen site presets bundled with this build, sorted by id. */
export function loadSites(): readonly Site[] {
  return sites;
}

/** Ids of the bundled sites, sorted (for messages). */
export function siteIds(): string[] {
  return sites.map((s) => s.id).sort();
}

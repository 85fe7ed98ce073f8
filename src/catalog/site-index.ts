/**
 * The bundled sites one at a time, for a view that reads one site (Compare costs its comparison at one): an index of
 * every site's id, name and data-center role, and each site's data, parsed and frozen the first time it is asked for.
 * In the web app's build each site's data is a chunk of its own, fetched by `loadSiteData`; in workers, the dev server
 * and tests it is bundled and that resolves at once. Views that read every site (the plan, the site cards) use
 * `loadSites()` (./sites.ts, one chunk of all of them) instead. The data is the same validated data.
 * @module
 */
import { siteIndex, siteJson, siteLoaders } from 'virtual:rackplan-presets/site-index';
import type { Site } from '../core/sites/types';
import { deepFreeze } from './deep-freeze';

export interface SiteIndexEntry {
  readonly id: string;
  readonly name: string;
  readonly dataCenter: boolean;
}

const parsed: (Site | undefined)[] = [];
const loading: (Promise<void> | undefined)[] = [];

/** Id, name and data-center role of every bundled site, sorted by id (available before any site's data has loaded). */
export function bundledSiteIndex(): readonly SiteIndexEntry[] {
  return siteIndex;
}

/** Have the data of the site named at hand (no-op for an unknown id or when it is loaded). */
export function loadSiteData(id: string): Promise<void> {
  const i = siteIndex.findIndex((s) => s.id === id);
  if (i < 0 || siteJson[i] !== undefined || !siteLoaders) return Promise.resolve();
  return (loading[i] ??= siteLoaders[i]!().then((m) => void (siteJson[i] ??= m.default)));
}

/** The site's validated, frozen data once loaded (`loadSiteData`); undefined before, or for an unknown id. */
export function loadedSite(id: string): Site | undefined {
  const i = siteIndex.findIndex((s) => s.id === id);
  const text = i < 0 ? undefined : siteJson[i];
  return text === undefined ? undefined : (parsed[i] ??= deepFreeze(JSON.parse(text) as Site));
}

/**
 * The site Compare costs its comparison at, from the sites' index, and that one site's data (the comparison reads no
 * other site: test/state/shown-generations.test.ts holds that the report from it alone equals the whole list's), so
 * Compare's first paint fetches one site preset instead of all of them.
 * @module
 */
import { bundledSiteIndex, loadedSite, loadSiteData } from '../catalog/site-index';
import type { Site } from '../core/sites/types';
import type { CompareDesign } from '../state/types';
import { compareSiteAmong } from './compare';

const dataCenterIds = bundledSiteIndex().flatMap((s) => (s.dataCenter ? [s.id] : []));

/** The compared site's data when it has loaded; else the promise of its data (its fetch has started). */
export function comparedSite(design: CompareDesign, rackSiteId: string | undefined): Site | Promise<void> {
  const id = compareSiteAmong(design, rackSiteId, dataCenterIds);
  return loadedSite(id) ?? loadSiteData(id);
}

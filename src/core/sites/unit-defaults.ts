/**
 * What a data-center site implies for a unit placed there, stated once. The Rack designer, compare, the plan's
 * unit evaluation and `rackplan rack --site` all apply site defaults through {@link unitOptionsAtSite}, so the same
 * unit at the same site gets the same options (and the same airflow) everywhere.
 * @module
 */
import { pick, pickSourced } from '../provenance';
import type { UnitOptions } from '../rack/types';
import type { Site } from './types';

/** The unit options a site can imply. */
export type SiteUnitDefaults = Pick<UnitOptions, 'altitudeM' | 'floorLimitKgM2'>;

/**
 * Unit options a site implies: its altitude (air density, hence the airflow a rack needs) and its floor rating
 * (checked against the rack's floor loading), at their typical values. The site presets carry no rack coolant supply
 * temperature and no feed type (the cooling plant's `airSupplyC` is the chilled-water supply of the air handlers, not
 * a rack option), so those stay the unit's own defaults. Empty for a site without a data-center role.
 */
export function siteUnitDefaults(site: Site): SiteUnitDefaults {
  const dc = site.roles.dataCenter;
  if (!dc) return {};
  const floor = pick(dc.floorLimitKgM2, 'typical');
  return { altitudeM: pickSourced(dc.altitudeM, 'typical'), ...(floor !== null ? { floorLimitKgM2: floor } : {}) };
}

/**
 * The options a unit runs with at a site: the site's defaults under the user's own options, so a value the user set
 * always wins. Without a site the options are returned unchanged.
 */
export function unitOptionsAtSite<T extends UnitOptions>(site: Site | undefined, options: T): T {
  return site ? { ...siteUnitDefaults(site), ...options } : options;
}

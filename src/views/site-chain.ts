/**
 * Sites for the rack designer (loaded on demand, not part of the first paint): the site list and the defaults a
 * site gives a unit (./site-list.ts, re-exported), and the facility stages of the power chain for one unit at a site
 * (computed by the core's src/core/sites/facility-chain.ts, shared with the PDF design review).
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import type { SiteOverrides } from '../core/plan/types';
import type { UnitOptions } from '../core/rack/types';
import { facilityChainAt, type FacilityChain } from '../core/sites/facility-chain';
import { findSite } from './site-list';

export type { FacilityChain } from '../core/sites/facility-chain';
export { findSite, siteDefaults, siteList, type SiteSummary } from './site-list';

/** A site's fixed PUEs as a plan's version of it states them: the two overrides a unit's facility chain applies. */
export type FixedPues = Pick<SiteOverrides, 'pueOverride' | 'peakPueOverride'>;

/**
 * The power chain's facility part for one unit at a site (the core's {@link facilityChainAt}); null for an unknown
 * site or one without a data center.
 * @param overrides - the plan's overrides for this site (empty: the site model's chain): the chain applies the fixed
 *   PUEs and names the others, which apply to the site's cluster in the plan
 */
export function facilityChain(siteId: string, generation: Generation, options: UnitOptions, catalog: Catalog, overrides: SiteOverrides = {}): FacilityChain | null {
  const site = findSite(siteId);
  return site ? facilityChainAt({ ...site, ...overrides }, generation, options, catalog) : null;
}

/**
 * Sites for the rack designer (loaded on demand, not part of the first paint): the site list, the defaults a
 * site gives a unit (altitude, floor rating), and the facility stages of the power chain for one unit at a site
 * (computed by the core's src/core/sites/facility-chain.ts, shared with the PDF design review).
 * @module
 */
import { loadSites } from '../catalog/sites';
import type { Catalog, Generation } from '../core/catalog/types';
import { pick, pickSourced } from '../core/provenance';
import type { SiteOverrides } from '../core/plan/types';
import type { UnitOptions } from '../core/rack/types';
import { facilityChainAt, type FacilityChain } from '../core/sites/facility-chain';
import type { Site } from '../core/sites/types';
import { siteUnitDefaults } from '../core/sites/unit-defaults';

export type { FacilityChain } from '../core/sites/facility-chain';

export interface SiteSummary {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly dataCenter: boolean;
  readonly altitudeM: number | null;
  readonly floorLimitKgM2: number | null;
}

export function siteList(): SiteSummary[] {
  return loadSites().map((s) => ({
    id: s.id,
    name: s.name,
    state: s.state,
    dataCenter: s.roles.dataCenter !== null,
    altitudeM: s.roles.dataCenter ? pickSourced(s.roles.dataCenter.altitudeM, 'typical') : null,
    floorLimitKgM2: s.roles.dataCenter ? pick(s.roles.dataCenter.floorLimitKgM2, 'typical') : null,
  }));
}

export function findSite(id: string): Site | undefined {
  return loadSites().find((s) => s.id === id);
}

/** Options a site gives a unit unless the user set them (the core's `siteUnitDefaults`; empty for an unknown site). */
export function siteDefaults(siteId: string | undefined): Partial<UnitOptions> {
  const site = siteId ? findSite(siteId) : undefined;
  return site ? siteUnitDefaults(site) : {};
}

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

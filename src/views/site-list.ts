/**
 * The bundled sites as the designer and Compare pick them: the site list and the defaults a site gives a unit
 * (altitude, floor rating). Apart from the facility chain (./site-chain.ts), so the Compare view, which applies the
 * designer's site to the designer's unit but draws no power chain, loads none of it.
 * @module
 */
import { loadSites } from '../catalog/sites';
import { pick, pickSourced } from '../core/provenance';
import type { UnitOptions } from '../core/rack/types';
import type { Site } from '../core/sites/types';
import { siteUnitDefaults } from '../core/sites/unit-defaults';

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

/**
 * Sites for the rack designer (loaded on demand, not part of the first paint): the site list, the defaults a
 * site gives a unit (altitude, floor rating), and the facility stages of the power chain for one unit at a site.
 *
 * The facility chain is the site at its reference load (`evaluateSite` in src/core/plan/evaluate-site.ts: the site
 * filled with this unit up to its final build-out, so transformers and UPS modules run at the loading they are
 * designed for), at the design condition, divided back to one unit.
 * @module
 */
import { loadSites } from '../catalog/sites';
import type { Catalog, Generation } from '../core/catalog/types';
import { describeLoad, evaluateSite, siteSettings, type StatedLoad } from '../core/plan/evaluate-site';
import { pick, pickSourced } from '../core/provenance';
import type { UnitOptions } from '../core/rack/types';
import type { Site } from '../core/sites/types';
import { siteUnitDefaults } from '../core/sites/unit-defaults';
import type { FacilityInput, FacilityStageInput } from './power-chain';

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

/** The power chain's facility part ({@link FacilityInput}: stages, per-unit meter, cooling, building and losses), and how it was filled. */
export interface FacilityChain extends FacilityInput {
  readonly stages: FacilityStageInput[];
  readonly unitsFilled: number;
  /** The site load the per-unit figures were divided from (the reference load). */
  readonly load: StatedLoad;
}

/**
 * Facility stages for one unit of `generation` at a site (null when the site has no data center), under the catalog's
 * plan defaults (utilization, design condition 0.4 %).
 * @param options - the unit options the designer's engine used (without `units`): the facility figures evaluate the
 *   unit with the same options through the core's unit facts, so they describe the unit the designer shows
 */
export function facilityChain(siteId: string, generation: Generation, options: UnitOptions, catalog: Catalog): FacilityChain | null {
  const site = findSite(siteId);
  if (!site?.roles.dataCenter) return null;
  const { units: _u, ...unitOptions } = options;
  const result = evaluateSite(site, catalog, siteSettings(catalog, { unitOptions: { [generation.id]: unitOptions } }), { generation: generation.id });
  if (!result.ok) return null;
  const { peak, load } = result.value;
  const n = load.units;
  const per = (mw: number) => (mw * 1000) / n;
  const carries = new Map(site.roles.dataCenter.powerChain.stages.map((s) => [s.id, s.carriesMechanical]));
  const stages: FacilityStageInput[] = peak.stages.map((s) => ({
    id: `facility-${s.id}`,
    carriesMechanical: carries.get(s.id) ?? false,
    name: s.name,
    inputKw: per(s.outputMw + s.lossMw),
    outputKw: per(s.outputMw),
    efficiency: s.efficiency,
    detail: `${s.modulesInstalled} × ${s.moduleRatingMw} MW installed (${s.redundancy.toUpperCase()}, ${s.modulesNeeded} needed), ${(s.loadingFraction * 100).toFixed(0)} % loaded`,
  }));
  return {
    stages,
    note: `Facility stages at ${site.name}: the site's chain at its design condition (${typeof peak.condition === 'string' ? peak.condition : `${peak.condition.row}, ${peak.condition.dryBulbC} °C`}) at the ${describeLoad(load)}; per unit. Cooling and building load branch off before the IT path.`,
    meterKw: per(peak.facilityMw),
    coolingKw: per(peak.coolingMw),
    fixedKw: per(peak.fixedOverheadMw),
    lossKw: per(peak.chainLossMw),
    networkKw: per(result.value.detail.fabric.switchKw / 1000),
    peakPue: peak.pue,
    unitsFilled: n,
    load,
  };
}

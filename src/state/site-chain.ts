/**
 * Sites for the rack designer (loaded on demand, not part of the first paint): the site list, the defaults a
 * site gives a unit (altitude, floor rating), and the facility stages of the power chain for one unit at a site.
 *
 * The facility chain is the sites core's chain at the design condition, for a site filled with this unit up to its
 * final meter (so transformers and UPS modules run at a realistic loading), divided back to one unit.
 * @module
 */
import { loadSites } from '../catalog/sites';
import type { Catalog, Generation } from '../core/catalog/types';
import { planContext } from '../core/plan/context';
import { siteLoad } from '../core/plan/site-load';
import { pick, pickSourced } from '../core/provenance';
import type { UnitOptions, UnitReport } from '../core/rack/types';
import type { Site } from '../core/sites/types';
import type { FacilityStageInput } from './power-chain';

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

/** Options a site gives a unit unless the user set them: altitude and floor rating. */
export function siteDefaults(siteId: string | undefined): Partial<UnitOptions> {
  if (!siteId) return {};
  const s = siteList().find((x) => x.id === siteId);
  if (!s) return {};
  return {
    ...(s.altitudeM !== null ? { altitudeM: s.altitudeM } : {}),
    ...(s.floorLimitKgM2 !== null ? { floorLimitKgM2: s.floorLimitKgM2 } : {}),
  };
}

export interface FacilityChain {
  readonly stages: FacilityStageInput[];
  readonly note: string;
  /** Per unit at the design condition: power at the meter, cooling, building overhead, chain losses (kW). */
  readonly meterKw: number;
  readonly coolingKw: number;
  readonly fixedKw: number;
  readonly lossKw: number;
  readonly peakPue: number | null;
  readonly unitsFilled: number;
}

/**
 * Facility stages for one unit of `generation` at a site (null when the site has no data center).
 * @param options - the unit options the engine used (without `units`)
 */
export function facilityChain(siteId: string, generation: Generation, report: UnitReport, options: UnitOptions, catalog: Catalog): FacilityChain | null {
  const site = findSite(siteId);
  const dc = site?.roles.dataCenter;
  if (!site || !dc) return null;
  const startQ = dc.meterMw[0]?.from ?? '2026-Q1';
  const { units: _u, ...unitOptions } = options;
  const ctx = planContext(
    { schemaVersion: 1, catalogVersion: catalog.version, name: 'rack designer', start: startQ, deployments: [], unitOptions: { [generation.id]: unitOptions } },
    catalog,
    loadSites(),
  );
  const sctx = ctx.siteContext(site);
  const finalMeterKw = Math.max(...dc.meterMw.map((s) => pickSourced(s.value, 'typical'))) * 1000;
  const n = Math.max(1, Math.floor(finalMeterKw / (Math.max(1, report.power.inputKw) * 1.3)));
  const load = siteLoad(sctx, new Map([[generation.id, n]]));
  const peak = load.peak;
  const per = (mw: number) => (mw * 1000) / n;
  const stages: FacilityStageInput[] = peak.stages.map((s) => ({
    id: `facility-${s.id}`,
    name: s.name,
    inputKw: per(s.outputMw + s.lossMw),
    outputKw: per(s.outputMw),
    efficiency: s.efficiency,
    detail: `${s.modulesInstalled} × ${s.moduleRatingMw} MW installed (${s.redundancy.toUpperCase()}, ${s.modulesNeeded} needed), ${(s.loadingFraction * 100).toFixed(0)} % loaded`,
  }));
  return {
    stages,
    note: `Facility stages at ${site.name}: the site's chain at its design condition (${typeof peak.condition === 'string' ? peak.condition : `${peak.condition.row}, ${peak.condition.dryBulbC} °C`}) for ${n.toLocaleString('en-US')} units filling the ${Math.round(finalMeterKw / 1000)} MW meter, per unit. Cooling and building load branch off before the IT path.`,
    meterKw: per(peak.facilityMw),
    coolingKw: per(peak.coolingMw),
    fixedKw: per(peak.fixedOverheadMw),
    lossKw: per(peak.chainLossMw),
    peakPue: peak.pue,
    unitsFilled: n,
  };
}

/**
 * The facility stages of the power chain for one unit at a site: the site at its reference load (`evaluateSite` in
 * src/core/plan/evaluate-site.ts: the site filled with this unit up to its final build-out, so transformers and UPS
 * modules run at the loading they are designed for), at the design condition, divided back to one unit. In the core
 * so the designer (src/views/site-chain.ts) and the PDF design review draw the same chain.
 *
 * A plan's site may fix its PUE (`pueOverride`, `peakPueOverride`): the chain then takes the meter at the fixed peak
 * PUE through the same `evaluateSite` (so the reference fill is `rackplan site <id> --pue P`'s), and its stages stay
 * the site model's. Utilization, storage and other IT are the site's cluster in the plan, not one unit's chain: they
 * are left out here and named in the note.
 * @module
 */
import type { Catalog, Generation } from '../catalog/types';
import { describeLoad, evaluateSite, siteSettings, type StatedLoad } from '../plan/evaluate-site';
import { describeOverride } from '../plan/overrides';
import type { PlanSite, SiteOverride, SiteOverrides } from '../plan/types';
import type { FacilityInput, FacilityStageInput } from '../rack/power-chain';
import type { UnitOptions } from '../rack/types';
import { hasOwnFacilityStages, stagesOnPath } from './chain';

/** The power chain's facility part ({@link FacilityInput}: stages, per-unit meter, cooling, building and losses), and how it was filled. */
export interface FacilityChain extends FacilityInput {
  readonly stages: FacilityStageInput[];
  readonly unitsFilled: number;
  /** The site load the per-unit figures were divided from (the reference load). */
  readonly load: StatedLoad;
  /** The site's fixed PUEs this chain applies, each with the site model's PUE at the same load; empty when none. */
  readonly overrides: readonly SiteOverride[];
  /** The site's overrides that apply to its cluster in the plan and are left out of one unit's chain. */
  readonly planOnly: readonly (keyof SiteOverrides)[];
}

/** Overrides of a plan's site that describe its whole cluster (IT beside the units, its utilization), not one unit. */
const PLAN_ONLY_OVERRIDES = ['utilization', 'storageKw', 'otherItKw'] as const satisfies readonly (keyof SiteOverrides)[];

const PLAN_ONLY_WORDS: Record<(typeof PLAN_ONLY_OVERRIDES)[number], string> = { utilization: 'utilization', storageKw: 'storage IT', otherItKw: 'other IT' };

/**
 * Facility stages for one unit of `generation` at a site (null when the site has no data center), under the catalog's
 * plan defaults (utilization, design condition 0.4 %).
 * @param options - the unit options the designer's engine used (without `units`): the facility figures evaluate the
 *   unit with the same options through the core's unit facts, so they describe the unit the designer shows
 */
export function facilityChainAt(site: PlanSite, generation: Generation, options: UnitOptions, catalog: Catalog): FacilityChain | null {
  if (!site.roles.dataCenter) return null;
  const { units: _u, ...unitOptions } = options;
  const { utilization: _ut, storageKw: _st, otherItKw: _ot, ...chainSite } = site;
  const planOnly = PLAN_ONLY_OVERRIDES.filter((k) => site[k] !== undefined);
  const result = evaluateSite(chainSite, catalog, siteSettings(catalog, { unitOptions: { [generation.id]: unitOptions } }), { generation: generation.id });
  if (!result.ok) return null;
  const { peak, load, overrides } = result.value;
  const modelPeak = result.value.detail.computed.peak ?? peak;
  const n = load.units;
  const per = (mw: number) => (mw * 1000) / n;
  // The unit's path through the chain: the site's stages, or (800 VDC) the shared stages and its architecture's
  // branch. The site's own AC path then feeds only the fabric switches: it leaves at the shared stage as the network share.
  const architecture = generation.powerArchitecture;
  const own = hasOwnFacilityStages(architecture);
  const onPath = stagesOnPath(peak, own ? architecture.id : 'site');
  const acPath = own ? peak.stages.filter((s) => s.path === 'site') : [];
  const acPathLossMw = acPath.reduce((t, s) => t + s.lossMw, 0);
  const networkMw = own && acPath.length ? acPath[0]!.outputMw + acPath[0]!.lossMw : result.value.detail.fabric.switchKw / 1000;
  const lastShared = own ? onPath.filter((s) => s.path === 'shared').length - 1 : -1;
  const stages: FacilityStageInput[] = onPath.map((s, i) => ({
    id: `facility-${s.id}`,
    carriesMechanical: s.carriesMechanical,
    ...(own && i === lastShared ? { feedsNetwork: true } : {}),
    name: own && s.path !== 'shared' ? `${s.name} (${architecture.id === 'dc-800v' ? '800 VDC' : architecture.id})` : s.name,
    inputKw: per(s.outputMw + s.lossMw),
    outputKw: per(s.outputMw),
    efficiency: s.efficiency,
    detail: `${s.modulesInstalled} × ${s.moduleRatingMw} MW installed (${s.redundancy.toUpperCase()}, ${s.modulesNeeded} needed), ${(s.loadingFraction * 100).toFixed(0)} % loaded`,
  }));
  return {
    stages,
    note: `Facility stages at ${site.name}: the site's chain at its design condition (${typeof peak.condition === 'string' ? peak.condition : `${peak.condition.row}, ${peak.condition.dryBulbC} °C`}) at the ${describeLoad(load)}; per unit. Cooling and building load branch off before the IT path.${own ? ` ${generation.name} is fed at ${architecture.name.split(':')[0]}: its own stages replace the site's UPS and AC busway below the shared ${onPath.filter((s) => s.path === 'shared').map((s) => s.name).join(', ') || 'meter'} (no double-conversion UPS); the fabric switches stay on the site's AC path.` : ''}${overrides.length ? ` The plan fixes this site's PUE (${overrides.map(describeOverride).join(' · ')}): the meter is taken at the fixed peak PUE, as the plan takes it, and the stages stay the site model's.` : ''}${planOnly.length ? ` The plan's ${planOnly.map((k) => PLAN_ONLY_WORDS[k]).join(', ')} override${planOnly.length > 1 ? 's apply' : ' applies'} to the site's cluster in the plan, not to one unit's chain.` : ''}`,
    meterKw: per(peak.facilityMw),
    coolingKw: per(peak.coolingMw),
    fixedKw: per(peak.fixedOverheadMw),
    // Losses of the stages shown; the AC path that feeds only the network is inside the network share.
    lossKw: per(peak.chainLossMw - acPathLossMw),
    networkKw: per(networkMw),
    peakPue: peak.pue,
    ...(overrides.length ? { fixedPue: { text: overrides.map(describeOverride).join(' · '), modelMeterKw: per(modelPeak.facilityMw) } } : {}),
    unitsFilled: n,
    load,
    overrides,
    planOnly,
  };
}

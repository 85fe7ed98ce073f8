/**
 * One data-center site holding a mix of units: IT MW, heat by facility supply temperature, annual and peak PUE,
 * coolant, CDUs, fabric estimate, floor loading, the training-load grid ramp (and, labelled apart, the DC transient
 * peak), and the site's limits at a quarter.
 * Shared by the plan evaluator, "what fits" and the accelerator comparison.
 * @module
 */
import { pick, pickSourced } from '../provenance';
import { lpmToGpm } from '../physics/thermal';
import type { DesignBasis } from '../sites/climate';
import type { PowerArchitecture } from '../catalog/types';
import { hasOwnFacilityStages } from '../sites/chain';
import { sitePueAnnualAndPeak, type HeatLoad, type PueReport } from '../sites/pue';
import { stepAt } from '../sites/schedule';
import type { DataCenterRole, Site } from '../sites/types';
import { facilitySupply, type FacilitySupply, type UnitFacts } from './facts';
import { generationFabric, sumFabrics, type FabricSpec } from './network';
import type { BindingConstraint, FabricEstimate, SiteOverrides, UnitsRow } from './types';

export interface SiteContext {
  readonly site: Site;
  readonly dc: DataCenterRole;
  /** Unit facts for a generation id at this site (altitude applied). */
  readonly facts: (generationId: string) => UnitFacts;
  readonly fabric: FabricSpec;
  /** This site's utilization: its own override, else the plan's. */
  readonly utilization: number;
  readonly design: DesignBasis;
  readonly idleFraction: number;
  /** Figures the engineer states for this site (fixed PUE, IT beside the units); `utilization` is already above. */
  readonly overrides: SiteOverrides;
}

export interface SiteLoad {
  readonly units: readonly UnitsRow[];
  readonly racks: number;
  readonly accelerators: number;
  /** Σ unit inputKw + fabric switches + IT beside the units ({@link extraItKw}), kW (design). */
  readonly itKw: number;
  /** Storage and other IT the site's overrides add beside the units, kW (0 when the mix is empty). */
  readonly extraItKw: number;
  readonly heat: HeatLoad;
  readonly coolantLpm: number;
  readonly cdus: number;
  readonly fabric: FabricEstimate;
  readonly maxFloorLoadingKgM2: number;
  /**
   * Grid swing of a synchronized training job, kW: Σ units × input kW × (1 − idle fraction), the seconds-scale step
   * between the job's low phase and full AC input that the facility and the utility see.
   */
  readonly rampKw: number;
  /**
   * Σ units × the unit's DC transient peak (IT × the catalog's transient factor), kW: a microsecond-scale spike the
   * racks' power smoothing (PSUs, BBUs, energy storage) absorbs; it belongs to the rack's PSU and BBU checks and is
   * not seen by the grid.
   */
  readonly transientPeakKw: number;
  readonly supplies: ReadonlyMap<string, FacilitySupply | null>;
  /**
   * Annual and design-condition PUE as the site uses them: the site model's, or with a fixed PUE override its `pue`
   * and `facilityMw` (IT × the fixed PUE) replaced; every other figure (terms, stages, cooling, water) stays the model's.
   */
  readonly annual: PueReport;
  readonly peak: PueReport;
  /** The site model's own reports where a fixed PUE replaced them (each null when that PUE is not overridden). */
  readonly computed: { readonly annual: PueReport | null; readonly peak: PueReport | null };
  /** Heat the plant rejects at the design condition (IT + indoor losses + cooling power), MW. */
  readonly heatRejectionMw: number;
}

export interface SiteLimits {
  readonly meterMw: number;
  readonly positions: number;
  readonly heatRejectionMw: number | null;
  readonly switchPorts: number | null;
  readonly floorLimitKgM2: number | null;
}

export function siteLimits(dc: DataCenterRole, quarter: number): SiteLimits {
  return {
    meterMw: stepAt(dc.meterMw, quarter),
    positions: stepAt(dc.rackPositions, quarter),
    heatRejectionMw: dc.heatRejectionMw.length ? stepAt(dc.heatRejectionMw, quarter) : null,
    switchPorts: dc.switchPorts.length ? stepAt(dc.switchPorts, quarter) : null,
    floorLimitKgM2: pick(dc.floorLimitKgM2, 'typical'),
  };
}

/** Evaluate a unit mix (units by generation id) at a site. */
export function siteLoad(ctx: SiteContext, mix: ReadonlyMap<string, number>): SiteLoad {
  const cduApproach = pickSourced(ctx.dc.cooling.cduApproachK, 'typical');
  const units: UnitsRow[] = [];
  const liquid = new Map<number, number>();
  const supplies = new Map<string, FacilitySupply | null>();
  let racks = 0;
  let accelerators = 0;
  let itKw = 0;
  let airKw = 0;
  let lpm = 0;
  const fabrics = [];
  let floor = 0;
  let ramp = 0;
  let transient = 0;
  let cdus = 0;
  // Units whose power architecture has its own facility stages (800 VDC) are fed through that branch of the chain.
  const branchIt = new Map<PowerArchitecture, number>();
  for (const [gid, n] of mix) {
    if (n <= 0) continue;
    const f = ctx.facts(gid);
    units.push({ generation: gid, units: n, racks: n * f.racks });
    racks += n * f.racks;
    accelerators += n * f.accelerators;
    itKw += n * f.inputKw;
    const architecture = f.generation.powerArchitecture;
    if (hasOwnFacilityStages(architecture)) branchIt.set(architecture, (branchIt.get(architecture) ?? 0) + n * f.inputKw);
    lpm += n * f.coolantLpm;
    fabrics.push(generationFabric(f.generation, n, ctx.fabric, f.systems / Math.max(1, f.racks)));
    floor = Math.max(floor, f.floorLoadingKgM2);
    ramp += n * f.inputKw * Math.max(0, 1 - ctx.idleFraction);
    transient += n * f.peakKw;
    const sup = facilitySupply(f, cduApproach);
    supplies.set(gid, sup);
    if (sup) liquid.set(sup.supplyC, (liquid.get(sup.supplyC) ?? 0) + n * f.liquidKw);
    else airKw += n * f.liquidKw; // liquid heat with no known supply temperature: treated as air-side heat (conservative)
    airKw += n * (f.inputKw - f.liquidKw);
    if (f.cduCapacityKw && f.liquidKw > 0) cdus += (n * f.liquidKw) / f.cduCapacityKw;
  }
  const fabric = sumFabrics(fabrics);
  itKw += fabric.switchKw;
  airKw += fabric.switchKw;
  // Storage and other IT serve the units: present whenever the site has some, cooled by air like the switches.
  const extraItKw = racks > 0 ? (ctx.overrides.storageKw ?? 0) + (ctx.overrides.otherItKw ?? 0) : 0;
  itKw += extraItKw;
  airKw += extraItKw;
  const heat: HeatLoad = {
    itKw,
    liquid: [...liquid].map(([supplyC, kw]) => ({ supplyC, kw })),
    airKw,
    ...(branchIt.size ? { branches: [...branchIt].map(([architecture, kw]) => ({ architecture, itKw: kw })) } : {}),
  };
  const model = sitePueAnnualAndPeak(ctx.dc, heat, ctx.utilization, ctx.design);
  const { annual, peak } = withPueOverrides(model, ctx.overrides);
  const indoorLossMw = model.peak.stages.filter((s) => s.indoor).reduce((s, x) => s + x.lossMw, 0);
  return {
    units,
    racks,
    accelerators,
    itKw,
    extraItKw,
    heat,
    coolantLpm: lpm,
    cdus: cdus > 0 ? Math.ceil(cdus - 1e-9) + 1 : 0,
    fabric,
    maxFloorLoadingKgM2: floor,
    rampKw: ramp,
    transientPeakKw: transient,
    supplies,
    annual,
    peak,
    computed: { annual: annual === model.annual ? null : model.annual, peak: peak === model.peak ? null : model.peak },
    // The plant rejects what the site model says it does, whatever PUE the engineer states for the meter.
    heatRejectionMw: model.peak.itMw + indoorLossMw + model.peak.coolingMw,
  };
}

/** The fixed PUE of each condition, by the rule of {@link SiteOverrides}: the annual one, and the peak one (else the annual one). */
export function fixedPues(overrides: SiteOverrides): { readonly annual: number | undefined; readonly peak: number | undefined } {
  return { annual: overrides.pueOverride, peak: overrides.peakPueOverride ?? overrides.pueOverride };
}

/** A PUE report with a fixed PUE in place of the computed one: facility = IT × PUE; the rest stays the model's. */
export function withFixedPue(report: PueReport, pue: number | undefined): PueReport {
  if (pue === undefined || report.pue === null) return report;
  return { ...report, pue, facilityMw: report.itMw * pue };
}

/** Annual and peak reports with the site's fixed PUEs applied (the same objects where nothing is fixed). */
export function withPueOverrides(model: { readonly annual: PueReport; readonly peak: PueReport }, overrides: SiteOverrides): { annual: PueReport; peak: PueReport } {
  const fixed = fixedPues(overrides);
  return { annual: withFixedPue(model.annual, fixed.annual), peak: withFixedPue(model.peak, fixed.peak) };
}

export function gpm(lpm: number): number {
  return lpmToGpm(lpm);
}

export interface FitResult {
  /** Additional units that fit before the first limit binds. */
  readonly units: number;
  readonly bindingConstraint: BindingConstraint;
  /** Remaining capacity per limit after adding `units` (null when the site sets no such limit). */
  readonly slack: {
    readonly powerMw: number;
    readonly coolingMw: number | null;
    readonly positions: number;
    readonly floorLoadingKgM2: number | null;
    readonly switchPorts: number | null;
    readonly plantRacks: number | null;
  };
  /** Units each limit alone would allow (null: not limited). */
  readonly limitUnits: Readonly<Record<Exclude<BindingConstraint, 'none'>, number | null>>;
}

const MAX_UNITS = 1_000_000;

/**
 * How many more units of a generation fit at a site on top of a mix, by each limit and together.
 * Power, cooling and switch ports are checked with the full site model (PUE changes with load) by bisection;
 * positions and plant capacity are linear; floor loading is per unit (all or nothing).
 */
export function fitMore(ctx: SiteContext, mix: ReadonlyMap<string, number>, generationId: string, limits: SiteLimits, plantRacks: number | null = null): FitResult {
  const f = ctx.facts(generationId);
  const base = mix.get(generationId) ?? 0;
  const withN = (n: number) => {
    const m = new Map(mix);
    m.set(generationId, base + n);
    return siteLoad(ctx, m);
  };
  const current = siteLoad(ctx, mix);
  const bisect = (ok: (l: SiteLoad) => boolean): number => {
    if (!ok(current)) return 0;
    let lo = 0;
    let hi = 1;
    while (hi < MAX_UNITS && ok(withN(hi))) {
      lo = hi;
      hi *= 2;
    }
    if (hi >= MAX_UNITS) return MAX_UNITS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(withN(mid))) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const byPower = bisect((l) => l.peak.facilityMw <= limits.meterMw + 1e-9);
  const byCooling = limits.heatRejectionMw === null ? null : bisect((l) => l.heatRejectionMw <= limits.heatRejectionMw! + 1e-9);
  const byPorts = limits.switchPorts === null ? null : bisect((l) => l.fabric.endpointPorts <= limits.switchPorts! + 1e-9);
  const byPositions = Math.max(0, Math.floor((limits.positions - current.racks) / f.racks + 1e-9));
  const byFloor = limits.floorLimitKgM2 === null ? null : f.floorLoadingKgM2 <= limits.floorLimitKgM2 + 1e-9 ? MAX_UNITS : 0;
  const byPlant = plantRacks === null ? null : Math.max(0, Math.floor(plantRacks / f.racks + 1e-9));
  const candidates: [Exclude<BindingConstraint, 'none'>, number | null][] = [
    ['power', byPower],
    ['cooling', byCooling],
    ['positions', byPositions],
    ['floorLoading', byFloor],
    ['switchPorts', byPorts],
    ['plantCapacity', byPlant],
  ];
  let units = MAX_UNITS;
  let binding: BindingConstraint = 'none';
  for (const [name, n] of candidates) {
    if (n !== null && n < units) {
      units = n;
      binding = name;
    }
  }
  if (units >= MAX_UNITS) {
    units = 0;
    binding = 'none';
  }
  const after = units > 0 ? withN(units) : current;
  return {
    units,
    bindingConstraint: binding,
    slack: {
      powerMw: limits.meterMw - after.peak.facilityMw,
      coolingMw: limits.heatRejectionMw === null ? null : limits.heatRejectionMw - after.heatRejectionMw,
      positions: limits.positions - after.racks,
      floorLoadingKgM2: limits.floorLimitKgM2 === null ? null : limits.floorLimitKgM2 - f.floorLoadingKgM2,
      switchPorts: limits.switchPorts === null ? null : limits.switchPorts - after.fabric.endpointPorts,
      plantRacks: plantRacks === null ? null : plantRacks - units * f.racks,
    },
    limitUnits: { power: byPower, cooling: byCooling, positions: byPositions, floorLoading: byFloor === MAX_UNITS ? null : byFloor, switchPorts: byPorts, plantCapacity: byPlant },
  };
}

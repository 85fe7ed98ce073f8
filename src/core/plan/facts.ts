/**
 * What the plan needs from one deployable unit: the per-unit engine's report reduced to power, heat by facility
 * supply temperature, compute per metric, ports, floor loading and the parts a plant builds into it.
 * @module
 */
import type { Catalog, Generation } from '../catalog/types';
import { evaluateUnit } from '../rack/evaluate';
import type { UnitOptions, UnitReport } from '../rack/types';
import { availabilityQuarter, quarterIndex } from '../sites/schedule';
import { facilityWaterClass } from '../physics/thermal';
import { computeAt, PRECISIONS } from './precision';
import type { CableAssemblies, DemandMetric, PartsBudget, Precision } from './types';

export interface UnitFacts {
  readonly generation: Generation;
  readonly report: UnitReport;
  readonly racks: number;
  readonly systems: number;
  readonly accelerators: number;
  readonly inputKw: number;
  readonly peakKw: number;
  readonly liquidKw: number;
  readonly airKw: number;
  readonly coolantLpm: number;
  readonly floorLoadingKgM2: number;
  readonly scaleOutGbps: number;
  readonly scaleOutPorts: number;
  /** Water class from the unit report (null for air-cooled units, or when the report could not size a CDU). */
  readonly waterClass: string | null;
  /** Warmest facility supply the rack tolerates per the unit report (null when not computed). */
  readonly facilitySupplyMaxC: number | null;
  /** Coolant supply at the rack (for deriving the class when the report has none). */
  readonly rackSupplyC: number | null;
  readonly cduCapacityKw: number | null;
  /** Parts per unit, without spares. */
  readonly parts: PartsBudget;
  readonly availableQuarter: number;
  /** PFLOPS per unit at each precision, read from the unit report's compute (null: not published or unsupported). */
  readonly pflops: Readonly<Record<Precision, number | null>>;
  readonly hbmTb: number | null;
  readonly hbmTbPerS: number | null;
}

/** Per-unit supply of a demand metric (null when the unit lacks it, e.g. a precision it does not support). */
export function unitMetric(f: UnitFacts, metric: DemandMetric, precision: Precision = 'fp8'): number | null {
  switch (metric) {
    case 'accelerators':
      return f.accelerators;
    case 'pflops':
      return f.pflops[precision];
    case 'hbmTb':
      return f.hbmTb;
    case 'hbmTbPerS':
      return f.hbmTbPerS;
    case 'itMw':
      return f.inputKw / 1000;
  }
}

function countKind(g: Generation, systems: number, kinds: readonly string[]): number {
  let n = 0;
  for (const c of g.components) if (kinds.includes(c.kind)) n += c.count * (c.scope === 'system' ? systems : 1);
  return n;
}

const memo = new WeakMap<Catalog, WeakMap<Generation, Map<string, UnitFacts>>>();

/**
 * Evaluate a generation once and keep what the plan uses. Memoized per catalog object, generation object and
 * options (catalogs are frozen at load, so the same objects always give the same report).
 */
export function unitFacts(generation: Generation, options: UnitOptions, catalog: Catalog): UnitFacts {
  let byGen = memo.get(catalog);
  if (!byGen) memo.set(catalog, (byGen = new WeakMap()));
  let byOpt = byGen.get(generation);
  if (!byOpt) byGen.set(generation, (byOpt = new Map<string, UnitFacts>()));
  const key = JSON.stringify(options, Object.keys(options).sort());
  let hit = byOpt.get(key);
  if (!hit) {
    hit = computeFacts(generation, options, catalog);
    byOpt.set(key, hit);
  }
  return hit;
}

function computeFacts(generation: Generation, options: UnitOptions, catalog: Catalog): UnitFacts {
  const r = evaluateUnit(generation, { ...options, units: 1 }, catalog);
  const shelf = generation.power.architecture === 'shelf';
  const cduModel = r.cooling.cdu ? catalog.cdus.find((c) => c.id === r.cooling.cdu!.id) : undefined;
  const inRackCdus = cduModel?.placement === 'in-rack' ? r.cooling.cdu!.count : 0;
  const cables: CableAssemblies[] = [
    { type: 'scale-up copper', length: 'in-rack (spine or cartridge)', count: r.cabling.scaleUpCables },
    { type: 'power whip', length: 'rack to RPP (site layout)', count: r.cabling.powerWhips },
    { type: 'liquid hose', length: 'rack to row manifold (site layout)', count: r.cabling.liquidHoses },
    { type: 'management patch (1 GbE)', length: 'in-rack', count: r.cabling.managementPorts },
  ].filter((c) => c.count > 0);
  const parts: PartsBudget = {
    powerShelves: shelf ? r.power.psus.shelves : 0,
    psus: r.power.psus.psuCount,
    busbars: shelf ? r.racks : 0,
    bbus: r.power.bbu?.count ?? 0,
    inRackCdus,
    manifoldPairs: r.cooling.liquidKw > 0 ? r.racks : 0,
    quickDisconnectPairs: r.cabling.quickDisconnectPairs,
    switchTrays: countKind(generation, r.systems, ['scale-up-switch']),
    switches: countKind(generation, r.systems, ['network', 'management']),
    transceivers: r.cabling.scaleOutPorts + r.cabling.frontEndPorts,
    cableAssemblies: cables,
  };
  return {
    generation,
    report: r,
    racks: r.racks,
    systems: r.systems,
    accelerators: r.accelerators,
    inputKw: r.power.inputKw,
    peakKw: r.power.peakKw,
    liquidKw: r.cooling.liquidKw,
    airKw: r.cooling.airKw,
    coolantLpm: r.cooling.coolantLpm,
    floorLoadingKgM2: r.space.floorLoadingKgM2,
    scaleOutGbps: r.cabling.scaleOutGbps,
    scaleOutPorts: r.cabling.scaleOutPorts,
    waterClass: r.cooling.facilityWaterClass,
    facilitySupplyMaxC: r.cooling.facilitySupplyMaxC,
    rackSupplyC: r.cooling.supplyC,
    cduCapacityKw: r.cooling.cdu?.capacityKw ?? null,
    parts,
    availableQuarter: quarterIndex(availabilityQuarter(generation.availability.date)),
    pflops: Object.fromEntries(PRECISIONS.map((p) => [p, computeAt(r.compute, p)])) as Record<Precision, number | null>,
    hbmTb: r.compute.hbmTb,
    hbmTbPerS: r.compute.hbmTbPerS,
  };
}

export interface FacilitySupply {
  /** Facility supply temperature used for the cooling bins: the warmest the rack accepts less the CDU approach. */
  readonly supplyC: number;
  /** The ASHRAE class that temperature falls in: a label of the equipment envelope, not the plant setpoint. */
  readonly waterClass: string;
  /** True when the temperature came from the site's CDU approach because the unit report had none. */
  readonly derived: boolean;
}

/**
 * Facility supply temperature a unit's liquid heat allows: the warmest the rack accepts less the CDU approach
 * (`facilitySupplyMaxC` from the unit report, or — without one — rack supply − the site's CDU approach). The ASHRAE
 * class stays a label: a rack accepting 43 °C gets 39 °C water, not the 32 °C ceiling of W32 below it.
 * Null for units without liquid heat or without a known rack supply temperature.
 */
export function facilitySupply(f: UnitFacts, siteCduApproachK: number): FacilitySupply | null {
  if (f.liquidKw <= 0) return null;
  if (f.facilitySupplyMaxC !== null) {
    return { supplyC: Math.max(2, f.facilitySupplyMaxC), waterClass: f.waterClass ?? facilityWaterClass(f.facilitySupplyMaxC) ?? 'below W17', derived: false };
  }
  if (f.rackSupplyC === null) return null;
  const max = f.rackSupplyC - siteCduApproachK;
  return { supplyC: Math.max(2, max), waterClass: facilityWaterClass(max) ?? 'below W17', derived: true };
}

/**
 * Cooling energy per kW of heat, bin by bin.
 *
 * A bin is **chiller-free** when the ambient temperature the heat rejection follows (dry bulb for dry coolers,
 * wet bulb for cooling towers) plus the rejection approach is at or below the supply temperature of the loop:
 * for the liquid loop, the facility supply the generation's ASHRAE water class allows; for the air side, the
 * chilled-water supply of the air handlers. Otherwise a chiller lifts the heat and uses heat / COP(bin).
 * Pumps and fans (CDU/loop pumps or air handlers, plus heat-rejection fans) run in every bin.
 *
 * COP(bin) = carnotFraction × T_evap / (T_cond − T_evap), T in kelvin, with
 * T_evap = supply − evaporatorOffsetK and T_cond = ambient + approach + condenserOffsetK, capped at copMax.
 * @module
 */
import { pickSourced } from '../provenance';
import type { Bin } from './climate';
import type { CoolingPlant } from './types';

export type Stream = 'liquid' | 'air';

const KELVIN = 273.15;

/** Ambient temperature the plant's heat rejection follows in a bin. */
export function rejectionAmbientC(plant: CoolingPlant, bin: { dryBulbC: number; wetBulbC: number }): number {
  return plant.rejection === 'dry-cooler' ? bin.dryBulbC : bin.wetBulbC;
}

/** Leaving temperature of the heat-rejection fluid in a bin (ambient + approach). */
export function rejectionLeavingC(plant: CoolingPlant, bin: { dryBulbC: number; wetBulbC: number }): number {
  return rejectionAmbientC(plant, bin) + pickSourced(plant.rejectionApproachK, 'typical');
}

/** True when the heat rejection alone can hold the loop's supply temperature in this bin. */
export function isChillerFree(plant: CoolingPlant, supplyC: number, bin: { dryBulbC: number; wetBulbC: number }): boolean {
  return rejectionLeavingC(plant, bin) <= supplyC;
}

/** Chiller COP at a supply temperature and ambient (see the module comment). */
export function chillerCop(plant: CoolingPlant, supplyC: number, bin: { dryBulbC: number; wetBulbC: number }): number {
  const c = plant.chiller;
  const copMax = pickSourced(c.copMax, 'typical');
  const tEvap = supplyC - pickSourced(c.evaporatorOffsetK, 'typical') + KELVIN;
  const tCond = rejectionLeavingC(plant, bin) + pickSourced(c.condenserOffsetK, 'typical') + KELVIN;
  const lift = tCond - tEvap;
  if (lift <= 0) return copMax;
  return Math.min(copMax, (pickSourced(c.carnotFraction, 'typical') * tEvap) / lift);
}

/** Pumps and fans per kW of heat for a stream (always running). */
export function auxKwPerKw(plant: CoolingPlant, stream: Stream): number {
  const own = stream === 'liquid' ? plant.liquidAuxKwPerKw : plant.airAuxKwPerKw;
  return pickSourced(own, 'typical') + pickSourced(plant.rejectionAuxKwPerKw, 'typical');
}

export interface BinCooling {
  readonly chillerFree: boolean;
  /** COP of the chiller in this bin (null when chiller-free). */
  readonly cop: number | null;
  /** Cooling electrical power per kW of heat in this bin. */
  readonly kwPerKw: number;
}

export function binCooling(plant: CoolingPlant, stream: Stream, supplyC: number, bin: { dryBulbC: number; wetBulbC: number }): BinCooling {
  const aux = auxKwPerKw(plant, stream);
  if (isChillerFree(plant, supplyC, bin)) return { chillerFree: true, cop: null, kwPerKw: aux };
  const cop = chillerCop(plant, supplyC, bin);
  return { chillerFree: false, cop, kwPerKw: aux + 1 / cop };
}

export interface AnnualCooling {
  readonly stream: Stream;
  readonly supplyC: number;
  /** Hour-weighted mean cooling power per kW of heat. */
  readonly kwPerKw: number;
  readonly chillerFreeHours: number;
  readonly chillerHours: number;
  /** Hour-weighted mean COP over the chiller hours (null when there are none). */
  readonly meanCop: number | null;
}

/** Cooling power per kW of heat averaged over the bins (hour-weighted). */
export function annualCooling(plant: CoolingPlant, stream: Stream, supplyC: number, bins: readonly Bin[]): AnnualCooling {
  let hours = 0;
  let sum = 0;
  let freeHours = 0;
  let copHours = 0;
  let copSum = 0;
  for (const b of bins) {
    const c = binCooling(plant, stream, supplyC, b);
    hours += b.hours;
    sum += c.kwPerKw * b.hours;
    if (c.chillerFree) freeHours += b.hours;
    else {
      copHours += b.hours;
      copSum += c.cop! * b.hours;
    }
  }
  return {
    stream,
    supplyC,
    kwPerKw: hours > 0 ? sum / hours : auxKwPerKw(plant, stream),
    chillerFreeHours: freeHours,
    chillerHours: copHours,
    meanCop: copHours > 0 ? copSum / copHours : null,
  };
}

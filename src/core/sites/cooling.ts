/**
 * Cooling energy and water per kW of heat, bin by bin, for a series (trim) economizer plant.
 *
 * **Economizer first, chiller trims.** The heat rejection (dry cooler, adiabatic dry cooler or tower) cools the loop's
 * return water as far as the ambient allows: to its leaving temperature = ambient + rejection approach, where the
 * ambient is the dry bulb (dry coolers), the wet bulb (towers), or for adiabatic coolers the dry bulb pre-cooled by
 * the wetted pads toward the wet bulb (pads wet only in bins where dry running alone cannot hold the supply). A chiller
 * in series lifts the rest, from that leaving temperature down to the supply:
 *
 *   chiller heat fraction f = clamp((leaving − supply) / range, 0, 1), range = return − supply of the loop
 *
 * so a bin that misses the supply by 0.8 K of a 10 K range charges 8 % of the heat to the chiller, not all of it.
 * The chiller's electrical power is f × heat / COP(bin); pumps and fans (CDU/loop pumps or air handlers, plus the
 * heat-rejection fans) run in every bin. A bin is **chiller-free** when f = 0 (leaving ≤ supply).
 *
 * COP(bin) = carnotFraction × T_evap / (T_cond − T_evap), T in kelvin, with
 * T_evap = supply − evaporatorOffsetK and T_cond = leaving + condenserOffsetK, capped at copMax.
 *
 * **Water** per kWh of heat (the heat rejected to ambient is the heat plus the chiller's compressor work):
 * - dry coolers: none;
 * - adiabatic coolers, in bins with wet pads: the water that cools the air by ΔT_pads = ε·(DB − WB) before the coil,
 *   m_water = m_air·cp_air·ΔT_pads / h_fg with m_air = Q / (cp_air·ΔT_air), i.e. Q·ΔT_pads / (ΔT_air·h_fg);
 * - cooling towers: evaporation E = share·Q / h_fg; drift D = drift fraction × circulating water (Q / (cp_w·range));
 *   blowdown B = E / (cycles − 1) − D (cycles = make-up ÷ (blowdown + drift)); make-up = E + D + B.
 * h_fg is the latent heat of vaporization at the water temperature (./psychro.ts).
 *
 * Limits: one leaving temperature per bin (no part-load approach change), fans at a fixed kW per kW, a tower's
 * sensible share fixed for the year, the loop range fixed (a real plant's range moves with load).
 * @module
 */
import { pickSourced } from '../provenance';
import type { Bin } from './climate';
import { latentHeatOfVaporizationKjPerKg } from './psychro';
import type { CoolingPlant } from './types';

export type Stream = 'liquid' | 'air';

const KELVIN = 273.15;
/** kJ in a kWh. */
const KJ_PER_KWH = 3600;
/** Specific heat of the circulating water, kJ/kg·K (liquid water at 20–40 °C). */
const WATER_CP_KJ_PER_KG_K = 4.18;

interface Weather {
  readonly dryBulbC: number;
  readonly wetBulbC: number;
}

/** Loop range (return − supply) of a stream, K. */
export function streamRangeK(plant: CoolingPlant, stream: Stream): number {
  return pickSourced(stream === 'liquid' ? plant.liquidRangeK : plant.airRangeK, 'typical');
}

function approachK(plant: CoolingPlant): number {
  return pickSourced(plant.rejectionApproachK, 'typical');
}

/** True when an adiabatic cooler wets its pads in this weather: dry running alone would not hold the supply. */
export function padsWet(plant: CoolingPlant, supplyC: number, bin: Weather): boolean {
  return plant.rejection === 'adiabatic-dry-cooler' && bin.dryBulbC + approachK(plant) > supplyC && bin.dryBulbC > bin.wetBulbC;
}

/** Inlet-air cooling by wet pads, K: ε·(DB − WB) when the pads are wet, else 0. */
function padCoolingK(plant: CoolingPlant, supplyC: number, bin: Weather): number {
  if (!padsWet(plant, supplyC, bin)) return 0;
  return pickSourced(plant.water.adiabaticSaturationEfficiency, 'typical') * (bin.dryBulbC - bin.wetBulbC);
}

/**
 * Ambient temperature the plant's heat rejection follows in a bin: dry bulb (dry coolers), wet bulb (towers), or the
 * pad-cooled dry bulb (adiabatic coolers; pads wet only when needed for `supplyC`).
 */
export function rejectionAmbientC(plant: CoolingPlant, bin: Weather, supplyC: number = Infinity): number {
  if (plant.rejection === 'cooling-tower') return bin.wetBulbC;
  return bin.dryBulbC - padCoolingK(plant, supplyC, bin);
}

/** Leaving temperature of the heat-rejection fluid in a bin (ambient + approach). */
export function rejectionLeavingC(plant: CoolingPlant, bin: Weather, supplyC: number = Infinity): number {
  return rejectionAmbientC(plant, bin, supplyC) + approachK(plant);
}

/** Share of a stream's heat the chiller must lift in this weather (see the module comment), 0…1. */
export function chillerHeatFraction(plant: CoolingPlant, stream: Stream, supplyC: number, bin: Weather): number {
  const range = streamRangeK(plant, stream);
  const shortfall = rejectionLeavingC(plant, bin, supplyC) - supplyC;
  if (shortfall <= 0) return 0;
  if (!(range > 0)) return 1;
  return Math.min(1, shortfall / range);
}

/** True when the heat rejection alone can hold the loop's supply temperature in this bin. */
export function isChillerFree(plant: CoolingPlant, supplyC: number, bin: Weather): boolean {
  return rejectionLeavingC(plant, bin, supplyC) <= supplyC;
}

/** Chiller COP at a supply temperature and ambient (see the module comment). */
export function chillerCop(plant: CoolingPlant, supplyC: number, bin: Weather): number {
  const c = plant.chiller;
  const copMax = pickSourced(c.copMax, 'typical');
  const tEvap = supplyC - pickSourced(c.evaporatorOffsetK, 'typical') + KELVIN;
  const tCond = rejectionLeavingC(plant, bin, supplyC) + pickSourced(c.condenserOffsetK, 'typical') + KELVIN;
  const lift = tCond - tEvap;
  if (lift <= 0) return copMax;
  return Math.min(copMax, (pickSourced(c.carnotFraction, 'typical') * tEvap) / lift);
}

/** Pumps and fans per kW of heat for a stream (always running). */
export function auxKwPerKw(plant: CoolingPlant, stream: Stream): number {
  const own = stream === 'liquid' ? plant.liquidAuxKwPerKw : plant.airAuxKwPerKw;
  return pickSourced(own, 'typical') + pickSourced(plant.rejectionAuxKwPerKw, 'typical');
}

/** Water the heat rejection consumes per kWh of heat rejected to ambient, L (1 kg = 1 L), in this weather. */
export function waterLPerKwhRejected(plant: CoolingPlant, stream: Stream, supplyC: number, bin: Weather): number {
  const w = plant.water;
  if (plant.rejection === 'dry-cooler') return 0;
  if (plant.rejection === 'adiabatic-dry-cooler') {
    const pad = padCoolingK(plant, supplyC, bin);
    if (pad <= 0) return 0;
    // Water evaporates at about the wet bulb on the pads.
    return (KJ_PER_KWH * pad) / (pickSourced(w.adiabaticAirRiseK, 'typical') * latentHeatOfVaporizationKjPerKg(bin.wetBulbC));
  }
  const evaporation = (pickSourced(w.towerEvaporativeShare, 'typical') * KJ_PER_KWH) / latentHeatOfVaporizationKjPerKg(rejectionLeavingC(plant, bin, supplyC));
  const range = streamRangeK(plant, stream);
  const circulating = range > 0 ? KJ_PER_KWH / (WATER_CP_KJ_PER_KG_K * range) : 0;
  const drift = pickSourced(w.driftFraction, 'typical') * circulating;
  const cycles = pickSourced(w.cyclesOfConcentration, 'typical');
  const blowdown = cycles > 1 ? Math.max(0, evaporation / (cycles - 1) - drift) : 0;
  return evaporation + drift + blowdown;
}

export interface BinCooling {
  readonly chillerFree: boolean;
  /** Share of the heat the chiller lifts (0 when chiller-free). */
  readonly chillerFraction: number;
  /** COP of the chiller in this bin (null when chiller-free). */
  readonly cop: number | null;
  /** Pumps and fans per kW of heat. */
  readonly auxKwPerKw: number;
  /** Chiller compressor per kW of heat: chillerFraction / COP. */
  readonly chillerKwPerKw: number;
  /** Cooling electrical power per kW of heat in this bin (aux + chiller). */
  readonly kwPerKw: number;
  /** True when an adiabatic cooler runs with wet pads. */
  readonly padsWet: boolean;
  /** Water per kWh of the stream's heat, L. */
  readonly waterLPerKwh: number;
}

export function binCooling(plant: CoolingPlant, stream: Stream, supplyC: number, bin: Weather): BinCooling {
  const aux = auxKwPerKw(plant, stream);
  const f = chillerHeatFraction(plant, stream, supplyC, bin);
  const cop = f > 0 ? chillerCop(plant, supplyC, bin) : null;
  const chiller = cop === null ? 0 : f / cop;
  const rejected = 1 + chiller;
  return {
    chillerFree: f === 0,
    chillerFraction: f,
    cop,
    auxKwPerKw: aux,
    chillerKwPerKw: chiller,
    kwPerKw: aux + chiller,
    padsWet: padsWet(plant, supplyC, bin),
    waterLPerKwh: rejected * waterLPerKwhRejected(plant, stream, supplyC, bin),
  };
}

export interface AnnualCooling {
  readonly stream: Stream;
  readonly supplyC: number;
  readonly rangeK: number;
  /** Hour-weighted mean cooling power per kW of heat. */
  readonly kwPerKw: number;
  readonly auxKwPerKw: number;
  readonly chillerKwPerKw: number;
  /** Hour-weighted mean share of the heat the chiller lifts (the economizer takes the rest). */
  readonly chillerHeatFraction: number;
  readonly chillerFreeHours: number;
  readonly chillerHours: number;
  /** Hour-weighted mean COP over the chiller hours (null when there are none). */
  readonly meanCop: number | null;
  /** Hour-weighted mean water per kWh of heat, L. */
  readonly waterLPerKwh: number;
  /** Hours in which the heat rejection uses water (towers: every hour). */
  readonly waterHours: number;
}

/** Cooling power and water per kW of heat averaged over the bins (hour-weighted: the heat is the same in every bin). */
export function annualCooling(plant: CoolingPlant, stream: Stream, supplyC: number, bins: readonly Bin[]): AnnualCooling {
  let hours = 0;
  let aux = 0;
  let chiller = 0;
  let fraction = 0;
  let water = 0;
  let waterHours = 0;
  let freeHours = 0;
  let copHours = 0;
  let copSum = 0;
  for (const b of bins) {
    const c = binCooling(plant, stream, supplyC, b);
    hours += b.hours;
    aux += c.auxKwPerKw * b.hours;
    chiller += c.chillerKwPerKw * b.hours;
    fraction += c.chillerFraction * b.hours;
    water += c.waterLPerKwh * b.hours;
    if (c.waterLPerKwh > 0) waterHours += b.hours;
    if (c.chillerFree) freeHours += b.hours;
    else {
      copHours += b.hours;
      copSum += c.cop! * b.hours;
    }
  }
  const mean = (x: number) => (hours > 0 ? x / hours : 0);
  const auxMean = hours > 0 ? aux / hours : auxKwPerKw(plant, stream);
  return {
    stream,
    supplyC,
    rangeK: streamRangeK(plant, stream),
    kwPerKw: auxMean + mean(chiller),
    auxKwPerKw: auxMean,
    chillerKwPerKw: mean(chiller),
    chillerHeatFraction: mean(fraction),
    chillerFreeHours: freeHours,
    chillerHours: copHours,
    meanCop: copHours > 0 ? copSum / copHours : null,
    waterLPerKwh: mean(water),
    waterHours,
  };
}

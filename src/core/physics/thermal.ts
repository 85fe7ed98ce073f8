/**
 * Heat, liquid flow and airflow.
 * @module
 */
import type { CoolantModel } from '../catalog/types';

/** 1 Btu (IT) / h in W (NIST SP 811: 1 Btu_IT/h = 0.293 071 1 W). */
export const W_PER_BTU_H = 0.29307107;
/** 1 ton of refrigeration = 12,000 Btu/h = 3,516.85 W. */
export const W_PER_TON_REFRIGERATION = 12000 * W_PER_BTU_H;
export const LITRES_PER_US_GALLON = 3.785411784;
export const M3_PER_FT3 = 0.028316846592;

/** Dry air at sea level and 20 °C (ISO 2533 / ASHRAE standard air ≈ 1.2 kg/m³), J/kg·K and kg/m³. */
export const AIR_CP_J_PER_KG_K = 1006;
export const AIR_DENSITY_SEA_LEVEL_KG_M3 = 1.2;

export interface FluidProperties {
  readonly cpJPerKgK: number;
  readonly densityKgM3: number;
}

/** Coolant cp and density at a temperature, linear between table rows, clamped at the ends. */
export function coolantProperties(coolant: CoolantModel, tempC: number): FluidProperties & { readonly clamped: boolean } {
  const t = coolant.table;
  const first = t[0]!;
  const last = t[t.length - 1]!;
  if (tempC <= first.tempC) return { cpJPerKgK: first.cpJPerKgK, densityKgM3: first.densityKgM3, clamped: tempC < first.tempC };
  if (tempC >= last.tempC) return { cpJPerKgK: last.cpJPerKgK, densityKgM3: last.densityKgM3, clamped: tempC > last.tempC };
  const i = t.findIndex((row) => row.tempC >= tempC);
  const a = t[i - 1]!;
  const b = t[i]!;
  const f = (tempC - a.tempC) / (b.tempC - a.tempC);
  return { cpJPerKgK: a.cpJPerKgK + f * (b.cpJPerKgK - a.cpJPerKgK), densityKgM3: a.densityKgM3 + f * (b.densityKgM3 - a.densityKgM3), clamped: false };
}

/** Volumetric flow (m³/s) that carries `heatW` at a temperature rise: Q = ṁ·cp·ΔT, ṁ = ρ·V̇. */
export function volumetricFlow(heatW: number, deltaTK: number, fluid: FluidProperties): number {
  return heatW / (fluid.densityKgM3 * fluid.cpJPerKgK * deltaTK);
}

export function m3sToLpm(m3s: number): number {
  return m3s * 60_000;
}
export function lpmToGpm(lpm: number): number {
  return lpm / LITRES_PER_US_GALLON;
}
export function m3sToCfm(m3s: number): number {
  return (m3s * 60) / M3_PER_FT3;
}

/**
 * Air density at altitude from the standard atmosphere pressure ratio (1 − 2.25577·10⁻⁵·h)^5.25588,
 * at constant temperature (ASHRAE Fundamentals ch. 1, eq. 3).
 */
export function airDensityAtAltitude(altitudeM: number): number {
  return AIR_DENSITY_SEA_LEVEL_KG_M3 * Math.pow(1 - 2.25577e-5 * altitudeM, 5.25588);
}

/** Airflow (m³/s) that removes `heatW` at an air temperature rise and altitude. */
export function airflow(heatW: number, deltaTK: number, altitudeM: number): number {
  return volumetricFlow(heatW, deltaTK, { cpJPerKgK: AIR_CP_J_PER_KG_K, densityKgM3: airDensityAtAltitude(altitudeM) });
}

/**
 * ASHRAE TC 9.9 (2021) facility-water classes: the number is the upper supply limit in °C; W+ is above 45 °C.
 * Returns the warmest class whose limit does not exceed the warmest facility water the rack tolerates.
 */
export const WATER_CLASSES = [
  { name: 'W17', maxC: 17 },
  { name: 'W27', maxC: 27 },
  { name: 'W32', maxC: 32 },
  { name: 'W40', maxC: 40 },
  { name: 'W45', maxC: 45 },
] as const;

export function facilityWaterClass(maxFacilitySupplyC: number): string | null {
  if (maxFacilitySupplyC > 45) return 'W+';
  let best: string | null = null;
  for (const c of WATER_CLASSES) if (c.maxC <= maxFacilitySupplyC) best = c.name;
  return best;
}

/**
 * Energy over a period from a power draw, the share of time at load, and the facility overhead (PUE): the
 * arithmetic behind "the energy one accelerator (or one rack) uses in a year at this utilization".
 * @module
 */

export const HOURS_PER_YEAR = 8760;

export interface EnergyInput {
  /** Draw at full load, kW (an accelerator's TDP, a unit's input power…). */
  readonly fullKw: number;
  /** Average load as a share of full, 0..1. */
  readonly utilization: number;
  /**
   * Draw when idle as a share of full (0..1): power at utilization u is idle + u · (full − idle). 0 makes power
   * proportional to utilization; accelerators idle well above zero, so a published idle figure belongs here.
   */
  readonly idleFraction: number;
  readonly hours: number;
  /** Facility overhead multiplier (1 = IT energy only). */
  readonly pue: number;
  readonly tariffUsdPerKwh: number | null;
  readonly carbonKgPerMwh: number | null;
}

export interface EnergyResult {
  readonly averageKw: number;
  readonly itKwh: number;
  readonly facilityKwh: number;
  readonly costUsd: number | null;
  readonly co2Tonnes: number | null;
}

export function energyOver(input: EnergyInput): EnergyResult {
  const averageKw = input.fullKw * (input.idleFraction + input.utilization * (1 - input.idleFraction));
  const itKwh = averageKw * input.hours;
  const facilityKwh = itKwh * input.pue;
  return {
    averageKw,
    itKwh,
    facilityKwh,
    costUsd: input.tariffUsdPerKwh === null ? null : facilityKwh * input.tariffUsdPerKwh,
    co2Tonnes: input.carbonKgPerMwh === null ? null : (facilityKwh / 1000) * input.carbonKgPerMwh / 1000,
  };
}

/**
 * From IT load to the facility: IT kW × PUE (+ loads the PUE leaves out) → facility kW at the meter, the utility
 * demand in kVA at the site's power factor, the backed (UPS/generator) capacity a redundancy scheme installs, and
 * energy, cost and carbon over a year at the average utilization and annual PUE.
 * PUE as The Green Grid defines it (WP #49): total facility energy ÷ IT equipment energy, measured at the meter.
 * @module
 */
import { energyOver, HOURS_PER_YEAR } from './energy';

export type BackupRedundancy = 'n' | 'n+1' | 'n+2' | '2n';

export interface FacilityBudgetInput {
  /** Design (peak) IT load, kW. */
  readonly itKw: number;
  /** Annual average PUE (energy) and design PUE (peak demand); the peak defaults to the annual one. */
  readonly pue: number;
  readonly peakPue: number;
  /** Fixed loads outside the PUE figure (offices, lighting of a campus), kW. */
  readonly fixedOverheadKw: number;
  /** Average IT load over the year as a share of design. */
  readonly utilization: number;
  /** Power factor at the utility interconnect (1: kVA = kW). */
  readonly powerFactor: number;
  readonly redundancy: BackupRedundancy;
  /** Module rating of the backed stage (UPS or generator), kW; null: one module the size of the load. */
  readonly moduleKw: number | null;
  readonly tariffUsdPerKwh: number | null;
  readonly carbonKgPerMwh: number | null;
}

export interface FacilityBudget {
  readonly designFacilityKw: number;
  readonly utilityKva: number;
  /** Backed stage: modules carrying the IT load, modules installed, installed kW. */
  readonly modulesNeeded: number;
  readonly modulesInstalled: number;
  readonly installedBackupKw: number;
  readonly averageItKw: number;
  readonly averageFacilityKw: number;
  readonly facilityMwhPerYear: number;
  readonly costUsdPerYear: number | null;
  readonly co2TonnesPerYear: number | null;
}

export function facilityBudget(input: FacilityBudgetInput): FacilityBudget {
  const designFacilityKw = input.itKw * input.peakPue + input.fixedOverheadKw;
  const moduleKw = input.moduleKw ?? input.itKw;
  const modulesNeeded = Math.max(1, Math.ceil(input.itKw / moduleKw - 1e-9));
  const modulesInstalled = input.redundancy === '2n' ? 2 * modulesNeeded : modulesNeeded + (input.redundancy === 'n+1' ? 1 : input.redundancy === 'n+2' ? 2 : 0);
  const it = energyOver({ fullKw: input.itKw, utilization: input.utilization, idleFraction: 0, hours: HOURS_PER_YEAR, pue: input.pue, tariffUsdPerKwh: null, carbonKgPerMwh: null });
  const facilityKwh = it.facilityKwh + input.fixedOverheadKw * HOURS_PER_YEAR;
  return {
    designFacilityKw,
    utilityKva: designFacilityKw / input.powerFactor,
    modulesNeeded,
    modulesInstalled,
    installedBackupKw: modulesInstalled * moduleKw,
    averageItKw: it.averageKw,
    averageFacilityKw: facilityKwh / HOURS_PER_YEAR,
    facilityMwhPerYear: facilityKwh / 1000,
    costUsdPerYear: input.tariffUsdPerKwh === null ? null : facilityKwh * input.tariffUsdPerKwh,
    co2TonnesPerYear: input.carbonKgPerMwh === null ? null : (facilityKwh / 1000) * input.carbonKgPerMwh / 1000,
  };
}

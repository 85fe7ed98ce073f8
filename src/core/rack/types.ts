/**
 * Options and report of the per-unit engine ({@link evaluateUnit}).
 * Every numeric field ends in its unit (kW at unit level; flows in SI and US units).
 * @module
 */
import type { Assumption, Basis } from '../provenance';
import type { Issue } from '../issues';
import type { ElectricalSystem, FeedRedundancy, Redundancy } from '../catalog/types';

export type CoolantId = 'water' | 'pg25';

/** Everything a user can change about a unit; omitted fields take the catalog defaults. */
export interface UnitOptions {
  /** Deployable units (totals are per unit × units). */
  readonly units?: number;
  /** Server racks: systems per rack (catalog default otherwise). */
  readonly systemsPerRack?: number;
  readonly feeds?: FeedRedundancy;
  readonly feedVolts?: number;
  readonly feedAmps?: number;
  readonly feedSystem?: ElectricalSystem;
  /** Power factor at the rack input (catalog PSU value otherwise). */
  readonly powerFactor?: number;
  readonly redundancy?: Redundancy;
  /** Continuous-load factor for breakers: 0.8 (NEC 210.20(A)), 1.0 only for 100 %-rated gear. */
  readonly continuousFactor?: number;
  readonly coolant?: CoolantId;
  /** Liquid loop temperature rise, K. */
  readonly deltaTK?: number;
  /** Air temperature rise across the rack, K. */
  readonly airDeltaTK?: number;
  readonly altitudeM?: number;
  /** Coolant supply temperature at the rack, °C (catalog value otherwise). */
  readonly coolantSupplyC?: number;
  /** CDU model id from the catalog, and its approach. */
  readonly cduId?: string;
  /** Floor loading limit, kg/m². */
  readonly floorLimitKgM2?: number;
  readonly basis?: Basis;
}

export interface ComponentPowerRow {
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly wattsEach: number;
  readonly totalKw: number;
  readonly liquidKw: number;
}

export interface PhaseLoad {
  readonly phase: 'L1' | 'L2' | 'L3';
  readonly amps: number;
}

export interface FeedReport {
  readonly side: 'A' | 'B';
  readonly volts: number;
  readonly amps: number;
  readonly system: ElectricalSystem;
  /** Breaker size of each whip. */
  readonly breakerA: number;
  /** Smallest standard breaker (NEC 240.6(A)) that carries the worst phase at the continuous factor. */
  readonly requiredBreakerA: number | null;
  readonly whips: number;
  /** Shelves (or PSUs) on this side. */
  readonly inputsOnSide: number;
  /** Usable continuous capacity of one whip. */
  readonly whipUsableKva: number;
  /** Load on this side in normal operation and when the other side has failed. */
  readonly normalKva: number;
  readonly failoverKva: number;
  /** Worst-phase current of the most loaded whip under failover. */
  readonly worstPhaseA: number;
  readonly phases: readonly PhaseLoad[];
  /** (max − mean) / mean of the phase currents, 0 when balanced. */
  readonly phaseImbalance: number;
}

export interface PowerReport {
  readonly components: readonly ComponentPowerRow[];
  /** DC-side (rack-scale) or server-input (server PSUs) maximum steady state. */
  readonly itKw: number;
  readonly typicalKw: number;
  /** At the rack input: itKw / η(load per PSU). */
  readonly inputKw: number;
  readonly inputKva: number;
  readonly peakKw: number;
  readonly psuLossKw: number;
  readonly efficiency: number;
  readonly powerFactor: number;
  readonly psus: {
    readonly id: string;
    /** Shelves (or PSUs) in the unit, and PSUs. */
    readonly shelves: number;
    readonly psuCount: number;
    readonly psuRatingW: number;
    readonly redundancy: Redundancy;
    readonly loadPerPsuFraction: number;
    /** Capacity that remains after losing the redundant PSUs. */
    readonly redundantCapacityKw: number;
    readonly peakCapacityKw: number | null;
  };
  readonly feeds: { readonly mode: FeedRedundancy; readonly continuousFactor: number; readonly sides: readonly FeedReport[] };
  readonly busVoltageV: number | null;
  readonly busbarA: number | null;
  readonly bbu: null | { readonly count: number; readonly capacityKw: number; readonly holdupS: number };
}

export interface CoolingReport {
  readonly heatKw: number;
  readonly heatBtuH: number;
  readonly heatTons: number;
  readonly liquidKw: number;
  readonly airKw: number;
  readonly liquidFraction: number;
  readonly coolant: CoolantId;
  readonly supplyC: number | null;
  readonly returnC: number | null;
  readonly deltaTK: number;
  readonly coolantLpm: number;
  readonly coolantGpm: number;
  readonly airDeltaTK: number;
  readonly airDensityKgM3: number;
  readonly airflowCfm: number;
  readonly airflowM3h: number;
  readonly facilityWaterClass: string | null;
  readonly facilitySupplyMaxC: number | null;
  readonly cdu: null | { readonly id: string; readonly name: string; readonly placement: string; readonly capacityKw: number; readonly approachK: number; readonly count: number; readonly redundancy: 'n+1' };
  readonly pressureDropKpa: number | null;
  readonly pumpKw: number | null;
}

export interface CablingReport {
  readonly scaleUpCables: number;
  readonly scaleUpLinks: number;
  readonly scaleOutPorts: number;
  readonly scaleOutGbps: number;
  readonly frontEndPorts: number;
  readonly storagePorts: number;
  readonly managementPorts: number;
  readonly powerWhips: number;
  readonly liquidHoses: number;
  readonly quickDisconnectPairs: number;
}

export interface SpaceReport {
  readonly usedU: number;
  readonly availableU: number;
  readonly weightKg: number;
  readonly weightPerRackKg: number;
  readonly footprintM2PerRack: number;
  readonly floorLoadingKgM2: number;
}

export interface ComputeReport {
  readonly accelerators: number;
  readonly cpus: number;
  readonly fp4DensePflops: number | null;
  readonly fp8DensePflops: number | null;
  readonly bf16DensePflops: number | null;
  readonly hbmTb: number | null;
  readonly hbmTbPerS: number | null;
}

export interface UnitReport {
  readonly generation: string;
  readonly name: string;
  readonly basis: Basis;
  readonly racks: number;
  readonly systems: number;
  readonly accelerators: number;
  readonly power: PowerReport;
  readonly cooling: CoolingReport;
  readonly cabling: CablingReport;
  readonly space: SpaceReport;
  readonly compute: ComputeReport;
  /** Per-unit figures × units. */
  readonly totals: {
    readonly units: number;
    readonly racks: number;
    readonly accelerators: number;
    readonly itKw: number;
    readonly inputKw: number;
    readonly inputKva: number;
    readonly peakKw: number;
    readonly liquidKw: number;
    readonly airKw: number;
    readonly coolantLpm: number;
    readonly coolantGpm: number;
    readonly airflowCfm: number;
    readonly airflowM3h: number;
    readonly cdus: number;
    readonly scaleUpCables: number;
    readonly weightKg: number;
    readonly fp8DensePflops: number | null;
    readonly hbmTb: number | null;
  };
  readonly issues: readonly Issue[];
  readonly assumptions: readonly Assumption[];
}

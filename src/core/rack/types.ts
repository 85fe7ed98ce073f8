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
  /**
   * Rack power cap: the unit's DC-side (busbar) power limit in kW, as set by the operator (NVIDIA DPS, power
   * brake). Takes precedence over `powerProfile`.
   */
  readonly powerCapKw?: number;
  /** A published power profile of the generation (`max-q`, `max-p`, …), or `uncapped` to size at full power. */
  readonly powerProfile?: string;
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
  /**
   * Average load as a share of full (0..1) for the energy figures; the catalog's plan default otherwise (the plan's
   * utilization, so a unit's energy here is the plan's energy per unit).
   */
  readonly utilization?: number;
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
  /** Input with the other side failed: this side's PSUs carry the whole load, at their efficiency at that load. */
  readonly failoverKva: number;
  /** Load per PSU on this side, and its efficiency, with the other side failed (normal-mode figures with a single feed). */
  readonly failoverLoadFraction: number;
  readonly failoverEfficiency: number;
  /** Input cords on this side (shelf cords where published, else shelves or PSU cords). */
  readonly cords: number;
  /** Plug of each whip where the shelf's cords are published (e.g. NEMA L22-30P), else null. */
  readonly connector: string | null;
  /** Worst-phase current of the most loaded whip under failover. */
  readonly worstPhaseA: number;
  readonly phases: readonly PhaseLoad[];
  /** (max − mean) / mean of the phase currents, 0 when balanced. */
  readonly phaseImbalance: number;
}

/** The power cap the figures are computed at. */
export interface PowerCapReport {
  /** Where the cap comes from: the user's kW, a named profile (the user's or the generation's default), or none. */
  readonly source: 'user' | 'profile' | 'default-profile' | 'none';
  /** Profile id and name when a profile sets the cap. */
  readonly profile: string | null;
  readonly profileName: string | null;
  /** The cap (DC side, kW per unit), null when uncapped. */
  readonly capKw: number | null;
  /** IT power without the cap; `itKw` is min(uncapped, cap). */
  readonly uncappedItKw: number;
  /** True when the cap is below the uncapped power (the components run throttled). */
  readonly limiting: boolean;
}

export interface PowerReport {
  /** Per component class; under a limiting cap each item's watts are scaled to the cap. */
  readonly components: readonly ComponentPowerRow[];
  /** DC-side (rack-scale) or server-input (server PSUs) maximum steady state, after the cap. */
  readonly itKw: number;
  /**
   * Typical operating power, where published for the components that carry the load; null ("not published")
   * otherwise, with the reason in `typicalNote`.
   */
  readonly typicalKw: number | null;
  readonly typicalNote: string;
  readonly cap: PowerCapReport;
  /** The generation's published power profiles (ids for `powerProfile`). */
  readonly profiles: readonly { readonly id: string; readonly name: string; readonly capKw: number }[];
  /** At the rack input: itKw / η(load per PSU). */
  readonly inputKw: number;
  readonly inputKva: number;
  readonly peakKw: number;
  readonly psuLossKw: number;
  readonly efficiency: number;
  readonly powerFactor: number;
  readonly psus: {
    readonly id: string;
    /** A rack power shelf of PSUs, or a PSU in a server. */
    readonly kind: 'shelf' | 'psu';
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
  /** Busbar continuous rating where published; null means the busbar ampacity is unchecked (`busbarRatingNote` says why). */
  readonly busbarRatingA: number | null;
  readonly busbarRatingNote: string;
  readonly bbu: null | { readonly count: number; readonly capacityKw: number; readonly holdupS: number };
  readonly accelerators: AcceleratorPowerReport;
}

/** The accelerators' own power beside the unit's IT power. */
export interface AcceleratorPowerReport {
  /** Accelerators × the catalog TDP at the basis (nameplate, uncapped); null when the TDP is not published. */
  readonly tdpKw: number | null;
  /** At the unit's cap: the TDP sum scaled as every component is under a limiting cap (= tdpKw when not limiting). */
  readonly kw: number | null;
  /** Share of the unit's IT power: tdpKw ÷ uncapped IT (the same ratio as kw ÷ itKw under a cap). */
  readonly shareOfIt: number | null;
  /** Accelerators × published idle power per accelerator; null where not published. */
  readonly idleKw: number | null;
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
  /**
   * The CDU model serving the unit. A row or facility CDU is shared: `sharePerRack` is the fraction of one CDU a
   * rack's liquid heat uses and `racksPerCdu` how many such racks one CDU carries; `count` is the CDUs for the
   * units asked for, with one spare (N+1), so for one rack it is not a per-rack sizing.
   */
  readonly cdu: null | { readonly id: string; readonly name: string; readonly placement: string; readonly capacityKw: number; readonly approachK: number; readonly count: number; readonly redundancy: 'n+1'; readonly sharePerRack: number; readonly racksPerCdu: number };
  readonly pressureDropKpa: number | null;
  readonly pumpKw: number | null;
}

export interface CablingReport {
  readonly scaleUpCables: number;
  readonly scaleUpLinks: number;
  readonly scaleOutPorts: number;
  /** Node-side scale-out transceiver modules: ports ÷ ports per cage (twin-port OSFP cages hold 2 ports in one module). */
  readonly scaleOutModules: number;
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
  /**
   * Where the weight comes from: the catalog's populated-unit weight (`published` / `estimate` by its confidence)
   * or frame plus items (`items`); `weightComplete` is false when some items have no weight (then the weight and the
   * floor loading are understated).
   */
  readonly weightSource: 'published' | 'estimate' | 'items';
  readonly weightComplete: boolean;
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
  /** With 2:4 sparsity where published (never 2 × dense); null: not published or the format is unsupported. */
  readonly fp4SparsePflops: number | null;
  readonly fp8SparsePflops: number | null;
  readonly bf16SparsePflops: number | null;
  readonly fp32Pflops: number | null;
  readonly fp64Pflops: number | null;
}

/** Scale-up (NVLink / NeuronLink) bandwidth, both directions counted (the vendors' convention: NVLink 5 = 1.8 TB/s). */
export interface ScaleUpReport {
  readonly topology: string;
  /** Accelerators in one scale-up domain, and the domains in the unit (4 DGX B200 systems: 4 domains of 8). */
  readonly domainAccelerators: number;
  readonly domains: number;
  /** All null when the catalog has no per-accelerator figure. */
  readonly perAcceleratorTBps: number | null;
  readonly domainTBps: number | null;
  /** Sum over every accelerator in the unit, and per rack of the unit. */
  readonly unitTBps: number | null;
  readonly perRackTBps: number | null;
}

/** Host figures of a cloud instance unit (Trn2, Trn3, Inf2), per instance and for the unit. */
export interface HostReport {
  readonly instanceType: string | null;
  readonly instances: number;
  readonly vcpuPerInstance: number;
  readonly memoryGiBPerInstance: number;
  readonly networkGbpsPerInstance: number | null;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly networkGbps: number | null;
}

/**
 * Energy in a year at a utilization (the calc energy formula: power = idle + u · (full − idle) over 8,760 h), IT side
 * only (the site's PUE is applied in the plan and the power chain).
 */
export interface EnergyReport {
  readonly utilization: number;
  readonly hours: number;
  /** The unit's IT power at the utilization, per year (idle floor 0: the plan's energy = IT × u × 8,760 h). */
  readonly unitKwhPerYear: number;
  /** The unit's IT energy per accelerator (its share of hosts, switches and fans included). */
  readonly perAcceleratorKwhPerYear: number | null;
  /** One accelerator alone at its TDP, with its published idle floor (0 where idle is not published). */
  readonly acceleratorOnlyKwhPerYear: number | null;
  /** The idle floor used for the accelerator-only figure, as a share of TDP, and whether it is published. */
  readonly acceleratorIdleFraction: number;
  readonly acceleratorIdlePublished: boolean;
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
  readonly scaleUp: ScaleUpReport;
  /** Cloud instance units only (the catalog's instance); null for other units. */
  readonly host: HostReport | null;
  readonly energy: EnergyReport;
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

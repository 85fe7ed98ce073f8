/**
 * Catalog entry types, as the core sees them once the schema (src/schema) has validated the presets.
 * Field names end in their unit (project convention): `W`, `Kg`, `V`, `C` (absolute °C), `K` (differences),
 * `Tb` (10^12 bytes), `Gbps`, `Pflops` (dense), `Lpm`, `Kpa`, `M`.
 * @module
 */
import type { Confidence, MaybeSourced, Source, Sourced } from '../provenance';
import type { NetworkCatalog } from '../fabric/types';
import type { ChainStage } from '../sites/types';

export type Vendor = 'nvidia' | 'aws' | 'amd';
export type Family = 'gpu' | 'trainium' | 'inferentia';
/** rack-scale: one system fills the rack(s); server-rack: a rack populated with servers; multi-rack: one system over several racks. */
export type UnitForm = 'rack-scale' | 'server-rack' | 'multi-rack';
export type Redundancy = 'n' | `n+${number}` | 'n+n';
export type FeedRedundancy = 'ab' | 'single';
export type ElectricalSystem = '1ph' | '3ph' | 'dc';
export type ComponentKind = 'compute' | 'scale-up-switch' | 'network' | 'management' | 'host' | 'storage' | 'power' | 'cooling' | 'other';

/** A dated availability statement (first shipments / general availability). */
export interface Availability {
  /** `YYYY`, `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM`. */
  readonly date: string;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly note?: string;
}

export interface Accelerator {
  readonly model: string;
  readonly tdpW: MaybeSourced;
  /**
   * HBM per accelerator in 10^12 bytes (decimal TB). Vendors print binary-sized HBM: NVIDIA's "GB" and AWS's "GiB"
   * are both 2^30 bytes, so both are converted (× 1.073741824); see presets/README.md, "HBM capacity".
   */
  readonly hbmTb: MaybeSourced;
  readonly hbmTbPerS: MaybeSourced;
  /** Dense peak per precision; `value: null` with reason `unsupported` when the chip lacks the format. */
  readonly fp4DensePflops: MaybeSourced;
  readonly fp8DensePflops: MaybeSourced;
  readonly bf16DensePflops: MaybeSourced;
  /** The vendor's own name for each format (NVFP4, MXFP8, …). */
  readonly formatNames: { readonly fp4: string | null; readonly fp8: string | null; readonly bf16: string | null };
  /** Scale-up bandwidth per accelerator, per direction. */
  readonly scaleUpGbpsPerDirection: MaybeSourced;
  /**
   * Peak with 2:4 structured sparsity per precision, where the vendor publishes it (never derived as 2 × dense:
   * Blackwell Ultra's FP4 gains less). Absent: not in the catalog (reported "not published").
   */
  readonly fp4SparsePflops?: MaybeSourced;
  readonly fp8SparsePflops?: MaybeSourced;
  readonly bf16SparsePflops?: MaybeSourced;
  /** FP32 (non-tensor) and FP64 peaks where published; `unsupported` when the chip lacks the format. */
  readonly fp32Pflops?: MaybeSourced;
  readonly fp64Pflops?: MaybeSourced;
  /** Idle (minimum) power of one accelerator where published. */
  readonly idleW?: MaybeSourced;
}

/** The cloud instance a unit is sold as (AWS Trn/Inf units): host figures from the provider's instance pages. */
export interface CloudInstance {
  /** The provider's instance type (trn2.48xlarge), or null where only the UltraServer is named. */
  readonly type: string | null;
  /** Instances in one system (4 trn2u.48xlarge in a Trn2 UltraServer). */
  readonly count: number;
  readonly vcpu: Sourced;
  /** Host memory per instance, GiB (2^30 bytes, as AWS prints it). */
  readonly memoryGiB: Sourced;
  /** Network (EFA/ENA) bandwidth per instance where published. */
  readonly networkGbps: MaybeSourced;
  readonly note?: string;
}

export interface Cpu {
  readonly model: string;
  readonly tdpW: MaybeSourced;
}

/** Network ports one item of a component class brings (per item, not per unit). */
export interface ComponentPorts {
  /**
   * `portsPerCage`: NIC ports per OSFP cage where one module serves several ports (2 for the twin-port cages of
   * DGX H100/H200/B200: 8 × 400G through 4 cages); 1 when absent.
   */
  readonly scaleOut?: { readonly count: number; readonly gbps: Sourced; readonly portsPerCage?: number };
  readonly frontEnd?: { readonly count: number; readonly gbps: Sourced };
  readonly storage?: { readonly count: number; readonly gbps: Sourced };
  /** BMC / management ports (1 GbE class). */
  readonly management?: { readonly count: number };
}

/** One class of identical items in the unit (compute trays, NVLink switch trays, DGX systems, ToR switches…). */
export interface ComponentClass {
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  /** `unit`: count is per deployable unit; `system`: per server (multiplied by systems in the unit). */
  readonly scope: 'unit' | 'system';
  readonly count: number;
  /** Maximum steady-state DC-side (rack-scale) or input (server PSU) power per item. */
  readonly maxPowerW: MaybeSourced;
  /** Typical operating power per item where published. */
  readonly typicalPowerW: MaybeSourced;
  /** Share of this item's heat captured by liquid (0 for air-cooled). */
  readonly liquidFraction: Sourced;
  readonly heightU: Sourced;
  readonly weightKg: MaybeSourced;
  readonly accelerators: number;
  readonly cpus: number;
  readonly ports: ComponentPorts;
  /** Quick-disconnect pairs per item on the liquid loop (supply + return = 1 pair). */
  readonly liquidQdPairs: number;
  readonly note?: string;
}

export interface ScaleUp {
  readonly topology: 'nvlink-switch' | 'baseboard-nvswitch' | 'torus' | 'ring' | 'neuronswitch';
  /** Accelerators in one scale-up domain. */
  readonly domainAccelerators: number;
  readonly racksSpanned: number;
  /** Links per accelerator into the domain. */
  readonly linksPerAccelerator: Sourced;
  /** Physical conductors per link counted as separate cables (twinax pairs in a cartridge, or cable assemblies). */
  readonly cablesPerLink: Sourced;
  /** Where the links run: only `cable` media count as scale-up cables. */
  readonly medium: 'cable' | 'pcb' | 'midplane';
  readonly note?: string;
}

/** A published rack power limit (a vendor's Max-Q / Max-P mode, or the cap a published build runs at). */
export interface PowerProfile {
  readonly id: string;
  readonly name: string;
  /** DC-side (busbar) power cap of the whole unit. */
  readonly capW: Sourced;
}

export interface PowerDelivery {
  /** `shelf`: rack power shelves feeding a busbar (count per unit); `server-psu`: PSUs inside each server (count per system). */
  readonly architecture: 'shelf' | 'server-psu';
  /** Catalog id of the shelf or PSU model (presets/components/psus.json). */
  readonly psuId: string;
  readonly count: Sourced;
  readonly redundancy: { readonly default: Redundancy; readonly confidence: Confidence; readonly sources: readonly Source[]; readonly note?: string };
  /** DC bus voltage of the rack busbar (shelf architecture). */
  readonly busVoltageV: MaybeSourced;
  /** Continuous current rating of the rack busbar, where published (null with the reason otherwise: unchecked). */
  readonly busbarRatingA?: MaybeSourced;
  /** Published power limits the unit can run at (ids unique within the generation). */
  readonly profiles?: readonly PowerProfile[];
  /** The profile the published build runs at, applied when the user sets neither a cap nor a profile. */
  readonly defaultProfile?: null | { readonly id: string; readonly confidence: Confidence; readonly sources: readonly Source[]; readonly note?: string };
  readonly shelvesLiquidCooled: boolean;
  /** Transient peak over maximum steady state. */
  readonly transientFactor: Sourced;
  /** Battery backup in the rack, if any. */
  readonly bbu: null | { readonly count: number; readonly powerW: Sourced; readonly holdupS: Sourced };
  /** Default rack feed when the user gives none: labelled with its confidence. */
  readonly defaultFeed: {
    /** Feed arrangement of the published build (`ab` when absent). */
    readonly mode?: FeedRedundancy;
    readonly volts: number;
    readonly amps: number;
    readonly system: ElectricalSystem;
    readonly confidence: Confidence;
    readonly sources: readonly Source[];
    readonly note?: string;
  };
}

/** A conversion inside the rack (800 VDC → 50 V on the blades), shown in the power chain: its loss is already inside the unit's IT power. */
export interface RackConversionStage {
  readonly id: string;
  readonly name: string;
  readonly efficiency: Sourced;
}

/**
 * How the facility feeds the rack. Absent: the site's own chain (AC distribution with a double-conversion UPS).
 * `dc-800v` (NVIDIA Kyber): its facility stages replace the site's stages below the one that also feeds the cooling
 * plant (src/core/sites/chain.ts): a rectifier to 800 VDC, energy storage on the DC bus and DC busway, no AC UPS.
 */
export interface PowerArchitecture {
  readonly id: 'ac-ups' | 'dc-800v';
  readonly name: string;
  /** Utility first; empty for `ac-ups` (the site's chain). */
  readonly facilityStages: readonly ChainStage[];
  readonly rackStages: readonly RackConversionStage[];
  /** The product of the facility and rack stage efficiencies, each at `atLoadingFraction` of its installed capacity (null for `ac-ups`: the site's chain sets it). */
  readonly endToEnd: null | {
    readonly efficiency: number;
    readonly atLoadingFraction: number;
    readonly confidence: Confidence;
    readonly sources: readonly Source[];
    readonly derivation?: { readonly formula: string; readonly from: readonly string[] };
    readonly note?: string;
  };
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly note?: string;
}

export interface Cooling {
  readonly method: 'air' | 'liquid' | 'hybrid';
  /** Coolant (TCS) supply temperature at the rack inlet. */
  readonly coolantSupplyC: MaybeSourced;
  /** Highest supply temperature the rack accepts (sets the warmest facility-water class). */
  readonly maxCoolantSupplyC: MaybeSourced;
  readonly rackPressureDropKpa: MaybeSourced;
  /** Vendor-published airflow for the whole unit, for comparison with the computed one. */
  readonly publishedAirflowCfm: MaybeSourced;
  /** Vendor-published liquid flow for the unit, for comparison. */
  readonly publishedCoolantLpm: MaybeSourced;
}

export interface RackFrame {
  readonly formFactor: string;
  readonly heightU: Sourced;
  readonly widthM: Sourced;
  readonly depthM: Sourced;
  /** Static load rating of the rack frame. */
  readonly maxLoadKg: MaybeSourced;
  /** Whole unit, populated (when published); otherwise the engine sums items plus `frameWeightKg`. */
  readonly unitWeightKg: MaybeSourced;
  readonly frameWeightKg: Sourced;
}

export interface Generation {
  readonly schemaVersion: 1;
  readonly id: string;
  /** Set on a user's own generation (a generation file, a plan that embeds it, the app's editor); absent on presets. */
  readonly userDefined?: true;
  readonly aliases: readonly string[];
  readonly name: string;
  readonly vendor: Vendor;
  readonly family: Family;
  readonly form: UnitForm;
  /** Whole racks in one deployable unit. */
  readonly racks: number;
  /** Server racks: systems per rack (default from the reference architecture, changeable). */
  readonly systemsPerRack: null | { readonly default: number; readonly min: number; readonly max: number; readonly systemName: string; readonly confidence: Confidence; readonly sources: readonly Source[]; readonly note?: string };
  readonly availability: Availability;
  readonly accelerator: Accelerator;
  readonly cpu: Cpu;
  /** Cloud instance units only: the instance type and its host vCPU, memory and network. */
  readonly instance?: CloudInstance;
  readonly components: readonly ComponentClass[];
  readonly scaleUp: ScaleUp;
  readonly power: PowerDelivery;
  /** Facility power architecture; absent: the site's own AC chain. */
  readonly powerArchitecture?: PowerArchitecture;
  readonly cooling: Cooling;
  readonly rack: RackFrame;
  readonly summary: string;
}

/** A PSU, or a power shelf of identical PSUs, from presets/components/psus.json. */
export interface PsuModel {
  readonly id: string;
  readonly name: string;
  readonly kind: 'shelf' | 'psu';
  /** PSUs in one shelf (1 for a bare PSU). */
  readonly psusPerShelf: number;
  readonly psuRatingW: Sourced;
  /** Short-duration peak the PSU can deliver (transients). */
  readonly psuPeakRatingW: MaybeSourced;
  /** Efficiency at 10/20/50/100 % load (AC in → DC out). */
  readonly efficiency: { readonly points: readonly { readonly loadFraction: number; readonly efficiency: number }[]; readonly confidence: Confidence; readonly sources: readonly Source[]; readonly note?: string };
  readonly powerFactor: Sourced;
  /** Input the shelf or PSU takes, and how its PSUs are wired to phases. */
  readonly input: { readonly system: ElectricalSystem; readonly minVolts: number; readonly maxVolts: number; readonly connection: 'line-neutral' | 'line-line' | 'dc' };
  /**
   * Input cords of one shelf where the arrangement is published (ORv3 HPR: 2 × 30 A L22-30P in North America):
   * each cord takes its own whip and breaker, and the shelf's PSUs split evenly over its cords. Absent: one
   * input per shelf (or per PSU), and whips may feed several inputs.
   */
  readonly cords?: { readonly count: number; readonly ratedAmps: number; readonly connector: string; readonly confidence: Confidence; readonly sources: readonly Source[]; readonly note?: string };
  readonly outputVolts: MaybeSourced;
  readonly heightU: number;
}

export interface CduModel {
  readonly id: string;
  readonly name: string;
  readonly placement: 'in-rack' | 'in-row' | 'facility';
  readonly capacityW: Sourced;
  /** Approach temperature difference the capacity is rated at (facility water in → TCS out). */
  readonly approachK: Sourced;
  readonly powerW: MaybeSourced;
  readonly maxFlowLpm: MaybeSourced;
}

/** Coolant properties as tables over temperature (°C), interpolated linearly. */
export interface CoolantModel {
  readonly id: 'water' | 'pg25';
  readonly name: string;
  readonly table: readonly { readonly tempC: number; readonly cpJPerKgK: number; readonly densityKgM3: number }[];
  readonly freezePointC: MaybeSourced;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly note?: string;
}

/** A price per deployable unit or per server, from presets/prices.json. */
export interface UnitPrice {
  /** `unit`: per deployable unit; `system`: per server, multiplied by the systems in the unit. */
  readonly per: 'unit' | 'system';
  readonly usd: Sourced;
}

/** Prices, cost factors and plan defaults (presets/prices.json): sourced ranges or labelled estimates. */
export interface PriceBook {
  readonly unitPrices: Readonly<Record<string, UnitPrice>>;
  readonly networkPrices: { readonly switchUsd: Sourced; readonly transceiverUsd: Sourced };
  readonly fabricDefaults: { readonly radix: Sourced; readonly portGbps: Sourced; readonly switchW: Sourced };
  readonly costFactors: { readonly itMaintenanceFractionPerYear: Sourced; readonly sparesFraction: Sourced; readonly syncIdleFraction: Sourced };
  readonly amortizationYears: Sourced;
  readonly planDefaults: { readonly horizonYears: Sourced; readonly discountRate: Sourced; readonly utilization: Sourced; readonly minOrderRacks: Sourced };
}

export interface Catalog {
  readonly version: string;
  readonly prices: PriceBook;
  readonly generations: readonly Generation[];
  readonly psus: readonly PsuModel[];
  readonly cdus: readonly CduModel[];
  readonly coolants: readonly CoolantModel[];
  /** Switches, transceivers and cable media: the plan sizes every cluster's fabric with them (evaluateCluster). */
  readonly network: NetworkCatalog;
}

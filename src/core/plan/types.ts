/**
 * The capacity plan (what a plan file holds once src/schema/plan.ts has validated it) and its report.
 * Site and plan objects use MW; money in USD; energy in MWh; emissions in metric tonnes.
 * @module
 */
import type { Generation, PsuModel } from '../catalog/types';
import type { Assumption, Basis } from '../provenance';
import type { Issue } from '../issues';
import type { UnitOptions, UnitReport } from '../rack/types';
import type { DesignBasis } from '../sites/climate';
import type { PueReport } from '../sites/pue';
import type { QuarterId, Site } from '../sites/types';

/** Dense tensor formats, the same with 2:4 structured sparsity, and FP32/FP64 (./precision.ts lists and names them). */
export type Precision = 'fp4' | 'fp8' | 'bf16' | 'fp4-sparse' | 'fp8-sparse' | 'bf16-sparse' | 'fp32' | 'fp64';
export type DemandMetric = 'accelerators' | 'pflops' | 'hbmTb' | 'hbmTbPerS' | 'itMw';
export type OrderKind = 'firm' | 'option';

/** Capacity required in service by a quarter (cumulative, across all data-center sites). */
export interface Demand {
  readonly quarter: QuarterId;
  readonly metric: DemandMetric;
  /** For `pflops`: PFLOPS at that precision (default fp8, dense). */
  readonly precision?: Precision;
  readonly value: number;
}

/** Units of a generation built at a plant in a quarter. */
export interface Order {
  readonly generation: string;
  readonly plant: string;
  readonly quarter: QuarterId;
  readonly units: number;
  readonly kind: OrderKind;
}

/** Units of a generation entering service at a data-center site in a quarter (they stay to the horizon's end). */
export interface Deployment {
  readonly site: string;
  readonly generation: string;
  readonly quarter: QuarterId;
  readonly units: number;
  /**
   * A firm order or already built: the optimizer plans around the row and never changes or removes it, and its
   * unit capex counts as firm. Open rows (the default) are the optimizer's to propose changes to, and count as option.
   */
  readonly locked?: boolean;
  /**
   * Integration plant that builds the row (a plant site id). Unset: the plan's orders build it when the plan has
   * orders for its generation; otherwise the default plant ({@link PlantChoice} `nearest`).
   */
  readonly plant?: string;
}

/** Smallest order the optimizer proposes for one deployment row; a plan's own values override the catalog default. */
export interface MinOrder {
  /** Racks per row at least (units rounded up); default `catalog.prices.planDefaults.minOrderRacks`. */
  readonly racks?: number;
  /** Units per row at least, by generation id (overrides `racks` for that generation). */
  readonly units?: Readonly<Record<string, number>>;
  /** Units per row at least, by data-center site id then generation id (overrides both above). */
  readonly sites?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Price overrides; defaults are sourced ranges in ./prices.ts. */
export interface PriceOverrides {
  /** USD per deployable unit, by generation id. */
  readonly unitUsd?: Readonly<Record<string, number>>;
  readonly switchUsd?: number;
  readonly transceiverUsd?: number;
  /** Override a site's tariff, USD/kWh, by site id. */
  readonly tariffUsdPerKwh?: Readonly<Record<string, number>>;
  /** Override a site's facility construction cost, USD per MW of IT, by site id. */
  readonly facilityUsdPerMw?: Readonly<Record<string, number>>;
}

export interface Plan {
  readonly schemaVersion: 1;
  /** Catalog version the plan was written against (a mismatch is reported as info). */
  readonly catalogVersion: string;
  readonly name: string;
  /** First quarter of the horizon. */
  readonly start: QuarterId;
  /** Horizon in years (default 7). */
  readonly horizonYears?: number;
  /** Discount rate per year for NPV (default 0.08). */
  readonly discountRate?: number;
  /** Average IT draw ÷ design IT (default 0.8). */
  readonly utilization?: number;
  /** Point of catalog ranges used for sizing (default `max`). */
  readonly basis?: Basis;
  /** Point of price ranges used for money (default `typical`). */
  readonly priceBasis?: Basis;
  /** Design condition for peak PUE (default 0.4 %). */
  readonly design?: DesignBasis;
  /** Users' own sites; one with a preset's id replaces that preset. Each may carry its own {@link SiteOverrides}. */
  readonly sites?: readonly PlanSite[];
  /**
   * Users' own generations (the preset schema; values may carry confidence `user`) that the plan's rows may name,
   * with any PSUs they bring. Their ids and aliases must not be a preset's.
   */
  readonly generations?: readonly Generation[];
  readonly psus?: readonly PsuModel[];
  readonly demand?: readonly Demand[];
  readonly orders?: readonly Order[];
  readonly deployments: readonly Deployment[];
  /** Per-unit options by generation id (feeds, redundancy, coolant, systems per rack…). */
  readonly unitOptions?: Readonly<Record<string, UnitOptions>>;
  readonly prices?: PriceOverrides;
  /**
   * Scale-out fabric switch: `switchId` names a catalog switch; default the catalog default for each generation's
   * NIC speed. `switchRadix`/`switchPortGbps` describe a switch outside the catalog (older plan files); `switchW`
   * states watts per switch.
   */
  readonly network?: { readonly switchId?: string; readonly switchRadix?: number; readonly switchPortGbps?: number; readonly switchW?: number };
  /** Spares added to every plant part budget (default 0.02). */
  readonly sparesFraction?: number;
  /** Share of design input a synchronized training job draws in its low phase (default 0.3). */
  readonly syncIdleFraction?: number;
  /** Minimum order per deployment row the optimizer honours (no stray single units unless asked). */
  readonly minOrder?: MinOrder;
}

/**
 * Figures an engineer brings for a data-center site instead of what rackplan computes or the plan sets (issue 12).
 *
 * - `pueOverride`: a fixed PUE (facility power = IT × PUE; an "overhead factor" is the same number). It is the annual
 *   figure (energy, cost, carbon) and, unless `peakPueOverride` is given, also the peak one (facility MW against the
 *   meter): an engineer who says "PUE 1.3" usually means the year's, and one number for both is the conservative
 *   reading only when the site's own peak is not higher, so the peak can be stated apart.
 * - `peakPueOverride`: a fixed PUE at the design condition only (the meter check, stranded power, fit).
 * - `utilization`: average IT draw ÷ design IT at this site, in place of the plan's (energy, cost, carbon, annual PUE).
 * - `storageKw`, `otherItKw`: IT load beside the units (storage, front-end servers, anything else), kW, present
 *   whenever the site has units in service; counted in design IT, the meter check, energy, cost, carbon and the
 *   computed PUE (as air-cooled heat).
 */
export interface SiteOverrides {
  readonly pueOverride?: number;
  readonly peakPueOverride?: number;
  readonly utilization?: number;
  readonly storageKw?: number;
  readonly otherItKw?: number;
}

/** A site inside a plan: the site model, and any figures the engineer overrides there. */
export type PlanSite = Site & SiteOverrides;

/** A report figure an override set: `pue` (annual), `peakPue` (design condition), `utilization`, and the IT added beside the units. */
export type OverriddenFigure = 'pue' | 'peakPue' | 'utilization' | 'storageKw' | 'otherItKw';

/** One overridden figure of a site, as every output states it. */
export interface SiteOverride {
  readonly figure: OverriddenFigure;
  /** The plan field that set it, e.g. `pueOverride` (on the plan's site). */
  readonly field: keyof SiteOverrides;
  readonly value: number;
  /** `kW` for IT power; `ratio` for PUE; `fraction` for utilization. */
  readonly unit: 'ratio' | 'fraction' | 'kW';
  /**
   * What rackplan would have used: the site model's PUE at the same load, or the plan's utilization. Null for IT
   * added beside the units (it replaces nothing) and for a PUE at a site without load.
   */
  readonly computed: number | null;
}

/** Parts one plant builds into racks, per week (or per unit). Counts include spares where stated. */
export interface PartsBudget {
  readonly powerShelves: number;
  readonly psus: number;
  readonly busbars: number;
  readonly bbus: number;
  readonly inRackCdus: number;
  readonly manifoldPairs: number;
  readonly quickDisconnectPairs: number;
  readonly switchTrays: number;
  readonly switches: number;
  readonly transceivers: number;
  readonly cableAssemblies: readonly CableAssemblies[];
}

export interface CableAssemblies {
  /** scale-up copper, power whip, liquid hose, management patch, NIC-to-fabric… */
  readonly type: string;
  /** Where the length is known from the design; else a length class. */
  readonly length: string;
  readonly count: number;
}

export interface UnitsRow {
  readonly generation: string;
  readonly units: number;
  readonly racks: number;
}

export interface SiteQuarter {
  readonly quarter: QuarterId;
  readonly units: readonly UnitsRow[];
  readonly racks: number;
  readonly accelerators: number;
  /** Design IT in service (Σ unit inputKw + fabric switches), MW. */
  readonly itMw: number;
  /** itMw × peakPue, against the meter limit. */
  readonly facilityMw: number;
  readonly pue: number | null;
  readonly peakPue: number | null;
  readonly meterMw: number;
  readonly headroomMw: number;
  readonly positions: number;
  readonly positionsFree: number;
  readonly heatRejectionMw: number;
  readonly coolantLpm: number;
  readonly coolantGpm: number;
  readonly cdus: number;
  readonly fabric: FabricEstimate;
  readonly switchPortsLimit: number | null;
  readonly maxFloorLoadingKgM2: number;
  /**
   * Grid swing of a synchronized training job, MW: units × input kW × (1 − idle fraction), the seconds-scale step
   * between the job's low phase and full AC input that the facility and the utility see.
   */
  readonly trainingRampMw: number;
  /**
   * Σ units × DC transient peak, MW: the microsecond spike (IT × the catalog's transient factor) the racks' power
   * smoothing absorbs; for PSU and BBU checks, not seen by the grid.
   */
  readonly transientPeakMw: number;
  readonly stranded: Stranded;
}

/** Capacity left when the site fills with more of its largest generation until the first limit binds. */
export interface Stranded {
  readonly generation: string | null;
  readonly bindingConstraint: BindingConstraint;
  readonly mw: number;
  readonly positions: number;
}

export interface SiteYear {
  readonly year: number;
  readonly racks: number;
  /** Average design IT in service over the year, MW. */
  readonly itMw: number;
  readonly facilityMw: number;
  readonly pue: number | null;
  readonly peakPue: number | null;
  readonly utilization: number;
  readonly priceUsdPerKwh: number;
  /** itMw × utilization × pue × 8,760 (× the fraction of the year inside the horizon). */
  readonly annualEnergyMwh: number;
  readonly annualEnergyCostUsd: number;
  readonly annualCo2Tonnes: number;
  /** Capacity-market price over the year ($/MW-day; null where the site pays none) and its cost on the mean facility draw. */
  readonly capacityPriceUsdPerMwDay: number | null;
  readonly annualCapacityCostUsd: number;
  /** Water the heat rejection uses in the year (× the fraction inside the horizon), m³, and per kWh of IT energy, L (WUE). */
  readonly waterM3: number;
  readonly wueLPerKwh: number | null;
  readonly fractionOfYear: number;
}

export interface SiteReport extends Omit<SiteYear, 'year' | 'fractionOfYear'> {
  readonly id: string;
  readonly name: string;
  /** The last full calendar year of the horizon (null when the horizon holds no full year). */
  readonly year: number | null;
  /** The year the site's tariff price describes; yearly prices escalate from it. */
  readonly tariffBaseYear: number;
  readonly egridSubregion: string;
  readonly co2KgPerMwh: number;
  readonly years: readonly SiteYear[];
  readonly quarters: readonly SiteQuarter[];
  /** PUE with every term, for the last full year (annual) and at the design condition at full load. */
  readonly pueDetail: PueReport | null;
  readonly peakPueDetail: PueReport | null;
  /**
   * Figures of this site the plan overrides (fixed PUE, utilization, IT beside the units), each with what it
   * replaced; empty when none. With a fixed PUE, `pue`, `peakPue` and `facilityMw` here and in `years` and `quarters`
   * are the override's, and `pueDetail`/`peakPueDetail` stay the site model's own (every term, summing to `computed`).
   */
  readonly overrides: readonly SiteOverride[];
}

export interface PlantQuarter {
  readonly quarter: QuarterId;
  readonly capacityRacksPerWeek: number;
  readonly racksPerWeek: number;
  readonly utilization: number | null;
  readonly byGeneration: readonly { readonly generation: string; readonly units: number; readonly racksPerWeek: number; readonly kind: OrderKind | 'mixed' }[];
  /** Parts per week including spares. */
  readonly partsPerWeek: PartsBudget;
}

export interface PlantReport {
  readonly id: string;
  readonly name: string;
  readonly leadTimeWeeks: number;
  readonly quarters: readonly PlantQuarter[];
  readonly peakRacksPerWeek: number;
}

/** Scale-out fabric of a site: one fat tree per generation cluster, sized by the fabric core. */
export interface FabricEstimate {
  /** Scale-out node ports into the fabric (nodes × rails); the quantity a site's `switchPorts` limit counts. */
  readonly endpointPorts: number;
  readonly tiers: number;
  /** Independent fabrics (one per generation, more when one exceeds three tiers of the radix). */
  readonly clusters: number;
  readonly leafSwitches: number;
  readonly spineSwitches: number;
  readonly coreSwitches: number;
  readonly switches: number;
  readonly transceivers: number;
  readonly switchKw: number;
  /** Per generation cluster: the switch it uses and why, breakout, split and counts. */
  readonly byGeneration: readonly FabricGenerationRow[];
  readonly source: 'fabric-core';
}

/** One generation's cluster in a site's fabric. */
export interface FabricGenerationRow {
  readonly generation: string;
  readonly units: number;
  readonly switchId: string;
  readonly switchName: string;
  readonly switchReason: 'user' | 'catalog-default' | 'custom';
  /** Where the switch watts come from (`estimate`: the catalog has none, the plan's estimate is used). */
  readonly switchWattsSource: 'catalog' | 'user' | 'estimate' | 'unknown';
  /** Each switch port runs as this many NIC-speed ports (1: no breakout). */
  readonly breakout: number;
  readonly clusters: number;
  readonly tiers: number;
  readonly leafSwitches: number;
  readonly spineSwitches: number;
  readonly coreSwitches: number;
  readonly switches: number;
}

/** How a deployment's plant was chosen: the row names it, the plan's orders build it, or the default rule. */
export type PlantChoice = 'row' | 'orders' | 'nearest';

/** The plant that builds one deployment row, and the build quarter (deployment quarter − the plant's lead time). */
export interface DeploymentBuild {
  /** Index into `plan.deployments`. */
  readonly index: number;
  readonly plant: string | null;
  readonly choice: PlantChoice;
  /** Quarter the plant builds the row (null when the plan's orders build it). */
  readonly buildQuarter: QuarterId | null;
  readonly locked: boolean;
}

/** One quarter of a demand metric: what is required (held from the latest entry), supplied, and the balance. */
export interface DemandQuarter {
  readonly quarter: QuarterId;
  /** Null before the first demand entry of this metric. */
  readonly required: number | null;
  readonly supplied: number;
  /** supplied − required: positive is surplus, negative shortfall (null without a requirement). */
  readonly balance: number | null;
  /** True when the plan has a demand entry at this quarter (the rest hold the latest entry). */
  readonly entry: boolean;
}

/** Supply against demand every quarter for one metric (and precision) the plan's demand uses. */
export interface DemandSeries {
  readonly metric: DemandMetric;
  readonly precision: Precision | null;
  /** Display unit, e.g. `PFLOPS fp8 dense`. */
  readonly unit: string;
  readonly quarters: readonly DemandQuarter[];
}

export interface DemandRow {
  readonly quarter: QuarterId;
  readonly metric: DemandMetric;
  readonly precision: Precision | null;
  readonly required: number;
  readonly supplied: number;
  readonly unmet: number;
}

export interface Totals {
  readonly capexUsd: number;
  readonly unitCapexUsd: number;
  readonly networkCapexUsd: number;
  readonly facilityCapexUsd: number;
  readonly energyCostUsd: number;
  /** Capacity-market charges (PJM) over the horizon, apart from energy; included in tcoUsd. */
  readonly capacityCostUsd: number;
  readonly maintenanceUsd: number;
  readonly tcoUsd: number;
  readonly npvTcoUsd: number;
  readonly horizonEnergyMwh: number;
  readonly horizonCo2Tonnes: number;
  /**
   * Unit capex that is committed (firm orders, locked deployment rows) and optional (option orders, open rows).
   * firm + option = unitCapexUsd; capexUsd = unitCapexUsd + networkCapexUsd + facilityCapexUsd.
   */
  readonly firmCapexUsd: number;
  readonly optionCapexUsd: number;
}

export type BindingConstraint = 'power' | 'cooling' | 'positions' | 'floorLoading' | 'switchPorts' | 'plantCapacity' | 'none';

/**
 * One generation at one site as the plan evaluated it: the per-unit engine's report with the plan's unit options
 * over the site's defaults (altitude, floor rating). Exports' unit rows and `rackplan plan --json` read these,
 * so a unit's figures have one owner.
 */
export interface PlanUnit {
  readonly generation: string;
  readonly site: string;
  readonly report: UnitReport;
}

export interface PlanReport {
  readonly schemaVersion: 1;
  readonly catalogVersion: string;
  readonly plan: { readonly name: string; readonly start: QuarterId; readonly end: QuarterId; readonly horizonYears: number; readonly discountRate: number; readonly utilization: number; readonly design: DesignBasis };
  readonly sites: readonly SiteReport[];
  /** Every generation deployed at each site, in site then generation order of first deployment. */
  readonly units: readonly PlanUnit[];
  readonly plants: readonly PlantReport[];
  readonly demand: readonly DemandRow[];
  /** Supply against demand every quarter, one series per metric (and precision) the demand uses. */
  readonly demandSeries: readonly DemandSeries[];
  /** Which plant builds each deployment row, and when. */
  readonly builds: readonly DeploymentBuild[];
  readonly totals: Totals;
  /**
   * Plan-level issues, then every unit-level warning and error of `units` (path `units.<site>.<generation>…`,
   * grouped by generation and site), so a plan never reads "no issues" while a unit has them.
   */
  readonly issues: readonly Issue[];
  readonly assumptions: readonly Assumption[];
}

/**
 * Sites as the core sees them once src/schema/sites.ts has validated the presets (or a user's own site).
 * A site has roles: an integration plant (racks built per week by date) and/or a data center
 * (meter power by date, positions, climate, tariff, grid carbon, facility power chain and cooling plant).
 * Site-level numbers use MW (project convention); temperatures end in `C` (absolute °C) or `K` (differences).
 * @module
 */
import type { Confidence, MaybeSourced, Source, Sourced } from '../provenance';

/** A calendar quarter, `YYYY-Qn`. */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

/** One step of a value that changes by date: `value` applies from quarter `from` until the next step. */
export interface Step {
  readonly from: QuarterId;
  readonly value: Sourced;
}

/** Provenance for a list or table of numbers that share one source (monthly normals, efficiency points). */
export interface Attributed {
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  readonly derivation?: { readonly formula: string; readonly from: readonly string[] };
  readonly note?: string;
}

/** Twelve monthly values (January first) in one unit, with their provenance. */
export interface MonthlySeries extends Attributed {
  readonly unit: string;
  readonly values: readonly number[];
}

export interface Station {
  readonly name: string;
  /** ICAO and WMO identifiers where known. */
  readonly icao: string;
  readonly wmo: string | null;
  readonly distanceKm: Sourced;
  readonly elevationM: MaybeSourced;
}

/** A design condition: dry bulb with its coincident wet bulb. */
export interface DesignPoint {
  readonly dryBulbC: Sourced;
  readonly wetBulbC: Sourced;
}

export interface Climate {
  readonly station: Station;
  /** NOAA monthly normals: mean daily maximum, mean daily minimum and daily mean dry bulb. */
  readonly monthly: {
    readonly dryBulbMaxC: MonthlySeries;
    readonly dryBulbMinC: MonthlySeries;
    readonly dryBulbMeanC: MonthlySeries;
    /** Monthly mean dew point (measured where published, otherwise a labelled estimate). */
    readonly dewPointC: MonthlySeries;
  };
  /**
   * Design conditions. `cooling04`: 0.4 % dry bulb and mean coincident wet bulb (dry coolers);
   * `evaporation04`: 0.4 % wet bulb and mean coincident dry bulb (towers); `extreme20`: 20-year return values.
   */
  readonly design: {
    readonly cooling04: DesignPoint;
    readonly evaporation04: DesignPoint;
    readonly extreme20: DesignPoint;
  };
  /** Optional typical-year bins (e.g. counted from a TMY file); when present they replace the derived bins. */
  readonly bins: null | (Attributed & { readonly rows: readonly { readonly dryBulbC: number; readonly wetBulbC: number; readonly hours: number }[] });
}

export type StageRedundancy = 'n' | 'n+1' | 'n+2' | '2n' | 'dr';
export type StageKind = 'mv-switchgear' | 'transformer' | 'ups' | 'bbu' | 'busway' | 'rpp' | 'other';

/** One stage of the facility power chain, listed from the utility towards the rack. */
export interface ChainStage {
  readonly id: string;
  readonly name: string;
  readonly kind: StageKind;
  /** N, N+1, N+2, 2N, or distributed redundant (`dr`: `drGroup` modules carry the load of `drGroup − 1`). */
  readonly redundancy: StageRedundancy;
  readonly drGroup?: number;
  /** Rating of one module (transformer, UPS module, busway run) in MW. */
  readonly moduleRatingMw: Sourced;
  /** Efficiency at load fractions of the installed capacity, linear between points and flat beyond them. */
  readonly efficiency: Attributed & { readonly points: readonly { readonly loadFraction: number; readonly efficiency: number }[] };
  /** True when the mechanical (cooling) load and the fixed overhead are also fed through this stage. */
  readonly carriesMechanical: boolean;
  /** True when the stage sits indoors: its losses become heat the air-side cooling must remove. */
  readonly indoor: boolean;
}

export interface PowerChain {
  readonly stages: readonly ChainStage[];
  readonly note?: string;
}

/**
 * How the site rejects heat: dry coolers follow the dry bulb and use no water; adiabatic-assisted dry coolers wet
 * their inlet pads (air cooled toward the wet bulb, water evaporated) only when dry running cannot hold the loop's
 * supply; (open) cooling towers follow the wet bulb and use water all year (evaporation, drift, blowdown).
 */
export type Rejection = 'dry-cooler' | 'adiabatic-dry-cooler' | 'cooling-tower';

/** What the heat rejection consumes in water (see ./cooling.ts for the formulas). */
export interface WaterUse {
  /** Adiabatic pads: saturation efficiency, the fraction of (dry bulb − wet bulb) the pads take off the inlet air. */
  readonly adiabaticSaturationEfficiency: Sourced;
  /** Adiabatic coolers: air temperature rise across the coil (sets the air, hence water, per kW rejected). */
  readonly adiabaticAirRiseK: Sourced;
  /** Cooling towers: the share of the rejected heat that leaves as evaporation (the rest leaves as sensible heat). */
  readonly towerEvaporativeShare: Sourced;
  /** Cooling towers: cycles of concentration, make-up ÷ (blowdown + drift); set by the make-up water's chemistry. */
  readonly cyclesOfConcentration: Sourced;
  /** Cooling towers: drift (droplets carried out by the fans) as a fraction of the circulating water. */
  readonly driftFraction: Sourced;
}

/** The cooling plant that rejects the site's heat (liquid loop and air side). */
export interface CoolingPlant {
  /** Dry coolers follow the dry bulb; cooling towers the wet bulb; adiabatic coolers the dry bulb, pre-cooled toward the wet bulb when needed. */
  readonly rejection: Rejection;
  /** Range of the facility-water loop (return − supply) the economizer and chiller share: sets the chiller's share of the heat. */
  readonly liquidRangeK: Sourced;
  /** Range of the air side's chilled water (return − supply). */
  readonly airRangeK: Sourced;
  readonly water: WaterUse;
  /** Leaving-fluid approach of the heat rejection (plus any plate heat exchanger) to the ambient temperature it follows. */
  readonly rejectionApproachK: Sourced;
  /** Chilled-water supply for the air-cooled part of the heat (CRAH/fan-wall coils). */
  readonly airSupplyC: Sourced;
  /** Pumps and fans that run whenever heat is rejected, kW per kW of heat: CDU and loop pumps (liquid), */
  readonly liquidAuxKwPerKw: Sourced;
  /** air handlers (air side), */
  readonly airAuxKwPerKw: Sourced;
  /** and the heat-rejection fans and condenser pumps (both). */
  readonly rejectionAuxKwPerKw: Sourced;
  /** Chiller model: COP = carnotFraction × T_evap / (T_cond − T_evap), capped at copMax. */
  readonly chiller: {
    readonly carnotFraction: Sourced;
    /** T_evap = supply − evaporatorOffsetK. */
    readonly evaporatorOffsetK: Sourced;
    /** T_cond = ambient (DB or WB) + rejection approach + condenserOffsetK. */
    readonly condenserOffsetK: Sourced;
    readonly copMax: Sourced;
  };
  /** Approach of the row CDUs (facility water → rack coolant) when the unit report gives no water class. */
  readonly cduApproachK: Sourced;
}

/** A capacity market's clearing prices, per MW-day of the load's capacity obligation. */
export interface CapacityCharge {
  /** The market and auction, e.g. "PJM RPM Base Residual Auction". */
  readonly market: string;
  /** The zone or locational deliverability area the site's load sits in. */
  readonly zone: string;
  /** Clearing prices by delivery year; `deliveryYear` is the year the delivery period starts (PJM: June 1 to May 31). */
  readonly prices: readonly { readonly deliveryYear: number; readonly priceUsdPerMwDay: Sourced }[];
}

export interface PlantRole {
  /** Racks the plant can build per week, by date. */
  readonly racksPerWeek: readonly Step[];
  /** Generation ids the plant builds; `*` for every catalog generation. */
  readonly generations: readonly string[];
  /** Build-to-ship lead time (integration, test, crating). */
  readonly leadTimeWeeks: Sourced;
  readonly note?: string;
}

export interface DataCenterRole {
  /** Power available at the utility meter, by date. */
  readonly meterMw: readonly Step[];
  /** Rack positions available, by date. */
  readonly rackPositions: readonly Step[];
  /** Heat the cooling plant can reject, by date (empty: not limited separately from power). */
  readonly heatRejectionMw: readonly Step[];
  /** Scale-out fabric ports available (empty: not limited). */
  readonly switchPorts: readonly Step[];
  readonly floorLimitKgM2: MaybeSourced;
  readonly altitudeM: Sourced;
  readonly climate: Climate;
  readonly tariff: {
    readonly priceUsdPerKwh: Sourced;
    /** The year the price describes; escalation applies from it. */
    readonly baseYear: number;
    readonly escalationPerYear: Sourced;
    readonly utility: string;
    /**
     * A capacity-market charge paid on top of the energy price (PJM's Reliability Pricing Model for Ohio), by
     * delivery year; null where the price above already carries capacity (vertically integrated utilities) or no
     * such market applies.
     */
    readonly capacity: CapacityCharge | null;
  };
  readonly grid: {
    readonly operator: string;
    readonly egridSubregion: string;
    readonly co2KgPerMwh: Sourced;
  } & Attributed;
  readonly powerChain: PowerChain;
  readonly cooling: CoolingPlant;
  /** Lighting, offices, security, controls: a fixed fraction of the design IT load in service. */
  readonly fixedOverheadFraction: Sourced;
  readonly costs: {
    /** Construction per MW of critical (IT) load. */
    readonly facilityCapexUsdPerMw: Sourced;
    /** Facility operation and maintenance per year, as a fraction of facility capex. */
    readonly facilityOpexFractionPerYear: Sourced;
  };
}

export interface Site {
  readonly schemaVersion: 1;
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly location: { readonly county: string; readonly latitudeDeg: number; readonly longitudeDeg: number } & Attributed;
  readonly roles: { readonly plant: PlantRole | null; readonly dataCenter: DataCenterRole | null };
  readonly summary: string;
  /** Public facts about the site (investment, products) with sources. */
  readonly facts: readonly ({ readonly text: string } & Attributed)[];
}

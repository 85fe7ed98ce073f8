/**
 * The app's state: a plain-JSON design document (what undo/redo, exports and share links carry) and the
 * user's display preferences (kept apart: toggling units or theme is not an edit of the design).
 * @module
 */
import type { Plan } from '../core/plan/types';
import type { UnitOptions } from '../core/rack/types';

/** Limits the site gives a unit that the per-unit engine does not know; used by the budget meters only. */
export interface SiteLimits {
  /** Heat the room's air side can remove per deployable unit, W. */
  readonly airHeatLimitW?: number;
  /** Heat the liquid loop (CDU share) can remove per deployable unit, W. */
  readonly liquidHeatLimitW?: number;
}

export interface RackDesign {
  /** Catalog generation id (never an alias: aliases are resolved when the state is made). */
  readonly generationId: string;
  /** Options handed to the engine exactly as stored; omitted fields take catalog defaults. */
  readonly options: UnitOptions;
  readonly limits: SiteLimits;
  /** Data-center site the unit is placed at (sites catalog id), once sites exist. */
  readonly siteId?: string;
}

/** What the Compare view compares against: every generation sized to the same target. */
export type CompareTargetKind =
  | 'accelerators'
  | 'itPower'
  | 'fp8Pflops'
  | 'fp4Pflops'
  | 'bf16Pflops'
  | 'fp8SparsePflops'
  | 'fp4SparsePflops'
  | 'bf16SparsePflops'
  | 'fp32Pflops'
  | 'fp64Pflops'
  | 'facilityPower'
  | 'budgetUsd';

export interface CompareDesign {
  readonly generationIds: readonly string[];
  /** `itPower` in W (canonical SI), `fp8Pflops` in dense FP8 PFLOPS. */
  readonly target: { readonly kind: CompareTargetKind; readonly value: number };
  /** Data-center site the options are costed at (tariff, PUE, carbon); default: the rack designer's site. */
  readonly siteId?: string;
  /** Systems per rack by generation id for server-rack generations; default: the catalog's. */
  readonly systemsPerRack?: Readonly<Record<string, number>>;
}

/** The capacity plan (the core's plan file, plain JSON) and the optimizer's settings. */
export interface PlanDesign {
  readonly plan: Plan;
  readonly optimizer: {
    /** Generations the optimizer may build and deploy. */
    readonly generations: readonly string[];
    readonly objective: 'npv' | 'time';
  };
}

/** Scale-out fabric and floor layout for a cluster of the rack designer's generation. */
export interface FabricDesign {
  /**
   * The cluster's size, exactly one of the two (the schema refuses both or neither): accelerators, rounded up to
   * whole units when the fabric is sized, or deployable units.
   */
  readonly accelerators?: number;
  readonly units?: number;
  readonly switchId?: string;
  /** Appliance, storage and gateway ports on the compute fabric, by group (`ufm` × 4 gives ufm1…ufm4). */
  readonly extraEndpoints?: readonly { readonly name: string; readonly ports: number }[];
  /** Speed the switch's ports run at (a breakout such as 400 on an 800G switch); default: matched to the NIC. */
  readonly portGbps?: number;
  /** Where the leaves sit: per rail (default), in every rack, or a pair per row. */
  readonly topology?: 'rail' | 'tor' | 'row';
  /** Leaf down : up. */
  readonly oversubscription?: number;
  /** Spine down : up (three tiers). */
  readonly spineOversubscription?: number;
  readonly planes?: number;
  readonly tiers?: 'auto' | 2 | 3;
  readonly spineDesign?: 'full' | 'rail';
  readonly racksPerRow?: number;
  readonly rowSpacingM?: number;
  readonly trayHeightM?: number;
  readonly slackPct?: number;
  readonly leafPlacement?: 'in-rack' | 'eor' | 'mor' | 'network-row';
  readonly spinePlacement?: 'eor' | 'mor' | 'network-row';
}

/** The design document: everything undo/redo, exports and share links carry. Plain JSON. */
export interface DesignState {
  readonly rack: RackDesign;
  readonly compare: CompareDesign;
  readonly fabric: FabricDesign;
  readonly plan: PlanDesign;
}

export type UnitSystem = 'si' | 'us';
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Prefs {
  readonly units: UnitSystem;
  readonly theme: ThemeChoice;
}

/** A store snapshot: plain JSON, versioned, what exporters, share links and autosave read and write. */
export interface AppSnapshot {
  readonly app: 'rackplan';
  readonly schemaVersion: 1;
  readonly catalogVersion: string;
  readonly design: DesignState;
  readonly prefs: Prefs;
}

/**
 * Accepted ranges and defaults of everything a user sets on the design document, stated once. The design
 * schema (src/schema/design.ts), the plan schema, the store's edit check, the form fields' hints and the CLI
 * flags all read these tables; nothing else writes a range for the same field.
 * (Per-unit engine options have their own table, `UNIT_OPTION_LIMITS` in src/schema/unit-option-limits.ts.)
 * No zod here: the form fields read these tables in the first render, before the schemas load
 * (the zod number for a limit is `limitedNumber` in src/schema/limited-number.ts).
 * @module
 */
import { DEFAULT_LAYOUT } from '../core/fabric/floor-layout-defaults';

/** An accepted numeric range (canonical SI units unless `unit` says otherwise). */
export interface NumericLimit {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** `min` itself is refused (e.g. a price above 0). */
  readonly exclusiveMin?: boolean;
  /** `max` itself is refused. */
  readonly exclusiveMax?: boolean;
  /** Unit word for messages ("m", "%", "W"). */
  readonly unit?: string;
  /** What is accepted, in words, when the generic wording ("a number from 0.5 to 100 m") reads badly. */
  readonly accepts?: string;
  /** The value the engine uses when the user sets none. */
  readonly default?: number;
}

/** A limit bound for messages: digit groups for large whole numbers (10,000,000), plain otherwise (0.01). */
export function formatBound(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 10_000) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return String(n);
}

/** What a limit accepts, in words: "a whole number from 1 to 100,000", "a number above 0 and below 10". */
export function acceptsText(limit: NumericLimit): string {
  if (limit.accepts) return limit.accepts;
  const kind = limit.integer ? 'a whole number' : 'a number';
  const unit = limit.unit ? ` ${limit.unit}` : '';
  const lo = formatBound(limit.min);
  const hi = formatBound(limit.max);
  if (!limit.exclusiveMin && !limit.exclusiveMax) return `${kind} from ${lo} to ${hi}${unit}`;
  return `${kind} ${limit.exclusiveMin ? 'above' : 'from'} ${lo}${limit.exclusiveMin ? '' : unit} and ${limit.exclusiveMax ? 'below' : 'at most'} ${hi}${unit}`;
}

/** Whether `value` is a finite number inside the limit. */
export function isWithin(value: unknown, limit: NumericLimit): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (limit.integer && !Number.isInteger(value)) return false;
  if (limit.exclusiveMin ? value <= limit.min : value < limit.min) return false;
  return limit.exclusiveMax ? value < limit.max : value <= limit.max;
}

/** Scale-out fabric and floor layout of the Fabric view (`FabricDesign`). Defaults are the core's. */
export const FABRIC_DESIGN_LIMITS = {
  units: { min: 1, max: 100_000, integer: true, default: 16 },
  /** The cluster sized by accelerators (rounded up to whole units); the same range as Compare's accelerator target. */
  accelerators: { min: 1, max: 10_000_000, integer: true, default: 1152 },
  oversubscription: { min: 1, max: 64, default: 1 },
  /** Spine down : up at three tiers (the leaf's is `oversubscription`). */
  spineOversubscription: { min: 1, max: 64, default: 1 },
  /** Speed the scale-out switch's ports run at (a breakout); the core refuses a speed the switch cannot run. Default: matched to the NIC. */
  portGbps: { min: 1, max: 3200, unit: 'Gb/s' },
  planes: { min: 1, max: 16, integer: true, default: 1 },
  racksPerRow: { min: 1, max: 10_000, integer: true, default: DEFAULT_LAYOUT.racksPerRow },
  rowSpacingM: { min: 0.5, max: 100, unit: 'm', default: DEFAULT_LAYOUT.rowSpacingM },
  trayHeightM: { min: 0.5, max: 20, unit: 'm', default: DEFAULT_LAYOUT.trayHeightM },
  slackPct: { min: 0, max: 200, unit: '%', default: DEFAULT_LAYOUT.slackPct },
} as const satisfies Record<string, NumericLimit>;

/** Appliance, storage and gateway ports on the compute fabric (`FabricDesign.extraEndpoints`): named groups of ports. */
export const FABRIC_ENDPOINT_LIMITS = {
  ports: { min: 1, max: 100_000, integer: true },
  groups: 16,
  /** Names become device names in the schedule (`ufm1`, `ufm2`…): ending in a letter keeps `ufm` + 11 apart from `ufm1` + 1. */
  nameAccepts: 'lowercase letters, digits and hyphens, starting and ending with a letter (at most 24), not node or cdu',
} as const;

/** The fabric's choice fields: accepted values (defaults: `rail`, `auto`, `full`, and the core's `DEFAULT_LAYOUT` placements). */
export const FABRIC_DESIGN_CHOICES = {
  /** Leaves per rail (rail-optimized), in every rack (top of rack), or a pair per row (src/core/fabric/evaluate-cluster.ts); default `rail`. */
  topology: ['rail', 'tor', 'row'],
  tiers: ['auto', 2, 3],
  spineDesign: ['full', 'rail'],
  leafPlacement: ['in-rack', 'eor', 'mor', 'network-row'],
  spinePlacement: ['eor', 'mor', 'network-row'],
} as const;

/** Heat a site can remove per deployable unit (the rack designer's budget meters). */
export const SITE_LIMIT_LIMITS = {
  airHeatLimitW: { min: 0, max: 5e6, unit: 'W' },
  liquidHeatLimitW: { min: 0, max: 5e6, unit: 'W' },
} as const satisfies Record<string, NumericLimit>;

/** Plan settings (the Plan view, plan files, `rackplan` flags). */
export const PLAN_SETTING_LIMITS = {
  horizonYears: { min: 1, max: 15, integer: true, accepts: 'a whole number of years from 1 to 15', default: 7 },
  // Below 1 % the energy figures stop meaning anything (and a denormal like 5e-324 overflows a division).
  utilization: { min: 0.01, max: 1, accepts: 'a fraction from 0.01 to 1 (1–100 %)', default: 0.8 },
  discountRate: { min: 0, max: 0.5, accepts: 'a rate from 0 to 0.5 per year', default: 0.08 },
  /** Units of one generation deployed at one site in one quarter (plan grid cells, orders). */
  deploymentUnits: { min: 0, max: 10_000_000, integer: true },
  tariffUsdPerKwh: { min: 0, max: 10, exclusiveMin: true, exclusiveMax: true, accepts: 'a price in USD/kWh above 0 and below 10' },
} as const satisfies Record<string, NumericLimit>;

/**
 * Figures a plan's site may override (`sites[i].pueOverride`…; src/core/plan/types.ts `SiteOverrides` says what each
 * does). A PUE from 1.0 (no overhead at all) to 3.0 (an old enterprise room); IT beside the units up to 1 GW.
 */
export const SITE_OVERRIDE_LIMITS = {
  pueOverride: { min: 1, max: 3, accepts: 'a PUE from 1.0 to 3.0 (facility power ÷ IT power, annual)' },
  peakPueOverride: { min: 1, max: 3, accepts: 'a PUE from 1.0 to 3.0 (facility power ÷ IT power at the design condition)' },
  utilization: PLAN_SETTING_LIMITS.utilization,
  storageKw: { min: 0, max: 1_000_000, unit: 'kW', accepts: 'a power from 0 to 1,000,000 kW' },
  otherItKw: { min: 0, max: 1_000_000, unit: 'kW', accepts: 'a power from 0 to 1,000,000 kW' },
} as const satisfies Record<string, NumericLimit>;

/** The plan's name. */
export const PLAN_NAME_LENGTH = { min: 1, max: 200 } as const;

/**
 * The Compare view's common target, per kind: accelerators, IT power in W, PFLOPS at a precision (dense or 2:4 sparse FP8, FP4,
 * BF16; FP32; FP64), power at the meter in W
 * (facility, peak PUE) and a capex budget in USD.
 */
export const COMPARE_TARGET_LIMITS = {
  accelerators: { min: 1, max: 10_000_000, integer: true },
  itPower: { min: 1000, max: 5e9, unit: 'W' },
  fp8Pflops: { min: 1, max: 1e9 },
  fp4Pflops: { min: 1, max: 1e9 },
  bf16Pflops: { min: 1, max: 1e9 },
  fp8SparsePflops: { min: 1, max: 1e9 },
  fp4SparsePflops: { min: 1, max: 1e9 },
  bf16SparsePflops: { min: 1, max: 1e9 },
  fp32Pflops: { min: 0.001, max: 1e9 },
  fp64Pflops: { min: 0.001, max: 1e9 },
  facilityPower: { min: 1000, max: 5e9, unit: 'W' },
  budgetUsd: { min: 100_000, max: 1e13 },
} as const satisfies Record<string, NumericLimit>;

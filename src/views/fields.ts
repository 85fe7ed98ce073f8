/**
 * The editable fields of the rack designer, the Fabric view and the Plan view: label, display kind, accepted
 * range and default (from the design schema's tables, src/schema/limits.ts and src/schema/unit-options.ts) and a
 * short help text. Components render these; they never hard-code limits.
 * @module
 */
import { acceptsText, isWithin, COMPARE_TARGET_LIMITS, FABRIC_DESIGN_LIMITS, PLAN_SETTING_LIMITS, SITE_LIMIT_LIMITS, type NumericLimit } from '../schema/limits';
import { UNIT_OPTION_LIMITS } from '../schema/unit-option-limits';
import type { UnitOptions } from '../core/rack/types';
import type { DisplayKind } from './format';
import type { SiteLimits } from '../state/types';

export type NumericOptionKey = keyof typeof UNIT_OPTION_LIMITS;

export interface NumericField<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly kind: DisplayKind;
  /** Accepted range in canonical SI units. */
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly help: string;
  /** Example of what a user may type (shown as the placeholder when empty). */
  readonly example?: string;
  /** The engine's value when the user sets none, in the field's units. */
  readonly defaultValue?: number;
  /** The stored value is the shown value × this (slack is shown as a fraction, stored in %); default 1. */
  readonly storedPerShown?: number;
  /** What the design schema accepts, in words (for messages outside a form, e.g. a grid cell). */
  readonly accepts: string;
  /** The schema's limit on the stored value (open bounds included), when the field has one. */
  readonly limit?: NumericLimit;
}

/** Whether the design schema accepts a value typed into a field (in the field's shown units). */
export function fieldAccepts(field: NumericField, shown: number): boolean {
  const stored = shown * (field.storedPerShown ?? 1);
  if (field.limit) return isWithin(stored, field.limit);
  return Number.isFinite(shown) && (!field.integer || Number.isInteger(shown)) && shown >= field.min && shown <= field.max;
}

/** A field from a schema limit: range, whole-number rule and default come from the limit. */
function fromLimit<K extends string>(key: K, limit: NumericLimit, label: string, kind: DisplayKind, help: string, extra: Partial<Omit<NumericField, 'key' | 'min' | 'max'>> = {}): NumericField<K> {
  const per = extra.storedPerShown ?? 1;
  return {
    key,
    label,
    kind,
    min: limit.min / per,
    max: limit.max / per,
    ...(limit.integer ? { integer: true } : {}),
    ...(limit.default !== undefined ? { defaultValue: limit.default / per } : {}),
    help,
    accepts: acceptsText(limit),
    limit,
    ...extra,
  };
}

const L = UNIT_OPTION_LIMITS;
const f = (key: NumericOptionKey, label: string, kind: DisplayKind, help: string, extra: Partial<Omit<NumericField, 'key'>> = {}): NumericField<NumericOptionKey> => ({
  key, label, kind, min: L[key].min, max: L[key].max, help, accepts: acceptsText({ ...L[key], integer: extra.integer }), ...extra,
});

/** Numeric engine options, in the order the form shows them, grouped. */
export const OPTION_FIELDS = {
  units: f('units', 'Deployable units', 'count', 'How many of this unit to deploy; totals multiply.', { integer: true }),
  systemsPerRack: f('systemsPerRack', 'Systems per rack', 'count', 'Servers per rack (server racks only).', { integer: true }),
  feedVolts: f('feedVolts', 'Feed voltage', 'voltage', '3-phase: line-to-line.', { example: '415 V' }),
  feedAmps: f('feedAmps', 'Breaker rating', 'current', 'Whip breaker per circuit.', { example: '60 A' }),
  powerFactor: f('powerFactor', 'Power factor', 'ratio', 'At the rack input.'),
  continuousFactor: f('continuousFactor', 'Continuous factor', 'ratio', 'NEC 210.20(A): 0.8; 1.0 only for 100 %-rated gear.'),
  deltaTK: f('deltaTK', 'Liquid ΔT', 'temperatureDifference', 'Coolant temperature rise across the rack.', { example: '18 degF' }),
  airDeltaTK: f('airDeltaTK', 'Air ΔT', 'temperatureDifference', 'Air temperature rise front to back.', { example: '20 degF' }),
  altitudeM: f('altitudeM', 'Altitude', 'length', 'Site elevation; thinner air needs more airflow.', { example: '300 m' }),
  coolantSupplyC: f('coolantSupplyC', 'Coolant supply', 'temperature', 'Rack inlet (TCS) temperature.', { example: '35 degC' }),
  floorLimitKgM2: f('floorLimitKgM2', 'Floor rating', 'arealMass', 'Floor load rating over the rack footprint.', { example: '1200 kg/m²' }),
  // Stored in kW (the engine option), shown and typed as power (W canonical): stored = shown × 0.001.
  powerCapKw: {
    ...f('powerCapKw', 'Power cap', 'power', "Rack power limit, DC side; overrides the profile. Empty: the generation's published profile.", { example: '132 kW', storedPerShown: 0.001 }),
    min: L.powerCapKw.min * 1000,
    max: L.powerCapKw.max * 1000,
  },
} as const satisfies Record<NumericOptionKey, NumericField<NumericOptionKey>>;

export type LimitKey = keyof SiteLimits;

/** Limits the budgets compare against that the engine does not take. */
export const LIMIT_FIELDS: Record<LimitKey, NumericField<LimitKey>> = {
  airHeatLimitW: fromLimit('airHeatLimitW', SITE_LIMIT_LIMITS.airHeatLimitW, 'Air heat removal available', 'heatRate', 'Per unit, from the room (CRAH / fan wall).', { example: '450000 BTU/h' }),
  liquidHeatLimitW: fromLimit('liquidHeatLimitW', SITE_LIMIT_LIMITS.liquidHeatLimitW, 'Liquid heat removal available', 'heatRate', 'Per unit, the loop / CDU share.', { example: '150 kW' }),
};

const FL = FABRIC_DESIGN_LIMITS;

/** Numeric fields of the Fabric view (`FabricDesign`). */
export const FABRIC_FIELDS = {
  units: fromLimit('units', FL.units, 'Units in the cluster', 'count', ''),
  accelerators: fromLimit('accelerators', FL.accelerators, 'Accelerators in the cluster', 'count', '', { example: '1024' }),
  oversubscription: fromLimit('oversubscription', FL.oversubscription, 'Leaf oversubscription', 'ratio', 'Leaf down : up'),
  spineOversubscription: fromLimit('spineOversubscription', FL.spineOversubscription, 'Spine oversubscription', 'ratio', 'Spine down : up (three tiers)'),
  portGbps: fromLimit('portGbps', FL.portGbps, 'Switch port speed', 'count', 'Gb/s; one of the switch’s port speeds'),
  planes: fromLimit('planes', FL.planes, 'Planes', 'count', ''),
  racksPerRow: fromLimit('racksPerRow', FL.racksPerRow, 'Racks per row', 'count', ''),
  rowSpacingM: fromLimit('rowSpacingM', FL.rowSpacingM, 'Row pitch', 'length', ''),
  trayHeightM: fromLimit('trayHeightM', FL.trayHeightM, 'Cable tray height', 'length', ''),
  slackPct: fromLimit('slackPct', FL.slackPct, 'Slack', 'percent', '', { storedPerShown: 100 }),
} as const satisfies { [K in keyof typeof FL]: NumericField<K> };

/** The Compare view's target field, per target kind. */
export const COMPARE_TARGET_FIELDS = {
  accelerators: fromLimit('accelerators', COMPARE_TARGET_LIMITS.accelerators, 'Accelerators', 'count', '', { example: '1152' }),
  itPower: fromLimit('itPower', COMPARE_TARGET_LIMITS.itPower, 'IT power', 'power', '', { example: '10 MW' }),
  fp8Pflops: fromLimit('fp8Pflops', COMPARE_TARGET_LIMITS.fp8Pflops, 'Dense FP8 PFLOPS', 'count', '', { example: '5000' }),
  fp4Pflops: fromLimit('fp4Pflops', COMPARE_TARGET_LIMITS.fp4Pflops, 'Dense FP4 PFLOPS', 'count', '', { example: '10000' }),
  bf16Pflops: fromLimit('bf16Pflops', COMPARE_TARGET_LIMITS.bf16Pflops, 'Dense BF16 PFLOPS', 'count', '', { example: '2500' }),
  fp8SparsePflops: fromLimit('fp8SparsePflops', COMPARE_TARGET_LIMITS.fp8SparsePflops, 'FP8 sparse (2:4) PFLOPS', 'count', '', { example: '10000' }),
  fp4SparsePflops: fromLimit('fp4SparsePflops', COMPARE_TARGET_LIMITS.fp4SparsePflops, 'FP4 sparse (2:4) PFLOPS', 'count', '', { example: '20000' }),
  bf16SparsePflops: fromLimit('bf16SparsePflops', COMPARE_TARGET_LIMITS.bf16SparsePflops, 'BF16 sparse (2:4) PFLOPS', 'count', '', { example: '5000' }),
  fp32Pflops: fromLimit('fp32Pflops', COMPARE_TARGET_LIMITS.fp32Pflops, 'FP32 PFLOPS', 'count', '', { example: '80' }),
  fp64Pflops: fromLimit('fp64Pflops', COMPARE_TARGET_LIMITS.fp64Pflops, 'FP64 PFLOPS', 'count', '', { example: '40' }),
  facilityPower: fromLimit('facilityPower', COMPARE_TARGET_LIMITS.facilityPower, 'Facility power at the meter', 'power', '', { example: '20 MW' }),
  budgetUsd: fromLimit('budgetUsd', COMPARE_TARGET_LIMITS.budgetUsd, 'Capex budget (USD)', 'count', '', { example: '500000000' }),
} as const satisfies { [K in keyof typeof COMPARE_TARGET_LIMITS]: NumericField<K> };

const PL = PLAN_SETTING_LIMITS;

/** Numeric fields of the Plan view: settings, a grid cell's units, a site's tariff. */
export const PLAN_FIELDS = {
  horizonYears: fromLimit('horizonYears', PL.horizonYears, 'Horizon (years)', 'count', ''),
  utilization: fromLimit('utilization', PL.utilization, 'Utilization', 'percent', 'Average draw ÷ design'),
  discountRate: fromLimit('discountRate', PL.discountRate, 'Discount rate', 'percent', 'Per year, for NPV'),
  deploymentUnits: fromLimit('deploymentUnits', PL.deploymentUnits, 'Units', 'count', 'Units deployed at the site in the quarter'),
  tariffUsdPerKwh: fromLimit('tariffUsdPerKwh', PL.tariffUsdPerKwh, 'Tariff', 'ratio', 'USD per kWh'),
} as const satisfies { [K in keyof typeof PL]: NumericField<K> };

/** Choice options (select fields). */
export const CHOICES = {
  feeds: [
    { value: 'ab', label: 'A/B' },
    { value: 'single', label: 'Single' },
  ],
  feedSystem: [
    { value: '3ph', label: '3-phase' },
    { value: '1ph', label: '1-phase' },
    { value: 'dc', label: 'DC' },
  ],
  redundancy: [
    { value: 'n', label: 'N' },
    { value: 'n+1', label: 'N+1' },
    { value: 'n+2', label: 'N+2' },
    { value: 'n+3', label: 'N+3' },
    { value: 'n+n', label: 'N+N' },
  ],
  coolant: [
    { value: 'water', label: 'Water' },
    { value: 'pg25', label: 'PG25 glycol' },
  ],
  basis: [
    { value: 'max', label: 'Max' },
    { value: 'typical', label: 'Typical' },
    { value: 'min', label: 'Min' },
  ],
} as const satisfies Partial<Record<keyof UnitOptions, readonly { value: string; label: string }[]>>;

export type ChoiceKey = keyof typeof CHOICES;

/** Human label of any option key (for undo labels and messages). */
export function optionLabel(key: keyof UnitOptions): string {
  const numeric = (OPTION_FIELDS as Record<string, NumericField | undefined>)[key];
  if (numeric) return numeric.label;
  const names: Partial<Record<keyof UnitOptions, string>> = {
    feeds: 'Feeds', feedSystem: 'Feed system', redundancy: 'Shelf redundancy', coolant: 'Coolant', basis: 'Basis', cduId: 'CDU', powerProfile: 'Power profile',
  };
  return names[key] ?? key;
}

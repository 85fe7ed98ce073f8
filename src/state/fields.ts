/**
 * The editable fields of the rack designer: label, display kind, accepted range (from the shared option
 * schema, src/schema/unit-options.ts) and a short help text. Components render these; they never hard-code limits.
 * @module
 */
import { UNIT_OPTION_LIMITS } from '../schema/unit-options';
import type { UnitOptions } from '../core/rack/types';
import type { DisplayKind } from './format';
import type { SiteLimits } from './types';

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
}

const L = UNIT_OPTION_LIMITS;
const f = (key: NumericOptionKey, label: string, kind: DisplayKind, help: string, extra: Partial<Omit<NumericField, 'key'>> = {}): NumericField<NumericOptionKey> => ({
  key, label, kind, min: L[key].min, max: L[key].max, help, ...extra,
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
} as const satisfies Record<NumericOptionKey, NumericField<NumericOptionKey>>;

export type LimitKey = keyof SiteLimits;

/** Limits the budgets compare against that the engine does not take. */
export const LIMIT_FIELDS: Record<LimitKey, NumericField<LimitKey>> = {
  airHeatLimitW: { key: 'airHeatLimitW', label: 'Air heat removal available', kind: 'heatRate', min: 0, max: 5e6, help: 'Per unit, from the room (CRAH / fan wall).', example: '450000 BTU/h' },
  liquidHeatLimitW: { key: 'liquidHeatLimitW', label: 'Liquid heat removal available', kind: 'heatRate', min: 0, max: 5e6, help: 'Per unit, the loop / CDU share.', example: '150 kW' },
};

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
    feeds: 'Feeds', feedSystem: 'Feed system', redundancy: 'Shelf redundancy', coolant: 'Coolant', basis: 'Basis', cduId: 'CDU',
  };
  return names[key] ?? key;
}

/**
 * The editable fields of the rack designer and the Fabric view (the Plan and Compare views' are in ./plan-fields.ts):
 * label, display kind, accepted range and default (from the design schema's tables, src/schema/limits.ts and
 * src/schema/unit-options.ts) and a short help text. Components render these; they never hard-code limits.
 * @module
 */
import { acceptsText, FABRIC_DESIGN_LIMITS, SITE_LIMIT_LIMITS } from '../schema/limits';
import { UNIT_OPTION_LIMITS } from '../schema/unit-option-limits';
import type { UnitOptions } from '../core/rack/types';
import type { DisplayKind } from './format';
import { fromLimit, type NumericField } from './numeric-field';
import type { SiteLimits } from '../state/types';

export { fieldAccepts, fromLimit, type NumericField } from './numeric-field';

export type NumericOptionKey = keyof typeof UNIT_OPTION_LIMITS;

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

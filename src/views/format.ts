/**
 * Numbers for people: SI or US display units, thousands separators, sensible precision, the unit always shown.
 *
 * Display conversions here are fixed factors (exact by definition, or the core's own constants) so the first
 * paint does not need mathjs; parsing what people type goes through src/units (mathjs), loaded on demand.
 * test/state/format.test.ts checks every factor against src/units.
 * @module
 */
import { LITRES_PER_US_GALLON, M3_PER_FT3, W_PER_BTU_H } from '../core/physics/thermal';
import { formatNumber } from '../units/format-number';
import type { UnitSystem } from '../state/types';
import { err, type Result } from '../core/result';

/** What a displayed number measures; each kind has one canonical (SI) unit the state stores. */
export type DisplayKind =
  | 'count' // items
  | 'ratio' // 0…1, shown as is
  | 'percent' // 0…1, shown as %
  | 'voltage' // V
  | 'current' // A
  | 'power' // W, shown in kW
  | 'apparentPower' // VA, shown in kVA
  | 'heatRate' // W, shown in kW (SI) or BTU/h (US)
  | 'temperature' // °C
  | 'temperatureDifference' // K
  | 'length' // m
  | 'mass' // kg
  | 'arealMass' // kg/m²
  | 'liquidFlow' // L/min
  | 'airflow' // m³/h
  | 'pressure' // kPa
  | 'rackUnits' // U
  | 'time'; // s

const FT_PER_M = 1 / 0.3048;
const LB_PER_KG = 1 / 0.45359237;
const LB_FT2_PER_KG_M2 = 0.3048 ** 2 * LB_PER_KG;
const CFM_PER_M3H = 1 / (M3_PER_FT3 * 60);
const PSI_PER_KPA = 1 / 6.894757293168;

interface Conversion {
  readonly unit: string;
  /** SI value → display value. */
  readonly to: (v: number) => number;
  /** Display value → SI value. */
  readonly from: (v: number) => number;
  /** The mathjs spelling of the display unit, used as the default unit of a bare typed number. */
  readonly parseUnit?: string;
}

const same = (unit: string, parseUnit?: string): Conversion => ({ unit, to: (v) => v, from: (v) => v, parseUnit });
const scale = (unit: string, k: number, parseUnit?: string): Conversion => ({ unit, to: (v) => v * k, from: (v) => v / k, parseUnit });

const TABLE: Record<DisplayKind, Record<UnitSystem, Conversion>> = {
  count: { si: same(''), us: same('') },
  ratio: { si: same(''), us: same('') },
  percent: { si: scale('%', 100), us: scale('%', 100) },
  voltage: { si: same('V', 'V'), us: same('V', 'V') },
  current: { si: same('A', 'A'), us: same('A', 'A') },
  power: { si: scale('kW', 1e-3, 'kW'), us: scale('kW', 1e-3, 'kW') },
  apparentPower: { si: scale('kVA', 1e-3, 'kVA'), us: scale('kVA', 1e-3, 'kVA') },
  heatRate: { si: scale('kW', 1e-3, 'kW'), us: scale('BTU/h', 1 / W_PER_BTU_H, 'BTU/h') },
  temperature: {
    si: same('°C', 'degC'),
    us: { unit: '°F', to: (c) => c * 1.8 + 32, from: (f) => (f - 32) / 1.8, parseUnit: 'degF' },
  },
  temperatureDifference: { si: same('K', 'K'), us: scale('°F', 1.8, 'degF') },
  length: { si: same('m', 'm'), us: scale('ft', FT_PER_M, 'ft') },
  mass: { si: same('kg', 'kg'), us: scale('lb', LB_PER_KG, 'lb') },
  arealMass: { si: same('kg/m²'), us: scale('lb/ft²', LB_FT2_PER_KG_M2) },
  liquidFlow: { si: same('L/min', 'L/min'), us: scale('gpm', 1 / LITRES_PER_US_GALLON, 'gpm') },
  airflow: { si: same('m³/h', 'm^3/h'), us: scale('CFM', CFM_PER_M3H, 'CFM') },
  pressure: { si: same('kPa', 'kPa'), us: scale('psi', PSI_PER_KPA, 'psi') },
  rackUnits: { si: same('U'), us: same('U') },
  time: { si: same('s', 's'), us: same('s', 's') },
};

/** Display unit label of a kind in a system ('' for plain counts). */
export function displayUnit(kind: DisplayKind, system: UnitSystem): string {
  return TABLE[kind][system].unit;
}

/** The mathjs unit a bare typed number is read in, for the field's kind and system. */
export function parseUnit(kind: DisplayKind, system: UnitSystem): string | undefined {
  return TABLE[kind][system].parseUnit;
}

/** Canonical SI value → display value. */
export function toDisplayValue(value: number, kind: DisplayKind, system: UnitSystem): number {
  return TABLE[kind][system].to(value);
}

/** Display value → canonical SI value. */
export function fromDisplayValue(value: number, kind: DisplayKind, system: UnitSystem): number {
  return TABLE[kind][system].from(value);
}

/** The one number formatter (shared with the CLI, the PDF and the core's messages): its rules are in src/core/format.ts. */
export { formatNumber } from '../units/format-number';

/** A canonical SI value formatted in the display unit: "132.4 kW", "1,360 kg", "95 °F". */
export function formatValue(value: number, kind: DisplayKind, system: UnitSystem, digits?: number): string {
  const c = TABLE[kind][system];
  const n = formatNumber(c.to(value), digits);
  return c.unit ? `${n}${c.unit === '%' ? '' : '\u00a0'}${c.unit}` : n;
}

/** An accepted range for a field, in the display unit: "1–40 K", "33.8–104 °F". */
export function formatRange(min: number, max: number, kind: DisplayKind, system: UnitSystem): string {
  const c = TABLE[kind][system];
  const lo = formatNumber(c.to(min));
  const hi = formatNumber(c.to(max));
  return c.unit ? `${lo}–${hi}\u00a0${c.unit}` : `${lo}–${hi}`;
}

/** Units this module parses itself (mathjs has no kind for them). */
const AREAL: Record<string, number> = {
  'kg/m2': 1,
  'kg/m²': 1,
  'kg/m^2': 1,
  'lb/ft2': 1 / LB_FT2_PER_KG_M2,
  'lb/ft²': 1 / LB_FT2_PER_KG_M2,
  'lb/ft^2': 1 / LB_FT2_PER_KG_M2,
  psf: 1 / LB_FT2_PER_KG_M2,
};

export type LocalParse = Result<number, string>;

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[-+]?\d+)?$/i;

/** Parse a plain number, allowing thousands separators ("100,000"). */
export function parsePlainNumber(text: string): number | null {
  const t = text.trim();
  if (!t || !NUMBER.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * Parse input of kinds src/units does not cover (counts, ratios, %, kg/m², U, s), in canonical SI.
 * Returns null for kinds that need src/units (mathjs).
 */
export function parseLocal(text: string, kind: DisplayKind, system: UnitSystem): LocalParse | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (kind === 'arealMass') {
    const m = /^([-+0-9.,e]+)\s*(.*)$/i.exec(t);
    const n = m ? parsePlainNumber(m[1]!) : null;
    if (!m || n === null) return err('a floor rating such as "1200 kg/m²" or "250 lb/ft²"');
    const unit = m[2]!.trim();
    if (!unit) return { ok: true, value: fromDisplayValue(n, kind, system) };
    const k = AREAL[unit.toLowerCase().replace('lbs', 'lb')];
    return k === undefined ? err(`a floor rating in kg/m² or lb/ft² (got unit "${unit}")`) : { ok: true, value: n * k };
  }
  if (kind === 'count' || kind === 'ratio' || kind === 'rackUnits' || kind === 'percent' || kind === 'time') {
    const pct = kind === 'percent' && t.endsWith('%');
    const n = parsePlainNumber(pct ? t.slice(0, -1) : t);
    if (n === null) return err(kind === 'count' ? 'a whole number' : 'a number');
    return { ok: true, value: kind === 'percent' ? n / 100 : n };
  }
  return null;
}

/** Money for people, on the shared rules (src/core/format.ts): $950, $12.3 k, $14.6 M, $1.23 B. */
export { formatUsd } from '../units/format-number';

/** A PUE or one of its terms to 3 fixed decimals, as the CLI prints it. */
export { formatPue } from '../units/format-number';

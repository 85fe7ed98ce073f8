/**
 * Parse what a user typed into a field: local rules for counts, ratios and kg/m², src/units (mathjs, loaded on
 * first use so the first paint does not wait for it) for everything with a physical unit.
 * @module
 */
import { fromDisplayValue, parseLocal, parseUnit, type DisplayKind } from './format';
import type { UnitSystem } from '../state/types';
import { err, type Result } from '../core/result';

type UnitsModule = typeof import('../units/quantity');
let units: Promise<UnitsModule> | undefined;

/** Load the units module (mathjs) once; call early (idle time) so the first edit does not wait. */
export function loadUnits(): Promise<UnitsModule> {
  units ??= import('../units/quantity');
  return units;
}

export type FieldParse = Result<number, string>;

/** Remove thousands separators between digits and non-breaking spaces. */
export function normaliseTyped(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/(\d),(?=\d{3}\b)/g, '$1').trim();
}

const MATH_KIND: Partial<Record<DisplayKind, { kind: import('../units/quantity').QuantityKind; scale: number }>> = {
  voltage: { kind: 'voltage', scale: 1 },
  current: { kind: 'current', scale: 1 },
  power: { kind: 'power', scale: 1 },
  heatRate: { kind: 'power', scale: 1 },
  apparentPower: { kind: 'apparentPower', scale: 1 },
  temperature: { kind: 'temperature', scale: 1 },
  temperatureDifference: { kind: 'temperatureDifference', scale: 1 },
  length: { kind: 'length', scale: 1 },
  mass: { kind: 'mass', scale: 1 },
  liquidFlow: { kind: 'volumeFlow', scale: 60_000 }, // m³/s → L/min
  airflow: { kind: 'volumeFlow', scale: 3600 }, // m³/s → m³/h
  pressure: { kind: 'pressure', scale: 1e-3 }, // Pa → kPa
};

/**
 * Parse a typed value of a field into the canonical unit of its kind. A bare number is read in the
 * field's display unit for the current system (so "95" in a °F field means 95 °F).
 */
export async function parseField(text: string, kind: DisplayKind, system: UnitSystem): Promise<FieldParse> {
  const t = normaliseTyped(text);
  const local = parseLocal(t, kind, system);
  if (local) return local;
  const bare = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t);
  if (bare) return { ok: true, value: fromDisplayValue(Number(t), kind, system) };
  const mk = MATH_KIND[kind];
  if (!mk) return err('a number');
  const { parseQuantity } = await loadUnits();
  const r = parseQuantity(t, mk.kind, parseUnit(kind, system));
  return r.ok ? { ok: true, value: r.value * mk.scale } : r;
}

/**
 * Quantities at the boundary: the only module that imports mathjs. Parses what people type
 * ('132 kW', '450000 BTU/h', '35 degC', '2.5 gpm', a ΔT of '18 degF') into canonical SI numbers and
 * converts SI numbers to SI or US display units (the test oracle for src/views/format.ts). Numbers are printed
 * by ./format-number.ts, which does not load mathjs. The core never sees a unit string.
 * @module
 */
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import { err, type Result } from '../core/result';

type MathUnits = ReturnType<typeof createMath>;
let instance: MathUnits | undefined;

function createMath() {
  const m = create({ unitDependencies: unitDependencies!, createUnitDependencies: createUnitDependencies! });
  // Units mathjs lacks; names must be alphanumeric.
  m.createUnit('CFM', '1 ft^3/min');
  m.createUnit('gpm', '1 gal/min');
  m.createUnit('lpm', '1 L/min');
  m.createUnit('tonRefrigeration', '12000 BTU/h');
  m.createUnit('rackU', '44.45 mm');
  return m;
}

/** Built on first use: a CLI call with plain numbers never pays for mathjs set-up. */
function math(): MathUnits {
  instance ??= createMath();
  return instance;
}

/** What a field holds; each kind has one canonical SI unit the core uses. */
export type QuantityKind =
  | 'power' // W
  | 'apparentPower' // VA
  | 'temperature' // °C (absolute)
  | 'temperatureDifference' // K
  | 'volumeFlow' // m³/s
  | 'length' // m
  | 'mass' // kg
  | 'voltage' // V
  | 'current' // A
  | 'pressure'; // Pa

/** Examples of accepted input per kind, used in error messages. */
export const ACCEPTED: Record<QuantityKind, string> = {
  power: 'a power such as "132 kW", "450000 BTU/h", "37.5 tonRefrigeration" or "900 W"',
  apparentPower: 'an apparent power such as "34.5 kVA"',
  temperature: 'a temperature such as "35 degC", "95 degF" or "308.15 K"',
  temperatureDifference: 'a temperature difference such as "10 K", "10 degC" or "18 degF"',
  volumeFlow: 'a flow such as "180 L/min", "47.5 gpm", "6450 CFM" or "10950 m^3/h"',
  length: 'a length such as "30 m" or "100 ft"',
  mass: 'a mass such as "1360 kg" or "3000 lb"',
  voltage: 'a voltage such as "415 V"',
  current: 'a current such as "60 A"',
  pressure: 'a pressure such as "150 kPa" or "20 psi"',
};

const MATH_UNIT: Record<Exclude<QuantityKind, 'temperature' | 'temperatureDifference'>, string> = {
  power: 'W',
  apparentPower: 'W', // mathjs gives VA the base of W; the kinds are kept apart below
  volumeFlow: 'm^3/s',
  length: 'm',
  mass: 'kg',
  voltage: 'V',
  current: 'A',
  pressure: 'Pa',
};

/** A parsed SI number, or what is accepted (a sentence). */
export type ParseResult = Result<number, string>;

const fail = (message: string): ParseResult => err(message);

/** Normalise the spellings people use into mathjs unit names. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/°\s*C\b/g, 'degC')
    .replace(/°\s*F\b/g, 'degF')
    .replace(/\bdeg ?C\b/gi, 'degC')
    .replace(/\bdeg ?F\b/gi, 'degF')
    .replace(/\bBtu\b/gi, 'BTU')
    .replace(/\bBTU ?\/ ?(hr|h)\b/gi, 'BTU/h')
    .replace(/\b(GPM|gpm)\b/g, 'gpm')
    .replace(/\b(LPM|lpm)\b/g, 'lpm')
    .replace(/\bl\/min\b/g, 'L/min')
    .replace(/\bcfm\b/gi, 'CFM')
    .replace(/\b(TR|RT|tons? of refrigeration|refrigeration tons?|ton\(refrigeration\))\b/gi, 'tonRefrigeration')
    .replace(/m3\/h\b/g, 'm^3/h')
    .replace(/m³/g, 'm^3');
}

/**
 * Parse a typed quantity into the canonical SI unit of its kind.
 * A bare number is read in the canonical unit (or `defaultUnit` when given).
 * @example parseQuantity('450000 BTU/h', 'power') // { ok: true, value: 131881.98… }
 * @example parseQuantity('18 degF', 'temperatureDifference') // { ok: true, value: 10 }
 */
export function parseQuantity(text: string, kind: QuantityKind, defaultUnit?: string): ParseResult {
  if (typeof text !== 'string' || text.trim() === '') return fail(`${ACCEPTED[kind]} (got nothing)`);
  if (text.length > 100) return fail(`${ACCEPTED[kind]} (got a text of ${text.length} characters)`);
  const t = normalise(text);
  const bare = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t);
  if (bare) {
    const n = Number(t);
    if (!Number.isFinite(n)) return fail(`${ACCEPTED[kind]} (got ${JSON.stringify(text)})`);
    return defaultUnit ? parseQuantity(`${t} ${defaultUnit}`, kind) : { ok: true, value: n };
  }
  if (/\bton(s)?\b/i.test(t)) {
    return fail(`"ton" is ambiguous (refrigeration ton, tonne or short ton): write "tonRefrigeration" (12,000 BTU/h), "tonne" or "kg"`);
  }
  const m = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(.+)$/i.exec(t);
  if (!m) return fail(`${ACCEPTED[kind]} (got ${JSON.stringify(text)})`);
  const n = Number(m[1]);
  const unitText = m[2]!.trim();
  if (!Number.isFinite(n)) return fail(`${ACCEPTED[kind]} (got ${JSON.stringify(text)})`);

  if (kind === 'temperatureDifference') {
    // mathjs treats degC/degF as absolute; a difference scales only.
    if (/^(K|kelvin|degC|C)$/i.test(unitText) && !/^k$/.test(unitText)) return { ok: true, value: n };
    if (/^(degF|F|R|degR|rankine)$/i.test(unitText)) return { ok: true, value: n / 1.8 };  // n finite ⇒ n/1.8 finite
    return fail(`${ACCEPTED[kind]} (got ${JSON.stringify(text)})`);
  }
  const isApparent = /VA\b/.test(unitText);
  if (kind === 'power' && isApparent) return fail(`kVA is apparent power; give real power in W or kW (kW = kVA × power factor) (got ${JSON.stringify(text)})`);
  if (kind === 'apparentPower' && !isApparent) return fail(`${ACCEPTED[kind]}; real power (W, kW) is not apparent power (got ${JSON.stringify(text)})`);
  let value: number;
  try {
    const u = math().unit(`${n} ${unitText}`);
    value = kind === 'temperature' ? u.toNumber('degC') : u.toNumber(MATH_UNIT[kind]);
  } catch {
    return fail(`${ACCEPTED[kind]} (got ${JSON.stringify(text)})`);
  }
  // A huge number times a unit factor can overflow to Infinity: refuse it rather than pass it on.
  if (!Number.isFinite(value)) return fail(`${ACCEPTED[kind]}, of a finite size (got ${JSON.stringify(text)})`);
  return { ok: true, value };
}

export type UnitSystem = 'si' | 'us';

/** Display unit per kind and system; power stays kW in both (the industry quotes kW everywhere). */
const DISPLAY: Record<QuantityKind, Record<UnitSystem, { unit: string; mathUnit?: string; label: string }>> = {
  power: { si: { unit: 'kW', label: 'kW' }, us: { unit: 'kW', label: 'kW' } },
  apparentPower: { si: { unit: 'kW', label: 'kVA' }, us: { unit: 'kW', label: 'kVA' } },
  temperature: { si: { unit: 'degC', label: '°C' }, us: { unit: 'degF', label: '°F' } },
  temperatureDifference: { si: { unit: 'K', label: 'K' }, us: { unit: 'degF', label: '°F' } },
  volumeFlow: { si: { unit: 'lpm', label: 'L/min' }, us: { unit: 'gpm', label: 'gpm' } },
  length: { si: { unit: 'm', label: 'm' }, us: { unit: 'ft', label: 'ft' } },
  mass: { si: { unit: 'kg', label: 'kg' }, us: { unit: 'lb', label: 'lb' } },
  voltage: { si: { unit: 'V', label: 'V' }, us: { unit: 'V', label: 'V' } },
  current: { si: { unit: 'A', label: 'A' }, us: { unit: 'A', label: 'A' } },
  pressure: { si: { unit: 'kPa', label: 'kPa' }, us: { unit: 'psi', label: 'psi' } },
};

/** Convert a canonical SI value to the display unit of a system; returns the number and its label. */
export function toDisplay(value: number, kind: QuantityKind, system: UnitSystem): { value: number; unit: string } {
  const d = DISPLAY[kind][system];
  if (kind === 'temperature') return { value: system === 'si' ? value : value * 1.8 + 32, unit: d.label };
  if (kind === 'temperatureDifference') return { value: system === 'si' ? value : value * 1.8, unit: d.label };
  const from = kind === 'apparentPower' ? 'W' : MATH_UNIT[kind];
  return { value: math().unit(value, from).toNumber(d.unit), unit: d.label };
}

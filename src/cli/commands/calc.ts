import { circuitCapacity, NEC_CONTINUOUS_FACTOR } from '../../core/physics/electrical';
import { airflow, coolantProperties, lpmToGpm, m3sToCfm, m3sToLpm, volumetricFlow, airDensityAtAltitude } from '../../core/physics/thermal';
import type { QuantityKind } from '../../units/quantity';
import { FlagReader, parseFlags, plainNumber } from '../args';
import { inputError } from '../errors';
import { formatNumber as n, jsonResult, type Command } from '../output';
import type { Result } from '../../core/result';

const USAGE = `rackplan calc circuit --volts V --amps A --system 1ph|3ph|dc [--pf P] [--continuous-factor F] [--json]
rackplan calc liquid --kw K --delta-t K [--coolant water|pg25] [--supply-c C] [--json]
rackplan calc air --kw K (--delta-t K | --delta-t-f F) [--altitude-m M] [--json]

3-phase volts are line-to-line. --kw also takes "450000 BTU/h" or "37.5 tonRefrigeration".`;

/** A unit a bare number is read in, and its size in the kind's SI unit (kW: 1000 W). */
interface DefaultUnit {
  readonly name: string;
  readonly si: number;
}

const KILOWATT: DefaultUnit = { name: 'kW', si: 1000 };

/**
 * A unit-aware flag in SI units times `scale`, within `range`. A bare number (the usual case) is read without the
 * units module; the module (mathjs) loads only when the value carries a unit. The bare path gives the same
 * number as the units parser: a bare number is in the SI unit, or `n × defaultUnit.si` (mathjs's own product,
 * checked against it in test/cli/calc-plain-numbers.test.ts).
 */
async function quantity(flags: FlagReader, name: string, kind: QuantityKind, scale: number, range: { min: number; max: number; label: string }, defaultUnit?: DefaultUnit): Promise<number | undefined> {
  const raw = flags.string(name);
  if (raw === undefined) return undefined;
  const plain = plainNumber(raw);
  let r: Result<number, string>;
  if (plain !== undefined) r = { ok: true, value: defaultUnit ? plain * defaultUnit.si : plain };
  else {
    const { parseQuantity } = await import('../../units/quantity');
    r = parseQuantity(raw, kind, defaultUnit?.name);
  }
  const v = r.ok ? r.value * scale : NaN;
  if (!r.ok || !(v >= range.min && v <= range.max)) {
    flags.problem(`--${name}`, `${range.label} from ${range.min} to ${range.max}${r.ok ? '' : ` (${r.error.replace(/ \(got .*\)$/, '')})`}`, raw);
    return undefined;
  }
  return v;
}

export const calcCommand: Command = {
  summary: 'single formulas: circuit capacity, liquid flow, airflow',
  usage: USAGE,
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'circuit') return circuit(rest);
    if (sub === 'liquid') return liquid(rest);
    if (sub === 'air') return air(rest);
    throw inputError('calc', 'one of circuit, liquid, air', sub === undefined ? undefined : JSON.stringify(sub));
  },
};

async function circuit(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { volts: { type: 'string' }, amps: { type: 'string' }, system: { type: 'string' }, pf: { type: 'string' }, 'continuous-factor': { type: 'string' } }, 'calc circuit'));
  const volts = flags.require('volts', await quantity(flags, 'volts', 'voltage', 1, { min: 1, max: 1000, label: 'volts' }), 'volts, e.g. 415');
  const amps = flags.require('amps', await quantity(flags, 'amps', 'current', 1, { min: 0.1, max: 10000, label: 'amps' }), 'breaker amps, e.g. 60');
  const system = flags.require('system', flags.choice('system', ['1ph', '3ph', 'dc'] as const), '1ph, 3ph or dc');
  const pf = flags.number('pf', { min: 0.5, max: 1 }) ?? 1;
  const cf = flags.number('continuous-factor', { min: 0.5, max: 1 }) ?? NEC_CONTINUOUS_FACTOR;
  flags.done();
  const c = circuitCapacity(volts!, amps!, system!, pf, cf);
  const json = { volts, amps, system, powerFactor: pf, continuousFactor: cf, ratedKva: c.ratedKva, usableAmps: c.usableAmps, usableKva: c.usableKva, usableKw: c.usableKw };
  if (flags.bool('json')) return jsonResult(json);
  return { text: `${volts} V ${system} ${amps} A: rated ${n(c.ratedKva)} kVA; usable at ${cf * 100} % continuous ${n(c.usableAmps)} A = ${n(c.usableKva)} kVA = ${n(c.usableKw)} kW at PF ${pf}` };
}

async function liquid(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { kw: { type: 'string' }, 'delta-t': { type: 'string' }, coolant: { type: 'string' }, 'supply-c': { type: 'string' } }, 'calc liquid'));
  const kw = flags.require('kw', await quantity(flags, 'kw', 'power', 1 / 1000, { min: 0.001, max: 1_000_000, label: 'heat in kW' }, KILOWATT), 'heat in kW (or "450000 BTU/h")');
  const dt = flags.require('delta-t', await quantity(flags, 'delta-t', 'temperatureDifference', 1, { min: 1, max: 40, label: 'ΔT in K' }), 'ΔT in K (or "18 degF")');
  const coolantId = flags.choice('coolant', ['water', 'pg25'] as const) ?? 'water';
  const supplyC = (await quantity(flags, 'supply-c', 'temperature', 1, { min: 2, max: 70, label: 'supply in °C' })) ?? 25;
  flags.done();
  // Coolants only: a catalog with no generations parses none of them. Loaded here, not at the top, so circuit
  // and air never compile the catalog chunks (~200 kB, a sixth of a bare node start).
  const { loadCatalogFor } = await import('../../catalog/presets');
  const coolants = loadCatalogFor([]).coolants;
  const coolant = coolants.find((c) => c.id === coolantId);
  if (!coolant) throw inputError('--coolant', `one of ${coolants.map((c) => c.id).join(', ')}`, coolantId);
  const meanC = supplyC + dt! / 2;
  const props = coolantProperties(coolant, meanC);
  const lpm = m3sToLpm(volumetricFlow(kw! * 1000, dt!, props));
  const json = { kw, deltaTK: dt, coolant: coolantId, meanC, cpJPerKgK: props.cpJPerKgK, densityKgM3: props.densityKgM3, lpm, gpm: lpmToGpm(lpm), lpmPerKw: lpm / kw! };
  if (flags.bool('json')) return jsonResult(json);
  return { text: `${n(kw!)} kW at ΔT ${n(dt!)} K (${coolant.name}, cp ${n(props.cpJPerKgK)} J/kg·K, ρ ${n(props.densityKgM3)} kg/m³ at ${n(meanC)} °C): ${n(lpm)} L/min = ${n(json.gpm)} gpm (${n(json.lpmPerKw)} L/min per kW)` };
}

async function air(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { kw: { type: 'string' }, 'delta-t': { type: 'string' }, 'delta-t-f': { type: 'string' }, 'altitude-m': { type: 'string' } }, 'calc air'));
  const kw = flags.require('kw', await quantity(flags, 'kw', 'power', 1 / 1000, { min: 0.001, max: 1_000_000, label: 'heat in kW' }, KILOWATT), 'heat in kW');
  const dtK = await quantity(flags, 'delta-t', 'temperatureDifference', 1, { min: 1, max: 40, label: 'ΔT in K' });
  const dtF = flags.number('delta-t-f', { min: 1.8, max: 72, accepted: 'ΔT in °F from 1.8 to 72' });
  if (flags.has('delta-t') && flags.has('delta-t-f')) flags.problem('--delta-t-f', 'give either --delta-t (K) or --delta-t-f (°F), not both');
  if (!flags.has('delta-t') && !flags.has('delta-t-f')) flags.problem('--delta-t', 'required: air ΔT in K (or --delta-t-f in °F)');
  const altitude = (await quantity(flags, 'altitude-m', 'length', 1, { min: -430, max: 4000, label: 'altitude in m' })) ?? 0;
  flags.done();
  const dt = dtK ?? dtF! / 1.8;
  const m3s = airflow(kw! * 1000, dt, altitude);
  const json = { kw, deltaTK: dt, altitudeM: altitude, airDensityKgM3: airDensityAtAltitude(altitude), cfm: m3sToCfm(m3s), m3h: m3s * 3600, cfmPerKw: m3sToCfm(m3s) / kw! };
  if (flags.bool('json')) return jsonResult(json);
  return { text: `${n(kw!)} kW at ΔT ${n(dt)} K (${n(dt * 1.8)} °F), ${n(altitude)} m: ${n(json.cfm)} CFM = ${n(json.m3h)} m³/h (${n(json.cfmPerKw)} CFM per kW; air ${json.airDensityKgM3.toFixed(3)} kg/m³)` };
}

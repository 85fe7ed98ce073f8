import { circuitCapacity, NEC_CONTINUOUS_FACTOR } from '../../core/physics/electrical';
import { airflow, lpmToGpm, m3sToCfm, m3sToLpm, airDensityAtAltitude } from '../../core/physics/thermal';
import type { QuantityKind } from '../../units/quantity';
import { CALCULATOR_CHOICES as CHOICE, CALCULATOR_LIMITS as C } from '../../schema/calculator-limits';
import { formatBound, type NumericLimit } from '../../schema/limits';
import { FlagReader, parseFlags, plainNumber } from '../args';
import { inputError } from '../errors';
import { formatNumber as n, formatUsd, jsonResult, type Command } from '../output';
import { liquidKnowns, solveLiquid } from '../../core/calculators/liquid';
import { pduLoads } from '../../core/calculators/pdu';
import { facilityBudget } from '../../core/calculators/facility-budget';
import { energyOver, HOURS_PER_YEAR } from '../../core/calculators/energy';
import type { Result } from '../../core/result';

const USAGE = `rackplan calc circuit --volts V --amps A --system 1ph|3ph|dc [--pf P] [--continuous-factor F] [--derating F] [--json]
rackplan calc liquid (two of --kw K, --flow L/min, --delta-t K) [--coolant water|pg25] [--supply-c C] [--json]
rackplan calc air --kw K (--delta-t K | --delta-t-f F) [--altitude-m M] [--json]
rackplan calc pdu --volts V --amps A --system 1ph|3ph|dc --bank-amps A --loads KW,KW,… [--connection ln|ll] [--pf P]
                  [--continuous-factor F] [--derating F] [--json]
rackplan calc chain --it-kw K --pue P [--peak-pue P] [--overhead-kw K] [--utilization U] [--pf P]
                    [--redundancy n|n+1|n+2|2n] [--module-kw K] [--tariff USD/kWh] [--carbon kg/MWh] [--json]
rackplan calc energy (--kw K | --generation ID [--per unit|accelerator]) [--utilization U] [--idle-fraction F]
                     [--hours H] [--pue P] [--tariff USD/kWh] [--carbon kg/MWh] [--json]

3-phase volts are line-to-line. --kw also takes "450000 BTU/h" or "37.5 tonRefrigeration"; --flow takes "47.5 gpm".
liquid solves for the one of heat, flow and ΔT you leave out. pdu banks alternate L1, L2, L3 (ln: each bank at
V/√3, e.g. 415/240 V; ll: across two lines, e.g. 208 V). --derating is an ambient/thermal factor on top of the
continuous one (e.g. 0.88: NEC Table 310.15(B)(1)(1), 75 °C conductors at 36–40 °C).`;

/** A unit a bare number is read in, and its size in the kind's SI unit (kW: 1000 W). */
interface DefaultUnit {
  readonly name: string;
  readonly si: number;
}

const KILOWATT: DefaultUnit = { name: 'kW', si: 1000 };
const LITRES_PER_MINUTE: DefaultUnit = { name: 'L/min', si: 1 / 60_000 };

/**
 * A unit-aware flag in SI units times `scale`, within `range`. A bare number (the usual case) is read without the
 * units module; the module (mathjs) loads only when the value carries a unit. The bare path gives the same
 * number as the units parser: a bare number is in the SI unit, or `n × defaultUnit.si` (mathjs's own product,
 * checked against it in test/cli/calc-plain-numbers.test.ts).
 */
async function quantity(flags: FlagReader, name: string, kind: QuantityKind, scale: number, limit: NumericLimit, label: string, defaultUnit?: DefaultUnit): Promise<number | undefined> {
  const raw = flags.string(name);
  if (raw === undefined) return undefined;
  const plain = plainNumber(raw);
  let r: Result<number, string>;
  if (plain !== undefined) r = { ok: true, value: defaultUnit ? plain * defaultUnit.si : plain };
  else {
    const { parseQuantity } = await import('../../units/quantity');
    r = parseQuantity(raw, kind, defaultUnit?.name);
  }
  if (!r.ok || !(r.value >= limit.min && r.value <= limit.max)) {
    flags.problem(`--${name}`, `${label} from ${formatBound(limit.min * scale)} to ${formatBound(limit.max * scale)}${r.ok ? '' : ` (${r.error.replace(/ \(got .*\)$/, '')})`}`, raw);
    return undefined;
  }
  return r.value * scale;
}

export const calcCommand: Command = {
  summary: 'single formulas: circuit, liquid loop, airflow, PDU banks, IT-to-facility chain, energy',
  usage: USAGE,
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'circuit') return circuit(rest);
    if (sub === 'liquid') return liquid(rest);
    if (sub === 'air') return air(rest);
    if (sub === 'pdu') return pdu(rest);
    if (sub === 'chain') return chain(rest);
    if (sub === 'energy') return energy(rest);
    throw inputError('calc', 'one of circuit, liquid, air, pdu, chain, energy', sub === undefined ? undefined : JSON.stringify(sub));
  },
};

async function circuit(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { volts: { type: 'string' }, amps: { type: 'string' }, system: { type: 'string' }, pf: { type: 'string' }, 'continuous-factor': { type: 'string' }, derating: { type: 'string' } }, 'calc circuit'));
  const volts = flags.require('volts', await quantity(flags, 'volts', 'voltage', 1, C.volts, 'volts'), 'volts, e.g. 415');
  const amps = flags.require('amps', await quantity(flags, 'amps', 'current', 1, C.amps, 'amps'), 'breaker amps, e.g. 60');
  const system = flags.require('system', flags.choice('system', CHOICE.system), '1ph, 3ph or dc');
  const pf = flags.number('pf', C.powerFactor) ?? C.powerFactor.default;
  const cf = flags.number('continuous-factor', C.continuousFactor) ?? NEC_CONTINUOUS_FACTOR;
  const derating = flags.number('derating', C.deratingFactor) ?? C.deratingFactor.default;
  flags.done();
  const c = circuitCapacity(volts!, amps!, system!, pf, cf * derating);
  const json = { volts, amps, system, powerFactor: pf, continuousFactor: cf, deratingFactor: derating, ratedKva: c.ratedKva, usableAmps: c.usableAmps, usableKva: c.usableKva, usableKw: c.usableKw };
  if (flags.bool('json')) return jsonResult(json);
  const factors = `${n(cf * 100)} % continuous${derating === 1 ? '' : ` × ${n(derating)} derating`}`;
  const dc = system === 'dc';
  return { text: `${volts} V ${system} ${amps} A: rated ${n(c.ratedKva)} ${dc ? 'kW' : 'kVA'}; usable at ${factors} ${n(c.usableAmps)} A = ${dc ? `${n(c.usableKw)} kW` : `${n(c.usableKva)} kVA = ${n(c.usableKw)} kW at PF ${pf}`}` };
}

async function liquid(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { kw: { type: 'string' }, flow: { type: 'string' }, 'delta-t': { type: 'string' }, coolant: { type: 'string' }, 'supply-c': { type: 'string' } }, 'calc liquid'));
  const kw = await quantity(flags, 'kw', 'power', 1 / 1000, C.heatW, 'heat in kW', KILOWATT);
  const flowLpm = await quantity(flags, 'flow', 'volumeFlow', 60_000, C.flowM3s, 'flow in L/min', LITRES_PER_MINUTE);
  const flowM3s = flowLpm === undefined ? undefined : flowLpm / 60_000;
  const dt = await quantity(flags, 'delta-t', 'temperatureDifference', 1, C.liquidDeltaTK, 'ΔT in K');
  const given = [flags.has('kw'), flags.has('flow'), flags.has('delta-t')].filter(Boolean).length;
  if (given !== 2) flags.problem('--kw/--flow/--delta-t', 'exactly two of heat (--kw), flow (--flow, L/min or "47.5 gpm") and ΔT (--delta-t); the third is solved', `${given} given`);
  const coolantId = flags.choice('coolant', CHOICE.coolant) ?? 'water';
  const supplyC = (await quantity(flags, 'supply-c', 'temperature', 1, C.supplyC, 'supply in °C')) ?? C.supplyC.default;
  flags.done();
  // Coolants only: a catalog with no generations parses none of them. Loaded here, not at the top, so circuit
  // and air never compile the catalog chunks (~200 kB, a sixth of a bare node start).
  const { loadCatalogFor } = await import('../../catalog/presets');
  const coolants = loadCatalogFor([]).coolants;
  const coolant = coolants.find((c) => c.id === coolantId);
  if (!coolant) throw inputError('--coolant', `one of ${coolants.map((c) => c.id).join(', ')}`, coolantId);
  // Exactly two were given (checked above, before anything loaded).
  const b = solveLiquid(liquidKnowns({ heatW: kw === undefined ? undefined : kw * 1000, flowM3s, deltaTK: dt })!, coolant, supplyC);
  const lpm = m3sToLpm(b.flowM3s);
  const heatKw = b.heatW / 1000;
  const json = {
    solvedFor: b.solvedFor, kw: heatKw, deltaTK: b.deltaTK, deltaTF: b.deltaTK * 1.8, lpm, gpm: lpmToGpm(lpm), lpmPerKw: lpm / heatKw,
    coolant: coolantId, supplyC: b.supplyC, returnC: b.returnC, meanC: b.meanC, cpJPerKgK: b.fluid.cpJPerKgK, densityKgM3: b.fluid.densityKgM3, propertiesClamped: b.propertiesClamped,
  };
  if (flags.bool('json')) return jsonResult(json);
  const solved = { heat: `heat ${n(heatKw)} kW`, flow: `flow ${n(lpm)} L/min = ${n(json.gpm)} gpm`, deltaT: `ΔT ${n(b.deltaTK)} K (${n(json.deltaTF)} °F)` }[b.solvedFor];
  const lines = [
    `${solved}: ${n(heatKw)} kW, ${n(lpm)} L/min (${n(json.gpm)} gpm), ΔT ${n(b.deltaTK)} K; ${n(json.lpmPerKw)} L/min per kW`,
    `  ${coolant.name} ${n(b.supplyC)} → ${n(b.returnC)} °C; cp ${n(b.fluid.cpJPerKgK)} J/kg·K, ρ ${n(b.fluid.densityKgM3)} kg/m³ at the mean ${n(b.meanC)} °C${b.propertiesClamped ? ' (outside the property table: held at its end)' : ''}`,
  ];
  return { text: lines.join('\n') };
}

async function air(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, { kw: { type: 'string' }, 'delta-t': { type: 'string' }, 'delta-t-f': { type: 'string' }, 'altitude-m': { type: 'string' } }, 'calc air'));
  const kw = flags.require('kw', await quantity(flags, 'kw', 'power', 1 / 1000, C.heatW, 'heat in kW', KILOWATT), 'heat in kW');
  const dtK = await quantity(flags, 'delta-t', 'temperatureDifference', 1, C.airDeltaTK, 'ΔT in K');
  const dtF = flags.number('delta-t-f', { min: C.airDeltaTK.min * 1.8, max: C.airDeltaTK.max * 1.8, accepted: `ΔT in °F from ${C.airDeltaTK.min * 1.8} to ${C.airDeltaTK.max * 1.8}` });
  if (flags.has('delta-t') && flags.has('delta-t-f')) flags.problem('--delta-t-f', 'give either --delta-t (K) or --delta-t-f (°F), not both');
  if (!flags.has('delta-t') && !flags.has('delta-t-f')) flags.problem('--delta-t', 'required: air ΔT in K (or --delta-t-f in °F)');
  const altitude = (await quantity(flags, 'altitude-m', 'length', 1, C.altitudeM, 'altitude in m')) ?? C.altitudeM.default;
  flags.done();
  const dt = dtK ?? dtF! / 1.8;
  const m3s = airflow(kw! * 1000, dt, altitude);
  const json = { kw, deltaTK: dt, altitudeM: altitude, airDensityKgM3: airDensityAtAltitude(altitude), cfm: m3sToCfm(m3s), m3h: m3s * 3600, cfmPerKw: m3sToCfm(m3s) / kw! };
  if (flags.bool('json')) return jsonResult(json);
  return { text: `${n(kw!)} kW at ΔT ${n(dt)} K (${n(dt * 1.8)} °F), ${n(altitude)} m: ${n(json.cfm)} CFM = ${n(json.m3h)} m³/h (${n(json.cfmPerKw)} CFM per kW; air ${json.airDensityKgM3.toFixed(3)} kg/m³)` };
}

/** A comma list of positive numbers, e.g. "4.2,4.2,3.8". */
function numberList(flags: FlagReader, name: string, limit: NumericLimit, scale: number, accepted: string): number[] | undefined {
  const raw = flags.string(name);
  if (raw === undefined) return undefined;
  const min = limit.min * scale;
  const max = limit.max * scale;
  const values = raw.split(',').map((t) => plainNumber(t.trim()));
  if (values.length > C.banks.max || values.some((v) => v === undefined || !(v >= min && v <= max))) {
    flags.problem(`--${name}`, `${accepted}: up to ${C.banks.max} comma-separated numbers from ${formatBound(min)} to ${formatBound(max)}`, raw);
    return undefined;
  }
  return values as number[];
}

async function pdu(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, {
    volts: { type: 'string' }, amps: { type: 'string' }, system: { type: 'string' }, 'bank-amps': { type: 'string' }, loads: { type: 'string' },
    connection: { type: 'string' }, pf: { type: 'string' }, 'continuous-factor': { type: 'string' }, derating: { type: 'string' },
  }, 'calc pdu'));
  const volts = flags.require('volts', await quantity(flags, 'volts', 'voltage', 1, C.volts, 'volts'), 'input volts, e.g. 415');
  const amps = flags.require('amps', await quantity(flags, 'amps', 'current', 1, C.amps, 'amps'), 'input breaker amps, e.g. 60');
  const system = flags.require('system', flags.choice('system', CHOICE.system), '1ph, 3ph or dc');
  const bankAmps = flags.require('bank-amps', numberList(flags, 'bank-amps', C.amps, 1, 'bank breaker amps (one value for all banks, or one per bank)'), 'bank breaker amps, e.g. 20');
  const loads = flags.require('loads', numberList(flags, 'loads', C.bankLoadW, 1 / 1000, 'kW per bank'), 'kW per bank, e.g. 3.8,3.8,3.8,3.8,3.8,3.8');
  const connection = flags.choice('connection', CHOICE.connection) ?? 'ln';
  const pf = flags.number('pf', C.powerFactor) ?? C.powerFactor.default;
  const cf = flags.number('continuous-factor', C.continuousFactor) ?? NEC_CONTINUOUS_FACTOR;
  const derating = flags.number('derating', C.deratingFactor) ?? C.deratingFactor.default;
  if (bankAmps && loads && bankAmps.length !== 1 && bankAmps.length !== loads.length) flags.problem('--bank-amps', `one value, or one per bank (${loads.length})`, bankAmps.join(','));
  flags.done();
  const r = pduLoads({
    volts: volts!, inputAmps: amps!, system: system!, connection: connection === 'll' ? 'line-line' : 'line-neutral', powerFactor: pf, continuousFactor: cf, deratingFactor: derating,
    banks: loads!.map((loadKw, i) => ({ loadKw, breakerAmps: bankAmps!.length === 1 ? bankAmps![0]! : bankAmps![i]! })),
  });
  const json = { volts, amps, system, connection, powerFactor: pf, continuousFactor: cf, deratingFactor: derating, ...r, ok: r.overloaded.length === 0 };
  if (flags.bool('json')) return jsonResult(json);
  const pct = (x: number) => `${n(x * 100)} %`;
  const lines = [
    `${volts} V ${system} ${amps} A PDU, ${r.banks.length} banks: ${n(r.totalKw)} kW${system === 'dc' ? '' : ` (${n(r.totalKva)} kVA at PF ${pf})`}; worst line ${r.worstLine} ${n(r.worstLineAmps)} A of ${n(r.inputUsableAmps)} A usable (${pct(r.inputUtilization)}), imbalance ${pct(r.phaseImbalance)}`,
    ...r.banks.map((b, i) => `  bank ${i + 1} on ${b.phase} at ${n(b.volts)} V: ${n(b.loadKw)} kW → ${n(b.amps)} A of ${n(b.usableAmps)} A usable on a ${n(b.breakerAmps)} A breaker (${pct(b.utilization)})`),
    r.overloaded.length ? `  OVERLOADED: ${r.overloaded.join(', ')} — move load to a lighter bank or phase, or use larger breakers` : `  every bank and the input are within ${n(cf * derating * 100)} % of their breakers`,
  ];
  return { text: lines.join('\n') };
}

async function chain(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, {
    'it-kw': { type: 'string' }, pue: { type: 'string' }, 'peak-pue': { type: 'string' }, 'overhead-kw': { type: 'string' }, utilization: { type: 'string' }, pf: { type: 'string' },
    redundancy: { type: 'string' }, 'module-kw': { type: 'string' }, tariff: { type: 'string' }, carbon: { type: 'string' },
  }, 'calc chain'));
  const itKw = flags.require('it-kw', await quantity(flags, 'it-kw', 'power', 1 / 1000, C.itW, 'IT load in kW', KILOWATT), 'design IT load in kW, e.g. 10000');
  const pue = flags.require('pue', flags.number('pue', C.pue), 'annual PUE from 1 to 5, e.g. 1.2');
  const peakPue = flags.number('peak-pue', C.pue) ?? pue;
  const overheadKw = (await quantity(flags, 'overhead-kw', 'power', 1 / 1000, C.overheadW, 'fixed overhead in kW', KILOWATT)) ?? C.overheadW.default;
  const utilization = flags.number('utilization', C.utilization) ?? C.utilization.default;
  const pf = flags.number('pf', C.powerFactor) ?? C.powerFactor.default;
  const redundancy = flags.choice('redundancy', CHOICE.redundancy) ?? 'n';
  const moduleKw = await quantity(flags, 'module-kw', 'power', 1 / 1000, C.moduleW, 'module rating in kW', KILOWATT);
  const tariff = flags.number('tariff', C.tariffUsdPerKwh);
  const carbon = flags.number('carbon', C.carbonKgPerMwh);
  flags.done();
  const r = facilityBudget({
    itKw: itKw!, pue: pue!, peakPue: peakPue!, fixedOverheadKw: overheadKw, utilization, powerFactor: pf, redundancy, moduleKw: moduleKw ?? null,
    tariffUsdPerKwh: tariff ?? null, carbonKgPerMwh: carbon ?? null,
  });
  const json = { itKw, pue, peakPue, overheadKw, utilization, powerFactor: pf, redundancy, moduleKw: moduleKw ?? null, tariffUsdPerKwh: tariff ?? null, carbonKgPerMwh: carbon ?? null, ...r };
  if (flags.bool('json')) return jsonResult(json);
  const lines = [
    `${n(itKw!)} kW IT × peak PUE ${n(peakPue!)}${overheadKw ? ` + ${n(overheadKw)} kW fixed` : ''} = ${n(r.designFacilityKw)} kW at the meter${pf === 1 ? '' : `, ${n(r.utilityKva)} kVA at PF ${pf}`}`,
    `  backed capacity ${redundancy.toUpperCase()}: ${r.modulesInstalled} × ${n(moduleKw ?? itKw!)} kW installed = ${n(r.installedBackupKw)} kW for ${r.modulesNeeded} needed`,
    `  a year at ${n(utilization * 100)} % utilization and PUE ${n(pue!)}: ${n(r.averageFacilityKw)} kW average, ${n(r.facilityMwhPerYear)} MWh${r.costUsdPerYear === null ? '' : `, ${formatUsd(r.costUsdPerYear)}`}${r.co2TonnesPerYear === null ? '' : `, ${n(r.co2TonnesPerYear)} t CO₂`}`,
  ];
  return { text: lines.join('\n') };
}

async function energy(argv: readonly string[]) {
  const flags = new FlagReader(parseFlags(argv, {
    kw: { type: 'string' }, generation: { type: 'string' }, per: { type: 'string' }, utilization: { type: 'string' }, 'idle-fraction': { type: 'string' },
    hours: { type: 'string' }, pue: { type: 'string' }, tariff: { type: 'string' }, carbon: { type: 'string' },
  }, 'calc energy'));
  const kw = await quantity(flags, 'kw', 'power', 1 / 1000, C.fullW, 'power in kW', KILOWATT);
  const generationId = flags.string('generation');
  if ((kw === undefined) === (generationId === undefined) && !flags.problems.some((p) => p.path === '--kw')) flags.problem('--kw/--generation', 'exactly one of --kw (a draw in kW) or --generation (a catalog generation)');
  const per = flags.choice('per', CHOICE.per) ?? 'unit';
  const utilization = flags.number('utilization', C.utilization) ?? C.utilization.default;
  const idleFraction = flags.number('idle-fraction', C.idleFraction) ?? C.idleFraction.default;
  const hours = flags.number('hours', C.hours) ?? HOURS_PER_YEAR;
  const pue = flags.number('pue', C.pue) ?? 1;
  const tariff = flags.number('tariff', C.tariffUsdPerKwh);
  const carbon = flags.number('carbon', C.carbonKgPerMwh);
  flags.done();
  let fullKw = kw;
  let basis = `${n(kw ?? 0)} kW`;
  if (generationId !== undefined) {
    // One owner: the rack engine's input power for the unit at its defaults.
    const [{ loadCatalogFor, loadGenerations, generationIds }, { evaluateUnit }] = await Promise.all([import('../../catalog/presets'), import('../../core/rack/evaluate')]);
    if (!generationIds().includes(generationId)) throw inputError('--generation', `one of ${generationIds().join(', ')}`, generationId);
    await loadGenerations([generationId]);
    const catalog = loadCatalogFor([generationId]);
    const g = catalog.generations.find((x) => x.id === generationId)!;
    const unit = evaluateUnit(g, {}, catalog);
    fullKw = per === 'accelerator' ? unit.power.inputKw / unit.accelerators : unit.power.inputKw;
    basis = `${g.name}, ${per === 'accelerator' ? `one of ${unit.accelerators} accelerators` : 'one unit'}: ${n(fullKw)} kW at the rack input (max basis)`;
  }
  const r = energyOver({ fullKw: fullKw!, utilization, idleFraction, hours, pue, tariffUsdPerKwh: tariff ?? null, carbonKgPerMwh: carbon ?? null });
  const json = { generation: generationId ?? null, per: generationId ? per : null, fullKw, utilization, idleFraction, hours, pue, tariffUsdPerKwh: tariff ?? null, carbonKgPerMwh: carbon ?? null, ...r };
  if (flags.bool('json')) return jsonResult(json);
  const lines = [
    `${basis}; at ${n(utilization * 100)} % utilization${idleFraction ? ` (idle ${n(idleFraction * 100)} % of full)` : ''}: ${n(r.averageKw)} kW average`,
    `  ${n(hours)} h: ${n(r.itKwh)} kWh IT${pue === 1 ? '' : `, ${n(r.facilityKwh)} kWh with PUE ${n(pue)}`}${r.costUsd === null ? '' : `, ${formatUsd(r.costUsd)}`}${r.co2Tonnes === null ? '' : `, ${n(r.co2Tonnes)} t CO₂`}`,
  ];
  return { text: lines.join('\n') };
}

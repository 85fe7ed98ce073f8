/**
 * The Calculators view's model: each calculator's fields (ranges from src/schema/calculator-limits.ts, the same
 * table the `rackplan calc` flags read), its choices, and its result rows from the same core functions the CLI
 * runs (src/core/calculators). Components render this; they compute nothing.
 * @module
 */
import { CALCULATOR_LIMITS as C } from '../schema/calculator-limits';
import { acceptsText, type NumericLimit } from '../schema/limits';
import type { CoolantModel } from '../core/catalog/types';
import { circuitCapacity } from '../core/physics/electrical';
import { airflow, airDensityAtAltitude, m3sToCfm, m3sToLpm, lpmToGpm } from '../core/physics/thermal';
import { liquidKnowns, solveLiquid } from '../core/calculators/liquid';
import { pduLoads } from '../core/calculators/pdu';
import { facilityBudget, type BackupRedundancy } from '../core/calculators/facility-budget';
import { energyOver, HOURS_PER_YEAR } from '../core/calculators/energy';
import type { ElectricalSystem } from '../core/catalog/types';
import type { UnitSystem } from '../state/types';
import type { NumericField } from './fields';
import { formatNumber, formatUsd, formatValue, type DisplayKind } from './format';

export type CalculatorId = 'liquid' | 'air' | 'circuit' | 'pdu' | 'chain' | 'energy';

export interface ChoiceField {
  readonly key: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly defaultValue: string;
}

export interface Calculator {
  readonly id: CalculatorId;
  readonly title: string;
  readonly summary: string;
  /** The `rackplan calc` subcommand, and each field's flag with the factor from the field's stored unit to the flag's. */
  readonly cli: { readonly command: string; readonly flags: Readonly<Record<string, readonly [flag: string, perStored: number]>> };
  readonly fields: readonly (NumericField & { readonly optional?: boolean })[];
  readonly choices: readonly ChoiceField[];
  /** Banks of a PDU: a list field (kW per bank). */
  readonly list?: { readonly key: string; readonly label: string; readonly help: string; readonly limit: NumericLimit };
}

export interface ResultRow {
  readonly label: string;
  readonly value: string;
  /** The solved or headline figure. */
  readonly headline?: boolean;
  readonly over?: boolean;
}

export type CalculatorOutcome =
  | { readonly status: 'ok'; readonly rows: readonly ResultRow[]; readonly note?: string }
  | { readonly status: 'incomplete'; readonly message: string };

export type CalculatorValues = Readonly<Record<string, number | undefined>>;
export type CalculatorChoices = Readonly<Record<string, string | undefined>>;

const field = (key: string, limit: NumericLimit, label: string, kind: DisplayKind, help: string, extra: Partial<NumericField> & { optional?: boolean } = {}) => ({
  key, label, kind, min: limit.min, max: limit.max, help, accepts: acceptsText(limit), limit,
  ...(limit.default === undefined ? {} : { defaultValue: limit.default }), ...extra,
});

const LPM_PER_M3S = 60_000;

const SYSTEM = { key: 'system', label: 'System', defaultValue: '3ph', options: [{ value: '3ph', label: '3-phase' }, { value: '1ph', label: '1-phase' }, { value: 'dc', label: 'DC' }] } as const;

export const CALCULATORS: readonly Calculator[] = [
  {
    id: 'liquid',
    title: 'Liquid loop',
    summary: 'Q = ρ·V̇·cp·ΔT: give two of heat, flow and ΔT; the third is solved, with the coolant’s properties at the loop’s mean temperature.',
    cli: { command: 'liquid', flags: { heatW: ['--kw', 1e-3], flowLpm: ['--flow', 1], deltaTK: ['--delta-t', 1], supplyC: ['--supply-c', 1], coolant: ['--coolant', 1] } },
    fields: [
      field('heatW', C.heatW, 'Heat', 'heatRate', 'Leave empty to solve for it.', { example: '132 kW', optional: true }),
      // The liquidFlow display kind's canonical unit is L/min (src/views/format.ts), so this field's range is too.
      field('flowLpm', { min: C.flowM3s.min * LPM_PER_M3S, max: C.flowM3s.max * LPM_PER_M3S }, 'Flow', 'liquidFlow', 'Leave empty to solve for it.', { example: '190 L/min', optional: true }),
      field('deltaTK', { ...C.liquidDeltaTK, default: undefined }, 'ΔT', 'temperatureDifference', 'Leave empty to solve for it.', { example: '10 K', optional: true }),
      field('supplyC', C.supplyC, 'Supply temperature', 'temperature', 'Where the mean loop temperature starts.'),
    ],
    choices: [{ key: 'coolant', label: 'Coolant', defaultValue: 'water', options: [{ value: 'water', label: 'Water' }, { value: 'pg25', label: 'PG25 (25 % propylene glycol)' }] }],
  },
  {
    id: 'air',
    title: 'Airflow',
    summary: 'Airflow that removes a heat load at an air temperature rise, with air density at the altitude.',
    cli: { command: 'air', flags: { heatW: ['--kw', 1e-3], deltaTK: ['--delta-t', 1], altitudeM: ['--altitude-m', 1] } },
    fields: [
      field('heatW', C.heatW, 'Heat', 'heatRate', '', { example: '40 kW' }),
      field('deltaTK', C.airDeltaTK, 'Air ΔT', 'temperatureDifference', 'Front to back.'),
      field('altitudeM', C.altitudeM, 'Altitude', 'length', ''),
    ],
    choices: [],
  },
  {
    id: 'circuit',
    title: 'Circuit',
    summary: 'Usable continuous capacity of a branch circuit: rated × continuous factor (NEC 210.20(A)) × ambient derating.',
    cli: { command: 'circuit', flags: { volts: ['--volts', 1], amps: ['--amps', 1], system: ['--system', 1], powerFactor: ['--pf', 1], continuousFactor: ['--continuous-factor', 1], deratingFactor: ['--derating', 1] } },
    fields: [
      field('volts', C.volts, 'Voltage', 'voltage', '3-phase: line-to-line.', { example: '415 V' }),
      field('amps', C.amps, 'Breaker', 'current', '', { example: '60 A' }),
      field('powerFactor', C.powerFactor, 'Power factor', 'ratio', ''),
      field('continuousFactor', C.continuousFactor, 'Continuous factor', 'ratio', '0.8; 1.0 only for 100 %-rated gear.'),
      field('deratingFactor', C.deratingFactor, 'Ambient derating', 'ratio', 'e.g. 0.88 for 75 °C conductors at 36–40 °C (NEC Table 310.15(B)(1)(1)).'),
    ],
    choices: [SYSTEM],
  },
  {
    id: 'pdu',
    title: 'PDU banks',
    summary: 'Banks alternate L1, L2, L3; each bank against its breaker, the worst input line against the input breaker.',
    cli: { command: 'pdu', flags: { volts: ['--volts', 1], amps: ['--amps', 1], system: ['--system', 1], connection: ['--connection', 1], bankAmps: ['--bank-amps', 1], loads: ['--loads', 1], powerFactor: ['--pf', 1], continuousFactor: ['--continuous-factor', 1], deratingFactor: ['--derating', 1] } },
    fields: [
      field('volts', C.volts, 'Input voltage', 'voltage', '3-phase: line-to-line.', { example: '415 V' }),
      field('amps', C.amps, 'Input breaker', 'current', '', { example: '60 A' }),
      field('bankAmps', C.amps, 'Bank breaker', 'current', 'The same for every bank.', { example: '20 A' }),
      field('powerFactor', C.powerFactor, 'Power factor', 'ratio', ''),
      field('continuousFactor', C.continuousFactor, 'Continuous factor', 'ratio', ''),
      field('deratingFactor', C.deratingFactor, 'Ambient derating', 'ratio', ''),
    ],
    choices: [SYSTEM, { key: 'connection', label: 'Banks wired', defaultValue: 'ln', options: [{ value: 'ln', label: 'Line–neutral (415/240 V)' }, { value: 'll', label: 'Line–line (208 V)' }] }],
    list: { key: 'loads', label: 'Load per bank (kW, comma-separated)', help: 'One number per bank, in kW.', limit: C.bankLoadW },
  },
  {
    id: 'chain',
    title: 'IT to facility',
    summary: 'IT kW × PUE (+ loads outside the PUE) at the meter, backed capacity by redundancy, and a year of energy, cost and carbon.',
    cli: { command: 'chain', flags: { itW: ['--it-kw', 1e-3], pue: ['--pue', 1], peakPue: ['--peak-pue', 1], overheadW: ['--overhead-kw', 1e-3], utilization: ['--utilization', 1], powerFactor: ['--pf', 1], redundancy: ['--redundancy', 1], moduleW: ['--module-kw', 1e-3], tariffUsdPerKwh: ['--tariff', 1], carbonKgPerMwh: ['--carbon', 1] } },
    fields: [
      field('itW', C.itW, 'IT load (design)', 'power', '', { example: '10 MW' }),
      field('pue', C.pue, 'Annual PUE', 'ratio', '', { example: '1.2' }),
      field('peakPue', C.pue, 'Peak PUE', 'ratio', 'Design day; empty: the annual PUE.', { optional: true }),
      field('overheadW', C.overheadW, 'Loads outside the PUE', 'power', 'Offices, campus lighting.'),
      field('utilization', C.utilization, 'Utilization', 'percent', 'Average IT ÷ design.'),
      field('powerFactor', C.powerFactor, 'Power factor at the meter', 'ratio', ''),
      field('moduleW', C.moduleW, 'UPS/generator module', 'power', 'Empty: one module the size of the load.', { optional: true, example: '1500 kW' }),
      field('tariffUsdPerKwh', C.tariffUsdPerKwh, 'Tariff (USD/kWh)', 'ratio', '', { optional: true, example: '0.07' }),
      field('carbonKgPerMwh', C.carbonKgPerMwh, 'Grid carbon (kg/MWh)', 'count', '', { optional: true, example: '400' }),
    ],
    choices: [{ key: 'redundancy', label: 'Redundancy', defaultValue: 'n', options: (['n', 'n+1', 'n+2', '2n'] as const).map((v) => ({ value: v, label: v.toUpperCase() })) }],
  },
  {
    id: 'energy',
    title: 'Energy',
    summary: 'Energy over a period at a utilization, with an idle floor: power = idle + u · (full − idle).',
    cli: { command: 'energy', flags: { fullW: ['--kw', 1e-3], utilization: ['--utilization', 1], idleFraction: ['--idle-fraction', 1], hours: ['--hours', 1], pue: ['--pue', 1], tariffUsdPerKwh: ['--tariff', 1], carbonKgPerMwh: ['--carbon', 1] } },
    fields: [
      field('fullW', C.fullW, 'Power at full load', 'power', 'One accelerator, server or rack.', { example: '1.4 kW' }),
      field('utilization', C.utilization, 'Utilization', 'percent', ''),
      field('idleFraction', C.idleFraction, 'Idle power', 'percent', 'Share of full load drawn when idle.'),
      field('hours', C.hours, 'Hours', 'count', '8,760 in a year.'),
      field('pue', { ...C.pue, default: 1 }, 'PUE', 'ratio', '1: IT energy only.'),
      field('tariffUsdPerKwh', C.tariffUsdPerKwh, 'Tariff (USD/kWh)', 'ratio', '', { optional: true, example: '0.07' }),
      field('carbonKgPerMwh', C.carbonKgPerMwh, 'Grid carbon (kg/MWh)', 'count', '', { optional: true, example: '400' }),
    ],
    choices: [],
  },
];

export function calculator(id: CalculatorId): Calculator {
  return CALCULATORS.find((c) => c.id === id)!;
}

/** Values the user left empty fall back to the field's default; a field with neither is missing. */
function resolved(calc: Calculator, values: CalculatorValues): { get: (key: string) => number | undefined; missing: string[] } {
  const missing: string[] = [];
  const get = (key: string) => values[key] ?? calc.fields.find((f) => f.key === key)?.defaultValue;
  for (const f of calc.fields) if (!f.optional && get(f.key) === undefined) missing.push(f.label);
  return { get, missing };
}

/** A comma list of kW per bank → W, or a reason. */
export function parseBankLoads(text: string): { ok: true; value: number[] } | { ok: false; error: string } {
  const parts = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const values = parts.map((t) => Number(t) * 1000);
  const { min, max } = C.bankLoadW;
  if (!parts.length || parts.length > C.banks.max || values.some((v) => !Number.isFinite(v) || v < min || v > max)) {
    return { ok: false, error: `1 to ${C.banks.max} numbers in kW, each from ${min / 1000} to ${formatNumber(max / 1000)}, separated by commas` };
  }
  return { ok: true, value: values };
}

export function computeCalculator(id: CalculatorId, values: CalculatorValues, choices: CalculatorChoices, lists: Readonly<Record<string, readonly number[] | undefined>>, coolants: readonly CoolantModel[], sys: UnitSystem): CalculatorOutcome {
  const calc = calculator(id);
  const { get, missing } = resolved(calc, values);
  const choice = (key: string) => choices[key] ?? calc.choices.find((c) => c.key === key)!.defaultValue;
  const v = (x: number, kind: DisplayKind, digits?: number) => formatValue(x, kind, sys, digits);
  if (missing.length) return { status: 'incomplete', message: `Enter ${missing.join(', ')}.` };
  switch (id) {
    case 'liquid': {
      const heatW = values.heatW;
      const flowM3s = values.flowLpm === undefined ? undefined : values.flowLpm / LPM_PER_M3S;
      const deltaTK = values.deltaTK;
      const knowns = liquidKnowns({ heatW, flowM3s, deltaTK });
      if (!knowns) return { status: 'incomplete', message: `Give exactly two of heat, flow and ΔT (${[heatW, flowM3s, deltaTK].filter((x) => x !== undefined).length} given); the third is solved.` };
      const coolant = coolants.find((c) => c.id === choice('coolant'));
      if (!coolant) return { status: 'incomplete', message: `No coolant "${choice('coolant')}" in the catalog.` };
      const b = solveLiquid(knowns, coolant, get('supplyC')!);
      const lpm = m3sToLpm(b.flowM3s);
      return {
        status: 'ok',
        rows: [
          { label: 'Heat', value: v(b.heatW, 'heatRate'), headline: b.solvedFor === 'heat' },
          { label: 'Flow', value: `${v(lpm, 'liquidFlow')}${sys === 'si' ? ` (${formatNumber(lpmToGpm(lpm))} gpm)` : ''}`, headline: b.solvedFor === 'flow' },
          { label: 'ΔT', value: v(b.deltaTK, 'temperatureDifference'), headline: b.solvedFor === 'deltaT' },
          { label: 'Supply → return', value: `${v(b.supplyC, 'temperature')} → ${v(b.returnC, 'temperature')}` },
          { label: 'Flow per kW', value: `${formatNumber(lpm / (b.heatW / 1000))} L/min` },
          { label: 'Properties at the mean', value: `cp ${formatNumber(b.fluid.cpJPerKgK)} J/kg·K, ρ ${formatNumber(b.fluid.densityKgM3)} kg/m³ at ${v(b.meanC, 'temperature')}` },
        ],
        note: b.propertiesClamped ? 'The mean temperature is outside the coolant’s property table; properties are held at its end.' : undefined,
      };
    }
    case 'air': {
      const heatW = get('heatW')!;
      const m3s = airflow(heatW, get('deltaTK')!, get('altitudeM')!);
      return {
        status: 'ok',
        rows: [
          { label: 'Airflow', value: `${v(m3s * 3600, 'airflow')}${sys === 'si' ? ` (${formatNumber(m3sToCfm(m3s))} CFM)` : ''}`, headline: true },
          { label: 'Per kW', value: `${formatNumber(m3sToCfm(m3s) / (heatW / 1000))} CFM` },
          { label: 'Air density', value: `${airDensityAtAltitude(get('altitudeM')!).toFixed(3)} kg/m³` },
        ],
      };
    }
    case 'circuit': {
      const system = choice('system') as ElectricalSystem;
      const cf = get('continuousFactor')!;
      const derate = get('deratingFactor')!;
      const c = circuitCapacity(get('volts')!, get('amps')!, system, get('powerFactor')!, cf * derate);
      const dc = system === 'dc';
      return {
        status: 'ok',
        rows: [
          { label: 'Usable', value: `${formatNumber(c.usableKw)} kW${dc ? '' : ` (${formatNumber(c.usableKva)} kVA)`}`, headline: true },
          { label: 'Usable current', value: `${formatNumber(c.usableAmps)} A${dc ? '' : ' per line'}` },
          { label: 'Rated', value: `${formatNumber(c.ratedKva)} ${dc ? 'kW' : 'kVA'}` },
          { label: 'Factors', value: `${formatNumber(cf * 100)} % continuous × ${formatNumber(derate)} derating` },
        ],
      };
    }
    case 'pdu': {
      const loads = lists.loads;
      if (!loads?.length) return { status: 'incomplete', message: 'Enter the load per bank.' };
      const r = pduLoads({
        volts: get('volts')!, inputAmps: get('amps')!, system: choice('system') as ElectricalSystem, connection: choice('connection') === 'll' ? 'line-line' : 'line-neutral',
        powerFactor: get('powerFactor')!, continuousFactor: get('continuousFactor')!, deratingFactor: get('deratingFactor')!,
        banks: loads.map((w) => ({ loadKw: w / 1000, breakerAmps: get('bankAmps')! })),
      });
      const pct = (x: number) => `${formatNumber(x * 100)} %`;
      return {
        status: 'ok',
        rows: [
          { label: 'Worst input line', value: `${r.worstLine}: ${formatNumber(r.worstLineAmps)} A of ${formatNumber(r.inputUsableAmps)} A (${pct(r.inputUtilization)})`, headline: true, over: r.inputUtilization > 1 + 1e-9 },
          { label: 'Total', value: `${formatNumber(r.totalKw)} kW` },
          { label: 'Phase imbalance', value: pct(r.phaseImbalance) },
          ...r.banks.map((b, i) => ({ label: `Bank ${i + 1} (${b.phase})`, value: `${formatNumber(b.amps)} A of ${formatNumber(b.usableAmps)} A (${pct(b.utilization)})`, over: b.utilization > 1 + 1e-9 })),
        ],
        note: r.overloaded.length ? `Over the limit: ${r.overloaded.join(', ')}. Move load to a lighter bank or phase, or use larger breakers.` : undefined,
      };
    }
    case 'chain': {
      const pue = get('pue')!;
      const r = facilityBudget({
        itKw: get('itW')! / 1000, pue, peakPue: values.peakPue ?? pue, fixedOverheadKw: get('overheadW')! / 1000, utilization: get('utilization')!, powerFactor: get('powerFactor')!,
        redundancy: choice('redundancy') as BackupRedundancy, moduleKw: values.moduleW === undefined ? null : values.moduleW / 1000,
        tariffUsdPerKwh: values.tariffUsdPerKwh ?? null, carbonKgPerMwh: values.carbonKgPerMwh ?? null,
      });
      return {
        status: 'ok',
        rows: [
          { label: 'At the meter (design)', value: `${v(r.designFacilityKw * 1000, 'power')}${get('powerFactor') === 1 ? '' : ` (${formatNumber(r.utilityKva)} kVA)`}`, headline: true },
          { label: 'Backed capacity', value: `${r.modulesInstalled} modules installed for ${r.modulesNeeded} needed: ${v(r.installedBackupKw * 1000, 'power')}` },
          { label: 'Average draw', value: v(r.averageFacilityKw * 1000, 'power') },
          { label: 'Energy per year', value: `${formatNumber(r.facilityMwhPerYear)} MWh` },
          ...(r.costUsdPerYear === null ? [] : [{ label: 'Cost per year', value: formatUsd(r.costUsdPerYear) }]),
          ...(r.co2TonnesPerYear === null ? [] : [{ label: 'CO₂ per year', value: `${formatNumber(r.co2TonnesPerYear)} t` }]),
        ],
      };
    }
    case 'energy': {
      const r = energyOver({
        fullKw: get('fullW')! / 1000, utilization: get('utilization')!, idleFraction: get('idleFraction')!, hours: get('hours') ?? HOURS_PER_YEAR, pue: get('pue')!,
        tariffUsdPerKwh: values.tariffUsdPerKwh ?? null, carbonKgPerMwh: values.carbonKgPerMwh ?? null,
      });
      return {
        status: 'ok',
        rows: [
          { label: 'Energy', value: `${formatNumber(r.facilityKwh)} kWh`, headline: true },
          { label: 'Average draw', value: v(r.averageKw * 1000, 'power') },
          { label: 'IT energy', value: `${formatNumber(r.itKwh)} kWh` },
          ...(r.costUsd === null ? [] : [{ label: 'Cost', value: formatUsd(r.costUsd) }]),
          ...(r.co2Tonnes === null ? [] : [{ label: 'CO₂', value: `${formatNumber(r.co2Tonnes)} t` }]),
        ],
      };
    }
  }
}

/** The same calculation as a `rackplan calc` command line, from what the user typed (defaults left out). */
export function commandLine(id: CalculatorId, values: CalculatorValues, choices: CalculatorChoices, listTexts: Readonly<Record<string, string | undefined>>): string {
  const calc = calculator(id);
  const { command, flags } = calc.cli;
  const parts = [`rackplan calc ${command}`];
  const round = (x: number) => String(Number(x.toPrecision(6)));
  for (const [key, [flag, perStored]] of Object.entries(flags)) {
    const value = values[key];
    const chosen = choices[key] ?? calc.choices.find((c) => c.key === key)?.defaultValue;
    const list = listTexts[key];
    if (value !== undefined) parts.push(`${flag} ${round(value * perStored)}`);
    else if (chosen !== undefined) parts.push(`${flag} ${chosen}`);
    else if (list !== undefined && list.trim() !== '') parts.push(`${flag} ${list.replace(/\s+/g, '')}`);
  }
  return parts.join(' ');
}

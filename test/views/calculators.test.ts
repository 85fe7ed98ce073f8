/**
 * One truth for the calculators: the Calculators view's figures equal `rackplan calc … --json` run with the command
 * line the view shows, for every calculator.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { commandLine, computeCalculator, type CalculatorId, type CalculatorValues } from '../../src/views/calculators';
import { formatNumber } from '../../src/views/format';
import { cliJson } from '../helpers/cli';

const coolants = loadCatalog().coolants;

const cases: { id: CalculatorId; values: CalculatorValues; choices?: Record<string, string>; lists?: Record<string, string>; jsonKey: string; row: string }[] = [
  { id: 'liquid', values: { heatW: 132_000, deltaTK: 10, supplyC: 30 }, choices: { coolant: 'pg25' }, jsonKey: 'lpm', row: 'Flow' },
  { id: 'liquid', values: { heatW: 132_000, flowLpm: 190 }, jsonKey: 'deltaTK', row: 'ΔT' },
  { id: 'air', values: { heatW: 40_000, deltaTK: 12, altitudeM: 1500 }, jsonKey: 'm3h', row: 'Airflow' },
  { id: 'circuit', values: { volts: 415, amps: 60, deratingFactor: 0.88 }, choices: { system: '3ph' }, jsonKey: 'usableKw', row: 'Usable' },
  { id: 'pdu', values: { volts: 415, amps: 60, bankAmps: 20 }, lists: { loads: '3.8, 3.8, 4.2, 3.1' }, jsonKey: 'worstLineAmps', row: 'Worst input line' },
  { id: 'chain', values: { itW: 10e6, pue: 1.2, peakPue: 1.3, utilization: 0.8, moduleW: 1.5e6 }, choices: { redundancy: '2n' }, jsonKey: 'facilityMwhPerYear', row: 'Energy per year' },
  { id: 'energy', values: { fullW: 1400, utilization: 0.7, idleFraction: 0.25, pue: 1.15 }, jsonKey: 'facilityKwh', row: 'Energy' },
];

describe('Calculators view = rackplan calc', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.row}`, async () => {
      const lists = c.lists?.loads ? { loads: c.lists.loads.split(',').map((t) => Number(t) * 1000) } : {};
      const shown = computeCalculator(c.id, c.values, c.choices ?? {}, lists, coolants, 'si');
      expect(shown.status).toBe('ok');
      const line = commandLine(c.id, c.values, c.choices ?? {}, c.lists ?? {});
      const argv = line.replace(/^rackplan /, '').split(' ');
      const json = await cliJson(...argv, '--json');
      const value = shown.status === 'ok' ? shown.rows.find((r) => r.label === c.row)!.value : '';
      expect(value).toContain(formatNumber(json[c.jsonKey]));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { toDisplay } from '../../src/units/quantity';
import { formatNumber, formatRange, formatValue, fromDisplayValue, parseLocal, parsePlainNumber, toDisplayValue, type DisplayKind } from '../../src/views/format';
import { normaliseTyped, parseField } from '../../src/views/parse';

describe('display conversions agree with src/units (mathjs)', () => {
  // [our kind, canonical SI value in our unit, units-module kind, the same value in its canonical unit]
  const cases: [DisplayKind, number, Parameters<typeof toDisplay>[1], number][] = [
    ['temperature', 35, 'temperature', 35],
    ['temperatureDifference', 10, 'temperatureDifference', 10],
    ['length', 300, 'length', 300],
    ['mass', 1360, 'mass', 1360],
    ['liquidFlow', 180, 'volumeFlow', 180 / 60_000],
    ['pressure', 150, 'pressure', 150_000],
  ];
  it.each(cases)('%s', (kind, ours, theirKind, theirs) => {
    expect(toDisplayValue(ours, kind, 'us')).toBeCloseTo(toDisplay(theirs, theirKind, 'us').value, 6);
    expect(fromDisplayValue(toDisplayValue(ours, kind, 'us'), kind, 'us')).toBeCloseTo(ours, 9);
  });

  it('airflow: 1 m³/h is 0.5886 CFM', () => {
    expect(toDisplayValue(1, 'airflow', 'us')).toBeCloseTo(0.588578, 5);
  });

  it('heat rate in US units is BTU/h', () => {
    expect(formatValue(131_881.98, 'heatRate', 'us')).toBe('450,000\u00a0BTU/h');
    expect(formatValue(131_881.98, 'heatRate', 'si')).toBe('131.9\u00a0kW');
  });
});

describe('numbers for people', () => {
  it.each([
    [1360, '1,360'],
    [132.44, '132.4'],
    [2.456, '2.46'],
    [0.1254, '0.125'],
    [0, '0'],
    [-1e-9, '0'], // below the noise floor; -0 never shows (full table: test/units/format-number.test.ts)
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s → %s', (n, s) => expect(formatNumber(n)).toBe(s));

  it('shows ranges in the display unit', () => {
    expect(formatRange(1, 40, 'temperatureDifference', 'si')).toBe('1–40\u00a0K');
    expect(formatRange(1, 40, 'temperatureDifference', 'us')).toBe('1.8–72\u00a0°F');
    expect(formatRange(1, 100_000, 'count', 'si')).toBe('1–100,000');
  });
});

describe('parsing typed values', () => {
  it('plain numbers accept thousands separators', () => {
    expect(parsePlainNumber('100,000')).toBe(100_000);
    expect(parsePlainNumber('1,00')).toBeNull();
    expect(parsePlainNumber('abc')).toBeNull();
  });

  it('floor ratings in kg/m² or lb/ft²', () => {
    expect(parseLocal('1200 kg/m²', 'arealMass', 'si')).toEqual({ ok: true, value: 1200 });
    const r = parseLocal('250 lb/ft2', 'arealMass', 'si');
    expect(r?.ok && r.value).toBeCloseTo(1220.6, 1);
    const bare = parseLocal('250', 'arealMass', 'us');
    expect(bare?.ok && bare.value).toBeCloseTo(1220.6, 1);
    expect(parseLocal('12 furlongs', 'arealMass', 'si')?.ok).toBe(false);
  });

  it('units through mathjs: BTU/h, degC, a ΔT in degF, bare numbers in the display unit', async () => {
    const heat = await parseField('450000 BTU/h', 'heatRate', 'si');
    expect(heat.ok && heat.value).toBeCloseTo(131_881.98, 1);
    expect(await parseField('35 degC', 'temperature', 'us')).toEqual({ ok: true, value: 35 });
    const dt = await parseField('18 degF', 'temperatureDifference', 'si');
    expect(dt.ok && dt.value).toBeCloseTo(10, 9);
    const f = await parseField('95', 'temperature', 'us');
    expect(f.ok && f.value).toBeCloseTo(35, 9);
    const flow = await parseField('47.55 gpm', 'liquidFlow', 'si');
    expect(flow.ok && flow.value).toBeCloseTo(180, 0);
    expect((await parseField('5 kW', 'temperatureDifference', 'si')).ok).toBe(false);
    expect((await parseField('3 ton', 'heatRate', 'si')).ok).toBe(false);
  });

  it('normalises pasted numbers', () => {
    expect(normaliseTyped('450,000\u00a0BTU/h')).toBe('450000 BTU/h');
  });
});

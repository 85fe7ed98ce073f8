import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuantity, toDisplay, type QuantityKind } from '../../src/units/quantity';

const ok = (text: string, kind: QuantityKind) => {
  const r = parseQuantity(text, kind);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseQuantity', () => {
  it.each([
    ['132 kW', 'power', 132_000],
    ['450000 BTU/h', 'power', 450_000 * 0.29307107],
    ['450000 Btu/hr', 'power', 450_000 * 0.29307107],
    ['37.5 tonRefrigeration', 'power', 37.5 * 12_000 * 0.29307107],
    ['35 degC', 'temperature', 35],
    ['35 °C', 'temperature', 35],
    ['95 degF', 'temperature', 35],
    ['308.15 K', 'temperature', 35],
    ['2.5 gpm', 'volumeFlow', (2.5 * 3.785411784) / 1000 / 60],
    ['180 L/min', 'volumeFlow', 0.003],
    ['6450 CFM', 'volumeFlow', (6450 * 0.028316846592) / 60],
    ['34.5 kVA', 'apparentPower', 34_500],
    ['100 ft', 'length', 30.48],
    ['3000 lb', 'mass', 3000 * 0.45359237],
    ['20 psi', 'pressure', 20 * 6894.757293168],
  ] as const)('%s (%s)', (text, kind, si) => {
    expect(Math.abs(ok(text, kind) - si) / si).toBeLessThan(1e-6);
  });

  it('temperature differences: 10 K, 10 degC and 18 degF all mean 10 K', () => {
    expect(ok('10 K', 'temperatureDifference')).toBe(10);
    expect(ok('10 degC', 'temperatureDifference')).toBe(10);
    expect(ok('18 degF', 'temperatureDifference')).toBeCloseTo(10, 12);
    expect(ok('18 °F', 'temperatureDifference')).toBeCloseTo(10, 12);
  });

  it('refuses a bare "ton" as ambiguous (refrigeration ton, tonne, short ton)', () => {
    const r = parseQuantity('10 ton', 'power');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/ambiguous/);
  });

  it('keeps kVA and kW apart (mathjs gives both the base of W)', () => {
    expect(parseQuantity('34.5 kVA', 'power')).toMatchObject({ ok: false });
    expect(parseQuantity('34.5 kW', 'apparentPower')).toMatchObject({ ok: false });
  });

  it('refuses expressions, other dimensions and junk with the accepted form in the message', () => {
    for (const t of ['sqrt(4) W', '5 kW + 1', '10 m', 'abc', '', '1e999 W', '<script>', '__proto__ W']) {
      const r = parseQuantity(t, 'power');
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/power such as/);
    }
  });

  it('reads a bare number in the canonical unit, or in a given default unit', () => {
    expect(ok('12', 'power')).toBe(12);
    expect(parseQuantity('12', 'power', 'kW')).toEqual({ ok: true, value: 12_000 });
  });
});

describe('round trips (fast-check)', () => {
  const kinds: [QuantityKind, string, string][] = [
    ['temperature', 'degC', 'degF'],
    ['temperatureDifference', 'K', 'degF'],
    ['volumeFlow', 'lpm', 'gpm'],
    ['mass', 'kg', 'lb'],
    ['length', 'm', 'ft'],
  ];
  it('SI value → US display → parse back gives the same SI value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 0.001, max: 1e6, noNaN: true }), ([kind, , usUnit], x) => {
        const si = kind === 'volumeFlow' ? x / 60_000 : x; // volume flow canonical is m³/s
        const us = toDisplay(si, kind, 'us');
        const text = `${us.value} ${usUnit}`;
        const back = parseQuantity(text, kind);
        expect(back.ok).toBe(true);
        if (back.ok) expect(Math.abs(back.value - si)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(si)));
      }),
      { numRuns: 500 },
    );
  });
});

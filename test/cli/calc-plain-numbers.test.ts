import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainNumber } from '../../src/cli/args';
import { runCli } from '../../src/cli/main';
import { parseQuantity, type QuantityKind } from '../../src/units/quantity';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Bare decimal texts as users type them: sign, integer and fraction digits, an optional exponent. */
const bareNumber = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,7}$/), fc.option(fc.stringMatching(/^\d{0,6}$/)), fc.option(fc.integer({ min: -12, max: 12 })))
  .filter(([, int, frac]) => int !== '' || (frac !== null && frac !== ''))
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `e${exp}`}`);

describe('calc: plain numbers without the units module', () => {
  it('plainNumber reads a bare number exactly as the units parser (mathjs) does, for every kind calc uses', () => {
    const kinds: QuantityKind[] = ['voltage', 'current', 'temperature', 'temperatureDifference', 'length'];
    fc.assert(
      fc.property(bareNumber, (text) => {
        const fast = plainNumber(text);
        for (const kind of kinds) {
          const slow = parseQuantity(text, kind);
          expect(fast, `${text} as ${kind}`).toBe(slow.ok ? slow.value : undefined);
        }
        // A bare --kw is in kW: the units parser converts "n kW" to W; calc's bare path multiplies by 1000.
        // (+ 0: mathjs turns "-0 kW" into 0 W, the product gives -0; both are refused by --kw's range.)
        const kw = parseQuantity(text, 'power', 'kW');
        expect(fast === undefined ? undefined : fast * 1000 + 0, `${text} kW`).toBe(kw.ok ? kw.value + 0 : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves everything that is not a bare finite number to the units parser', () => {
    for (const text of ['', ' 415', '415 ', '415 V', '60A', '1e400', '-1e400', 'Infinity', 'NaN', '0x10', '1_000', '1,5', '.', '-', 'e5', '18 degF']) {
      expect(plainNumber(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(plainNumber('-430')).toBe(-430);
    expect(plainNumber('.5')).toBe(0.5);
    expect(plainNumber('2.5e3')).toBe(2500);
  });

  it('a bare value and the same value with its unit give the same calc output', async () => {
    const pairs: [string[], string[]][] = [
      [['circuit', '--volts', '415', '--amps', '60', '--system', '3ph'], ['circuit', '--volts', '415 V', '--amps', '60 A', '--system', '3ph']],
      [['liquid', '--kw', '132', '--delta-t', '10', '--supply-c', '30'], ['liquid', '--kw', '132 kW', '--delta-t', '10 K', '--supply-c', '30 degC']],
      [['air', '--kw', '37.5', '--delta-t', '12', '--altitude-m', '-430'], ['air', '--kw', '37500 W', '--delta-t', '12 K', '--altitude-m', '-430 m']],
    ];
    for (const [plain, withUnits] of pairs) {
      const a = await run('calc', ...plain, '--json');
      const b = await run('calc', ...withUnits, '--json');
      expect(a.code, a.stderr).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('a bare value out of range names the flag, the range and the value', async () => {
    const r = await run('calc', 'circuit', '--volts', '1e400', '--amps', '0.01', '--system', '3ph');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--volts: volts from 1 to 1000');
    expect(r.stderr).toContain('1e400');
    expect(r.stderr).toContain('--amps: amps from 0.1 to 10,000 (got "0.01")');
  });
});

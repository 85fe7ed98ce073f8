import { describe, expect, it } from 'vitest';
import { formatNumber, formatPue, formatUsd, NOT_A_NUMBER_TEXT } from '../../src/units/format-number';
import { formatNumber as coreFormatNumber } from '../../src/core/format';
import { formatNumber as uiFormatNumber, formatUsd as uiFormatUsd } from '../../src/views/format';
import { formatNumber as cliFormatNumber, formatUsd as cliFormatUsd } from '../../src/cli/output';

// Expected strings are written by hand from the rules in src/core/format.ts (en-US grouping, round half away
// from zero on the decimal value), not taken from the formatter's own output.
describe('one number formatter: the magnitude rules', () => {
  it.each([
    // ≥ 1,000: whole numbers with separators
    [1360, '1,360'],
    [132_440.6, '132,441'],
    [999.96, '1,000'], // 1 decimal at this magnitude rounds up into the next band
    [1_234_567.5, '1,234,568'],
    [-8640, '-8,640'],
    // 10 … < 1,000: at most one decimal
    [132.44, '132.4'],
    [35.64, '35.6'], // the CLI used to print 35.64 and the UI 35.6
    [12, '12'], // trailing zeros dropped
    [10, '10'],
    [99.95, '100'],
    // 1 … < 10: at most two decimals
    [2.456, '2.46'],
    [1, '1'],
    [9.996, '10'],
    [-1.5, '-1.5'],
    // < 1: three significant digits
    [0.1254, '0.125'],
    [0.8, '0.8'],
    [0.04123, '0.0412'],
    [0.0001, '0.0001'], // 100 W in MW: not hidden as 0
    [-0.0001, '-0.0001'],
    [0.9996, '1'],
    // zero, negative zero and float noise
    [0, '0'],
    [-0, '0'],
    [1e-12, '0'],
    [-1e-9, '0'],
  ])('%s → %s', (n, text) => expect(formatNumber(n)).toBe(text));

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('%s prints an em dash, never NaN or Infinity', (n) => {
    expect(formatNumber(n)).toBe('—');
    expect(formatNumber(n, 2)).toBe(NOT_A_NUMBER_TEXT);
  });
});

describe('one number formatter: fixed precision on request', () => {
  it.each([
    [1234.567, 2, '1,234.57'],
    [4.5, 0, '5'], // half away from zero
    [-0.4, 0, '0'], // rounds to -0: printed as 0
    [-0.004, 2, '0'],
    [0.125, 1, '0.1'],
    [2, 3, '2'], // a maximum, not a minimum
    [1234.567, 25, '1,234.567'], // clamped to 20
    [12.34, Number.NaN, '12.3'], // ignored: the magnitude rule applies
  ])('%s with %s decimals → %s', (n, digits, text) => expect(formatNumber(n, digits)).toBe(text));
});

describe('money', () => {
  it.each([
    [950, '$950'],
    [9_999.6, '$10,000'], // whole dollars below $10,000
    [12_345, '$12.3 k'],
    [14_600_000, '$14.6 M'],
    [357_100_000, '$357 M'], // no decimal from $100 M
    [920_000_000, '$920 M'],
    [1_764_000_000, '$1.76 B'],
    [-2_500_000, '-$2.5 M'],
    [-0.2, '$0'],
    [0, '$0'],
    [Number.NaN, '—'],
  ])('%s → %s', (usd, text) => expect(formatUsd(usd)).toBe(text));
});

describe('PUE', () => {
  // Three fixed decimals, so 1 + 0.051 + 0.065 + 0.013 reads as the 1.129 it adds up to.
  it.each([
    [1.12934, '1.129'],
    [1.1, '1.100'],
    [0.0514, '0.051'],
    [0.0005, '0.001'], // half away from zero
    [-0.0001, '0.000'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (pue, text) => expect(formatPue(pue)).toBe(text));
});

describe('one formatter for every layer', () => {
  it('the CLI, the UI and the core print through the same function', () => {
    expect(cliFormatNumber).toBe(coreFormatNumber);
    expect(uiFormatNumber).toBe(coreFormatNumber);
    expect(formatNumber).toBe(coreFormatNumber);
    expect(cliFormatUsd).toBe(uiFormatUsd);
    expect(formatUsd).toBe(uiFormatUsd);
  });

  it('the formatting module does not load mathjs', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['src/units/format-number.ts', 'src/core/format.ts']) expect(readFileSync(f, 'utf8'), f).not.toMatch(/mathjs['"]/);
  });
});

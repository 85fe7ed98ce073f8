/**
 * The one number formatter for people: CLI text, the UI, the PDF report and the core's own issue messages all
 * print through it, so the same value reads the same everywhere. Pure (Intl only, no DOM, no mathjs); src/units
 * re-exports it as the formatting layer for the outer layers.
 *
 * Rules, by magnitude of the value (en-US grouping, "-" for negatives):
 *
 * | magnitude          | shown as                                   | example             |
 * |--------------------|--------------------------------------------|---------------------|
 * | not finite         | an em dash, never "NaN"                    | NaN → —             |
 * | ≥ 1,000            | whole number, separators                   | 132,440.6 → 132,441 |
 * | 10 … < 1,000       | at most 1 decimal                          | 35.64 → 35.6        |
 * | 1 … < 10           | at most 2 decimals                         | 2.456 → 2.46        |
 * | 0.0000005 … < 1    | 3 significant digits                       | 0.04123 → 0.0412    |
 * | < 0.0000005        | 0 (below any displayed unit: float noise)  | 1e-12 → 0           |
 *
 * Trailing zeros are dropped (12.0 → 12) and a negative value that rounds to zero prints as 0, never -0.
 * A caller that needs fixed precision passes `fractionDigits` (the maximum number of decimals).
 * Money ({@link formatUsd}) and PUE ({@link formatPue}, 3 fixed decimals) follow from the same rules.
 * @module
 */

/** What a number that is not finite (NaN, ±Infinity) prints as. */
export const NOT_A_NUMBER_TEXT = '—';

/** Values smaller than this print as 0: no displayed unit is this fine, so it can only be float noise. */
const NOISE_FLOOR = 0.0000005;

const byFractionDigits = new Map<number, Intl.NumberFormat>();
// Created on first use: building an Intl formatter at import costs ~20 ms of ICU start-up in every CLI call.
let threeSignificantFormatter: Intl.NumberFormat | undefined;
const threeSignificant = { format: (v: number) => (threeSignificantFormatter ??= new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 })).format(v) };
let pueFormatter: Intl.NumberFormat | undefined;

function fractionFormatter(digits: number): Intl.NumberFormat {
  let f = byFractionDigits.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
    byFractionDigits.set(digits, f);
  }
  return f;
}

/** Maximum decimals the magnitude rule gives a value of at least 1 (see the module table). */
function fractionDigitsFor(abs: number): number {
  return abs >= 1000 ? 0 : abs >= 10 ? 1 : 2;
}

/**
 * A number for people, by the rules in the module table.
 * @param fractionDigits the maximum number of decimals, overriding the magnitude rule (clamped to 0–20; a
 *   non-finite value is ignored).
 * @example formatNumber(1360) // "1,360"
 * @example formatNumber(132.44) // "132.4"
 * @example formatNumber(0.04123) // "0.0412"
 * @example formatNumber(Number.NaN) // "—"
 */
export function formatNumber(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER_TEXT;
  const abs = Math.abs(n);
  let text: string;
  if (fractionDigits !== undefined && Number.isFinite(fractionDigits)) text = fractionFormatter(Math.min(20, Math.max(0, Math.trunc(fractionDigits)))).format(n);
  else if (abs < NOISE_FLOOR) return '0';
  else if (abs < 1) text = threeSignificant.format(n);
  else text = fractionFormatter(fractionDigitsFor(abs)).format(n);
  return text === '-0' ? '0' : text;
}

/**
 * Money for people, on the same rules as {@link formatNumber}: $950 · $12.3 k · $14.6 M · $920 M · $1.76 B.
 * Under $10,000 whole dollars; then thousands with at most 1 decimal; millions with at most 1 decimal below
 * $100 M and none above; billions with at most 2 decimals. Negative amounts lead with "-"; non-finite is an em dash.
 * @example formatUsd(1_764_000_000) // "$1.76 B"
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return NOT_A_NUMBER_TEXT;
  const a = Math.abs(usd);
  const text = a >= 1e9 ? `$${formatNumber(a / 1e9, 2)} B` : a >= 1e6 ? `$${formatNumber(a / 1e6, a >= 1e8 ? 0 : 1)} M` : a >= 1e4 ? `$${formatNumber(a / 1e3, 1)} k` : `$${formatNumber(a, 0)}`;
  return usd < 0 && text !== '$0' ? `-${text}` : text;
}

/** Decimals a PUE and its terms are quoted to (1.129 = 1 + 0.051 + 0.065 + 0.013), as PUE reports quote them. */
export const PUE_DECIMALS = 3;

/**
 * A PUE or one of its terms, to {@link PUE_DECIMALS} fixed decimals so the terms add up on the page: "1.129",
 * "0.051", "1.100". A PUE that does not exist (null) or is not finite prints as an em dash.
 */
export function formatPue(pue: number | null | undefined): string {
  if (pue === null || pue === undefined || !Number.isFinite(pue)) return NOT_A_NUMBER_TEXT;
  pueFormatter ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: PUE_DECIMALS, maximumFractionDigits: PUE_DECIMALS });
  const text = pueFormatter.format(pue);
  return text === '-0.000' ? '0.000' : text;
}

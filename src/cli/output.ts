/** Output helpers shared by CLI commands. */
import { formatNumber } from '../units/format-number';

export interface CommandResult {
  /** What goes to stdout. */
  readonly text: string;
  /** The JSON value behind `text` when `--json` was given (checked for NaN/Infinity before printing). */
  readonly json?: unknown;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[]): Promise<CommandResult> | CommandResult;
}

export function jsonResult(value: unknown): CommandResult {
  return { text: JSON.stringify(value, null, 2), json: value };
}

/** Path of the first NaN/±Infinity in a JSON-like value, or undefined. */
export function findNonFinite(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findNonFinite(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findNonFinite(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

/** Plain-text table: columns padded, numbers right-aligned. */
export function textTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[], numeric: boolean[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const numeric = headers.map((_, i) => rows.some((r) => typeof r[i] === 'number'));
  return [line(headers, numeric), line(widths.map((w) => '-'.repeat(w)), numeric), ...cells.map((r) => line(r, numeric))].join('\n');
}

/** The one number formatter, shared with the UI so a value prints the same in both (rules: src/core/format.ts). */
export { formatNumber };

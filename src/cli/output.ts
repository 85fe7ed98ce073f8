/** Output helpers shared by CLI commands. */
import { isIssueCode, ISSUE_CODES } from '../core/issue-codes';
import type { Issue } from '../core/issues';
import { formatNumber, formatPue, formatUsd } from '../units/format-number';

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

/**
 * A command's `--json` result. Every issue in it gains the registry's `title` and `fix` (added fields only, so
 * scripts reading `code`, `severity`, `message` keep working).
 */
export function jsonResult(value: unknown): CommandResult {
  const json = withIssueTitles(value);
  return { text: JSON.stringify(json, null, 2), json };
}

function isIssue(v: object): v is Issue {
  const o = v as Partial<Issue>;
  return typeof o.code === 'string' && isIssueCode(o.code) && typeof o.severity === 'string' && typeof o.message === 'string' && Array.isArray(o.path);
}

/** A copy of a JSON-like value with `title` and `fix` on every issue; unchanged parts are shared, not copied. */
export function withIssueTitles(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let out: unknown[] | undefined;
    items.forEach((v, i) => {
      const w = withIssueTitles(v);
      if (w !== v) (out ??= [...items])[i] = w;
    });
    return out ?? value;
  }
  if (!value || typeof value !== 'object') return value;
  if (isIssue(value)) {
    const { title, fix } = ISSUE_CODES[value.code];
    // An issue's own fix (computed from its numbers) wins over the registry's general one.
    return { ...value, title, fix: value.fix ?? fix };
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const w = withIssueTitles(v);
    if (w !== v) (out ??= { ...value })[k] = w;
  }
  return out ?? value;
}

/**
 * Issue lines for text output: severity, code, the registry's title, the message, then what would fix it
 * (for a note: what it means), indented under it. A code that repeats (one per quarter, say) gets its fix once.
 * @example issueLines([ab]) // ['  error   ab_failover_insufficient: The surviving A/B side cannot carry the load — on loss…', '          Fix: Add a shelf…']
 */
export function issueLines(issues: readonly Issue[]): string[] {
  const explained = new Set<string>();
  return issues.flatMap((i) => {
    const info = isIssueCode(i.code) ? ISSUE_CODES[i.code] : undefined;
    const head = `  ${i.severity.padEnd(7)} ${i.code}: ${info ? `${info.title} — ${i.message}` : i.message}`;
    const label = `${' '.repeat(10)}${i.severity === 'info' ? 'Note' : 'Fix'}: `;
    // A computed fix belongs to this instance, so it shows every time; the registry's general one once per code.
    if (i.fix) return [head, label + i.fix];
    if (!info || explained.has(i.code)) return [head];
    explained.add(i.code);
    return [head, label + info.fix];
  });
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
export { formatNumber, formatPue, formatUsd };

/**
 * The neutral shape every tabular export is built from: named tables of typed columns and plain rows.
 * Writers (CSV, XLSX, PDF) only see tables, never the plan, so each can be tested on its own.
 * Pure: no DOM, no I/O.
 * @module
 */

/**
 * A computed number a spreadsheet should keep live: XLSX writes `formula` (no leading `=`, A1 references,
 * may name other sheets); CSV and PDF write `value`.
 */
export interface FormulaCell {
  readonly formula: string;
  readonly value: number;
}

export type CellValue = string | number | boolean | null | FormulaCell;

export function isFormulaCell(v: CellValue | undefined): v is FormulaCell {
  return typeof v === 'object' && v !== null;
}

/** The plain value of a cell (a formula cell's computed value). */
export function plainValue(v: CellValue): string | number | boolean | null {
  return isFormulaCell(v) ? v.value : v;
}

export type ColumnKind = 'text' | 'number' | 'integer' | 'boolean';

export interface Column {
  /** Machine name used as the CSV header: snake_case ending in its unit (`it_mw`, `length_m`). */
  readonly key: string;
  /** Human header for XLSX and PDF, unit in parentheses (`IT (MW)`). */
  readonly label: string;
  readonly kind: ColumnKind;
  /** Spreadsheet number format (`#,##0.00`, `0.0%`). */
  readonly format?: string;
  /** A totals row sums this column (a live `SUM` formula in XLSX). */
  readonly total?: 'sum';
  /**
   * A live per-row spreadsheet formula over other columns of the same row, written with `{key}` placeholders,
   * e.g. `{it_mw}*{utilization}*{pue}*8760`. The row still carries the computed value (CSV, PDF and the
   * value check in tests use it); XLSX writes the formula so a reader who changes an input sees the result move.
   */
  readonly formula?: string;
  /** Column width in characters (XLSX). */
  readonly width?: number;
}

export interface Table {
  /** Sheet / file stem: `sites`, `cables`. */
  readonly name: string;
  /** Human title (XLSX sheet name, PDF heading). At most 31 characters for XLSX. */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Shown under the table (XLSX note row, PDF caption): caps, sources, caveats. */
  readonly notes?: readonly string[];
}

/** Characters that make a spreadsheet treat a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralize text a spreadsheet would run as a formula: a text cell starting with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading apostrophe. Numbers never pass through here, so `-5` stays the number −5.
 * @example neutralizeText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutralizeText(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/**
 * A number as written to text formats: finite, no float noise past 12 significant digits, no exponent for
 * ordinary magnitudes. Non-finite numbers are a bug upstream and throw. Deliberately not the display formatter
 * (src/units/format-number.ts): a CSV cell is data for a spreadsheet, so it keeps full precision and no separators.
 */
export function formatNumberCell(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`export: non-finite number ${n}`);
  if (Number.isInteger(n)) return String(n);
  const rounded = Number(n.toPrecision(12));
  return String(rounded);
}

/** Check that every row has one cell per column and that typed columns hold their type (programmer errors). */
export function assertTable(t: Table): void {
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    if (row.length !== t.columns.length) throw new Error(`export: ${t.name} row ${r} has ${row.length} cells, expected ${t.columns.length}`);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      const v = plainValue(cell);
      const kind = t.columns[c]!.kind;
      const ok = kind === 'text' ? typeof v === 'string' : kind === 'boolean' ? typeof v === 'boolean' : typeof v === 'number' && Number.isFinite(v) && (kind !== 'integer' || Number.isInteger(v));
      if (!ok) throw new Error(`export: ${t.name}.${t.columns[c]!.key} row ${r} holds ${typeof v} ${String(v)}, expected ${kind}`);
    }
  }
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

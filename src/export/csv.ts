/**
 * CSV writer: RFC 4180 (comma separator, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), UTF-8 without a byte-order mark, control characters removed (tab and line breaks kept),
 * formula-like text neutralized, numbers left as numbers.
 * Pure; the streaming form yields one line at a time so a million-row cable schedule never sits in one string.
 * @module
 */
import { stripControlCharsExceptBreaks } from '../io/control-chars';
import { assertTable, formatNumberCell, isFormulaCell, neutralizeText, type CellValue, type Column, type Table } from './table';

const NEEDS_QUOTES = /[",\r\n]/;

const PLAIN = 0;
const PLAIN_QUOTED = 1;
const HAS_CONTROL = 2;

/**
 * What a text cell needs, found in one pass over its characters: HAS_CONTROL when it holds a control character
 * to remove (C0 but tab, LF and CR; DEL; C1), else PLAIN_QUOTED when it holds a quote, comma, CR or LF. A cable
 * schedule has millions of short, plain cells; a character loop costs a fraction of two regular-expression passes.
 */
function scanText(text: string): number {
  let found = PLAIN;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return HAS_CONTROL;
      if (c !== 0x09) found = PLAIN_QUOTED;
    } else if (c >= 0x7f && c <= 0x9f) return HAS_CONTROL;
    else if (c === 0x22 || c === 0x2c) found = PLAIN_QUOTED;
  }
  return found;
}

/** One CSV field: quoted only when RFC 4180 requires it. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (isFormulaCell(value)) return formatNumberCell(value.value);
  if (typeof value === 'number') return formatNumberCell(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const scan = scanText(value);
  // Control characters (ESC sequences, NUL) never reach a spreadsheet; removed before formula neutralizing.
  // Neutralizing prefixes an apostrophe, which never changes whether the cell needs quotes.
  const text = neutralizeText(scan === HAS_CONTROL ? stripControlCharsExceptBreaks(value) : value);
  const quote = scan === HAS_CONTROL ? NEEDS_QUOTES.test(text) : scan === PLAIN_QUOTED;
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record including its CRLF. */
export function csvLine(cells: readonly CellValue[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i) out += ',';
    out += csvField(cells[i] ?? null);
  }
  return `${out}\r\n`;
}

/** Header line from columns (their machine keys, which end in the unit). */
export function csvHeader(columns: readonly Column[]): string {
  return csvLine(columns.map((c) => c.key));
}

/** The lines of a table, header first: for streaming to a file or a Blob. */
export function* csvLines(table: Table): Generator<string> {
  yield csvHeader(table.columns);
  for (const row of table.rows) yield csvLine(row);
}

/** A whole table as one CSV string (small tables; use {@link csvLines} for large ones). */
export function toCsv(table: Table): string {
  assertTable(table);
  let out = '';
  for (const line of csvLines(table)) out += line;
  return out;
}

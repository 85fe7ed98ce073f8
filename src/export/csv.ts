/**
 * CSV writer: RFC 4180 (comma separator, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled), UTF-8 without a byte-order mark, control characters removed (tab and line breaks kept),
 * formula-like text neutralized, numbers left as numbers.
 * Pure; the streaming form yields one line at a time so a million-row cable schedule never sits in one string.
 * @module
 */
import { ByteChunks, isCopyableCsvChar, isFormulaTrigger, isPaddableInteger, writePaddedInteger } from './byte-chunks';
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

const COMMA = 0x2c;
const encoder = new TextEncoder();

/**
 * CSV rows written straight into UTF-8 bytes, for the million-row files (cable schedules, NetBox cables). Every
 * cell is exactly {@link csvField}'s text: a cell of printable ASCII without a quote or comma whose first character
 * is no formula trigger (`=`, `+`, `-`, `@`) is its own CSV field, and is copied byte by byte in the same pass that
 * checks it; any other cell goes through csvField. Building a line string per row, then the chunk string, then
 * encoding it was ~60 % of a 2.4-million-cable export. Chunks handed out by {@link take} are never written again.
 */
export class CsvBytesWriter extends ByteChunks {
  #firstCell = true;
  #prefix = '';
  /** The last prefix's bytes, or null when it is not a plain field (then every cell goes through csvField). */
  #prefixBytes: Uint8Array | null = null;
  /** The last {@link numbered} prefixes and their bytes (null when they do not make a plain field). */
  #numberedPrefix: string | null = null;
  #numberedIdPrefix: string | null = null;
  #numberedBytes: Uint8Array | null = null;
  /** Number texts already made (bounded). */
  readonly #numbers = new Map<number, string>();

  constructor(chunkBytes = 1 << 20) {
    super(chunkBytes, 4096);
  }

  #separator(): void {
    if (this.#firstCell) this.#firstCell = false;
    else this.buf[this.pos++] = COMMA;
  }

  /** A cell through csvField, encoded (the rare case: quotes, commas, control or non-ASCII characters, triggers). */
  #general(value: CellValue): void {
    const text = csvField(value);
    this.room(text.length * 3);
    this.pos += encoder.encodeInto(text, this.buf.subarray(this.pos)).written;
  }

  /** A text cell. The plain-ASCII copy is written out here (not a helper call): this runs ~30 million times. */
  text(s: string): void {
    const n = s.length;
    if (this.pos + n + 1 > this.buf.length) this.room(n + 1);
    const buf = this.buf;
    let pos = this.pos;
    if (this.#firstCell) this.#firstCell = false;
    else buf[pos++] = COMMA;
    this.pos = pos;
    if (!isFormulaTrigger(n ? s.charCodeAt(0) : 0)) {
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === COMMA) break;
        buf[pos++] = c;
      }
      if (i === n) {
        this.pos = pos;
        return;
      }
    }
    // Not a plain field: csvField's text from the cell's start (the partial copy is overwritten).
    this.#general(s);
  }

  /**
   * The text cell `prefix + s`, without building the joined string on the common path. The prefix (the same for
   * a whole cluster's cables) is checked and encoded once and copied as bytes.
   */
  prefixed(prefix: string, s: string): void {
    if (!prefix.length) {
      this.text(s);
      return;
    }
    if (prefix !== this.#prefix) {
      this.#prefix = prefix;
      const plain = !isFormulaTrigger(prefix.charCodeAt(0)) && isPlainField(prefix);
      this.#prefixBytes = plain ? encoder.encode(prefix) : null;
    }
    const bytes = this.#prefixBytes;
    const n = s.length;
    if (this.pos + prefix.length + n + 1 > this.buf.length) this.room(prefix.length + n + 1);
    const buf = this.buf;
    let pos = this.pos;
    if (this.#firstCell) this.#firstCell = false;
    else buf[pos++] = COMMA;
    this.pos = pos;
    if (bytes) {
      buf.set(bytes, pos);
      pos += bytes.length;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === COMMA) break;
        buf[pos++] = c;
      }
      if (i === n) {
        this.pos = pos;
        return;
      }
    }
    this.#general(prefix + s);
  }

  /**
   * The text cell `prefix + idPrefix + String(n).padStart(digits, '0')` (a cable id from its number) without its
   * string: the two prefixes' bytes are checked and encoded once per pair, the digits written from the number.
   */
  numbered(prefix: string, idPrefix: string, n: number, digits: number): void {
    if (prefix !== this.#numberedPrefix || idPrefix !== this.#numberedIdPrefix) {
      this.#numberedPrefix = prefix;
      this.#numberedIdPrefix = idPrefix;
      const joined = prefix + idPrefix;
      this.#numberedBytes = joined.length && !isFormulaTrigger(joined.charCodeAt(0)) && isPlainField(joined) ? encoder.encode(joined) : null;
    }
    const bytes = this.#numberedBytes;
    if (!bytes || !isPaddableInteger(n)) {
      this.room(1);
      this.#separator();
      this.#general(prefix + idPrefix + String(n).padStart(digits, '0'));
      return;
    }
    const need = bytes.length + Math.max(digits, 16) + 1;
    if (this.pos + need > this.buf.length) this.room(need);
    if (this.#firstCell) this.#firstCell = false;
    else this.buf[this.pos++] = COMMA;
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[pos++] = bytes[i]!;
    this.pos = writePaddedInteger(buf, pos, n, digits);
  }

  /**
   * A number cell ({@link formatNumberCell}: ASCII digits, sign, point, exponent). A schedule's numbers are a few
   * cable lengths repeated millions of times, so each distinct value's text is made once.
   */
  number(n: number): void {
    let text = this.#numbers.get(n);
    if (text === undefined) {
      text = formatNumberCell(n);
      if (this.#numbers.size < 4096) this.#numbers.set(n, text);
    }
    this.room(text.length + 1);
    this.#separator();
    const buf = this.buf;
    for (let i = 0; i < text.length; i++) buf[this.pos++] = text.charCodeAt(i);
  }

  /** Any cell value, as {@link csvField} writes it (null and undefined are empty). */
  cell(value: CellValue | undefined): void {
    if (typeof value === 'string') this.text(value);
    else if (typeof value === 'number') this.number(value);
    else {
      this.room(1);
      this.#separator();
      if (value !== null && value !== undefined) this.#general(value);
    }
  }

  /**
   * Cells made once by {@link csvFieldsBytes} (at least one), written with their separator: the same bytes as
   * writing those cells one by one. For the cells a cable schedule repeats on every row (site and cluster, tier and
   * network, medium, part and length, the transceivers).
   */
  fields(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this.pos + n + 1 > this.buf.length) this.room(n + 1);
    if (this.#firstCell) this.#firstCell = false;
    else this.buf[this.pos++] = COMMA;
    // set() copies a 25-byte block in about half the time of a byte loop (measured in node 20).
    this.buf.set(bytes, this.pos);
    this.pos += n;
  }

  /**
   * The text cell `parts.join('')` without building the joined string (the cable label, made of both ends' names
   * and ports): each part copied in the pass that checks it; anything not plain goes through csvField of the join.
   * The caller may reuse `parts` for the next cell.
   */
  joined(parts: readonly string[]): void {
    let length = 0;
    for (let k = 0; k < parts.length; k++) length += parts[k]!.length;
    if (this.pos + length + 1 > this.buf.length) this.room(length + 1);
    const buf = this.buf;
    let pos = this.pos;
    if (this.#firstCell) this.#firstCell = false;
    else buf[pos++] = COMMA;
    this.pos = pos;
    let first = true;
    for (let k = 0; k < parts.length; k++) {
      const s = parts[k]!;
      const n = s.length;
      if (!n) continue;
      if (first) {
        if (isFormulaTrigger(s.charCodeAt(0))) return this.#general(parts.join(''));
        first = false;
      }
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === COMMA) return this.#general(parts.join(''));
        buf[pos++] = c;
      }
    }
    this.pos = pos;
  }

  /** End the row with CRLF. */
  endRow(): void {
    this.room(2);
    this.buf[this.pos++] = 0x0d;
    this.buf[this.pos++] = 0x0a;
    this.#firstCell = true;
  }

  /** A whole row of cells. */
  row(cells: readonly (CellValue | undefined)[]): void {
    for (let i = 0; i < cells.length; i++) this.cell(cells[i]);
    this.endRow();
  }
}

/** `csvField` of each cell joined by commas, as UTF-8 bytes: cells to write many times with {@link CsvBytesWriter.fields}. */
export function csvFieldsBytes(cells: readonly CellValue[]): Uint8Array {
  if (!cells.length) throw new Error('csvFieldsBytes: at least one cell');
  return encoder.encode(cells.map(csvField).join(','));
}

/**
 * The bytes of cells a schedule repeats (a few distinct values over millions of rows), made once per distinct
 * combination: {@link csvFieldsBytes} of `[a, b]` or `[a, b, n]`, looked up by value (the last combination first).
 */
export class RepeatedCells {
  readonly #pairs = new Map<string, Map<string, Uint8Array>>();
  readonly #triples = new Map<string, Map<string, Map<number, Uint8Array>>>();
  #lastA: string | undefined;
  #lastB: string | undefined;
  #lastN: number | undefined;
  #last: Uint8Array | undefined;

  /** `[a, b]` as bytes. */
  pair(a: string, b: string): Uint8Array {
    if (a === this.#lastA && b === this.#lastB && this.#lastN === undefined) return this.#last!;
    let byB = this.#pairs.get(a);
    if (!byB) this.#pairs.set(a, (byB = new Map<string, Uint8Array>()));
    let bytes = byB.get(b);
    if (!bytes) byB.set(b, (bytes = csvFieldsBytes([a, b])));
    this.#lastA = a;
    this.#lastB = b;
    this.#lastN = undefined;
    return (this.#last = bytes);
  }

  /** `[a, b, n]` as bytes. */
  triple(a: string, b: string, n: number): Uint8Array {
    if (a === this.#lastA && b === this.#lastB && n === this.#lastN) return this.#last!;
    let byB = this.#triples.get(a);
    if (!byB) this.#triples.set(a, (byB = new Map<string, Map<number, Uint8Array>>()));
    let byN = byB.get(b);
    if (!byN) byB.set(b, (byN = new Map<number, Uint8Array>()));
    // -0 and 0 are one Map key and one text (csvField writes both as 0).
    let bytes = byN.get(n);
    if (!bytes) byN.set(n, (bytes = csvFieldsBytes([a, b, n])));
    this.#lastA = a;
    this.#lastB = b;
    this.#lastN = n;
    return (this.#last = bytes);
  }
}

/** Printable ASCII without a quote or comma: copied as is by the writer. */
function isPlainField(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isCopyableCsvChar(c)) return false;
  }
  return true;
}


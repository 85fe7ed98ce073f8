/**
 * XLSX writer over {@link Table}s: SpreadsheetML written row by row and compressed as it goes (raw DEFLATE through
 * the platform's CompressionStream, in Node and in browsers), so a sheet never exists as one XML string or a grid
 * of cell objects; only the compressed parts are held (a few MB for the biggest plan).
 * Numbers are stored as numbers; totals and per-row derived columns are live formulas; text a spreadsheet would
 * run as a formula is neutralized. The workbook asks for a full recalculation on load, because formulas are written
 * without cached results. Strings are inline (`t="inlineStr"`), so no shared-string table is built in memory.
 * @module
 */
import { stripControlCharsExceptBreaks } from '../io/control-chars';
import { assertTable, columnLetter, isFormulaCell, neutralizeText, type CellValue, type Column, type Table } from './table';
import { crcUpdate, zipDeflated, type DeflatedEntry } from './zip';

/** Excel's own limits: 1,048,576 rows per sheet, 31 characters per sheet name. */
export const XLSX_MAX_SHEET_ROWS = 1_048_576;
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** How a cell looks: a number format, bold (totals), italic (notes), or the header look (bold, fill, border). */
export interface CellStyle {
  readonly format?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly header?: boolean;
}

/** One cell of a sheet: a value, or a live formula (A1 references, no leading `=`), with its style. */
export interface SheetCell {
  readonly value?: string | number | boolean;
  readonly formula?: string;
  readonly style?: CellStyle;
}

export type SheetRow = readonly (SheetCell | null)[];

const HEADER: CellStyle = { header: true };

function defaultFormat(c: Column): string | undefined {
  if (c.format) return c.format;
  if (c.kind === 'integer') return '#,##0';
  if (c.kind === 'number') return '#,##0.00';
  return undefined;
}

/** Replace `{key}` placeholders with this row's cell references. */
export function expandRowFormula(formula: string, columns: readonly Column[], rowNumber: number): string {
  return formula.replace(/\{([a-z0-9_]+)\}/g, (_, key: string) => {
    const i = columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`xlsx: formula refers to unknown column ${key}`);
    return `${columnLetter(i)}${rowNumber}`;
  });
}

function dataCell(value: CellValue, column: Column, formula: string | undefined): SheetCell | null {
  const format = defaultFormat(column);
  if (formula !== undefined) return { formula, style: format ? { format } : undefined };
  if (value === null) return null;
  if (isFormulaCell(value)) return { formula: value.formula, style: format ? { format } : undefined };
  if (typeof value === 'number') return format && format !== 'General' ? { value, style: { format } } : { value };
  if (typeof value === 'boolean') return { value };
  return { value: neutralizeText(value) };
}

/** A safe, unique sheet name (≤ 31 characters, none of `[]:*?/\`). */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(SHEET_NAME_BAD, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The rows of one table's sheet, one at a time: header row, data rows, a totals row with `SUM` formulas where
 * columns ask for one, then the notes (after an empty row). Pure.
 */
export function* sheetRows(table: Table): Generator<SheetRow> {
  assertTable(table);
  const cols = table.columns;
  if (table.rows.length + 3 + (table.notes?.length ?? 0) > XLSX_MAX_SHEET_ROWS) {
    throw new Error(`xlsx: ${table.name} has ${table.rows.length} rows; cap it before writing (Excel holds ${XLSX_MAX_SHEET_ROWS})`);
  }
  yield cols.map((c) => ({ value: c.label, style: HEADER }));
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const rowNumber = i + 2;
    yield cols.map((c, j) => dataCell(r[j] ?? null, c, c.formula ? expandRowFormula(c.formula, cols, rowNumber) : undefined));
  }
  if (cols.some((c) => c.total === 'sum') && table.rows.length > 0) {
    const last = table.rows.length + 1;
    const labelAt = cols.findIndex((c) => c.kind === 'text' && c.total !== 'sum');
    yield cols.map((c, j): SheetCell | null => {
      if (c.total === 'sum') return { formula: `SUM(${columnLetter(j)}2:${columnLetter(j)}${last})`, style: { bold: true, format: defaultFormat(c) } };
      if (j === (labelAt < 0 ? 0 : labelAt)) return { value: 'Total', style: { bold: true } };
      return null;
    });
  }
  if (table.notes?.length) {
    yield [];
    for (const n of table.notes) yield [{ value: neutralizeText(n), style: { italic: true } }];
  }
}

/** The cell grid of one table (every row of {@link sheetRows}), for tests and small tables. */
export function tableSheetData(table: Table): SheetRow[] {
  return [...sheetRows(table)];
}

// ---------------------------------------------------------------------------------------------------------------
// SpreadsheetML

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FONT = '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>';
const HEADER_FILL = 'FFE8EEF4';
const HEADER_BORDER = 'FF9AA9B8';

const XML_SPECIAL = /[&<>"]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or an attribute: control characters XML cannot carry removed (tab, LF, CR kept), escaped. */
export function xmlText(text: string): string {
  return stripControlCharsExceptBreaks(text).replace(XML_SPECIAL, (c) => XML_ESCAPES[c]!);
}

/** The workbook's cell formats, numbered in order of first use (0 is the default look). */
class Styles {
  readonly #ids = new Map<string, number>([['||', 0]]);
  readonly #xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  readonly #formats = new Map<string, number>();

  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const format = style.format && style.format !== 'General' ? style.format : '';
    const font = style.header || style.bold ? 1 : style.italic ? 2 : 0;
    const key = `${format}|${font}|${style.header ? 'h' : ''}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      let fmt = 0;
      if (format) {
        fmt = this.#formats.get(format) ?? 164 + this.#formats.size;
        this.#formats.set(format, fmt);
      }
      const fill = style.header ? 2 : 0;
      const border = style.header ? 1 : 0;
      this.#xfs.push(
        `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}/>`,
      );
      id = this.#xfs.length - 1;
      this.#ids.set(key, id);
    }
    return id;
  }

  xml(): string {
    const formats = [...this.#formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    const side = (s: string) => `<${s} style="thin"><color rgb="${HEADER_BORDER}"/></${s}>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="3"><font>${FONT}</font><font><b/>${FONT}</font><font><i/>${FONT}</font></fonts>` +
      `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.#xfs.length}">${this.#xfs.join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

/** One `<c>` element, or '' for an empty unstyled cell. */
function cellXml(cell: SheetCell | null, ref: string, styles: Styles): string {
  if (!cell) return '';
  const s = styles.id(cell.style);
  const sAttr = s ? ` s="${s}"` : '';
  if (cell.formula !== undefined) return `<c r="${ref}"${sAttr}><f>${xmlText(cell.formula)}</f></c>`;
  const v = cell.value;
  if (v === undefined || v === '') return s ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`xlsx: non-finite number ${v} in ${ref}`);
    return `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = xmlText(v);
  // Leading or trailing spaces and line breaks are kept only with xml:space="preserve".
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** The XML of one worksheet, in pieces of about `pieceChars` characters. */
function* sheetXml(table: Table, styles: Styles, pieceChars = 1 << 16): Generator<string> {
  const widths = table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.min(48, Math.max(10, c.label.length + 2))}" customWidth="1"/>`);
  let out =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.join('')}</cols><sheetData>`;
  const letters = table.columns.map((_, i) => columnLetter(i));
  let rowNumber = 0;
  for (const row of sheetRows(table)) {
    rowNumber++;
    out += `<row r="${rowNumber}">`;
    for (let j = 0; j < row.length; j++) out += cellXml(row[j] ?? null, `${letters[j] ?? columnLetter(j)}${rowNumber}`, styles);
    out += '</row>';
    if (out.length >= pieceChars) {
      yield out;
      out = '';
    }
  }
  yield `${out}</sheetData></worksheet>`;
}

/** Compress text pieces as one ZIP entry (raw DEFLATE), keeping only the compressed bytes. */
async function deflatedEntry(path: string, pieces: Iterable<string>): Promise<DeflatedEntry> {
  const encoder = new TextEncoder();
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push(value);
    }
  })();
  let crc = 0xffffffff;
  let size = 0;
  try {
    for (const piece of pieces) {
      const bytes = encoder.encode(piece);
      crc = crcUpdate(crc, bytes);
      size += bytes.length;
      await writer.write(bytes);
    }
    await writer.close();
  } catch (err) {
    await writer.abort(err).catch(() => undefined);
    await reading.catch(() => undefined);
    throw err;
  }
  await reading;
  return { path, pieces: out, crc: (crc ^ 0xffffffff) >>> 0, size };
}

/**
 * Write tables as one workbook, one sheet per table, in order. Returns the .xlsx bytes. Sheets are written and
 * compressed one after another, row by row, so memory holds one piece of XML at a time plus the compressed output.
 */
export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const taken = new Set<string>();
  const names = tables.map((t) => sheetName(t.title, taken));
  const styles = new Styles();
  const sheets: DeflatedEntry[] = [];
  for (let i = 0; i < tables.length; i++) sheets.push(await deflatedEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(tables[i]!, styles)));
  const n = tables.length;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
    names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    // No cached results are written with the formulas: a full recalculation on load fills them in.
    `</sheets><calcPr calcId="0" fullCalcOnLoad="1"/></workbook>`;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
  // styles.xml last: it lists every format the sheets used.
  const parts: DeflatedEntry[] = [
    await deflatedEntry('[Content_Types].xml', [contentTypes]),
    await deflatedEntry('_rels/.rels', [rootRels]),
    await deflatedEntry('xl/workbook.xml', [workbook]),
    await deflatedEntry('xl/_rels/workbook.xml.rels', [workbookRels]),
    ...sheets,
    await deflatedEntry('xl/styles.xml', [styles.xml()]),
  ];
  return zipDeflated(parts);
}

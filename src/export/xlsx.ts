/**
 * XLSX writer over {@link Table}s with write-excel-file (loaded lazily: it is only fetched when a user exports).
 * Numbers are stored as numbers; totals and per-row derived columns are live formulas; text a spreadsheet
 * would run as a formula is neutralized. The workbook asks for a full recalculation on load, because formulas
 * are written without cached results.
 * @module
 */
import type { Cell, CellObject, Feature, Row, Sheet, SheetData } from 'write-excel-file/universal';
import { assertTable, columnLetter, isFormulaCell, neutralizeText, type CellValue, type Column, type Table } from './table';

/** Excel's own limits: 1,048,576 rows per sheet, 31 characters per sheet name. */
export const XLSX_MAX_SHEET_ROWS = 1_048_576;
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

const HEADER_STYLE = { fontWeight: 'bold', backgroundColor: '#E8EEF4', borderColor: '#9AA9B8', borderStyle: 'thin' } as const;

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

function dataCell(value: CellValue, column: Column, formula: string | undefined): Cell {
  const format = defaultFormat(column);
  if (formula !== undefined) return { type: 'Formula', value: formula, ...(format ? { format } : {}) };
  if (value === null) return null;
  if (isFormulaCell(value)) return { type: 'Formula', value: value.formula, ...(format ? { format } : {}) };
  // Plain values where no format is needed: a sheet of tens of thousands of rows then costs far less memory.
  if (typeof value === 'number') return format && format !== 'General' ? { type: Number, value, format } : value;
  if (typeof value === 'boolean') return value;
  return neutralizeText(value);
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
 * The cell grid of one table: header row, data rows, a totals row with `SUM` formulas where columns ask for
 * one, then the notes. Pure, so tests can inspect it without writing a file.
 */
export function tableSheetData(table: Table): SheetData {
  assertTable(table);
  const cols = table.columns;
  const rows: Row[] = [cols.map((c) => ({ value: c.label, ...HEADER_STYLE }))];
  if (table.rows.length + 3 + (table.notes?.length ?? 0) > XLSX_MAX_SHEET_ROWS) {
    throw new Error(`xlsx: ${table.name} has ${table.rows.length} rows; cap it before writing (Excel holds ${XLSX_MAX_SHEET_ROWS})`);
  }
  table.rows.forEach((r, i) => {
    const rowNumber = i + 2;
    rows.push(cols.map((c, j) => dataCell(r[j] ?? null, c, c.formula ? expandRowFormula(c.formula, cols, rowNumber) : undefined)));
  });
  if (cols.some((c) => c.total === 'sum') && table.rows.length > 0) {
    const last = table.rows.length + 1;
    const labelAt = cols.findIndex((c) => c.kind === 'text' && c.total !== 'sum');
    rows.push(
      cols.map((c, j): Cell => {
        if (c.total === 'sum') return { type: 'Formula', value: `SUM(${columnLetter(j)}2:${columnLetter(j)}${last})`, fontWeight: 'bold', format: defaultFormat(c) };
        if (j === (labelAt < 0 ? 0 : labelAt)) return { value: 'Total', fontWeight: 'bold' };
        return null;
      }),
    );
  }
  if (table.notes?.length) {
    rows.push([]);
    for (const n of table.notes) rows.push([{ type: String, value: neutralizeText(n), fontStyle: 'italic' } satisfies CellObject]);
  }
  return rows;
}

const recalcOnLoad: Feature<Blob> = {
  files: {
    transform: {
      'xl/workbook.xml': {
        transformElementAttributes: (tag, attributes) => (tag === 'calcPr' ? { ...attributes, fullCalcOnLoad: 1 } : attributes),
      },
    },
  },
};

/** Write tables as one workbook, one sheet per table, in order. Returns the .xlsx bytes. */
export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const taken = new Set<string>();
  const sheets: Sheet<Blob>[] = tables.map((t) => ({
    sheet: sheetName(t.title, taken),
    data: tableSheetData(t),
    columns: t.columns.map((c) => ({ width: c.width ?? Math.min(48, Math.max(10, c.label.length + 2)) })),
    stickyRowsCount: 1,
  }));
  const blob = await writeXlsxFile(sheets, { features: [recalcOnLoad] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

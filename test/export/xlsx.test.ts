import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { toXlsx, tableSheetData, sheetName } from '../../src/export/xlsx';
import type { Table } from '../../src/export/table';

const sites: Table = {
  name: 'sites',
  title: 'Sites',
  columns: [
    { key: 'site', label: 'Site', kind: 'text', width: 24 },
    { key: 'racks', label: 'Racks', kind: 'integer', total: 'sum' },
    { key: 'it_mw', label: 'IT (MW)', kind: 'number', total: 'sum' },
    { key: 'utilization', label: 'Utilization', kind: 'number', format: '0.0%' },
    { key: 'pue', label: 'PUE', kind: 'number' },
    { key: 'annual_energy_mwh', label: 'Annual energy (MWh)', kind: 'number', total: 'sum', formula: '{it_mw}*{utilization}*{pue}*8760' },
  ],
  rows: [
    ['Mount Pleasant, WI', 100, 12.5, 0.7, 1.18, 12.5 * 0.7 * 1.18 * 8760],
    ['=HYPERLINK("http://evil")', 50, 6.25, 0.7, 1.3, 6.25 * 0.7 * 1.3 * 8760],
    ['-negative text', -3, -1.5, 0.7, 1.2, -1.5 * 0.7 * 1.2 * 8760],
  ],
  notes: ['@note that starts with at'],
};

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('xlsx writer', () => {
  it('stores numbers as numbers, per-row and total formulas live, formula-like text neutralized', async () => {
    const bytes = await toXlsx([sites]);
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet('Sites')!;
    expect(ws.getCell('A1').value).toBe('Site');
    expect(ws.getCell('B2').value).toBe(100);
    expect(ws.getCell('C4').value).toBe(-1.5);
    expect(ws.getCell('A3').value).toBe('\'=HYPERLINK("http://evil")');
    expect(ws.getCell('A4').value).toBe("'-negative text");
    const f = ws.getCell('F2').value as { formula: string };
    expect(f.formula).toBe('C2*D2*E2*8760');
    expect((ws.getCell('B5').value as { formula: string }).formula).toBe('SUM(B2:B4)');
    expect(ws.getCell('A5').value).toBe('Total');
    expect(ws.getCell('A7').value).toBe("'@note that starts with at");
  });
  it('sheet names are made safe and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Assumptions & sources', taken)).toBe('Assumptions & sources');
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('a b c d  e');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('Sites', taken)).toBe('Sites');
    expect(sheetName('sites', taken)).toBe('sites 2');
  });
  it('sheet data has a header row and a totals row', () => {
    const d = tableSheetData(sites);
    expect(d).toHaveLength(1 + 3 + 1 + 2);
  });
});

describe('xlsx workbook settings', () => {
  it('asks spreadsheet programs to recalculate on load (formulas carry no cached values)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-xlsx-'));
    const file = join(dir, 'x.xlsx');
    writeFileSync(file, await toXlsx([sites]));
    const workbook = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
    expect(workbook).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe('xlsx text and structure', () => {
  const odd: Table = {
    name: 'odd',
    title: 'Odd & <names>',
    columns: [
      { key: 'text', label: 'Text <&>', kind: 'text' },
      { key: 'flag', label: 'Flag', kind: 'boolean' },
      { key: 'n', label: 'N', kind: 'number', format: 'General' },
    ],
    rows: [
      ['a <b> & "c"', true, 1e21],
      ['  two spaces around  ', false, -0.000001234],
      ['bell\u0007 esc\u001b[2J nul\u0000 end', null, 0],
      ['line one\nline two', true, 12.5],
    ],
  };

  it('escapes markup, keeps edge spaces and line breaks, removes control characters XML cannot carry', async () => {
    const wb = await readBack(await toXlsx([odd]));
    const ws = wb.getWorksheet('Odd & <names>')!;
    expect(ws.getCell('A1').value).toBe('Text <&>');
    expect(ws.getCell('A2').value).toBe('a <b> & "c"');
    expect(ws.getCell('A3').value).toBe('  two spaces around  ');
    expect(ws.getCell('A4').value).toBe('bell esc[2J nul end');
    expect(ws.getCell('A5').value).toBe('line one\nline two');
    expect(ws.getCell('B2').value).toBe(true);
    expect(ws.getCell('B3').value).toBe(false);
    expect(ws.getCell('B4').value).toBe(null);
    expect(ws.getCell('C2').value).toBe(1e21);
    expect(ws.getCell('C3').value).toBe(-0.000001234);
  });

  it('many sheets and thousands of rows: every row read back in order, the header frozen', async () => {
    const big: Table = {
      name: 'big',
      title: 'Big',
      columns: [
        { key: 'id', label: 'ID', kind: 'text' },
        { key: 'v', label: 'Value', kind: 'integer', total: 'sum' },
      ],
      rows: Array.from({ length: 5000 }, (_, i) => [`row-${i}`, i]),
    };
    const wb = await readBack(await toXlsx([sites, big, { ...big, title: 'Big' }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sites', 'Big', 'Big 2']);
    const ws = wb.getWorksheet('Big 2')!;
    expect(ws.getCell('A5001').value).toBe('row-4999');
    expect(ws.getCell('B5001').value).toBe(4999);
    expect((ws.getCell('B5002').value as { formula: string }).formula).toBe('SUM(B2:B5001)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
  });
});


import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvField, toCsv, csvLines } from '../../src/export/csv';
import { neutralizeText, type Table } from '../../src/export/table';

function parse(text: string) {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, newline: '\r\n' });
}

describe('csv fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('%j → %s', (input, expected) => expect(csvField(input)).toBe(expected));
  it('numbers stay numbers, negative numbers are not neutralized, float noise trimmed', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
    expect(csvField(1234567.5)).toBe('1234567.5');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(() => csvField(Number.NaN)).toThrow(/non-finite/);
  });
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', '=cmd|\' /C calc\'!A0'])('formula-like text %j is neutralized', (t) => {
    expect(csvField(t).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });
});

describe('csv tables read back by papaparse', () => {
  const table: Table = {
    name: 't',
    title: 'T',
    columns: [
      { key: 'name', label: 'Name', kind: 'text' },
      { key: 'it_kw', label: 'IT (kW)', kind: 'number' },
      { key: 'count', label: 'Count', kind: 'integer' },
    ],
    rows: [
      ['Mount Pleasant, WI', 132.5, 3],
      ['<script>alert(1)</script>', -1, 0],
      ['quote " and, comma\nnewline', 0, null],
      ['=2+3', 1e-7, 2],
      ['Ünïcødé — 10 °C', 42, 1],
    ],
  };
  it('header carries units; every field round-trips', () => {
    const text = toCsv(table);
    expect(text.startsWith('name,it_kw,count\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const parsed = parse(text);
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['name', 'it_kw', 'count']);
    expect(rows).toHaveLength(table.rows.length);
    rows.forEach((r, i) => {
      const src = table.rows[i]!;
      expect(r[0]).toBe(neutralizeText(src[0] as string));
      expect(Number(r[1])).toBeCloseTo(src[1] as number, 12);
      expect(r[2]).toBe(src[2] === null ? '' : String(src[2] as number));
    });
  });
  it('streams line by line, each a complete record ending in CRLF', () => {
    const lines = [...csvLines(table)];
    expect(lines).toHaveLength(table.rows.length + 1);
    for (const l of lines) expect(l.endsWith('\r\n')).toBe(true);
  });
  it('property: any text survives quoting (after neutralization) and numbers stay numeric', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })), { minLength: 1, maxLength: 20 }), (rows) => {
        const t: Table = { name: 'p', title: 'P', columns: [{ key: 's', label: 'S', kind: 'text' }, { key: 'n', label: 'N', kind: 'number' }], rows };
        const parsed = Papa.parse<string[]>(toCsv(t), { header: false, newline: '\r\n' });
        const data = parsed.data.slice(1, rows.length + 1);
        expect(data).toHaveLength(rows.length);
        data.forEach((r, i) => {
          expect(r[0]).toBe(neutralizeText(rows[i]![0]));
          const n = rows[i]![1];
          expect(Number(r[1])).toBeCloseTo(n, Math.abs(n) > 1 ? 0 : 6);
        });
      }),
      { numRuns: 200 },
    );
  });
});

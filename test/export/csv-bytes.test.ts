import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { CsvBytesWriter, RepeatedCells, csvField, csvFieldsBytes, csvLine } from '../../src/export/csv';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { cableCsvChunks } from '../../src/export/plan-export';
import { CABLE_CSV_COLUMNS, cableCells, planCableRows, planClusters } from '../../src/export/plan-cables';
import type { CellValue } from '../../src/export/table';
import { CABLE_ID_DIGITS, cableIdText } from '../../src/core/fabric/cabling';

const decode = (chunks: Iterable<Uint8Array>) => {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  for (const c of chunks) out += dec.decode(c, { stream: true });
  return out + dec.decode();
};

/** Text with what CSV and spreadsheets care about: triggers first, quotes, commas, breaks, control and non-ASCII. */
const hostileText = fc.array(fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '\u0000', '\u001b', '\u007f', '\u0085', 'é', '€', '𝄞', ' ', "'"), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(''));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  hostileText,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ formula: fc.constant('SUM(A1:A2)'), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);

describe('CsvBytesWriter', () => {
  it('writes every row exactly as csvLine does (UTF-8), across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (rows, chunkBytes) => {
        const w = new CsvBytesWriter(chunkBytes);
        const chunks: Uint8Array[] = [];
        for (const r of rows) {
          w.row(r);
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(rows.map((r) => csvLine(r)).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('repeated numbers (the writer keeps their text) are written as csvField writes them, -0 and 0 included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, -0, 2.5, 50, 1e21, 0.1 + 0.2, -7, 123456789.12345679, 1e-7), { maxLength: 60 }), (numbers) => {
        const w = new CsvBytesWriter(16);
        const chunks: Uint8Array[] = [];
        for (const n of numbers) {
          w.number(n);
          w.endRow();
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(numbers.map((n) => `${csvField(n)}\r\n`).join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('cells made once (csvFieldsBytes, RepeatedCells) and written with fields() equal the cells written one by one', () => {
    const few = fc.oneof(fc.constantFrom('', 'a', '=x', '"', ',', 'é', 'leaf-spine'), hostileText);
    fc.assert(
      fc.property(fc.array(fc.tuple(few, few, fc.constantFrom(0, -0, 0.5, 50, 1e-7, 123.456789)), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 48 }), (rows, chunkBytes) => {
        const w = new CsvBytesWriter(chunkBytes);
        const pairs = new RepeatedCells();
        const triples = new RepeatedCells();
        const chunks: Uint8Array[] = [];
        for (const [a, b, n] of rows) {
          w.text(b);
          w.fields(pairs.pair(a, b));
          w.fields(triples.triple(b, a, n));
          w.fields(csvFieldsBytes([n, a]));
          w.endRow();
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(rows.map(([a, b, n]) => csvLine([b, a, b, b, a, n, n, a])).join(''));
      }),
      { numRuns: 1000 },
    );
  });

  it('a cell written from its parts (joined) is the field of the joined text, with the parts array reused', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { maxLength: 8 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 48 }), (cells, chunkBytes) => {
        const w = new CsvBytesWriter(chunkBytes);
        const reused: string[] = [];
        const chunks: Uint8Array[] = [];
        for (const parts of cells) {
          reused.length = 0;
          reused.push(...parts);
          w.text('x');
          w.joined(reused);
          w.endRow();
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(cells.map((parts) => `x,${csvField(parts.join(''))}\r\n`).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('a prefixed cell is the field of the joined text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (prefix, s) => {
        const w = new CsvBytesWriter(64);
        w.prefixed(prefix, s);
        w.endRow();
        expect(decode([w.take()])).toBe(`${csvField(prefix + s)}\r\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('prefixed cells in one writer, the prefix repeating and changing, equal the fields of the joined texts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('site-a-gen-1-', '=x-', '', 'a,b-', 'é-'), hostileText), { maxLength: 40 }), (cells) => {
        const w = new CsvBytesWriter(32);
        const chunks: Uint8Array[] = [];
        for (const [prefix, s] of cells) {
          w.prefixed(prefix, s);
          w.text(s);
          w.endRow();
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(cells.map(([prefix, s]) => `${csvField(prefix + s)},${csvField(s)}\r\n`).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('a cable id written from its number (numbered) is the field of the prefix and cableIdText, whatever the prefixes', () => {
    const prefixes = fc.oneof(fc.constantFrom('', 'f2-', 'C', 'FE-C', 'OOB-C', '=', '-x', 'a,b'), hostileText);
    const number = fc.oneof(fc.constantFrom(0, 1, 9_999_999, 10_000_000, 123_456_789, Number.MAX_SAFE_INTEGER), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(prefixes, prefixes, number), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (cells, chunkBytes) => {
        const w = new CsvBytesWriter(chunkBytes);
        const chunks: Uint8Array[] = [];
        // Each cell twice: the writer keeps the last pair of prefixes' bytes.
        for (const [prefix, idPrefix, n] of cells) {
          w.numbered(prefix, idPrefix, n, CABLE_ID_DIGITS);
          w.numbered(prefix, idPrefix, n + 1, CABLE_ID_DIGITS);
          w.endRow();
          if (w.full) chunks.push(w.take());
        }
        chunks.push(w.take());
        expect(decode(chunks)).toBe(cells.map(([prefix, idPrefix, n]) => `${csvField(prefix + cableIdText(idPrefix, n))},${csvField(prefix + cableIdText(idPrefix, n + 1))}\r\n`).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('the cable schedule bytes equal csvLine(cableCells(row)) over planCableRows for the small example plan', () => {
    const r = importPlan(readFileSync('test/fixtures/export/small-plan.json', 'utf8'));
    if (!r.ok) throw new Error('fixture');
    const b = planBundle(r.value.value);
    const clusters = planClusters(b);
    let expected = csvLine([...CABLE_CSV_COLUMNS]);
    let rows = 0;
    for (const row of planCableRows(b, clusters)) {
      expected += csvLine(cableCells(row));
      rows++;
    }
    expect(rows).toBeGreaterThan(400);
    expect(decode(cableCsvChunks(b, clusters))).toBe(expected);
  });
});

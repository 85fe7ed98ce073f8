import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { importBlob, importDocument, type Validator } from '../../src/io/import';
import { firstInvalidUtf8, jsonDepth, readJson } from '../../src/io/json';
import { migrate, type Migration } from '../../src/io/migrate';
import { MAX_IMPORT_BYTES } from '../../src/io/limits';
import { problemsFromZod } from '../../src/schema/errors';

// A stand-in strict schema for the boundary tests (the plan schema is wired in test/io/plan-import.test.ts).
const Doc = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  units: z.array(z.strictObject({ id: z.string(), count: z.int().min(0) })),
});
const validate: Validator<z.infer<typeof Doc>> = (doc) => {
  const r = Doc.safeParse(doc);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: problemsFromZod(r.error, doc) };
};
const enc = (s: string) => new TextEncoder().encode(s);
const good = { schemaVersion: 1, name: 'p', units: [{ id: 'a', count: 2 }] };

describe('import boundary', () => {
  it('accepts a valid document and ignores `results`', () => {
    const r = importDocument(enc(JSON.stringify({ ...good, results: { anything: [1, 2] } })), validate);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.value).toEqual(good);
      expect(r.value.ignored).toEqual(['results']);
    }
  });

  it('reports every problem at its path: unknown keys, wrong types, out-of-range values', () => {
    const bad = { schemaVersion: 1, name: '', extra: true, units: [{ id: 'a', count: -2 }, { id: 3, count: 1.5 }] };
    const r = importDocument(JSON.stringify(bad), validate);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    const paths = r.error.problems.map((p) => p.path).sort();
    expect(paths).toEqual(['extra', 'name', 'units[0].count', 'units[1].count', 'units[1].id'].sort());
    expect(r.error.problems.find((p) => p.path === 'units[0].count')!.got).toBe('-2');
    expect(r.error.message).toBe('plan has 5 problems');
  });

  it('refuses files over 5 MiB before parsing, naming size and limit', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    const r = importDocument(big, validate);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('too_large');
      expect(r.error.message).toBe('file is 5,242,881 bytes (5.0 MiB); the import limit is 5,242,880 bytes (5.0 MiB)');
    }
    // A Blob is refused by its size alone: arrayBuffer() is never called.
    const blob = { size: 6 * 1024 * 1024, arrayBuffer: () => { throw new Error('read'); } } as unknown as Blob;
    const b = await importBlob(blob, validate);
    expect(b.ok || b.error.kind).toBe('too_large');
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', () => {
    const bytes = new Uint8Array([...enc('{"name":"'), 0xc3, 0x28, ...enc('"}')]);
    const r = importDocument(bytes, validate);
    expect(!r.ok && r.error.kind).toBe('not_utf8');
    expect(!r.ok && r.error.message).toMatch(/first bad byte 0xc3 at offset 9/);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated
    expect(firstInvalidUtf8(enc('ok ✓ 𝄞 °C'))).toBe(-1);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(importDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(JSON.stringify(good))]), validate).ok).toBe(true);
  });

  it('refuses deep nesting before JSON.parse', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = readJson(deep);
    expect(!r.ok && r.error.kind).toBe('too_deep');
    expect(jsonDepth('{"a":"[[[[[[","b":[{}]}')).toBe(3);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = readJson('{\n  "a": 1,\n  "b": }');
    expect(!r.ok && r.error.kind).toBe('not_json');
    expect(!r.ok && r.error.message).toMatch(/^file is not valid JSON at line 3, column 8: Unexpected token/);
  });
  it('locates syntax errors the engine does not', async () => {
    const { jsonErrorOffset } = await import('../../src/io/json');
    const cases: [string, number][] = [
      ['{"a":1,}', 7], ['[1,2', 4], ['{"a" 1}', 5], ['tru', 0], ['{"a":"x\ny"}', 7], ['[1] x', 4], ['{"a":[1,{"b":nul}]}', 13], ['"\\q"', 2], ['[01]', 2],
    ];
    for (const [t, at] of cases) expect(jsonErrorOffset(t), t).toBe(at);
    for (const t of ['{"a":[1,{"b":null}],"c":"\\u00e9"}', '[]', '{}', ' 1 ', '[[[]]]', '{"a":{"b":{}}}']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(jsonErrorOffset(t), t).toBe(-1);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s keys anywhere, at their path', (key) => {
    const text = `{"schemaVersion":1,"name":"p","units":[{"id":"a","count":1,"${key}":{"polluted":true}}]}`;
    const r = importDocument(text, validate);
    expect(!r.ok && r.error.kind).toBe('forbidden_key');
    expect(!r.ok && r.error.problems.map((p) => p.path)).toEqual([`units[0].${key}`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps script tags in names as plain text (nothing is evaluated)', () => {
    const r = importDocument(JSON.stringify({ ...good, name: '<script>alert(1)</script>' }), validate);
    expect(r.ok && r.value.value.name).toBe('<script>alert(1)</script>');
  });
});

describe('migration registry', () => {
  it('refuses future, missing and malformed versions clearly', () => {
    const future = migrate({ schemaVersion: 7 });
    expect(!future.ok && future.error.problems[0]).toEqual({
      path: 'schemaVersion',
      message: 'written by a newer rackplan (schema 7); this rackplan reads plan schema version 1 — update rackplan, or export the plan from the newer version at schema 1',
      got: '7',
    });
    const missing = migrate({});
    expect(!missing.ok && missing.error.problems[0]!.message).toMatch(/^required; this rackplan reads plan schema version 1/);
    for (const v of ['1', 1.5, 0, -1, null]) expect(migrate({ schemaVersion: v }).ok).toBe(false);
    expect(!migrate([1]).ok).toBe(true);
  });
  it('refuses an older version with no migration path', () => {
    const r = migrate({ schemaVersion: 1 }, [], 2);
    expect(!r.ok && r.error.problems[0]!.message).toMatch(/no migration from schema 1 to 2 \(known migrations: none\)/);
  });
  it('chains registered migrations step by step and reports them', () => {
    const registry: Migration[] = [
      { from: 1, describe: 'renamed racks to units', up: ({ racks, ...rest }) => ({ ...rest, units: racks }) },
      { from: 2, describe: 'added horizonYears', up: (d) => ({ ...d, horizonYears: 7 }) },
    ];
    const r = migrate({ schemaVersion: 1, racks: 3 }, registry, 3);
    expect(r.ok && r.value).toEqual({ doc: { schemaVersion: 3, units: 3, horizonYears: 7 }, fromVersion: 1, applied: ['renamed racks to units', 'added horizonYears'] });
  });
});

describe('jsonErrorOffset agrees with JSON.parse', () => {
  it('property: valid JSON → -1; one character removed → an offset exactly when JSON.parse fails', async () => {
    const fc = (await import('fast-check')).default;
    const { jsonErrorOffset } = await import('../../src/io/json');
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), fc.nat(), (text, k) => {
        expect(jsonErrorOffset(text)).toBe(-1);
        const cut = text.slice(0, k % (text.length + 1)) + text.slice((k % (text.length + 1)) + 1);
        let parses = true;
        try {
          JSON.parse(cut);
        } catch {
          parses = false;
        }
        expect(jsonErrorOffset(cut) >= 0).toBe(!parses);
      }),
      { numRuns: 500 },
    );
  });
});

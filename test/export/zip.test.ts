import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { crc32, zip } from '../../src/export/zip';

describe('zip writer', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('unzip (Info-ZIP) lists, tests and extracts the archive byte for byte', () => {
    const enc = new TextEncoder();
    const files = [
      { path: 'csv/bom.csv', data: enc.encode('a,b\r\n1,2\r\n') },
      { path: 'csv/ünï.csv', data: enc.encode('x\r\n') },
      { path: 'empty.txt', data: new Uint8Array() },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-zip-'));
    const file = join(dir, 'x.zip');
    writeFileSync(file, zip(files));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-p', file, 'csv/bom.csv'], { encoding: 'utf8' })).toBe('a,b\r\n1,2\r\n');
    expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } }).trim().split('\n')).toEqual(['csv/bom.csv', 'csv/ünï.csv', 'empty.txt']);
  });
  it('is deterministic and refuses unsafe paths', () => {
    const e = [{ path: 'a.txt', data: new Uint8Array([1, 2, 3]) }];
    expect(zip(e)).toEqual(zip(e));
    expect(() => zip([{ path: '../x', data: new Uint8Array() }])).toThrow(/bad entry path/);
    expect(() => zip([{ path: '/abs', data: new Uint8Array() }])).toThrow(/bad entry path/);
  });
});

describe('streamed zip', () => {
  it('unzip tests and extracts entries written chunk by chunk with data descriptors', async () => {
    const { zipStream } = await import('../../src/export/zip');
    const enc = new TextEncoder();
    const lines = function* () {
      for (let i = 0; i < 5000; i++) yield enc.encode(`row ${i},${i * 2}\r\n`);
    };
    const parts = [...zipStream([{ path: 'a/cables.csv', chunks: lines }, { path: 'b.txt', chunks: () => [enc.encode('hello')] }, { path: 'empty', chunks: () => [] }])];
    const total = parts.reduce((s, p) => s + p.length, 0);
    const bytes = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      bytes.set(p, o);
      o += p.length;
    }
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-zips-'));
    const file = join(dir, 's.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const csv = execFileSync('unzip', ['-p', file, 'a/cables.csv'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(csv.split('\r\n')).toHaveLength(5001);
    expect(execFileSync('unzip', ['-p', file, 'b.txt'], { encoding: 'utf8' })).toBe('hello');
  });
});

describe('zip of deflated entries', () => {
  /** Raw DEFLATE of `text` by the platform's CompressionStream, with the CRC and size the entry needs. */
  async function deflated(path: string, text: string) {
    const { crc32 } = await import('../../src/export/zip');
    const data = new TextEncoder().encode(text);
    const compressed = new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    return { path, pieces: [compressed.subarray(0, 5), compressed.subarray(5)], crc: crc32(data), size: data.length };
  }

  it('unzip (Info-ZIP) tests and inflates every entry, its compressed pieces in order', async () => {
    const { zipDeflated } = await import('../../src/export/zip');
    const big = Array.from({ length: 20_000 }, (_, i) => `<row r="${i}"><c><v>${i * 3}</v></c></row>`).join('');
    const entries = [await deflated('xl/worksheets/sheet1.xml', big), await deflated('types.xml', '<Types/>'), await deflated('empty.xml', '')];
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-zipd-'));
    const file = join(dir, 'd.zip');
    const bytes = zipDeflated(entries);
    writeFileSync(file, bytes);
    expect(bytes.length).toBeLessThan(big.length / 4);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 })).toBe(big);
    expect(execFileSync('unzip', ['-p', file, 'types.xml'], { encoding: 'utf8' })).toBe('<Types/>');
    expect(zipDeflated(entries)).toEqual(bytes);
    expect(() => zipDeflated([{ ...entries[1]!, path: '../x' }])).toThrow(/bad entry path/);
  });
});

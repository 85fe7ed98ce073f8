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

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

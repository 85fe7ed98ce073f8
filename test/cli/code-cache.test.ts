import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCacheFile, encodeCacheFile } from '../../src/cli/code-cache';

/**
 * The bundled CLI compiles its chunks from V8 code caches kept in dist/cli/code-cache (src/cli/code-cache.ts).
 * A damaged cache must never change what a command prints or crash it: node 20 does not check a code cache's
 * bytes, and deserializing damaged ones aborts the process (measured: a flipped byte in the middle of a cache →
 * "Fatal error … unreachable code", SIGTRAP). The file format holds the data twice, and a file is used only when
 * both copies match.
 */
/** Flip bits of one byte. */
const flip = (bytes: Buffer, at: number, mask: number) => bytes.writeUInt8(bytes.readUInt8(at) ^ mask, at);

describe('code cache file format', () => {
  const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 251);

  it('gives back the data it was given', () => {
    expect(decodeCacheFile(encodeCacheFile(data))).toEqual(Buffer.from(data));
  });

  it.each([
    ['a byte of the first copy changed', (f: Buffer) => flip(f, 8 + 500, 0x01)],
    ['a byte of the second copy changed', (f: Buffer) => flip(f, 8 + 1000 + 999, 0x80)],
    ['the magic number changed', (f: Buffer) => flip(f, 0, 0xff)],
    ['the length changed', (f: Buffer) => f.writeUInt32LE(999, 4)],
    ['every byte zero', (f: Buffer) => void f.fill(0)],
  ])('refuses a file with %s', (_, damage) => {
    const file = encodeCacheFile(data);
    damage(file);
    expect(decodeCacheFile(file)).toBeUndefined();
  });

  it('refuses a short file, an empty one and a header without data', () => {
    const file = encodeCacheFile(data);
    expect(decodeCacheFile(file.subarray(0, file.length - 1))).toBeUndefined();
    expect(decodeCacheFile(file.subarray(0, 8 + 1000))).toBeUndefined();
    expect(decodeCacheFile(Buffer.alloc(0))).toBeUndefined();
    expect(decodeCacheFile(encodeCacheFile(new Uint8Array(0)))).toBeUndefined();
  });
});

const builtDir = 'dist/cli';
const built = existsSync(join(builtDir, 'rackplan.cjs'));

describe.runIf(built)('the bundled CLI with its code cache (npm run build:cli)', () => {
  // A copy of the build, so the test owns its cache directory.
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-code-cache-'));
  cpSync(join(builtDir, 'rackplan.cjs'), join(dir, 'rackplan.cjs'));
  cpSync(join(builtDir, 'chunks'), join(dir, 'chunks'), { recursive: true });
  const cacheDir = join(dir, 'code-cache');
  const args = ['rack', 'gb200-nvl72', '--json'];
  const run = () => spawnSync(process.execPath, [join(dir, 'rackplan.cjs'), ...args], { encoding: 'utf8' });
  const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.v8')) : []);

  // Without any cache (the first run after a build).
  const cold = run();

  it('writes a cache per chunk the command loaded, each one whole', () => {
    expect(cold.status).toBe(0);
    expect(cold.stderr).toBe('');
    const files = cacheFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files).toContain(files.find((f) => f.startsWith('evaluate-')));
    for (const f of files) expect(decodeCacheFile(readFileSync(join(cacheDir, f)))).toBeDefined();
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the same bytes from the cache', () => {
    const warm = run();
    expect(warm.status).toBe(0);
    expect(warm.stderr).toBe('');
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('prints the same bytes from damaged caches (compiled from source) and rewrites them', () => {
    const files = cacheFiles();
    files.forEach((f, i) => {
      const path = join(cacheDir, f);
      const bytes = readFileSync(path);
      // Bytes changed in V8's data (the damage that aborts node 20 when V8 reads it), a short file, or garbage.
      if (i % 3 === 0) {
        for (let b = 8; b < bytes.length / 2; b += 101) flip(bytes, b, 0x5a);
        writeFileSync(path, bytes);
      } else if (i % 3 === 1) writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
      else writeFileSync(path, Buffer.alloc(bytes.length, 0x41));
    });
    const damaged = run();
    expect(damaged.status).toBe(0);
    expect(damaged.stderr).toBe('');
    expect(damaged.stdout).toBe(cold.stdout);
    for (const f of files) expect(decodeCacheFile(readFileSync(join(cacheDir, f))), f).toBeDefined();
  });

  it('runs the same where the cache cannot be written (a read-only install)', () => {
    rmSync(cacheDir, { recursive: true });
    writeFileSync(cacheDir, 'not a directory'); // mkdir fails, as on a read-only file system (root ignores modes)
    const readOnly = run();
    expect(readOnly.status).toBe(0);
    expect(readOnly.stderr).toBe('');
    expect(readOnly.stdout).toBe(cold.stdout);
    rmSync(cacheDir);
  });

  it('leaves a chunk with a dynamic import to node (no experimental-loader warning): optimize loads HiGHS', () => {
    // HiGHS loads from node_modules by the chunk's import('highs'): run from the real build for that.
    const r = spawnSync(process.execPath, [join(builtDir, 'rackplan.cjs'), 'optimize', 'presets/plans/small.json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Optimizer \(npv\): optimal/m);
  });
});

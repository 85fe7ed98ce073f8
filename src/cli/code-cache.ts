/**
 * A V8 code cache for the bundled CLI's chunks. Node 20 has no `module.enableCompileCache`, so every run compiled
 * the chunks a command loads from source, and compiled again, lazily, each function the command then called (the
 * first, interpreted `evaluateUnit` call of `rack` among them): ~30 % of the instructions `rack --json` runs beyond
 * a bare node start (callgrind, docs/performance.md). With this hook the bundle's chunks are compiled from
 * V8's cached data where it exists, and a chunk compiled without it has its cache written when the process exits
 * (after the run, so the cache holds the functions the command compiled lazily too).
 *
 * Robust by construction:
 * - only the bundle's own content-hashed chunks (`chunks/<name>-<hash>.cjs`) are cached, one file each, named after
 *   the chunk: a rebuild that changes a chunk changes its name, so an old cache is never read for new code (and
 *   `vite build` empties dist/cli, caches included);
 * - V8 itself rejects a cache made by another V8 version or with other flags, or for a source of another length;
 *   node 20's release builds do not check the bytes in between (deserializing a damaged cache crashes the process),
 *   so each file holds its cache twice and is used only when both copies are equal (one native comparison; a
 *   checksum would eat most of what the cache saves: loading `node:v8` for `--verify-snapshot-checksum` costs
 *   ~2–3 ms, `node:zlib` for its crc32 as much, a checksum loop in JS ~1 ms per 70 kB). Damage that does not hit
 *   both copies alike, a short file or another file's bytes mean compiling from source, and the file is rewritten;
 * - a missing, unreadable or unwritable cache directory (a read-only install) only means compiling from source;
 *   writes go to a temporary file renamed into place, so a concurrent run never reads half a file.
 * @module
 */
import Module from 'node:module';
import { Script } from 'node:vm';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A chunk the bundler named with its content hash (vite.config.ts `chunkFileNames: 'chunks/[name]-[hash].cjs'`). */
const HASHED_CHUNK = /-[\w-]{8}\.cjs$/;

/** A dynamic import in a chunk's code (or, harmlessly, in its text). */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

/** Node's CommonJS wrapper (`Module.wrap`), spelled out so the cached source is the same whatever node version wraps. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

type CompiledWrapper = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
interface LoadingModule {
  exports: unknown;
}
interface CompilingModule {
  _compile: (this: LoadingModule, content: string, filename: string, ...rest: unknown[]) => unknown;
}

/** The first bytes of a cache file: the format, then the length of one copy of V8's data (uint32, little-endian). */
const MAGIC = 0x31435052; // "RPC1"
const HEADER_BYTES = 8;

/** A cache file's contents: header, then V8's data twice. */
export function encodeCacheFile(data: Uint8Array): Buffer {
  const file = Buffer.allocUnsafe(HEADER_BYTES + 2 * data.length);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(data.length, 4);
  file.set(data, HEADER_BYTES);
  file.set(data, HEADER_BYTES + data.length);
  return file;
}

/** V8's data from a cache file, or undefined when the file is not one whole, undamaged cache file. */
export function decodeCacheFile(file: Buffer): Buffer | undefined {
  if (file.length < HEADER_BYTES || file.readUInt32LE(0) !== MAGIC) return undefined;
  const length = file.readUInt32LE(4);
  if (length === 0 || file.length !== HEADER_BYTES + 2 * length) return undefined;
  const second = HEADER_BYTES + length;
  return file.compare(file, HEADER_BYTES, second, second, file.length) === 0 ? file.subarray(HEADER_BYTES, second) : undefined;
}

/** Where a chunk's cache lives: beside the build, named after the (content-hashed) chunk. */
export function cacheFileFor(cacheDir: string, chunkFile: string): string {
  return join(cacheDir, `${basename(chunkFile)}.v8`);
}

/**
 * Compile the chunks in `chunkDir` with V8 code caches kept in `cacheDir`. Call once, before the first chunk is
 * required; files outside `chunkDir` load as usual.
 */
export function installCodeCache(chunkDir: string, cacheDir: string): void {
  const proto = Module.prototype as unknown as CompilingModule;
  const compileFromSource = proto._compile;
  const unwritten: { script: Script; file: string }[] = [];

  proto._compile = function compileWithCache(this: LoadingModule, content: string, filename: string, ...rest: unknown[]) {
    // A chunk with a dynamic import() (the HiGHS solver's) is left to node: a vm.Script would need node 20's
    // experimental loader option for it, which prints a warning.
    if (dirname(filename) !== chunkDir || !HASHED_CHUNK.test(filename) || DYNAMIC_IMPORT.test(content)) return compileFromSource.call(this, content, filename, ...rest);
    const file = cacheFileFor(cacheDir, filename);
    let cachedData: Buffer | undefined;
    try {
      cachedData = decodeCacheFile(readFileSync(file));
    } catch {
      // No cache yet (or unreadable): compiled from source below, and its cache written at exit.
    }
    const script = new Script(wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) unwritten.push({ script, file });
    const compiled = script.runInThisContext() as CompiledWrapper;
    return compiled.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };

  process.once('exit', () => {
    if (unwritten.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
    } catch {
      return; // a read-only install: every run compiles from source, as without the cache
    }
    for (const { script, file } of unwritten) {
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, encodeCacheFile(script.createCachedData()));
        renameSync(temporary, file);
      } catch {
        try {
          rmSync(temporary, { force: true });
        } catch {
          // nothing was written
        }
        return; // not writable (or full): stop trying for this run
      }
    }
  });
}

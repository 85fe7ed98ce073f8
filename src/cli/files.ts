/**
 * Files the CLI reads and writes, with errors a user can act on (exit 2, one line naming the flag, the path and
 * the reason) instead of stack traces or silent truncation.
 *
 * Reading: only regular files, size checked before reading and again while reading (a device such as
 * /dev/zero reports size 0 and never ends; a FIFO blocks on open), so no input can make the CLI read without bound.
 *
 * Writing: every output goes to a temporary file in the target folder, is flushed to disk (fsync), its size
 * checked, and only then renamed over the target. A failed write (full disk, a directory in the way, a missing
 * folder, no permission) leaves no partial file behind and is never reported as written. An existing file is
 * replaced only with `--force`. Character devices and pipes (/dev/null, /dev/stdout) are written directly,
 * since they cannot be renamed over; their write errors are reported the same way.
 * @module
 */
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MAX_IMPORT_BYTES, describeBytes } from '../io/limits';
import { InputError, inputError } from './errors';
import { describeFsError } from './fs-errors';

export { describeFsError };

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Read a whole input file: a regular file of at most `maxBytes`, checked before opening (no blocking on a FIFO),
 * after opening (the path may have been swapped) and while reading (a file that grows is cut off and refused).
 */
export function readInputFile(file: string, flag: string, what = 'plan file', maxBytes = MAX_IMPORT_BYTES): Uint8Array {
  const quoted = JSON.stringify(file);
  if (file === '') throw inputError(flag, `a ${what}`, '""');
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    throw inputError(flag, `a readable ${what}`, `${quoted}: ${describeFsError(err)}`);
  }
  if (!st.isFile()) throw inputError(flag, `a ${what} (a regular file, not a directory, device or pipe)`, `${quoted}, ${kindOf(st)}`);
  const tooBig = (size: string) => inputError(flag, `a ${what} of at most ${describeBytes(maxBytes)}`, `${size} in ${quoted}`);
  if (st.size > maxBytes) throw tooBig(describeBytes(st.size));
  let fd: number;
  try {
    // O_NONBLOCK: if the path became a FIFO since the stat, open must not wait for a writer.
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    throw inputError(flag, `a readable ${what}`, `${quoted}: ${describeFsError(err)}`);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw inputError(flag, `a ${what} (a regular file, not a directory, device or pipe)`, `${quoted}, ${kindOf(opened)}`);
    // One byte more than the limit: reading it proves the file grew past the limit since the stat.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes, opened.size) + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled === buf.length) {
        if (filled > maxBytes) throw tooBig(`more than ${describeBytes(maxBytes)} (it grew while being read)`);
        break;
      }
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, filled);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw inputError(flag, `a readable ${what}`, `${quoted}: ${describeFsError(err)}`);
  } finally {
    closeSync(fd);
  }
}

/** Where an output goes, checked before any work is done. */
export interface OutputTarget {
  /** The absolute path written. */
  readonly path: string;
  /** The flag named in errors (`--out`). */
  readonly flag: string;
  /** `file`: temp file + rename; `stream`: an existing character device or pipe, written directly. */
  readonly mode: 'file' | 'stream';
}

export interface OutputOptions {
  /** Replace an existing file. */
  readonly force?: boolean;
  /** Create missing parent folders (export does, as documented; cables does not). */
  readonly createFolders?: boolean;
  readonly flag?: string;
}

function outError(flag: string, path: string, reason: string): InputError {
  return inputError(flag, `could not write ${JSON.stringify(path)}: ${reason}`);
}

async function checkParent(parent: string, flag: string, createFolders: boolean): Promise<void> {
  let st: Stats;
  try {
    st = await stat(parent);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ENOENT' || !createFolders) {
      throw inputError(flag, code === 'ENOENT' ? `the folder ${JSON.stringify(parent)} does not exist; create it first` : `the folder ${JSON.stringify(parent)} cannot be used: ${describeFsError(err)}`);
    }
    try {
      await mkdir(parent, { recursive: true });
    } catch (mkErr) {
      throw inputError(flag, `could not create the folder ${JSON.stringify(parent)}: ${describeFsError(mkErr)}`);
    }
    return;
  }
  if (!st.isDirectory()) throw inputError(flag, `${JSON.stringify(parent)} is not a folder (${kindOf(st)})`);
}

/** What is at an output path now (undefined when nothing is); a path that cannot be looked at is refused. */
async function existingTarget(target: string, flag: string, path: string): Promise<Stats | undefined> {
  try {
    return await stat(target);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw outError(flag, path, describeFsError(err));
    return undefined;
  }
}

/**
 * Check a single-file output before any work: not empty, not a directory, its folder exists (or is created),
 * and an existing regular file is replaced only with `force`.
 */
export async function prepareOutputFile(path: string, options: OutputOptions = {}): Promise<OutputTarget> {
  const flag = options.flag ?? '--out';
  if (path.trim() === '') throw inputError(flag, 'a file path', '""');
  const target = resolve(path);
  const existing = await existingTarget(target, flag, path);
  if (existing) {
    if (existing.isDirectory()) throw inputError(flag, 'a file path, not a directory', `${JSON.stringify(path)}, a directory`);
    if (existing.isCharacterDevice() || existing.isFIFO() || existing.isSocket()) return { path: target, flag, mode: 'stream' };
    if (!existing.isFile()) throw inputError(flag, 'a regular file path', `${JSON.stringify(path)}, ${kindOf(existing)}`);
    if (!options.force) throw inputError(flag, 'a file that does not exist yet; add --force to replace it', `${JSON.stringify(path)}, an existing file`);
    return { path: target, flag, mode: 'file' };
  }
  await checkParent(dirname(target), flag, options.createFolders ?? false);
  return { path: target, flag, mode: 'file' };
}

/**
 * Check a directory output (csv, netbox) before any work: the path is a directory or does not exist yet (its
 * parent must exist or be created), and none of `names` exists in it unless `force`.
 */
export async function prepareOutputDirectory(path: string, names: readonly string[], options: OutputOptions = {}): Promise<string> {
  const flag = options.flag ?? '--out';
  if (path.trim() === '') throw inputError(flag, 'a directory path', '""');
  const target = resolve(path);
  const existing = await existingTarget(target, flag, path);
  if (existing && !existing.isDirectory()) throw inputError(flag, 'a directory (this format writes several files)', `${JSON.stringify(path)}, ${existing.isFile() ? 'an existing file' : kindOf(existing)}`);
  if (!existing) {
    await checkParent(dirname(target), flag, options.createFolders ?? false);
    return target;
  }
  if (!options.force) {
    const clashes: string[] = [];
    for (const n of names) {
      try {
        lstatSync(join(target, n));
        clashes.push(n);
      } catch {
        // absent: fine
      }
    }
    if (clashes.length) throw inputError(flag, `a directory without ${clashes.length === 1 ? 'this file' : 'these files'}; add --force to replace ${clashes.length === 1 ? 'it' : 'them'}`, `${JSON.stringify(path)} holding ${clashes.slice(0, 3).join(', ')}${clashes.length > 3 ? ` and ${clashes.length - 3} more` : ''}`);
  }
  return target;
}

type Chunk = string | Uint8Array;

/** Write all of `buf` through `handle` (FileHandle.write rejects on ENOSPC/EIO; a short write is continued). */
async function writeFully(handle: FileHandle, buf: Uint8Array): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await handle.write(buf, off, buf.length - off);
    if (bytesWritten === 0) throw Object.assign(new Error('the device accepted no bytes'), { code: 'EIO' });
    off += bytesWritten;
  }
}

/**
 * While a large file is written, its data is flushed (fdatasync) every this many bytes, in the background: the page
 * cache would otherwise hold the whole file (Linux starts writeback only past ~10 % of memory or after 30 s) and
 * the final fsync would write it all while nothing else runs. Flushing as it goes overlaps the disk with the
 * encoding, so the final fsync has little left.
 */
export const FLUSH_EVERY_BYTES = 32 << 20;

/**
 * Write every chunk through `handle`, surfacing the first error. One write stays in flight while the next chunk is
 * made, so a producer that encodes (the cable schedule's CSV) and the disk work at the same time instead of in
 * turn; a chunk is never touched again once yielded (the writers hand out fresh buffers), so it is safe to hand over.
 * With `flushEvery`, one fdatasync at a time runs beside the writes each time that many more bytes were written
 * (node runs both on its thread pool); the caller's final fsync still makes the file durable.
 */
async function writeAll(handle: FileHandle, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, flushEvery = 0): Promise<number> {
  let bytes = 0;
  let inFlight: Promise<void> | undefined;
  let flushing: Promise<void> | undefined;
  let flushedAt = 0;
  try {
    for await (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (!buf.length) continue;
      if (inFlight) await inFlight;
      if (flushEvery > 0 && bytes - flushedAt >= flushEvery && !flushing) {
        flushedAt = bytes;
        const started: Promise<void> = handle.datasync().then(() => {
          if (flushing === started) flushing = undefined;
        });
        flushing = started;
        // Awaited below (a failed flush fails the write); handled here so it is never an unhandled rejection.
        started.catch(() => undefined);
      }
      inFlight = writeFully(handle, buf);
      // Handled here so a failure while the next chunk is made is not an unhandled rejection; awaited above/below.
      inFlight.catch(() => undefined);
      bytes += buf.length;
    }
  } catch (err) {
    // The producer failed: let the pending write and flush finish (or fail) before the caller closes and removes the file.
    await inFlight?.catch(() => undefined);
    await flushing?.catch(() => undefined);
    throw err;
  }
  try {
    await inFlight;
  } catch (err) {
    await flushing?.catch(() => undefined);
    throw err;
  }
  // A flush that failed (EIO) fails the write even if the final fsync would succeed: the kernel may have dropped pages.
  await flushing;
  return bytes;
}

/** A temporary name next to `path`, hidden and unique per process and call. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write `chunks` to `target` all or nothing: a temp file in the same folder, written (flushed every
 * `flushEveryBytes` as it goes), fsync'd, size-checked, renamed into place. On any failure the temp file is removed
 * and an exit-2 error names the path and reason. Returns the bytes written.
 */
export async function writeOutputFile(target: OutputTarget, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, flushEveryBytes = FLUSH_EVERY_BYTES): Promise<number> {
  if (target.mode === 'stream') {
    let handle: FileHandle | undefined;
    try {
      handle = await open(target.path, 'w');
      return await writeAll(handle, chunks);
    } catch (err) {
      throw outError(target.flag, target.path, describeFsError(err));
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
  const temp = temporaryNameFor(target.path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o644);
    const bytes = await writeAll(handle, chunks, flushEveryBytes);
    await handle.sync();
    const size = (await handle.stat()).size;
    await handle.close();
    handle = undefined;
    if (size !== bytes) throw Object.assign(new Error(`only ${size} of ${bytes} bytes reached the disk`), { code: 'EIO' });
    await rename(temp, target.path);
    return bytes;
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (err instanceof InputError) throw err;
    throw outError(target.flag, target.path, describeFsError(err));
  }
}

/**
 * Write several files into `directory` all or nothing: each is staged in a temporary folder beside the target,
 * and only when every one is written and flushed are they renamed into place. Returns bytes per file.
 */
export async function writeOutputDirectory(
  directory: string,
  files: readonly { readonly name: string; chunks(): Iterable<Chunk> | AsyncIterable<Chunk> }[],
  flag = '--out',
): Promise<{ path: string; bytes: number }[]> {
  const staging = resolve(temporaryNameFor(directory));
  const written: { path: string; bytes: number }[] = [];
  try {
    await mkdir(staging);
    for (const f of files) {
      const staged = resolve(staging, f.name);
      // Names come from the exporter (some in sub-folders, device-types/…); never outside the folder.
      if (!staged.startsWith(staging + sep)) throw inputError(flag, `an output name inside the folder`, JSON.stringify(f.name));
      await mkdir(dirname(staged), { recursive: true });
      const bytes = await writeOutputFile({ path: staged, flag, mode: 'file' }, f.chunks());
      written.push({ path: join(directory, f.name), bytes });
    }
    await mkdir(directory, { recursive: true });
    for (const f of files) {
      const final = join(directory, f.name);
      await mkdir(dirname(final), { recursive: true });
      await rename(resolve(staging, f.name), final);
    }
    return written;
  } catch (err) {
    if (err instanceof InputError) {
      // The staged path is an implementation detail: name the directory the user asked for.
      throw inputError(flag, `could not write into ${JSON.stringify(directory)}: ${err.problems[0]?.message.replace(/^could not write "[^"]*": /, '') ?? 'write failed'}`);
    }
    throw outError(flag, directory, describeFsError(err));
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

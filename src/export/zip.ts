/**
 * A minimal ZIP writer (stored entries, no compression) so the browser can hand over a multi-file export
 * (the CSV set, the NetBox set) as one download. Deterministic: fixed timestamps, entries in the order given.
 * Limits: fewer than 65,535 entries and under 4 GiB in total (no ZIP64), which a capacity plan never reaches.
 * Pure.
 * @module
 */

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  readonly path: string;
  readonly data: Uint8Array;
}

let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 (IEEE 802.3), as ZIP requires. */
export function crc32(data: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00:00, the DOS epoch: a fixed time keeps exports byte-reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Build a ZIP archive from entries. */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length >= 0xffff) throw new Error(`zip: too many entries (${entries.length})`);
  const enc = new TextEncoder();
  const names = entries.map((e) => {
    if (!e.path || e.path.startsWith('/') || e.path.includes('..') || e.path.includes('\\')) throw new Error(`zip: bad entry path ${JSON.stringify(e.path)}`);
    return enc.encode(e.path);
  });
  const crcs = entries.map((e) => crc32(e.data));
  let localSize = 0;
  for (let i = 0; i < entries.length; i++) localSize += 30 + names[i]!.length + entries[i]!.data.length;
  let centralSize = 0;
  for (const n of names) centralSize += 46 + n.length;
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff) throw new Error('zip: archive over 4 GiB');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const name = names[i]!;
    const data = entries[i]!.data;
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true); // version needed
    view.setUint16(p + 6, 0x0800, true); // UTF-8 names
    view.setUint16(p + 8, 0, true); // stored
    view.setUint16(p + 10, DOS_TIME, true);
    view.setUint16(p + 12, DOS_DATE, true);
    view.setUint32(p + 14, crcs[i]!, true);
    view.setUint32(p + 18, data.length, true);
    view.setUint32(p + 22, data.length, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    out.set(data, p + 30 + name.length);
    p += 30 + name.length + data.length;
  }
  const centralStart = p;
  for (let i = 0; i < entries.length; i++) {
    const name = names[i]!;
    const size = entries[i]!.data.length;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, (3 << 8) | 20, true); // made by: Unix, spec 2.0
    view.setUint16(p + 6, 20, true); // needed
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, 0, true);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    view.setUint32(p + 16, crcs[i]!, true);
    view.setUint32(p + 20, size, true);
    view.setUint32(p + 24, size, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint16(p + 30, 0, true); // extra
    view.setUint16(p + 32, 0, true); // comment
    view.setUint16(p + 34, 0, true); // disk
    view.setUint16(p + 36, 0, true); // internal attrs
    view.setUint32(p + 38, (0o100644 << 16) >>> 0, true); // external attrs: regular file, rw-r--r--
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 4, 0, true);
  view.setUint16(p + 6, 0, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  view.setUint16(p + 20, 0, true);
  return out;
}

/** An entry already compressed with raw DEFLATE (method 8), with its CRC and size before compression. */
export interface DeflatedEntry {
  readonly path: string;
  /** The compressed bytes, in order. */
  readonly pieces: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/**
 * Build a ZIP archive of deflated entries: sizes and CRC are known, so they go in the local headers (no data
 * descriptors), which every reader accepts. Deterministic like {@link zip}.
 */
export function zipDeflated(entries: readonly DeflatedEntry[]): Uint8Array {
  if (entries.length >= 0xffff) throw new Error(`zip: too many entries (${entries.length})`);
  const enc = new TextEncoder();
  const names = entries.map((e) => {
    if (!e.path || e.path.startsWith('/') || e.path.includes('..') || e.path.includes('\\')) throw new Error(`zip: bad entry path ${JSON.stringify(e.path)}`);
    return enc.encode(e.path);
  });
  const compressed = entries.map((e) => e.pieces.reduce((n, p) => n + p.length, 0));
  let total = 22;
  for (let i = 0; i < entries.length; i++) total += 30 + 46 + 2 * names[i]!.length + compressed[i]!;
  if (total > 0xffffffff || entries.some((e) => e.size > 0xffffffff)) throw new Error('zip: archive over 4 GiB');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const header = (p: number, i: number, central: boolean): number => {
    const e = entries[i]!;
    const name = names[i]!;
    let at = p;
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    at += 4;
    if (central) {
      view.setUint16(at, (3 << 8) | 20, true); // made by: Unix, spec 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // version needed
    view.setUint16(at + 2, 0x0800, true); // UTF-8 names
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, compressed[i]!, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true); // extra
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, (0o100644 << 16) >>> 0, true); // external attributes: regular file, rw-r--r--
      view.setUint32(at + 10, offsets[i]!, true);
      at += 14;
    }
    out.set(name, at);
    return at + name.length;
  };
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    offsets.push(p);
    p = header(p, i, false);
    for (const piece of entries[i]!.pieces) {
      out.set(piece, p);
      p += piece.length;
    }
  }
  const centralStart = p;
  for (let i = 0; i < entries.length; i++) p = header(p, i, true);
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

/** An entry whose bytes are produced piece by piece (iterated once). */
export interface StreamEntry {
  readonly path: string;
  readonly chunks: () => Iterable<Uint8Array>;
}

/**
 * Continue a CRC-32 over more bytes: start from 0xffffffff, finish with `(crc ^ 0xffffffff) >>> 0` (as
 * {@link crc32} does in one call).
 */
export function crcUpdate(crc: number, data: Uint8Array): number {
  const t = table();
  let c = crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/**
 * Stream a ZIP archive: local header, the entry's chunks as they come, then a data descriptor with CRC and
 * sizes (general-purpose flag bit 3), and the central directory at the end. Never holds an entry in memory;
 * `new Blob([...zipStream(entries)])` in the browser lets the Blob keep the pieces.
 */
export function* zipStream(entries: readonly StreamEntry[]): Generator<Uint8Array> {
  if (entries.length >= 0xffff) throw new Error(`zip: too many entries (${entries.length})`);
  const enc = new TextEncoder();
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!e.path || e.path.startsWith('/') || e.path.includes('..') || e.path.includes('\\')) throw new Error(`zip: bad entry path ${JSON.stringify(e.path)}`);
    const name = enc.encode(e.path);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0808, true); // UTF-8 names, sizes in the data descriptor
    lv.setUint16(8, 0, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const start = offset;
    yield local;
    offset += local.length;
    let crc = 0xffffffff;
    let size = 0;
    for (const c of e.chunks()) {
      if (!c.length) continue;
      crc = crcUpdate(crc, c);
      size += c.length;
      yield c;
    }
    offset += size;
    crc = (crc ^ 0xffffffff) >>> 0;
    if (offset > 0xffffffff) throw new Error('zip: archive over 4 GiB');
    const dd = new Uint8Array(16);
    const dv = new DataView(dd.buffer);
    dv.setUint32(0, 0x08074b50, true);
    dv.setUint32(4, crc, true);
    dv.setUint32(8, size, true);
    dv.setUint32(12, size, true);
    yield dd;
    offset += 16;
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, (3 << 8) | 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0808, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, size, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, (0o100644 << 16) >>> 0, true);
    cv.setUint32(42, start, true);
    cd.set(name, 46);
    central.push(cd);
  }
  let centralSize = 0;
  for (const c of central) {
    yield c;
    centralSize += c.length;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  yield end;
}

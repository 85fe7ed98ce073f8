/**
 * Download size before a download: the byte count of an export, estimated without writing it. Files whose row
 * count the exporter states (`OutFile.rows`: the cable schedule, millions of rows) are measured on their first
 * rows and scaled by that count; every other file is small and counted in full. The rows come from the same
 * generators the download writes, so the estimate follows any change in the writers. Pure (no DOM).
 * @module
 */

/** Above this many bytes the UI states the size and offers the cable schedule compressed before downloading. */
export const LARGE_DOWNLOAD_BYTES = 50_000_000;

/** Rows measured before scaling: a few chunks of every writer's batch size (1,024–2,048 rows). */
const SAMPLE_ROWS = 8192;

const encoder = new TextEncoder();

/** UTF-8 length without allocating the bytes for ASCII text (the cable schedule is ASCII). */
export function utf8Length(s: string): number {
  for (let i = 0; i < s.length; i++) {
    // Non-ASCII: count this string exactly and stop scanning.
    if (s.charCodeAt(i) >= 0x80) return encoder.encode(s).length;
  }
  return s.length;
}

function chunkBytes(c: string | Uint8Array): number {
  return typeof c === 'string' ? utf8Length(c) : c.length;
}

function lineBreaks(c: string | Uint8Array): number {
  let n = 0;
  if (typeof c === 'string') {
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  } else {
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) n++;
  }
  return n;
}

/**
 * Bytes of a text stream of `lines` lines (header included, each ending in LF or CRLF): exact when the stream
 * ends within the sample, else the sampled bytes per line times the line count.
 */
export function estimateLinesBytes(chunks: Iterable<string | Uint8Array>, lines: number, sampleLines = SAMPLE_ROWS): number {
  let bytes = 0;
  let seen = 0;
  const it = chunks[Symbol.iterator]();
  for (let r = it.next(); !r.done; r = it.next()) {
    bytes += chunkBytes(r.value);
    seen += lineBreaks(r.value);
    if (seen >= sampleLines) {
      it.return?.();
      return seen >= lines ? bytes : Math.round((bytes / seen) * lines);
    }
  }
  return bytes;
}

/** Bytes of a whole stream, counted by going through it. */
export function countBytes(chunks: Iterable<string | Uint8Array>): number {
  let bytes = 0;
  for (const c of chunks) bytes += chunkBytes(c);
  return bytes;
}

/** A file as the exporters describe it (src/export/plan-export.ts `OutFile`). */
export interface SizedFile {
  readonly path: string;
  /** Lines of the file (header included), when the exporter knows them without writing the file. */
  readonly rows?: number;
  readonly chunks: () => Iterable<string | Uint8Array>;
  /**
   * The file as consecutive parts of known line counts (the header, then one part per cluster of the schedule).
   * Each part is sampled and scaled on its own: row lengths differ between clusters (site and cluster names),
   * so one sample from the file's start would miss the later clusters (16 % under on the example plan when every
   * name carried its site and cluster). A part's first rows name its lowest-numbered nodes and switches, so the
   * estimate stays a little under (cables.csv of the example: 3.5 % under).
   */
  readonly segments?: () => Iterable<{ readonly lines: number; readonly chunks: Iterable<string | Uint8Array> }>;
}

/** Estimated bytes of one file: its parts sampled one by one, its stated lines scaled, or counted in full. */
export function estimateFileBytes(f: SizedFile): number {
  if (f.segments) {
    let total = 0;
    for (const s of f.segments()) total += estimateLinesBytes(s.chunks, s.lines, SEGMENT_SAMPLE_ROWS);
    return total;
  }
  return f.rows === undefined ? countBytes(f.chunks()) : estimateLinesBytes(f.chunks(), f.rows);
}

/** Rows sampled per part: enough for every tier's first rows of a small cluster, cheap for 18 clusters. */
const SEGMENT_SAMPLE_ROWS = 2048;

/** ZIP bytes around an entry as src/export/zip.ts writes it: local header, data descriptor, central record. */
function zipOverhead(path: string): number {
  return 30 + 16 + 46 + 2 * utf8Length(path);
}

/** Estimated download bytes: one file as is, or several in a stored ZIP under `dir/`. */
export function estimateDownloadBytes(files: readonly SizedFile[], dir?: string): number {
  let total = dir === undefined ? 0 : 22;
  for (const f of files) {
    total += estimateFileBytes(f);
    if (dir !== undefined) total += zipOverhead(`${dir}/${f.path}`);
  }
  return total;
}

/** "702 MB" / "48.3 MB" / "912 kB": decimal units, as browsers and file managers show download sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  if (u === 0) return `${Math.round(v)} bytes`;
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

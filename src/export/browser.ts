/**
 * Browser side of exports: turn an {@link ExportResult} into one download (directory formats become a ZIP),
 * and build any format for a plan with the heavy modules loaded on demand.
 * @module
 */
import type { Plan } from '../core/plan/types';
import { estimateDownloadBytes } from './download-size';
import type { ExportFormat, ExportResult } from './plan-export';
import { zipStream } from './zip';

export interface Download {
  readonly filename: string;
  readonly blob: Blob;
}

/**
 * Gather byte chunks into a Blob 16 MB at a time, so a large export (the full cable schedule of a big plan is
 * hundreds of MB) is handed to the browser's Blob storage in pieces instead of held as one array of chunks.
 */
export function blobOf(chunks: Iterable<Uint8Array>, type: string, batchBytes = 16 << 20): Blob {
  const blobs: Blob[] = [];
  let batch: Uint8Array[] = [];
  let size = 0;
  for (const c of chunks) {
    batch.push(c);
    size += c.length;
    if (size >= batchBytes) {
      blobs.push(new Blob(batch as BlobPart[]));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) blobs.push(new Blob(batch as BlobPart[]));
  return new Blob(blobs, { type });
}

/** Bundle the result: a single file as is, a directory as `<name>.zip`. */
export function toDownload(r: ExportResult): Download {
  const enc = new TextEncoder();
  const bytes = (chunks: Iterable<string | Uint8Array>) =>
    (function* () {
      for (const c of chunks) yield typeof c === 'string' ? enc.encode(c) : c;
    })();
  if (r.layout === 'file') {
    const f = r.files[0]!;
    return { filename: f.path, blob: blobOf(bytes(f.chunks()), f.mime) };
  }
  const parts = zipStream(r.files.map((f) => ({ path: `${r.name}/${f.path}`, chunks: () => bytes(f.chunks()) })));
  return { filename: `${r.name}.zip`, blob: blobOf(parts, 'application/zip') };
}

/** Evaluate a validated plan and export it; everything heavy is imported here, on first use. */
export async function buildPlanExport(plan: Plan, format: ExportFormat): Promise<Download> {
  return toDownload((await preparePlanExport(plan, format)).result);
}

/** An export described but not yet written, with its estimated download size. */
export interface PreparedExport {
  readonly result: ExportResult;
  /** Estimated bytes of {@link toDownload}'s Blob (src/export/download-size.ts). */
  readonly estimatedBytes: number;
  /** Paths of the files {@link toCompressedDownload} gzips (the cable schedules); empty when there is none. */
  readonly compressible: readonly string[];
}

/** Evaluate the plan, describe the export and estimate its size, writing nothing yet. */
export async function preparePlanExport(plan: Plan, format: ExportFormat): Promise<PreparedExport> {
  const [{ planBundle }, { exportPlan }] = await Promise.all([import('./bundle'), import('./plan-export')]);
  const result = await exportPlan(planBundle(plan), format);
  return {
    result,
    estimatedBytes: estimateDownloadBytes(result.files, result.layout === 'directory' ? result.name : undefined),
    compressible: result.files.filter((f) => f.rows !== undefined).map((f) => f.path),
  };
}

/**
 * gzip a stream of chunks with the browser's CompressionStream, pulling one chunk at a time so the text is never
 * held whole (the compressed bytes go to Blob storage).
 */
export async function gzipBlob(chunks: Iterable<string | Uint8Array>, type = 'application/gzip'): Promise<Blob> {
  const enc = new TextEncoder();
  const it = chunks[Symbol.iterator]();
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      const r = it.next();
      if (r.done) controller.close();
      else controller.enqueue(typeof r.value === 'string' ? enc.encode(r.value) : r.value);
    },
    cancel() {
      it.return?.();
    },
  });
  const gz = source.pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Blob([await new Response(gz).blob()], { type });
}

/**
 * Bundle the result with its cable schedule gzip-compressed: a single file becomes `<file>.gz`; in a directory,
 * each file with a stated row count (the cable schedule) is stored as `<path>.gz` inside the ZIP, the rest as is.
 */
export async function toCompressedDownload(r: ExportResult): Promise<Download> {
  if (r.layout === 'file') {
    const f = r.files[0]!;
    return { filename: `${f.path}.gz`, blob: await gzipBlob(f.chunks()) };
  }
  const enc = new TextEncoder();
  const entries: { path: string; chunks: () => Iterable<Uint8Array> }[] = [];
  for (const f of r.files) {
    if (f.rows === undefined) {
      entries.push({
        path: `${r.name}/${f.path}`,
        chunks: function* () {
          for (const c of f.chunks()) yield typeof c === 'string' ? enc.encode(c) : c;
        },
      });
    } else {
      // The compressed schedule is a small fraction of the text (~1/10 for a cable schedule); held once for the ZIP's CRC pass.
      const gz = new Uint8Array(await (await gzipBlob(f.chunks())).arrayBuffer());
      entries.push({ path: `${r.name}/${f.path}.gz`, chunks: () => [gz] });
    }
  }
  return { filename: `${r.name}.zip`, blob: blobOf(zipStream(entries), 'application/zip') };
}

/** Save a Blob through a temporary link (no server round trip). */
export function saveBlob(d: Download, host: Node = document.body): void {
  const url = URL.createObjectURL(d.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = d.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  host.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

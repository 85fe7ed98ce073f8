/**
 * Browser side of exports: turn an {@link ExportResult} into one download (directory formats become a ZIP),
 * and build any format for a plan with the heavy modules loaded on demand.
 * @module
 */
import type { Plan } from '../core/plan/types';
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
  const [{ planBundle }, { exportPlan }] = await Promise.all([import('./bundle'), import('./plan-export')]);
  return toDownload(await exportPlan(planBundle(plan), format));
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

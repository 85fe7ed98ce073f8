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

/** Bundle the result: a single file as is, a directory as `<name>.zip`. */
export function toDownload(r: ExportResult): Download {
  const enc = new TextEncoder();
  const bytes = (chunks: Iterable<string | Uint8Array>) =>
    (function* () {
      for (const c of chunks) yield typeof c === 'string' ? enc.encode(c) : c;
    })();
  if (r.layout === 'file') {
    const f = r.files[0]!;
    return { filename: f.path, blob: new Blob([...bytes(f.chunks())] as BlobPart[], { type: f.mime }) };
  }
  const parts = [...zipStream(r.files.map((f) => ({ path: `${r.name}/${f.path}`, chunks: () => bytes(f.chunks()) })))];
  return { filename: `${r.name}.zip`, blob: new Blob(parts as BlobPart[], { type: 'application/zip' }) };
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

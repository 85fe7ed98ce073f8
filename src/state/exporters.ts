/**
 * Export formats as plug-ins. The Export view lists whatever is registered; this build registers JSON. Other
 * formats (CSV, XLSX, PDF, NetBox) and share links register here from their own modules, loaded lazily.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import type { UnitReport } from '../core/rack/types';
import type { AppSnapshot } from './types';

/** What an exporter receives: the plain-JSON snapshot plus derived reports it may include. */
export interface ExportContext {
  readonly snapshot: AppSnapshot;
  readonly catalog: Catalog;
  /** The rack designer's unit report for the snapshot's design. */
  readonly rackReport: UnitReport | undefined;
  /** ISO timestamp of the export. */
  readonly at: string;
}

export interface ExportFile {
  readonly filename: string;
  readonly mime: string;
  readonly data: Blob | string;
}

export interface Exporter {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Build the file (exporters with heavy libraries import them inside). */
  build(ctx: ExportContext): Promise<ExportFile> | ExportFile;
}

const registry = new Map<string, Exporter>();

/** Add (or replace) an export format. */
export function registerExporter(e: Exporter): void {
  registry.set(e.id, e);
}

export function exporters(): Exporter[] {
  return [...registry.values()];
}

const stamp = (iso: string) => iso.slice(0, 10);

/** The JSON file: the snapshot (re-openable with "Open JSON") plus the unit report, for people and tools. */
export const jsonExporter: Exporter = {
  id: 'json',
  label: 'JSON',
  description: 'The whole session (design, options, preferences) and the rack designer’s unit report with every assumption and source. Open it again here to continue.',
  build(ctx) {
    const body = { ...ctx.snapshot, exportedAt: ctx.at, reports: { rack: ctx.rackReport ?? null } };
    return {
      filename: `rackplan-${ctx.snapshot.design.rack.generationId}-${stamp(ctx.at)}.json`,
      mime: 'application/json',
      data: JSON.stringify(body, null, 2) + '\n',
    };
  },
};

registerExporter(jsonExporter);

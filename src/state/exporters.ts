/**
 * Session export formats as plug-ins: the Export view lists whatever is registered (this build: the session JSON).
 * The capacity plan's own formats (JSON, CSV, XLSX, PDF, NetBox, share links) live in src/export and src/io and are
 * offered by `rack-plan-exports`.
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
  label: 'Session JSON',
  description: 'Everything on every view (rack design, compare, fabric, plan and optimizer settings, preferences) and the rack designer’s unit report with every assumption and source. Open it again here to continue.',
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

/**
 * The whole-session JSON file: the plain-JSON snapshot (re-openable with "Open a saved session") plus the rack
 * designer's unit report exactly as the designer shows it (from {@link Reports}, site defaults included), for people
 * and tools. The capacity plan's own formats (JSON, CSV, XLSX, PDF, NetBox, share links) live in src/export and
 * src/io and are offered by `rack-plan-exports`.
 * @module
 */
import type { UnitReport } from '../core/rack/types';
import type { AppSnapshot } from '../state/types';

export interface SessionFile {
  readonly filename: string;
  readonly mime: string;
  readonly text: string;
}

export const SESSION_JSON = {
  label: 'Session JSON',
  description:
    'Everything on every view (rack design, compare, fabric, plan and optimizer settings, preferences) and the rack designer’s unit report with every assumption and source. Open it again here to continue.',
} as const;

/**
 * The session JSON file.
 * @param rackReport - the designer's unit report for the snapshot's rack design (the one the designer shows)
 * @param at - ISO timestamp of the export
 */
export function sessionJson(snapshot: AppSnapshot, rackReport: UnitReport | undefined, at: string): SessionFile {
  const body = { ...snapshot, exportedAt: at, reports: { rack: rackReport ?? null } };
  return {
    filename: `rackplan-${snapshot.design.rack.generationId}-${at.slice(0, 10)}.json`,
    mime: 'application/json',
    text: JSON.stringify(body, null, 2) + '\n',
  };
}

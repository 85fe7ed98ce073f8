/**
 * Limits of the import boundary and of the work one input may ask for; the numbers appear in user-facing
 * messages. Every limit, with why it is where it is: docs/limits.md.
 */

/** Largest plan file accepted: 5 MiB, checked before any parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Largest autosaved session restored (IndexedDB revision or journal): a plan up to the import limit plus the rest of
 * the session (designer, compare and fabric state, preferences: a few kB), with room to spare. A bigger record is
 * treated as damaged: restore falls back to the newest intact revision and keeps the big one in the plan library.
 */
export const MAX_SESSION_BYTES = MAX_IMPORT_BYTES + 256 * 1024;
/** Deepest nesting of arrays and objects accepted (a plan needs about 8). */
export const MAX_JSON_DEPTH = 64;
/** Longest share link the app offers; above it the app offers a file instead. */
export const MAX_SHARE_LINK_CHARS = 8000;
/** Longest `#plan=` fragment decoded (links the app writes stay under MAX_SHARE_LINK_CHARS). */
export const MAX_SHARE_FRAGMENT_CHARS = 64 * 1024;
/** Keys refused anywhere in an imported document (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** "6,291,456 bytes (6.0 MiB)" */
export function describeBytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes (${(n / 1024 / 1024).toFixed(1)} MiB)`;
}

/*
 * Work limits: checked on the plan's own numbers before any evaluation allocates, so a small file cannot ask for
 * millions of objects (a 433-byte plan with `switchRadix: 4` and 10,000,000 units once asked for 45 million
 * fabric objects and 1.1 GB). Each is far above any real plan: the three-site example needs one fabric per
 * cluster and 504 fabric evaluations in all.
 */

/**
 * Most separate fabrics one cluster (one generation at one site) may be split into. A cluster that outgrows
 * what three switch tiers reach is split into equal fabrics; a tiny switch radix over millions of units asks for
 * millions of them. 100,000 fabrics of the default 64-port switch reach 6.5 billion endpoints.
 */
export const MAX_FABRICS_PER_CLUSTER = 100_000;
/** Most fabric evaluations in one plan: fabrics per cluster × quarters in service, summed over all clusters. */
export const MAX_PLAN_FABRIC_EVALUATIONS = 5_000_000;
/**
 * Most cable rows a CSV or NetBox export writes (about 290 bytes each: 20,000,000 rows is ~6 GB of CSV). The
 * three-site example writes 2,126,400. Above it the export is refused with the count, before anything is written.
 */
export const MAX_EXPORT_CABLE_ROWS = 20_000_000;
/** Longest plan `catalogVersion` (versions look like `2026.11.2`; a 1,000,000-character one was echoed to stdout). */
export const MAX_CATALOG_VERSION_CHARS = 64;
/** Orderable cable lengths `rackplan cables --lengths` accepts, metres: sums over millions of links stay finite. */
export const MIN_ORDERABLE_LENGTH_M = 0.01;
export const MAX_ORDERABLE_LENGTH_M = 100_000;
/** A plan's horizon when the file gives none: presets/prices.json `planDefaults.horizonYears` (a test checks they agree). */
export const DEFAULT_HORIZON_YEARS = 7;
/** First quarter a plan may start in (years before it are typos, and the engine writes years without padding). */
export const FIRST_PLAN_QUARTER = '1900-Q1';
/** Last quarter a plan may reach (quarter ids are `YYYY-Qn`, four-digit years). */
export const LAST_PLAN_QUARTER = '9999-Q4';

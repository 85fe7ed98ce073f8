/** Limits of the import boundary; the numbers appear in user-facing messages. */

/** Largest plan file accepted: 5 MiB, checked before any parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
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

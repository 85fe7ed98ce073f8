/**
 * Problems found by a calculation come back as typed issues, never thrown (zod's issue shape).
 * @module
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Stable machine code, listed in the README (e.g. `ab_failover_insufficient`). */
  readonly code: string;
  readonly severity: Severity;
  /** Where in the input or result the problem sits, e.g. `['power', 'feeds', 'A']`. */
  readonly path: readonly (string | number)[];
  /** The limit crossed, in `unit`; absent when the issue has no numeric limit. */
  readonly limit?: number;
  readonly actual?: number;
  readonly unit?: string;
  readonly message: string;
}

export function issue(
  code: string,
  severity: Severity,
  path: readonly (string | number)[],
  message: string,
  numbers: { limit?: number; actual?: number; unit?: string } = {},
): Issue {
  return { code, severity, path, message, ...numbers };
}

/** True when any issue is an error: the design does not hold. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

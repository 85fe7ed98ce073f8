/**
 * Problems found by a calculation come back as typed issues, never thrown (zod's issue shape). The codes, with
 * their default severity, title and fix, are registered in ./issue-codes.ts.
 * @module
 */
import type { IssueCode } from './issue-codes';

export type { IssueCode } from './issue-codes';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Stable machine code from the registry (e.g. `ab_failover_insufficient`), listed in the README. */
  readonly code: IssueCode;
  /** The registry's severity for the code; a call may state another where the same code means more or less. */
  readonly severity: Severity;
  /** Where in the input or result the problem sits, e.g. `['power', 'feeds', 'A']`. */
  readonly path: readonly (string | number)[];
  /** The limit crossed, in `unit`; absent when the issue has no numeric limit. */
  readonly limit?: number;
  readonly actual?: number;
  readonly unit?: string;
  readonly message: string;
  /**
   * What would fix this instance, computed from its numbers (cap at X kW, add a shelf per side, 480 V…); absent
   * when the registry's general fix is all there is to say.
   */
  readonly fix?: string;
}

export function issue(
  code: IssueCode,
  severity: Severity,
  path: readonly (string | number)[],
  message: string,
  numbers: { limit?: number; actual?: number; unit?: string; fix?: string } = {},
): Issue {
  return { code, severity, path, message, ...numbers };
}

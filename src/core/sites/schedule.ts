/**
 * Quarters and dated steps: `YYYY-Qn` ids, their ordinal, and the value of a step function at a quarter.
 * @module
 */
import { pickSourced, type Basis } from '../provenance';
import type { QuarterId, Step } from './types';

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarterId(s: string): s is QuarterId {
  return QUARTER.test(s);
}

const ordinals = new Map<string, number>();

/** Quarter ordinal: year × 4 + (quarter − 1). */
export function quarterIndex(q: string): number {
  const hit = ordinals.get(q);
  if (hit !== undefined) return hit;
  const m = QUARTER.exec(q);
  if (!m) throw new Error(`not a quarter id: ${q}`);
  const i = Number(m[1]) * 4 + Number(m[2]) - 1;
  if (ordinals.size < 10_000) ordinals.set(q, i);
  return i;
}

export function quarterFromIndex(i: number): QuarterId {
  return `${Math.floor(i / 4)}-Q${((i % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** `2027-Q3` → `2027 Q3` for sentences. */
export function quarterLabel(q: string): string {
  return q.replace('-', ' ');
}

/**
 * The first quarter of an availability date (`YYYY`, `YYYY-Qn`, `YYYY-Hn` or `YYYY-MM`).
 * @example availabilityQuarter('2025-H2') // 2025-Q3
 */
export function availabilityQuarter(date: string): QuarterId {
  const y = Number(date.slice(0, 4));
  const rest = date.slice(5);
  if (!rest) return `${y}-Q1`;
  if (rest.startsWith('Q')) return `${y}-Q${Number(rest.slice(1)) as 1 | 2 | 3 | 4}`;
  if (rest.startsWith('H')) return rest === 'H1' ? `${y}-Q1` : `${y}-Q3`;
  return `${y}-Q${(Math.floor((Number(rest) - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** Value of a step function at a quarter (0 before the first step, or when there are no steps). */
export function stepAt(steps: readonly Step[], quarter: number, basis: Basis = 'typical'): number {
  let value = 0;
  let best = -Infinity;
  for (const s of steps) {
    const i = quarterIndex(s.from);
    if (i <= quarter && i >= best) {
      best = i;
      value = pickSourced(s.value, basis);
    }
  }
  return value;
}

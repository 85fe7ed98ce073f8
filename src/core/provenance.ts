/**
 * Provenance for every catalog number: where it came from and how far to trust it.
 * A value is a point, a range (sources disagree or the vendor gives one), or missing with a reason.
 * @module
 */

/**
 * How a number was obtained. `derived` carries the formula and the fields it came from; `user` is a value from a
 * user's own generation file or editor (no source required; every output that uses it says so).
 */
export type Confidence = 'published' | 'secondary' | 'derived' | 'estimate' | 'user';

export interface Source {
  readonly url: string;
  readonly title: string;
}

interface SourcedBase {
  /** The unit the number is in; always the unit named by the field (`tdpW` → `W`). */
  readonly unit: string;
  readonly sources: readonly Source[];
  readonly confidence: Confidence;
  /** For `derived`: the formula and the catalog fields or sourced figures it used. */
  readonly derivation?: { readonly formula: string; readonly from: readonly string[] };
  readonly note?: string;
}

export interface SourcedPoint extends SourcedBase {
  readonly value: number;
}

export interface SourcedRange extends SourcedBase {
  readonly min: number;
  readonly typical: number;
  readonly max: number;
}

/** A number nobody has published: never guessed, the reason says what was searched. */
export interface Missing {
  readonly value: null;
  readonly unit: string;
  readonly reason: string;
}

export type Sourced = SourcedPoint | SourcedRange;
export type MaybeSourced = Sourced | Missing;

/** Which point of a catalog range a calculation uses; sizing defaults to `max`. */
export type Basis = 'min' | 'typical' | 'max';

export function isMissing(q: MaybeSourced): q is Missing {
  return 'value' in q && q.value === null;
}

export function isRange(q: MaybeSourced): q is SourcedRange {
  return 'typical' in q;
}

/** The number a sourced quantity contributes at a basis; `null` when it is missing. */
export function pick(q: MaybeSourced, basis: Basis): number | null {
  if (isMissing(q)) return null;
  if (isRange(q)) return q[basis];
  return q.value;
}

/** Like {@link pick} for quantities the schema guarantees are present. */
export function pickSourced(q: Sourced, basis: Basis): number {
  return isRange(q) ? q[basis] : q.value;
}

/** A row of a report's `assumptions[]`: one catalog value an output used. */
export interface Assumption {
  /** Catalog path of the value, e.g. `generations.gb200-nvl72.components.compute-tray.maxPowerW`. */
  readonly path: string;
  readonly value: number | string | null;
  readonly unit: string;
  readonly basis?: Basis;
  readonly range?: { readonly min: number; readonly typical: number; readonly max: number };
  readonly confidence: Confidence | 'missing';
  readonly sources: readonly Source[];
  readonly note?: string;
}

/** Build the assumption row for a sourced catalog value used at a basis. */
export function assumption(path: string, q: MaybeSourced, basis: Basis, note?: string): Assumption {
  if (isMissing(q)) {
    return { path, value: null, unit: q.unit, confidence: 'missing', sources: [], note: note ?? q.reason };
  }
  const base = {
    path,
    value: pickSourced(q, basis),
    unit: q.unit,
    confidence: q.confidence,
    sources: q.sources,
    note: [q.note, q.derivation ? `derived: ${q.derivation.formula}` : undefined, note].filter(Boolean).join('; ') || undefined,
  };
  return isRange(q) ? { ...base, basis, range: { min: q.min, typical: q.typical, max: q.max } } : base;
}

/**
 * A numeric field as the views render it (label, display kind, accepted range and default from the design schema's
 * tables in src/schema/limits.ts) and whether a typed value is accepted. Apart from ./fields.ts, so a view whose
 * fields are few (Plan, Compare: ./plan-fields.ts) does not load the rack designer's field tables.
 * @module
 */
import { acceptsText, isWithin, type NumericLimit } from '../schema/limits';
import type { DisplayKind } from './format';

export interface NumericField<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly kind: DisplayKind;
  /** Accepted range in canonical SI units. */
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly help: string;
  /** Example of what a user may type (shown as the placeholder when empty). */
  readonly example?: string;
  /** The engine's value when the user sets none, in the field's units. */
  readonly defaultValue?: number;
  /** The stored value is the shown value × this (slack is shown as a fraction, stored in %); default 1. */
  readonly storedPerShown?: number;
  /** What the design schema accepts, in words (for messages outside a form, e.g. a grid cell). */
  readonly accepts: string;
  /** The schema's limit on the stored value (open bounds included), when the field has one. */
  readonly limit?: NumericLimit;
}

/** Whether the design schema accepts a value typed into a field (in the field's shown units). */
export function fieldAccepts(field: NumericField, shown: number): boolean {
  const stored = shown * (field.storedPerShown ?? 1);
  if (field.limit) return isWithin(stored, field.limit);
  return Number.isFinite(shown) && (!field.integer || Number.isInteger(shown)) && shown >= field.min && shown <= field.max;
}

/** A field from a schema limit: range, whole-number rule and default come from the limit. */
export function fromLimit<K extends string>(key: K, limit: NumericLimit, label: string, kind: DisplayKind, help: string, extra: Partial<Omit<NumericField, 'key' | 'min' | 'max'>> = {}): NumericField<K> {
  const per = extra.storedPerShown ?? 1;
  return {
    key,
    label,
    kind,
    min: limit.min / per,
    max: limit.max / per,
    ...(limit.integer ? { integer: true } : {}),
    ...(limit.default !== undefined ? { defaultValue: limit.default / per } : {}),
    help,
    accepts: acceptsText(limit),
    limit,
    ...extra,
  };
}


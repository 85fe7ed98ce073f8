/**
 * Freeze a parsed preset and everything in it: catalog data is shared by every report and must never be changed by
 * one of them. Parsed presets are trees of plain objects and arrays (JSON), so no cycle can occur.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitName } from '../../src/export/netbox';
import { cleanName } from '../../src/io/control-chars';

/** fitName as first written (before its ASCII fast path): the definition the fast path must match. */
function fitNameReference(name: string, max: number): string {
  const clean = cleanName(name).trim();
  if ([...clean].length <= max) return clean;
  let h = 0x811c9dc5;
  for (let i = 0; i < clean.length; i++) {
    h ^= clean.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const suffix = `~${(h >>> 0).toString(16).padStart(8, '0').slice(0, 6)}`;
  return [...clean].slice(0, max - suffix.length).join('').trimEnd() + suffix;
}

const piece = fc.oneof(fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u001b', '\u007f', '\u009b', 'é', '𝄞', '~', 'a'), fc.string({ maxLength: 12 }));
const name = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

describe('fitName fast path', () => {
  it('gives what the definition gives, for hostile and plain names and every length limit', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 8, max: 100 }), (n, max) => {
        expect(fitName(n, max)).toBe(fitNameReference(n, max));
      }),
      { numRuns: 5000 },
    );
    for (const n of ['', ' ', 'leaf-01', ' leaf-01', 'leaf-01 ', 'a'.repeat(64), 'a'.repeat(65), `${'é'.repeat(64)}`, `${'𝄞'.repeat(40)}`]) {
      expect(fitName(n, 64), JSON.stringify(n)).toBe(fitNameReference(n, 64));
    }
  });
});

/**
 * csvField finds control characters and quote-worthy characters in one pass; this checks it against the
 * two-regular-expression definition it replaced (RFC 4180 quoting after control characters are removed and
 * formula-like text neutralized), on random text weighted towards the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField } from '../../src/export/csv';
import { neutralizeText } from '../../src/export/table';

// eslint-disable-next-line no-control-regex -- the definition under test: C0 but tab, LF, CR; DEL; C1
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

function reference(value: string): string {
  const text = neutralizeText(value.replace(CONTROL_EXCEPT_BREAKS, ''));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const interesting = fc.constantFrom('\u0000', '\u0008', '\t', '\n', '\u000b', '\r', '\u001b', '\u001f', ' ', '"', ',', '=', '+', '-', '@', 'a', 'Z', '\u007f', '\u0080', '\u009b', '\u009f', '\u00a0', 'é', '€');

describe('csvField single-pass scan', () => {
  it('matches the regular-expression definition on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(interesting, { maxLength: 12 }).map((a) => a.join(''))), (s) => {
        expect(csvField(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('examples: plain, quoted, stripped, neutralized', () => {
    expect(csvField('leaf-1')).toBe('leaf-1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\u001b[2Jy')).toBe('x[2Jy');
    expect(csvField('\u001b=1+2')).toBe("'=1+2");
    expect(csvField('\r\n')).toBe('"\'\r\n"');
  });
});

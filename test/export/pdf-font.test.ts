/**
 * The PDF's embedded font covers what the PDF prints. The committed DejaVu Sans subsets are read with a cmap reader
 * written here (independent of harfbuzz, which made them); coverage.json, which the PDF writer consults, must be
 * exactly what both faces map, inside the blocks of charset.json, which is also what scripts/pdf-font.mjs subsets.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import charset from '../../src/export/fonts/charset.json';
import coverage from '../../src/export/fonts/coverage.json';
import { pdfFontCovers } from '../../src/export/fonts';
import { PDF_MISSING_CHARACTER, pdfText } from '../../src/export/pdf';

const FONTS = 'src/export/fonts';

/** Code points a TrueType cmap maps to a real glyph (format 4 and 12 subtables), per the OpenType spec's cmap chapter. */
function cmap(bytes: Uint8Array): Set<number> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = -1;
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + 16 * i;
    if (new TextDecoder().decode(bytes.subarray(rec, rec + 4)) === 'cmap') at = v.getUint32(rec + 8);
  }
  expect(at).toBeGreaterThan(0);
  const out = new Set<number>();
  for (let i = 0; i < v.getUint16(at + 2); i++) {
    const sub = at + v.getUint32(at + 8 + 8 * i);
    if (v.getUint16(sub) === 4) {
      const segs = v.getUint16(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + 2 * segs + 2;
      const deltas = starts + 2 * segs;
      const ranges = deltas + 2 * segs;
      for (let s = 0; s < segs; s++) {
        const [end, start, delta, ro] = [v.getUint16(ends + 2 * s), v.getUint16(starts + 2 * s), v.getInt16(deltas + 2 * s), v.getUint16(ranges + 2 * s)];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = ro === 0 ? (c + delta) & 0xffff : v.getUint16(ranges + 2 * s + ro + 2 * (c - start));
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (v.getUint16(sub) === 12) {
      for (let g = 0; g < v.getUint32(sub + 12); g++) for (let c = v.getUint32(sub + 16 + 12 * g); c <= v.getUint32(sub + 20 + 12 * g); c++) out.add(c);
    }
  }
  return out;
}

const inCharset = (c: number) => charset.blocks.some((b) => c >= parseInt(b.from, 16) && c <= parseInt(b.to, 16));
const covered = new Set(coverage.ranges.flatMap(([a, b]) => Array.from({ length: b! - a! + 1 }, (_, i) => a! + i)));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Source text without its comments (whole-line `//`, `*` and `/*` lines, and trailing `// …`): what can be printed. */
const code = (src: string) =>
  src
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .map((l) => l.replace(/\s\/\/\s.*$/, ''))
    .join('\n');

describe('PDF font subset', () => {
  it('both committed faces map exactly coverage.json, within the blocks of charset.json, in at most ~85 kB each', () => {
    for (const face of ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf']) {
      const bytes = readFileSync(join(FONTS, face));
      expect(bytes.length, face).toBeLessThan(85_000);
      const mapped = [...cmap(bytes)].filter((c) => c >= 0x20);
      expect(new Set(mapped), face).toEqual(covered);
    }
    for (const c of covered) expect(inCharset(c), `U+${c.toString(16)}`).toBe(true);
    // The blocks the PDF needs: Latin, Greek, punctuation, super/subscripts, arrows, operators, letterlike.
    for (const ch of 'AzÀÿĀſΔρΩ–—…‰²³₂→↓−×≈≤≥∑√µ°ΩΩ℃✓✗⌈⌉') expect(pdfFontCovers(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('every character the PDF code, the core (issue messages, formatting) and the presets print is in the subset', () => {
    const sources = [...files('src/core'), ...files('src/export'), 'src/units/format-number.ts'].filter((f) => f.endsWith('.ts') && !f.endsWith('src/export/pdf.ts'));
    const missing = new Map<string, string>();
    for (const f of sources) for (const ch of code(readFileSync(f, 'utf8'))) if (ch.codePointAt(0)! > 0x7e && !pdfFontCovers(ch.codePointAt(0)!)) missing.set(ch, f);
    for (const f of files('presets').filter((x) => x.endsWith('.json'))) for (const ch of readFileSync(f, 'utf8')) if (ch.codePointAt(0)! > 0x7e && !pdfFontCovers(ch.codePointAt(0)!)) missing.set(ch, f);
    // The PDF writer's own marks (verdict chips, branch arrows, bullets, loss sign) and the units it prints.
    for (const ch of '✓✗↓→•−·×ηΔT ≈ρ°C°Fm³/h²³µ≤≥₂') if (!pdfFontCovers(ch.codePointAt(0)!)) missing.set(ch, 'src/export/pdf.ts');
    expect([...missing].map(([ch, f]) => `${ch} U+${ch.codePointAt(0)!.toString(16)} (${f})`)).toEqual([]);
  });

  it('scripts/pdf-font.mjs writes the committed files from charset.json (the same charset this test reads)', () => {
    expect(readFileSync('scripts/pdf-font.mjs', 'utf8')).toContain("'charset.json'");
    // Exit 0 only when its subsets and coverage.json are byte for byte the committed ones.
    execFileSync(process.execPath, ['scripts/pdf-font.mjs', '--check'], { stdio: 'pipe' });
  });

  it('what the subset lacks gets a stated fallback, never a silent "?"', () => {
    const all = String.fromCodePoint(...covered);
    expect(pdfText(all)).toBe(all);
    expect(pdfText('ﬁ ① ǎ € ✔ ✘ ⚠')).toBe('fi 1 a EUR ✓ ✗ (!)');
    expect(pdfText('GB300 in 東京')).toBe(`GB300 in ${PDF_MISSING_CHARACTER}${PDF_MISSING_CHARACTER}`);
    for (const ch of ['東', '🙂', '⌘', 'Ж']) expect(pdfText(ch)).not.toBe('?');
  });
});

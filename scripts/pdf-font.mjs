#!/usr/bin/env node
/**
 * Writes the PDF report's embedded font: DejaVu Sans (regular and bold, from the `dejavu-fonts-ttf` package) cut down
 * with harfbuzz (`subset-font`) to the Unicode blocks in src/export/fonts/charset.json, as TrueType files in
 * src/export/fonts/, plus coverage.json: the code points the subset really maps (a block's unassigned code points and
 * the few DejaVu lacks are not in it), which the PDF writer uses to decide what it can draw.
 *
 *   npm run pdf-font            regenerate the files
 *   npm run pdf-font -- --check exit 1 if the committed files differ from what the charset gives
 *
 * DejaVu fonts: Bitstream Vera license, DejaVu changes in the public domain (the package's LICENSE file).
 */
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fontsDir = join(root, 'src/export/fonts');
const ttfDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FACES = [
  { source: 'DejaVuSans.ttf', out: 'DejaVuSans-subset.ttf' },
  { source: 'DejaVuSans-Bold.ttf', out: 'DejaVuSans-Bold-subset.ttf' },
];

/**
 * OpenType layout tables (ligatures, mark positioning, kerning, math layout): jsPDF places glyphs one by one by their advance
 * widths and reads none of them, so they only add bytes.
 */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH'];

/** Every code point of the charset's blocks, in order. */
export function charsetCodePoints(charset = JSON.parse(readFileSync(join(fontsDir, 'charset.json'), 'utf8'))) {
  const out = [];
  for (const b of charset.blocks) for (let c = parseInt(b.from, 16); c <= parseInt(b.to, 16); c++) out.push(c);
  return out;
}

/** Code points a TrueType font's cmap maps to a glyph other than .notdef (format 4 and 12 subtables). */
export function cmapCodePoints(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = v.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = 12 + 16 * i;
    if (String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]) === 'cmap') cmap = v.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  const found = new Set();
  const n = v.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const sub = cmap + v.getUint32(cmap + 4 + 8 * i + 4);
    const format = v.getUint16(sub);
    if (format === 4) {
      const segX2 = v.getUint16(sub + 6);
      const ends = sub + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = v.getUint16(ends + 2 * s);
        const start = v.getUint16(starts + 2 * s);
        const delta = v.getInt16(deltas + 2 * s);
        const ro = v.getUint16(offsets + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = ro === 0 ? (c + delta) & 0xffff : v.getUint16(offsets + 2 * s + ro + 2 * (c - start));
          if (glyph !== 0) found.add(c);
        }
      }
    } else if (format === 12) {
      const groups = v.getUint32(sub + 12);
      for (let g = 0; g < groups; g++) {
        const at = sub + 16 + 12 * g;
        const start = v.getUint32(at);
        const end = v.getUint32(at + 4);
        for (let c = start; c <= end; c++) found.add(c);
      }
    }
  }
  return found;
}

/** Sorted code points as inclusive [from, to] ranges. */
function toRanges(points) {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges = [];
  for (const c of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

/** The subset files and coverage.json, as bytes by file name. */
export async function buildFontFiles() {
  const wanted = charsetCodePoints();
  const text = String.fromCodePoint(...wanted);
  const files = new Map();
  let coverage = null;
  for (const face of FACES) {
    const source = readFileSync(join(ttfDir, face.source));
    // No hinting: the PDF is printed and zoomed, where hints do nothing; they were over half the subset's bytes.
    // Without layout closure, the glyphs only ligatures and alternates reach are not pulled in.
    const subset = await subsetFont(source, text, { targetFormat: 'truetype', noHinting: true, dropTables: LAYOUT_TABLES, noLayoutClosure: true });
    const mapped = cmapCodePoints(new Uint8Array(subset));
    const kept = wanted.filter((c) => mapped.has(c));
    // Both faces must draw the same characters, or bold text would fall back where regular does not.
    if (coverage && kept.join() !== coverage.join()) throw new Error(`${face.out} covers other characters than ${FACES[0].out}`);
    coverage = kept;
    files.set(face.out, new Uint8Array(subset));
  }
  const json = { note: 'Generated by scripts/pdf-font.mjs from charset.json: the code points both subset faces map, as inclusive ranges.', ranges: toRanges(coverage) };
  files.set('coverage.json', new Uint8Array(Buffer.from(`${JSON.stringify(json)}\n`)));
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await buildFontFiles();
  let stale = 0;
  for (const [name, bytes] of files) {
    const path = join(fontsDir, name);
    if (check) {
      let old = null;
      try {
        old = readFileSync(path);
      } catch {
        /* missing */
      }
      if (!old || !Buffer.from(bytes).equals(old)) {
        console.error(`${name} is not what scripts/pdf-font.mjs writes from charset.json: run npm run pdf-font`);
        stale++;
      }
    } else {
      writeFileSync(path, bytes);
      console.log(`${name}: ${bytes.length.toLocaleString('en-US')} bytes`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

/**
 * The PDF design review reads right: column headers wrap instead of being cut ("Peak build (racks/we…" in the
 * 2026-12 review), a figure that rounds to zero prints 0 (never "-0"), and the creation date is the time of writing
 * unless a caller fixes one. Pages are rendered to PNG with pdftoppm (poppler) and the text is extracted with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { toPdf, type PdfReport } from '../../src/export/pdf';

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdfinfo');

const plantColumns = [
  { key: 'plant', label: 'Plant', kind: 'text' as const },
  { key: 'lead', label: 'Lead time (weeks)', kind: 'integer' as const },
  { key: 'peak', label: 'Peak build (racks/week)', kind: 'integer' as const },
  { key: 'quarter', label: 'Peak quarter', kind: 'text' as const },
  { key: 'parts', label: 'Parts per week at peak (thousands)', kind: 'number' as const },
  ...Array.from({ length: 9 }, (_, i) => ({ key: `c${i}`, label: `Another wide column ${i}`, kind: 'number' as const })),
];

function report(createdAt?: string): PdfReport {
  return {
    title: 'Design review',
    subtitle: 'headers and zeros',
    summary: [{ label: 'Racks', value: '12' }],
    findings: [],
    tables: [{ name: 'plants', title: 'Plants: peak week', columns: plantColumns, rows: [['Lordstown, OH', 6, 0, '2027 Q2', -0.0001, ...Array.from({ length: 9 }, () => 1.5)]] }],
    elevations: [],
    charts: [],
    assumptions: { name: 'assumptions', title: 'Assumptions and sources', columns: [{ key: 'v', label: 'Value', kind: 'text' }], rows: [] },
    ...(createdAt ? { createdAt } : {}),
  };
}

function write(bytes: Uint8Array): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-pdf-review-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, bytes);
  return { dir, file };
}

describe.skipIf(!hasPoppler)('PDF design review', () => {
  it('headers wrap whole (no "…"), zero prints as 0, and every page renders to a PNG', async () => {
    const { dir, file } = write(await toPdf(report()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const word of ['(racks/week)', '(weeks)', 'quarter', '(thousands)']) expect(text, word).toContain(word);
    expect(text).not.toMatch(/Peak build \(racks\/we\.\.\./);
    expect(text).not.toMatch(/(^|\s)-0(\s|$)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pngs).toHaveLength(pages);
    for (const p of pngs) expect(statSync(join(dir, p)).size).toBeGreaterThan(1000);
  });

  it('the creation date is the time of writing unless one is fixed', async () => {
    const before = Date.now();
    const { file } = write(await toPdf(report()));
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    const created = Date.parse(/CreationDate:\s+(\S+)/.exec(info)![1]!);
    expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(created).toBeLessThanOrEqual(Date.now() + 1000);
    const fixed = write(await toPdf(report('2026-03-04T05:06:07Z'))).file;
    expect(execFileSync('pdfinfo', ['-isodates', fixed], { encoding: 'utf8' })).toMatch(/CreationDate:\s+2026-03-04T05:06:07/);
  });
});

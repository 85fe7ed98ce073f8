import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PDF_MISSING_CHARACTER, pdfText, toPdf, type PdfReport } from '../../src/export/pdf';

const hasPdftotext = existsSync('/usr/bin/pdftotext');

export function pdfToText(bytes: Uint8Array, layout = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-pdf-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

const report: PdfReport = {
  title: 'Capacity plan: Example <script>alert(1)</script>',
  subtitle: 'Catalog 2026.11.1 · schema 1 · 3 sites',
  summary: [
    { label: 'Racks', value: '1,234' },
    { label: 'IT (MW)', value: '150.5' },
    { label: 'Facility (MW)', value: '180.2' },
  ],
  findings: ['Houston power, 2027 Q3: 100.0 of 100.0 MW', 'Δ supply ≤ 45 °C'],
  tables: [
    {
      name: 'sites',
      title: 'Sites',
      columns: [
        { key: 'site', label: 'Site', kind: 'text' },
        { key: 'racks', label: 'Racks', kind: 'integer' },
        { key: 'it_mw', label: 'IT (MW)', kind: 'number' },
      ],
      rows: Array.from({ length: 120 }, (_, i) => [`Site ${i}`, i * 10, i * 1.25]),
      notes: ['Figures for the last full year of the horizon.'],
    },
  ],
  elevations: [
    {
      title: 'GB200 NVL72',
      heightU: 48,
      items: [
        { fromU: 1, heightU: 2, label: 'Power shelf', kind: 'power' },
        { fromU: 3, heightU: 1, label: 'Compute tray 1', kind: 'compute' },
        { fromU: 20, heightU: 1, label: 'NVLink switch tray', kind: 'switch' },
      ],
      caption: '72 GPUs, 132 kW input',
    },
  ],
  charts: [{ title: 'IT power by year', unit: 'MW', categories: ['2026', '2027', '2028'], series: [{ name: 'Houston', values: [10, 40, 80] }, { name: 'Lordstown', values: [5, 25, -3] }] }],
  assumptions: {
    name: 'assumptions',
    title: 'Assumptions and sources',
    columns: [
      { key: 'path', label: 'Value', kind: 'text' },
      { key: 'source', label: 'Source', kind: 'text' },
    ],
    rows: [['generations.gb200-nvl72.power', 'NVIDIA GB200 NVL72 spec https://example.com']],
  },
  maxRowsPerTable: 100,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('pdf report', () => {
  it('keeps what the embedded font draws and replaces the rest with a stated fallback, never a silent "?"', () => {
    expect(pdfText('≤ 45 °C — ×2 Δ ≈ ρ µ m³/h ² → −')).toBe('≤ 45 °C — ×2 Δ ≈ ρ µ m³/h ² → −');
    // Compatibility form, base letter without its accent, a listed spelling, then the visible marker.
    expect(pdfText('ﬁ ǎ € ✔')).toBe('fi a EUR ✓');
    expect(pdfText('漢字')).toBe(`${PDF_MISSING_CHARACTER}${PDF_MISSING_CHARACTER}`);
    expect(pdfText('a\tb\u0007c')).toBe('a b c');
  });
  it.skipIf(!hasPdftotext)('pdftotext reads the summary, tables, elevations, charts, sources and page numbers', async () => {
    const bytes = await toPdf(report);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfToText(bytes);
    expect(text).toContain('Capacity plan: Example <script>alert(1)</script>');
    expect(text).toMatch(/Racks\s+1,234/);
    expect(text).toContain('Houston power, 2027 Q3: 100.0 of 100.0 MW');
    expect(text).toContain('Δ supply ≤ 45 °C');
    expect(text).toContain('Site 99');
    expect(text).not.toContain('Site 100');
    expect(text).toContain('20 more rows not printed');
    expect(text).toContain('Rack elevations');
    expect(text).toContain('Power shelf');
    expect(text).toContain('IT power by year (MW)');
    expect(text).toContain('Assumptions and sources');
    expect(text).toContain('generations.gb200-nvl72.power');
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)];
    expect(pages.length).toBeGreaterThan(3);
    const total = Number(pages[0]![2]);
    expect(pages.map((m) => Number(m[1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
  it('is reproducible for a fixed creation date', async () => {
    const a = await toPdf(report);
    const b = await toPdf(report);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

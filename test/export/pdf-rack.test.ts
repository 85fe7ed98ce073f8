/**
 * The rack designer's PDF design review shows the designer's own summary strip (rackSummary over the same report and
 * budgets) and power chain on page 1, in US units when the user chose them, and renders every page.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadCatalog } from '../../src/catalog/presets';
import * as siteFunctions from '../../src/views/site-chain';
import { RackDerivations } from '../../src/views/rack-report';
import { rackSummary } from '../../src/views/rack-summary';
import { rackPdfFile } from '../../src/views/rack-pdf';
import { formatNumber } from '../../src/core/format';
import { chainMismatches } from '../../src/core/rack/power-chain';

const hasPoppler = ['pdftotext', 'pdftoppm', 'pdfinfo'].every((t) => existsSync(`/usr/bin/${t}`));
const catalog = loadCatalog();

async function render(generationId: string, units: number, system: 'si' | 'us', siteId?: string) {
  const d = new RackDerivations().derive(catalog, { generationId, options: { units }, limits: {}, ...(siteId ? { siteId } : {}) }, siteFunctions)!;
  const { bytes, filename } = await rackPdfFile(d, { catalog, units: system, ...(siteId ? { siteName: siteFunctions.findSite(siteId)!.name } : {}) });
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-rack-pdf-'));
  const file = join(dir, filename);
  writeFileSync(file, bytes);
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const pages = Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
  return { d, dir, file, pages, summary: rackSummary(d.report, d.budgets, system) };
}

describe.skipIf(!hasPoppler)('rack design PDF', () => {
  it('page 1 carries the summary strip’s figures, its verdict and the designer’s power chain, at a site', async () => {
    const { d, pages, summary, dir, file } = await render('gb300-nvl72', 10, 'si', 'houston-tx');
    const one = pages[0]!.replace(/\s+/g, ' ');
    expect(one).toContain('Rack design: NVIDIA GB300 NVL72 at Houston, Texas');
    expect(one).toContain(`Verdict ${summary.verdict}`);
    for (const c of summary.cells) {
      expect(one, c.label).toContain(c.perUnit.replace(/\s+/g, ' ').slice(0, 30));
      if (c.total) expect(one, c.label).toContain(c.total.replace(/\s+/g, ' ').slice(0, 30));
    }
    expect(chainMismatches(d.chain)).toEqual([]);
    for (const st of d.chain.stages) expect(one, st.label).toContain(`${formatNumber(st.inW / 1000)} kW`);
    expect(one).toContain('Utility meter');
    expect(pages[1]).toContain('Per unit');
    execFileSync('pdftoppm', ['-r', '50', '-png', file, join(dir, 'p')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(pages.length);
    const all = pages.join('\n');
    for (const s of ['Budgets against their limits', 'Power by component', 'Rack elevations', 'Assumptions and sources']) expect(all, s).toContain(s);
    expect(all).not.toContain('[?]');
  });

  it('US units print as the strip shows them (gpm, CFM, °F), and one unit has no totals', async () => {
    const { pages, summary } = await render('gb200-nvl72', 1, 'us');
    const one = pages[0]!.replace(/\s+/g, ' ');
    const coolant = summary.cells.find((c) => c.id === 'coolant')!;
    expect(coolant.perUnit).toMatch(/gpm/);
    expect(one).toContain(coolant.perUnit.replace(/\s+/g, ' '));
    expect(one).not.toContain('units,');
    expect(one).toContain('Rack input (whips)');
  });

  it('every generation renders, with no NaN, undefined or missing glyph in the text', async () => {
    for (const g of catalog.generations) {
      const { pages } = await render(g.id, 2, 'us');
      const text = pages.join('\n');
      expect(text, g.id).not.toMatch(/NaN|Infinity|undefined|\[\?\]/);
      expect(pages[0], g.id).toContain('One-line power diagram');
    }
  }, 180_000);

  it('a user’s own generation is marked user-defined in the title, as in the plan views and exports', async () => {
    const base = catalog.generations.find((g) => g.id === 'gb300-nvl72')!;
    const own = { ...base, id: 'gb300-mine', name: 'NVIDIA GB300 NVL72 (my copy)', userDefined: true as const };
    const withOwn = { ...catalog, generations: [...catalog.generations, own] };
    const d = new RackDerivations().derive(withOwn, { generationId: own.id, options: {}, limits: {} }, siteFunctions)!;
    const { rackPdfReport } = await import('../../src/views/rack-pdf');
    expect(rackPdfReport(d, { catalog: withOwn, units: 'si' }).title).toBe('Rack design: NVIDIA GB300 NVL72 (user-defined)');
  });
});

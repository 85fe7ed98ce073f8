/**
 * The capacity plan's PDF design review, checked the way a reader sees it: every page renders to a PNG (pdftoppm),
 * page 1 alone is the summary with the one-line power diagram, tables name sites, plants and generations (ids stay
 * only in the assumptions' catalog paths), the Unicode symbols print as themselves, and the diagram's figures are the
 * core power chain's (the designer's owner), not a second computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { exportPlan } from '../../src/export/plan-export';
import type { PlanBundle } from '../../src/export/plan-tables';
import { formatNumber } from '../../src/core/format';
import { chainMismatches, powerChain } from '../../src/core/rack/power-chain';
import { facilityChainAt } from '../../src/core/sites/facility-chain';

const hasPoppler = ['pdftotext', 'pdftoppm', 'pdfinfo'].every((t) => existsSync(`/usr/bin/${t}`));

let bundle: PlanBundle;
let dir: string;
let file: string;
let pages: string[];

beforeAll(async () => {
  const r = importPlan(readFileSync('test/fixtures/export/small-plan.json', 'utf8'));
  if (!r.ok) throw new Error('fixture plan does not import');
  bundle = planBundle(r.value.value);
  const out = await exportPlan(bundle, 'pdf');
  dir = mkdtempSync(join(tmpdir(), 'rackplan-plan-pdf-'));
  file = join(dir, 'plan.pdf');
  writeFileSync(file, [...out.files[0]!.chunks()][0] as Uint8Array);
  if (hasPoppler) {
    const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    pages = Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
  }
}, 60_000);

describe.skipIf(!hasPoppler)('plan PDF design review', () => {
  it('renders every page to a PNG that is not blank', () => {
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(pages.length);
    for (const p of pngs) expect(statSync(join(dir, p)).size, p).toBeGreaterThan(4000);
  });

  it('page 1 is the whole summary: headline figures, findings and the one-line power diagram, utility to accelerators', () => {
    const one = pages[0]!;
    for (const s of ['Capacity plan:', 'Summary', 'Racks / accelerators (end of horizon)', 'IT (end of horizon)', 'NPV of TCO', 'CO₂ over horizon', 'Findings', 'One-line power diagram', 'Utility meter', 'UPS', 'Rack input (whips)', 'Trays and systems']) expect(one, s).toContain(s);
    expect(one).toContain('Page 1 of');
    // The first unit sheet starts page 2; nothing of the summary spills onto it.
    expect(pages[1]).toContain('Per unit');
    expect(pages[1]).not.toContain('Findings');
  });

  it('the diagram shows the core power chain’s figures for that unit, a chain that adds up', () => {
    const one = pages[0]!;
    const title = /One-line power diagram, one unit of (.+?) at (.+?) \(/.exec(one);
    expect(title).not.toBeNull();
    const unit = bundle.report.units.find((u) => one.includes(`one unit of ${bundle.catalog.generations.find((g) => g.id === u.generation)!.name.replace(/\s*\(.*\)$/, '')} at`))!;
    const g = bundle.catalog.generations.find((x) => x.id === unit.generation)!;
    const site = bundle.sites.find((s) => s.id === unit.site)!;
    const chain = powerChain(unit.report, g, facilityChainAt(site, g, { basis: unit.report.basis, ...(bundle.plan.unitOptions?.[g.id] ?? {}) }, bundle.catalog));
    expect(chainMismatches(chain)).toEqual([]);
    for (const st of chain.stages) expect(one, st.label).toContain(`${formatNumber(st.inW / 1000)} kW`);
    expect(one).toContain(`${formatNumber(unit.report.power.inputKw)} kW`);
  });

  it('names, not ids, outside the assumptions’ catalog paths', () => {
    const text = pages.join('\n');
    const before = text.slice(0, text.indexOf('Assumptions and sources\n') > 0 ? text.lastIndexOf('Assumptions and sources') : text.length);
    const ids = [...bundle.report.sites.map((s) => s.id), ...bundle.report.plants.map((p) => p.id), ...bundle.report.units.map((u) => u.generation)];
    for (const id of new Set(ids)) expect(before, id).not.toMatch(new RegExp(`(?<![\\w.-])${id}(?![\\w-])`));
    for (const s of ['Houston, Texas', 'Lordstown, Ohio', 'NVIDIA GB200 NVL72']) expect(before, s).toContain(s);
  });

  it('prints ≈ ρ Δ ° ³ as themselves, and no character fell back to the missing marker', () => {
    const text = pages.join('\n');
    for (const ch of ['≈', 'ρ', 'Δ', '°', '³', '²', '→', '×']) expect(text, ch).toContain(ch);
    expect(text).not.toContain('[?]');
  });

  it('elevation labels are at least 7 pt (readable printed)', () => {
    // pdftotext -bbox gives each word's box; the item labels are on the elevation pages.
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const elevationPages = bbox.split('<page ').filter((p) => p.includes('>Rack</word>') && p.includes('>elevations</word>'));
    expect(elevationPages.length).toBeGreaterThan(0);
    const heights = elevationPages.flatMap((p) => [...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(?:Compute|NVLink|OCP|DGX)</g)].map((m) => Number(m[2]) - Number(m[1])));
    expect(heights.length).toBeGreaterThan(5);
    // A word box is 1.164 em high in DejaVu Sans (hhea ascent 0.928 + descent 0.236 em), so 7 pt type gives 8.148 pt.
    expect(Math.min(...heights) / 1.164).toBeGreaterThanOrEqual(6.99);
  });

  it('every example plan exports a PDF with no NaN, undefined or missing glyph, its summary on page 1', async () => {
    for (const name of readdirSync('presets/plans').filter((f) => f.endsWith('.json'))) {
      const r = importPlan(readFileSync(join('presets/plans', name), 'utf8'));
      if (!r.ok) throw new Error(`${name} does not import`);
      const out = await exportPlan(planBundle(r.value.value), 'pdf');
      const f = join(dir, `${name}.pdf`);
      writeFileSync(f, [...out.files[0]!.chunks()][0] as Uint8Array);
      const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
      expect(text, name).not.toMatch(/NaN|Infinity|undefined|\[\?\]/);
      const one = execFileSync('pdftotext', ['-f', '1', '-l', '1', f, '-'], { encoding: 'utf8' });
      for (const s of ['Summary', 'Findings', 'One-line power diagram']) expect(one, `${name}: ${s}`).toContain(s);
    }
  }, 120_000);
});

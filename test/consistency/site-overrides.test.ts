/**
 * Every surface shows a site's overrides from the one owner (the plan report's `sites[].overrides`, made by
 * src/core/plan/overrides.ts): the Plan view's report and grid, the Sites view's cards, `rackplan plan --json`,
 * the sites table written to CSV and XLSX, and `rackplan site --json` for the same overrides given as flags.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { describeOverride } from '../../src/core/plan/overrides';
import type { PlanReport } from '../../src/core/plan/types';
import { planBundle } from '../../src/export/bundle';
import { exportPlan, planTables } from '../../src/export/plan-export';
import { formatNumberCell } from '../../src/export/table';
import { toXlsx } from '../../src/export/xlsx';
import { importPlan } from '../../src/io/plan';
import { AppStore, initialDesign } from '../../src/state/store';
import { planGrid, planSites } from '../../src/views/plan-view';
import { Reports } from '../../src/views/reports';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const FILE = 'docs/examples/plan-overrides.json';

describe('site overrides: one owner, every surface', () => {
  const imported = importPlan(readFileSync(FILE), undefined, loadSites());
  if (!imported.ok) throw new Error(imported.error.message);
  const plan = imported.value.value;
  const bundle = planBundle(plan);
  const report = bundle.report;
  const houston = report.sites.find((s) => s.id === 'houston-tx')!;

  it('the example overrides what it says (Houston: fixed PUE 1.3, peak 1.35, 2 MW IT beside the units; Lordstown: 60 %)', () => {
    expect(houston.overrides.map((o) => [o.figure, o.value])).toEqual([['pue', 1.3], ['peakPue', 1.35], ['storageKw', 1500], ['otherItKw', 500]]);
    expect(houston.pue).toBe(1.3);
    expect(houston.facilityMw).toBeCloseTo(houston.quarters.at(-1)!.itMw * 1.35, 9);
    expect(report.sites.find((s) => s.id === 'lordstown-oh')!.utilization).toBe(0.6);
  });

  it('Plan view report, grid and Sites cards = rackplan plan --json', async () => {
    const base = initialDesign(catalog, undefined, new Date('2026-12-01'));
    const view = new Reports(new AppStore(catalog, { design: { ...base, plan: { ...base.plan, plan } } }));
    await view.load();
    const fromView = JSON.parse(JSON.stringify(view.plan)) as PlanReport;
    const fromCli = (await cliJson('plan', FILE, '--json')) as PlanReport;
    for (const s of report.sites) {
      const v = fromView.sites.find((x) => x.id === s.id)!;
      const c = fromCli.sites.find((x) => x.id === s.id)!;
      expect(v.overrides).toEqual(s.overrides);
      expect(c.overrides).toEqual(s.overrides);
      for (const k of ['pue', 'peakPue', 'facilityMw', 'itMw', 'utilization', 'annualEnergyMwh', 'annualEnergyCostUsd', 'annualCo2Tonnes'] as const) {
        expect(v[k], `${s.id} ${k} (view)`).toBe(s[k]);
        expect(c[k], `${s.id} ${k} (CLI)`).toBe(s[k]);
      }
    }
    const grid = planGrid(plan, view.plan!, planSites(plan, view.sites!), [], catalog);
    expect(grid.columns.find((c) => c.site === 'houston-tx')!.overrides).toEqual(houston.overrides.map(describeOverride));
    const card = view.siteCards!.find((c) => c.id === 'houston-tx')!;
    expect(card.dc!.overrides.list.map((o) => o.text)).toEqual(houston.overrides.map(describeOverride));
    expect(card.dc!.pue.fixed).toEqual({ annual: 1.3, peak: 1.35 });
    expect(card.dc!.pue.annual.pue).toBe(houston.pueDetail!.pue);
  });

  it('the sites table read back from CSV and XLSX carries the same overridden and computed figures', async () => {
    const table = planTables(bundle).sites;
    const csv = (await exportPlan(bundle, 'csv')).files.find((f) => f.path === 'sites.csv')!;
    const rows = Papa.parse<Record<string, string>>([...csv.chunks()].join(''), { header: true, skipEmptyLines: true }).data;
    const xlsx = new ExcelJS.Workbook();
    const bytes = await toXlsx([table]);
    await xlsx.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = xlsx.worksheets[0]!;
    const col = (key: string) => table.columns.findIndex((c) => c.key === key) + 1;
    report.sites.forEach((s, i) => {
      expect(rows[i]!.site_id).toBe(s.id);
      expect(rows[i]!.overrides).toBe(s.overrides.map(describeOverride).join('; '));
      expect(sheet.getRow(i + 2).getCell(col('overrides')).value).toBe(s.overrides.map(describeOverride).join('; ') || null);
      const figures: Record<string, number | null> = { pue: s.pue, peak_pue: s.peakPue, facility_mw: s.facilityMw, pue_computed: s.pueDetail?.pue ?? null, peak_pue_computed: s.peakPueDetail?.pue ?? null };
      for (const [key, value] of Object.entries(figures)) {
        expect(rows[i]![key], `${s.id} ${key} (CSV)`).toBe(value === null ? '' : formatNumberCell(value));
        expect(sheet.getRow(i + 2).getCell(col(key)).value ?? null, `${s.id} ${key} (XLSX)`).toBe(value);
      }
    });
    expect(rows.find((r) => r.site_id === 'houston-tx')!.overrides).toContain('PUE 1.30 (override; computed 1.');
  });

  it('rackplan site with the same overrides as flags lists them as the core does', async () => {
    const json = (await cliJson('site', 'houston-tx', '--pue', '1.3', '--peak-pue', '1.35', '--storage-kw', '1500', '--other-it-kw', '500', '--units', '100', '--json')) as { overrides: { figure: string; value: number; computed: number | null }[]; pue: { pue: number; facilityMw: number; itMw: number }; modelPue: { pue: number } };
    expect(json.overrides.map((o) => [o.figure, o.value])).toEqual([['pue', 1.3], ['peakPue', 1.35], ['storageKw', 1500], ['otherItKw', 500]]);
    expect(json.pue.pue).toBe(1.3);
    expect(json.pue.facilityMw).toBeCloseTo(json.pue.itMw * 1.3, 12);
    expect(json.overrides[0]!.computed).toBe(json.modelPue.pue);
  });
});

/**
 * One truth per number: the same design gives the same figures on every surface. For every catalog generation ×
 * the three data-center sites × both feed arrangements, the Rack designer's report (the app's one report owner),
 * the session JSON export, `rackplan rack --json`, the Compare view's row and `rackplan compare --json`, the plan's
 * unit rows (CSV/XLSX "racks" table) and `rackplan plan --json` agree — to the last digit where the figure is the
 * same quantity, and to 1e-12 relative where one surface states it in other units (kW ↔ MW).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import type { FeedRedundancy } from '../../src/core/catalog/types';
import type { Plan } from '../../src/core/plan/types';
import { planBundle } from '../../src/export/bundle';
import { exportPlan, planTables } from '../../src/export/plan-export';
import { toXlsx } from '../../src/export/xlsx';
import { importPlan } from '../../src/io/plan';
import { formatNumberCell } from '../../src/export/table';
import { Reports } from '../../src/views/reports';
import { sessionJson } from '../../src/views/session-export';
import { keyFigures } from '../../src/views/figures';
import { formatNumber } from '../../src/views/format';
import { AppStore, initialDesign } from '../../src/state/store';
import { cliJson } from '../helpers/cli';
import { issueCodeInfo } from '../../src/core/issue-codes';

const catalog = loadCatalog();
const sites = loadSites().filter((s) => s.roles.dataCenter);
const FEEDS: readonly FeedRedundancy[] = ['ab', 'single'];


/** A store whose rack design is `generationId` at `siteId` with `feeds`, and the app's report owner for it. */
async function designer(generationId: string, siteId: string, feeds: FeedRedundancy) {
  const base = initialDesign(catalog, generationId, new Date('2026-12-01'));
  const store = new AppStore(catalog, { design: { ...base, rack: { generationId, options: { feeds }, limits: {}, siteId } } });
  const reports = new Reports(store);
  await reports.load();
  return { store, reports, report: reports.rack!.report };
}

/** The CLI adds each issue's registry title and fix for people (at any depth); the figures are what must agree. */
function withoutIssueText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIssueText);
  if (typeof value !== 'object' || value === null) return value;
  const isIssue = 'code' in value && 'severity' in value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !(isIssue && (k === 'title' || k === 'fix'))).map(([k, v]) => [k, withoutIssueText(v)]));
}

const close = (a: number | null | undefined, b: number | null | undefined) => {
  if (a === null || a === undefined || b === null || b === undefined) return expect(a ?? null).toBe(b ?? null);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));
};

const cases = catalog.generations.flatMap((g) => sites.flatMap((s) => FEEDS.map((feeds) => [g.id, s.id, feeds] as const)));

describe('one truth per number: rack report', () => {
  it.each(cases)('%s at %s, %s feeds: designer = session JSON = rackplan rack --json', async (g, site, feeds) => {
    const { store, report } = await designer(g, site, feeds);
    const plain = JSON.parse(JSON.stringify(report));
    const session = JSON.parse(sessionJson(store.snapshot(), report, '2026-12-03T00:00:00.000Z').text);
    expect(session.reports.rack).toEqual(plain);
    const cli = (await cliJson('rack', g, '--site', site, '--feeds', feeds, '--json')) as { issues: { fix?: string }[] };
    // An issue's own computed fix is part of the report: the CLI shows that one, not the registry's.
    expect(cli.issues.map((i) => i.fix)).toEqual((plain as { issues: { code: string; fix?: string }[] }).issues.map((i) => i.fix ?? issueCodeInfo(i.code)?.fix));
    expect(withoutIssueText(cli)).toEqual(withoutIssueText(plain));
    // The designer's scale-up, energy and host figures show the same report (issue 12 item 3).
    const figures = keyFigures(report, 'si').flatMap((x) => x.figures);
    const figure = (id: string) => figures.find((f) => f.id === id)?.value;
    expect(figure('scaleup-bw')).toBe(report.scaleUp.unitTBps === null ? 'not published' : `${formatNumber(report.scaleUp.unitTBps)} TB/s`);
    expect(figure('energy')).toBe(report.energy.perAcceleratorKwhPerYear === null ? 'no accelerators' : `${formatNumber(report.energy.perAcceleratorKwhPerYear / 1000)} MWh/yr`);
    expect(figure('host')).toBe(report.host ? `${formatNumber(report.host.vcpu, 0)} vCPU` : undefined);
  });
});

describe('one truth per number: the compare row', () => {
  it.each(cases)('%s at %s, %s feeds: Compare view = rackplan compare --json, and its one-unit row is the designer’s unit', async (g, site, feeds) => {
    const { store, report } = await designer(g, site, feeds);
    if (!(report.accelerators > 0)) return;
    const withCompare = new AppStore(catalog, { design: { ...store.design, compare: { generationIds: [g], target: { kind: 'accelerators', value: report.accelerators }, siteId: site } } });
    const view = new Reports(withCompare);
    await view.load();
    const ui = view.compare!.report;
    const cliReport = (await cliJson('compare', g, '--target-accelerators', String(report.accelerators), '--site', site, '--feeds', feeds, '--json')) as typeof ui;
    expect(JSON.parse(JSON.stringify(ui.options))).toEqual(cliReport.options.map((o) => withoutIssueText(o)));
    const row = ui.options[0]!;
    if (!row.supported) return;
    expect(row.units).toBe(1);
    expect(row.racks).toBe(report.racks);
    expect(row.accelerators).toBe(report.accelerators);
    expect(row.pflops).toBe(report.compute.fp8DensePflops);
    expect(row.hbmTb).toBe(report.compute.hbmTb);
    expect(row.scaleUpCables).toBe(report.cabling.scaleUpCables);
    close(row.coolantLpm, report.cooling.coolantLpm);
  });
});

describe('one truth per number: the plan’s unit rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-one-truth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases)('%s at %s, %s feeds: plan report = racks table (CSV/XLSX rows) = rackplan plan --json = designer', async (g, site, feeds) => {
    const { report } = await designer(g, site, feeds);
    const plain = JSON.parse(JSON.stringify(report));
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: `${g} at ${site}`, start: '2028-Q1', deployments: [{ site, generation: g, quarter: '2028-Q1', units: 1 }], unitOptions: { [g]: { feeds } } };
    const bundle = planBundle(plan);
    const unit = bundle.report.units.find((u) => u.generation === g && u.site === site)!;
    expect(JSON.parse(JSON.stringify(unit.report))).toEqual(plain);

    const file = join(dir, `${g}-${site}-${feeds}.json`);
    writeFileSync(file, JSON.stringify(plan));
    const fromCli = (await cliJson('plan', file, '--json')) as { units: { generation: string; site: string; report: unknown }[] };
    expect(withoutIssueText(fromCli.units.find((u) => u.generation === g && u.site === site)!.report)).toEqual(withoutIssueText(plain));

    // The racks table is what the CSV and the XLSX Units sheet write, cell for cell (CSV at 12 significant digits).
    const table = planTables(bundle).units;
    const row = table.rows.find((r) => r[0] === g && r[1] === site)!;
    const cell = (name: string) => row[table.columns.findIndex((c) => c.key === name)];
    const expected: Record<string, number | null> = {
      racks_per_unit: report.racks,
      accelerators: report.accelerators,
      it_kw: report.power.itKw,
      input_kw: report.power.inputKw,
      input_kva: report.power.inputKva,
      liquid_kw: report.cooling.liquidKw,
      air_kw: report.cooling.airKw,
      coolant_lpm: report.cooling.coolantLpm,
      airflow_m3h: report.cooling.airflowM3h,
      weight_kg: report.space.weightKg,
      fp8_dense_pflops: report.compute.fp8DensePflops,
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(cell(name), name).toBe(value);
      if (typeof value === 'number') expect(formatNumberCell(cell(name) as number), name).toBe(formatNumberCell(value));
    }
  });
});

describe('one truth per number: every example plan', () => {
  const dir = 'presets/plans';
  const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

  it.each(examples)('%s: Plan view = rackplan plan --json = CSV and XLSX unit rows', async (name) => {
    const imported = importPlan(readFileSync(join(dir, name)));
    if (!imported.ok) throw new Error(`${name}: ${imported.error.message}`);
    const plan = imported.value.value;
    const bundle = planBundle(plan);
    const expected = JSON.parse(JSON.stringify(bundle.report));

    const base = initialDesign(catalog, undefined, new Date('2026-12-01'));
    const view = new Reports(new AppStore(catalog, { design: { ...base, plan: { ...base.plan, plan } } }));
    await view.load();
    expect(JSON.parse(JSON.stringify(view.plan))).toEqual(expected);
    expect(withoutIssueText(await cliJson('plan', join(dir, name), '--json'))).toEqual(expected);

    const units = planTables(bundle).units;
    const csv = (await exportPlan(bundle, 'csv')).files.find((f) => f.path.endsWith('racks.csv'))!;
    const rows = Papa.parse<Record<string, string>>([...csv.chunks()].join(''), { header: true, skipEmptyLines: true }).data;
    const xlsx = new ExcelJS.Workbook();
    const bytes = await toXlsx([units]);
    await xlsx.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = xlsx.worksheets[0]!;
    expect(rows).toHaveLength(bundle.report.units.length);
    bundle.report.units.forEach((u, i) => {
      const figures: Record<string, number | null> = { it_kw: u.report.power.itKw, input_kw: u.report.power.inputKw, coolant_lpm: u.report.cooling.coolantLpm, airflow_m3h: u.report.cooling.airflowM3h, fp8_dense_pflops: u.report.compute.fp8DensePflops };
      expect(rows[i]!.generation).toBe(u.generation);
      expect(rows[i]!.site_id).toBe(u.site);
      for (const [key, value] of Object.entries(figures)) {
        const col = units.columns.findIndex((c) => c.key === key);
        expect(rows[i]![key], `${u.generation}@${u.site} ${key} (CSV)`).toBe(value === null ? '' : formatNumberCell(value));
        expect(sheet.getRow(i + 2).getCell(col + 1).value ?? null, `${u.generation}@${u.site} ${key} (XLSX)`).toBe(value);
      }
    });
  });
});

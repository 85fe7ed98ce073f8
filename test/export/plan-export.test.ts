import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { parseAllDocuments } from 'yaml';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { exportPlan, planJson, cablesTable, type ExportFormat } from '../../src/export/plan-export';
import { cableCount, planCableRows, planClusters } from '../../src/export/plan-cables';
import { scheduleLinks } from '../../src/core/fabric/network-schedule';
import { neutralizeText } from '../../src/export/table';
import type { PlanBundle } from '../../src/export/plan-tables';
import { runCli } from '../../src/cli/main';

const hasPdftotext = existsSync('/usr/bin/pdftotext');
const smallText = readFileSync('test/fixtures/export/small-plan.json', 'utf8');

function load(text: string): PlanBundle {
  const r = importPlan(text);
  if (!r.ok) throw new Error(r.error.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return planBundle(r.value.value);
}

async function files(b: PlanBundle, f: ExportFormat): Promise<Map<string, Uint8Array>> {
  const r = await exportPlan(b, f);
  const out = new Map<string, Uint8Array>();
  const enc = new TextEncoder();
  for (const file of r.files) {
    const parts = [...file.chunks()].map((c) => (typeof c === 'string' ? enc.encode(c) : c));
    const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    out.set(file.path, all);
  }
  return out;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
function csv(b: Uint8Array) {
  const r = Papa.parse<Record<string, string>>(text(b), { header: true, skipEmptyLines: true, dynamicTyping: true });
  expect(r.errors).toEqual([]);
  return r;
}

let small: PlanBundle;
beforeAll(() => {
  small = load(smallText);
});

describe('JSON export', () => {
  it('holds inputs, schemaVersion, catalog version, the catalog entries used and results; re-export is byte-identical', async () => {
    const first = text((await files(small, 'json')).values().next().value!);
    const doc = JSON.parse(first);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.catalogVersion).toBe('2026.11.1');
    expect(doc.deployments).toEqual(JSON.parse(smallText).deployments);
    expect(doc.catalogEntries.generations.map((g: { id: string }) => g.id)).toEqual(['gb200-nvl72', 'dgx-b200']);
    expect(doc.catalogEntries.sites.map((s: { id: string }) => s.id).sort()).toEqual(['houston-tx', 'lordstown-oh']);
    expect(doc.results.sites.length).toBe(2);
    const again = importPlan(first);
    expect(again.ok && again.value.ignored).toEqual(['catalogEntries', 'results']);
    const second = planJson(load(first));
    expect(second).toBe(first);
  });
  it('rackplan plan accepts the exported file unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-json-'));
    const path = join(dir, 'p.json');
    writeFileSync(path, planJson(small));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['plan', path, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).sites).toHaveLength(2);
  });
});

describe('CSV export read back by papaparse', () => {
  let f: Map<string, Uint8Array>;
  beforeAll(async () => {
    f = await files(small, 'csv');
  });
  it('writes the named files with units in headers', () => {
    for (const name of ['bom.csv', 'racks.csv', 'schedule.csv', 'plants.csv', 'cables.csv']) expect(f.has(name), name).toBe(true);
    for (const [name, bytes] of f) {
      const header = text(bytes).split('\r\n')[0]!;
      expect(header, name).not.toMatch(/[A-Z ]/);
    }
  });
  it('typed rows without orders are built: plants.csv has weekly builds; demand.csv and issues.csv carry the report’s own rows (review 2026-12 findings 28 and 30)', async () => {
    const typed = load(JSON.stringify({ ...JSON.parse(smallText), orders: [], demand: [{ quarter: '2027-Q4', metric: 'accelerators', value: 5000 }] }));
    const g = await files(typed, 'csv');
    const plants = csv(g.get('plants.csv')!).data;
    expect(plants.some((r) => Number(r.racks_per_week) > 0)).toBe(true);
    expect(plants.reduce((s, r) => s + Number(r.racks_per_week), 0)).toBeCloseTo(typed.report.plants.reduce((s, p) => s + p.quarters.reduce((t, q) => t + q.racksPerWeek, 0), 0), 6);
    const demand = csv(g.get('demand.csv')!).data;
    expect(demand).toHaveLength(typed.report.demandSeries[0]!.quarters.length);
    const issues = csv(g.get('issues.csv')!).data;
    expect(issues).toHaveLength(typed.report.issues.length);
  });
  it('cables.csv has site and cluster columns, then the fabric columns with network beside tier, and one row per link', () => {
    const t = text(f.get('cables.csv')!);
    expect(t.split('\r\n')[0]).toBe('site,cluster,cable_id,tier,network,a_rack,a_device,a_port,b_rack,b_device,b_port,media,part_number,length_m,label,a_transceiver,b_transceiver');
    const rows = csv(f.get('cables.csv')!).data;
    expect(rows.length).toBe(cableCount(planClusters(small)));
    expect(rows.every((r) => typeof r.length_m === 'number' && r.length_m > 0)).toBe(true);
    // A row is identified by (site, cluster, cable_id); the cable ids alone repeat across clusters.
    expect(new Set(rows.map((r) => `${r.site}/${r.cluster}/${r.cable_id}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.cable_id)).size).toBeLessThan(rows.length);
    expect(rows[0]).toMatchObject({ site: 'houston-tx', cluster: 'gb200-nvl72', cable_id: 'C0000001', a_rack: 'C1', a_device: 'node1', network: 'compute' });
    expect(rows[0]!.label).toBe(`node1:${rows[0]!.a_port}>${rows[0]!.b_device}:${rows[0]!.b_port}`);
  });
  it('numbers match the evaluation and stay numbers', () => {
    const sched = csv(f.get('schedule.csv')!).data;
    const rep = small.report.sites.flatMap((s) => s.quarters.map((q) => ({ s: s.id, q })));
    expect(sched).toHaveLength(rep.length);
    sched.forEach((row, i) => {
      expect(row.site_id).toBe(rep[i]!.s);
      expect(row.racks).toBe(rep[i]!.q.racks);
      expect(row.it_mw as unknown as number).toBeCloseTo(rep[i]!.q.itMw, 9);
    });
    const racks = csv(f.get('racks.csv')!).data;
    expect(racks.map((r) => r.generation)).toEqual(['gb200-nvl72', 'dgx-b200']);
    expect(typeof racks[0]!.input_kw).toBe('number');
    const summary = csv(f.get('summary.csv')!).data;
    expect(summary.find((r) => r.item === 'Plan')!.text).toBe(neutralizeText(small.plan.name));
    expect(String(summary.find((r) => r.item === 'Plan')!.text).startsWith("'=")).toBe(true);
    expect(summary.find((r) => r.item === 'Capex')!.value as unknown as number).toBeCloseTo(small.report.totals.capexUsd, 2);
  });
});

describe('XLSX export read back by exceljs', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const bytes = (await files(small, 'xlsx')).values().next().value!;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });
  it('has the sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Sites', 'Site years', 'Demand', 'Plants', 'Schedule', 'Units', 'Network', 'Cables', 'Bill of materials', 'Assumptions & sources', 'Issues']);
  });
  it('stores numbers as numbers and totals and derived columns as live formulas', () => {
    const ws = wb.getWorksheet('Sites')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const c = (label: string) => header.indexOf(label) + 1;
    small.report.sites.forEach((s, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(c('Site')).value).toBe(s.id);
      expect(row.getCell(c('Racks')).value).toBe(s.racks);
      expect(row.getCell(c('IT (MW)')).value as number).toBeCloseTo(s.itMw, 9);
      expect((row.getCell(c('Energy (MWh/yr)')).value as { formula: string }).formula).toMatch(/^[A-Z]+\d+\*[A-Z]+\d+\*[A-Z]+\d+\*8760$/);
    });
    const total = ws.getRow(small.report.sites.length + 2);
    expect(total.getCell(1).value).toBe('Total');
    expect((total.getCell(c('Racks')).value as { formula: string }).formula).toBe(`SUM(D2:D${small.report.sites.length + 1})`);
    expect(wb.getWorksheet('Summary')!.getCell('C2').value).toBe(neutralizeText(small.plan.name));
  });
  it('caps the Cables sheet with a note pointing to cables.csv', () => {
    const clusters = planClusters(small);
    const t = cablesTable(small, clusters, 50);
    expect(t.rows).toHaveLength(50);
    expect(t.notes![0]).toMatch(/^Capped at 50 of [\d,]+ cables: the full schedule is cables.csv/);
    const full = wb.getWorksheet('Cables')!;
    expect(full.getCell('A1').value).toBe('site');
    expect(full.getCell('C1').value).toBe('cable_id');
    expect(full.actualRowCount).toBe(cableCount(clusters) + 1 + 1);
  });
});

describe('PDF export read back by pdftotext', () => {
  it.skipIf(!hasPdftotext)('has summary, site and plant tables, elevations, charts, sources and page numbers', async () => {
    const bytes = (await files(small, 'pdf')).values().next().value!;
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-planpdf-'));
    writeFileSync(join(dir, 'r.pdf'), bytes);
    const t = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(t).toContain('<script>alert(1)</script>');
    for (const s of ['Summary', 'Sites (last full year)', 'Plants: peak week', 'Units (per deployable unit)', 'Rack elevations', 'Charts', 'IT power in service by year', 'Assumptions and sources', 'Houston, Texas', 'Lordstown, Ohio', 'NVIDIA GB200 NVL72']) expect(t, s).toContain(s);
    const racks = small.report.sites.reduce((a, s) => a + s.quarters[s.quarters.length - 1]!.racks, 0);
    expect(t).toMatch(new RegExp(`Racks / accelerators \\(end of horizon\\)\\s+${racks} /`));
    const pages = [...t.matchAll(/Page (\d+) of (\d+)/g)];
    expect(pages.map((m) => Number(m[1]))).toEqual(Array.from({ length: Number(pages[0]![2]) }, (_, i) => i + 1));
  });
});

describe('NetBox export', () => {
  it('is internally consistent: every cable end is a device interface, every device in a rack it fits, no overlaps', async () => {
    const f = await files(small, 'netbox');
    const dt = parseAllDocuments(text(f.get('02-device-types.yaml')!)).map((d) => d.toJS() as { model: string; u_height: number; interfaces?: { name: string }[] });
    const ifaces = new Map(dt.map((d) => [d.model, new Set((d.interfaces ?? []).map((i) => i.name))]));
    const height = new Map(dt.map((d) => [d.model, d.u_height]));
    const sites = new Set(csv(f.get('04-sites.csv')!).data.map((s) => s.name));
    const racks = new Map(csv(f.get('05-racks.csv')!).data.map((r) => [r.name, r]));
    for (const r of racks.values()) expect(sites.has(r.site)).toBe(true);
    const devices = new Map<string, Record<string, unknown>>();
    const used = new Map<string, Set<number>>();
    for (const d of csv(f.get('06-devices.csv')!).data) {
      expect(devices.has(d.name as string), `duplicate ${d.name}`).toBe(false);
      expect(String(d.name).length).toBeLessThanOrEqual(64);
      devices.set(d.name as string, d);
      const rack = racks.get(d.rack);
      expect(rack, `${d.name} rack ${d.rack}`).toBeDefined();
      expect(rack!.site).toBe(d.site);
      const h = height.get(d.device_type as string)!;
      expect(h, `${d.device_type}`).toBeDefined();
      // Out-of-band switches and management ports stand in their rack without a slot (no position, no face).
      if (d.position === '' || d.position === null || d.position === undefined) {
        expect(d.face || '', `${d.name} has a face but no position`).toBe('');
        continue;
      }
      const pos = Number(d.position);
      expect(pos + h - 1).toBeLessThanOrEqual(Number(rack!.u_height));
      let u = used.get(d.rack as string);
      if (!u) used.set(d.rack as string, (u = new Set()));
      for (let k = pos; k < pos + h; k++) {
        expect(u.has(k), `${d.name} overlaps at U${k} in ${d.rack}`).toBe(false);
        u.add(k);
      }
    }
    const cables = csv(f.get('07-cables.csv')!).data;
    // NetBox carries every network's cables: one per cables.csv row.
    expect(cables.length).toBe(cableCount(planClusters(small)));
    const taken = new Set<string>();
    for (const c of cables) {
      for (const side of ['a', 'b'] as const) {
        const dev = devices.get(c[`side_${side}_device`] as string);
        expect(dev, `${c[`side_${side}_device`]}`).toBeDefined();
        expect(ifaces.get(dev!.device_type as string)!.has(String(c[`side_${side}_name`])), `${String(dev!.device_type)} lacks ${c[`side_${side}_name`]}`).toBe(true);
        const end = `${c[`side_${side}_device`]}:${c[`side_${side}_name`]}`;
        expect(taken.has(end), `${end} cabled twice`).toBe(false);
        taken.add(end);
      }
    }
  });
});

describe('rackplan export (CLI)', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  it('writes every format; csv and netbox as directories created if missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-cli-'));
    for (const f of ['json', 'csv', 'xlsx', 'pdf', 'netbox']) {
      const out = join(dir, 'nested', f === 'csv' || f === 'netbox' ? f : `plan.${f}`);
      const r = await run('export', 'test/fixtures/export/small-plan.json', '--format', f, '--out', out, '--json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.format).toBe(f);
      expect(j.bytes).toBeGreaterThan(0);
    }
    expect(readdirSync(join(dir, 'nested', 'csv')).sort()).toContain('cables.csv');
    expect(readdirSync(join(dir, 'nested', 'netbox'))).toContain('07-cables.csv');
  });
  it('bad input: exit 2, one line per problem, stdout empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-bad-'));
    const proto = join(dir, 'proto.json');
    writeFileSync(proto, smallText.replace('"horizonYears": 2,', '"horizonYears": 2, "__proto__": {"x": 1},'));
    const a = await run('export', proto, '--format', 'csv', '--out', join(dir, 'o'));
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    expect(a.stderr).toMatch(/^__proto__: the key "__proto__" is not allowed/);
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 10, 0x20));
    const b = await run('export', big, '--format', 'json', '--out', join(dir, 'o.json'));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/a plan file of at most 5,242,880 bytes \(5\.0 MiB\) \(got 5,242,890 bytes/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, smallText.replace('"units": 4 }', '"units": -2 }').replace('"schemaVersion": 1', '"schemaVersion": 1, "extra": true'));
    const c = await run('export', bad, '--format', 'json', '--out', join(dir, 'o.json'));
    expect(c.code).toBe(2);
    const lines = c.stderr.split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('deployments[0].units: must be a whole number ≥ 0 (got -2)');
    expect(lines[1]).toMatch(/^extra: unknown key/);
    const utf = join(dir, 'utf.json');
    writeFileSync(utf, Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('"}')]));
    const d = await run('export', utf, '--format', 'json', '--out', join(dir, 'o.json'));
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/not valid UTF-8/);
    const e = await run('export', 'test/fixtures/export/small-plan.json', '--format', 'docx', '--out', join(dir, 'x'));
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('--format: one of json, csv, xlsx, pdf, netbox (got "docx")');
  });
});

describe('cables.csv names are unique within their site and cluster', () => {
  it('no (site, cluster, cable_id) twice; a device has one rack and each of its ports one cable; distinct clusters at a site have distinct names', () => {
    const clusters = planClusters(small);
    const firstParts = clusters.filter((c) => c.otherNetworks);
    expect(new Set(firstParts.map((c) => `${c.siteId}/${c.cluster}`)).size).toBe(firstParts.length);
    const ids = new Set<string>();
    const rackOf = new Map<string, string>();
    const ends = new Set<string>();
    let rows = 0;
    for (const r of planCableRows(small, clusters)) {
      rows++;
      const id = `${r.site}/${r.cluster}/${r.cableId}`;
      expect(ids.has(id), id).toBe(false);
      ids.add(id);
      for (const [rack, device, port] of [[r.aRack, r.aDevice, r.aPort], [r.bRack, r.bDevice, r.bPort]] as const) {
        const key = `${r.site}/${r.cluster}/${device}`;
        // One name, one device: it stands in one rack, and no port of it is cabled twice.
        expect(rackOf.get(key) ?? rack, key).toBe(rack);
        rackOf.set(key, rack);
        expect(ends.has(`${key}:${port}`), `${key}:${port}`).toBe(false);
        ends.add(`${key}:${port}`);
      }
    }
    expect(rows).toBe(cableCount(clusters));
    // The same short names recur in other clusters and sites: the columns are what tells them apart.
    expect(new Set([...rackOf.keys()].map((k) => k.slice(k.lastIndexOf('/') + 1))).size).toBeLessThan(rackOf.size);
  });
});

describe('cables.csv holds every network of every cluster', () => {
  it('front-end, storage and out-of-band rows follow each cluster, rows per network equal its links, names match the compute racks', async () => {
    const clusters = planClusters(small);
    const rows = [...planCableRows(small, clusters)];
    expect(rows.length).toBe(cableCount(clusters));
    const byNetwork = new Map<string, number>();
    for (const r of rows) byNetwork.set(r.network, (byNetwork.get(r.network) ?? 0) + 1);
    for (const c of clusters) {
      if (!c.otherNetworks) continue;
      const links = scheduleLinks(c.otherNetworks);
      expect(links.frontend + links.storage + links.oob).toBe(c.otherLinks);
    }
    expect(byNetwork.get('oob')).toBeGreaterThan(0);
    expect(byNetwork.get('frontend')).toBeGreaterThan(0);
    // Every compute rack an out-of-band row names is a rack of that cluster's compute rows (names are per site and cluster).
    const computeRacks = new Set(rows.filter((r) => r.network === 'compute').flatMap((r) => [`${r.site}/${r.cluster}/${r.aRack}`, `${r.site}/${r.cluster}/${r.bRack}`]));
    const oobComputeRacks = rows.filter((r) => r.network === 'oob' && r.tier === 'device-access' && /^C\d+$/.test(r.aRack)).map((r) => `${r.site}/${r.cluster}/${r.aRack}`);
    expect(oobComputeRacks.length).toBeGreaterThan(0);
    for (const rack of oobComputeRacks) expect(computeRacks.has(rack), rack).toBe(true);
    // The CSV bytes are these rows, one line each.
    const f = (await exportPlan(small, 'csv')).files.find((x) => x.path === 'cables.csv')!;
    let lines = 0;
    for (const chunk of f.chunks()) lines += (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)).split('\r\n').length - 1;
    expect(lines).toBe(1 + rows.length);
  });
});

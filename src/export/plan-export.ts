/**
 * Export orchestration: a {@link PlanBundle} in, the files of one format out (JSON, CSV, XLSX, PDF, NetBox).
 * Files are described as chunk producers so a caller can stream them (the CLI to disk, the browser into a
 * Blob or a ZIP); the XLSX writer and jsPDF load only when their format is asked for.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { Site } from '../core/sites/types';
import { layoutElevation } from '../core/rack/elevation';
import { CsvBytesWriter, csvLine } from './csv';
import { cableSchedule } from '../core/fabric/cabling';
import { NETBOX_CABLES_FILE, netboxCableChunks, netboxFiles } from './netbox';
import type { BarChart, PdfReport, RackElevation } from './pdf';
import { CABLE_CSV_COLUMNS, cableCells, cableCount, clusterRows, otherNetworkRows, planCableRows, planClusters, type ClusterLayout } from './plan-cables';
import { planNetboxCables, planNetboxModel } from './plan-netbox';
import {
  assumptionsTable,
  bomTable,
  issuesTable,
  networkTable,
  plantsTable,
  demandTable,
  scheduleTable,
  siteYearsTable,
  sitesTable,
  summaryTable,
  unitReports,
  unitsTable,
  usedGenerations,
  usedSites,
  type PlanBundle,
} from './plan-tables';
import { assertTable, type Column, type Table } from './table';

export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'pdf' | 'netbox';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'xlsx', 'pdf', 'netbox'];

/**
 * Cables written to the XLSX Cables sheet at most; the full schedule is cables.csv (and the NetBox files), which
 * no sheet could hold (Excel stops at 1,048,576 rows; the three-site example has 3.2 million cables).
 * The workbook is written row by row (src/export/xlsx.ts), but the Cables table is held as rows for it (~0.6 kB
 * each): the example's XLSX export peaks at 138 MB RSS with 30,000 rows; 200,000 would take ~340 MB.
 */
export const XLSX_CABLE_ROW_CAP = 30_000;

export interface OutFile {
  /** Relative path inside the output directory, or the file name for single-file formats. */
  readonly path: string;
  readonly mime: string;
  /**
   * Lines of the file (header included) when known without writing it: set on the cable schedules, whose size
   * is estimated from this count (src/export/download-size.ts) before a large download.
   */
  readonly rows?: number;
  /** The same content as consecutive parts of known line counts, for a closer size estimate (download-size.ts). */
  readonly segments?: () => Iterable<{ readonly lines: number; readonly chunks: Iterable<string | Uint8Array> }>;
  /** The content in pieces; iterate once. */
  readonly chunks: () => Iterable<string | Uint8Array>;
}

export interface ExportResult {
  readonly format: ExportFormat;
  /** `directory` formats (CSV, NetBox) write several files; the browser zips them. */
  readonly layout: 'file' | 'directory';
  readonly files: readonly OutFile[];
  /** Suggested download / output name (`<plan-slug>.xlsx`, `<plan-slug>-csv`). */
  readonly name: string;
}

export function planSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

/**
 * The JSON export: the plan exactly as validated (inputs, `schemaVersion`, `catalogVersion`), then
 * `catalogEntries` (the generations and preset sites it used, for reference) and `results` (the evaluation).
 * Import ignores both added keys, so exporting an exported file again gives the same bytes.
 */
export function planJson(b: PlanBundle): string {
  const planSites = new Set((b.plan.sites ?? []).map((s) => s.id));
  const sites: Site[] = usedSites(b).filter((s) => !planSites.has(s.id));
  const generations: Generation[] = usedGenerations(b);
  const body = {
    ...b.plan,
    catalogEntries: { catalogVersion: b.catalog.version, generations, sites },
    results: b.report,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

function tableFile(t: Table): OutFile {
  assertTable(t);
  return {
    path: `${t.name}.csv`,
    mime: 'text/csv',
    chunks: function* () {
      let batch = csvLine(t.columns.map((c) => c.key));
      let n = 0;
      for (const r of t.rows) {
        batch += csvLine(r);
        if (++n === 1024) {
          yield batch;
          batch = '';
          n = 0;
        }
      }
      if (batch) yield batch;
    },
  };
}

/** cables.csv: the fabric issue's header, every cable of the plan, streamed as UTF-8 byte chunks of ~1 MiB. */
export function cablesFile(b: PlanBundle, clusters: readonly ClusterLayout[]): OutFile {
  return {
    path: 'cables.csv',
    mime: 'text/csv',
    rows: 1 + cableCount(clusters),
    chunks: () => cableCsvChunks(b, clusters),
    segments: () => [{ lines: 1, chunks: cableCsvChunks(b, []) }, ...clusters.map((c) => ({ lines: clusterRows(c), chunks: cableCsvChunks(b, [c], false) }))],
  };
}

/**
 * The cable schedule's CSV bytes: the same cells as `csvLine(cableCells(row))` over `planCableRows` (a test holds
 * the two byte-identical), written without a row object, a cell array or a line string per cable.
 */
export function* cableCsvChunks(b: PlanBundle, clusters: readonly ClusterLayout[], header = true): Generator<Uint8Array> {
  const w = new CsvBytesWriter();
  if (header) w.row(CABLE_CSV_COLUMNS);
  for (const c of clusters) {
    // Compute rows under the part's prefix, then the cluster's other networks under its own (planCableRows' names).
    for (const [rows, p] of [[cableSchedule(c.cabling, b.network), c.prefix], [otherNetworkRows(c, b.network), c.clusterPrefix]] as const) for (const r of rows) {
      // Column order of CABLE_CSV_COLUMNS / cableCells; the prefixed names as planCableRows builds them.
      w.prefixed(p, r.cableId);
      w.text(r.tier);
      w.prefixed(p, r.aRack);
      w.prefixed(p, r.aDevice);
      w.text(r.aPort);
      w.prefixed(p, r.bRack);
      w.prefixed(p, r.bDevice);
      w.text(r.bPort);
      w.text(r.media);
      w.text(r.partNumber);
      w.number(r.lengthM);
      w.prefixed(p, r.label);
      w.text(r.aTransceiver);
      w.text(r.bTransceiver);
      w.text(r.network);
      w.endRow();
      if (w.full) yield w.take();
    }
  }
  if (w.size) yield w.take();
}

/** The tables every tabular format shares, in sheet order. */
export function planTables(b: PlanBundle) {
  const perSite = unitReports(b);
  return {
    summary: summaryTable(b),
    sites: sitesTable(b),
    siteYears: siteYearsTable(b),
    plants: plantsTable(b),
    demand: demandTable(b),
    schedule: scheduleTable(b),
    units: unitsTable(b, perSite),
    network: networkTable(b),
    bom: bomTable(b),
    assumptions: assumptionsTable(b, perSite),
    issues: issuesTable(b),
    unitReports: perSite,
  };
}

function csvFiles(b: PlanBundle, clusters: readonly ClusterLayout[]): OutFile[] {
  const t = planTables(b);
  // bom, racks (per-unit budgets), schedule, plants, cables as the issue names them; the rest alongside.
  return [t.bom, t.units, t.schedule, t.plants].map(tableFile).concat(cablesFile(b, clusters), [t.summary, t.sites, t.siteYears, t.demand, t.network, t.assumptions, t.issues].map(tableFile));
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

/** The Cables sheet: at most {@link XLSX_CABLE_ROW_CAP} rows, with a note pointing to cables.csv when capped. */
export function cablesTable(b: PlanBundle, clusters: readonly ClusterLayout[], cap = XLSX_CABLE_ROW_CAP): Table {
  const total = cableCount(clusters);
  const rows: (string | number)[][] = [];
  for (const r of planCableRows(b, clusters)) {
    if (rows.length >= cap) break;
    rows.push(cableCells(r));
  }
  const columns: Column[] = CABLE_CSV_COLUMNS.map((k) => ({ key: k, label: k, kind: k === 'length_m' ? 'number' : 'text', format: 'General', width: k === 'label' ? 48 : k.endsWith('device') || k.endsWith('rack') || k === 'cable_id' ? 30 : 12 }));
  return {
    name: 'cables',
    title: 'Cables',
    columns,
    rows,
    notes:
      total > rows.length
        ? [`Capped at ${cap.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} cables: the full schedule is cables.csv in the CSV export (rackplan export <plan> --format csv).`]
        : [`All ${total.toLocaleString('en-US')} cables of the plan.`],
  };
}

export async function planXlsx(b: PlanBundle, clusters: readonly ClusterLayout[], cap = XLSX_CABLE_ROW_CAP): Promise<Uint8Array> {
  const { toXlsx } = await import('./xlsx');
  const t = planTables(b);
  return toXlsx([t.summary, t.sites, t.siteYears, t.demand, t.plants, t.schedule, t.units, t.network, cablesTable(b, clusters, cap), t.bom, t.assumptions, t.issues]);
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

function pickColumns(t: Table, keys: readonly string[], title = t.title): Table {
  const idx = keys.map((k) => t.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  return { ...t, title, columns: idx.map((i) => ({ ...t.columns[i]!, formula: undefined })), rows: t.rows.map((r) => idx.map((i) => r[i] ?? null)) };
}

function money(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `$${(n / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `$${(n / 1e6).toFixed(1)} M`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

/** The design-review report model. */
export function planPdfReport(b: PlanBundle): PdfReport {
  const r = b.report;
  const t = planTables(b);
  const last = (s: (typeof r.sites)[number]) => s.quarters[s.quarters.length - 1];
  const racks = r.sites.reduce((a, s) => a + (last(s)?.racks ?? 0), 0);
  const it = r.sites.reduce((a, s) => a + (last(s)?.itMw ?? 0), 0);
  const fac = r.sites.reduce((a, s) => a + (last(s)?.facilityMw ?? 0), 0);
  const findings: string[] = [];
  for (const s of r.sites) {
    const q = last(s);
    if (q) findings.push(`${s.name}, ${q.quarter}: ${q.racks.toLocaleString('en-US')} racks, IT ${q.itMw.toFixed(1)} MW, facility ${q.facilityMw.toFixed(1)} of ${q.meterMw.toFixed(1)} MW at the meter; next limit to bind: ${q.stranded.bindingConstraint}.`);
  }
  const serious = r.issues.filter((i) => i.severity !== 'info');
  for (const i of serious.slice(0, 30)) findings.push(`${i.severity}: ${i.message}`);
  if (serious.length > 30) findings.push(`${serious.length - 30} more issues in the XLSX Issues sheet and issues.csv.`);

  const elevations: RackElevation[] = [];
  // One elevation per generation: the layout does not depend on the site.
  const drawn = new Set<string>();
  for (const { report: rep } of t.unitReports) {
    const g = b.catalog.generations.find((x) => x.id === rep.generation);
    if (!g || drawn.has(g.id)) continue;
    drawn.add(g.id);
    const layout = layoutElevation(g, rep, b.catalog);
    layout.racks.forEach((rack, i) => {
      elevations.push({
        title: layout.racks.length > 1 ? `${g.name} (rack ${i + 1} of ${layout.racks.length})` : g.name,
        heightU: rack.heightU,
        items: rack.slots
          .filter((s) => !s.overflow)
          .map((s) => ({ fromU: s.u, heightU: s.heightU, label: s.label, kind: s.kind === 'scale-up-switch' || s.kind === 'network' ? 'switch' : s.kind === 'host' ? 'compute' : s.kind })),
        caption: i === 0 ? `${rep.accelerators} accelerators, ${rep.power.inputKw.toFixed(1)} kW input, ${rep.cooling.liquidKw.toFixed(1)} kW to liquid, ${rep.space.usedU} of ${rep.space.availableU} U. ${layout.notes.join(' ')}` : undefined,
      });
    });
  }

  const years = [...new Set(r.sites.flatMap((s) => s.years.map((y) => y.year)))].sort();
  const series = (f: (y: (typeof r.sites)[number]['years'][number]) => number) => r.sites.map((s) => ({ name: s.name, values: years.map((yr) => { const y = s.years.find((x) => x.year === yr); return y ? f(y) : 0; }) }));
  const charts: BarChart[] = [
    { title: 'IT power in service by year, average', unit: 'MW', categories: years.map(String), series: series((y) => y.itMw) },
    { title: 'Facility power by year', unit: 'MW', categories: years.map(String), series: series((y) => y.facilityMw) },
    { title: 'Energy cost by year', unit: 'USD M', categories: years.map(String), series: series((y) => y.annualEnergyCostUsd / 1e6) },
  ];
  if (r.plants.length) {
    const quarters = r.plants[0]!.quarters.map((q) => q.quarter);
    // Each plant against its own capacity (a summed limit hides every plant's build).
    charts.push({ title: 'Plant build by quarter, share of the plant’s own capacity', unit: '%', categories: quarters, series: r.plants.map((p) => ({ name: p.name, values: p.quarters.map((q) => (q.capacityRacksPerWeek > 0 ? (100 * q.racksPerWeek) / q.capacityRacksPerWeek : 0)) })) });
  }

  const plantPeaks: Table = {
    name: 'plant_peaks',
    title: 'Plants: peak week',
    columns: [
      { key: 'plant', label: 'Plant', kind: 'text' },
      { key: 'lead', label: 'Lead time (weeks)', kind: 'number' },
      { key: 'peak', label: 'Peak build (racks/week)', kind: 'number' },
      { key: 'quarter', label: 'Peak quarter', kind: 'text' },
      { key: 'capacity', label: 'Capacity then (racks/week)', kind: 'number' },
      { key: 'shelves', label: 'Power shelves/week', kind: 'number' },
      { key: 'qd', label: 'QD pairs/week', kind: 'number' },
      { key: 'transceivers', label: 'Transceivers/week', kind: 'number' },
    ],
    rows: r.plants.map((p) => {
      const q = p.quarters.reduce((m, x) => (x.racksPerWeek > m.racksPerWeek ? x : m), p.quarters[0]!);
      return [p.name, p.leadTimeWeeks, p.peakRacksPerWeek, q?.quarter ?? '', q?.capacityRacksPerWeek ?? 0, q?.partsPerWeek.powerShelves ?? 0, q?.partsPerWeek.quickDisconnectPairs ?? 0, q?.partsPerWeek.transceivers ?? 0];
    }),
  };
  const yearEnd = (tb: Table) => ({ ...tb, rows: tb.rows.filter((row) => typeof row[1] === 'string' && row[1].endsWith('Q4')) });

  return {
    title: `Capacity plan: ${b.plan.name}`,
    subtitle: `Design review. Catalog ${r.catalogVersion}, plan schema ${r.schemaVersion}, ${r.plan.start} to ${r.plan.end} (${r.plan.horizonYears} years), discount rate ${(r.plan.discountRate * 100).toFixed(1)} %, utilization ${(r.plan.utilization * 100).toFixed(0)} %, design condition ${r.plan.design}.`,
    summary: [
      { label: 'Racks at end of horizon', value: racks.toLocaleString('en-US') },
      { label: 'IT at end of horizon', value: `${it.toFixed(1)} MW` },
      { label: 'Facility at end of horizon', value: `${fac.toFixed(1)} MW` },
      { label: 'Sites / plants', value: `${r.sites.length} / ${r.plants.length}` },
      { label: 'Capex', value: money(r.totals.capexUsd) },
      { label: 'TCO (nominal)', value: money(r.totals.tcoUsd) },
      { label: 'NPV of TCO', value: money(r.totals.npvTcoUsd) },
      { label: 'Capex = units + network + facility', value: `${money(r.totals.unitCapexUsd)} + ${money(r.totals.networkCapexUsd)} + ${money(r.totals.facilityCapexUsd)}` },
      { label: 'Unit capex: firm / option', value: `${money(r.totals.firmCapexUsd)} / ${money(r.totals.optionCapexUsd)}` },
      { label: 'Energy over horizon', value: `${Math.round(r.totals.horizonEnergyMwh).toLocaleString('en-US')} MWh` },
      { label: 'CO2 over horizon', value: `${Math.round(r.totals.horizonCo2Tonnes).toLocaleString('en-US')} t` },
    ],
    findings,
    tables: [
      pickColumns(t.sites, ['site_id', 'year', 'racks', 'it_mw', 'facility_mw', 'pue', 'peak_pue', 'annual_energy_mwh', 'price_usd_per_kwh', 'annual_energy_cost_usd', 'annual_co2_tonnes'], 'Sites (last full year)'),
      pickColumns(yearEnd(t.schedule), ['site_id', 'quarter', 'racks', 'it_mw', 'facility_mw', 'meter_mw', 'headroom_mw', 'positions_free', 'coolant_lpm', 'cdus', 'switches', 'binding_constraint'], 'Sites by year (fourth quarter)'),
      plantPeaks,
      pickColumns(t.units, ['generation', 'racks_per_unit', 'accelerators', 'it_kw', 'input_kw', 'input_kva', 'peak_kw', 'liquid_kw', 'coolant_lpm', 'airflow_cfm', 'facility_water_class', 'weight_kg'], 'Units (per deployable unit)'),
      t.network,
      { ...t.bom, rows: t.bom.rows.filter((row) => row[0] === 'site') , title: 'Bill of materials by site (end of horizon)' },
    ],
    elevations,
    charts,
    assumptions: pickColumns(t.assumptions, ['path', 'value', 'value_text', 'unit', 'confidence', 'sources']),
    maxRowsPerTable: 300,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Orchestration

/** Export a plan in one format. */
export async function exportPlan(b: PlanBundle, format: ExportFormat, options: { xlsxCableCap?: number } = {}): Promise<ExportResult> {
  const slug = planSlug(b.plan.name);
  switch (format) {
    case 'json': {
      const text = planJson(b);
      return { format, layout: 'file', name: `${slug}.json`, files: [{ path: `${slug}.json`, mime: 'application/json', chunks: () => [text] }] };
    }
    case 'csv': {
      const clusters = planClusters(b);
      return { format, layout: 'directory', name: `${slug}-csv`, files: csvFiles(b, clusters) };
    }
    case 'xlsx': {
      const bytes = await planXlsx(b, planClusters(b), options.xlsxCableCap);
      return { format, layout: 'file', name: `${slug}.xlsx`, files: [{ path: `${slug}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', chunks: () => [bytes] }] };
    }
    case 'pdf': {
      const { toPdf } = await import('./pdf');
      const bytes = await toPdf(planPdfReport(b));
      return { format, layout: 'file', name: `${slug}.pdf`, files: [{ path: `${slug}.pdf`, mime: 'application/pdf', chunks: () => [bytes] }] };
    }
    case 'netbox': {
      const clusters = planClusters(b);
      const files = netboxFiles(planNetboxModel(b, clusters));
      // One NetBox cable per compute schedule row, plus the header (the NetBox files carry the compute fabric only:
      // the front-end, storage and out-of-band switches are not NetBox devices yet; cables.csv has their rows).
      const cableLines = 1 + clusters.reduce((n, c) => n + c.fabric.links.total, 0);
      return {
        format,
        layout: 'directory',
        name: `${slug}-netbox`,
        files: files.map((f) => ({
          path: f.path,
          mime: f.path.endsWith('.yaml') ? 'application/yaml' : f.path.endsWith('.csv') ? 'text/csv' : 'text/plain',
          ...(f.path === NETBOX_CABLES_FILE
            ? {
                rows: cableLines,
                segments: () => [{ lines: 1, chunks: netboxCableChunks([]) }, ...clusters.map((c) => ({ lines: c.fabric.links.total, chunks: netboxCableChunks(planNetboxCables(b, [c]), false) }))],
              }
            : {}),
          chunks: f.chunks,
        })),
      };
    }
  }
}

/**
 * Export orchestration: a {@link PlanBundle} in, the files of one format out (JSON, CSV, XLSX, PDF, NetBox).
 * Files are described as chunk producers so a caller can stream them (the CLI to disk, the browser into a
 * Blob or a ZIP); the XLSX writer and jsPDF load only when their format is asked for.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { Site } from '../core/sites/types';
import { formatNumber } from '../core/format';
import { issueCodeInfo, issueFix } from '../core/issue-codes';
import type { Issue } from '../core/issues';
import { shortName } from '../core/names';
import { describeOverride } from '../core/plan/overrides';
import type { PlanUnit, SiteOverride } from '../core/plan/types';
import { layoutElevation } from '../core/rack/elevation';
import { powerChain, type ChainView } from '../core/rack/power-chain';
import type { UnitReport } from '../core/rack/types';
import { facilityChainAt } from '../core/sites/facility-chain';
import { CsvBytesWriter, RepeatedCells, csvFieldsBytes, csvLine } from './csv';
import { CABLE_ID_DIGITS, cableCursor, cableLabelParts } from '../core/fabric/cabling';
import { NETBOX_CABLES_FILE, netboxCableChunks, netboxFiles } from './netbox';
import type { BarChart, PdfCheck, PdfReport, PowerDiagram, RackElevation, UnitSheet } from './pdf';
import { CABLE_CSV_COLUMNS, cableCells, cableCount, clusterRows, otherNetworkCursors, planCableRows, planClusters, type ClusterLayout } from './plan-cables';
import { planNetboxCableChunks, planNetboxModel } from './plan-netbox';
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

/** cables.csv: every cable of the plan under {@link CABLE_CSV_COLUMNS}, streamed as UTF-8 byte chunks of ~1 MiB. */
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
  // Cells that repeat over a cluster's rows are made once: site and cluster; tier and network; medium, part and
  // length; the two transceivers. Only the names are written cell by cell.
  const tierNetwork = new RepeatedCells();
  const medium = new RepeatedCells();
  const transceivers = new RepeatedCells();
  // The label is the part prefix and cableLabel of the row's ends (src/core/fabric/cabling.ts), written from its pieces.
  const label = ['', '', '', '', '', '', '', ''];
  for (const c of clusters) {
    const siteCluster = csvFieldsBytes([c.siteId, c.cluster]);
    // Compute rows under the part's prefix (`f2-` in a split cluster, else none), then the cluster's other networks;
    // each cable read from the schedule's cursor (no row object, cable-id or label string per cable).
    for (const [cables, p] of [[cableCursor(c.cabling, b.network), c.partPrefix], [otherNetworkCursors(c, b.network), '']] as const) for (const r of cables) {
      // Column order of CABLE_CSV_COLUMNS / cableCells; names as planCableRows builds them.
      w.fields(siteCluster);
      w.numbered(p, r.idPrefix, r.idNumber, CABLE_ID_DIGITS);
      w.fields(tierNetwork.pair(r.tier, r.network));
      w.prefixed(p, r.aRack);
      w.prefixed(p, r.aDevice);
      w.text(r.aPort);
      w.prefixed(p, r.bRack);
      w.prefixed(p, r.bDevice);
      w.text(r.bPort);
      w.fields(medium.triple(r.media, r.partNumber, r.lengthM));
      label[0] = p;
      cableLabelParts(r, label, 1);
      w.joined(label);
      w.fields(transceivers.pair(r.aTransceiver, r.bTransceiver));
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
  const columns: Column[] = CABLE_CSV_COLUMNS.map((k) => ({ key: k, label: k, kind: k === 'length_m' ? 'number' : 'text', format: 'General', width: k === 'label' ? 36 : k === 'cluster' ? 22 : k.endsWith('device') || k.endsWith('rack') || k === 'cable_id' ? 16 : 12 }));
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

/** The sites whose figures the plan overrides, one override per row in words, the site model's value beside it (none: no table). */
function siteOverridesTable(sites: readonly { readonly id: string; readonly overrides: readonly SiteOverride[] }[], siteName: (id: string) => string): Table[] {
  const rows = sites.flatMap((s) => s.overrides.map((o) => [siteName(s.id), describeOverride(o)]));
  if (rows.length === 0) return [];
  return [{ name: 'site_overrides', title: 'Site overrides (the plan\'s figure, the site model\'s beside it)', columns: [{ key: 'site', label: 'Site', kind: 'text' }, { key: 'override', label: 'Override', kind: 'text' }], rows }];
}

/** The table with the text cells of column `key` replaced (ids by names) and the column relabelled. */
function mapColumn(t: Table, key: string, f: (text: string) => string, label?: string): Table {
  const j = t.columns.findIndex((c) => c.key === key);
  if (j < 0) return t;
  return {
    ...t,
    columns: t.columns.map((c, i) => (i === j && label ? { ...c, label } : c)),
    rows: t.rows.map((r) => r.map((v, i) => (i === j && typeof v === 'string' ? f(v) : v))),
  };
}

function money(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `$${(n / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `$${(n / 1e6).toFixed(1)} M`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

/** Catalog names for the ids a plan's tables carry: sites, plants and generations (the short form, without the parenthetical). */
export function planNames(b: PlanBundle): { site: (id: string) => string; plant: (id: string) => string; generation: (id: string) => string; inText: (text: string) => string } {
  const sites = new Map<string, string>();
  for (const s of b.sites) sites.set(s.id, s.name);
  for (const s of b.plan.sites ?? []) sites.set(s.id, s.name);
  for (const s of b.report.sites) sites.set(s.id, s.name);
  const plants = new Map(b.report.plants.map((p) => [p.id, p.name] as const));
  const generation = (id: string) => {
    const g = b.catalog.generations.find((x) => x.id === id || x.aliases.includes(id));
    // A user's own generation is marked wherever the PDF names it.
    return g ? `${shortName(g.name)}${g.userDefined ? ' (user-defined)' : ''}` : id;
  };
  // Generation ids in a sentence ("2,700 × trn3-gen2-ultraserver"), longest first so no id is cut by a shorter one.
  const ids = [...new Set(b.report.units.map((u) => u.generation))].sort((x, y) => y.length - x.length);
  return {
    site: (id) => shortName(sites.get(id) ?? id),
    plant: (id) => shortName(plants.get(id) ?? sites.get(id) ?? id),
    generation,
    inText: (text) => ids.reduce((t, id) => t.replace(new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), generation(id)), text),
  };
}

const kw = (w: number) => `${formatNumber(w / 1000)} kW`;
const mw = (m: number) => `${formatNumber(m)} MW`;

/** The power chain as a one-line diagram: each stage with the power entering it, its loss and the branches leaving after it. */
export function chainDiagram(chain: ChainView, title: string): PowerDiagram {
  return {
    title,
    stages: chain.stages.map((st) => ({
      label: st.label,
      value: kw(st.inW),
      ...(st.lossW > 0.5 ? { loss: `−${kw(st.lossW)}${st.efficiency !== null ? ` · η ${formatNumber(st.efficiency * 100)} %` : ''}` } : {}),
      branches: st.branches.filter((x) => x.w > 0.5).map((x) => `${x.label} ${kw(x.w)}`),
    })),
    note: chain.facilityNote,
  };
}

/** The chain of one unit at a site, as the designer draws it (the core's powerChain and facilityChainAt), or null when the site has no data center. */
function unitChain(b: PlanBundle, unit: PlanUnit): ChainView | null {
  const g = b.catalog.generations.find((x) => x.id === unit.report.generation);
  const site = b.sites.find((s) => s.id === unit.site) ?? b.plan.sites?.find((s) => s.id === unit.site);
  if (!g) return null;
  const options = { basis: unit.report.basis, ...(b.plan.unitOptions?.[g.id] ?? {}) };
  const facility = site ? facilityChainAt(site, g, options, b.catalog) : null;
  return powerChain(unit.report, g, facility, site ? `${site.name} has no data-center data: rack stages only.` : undefined);
}

const VERDICT = (issues: readonly Issue[]): PdfCheck['verdict'] => (issues.some((i) => i.severity === 'error') ? 'fail' : issues.some((i) => i.severity === 'warning') ? 'near' : 'pass');

/**
 * The unit's checks as the engine reports them: each area passes when the engine raised no warning or error on it,
 * and otherwise names the first problem (the same issues the designer's budget meters carry).
 */
function unitChecks(r: UnitReport): PdfCheck[] {
  const areas: [string, (i: Issue) => boolean][] = [
    ['Feeds and PSUs', (i) => i.path[0] === 'power'],
    ['Cooling', (i) => i.path[0] === 'cooling'],
    ['Space and floor', (i) => i.path[0] === 'space'],
    ['Other', (i) => !['power', 'cooling', 'space'].includes(String(i.path[0]))],
  ];
  const serious = r.issues.filter((i) => i.severity !== 'info');
  return areas
    .map(([label, f]) => {
      const issues = serious.filter(f);
      const first = issues.find((i) => i.severity === 'error') ?? issues[0];
      return { label, verdict: VERDICT(issues), detail: first ? first.message : 'no limit crossed', skip: label === 'Other' && !issues.length };
    })
    .filter((c) => !c.skip)
    .map(({ skip: _skip, ...c }) => c);
}

/** One unit's headline for the PDF: the designer's summary figures read from the unit report, per unit and for `count` units. */
export function unitSheet(b: PlanBundle, unit: PlanUnit, count: number, where: string, names = planNames(b)): UnitSheet {
  const r = unit.report;
  const p = r.power;
  const c = r.cooling;
  const s = r.space;
  const side = p.feeds.sides[0];
  const rating = side ? (side.system === 'dc' ? `${formatNumber(side.volts, 0)} V DC ${formatNumber(side.amps, 0)} A` : `${formatNumber(side.volts, 0)} V ${side.system === '3ph' ? '3-phase' : '1-phase'} ${formatNumber(side.amps, 0)} A`) : '';
  const whips = p.feeds.sides.reduce((t, x) => t + x.whips, 0);
  const feeds = p.feeds.sides.length > 1 && p.feeds.sides.every((x) => x.whips === side?.whips) ? `${side?.whips} × ${rating} per side (A and B)` : p.feeds.sides.map((x) => `${x.side}: ${x.whips} × ${rating}`).join(' · ');
  const figures: UnitSheet['figures'][number][] = [
    { label: 'IT / input power', perUnit: `${formatNumber(p.itKw)} / ${formatNumber(p.inputKw)} kW`, total: `${mw((p.itKw * count) / 1000)} / ${mw((p.inputKw * count) / 1000)}` },
    { label: 'Transient peak', perUnit: `${formatNumber(p.peakKw)} kW`, total: mw((p.peakKw * count) / 1000) },
    { label: p.feeds.mode === 'ab' ? 'Feeds and whips (A/B)' : 'Feed and whips', perUnit: feeds, total: `${formatNumber(whips * count, 0)} whips` },
  ];
  if (c.liquidKw > 0) {
    const share = c.cdu ? `${formatNumber(c.cdu.sharePerRack * r.racks, 2)} of one CDU (N+1 per loop)` : c.facilityWaterClass ? `facility water ${c.facilityWaterClass}, no CDU` : 'no CDU';
    // The site's CDU count (N+1 per loop, all generations together) is in "Sites by year"; not re-derived here.
    figures.push({ label: 'Coolant flow and CDU', perUnit: `${formatNumber(c.coolantLpm)} L/min (${formatNumber(c.coolantGpm)} gpm) · ${share}`, total: `${formatNumber(c.coolantLpm * count)} L/min (${formatNumber(c.coolantGpm * count)} gpm)` });
  }
  figures.push({ label: c.liquidKw > 0 ? 'Airflow' : 'Airflow (air-cooled)', perUnit: `${formatNumber(c.airflowM3h)} m³/h (${formatNumber(c.airflowCfm)} CFM) · ${formatNumber(c.airKw)} kW to air, ΔT ${formatNumber(c.airDeltaTK)} K`, total: `${formatNumber(c.airflowM3h * count)} m³/h` });
  figures.push({
    label: 'Space and floor',
    perUnit: `${formatNumber(s.usedU, 0)} of ${formatNumber(s.availableU, 0)} U · ${formatNumber(s.weightPerRackKg)} kg per rack${s.weightComplete ? '' : ' (incomplete)'} · ${formatNumber(s.floorLoadingKgM2)} kg/m²`,
    total: `${formatNumber(r.racks * count, 0)} racks · ${formatNumber((s.weightKg * count) / 1000)} t`,
  });
  const checks = unitChecks(r);
  const failing = r.issues.find((i) => i.severity === 'error') ?? r.issues.find((i) => i.severity === 'warning');
  const fix = failing ? issueFix(failing) : '';
  const cduName = c.cdu ? `; CDU ${shortName(c.cdu.name.split(',')[0]!)}` : '';
  return {
    title: `${names.generation(r.generation)} at ${where}`,
    subtitle: `${formatNumber(r.racks, 0)} rack${r.racks === 1 ? '' : 's'} per unit, ${formatNumber(r.accelerators, 0)} accelerators, ${r.basis} basis; PSUs ${formatNumber(p.psus.psuCount, 0)} × ${formatNumber(p.psus.psuRatingW, 0)} W (${p.psus.redundancy.toUpperCase()})${cduName}. ${formatNumber(count, 0)} units in service at the end of the horizon.`,
    figures,
    totalLabel: `For ${formatNumber(count, 0)} units`,
    checks,
    ...(failing && fix ? { firstFix: `${issueCodeInfo(failing.code)?.title ?? failing.message}: ${fix}` } : {}),
  };
}

/** The design-review report model. */
export function planPdfReport(b: PlanBundle): PdfReport {
  const r = b.report;
  const t = planTables(b);
  const names = planNames(b);
  const last = (s: (typeof r.sites)[number]) => s.quarters[s.quarters.length - 1];
  const racks = r.sites.reduce((a, s) => a + (last(s)?.racks ?? 0), 0);
  const accelerators = r.sites.reduce((a, s) => a + (last(s)?.accelerators ?? 0), 0);
  const it = r.sites.reduce((a, s) => a + (last(s)?.itMw ?? 0), 0);
  const fac = r.sites.reduce((a, s) => a + (last(s)?.facilityMw ?? 0), 0);
  const meter = r.sites.reduce((a, s) => a + (last(s)?.meterMw ?? 0), 0);
  const findings: string[] = [];
  for (const s of r.sites) {
    const q = last(s);
    if (q) findings.push(`${names.site(s.id)}, ${q.quarter}: ${formatNumber(q.racks, 0)} racks, IT ${mw(q.itMw)}, facility ${formatNumber(q.facilityMw)} of ${mw(q.meterMw)} at the meter; next limit to bind: ${q.stranded.bindingConstraint}.`);
  }
  // Top issues: one line per code (the same cause at every site and generation is one finding), errors first, with the fix.
  const serious = r.issues.filter((i) => i.severity !== 'info');
  const byCode = new Map<string, Issue[]>();
  for (const i of [...serious].sort((a, c) => (a.severity === c.severity ? 0 : a.severity === 'error' ? -1 : 1))) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  for (const [code, list] of byCode) {
    const first = list[0]!;
    const title = issueCodeInfo(code)?.title ?? code;
    const fix = issueFix(first);
    findings.push(names.inText(`${first.severity === 'error' ? 'Error' : 'Warning'}${list.length > 1 ? ` (${list.length}×)` : ''}: ${title}. ${first.message}.${fix ? ` Fix: ${fix}.` : ''}`.replace(/\.\./g, '.')));
  }

  // Units: the largest deployment of each generation at the end of the horizon (where most of its units are).
  const endUnits = new Map<string, { site: string; units: number }[]>();
  for (const s of r.sites) for (const u of last(s)?.units ?? []) if (u.units > 0) endUnits.set(u.generation, [...(endUnits.get(u.generation) ?? []), { site: s.id, units: u.units }]);
  const sheets: UnitSheet[] = [];
  let headline: { diagram: PowerDiagram; itKw: number } | null = null;
  for (const unit of t.unitReports) {
    const at = endUnits.get(unit.generation) ?? [];
    const biggest = [...at].sort((a, c) => c.units - a.units)[0];
    if (!biggest || biggest.site !== unit.site || sheets.some((x) => x.title.startsWith(`${names.generation(unit.generation)} at`))) continue;
    const total = at.reduce((n, x) => n + x.units, 0);
    const where = at.length > 1 ? `${names.site(unit.site)} (and ${at.length - 1} more site${at.length > 2 ? 's' : ''})` : names.site(unit.site);
    const chain = unitChain(b, unit);
    const diagram = chain ? chainDiagram({ ...chain, facilityNote: names.inText(chain.facilityNote) }, `One-line power diagram, one unit of ${names.generation(unit.generation)} at ${names.site(unit.site)} (design condition, per unit)`) : undefined;
    sheets.push({ ...unitSheet(b, unit, total, where, names), ...(diagram ? { diagram } : {}) });
    const itKw = unit.report.power.itKw * total;
    if (diagram && (!headline || itKw > headline.itKw)) headline = { diagram, itKw };
  }

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
        title: layout.racks.length > 1 ? `${shortName(g.name)} (rack ${i + 1} of ${layout.racks.length})` : shortName(g.name),
        heightU: rack.heightU,
        items: rack.slots
          .filter((s) => !s.overflow)
          .map((s) => ({ fromU: s.u, heightU: s.heightU, label: s.label, kind: s.kind === 'scale-up-switch' || s.kind === 'network' ? 'switch' : s.kind === 'host' ? 'compute' : s.kind })),
        caption: i === 0 ? `${rep.accelerators} accelerators, ${formatNumber(rep.power.inputKw)} kW input, ${formatNumber(rep.cooling.liquidKw)} kW to liquid, ${rep.space.usedU} of ${rep.space.availableU} U. ${layout.notes.join(' ')}` : undefined,
      });
    });
  }

  const years = [...new Set(r.sites.flatMap((s) => s.years.map((y) => y.year)))].sort();
  const series = (f: (y: (typeof r.sites)[number]['years'][number]) => number) => r.sites.map((s) => ({ name: names.site(s.id), values: years.map((yr) => { const y = s.years.find((x) => x.year === yr); return y ? f(y) : 0; }) }));
  const charts: BarChart[] = [
    { title: 'IT power in service by year, average', unit: 'MW', categories: years.map(String), series: series((y) => y.itMw) },
    { title: 'Facility power by year', unit: 'MW', categories: years.map(String), series: series((y) => y.facilityMw) },
    { title: 'Energy cost by year', unit: 'USD M', categories: years.map(String), series: series((y) => y.annualEnergyCostUsd / 1e6) },
  ];
  if (r.plants.length) {
    const quarters = r.plants[0]!.quarters.map((q) => q.quarter);
    // Each plant against its own capacity (a summed limit hides every plant's build).
    charts.push({ title: 'Plant build by quarter, share of the plant’s own capacity', unit: '%', categories: quarters, series: r.plants.map((p) => ({ name: names.plant(p.id), values: p.quarters.map((q) => (q.capacityRacksPerWeek > 0 ? (100 * q.racksPerWeek) / q.capacityRacksPerWeek : 0)) })) });
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
      return [names.plant(p.id), p.leadTimeWeeks, p.peakRacksPerWeek, q?.quarter ?? '', q?.capacityRacksPerWeek ?? 0, q?.partsPerWeek.powerShelves ?? 0, q?.partsPerWeek.quickDisconnectPairs ?? 0, q?.partsPerWeek.transceivers ?? 0];
    }),
  };
  const yearEnd = (tb: Table) => ({ ...tb, rows: tb.rows.filter((row) => typeof row[1] === 'string' && row[1].endsWith('Q4')) });
  const site = (tb: Table, key = 'site_id') => mapColumn(tb, key, names.site, 'Site');
  // "gb300-nvl72: NVIDIA Quantum-X800 …" → the generation's name before the switch's.
  const switchModels = (text: string) => text.split('; ').map((part) => part.replace(/^([^:]+):/, (_m, id: string) => `${names.generation(id)}:`)).join('; ');
  const unitsPicked = mapColumn(pickColumns(t.units, ['name', 'site_id', 'racks_per_unit', 'accelerators', 'it_kw', 'input_kw', 'input_kva', 'peak_kw', 'liquid_kw', 'coolant_lpm', 'airflow_cfm', 'facility_water_class', 'weight_kg'], 'Units (per deployable unit)'), 'name', shortName, 'Generation');
  // A weight that leaves out items with no published weight is understated: say which, beside the table.
  const incomplete = [...new Set(t.unitReports.filter((u) => !u.report.space.weightComplete).map((u) => names.generation(u.generation)))];
  const units = incomplete.length ? { ...unitsPicked, notes: [...(unitsPicked.notes ?? []), `Weight incomplete (items without a published weight are left out, so weight and floor loading are understated): ${incomplete.join(', ')}.`] } : unitsPicked;
  const bom = { ...t.bom, rows: t.bom.rows.filter((row) => row[0] === 'site').map((row) => (row[2] === 'unit' || row[2] === 'rack' ? row.map((v, i) => (i === 3 && typeof v === 'string' ? names.generation(v) : v)) : row)), title: 'Bill of materials by site (end of horizon)' };
  const issues = mapColumn(pickColumns(t.issues, ['severity', 'message'], 'Issues'), 'message', names.inText);

  const biggestSite = [...r.sites].sort((a, c) => (last(c)?.itMw ?? 0) - (last(a)?.itMw ?? 0))[0];
  return {
    title: `Capacity plan: ${b.plan.name}`,
    subtitle: `${r.sites.length} site${r.sites.length === 1 ? '' : 's'} (${r.sites.map((s) => names.site(s.id)).join(', ')}), ${sheets.length} generation${sheets.length === 1 ? '' : 's'} (${sheets.map((x) => x.title.replace(/ at .*$/, '')).join(', ')}), ${r.plan.start} to ${r.plan.end} (${r.plan.horizonYears} years). Catalog ${r.catalogVersion}, plan schema ${r.schemaVersion}; discount rate ${formatNumber(r.plan.discountRate * 100)} %, utilization ${formatNumber(r.plan.utilization * 100)} %, design condition ${r.plan.design}.`,
    summary: [
      { label: 'Sites / plants', value: `${r.sites.length} / ${r.plants.length}` },
      { label: 'Racks / accelerators (end of horizon)', value: `${formatNumber(racks, 0)} / ${formatNumber(accelerators, 0)}` },
      { label: 'IT (end of horizon)', value: mw(it) },
      { label: 'Facility / meter (end of horizon)', value: `${formatNumber(fac)} of ${mw(meter)}` },
      { label: 'Largest site', value: biggestSite ? `${names.site(biggestSite.id)}, ${mw(last(biggestSite)?.itMw ?? 0)} IT` : '—' },
      { label: 'Energy over horizon', value: `${formatNumber(r.totals.horizonEnergyMwh, 0)} MWh` },
      { label: 'CO₂ over horizon', value: `${formatNumber(r.totals.horizonCo2Tonnes, 0)} t` },
      { label: 'Capex', value: money(r.totals.capexUsd) },
      { label: 'Capex: units / network / facility', value: `${money(r.totals.unitCapexUsd)} / ${money(r.totals.networkCapexUsd)} / ${money(r.totals.facilityCapexUsd)}` },
      { label: 'Unit capex: firm / option', value: `${money(r.totals.firmCapexUsd)} / ${money(r.totals.optionCapexUsd)}` },
      { label: 'TCO (nominal)', value: money(r.totals.tcoUsd) },
      { label: 'NPV of TCO', value: money(r.totals.npvTcoUsd) },
      { label: 'Issues', value: `${formatNumber(serious.filter((i) => i.severity === 'error').length, 0)} errors, ${formatNumber(serious.filter((i) => i.severity === 'warning').length, 0)} warnings` },
    ],
    findings,
    findingsMore: 'Every issue: the Issues table below and the XLSX Issues sheet.',
    ...(headline ? { diagram: headline.diagram } : {}),
    units: sheets,
    tables: [
      site(pickColumns(t.sites, ['site_id', 'year', 'racks', 'it_mw', 'facility_mw', 'pue', 'peak_pue', 'annual_energy_mwh', 'price_usd_per_kwh', 'annual_energy_cost_usd', 'annual_co2_tonnes'], 'Sites (last full year)')),
      ...siteOverridesTable(r.sites, names.site),
      site(pickColumns(yearEnd(t.schedule), ['site_id', 'quarter', 'racks', 'it_mw', 'facility_mw', 'meter_mw', 'headroom_mw', 'positions_free', 'coolant_lpm', 'cdus', 'switches', 'binding_constraint'], 'Sites by year (fourth quarter)')),
      plantPeaks,
      site(units),
      mapColumn(site(t.network), 'switch_models', switchModels),
      mapColumn(bom, 'id', (id) => names.site(id)),
      issues,
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
      // One NetBox cable per cables.csv row (every network), plus the header.
      const cableLines = 1 + cableCount(clusters);
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
                segments: () => [{ lines: 1, chunks: netboxCableChunks([]) }, ...clusters.map((c) => ({ lines: clusterRows(c), chunks: planNetboxCableChunks(b, [c], false) }))],
              }
            : {}),
          chunks: f.chunks,
        })),
      };
    }
  }
}

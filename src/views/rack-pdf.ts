/**
 * The rack designer's design as a PDF design review: page 1 is the designer's summary strip (the same
 * {@link rackSummary} the strip renders, from the same unit report and budgets), its first fix and the one-line
 * power diagram of the designer's power chain; then the unit sheet, the budgets against their limits, the power by
 * component, the issues with their fixes, the elevation and the assumptions with their sources. Nothing here
 * computes a figure: it picks from {@link RackDerived} and formats. Loaded only when the PDF is asked for.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { issueCodeInfo, issueFix } from '../core/issue-codes';
import { shortName } from '../core/names';
import type { SlotKind } from '../core/rack/elevation';
import { chainDiagram } from '../export/plan-export';
import type { PdfCheck, PdfReport, RackElevation, UnitSheet } from '../export/pdf';
import type { Table } from '../export/table';
import type { UnitSystem } from '../state/types';
import { assumptionLabel } from './assumption-labels';
import { budgetLabel } from './budgets';
import { formatNumber, formatValue } from './format';
import type { RackDerived } from './rack-report';
import { rackSummary } from './rack-summary';

const DRAWN_KIND: Record<SlotKind, RackElevation['items'][number]['kind']> = {
  compute: 'compute',
  host: 'compute',
  'scale-up-switch': 'switch',
  network: 'switch',
  management: 'management',
  storage: 'storage',
  power: 'power',
  cooling: 'cooling',
  other: 'other',
};

export interface RackPdfContext {
  readonly catalog: Catalog;
  readonly units: UnitSystem;
  /** The chosen site's name, if one is chosen. */
  readonly siteName?: string;
  /** ISO time of writing; absent: now. */
  readonly createdAt?: string;
}

/** The design-review model of the designer's rack design. */
export function rackPdfReport(d: RackDerived, ctx: RackPdfContext): PdfReport {
  const r = d.report;
  const system = ctx.units;
  const summary = rackSummary(r, d.budgets, system);
  // A user's own generation is marked as everywhere else (its name may be a preset's with a note).
  const name = `${shortName(d.generation.name)}${d.generation.userDefined ? ' (user-defined)' : ''}`;
  const many = summary.units > 1;
  const where = ctx.siteName ? ` at ${shortName(ctx.siteName)}` : '';
  const checks: PdfCheck[] = summary.checks.map((c) => {
    const b = d.budgets.find((x) => x.id === c.budgetId)!;
    const of = b.limit !== null && b.limit > 0 ? `${formatValue(b.value, b.kind, system)} of ${formatValue(b.limit, b.kind, system)}` : formatValue(b.value, b.kind, system);
    return { label: c.label, verdict: c.status === 'over' ? 'fail' : c.status === 'warn' ? 'near' : 'pass', detail: `${of}: ${b.limitNote}` };
  });
  const firstFix = summary.firstFix ? `${summary.firstFix.label}: ${summary.firstFix.problem}${summary.firstFix.fix ? `. Try: ${summary.firstFix.fix}` : ''}` : undefined;
  const sheet: UnitSheet = {
    title: `${name}${where}`,
    subtitle: `${summary.scope}; ${r.basis} basis. Verdict: ${summary.verdict}.${summary.unchecked ? ` ${summary.unchecked}.` : ''}`,
    figures: summary.cells.map((c) => ({ label: c.label, perUnit: c.perUnitSub ? `${c.perUnit} · ${c.perUnitSub}` : c.perUnit, total: c.total ?? '' })),
    totalLabel: many ? `For ${formatNumber(summary.units, 0)} units` : '',
    checks,
    ...(firstFix ? { firstFix } : {}),
  };

  const headline = summary.cells.flatMap((c) => [
    { label: `${c.label}${many ? ', per unit' : ''}`, value: c.perUnit },
    ...(c.total ? [{ label: `${c.label}, ${formatNumber(summary.units, 0)} units`, value: c.total }] : []),
  ]);
  const findings = [
    ...(firstFix ? [`First fix: ${firstFix}.`] : [`Every budget with a limit passes (${checks.length} checked).`]),
    ...summary.cells.filter((c) => c.perUnitSub).map((c) => `${c.label}: ${c.perUnit} (${c.perUnitSub}).`),
    ...checks.filter((c) => c.verdict !== 'pass').map((c) => `${c.label}: ${c.verdict}, ${c.detail}.`),
    ...(summary.unchecked ? [`${summary.unchecked}.`] : []),
  ];

  const budgets: Table = {
    name: 'budgets',
    title: 'Budgets against their limits',
    columns: [
      { key: 'budget', label: 'Budget', kind: 'text' },
      { key: 'value', label: 'Value', kind: 'text' },
      { key: 'limit', label: 'Limit', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'note', label: 'What the limit is', kind: 'text' },
    ],
    rows: d.budgets.map((b) => [budgetLabel(b, system), formatValue(b.value, b.kind, system), b.limit !== null ? formatValue(b.limit, b.kind, system) : 'no limit', { ok: 'pass', warn: 'near', over: 'fail', info: 'no limit' }[b.status], `${b.limitNote}${b.estimate ? ' (rests on estimates)' : ''}`]),
  };
  const power: Table = {
    name: 'power',
    title: 'Power by component (per unit)',
    columns: [
      { key: 'component', label: 'Component', kind: 'text' },
      { key: 'count', label: 'Count', kind: 'integer' },
      { key: 'w', label: 'W each', kind: 'number' },
      { key: 'kw', label: 'kW', kind: 'number' },
      { key: 'liquid', label: 'To liquid (kW)', kind: 'number' },
    ],
    rows: r.power.components.map((c) => [c.name, c.count, c.wattsEach, c.totalKw, c.liquidKw]),
  };
  const issues: Table = {
    name: 'issues',
    title: 'Issues',
    columns: [
      { key: 'severity', label: 'Severity', kind: 'text' },
      { key: 'title', label: 'Problem', kind: 'text' },
      { key: 'message', label: 'Detail', kind: 'text' },
      { key: 'fix', label: 'What would fix it', kind: 'text' },
    ],
    rows: r.issues.map((i) => [i.severity, issueCodeInfo(i.code)?.title ?? i.code, i.message, issueFix(i)]),
  };
  const layout = d.elevation;
  const elevations: RackElevation[] = layout.racks.map((rack, i) => ({
    title: layout.racks.length > 1 ? `${name} (rack ${i + 1} of ${layout.racks.length})` : name,
    heightU: rack.heightU,
    items: rack.slots.filter((s) => !s.overflow).map((s) => ({ fromU: s.u, heightU: s.heightU, label: s.label, kind: DRAWN_KIND[s.kind] })),
    ...(i === 0 ? { caption: `${layout.caption} ${layout.notes.join(' ')}`.trim() } : {}),
  }));

  return {
    title: `Rack design: ${name}${where}`,
    subtitle: `${summary.scope}, ${r.basis} basis. Catalog ${ctx.catalog.version}. The rack designer's figures: the summary strip, budgets and power chain as the app shows them.`,
    summary: [{ label: 'Verdict', value: summary.verdict }, ...headline],
    findings,
    findingsMore: 'Budgets, issues with their fixes and every assumption follow.',
    // The facility note counts the reference load by generation id ("5,058 × gb300-nvl72"): named here.
    diagram: chainDiagram({ ...d.chain, facilityNote: d.chain.facilityNote.split(d.generation.id).join(name) }, `One-line power diagram, one unit of ${name}${where}${d.chain.hasFacility ? ' (design condition)' : ''}`),
    units: [sheet],
    tables: [budgets, power, issues],
    elevations,
    charts: [],
    assumptions: {
      name: 'assumptions',
      title: 'Assumptions and sources',
      columns: [
        { key: 'value', label: 'Value', kind: 'text' },
        { key: 'number', label: 'Number', kind: 'text' },
        { key: 'unit', label: 'Unit', kind: 'text' },
        { key: 'confidence', label: 'Confidence', kind: 'text' },
        { key: 'sources', label: 'Sources', kind: 'text' },
      ],
      rows: r.assumptions.map((a) => [assumptionLabel(a.path, ctx.catalog), typeof a.value === 'number' ? formatNumber(a.value) : String(a.value ?? ''), a.unit, a.confidence, a.sources.map((s) => `${s.title} <${s.url}>`).join('; ')]),
    },
    ...(ctx.createdAt ? { createdAt: ctx.createdAt } : {}),
  };
}

/** The rack design's PDF: its bytes and a file name. */
export async function rackPdfFile(d: RackDerived, ctx: RackPdfContext): Promise<{ readonly filename: string; readonly bytes: Uint8Array }> {
  const { toPdf } = await import('../export/pdf');
  const bytes = await toPdf(rackPdfReport(d, ctx));
  return { filename: `rackplan-${d.generation.id}-design-review.pdf`, bytes };
}

/**
 * The optimizer's result as a proposal: a diff per open deployment row against the current plan (added, changed,
 * removed), each with what accepting that row alone changes (capex, NPV TCO, peak facility MW at its site, CO₂),
 * and the whole proposal's change of the totals. Locked rows and the rows the plan's orders build never appear:
 * the optimizer keeps them. {@link acceptProposal} applies any subset of the rows.
 *
 * Row deltas come from evaluating the plan with that one row changed ({@link evaluatePlan}, the one owner of every
 * figure); the rows' deltas need not add up to the whole proposal's (PUE, fabric and facility costs are not linear).
 * @module
 */
import type { Catalog } from '../catalog/types';
import type { Site } from '../sites/types';
import { evaluatePlan } from './evaluate';
import type { Deployment, Plan, PlanReport, Totals } from './types';
import { acceptProposal } from './accept-proposal';

export type ProposalChange = 'added' | 'changed' | 'removed';

/** What a plan change does to the figures a user decides on. */
export interface ProposalDeltas {
  readonly capexUsd: number;
  readonly npvTcoUsd: number;
  /** Change of the site's peak facility MW over the horizon. */
  readonly peakFacilityMw: number;
  readonly co2Tonnes: number;
}

/** One open deployment row the proposal adds, changes or removes. */
export interface ProposalRow {
  /** Stable within one proposal: `site|generation|quarter|plant|n`. */
  readonly key: string;
  readonly change: ProposalChange;
  readonly site: string;
  readonly generation: string;
  readonly quarter: Deployment['quarter'];
  /** The current row (changed, removed) exactly as it is in the plan; null for an added row. */
  readonly before: Deployment | null;
  /** The proposed row (added, changed); null for a removed row. */
  readonly after: Deployment | null;
  /** Accepting this row alone; null when the proposal has more rows than {@link ROW_DELTA_LIMIT}. */
  readonly deltas: ProposalDeltas | null;
}

export interface Proposal {
  readonly rows: readonly ProposalRow[];
  /** Open rows the proposal keeps as they are. */
  readonly unchanged: number;
  /** Locked rows and rows built by the plan's orders (never part of a proposal). */
  readonly fixed: number;
  /** Accepting every row. */
  readonly deltas: ProposalDeltas;
  readonly before: Totals;
  readonly after: Totals;
}

/** Per-row deltas cost one plan evaluation each; above this many rows only the whole proposal's are given. */
export const ROW_DELTA_LIMIT = 400;

const rowKey = (d: Deployment) => `${d.site}|${d.generation}|${d.quarter}`;

/**
 * Diff a proposed plan (from the optimizer) against the current plan, row by row.
 * Rows are matched on site, generation and quarter (then plant); a matched row with other units or plant is
 * `changed`, an unmatched proposed row `added`, an unmatched open current row `removed`.
 */
export function planProposal(current: Plan, proposed: Plan, catalog: Catalog, sites: readonly Site[], currentReport: PlanReport = evaluatePlan(current, catalog, sites)): Proposal {
  const fixed = new Set<number>();
  for (const b of currentReport.builds) if (b.locked || b.choice === 'orders') fixed.add(b.index);
  const open = current.deployments.filter((_, i) => !fixed.has(i));
  const fixedRows = new Set(current.deployments.filter((_, i) => fixed.has(i)));
  // The optimizer returns the fixed rows as the same objects; everything else in the proposal is an open row.
  const proposedOpen = proposed.deployments.filter((d) => !fixedRows.has(d));

  const byKey = new Map<string, Deployment[]>();
  for (const d of open) {
    const list = byKey.get(rowKey(d));
    if (list) list.push(d);
    else byKey.set(rowKey(d), [d]);
  }
  const rows: Omit<ProposalRow, 'deltas'>[] = [];
  let unchanged = 0;
  const unmatched: Deployment[] = [];
  for (const p of proposedOpen) {
    const list = byKey.get(rowKey(p));
    const same = list?.findIndex((d) => (d.plant ?? null) === (p.plant ?? null)) ?? -1;
    if (list && same >= 0) {
      const d = list.splice(same, 1)[0]!;
      if (d.units === p.units) unchanged++;
      else rows.push({ key: '', change: 'changed', site: p.site, generation: p.generation, quarter: p.quarter, before: d, after: p });
    } else unmatched.push(p);
  }
  for (const p of unmatched) {
    const list = byKey.get(rowKey(p));
    const d = list?.shift();
    rows.push(d ? { key: '', change: 'changed', site: p.site, generation: p.generation, quarter: p.quarter, before: d, after: p } : { key: '', change: 'added', site: p.site, generation: p.generation, quarter: p.quarter, before: null, after: p });
  }
  for (const list of byKey.values()) for (const d of list) rows.push({ key: '', change: 'removed', site: d.site, generation: d.generation, quarter: d.quarter, before: d, after: null });
  rows.sort((a, b) => a.quarter.localeCompare(b.quarter) || a.site.localeCompare(b.site) || a.generation.localeCompare(b.generation) || a.change.localeCompare(b.change));
  const seen = new Map<string, number>();
  const keyed = rows.map((r) => {
    const base = `${r.site}|${r.generation}|${r.quarter}|${(r.after ?? r.before)!.plant ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...r, key: `${base}|${n}` };
  });

  const after = evaluatePlan(proposed, catalog, sites);
  const withDeltas: ProposalRow[] = keyed.map((r) => ({
    ...r,
    deltas: keyed.length > ROW_DELTA_LIMIT ? null : deltasOf(currentReport, evaluatePlan(acceptProposal(current, [r]), catalog, sites), r.site),
  }));
  return { rows: withDeltas, unchanged, fixed: fixed.size, deltas: deltasOf(currentReport, after, null), before: currentReport.totals, after: after.totals };
}

function peakFacilityMw(r: PlanReport, site: string | null): number {
  let sum = 0;
  for (const s of r.sites) if (site === null || s.id === site) sum += s.quarters.reduce((m, q) => Math.max(m, q.facilityMw), 0);
  return sum;
}

function deltasOf(before: PlanReport, after: PlanReport, site: string | null): ProposalDeltas {
  return {
    capexUsd: after.totals.capexUsd - before.totals.capexUsd,
    npvTcoUsd: after.totals.npvTcoUsd - before.totals.npvTcoUsd,
    peakFacilityMw: peakFacilityMw(after, site) - peakFacilityMw(before, site),
    co2Tonnes: after.totals.horizonCo2Tonnes - before.totals.horizonCo2Tonnes,
  };
}

export { acceptProposal };

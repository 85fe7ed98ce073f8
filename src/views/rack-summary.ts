/**
 * The designer's summary strip: the answer first. Per unit and for the chosen count — IT and input power, the
 * feeds and whips to provision, coolant flow and the unit's share of a CDU, airflow, rack space and floor loading —
 * and a pass/fail per budget with the first fix to try. Every figure is read from the unit report and the budgets
 * (one owner: src/views/rack-report.ts); nothing here recomputes physics, it only picks and formats.
 * @module
 */
import { issueCodeInfo, issueFix } from '../core/issue-codes';
import type { Issue } from '../core/issues';
import type { UnitReport } from '../core/rack/types';
import { budgetLabel, type Budget, type BudgetStatus } from './budgets';
import { formatNumber, formatValue } from './format';
import type { UnitSystem } from '../state/types';

export interface SummaryCell {
  readonly id: 'power' | 'feeds' | 'coolant' | 'airflow' | 'space';
  readonly label: string;
  /** Per unit. */
  readonly perUnit: string;
  readonly perUnitSub?: string;
  /** For the chosen count; absent for one unit. */
  readonly total?: string;
}

export interface SummaryCheck {
  readonly budgetId: string;
  readonly label: string;
  readonly status: BudgetStatus;
  /** "pass", "near", "fail" or "no limit" — never colour alone. */
  readonly word: string;
}

export interface RackSummary {
  /** "1 unit · 1 rack" or "10 units · 10 racks · 720 accelerators". */
  readonly scope: string;
  readonly units: number;
  readonly cells: readonly SummaryCell[];
  /** Budgets with a limit to check, in the meters' order. */
  readonly checks: readonly SummaryCheck[];
  /** Figures shown without a limit (no rating published, or a site limit not set): "5 figures have no limit to check". */
  readonly unchecked: string;
  readonly verdict: 'pass' | 'near' | 'fail';
  /** The first budget that fails (else is near its limit), and what to try: the issue's own fix, else the registry's. */
  readonly firstFix: null | { readonly budgetId: string; readonly label: string; readonly problem: string; readonly fix: string };
}

const WORD: Record<BudgetStatus, string> = { ok: 'pass', warn: 'near', over: 'fail', info: 'no limit' };

/** kW below 1 MW, MW above (totals of many units). */
function power(w: number, system: UnitSystem): string {
  return w >= 1e6 ? `${formatNumber(w / 1e6)} MW` : formatValue(w, 'power', system);
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n, 0)} ${n === 1 ? one : many}`;

/** "Vertiv CoolChip CDU 1350 (Liebert XDU1350), liquid-to-liquid" → "Vertiv CoolChip CDU 1350". */
const cduName = (name: string) => name.split(/\s*[(,]/)[0]!;

/** What to try for an issue: its own computed fix, else the registry's fix for its code. */
export function fixFor(i: Issue): string {
  return issueFix(i); // the core's rule, shared with the PDF design review
}

export function rackSummary(r: UnitReport, budgets: readonly Budget[], system: UnitSystem): RackSummary {
  const p = r.power;
  const c = r.cooling;
  const s = r.space;
  const n = r.totals.units;
  const many = n > 1;
  const cells: SummaryCell[] = [];

  cells.push({
    id: 'power',
    label: 'IT / input power',
    perUnit: `${power(p.itKw * 1000, system)} / ${power(p.inputKw * 1000, system)}`,
    perUnitSub: `peak ${power(p.peakKw * 1000, system)}`,
    ...(many ? { total: `${power(r.totals.itKw * 1000, system)} / ${power(r.totals.inputKw * 1000, system)}` } : {}),
  });

  const sides = p.feeds.sides;
  const side = sides[0];
  if (side) {
    const dc = side.system === 'dc';
    const rating = dc ? `${formatNumber(side.volts, 0)} V DC ${formatNumber(side.amps, 0)} A` : `${formatNumber(side.volts, 0)} V ${side.system === '3ph' ? '3-phase' : '1-phase'} ${formatNumber(side.amps, 0)} A`;
    const perSide = sides.length > 1 && sides.every((x) => x.whips === side.whips) ? `${side.whips} × ${rating} per side (A and B)` : sides.map((x) => `${sides.length > 1 ? `${x.side}: ` : ''}${x.whips} × ${rating}`).join(' · ');
    const whips = sides.reduce((t, x) => t + x.whips, 0);
    cells.push({
      id: 'feeds',
      label: p.feeds.mode === 'ab' ? 'Feeds and whips (A/B)' : 'Feed and whips',
      perUnit: perSide,
      perUnitSub: dc ? `${formatNumber(side.worstPhaseA)} A per pole on failover` : `${formatNumber(side.worstPhaseA)} A worst phase on failover`,
      ...(many ? { total: `${plural(whips * n, 'whip')}` } : {}),
    });
  }

  if (c.liquidKw > 0) {
    const cdu = c.cdu;
    const share = cdu && Number.isFinite((cdu as { sharePerRack?: number }).sharePerRack) ? (cdu as { sharePerRack: number }).sharePerRack : null;
    cells.push({
      id: 'coolant',
      label: 'Coolant flow and CDU',
      perUnit: formatValue(c.coolantLpm, 'liquidFlow', system),
      perUnitSub: cdu
        ? share !== null && share < 1
          ? `${formatNumber(share * r.racks, 2)} of one ${cduName(cdu.name)} (N+1 per loop)`
          : `${cduName(cdu.name)}, ${formatValue(cdu.capacityKw * 1000, 'heatRate', system)} each`
        : c.facilityWaterClass
          ? `facility water ${c.facilityWaterClass}, no CDU`
          : `ΔT ${formatValue(c.deltaTK, 'temperatureDifference', system)}`,
      ...(many ? { total: `${formatValue(r.totals.coolantLpm, 'liquidFlow', system)}${cdu ? ` · ${plural(r.totals.cdus, 'CDU')} (N+1)` : ''}` } : {}),
    });
  }
  cells.push({
    id: 'airflow',
    label: c.liquidKw > 0 ? 'Airflow' : 'Airflow (air-cooled)',
    perUnit: formatValue(c.airflowM3h, 'airflow', system),
    perUnitSub: `${formatValue(c.airKw * 1000, 'heatRate', system)} to air · ΔT ${formatValue(c.airDeltaTK, 'temperatureDifference', system)}`,
    ...(many ? { total: formatValue(r.totals.airflowM3h, 'airflow', system) } : {}),
  });
  cells.push({
    id: 'space',
    label: 'Space and floor',
    perUnit: `${formatNumber(s.usedU, 0)} of ${formatNumber(s.availableU, 0)} U`,
    perUnitSub: `${formatValue(s.floorLoadingKgM2, 'arealMass', system)} · ${formatValue(s.weightPerRackKg, 'mass', system)} per rack`,
    ...(many ? { total: `${plural(r.totals.racks, 'rack')} · ${formatValue(r.totals.weightKg, 'mass', system)}` } : {}),
  });

  const checks = budgets.filter((b) => b.status !== 'info').map((b) => ({ budgetId: b.id, label: budgetLabel(b, system), status: b.status, word: WORD[b.status] }));
  const noLimit = budgets.filter((b) => b.status === 'info');
  const failing: Budget | undefined = budgets.find((b) => b.status === 'over') ?? budgets.find((b) => b.status === 'warn');
  // An error no meter shows (a feed the PSUs cannot take, more equipment than the rack holds…) fails the design too.
  const unmetered = r.issues.find((i) => i.severity === 'error' && !budgets.some((b) => b.issues.includes(i)));
  const firstIssue = failing?.issues.find((i) => i.severity !== 'info');
  const firstFix = unmetered && failing?.status !== 'over'
    ? { budgetId: '', label: issueCodeInfo(unmetered.code)?.title ?? unmetered.code, problem: unmetered.message, fix: fixFor(unmetered) }
    : failing
    ? {
        budgetId: failing.id,
        label: budgetLabel(failing, system),
        problem:
          firstIssue?.message ??
          (failing.limit !== null && failing.limit > 0
            ? `${formatValue(failing.value, failing.kind, system)} of ${formatValue(failing.limit, failing.kind, system)} (${Math.round((failing.value / failing.limit) * 100)} %, ${failing.status === 'over' ? 'over' : 'near'} the limit): ${failing.limitNote}`
            : `${failing.status === 'over' ? 'over' : 'near'} the limit: ${failing.limitNote}`),
        fix: firstIssue ? fixFor(firstIssue) : '',
      }
    : null;
  const verdict = budgets.some((b) => b.status === 'over') || unmetered ? 'fail' : budgets.some((b) => b.status === 'warn') ? 'near' : 'pass';
  return {
    scope: `${plural(n, 'unit')} · ${plural(r.totals.racks, 'rack')} · ${plural(r.totals.accelerators, 'accelerator')}`,
    units: n,
    cells,
    checks,
    unchecked: noLimit.length ? `${plural(noLimit.length, 'figure has', 'figures have')} no limit to check: ${noLimit.map((b) => budgetLabel(b, system)).join(', ')}` : '',
    verdict,
    firstFix,
  };
}

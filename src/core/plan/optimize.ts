/**
 * Optimizer: choose units per generation, plant, site and quarter that meet the plan's demand within every limit,
 * minimizing NPV TCO (`npv`) or time to capacity (`time`), with the HiGHS MIP solver (mip_rel_gap ≤ 0.5 %, 10 s).
 *
 * The optimizer proposes open deployment rows around the plan's fixed ones. Fixed rows are the locked rows (firm
 * orders, already built) and the rows the plan's orders build (a row without a plant, of a generation the plan has
 * orders for); they and the plan's orders are kept exactly and use up site, plant and demand room first.
 *
 * Variables x[g, p, s, b] — whole units of generation g built at plant p in quarter b and entering service at site s
 * in quarter b + ⌈lead time ÷ 13 weeks⌉; each is one proposed row; a row the solve leaves below its
 * minimum order ({@link minOrderUnits}) is raised to it, or barred when that is infeasible, and the model re-solved
 * (a repair, up to 8 passes). Rows:
 * - plant capacity (p, b): Σ racks · x ≤ racks/week(p, b) × 13 − what the fixed rows and orders build there
 * - site power (s, q): Σ_{in service by q} inputKw · peakPUE(s, g) / 1000 · x ≤ meter MW(s, q) − fixed rows' MW
 * - rack positions (s, q), and heat rejection / fabric ports where the site sets them; floor loading excludes (s, g)
 * - demand (d): Σ_{in service by its quarter} metric(g) · x ≥ value − what the fixed rows supply
 * PUE is non-linear in load, so each (site, generation) uses its annual and peak PUE at a reference load (half the
 * site's final meter) with a 1 % margin on facility MW; the chosen plan is then re-evaluated exactly with
 * {@link evaluatePlan}, and a power row the real mix still overshoots is tightened and the model re-solved.
 * Binding constraints are rows with no room for one more whole unit, each turned into a sentence. An infeasible
 * model is re-solved with penalized slack on the demand rows, and the unmet demand per period is reported with its cause.
 * @module
 */
import type { Highs } from 'highs';
import type { Catalog } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { formatNumber } from '../format';
import { pickSourced } from '../provenance';
import { quarterFromIndex, quarterIndex, quarterLabel, stepAt } from '../sites/schedule';
import type { Site } from '../sites/types';
import { planContext, type PlanContext } from './context';
import { evaluatePlan, WEEKS_PER_QUARTER } from './evaluate';
import { unitMetric, type UnitFacts } from './facts';
import { generationFabric } from './network';
import { siteLimits, siteLoad } from './site-load';
import { capacityCostUsd, capacityPriceUsdPerMwDay, energyPriceUsdPerKwh } from '../sites/tariff';
import type { Deployment, Plan, PlanReport } from './types';
import { precisionUnit } from './precision';

export type Objective = 'npv' | 'time';

export interface OptimizeOptions {
  readonly objective?: Objective;
  /** Generations the optimizer may use (default: those the plan mentions). */
  readonly generations?: readonly string[];
  /** Data-center sites it may use (default: those the plan deploys to, else every data-center site). */
  readonly sites?: readonly string[];
  readonly mipRelGap?: number;
  readonly timeLimitS?: number;
}

export type RowKind = 'power' | 'positions' | 'cooling' | 'switchPorts' | 'plantCapacity' | 'demand';

export interface BindingRow {
  readonly kind: RowKind;
  readonly id: string;
  readonly quarter: string;
  readonly activity: number;
  readonly limit: number;
  readonly unit: string;
  readonly sentence: string;
}

export interface UnmetDemand {
  readonly quarter: string;
  readonly metric: string;
  readonly required: number;
  readonly unmet: number;
  readonly unit: string;
  readonly cause: string;
}

export interface OptimizeResult {
  readonly status: 'optimal' | 'time-limit' | 'infeasible-relaxed' | 'infeasible' | 'error';
  readonly objective: Objective;
  /** Objective value in USD (npv) or unit-quarters (time); null without a solution. */
  readonly objectiveValue: number | null;
  /** Relative MIP gap HiGHS reports at the end (≤ 0.005 when optimal at the requested gap). */
  readonly mipGap: number | null;
  readonly solveMs: number;
  readonly buildMs: number;
  /** HiGHS runs: 1, plus a relaxed re-solve when infeasible, plus re-solves that tighten a linearized power row. */
  readonly solves: number;
  readonly variables: number;
  readonly constraints: number;
  readonly binding: readonly BindingRow[];
  readonly unmet: readonly UnmetDemand[];
  /**
   * The proposed plan (null without a solution): the plan's orders and fixed rows unchanged, then the proposed open
   * rows, each naming the plant that builds it. Compare it with the plan through ./proposal.ts.
   */
  readonly plan: Plan | null;
  /** Exact evaluation of that plan. */
  readonly report: PlanReport | null;
  readonly issues: readonly Issue[];
}

interface Var {
  readonly g: string;
  readonly p: string;
  readonly s: string;
  /** Build and in-service quarter ordinals. */
  readonly b: number;
  readonly d: number;
  readonly cost: number;
}

interface Row {
  readonly kind: RowKind | 'balance';
  readonly id: string;
  readonly quarter: number;
  readonly unit: string;
  readonly label: string;
  lower: number;
  upper: number;
  readonly cols: number[];
  readonly vals: number[];
}

const INF = Number.POSITIVE_INFINITY;
const LINEARIZATION_MARGIN = 1.01;
/** Re-solves that tighten linearized power rows and bar rows below their minimum order. */
const MAX_REPAIR_PASSES = 8;

/**
 * Optimize a plan.
 * @param solver - a loaded HiGHS instance (see ./solver.ts)
 */
export function optimizePlan(plan: Plan, catalog: Catalog, presetSites: readonly Site[], solver: Highs, options: OptimizeOptions = {}): OptimizeResult {
  const t0 = now();
  const objective = options.objective ?? 'npv';
  const ctx = planContext(plan, catalog, presetSites);
  const issues: Issue[] = [];
  const fixed = fixedRows(plan, evaluatePlan(plan, catalog, presetSites), (g) => {
    const id = ctx.generation(g, ['orders'])?.id;
    return id ? ctx.facts(id).racks : 0;
  });
  const model = buildModel(ctx, options, issues, fixed);
  const buildMs = now() - t0;
  let solves = 0;
  const dims = () => ({ solves, variables: model.cols.length, constraints: model.rows.length });
  if (model.vars.length === 0) {
    issues.push(issue('optimizer_no_variables', 'error', ['optimize'], 'no generation can be built and deployed inside the horizon at the chosen plants and sites'));
    return { status: 'infeasible', objective, objectiveValue: null, mipGap: null, solveMs: 0, buildMs, ...dims(), binding: [], unmet: [], plan: null, report: null, issues };
  }
  const t1 = now();
  let relaxed = false;
  let run = solve(solver, model, objective, false, options);
  solves++;
  if (run.status === 'infeasible') {
    relaxed = true;
    run = solve(solver, model, objective, true, options);
    solves++;
  }
  // PUE is linearized per (site, generation); re-evaluate exactly and tighten any power row the real mix overshoots.
  // Minimum order (a repair, not part of the MIP: on/off columns made HiGHS stall at a 70 % gap): a row the solve
  // leaves below its minimum is raised to it and the model re-solved; barred (fixed at 0) when raising it is infeasible.
  let optimized: Plan | null = null;
  let report: PlanReport | null = null;
  let barred = 0;
  for (let pass = 0; run.x && pass < MAX_REPAIR_PASSES; pass++) {
    const x = integerPart(run.x, model.vars.length);
    optimized = toPlan(ctx, fixed, model.vars, x);
    report = evaluatePlan(optimized, catalog, presetSites);
    let changed = false;
    for (const i of report.issues) {
      if (i.code !== 'site_power_exceeded') continue;
      const col = model.powerCols.get(`${String(i.path[1])}|${quarterIndex(String(i.path[3]))}`);
      if (col === undefined || !i.limit || !i.actual) continue;
      const c = model.cols[col]!;
      if (c.upper <= 0) continue; // the fixed rows alone overshoot: the evaluation's issue, nothing to tighten
      // Take the real overshoot off the room left for new rows (the fixed rows' MW are not the model's to move).
      c.upper = Math.max(0, Math.min(c.upper * (i.limit / i.actual), c.upper - (i.actual - i.limit)) * (1 - 1e-4));
      changed = true;
    }
    // A row below its minimum is raised to it (the solve then trims elsewhere); when that leaves no solution, barred.
    const raised: number[] = [];
    x.forEach((n, i) => {
      if (n > 0 && n < model.least[i]!) {
        model.cols[i]!.lower = Math.min(model.least[i]!, model.cols[i]!.upper);
        raised.push(i);
        changed = true;
      }
    });
    if (!changed) break;
    const last = run;
    run = solve(solver, model, objective, relaxed, options);
    solves++;
    if (!run.x && raised.length) {
      for (const i of raised) model.cols[i]!.lower = model.cols[i]!.upper = 0;
      barred += raised.length;
      run = solve(solver, model, objective, relaxed, options);
      solves++;
      if (!run.x) run = last;
    }
  }
  if (run.x && optimized) {
    const small = optimized.deployments.filter((d, i) => i >= fixed.deployments.length && d.units < minOrderUnits(plan, catalog, d.site, d.generation, ctx.facts(d.generation).racks));
    if (small.length) issues.push(issue('optimizer_below_min_order', 'warning', ['minOrder'], `${small.length} proposed row${small.length === 1 ? '' : 's'} still below the minimum order after ${MAX_REPAIR_PASSES} repair passes (${barred} rows barred); lower plan.minOrder or accept them knowingly`));
  }
  const solveMs = now() - t1;
  const status: OptimizeResult['status'] = !run.x ? (relaxed ? 'infeasible' : run.status === 'time-limit' ? 'time-limit' : run.status === 'infeasible' ? 'infeasible' : 'error') : relaxed ? 'infeasible-relaxed' : run.status === 'time-limit' ? 'time-limit' : 'optimal';
  if (!run.x || !optimized || !report) {
    issues.push(issue('optimizer_failed', 'error', ['optimize'], `HiGHS ended with status "${run.raw}" and no solution`));
    return { status, objective, objectiveValue: null, mipGap: run.gap, solveMs, buildMs, ...dims(), binding: [], unmet: [], plan: null, report: null, issues };
  }
  const x = integerPart(run.x, model.vars.length);
  const values = Array.from(run.x);
  const binding: BindingRow[] = [];
  for (const r of model.resources) {
    const v = values[r.col]!;
    const limit = r.sense === 'upper' ? model.cols[r.col]!.upper : r.limit;
    if (r.sense === 'upper' && (v > 1e-9 || r.fixed > 1e-9) && limit - v < r.minCoef - 1e-9) binding.push(describe(r, exactActivity(r, v + r.fixed, report), r.fullLimit));
    if (r.sense === 'lower' && r.limit > 0 && v - r.limit < r.minCoef - 1e-9 && v >= r.limit - 1e-6) binding.push(describe(r, v + r.fixed, r.fullLimit));
  }
  for (const r of model.rows) {
    if (r.kind !== 'plantCapacity') continue;
    const a = r.cols.reduce((sum, c, k) => sum + r.vals[k]! * values[c]!, 0);
    const minCoef = Math.min(...r.vals.map(Math.abs).filter((z) => z > 0));
    const res: Resource = { kind: r.kind, id: r.id, quarter: r.quarter, unit: r.unit, label: r.label, col: -1, limit: r.upper, fullLimit: r.upper, fixed: 0, sense: 'upper', minCoef };
    if (a > 1e-9 && r.upper - a < minCoef - 1e-9) binding.push(describe(res, a, r.upper));
  }
  const rank: Record<RowKind, number> = { power: 0, cooling: 1, positions: 2, switchPorts: 3, plantCapacity: 4, demand: 5 };
  binding.sort((a, b) => rank[a.kind] - rank[b.kind] || quarterIndex(a.quarter) - quarterIndex(b.quarter) || a.id.localeCompare(b.id));
  const unmet: UnmetDemand[] = [];
  if (relaxed) {
    for (const d of model.demands) {
      const u = d.slackCol === null ? 0 : values[d.slackCol]!;
      if (u <= 1e-6) continue;
      const cause = causeOf(d, binding);
      unmet.push({ quarter: quarterFromIndex(d.quarter), metric: d.label, required: d.value, unmet: u, unit: d.unit, cause });
      issues.push(issue('demand_unmet', 'warning', ['demand', d.index], `${quarterLabel(quarterFromIndex(d.quarter))}: ${formatNumber(u)} of ${formatNumber(d.value)} ${d.unit} cannot be met: ${cause}`, { limit: d.value, actual: d.value - u, unit: d.unit }));
    }
  }
  return {
    status,
    objective,
    objectiveValue: model.vars.reduce((sum, v, i) => sum + (objective === 'npv' ? v.cost : v.d - ctx.start + 1) * x[i]!, 0),
    mipGap: run.gap,
    solveMs,
    buildMs,
    ...dims(),
    binding,
    unmet,
    plan: optimized,
    report,
    issues,
  };
}

function integerPart(x: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.max(0, Math.round(x[i]!)));
}

/** Monotonic clock where the runtime has one (the core's typecheck has no DOM or Node types). */
function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

/** Power sentences use the exact facility MW of the re-evaluated plan; other limits use the model's activity. */
function exactActivity(r: Resource, modelValue: number, report: PlanReport): number {
  if (r.kind !== 'power') return modelValue;
  const q = report.sites.find((s) => s.id === r.id)?.quarters.find((x) => x.quarter === quarterFromIndex(r.quarter));
  return q ? q.facilityMw : modelValue;
}

function describe(r: Resource, activity: number, limit: number): BindingRow {
  const q = quarterLabel(quarterFromIndex(r.quarter));
  const n = (v: number) => (r.unit === 'MW' || r.unit === 'racks/week' ? formatNumber(v) : formatNumber(v, 0));
  const text = r.sense === 'lower' ? `${r.label}, ${q}: ${n(activity)} of ${n(limit)} ${r.unit} required` : `${r.label}, ${q}: ${n(activity)} of ${n(limit)} ${r.unit}`;
  return { kind: r.kind, id: r.id, quarter: quarterFromIndex(r.quarter), activity, limit, unit: r.unit, sentence: text };
}

function causeOf(d: DemandRow, binding: readonly BindingRow[]): string {
  if (!d.servable) return 'no generation that supplies this metric can be built and in service by then (availability dates, plant capacity dates and lead times)';
  const limits = binding.filter((b) => b.kind !== 'demand' && quarterIndex(b.quarter) <= d.quarter);
  if (!limits.length) return 'the limits up to this quarter leave no room for another unit';
  const last = new Map<string, BindingRow>();
  for (const b of limits) last.set(`${b.kind}:${b.id}`, b);
  return `limits binding up to then: ${[...last.values()].map((b) => b.sentence).join('; ')}`;
}

interface Col {
  lower: number;
  upper: number;
  cost: number;
  readonly integer: boolean;
}

/** A cumulative resource: a stock column S[q] = S[q−1] + Σ coefficient · x (units entering service in q). */
interface Resource {
  readonly kind: RowKind;
  readonly id: string;
  readonly quarter: number;
  readonly unit: string;
  readonly label: string;
  readonly col: number;
  /** Bound as built: the room left after the fixed rows (the column's upper may be tightened later for power). */
  readonly limit: number;
  /** The limit itself (site limit, demand value) and what the fixed rows use of it, for the sentences. */
  readonly fullLimit: number;
  readonly fixed: number;
  readonly sense: 'upper' | 'lower';
  readonly minCoef: number;
}

interface DemandRow {
  readonly index: number;
  readonly quarter: number;
  readonly value: number;
  /** The value less what the fixed rows supply by then. */
  readonly need: number;
  readonly unit: string;
  readonly label: string;
  readonly stockCol: number;
  readonly servable: boolean;
  slackCol: number | null;
}

interface Model {
  readonly vars: Var[];
  readonly cols: Col[];
  readonly rows: Row[];
  readonly resources: Resource[];
  readonly demands: DemandRow[];
  /** Stock column of each site's power by `site|quarter`. */
  readonly powerCols: Map<string, number>;
  /** Minimum order of each unit column (a chosen row is 0 or at least this). */
  readonly least: readonly number[];
}

/** Rows the optimizer keeps as they are: locked rows, and rows the plan's orders build. */
export interface FixedRows {
  readonly deployments: readonly Deployment[];
  /** Racks per week the plan's orders and the fixed rows plants build directly take, by `plant|quarter ordinal`. */
  readonly plantRacksPerWeek: ReadonlyMap<string, number>;
}

/** The fixed rows of a plan, from its evaluation (which plant builds which row, and when). */
export function fixedRows(plan: Plan, report: PlanReport, racksPerUnit: (generation: string) => number): FixedRows {
  const keep = new Set<number>();
  for (const b of report.builds) if (b.locked || b.choice === 'orders') keep.add(b.index);
  const deployments = plan.deployments.filter((_, i) => keep.has(i));
  // Plant load that stays: the plan's orders, and the fixed rows plants build directly (open rows are re-planned).
  const load = new Map<string, number>();
  const add = (plant: string, quarter: string, units: number, racksPerUnit: number) => {
    const key = `${plant}|${quarterIndex(quarter)}`;
    load.set(key, (load.get(key) ?? 0) + (units * racksPerUnit) / WEEKS_PER_QUARTER);
  };
  const racksOf = (g: string) => racksPerUnit(g);
  for (const o of plan.orders ?? []) add(o.plant, o.quarter, o.units, racksOf(o.generation));
  for (const b of report.builds) {
    if (!keep.has(b.index) || b.plant === null || b.buildQuarter === null) continue;
    const d = plan.deployments[b.index]!;
    add(b.plant, b.buildQuarter, d.units, racksOf(d.generation));
  }
  return { deployments, plantRacksPerWeek: load };
}

/**
 * Smallest proposed row of a generation at a site, in units: the plan's `minOrder.sites[site][generation]`, else
 * `minOrder.units[generation]`, else the racks minimum (the plan's `minOrder.racks`, else the catalog's
 * `planDefaults.minOrderRacks`) rounded up to whole units.
 */
export function minOrderUnits(plan: Plan, catalog: Catalog, site: string, generation: string, racksPerUnit: number): number {
  const m = plan.minOrder;
  const own = m?.sites?.[site]?.[generation] ?? m?.units?.[generation];
  if (own !== undefined) return own;
  const racks = m?.racks ?? pickSourced(catalog.prices.planDefaults.minOrderRacks, 'typical');
  return Math.max(1, Math.ceil(racks / Math.max(1, racksPerUnit) - 1e-9));
}

function buildModel(ctx: PlanContext, options: OptimizeOptions, issues: Issue[], fixed: FixedRows): Model {
  const plan = ctx.plan;
  const r = ctx.discountRate;
  const disc = (k: number) => 1 / Math.pow(1 + r, k / 4);
  const gens = [...new Set((options.generations ?? [...plan.deployments.map((d) => d.generation), ...(plan.orders ?? []).map((o) => o.generation)]).map((g) => ctx.generation(g, ['generations'])?.id).filter((g): g is string => !!g))].sort();
  // Fixed rows with resolved ids (unknown ids are the evaluation's issues, not the model's).
  const fixedDeps = fixed.deployments.flatMap((d) => {
    const g = ctx.generation(d.generation, ['deployments']);
    return g && ctx.sites.get(d.site)?.roles.dataCenter ? [{ ...d, generation: g.id, q: quarterIndex(d.quarter) }] : [];
  });
  const dcSites = [...ctx.sites.values()].filter((s) => s.roles.dataCenter);
  const wantedSites = options.sites ?? (plan.deployments.length ? [...new Set(plan.deployments.map((d) => d.site))] : dcSites.map((s) => s.id));
  const sites = dcSites.filter((s) => wantedSites.includes(s.id)).sort((a, b) => a.id.localeCompare(b.id));
  const plants = [...ctx.sites.values()].filter((s) => s.roles.plant).sort((a, b) => a.id.localeCompare(b.id));
  const vars: Var[] = [];
  const cols: Col[] = [];
  const rows: Row[] = [];
  const resources: Resource[] = [];
  const demands: DemandRow[] = [];
  const powerCols = new Map<string, number>();
  const itMaint = ctx.itMaintenanceFraction();

  // Per (site, generation): PUEs at a reference load, per-unit facility MW, and per-unit money.
  interface SG {
    f: UnitFacts;
    peakMwPerUnit: number;
    energyUsdPerQuarter: (k: number) => number;
    facilityUsd: number;
    networkUsd: number;
    heatMwPerUnit: number;
    portsPerUnit: number;
    facilityOpexPerQuarter: number;
    allowed: boolean;
  }
  const sg = new Map<string, SG>();
  // Meter power the site's storage and other IT take (its overrides) at the site's peak PUE: reserved before any unit.
  const reservedMw = new Map<string, number>();
  const modelGens = [...new Set([...gens, ...fixedDeps.map((d) => d.generation)])];
  for (const s of sites) {
    const dc = s.roles.dataCenter!;
    const sctx = ctx.siteContext(s);
    const finalMeter = Math.max(...dc.meterMw.map((st) => pickSourced(st.value, 'typical')));
    const priceOverride = plan.prices?.tariffUsdPerKwh?.[s.id];
    // Energy and capacity per year as evaluatePlan charges them (sites/tariff.ts): the optimizer weighs the same costs.
    const electricityUsd = (mwh: number, year: number) =>
      mwh * 1000 * (priceOverride ?? energyPriceUsdPerKwh(dc.tariff, year)) + (priceOverride === undefined ? capacityCostUsd(capacityPriceUsdPerMwDay(dc.tariff.capacity, year), mwh) : 0);
    const facilityUsdPerMw = plan.prices?.facilityUsdPerMw?.[s.id] ?? pickSourced(dc.costs.facilityCapexUsdPerMw, ctx.priceBasis);
    const fOpex = pickSourced(dc.costs.facilityOpexFractionPerYear, 'typical');
    const floorLimit = siteLimits(dc, ctx.end).floorLimitKgM2;
    for (const g of modelGens) {
      const f = sctx.facts(g);
      const refUnits = Math.max(1, Math.floor((0.5 * finalMeter * 1000) / Math.max(1, f.inputKw * 1.3)));
      const load = siteLoad(sctx, new Map([[g, refUnits]]));
      const peakPue = load.peak.pue ?? 1.3;
      const annualPue = load.annual.pue ?? 1.2;
      reservedMw.set(s.id, Math.max(reservedMw.get(s.id) ?? 0, (load.extraItKw * peakPue) / 1000));
      const fabric = generationFabric(f.generation, refUnits, ctx.fabric, f.systems / Math.max(1, f.racks));
      const networkUsd = (fabric.switches * ctx.switchUsd() + fabric.transceivers * ctx.transceiverUsd()) / refUnits;
      const switchKwPerUnit = fabric.switchKw / refUnits;
      const itKw = f.inputKw + switchKwPerUnit;
      sg.set(`${s.id}|${g}`, {
        f,
        // 1 % margin for the linearization (PUE and fabric power of the real mix differ a little from the reference load).
        peakMwPerUnit: (itKw * peakPue * LINEARIZATION_MARGIN) / 1000,
        energyUsdPerQuarter: (k: number) => electricityUsd((itKw * sctx.utilization * annualPue * 2190) / 1000, Math.floor((ctx.start + k) / 4)),
        facilityUsd: (itKw / 1000) * facilityUsdPerMw,
        networkUsd,
        heatMwPerUnit: load.heatRejectionMw / refUnits,
        portsPerUnit: fabric.endpointPorts / refUnits,
        facilityOpexPerQuarter: ((itKw / 1000) * facilityUsdPerMw * fOpex) / 4,
        allowed: floorLimit === null || f.floorLoadingKgM2 <= floorLimit + 1e-9,
      });
    }
  }

  // Integer unit columns.
  const least: number[] = [];
  for (const g of gens) {
    const f = ctx.facts(g);
    const price = ctx.unitPriceUsd(g);
    for (const p of plants) {
      const role = p.roles.plant!;
      if (!role.generations.includes('*') && !role.generations.includes(g)) continue;
      const lead = Math.ceil(pickSourced(role.leadTimeWeeks, 'typical') / WEEKS_PER_QUARTER);
      for (let b = ctx.start; b + lead <= ctx.end; b++) {
        if (b < f.availableQuarter || stepAt(role.racksPerWeek, b) <= 0) continue;
        for (const s of sites) {
          const m = sg.get(`${s.id}|${g}`)!;
          if (!m.allowed) continue;
          const d = b + lead;
          const kb = b - ctx.start;
          const kd = d - ctx.start;
          let cost = price * disc(kb) + (m.networkUsd + m.facilityUsd) * disc(kd);
          for (let k = kd; k < ctx.quarters; k++) cost += (m.energyUsdPerQuarter(k) + ((price + m.networkUsd) * itMaint) / 4 + m.facilityOpexPerQuarter) * disc(k);
          // Tie-breaker (0.01 %): ship from the plant on the same site when costs are otherwise equal; it also breaks
          // the plant symmetry that slows the branch and bound.
          if (p.id !== s.id) cost *= 1 + 1e-4 * (1 + plants.indexOf(p));
          vars.push({ g, p: p.id, s: s.id, b, d, cost });
          // At most what the plant builds in a quarter and the site ever holds (tight bounds keep the relaxation close).
          const leastHere = minOrderUnits(plan, ctx.catalog, s.id, g, f.racks);
          const byPositions = Math.max(...s.roles.dataCenter!.rackPositions.map((st) => pickSourced(st.value, 'typical'))) / Math.max(1, f.racks);
          const byPlant = (stepAt(role.racksPerWeek, b) * WEEKS_PER_QUARTER) / Math.max(1, f.racks);
          const most = Math.max(leastHere, Math.floor(Math.min(byPositions, byPlant) + 1e-9));
          cols.push({ lower: 0, upper: most, cost: 0, integer: true });
          least.push(leastHere);
        }
      }
    }
  }
  const byDeploy = new Map<number, number[]>();
  vars.forEach((v, i) => {
    const list = byDeploy.get(v.d);
    if (list) list.push(i);
    else byDeploy.set(v.d, [i]);
  });

  /** What the fixed rows in service by quarter q add to a resource, with `coef(site, generation)` per unit. */
  const fixedAt = (q: number, coef: (site: string, g: string) => number): number => {
    let sum = 0;
    for (const d of fixedDeps) if (d.q <= q) sum += d.units * coef(d.site, d.generation);
    return sum;
  };
  /** Add a cumulative resource over the horizon; `coef(var)` is what one unit adds (0: not in this resource). */
  const stock = (kind: RowKind, id: string, unit: string, label: string, coef: (v: Var) => number, bound: (q: number) => { upper?: number; limit?: number; fixed?: number }): Map<number, number> => {
    const out = new Map<number, number>();
    let prev: number | null = null;
    for (let q = ctx.start; q <= ctx.end; q++) {
      const entering = (byDeploy.get(q) ?? []).filter((i) => coef(vars[i]!) > 0);
      if (prev === null && !entering.length) continue;
      const b = bound(q);
      const col = cols.length;
      cols.push({ lower: 0, upper: b.upper ?? INF, cost: 0, integer: false });
      const rc = [col, ...(prev === null ? [] : [prev]), ...entering];
      const rv = [1, ...(prev === null ? [] : [-1]), ...entering.map((i) => -coef(vars[i]!))];
      rows.push({ kind: 'balance', id: `${kind}:${id}`, quarter: q, unit, label, lower: 0, upper: 0, cols: rc, vals: rv });
      const coefs = vars.filter((v) => v.d <= q && coef(v) > 0).map(coef);
      const minCoef = coefs.length ? Math.min(...coefs) : 1;
      if (b.upper !== undefined) resources.push({ kind, id, quarter: q, unit, label, col, limit: b.upper, fullLimit: b.limit ?? b.upper, fixed: b.fixed ?? 0, sense: 'upper', minCoef });
      out.set(q, col);
      prev = col;
    }
    return out;
  };

  for (const s of sites) {
    const dc = s.roles.dataCenter!;
    const m = (v: Var) => (v.s === s.id ? sg.get(`${s.id}|${v.g}`)! : null);
    // The fixed rows at this site use up each limit first (room left never below 0: their own excess is the evaluation's issue).
    const left = (limit: number, q: number, per: (x: SG) => number) => {
      const fixedUse = fixedAt(q, (site, g) => (site === s.id ? per(sg.get(`${s.id}|${g}`)!) : 0));
      return { upper: Math.max(0, limit - fixedUse), limit, fixed: fixedUse };
    };
    const power = stock('power', s.id, 'MW', `${shortName(s)} power`, (v) => m(v)?.peakMwPerUnit ?? 0, (q) => left(siteLimits(dc, q).meterMw - (reservedMw.get(s.id) ?? 0), q, (x) => x.peakMwPerUnit));
    for (const [q, col] of power) powerCols.set(`${s.id}|${q}`, col);
    stock('positions', s.id, 'racks', `${shortName(s)} rack positions`, (v) => (m(v) ? m(v)!.f.racks : 0), (q) => left(siteLimits(dc, q).positions, q, (x) => x.f.racks));
    if (dc.heatRejectionMw.length) stock('cooling', s.id, 'MW', `${shortName(s)} heat rejection`, (v) => m(v)?.heatMwPerUnit ?? 0, (q) => left(siteLimits(dc, q).heatRejectionMw ?? INF, q, (x) => x.heatMwPerUnit));
    if (dc.switchPorts.length) stock('switchPorts', s.id, 'ports', `${shortName(s)} fabric ports`, (v) => m(v)?.portsPerUnit ?? 0, (q) => left(siteLimits(dc, q).switchPorts ?? INF, q, (x) => x.portsPerUnit));
  }

  // Demand: one stock per metric; each demand entry bounds its quarter from below.
  const metricStocks = new Map<string, Map<number, number>>();
  (plan.demand ?? []).forEach((dm, i) => {
    const q = quarterIndex(dm.quarter);
    if (q < ctx.start || q > ctx.end) return;
    const key = `${dm.metric}|${dm.precision ?? 'fp8'}`;
    const label = dm.metric === 'pflops' ? precisionUnit(dm.precision ?? 'fp8') : dm.metric === 'itMw' ? 'MW IT' : dm.metric === 'hbmTb' ? 'TB HBM' : dm.metric === 'hbmTbPerS' ? 'TB/s HBM' : 'accelerators';
    let st = metricStocks.get(key);
    if (!st) {
      st = stock('demand', key, label, 'Demand', (v) => unitMetric(ctx.facts(v.g), dm.metric, dm.precision ?? 'fp8') ?? 0, () => ({}));
      metricStocks.set(key, st);
    }
    let col: number | undefined;
    for (let k = q; k >= ctx.start && col === undefined; k--) col = st.get(k);
    if (col === undefined) {
      const c = cols.length;
      cols.push({ lower: 0, upper: 0, cost: 0, integer: false });
      col = c;
    }
    const servable = st.size > 0 && [...st.keys()].some((k) => k <= q);
    // What the fixed rows already supply by then is not the model's to provide.
    const need = Math.max(0, dm.value - fixedAt(q, (_s, g) => unitMetric(ctx.facts(g), dm.metric, dm.precision ?? 'fp8') ?? 0));
    const row: Row = { kind: 'demand', id: `demand[${i}]`, quarter: q, unit: label, label: 'Demand', lower: need, upper: INF, cols: [col], vals: [1] };
    rows.push(row);
    demands.push({ index: i, quarter: q, value: dm.value, need, unit: label, label, stockCol: col, servable, slackCol: null });
    const coefs = vars.filter((v) => v.d <= q).map((v) => unitMetric(ctx.facts(v.g), dm.metric, dm.precision ?? 'fp8') ?? 0).filter((x) => x > 0);
    resources.push({ kind: 'demand', id: `demand[${i}]`, quarter: q, unit: label, label: 'Demand', col, limit: need, fullLimit: dm.value, fixed: dm.value - need, sense: 'lower', minCoef: coefs.length ? Math.min(...coefs) : 1 });
  });

  // Plant capacity per build quarter.
  for (const p of plants) {
    const role = p.roles.plant!;
    for (let b = ctx.start; b <= ctx.end; b++) {
      const cs = vars.flatMap((v, i) => (v.p === p.id && v.b === b ? [i] : []));
      if (!cs.length) continue;
      const taken = fixed.plantRacksPerWeek.get(`${p.id}|${b}`) ?? 0;
      rows.push({ kind: 'plantCapacity', id: p.id, quarter: b, unit: 'racks/week', label: `${shortName(p)} plant`, lower: -INF, upper: Math.max(0, stepAt(role.racksPerWeek, b) - taken), cols: cs, vals: cs.map((c) => ctx.facts(vars[c]!.g).racks / WEEKS_PER_QUARTER) });
    }
  }
  if (!gens.length) issues.push(issue('optimizer_no_generations', 'error', ['deployments'], 'the plan names no generation for the optimizer to choose from'));
  return { vars, cols, rows, resources, demands, powerCols, least };
}

function shortName(s: Site): string {
  return s.name.split(/[,(]/)[0]!.trim();
}

interface Run {
  readonly status: 'optimal' | 'time-limit' | 'infeasible' | 'error';
  readonly raw: string;
  readonly x: Float64Array | number[] | null;
  readonly gap: number | null;
}

function solve(highs: Highs, model: Model, objective: Objective, withSlack: boolean, options: OptimizeOptions): Run {
  const { vars, rows } = model;
  const nVar = vars.length;
  const base = model.cols.length;
  const slackRows = withSlack ? rows.map((r, i) => (r.kind === 'demand' ? i : -1)).filter((i) => i >= 0) : [];
  const numCols = base + slackRows.length;
  const maxCost = Math.max(1, ...vars.map((v) => v.cost));
  const firstD = Math.min(...vars.map((v) => v.d));
  const colCost = new Float64Array(numCols);
  for (let i = 0; i < nVar; i++) {
    const v = vars[i]!;
    colCost[i] = objective === 'npv' ? v.cost / 1e6 : v.d - firstD + 1 + (v.cost / maxCost) * 1e-3;
  }
  // Penalty per unit of unmet demand: far above what any unit costs per unit of the metric it supplies.
  slackRows.forEach((ri, k) => {
    const d = model.demands.find((x) => x.index === Number(rows[ri]!.id.slice(7, -1)))!;
    d.slackCol = base + k;
    const res = model.resources.find((x) => x.kind === 'demand' && x.id === rows[ri]!.id)!;
    colCost[base + k] = ((objective === 'npv' ? maxCost / 1e6 : nVar * 28) * 100) / Math.max(1e-9, res.minCoef);
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((r, i) => {
    r.cols.forEach((c, k) => {
      indices.push(c);
      values.push(r.vals[k]!);
    });
    const sk = slackRows.indexOf(i);
    if (sk >= 0) {
      indices.push(base + sk);
      values.push(1);
    }
    starts.push(indices.length);
  });
  const inf = highs.infinity;
  const fin = (v: number) => (v === INF ? inf : v === -INF ? -inf : v);
  const m = highs.createModel({
    numCols,
    numRows: rows.length,
    colCost,
    colLower: Array.from({ length: numCols }, (_, i) => (i < base ? fin(model.cols[i]!.lower) : 0)),
    colUpper: Array.from({ length: numCols }, (_, i) => (i < base ? fin(model.cols[i]!.upper) : inf)),
    rowLower: rows.map((r) => fin(r.lower)),
    rowUpper: rows.map((r) => fin(r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality: Array.from({ length: numCols }, (_, i) => (i < base && model.cols[i]!.integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
  });
  try {
    m.options.set({ output_flag: false, mip_rel_gap: options.mipRelGap ?? 0.005, time_limit: options.timeLimitS ?? 10 });
    m.run();
    const st = m.getModelStatus();
    const S = highs.constants.modelStatus;
    let gap: number | null = null;
    try {
      const g = m.info.get('mip_gap');
      gap = typeof g === 'number' && Number.isFinite(g) ? g : null;
    } catch {
      gap = null;
    }
    if (st === S.optimal) return { status: 'optimal', raw: 'optimal', x: m.getSolution().colValue, gap };
    if (st === S.timeLimit) {
      const sol = m.getSolution().colValue;
      const ok = sol && sol.length === numCols && gap !== null;
      return { status: 'time-limit', raw: 'time limit', x: ok ? sol : null, gap };
    }
    if (st === S.infeasible || st === S.unboundedOrInfeasible) return { status: 'infeasible', raw: 'infeasible', x: null, gap: null };
    return { status: 'error', raw: String(st), x: null, gap: null };
  } finally {
    m.dispose();
  }
}

/**
 * The proposal as a plan: the plan's orders and fixed rows exactly as they were (same objects, same order), then one
 * open row per chosen (generation, plant, site, build quarter), naming its plant.
 */
function toPlan(ctx: PlanContext, fixed: FixedRows, vars: readonly Var[], x: readonly number[]): Plan {
  const rows = new Map<string, Deployment>();
  vars.forEach((v, i) => {
    const n = x[i]!;
    if (n <= 0) return;
    const dq = quarterFromIndex(v.d);
    const key = `${v.s}|${v.g}|${dq}|${v.p}`;
    rows.set(key, { site: v.s, generation: v.g, quarter: dq, units: (rows.get(key)?.units ?? 0) + n, plant: v.p });
  });
  return { ...ctx.plan, deployments: [...fixed.deployments, ...rows.values()] };
}

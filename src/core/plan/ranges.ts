/**
 * How sure a plan's totals are, and which inputs move them: `planRanges(plan, catalog, sites)`.
 *
 * Method (stated in every result's `method`):
 * - **Inputs.** Every catalog value the plan's totals rest on that is not the user's own: each deployed
 *   generation's unit power (all its components together) and unit price, the switch and transceiver prices, IT
 *   maintenance, the default utilization, and per deployed site the tariff, its escalation, grid carbon, facility
 *   build cost per MW and upkeep, the cooling auxiliaries, heat-rejection approach, air supply temperature, chiller
 *   efficiency and fixed overhead. A value the plan overrides (`prices`, `utilization`…) is the user's and is not
 *   sampled.
 * - **Spread of one input.** A ranged catalog value spans its `min`…`max`. A point value is widened by its
 *   confidence class: published ±0 % (not sampled), secondary ±5 %, derived ±10 %, estimate ±25 %
 *   ({@link CONFIDENCE_WIDENING}); absolute temperatures (°C) are never widened, only taken from a stated range.
 *   Unit power spans what the per-unit engine gives at basis `min` and `max`, as a multiplier on every component's
 *   power; a generation whose power has no range is widened by the class of its largest component.
 *   Each input is drawn from a triangular distribution between its low and high with its mode at the value the
 *   plan uses (power at the plan's basis, `max` by default; prices at the price basis; site values at typical).
 * - **One at a time (the tornado).** The full plan engine (`evaluatePlan`) runs with each input at its low and at its
 *   high, everything else at the plan's values. The swing is |total at high − total at low|; the ten largest swings of
 *   NPV TCO and of peak facility MW are the tornado.
 * - **Bands.** Latin-hypercube sampling (`samples`, default 500, seeded: the same seed gives the same bands) over
 *   all inputs; each sample's total is the plan's value plus each input's one-at-a-time effect interpolated
 *   linearly between the plan's value and the input's low or high (a first-order, additive response: interactions
 *   between inputs, such as tariff × power, are left out). Low and high are the 5th and 95th percentiles, widened to
 *   include the plan's own figure where it sits at a range end (power sized at `max`).
 * Cost: two engine runs per input (one for a price or carbon rate, which every total is affine in) plus arithmetic
 * per sample, so the sample count is nearly free.
 * @module
 */
import type { Catalog, ComponentClass, Generation } from '../catalog/types';
import { findGeneration } from '../catalog/lookup';
import { evaluateUnit } from '../rack/evaluate';
import { isMissing, isRange, pick, pickSourced, type Basis, type Confidence, type MaybeSourced, type Sourced } from '../provenance';
import type { Site } from '../sites/types';
import { settingsContext } from './context';
import { evaluatePlan } from './evaluate';
import type { Plan, PlanReport } from './types';

/** How far a point value is widened, by confidence class, as a fraction of the value (each side). */
/** A `user` value (from the user's own generation) is their stated assumption: taken as given, not widened. */
export const CONFIDENCE_WIDENING: Readonly<Record<Confidence, number>> = { published: 0, secondary: 0.05, derived: 0.1, estimate: 0.25, user: 0 };

export const DEFAULT_RANGE_SAMPLES = 500;
export const DEFAULT_RANGE_SEED = 1;
const LOW_PERCENTILE = 5;
const HIGH_PERCENTILE = 95;

/** The plan totals that carry a band. */
export const RANGED_TOTALS = ['capexUsd', 'npvTcoUsd', 'tcoUsd', 'peakFacilityMw', 'horizonEnergyMwh', 'horizonCo2Tonnes'] as const;
export type RangedTotal = (typeof RANGED_TOTALS)[number];
/** The totals the tornado ranks inputs by. */
export const TORNADO_TOTALS = ['npvTcoUsd', 'peakFacilityMw'] as const satisfies readonly RangedTotal[];
export type TornadoTotal = (typeof TORNADO_TOTALS)[number];

export const RANGED_TOTAL_UNITS: Readonly<Record<RangedTotal, string>> = {
  capexUsd: 'USD',
  npvTcoUsd: 'USD',
  tcoUsd: 'USD',
  peakFacilityMw: 'MW',
  horizonEnergyMwh: 'MWh',
  horizonCo2Tonnes: 't CO2',
};

export interface Band {
  readonly low: number;
  /** The plan's own figure (what every other surface shows). */
  readonly typical: number;
  readonly high: number;
}

/** One sampled input: its spread and where it comes from. */
export interface RangedInput {
  /** Stable id, e.g. `power:gb300-nvl72`, `unitUsd:gb300-nvl72`, `site:houston-tx:tariff.priceUsdPerKwh`. */
  readonly id: string;
  /** What a person calls it, e.g. "NVIDIA GB300 NVL72 unit power". */
  readonly label: string;
  /** The catalog path of the value. */
  readonly path: string;
  readonly unit: string;
  readonly confidence: Confidence;
  /** `range`: the catalog's min…max; `confidence`: a point value widened by its class. */
  readonly spread: 'range' | 'confidence';
  readonly low: number;
  /** The value the plan uses (the distribution's mode). */
  readonly value: number;
  readonly high: number;
  /** Every ranged total with this input at its low and at its high (everything else at the plan's values). */
  readonly totalsAtLow: Readonly<Record<RangedTotal, number>>;
  readonly totalsAtHigh: Readonly<Record<RangedTotal, number>>;
}

/** One bar of the tornado: an input at its low and high, everything else at the plan's values. */
export interface SensitivityRow {
  readonly total: TornadoTotal;
  readonly rank: number;
  readonly input: string;
  readonly label: string;
  readonly path: string;
  readonly unit: string;
  readonly confidence: Confidence;
  readonly inputLow: number;
  readonly inputValue: number;
  readonly inputHigh: number;
  /** The total with the input at its low, and at its high. */
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh − atLow|. */
  readonly swing: number;
}

export interface PlanRanges {
  readonly method: {
    readonly sampling: 'latin-hypercube';
    readonly samples: number;
    readonly seed: number;
    readonly lowPercentile: number;
    readonly highPercentile: number;
    readonly distribution: 'triangular, mode at the value the plan uses';
    readonly response: 'first-order: one-at-a-time engine runs, interpolated and summed';
    readonly widening: Readonly<Record<Confidence, number>>;
    readonly engineRuns: number;
  };
  readonly totals: Readonly<Record<RangedTotal, Band>>;
  readonly inputs: readonly RangedInput[];
  /** The ten largest swings of NPV TCO, then of peak facility MW. */
  readonly sensitivity: readonly SensitivityRow[];
}

export interface RangeOptions {
  readonly samples?: number;
  readonly seed?: number;
  /** The plan's own report, when the caller has it (saves one engine run). */
  readonly report?: PlanReport;
}

/** Highest total facility power over the horizon: per quarter the sites' facility MW summed, the largest quarter. */
export function peakFacilityMw(report: PlanReport): number {
  const byQuarter = new Map<string, number>();
  for (const s of report.sites) for (const q of s.quarters) byQuarter.set(q.quarter, (byQuarter.get(q.quarter) ?? 0) + q.facilityMw);
  let peak = 0;
  for (const v of byQuarter.values()) peak = Math.max(peak, v);
  return peak;
}

/** The ranged totals of one plan report. */
export function rangedTotals(report: PlanReport): Record<RangedTotal, number> {
  const t = report.totals;
  return { capexUsd: t.capexUsd, npvTcoUsd: t.npvTcoUsd, tcoUsd: t.tcoUsd, peakFacilityMw: peakFacilityMw(report), horizonEnergyMwh: t.horizonEnergyMwh, horizonCo2Tonnes: t.horizonCo2Tonnes };
}

/** What `evaluatePlan` takes. */
export interface EngineInputs {
  readonly plan: Plan;
  readonly catalog: Catalog;
  readonly sites: readonly Site[];
}

/** An input with the way to put a value of it into the engine. */
interface Lever extends Omit<RangedInput, 'totalsAtLow' | 'totalsAtHigh'> {
  /** The engine's inputs with this input set to `value`, starting from `from` (so several can be set at once). */
  readonly apply: (from: EngineInputs, value: number) => EngineInputs;
  /** Every total is affine in this input (a price or a carbon rate: no physics changes), so one engine run gives both sides. */
  readonly affine: boolean;
}

/** Bands for every plan total and the tornado of the inputs that move NPV TCO and peak facility MW most. */
export function planRanges(plan: Plan, catalog: Catalog, sites: readonly Site[], opts: RangeOptions = {}): PlanRanges {
  const samples = Math.max(2, Math.floor(opts.samples ?? DEFAULT_RANGE_SAMPLES));
  const seed = Math.floor(opts.seed ?? DEFAULT_RANGE_SEED);
  const report = opts.report ?? evaluatePlan(plan, catalog, sites);
  const base = rangedTotals(report);
  const levers = rangeInputs(plan, catalog, sites, report);

  // One at a time, through the full engine.
  let engineRuns = opts.report ? 0 : 1;
  const at = (lever: Lever, v: number): Record<RangedTotal, number> => {
    if (v === lever.value) return base;
    engineRuns++;
    const x = lever.apply({ plan, catalog, sites }, v);
    return rangedTotals(evaluatePlan(x.plan, x.catalog, x.sites));
  };
  const effects = levers.map((lever) => {
    if (!lever.affine) return { lever, low: at(lever, lever.low), high: at(lever, lever.high) };
    // Affine: run the engine at the farther end and extend the same slope to the nearer one.
    const far = lever.high - lever.value >= lever.value - lever.low ? lever.high : lever.low;
    const farTotals = at(lever, far);
    const slope = (k: RangedTotal) => (farTotals[k] - base[k]) / (far - lever.value);
    const side = (v: number) => Object.fromEntries(RANGED_TOTALS.map((k) => [k, base[k] + slope(k) * (v - lever.value)])) as Record<RangedTotal, number>;
    return { lever, low: far === lever.low ? farTotals : side(lever.low), high: far === lever.high ? farTotals : side(lever.high) };
  });

  // Latin hypercube: per input a shuffled stratum per sample, a uniform draw inside it, then the triangular quantile.
  const random = mulberry32(seed);
  const values: Record<RangedTotal, Float64Array> = Object.fromEntries(RANGED_TOTALS.map((k) => [k, new Float64Array(samples).fill(base[k])])) as Record<RangedTotal, Float64Array>;
  const strata = new Uint32Array(samples);
  for (const { lever, low, high } of effects) {
    for (let i = 0; i < samples; i++) strata[i] = i;
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = strata[i]!;
      strata[i] = strata[j]!;
      strata[j] = t;
    }
    for (let i = 0; i < samples; i++) {
      const u = (strata[i]! + random()) / samples;
      const x = triangularQuantile(u, lever.low, lever.value, lever.high);
      // Share of the way from the plan's value to the low (negative side) or the high.
      const towardLow = x < lever.value && lever.value > lever.low ? (lever.value - x) / (lever.value - lever.low) : 0;
      const towardHigh = x > lever.value && lever.high > lever.value ? (x - lever.value) / (lever.high - lever.value) : 0;
      for (const k of RANGED_TOTALS) values[k][i]! += towardLow * (low[k] - base[k]) + towardHigh * (high[k] - base[k]);
    }
  }
  const totals = Object.fromEntries(
    RANGED_TOTALS.map((k) => {
      const sorted = values[k].sort();
      return [k, { low: Math.min(percentile(sorted, LOW_PERCENTILE), base[k]), typical: base[k], high: Math.max(percentile(sorted, HIGH_PERCENTILE), base[k]) }];
    }),
  ) as Record<RangedTotal, Band>;

  const sensitivity: SensitivityRow[] = [];
  for (const total of TORNADO_TOTALS) {
    const rows = effects
      .map(({ lever, low, high }) => ({ lever, atLow: low[total], atHigh: high[total], swing: Math.abs(high[total] - low[total]) }))
      .filter((r) => r.swing > Math.abs(base[total]) * 1e-12)
      .sort((a, b) => b.swing - a.swing || a.lever.id.localeCompare(b.lever.id))
      .slice(0, 10);
    rows.forEach((r, i) =>
      sensitivity.push({ total, rank: i + 1, input: r.lever.id, label: r.lever.label, path: r.lever.path, unit: r.lever.unit, confidence: r.lever.confidence, inputLow: r.lever.low, inputValue: r.lever.value, inputHigh: r.lever.high, atLow: r.atLow, atHigh: r.atHigh, swing: r.swing }),
    );
  }

  return {
    method: {
      sampling: 'latin-hypercube',
      samples,
      seed,
      lowPercentile: LOW_PERCENTILE,
      highPercentile: HIGH_PERCENTILE,
      distribution: 'triangular, mode at the value the plan uses',
      response: 'first-order: one-at-a-time engine runs, interpolated and summed',
      widening: CONFIDENCE_WIDENING,
      engineRuns,
    },
    totals,
    inputs: effects.map(({ lever: { apply: _apply, affine: _affine, ...input }, low, high }) => ({ ...input, totalsAtLow: low, totalsAtHigh: high })),
    sensitivity,
  };
}

/**
 * The engine's inputs with several ranged inputs set at once (`pick` gives each input's value, e.g. its low): to check
 * the first-order response against a joint run of the engine.
 */
export function engineInputsAt(plan: Plan, catalog: Catalog, sites: readonly Site[], pick: (input: Omit<RangedInput, 'totalsAtLow' | 'totalsAtHigh'>) => number, report: PlanReport = evaluatePlan(plan, catalog, sites)): EngineInputs {
  let st: EngineInputs = { plan, catalog, sites };
  for (const lever of rangeInputs(plan, catalog, sites, report)) st = lever.apply(st, pick(lever));
  return st;
}

/** The inputs of a plan that carry a spread (see the module comment), each with how to set it in the engine. */
function rangeInputs(plan: Plan, catalog: Catalog, sites: readonly Site[], report: PlanReport): Lever[] {
  const out: Lever[] = [];
  const ctx = settingsContext(plan, catalog, sites);
  const deployedGenerations = [...new Set(report.units.map((u) => u.generation))];
  const pricedGenerations = [...new Set([...deployedGenerations, ...(plan.orders ?? []).map((o) => findGeneration(catalog, o.generation)?.generation.id).filter((g): g is string => !!g)])];

  // Unit power per generation: a multiplier on every component's power, spanning the engine's basis min…max.
  for (const id of deployedGenerations) {
    const g = findGeneration(catalog, id)?.generation;
    if (!g) continue;
    const own = { basis: ctx.basis, ...(plan.unitOptions?.[id] ?? {}) };
    const kw = (basis: Basis) => evaluateUnit(g, { ...own, basis }, catalog).power.inputKw;
    const atPlan = kw(own.basis);
    if (!(atPlan > 0)) continue;
    let low = kw('min') / atPlan;
    let high = kw('max') / atPlan;
    const confidence = dominantPowerConfidence(g);
    let spread: RangedInput['spread'] = 'range';
    if (Math.abs(high - low) < 1e-9) {
      spread = 'confidence';
      low = 1 - CONFIDENCE_WIDENING[confidence];
      high = 1 + CONFIDENCE_WIDENING[confidence];
    }
    if (Math.abs(high - low) < 1e-9) continue;
    out.push({
      id: `power:${id}`,
      label: `${shortName(g.name)} unit power`,
      path: `generations.${id}.components.*.maxPowerW`,
      unit: '× plan power',
      confidence,
      spread,
      low: Math.min(low, 1),
      value: 1,
      high: Math.max(high, 1),
      apply: (st, m) => ({ ...st, catalog: Object.freeze({ ...st.catalog, generations: st.catalog.generations.map((x) => (x.id === id ? Object.freeze(scaleGenerationPower(x, m)) : x)) }) }),
      affine: false,
    });
  }

  // Unit prices (unless the plan sets them).
  for (const id of pricedGenerations) {
    if (plan.prices?.unitUsd?.[id] !== undefined || !Object.hasOwn(catalog.prices.unitPrices, id)) continue;
    const p = catalog.prices.unitPrices[id]!;
    const perUnit = ctx.unitPriceUsd(id);
    const picked = pickSourced(p.usd, ctx.priceBasis);
    const factor = picked > 0 ? perUnit / picked : 0;
    const name = shortName(findGeneration(catalog, id)?.generation.name ?? id);
    pushSourced(out, `unitUsd:${id}`, `${name} unit price`, `prices.unitPrices.${id}.usd`, p.usd, ctx.priceBasis, factor, (st, v) => ({ ...st, plan: { ...st.plan, prices: { ...st.plan.prices, unitUsd: { ...st.plan.prices?.unitUsd, [id]: v } } } }), AFFINE);
  }

  // Network prices, only when the plan has a fabric.
  if (report.totals.networkCapexUsd > 0) {
    const net = catalog.prices.networkPrices;
    if (plan.prices?.switchUsd === undefined) pushSourced(out, 'switchUsd', 'Scale-out switch price', 'prices.networkPrices.switchUsd', net.switchUsd, ctx.priceBasis, 1, (st, v) => ({ ...st, plan: { ...st.plan, prices: { ...st.plan.prices, switchUsd: v } } }), AFFINE);
    if (plan.prices?.transceiverUsd === undefined) pushSourced(out, 'transceiverUsd', 'Transceiver price', 'prices.networkPrices.transceiverUsd', net.transceiverUsd, ctx.priceBasis, 1, (st, v) => ({ ...st, plan: { ...st.plan, prices: { ...st.plan.prices, transceiverUsd: v } } }), AFFINE);
  }
  const cf = catalog.prices.costFactors;
  pushSourced(out, 'itMaintenance', 'IT maintenance per year', 'prices.costFactors.itMaintenanceFractionPerYear', cf.itMaintenanceFractionPerYear, 'typical', 1, (st, v) =>
    ({ ...st, catalog: { ...st.catalog, prices: { ...st.catalog.prices, costFactors: { ...st.catalog.prices.costFactors, itMaintenanceFractionPerYear: pointLike(cf.itMaintenanceFractionPerYear, v) } } } }),
    AFFINE,
  );
  if (plan.utilization === undefined) {
    pushSourced(out, 'utilization', 'Utilization (average IT draw ÷ design IT)', 'prices.planDefaults.utilization', catalog.prices.planDefaults.utilization, 'typical', 1, (st, v) => ({ ...st, plan: { ...st.plan, utilization: v } }));
  }

  // Per deployed site: the values its energy, carbon, PUE and facility cost rest on.
  const resolved = new Map<string, Site>();
  for (const s of sites) resolved.set(s.id, s);
  for (const s of plan.sites ?? []) resolved.set(s.id, s);
  for (const siteReport of report.sites) {
    const site = resolved.get(siteReport.id);
    const dc = site?.roles.dataCenter;
    if (!site || !dc) continue;
    for (const field of SITE_FIELDS) {
      if (field.path[0] === 'tariff' && plan.prices?.tariffUsdPerKwh?.[site.id] !== undefined) continue;
      if (field.path[0] === 'costs' && field.path[1] === 'facilityCapexUsdPerMw' && plan.prices?.facilityUsdPerMw?.[site.id] !== undefined) continue;
      const q = valueAtPath(dc, field.path);
      if (!q || isMissing(q)) continue;
      const basis: Basis = field.path[1] === 'facilityCapexUsdPerMw' ? ctx.priceBasis : 'typical';
      const apply = (st: EngineInputs, v: number): EngineInputs => {
        // The site as `st` has it (another input may have changed it already), else as resolved above.
        const current = st.plan.sites?.find((x) => x.id === site.id) ?? site;
        const changed: Site = { ...current, roles: { ...current.roles, dataCenter: withValueAtPath(current.roles.dataCenter!, field.path, v) } };
        return { ...st, plan: { ...st.plan, sites: [...(st.plan.sites ?? []).filter((x) => x.id !== site.id), changed] } };
      };
      pushSourced(out, `site:${site.id}:${field.path.join('.')}`, `${shortName(site.name)}: ${field.label}`, `sites.${site.id}.${field.path.join('.')}`, q, basis, 1, apply, { absolute: field.absolute, affine: field.affine });
    }
  }
  return out;
}

/** Site values that reach a plan total, with what people call them. `absolute`: a temperature, never widened. */
const SITE_FIELDS: readonly { readonly path: readonly string[]; readonly label: string; readonly absolute?: boolean; readonly affine?: boolean }[] = [
  { path: ['tariff', 'priceUsdPerKwh'], label: 'electricity tariff', affine: true },
  { path: ['tariff', 'escalationPerYear'], label: 'tariff escalation per year' },
  { path: ['grid', 'co2KgPerMwh'], label: 'grid carbon intensity', affine: true },
  { path: ['costs', 'facilityCapexUsdPerMw'], label: 'facility build cost per MW', affine: true },
  { path: ['costs', 'facilityOpexFractionPerYear'], label: 'facility upkeep per year', affine: true },
  { path: ['fixedOverheadFraction'], label: 'fixed facility overhead' },
  { path: ['cooling', 'liquidAuxKwPerKw'], label: 'liquid-loop pumps and CDUs per kW' },
  { path: ['cooling', 'airAuxKwPerKw'], label: 'air handlers per kW' },
  { path: ['cooling', 'rejectionAuxKwPerKw'], label: 'heat-rejection fans and pumps per kW' },
  { path: ['cooling', 'rejectionApproachK'], label: 'heat-rejection approach' },
  { path: ['cooling', 'airSupplyC'], label: 'air supply temperature', absolute: true },
  { path: ['cooling', 'chiller', 'carnotFraction'], label: 'chiller share of Carnot efficiency' },
  { path: ['cooling', 'chiller', 'copMax'], label: 'chiller COP cap' },
];

const AFFINE = { affine: true } as const;

/** Add a sourced value as an input if it has a spread: its range, or its confidence class around a point. */
function pushSourced(out: Lever[], id: string, label: string, path: string, q: Sourced, basis: Basis, factor: number, apply: Lever['apply'], kind: { absolute?: boolean; affine?: boolean } = {}): void {
  const value = pickSourced(q, basis) * factor;
  let low: number;
  let high: number;
  let spread: RangedInput['spread'];
  if (isRange(q) && q.max > q.min) {
    low = q.min * factor;
    high = q.max * factor;
    spread = 'range';
  } else {
    if (kind.absolute) return;
    const w = CONFIDENCE_WIDENING[q.confidence];
    low = value * (1 - w);
    high = value * (1 + w);
    spread = 'confidence';
  }
  [low, high] = [Math.min(low, high, value), Math.max(low, high, value)];
  if (!(high > low) || !Number.isFinite(low) || !Number.isFinite(high)) return;
  out.push({ id, label, path, unit: q.unit, confidence: q.confidence, spread, low, value, high, apply, affine: kind.affine ?? false });
}

/** The point value `v` in place of a sourced quantity (keeping its unit and provenance). */
function pointLike(q: Sourced, v: number): Sourced {
  return { unit: q.unit, sources: q.sources, confidence: q.confidence, value: v };
}

function valueAtPath(root: unknown, path: readonly string[]): Sourced | undefined {
  let cur: unknown = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur !== null && typeof cur === 'object' && 'unit' in cur && ('value' in cur || 'typical' in cur) ? (cur as Sourced) : undefined;
}

function withValueAtPath<T>(root: T, path: readonly string[], v: number): T {
  const [head, ...rest] = path;
  const obj = root as Record<string, unknown>;
  if (rest.length === 0) return { ...obj, [head!]: pointLike(obj[head!] as Sourced, v) } as T;
  return { ...obj, [head!]: withValueAtPath(obj[head!], rest, v) } as T;
}

/** The generation with every component's maximum and typical power multiplied by `m`. */
export function scaleGenerationPower(g: Generation, m: number): Generation {
  const scale = (q: MaybeSourced): MaybeSourced => (isMissing(q) ? q : isRange(q) ? { ...q, min: q.min * m, typical: q.typical * m, max: q.max * m } : { ...q, value: q.value * m });
  return { ...g, components: g.components.map((c): ComponentClass => ({ ...c, maxPowerW: scale(c.maxPowerW), typicalPowerW: scale(c.typicalPowerW) })) };
}

/** Confidence of the component class that draws the most power (count × max power). */
function dominantPowerConfidence(g: Generation): Confidence {
  let best: { w: number; c: Confidence } = { w: -1, c: 'estimate' };
  for (const c of g.components) {
    if (isMissing(c.maxPowerW)) continue;
    const w = c.count * (pick(c.maxPowerW, 'max') ?? 0);
    if (w > best.w) best = { w, c: c.maxPowerW.confidence };
  }
  return best.c;
}

/** A catalog name without its parenthesized detail ("Houston, Texas (Foxconn …)" → "Houston, Texas"). */
function shortName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}

/** Inverse CDF of the triangular distribution (a, mode c, b) at u ∈ (0, 1). */
export function triangularQuantile(u: number, a: number, c: number, b: number): number {
  if (!(b > a)) return c;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** Linear-interpolated percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  const x = (p / 100) * (sorted.length - 1);
  const i = Math.floor(x);
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i]! + (sorted[j]! - sorted[i]!) * (x - i);
}

/** mulberry32: a small seeded generator (the same seed gives the same sequence on every platform). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

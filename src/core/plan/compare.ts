/**
 * Accelerator comparison: one target (PFLOPS at a precision: dense, 2:4 sparse, FP32 or FP64; accelerators, HBM TB, HBM TB/s, IT MW, facility
 * MW or a capex budget) at one data-center site, GPU vs Trainium vs Inferentia generations side by side, with a
 * one-line verdict.
 *
 * Sizing: a capacity target (PFLOPS, accelerators, HBM) is met: units = ⌈target ÷ per-unit supply⌉, and any overshoot
 * is the rounding to whole units (stated in `sizing`). A limit target is never exceeded: IT MW sizes the units' own
 * input to at most the target, units = ⌊target ÷ unit input⌋, with the scale-out network's switches stated apart
 * (`sizing.networkItMw`); facility MW (at peak PUE, network included) and budget (capex) take the most whole units
 * whose figure stays within the target. Everything else is the site model for that many units: IT and facility MW
 * (peak PUE), annual PUE, coolant, fabric switches and optics, scale-up cables, capex (units + fabric + facility
 * $/MW), annual energy (IT × utilization × PUE × 8,760 h) at the site tariff, tCO2 at the grid rate,
 * perf/W = PFLOPS ÷ IT MW, perf/$ = PFLOPS ÷ capex (M USD), $ per PFLOP-hour =
 * (capex ÷ amortization years + annual energy + maintenance) ÷ (PFLOPS × 8,760 × utilization),
 * rounding waste = (units × per-unit − target) ÷ (units × per-unit).
 * A generation without the target's precision (or metric) is `supported: false` with null values (its issue says
 * whether the chip lacks the format or the figure is not published), never a
 * division by zero; a unit whose power is unknown gets null perf/W.
 * @module
 */
import type { Catalog } from '../catalog/types';
import { formatNumber } from '../format';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced, type Assumption } from '../provenance';
import type { Site } from '../sites/types';
import type { UnitOptions } from '../rack/types';
import { settingsContext } from './context';
import { finalQuarter, meterFraction } from './evaluate-site';
import { quarterFromIndex, stepAt } from '../sites/schedule';
import { capacityCostUsd, capacityPriceUsdPerMwDay, energyPriceUsdPerKwh } from '../sites/tariff';
import { unitMetric } from './facts';
import { missingPrecisionReason, PRECISION_LABEL, precisionUnit } from './precision';
import { gpm, siteLoad } from './site-load';
import { overriddenFigures } from './overrides';
import type { DemandMetric, FabricEstimate, Precision, SiteOverride, SiteOverrides } from './types';

export interface CompareTarget {
  readonly metric: DemandMetric | 'facilityMw' | 'budgetUsd';
  /** Precision of `pflops` targets, and of the PFLOPS shown for other targets (default fp8). */
  readonly precision?: Precision;
  readonly value: number;
}

export interface CompareOption {
  readonly generation: string;
  readonly name: string;
  readonly vendor: string;
  readonly family: string;
  readonly supported: boolean;
  readonly units: number | null;
  readonly racks: number | null;
  readonly accelerators: number | null;
  /** PFLOPS at the target's precision (`target.precision`: dense, 2:4 sparse, FP32 or FP64). */
  readonly pflops: number | null;
  readonly hbmTb: number | null;
  readonly hbmTbPerS: number | null;
  readonly itMw: number | null;
  readonly facilityMw: number | null;
  /** facilityMw ÷ the site's final meter: the load's fill of the site. */
  readonly fillFraction: number | null;
  readonly pue: number | null;
  readonly peakPue: number | null;
  /** A fixed PUE at the site (`CompareOptions.siteOverrides`), each with the PUE the site model computes for this option; empty when none. */
  readonly overrides: readonly SiteOverride[];
  readonly coolantLpm: number | null;
  readonly coolantGpm: number | null;
  readonly switches: number | null;
  /** The scale-out switch the fabric uses (the plan's pick or the catalog default for the NIC speed); null without a fabric. */
  readonly fabricSwitch: { readonly id: string; readonly name: string; readonly reason: string } | null;
  readonly transceivers: number | null;
  readonly scaleUpCables: number | null;
  readonly capexUsd: number | null;
  readonly unitCapexUsd: number | null;
  readonly networkCapexUsd: number | null;
  readonly facilityCapexUsd: number | null;
  readonly annualEnergyMwh: number | null;
  readonly annualEnergyCostUsd: number | null;
  readonly annualCo2Tonnes: number | null;
  readonly pflopsPerMw: number | null;
  readonly pflopsPerMusd: number | null;
  readonly usdPerPflopHour: number | null;
  readonly roundingWastePct: number | null;
  /** How the units were sized against the target, and why the row differs from it; null when unsupported. */
  readonly sizing: CompareSizing | null;
  /** The catalog and price values this option's figures rest on, with their confidence. */
  readonly assumptions: readonly Assumption[];
  readonly issues: readonly Issue[];
}

/** How one option was sized: met (at least) or held within (at most), what it came to, and why they differ. */
export interface CompareSizing {
  readonly rule: 'at-least' | 'at-most';
  readonly target: number;
  /** The row's figure in the target's unit (units' input only for an IT MW target). */
  readonly achieved: number;
  readonly unit: string;
  /** IT MW of the units alone and of the scale-out network's switches (their sum is the row's IT MW). */
  readonly unitsItMw: number;
  readonly networkItMw: number;
  /** One sentence: the rounding to whole units, and the network where it adds to an IT figure. */
  readonly note: string;
}

/** The comparison's answer in one line, from the rows themselves. */
export interface CompareVerdict {
  readonly text: string;
  /** Lowest $ per PFLOP-hour at the precision. */
  readonly cheapest: string | null;
  /** Lowest facility MW per PFLOPS at the precision (for a capacity target: the least facility MW). */
  readonly leastPower: string | null;
  /** Most PFLOPS at the precision (for a limit target: what the limit buys). */
  readonly mostCompute: string | null;
}

export interface CompareReport {
  readonly target: CompareTarget & { readonly unit: string };
  readonly site: string;
  /** The site's final meter step, MW (what each option's `fillFraction` is of). */
  readonly finalMeterMw: number;
  readonly utilization: number;
  /** Energy price in `priceYear` (escalated from the tariff's base year), and the capacity charge that year, if any. */
  readonly priceUsdPerKwh: number;
  readonly priceYear: number;
  readonly capacityPriceUsdPerMwDay: number | null;
  readonly co2KgPerMwh: number;
  readonly amortizationYears: number;
  readonly options: readonly CompareOption[];
  readonly verdict: CompareVerdict;
  /** Site, price and method assumptions shared by every option. */
  readonly assumptions: readonly Assumption[];
  readonly issues: readonly Issue[];
}

export interface CompareOptions {
  readonly utilization?: number;
  readonly amortizationYears?: number;
  /** Prices: USD per deployable unit by generation id (overrides the defaults). */
  readonly unitUsd?: Readonly<Record<string, number>>;
  /** The user's unit options by generation id (feeds, redundancy, ΔT…), under which the site's defaults apply, as in a plan. */
  readonly unitOptions?: Readonly<Record<string, UnitOptions>>;
  /**
   * A fixed PUE at the site, as a plan's site states it (`SiteOverrides`): `pueOverride` prices the energy and, unless
   * `peakPueOverride` is given, sizes the meter too. IT beside the units is a plan's, not a comparison's.
   */
  readonly siteOverrides?: Pick<SiteOverrides, 'pueOverride' | 'peakPueOverride'>;
}

const POWER_PATH = /(PowerW|efficiency|psus|count|Pflops|hbm|liquidFraction|tdp)/i;

export function targetUnit(t: CompareTarget): string {
  switch (t.metric) {
    case 'pflops':
      return precisionUnit(t.precision ?? 'fp8');
    case 'hbmTb':
      return 'TB HBM';
    case 'hbmTbPerS':
      return 'TB/s HBM';
    case 'itMw':
      return 'MW IT';
    case 'facilityMw':
      return 'MW facility (peak PUE)';
    case 'budgetUsd':
      return 'USD capex';
    default:
      return 'accelerators';
  }
}

/** A capacity target is met (rounded up); a power or money target is a limit (never exceeded). */
export function isLimitTarget(metric: CompareTarget['metric']): boolean {
  return metric === 'itMw' || metric === 'facilityMw' || metric === 'budgetUsd';
}

const MAX_COMPARE_UNITS = 10_000_000;

/** The most whole units (0…) whose measured figure stays within `limit` (measure grows with units). */
function mostUnitsWithin(measure: (units: number) => number, limit: number): number {
  const fits = (n: number) => measure(n) <= limit * (1 + 1e-12) + 1e-9;
  let lo = 0;
  let hi = 1;
  while (hi < MAX_COMPARE_UNITS && fits(hi)) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, MAX_COMPARE_UNITS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** What a comparison sizes for when no target is given: equal dense compute (not equal accelerator counts, which
 * would set a 0.19 PFLOPS Inferentia2 chip against a 5 PFLOPS Blackwell). */
export const DEFAULT_COMPARE_TARGET: CompareTarget & { readonly precision: Precision } = { metric: 'pflops', precision: 'fp8', value: 5000 };

/** The site a comparison is costed at when none is named (the CLI's default and the Compare view's fallback). */
export const DEFAULT_COMPARE_SITE = 'houston-tx';

/** Compare generations for one target at one site. Unknown ids come back as unsupported options with an issue. */
export function compareAccelerators(generationIds: readonly string[], target: CompareTarget, siteId: string, catalog: Catalog, sites: readonly Site[], opts: CompareOptions = {}): CompareReport {
  const found = sites.find((s) => s.id === siteId && s.roles.dataCenter);
  const site = found && opts.siteOverrides ? { ...found, ...opts.siteOverrides } : found;
  const issues: Issue[] = [];
  const unit = targetUnit(target);
  if (!site) {
    issues.push(issue('unknown_site', 'error', ['site'], `no data-center site "${siteId}"`));
    return { target: { ...target, unit }, site: siteId, finalMeterMw: 0, utilization: 0, priceUsdPerKwh: 0, priceYear: 0, capacityPriceUsdPerMwDay: null, co2KgPerMwh: 0, amortizationYears: 0, options: [], verdict: { text: `No data-center site "${siteId}" to compare at.`, cheapest: null, leastPower: null, mostCompute: null }, assumptions: [], issues };
  }
  const dc = site.roles.dataCenter!;
  // Plan-level settings without a plan document; unset ones take the catalog defaults.
  const ctx = settingsContext({ utilization: opts.utilization, unitOptions: opts.unitOptions, prices: opts.unitUsd ? { unitUsd: opts.unitUsd } : undefined }, catalog, sites);
  const sctx = ctx.siteContext(site);
  // The site's own utilization where it overrides the settings' (a plan's site), as the plan prices that site.
  const utilization = sctx.utilization;
  const finalMeterMw = stepAt(dc.meterMw, finalQuarter(site));
  // Energy is priced as the plan prices a year (src/core/sites/tariff.ts): the tariff escalated from its base year,
  // plus any capacity charge, in the year the site reaches its final meter step (the full build-out the options fill).
  const priceYear = Number(quarterFromIndex(finalQuarter(site)).slice(0, 4));
  const price = energyPriceUsdPerKwh(dc.tariff, priceYear);
  const capacityPrice = capacityPriceUsdPerMwDay(dc.tariff.capacity, priceYear);
  const co2 = pickSourced(dc.grid.co2KgPerMwh, 'typical');
  const years = opts.amortizationYears ?? pickSourced(catalog.prices.amortizationYears, 'typical');
  const facilityUsdPerMw = pickSourced(dc.costs.facilityCapexUsdPerMw, ctx.priceBasis);
  const itMaint = ctx.itMaintenanceFraction();
  const precision = target.precision ?? 'fp8';
  const shared: Assumption[] = [
    assumption(`sites.${site.id}.tariff.priceUsdPerKwh`, dc.tariff.priceUsdPerKwh, 'typical', `base year ${dc.tariff.baseYear}; escalated to ${priceYear} (the site's full build-out): ${price.toFixed(4)} USD/kWh${capacityPrice === null ? '' : `, plus a capacity charge of ${capacityPrice.toFixed(2)} USD/MW-day`}`),
    assumption(`sites.${site.id}.grid.co2KgPerMwh`, dc.grid.co2KgPerMwh, 'typical'),
    assumption(`sites.${site.id}.costs.facilityCapexUsdPerMw`, dc.costs.facilityCapexUsdPerMw, ctx.priceBasis),
    assumption('compare.amortizationYears', catalog.prices.amortizationYears, 'typical'),
    opts.utilization === undefined ? assumption('compare.utilization', catalog.prices.planDefaults.utilization, 'typical') : { path: 'compare.utilization', value: utilization, unit: 'fraction', confidence: 'user', sources: [] },
  ];

  const options: CompareOption[] = generationIds.map((id) => {
    const g = ctx.generation(id, ['generations']);
    const blank = (why: Issue, name = id, vendor = '', family = ''): CompareOption => ({
      generation: g?.id ?? id,
      name,
      vendor,
      family,
      supported: false,
      units: null,
      racks: null,
      accelerators: null,
      pflops: null,
      hbmTb: null,
      hbmTbPerS: null,
      itMw: null,
      facilityMw: null,
      fillFraction: null,
      pue: null,
      peakPue: null,
      overrides: [],
      coolantLpm: null,
      coolantGpm: null,
      switches: null,
      fabricSwitch: null,
      transceivers: null,
      scaleUpCables: null,
      capexUsd: null,
      unitCapexUsd: null,
      networkCapexUsd: null,
      facilityCapexUsd: null,
      annualEnergyMwh: null,
      annualEnergyCostUsd: null,
      annualCo2Tonnes: null,
      pflopsPerMw: null,
      pflopsPerMusd: null,
      usdPerPflopHour: null,
      roundingWastePct: null,
      sizing: null,
      assumptions: [],
      issues: [why],
    });
    if (!g) return blank(issue('unknown_generation', 'error', ['generations', id], `no generation "${id}" in the catalog`));
    const f = sctx.facts(g.id);
    const limit = isLimitTarget(target.metric);
    // A limit target sizes on power or money; the row's compute is still reported at the precision.
    const per = target.metric === 'facilityMw' || target.metric === 'budgetUsd' ? (f.inputKw > 0 ? 1 : null) : unitMetric(f, target.metric, precision);
    if (per === null || !(per > 0)) {
      const why = missingPrecisionReason(g.accelerator, precision) === 'unsupported' ? 'the chip has no such format in the catalog' : 'not published';
      const what = target.metric === 'pflops' ? `${PRECISION_LABEL[precision]} (${why})` : limit ? 'a known input power' : target.metric;
      return blank(issue('target_unsupported', 'info', ['generations', g.id], `${g.id} does not supply ${what}`), g.name, g.vendor, g.family);
    }
    const loadOf = (n: number) => siteLoad(sctx, new Map([[g.id, n]]));
    const capexOf = (n: number, l: ReturnType<typeof loadOf>) => n * ctx.unitPriceUsd(g.id) + l.fabric.switches * ctx.switchUsd() + l.fabric.transceivers * ctx.transceiverUsd() + (l.itKw / 1000) * facilityUsdPerMw;
    const units =
      target.metric === 'facilityMw'
        ? mostUnitsWithin((n) => loadOf(n).peak.facilityMw, target.value)
        : target.metric === 'budgetUsd'
          ? mostUnitsWithin((n) => capexOf(n, loadOf(n)), target.value)
          : target.metric === 'itMw'
            ? Math.floor(target.value / per + 1e-9)
            : Math.ceil(target.value / per - 1e-9);
    if (units === 0) {
      return blank(issue('budget_below_one_unit', 'warning', ['target'], `${formatTarget(target)} does not hold one ${g.name} unit`, { limit: target.value, unit }), g.name, g.vendor, g.family);
    }
    const load = loadOf(units);
    const itMw = load.itKw / 1000;
    const perUnitPf = f.pflops[precision];
    const pflops = perUnitPf === null ? null : perUnitPf * units;
    const unitCapex = units * ctx.unitPriceUsd(g.id);
    const networkCapex = load.fabric.switches * ctx.switchUsd() + load.fabric.transceivers * ctx.transceiverUsd();
    const facilityCapex = itMw * facilityUsdPerMw;
    const capex = unitCapex + networkCapex + facilityCapex;
    const networkItMw = load.fabric.switchKw / 1000;
    const sizing = sizingOf(target, unit, units, per, { itMw, networkItMw, facilityMw: load.peak.facilityMw, capex });
    const pue = load.annual.pue;
    const mwh = pue === null ? 0 : itMw * utilization * pue * 8760;
    const energyCost = mwh * 1000 * price + capacityCostUsd(capacityPrice, mwh);
    const annualCost = capex / years + energyCost + (unitCapex + networkCapex) * itMaint;
    const optionIssues: Issue[] = [...f.report.issues.filter((i) => i.severity !== 'info' && /missing|incomplete/.test(i.code))];
    if (!(f.inputKw > 0)) optionIssues.push(issue('power_unknown', 'warning', ['generations', g.id], `${g.id}: input power not known in the catalog, so IT MW, energy and perf/W are left out`));
    const priceRow = ctx.assumptions.get(`prices.unitUsd.${g.id}`);
    const used = f.report.assumptions.filter((a) => POWER_PATH.test(a.path));
    return {
      generation: g.id,
      name: g.name,
      vendor: g.vendor,
      family: g.family,
      supported: true,
      units,
      racks: units * f.racks,
      accelerators: units * f.accelerators,
      pflops: pflops,
      hbmTb: f.hbmTb === null ? null : f.hbmTb * units,
      hbmTbPerS: f.hbmTbPerS === null ? null : f.hbmTbPerS * units,
      itMw,
      facilityMw: load.peak.facilityMw,
      fillFraction: meterFraction(load.peak.facilityMw, finalMeterMw),
      pue,
      peakPue: load.peak.pue,
      overrides: overriddenFigures(sctx.overrides, utilization, load),
      coolantLpm: load.coolantLpm,
      coolantGpm: gpm(load.coolantLpm),
      switches: load.fabric.switches,
      fabricSwitch: fabricSwitchOf(load.fabric),
      transceivers: load.fabric.transceivers,
      scaleUpCables: f.report.cabling.scaleUpCables * units,
      capexUsd: capex,
      unitCapexUsd: unitCapex,
      networkCapexUsd: networkCapex,
      facilityCapexUsd: facilityCapex,
      annualEnergyMwh: mwh,
      annualEnergyCostUsd: energyCost,
      annualCo2Tonnes: (mwh * co2) / 1000,
      pflopsPerMw: pflops !== null && itMw > 0 ? pflops / itMw : null,
      pflopsPerMusd: pflops !== null && capex > 0 ? pflops / (capex / 1e6) : null,
      usdPerPflopHour: pflops !== null && pflops > 0 ? annualCost / (pflops * 8760 * utilization) : null,
      roundingWastePct: limit ? (100 * (target.value - sizing.achieved)) / target.value : (100 * (units * per - target.value)) / (units * per),
      sizing,
      assumptions: [...(priceRow ? [priceRow] : []), ...used],
      issues: optionIssues,
    };
  });
  return {
    target: { ...target, unit },
    site: site.id,
    finalMeterMw,
    verdict: compareVerdict(target, shortName(site.name), options),
    utilization,
    priceUsdPerKwh: price,
    priceYear,
    capacityPriceUsdPerMwDay: capacityPrice,
    co2KgPerMwh: co2,
    amortizationYears: years,
    options,
    assumptions: [...shared, ...[...ctx.assumptions.values()].filter((a) => !a.path.startsWith('prices.unitUsd.') && !a.path.startsWith('plan.'))],
    issues: [...issues, ...ctx.issues.filter((i) => i.severity !== 'info')],
  };
}

/** The scale-out switch of a one-generation fabric estimate. */
function fabricSwitchOf(f: FabricEstimate): CompareOption['fabricSwitch'] {
  const row = f.byGeneration[0];
  return row ? { id: row.switchId, name: row.switchName, reason: row.switchReason } : null;
}

/** "5,000 PFLOPS FP8", "10 MW IT", "$100 M capex". */
export function formatTarget(t: CompareTarget): string {
  const p = PRECISION_LABEL[t.precision ?? 'fp8'];
  switch (t.metric) {
    case 'pflops':
      return `${formatNumber(t.value)} PFLOPS ${p}`;
    case 'hbmTb':
      return `${formatNumber(t.value)} TB of HBM`;
    case 'hbmTbPerS':
      return `${formatNumber(t.value)} TB/s of HBM bandwidth`;
    case 'itMw':
      return `${formatNumber(t.value)} MW of IT power`;
    case 'facilityMw':
      return `${formatNumber(t.value)} MW at the meter`;
    case 'budgetUsd':
      return `${formatUsdShort(t.value)} of capex`;
    default:
      return `${formatNumber(t.value)} accelerators`;
  }
}

function formatUsdShort(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `$${formatNumber(v / 1e9)} B`;
  if (a >= 1e6) return `$${formatNumber(v / 1e6)} M`;
  if (a >= 1e3) return `$${formatNumber(v / 1e3)} k`;
  return `$${formatNumber(v)}`;
}

/** Sizing against the target, with the reason the row's figure differs from it. */
function sizingOf(target: CompareTarget, unit: string, units: number, per: number, row: { itMw: number; networkItMw: number; facilityMw: number; capex: number }): CompareSizing {
  const unitsItMw = row.itMw - row.networkItMw;
  const base = { target: target.value, unit, unitsItMw, networkItMw: row.networkItMw };
  const plural = (n: number) => `${formatNumber(n)} unit${n === 1 ? '' : 's'}`;
  if (target.metric === 'itMw') {
    const achieved = unitsItMw;
    const net = row.networkItMw > 0 ? `; the scale-out network adds ${formatNumber(row.networkItMw)} MW of switches (row IT ${formatNumber(row.itMw)} MW)` : '';
    return { ...base, rule: 'at-most', achieved, note: `${plural(units)} draw ${formatNumber(achieved)} MW, the most whole units within ${formatNumber(target.value)} MW${net}` };
  }
  if (target.metric === 'facilityMw') {
    return { ...base, rule: 'at-most', achieved: row.facilityMw, note: `${plural(units)}, network and cooling: ${formatNumber(row.facilityMw)} MW at peak PUE, the most whole units within ${formatNumber(target.value)} MW` };
  }
  if (target.metric === 'budgetUsd') {
    return { ...base, rule: 'at-most', achieved: row.capex, note: `${plural(units)} with network and facility: ${formatUsdShort(row.capex)}, the most whole units within ${formatUsdShort(target.value)}` };
  }
  const achieved = units * per;
  const over = achieved - target.value;
  const note = over > 1e-9 * Math.max(1, target.value) ? `${plural(units)} supply ${formatNumber(achieved)} ${unit}: ${formatNumber((100 * over) / target.value)} % over the target, from rounding up to whole units` : `${plural(units)} supply exactly ${formatNumber(achieved)} ${unit}`;
  return { ...base, rule: 'at-least', achieved, note };
}

/**
 * The one-line answer: who is cheapest per PFLOP-hour and who needs the least facility power per PFLOPS (for a
 * capacity target, the least facility MW), or for a limit target who gets the most compute out of it.
 */
export function compareVerdict(target: CompareTarget, siteName: string, options: readonly CompareOption[]): CompareVerdict {
  const p = PRECISION_LABEL[target.precision ?? 'fp8'];
  const ok = options.filter((o) => o.supported && o.pflops !== null && o.pflops > 0);
  const name = (o: CompareOption) => shortName(o.name);
  const by = (value: (o: CompareOption) => number | null, lower: boolean) => {
    const rows = ok.filter((o) => value(o) !== null).sort((a, b) => (lower ? value(a)! - value(b)! : value(b)! - value(a)!));
    return { best: rows[0] ?? null, next: rows[1] ?? null };
  };
  const at = `${isLimitTarget(target.metric) ? 'With' : 'At'} ${formatTarget(target)} in ${siteName}`;
  if (ok.length === 0) return { text: `${at}, no compared generation supplies ${p} compute.`, cheapest: null, leastPower: null, mostCompute: null };
  const cost = by((o) => o.usdPerPflopHour, true);
  const power = by((o) => (o.facilityMw !== null && o.facilityMw > 0 ? o.facilityMw / o.pflops! : null), true);
  const compute = by((o) => o.pflops, false);
  const below = (a: number, b: number, other: CompareOption) => `${formatNumber((100 * (b - a)) / b)} % below ${name(other)}`;
  const parts: string[] = [];
  if (cost.best) {
    const c = cost.best.usdPerPflopHour!;
    const vs = cost.next ? ` (${below(c, cost.next.usdPerPflopHour!, cost.next)})` : '';
    parts.push(`${name(cost.best)} is cheapest per PFLOP-hour at $${formatNumber(c)}${vs}`);
  }
  if (isLimitTarget(target.metric)) {
    if (compute.best) parts.push(`${cost.best === compute.best ? 'it also' : name(compute.best)} gets the most compute out of it (${formatNumber(compute.best.pflops!)} PFLOPS ${p})`);
  } else if (power.best) {
    const same = cost.best === power.best;
    parts.push(`${same ? 'it also' : name(power.best)} uses the least power (${formatNumber(power.best.facilityMw!)} MW at the meter${ok.length > 1 && power.next ? `; ${name(power.next)} ${formatNumber(power.next.facilityMw!)} MW` : ''})`);
  }
  if (ok.length === 1) parts.splice(0, parts.length, `${name(ok[0]!)} is the only compared generation with ${p} compute: $${formatNumber(ok[0]!.usdPerPflopHour ?? 0)} per PFLOP-hour, ${formatNumber(ok[0]!.facilityMw ?? 0)} MW at the meter`);
  return { text: `${at}, ${parts.join('; ')}.`, cheapest: cost.best?.generation ?? null, leastPower: power.best?.generation ?? null, mostCompute: compute.best?.generation ?? null };
}

/** A catalog name without its parenthesized detail. */
function shortName(name: string): string {
  const cut = name.indexOf(' (');
  return cut > 0 ? name.slice(0, cut) : name;
}

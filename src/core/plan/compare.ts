/**
 * Accelerator comparison: one target (dense PFLOPS at a precision, HBM TB, HBM TB/s, or IT MW) at one data-center
 * site, GPU vs Trainium vs Inferentia generations side by side.
 *
 * units = ⌈target ÷ per-unit supply⌉; everything else is the site model for that many units: IT and facility MW
 * (peak PUE), annual PUE, coolant, fabric switches and optics, scale-up cables, capex (units + fabric + facility
 * $/MW), annual energy (IT × utilization × PUE × 8,760 h) at the site tariff, tCO2 at the grid rate,
 * perf/W = PFLOPS ÷ IT MW, perf/$ = PFLOPS ÷ capex (M USD), $ per PFLOP-hour =
 * (capex ÷ amortization years + annual energy + maintenance) ÷ (PFLOPS × 8,760 × utilization),
 * rounding waste = (units × per-unit − target) ÷ (units × per-unit).
 * A generation without the target's precision (or metric) is `supported: false` with null values, never a
 * division by zero; a unit whose power is unknown gets null perf/W.
 * @module
 */
import type { Catalog } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced, type Assumption } from '../provenance';
import type { Site } from '../sites/types';
import type { UnitOptions } from '../rack/types';
import { settingsContext } from './context';
import { finalQuarter, meterFraction } from './evaluate-site';
import { stepAt } from '../sites/schedule';
import { unitMetric } from './facts';
import { gpm, siteLoad } from './site-load';
import type { DemandMetric, FabricEstimate, Precision } from './types';

export interface CompareTarget {
  readonly metric: Exclude<DemandMetric, 'accelerators'> | 'accelerators';
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
  readonly pflopsDense: number | null;
  readonly hbmTb: number | null;
  readonly hbmTbPerS: number | null;
  readonly itMw: number | null;
  readonly facilityMw: number | null;
  /** facilityMw ÷ the site's final meter: the load's fill of the site. */
  readonly fillFraction: number | null;
  readonly pue: number | null;
  readonly peakPue: number | null;
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
  /** The catalog and price values this option's figures rest on, with their confidence. */
  readonly assumptions: readonly Assumption[];
  readonly issues: readonly Issue[];
}

export interface CompareReport {
  readonly target: CompareTarget & { readonly unit: string };
  readonly site: string;
  /** The site's final meter step, MW (what each option's `fillFraction` is of). */
  readonly finalMeterMw: number;
  readonly utilization: number;
  readonly priceUsdPerKwh: number;
  readonly co2KgPerMwh: number;
  readonly amortizationYears: number;
  readonly options: readonly CompareOption[];
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
}

const POWER_PATH = /(PowerW|efficiency|psus|count|Pflops|hbm|liquidFraction|tdp)/i;

export function targetUnit(t: CompareTarget): string {
  switch (t.metric) {
    case 'pflops':
      return `PFLOPS ${t.precision ?? 'fp8'} dense`;
    case 'hbmTb':
      return 'TB HBM';
    case 'hbmTbPerS':
      return 'TB/s HBM';
    case 'itMw':
      return 'MW IT';
    default:
      return 'accelerators';
  }
}

/** The site a comparison is costed at when none is named (the CLI's default and the Compare view's fallback). */
export const DEFAULT_COMPARE_SITE = 'houston-tx';

/** Compare generations for one target at one site. Unknown ids come back as unsupported options with an issue. */
export function compareAccelerators(generationIds: readonly string[], target: CompareTarget, siteId: string, catalog: Catalog, sites: readonly Site[], opts: CompareOptions = {}): CompareReport {
  const site = sites.find((s) => s.id === siteId && s.roles.dataCenter);
  const issues: Issue[] = [];
  const unit = targetUnit(target);
  if (!site) {
    issues.push(issue('unknown_site', 'error', ['site'], `no data-center site "${siteId}"`));
    return { target: { ...target, unit }, site: siteId, finalMeterMw: 0, utilization: 0, priceUsdPerKwh: 0, co2KgPerMwh: 0, amortizationYears: 0, options: [], assumptions: [], issues };
  }
  const dc = site.roles.dataCenter!;
  // Plan-level settings without a plan document; unset ones take the catalog defaults.
  const ctx = settingsContext({ utilization: opts.utilization, unitOptions: opts.unitOptions, prices: opts.unitUsd ? { unitUsd: opts.unitUsd } : undefined }, catalog, sites);
  const utilization = ctx.utilization;
  const sctx = ctx.siteContext(site);
  const finalMeterMw = stepAt(dc.meterMw, finalQuarter(site));
  const price = pickSourced(dc.tariff.priceUsdPerKwh, 'typical');
  const co2 = pickSourced(dc.grid.co2KgPerMwh, 'typical');
  const years = opts.amortizationYears ?? pickSourced(catalog.prices.amortizationYears, 'typical');
  const facilityUsdPerMw = pickSourced(dc.costs.facilityCapexUsdPerMw, ctx.priceBasis);
  const itMaint = ctx.itMaintenanceFraction();
  const precision = target.precision ?? 'fp8';
  const shared: Assumption[] = [
    assumption(`sites.${site.id}.tariff.priceUsdPerKwh`, dc.tariff.priceUsdPerKwh, 'typical', `base year ${dc.tariff.baseYear}, no escalation`),
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
      pflopsDense: null,
      hbmTb: null,
      hbmTbPerS: null,
      itMw: null,
      facilityMw: null,
      fillFraction: null,
      pue: null,
      peakPue: null,
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
      assumptions: [],
      issues: [why],
    });
    if (!g) return blank(issue('unknown_generation', 'error', ['generations', id], `no generation "${id}" in the catalog`));
    const f = sctx.facts(g.id);
    const per = unitMetric(f, target.metric, precision);
    if (per === null || !(per > 0)) {
      const what = target.metric === 'pflops' ? `${precision.toUpperCase()} (the chip has no such format in the catalog)` : target.metric === 'itMw' ? 'a known input power' : target.metric;
      return blank(issue('target_unsupported', 'info', ['generations', g.id], `${g.id} does not supply ${what}`), g.name, g.vendor, g.family);
    }
    const units = Math.ceil(target.value / per - 1e-9);
    const load = siteLoad(sctx, new Map([[g.id, units]]));
    const itMw = load.itKw / 1000;
    const perUnitPf = f.pflops[precision];
    const pflops = perUnitPf === null ? null : perUnitPf * units;
    const unitCapex = units * ctx.unitPriceUsd(g.id);
    const networkCapex = load.fabric.switches * ctx.switchUsd() + load.fabric.transceivers * ctx.transceiverUsd();
    const facilityCapex = itMw * facilityUsdPerMw;
    const capex = unitCapex + networkCapex + facilityCapex;
    const pue = load.annual.pue;
    const mwh = pue === null ? 0 : itMw * utilization * pue * 8760;
    const energyCost = mwh * 1000 * price;
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
      pflopsDense: pflops,
      hbmTb: f.hbmTb === null ? null : f.hbmTb * units,
      hbmTbPerS: f.hbmTbPerS === null ? null : f.hbmTbPerS * units,
      itMw,
      facilityMw: load.peak.facilityMw,
      fillFraction: meterFraction(load.peak.facilityMw, finalMeterMw),
      pue,
      peakPue: load.peak.pue,
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
      roundingWastePct: (100 * (units * per - target.value)) / (units * per),
      assumptions: [...(priceRow ? [priceRow] : []), ...used],
      issues: optionIssues,
    };
  });
  return {
    target: { ...target, unit },
    site: site.id,
    finalMeterMw,
    utilization,
    priceUsdPerKwh: price,
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

/**
 * `evaluatePlan(plan, catalog, sites) → PlanReport`: quarters × sites × generations.
 *
 * - Units enter service at their deployment quarter and stay to the horizon's end.
 * - Per site and quarter: units and racks, design IT MW (Σ unit inputKw + fabric switches), annual PUE at the
 *   plan's utilization, peak PUE at the design condition, facility MW = IT × peak PUE against the meter,
 *   positions, heat rejection, coolant, CDUs, fabric estimate, floor loading, the synchronized-training MW ramp,
 *   and stranded capacity (what is left when the site fills with more of its largest generation).
 * - Per calendar year: itMw = mean design IT in service, pue = annual PUE at that mean load,
 *   annualEnergyMwh = itMw × utilization × pue × 8,760 (× the year's share inside the horizon),
 *   cost = MWh × 1,000 × tariff (escalated from the tariff's base year), tCO2 = MWh × grid kg/MWh ÷ 1,000; a
 *   capacity charge where the site pays one (PJM), and the heat rejection's water (m³, WUE) from the same PUE model.
 * - Every deployment row has a plant ({@link assignBuilds}): the row's own `plant`; else the plan's orders when it
 *   has orders for the generation; else the nearest plant (great-circle distance) that builds the generation and has
 *   capacity in the build quarter (deployment quarter − ⌈lead time ÷ 13 weeks⌉), else the nearest that builds it.
 * - Per plant and quarter: racks per week (units × racks per unit ÷ 13) against capacity, and the parts they take,
 *   from the plan's orders and the rows plants build directly.
 * - Money: unit capex at build (order) quarters — firm for firm orders and locked rows, option for option orders
 *   and open rows — network capex on fabric growth, facility capex on IT-MW growth, energy and maintenance opex;
 *   nominal TCO and NPV (quarterly discounting from the start).
 * - Demand: supply against demand every quarter per metric (a demand entry holds until the next one).
 * - Unit-level warnings and errors (each generation at each site) are added to the plan's issues.
 * Limits crossed come back as typed issues; nothing is thrown for bad references.
 * @module
 */
import type { Catalog, PowerArchitecture } from '../catalog/types';
import { formatNumber } from '../format';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced } from '../provenance';
import { quarterFromIndex, quarterIndex, quarterLabel, stepAt } from '../sites/schedule';
import { sitePue, type HeatLoad } from '../sites/pue';
import type { Site } from '../sites/types';
import { planContext, type PlanContext } from './context';
import { unitMetric } from './facts';
import { fixedPues, gpm, siteLimits, siteLoad, withFixedPue, type SiteLimits, type SiteLoad } from './site-load';
import { overriddenFigures, SITE_OVERRIDE_FIELDS } from './overrides';
import { capacityCostUsd, capacityPriceUsdPerMwDay, energyPriceUsdPerKwh } from '../sites/tariff';
import type {
  DeploymentBuild,
  DemandRow,
  DemandSeries,
  PartsBudget,
  PlantQuarter,
  PlanReport,
  PlantReport,
  SiteQuarter,
  SiteReport,
  SiteYear,
  Stranded,
  Totals,
} from './types';
import { precisionUnit } from './precision';
import type { Demand, Order, Plan, PlanUnit, Precision } from './types';

export const WEEKS_PER_QUARTER = 13;

/**
 * Evaluate a capacity plan.
 * @param plan - a validated plan (src/schema/plan.ts)
 * @param catalog - the generation catalog
 * @param sites - site presets; sites in the plan replace those with the same id
 * @example evaluatePlan(plan, loadCatalog(), loadSites()).totals.npvTcoUsd
 */
export function evaluatePlan(plan: Plan, catalog: Catalog, sites: readonly Site[]): PlanReport {
  const ctx = planContext(plan, catalog, sites);
  const issues = ctx.issues;
  const valid = validateReferences(ctx);

  const siteReports: SiteReport[] = [];
  const cash = new Float64Array(ctx.quarters); // undiscounted cash flow per quarter
  let unitCapex = 0;
  let networkCapex = 0;
  let facilityCapex = 0;
  let energyCost = 0;
  let capacityCost = 0;
  let maintenance = 0;
  let horizonMwh = 0;
  let horizonCo2 = 0;
  const itMaint = ctx.itMaintenanceFraction();

  // Unit capex: the plan's orders, and the rows plants build directly (at their build quarter).
  const builds = assignBuilds(ctx, valid);
  const rowOrders = builds.orders;
  let firmCapex = 0;
  let optionCapex = 0;
  const capexByQuarter = new Float64Array(ctx.quarters); // unit + network capex, for IT maintenance
  for (const o of valid.orders) {
    const usd = o.units * ctx.unitPriceUsd(o.generation);
    const k = clampQ(ctx, quarterIndex(o.quarter));
    if (k === null) continue;
    unitCapex += usd;
    cash[k]! += usd;
    capexByQuarter[k]! += usd;
    if (o.kind === 'firm') firmCapex += usd;
    else optionCapex += usd;
  }
  for (const o of rowOrders) {
    const k = clampQ(ctx, quarterIndex(o.quarter));
    if (k === null) continue;
    const usd = o.units * ctx.unitPriceUsd(o.generation);
    unitCapex += usd;
    if (o.kind === 'firm') firmCapex += usd;
    else optionCapex += usd;
    cash[k]! += usd;
    capexByQuarter[k]! += usd;
  }

  // In-service units per site and quarter.
  const inService = new Map<string, Map<string, number>[]>();
  for (const d of valid.deployments) {
    let perQ = inService.get(d.site);
    if (!perQ) inService.set(d.site, (perQ = Array.from({ length: ctx.quarters }, () => new Map<string, number>())));
    const from = Math.max(0, quarterIndex(d.quarter) - ctx.start);
    for (let k = from; k < ctx.quarters; k++) perQ[k]!.set(d.generation, (perQ[k]!.get(d.generation) ?? 0) + d.units);
  }

  // Supplied per quarter for each distinct demand metric (and precision); per-unit values looked up once.
  const demandSupply = new Map<string, number[]>();
  const demandKeys: { metric: Demand['metric']; precision: Precision; supplied: number[] }[] = [];
  for (const d of plan.demand ?? []) {
    const key = `${d.metric}|${d.precision ?? ''}`;
    if (demandSupply.has(key)) continue;
    const supplied = new Array<number>(ctx.quarters).fill(0);
    demandSupply.set(key, supplied);
    demandKeys.push({ metric: d.metric, precision: d.precision ?? 'fp8', supplied });
    // Entries before the horizon hold into it: the latest one is the requirement at the start.
  }
  const metricMemo = new Map<string, number>();
  const perUnitMetric = (metric: Demand['metric'], precision: Precision, g: string): number => {
    const key = `${metric}|${precision}|${g}`;
    let v = metricMemo.get(key);
    if (v === undefined) metricMemo.set(key, (v = unitMetric(ctx.facts(g), metric, precision) ?? 0));
    return v;
  };

  const siteIds = [...inService.keys()].sort();
  for (const siteId of siteIds) {
    const site = ctx.sites.get(siteId)!;
    const dc = site.roles.dataCenter!;
    const sctx = ctx.siteContext(site);
    const perQ = inService.get(siteId)!;
    const quarters: SiteQuarter[] = [];
    const loads: SiteLoad[] = [];
    let prev: SiteLoad | undefined;
    let prevKey = '';
    let prevSwitches = 0;
    let prevTransceivers = 0;
    let prevItMw = 0;
    const facilityUsdPerMw = ctx.plan.prices?.facilityUsdPerMw?.[siteId] ?? pickSourced(dc.costs.facilityCapexUsdPerMw, ctx.priceBasis);
    ctx.assumptions.set(`sites.${siteId}.costs.facilityCapexUsdPerMw`, assumption(`sites.${siteId}.costs.facilityCapexUsdPerMw`, dc.costs.facilityCapexUsdPerMw, ctx.priceBasis));
    const facilityOpex = pickSourced(dc.costs.facilityOpexFractionPerYear, 'typical');
    for (const field of SITE_OVERRIDE_FIELDS) {
      const value = sctx.overrides[field];
      const path = `sites.${siteId}.${field}`;
      if (value !== undefined) ctx.assumptions.set(path, { path, value, unit: field.endsWith('Kw') ? 'kW' : field === 'utilization' ? 'fraction' : 'ratio', confidence: 'user', sources: [], note: 'override in the plan' });
    }
    let facilityCapexSite = 0;
    for (let k = 0; k < ctx.quarters; k++) {
      const q = ctx.start + k;
      const mix = perQ[k]!;
      const key = [...mix].map(([g, n]) => `${g}:${n}`).join(',');
      const load = prev && key === prevKey ? prev : siteLoad(sctx, mix);
      prev = load;
      prevKey = key;
      loads.push(load);
      const limits = siteLimits(dc, q);
      const itMw = load.itKw / 1000;
      const facilityMw = load.peak.facilityMw;
      const path = ['sites', siteId, 'quarters', quarterFromIndex(q)];
      if (facilityMw > limits.meterMw + 1e-9) {
        issues.push(issue('site_power_exceeded', 'error', path, `${site.name}, ${quarterLabel(quarterFromIndex(q))}: facility ${formatNumber(facilityMw)} MW exceeds the ${formatNumber(limits.meterMw)} MW at the meter`, { limit: limits.meterMw, actual: facilityMw, unit: 'MW' }));
      }
      if (load.racks > limits.positions) {
        issues.push(issue('site_positions_exceeded', 'error', path, `${site.name}, ${quarterLabel(quarterFromIndex(q))}: ${load.racks} racks need more than the ${limits.positions} positions`, { limit: limits.positions, actual: load.racks, unit: 'racks' }));
      }
      if (limits.heatRejectionMw !== null && load.heatRejectionMw > limits.heatRejectionMw + 1e-9) {
        issues.push(issue('site_cooling_exceeded', 'error', path, `${site.name}: heat rejection ${formatNumber(load.heatRejectionMw)} MW exceeds ${formatNumber(limits.heatRejectionMw)} MW`, { limit: limits.heatRejectionMw, actual: load.heatRejectionMw, unit: 'MW' }));
      }
      if (limits.switchPorts !== null && load.fabric.endpointPorts > limits.switchPorts) {
        issues.push(issue('site_switch_ports_exceeded', 'error', path, `${site.name}: ${load.fabric.endpointPorts} fabric ports needed, ${limits.switchPorts} available`, { limit: limits.switchPorts, actual: load.fabric.endpointPorts, unit: 'ports' }));
      }
      if (limits.floorLimitKgM2 !== null && load.maxFloorLoadingKgM2 > limits.floorLimitKgM2 + 1e-9 && (k === 0 || loads[k - 1]!.maxFloorLoadingKgM2 <= limits.floorLimitKgM2 + 1e-9)) {
        issues.push(issue('floor_loading_exceeded', 'error', path, `${site.name}: a rack loads the floor with ${formatNumber(load.maxFloorLoadingKgM2)} kg/m², above the ${formatNumber(limits.floorLimitKgM2)} kg/m² rating`, { limit: limits.floorLimitKgM2, actual: load.maxFloorLoadingKgM2, unit: 'kg/m²' }));
      }
      // Capex on growth: fabric and facility (build-as-you-go on design IT MW).
      const dSwitch = Math.max(0, load.fabric.switches - prevSwitches);
      const dXcvr = Math.max(0, load.fabric.transceivers - prevTransceivers);
      const net = dSwitch * ctx.switchUsd() + dXcvr * ctx.transceiverUsd();
      networkCapex += net;
      cash[k]! += net;
      capexByQuarter[k]! += net;
      prevSwitches = Math.max(prevSwitches, load.fabric.switches);
      prevTransceivers = Math.max(prevTransceivers, load.fabric.transceivers);
      const dMw = Math.max(0, itMw - prevItMw);
      const fac = dMw * facilityUsdPerMw;
      facilityCapex += fac;
      facilityCapexSite += fac;
      cash[k]! += fac;
      prevItMw = Math.max(prevItMw, itMw);
      const fOpex = (facilityCapexSite * facilityOpex) / 4;
      maintenance += fOpex;
      cash[k]! += fOpex;

      for (const d of demandKeys) {
        let s = 0;
        for (const [g, n] of mix) s += n * perUnitMetric(d.metric, d.precision, g);
        d.supplied[k]! += s;
      }

      quarters.push({
        quarter: quarterFromIndex(q),
        units: load.units,
        racks: load.racks,
        accelerators: load.accelerators,
        itMw,
        facilityMw,
        pue: load.annual.pue,
        peakPue: load.peak.pue,
        meterMw: limits.meterMw,
        headroomMw: limits.meterMw - facilityMw,
        positions: limits.positions,
        positionsFree: limits.positions - load.racks,
        heatRejectionMw: load.heatRejectionMw,
        coolantLpm: load.coolantLpm,
        coolantGpm: gpm(load.coolantLpm),
        cdus: load.cdus,
        fabric: load.fabric,
        switchPortsLimit: limits.switchPorts,
        maxFloorLoadingKgM2: load.maxFloorLoadingKgM2,
        trainingRampMw: load.rampKw / 1000,
        transientPeakMw: load.transientPeakKw / 1000,
        stranded: stranded(ctx, site, load, limits),
      });
    }

    // Calendar years.
    const years: SiteYear[] = [];
    const priceOverride = ctx.plan.prices?.tariffUsdPerKwh?.[siteId];
    const co2 = pickSourced(dc.grid.co2KgPerMwh, 'typical');
    ctx.assumptions.set(`sites.${siteId}.tariff.priceUsdPerKwh`, assumption(`sites.${siteId}.tariff.priceUsdPerKwh`, dc.tariff.priceUsdPerKwh, 'typical', `base year ${dc.tariff.baseYear}`));
    ctx.assumptions.set(`sites.${siteId}.tariff.escalationPerYear`, assumption(`sites.${siteId}.tariff.escalationPerYear`, dc.tariff.escalationPerYear, 'typical'));
    ctx.assumptions.set(`sites.${siteId}.grid.co2KgPerMwh`, assumption(`sites.${siteId}.grid.co2KgPerMwh`, dc.grid.co2KgPerMwh, 'typical', `${dc.grid.operator} / eGRID ${dc.grid.egridSubregion}`));
    dc.tariff.capacity?.prices.forEach((p, i) => {
      const path = `sites.${siteId}.tariff.capacity.prices.${i}.priceUsdPerMwDay`;
      ctx.assumptions.set(path, assumption(path, p.priceUsdPerMwDay, 'typical', `${dc.tariff.capacity!.market}, ${dc.tariff.capacity!.zone}, delivery year ${p.deliveryYear}/${p.deliveryYear + 1}`));
    });
    const firstYear = Math.floor(ctx.start / 4);
    const lastYear = Math.floor(ctx.end / 4);
    for (let y = firstYear; y <= lastYear; y++) {
      const ks: number[] = [];
      for (let k = 0; k < ctx.quarters; k++) if (Math.floor((ctx.start + k) / 4) === y) ks.push(k);
      const fraction = ks.length / 4;
      // The same mix all year (the usual case once deployments stop): the quarter's annual PUE is the year's.
      const same = ks.every((k) => loads[k] === loads[ks[0]!]);
      const avg = same ? loads[ks[0]!]!.heat : averageHeat(ks.map((k) => loads[k]!.heat));
      const itMw = avg.itKw / 1000;
      const model = itMw <= 0 ? null : same ? (loads[ks[0]!]!.computed.annual ?? loads[ks[0]!]!.annual) : sitePue(dc, avg, sctx.utilization, { kind: 'annual' }, ctx.design);
      const annual = model && withFixedPue(model, fixedPues(sctx.overrides).annual);
      const pue = annual?.pue ?? null;
      let peakK = ks[0]!;
      for (const k of ks) if (loads[k]!.peak.facilityMw >= loads[peakK]!.peak.facilityMw) peakK = k;
      // A plan's own tariff is a flat price: no escalation and no separate capacity charge.
      const price = priceOverride ?? energyPriceUsdPerKwh(dc.tariff, y);
      const mwh = itMw * sctx.utilization * (pue ?? 1) * 8760 * fraction;
      const cost = mwh * 1000 * price;
      const capacityPrice = priceOverride === undefined ? capacityPriceUsdPerMwDay(dc.tariff.capacity, y) : null;
      const capacity = capacityCostUsd(capacityPrice, mwh);
      const t = (mwh * co2) / 1000;
      years.push({
        year: y,
        racks: loads[ks[ks.length - 1]!]!.racks,
        itMw,
        facilityMw: loads[peakK]!.peak.facilityMw,
        pue,
        peakPue: loads[peakK]!.peak.pue,
        utilization: sctx.utilization,
        priceUsdPerKwh: price,
        annualEnergyMwh: mwh,
        annualEnergyCostUsd: cost,
        annualCo2Tonnes: t,
        capacityPriceUsdPerMwDay: capacityPrice,
        annualCapacityCostUsd: capacity,
        waterM3: (annual?.waterM3PerYear ?? 0) * fraction,
        wueLPerKwh: annual?.wueLPerKwh ?? null,
        fractionOfYear: fraction,
      });
      energyCost += cost;
      capacityCost += capacity;
      horizonMwh += mwh;
      horizonCo2 += t;
      for (const k of ks) cash[k]! += (cost + capacity) / ks.length;
    }
    const full = [...years].reverse().find((y) => y.fractionOfYear === 1);
    const last = full ?? years[years.length - 1]!;
    const lastQ = full ? quarterIndex(`${full.year}-Q4`) - ctx.start : ctx.quarters - 1;
    const lastLoad = loads[Math.min(lastQ, loads.length - 1)]!;
    siteReports.push({
      id: site.id,
      name: site.name,
      year: full ? full.year : null,
      racks: last.racks,
      itMw: last.itMw,
      facilityMw: last.facilityMw,
      pue: last.pue,
      peakPue: last.peakPue,
      utilization: last.utilization,
      priceUsdPerKwh: last.priceUsdPerKwh,
      annualEnergyMwh: last.annualEnergyMwh,
      annualEnergyCostUsd: last.annualEnergyCostUsd,
      annualCo2Tonnes: last.annualCo2Tonnes,
      capacityPriceUsdPerMwDay: last.capacityPriceUsdPerMwDay,
      annualCapacityCostUsd: last.annualCapacityCostUsd,
      waterM3: last.waterM3,
      wueLPerKwh: last.wueLPerKwh,
      tariffBaseYear: dc.tariff.baseYear,
      egridSubregion: dc.grid.egridSubregion,
      co2KgPerMwh: co2,
      years,
      quarters,
      // The site model's own PUE with every term; a fixed PUE shows in `pue`/`peakPue` and `overrides`.
      pueDetail: lastLoad.itKw > 0 ? (lastLoad.computed.annual ?? lastLoad.annual) : null,
      peakPueDetail: lastLoad.itKw > 0 ? (lastLoad.computed.peak ?? lastLoad.peak) : null,
      overrides: overriddenFigures(sctx.overrides, ctx.utilization, lastLoad.itKw > 0 ? lastLoad : null),
    });
  }

  // IT maintenance on cumulative unit + network capex.
  let cumulative = 0;
  for (let k = 0; k < ctx.quarters; k++) {
    cumulative += capexByQuarter[k]!;
    const m = (cumulative * itMaint) / 4;
    maintenance += m;
    cash[k]! += m;
  }

  const plants = evaluatePlants(ctx, [...valid.orders, ...rowOrders], issues);
  checkSupply(ctx, { orders: valid.orders, deployments: valid.deployments.filter((_, j) => builds.rows[j]!.choice === 'orders') }, issues);
  const demandSeries: DemandSeries[] = demandKeys.map((dk) => {
    const entries = new Map<number, number>();
    for (const d of plan.demand ?? []) if (d.metric === dk.metric && (d.precision ?? 'fp8') === dk.precision) entries.set(quarterIndex(d.quarter) - ctx.start, d.value);
    let held: number | null = null;
    const quarters = dk.supplied.map((supplied, k) => {
      const entry = entries.has(k);
      if (entry) held = entries.get(k)!;
      return { quarter: quarterFromIndex(ctx.start + k), required: held, supplied, balance: held === null ? null : supplied - held, entry };
    });
    return { metric: dk.metric, precision: dk.metric === 'pflops' ? dk.precision : null, unit: metricUnit(dk.metric, dk.precision), quarters };
  });

  const demand: DemandRow[] = [];
  (plan.demand ?? []).forEach((d, i) => {
    const k = quarterIndex(d.quarter) - ctx.start;
    if (k < 0 || k >= ctx.quarters) return;
    const supplied = demandSupply.get(`${d.metric}|${d.precision ?? ''}`)![k]!;
    const unmet = Math.max(0, d.value - supplied);
    demand.push({ quarter: d.quarter, metric: d.metric, precision: d.precision ?? null, required: d.value, supplied, unmet });
    if (unmet > 1e-9) {
      issues.push(issue('demand_unmet', 'warning', ['demand', i], `${quarterLabel(d.quarter)}: ${formatNumber(supplied)} of ${formatNumber(d.value)} ${metricUnit(d.metric, d.precision)} in service`, { limit: d.value, actual: supplied, unit: metricUnit(d.metric, d.precision) }));
    }
  });

  let npv = 0;
  for (let k = 0; k < ctx.quarters; k++) npv += cash[k]! / Math.pow(1 + ctx.discountRate, k / 4);
  const capex = unitCapex + networkCapex + facilityCapex;
  const totals: Totals = {
    capexUsd: capex,
    unitCapexUsd: unitCapex,
    networkCapexUsd: networkCapex,
    facilityCapexUsd: facilityCapex,
    energyCostUsd: energyCost,
    capacityCostUsd: capacityCost,
    maintenanceUsd: maintenance,
    tcoUsd: capex + energyCost + capacityCost + maintenance,
    npvTcoUsd: npv,
    horizonEnergyMwh: horizonMwh,
    horizonCo2Tonnes: horizonCo2,
    firmCapexUsd: firmCapex,
    optionCapexUsd: optionCapex,
  };

  // Each generation at each site it is deployed at, as the site loads above used it.
  const units: PlanUnit[] = [];
  const seenUnits = new Set<string>();
  for (const d of valid.deployments) {
    const key = `${d.site}|${d.generation}`;
    const site = ctx.sites.get(d.site);
    if (seenUnits.has(key) || !site) continue;
    seenUnits.add(key);
    units.push({ generation: d.generation, site: d.site, report: ctx.facts(d.generation, site).report });
  }
  issues.push(...unitIssues(units, ctx));

  return {
    schemaVersion: 1,
    catalogVersion: catalog.version,
    plan: { name: plan.name, start: plan.start, end: quarterFromIndex(ctx.end), horizonYears: ctx.horizonYears, discountRate: ctx.discountRate, utilization: ctx.utilization, design: ctx.design },
    sites: siteReports,
    units,
    plants,
    demand,
    demandSeries,
    builds: builds.rows.map((b, j) => ({ ...b, index: valid.deployments[j]!.index })),
    totals,
    issues,
    assumptions: [...ctx.assumptions.values()],
  };
}

function clampQ(ctx: PlanContext, q: number): number | null {
  if (q > ctx.end) return null;
  return Math.max(0, q - ctx.start);
}

function metricUnit(metric: string, precision?: Precision): string {
  switch (metric) {
    case 'pflops':
      return precisionUnit(precision ?? 'fp8');
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

function averageHeat(heats: readonly HeatLoad[]): HeatLoad {
  const n = heats.length || 1;
  const liquid = new Map<number, number>();
  const branches = new Map<PowerArchitecture, number>();
  let it = 0;
  let air = 0;
  for (const h of heats) {
    it += h.itKw;
    air += h.airKw;
    for (const l of h.liquid) liquid.set(l.supplyC, (liquid.get(l.supplyC) ?? 0) + l.kw);
    for (const b of h.branches ?? []) branches.set(b.architecture, (branches.get(b.architecture) ?? 0) + b.itKw);
  }
  return {
    itKw: it / n,
    airKw: air / n,
    liquid: [...liquid].map(([supplyC, kw]) => ({ supplyC, kw: kw / n })),
    ...(branches.size ? { branches: [...branches].map(([architecture, kw]) => ({ architecture, itKw: kw / n })) } : {}),
  };
}

/** Stranded capacity: fill with the generation holding the most racks (linearized at the current peak PUE). */
function stranded(ctx: PlanContext, site: Site, load: SiteLoad, limits: SiteLimits): Stranded {
  let gen: string | null = null;
  let most = 0;
  for (const row of load.units) {
    if (row.racks > most) {
      most = row.racks;
      gen = row.generation;
    }
  }
  const headroom = limits.meterMw - load.peak.facilityMw;
  const free = limits.positions - load.racks;
  if (!gen || headroom <= 0 || free <= 0) {
    return { generation: gen, bindingConstraint: headroom <= 0 ? 'power' : free <= 0 ? 'positions' : 'none', mw: Math.max(0, headroom), positions: Math.max(0, free) };
  }
  const f = ctx.facts(gen, site);
  const peakPue = load.peak.pue ?? 1;
  const mwPerUnit = (f.inputKw * peakPue) / 1000;
  const nPower = Math.floor(headroom / mwPerUnit);
  const nPos = Math.floor(free / f.racks);
  const nFloor = limits.floorLimitKgM2 !== null && f.floorLoadingKgM2 > limits.floorLimitKgM2 ? 0 : Infinity;
  const n = Math.min(nPower, nPos, nFloor);
  const binding = n === nFloor ? 'floorLoading' : n === nPower ? 'power' : 'positions';
  return { generation: gen, bindingConstraint: binding, mw: Math.max(0, headroom - n * mwPerUnit), positions: Math.max(0, free - n * f.racks) };
}

interface ValidRefs {
  readonly orders: readonly NonNullable<Plan['orders']>[number][];
  /** Deployments with resolved generation ids, each with its index in `plan.deployments`. */
  readonly deployments: readonly (Plan['deployments'][number] & { readonly index: number })[];
}

/** Resolve ids (aliases → ids) and drop rows with unknown references, each reported at its path. */
function validateReferences(ctx: PlanContext): ValidRefs {
  const issues = ctx.issues;
  const orders: NonNullable<Plan['orders']>[number][] = [];
  const deployments: (Plan['deployments'][number] & { index: number })[] = [];
  const liquidWarned = new Set<string>();
  (ctx.plan.orders ?? []).forEach((o, i) => {
    const g = ctx.generation(o.generation, ['orders', i, 'generation']);
    const plant = ctx.sites.get(o.plant);
    let ok = true;
    if (!g) {
      issues.push(issue('unknown_generation', 'error', ['orders', i, 'generation'], `no generation "${o.generation}" in the catalog`));
      ok = false;
    }
    if (!plant) {
      issues.push(issue('unknown_site', 'error', ['orders', i, 'plant'], `no site "${o.plant}"`));
      ok = false;
    } else if (!plant.roles.plant) {
      issues.push(issue('not_a_plant', 'error', ['orders', i, 'plant'], `site "${o.plant}" has no integration-plant role`));
      ok = false;
    } else if (g && !plant.roles.plant.generations.includes('*') && !plant.roles.plant.generations.includes(g.id)) {
      issues.push(issue('plant_generation_not_built', 'error', ['orders', i], `${plant.name} does not build ${g.id} (it builds ${plant.roles.plant.generations.join(', ')})`));
      ok = false;
    }
    if (quarterIndex(o.quarter) > ctx.end || quarterIndex(o.quarter) < ctx.start) {
      issues.push(issue('outside_horizon', 'warning', ['orders', i, 'quarter'], `${o.quarter} is outside the horizon ${quarterFromIndex(ctx.start)}…${quarterFromIndex(ctx.end)}; capex counted at the nearest horizon quarter, or dropped after the end`));
    }
    if (ok && g) orders.push({ ...o, generation: g.id });
  });
  ctx.plan.deployments.forEach((d, i) => {
    const g = ctx.generation(d.generation, ['deployments', i, 'generation']);
    const site = ctx.sites.get(d.site);
    let ok = true;
    if (!g) {
      issues.push(issue('unknown_generation', 'error', ['deployments', i, 'generation'], `no generation "${d.generation}" in the catalog`));
      ok = false;
    }
    if (!site) {
      issues.push(issue('unknown_site', 'error', ['deployments', i, 'site'], `no site "${d.site}"`));
      ok = false;
    } else if (!site.roles.dataCenter) {
      issues.push(issue('not_a_data_center', 'error', ['deployments', i, 'site'], `site "${d.site}" has no data-center role`));
      ok = false;
    }
    if (quarterIndex(d.quarter) > ctx.end) {
      issues.push(issue('outside_horizon', 'warning', ['deployments', i, 'quarter'], `${d.quarter} is after the horizon's end ${quarterFromIndex(ctx.end)}; ignored`));
      ok = false;
    }
    if (ok && g) {
      const f = ctx.facts(g.id);
      if (f.liquidKw > 0 && !f.waterClass && f.rackSupplyC === null && !liquidWarned.has(g.id)) {
        liquidWarned.add(g.id);
        issues.push(issue('liquid_supply_unknown', 'info', ['deployments', i, 'generation'], `${g.id}: no coolant supply temperature in the catalog, so its ${Math.round(f.liquidKw)} kW of liquid heat per unit is cooled like air-side heat (conservative)`));
      }
      if (quarterIndex(d.quarter) < f.availableQuarter) {
        issues.push(issue('generation_not_available', 'warning', ['deployments', i, 'quarter'], `${g.id} is available from ${quarterFromIndex(f.availableQuarter)} (${g.availability.confidence}); deployed in ${d.quarter}`));
      }
      if (d.plant !== undefined) plantProblems(ctx, d.plant, g.id, ['deployments', i]);
      deployments.push({ ...d, generation: g.id, index: i });
    }
  });
  return { orders, deployments };
}

/** A row's own plant: known, a plant, and builds the generation (each problem an error issue at the row). */
function plantProblems(ctx: PlanContext, plantId: string, generation: string, path: readonly (string | number)[]): boolean {
  const plant = ctx.sites.get(plantId);
  if (!plant) ctx.issues.push(issue('unknown_site', 'error', [...path, 'plant'], `no site "${plantId}"`));
  else if (!plant.roles.plant) ctx.issues.push(issue('not_a_plant', 'error', [...path, 'plant'], `site "${plantId}" has no integration-plant role`));
  else if (!builds(plant, generation)) ctx.issues.push(issue('plant_generation_not_built', 'error', path, `${plant.name} does not build ${generation} (it builds ${plant.roles.plant.generations.join(', ')})`));
  else return true;
  return false;
}

function builds(plant: Site, generation: string): boolean {
  const g = plant.roles.plant?.generations;
  return !!g && (g.includes('*') || g.includes(generation));
}

/** Build-to-ship lead time of a plant in whole quarters. */
export function leadQuarters(plant: Site): number {
  return Math.ceil(pickSourced(plant.roles.plant!.leadTimeWeeks, 'typical') / WEEKS_PER_QUARTER);
}

/** Great-circle distance in km (haversine, mean Earth radius 6,371 km). */
function distanceKm(a: Site, b: Site): number {
  const rad = Math.PI / 180;
  const dLat = (b.location.latitudeDeg - a.location.latitudeDeg) * rad;
  const dLon = (b.location.longitudeDeg - a.location.longitudeDeg) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.location.latitudeDeg * rad) * Math.cos(b.location.latitudeDeg * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The default plant of a deployment: the nearest plant that builds the generation and has capacity in the quarter it
 * would build the row (deployment quarter − its lead time); when none has capacity then, the nearest that builds it.
 * Null when no plant builds the generation.
 */
export function defaultPlant(ctx: { readonly sites: ReadonlyMap<string, Site> }, siteId: string, generation: string, quarter: number): Site | null {
  const site = ctx.sites.get(siteId);
  const candidates = [...ctx.sites.values()].filter((p) => builds(p, generation));
  if (!site || !candidates.length) return null;
  const ranked = candidates
    .map((p) => ({ p, km: distanceKm(site, p), open: stepAt(p.roles.plant!.racksPerWeek, quarter - leadQuarters(p)) > 0 }))
    .sort((a, b) => Number(b.open) - Number(a.open) || a.km - b.km || a.p.id.localeCompare(b.p.id));
  return ranked[0]!.p;
}

/**
 * Which plant builds each valid deployment row and when, and the orders the rows built directly stand for
 * (firm for locked rows, option for open ones). Rows without a plant of a generation the plan has orders for are
 * built by those orders (and checked against them by {@link checkSupply}).
 */
function assignBuilds(ctx: PlanContext, valid: ValidRefs): { rows: Omit<DeploymentBuild, 'index'>[]; orders: Order[] } {
  const ordered = new Set(valid.orders.map((o) => o.generation));
  const rows: Omit<DeploymentBuild, 'index'>[] = [];
  const orders: Order[] = [];
  for (const d of valid.deployments) {
    const locked = d.locked === true;
    if (d.plant === undefined && ordered.has(d.generation)) {
      rows.push({ plant: null, choice: 'orders', buildQuarter: null, locked });
      continue;
    }
    const q = quarterIndex(d.quarter);
    const own = d.plant !== undefined ? ctx.sites.get(d.plant) : undefined;
    const plant = own && builds(own, d.generation) ? own : defaultPlant(ctx, d.site, d.generation, q);
    if (!plant) {
      ctx.issues.push(issue('plant_generation_not_built', 'warning', ['deployments', d.index], `no plant builds ${d.generation}: the row has no weekly build or parts budget`));
      rows.push({ plant: null, choice: 'nearest', buildQuarter: null, locked });
      continue;
    }
    const b = quarterFromIndex(q - leadQuarters(plant));
    rows.push({ plant: plant.id, choice: own === plant ? 'row' : 'nearest', buildQuarter: b, locked });
    orders.push({ generation: d.generation, plant: plant.id, quarter: b, units: d.units, kind: locked ? 'firm' : 'option' });
  }
  return { rows, orders };
}

/**
 * Each unit's own warnings and errors as plan issues at `units.<site>.<generation>.<path>`, ordered by generation
 * then site, the message naming both. Info stays in the unit reports.
 */
function unitIssues(units: readonly PlanUnit[], ctx: PlanContext): Issue[] {
  const order = new Map(ctx.catalog.generations.map((g, i) => [g.id, i]));
  const sorted = [...units].sort((a, b) => (order.get(a.generation) ?? 0) - (order.get(b.generation) ?? 0) || a.site.localeCompare(b.site));
  const out: Issue[] = [];
  for (const u of sorted) {
    const siteName = (ctx.sites.get(u.site)?.name ?? u.site).split(/[,(]/)[0]!.trim();
    for (const i of u.report.issues) {
      if (i.severity === 'info') continue;
      out.push({ ...i, path: ['units', u.site, u.generation, ...i.path], message: `${u.report.name} at ${siteName}: ${i.message}` });
    }
  }
  return out;
}

/** Deployments per generation must not run ahead of what the plants have shipped (when the plan has orders for it). */
function checkSupply(ctx: PlanContext, valid: ValidRefs, issues: Issue[]): void {
  const gens = new Set(valid.orders.map((o) => o.generation));
  for (const g of gens) {
    const shipped = new Array<number>(ctx.quarters + 1).fill(0);
    for (const o of valid.orders.filter((x) => x.generation === g)) {
      const plant = ctx.sites.get(o.plant)!.roles.plant!;
      const lead = Math.ceil(pickSourced(plant.leadTimeWeeks, 'typical') / WEEKS_PER_QUARTER);
      const k = Math.max(0, quarterIndex(o.quarter) + lead - ctx.start);
      if (k < ctx.quarters) shipped[k]! += o.units;
    }
    const deployed = new Array<number>(ctx.quarters).fill(0);
    for (const d of valid.deployments.filter((x) => x.generation === g)) {
      const k = Math.max(0, quarterIndex(d.quarter) - ctx.start);
      if (k < ctx.quarters) deployed[k]! += d.units;
    }
    let s = 0;
    let dsum = 0;
    for (let k = 0; k < ctx.quarters; k++) {
      s += shipped[k]!;
      dsum += deployed[k]!;
      if (dsum > s) {
        issues.push(issue('deployment_exceeds_supply', 'error', ['deployments'], `${g}: ${dsum} units deployed by ${quarterLabel(quarterFromIndex(ctx.start + k))} but only ${s} shipped (orders plus build-to-ship lead time)`, { limit: s, actual: dsum, unit: 'units' }));
        break;
      }
    }
  }
}

interface PartsAcc {
  powerShelves: number;
  psus: number;
  busbars: number;
  bbus: number;
  inRackCdus: number;
  manifoldPairs: number;
  quickDisconnectPairs: number;
  switchTrays: number;
  switches: number;
  transceivers: number;
  cableAssemblies: { type: string; length: string; count: number }[];
}

function emptyParts(): PartsAcc {
  return { powerShelves: 0, psus: 0, busbars: 0, bbus: 0, inRackCdus: 0, manifoldPairs: 0, quickDisconnectPairs: 0, switchTrays: 0, switches: 0, transceivers: 0, cableAssemblies: [] };
}

/** acc += b × times (in place). */
function addParts(acc: PartsAcc, b: PartsBudget, times: number): void {
  acc.powerShelves += b.powerShelves * times;
  acc.psus += b.psus * times;
  acc.busbars += b.busbars * times;
  acc.bbus += b.bbus * times;
  acc.inRackCdus += b.inRackCdus * times;
  acc.manifoldPairs += b.manifoldPairs * times;
  acc.quickDisconnectPairs += b.quickDisconnectPairs * times;
  acc.switchTrays += b.switchTrays * times;
  acc.switches += b.switches * times;
  acc.transceivers += b.transceivers * times;
  for (const c of b.cableAssemblies) {
    const prev = acc.cableAssemblies.find((x) => x.type === c.type && x.length === c.length);
    if (prev) prev.count += c.count * times;
    else acc.cableAssemblies.push({ type: c.type, length: c.length, count: c.count * times });
  }
}

/** Round a parts budget up to whole parts after adding spares. */
export function withSpares(p: PartsBudget, spares: number): PartsBudget {
  const up = (x: number) => Math.ceil(x * (1 + spares) - 1e-9);
  return {
    powerShelves: up(p.powerShelves),
    psus: up(p.psus),
    busbars: up(p.busbars),
    bbus: up(p.bbus),
    inRackCdus: up(p.inRackCdus),
    manifoldPairs: up(p.manifoldPairs),
    quickDisconnectPairs: up(p.quickDisconnectPairs),
    switchTrays: up(p.switchTrays),
    switches: up(p.switches),
    transceivers: up(p.transceivers),
    cableAssemblies: p.cableAssemblies.map((c) => ({ ...c, count: up(c.count) })),
  };
}

function evaluatePlants(ctx: PlanContext, orders: ValidRefs['orders'], issues: Issue[]): PlantReport[] {
  const out: PlantReport[] = [];
  const plants = [...ctx.sites.values()].filter((s) => s.roles.plant).sort((a, b) => a.id.localeCompare(b.id));
  for (const site of plants) {
    const role = site.roles.plant!;
    const byQuarter = new Map<number, (typeof orders)[number][]>();
    for (const o of orders) {
      if (o.plant !== site.id) continue;
      const qi = quarterIndex(o.quarter);
      const list = byQuarter.get(qi);
      if (list) list.push(o);
      else byQuarter.set(qi, [o]);
    }
    const quarters: PlantQuarter[] = [];
    let peak = 0;
    for (let k = 0; k < ctx.quarters; k++) {
      const q = ctx.start + k;
      const cap = stepAt(role.racksPerWeek, q);
      const here = byQuarter.get(q) ?? [];
      if (cap <= 0 && here.length === 0) continue;
      const byGen = new Map<string, { units: number; kinds: Set<string> }>();
      for (const o of here) {
        const e = byGen.get(o.generation) ?? { units: 0, kinds: new Set<string>() };
        e.units += o.units;
        e.kinds.add(o.kind);
        byGen.set(o.generation, e);
      }
      let racksPerWeek = 0;
      const parts = emptyParts();
      const rows = [...byGen].map(([g, e]) => {
        const f = ctx.facts(g);
        const perWeekUnits = e.units / WEEKS_PER_QUARTER;
        racksPerWeek += perWeekUnits * f.racks;
        addParts(parts, f.parts, perWeekUnits);
        return { generation: g, units: e.units, racksPerWeek: perWeekUnits * f.racks, kind: (e.kinds.size > 1 ? 'mixed' : [...e.kinds][0]) as 'firm' | 'option' | 'mixed' };
      });
      peak = Math.max(peak, racksPerWeek);
      if (racksPerWeek > cap + 1e-9) {
        issues.push(issue('plant_over_capacity', 'error', ['plants', site.id, 'quarters', quarterFromIndex(q)], `${site.name}, ${quarterLabel(quarterFromIndex(q))}: ${formatNumber(racksPerWeek)} racks/week planned, capacity ${formatNumber(cap)}`, { limit: cap, actual: racksPerWeek, unit: 'racks/week' }));
      }
      quarters.push({ quarter: quarterFromIndex(q), capacityRacksPerWeek: cap, racksPerWeek, utilization: cap > 0 ? racksPerWeek / cap : null, byGeneration: rows, partsPerWeek: withSpares(parts, ctx.sparesFraction) });
    }
    for (const s of role.racksPerWeek) ctx.assumptions.set(`sites.${site.id}.plant.racksPerWeek.${s.from}`, assumption(`sites.${site.id}.plant.racksPerWeek.${s.from}`, s.value, 'typical'));
    ctx.assumptions.set(`sites.${site.id}.plant.leadTimeWeeks`, assumption(`sites.${site.id}.plant.leadTimeWeeks`, role.leadTimeWeeks, 'typical'));
    out.push({ id: site.id, name: site.name, leadTimeWeeks: pickSourced(role.leadTimeWeeks, 'typical'), quarters, peakRacksPerWeek: peak });
  }
  return out;
}


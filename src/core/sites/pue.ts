/**
 * PUE, computed from its terms, never typed in:
 *
 *   PUE = 1 + (power-chain losses + cooling energy + fixed overhead) / IT energy
 *
 * IT is the rack input (Σ unit `inputKw`) times utilization. Cooling is the liquid heat (per facility supply
 * temperature) and the air heat (IT air share plus indoor chain losses), each times its cooling kW per kW
 * (./cooling.ts: series economizer with a trim chiller for the share of the heat the ambient cannot reach) — averaged
 * over the year's bins for the annual PUE, or at the design condition for the peak PUE. The cooling term is split into
 * pumps and fans and the chiller, and the heat into the economizer's and the chiller's shares; the same bins give the
 * heat rejection's water (WUE = site water ÷ IT energy, L/kWh).
 * The chain (./chain.ts) is sized on the design load and evaluated at the operating load; the fixed overhead is a
 * fraction of the design IT in service. Annual PUE drives energy; peak PUE (design condition, full load) drives
 * facility MW against the meter limit.
 * @module
 */
import type { PowerArchitecture } from '../catalog/types';
import { pickSourced } from '../provenance';
import { evaluateChain, type StageReport } from './chain';
import { climateBins, designCondition, type DesignBasis, type DesignCondition } from './climate';
import { annualCooling, binCooling, streamRangeK, type Stream } from './cooling';
import type { Climate, CoolingPlant, DataCenterRole, Rejection } from './types';

/** Design IT heat of a site: rack input split into liquid heat by facility supply temperature, and air heat. */
export interface HeatLoad {
  /** Σ unit inputKw (design, full load), kW. */
  readonly itKw: number;
  readonly liquid: readonly { readonly supplyC: number; readonly kw: number }[];
  readonly airKw: number;
  /** Design rack input of units whose power architecture has its own facility stages (800 VDC), kW; part of `itKw`. */
  readonly branches?: readonly { readonly architecture: PowerArchitecture; readonly itKw: number }[];
}

export type PueCondition = { readonly kind: 'annual' } | { readonly kind: 'design'; readonly basis: DesignBasis };

export interface StreamReport {
  readonly stream: Stream;
  readonly supplyC: number;
  /** Loop range (return − supply) the economizer and chiller share, K. */
  readonly rangeK: number;
  readonly heatMw: number;
  /** Cooling power per kW of heat (annual mean or at the design condition). */
  readonly kwPerKw: number;
  readonly coolingMw: number;
  /** Of coolingMw: pumps and fans (economizer, loop pumps, air handlers), and the chiller's compressors. */
  readonly fansAndPumpsMw: number;
  readonly chillerMw: number;
  /** Share of the heat the chiller lifts (annual: hour-weighted mean); the economizer takes the rest. */
  readonly chillerHeatShare: number;
  /** Annual: hours without a chiller; design: 8,760 when chiller-free at the design condition, else 0. */
  readonly chillerFreeHours: number;
  readonly meanCop: number | null;
  /** Water the heat rejection uses per kWh of this heat, L, and per hour, m³ (annual: mean hour). */
  readonly waterLPerKwh: number;
  readonly waterM3PerH: number;
}

export interface PueReport {
  readonly condition: 'annual' | DesignCondition;
  readonly utilization: number;
  readonly itMw: number;
  readonly chainLossMw: number;
  readonly coolingMw: number;
  readonly fixedOverheadMw: number;
  /** Power at the meter: IT + losses + cooling + fixed overhead. */
  readonly facilityMw: number;
  /** Null when there is no IT load. */
  readonly pue: number | null;
  /** Each term over IT (their sum + 1 = PUE). */
  readonly terms: { readonly chainLoss: number; readonly cooling: number; readonly fixedOverhead: number } | null;
  /** The cooling term split (their sum = terms.cooling): pumps and fans of the economizer plant, and the trim chiller. */
  readonly coolingTerms: { readonly fansAndPumps: number; readonly chiller: number } | null;
  /** Heat-weighted shares of all heat taken by the economizer and lifted by chillers (they sum to 1; null without heat). */
  readonly economizerHeatShare: number | null;
  readonly chillerHeatShare: number | null;
  /** How the site rejects heat (sets the water use). */
  readonly rejection: Rejection;
  /** Water the heat rejection uses, m³ per hour (annual: the mean hour; design: at the design condition). */
  readonly waterM3PerH: number;
  /** Annual only: water per year, m³ (waterM3PerH × 8,760); null at a design condition. */
  readonly waterM3PerYear: number | null;
  /** Water usage effectiveness: site water ÷ IT energy, L/kWh (The Green Grid WUE); null without IT load. */
  readonly wueLPerKwh: number | null;
  readonly stages: readonly StageReport[];
  readonly streams: readonly StreamReport[];
  readonly binsMethod: string;
}

const annualCache = new WeakMap<Climate, WeakMap<CoolingPlant, Map<string, ReturnType<typeof annualCooling>>>>();

/** Annual cooling kW/kW for a stream and supply temperature, memoized per climate and plant. */
export function annualFactor(dc: DataCenterRole, stream: Stream, supplyC: number): ReturnType<typeof annualCooling> {
  let byPlant = annualCache.get(dc.climate);
  if (!byPlant) annualCache.set(dc.climate, (byPlant = new WeakMap()));
  let byKey = byPlant.get(dc.cooling);
  if (!byKey) byPlant.set(dc.cooling, (byKey = new Map<string, ReturnType<typeof annualCooling>>()));
  const key = `${stream}:${supplyC}`;
  let hit = byKey.get(key);
  if (!hit) {
    hit = annualCooling(dc.cooling, stream, supplyC, climateBins(dc.climate).bins);
    byKey.set(key, hit);
  }
  return hit;
}

interface Factor {
  readonly kwPerKw: number;
  readonly auxKwPerKw: number;
  readonly chillerKwPerKw: number;
  readonly chillerHeatFraction: number;
  readonly chillerFreeHours: number;
  readonly meanCop: number | null;
  readonly waterLPerKwh: number;
}

function factor(dc: DataCenterRole, stream: Stream, supplyC: number, cond: 'annual' | DesignCondition): Factor {
  if (cond === 'annual') return annualFactor(dc, stream, supplyC);
  const b = binCooling(dc.cooling, stream, supplyC, cond);
  return {
    kwPerKw: b.kwPerKw,
    auxKwPerKw: b.auxKwPerKw,
    chillerKwPerKw: b.chillerKwPerKw,
    chillerHeatFraction: b.chillerFraction,
    chillerFreeHours: b.chillerFree ? 8760 : 0,
    meanCop: b.cop,
    waterLPerKwh: b.waterLPerKwh,
  };
}

function streamReport(dc: DataCenterRole, stream: Stream, supplyC: number, heatKw: number, f: Factor): StreamReport {
  return {
    stream,
    supplyC,
    rangeK: streamRangeK(dc.cooling, stream),
    heatMw: heatKw / 1000,
    kwPerKw: f.kwPerKw,
    coolingMw: (heatKw * f.kwPerKw) / 1000,
    fansAndPumpsMw: (heatKw * f.auxKwPerKw) / 1000,
    chillerMw: (heatKw * f.chillerKwPerKw) / 1000,
    chillerHeatShare: f.chillerHeatFraction,
    chillerFreeHours: f.chillerFreeHours,
    meanCop: f.meanCop,
    waterLPerKwh: f.waterLPerKwh,
    // kW of heat × L/kWh = L/h; ÷ 1,000 = m³/h.
    waterM3PerH: (heatKw * f.waterLPerKwh) / 1000,
  };
}

/** Cooling power for the liquid streams and an air heat, at a condition and load scale. */
function coolingAt(dc: DataCenterRole, load: HeatLoad, scale: number, airExtraKw: number, cond: 'annual' | DesignCondition) {
  const airSupply = pickSourced(dc.cooling.airSupplyC, 'typical');
  const streams: StreamReport[] = [];
  let total = 0;
  for (const l of load.liquid) {
    if (l.kw <= 0) continue;
    const f = factor(dc, 'liquid', l.supplyC, cond);
    const heat = l.kw * scale;
    total += heat * f.kwPerKw;
    streams.push(streamReport(dc, 'liquid', l.supplyC, heat, f));
  }
  const airHeat = load.airKw * scale + airExtraKw;
  if (airHeat > 0) {
    const f = factor(dc, 'air', airSupply, cond);
    total += airHeat * f.kwPerKw;
    streams.push(streamReport(dc, 'air', airSupply, airHeat, f));
  }
  return { totalKw: total, streams };
}

interface Sizing {
  readonly cond: DesignCondition;
  readonly mechanicalKw: number;
  readonly fixedKw: number;
}

/** Evaluate chain and cooling at an operating point (utilization u, condition cond), modules sized by `sizing`. */
function operate(dc: DataCenterRole, load: HeatLoad, u: number, cond: 'annual' | DesignCondition, sizing: { mechanicalKw: number; fixedKw: number } | null): PueReport {
  const itKw = load.itKw * u;
  const fixedKw = pickSourced(dc.fixedOverheadFraction, 'typical') * load.itKw;
  const loads = (mech: number) => ({
    itKw,
    mechanicalKw: mech,
    fixedKw,
    designItKw: load.itKw,
    designMechanicalKw: sizing ? sizing.mechanicalKw : mech,
    designFixedKw: fixedKw,
    branches: load.branches?.map((b) => ({ architecture: b.architecture, itKw: b.itKw * u, designItKw: b.itKw })),
  });
  // Indoor losses become air-side heat. When no indoor stage carries the mechanical load (the usual topology) a
  // chain pass without it gives them exactly; otherwise iterate to the fixed point (it converges in a few passes).
  let chain = evaluateChain(dc.powerChain, loads(0));
  let indoor = chain.indoorLossKw;
  let cooling = coolingAt(dc, load, u, indoor, cond);
  chain = evaluateChain(dc.powerChain, loads(cooling.totalKw));
  for (let i = 0; i < 3 && Math.abs(chain.indoorLossKw - indoor) > 1e-9; i++) {
    indoor = chain.indoorLossKw;
    cooling = coolingAt(dc, load, u, indoor, cond);
    chain = evaluateChain(dc.powerChain, loads(cooling.totalKw));
  }
  const facilityKw = itKw + chain.lossKw + cooling.totalKw + fixedKw;
  // Ratios over a vanishing IT load are meaningless (and overflow): below 1 W there is no PUE.
  const has = itKw > 1e-3;
  let heatMw = 0;
  let chillerHeatMw = 0;
  let fansAndPumpsMw = 0;
  let chillerMw = 0;
  let waterM3PerH = 0;
  for (const s of cooling.streams) {
    heatMw += s.heatMw;
    chillerHeatMw += s.heatMw * s.chillerHeatShare;
    fansAndPumpsMw += s.fansAndPumpsMw;
    chillerMw += s.chillerMw;
    waterM3PerH += s.waterM3PerH;
  }
  const chillerShare = heatMw > 0 ? chillerHeatMw / heatMw : null;
  return {
    condition: cond,
    utilization: u,
    itMw: itKw / 1000,
    chainLossMw: chain.lossKw / 1000,
    coolingMw: cooling.totalKw / 1000,
    fixedOverheadMw: fixedKw / 1000,
    facilityMw: facilityKw / 1000,
    pue: has ? facilityKw / itKw : null,
    terms: has ? { chainLoss: chain.lossKw / itKw, cooling: cooling.totalKw / itKw, fixedOverhead: fixedKw / itKw } : null,
    coolingTerms: has ? { fansAndPumps: (fansAndPumpsMw * 1000) / itKw, chiller: (chillerMw * 1000) / itKw } : null,
    economizerHeatShare: chillerShare === null ? null : 1 - chillerShare,
    chillerHeatShare: chillerShare,
    rejection: dc.cooling.rejection,
    waterM3PerH,
    waterM3PerYear: cond === 'annual' ? waterM3PerH * 8760 : null,
    // m³/h × 1,000 = L/h, over IT kW (kWh per hour).
    wueLPerKwh: has ? (waterM3PerH * 1000) / itKw : null,
    stages: chain.stages,
    streams: cooling.streams,
    binsMethod: cond === 'annual' ? climateBins(dc.climate).description : `design condition: ${cond.row}, ${cond.dryBulbC} °C DB / ${cond.wetBulbC} °C WB`,
  };
}

/** Full load at the design condition: the peak PUE, whose cooling also sizes the chain modules. */
function peakAt(dc: DataCenterRole, load: HeatLoad, basis: DesignBasis): { report: PueReport; sizing: Sizing } {
  const cond = designCondition(dc.climate, basis, dc.cooling.rejection);
  const report = operate(dc, load, 1, cond, null);
  return { report, sizing: { cond, mechanicalKw: report.coolingMw * 1000, fixedKw: report.fixedOverheadMw * 1000 } };
}

/**
 * PUE of a data-center site for a design heat load at a utilization, at the annual condition (bins) or a design condition.
 * @param dc - the site's data-center role
 * @param load - design heat load (full load, Σ inputKw)
 * @param utilization - average IT draw ÷ design IT, in (0, 1]; the design condition is always evaluated at 1
 * @param condition - `{kind:'annual'}` or `{kind:'design', basis:'0.4%'|'20-year'}`
 * @param designBasis - the design basis that sizes the chain modules (default 0.4 %)
 * @example sitePue(site.roles.dataCenter, { itKw: 10_000, liquid: [{ supplyC: 32, kw: 8_600 }], airKw: 1_400 }, 0.8, { kind: 'annual' }).pue
 */
export function sitePue(dc: DataCenterRole, load: HeatLoad, utilization: number, condition: PueCondition, designBasis: DesignBasis = '0.4%'): PueReport {
  if (condition.kind === 'design') return peakAt(dc, load, condition.basis).report;
  const { sizing } = peakAt(dc, load, designBasis);
  return operate(dc, load, clampUtilization(utilization), 'annual', sizing);
}

/** Annual and peak PUE together (the peak's cooling sizes the chain for both), as the plan needs them. */
export function sitePueAnnualAndPeak(dc: DataCenterRole, load: HeatLoad, utilization: number, designBasis: DesignBasis): { annual: PueReport; peak: PueReport } {
  const peak = peakAt(dc, load, designBasis);
  return { annual: operate(dc, load, clampUtilization(utilization), 'annual', peak.sizing), peak: peak.report };
}

function clampUtilization(u: number): number {
  return Math.min(1, Math.max(0, u));
}

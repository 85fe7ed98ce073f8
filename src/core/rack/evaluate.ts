/**
 * The per-unit engine: one deployable unit of a rack generation → power, cooling, cabling, space and
 * compute budgets, with typed issues and the catalog values it used.
 * @module
 */
import type { Catalog, CduModel, ComponentClass, ElectricalSystem, Generation, PsuModel, Redundancy } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { assumption, isMissing, pick, pickSourced, type Assumption, type Basis, type MaybeSourced, type Sourced } from '../provenance';
import {
  NEC_CONTINUOUS_FACTOR,
  circuitCapacity,
  imbalance,
  lineCurrent,
  requiredBreakerAmps,
  threePhaseCurrents,
} from '../physics/electrical';
import {
  W_PER_BTU_H,
  W_PER_TON_REFRIGERATION,
  airDensityAtAltitude,
  airflow,
  coolantProperties,
  facilityWaterClass,
  lpmToGpm,
  m3sToCfm,
  m3sToLpm,
  volumetricFlow,
} from '../physics/thermal';
import type { ComponentPowerRow, CoolingReport, FeedReport, UnitOptions, UnitReport } from './types';

/** Defaults used when neither the user nor the catalog gives a value (each listed in `assumptions`). */
export const DEFAULTS = {
  /** OCP liquid-cooling guidance sizes flow at ≈1.5 L/min/kW, i.e. ΔT ≈ 10 K (ProphetStor summary of OCP; Vertiv uses 1.35). */
  liquidDeltaTK: 10,
  /** 20 °F, the planning rise behind the classic 3.16·W/ΔT°F (≈158 CFM/kW) rule. */
  airDeltaTK: 20 / 1.8,
  pumpEfficiency: 0.7,
  /** A liquid-cooled rack on a row CDU: one supply and one return hose per rack. */
  hosesPerLiquidRack: 2,
} as const;

const DEFAULT_SOURCES = {
  liquidDeltaTK: { url: 'https://prophetstor.com/white-papers/why-fixed-flow-gpu-rack-cooling-wastes-energy/', title: 'ProphetStor: OCP guidance 1.5 L/min/kW at ΔT ≈ 10 K' },
  airDeltaTK: { url: 'https://insidehpc.com/2011/04/calculating-cfms-for-hpc-power-and-cooling/', title: 'insideHPC: CFM = 3.16 × W / ΔT(°F)' },
  nec: { url: 'https://www.productinfo.schneider-electric.com/na-std-ref/5c0fee4b347bdf0001de4d55/Conductor%20Ampacity%20Tables/English/Data%20Bulletin%20-%20Conductor%20Ampacity%20Tables%20(bookmap)_0000264293.ditamap/$/NECInformationOfNote-F20BDBCC', title: 'Schneider Electric: NEC 210.20(A) continuous loads' },
};

/** Number of redundant items in a group of `items` under a redundancy scheme. */
export function redundantItems(redundancy: Redundancy, items: number): number {
  if (redundancy === 'n') return 0;
  if (redundancy === 'n+n') return Math.floor(items / 2);
  return Math.min(items, Number(redundancy.slice(2)));
}

/** PSU efficiency at a load fraction, linear between the catalog points and flat beyond them. */
export function psuEfficiency(psu: PsuModel, loadFraction: number): number {
  const p = psu.efficiency.points;
  if (loadFraction <= p[0]!.loadFraction) return p[0]!.efficiency;
  const last = p[p.length - 1]!;
  if (loadFraction >= last.loadFraction) return last.efficiency;
  // First point at or above the load (one exists: the load is below the last point).
  let i = 1;
  while (p[i]!.loadFraction < loadFraction) i++;
  const a = p[i - 1]!;
  const b = p[i]!;
  return a.efficiency + ((loadFraction - a.loadFraction) / (b.loadFraction - a.loadFraction)) * (b.efficiency - a.efficiency);
}

// ---- per-generation preparation ------------------------------------------------------------
// Everything that does not depend on the options is computed once per (catalog, generation) and basis:
// picked catalog numbers and the assumption rows that cite them. A report shares these frozen rows.

/** An assumption row with its de-duplication key (`path|value`) computed once. */
interface Used {
  readonly a: Assumption;
  readonly key: string;
}

/** A catalog number picked at a basis, and the row that cites it. */
interface Picked<T = number | null> {
  readonly v: T;
  readonly u: Used;
}

interface PreparedComponent {
  readonly c: ComponentClass;
  readonly typicalW: number | null;
  readonly typicalU: Used | null;
  readonly liquid: Picked<number>;
  readonly heightU: number;
  /** Scale-out Gbps one item brings (ports × Gbps), 0 without scale-out ports. */
  readonly scaleOutGbps: number;
}

interface PreparedBasis {
  readonly maxPowerW: readonly Picked[];
  readonly psuRating: Picked<number>;
  readonly transient: Picked;
  readonly busV: Picked;
  readonly unitWeight: number | null;
  readonly unitWeightU: Used;
  /** Per component: its weight at this basis and the row, or null when unpublished. */
  readonly componentWeight: readonly (Picked<number> | null)[];
  /**
   * True when every catalog row this generation can cite at this basis has its own `path|value`. The rows a
   * call adds itself (user values, efficiency, coolant properties) have paths no catalog row has, and each
   * row is cited at most once per call, so the report's rows are then distinct without de-duplication.
   */
  readonly distinct: boolean;
}

interface Prepared {
  readonly at: string;
  readonly psu: PsuModel;
  readonly psuPath: string;
  readonly components: readonly PreparedComponent[];
  readonly systemsDefaultU: Used | null;
  readonly redundancyDefaultU: Used;
  readonly powerCount: Picked;
  readonly powerFactor: Picked<number>;
  readonly peakRating: Picked;
  readonly bbuPower: Picked | null;
  readonly bbuHoldup: Picked | null;
  readonly defaultFeedU: Used;
  readonly defaultWiring: Wiring;
  readonly necDefaultU: Used;
  readonly maxSupply: Picked | null;
  readonly coolantSupply: Picked | null;
  readonly pressureDrop: Picked;
  readonly links: Picked;
  readonly cablesPerLink: Picked;
  readonly rackU: Picked;
  readonly frameWeight: Picked;
  readonly widthM: Picked;
  readonly depthM: Picked;
  readonly compute: { readonly fp4: Picked; readonly fp8: Picked; readonly bf16: Picked; readonly hbmTb: Picked; readonly hbmTbPerS: Picked };
  readonly byBasis: Partial<Record<Basis, PreparedBasis>>;
  readonly catalog: Catalog;
}

const NEC_NOTE = 'NEC 210.20(A): continuous load ≤ 80 % of the breaker unless listed for 100 % operation';
const NEC_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.nec)]);
const LIQUID_DELTA_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.liquidDeltaTK)]);
const AIR_DELTA_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.airDeltaTK)]);
const PHASE_NAMES = ['L1', 'L2', 'L3'] as const;
/** Basis whose pick gives the lowest rating or voltage (the one that sizes currents): max ↔ min. */
const INVERSE_BASIS: Readonly<Record<Basis, Basis>> = { max: 'min', min: 'max', typical: 'typical' };

function used(a: Assumption): Used {
  return { a, key: `${a.path}|${String(a.value)}` };
}

/** A row computed once and shared by every report that cites it: frozen so no report can change another's. */
function fixed(u: Used): Used {
  if (u.a.range) Object.freeze(u.a.range);
  Object.freeze(u.a);
  return Object.freeze(u);
}

function picked(path: string, q: MaybeSourced, basis: Basis, note?: string): Picked {
  return { v: pick(q, basis), u: fixed(used(assumption(path, q, basis, note))) };
}

function pickedSourced(path: string, q: Sourced, basis: Basis, pickAt: Basis = basis): Picked<number> {
  return { v: pickSourced(q, pickAt), u: fixed(used(assumption(path, q, basis))) };
}

function userValue(path: string, value: number | string, unit: string): Used {
  return used({ path, value, unit, confidence: 'user', sources: [], note: undefined });
}

const preparedByCatalog = new WeakMap<Catalog, WeakMap<Generation, Prepared>>();

/** The options-independent part of a generation, memoized when the catalog and generation are frozen. */
function prepared(g: Generation, catalog: Catalog): Prepared {
  if (!Object.isFrozen(g) || !Object.isFrozen(catalog)) return prepare(g, catalog);
  let byGeneration = preparedByCatalog.get(catalog);
  if (!byGeneration) preparedByCatalog.set(catalog, (byGeneration = new WeakMap()));
  let p = byGeneration.get(g);
  if (!p) byGeneration.set(g, (p = prepare(g, catalog)));
  return p;
}

function prepare(g: Generation, catalog: Catalog): Prepared {
  const psu = catalog.psus.find((p) => p.id === g.power.psuId);
  if (!psu) throw new Error(`catalog invariant: PSU ${g.power.psuId} of ${g.id} missing`);
  const at = `generations.${g.id}`;
  const psuPath = `psus.${psu.id}`;
  const sp = g.systemsPerRack;
  const r = g.power.redundancy;
  const f = g.power.defaultFeed;
  const a = g.accelerator;
  const typical = (path: string, q: MaybeSourced, note?: string) => picked(`${at}.${path}`, q, 'typical', note);
  return {
    at,
    psu,
    psuPath,
    components: g.components.map((c) => {
      const typicalW = isMissing(c.typicalPowerW) ? null : pickSourced(c.typicalPowerW, 'typical');
      return {
        c,
        typicalW,
        typicalU: typicalW === null ? null : fixed(used(assumption(`${at}.components.${c.id}.typicalPowerW`, c.typicalPowerW, 'typical'))),
        liquid: pickedSourced(`${at}.components.${c.id}.liquidFraction`, c.liquidFraction, 'typical'),
        heightU: pickSourced(c.heightU, 'typical'),
        scaleOutGbps: c.ports.scaleOut ? c.ports.scaleOut.count * pickSourced(c.ports.scaleOut.gbps, 'typical') : 0,
      };
    }),
    systemsDefaultU: sp ? fixed(used({ path: `${at}.systemsPerRack.default`, value: sp.default, unit: 'systems', confidence: sp.confidence, sources: sp.sources, note: sp.note })) : null,
    redundancyDefaultU: fixed(used({ path: `${at}.power.redundancy.default`, value: r.default, unit: 'scheme', confidence: r.confidence, sources: r.sources, note: r.note })),
    powerCount: typical('power.count', g.power.count),
    powerFactor: pickedSourced(`${psuPath}.powerFactor`, psu.powerFactor, 'typical'),
    peakRating: picked(`${psuPath}.psuPeakRatingW`, psu.psuPeakRatingW, 'typical'),
    bbuPower: g.power.bbu ? typical('power.bbu.powerW', g.power.bbu.powerW) : null,
    bbuHoldup: g.power.bbu ? typical('power.bbu.holdupS', g.power.bbu.holdupS) : null,
    defaultFeedU: fixed(used({ path: `${at}.power.defaultFeed`, value: `${f.volts} V ${f.system} ${f.amps} A`, unit: 'feed', confidence: f.confidence, sources: f.sources, note: f.note })),
    defaultWiring: psuWiring(psu, f),
    necDefaultU: fixed(used({ path: 'rules.necContinuousFactor', value: NEC_CONTINUOUS_FACTOR, unit: 'ratio', confidence: 'published', sources: NEC_SOURCES, note: NEC_NOTE })),
    maxSupply: isMissing(g.cooling.maxCoolantSupplyC) ? null : typical('cooling.maxCoolantSupplyC', g.cooling.maxCoolantSupplyC, 'design supply = warmest the rack accepts'),
    coolantSupply: isMissing(g.cooling.coolantSupplyC) ? null : typical('cooling.coolantSupplyC', g.cooling.coolantSupplyC),
    pressureDrop: typical('cooling.rackPressureDropKpa', g.cooling.rackPressureDropKpa),
    links: typical('scaleUp.linksPerAccelerator', g.scaleUp.linksPerAccelerator),
    cablesPerLink: typical('scaleUp.cablesPerLink', g.scaleUp.cablesPerLink),
    rackU: typical('rack.heightU', g.rack.heightU),
    frameWeight: typical('rack.frameWeightKg', g.rack.frameWeightKg),
    widthM: typical('rack.widthM', g.rack.widthM),
    depthM: typical('rack.depthM', g.rack.depthM),
    compute: {
      fp4: typical('accelerator.fp4DensePflops', a.fp4DensePflops),
      fp8: typical('accelerator.fp8DensePflops', a.fp8DensePflops),
      bf16: typical('accelerator.bf16DensePflops', a.bf16DensePflops),
      hbmTb: typical('accelerator.hbmTb', a.hbmTb),
      hbmTbPerS: typical('accelerator.hbmTbPerS', a.hbmTbPerS),
    },
    byBasis: {},
    catalog,
  };
}

function preparedBasis(g: Generation, p: Prepared, basis: Basis): PreparedBasis {
  const cached = p.byBasis[basis];
  if (cached) return cached;
  const at = p.at;
  const inverse = INVERSE_BASIS[basis];
  const b: Omit<PreparedBasis, 'distinct'> = {
    maxPowerW: g.components.map((c) => picked(`${at}.components.${c.id}.maxPowerW`, c.maxPowerW, basis)),
    psuRating: pickedSourced(`${p.psuPath}.psuRatingW`, p.psu.psuRatingW, basis, inverse),
    transient: picked(`${at}.power.transientFactor`, g.power.transientFactor, basis),
    busV: {
      v: isMissing(g.power.busVoltageV) ? null : pickSourced(g.power.busVoltageV, inverse),
      u: fixed(used(assumption(`${at}.power.busVoltageV`, g.power.busVoltageV, inverse, 'lowest bus voltage gives the highest current when sizing'))),
    },
    unitWeight: pick(g.rack.unitWeightKg, basis),
    unitWeightU: fixed(used(assumption(`${at}.rack.unitWeightKg`, g.rack.unitWeightKg, basis))),
    componentWeight: g.components.map((c) => {
      const w = pick(c.weightKg, basis);
      return w === null ? null : { v: w, u: fixed(used(assumption(`${at}.components.${c.id}.weightKg`, c.weightKg, basis))) };
    }),
  };
  const catalogRows: (Used | null | undefined)[] = [
    p.systemsDefaultU, p.redundancyDefaultU, p.powerCount.u, p.powerFactor.u, p.peakRating.u, p.bbuPower?.u, p.bbuHoldup?.u, p.defaultFeedU,
    p.necDefaultU, p.maxSupply?.u, p.coolantSupply?.u, p.pressureDrop.u, p.links.u, p.cablesPerLink.u, p.rackU.u, p.frameWeight.u, p.widthM.u,
    p.depthM.u, p.compute.fp4.u, p.compute.fp8.u, p.compute.bf16.u, p.compute.hbmTb.u, p.compute.hbmTbPerS.u,
    ...p.components.flatMap((c) => [c.typicalU, c.liquid.u]),
    ...b.maxPowerW.map((x) => x.u), b.psuRating.u, b.transient.u, b.busV.u, b.unitWeightU, ...b.componentWeight.map((x) => x?.u),
  ];
  const keys = catalogRows.flatMap((u) => (u ? [u.key] : []));
  const withDistinct: PreparedBasis = { ...b, distinct: new Set(keys).size === keys.length };
  (p.byBasis as Record<Basis, PreparedBasis>)[basis] = withDistinct;
  return withDistinct;
}

/** Per-call scratch for one component class: its item count and watts at the basis. */
interface Row {
  readonly p: PreparedComponent;
  readonly n: number;
  readonly w: number;
}

/**
 * Evaluate one deployable unit of a generation.
 * @param generation - a validated catalog entry
 * @param options - user choices; omitted fields take catalog defaults (sizing basis `max`)
 * @param catalog - for PSU, CDU and coolant models
 * @returns the unit's budgets, `totals` for `options.units`, typed issues and the assumptions used
 * @example evaluateUnit(gb200, { feeds: 'ab' }, catalog).power.inputKw
 */
export function evaluateUnit(generation: Generation, options: UnitOptions, catalog: Catalog): UnitReport {
  const g = generation;
  const basis: Basis = options.basis ?? 'max';
  const p = prepared(g, catalog);
  const pb = preparedBasis(g, p, basis);
  const issues: Issue[] = [];
  const log: Used[] = [];

  // ---- units, systems, items -------------------------------------------------------------
  const units = options.units ?? 1;
  const systemsPerRack = g.systemsPerRack ? (options.systemsPerRack ?? g.systemsPerRack.default) : 1;
  if (g.systemsPerRack) {
    if (options.systemsPerRack === undefined) log.push(p.systemsDefaultU!);
    else log.push(userValue('options.systemsPerRack', systemsPerRack, 'systems'));
    if (systemsPerRack < g.systemsPerRack.min || systemsPerRack > g.systemsPerRack.max) {
      issues.push(issue('systems_per_rack_out_of_range', 'warning', ['systemsPerRack'], `${systemsPerRack} ${g.systemsPerRack.systemName} per rack is outside the reference range ${g.systemsPerRack.min}–${g.systemsPerRack.max}`, { limit: g.systemsPerRack.max, actual: systemsPerRack, unit: 'systems' }));
    }
  } else if (options.systemsPerRack !== undefined) {
    issues.push(issue('systems_per_rack_ignored', 'info', ['systemsPerRack'], `${g.name} is a ${g.form} unit; systems per rack does not apply`));
  }
  const systems = g.systemsPerRack ? systemsPerRack * g.racks : 1;
  const psu = p.psu;

  // ---- power roll-up ---------------------------------------------------------------------
  const comps = p.components;
  const rows: Row[] = new Array<Row>(comps.length);
  for (let i = 0; i < comps.length; i++) {
    const pc = comps[i]!;
    const c = pc.c;
    const max = pb.maxPowerW[i]!;
    log.push(max.u);
    if (max.v === null) {
      issues.push(issue('power_value_missing', 'warning', ['components', c.id, 'maxPowerW'], `${c.name}: no published power; counted as 0 W`));
    }
    if (pc.typicalU) log.push(pc.typicalU);
    rows[i] = { p: pc, n: c.count * (c.scope === 'system' ? systems : 1), w: max.v ?? 0 };
  }
  const serverInput = g.power.architecture === 'server-psu';
  const redundancy = options.redundancy ?? g.power.redundancy.default;
  if (options.redundancy) log.push(userValue('options.redundancy', redundancy, 'scheme'));
  else log.push(p.redundancyDefaultU);

  const psuPath = p.psuPath;
  log.push(pb.psuRating.u);
  const psuRatingW = pb.psuRating.v;
  log.push(p.powerCount.u);
  const countPerScope = Math.round(p.powerCount.v ?? 0);
  // Redundancy groups: one group of shelves per unit, or one group of PSUs per server.
  const groupCount = serverInput ? systems : 1;
  const itemsPerGroup = countPerScope;
  const itemRatingW = psuRatingW * psu.psusPerShelf;
  const shelves = groupCount * itemsPerGroup;
  const psuCount = shelves * psu.psusPerShelf;
  const nominalCapacityW = shelves * itemRatingW;

  // Server specs are wall (AC input) power; shelf specs are DC (busbar) power. itKw is DC side either way.
  let groupedW = 0;
  let outsideGroupsW = 0;
  for (const r of rows) {
    const inGroups = !(serverInput && r.p.c.scope !== 'system');
    groupedW = groupedW + (inGroups ? r.n * r.w : 0);
    outsideGroupsW = outsideGroupsW + (inGroups ? 0 : r.n * r.w);
  }
  let efficiency: number;
  let itW: number;
  let inputW: number;
  let loadFraction: number;
  if (serverInput) {
    // Fixed point: DC = input × η(DC / capacity); converges in a few steps because η varies slowly.
    let dc = groupedW * 0.94;
    for (let i = 0; i < 20; i++) dc = groupedW * psuEfficiency(psu, nominalCapacityW > 0 ? dc / nominalCapacityW : 1);
    loadFraction = nominalCapacityW > 0 ? dc / nominalCapacityW : 1;
    efficiency = psuEfficiency(psu, loadFraction);
    // Items outside the server PSU groups (management switches…) carry their own supplies at the same class of efficiency.
    itW = dc + outsideGroupsW * efficiency;
    inputW = groupedW + outsideGroupsW;
  } else {
    itW = groupedW + outsideGroupsW;
    loadFraction = nominalCapacityW > 0 ? itW / nominalCapacityW : 1;
    efficiency = psuEfficiency(psu, loadFraction);
    inputW = itW / efficiency;
  }
  log.push(used({ path: `${psuPath}.efficiency`, value: efficiency, unit: 'ratio', confidence: psu.efficiency.confidence, sources: psu.efficiency.sources, note: `interpolated at ${(loadFraction * 100).toFixed(1)} % load per PSU (all installed PSUs sharing)${psu.efficiency.note ? '; ' + psu.efficiency.note : ''}` }));
  let typicalSumW = 0;
  for (const r of rows) typicalSumW = typicalSumW + r.n * (r.p.typicalW ?? r.w);
  const typicalW = typicalSumW * (serverInput ? efficiency : 1);

  const powerFactor = options.powerFactor ?? p.powerFactor.v;
  if (options.powerFactor === undefined) log.push(p.powerFactor.u);
  else log.push(userValue('options.powerFactor', powerFactor, 'ratio'));
  const inputKva = inputW / 1000 / powerFactor;

  // Shelf / PSU redundancy: the group minus its redundant items must still carry the group's load.
  const spare = redundantItems(redundancy, itemsPerGroup);
  const groupLoadW = serverInput ? (loadFraction * nominalCapacityW) / groupCount : itW;
  const redundantCapacityW = (itemsPerGroup - spare) * itemRatingW;
  if (redundantCapacityW + 1e-6 < groupLoadW) {
    issues.push(issue('psu_redundancy_insufficient', 'error', ['power', 'redundancy'], `${redundancy.toUpperCase()} leaves ${itemsPerGroup - spare} of ${itemsPerGroup} ${serverInput ? 'PSUs per system' : 'shelves'} (${fmtKw(redundantCapacityW)}) for a ${fmtKw(groupLoadW)} load`, { limit: redundantCapacityW / 1000, actual: groupLoadW / 1000, unit: 'kW' }));
  }
  if (nominalCapacityW + 1e-6 < (serverInput ? loadFraction * nominalCapacityW : itW)) {
    issues.push(issue('psu_capacity_exceeded', 'error', ['power', 'psus'], `installed PSU capacity ${fmtKw(nominalCapacityW)} is below the ${fmtKw(itW)} load`, { limit: nominalCapacityW / 1000, actual: itW / 1000, unit: 'kW' }));
  }

  // Transient peak: checked against the PSUs' peak rating and the BBUs, never used to size breakers.
  log.push(pb.transient.u);
  const transient = pb.transient.v ?? 1;
  const peakW = itW * transient;
  const peakRating = p.peakRating.v;
  log.push(p.peakRating.u);
  const peakCapacityW = peakRating === null ? null : peakRating * psuCount;
  if (peakCapacityW !== null && peakW > peakCapacityW) {
    issues.push(issue('transient_exceeds_psu_peak', 'error', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' peak rating ${fmtKw(peakCapacityW)}`, { limit: peakCapacityW / 1000, actual: peakW / 1000, unit: 'kW' }));
  } else if (peakCapacityW === null && peakW > nominalCapacityW) {
    issues.push(issue('transient_exceeds_psu_rating', 'warning', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' continuous rating ${fmtKw(nominalCapacityW)}; no peak rating is published, so ride-through depends on PSU overload capability or BBUs`, { limit: nominalCapacityW / 1000, actual: peakW / 1000, unit: 'kW' }));
  }
  let bbu: UnitReport['power']['bbu'] = null;
  if (g.power.bbu) {
    log.push(p.bbuPower!.u);
    const bbuW = g.power.bbu.count * (p.bbuPower!.v ?? 0);
    log.push(p.bbuHoldup!.u);
    const holdS = p.bbuHoldup!.v ?? 0;
    bbu = { count: g.power.bbu.count, capacityKw: bbuW / 1000, holdupS: itW > 0 ? Math.min(holdS * (bbuW / itW), 3600) : 0 };
    if (peakW > bbuW) {
      issues.push(issue('bbu_power_insufficient', 'error', ['power', 'bbu'], `BBUs deliver ${fmtKw(bbuW)}, below the ${fmtKw(peakW)} transient peak`, { limit: bbuW / 1000, actual: peakW / 1000, unit: 'kW' }));
    }
  }

  // ---- feeds, whips, breakers, phases ----------------------------------------------------
  const feedMode = options.feeds ?? 'ab';
  const defaultFeed = g.power.defaultFeed;
  const feed = {
    volts: options.feedVolts ?? defaultFeed.volts,
    amps: options.feedAmps ?? defaultFeed.amps,
    system: options.feedSystem ?? defaultFeed.system,
  };
  if (options.feedVolts === undefined || options.feedAmps === undefined || options.feedSystem === undefined) log.push(p.defaultFeedU);
  const continuousFactor = options.continuousFactor ?? NEC_CONTINUOUS_FACTOR;
  if (options.continuousFactor === undefined) log.push(p.necDefaultU);
  else log.push(used({ path: 'rules.necContinuousFactor', value: continuousFactor, unit: 'ratio', confidence: 'user', sources: NEC_SOURCES, note: NEC_NOTE }));
  const wiring = feed.volts === defaultFeed.volts && feed.system === defaultFeed.system ? p.defaultWiring : psuWiring(psu, feed);
  if (!wiring.ok) issues.push(issue(wiring.code, 'error', ['power', wiring.field], wiring.message, wiring.numbers));
  const connection = wiring.ok ? wiring.connection : 'line-neutral';
  const circuit = circuitCapacity(feed.volts, feed.amps, feed.system, powerFactor, continuousFactor);
  const inputsTotal = shelves; // whips feed whole shelves (or server PSU cords through rack PDUs)
  const sidesN = feedMode === 'ab' ? 2 : 1;
  const sides: FeedReport[] = [];
  let whipsTotal = 0;
  for (let s = 0; s < sidesN; s++) {
    // Split inputs evenly; for servers each system's PSUs are split A/B.
    const inputsOnSide = feedMode === 'ab' ? (serverInput ? systems * (s === 0 ? Math.ceil(itemsPerGroup / 2) : Math.floor(itemsPerGroup / 2)) : s === 0 ? Math.ceil(shelves / 2) : Math.floor(shelves / 2)) : shelves;
    const normalKva = feedMode === 'ab' ? (inputKva * inputsOnSide) / Math.max(1, inputsTotal) : inputKva;
    const failoverKva = inputKva; // with A/B, the surviving side carries the whole unit
    const perInputFailoverKva = inputsOnSide > 0 ? failoverKva / inputsOnSide : 0;
    const perWhipCapacity = circuit.usableKva;
    // Largest number of whole inputs per whip whose kVA and worst phase current stay within the
    // breaker's continuous rating (PSUs assigned to phases round-robin, so 9 single-phase PSUs balance 3/3/3).
    let inputsPerWhip = 0;
    while (
      inputsPerWhip < inputsOnSide &&
      (inputsPerWhip + 1) * perInputFailoverKva <= perWhipCapacity + 1e-9 &&
      maxOf(whipCurrents(inputsPerWhip + 1, perInputFailoverKva, psu.psusPerShelf, feed, connection)) <= circuit.usableAmps + 1e-9
    ) {
      inputsPerWhip++;
    }
    if (inputsOnSide > 0 && inputsPerWhip < 1) {
      issues.push(issue('whip_undersized', 'error', ['power', 'feeds', s === 0 ? 'A' : 'B'], `one ${serverInput ? 'PSU' : 'shelf'} draws ${perInputFailoverKva.toFixed(1)} kVA under failover, above what a ${feed.volts} V ${feed.amps} A ${feed.system} whip carries at ${continuousFactor * 100} % (${perWhipCapacity.toFixed(1)} kVA, ${circuit.usableAmps.toFixed(1)} A per phase)`, { limit: perWhipCapacity, actual: perInputFailoverKva, unit: 'kVA' }));
      inputsPerWhip = 1;
    }
    if (inputsOnSide === 0) inputsPerWhip = 1;
    const whips = inputsOnSide > 0 ? Math.ceil(inputsOnSide / inputsPerWhip) : 0;
    whipsTotal += whips;
    const currents = whipCurrents(Math.min(inputsPerWhip, inputsOnSide), perInputFailoverKva, psu.psusPerShelf, feed, connection);
    const phases: { phase: 'L1' | 'L2' | 'L3'; amps: number }[] = new Array<{ phase: 'L1' | 'L2' | 'L3'; amps: number }>(currents.length);
    for (let i = 0; i < currents.length; i++) phases[i] = { phase: PHASE_NAMES[i]!, amps: currents[i]! };
    const worstPhaseA = maxOf(currents);
    if (worstPhaseA > circuit.usableAmps + 1e-6) {
      issues.push(issue('phase_current_exceeded', 'error', ['power', 'feeds', s === 0 ? 'A' : 'B', 'phases'], `worst phase draws ${worstPhaseA.toFixed(1)} A under failover, above the ${circuit.usableAmps.toFixed(1)} A continuous limit of a ${feed.amps} A breaker`, { limit: circuit.usableAmps, actual: worstPhaseA, unit: 'A' }));
    }
    const required = requiredBreakerAmps(worstPhaseA, continuousFactor);
    sides.push({
      side: s === 0 ? 'A' : 'B', volts: feed.volts, amps: feed.amps, system: feed.system, breakerA: feed.amps,
      requiredBreakerA: required ?? null, whips, inputsOnSide, whipUsableKva: circuit.usableKva, normalKva, failoverKva,
      worstPhaseA, phases, phaseImbalance: imbalance(currents),
    });
  }
  if (feedMode === 'ab') {
    // The rack passes A/B only if one side's PSUs alone carry the maximum load.
    const weakSideItems = Math.floor(itemsPerGroup / 2);
    const sideCapacityW = weakSideItems * itemRatingW;
    if (sideCapacityW + 1e-6 < groupLoadW) {
      issues.push(issue('ab_failover_insufficient', 'error', ['power', 'feeds'], `on loss of one feed, ${weakSideItems} of ${itemsPerGroup} ${serverInput ? 'PSUs per system' : 'shelves'} remain (${fmtKw(sideCapacityW)}) for a ${fmtKw(groupLoadW)} load${serverInput ? ' per system' : ''}`, { limit: sideCapacityW / 1000, actual: groupLoadW / 1000, unit: 'kW' }));
    }
  }

  const busV = pb.busV.v;
  log.push(pb.busV.u);
  const busbarA = busV ? itW / busV : null;

  // ---- cooling ------------------------------------------------------------------------------
  let liquidDcW = 0;
  for (const r of rows) {
    log.push(r.p.liquid.u);
    liquidDcW = liquidDcW + r.n * r.w * (serverInput && r.p.c.scope === 'system' ? efficiency : 1) * r.p.liquid.v;
  }
  const psuLossW = inputW - itW;
  const liquidW = liquidDcW + (g.power.shelvesLiquidCooled ? psuLossW : 0);
  const heatW = inputW;
  const airW = Math.max(0, heatW - liquidW);
  const cooling = coolingBudget(g, p, options, catalog, heatW, liquidW, airW, units, issues, log);

  // ---- cabling ------------------------------------------------------------------------------
  let accelerators = 0;
  let cpus = 0;
  let scaleOutPorts = 0;
  let frontEndPorts = 0;
  let storagePorts = 0;
  let managementItemPorts = 0;
  let scaleOutGbps = 0;
  let usedItemU = 0;
  let qdPairs = 0;
  for (const r of rows) {
    const c = r.p.c;
    accelerators = accelerators + r.n * c.accelerators;
    cpus = cpus + r.n * c.cpus;
    scaleOutPorts = scaleOutPorts + r.n * (c.ports.scaleOut?.count ?? 0);
    frontEndPorts = frontEndPorts + r.n * (c.ports.frontEnd?.count ?? 0);
    storagePorts = storagePorts + r.n * (c.ports.storage?.count ?? 0);
    managementItemPorts = managementItemPorts + r.n * (c.ports.management?.count ?? 0);
    scaleOutGbps = scaleOutGbps + r.n * r.p.scaleOutGbps;
    usedItemU = usedItemU + r.n * r.p.heightU;
    qdPairs = qdPairs + r.n * c.liquidQdPairs;
  }
  log.push(p.links.u);
  const links = p.links.v ?? 0;
  log.push(p.cablesPerLink.u);
  const cablesPerLink = p.cablesPerLink.v ?? 0;
  const scaleUpLinks = accelerators * links;
  const inRackCdu = cooling.cdu !== null && cooling.cdu.placement === 'in-rack';
  const managementPorts = managementItemPorts + (serverInput ? 0 : shelves) + (inRackCdu ? g.racks : 0);
  const liquidRacks = liquidW > 0 ? g.racks : 0;

  // ---- space ---------------------------------------------------------------------------------
  const usedU = usedItemU + (serverInput ? 0 : shelves * psu.heightU) + (inRackCdu ? 4 * g.racks : 0);
  log.push(p.rackU.u);
  const rackU = p.rackU.v ?? 42;
  const availableU = rackU * g.racks;
  if (usedU > availableU) {
    issues.push(issue('rack_u_exceeded', 'error', ['space', 'usedU'], `${usedU} U of equipment in ${availableU} U of rack space`, { limit: availableU, actual: usedU, unit: 'U' }));
  }
  let weightKg: number;
  const published = pb.unitWeight;
  if (published !== null && g.form !== 'server-rack') {
    weightKg = published;
    log.push(pb.unitWeightU);
  } else {
    log.push(p.frameWeight.u);
    const frame = p.frameWeight.v ?? 0;
    let itemsKg = 0;
    let unknown = '';
    for (let i = 0; i < rows.length; i++) {
      const w = pb.componentWeight[i];
      if (w) {
        log.push(w.u);
        itemsKg = itemsKg + rows[i]!.n * w.v;
      }
      if (isMissing(rows[i]!.p.c.weightKg)) unknown += (unknown ? ', ' : '') + rows[i]!.p.c.name;
    }
    weightKg = frame * g.racks + itemsKg;
    if (unknown) issues.push(issue('weight_incomplete', 'warning', ['space', 'weightKg'], `no published weight for ${unknown}; the total leaves them out`));
  }
  log.push(p.widthM.u);
  const widthM = p.widthM.v ?? 0.6;
  log.push(p.depthM.u);
  const depthM = p.depthM.v ?? 1.2;
  const footprint = widthM * depthM;
  const weightPerRack = weightKg / g.racks;
  const floorLoading = footprint > 0 ? weightPerRack / footprint : 0;
  const maxLoad = pick(g.rack.maxLoadKg, 'typical');
  if (maxLoad !== null && weightPerRack > maxLoad) {
    issues.push(issue('rack_weight_exceeded', 'error', ['space', 'weightKg'], `${weightPerRack.toFixed(0)} kg per rack exceeds the frame's ${maxLoad} kg rating`, { limit: maxLoad, actual: weightPerRack, unit: 'kg' }));
  }
  if (options.floorLimitKgM2 !== undefined) {
    log.push(userValue('options.floorLimitKgM2', options.floorLimitKgM2, 'kg/m²'));
    if (floorLoading > options.floorLimitKgM2) {
      issues.push(issue('floor_loading_exceeded', 'error', ['space', 'floorLoadingKgM2'], `${floorLoading.toFixed(0)} kg/m² over the rack footprint exceeds the ${options.floorLimitKgM2} kg/m² floor rating`, { limit: options.floorLimitKgM2, actual: floorLoading, unit: 'kg/m²' }));
    }
  }

  // ---- compute -------------------------------------------------------------------------------
  const pc = p.compute;
  log.push(pc.fp4.u, pc.fp8.u, pc.bf16.u, pc.hbmTb.u, pc.hbmTbPerS.u);
  const compute = {
    accelerators,
    cpus,
    fp4DensePflops: pc.fp4.v === null ? null : pc.fp4.v * accelerators,
    fp8DensePflops: pc.fp8.v === null ? null : pc.fp8.v * accelerators,
    bf16DensePflops: pc.bf16.v === null ? null : pc.bf16.v * accelerators,
    hbmTb: pc.hbmTb.v === null ? null : pc.hbmTb.v * accelerators,
    hbmTbPerS: pc.hbmTbPerS.v === null ? null : pc.hbmTbPerS.v * accelerators,
  };

  const componentsOut: ComponentPowerRow[] = new Array<ComponentPowerRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    componentsOut[i] = { id: r.p.c.id, name: r.p.c.name, count: r.n, wattsEach: r.w, totalKw: (r.n * r.w) / 1000, liquidKw: (r.n * r.w * r.p.liquid.v) / 1000 };
  }
  const scaleUpCables = g.scaleUp.medium === 'cable' ? scaleUpLinks * cablesPerLink : 0;

  return {
    generation: g.id,
    name: g.name,
    basis,
    racks: g.racks,
    systems,
    accelerators,
    power: {
      components: componentsOut,
      itKw: itW / 1000,
      typicalKw: typicalW / 1000,
      inputKw: inputW / 1000,
      inputKva,
      peakKw: peakW / 1000,
      psuLossKw: psuLossW / 1000,
      efficiency,
      powerFactor,
      psus: { id: psu.id, shelves, psuCount, psuRatingW, redundancy, loadPerPsuFraction: loadFraction, redundantCapacityKw: (redundantCapacityW * groupCount) / 1000, peakCapacityKw: peakCapacityW === null ? null : peakCapacityW / 1000 },
      feeds: { mode: feedMode, continuousFactor, sides },
      busVoltageV: busV,
      busbarA,
      bbu,
    },
    cooling,
    cabling: {
      scaleUpCables,
      scaleUpLinks,
      scaleOutPorts,
      scaleOutGbps,
      frontEndPorts,
      storagePorts,
      managementPorts,
      powerWhips: whipsTotal,
      liquidHoses: liquidRacks * DEFAULTS.hosesPerLiquidRack,
      quickDisconnectPairs: liquidW > 0 ? qdPairs : 0,
    },
    space: { usedU, availableU, weightKg, weightPerRackKg: weightPerRack, footprintM2PerRack: footprint, floorLoadingKgM2: floorLoading },
    compute,
    totals: {
      units,
      racks: g.racks * units,
      accelerators: accelerators * units,
      itKw: (itW / 1000) * units,
      inputKw: (inputW / 1000) * units,
      inputKva: inputKva * units,
      peakKw: (peakW / 1000) * units,
      liquidKw: cooling.liquidKw * units,
      airKw: cooling.airKw * units,
      coolantLpm: cooling.coolantLpm * units,
      coolantGpm: cooling.coolantGpm * units,
      airflowCfm: cooling.airflowCfm * units,
      airflowM3h: cooling.airflowM3h * units,
      cdus: cooling.cdu?.count ?? 0,
      scaleUpCables: scaleUpCables * units,
      weightKg: weightKg * units,
      fp8DensePflops: compute.fp8DensePflops === null ? null : compute.fp8DensePflops * units,
      hbmTb: compute.hbmTb === null ? null : compute.hbmTb * units,
    },
    issues,
    assumptions: pb.distinct ? log.map(rowOf) : dedupe(log),
  };
}

/** Line currents of one whip carrying `inputs` shelves (or PSU cords) at their failover share. */
function whipCurrents(inputs: number, perInputFailoverKva: number, psusPerShelf: number, feed: { volts: number; system: ElectricalSystem }, connection: 'line-neutral' | 'line-line'): number[] {
  const psus = inputs * psusPerShelf;
  const perPsuKva = psus > 0 ? (inputs * perInputFailoverKva) / psus : 0;
  if (feed.system === '3ph') {
    const loads = new Array<number>(psus);
    for (let i = 0; i < psus; i++) loads[i] = perPsuKva;
    return threePhaseCurrents(loads, feed.volts, connection);
  }
  return [feed.system === 'dc' ? (inputs * perInputFailoverKva * 1000) / feed.volts : lineCurrent(inputs * perInputFailoverKva, feed.volts, '1ph')];
}

function maxOf(values: readonly number[]): number {
  return values.length === 3 ? Math.max(values[0]!, values[1]!, values[2]!) : Math.max(...values);
}

function coolingBudget(
  g: Generation,
  p: Prepared,
  options: UnitOptions,
  catalog: Catalog,
  heatW: number,
  liquidW: number,
  airW: number,
  units: number,
  issues: Issue[],
  log: Used[],
): CoolingReport & { cdu: (CoolingReport['cdu'] & { placement: string }) | null } {
  const coolantId = options.coolant ?? 'water';
  const deltaTK = options.deltaTK ?? DEFAULTS.liquidDeltaTK;
  const airDeltaTK = options.airDeltaTK ?? DEFAULTS.airDeltaTK;
  const altitudeM = options.altitudeM ?? 0;
  if (options.deltaTK === undefined && liquidW > 0) log.push(LIQUID_DELTA_DEFAULT);
  if (options.airDeltaTK === undefined) log.push(AIR_DELTA_DEFAULT);
  if (options.altitudeM !== undefined) log.push(userValue('options.altitudeM', altitudeM, 'm'));

  // Design supply: the user's, else the warmest the rack accepts (the facility runs as warm as the
  // rack allows, which sets the water class and chiller-free hours), else the typical operating point.
  let supplyC: number | null = options.coolantSupplyC ?? null;
  if (supplyC !== null) log.push(userValue('options.coolantSupplyC', supplyC, '°C'));
  else if (p.maxSupply) {
    log.push(p.maxSupply.u);
    supplyC = p.maxSupply.v;
  } else if (p.coolantSupply) {
    log.push(p.coolantSupply.u);
    supplyC = p.coolantSupply.v;
  }

  let coolantLpm = 0;
  if (liquidW > 0) {
    const coolant = catalog.coolants.find((c) => c.id === coolantId);
    if (!coolant) throw new Error(`catalog invariant: coolant ${coolantId} missing`);
    const meanC = (supplyC ?? 25) + deltaTK / 2;
    const props = coolantProperties(coolant, meanC);
    log.push(used({ path: `coolants.${coolant.id}`, value: `cp ${props.cpJPerKgK.toFixed(0)} J/kg·K, ρ ${props.densityKgM3.toFixed(1)} kg/m³ at ${meanC.toFixed(1)} °C`, unit: 'properties', confidence: coolant.confidence, sources: coolant.sources, note: supplyC === null ? 'no supply temperature known: properties at 25 °C + ΔT/2' : 'at the mean loop temperature' }));
    if (props.clamped) issues.push(issue('coolant_table_clamped', 'warning', ['cooling', 'coolant'], `${coolant.name} properties tabulated only for ${coolant.table[0]!.tempC}–${coolant.table[coolant.table.length - 1]!.tempC} °C; the mean loop temperature ${meanC.toFixed(1)} °C uses the nearest row`));
    const freeze = pick(coolant.freezePointC, 'typical');
    if (freeze !== null && supplyC !== null && supplyC < freeze + 3) issues.push(issue('coolant_near_freezing', 'warning', ['cooling', 'coolantSupplyC'], `supply ${supplyC} °C is within 3 K of the ${freeze} °C freeze point of ${coolant.name}`, { limit: freeze, actual: supplyC, unit: '°C' }));
    coolantLpm = m3sToLpm(volumetricFlow(liquidW, deltaTK, props));
  }
  const airM3s = airflow(airW, airDeltaTK, altitudeM);

  // Facility water: the warmest class the rack tolerates after the CDU approach.
  const cduModel = options.cduId ? catalog.cdus.find((c) => c.id === options.cduId) : catalog.cdus.find((c) => c.placement === 'in-row');
  if (options.cduId && !cduModel) throw new Error(`unknown CDU ${options.cduId} (validate options at the boundary)`);
  let cdu: (CoolingReport['cdu'] & { placement: string }) | null = null;
  let facilitySupplyMaxC: number | null = null;
  let waterClass: string | null = null;
  if (liquidW > 0 && cduModel) {
    const rated = cduRating(cduModel);
    const capW = rated.capacity.v;
    const approachK = rated.approach.v;
    log.push(rated.capacity.u, rated.approach.u);
    const totalLiquid = liquidW * units;
    const count = cduModel.placement === 'in-rack' ? g.racks * units * Math.ceil(liquidW / g.racks / capW) : Math.ceil(totalLiquid / capW) + 1;
    if (cduModel.placement === 'in-rack' && liquidW / g.racks > capW) {
      issues.push(issue('cdu_capacity_exceeded', 'warning', ['cooling', 'cdu'], `${fmtKw(liquidW / g.racks)} of liquid heat per rack exceeds one ${cduModel.name} (${fmtKw(capW)}); ${Math.ceil(liquidW / g.racks / capW)} per rack`, { limit: capW / 1000, actual: liquidW / g.racks / 1000, unit: 'kW' }));
    }
    cdu = { id: cduModel.id, name: cduModel.name, capacityKw: capW / 1000, approachK, count, redundancy: 'n+1', placement: cduModel.placement };
    if (supplyC !== null) {
      facilitySupplyMaxC = supplyC - approachK;
      waterClass = facilityWaterClass(facilitySupplyMaxC);
      if (waterClass === null) issues.push(issue('facility_water_below_w17', 'warning', ['cooling', 'facilityWaterClass'], `the rack's ${supplyC} °C supply less the ${approachK} K CDU approach needs facility water at or below ${facilitySupplyMaxC.toFixed(1)} °C, colder than ASHRAE W17`, { limit: 17, actual: facilitySupplyMaxC, unit: '°C' }));
    }
  } else if (liquidW > 0 && supplyC !== null) {
    issues.push(issue('cdu_catalog_empty', 'info', ['cooling', 'cdu'], 'no CDU model in the catalog; CDU count and facility-water class not computed'));
  }
  const maxSupply = p.maxSupply ? p.maxSupply.v : null;
  if (supplyC !== null && maxSupply !== null && supplyC > maxSupply) {
    issues.push(issue('coolant_supply_too_warm', 'error', ['cooling', 'coolantSupplyC'], `${supplyC} °C supply exceeds the ${maxSupply} °C the rack accepts`, { limit: maxSupply, actual: supplyC, unit: '°C' }));
  }

  let pressureDropKpa: number | null = null;
  let pumpKw: number | null = null;
  if (liquidW > 0) {
    log.push(p.pressureDrop.u);
    pressureDropKpa = p.pressureDrop.v;
    if (pressureDropKpa !== null) pumpKw = (pressureDropKpa * 1000 * (coolantLpm / 60_000)) / DEFAULTS.pumpEfficiency / 1000;
  }

  return {
    heatKw: heatW / 1000,
    heatBtuH: heatW / W_PER_BTU_H,
    heatTons: heatW / W_PER_TON_REFRIGERATION,
    liquidKw: liquidW / 1000,
    airKw: airW / 1000,
    liquidFraction: heatW > 0 ? liquidW / heatW : 0,
    coolant: coolantId,
    supplyC: liquidW > 0 ? supplyC : null,
    returnC: liquidW > 0 && supplyC !== null ? supplyC + deltaTK : null,
    deltaTK,
    coolantLpm,
    coolantGpm: lpmToGpm(coolantLpm),
    airDeltaTK,
    airDensityKgM3: airDensityAtAltitude(altitudeM),
    airflowCfm: m3sToCfm(airM3s),
    airflowM3h: airM3s * 3600,
    facilityWaterClass: waterClass,
    facilitySupplyMaxC,
    cdu,
    pressureDropKpa,
    pumpKw,
  };
}

const LIQUID_DELTA_DEFAULT = fixed(used({ path: 'defaults.liquidDeltaTK', value: DEFAULTS.liquidDeltaTK, unit: 'K', confidence: 'secondary', sources: LIQUID_DELTA_SOURCES }));
const AIR_DELTA_DEFAULT = fixed(used({ path: 'defaults.airDeltaTK', value: DEFAULTS.airDeltaTK, unit: 'K', confidence: 'secondary', sources: AIR_DELTA_SOURCES, note: '20 °F planning rise' }));

const cduRatings = new WeakMap<CduModel, { capacity: Picked<number>; approach: Picked<number> }>();

/** A CDU's rated capacity and approach with their rows (memoized for frozen catalog models). */
function cduRating(cdu: CduModel): { capacity: Picked<number>; approach: Picked<number> } {
  const cached = cduRatings.get(cdu);
  if (cached) return cached;
  const r = {
    capacity: pickedSourced(`cdus.${cdu.id}.capacityW`, cdu.capacityW, 'typical'),
    approach: pickedSourced(`cdus.${cdu.id}.approachK`, cdu.approachK, 'typical'),
  };
  if (Object.isFrozen(cdu)) cduRatings.set(cdu, r);
  return r;
}

type Wiring =
  | { ok: true; connection: 'line-neutral' | 'line-line' }
  | { ok: false; code: 'feed_voltage_out_of_range' | 'feed_system_mismatch'; field: string; message: string; numbers?: { limit: number; actual: number; unit: string } };

/**
 * How the PSUs connect to the feed. A 3-phase shelf states its range line-to-line; a single-phase PSU on a
 * 3-phase feed sits line-to-neutral when V_LL/√3 is in its range (415Y/240 V), else line-to-line (208 V).
 */
export function psuWiring(psu: PsuModel, feed: { volts: number; system: 'dc' | '1ph' | '3ph' }): Wiring {
  const { minVolts, maxVolts, system } = psu.input;
  const inRange = (v: number) => v >= minVolts - 0.5 && v <= maxVolts + 0.5;
  const outOfRange = (v: number, how: string): Wiring => ({
    ok: false, code: 'feed_voltage_out_of_range', field: 'feedVolts',
    message: `${psu.name} accepts ${minVolts}–${maxVolts} V ${system === '3ph' ? 'line-to-line' : ''}; a ${feed.volts} V ${feed.system} feed gives ${v.toFixed(0)} V ${how}`.replace('  ', ' '),
    numbers: { limit: v < minVolts ? minVolts : maxVolts, actual: v, unit: 'V' },
  });
  if ((system === 'dc') !== (feed.system === 'dc')) {
    return { ok: false, code: 'feed_system_mismatch', field: 'feedSystem', message: `${psu.name} takes ${system === 'dc' ? 'DC' : 'AC'} input; the feed is ${feed.system}` };
  }
  if (system === 'dc') return inRange(feed.volts) ? { ok: true, connection: 'line-neutral' } : outOfRange(feed.volts, 'DC');
  if (system === '3ph') {
    if (feed.system !== '3ph') return { ok: false, code: 'feed_system_mismatch', field: 'feedSystem', message: `${psu.name} takes a 3-phase input; the feed is ${feed.system}` };
    return inRange(feed.volts) ? { ok: true, connection: psu.input.connection === 'line-line' ? 'line-line' : 'line-neutral' } : outOfRange(feed.volts, 'line-to-line');
  }
  if (feed.system === '1ph') return inRange(feed.volts) ? { ok: true, connection: 'line-neutral' } : outOfRange(feed.volts, 'at the PSU');
  const ln = feed.volts / Math.sqrt(3);
  if (inRange(ln)) return { ok: true, connection: 'line-neutral' };
  if (inRange(feed.volts)) return { ok: true, connection: 'line-line' };
  return outOfRange(ln, 'line-to-neutral');
}

function fmtKw(w: number): string {
  return `${(w / 1000).toFixed(1)} kW`;
}

function rowOf(u: Used): Assumption {
  return u.a;
}

/** The rows in first-use order, each `path|value` once. */
function dedupe(log: readonly Used[]): Assumption[] {
  const seen = new Set<string>();
  const out: Assumption[] = [];
  for (const u of log) {
    if (seen.has(u.key)) continue;
    seen.add(u.key);
    out.push(u.a);
  }
  return out;
}

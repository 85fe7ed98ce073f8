/**
 * The per-unit engine: one deployable unit of a rack generation → power, cooling, cabling, space and
 * compute budgets, with typed issues and the catalog values it used.
 * @module
 */
import type { Catalog, CduModel, ComponentClass, CoolantModel, ElectricalSystem, Generation, PsuModel, Redundancy } from '../catalog/types';
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
import { HOURS_PER_YEAR, energyOver } from '../calculators/energy';
import type { ComponentPowerRow, CoolingReport, EnergyReport, FeedReport, HostReport, ScaleUpReport, UnitOptions, UnitReport } from './types';

export { DEFAULTS } from './defaults';
import { DEFAULTS } from './defaults';

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


/** A catalog number picked at a basis, and the row that cites it. */
interface Picked<T = number | null> {
  readonly v: T;
  readonly u: Assumption;
}

/**
 * One component class with every figure a call reads, as plain numbers on one shape for every generation (the
 * catalog's objects differ in shape from generation to generation, which makes reading them per call slow).
 */
interface PreparedComponent {
  readonly c: ComponentClass;
  readonly id: string;
  readonly name: string;
  readonly count: number;
  /** True when the count is per system (multiplied by the systems in the unit). */
  readonly perSystem: boolean;
  readonly typicalW: number | null;
  readonly typicalU: Assumption | null;
  readonly liquid: Picked<number>;
  readonly heightU: number;
  readonly accelerators: number;
  readonly cpus: number;
  readonly scaleOutPorts: number;
  /** Transceiver modules one item takes: one per cage (twin-port OSFP cages hold two ports in one module). */
  readonly scaleOutModules: number;
  /** Scale-out Gbps one item brings (ports × Gbps), 0 without scale-out ports. */
  readonly scaleOutGbps: number;
  readonly frontEndPorts: number;
  readonly storagePorts: number;
  readonly managementPorts: number;
  readonly liquidQdPairs: number;
  /** No published weight: the unit's weight leaves this component out. */
  readonly weightUnpublished: boolean;
}

interface PreparedBasis {
  readonly maxPowerW: readonly Picked[];
  /** Accelerator TDP at this basis (the accelerator-only power). */
  readonly tdp: Picked;
  readonly psuRating: Picked<number>;
  readonly transient: Picked;
  readonly busV: Picked;
  readonly unitWeight: number | null;
  readonly unitWeightU: Assumption;
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
  readonly systemsDefaultU: Assumption | null;
  readonly redundancyDefaultU: Assumption;
  readonly powerCount: Picked;
  readonly powerFactor: Picked<number>;
  readonly peakRating: Picked;
  readonly bbuPower: Picked | null;
  readonly bbuHoldup: Picked | null;
  readonly defaultFeedU: Assumption;
  /** The published build's feed arrangement, when the catalog states one. */
  readonly feedModeU: Assumption | null;
  readonly cordsU: Assumption | null;
  readonly busbarRating: Picked | null;
  /** What the report says of the busbar's rating when the unit has a busbar. */
  readonly busbarRatingNote: string;
  readonly profiles: readonly { readonly id: string; readonly name: string; readonly cap: Picked<number> }[];
  readonly defaultProfile: null | { readonly id: string; readonly name: string; readonly u: Assumption; readonly cap: Picked<number> };
  readonly defaultWiring: Wiring;
  readonly necDefaultU: Assumption;
  readonly maxSupply: Picked | null;
  readonly coolantSupply: Picked | null;
  readonly pressureDrop: Picked;
  readonly links: Picked;
  readonly cablesPerLink: Picked;
  readonly rackU: Picked;
  readonly frameWeight: Picked;
  /** The frame's rated load per rack, kg, when published. */
  readonly maxLoadKg: number | null;
  readonly widthM: Picked;
  readonly depthM: Picked;
  readonly compute: { readonly fp4: Picked; readonly fp8: Picked; readonly bf16: Picked; readonly hbmTb: Picked; readonly hbmTbPerS: Picked };
  /** Published-only figures: sparse and FP32/FP64 peaks, idle power, scale-up bandwidth (absent fields read as missing). */
  readonly more: {
    readonly fp4Sparse: Picked;
    readonly fp8Sparse: Picked;
    readonly bf16Sparse: Picked;
    readonly fp32: Picked;
    readonly fp64: Picked;
    readonly idleW: Picked;
    readonly scaleUpGbps: Picked;
  };
  /** The catalog's plan utilization, the energy figures' default. */
  readonly utilization: Picked<number>;
  readonly instance: null | { readonly type: string | null; readonly perSystem: number; readonly vcpu: Picked<number>; readonly memoryGiB: Picked<number>; readonly networkGbps: Picked };
  readonly byBasis: Partial<Record<Basis, PreparedBasis>>;
  /** The last efficiency rows made for this generation, reused while the numbers they state are the same. */
  readonly lastRows: LastRows;
  readonly catalog: Catalog;
}

/**
 * A call's efficiency and coolant rows state numbers that depend on the options; a plan evaluates the same unit with the same
 * options many times, so the last rows (frozen, like every shared row) are kept and reused when their numbers match.
 */
interface LastRows {
  efficiency: Assumption | null;
  efficiencyLoad: number;
  failover: Assumption | null;
  failoverLoad: number;
  failoverSide: 'A' | 'B';
  failoverItems: number;
  coolant: CoolantAt | null;
}

const NEC_NOTE = 'NEC 210.20(A): continuous load ≤ 80 % of the breaker unless listed for 100 % operation';
const NEC_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.nec)]);
const LIQUID_DELTA_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.liquidDeltaTK)]);
const AIR_DELTA_SOURCES = Object.freeze([Object.freeze(DEFAULT_SOURCES.airDeltaTK)]);
const PHASE_NAMES = ['L1', 'L2', 'L3'] as const;
/** The `powerProfile` value that sizes the unit at full power, without the published build's cap. */
export const UNCAPPED = 'uncapped';
/** Basis whose pick gives the lowest rating or voltage (the one that sizes currents): max ↔ min. */
const INVERSE_BASIS: Readonly<Record<Basis, Basis>> = { max: 'min', min: 'max', typical: 'typical' };

/** A row's de-duplication key: a report cites each `path|value` once. */
function keyOf(a: Assumption): string {
  return `${a.path}|${String(a.value)}`;
}

/** A row computed once and shared by every report that cites it: frozen so no report can change another's. */
function fixed(a: Assumption): Assumption {
  if (a.range) Object.freeze(a.range);
  return Object.freeze(a);
}

function picked(path: string, q: MaybeSourced, basis: Basis, note?: string): Picked {
  return { v: pick(q, basis), u: fixed(assumption(path, q, basis, note)) };
}

function pickedSourced(path: string, q: Sourced, basis: Basis, pickAt: Basis = basis): Picked<number> {
  return { v: pickSourced(q, pickAt), u: fixed(assumption(path, q, basis)) };
}

function userValue(path: string, value: number | string, unit: string): Assumption {
  return { path, value, unit, confidence: 'user', sources: [], note: undefined };
}

/** A catalog field the generation does not carry (optional fields added after the presets were written). */
function notInCatalog(unit: string): MaybeSourced {
  return { value: null, unit, reason: 'not published (not in the catalog for this generation)' };
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
  const profiles = (g.power.profiles ?? []).map((x) => ({ id: x.id, name: x.name, cap: pickedSourced(`${at}.power.profiles.${x.id}.capW`, x.capW, 'typical') }));
  const dp = g.power.defaultProfile;
  const dpProfile = dp ? profiles.find((x) => x.id === dp.id) : undefined;
  if (dp && !dpProfile) throw new Error(`catalog invariant: default power profile ${dp.id} of ${g.id} missing`);
  const cords = psu.cords;
  const busbarRating = g.power.busbarRatingA ? picked(`${at}.power.busbarRatingA`, g.power.busbarRatingA, 'typical') : null;
  return {
    at,
    psu,
    psuPath,
    components: g.components.map((c): PreparedComponent => {
      const typicalW = isMissing(c.typicalPowerW) ? null : pickSourced(c.typicalPowerW, 'typical');
      const scaleOut = c.ports.scaleOut;
      return {
        c,
        id: c.id,
        name: c.name,
        count: c.count,
        perSystem: c.scope === 'system',
        typicalW,
        typicalU: typicalW === null ? null : fixed(assumption(`${at}.components.${c.id}.typicalPowerW`, c.typicalPowerW, 'typical')),
        liquid: pickedSourced(`${at}.components.${c.id}.liquidFraction`, c.liquidFraction, 'typical'),
        heightU: pickSourced(c.heightU, 'typical'),
        accelerators: c.accelerators,
        cpus: c.cpus,
        scaleOutPorts: scaleOut?.count ?? 0,
        scaleOutModules: scaleOut ? Math.ceil(scaleOut.count / (scaleOut.portsPerCage ?? 1)) : 0,
        scaleOutGbps: scaleOut ? scaleOut.count * pickSourced(scaleOut.gbps, 'typical') : 0,
        frontEndPorts: c.ports.frontEnd?.count ?? 0,
        storagePorts: c.ports.storage?.count ?? 0,
        managementPorts: c.ports.management?.count ?? 0,
        liquidQdPairs: c.liquidQdPairs,
        weightUnpublished: isMissing(c.weightKg),
      };
    }),
    systemsDefaultU: sp ? fixed({ path: `${at}.systemsPerRack.default`, value: sp.default, unit: 'systems', confidence: sp.confidence, sources: sp.sources, note: sp.note }) : null,
    redundancyDefaultU: fixed({ path: `${at}.power.redundancy.default`, value: r.default, unit: 'scheme', confidence: r.confidence, sources: r.sources, note: r.note }),
    powerCount: typical('power.count', g.power.count),
    powerFactor: pickedSourced(`${psuPath}.powerFactor`, psu.powerFactor, 'typical'),
    peakRating: picked(`${psuPath}.psuPeakRatingW`, psu.psuPeakRatingW, 'typical'),
    bbuPower: g.power.bbu ? typical('power.bbu.powerW', g.power.bbu.powerW) : null,
    bbuHoldup: g.power.bbu ? typical('power.bbu.holdupS', g.power.bbu.holdupS) : null,
    defaultFeedU: fixed({ path: `${at}.power.defaultFeed`, value: `${f.volts} V ${f.system} ${f.amps} A`, unit: 'feed', confidence: f.confidence, sources: f.sources, note: f.note }),
    feedModeU: f.mode ? fixed({ path: `${at}.power.defaultFeed.mode`, value: f.mode, unit: 'feeds', confidence: f.confidence, sources: f.sources, note: f.note }) : null,
    cordsU: cords ? fixed({ path: `${psuPath}.cords`, value: `${cords.count} × ${cords.ratedAmps} A ${cords.connector} per shelf`, unit: 'cords', confidence: cords.confidence, sources: cords.sources, note: cords.note }) : null,
    busbarRating,
    busbarRatingNote: busbarRatingNote(busbarRating?.v ?? null, g.power.busbarRatingA),
    profiles,
    defaultProfile: dp && dpProfile ? { id: dp.id, name: dpProfile.name, cap: dpProfile.cap, u: fixed({ path: `${at}.power.defaultProfile`, value: dp.id, unit: 'profile', confidence: dp.confidence, sources: dp.sources, note: dp.note }) } : null,
    defaultWiring: psuWiring(psu, f),
    necDefaultU: fixed({ path: 'rules.necContinuousFactor', value: NEC_CONTINUOUS_FACTOR, unit: 'ratio', confidence: 'published', sources: NEC_SOURCES, note: NEC_NOTE }),
    maxSupply: isMissing(g.cooling.maxCoolantSupplyC) ? null : typical('cooling.maxCoolantSupplyC', g.cooling.maxCoolantSupplyC, 'design supply = warmest the rack accepts'),
    coolantSupply: isMissing(g.cooling.coolantSupplyC) ? null : typical('cooling.coolantSupplyC', g.cooling.coolantSupplyC),
    pressureDrop: typical('cooling.rackPressureDropKpa', g.cooling.rackPressureDropKpa),
    links: typical('scaleUp.linksPerAccelerator', g.scaleUp.linksPerAccelerator),
    cablesPerLink: typical('scaleUp.cablesPerLink', g.scaleUp.cablesPerLink),
    rackU: typical('rack.heightU', g.rack.heightU),
    frameWeight: typical('rack.frameWeightKg', g.rack.frameWeightKg),
    maxLoadKg: pick(g.rack.maxLoadKg, 'typical'),
    widthM: typical('rack.widthM', g.rack.widthM),
    depthM: typical('rack.depthM', g.rack.depthM),
    compute: {
      fp4: typical('accelerator.fp4DensePflops', a.fp4DensePflops),
      fp8: typical('accelerator.fp8DensePflops', a.fp8DensePflops),
      bf16: typical('accelerator.bf16DensePflops', a.bf16DensePflops),
      hbmTb: typical('accelerator.hbmTb', a.hbmTb),
      hbmTbPerS: typical('accelerator.hbmTbPerS', a.hbmTbPerS),
    },
    more: {
      fp4Sparse: typical('accelerator.fp4SparsePflops', a.fp4SparsePflops ?? notInCatalog('PFLOPS')),
      fp8Sparse: typical('accelerator.fp8SparsePflops', a.fp8SparsePflops ?? notInCatalog('PFLOPS')),
      bf16Sparse: typical('accelerator.bf16SparsePflops', a.bf16SparsePflops ?? notInCatalog('PFLOPS')),
      fp32: typical('accelerator.fp32Pflops', a.fp32Pflops ?? notInCatalog('PFLOPS')),
      fp64: typical('accelerator.fp64Pflops', a.fp64Pflops ?? notInCatalog('PFLOPS')),
      idleW: typical('accelerator.idleW', a.idleW ?? notInCatalog('W')),
      scaleUpGbps: typical('accelerator.scaleUpGbpsPerDirection', a.scaleUpGbpsPerDirection),
    },
    utilization: pickedSourced('prices.planDefaults.utilization', catalog.prices.planDefaults.utilization, 'typical'),
    instance: g.instance
      ? {
          type: g.instance.type,
          perSystem: g.instance.count,
          vcpu: pickedSourced(`${at}.instance.vcpu`, g.instance.vcpu, 'typical'),
          memoryGiB: pickedSourced(`${at}.instance.memoryGiB`, g.instance.memoryGiB, 'typical'),
          networkGbps: typical('instance.networkGbps', g.instance.networkGbps),
        }
      : null,
    byBasis: {},
    lastRows: { efficiency: null, efficiencyLoad: 0, failover: null, failoverLoad: 0, failoverSide: 'A', failoverItems: 0, coolant: null },
    catalog,
  };
}

function busbarRatingNote(ratingA: number | null, field: MaybeSourced | undefined): string {
  return ratingA !== null ? `rated ${ratingA} A` : `rating not published: ampacity unchecked${field && isMissing(field) ? `. ${field.reason}` : ''}`;
}

function preparedBasis(g: Generation, p: Prepared, basis: Basis): PreparedBasis {
  const cached = p.byBasis[basis];
  if (cached) return cached;
  const at = p.at;
  const inverse = INVERSE_BASIS[basis];
  const b: Omit<PreparedBasis, 'distinct'> = {
    maxPowerW: g.components.map((c) => picked(`${at}.components.${c.id}.maxPowerW`, c.maxPowerW, basis)),
    tdp: picked(`${at}.accelerator.tdpW`, g.accelerator.tdpW, basis),
    psuRating: pickedSourced(`${p.psuPath}.psuRatingW`, p.psu.psuRatingW, basis, inverse),
    transient: picked(`${at}.power.transientFactor`, g.power.transientFactor, basis),
    busV: {
      v: isMissing(g.power.busVoltageV) ? null : pickSourced(g.power.busVoltageV, inverse),
      u: fixed(assumption(`${at}.power.busVoltageV`, g.power.busVoltageV, inverse, 'lowest bus voltage gives the highest current when sizing')),
    },
    unitWeight: pick(g.rack.unitWeightKg, basis),
    unitWeightU: fixed(assumption(`${at}.rack.unitWeightKg`, g.rack.unitWeightKg, basis)),
    componentWeight: g.components.map((c) => {
      const w = pick(c.weightKg, basis);
      return w === null ? null : { v: w, u: fixed(assumption(`${at}.components.${c.id}.weightKg`, c.weightKg, basis)) };
    }),
  };
  const catalogRows: (Assumption | null | undefined)[] = [
    p.systemsDefaultU, p.redundancyDefaultU, p.powerCount.u, p.powerFactor.u, p.peakRating.u, p.bbuPower?.u, p.bbuHoldup?.u, p.defaultFeedU,
    p.feedModeU, p.cordsU, p.busbarRating?.u, p.defaultProfile?.u, ...p.profiles.map((x) => x.cap.u),
    p.necDefaultU, p.maxSupply?.u, p.coolantSupply?.u, p.pressureDrop.u, p.links.u, p.cablesPerLink.u, p.rackU.u, p.frameWeight.u, p.widthM.u,
    p.depthM.u, p.compute.fp4.u, p.compute.fp8.u, p.compute.bf16.u, p.compute.hbmTb.u, p.compute.hbmTbPerS.u,
    p.more.fp4Sparse.u, p.more.fp8Sparse.u, p.more.bf16Sparse.u, p.more.fp32.u, p.more.fp64.u, p.more.idleW.u, p.more.scaleUpGbps.u,
    p.utilization.u, p.instance?.vcpu.u, p.instance?.memoryGiB.u, p.instance?.networkGbps.u,
    ...p.components.flatMap((c) => [c.typicalU, c.liquid.u]),
    ...b.maxPowerW.map((x) => x.u), b.tdp.u, b.psuRating.u, b.transient.u, b.busV.u, b.unitWeightU, ...b.componentWeight.map((x) => x?.u),
  ];
  const keys = catalogRows.flatMap((u) => (u ? [keyOf(u)] : []));
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
  const log: Assumption[] = [];

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
    const max = pb.maxPowerW[i]!;
    log.push(max.u);
    if (max.v === null) {
      issues.push(issue('power_value_missing', 'warning', ['components', pc.id, 'maxPowerW'], `${pc.name}: no published power; counted as 0 W`));
    }
    if (pc.typicalU) log.push(pc.typicalU);
    rows[i] = { p: pc, n: pc.count * (pc.perSystem ? systems : 1), w: max.v ?? 0 };
  }
  const serverInput = g.power.architecture === 'server-psu';
  const redundancy = options.redundancy ?? g.power.redundancy.default;
  if (options.redundancy) log.push(userValue('options.redundancy', redundancy, 'scheme'));
  else log.push(p.redundancyDefaultU);

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

  // Power cap: the user's kW, else a profile (the user's, else the one the published build runs at), else none.
  const cap = chooseCap(g, p, options, issues, log);
  let roll = rollUp(rows, serverInput, psu, nominalCapacityW);
  const uncappedItW = roll.itW;
  const capW = cap.capW;
  const capLimiting = capW !== null && uncappedItW > capW;
  if (capW !== null && capLimiting) {
    // A cap throttles every component alike; server input is at the wall, so η moves a little and the scale is
    // refined until the DC side meets the cap.
    let scale = 1;
    for (let k = 0; k < 8 && Math.abs(roll.itW - capW) > capW * 1e-9; k++) {
      scale *= capW / roll.itW;
      for (let i = 0; i < rows.length; i++) rows[i] = { p: rows[i]!.p, n: rows[i]!.n, w: (pb.maxPowerW[i]!.v ?? 0) * scale };
      roll = rollUp(rows, serverInput, psu, nominalCapacityW);
    }
  }
  const { itW, inputW, loadFraction, efficiency, dcInGroupsW, outsideGroupsW } = roll;
  log.push(efficiencyRow(p, efficiency, loadFraction));

  // Typical power where published for the components that carry the load (≥ 90 % of it); never the maximum again.
  let typicalSumW = 0;
  let unpublishedW = 0;
  let rowsW = 0;
  let unpublishedNames = '';
  for (const r of rows) {
    rowsW += r.n * r.w;
    if (r.p.typicalW === null) {
      unpublishedW += r.n * r.w;
      if (r.w > 0) unpublishedNames += (unpublishedNames ? ', ' : '') + r.p.name;
    } else typicalSumW += r.n * Math.min(r.p.typicalW, r.w);
  }
  let typicalKw: number | null = null;
  let typicalNote: string;
  if (rowsW > 0 && unpublishedW / rowsW > 0.1) {
    typicalNote = `not published for ${unpublishedNames}`;
  } else {
    typicalKw = ((typicalSumW + unpublishedW) * (serverInput ? efficiency : 1)) / 1000;
    typicalNote = unpublishedNames ? `published typical, with the maximum for ${unpublishedNames} (no typical published)` : 'published typical';
  }

  const powerFactor = options.powerFactor ?? p.powerFactor.v;
  if (options.powerFactor === undefined) log.push(p.powerFactor.u);
  else log.push(userValue('options.powerFactor', powerFactor, 'ratio'));
  const inputKva = inputW / 1000 / powerFactor;

  // Shelf / PSU redundancy: the group minus its redundant items must still carry the group's load.
  const spare = redundantItems(redundancy, itemsPerGroup);
  const groupLoadW = serverInput ? (loadFraction * nominalCapacityW) / groupCount : itW;
  const redundantCapacityW = (itemsPerGroup - spare) * itemRatingW;
  const itemsToCarry = itemRatingW > 0 ? Math.ceil(groupLoadW / itemRatingW - 1e-9) : 0;
  const defaultFeed = g.power.defaultFeed;
  const feedMode = options.feeds ?? defaultFeed.mode ?? 'ab';
  const weakSideItems = Math.floor(itemsPerGroup / 2);

  // Transient peak: checked against the PSUs' peak rating and the BBUs, never used to size breakers.
  log.push(pb.transient.u);
  const transient = pb.transient.v ?? 1;
  const peakW = itW * transient;
  const peakRating = p.peakRating.v;
  log.push(p.peakRating.u);
  const peakCapacityW = peakRating === null ? null : peakRating * psuCount;
  const power: PowerState = {
    psu, serverInput, systems, redundancy, itW, inputKva, powerFactor, loadFraction, efficiency, dcInGroupsW, outsideGroupsW,
    shelves, groupCount, itemsPerGroup, itemRatingW, groupLoadW, redundantCapacityW, itemsToCarry, weakSideItems, feedMode, peakW, peakRating, peakCapacityW,
  };
  psuChecks(power, spare, nominalCapacityW, transient, issues);
  const bbu = g.power.bbu ? bbuBudget(g.power.bbu.count, p, itW, peakW, issues, log) : null;

  // ---- feeds, whips, breakers, phases ----------------------------------------------------
  const { continuousFactor, sides, whipsTotal } = feedBudget(g, p, options, power, issues, log);

  const busV = pb.busV.v;
  log.push(pb.busV.u);
  const busbarA = busV ? itW / busV : null;
  let busbarRatingA: number | null = null;
  let busbarRatingNote = 'no busbar in this unit';
  if (busbarA !== null) {
    const rating = p.busbarRating;
    if (rating) log.push(rating.u);
    busbarRatingA = rating?.v ?? null;
    busbarRatingNote = p.busbarRatingNote;
    if (busbarRatingA !== null && busbarA > busbarRatingA + 1e-6) {
      issues.push(issue('busbar_ampacity_exceeded', 'error', ['power', 'busbarA'], `${busbarA.toFixed(0)} A at ${busV} V exceeds the busbar's ${busbarRatingA} A rating`, {
        limit: busbarRatingA, actual: busbarA, unit: 'A',
        fix: `Cap the unit at ${capToFit(itW, busbarRatingA, busbarA)} kW (${busbarRatingA} A at ${busV} V), or use a rack whose busbar carries ${Math.ceil(busbarA)} A`,
      }));
    }
  }

  // ---- cooling ------------------------------------------------------------------------------
  let liquidDcW = 0;
  for (const r of rows) {
    log.push(r.p.liquid.u);
    liquidDcW = liquidDcW + r.n * r.w * (serverInput && r.p.perSystem ? efficiency : 1) * r.p.liquid.v;
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
  let scaleOutModules = 0;
  let frontEndPorts = 0;
  let storagePorts = 0;
  let managementItemPorts = 0;
  let scaleOutGbps = 0;
  let usedItemU = 0;
  let qdPairs = 0;
  for (const r of rows) {
    const c = r.p;
    accelerators = accelerators + r.n * c.accelerators;
    cpus = cpus + r.n * c.cpus;
    scaleOutPorts = scaleOutPorts + r.n * c.scaleOutPorts;
    // One transceiver module per cage: twin-port OSFP cages (DGX H100/H200/B200) hold two ports in one module.
    scaleOutModules = scaleOutModules + r.n * c.scaleOutModules;
    frontEndPorts = frontEndPorts + r.n * c.frontEndPorts;
    storagePorts = storagePorts + r.n * c.storagePorts;
    managementItemPorts = managementItemPorts + r.n * c.managementPorts;
    scaleOutGbps = scaleOutGbps + r.n * c.scaleOutGbps;
    usedItemU = usedItemU + r.n * c.heightU;
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
  const space = spaceBudget(g, p, pb, options, rows, systemsPerRack, usedU, issues, log);

  // ---- compute, scale-up bandwidth, accelerator power, host, energy -------------------------
  const { compute, scaleUp, acceleratorPower, host, energy } = acceleratorFigures(g, p, pb, options, systems, accelerators, cpus, itW, uncappedItW, log);

  const componentsOut: ComponentPowerRow[] = new Array<ComponentPowerRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    componentsOut[i] = { id: r.p.id, name: r.p.name, count: r.n, wattsEach: r.w, totalKw: (r.n * r.w) / 1000, liquidKw: (r.n * r.w * r.p.liquid.v) / 1000 };
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
      typicalKw,
      typicalNote,
      cap: {
        source: cap.source,
        profile: cap.profile?.id ?? null,
        profileName: cap.profile?.name ?? null,
        capKw: cap.capW === null ? null : cap.capW / 1000,
        uncappedItKw: uncappedItW / 1000,
        limiting: capLimiting,
      },
      profiles: p.profiles.map((x) => ({ id: x.id, name: x.name, capKw: x.cap.v / 1000 })),
      inputKw: inputW / 1000,
      inputKva,
      peakKw: peakW / 1000,
      psuLossKw: psuLossW / 1000,
      efficiency,
      powerFactor,
      psus: { id: psu.id, kind: psu.kind, shelves, psuCount, psuRatingW, redundancy, loadPerPsuFraction: loadFraction, redundantCapacityKw: (redundantCapacityW * groupCount) / 1000, peakCapacityKw: peakCapacityW === null ? null : peakCapacityW / 1000 },
      feeds: { mode: feedMode, continuousFactor, sides },
      busVoltageV: busV,
      busbarA,
      busbarRatingA,
      busbarRatingNote,
      bbu,
      accelerators: acceleratorPower,
    },
    cooling,
    cabling: {
      scaleUpCables,
      scaleUpLinks,
      scaleOutPorts,
      scaleOutModules,
      scaleOutGbps,
      frontEndPorts,
      storagePorts,
      managementPorts,
      powerWhips: whipsTotal,
      liquidHoses: liquidRacks * DEFAULTS.hosesPerLiquidRack,
      quickDisconnectPairs: liquidW > 0 ? qdPairs : 0,
    },
    space,
    compute,
    scaleUp,
    host,
    energy,
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
      weightKg: space.weightKg * units,
      fp8DensePflops: compute.fp8DensePflops === null ? null : compute.fp8DensePflops * units,
      hbmTb: compute.hbmTb === null ? null : compute.hbmTb * units,
    },
    issues,
    assumptions: pb.distinct ? log : dedupe(log),
  };
}

/** A per-accelerator figure for the unit, null when not published. */
function perUnit(each: number | null, accelerators: number): number | null {
  return each === null ? null : each * accelerators;
}

/** Gb/s per direction → TB/s counting both directions (the vendors' convention: NVLink 5 is 1.8 TB/s). */
const BOTH_DIRECTIONS_TBPS_PER_GBPS = 2 / 8 / 1000;

/** Scale-up bandwidth per accelerator, per domain, for the unit and per rack. */
function scaleUpBandwidth(g: Generation, gbpsPerDirection: number | null, accelerators: number): ScaleUpReport {
  const domainAccelerators = g.scaleUp.domainAccelerators;
  const domains = accelerators / domainAccelerators;
  if (gbpsPerDirection === null) {
    return { topology: g.scaleUp.topology, domainAccelerators, domains, perAcceleratorTBps: null, domainTBps: null, unitTBps: null, perRackTBps: null };
  }
  const perAcceleratorTBps = gbpsPerDirection * BOTH_DIRECTIONS_TBPS_PER_GBPS;
  const unitTBps = perAcceleratorTBps * accelerators;
  return {
    topology: g.scaleUp.topology, domainAccelerators, domains, perAcceleratorTBps,
    domainTBps: perAcceleratorTBps * domainAccelerators, unitTBps, perRackTBps: unitTBps / g.racks,
  };
}

/** A year's IT energy at a utilization, through the calculators' one energy formula. */
function energyFigures(itW: number, accelerators: number, tdpW: number | null, idleW: number | null, utilization: number): EnergyReport {
  const unit = energyOver({ fullKw: itW / 1000, utilization, idleFraction: 0, hours: HOURS_PER_YEAR, pue: 1, tariffUsdPerKwh: null, carbonKgPerMwh: null });
  const idlePublished = idleW !== null && tdpW !== null && tdpW > 0;
  const idleFraction = idlePublished ? Math.min(1, Math.max(0, idleW / tdpW)) : 0;
  const chip = tdpW === null ? null : energyOver({ fullKw: tdpW / 1000, utilization, idleFraction, hours: HOURS_PER_YEAR, pue: 1, tariffUsdPerKwh: null, carbonKgPerMwh: null });
  return {
    utilization,
    hours: HOURS_PER_YEAR,
    unitKwhPerYear: unit.itKwh,
    perAcceleratorKwhPerYear: accelerators > 0 ? unit.itKwh / accelerators : null,
    acceleratorOnlyKwhPerYear: chip === null ? null : chip.itKwh,
    acceleratorIdleFraction: idleFraction,
    acceleratorIdlePublished: idlePublished,
  };
}

/** IT and input power of the rows, with the PSU loading and efficiency it implies. */
function rollUp(rows: readonly Row[], serverInput: boolean, psu: PsuModel, nominalCapacityW: number) {
  // Server specs are wall (AC input) power; shelf specs are DC (busbar) power. itW is DC side either way.
  let groupedW = 0;
  let outsideGroupsW = 0;
  for (const r of rows) {
    const inGroups = !(serverInput && !r.p.perSystem);
    groupedW = groupedW + (inGroups ? r.n * r.w : 0);
    outsideGroupsW = outsideGroupsW + (inGroups ? 0 : r.n * r.w);
  }
  if (serverInput) {
    // Fixed point: DC = input × η(DC / capacity); converges in a few steps because η varies slowly.
    let dc = groupedW * 0.94;
    // Up to 20 steps; once a step returns the value it was given, every later step would too, so it stops there.
    for (let i = 0; i < 20; i++) {
      const next = groupedW * psuEfficiency(psu, nominalCapacityW > 0 ? dc / nominalCapacityW : 1);
      if (next === dc) break;
      dc = next;
    }
    const loadFraction = nominalCapacityW > 0 ? dc / nominalCapacityW : 1;
    const efficiency = psuEfficiency(psu, loadFraction);
    // Items outside the server PSU groups (management switches…) carry their own supplies at the same class of efficiency.
    return { itW: dc + outsideGroupsW * efficiency, inputW: groupedW + outsideGroupsW, loadFraction, efficiency, dcInGroupsW: dc, outsideGroupsW };
  }
  const itW = groupedW + outsideGroupsW;
  const loadFraction = nominalCapacityW > 0 ? itW / nominalCapacityW : 1;
  const efficiency = psuEfficiency(psu, loadFraction);
  return { itW, inputW: itW / efficiency, loadFraction, efficiency, dcInGroupsW: itW, outsideGroupsW: 0 };
}

/** What the feed checks read of the unit's power: the roll-up, the PSU groups and the transient. */
interface PowerState {
  readonly psu: PsuModel;
  readonly serverInput: boolean;
  readonly systems: number;
  readonly redundancy: Redundancy;
  readonly itW: number;
  readonly inputKva: number;
  readonly powerFactor: number;
  readonly loadFraction: number;
  readonly efficiency: number;
  readonly dcInGroupsW: number;
  readonly outsideGroupsW: number;
  readonly shelves: number;
  readonly groupCount: number;
  readonly itemsPerGroup: number;
  readonly itemRatingW: number;
  readonly groupLoadW: number;
  readonly redundantCapacityW: number;
  readonly itemsToCarry: number;
  readonly weakSideItems: number;
  readonly feedMode: 'ab' | 'single';
  readonly peakW: number;
  readonly peakRating: number | null;
  readonly peakCapacityW: number | null;
}

interface FeedBudget {
  readonly continuousFactor: number;
  readonly sides: FeedReport[];
  readonly whipsTotal: number;
}

/** Feeds, whips, breakers and phases: each side's whips and currents under failover, and the A/B checks. */
function feedBudget(g: Generation, p: Prepared, options: UnitOptions, power: PowerState, issues: Issue[], log: Assumption[]): FeedBudget {
  const { psu, serverInput, systems, redundancy, itW, inputKva, powerFactor, loadFraction, efficiency, dcInGroupsW, outsideGroupsW } = power;
  const { shelves, groupCount, itemsPerGroup, itemRatingW, groupLoadW, redundantCapacityW, itemsToCarry, weakSideItems, feedMode, peakW, peakRating, peakCapacityW } = power;
  const defaultFeed = g.power.defaultFeed;
  const ab = feedMode === 'ab';
  const perGroup = serverInput ? ' per system' : '';
  if (options.feeds === undefined && p.feedModeU) log.push(p.feedModeU);
  const feed = {
    volts: options.feedVolts ?? defaultFeed.volts,
    amps: options.feedAmps ?? defaultFeed.amps,
    system: options.feedSystem ?? defaultFeed.system,
  };
  if (options.feedVolts === undefined || options.feedAmps === undefined || options.feedSystem === undefined) log.push(p.defaultFeedU);
  const continuousFactor = options.continuousFactor ?? NEC_CONTINUOUS_FACTOR;
  if (options.continuousFactor === undefined) log.push(p.necDefaultU);
  else log.push({ path: 'rules.necContinuousFactor', value: continuousFactor, unit: 'ratio', confidence: 'user', sources: NEC_SOURCES, note: NEC_NOTE });
  const wiring = feed.volts === defaultFeed.volts && feed.system === defaultFeed.system ? p.defaultWiring : psuWiring(psu, feed);
  if (!wiring.ok) issues.push(issue(wiring.code, 'error', ['power', wiring.field], wiring.message, { ...wiring.numbers, fix: wiringFix(psu) }));
  const connection = wiring.ok ? wiring.connection : 'line-neutral';
  const circuit = circuitCapacity(feed.volts, feed.amps, feed.system, powerFactor, continuousFactor);
  // Whips feed whole inputs: a shelf's published cords (each on its own whip and breaker), else whole shelves or
  // server PSU cords through rack PDUs.
  const cords = serverInput ? undefined : psu.cords;
  if (cords) log.push(p.cordsU!);
  const cordsPerItem = cords?.count ?? 1;
  const psusPerInput = psu.psusPerShelf / cordsPerItem;
  const inputsTotal = shelves * cordsPerItem;
  const sidesN = ab ? 2 : 1;
  const sides: FeedReport[] = [];
  let whipsTotal = 0;
  let worstFailover: { load: number; eff: number; side: 'A' | 'B'; items: number } | null = null;
  for (let s = 0; s < sidesN; s++) {
    const sideName = s === 0 ? 'A' : 'B';
    // Split each group evenly; side A takes the odd one.
    const itemsPerGroupOnSide = ab ? (s === 0 ? Math.ceil(itemsPerGroup / 2) : Math.floor(itemsPerGroup / 2)) : itemsPerGroup;
    const inputsOnSide = itemsPerGroupOnSide * groupCount * cordsPerItem;
    const normalKva = ab ? (inputKva * inputsOnSide) / Math.max(1, inputsTotal) : inputKva;
    // With the other feed failed this side's PSUs carry the whole load, at their efficiency at that load.
    let failoverLoad = loadFraction;
    let failoverEff = efficiency;
    let failoverKva = inputKva;
    if (ab) {
      failoverLoad = itemsPerGroupOnSide > 0 && itemRatingW > 0 ? groupLoadW / (itemsPerGroupOnSide * itemRatingW) : 0;
      failoverEff = itemsPerGroupOnSide > 0 ? psuEfficiency(psu, failoverLoad) : efficiency;
      const failoverInputW = itemsPerGroupOnSide > 0 ? (serverInput ? dcInGroupsW / failoverEff + outsideGroupsW : itW / failoverEff) : 0;
      failoverKva = failoverInputW / 1000 / powerFactor;
      if (itemsPerGroupOnSide > 0 && (!worstFailover || failoverLoad > worstFailover.load)) worstFailover = { load: failoverLoad, eff: failoverEff, side: sideName, items: itemsPerGroupOnSide };
    }
    const perInputFailoverKva = inputsOnSide > 0 ? failoverKva / inputsOnSide : 0;
    const perWhipCapacity = circuit.usableKva;
    // Largest number of whole inputs per whip whose kVA and worst phase current stay within the breaker's
    // continuous rating (PSUs assigned to phases round-robin, so 9 single-phase PSUs balance 3/3/3). A published
    // cord plugs into its own whip.
    const maxPerWhip = cords ? 1 : inputsOnSide;
    let inputsPerWhip = 0;
    while (
      inputsPerWhip < maxPerWhip &&
      (inputsPerWhip + 1) * perInputFailoverKva <= perWhipCapacity + 1e-9 &&
      maxOf(whipCurrents(inputsPerWhip + 1, perInputFailoverKva, psusPerInput, feed, connection)) <= circuit.usableAmps + 1e-9
    ) {
      inputsPerWhip++;
    }
    const undersized = inputsOnSide > 0 && inputsPerWhip < 1;
    if (undersized) {
      const what = cords ? `shelf cord (${cords.connector})` : serverInput ? 'PSU' : 'shelf';
      issues.push(issue('whip_undersized', 'error', ['power', 'feeds', sideName], `one ${what} draws ${perInputFailoverKva.toFixed(1)} kVA under failover, above what a ${feed.volts} V ${feed.amps} A ${feed.system} whip carries at ${continuousFactor * 100} % (${perWhipCapacity.toFixed(1)} kVA, ${circuit.usableAmps.toFixed(1)} A per phase)`, {
        limit: perWhipCapacity, actual: perInputFailoverKva, unit: 'kVA',
        fix: whipFix(psu, feed, continuousFactor, perInputFailoverKva, perWhipCapacity, psusPerInput, connection, cords, capToFit(itW, perWhipCapacity, perInputFailoverKva)),
      }));
      inputsPerWhip = 1;
    }
    if (inputsOnSide === 0) inputsPerWhip = 1;
    const whips = inputsOnSide > 0 ? Math.ceil(inputsOnSide / inputsPerWhip) : 0;
    whipsTotal += whips;
    const currents = whipCurrents(Math.min(inputsPerWhip, inputsOnSide), perInputFailoverKva, psusPerInput, feed, connection);
    const phases: { phase: 'L1' | 'L2' | 'L3'; amps: number }[] = new Array<{ phase: 'L1' | 'L2' | 'L3'; amps: number }>(currents.length);
    for (let i = 0; i < currents.length; i++) phases[i] = { phase: PHASE_NAMES[i]!, amps: currents[i]! };
    const worstPhaseA = maxOf(currents);
    const required = requiredBreakerAmps(worstPhaseA, continuousFactor);
    // An input that alone overloads its whip is whip_undersized (its phases are then over too): reported once.
    if (!undersized && worstPhaseA > circuit.usableAmps + 1e-6) {
      issues.push(issue('phase_current_exceeded', 'error', ['power', 'feeds', sideName, 'phases'], `worst phase draws ${worstPhaseA.toFixed(1)} A under failover, above the ${circuit.usableAmps.toFixed(1)} A continuous limit of a ${feed.amps} A breaker`, {
        limit: circuit.usableAmps, actual: worstPhaseA, unit: 'A',
        fix: `${required !== null && (!cords || required <= cords.ratedAmps) ? `Use a ${required} A breaker and whip, ` : ''}${worstPhaseA <= feed.amps + 1e-6 && continuousFactor < 1 ? 'a 100 %-rated breaker (continuous factor 1.0), ' : ''}spread the PSUs over more whips, or cap the unit at ${capToFit(itW, circuit.usableAmps, worstPhaseA)} kW`.replace(/^[a-z]/, (c) => c.toUpperCase()),
      }));
    }
    sides.push({
      side: sideName, volts: feed.volts, amps: feed.amps, system: feed.system, breakerA: feed.amps,
      requiredBreakerA: required ?? null, whips, inputsOnSide: itemsPerGroupOnSide * groupCount, whipUsableKva: circuit.usableKva, normalKva, failoverKva,
      failoverLoadFraction: failoverLoad, failoverEfficiency: failoverEff, cords: inputsOnSide, connector: cords?.connector ?? null,
      worstPhaseA, phases, phaseImbalance: imbalance(currents),
    });
  }
  if (worstFailover) {
    log.push(failoverEfficiencyRow(p, worstFailover.eff, worstFailover.load, worstFailover.side, worstFailover.items, serverInput));
  }
  if (ab) {
    // The unit passes A/B only if one side's PSUs alone carry the maximum load.
    const sideCapacityW = weakSideItems * itemRatingW;
    if (sideCapacityW + 1e-6 < groupLoadW) {
      const addPerSide = itemsToCarry - weakSideItems;
      const capKw = capToFit(itW, sideCapacityW, groupLoadW);
      const profile = (g.power.profiles ?? []).map((x) => ({ x, kw: pickSourced(x.capW, 'typical') / 1000 })).filter((x) => x.kw <= capKw + 1e-9).sort((a, b) => b.kw - a.kw)[0];
      const singleOk = redundantCapacityW + 1e-6 >= groupLoadW;
      issues.push(issue('ab_failover_insufficient', 'error', ['power', 'feeds'], `on loss of one feed, ${weakSideItems} of ${itemsPerGroup} ${serverInput ? 'PSUs per system' : 'shelves'} remain (${fmtKw(sideCapacityW)}) for a ${fmtKw(groupLoadW)} load${perGroup}`, {
        limit: sideCapacityW / 1000, actual: groupLoadW / 1000, unit: 'kW',
        fix: `Cap the unit at ${capKw} kW${serverInput && systems > 1 ? ` (${fmtKw(sideCapacityW)} DC per system)` : ''}${profile ? ` (profile ${profile.x.id}, ${profile.kw.toFixed(0)} kW, fits)` : ''}${serverInput ? '' : `, add ${addPerSide} shel${addPerSide > 1 ? 'ves' : 'f'} per side (${itemsToCarry} per side)`}${singleOk ? `, or run a single feed (${redundancy.toUpperCase()} ${serverInput ? 'PSUs' : 'shelves'} carry the load)` : ''}`,
      }));
    }
  }

  // With one feed failed only one side's PSUs meet the transient: check their pulse rating too.
  if (ab && peakRating !== null && peakCapacityW !== null && peakW <= peakCapacityW) {
    const sidePeakW = peakRating * weakSideItems * groupCount * psu.psusPerShelf;
    if (peakW > sidePeakW) {
      issues.push(issue('transient_exceeds_psu_peak', 'error', ['power', 'peakKw'], `with one feed failed, the transient peak ${fmtKw(peakW)} exceeds the surviving side's pulse rating ${fmtKw(sidePeakW)}`, {
        limit: sidePeakW / 1000, actual: peakW / 1000, unit: 'kW',
        fix: `Cap the unit at ${capToFit(itW, sidePeakW, peakW)} kW, or add BBUs or power smoothing that absorb ${fmtKw(peakW - sidePeakW)} with one feed failed`,
      }));
    }
  }
  return { continuousFactor, sides, whipsTotal };
}

/** Rack space, the unit's weight (published, else the frame plus its items) and the floor loading it puts down. */
function spaceBudget(g: Generation, p: Prepared, pb: PreparedBasis, options: UnitOptions, rows: readonly Row[], systemsPerRack: number, usedU: number, issues: Issue[], log: Assumption[]): UnitReport['space'] {
  log.push(p.rackU.u);
  const rackU = p.rackU.v ?? 42;
  const availableU = rackU * g.racks;
  if (usedU > availableU) {
    issues.push(issue('rack_u_exceeded', 'error', ['space', 'usedU'], `${usedU} U of equipment in ${availableU} U of rack space`, { limit: availableU, actual: usedU, unit: 'U' }));
  }
  let weightKg: number;
  let weightSource: 'published' | 'estimate' | 'items' = 'items';
  let weightComplete = true;
  const published = pb.unitWeight;
  if (published !== null && g.form !== 'server-rack') {
    // The whole populated unit, published or labelled estimate: floor loading needs the full weight, never the frame alone.
    weightKg = published;
    weightSource = pb.unitWeightU.confidence === 'estimate' ? 'estimate' : 'published';
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
      if (rows[i]!.p.weightUnpublished) unknown += (unknown ? ', ' : '') + rows[i]!.p.name;
    }
    weightKg = frame * g.racks + itemsKg;
    if (unknown) {
      weightComplete = false;
      issues.push(issue('weight_incomplete', 'warning', ['space', 'weightKg'], `no published weight for ${unknown}; the total leaves them out, so the weight and the floor loading are understated`));
    }
  }
  log.push(p.widthM.u);
  const widthM = p.widthM.v ?? 0.6;
  log.push(p.depthM.u);
  const depthM = p.depthM.v ?? 1.2;
  const footprint = widthM * depthM;
  const weightPerRack = weightKg / g.racks;
  const floorLoading = footprint > 0 ? weightPerRack / footprint : 0;
  const maxLoad = p.maxLoadKg;
  if (maxLoad !== null && weightPerRack > maxLoad) {
    const fewer = g.systemsPerRack ? floorFitSystems(weightPerRack, frameKgPerRack(p), systemsPerRack, maxLoad) : null;
    issues.push(issue('rack_weight_exceeded', 'error', ['space', 'weightKg'], `${weightPerRack.toFixed(0)} kg per rack exceeds the frame's ${maxLoad} kg rating`, {
      limit: maxLoad, actual: weightPerRack, unit: 'kg',
      fix: `Use a frame rated for ${Math.ceil(weightPerRack)} kg${fewer !== null ? `, or populate ${fewer} ${g.systemsPerRack!.systemName} per rack` : ''}`,
    }));
  }
  if (options.floorLimitKgM2 !== undefined) {
    log.push(userValue('options.floorLimitKgM2', options.floorLimitKgM2, 'kg/m²'));
    if (floorLoading > options.floorLimitKgM2) {
      const spreadM2 = weightPerRack / options.floorLimitKgM2;
      const fewer = g.systemsPerRack ? floorFitSystems(weightPerRack, frameKgPerRack(p), systemsPerRack, options.floorLimitKgM2 * footprint) : null;
      issues.push(issue('floor_loading_exceeded', 'error', ['space', 'floorLoadingKgM2'], `${floorLoading.toFixed(0)} kg/m² over the rack footprint exceeds the ${options.floorLimitKgM2} kg/m² floor rating${weightComplete ? '' : ' (and the weight is incomplete, so the loading is higher still)'}`, {
        limit: options.floorLimitKgM2, actual: floorLoading, unit: 'kg/m²',
        fix: `Spread each rack's ${weightPerRack.toFixed(0)} kg over at least ${spreadM2.toFixed(2)} m² (load-spreading plates; the footprint is ${footprint.toFixed(2)} m²)${fewer !== null ? `, populate ${fewer} ${g.systemsPerRack!.systemName} per rack` : ''}, or place the racks on a floor rated for ${Math.ceil(floorLoading)} kg/m²`,
      }));
    }
  }
  return { usedU, availableU, weightKg, weightSource, weightComplete, weightPerRackKg: weightPerRack, footprintM2PerRack: footprint, floorLoadingKgM2: floorLoading };
}

/** Compute, scale-up bandwidth, accelerator power, the host (cloud instances) and a year's energy. */
function acceleratorFigures(g: Generation, p: Prepared, pb: PreparedBasis, options: UnitOptions, systems: number, accelerators: number, cpus: number, itW: number, uncappedItW: number, log: Assumption[]): AcceleratorFigures {
  const pc = p.compute;
  const pm = p.more;
  log.push(pc.fp4.u, pc.fp8.u, pc.bf16.u, pc.hbmTb.u, pc.hbmTbPerS.u, pm.fp4Sparse.u, pm.fp8Sparse.u, pm.bf16Sparse.u, pm.fp32.u, pm.fp64.u);
  const compute = {
    accelerators,
    cpus,
    fp4DensePflops: pc.fp4.v === null ? null : pc.fp4.v * accelerators,
    fp8DensePflops: pc.fp8.v === null ? null : pc.fp8.v * accelerators,
    bf16DensePflops: pc.bf16.v === null ? null : pc.bf16.v * accelerators,
    hbmTb: pc.hbmTb.v === null ? null : pc.hbmTb.v * accelerators,
    hbmTbPerS: pc.hbmTbPerS.v === null ? null : pc.hbmTbPerS.v * accelerators,
    fp4SparsePflops: perUnit(pm.fp4Sparse.v, accelerators),
    fp8SparsePflops: perUnit(pm.fp8Sparse.v, accelerators),
    bf16SparsePflops: perUnit(pm.bf16Sparse.v, accelerators),
    fp32Pflops: perUnit(pm.fp32.v, accelerators),
    fp64Pflops: perUnit(pm.fp64.v, accelerators),
  };

  // ---- scale-up bandwidth, accelerator power, host, energy ----------------------------------
  log.push(pm.scaleUpGbps.u);
  const scaleUp = scaleUpBandwidth(g, pm.scaleUpGbps.v, accelerators);
  log.push(pb.tdp.u, pm.idleW.u);
  const tdpW = pb.tdp.v;
  const idleW = pm.idleW.v;
  const acceleratorTdpW = tdpW === null ? null : tdpW * accelerators;
  // Under a limiting cap every component is throttled alike, so the accelerators keep their share of IT power.
  const capScale = uncappedItW > 0 ? itW / uncappedItW : 1;
  const acceleratorPower = {
    tdpKw: acceleratorTdpW === null ? null : acceleratorTdpW / 1000,
    kw: acceleratorTdpW === null ? null : (acceleratorTdpW * capScale) / 1000,
    shareOfIt: acceleratorTdpW === null || uncappedItW <= 0 ? null : acceleratorTdpW / uncappedItW,
    idleKw: idleW === null ? null : (idleW * accelerators) / 1000,
  };
  let host: HostReport | null = null;
  const inst = p.instance;
  if (inst) {
    log.push(inst.vcpu.u, inst.memoryGiB.u, inst.networkGbps.u);
    const instances = systems * inst.perSystem;
    const net = inst.networkGbps.v;
    host = {
      instanceType: inst.type, instances,
      vcpuPerInstance: inst.vcpu.v, memoryGiBPerInstance: inst.memoryGiB.v, networkGbpsPerInstance: net,
      vcpu: inst.vcpu.v * instances, memoryGiB: inst.memoryGiB.v * instances, networkGbps: net === null ? null : net * instances,
    };
  }
  const utilization = options.utilization ?? p.utilization.v;
  if (options.utilization === undefined) log.push(p.utilization.u);
  else log.push(userValue('options.utilization', utilization, 'fraction'));
  const energy = energyFigures(itW, accelerators, tdpW, idleW, utilization);
  return { compute, scaleUp, acceleratorPower, host, energy };
}

interface AcceleratorFigures {
  readonly compute: UnitReport['compute'];
  readonly scaleUp: ScaleUpReport;
  readonly acceleratorPower: UnitReport['power']['accelerators'];
  readonly host: HostReport | null;
  readonly energy: EnergyReport;
}

/** The PSU checks: redundancy, installed capacity, and the transient peak against the PSUs' ratings. */
function psuChecks(power: PowerState, spare: number, nominalCapacityW: number, transient: number, issues: Issue[]): void {
  const { serverInput, redundancy, itW, loadFraction, itemsPerGroup, groupLoadW, redundantCapacityW, itemsToCarry, weakSideItems, peakW, peakCapacityW } = power;
  // N+N on A/B feeds is the A/B check itself (one side's half of the group); that check reports it, once.
  const sameAsFailover = power.feedMode === 'ab' && itemsPerGroup - spare === weakSideItems;
  if (redundantCapacityW + 1e-6 < groupLoadW && !sameAsFailover) {
    const add = itemsToCarry + spare - itemsPerGroup;
    const lower = itemsPerGroup - itemsToCarry;
    // Server PSU bays are fixed by the chassis: a fix never adds PSUs to a server, only shelves to a rack.
    const addItems = serverInput ? '' : `, add ${add} shel${add > 1 ? 'ves' : 'f'}`;
    issues.push(issue('psu_redundancy_insufficient', 'error', ['power', 'redundancy'], `${redundancy.toUpperCase()} leaves ${itemsPerGroup - spare} of ${itemsPerGroup} ${serverInput ? 'PSUs per system' : 'shelves'} (${fmtKw(redundantCapacityW)}) for a ${fmtKw(groupLoadW)} load`, {
      limit: redundantCapacityW / 1000, actual: groupLoadW / 1000, unit: 'kW',
      fix: `Cap the unit at ${capToFit(itW, redundantCapacityW, groupLoadW)} kW${addItems}${lower >= 1 ? `, or lower the redundancy to N+${lower}` : lower === 0 ? ', or run without redundancy (N)' : ''}`,
    }));
  }
  if (nominalCapacityW + 1e-6 < (serverInput ? loadFraction * nominalCapacityW : itW)) {
    issues.push(issue('psu_capacity_exceeded', 'error', ['power', 'psus'], `installed PSU capacity ${fmtKw(nominalCapacityW)} is below the ${fmtKw(itW)} load`, {
      limit: nominalCapacityW / 1000, actual: itW / 1000, unit: 'kW',
      fix: `Cap the unit at ${capToFit(itW, nominalCapacityW, itW)} kW${serverInput ? '' : `, or add ${itemsToCarry - itemsPerGroup} shel${itemsToCarry - itemsPerGroup > 1 ? 'ves' : 'f'}`}`,
    }));
  }
  if (peakCapacityW !== null && peakW > peakCapacityW) {
    issues.push(issue('transient_exceeds_psu_peak', 'error', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' peak rating ${fmtKw(peakCapacityW)}`, {
      limit: peakCapacityW / 1000, actual: peakW / 1000, unit: 'kW',
      fix: `Cap the unit at ${capToFit(itW, peakCapacityW, peakW)} kW (the ×${transient} peak then fits the PSUs' pulse rating), or add BBUs or power smoothing that absorb ${fmtKw(peakW - peakCapacityW)}`,
    }));
  } else if (peakCapacityW === null && peakW > nominalCapacityW) {
    issues.push(issue('transient_exceeds_psu_rating', 'warning', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' continuous rating ${fmtKw(nominalCapacityW)}; no peak rating is published, so ride-through depends on PSU overload capability or BBUs`, {
      limit: nominalCapacityW / 1000, actual: peakW / 1000, unit: 'kW',
      fix: `Confirm with the vendor that the PSUs ride ${fmtKw(peakW - nominalCapacityW)} over their rating for the transient, add BBUs or power smoothing, or cap the unit at ${capToFit(itW, nominalCapacityW, peakW)} kW`,
    }));
  }
}

/** The battery backup units: what they deliver and hold up, checked against the transient peak. */
function bbuBudget(count: number, p: Prepared, itW: number, peakW: number, issues: Issue[], log: Assumption[]): UnitReport['power']['bbu'] {
  log.push(p.bbuPower!.u);
  const perBbuW = p.bbuPower!.v ?? 0;
  const bbuW = count * perBbuW;
  log.push(p.bbuHoldup!.u);
  const holdS = p.bbuHoldup!.v ?? 0;
  if (peakW > bbuW) {
    const addBbus = perBbuW > 0 ? Math.ceil((peakW - bbuW) / perBbuW) : null;
    issues.push(issue('bbu_power_insufficient', 'error', ['power', 'bbu'], `BBUs deliver ${fmtKw(bbuW)}, below the ${fmtKw(peakW)} transient peak`, {
      limit: bbuW / 1000, actual: peakW / 1000, unit: 'kW',
      fix: `${addBbus !== null ? `Add ${addBbus} BBU module${addBbus > 1 ? 's' : ''}, or cap` : 'Cap'} the unit at ${capToFit(itW, bbuW, peakW)} kW`,
    }));
  }
  return { count, capacityKw: bbuW / 1000, holdupS: itW > 0 ? Math.min(holdS * (bbuW / itW), 3600) : 0 };
}

interface CapChoice {
  readonly capW: number | null;
  readonly source: 'user' | 'profile' | 'default-profile' | 'none';
  readonly profile: { readonly id: string; readonly name: string } | null;
}

/** The cap the unit runs at: the user's kW, else the user's profile, else the published build's profile, else none. */
function chooseCap(g: Generation, p: Prepared, options: UnitOptions, issues: Issue[], log: Assumption[]): CapChoice {
  if (options.powerCapKw !== undefined) {
    log.push(userValue('options.powerCapKw', options.powerCapKw, 'kW'));
    return { capW: options.powerCapKw * 1000, source: 'user', profile: null };
  }
  if (options.powerProfile !== undefined) {
    if (options.powerProfile === UNCAPPED) {
      log.push(userValue('options.powerProfile', UNCAPPED, 'profile'));
      return { capW: null, source: 'none', profile: null };
    }
    const chosen = p.profiles.find((x) => x.id === options.powerProfile);
    if (chosen) {
      log.push(chosen.cap.u);
      return { capW: chosen.cap.v, source: 'profile', profile: { id: chosen.id, name: chosen.name } };
    }
    const known = p.profiles.map((x) => x.id).concat(UNCAPPED).join(', ');
    issues.push(issue('power_profile_unknown', 'warning', ['powerProfile'], `${g.name} has no power profile "${options.powerProfile}" (it has: ${known}); the ${p.defaultProfile ? `default profile ${p.defaultProfile.id}` : 'uncapped rack'} is used`, { fix: `Choose one of ${known}, or give a cap in kW` }));
  }
  if (p.defaultProfile) {
    log.push(p.defaultProfile.u, p.defaultProfile.cap.u);
    return { capW: p.defaultProfile.cap.v, source: 'default-profile', profile: { id: p.defaultProfile.id, name: p.defaultProfile.name } };
  }
  return { capW: null, source: 'none', profile: null };
}

/** The PSUs' efficiency at the unit's load, with how it was read off the curve. */
function efficiencyRow(p: Prepared, efficiency: number, loadFraction: number): Assumption {
  const last = p.lastRows;
  if (last.efficiency !== null && last.efficiency.value === efficiency && last.efficiencyLoad === loadFraction) return last.efficiency;
  const curve = p.psu.efficiency;
  const row = fixed({ path: `${p.psuPath}.efficiency`, value: efficiency, unit: 'ratio', confidence: curve.confidence, sources: curve.sources, note: `interpolated at ${(loadFraction * 100).toFixed(1)} % load per PSU (all installed PSUs sharing)${curve.note ? '; ' + curve.note : ''}` });
  last.efficiency = row;
  last.efficiencyLoad = loadFraction;
  return row;
}

/** The surviving side's efficiency with one feed failed (the side that carries the most per PSU). */
function failoverEfficiencyRow(p: Prepared, efficiency: number, loadFraction: number, side: 'A' | 'B', items: number, serverInput: boolean): Assumption {
  const last = p.lastRows;
  if (last.failover !== null && last.failover.value === efficiency && last.failoverLoad === loadFraction && last.failoverSide === side && last.failoverItems === items) return last.failover;
  const curve = p.psu.efficiency;
  const row = fixed({ path: `${p.psuPath}.efficiency.failover`, value: efficiency, unit: 'ratio', confidence: curve.confidence, sources: curve.sources, note: `interpolated at ${(loadFraction * 100).toFixed(1)} % load per PSU with feed ${side === 'A' ? 'B' : 'A'} failed (${items} ${serverInput ? 'PSUs per system' : 'shelves'} on side ${side} carry the load)` });
  last.failover = row;
  last.failoverLoad = loadFraction;
  last.failoverSide = side;
  last.failoverItems = items;
  return row;
}

/** The feed a PSU accepts, for a wiring issue's fix. */
function wiringFix(psu: PsuModel): string {
  const { system, minVolts, maxVolts } = psu.input;
  if (system === 'dc') return `Feed ${minVolts === maxVolts ? `${minVolts}` : `${minVolts}–${maxVolts}`} V DC, as ${psu.name} takes`;
  if (system === '3ph') return `Feed 3-phase ${minVolts}–${maxVolts} V line-to-line (e.g. 415 V or 480 V), as ${psu.name} takes`;
  return `Feed ${minVolts}–${maxVolts} V per PSU: single-phase, 415Y/240 V 3-phase (line-to-neutral) or 208 V 3-phase (line-to-line)`;
}

/** What would make one input's failover load fit its whip: a larger breaker, 480 V, a 100 %-rated breaker, or a cap. */
function whipFix(
  psu: PsuModel,
  feed: { volts: number; amps: number; system: ElectricalSystem },
  continuousFactor: number,
  inputKva: number,
  whipKva: number,
  psusPerInput: number,
  connection: 'line-neutral' | 'line-line',
  cords: PsuModel['cords'],
  capKw: number,
): string {
  const ways: string[] = [];
  const amps = maxOf(whipCurrents(1, inputKva, psusPerInput, feed, connection));
  const breaker = requiredBreakerAmps(amps, continuousFactor);
  if (breaker !== null && (!cords || breaker <= cords.ratedAmps)) ways.push(`a ${breaker} A breaker and whip at ${feed.volts} V`);
  if (amps <= feed.amps + 1e-6 && continuousFactor < 1) ways.push('a 100 %-rated breaker (continuous factor 1.0)');
  if (feed.system === '3ph' && feed.volts < 480 && psu.input.system === '3ph' && psu.input.maxVolts >= 480) {
    const at480 = maxOf(whipCurrents(1, inputKva, psusPerInput, { volts: 480, system: '3ph' }, connection));
    if (at480 <= feed.amps * continuousFactor + 1e-6) ways.push(`a 480 V feed (${at480.toFixed(1)} A per phase on the ${feed.amps} A whip)`);
  }
  ways.push(`cap the unit at about ${capKw} kW (${inputKva.toFixed(1)} kVA against ${whipKva.toFixed(1)} kVA)`);
  const text = ways.length > 1 ? `${ways.slice(0, -1).join(', ')}, or ${ways[ways.length - 1]}` : ways[0]!;
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  log: Assumption[],
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
    const coolant = coolantById(catalog, coolantId);
    if (!coolant) throw new Error(`catalog invariant: coolant ${coolantId} missing`);
    const meanC = (supplyC ?? 25) + deltaTK / 2;
    const loop = coolantAt(p, coolant, meanC, supplyC !== null);
    const props = loop.props;
    log.push(loop.row);
    if (props.clamped) issues.push(issue('coolant_table_clamped', 'warning', ['cooling', 'coolant'], `${coolant.name} properties tabulated only for ${coolant.table[0]!.tempC}–${coolant.table[coolant.table.length - 1]!.tempC} °C; the mean loop temperature ${meanC.toFixed(1)} °C uses the nearest row`));
    const freeze = loop.freezeC;
    if (freeze !== null && supplyC !== null && supplyC < freeze + 3) issues.push(issue('coolant_near_freezing', 'warning', ['cooling', 'coolantSupplyC'], `supply ${supplyC} °C is within 3 K of the ${freeze} °C freeze point of ${coolant.name}`, { limit: freeze, actual: supplyC, unit: '°C' }));
    coolantLpm = m3sToLpm(volumetricFlow(liquidW, deltaTK, props));
  }
  const airM3s = airflow(airW, airDeltaTK, altitudeM);

  // Facility water: the warmest class the rack tolerates after the CDU approach.
  const cduModel = cduFor(catalog, options.cduId);
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
    // A row or facility CDU serves many racks: report this rack's share of one, not a CDU count for one rack.
    const liquidPerRackW = liquidW / g.racks;
    cdu = {
      id: cduModel.id, name: cduModel.name, capacityKw: capW / 1000, approachK, count, redundancy: 'n+1', placement: cduModel.placement,
      sharePerRack: liquidPerRackW / capW, racksPerCdu: Math.floor(capW / liquidPerRackW),
    };
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

const LIQUID_DELTA_DEFAULT = fixed({ path: 'defaults.liquidDeltaTK', value: DEFAULTS.liquidDeltaTK, unit: 'K', confidence: 'secondary', sources: LIQUID_DELTA_SOURCES });
const AIR_DELTA_DEFAULT = fixed({ path: 'defaults.airDeltaTK', value: DEFAULTS.airDeltaTK, unit: 'K', confidence: 'secondary', sources: AIR_DELTA_SOURCES, note: '20 °F planning rise' });

/** The CDU model asked for, else the catalog's first in-row CDU. */
function cduFor(catalog: Catalog, id: string | undefined): CduModel | undefined {
  const cdus = catalog.cdus;
  for (let i = 0; i < cdus.length; i++) if (id !== undefined ? cdus[i]!.id === id : cdus[i]!.placement === 'in-row') return cdus[i];
  return undefined;
}

function coolantById(catalog: Catalog, id: string): CoolantModel | undefined {
  const coolants = catalog.coolants;
  for (let i = 0; i < coolants.length; i++) if (coolants[i]!.id === id) return coolants[i];
  return undefined;
}

interface CoolantAt {
  readonly coolant: CoolantModel;
  readonly meanC: number;
  readonly supplyKnown: boolean;
  readonly props: ReturnType<typeof coolantProperties>;
  readonly freezeC: number | null;
  readonly row: Assumption;
}

/** A coolant's properties at the mean loop temperature and the row that states them (the generation's last kept). */
function coolantAt(p: Prepared, coolant: CoolantModel, meanC: number, supplyKnown: boolean): CoolantAt {
  const last = p.lastRows.coolant;
  if (last !== null && last.coolant === coolant && last.meanC === meanC && last.supplyKnown === supplyKnown) return last;
  const props = coolantProperties(coolant, meanC);
  const row = fixed({ path: `coolants.${coolant.id}`, value: `cp ${props.cpJPerKgK.toFixed(0)} J/kg·K, ρ ${props.densityKgM3.toFixed(1)} kg/m³ at ${meanC.toFixed(1)} °C`, unit: 'properties', confidence: coolant.confidence, sources: coolant.sources, note: supplyKnown ? 'at the mean loop temperature' : 'no supply temperature known: properties at 25 °C + ΔT/2' });
  const at: CoolantAt = { coolant, meanC, supplyKnown, props, freezeC: pick(coolant.freezePointC, 'typical'), row };
  p.lastRows.coolant = at;
  return at;
}

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

/** Empty frame weight per rack (kg), as the engine counts it for server racks. */
function frameKgPerRack(p: Prepared): number {
  return p.frameWeight.v ?? 0;
}

/** Most systems per rack whose weight stays within `limitKg` per rack (at least 1), given today's weight and count. */
function floorFitSystems(weightPerRackKg: number, frameKg: number, systemsPerRack: number, limitKg: number): number {
  const perSystem = systemsPerRack > 0 ? (weightPerRackKg - frameKg) / systemsPerRack : 0;
  if (perSystem <= 0) return systemsPerRack;
  return Math.max(1, Math.floor((limitKg - frameKg) / perSystem));
}

/** The unit cap (kW, rounded down to 0.1) that brings `loadW` down to `limitW`: loads scale with the cap. */
function capToFit(itW: number, limitW: number, loadW: number): number {
  return Math.floor(((itW * limitW) / loadW) / 100) / 10;
}

function fmtKw(w: number): string {
  return `${(w / 1000).toFixed(1)} kW`;
}

/** The rows in first-use order, each `path|value` once. */
function dedupe(log: readonly Assumption[]): Assumption[] {
  const seen = new Set<string>();
  const out: Assumption[] = [];
  for (const a of log) {
    const key = keyOf(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

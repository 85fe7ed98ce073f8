/**
 * The per-unit engine: one deployable unit of a rack generation → power, cooling, cabling, space and
 * compute budgets, with typed issues and the catalog values it used.
 * @module
 */
import type { Catalog, ComponentClass, Generation, PsuModel, Redundancy } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { assumption, isMissing, pick, pickSourced, type Assumption, type Basis, type MaybeSourced } from '../provenance';
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
  const i = p.findIndex((x) => x.loadFraction >= loadFraction);
  const a = p[i - 1]!;
  const b = p[i]!;
  return a.efficiency + ((loadFraction - a.loadFraction) / (b.loadFraction - a.loadFraction)) * (b.efficiency - a.efficiency);
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
  const issues: Issue[] = [];
  const assumptions: Assumption[] = [];
  const at = `generations.${g.id}`;
  const use = (path: string, q: MaybeSourced, b: Basis = basis, note?: string): number | null => {
    assumptions.push(assumption(`${at}.${path}`, q, b, note));
    return pick(q, b);
  };
  const userValue = (path: string, value: number | string, unit: string, note?: string) =>
    assumptions.push({ path, value, unit, confidence: 'user', sources: [], note });

  // ---- units, systems, items -------------------------------------------------------------
  const units = options.units ?? 1;
  const systemsPerRack = g.systemsPerRack ? (options.systemsPerRack ?? g.systemsPerRack.default) : 1;
  if (g.systemsPerRack) {
    if (options.systemsPerRack === undefined) assumptions.push({ path: `${at}.systemsPerRack.default`, value: systemsPerRack, unit: 'systems', confidence: g.systemsPerRack.confidence, sources: g.systemsPerRack.sources, note: g.systemsPerRack.note });
    else userValue('options.systemsPerRack', systemsPerRack, 'systems');
    if (systemsPerRack < g.systemsPerRack.min || systemsPerRack > g.systemsPerRack.max) {
      issues.push(issue('systems_per_rack_out_of_range', 'warning', ['systemsPerRack'], `${systemsPerRack} ${g.systemsPerRack.systemName} per rack is outside the reference range ${g.systemsPerRack.min}–${g.systemsPerRack.max}`, { limit: g.systemsPerRack.max, actual: systemsPerRack, unit: 'systems' }));
    }
  } else if (options.systemsPerRack !== undefined) {
    issues.push(issue('systems_per_rack_ignored', 'info', ['systemsPerRack'], `${g.name} is a ${g.form} unit; systems per rack does not apply`));
  }
  const systems = g.systemsPerRack ? systemsPerRack * g.racks : 1;
  const itemCount = (c: ComponentClass) => c.count * (c.scope === 'system' ? systems : 1);

  const psu = catalog.psus.find((p) => p.id === g.power.psuId);
  if (!psu) throw new Error(`catalog invariant: PSU ${g.power.psuId} of ${g.id} missing`);

  // ---- power roll-up ---------------------------------------------------------------------
  const rows: { c: ComponentClass; n: number; w: number; typicalW: number }[] = g.components.map((c) => {
    const w = use(`components.${c.id}.maxPowerW`, c.maxPowerW);
    if (w === null) {
      issues.push(issue('power_value_missing', 'warning', ['components', c.id, 'maxPowerW'], `${c.name}: no published power; counted as 0 W`));
    }
    const typ = isMissing(c.typicalPowerW) ? null : pickSourced(c.typicalPowerW, 'typical');
    if (typ !== null) assumptions.push(assumption(`${at}.components.${c.id}.typicalPowerW`, c.typicalPowerW, 'typical'));
    return { c, n: itemCount(c), w: w ?? 0, typicalW: typ ?? w ?? 0 };
  });
  const serverInput = g.power.architecture === 'server-psu';
  const redundancy = options.redundancy ?? g.power.redundancy.default;
  if (options.redundancy) userValue('options.redundancy', redundancy, 'scheme');
  else assumptions.push({ path: `${at}.power.redundancy.default`, value: redundancy, unit: 'scheme', confidence: g.power.redundancy.confidence, sources: g.power.redundancy.sources, note: g.power.redundancy.note });


  const psuPath = `psus.${psu.id}`;
  assumptions.push(assumption(psuPath + '.psuRatingW', psu.psuRatingW, basis));
  const psuRatingW = pickSourced(psu.psuRatingW, basis === 'max' ? 'min' : basis === 'min' ? 'max' : 'typical');
  const countPerScope = Math.round(use('power.count', g.power.count, 'typical') ?? 0);
  // Redundancy groups: one group of shelves per unit, or one group of PSUs per server.
  const groupCount = serverInput ? systems : 1;
  const itemsPerGroup = countPerScope;
  const itemRatingW = psuRatingW * psu.psusPerShelf;
  const shelves = groupCount * itemsPerGroup;
  const psuCount = shelves * psu.psusPerShelf;
  const nominalCapacityW = shelves * itemRatingW;

  // Server specs are wall (AC input) power; shelf specs are DC (busbar) power. itKw is DC side either way.
  const groupedW = rows.reduce((s, r) => s + (serverInput && r.c.scope !== 'system' ? 0 : r.n * r.w), 0);
  const outsideGroupsW = rows.reduce((s, r) => s + (serverInput && r.c.scope !== 'system' ? r.n * r.w : 0), 0);
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
  assumptions.push({ path: `${psuPath}.efficiency`, value: efficiency, unit: 'ratio', confidence: psu.efficiency.confidence, sources: psu.efficiency.sources, note: `interpolated at ${(loadFraction * 100).toFixed(1)} % load per PSU (all installed PSUs sharing)${psu.efficiency.note ? '; ' + psu.efficiency.note : ''}` });
  const typicalW = rows.reduce((s, r) => s + r.n * r.typicalW, 0) * (serverInput ? efficiency : 1);

  const powerFactor = options.powerFactor ?? pickSourced(psu.powerFactor, 'typical');
  if (options.powerFactor === undefined) assumptions.push(assumption(`${psuPath}.powerFactor`, psu.powerFactor, 'typical'));
  else userValue('options.powerFactor', powerFactor, 'ratio');
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
  const transient = use('power.transientFactor', g.power.transientFactor, basis) ?? 1;
  const peakW = itW * transient;
  const peakRating = pick(psu.psuPeakRatingW, 'typical');
  assumptions.push(assumption(`${psuPath}.psuPeakRatingW`, psu.psuPeakRatingW, 'typical'));
  const peakCapacityW = peakRating === null ? null : peakRating * psuCount;
  if (peakCapacityW !== null && peakW > peakCapacityW) {
    issues.push(issue('transient_exceeds_psu_peak', 'error', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' peak rating ${fmtKw(peakCapacityW)}`, { limit: peakCapacityW / 1000, actual: peakW / 1000, unit: 'kW' }));
  } else if (peakCapacityW === null && peakW > nominalCapacityW) {
    issues.push(issue('transient_exceeds_psu_rating', 'warning', ['power', 'peakKw'], `transient peak ${fmtKw(peakW)} exceeds the PSUs' continuous rating ${fmtKw(nominalCapacityW)}; no peak rating is published, so ride-through depends on PSU overload capability or BBUs`, { limit: nominalCapacityW / 1000, actual: peakW / 1000, unit: 'kW' }));
  }
  let bbu: UnitReport['power']['bbu'] = null;
  if (g.power.bbu) {
    const bbuW = g.power.bbu.count * (use('power.bbu.powerW', g.power.bbu.powerW, 'typical') ?? 0);
    const holdS = use('power.bbu.holdupS', g.power.bbu.holdupS, 'typical') ?? 0;
    bbu = { count: g.power.bbu.count, capacityKw: bbuW / 1000, holdupS: itW > 0 ? Math.min(holdS * (bbuW / itW), 3600) : 0 };
    if (peakW > bbuW) {
      issues.push(issue('bbu_power_insufficient', 'error', ['power', 'bbu'], `BBUs deliver ${fmtKw(bbuW)}, below the ${fmtKw(peakW)} transient peak`, { limit: bbuW / 1000, actual: peakW / 1000, unit: 'kW' }));
    }
  }

  // ---- feeds, whips, breakers, phases ----------------------------------------------------
  const feedMode = options.feeds ?? 'ab';
  const feed = {
    volts: options.feedVolts ?? g.power.defaultFeed.volts,
    amps: options.feedAmps ?? g.power.defaultFeed.amps,
    system: options.feedSystem ?? g.power.defaultFeed.system,
  };
  if (options.feedVolts === undefined || options.feedAmps === undefined || options.feedSystem === undefined) {
    assumptions.push({ path: `${at}.power.defaultFeed`, value: `${feed.volts} V ${feed.system} ${feed.amps} A`, unit: 'feed', confidence: g.power.defaultFeed.confidence, sources: g.power.defaultFeed.sources, note: g.power.defaultFeed.note });
  }
  const continuousFactor = options.continuousFactor ?? NEC_CONTINUOUS_FACTOR;
  assumptions.push({ path: 'rules.necContinuousFactor', value: continuousFactor, unit: 'ratio', confidence: options.continuousFactor === undefined ? 'published' : 'user', sources: [DEFAULT_SOURCES.nec], note: 'NEC 210.20(A): continuous load ≤ 80 % of the breaker unless listed for 100 % operation' });
  const wiring = psuWiring(psu, feed);
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
    const psuCurrents = (inputs: number): number[] => {
      const psus = inputs * psu.psusPerShelf;
      const perPsuKva = psus > 0 ? (inputs * perInputFailoverKva) / psus : 0;
      if (feed.system === '3ph') return threePhaseCurrents(Array.from({ length: psus }, () => perPsuKva), feed.volts, connection);
      return [feed.system === 'dc' ? (inputs * perInputFailoverKva * 1000) / feed.volts : lineCurrent(inputs * perInputFailoverKva, feed.volts, '1ph')];
    };
    const fits = (inputs: number) => inputs * perInputFailoverKva <= perWhipCapacity + 1e-9 && Math.max(...psuCurrents(inputs)) <= circuit.usableAmps + 1e-9;
    let inputsPerWhip = 0;
    while (inputsPerWhip < inputsOnSide && fits(inputsPerWhip + 1)) inputsPerWhip++;
    if (inputsOnSide > 0 && inputsPerWhip < 1) {
      issues.push(issue('whip_undersized', 'error', ['power', 'feeds', s === 0 ? 'A' : 'B'], `one ${serverInput ? 'PSU' : 'shelf'} draws ${perInputFailoverKva.toFixed(1)} kVA under failover, above what a ${feed.volts} V ${feed.amps} A ${feed.system} whip carries at ${continuousFactor * 100} % (${perWhipCapacity.toFixed(1)} kVA, ${circuit.usableAmps.toFixed(1)} A per phase)`, { limit: perWhipCapacity, actual: perInputFailoverKva, unit: 'kVA' }));
      inputsPerWhip = 1;
    }
    if (inputsOnSide === 0) inputsPerWhip = 1;
    const whips = inputsOnSide > 0 ? Math.ceil(inputsOnSide / inputsPerWhip) : 0;
    whipsTotal += whips;
    const currents = psuCurrents(Math.min(inputsPerWhip, inputsOnSide));
    const phases: FeedReport['phases'] = currents.map((amps, i) => ({ phase: (['L1', 'L2', 'L3'] as const)[i]!, amps }));
    const worstPhaseA = Math.max(...phases.map((p) => p.amps));
    if (worstPhaseA > circuit.usableAmps + 1e-6) {
      issues.push(issue('phase_current_exceeded', 'error', ['power', 'feeds', s === 0 ? 'A' : 'B', 'phases'], `worst phase draws ${worstPhaseA.toFixed(1)} A under failover, above the ${circuit.usableAmps.toFixed(1)} A continuous limit of a ${feed.amps} A breaker`, { limit: circuit.usableAmps, actual: worstPhaseA, unit: 'A' }));
    }
    const required = requiredBreakerAmps(worstPhaseA, continuousFactor);
    sides.push({
      side: s === 0 ? 'A' : 'B', volts: feed.volts, amps: feed.amps, system: feed.system, breakerA: feed.amps,
      requiredBreakerA: required ?? null, whips, inputsOnSide, whipUsableKva: circuit.usableKva, normalKva, failoverKva,
      worstPhaseA, phases, phaseImbalance: imbalance(phases.map((p) => p.amps)),
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

  const busV = isMissing(g.power.busVoltageV) ? null : pickSourced(g.power.busVoltageV, basis === 'max' ? 'min' : basis === 'min' ? 'max' : 'typical');
  assumptions.push(assumption(`${at}.power.busVoltageV`, g.power.busVoltageV, basis === 'max' ? 'min' : basis === 'min' ? 'max' : 'typical', 'lowest bus voltage gives the highest current when sizing'));
  const busbarA = busV ? itW / busV : null;

  // ---- cooling ------------------------------------------------------------------------------
  const liquidDcW = rows.reduce((s, r) => {
    const f = use(`components.${r.c.id}.liquidFraction`, r.c.liquidFraction, 'typical') ?? 0;
    return s + r.n * r.w * (serverInput && r.c.scope === 'system' ? efficiency : 1) * f;
  }, 0);
  const psuLossW = inputW - itW;
  const liquidW = liquidDcW + (g.power.shelvesLiquidCooled ? psuLossW : 0);
  const heatW = inputW;
  const airW = Math.max(0, heatW - liquidW);
  const cooling = coolingBudget(g, options, catalog, { heatW, liquidW, airW, units }, issues, assumptions, use, userValue);

  // ---- cabling ------------------------------------------------------------------------------
  const accelerators = rows.reduce((s, r) => s + r.n * r.c.accelerators, 0);
  const cpus = rows.reduce((s, r) => s + r.n * r.c.cpus, 0);
  const links = use('scaleUp.linksPerAccelerator', g.scaleUp.linksPerAccelerator, 'typical') ?? 0;
  const cablesPerLink = use('scaleUp.cablesPerLink', g.scaleUp.cablesPerLink, 'typical') ?? 0;
  const scaleUpLinks = accelerators * links;
  const portSum = (key: 'scaleOut' | 'frontEnd' | 'storage' | 'management') => rows.reduce((s, r) => s + r.n * (r.c.ports[key]?.count ?? 0), 0);
  const scaleOutGbps = rows.reduce((s, r) => s + r.n * (r.c.ports.scaleOut ? r.c.ports.scaleOut.count * pickSourced(r.c.ports.scaleOut.gbps, 'typical') : 0), 0);
  const managementPorts = portSum('management') + (serverInput ? 0 : shelves) + (cooling.cdu && cooling.cdu.placement === 'in-rack' ? g.racks : 0);
  const liquidRacks = liquidW > 0 ? g.racks : 0;

  // ---- space ---------------------------------------------------------------------------------
  const usedU = rows.reduce((s, r) => s + r.n * pickSourced(r.c.heightU, 'typical'), 0) + (serverInput ? 0 : shelves * psu.heightU) + (cooling.cdu?.placement === 'in-rack' ? 4 * g.racks : 0);
  const rackU = use('rack.heightU', g.rack.heightU, 'typical') ?? 42;
  const availableU = rackU * g.racks;
  if (usedU > availableU) {
    issues.push(issue('rack_u_exceeded', 'error', ['space', 'usedU'], `${usedU} U of equipment in ${availableU} U of rack space`, { limit: availableU, actual: usedU, unit: 'U' }));
  }
  let weightKg: number;
  const published = pick(g.rack.unitWeightKg, basis);
  if (published !== null && g.form !== 'server-rack') {
    weightKg = published;
    assumptions.push(assumption(`${at}.rack.unitWeightKg`, g.rack.unitWeightKg, basis));
  } else {
    const frame = use('rack.frameWeightKg', g.rack.frameWeightKg, 'typical') ?? 0;
    weightKg = frame * g.racks + rows.reduce((s, r) => {
      const w = pick(r.c.weightKg, basis);
      if (w === null) return s;
      assumptions.push(assumption(`${at}.components.${r.c.id}.weightKg`, r.c.weightKg, basis));
      return s + r.n * w;
    }, 0);
    const unknown = rows.filter((r) => isMissing(r.c.weightKg)).map((r) => r.c.name);
    if (unknown.length) issues.push(issue('weight_incomplete', 'warning', ['space', 'weightKg'], `no published weight for ${unknown.join(', ')}; the total leaves them out`));
  }
  const widthM = use('rack.widthM', g.rack.widthM, 'typical') ?? 0.6;
  const depthM = use('rack.depthM', g.rack.depthM, 'typical') ?? 1.2;
  const footprint = widthM * depthM;
  const weightPerRack = weightKg / g.racks;
  const floorLoading = footprint > 0 ? weightPerRack / footprint : 0;
  const maxLoad = pick(g.rack.maxLoadKg, 'typical');
  if (maxLoad !== null && weightPerRack > maxLoad) {
    issues.push(issue('rack_weight_exceeded', 'error', ['space', 'weightKg'], `${weightPerRack.toFixed(0)} kg per rack exceeds the frame's ${maxLoad} kg rating`, { limit: maxLoad, actual: weightPerRack, unit: 'kg' }));
  }
  if (options.floorLimitKgM2 !== undefined) {
    userValue('options.floorLimitKgM2', options.floorLimitKgM2, 'kg/m²');
    if (floorLoading > options.floorLimitKgM2) {
      issues.push(issue('floor_loading_exceeded', 'error', ['space', 'floorLoadingKgM2'], `${floorLoading.toFixed(0)} kg/m² over the rack footprint exceeds the ${options.floorLimitKgM2} kg/m² floor rating`, { limit: options.floorLimitKgM2, actual: floorLoading, unit: 'kg/m²' }));
    }
  }

  // ---- compute -------------------------------------------------------------------------------
  const a = g.accelerator;
  const per = (path: string, q: MaybeSourced) => {
    const v = use(`accelerator.${path}`, q, 'typical');
    return v === null ? null : v * accelerators;
  };
  const compute = {
    accelerators,
    cpus,
    fp4DensePflops: per('fp4DensePflops', a.fp4DensePflops),
    fp8DensePflops: per('fp8DensePflops', a.fp8DensePflops),
    bf16DensePflops: per('bf16DensePflops', a.bf16DensePflops),
    hbmTb: per('hbmTb', a.hbmTb),
    hbmTbPerS: per('hbmTbPerS', a.hbmTbPerS),
  };

  const componentsOut: ComponentPowerRow[] = rows.map((r) => ({ id: r.c.id, name: r.c.name, count: r.n, wattsEach: r.w, totalKw: (r.n * r.w) / 1000, liquidKw: (r.n * r.w * pickSourced(r.c.liquidFraction, 'typical')) / 1000 }));
  const kw = (w: number) => w / 1000;
  const scaleUpCables = g.scaleUp.medium === 'cable' ? scaleUpLinks * cablesPerLink : 0;
  const orNull = (v: number | null) => (v === null ? null : v * units);

  return {
    generation: g.id,
    name: g.name,
    basis,
    racks: g.racks,
    systems,
    accelerators,
    power: {
      components: componentsOut,
      itKw: kw(itW),
      typicalKw: kw(typicalW),
      inputKw: kw(inputW),
      inputKva,
      peakKw: kw(peakW),
      psuLossKw: kw(psuLossW),
      efficiency,
      powerFactor,
      psus: { id: psu.id, shelves, psuCount, psuRatingW, redundancy, loadPerPsuFraction: loadFraction, redundantCapacityKw: kw(redundantCapacityW * groupCount), peakCapacityKw: peakCapacityW === null ? null : kw(peakCapacityW) },
      feeds: { mode: feedMode, continuousFactor, sides },
      busVoltageV: busV,
      busbarA,
      bbu,
    },
    cooling,
    cabling: {
      scaleUpCables,
      scaleUpLinks,
      scaleOutPorts: portSum('scaleOut'),
      scaleOutGbps,
      frontEndPorts: portSum('frontEnd'),
      storagePorts: portSum('storage'),
      managementPorts,
      powerWhips: whipsTotal,
      liquidHoses: liquidRacks * DEFAULTS.hosesPerLiquidRack,
      quickDisconnectPairs: liquidW > 0 ? rows.reduce((s, r) => s + r.n * r.c.liquidQdPairs, 0) : 0,
    },
    space: { usedU, availableU, weightKg, weightPerRackKg: weightPerRack, footprintM2PerRack: footprint, floorLoadingKgM2: floorLoading },
    compute,
    totals: {
      units,
      racks: g.racks * units,
      accelerators: accelerators * units,
      itKw: kw(itW) * units,
      inputKw: kw(inputW) * units,
      inputKva: inputKva * units,
      peakKw: kw(peakW) * units,
      liquidKw: cooling.liquidKw * units,
      airKw: cooling.airKw * units,
      coolantLpm: cooling.coolantLpm * units,
      coolantGpm: cooling.coolantGpm * units,
      airflowCfm: cooling.airflowCfm * units,
      airflowM3h: cooling.airflowM3h * units,
      cdus: cooling.cdu?.count ?? 0,
      scaleUpCables: scaleUpCables * units,
      weightKg: weightKg * units,
      fp8DensePflops: orNull(compute.fp8DensePflops),
      hbmTb: orNull(compute.hbmTb),
    },
    issues,
    assumptions: dedupe(assumptions),
  };
}

function coolingBudget(
  g: Generation,
  options: UnitOptions,
  catalog: Catalog,
  load: { heatW: number; liquidW: number; airW: number; units: number },
  issues: Issue[],
  assumptions: Assumption[],
  use: (path: string, q: MaybeSourced, b?: Basis, note?: string) => number | null,
  userValue: (path: string, value: number | string, unit: string, note?: string) => void,
): CoolingReport & { cdu: (CoolingReport['cdu'] & { placement: string }) | null } {
  const coolantId = options.coolant ?? 'water';
  const coolant = catalog.coolants.find((c) => c.id === coolantId);
  const deltaTK = options.deltaTK ?? DEFAULTS.liquidDeltaTK;
  const airDeltaTK = options.airDeltaTK ?? DEFAULTS.airDeltaTK;
  const altitudeM = options.altitudeM ?? 0;
  if (options.deltaTK === undefined && load.liquidW > 0) assumptions.push({ path: 'defaults.liquidDeltaTK', value: deltaTK, unit: 'K', confidence: 'secondary', sources: [DEFAULT_SOURCES.liquidDeltaTK] });
  if (options.airDeltaTK === undefined) assumptions.push({ path: 'defaults.airDeltaTK', value: airDeltaTK, unit: 'K', confidence: 'secondary', sources: [DEFAULT_SOURCES.airDeltaTK], note: '20 °F planning rise' });
  if (options.altitudeM !== undefined) userValue('options.altitudeM', altitudeM, 'm');

  // Design supply: the user's, else the warmest the rack accepts (the facility runs as warm as the
  // rack allows, which sets the water class and chiller-free hours), else the typical operating point.
  let supplyC: number | null = options.coolantSupplyC ?? null;
  if (supplyC !== null) userValue('options.coolantSupplyC', supplyC, '°C');
  else if (!isMissing(g.cooling.maxCoolantSupplyC)) supplyC = use('cooling.maxCoolantSupplyC', g.cooling.maxCoolantSupplyC, 'typical', 'design supply = warmest the rack accepts');
  else if (!isMissing(g.cooling.coolantSupplyC)) supplyC = use('cooling.coolantSupplyC', g.cooling.coolantSupplyC, 'typical');

  let coolantLpm = 0;
  if (load.liquidW > 0) {
    if (!coolant) throw new Error(`catalog invariant: coolant ${coolantId} missing`);
    const meanC = (supplyC ?? 25) + deltaTK / 2;
    const props = coolantProperties(coolant, meanC);
    assumptions.push({ path: `coolants.${coolant.id}`, value: `cp ${props.cpJPerKgK.toFixed(0)} J/kg·K, ρ ${props.densityKgM3.toFixed(1)} kg/m³ at ${meanC.toFixed(1)} °C`, unit: 'properties', confidence: coolant.confidence, sources: coolant.sources, note: supplyC === null ? 'no supply temperature known: properties at 25 °C + ΔT/2' : 'at the mean loop temperature' });
    if (props.clamped) issues.push(issue('coolant_table_clamped', 'warning', ['cooling', 'coolant'], `${coolant.name} properties tabulated only for ${coolant.table[0]!.tempC}–${coolant.table[coolant.table.length - 1]!.tempC} °C; the mean loop temperature ${meanC.toFixed(1)} °C uses the nearest row`));
    const freeze = pick(coolant.freezePointC, 'typical');
    if (freeze !== null && supplyC !== null && supplyC < freeze + 3) issues.push(issue('coolant_near_freezing', 'warning', ['cooling', 'coolantSupplyC'], `supply ${supplyC} °C is within 3 K of the ${freeze} °C freeze point of ${coolant.name}`, { limit: freeze, actual: supplyC, unit: '°C' }));
    coolantLpm = m3sToLpm(volumetricFlow(load.liquidW, deltaTK, props));
  }
  const airM3s = airflow(load.airW, airDeltaTK, altitudeM);

  // Facility water: the warmest class the rack tolerates after the CDU approach.
  const cduModel = options.cduId ? catalog.cdus.find((c) => c.id === options.cduId) : catalog.cdus.find((c) => c.placement === 'in-row');
  if (options.cduId && !cduModel) throw new Error(`unknown CDU ${options.cduId} (validate options at the boundary)`);
  let cdu: (CoolingReport['cdu'] & { placement: string }) | null = null;
  let facilitySupplyMaxC: number | null = null;
  let waterClass: string | null = null;
  if (load.liquidW > 0 && cduModel) {
    const capW = pickSourced(cduModel.capacityW, 'typical');
    const approachK = pickSourced(cduModel.approachK, 'typical');
    assumptions.push(assumption(`cdus.${cduModel.id}.capacityW`, cduModel.capacityW, 'typical'));
    assumptions.push(assumption(`cdus.${cduModel.id}.approachK`, cduModel.approachK, 'typical'));
    const totalLiquid = load.liquidW * load.units;
    const count = cduModel.placement === 'in-rack' ? g.racks * load.units * Math.ceil(load.liquidW / g.racks / capW) : Math.ceil(totalLiquid / capW) + 1;
    if (cduModel.placement === 'in-rack' && load.liquidW / g.racks > capW) {
      issues.push(issue('cdu_capacity_exceeded', 'warning', ['cooling', 'cdu'], `${fmtKw(load.liquidW / g.racks)} of liquid heat per rack exceeds one ${cduModel.name} (${fmtKw(capW)}); ${Math.ceil(load.liquidW / g.racks / capW)} per rack`, { limit: capW / 1000, actual: load.liquidW / g.racks / 1000, unit: 'kW' }));
    }
    cdu = { id: cduModel.id, name: cduModel.name, capacityKw: capW / 1000, approachK, count, redundancy: 'n+1', placement: cduModel.placement };
    if (supplyC !== null) {
      facilitySupplyMaxC = supplyC - approachK;
      waterClass = facilityWaterClass(facilitySupplyMaxC);
      if (waterClass === null) issues.push(issue('facility_water_below_w17', 'warning', ['cooling', 'facilityWaterClass'], `the rack's ${supplyC} °C supply less the ${approachK} K CDU approach needs facility water at or below ${facilitySupplyMaxC.toFixed(1)} °C, colder than ASHRAE W17`, { limit: 17, actual: facilitySupplyMaxC, unit: '°C' }));
    }
  } else if (load.liquidW > 0 && supplyC !== null) {
    issues.push(issue('cdu_catalog_empty', 'info', ['cooling', 'cdu'], 'no CDU model in the catalog; CDU count and facility-water class not computed'));
  }
  const maxSupply = pick(g.cooling.maxCoolantSupplyC, 'typical');
  if (supplyC !== null && maxSupply !== null && supplyC > maxSupply) {
    issues.push(issue('coolant_supply_too_warm', 'error', ['cooling', 'coolantSupplyC'], `${supplyC} °C supply exceeds the ${maxSupply} °C the rack accepts`, { limit: maxSupply, actual: supplyC, unit: '°C' }));
  }

  let pressureDropKpa: number | null = null;
  let pumpKw: number | null = null;
  if (load.liquidW > 0) {
    pressureDropKpa = use('cooling.rackPressureDropKpa', g.cooling.rackPressureDropKpa, 'typical');
    if (pressureDropKpa !== null) pumpKw = (pressureDropKpa * 1000 * (coolantLpm / 60_000)) / DEFAULTS.pumpEfficiency / 1000;
  }

  return {
    heatKw: load.heatW / 1000,
    heatBtuH: load.heatW / W_PER_BTU_H,
    heatTons: load.heatW / W_PER_TON_REFRIGERATION,
    liquidKw: load.liquidW / 1000,
    airKw: load.airW / 1000,
    liquidFraction: load.heatW > 0 ? load.liquidW / load.heatW : 0,
    coolant: coolantId,
    supplyC: load.liquidW > 0 ? supplyC : null,
    returnC: load.liquidW > 0 && supplyC !== null ? supplyC + deltaTK : null,
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

type Wiring =
  | { ok: true; connection: 'line-neutral' | 'line-line' }
  | { ok: false; code: string; field: string; message: string; numbers?: { limit: number; actual: number; unit: string } };

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

function dedupe(list: Assumption[]): Assumption[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.path}|${String(a.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

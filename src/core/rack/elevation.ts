/**
 * Where each item of a unit sits in its rack(s), for the elevation drawing. The catalog gives heights and counts,
 * not positions, so this follows the common build: network and management at the top, power shelves split top and
 * bottom, compute trays around the scale-up switch trays (as in NVL72), servers from the bottom up, an in-rack
 * CDU at the bottom. Pure; the result is drawn by `rack-elevation`.
 * @module
 */
import type { Catalog, ComponentClass, Generation, PsuModel } from '../catalog/types';
import { clusterPorts } from '../fabric/cluster';
import { formatNumber } from '../format';
import { isMissing, pick, pickSourced, type Confidence, type MaybeSourced, type Source } from '../provenance';
import type { UnitReport } from './types';

export type SlotKind = 'compute' | 'scale-up-switch' | 'network' | 'management' | 'host' | 'storage' | 'power' | 'cooling' | 'other';

export interface ElevationSlot {
  /** Stable key: component id and index within the rack. */
  readonly key: string;
  readonly componentId: string;
  readonly label: string;
  readonly kind: SlotKind;
  /** Lowest U occupied (1 = bottom). */
  readonly u: number;
  readonly heightU: number;
  /** Maximum power of this item (DC side for rack-scale, input for server PSUs), W; null when unpublished. */
  readonly watts: number | null;
  readonly confidence: Confidence | 'missing';
  readonly sources: readonly Source[];
  readonly note?: string;
  /** True when the item sits above the rack's top U (the unit does not fit). */
  readonly overflow: boolean;
}

export interface RackElevation {
  readonly index: number;
  readonly heightU: number;
  readonly slots: readonly ElevationSlot[];
  readonly usedU: number;
}

export interface ElevationLayout {
  readonly racks: readonly RackElevation[];
  /** Liquid manifold drawn along the rear when the unit is liquid-cooled. */
  readonly manifold: boolean;
  /** Items without a U position (0U PDUs, BBUs inside shelves…), described in words. */
  readonly notes: readonly string[];
  /** The rear face: each item's rear connections, derived from component counts ({@link layoutRearFace}). */
  readonly rear: RearFace;
  /** Deployable units the report sizes (the designer's count): the cluster a link to the cables sizes. */
  readonly units: number;
  /** Says what the front face is: positions by the common build, not a published drawing. */
  readonly caption: string;
}

export const FRONT_CAPTION = 'Front — positions follow the common build; the catalog gives heights and counts, not positions';

interface Item {
  readonly componentId: string;
  readonly label: string;
  readonly kind: SlotKind;
  readonly heightU: number;
  readonly watts: number | null;
  readonly q: MaybeSourced;
  readonly note?: string;
}

function provenance(q: MaybeSourced): { confidence: Confidence | 'missing'; sources: readonly Source[]; note?: string } {
  if (isMissing(q)) return { confidence: 'missing', sources: [], note: q.reason };
  return { confidence: q.confidence, sources: q.sources, note: q.note };
}

/** Spread `n` items over `racks` racks as evenly as possible (earlier racks take the remainder). */
function share(n: number, racks: number, index: number): number {
  const base = Math.floor(n / racks);
  return base + (index < n % racks ? 1 : 0);
}

/**
 * Lay out the unit's items in its racks.
 * @param generation - catalog entry (component heights, power provenance)
 * @param report - the engine's report (systems in the unit, shelves, CDU placement, used U)
 * @param catalog - for the shelf model's height and name
 */
export function layoutElevation(generation: Generation, report: UnitReport, catalog: Catalog): ElevationLayout {
  const g = generation;
  const racks = Math.max(1, g.racks);
  const rackU = Math.round(pick(g.rack.heightU, 'typical') ?? 42);
  const notes: string[] = [];
  const psu = catalog.psus.find((p) => p.id === g.power.psuId);
  const basisW = (c: ComponentClass) => pick(c.maxPowerW, report.basis);
  const itemsOf = (c: ComponentClass, count: number): Item[] =>
    Array.from({ length: count }, () => ({
      componentId: c.id,
      label: c.name,
      kind: c.kind,
      heightU: Math.max(0, Math.round(pick(c.heightU, 'typical') ?? 1)),
      watts: basisW(c),
      q: c.maxPowerW,
      note: c.note,
    }));

  const out: RackElevation[] = [];
  for (let r = 0; r < racks; r++) {
    const per = (c: ComponentClass) => share(c.count * (c.scope === 'system' ? report.systems : 1), racks, r);
    const byKind = (...kinds: SlotKind[]) => g.components.filter((c) => kinds.includes(c.kind)).flatMap((c) => itemsOf(c, per(c)));
    const top = byKind('network', 'management');
    const compute = byKind('compute');
    const switches = byKind('scale-up-switch');
    const rest = byKind('host', 'storage', 'other', 'power', 'cooling');
    const zeroU = [...top, ...compute, ...switches, ...rest].filter((i) => i.heightU === 0);
    if (r === 0) for (const label of new Set(zeroU.map((i) => i.label))) notes.push(`${label}: 0U (side-mounted)`);

    let shelvesTop: Item[] = [];
    let shelvesBottom: Item[] = [];
    if (g.power.architecture === 'shelf' && psu) {
      const n = share(report.power.psus.shelves, racks, r);
      const shelf: Item = { componentId: psu.id, label: psu.name, kind: 'power', heightU: psu.heightU, watts: pick(psu.psuRatingW, 'typical') === null ? null : (pick(psu.psuRatingW, 'typical') ?? 0) * psu.psusPerShelf, q: psu.psuRatingW, note: `Rated output (${psu.psusPerShelf} × PSU rating); η and redundancy in the power chain.` };
      const all = Array.from({ length: n }, () => shelf);
      shelvesTop = all.slice(0, Math.ceil(n / 2));
      shelvesBottom = all.slice(Math.ceil(n / 2));
    } else if (r === 0) {
      notes.push('Server PSUs are inside each system; rack PDUs are 0U.');
    }
    if (r === 0 && report.power.bbu) notes.push(`${report.power.bbu.count} battery backup units (position not in the catalog).`);

    // Top to bottom.
    const order: Item[] = [];
    order.push(...top, ...shelvesTop);
    if (switches.length && compute.length) {
      const upper = Math.ceil(compute.length * (10 / 18));
      order.push(...compute.slice(0, upper), ...switches, ...compute.slice(upper));
    } else {
      order.push(...switches, ...compute);
    }
    order.push(...rest, ...shelvesBottom);
    const cduInRack = report.cooling.cdu?.placement === 'in-rack';
    const bottom: Item[] = cduInRack ? [{ componentId: report.cooling.cdu.id, label: report.cooling.cdu.name, kind: 'cooling', heightU: 4, watts: null, q: { value: null, unit: 'W', reason: 'CDU pump power is counted in the cooling budget' } }] : [];
    const placed = order.filter((i) => i.heightU > 0);
    const server = g.form === 'server-rack';

    const slots: ElevationSlot[] = [];
    const used = [...placed, ...bottom].reduce((s, i) => s + i.heightU, 0);
    const put = (i: Item, u: number, k: number) => {
      const p = provenance(i.q);
      slots.push({ key: `${i.componentId}-${k}`, componentId: i.componentId, label: i.label, kind: i.kind, u, heightU: i.heightU, watts: i.watts, confidence: p.confidence, sources: p.sources, note: i.note ?? p.note, overflow: u + i.heightU - 1 > rackU });
    };
    let k = 0;
    let u = 1;
    for (const i of bottom) {
      put(i, u, k++);
      u += i.heightU;
    }
    if (server) {
      // Servers stack from the bottom; network and management stay at the top.
      const tops = top.filter((i) => i.heightU > 0);
      const body = placed.filter((i) => !tops.includes(i)).reverse();
      for (const i of body) {
        put(i, u, k++);
        u += i.heightU;
      }
      let t = Math.max(u, rackU - tops.reduce((s, i) => s + i.heightU, 0) + 1);
      for (const i of [...tops].reverse()) {
        put(i, t, k++);
        t += i.heightU;
      }
    } else {
      // Rack-scale: fill from the top down, leaving any spare U at the bottom above the CDU.
      let t = Math.max(u, rackU + 1 - placed.reduce((s, i) => s + i.heightU, 0));
      for (const i of [...placed].reverse()) {
        put(i, t, k++);
        t += i.heightU;
      }
    }
    out.push({ index: r, heightU: rackU, slots: slots.sort((a, b) => b.u - a.u), usedU: used });
  }
  const front = { racks: out, manifold: report.cooling.liquidKw > 0, notes };
  return { ...front, rear: layoutRearFace(g, report, catalog, front), units: report.totals.units, caption: FRONT_CAPTION };
}


// ---- rear face -------------------------------------------------------------------------------

/** What an item brings out at the rear of the rack. */
export type RearConnectorKind = 'busbar-clip' | 'psu-inlet' | 'shelf-input' | 'scale-out' | 'front-end' | 'storage' | 'management' | 'liquid-qd' | 'scale-up';

export interface RearConnector {
  readonly kind: RearConnectorKind;
  /** How many this one item has. */
  readonly count: number;
  /** Port speed of network ports, Gb/s. */
  readonly gbps?: number;
  /** Cages the scale-out ports sit in: ports ÷ ports per cage, rounded up (one transceiver module per cage). */
  readonly cages?: number;
  /** What it is and what the count rests on, in words. */
  readonly text: string;
  /** A few characters for the drawing. */
  readonly short: string;
}

/**
 * Where an item's cables are in the cable schedule of a cluster of this generation (the schedule names racks C1,
 * C2… and nodes node1, node2… cluster-wide; the designer's unit is the first one).
 */
export interface CableRef {
  /** The compute rack as the schedule names it. */
  readonly rack: string;
  /** The item's own device in the schedule (`node3`): its scale-out, front-end and storage rows. */
  readonly device: string | null;
  /** Without a device: the network whose rows of the rack hold the item's cables (`oob`: its management port). */
  readonly network: 'oob' | null;
  /** Link text. */
  readonly label: string;
  /** Why the rows are these, in a sentence. */
  readonly note: string;
}

/** One item of the rear face; `key` is its front slot's key (the same U position). */
export interface RearSlot {
  readonly key: string;
  readonly connectors: readonly RearConnector[];
  /** The connectors in a few words each, for the drawing (the busbar clip is left to the rail). */
  readonly summaryParts: readonly string[];
  /** {@link summaryParts} on one line, without the BMC when the item has other connections (a 1U slot has room for little). */
  readonly summary: string;
  readonly cables: CableRef | null;
}

export interface RearRack {
  readonly index: number;
  readonly slots: readonly RearSlot[];
}

/** A vertical rail along the rear: the DC busbar, the liquid manifold, the NVLink cable spine. */
export interface RearRail {
  readonly kind: 'busbar' | 'manifold' | 'scale-up-spine';
  readonly label: string;
  readonly text: string;
}

/** Connections of the whole unit as the rear face shows them (placed items plus those without a U position). */
export interface RearTotals {
  /** PSUs: in the shelves of a shelf rack, or inlets on the servers. */
  readonly psus: number;
  readonly shelves: number;
  readonly scaleOutPorts: number;
  readonly scaleOutCages: number;
  readonly frontEndPorts: number;
  readonly storagePorts: number;
  readonly managementPorts: number;
  readonly quickDisconnectPairs: number;
  /** Scale-up cable links, counted at the accelerator end (0 when the links run on a board or midplane). */
  readonly scaleUpLinks: number;
}

export interface RearFace {
  /** Says what the face is: a schematic derived from counts, not a published layout. */
  readonly caption: string;
  readonly racks: readonly RearRack[];
  readonly rails: readonly RearRail[];
  /**
   * Items (or connections) the catalog counts but that have no U position: 0U items, server PSUs of a multi-tray
   * system. `connectors` are one item's (one system's for PSUs); `items` how many there are in the unit.
   */
  readonly unplaced: readonly { readonly label: string; readonly items: number; readonly connectors: readonly RearConnector[] }[];
  readonly notes: readonly string[];
  readonly totals: RearTotals;
}

export const REAR_CAPTION = 'Rear — schematic: connections from component counts; positions not published';

const n0 = (n: number) => formatNumber(Math.round(n), 0);
const gb = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}T` : `${n}G`);

/**
 * The rear face of the unit, derived from data the catalog does hold, since no rear layouts are published: per item
 * its power connection (a busbar clip in shelf racks, PSU inlets on a server, input cords on a shelf), scale-out NIC
 * ports in their cages, front-end, storage and management ports, liquid quick-disconnects, and scale-up cable links;
 * the busbar, the liquid manifold and an NVLink cable spine as rails. Counts add up to the engine's report
 * (`report.cabling`, `report.power.psus`), which a test holds. Items sit at their front slot's U.
 * @param front - the front layout (its slots' keys and racks)
 */
export function layoutRearFace(generation: Generation, report: UnitReport, catalog: Catalog, front: Pick<ElevationLayout, 'racks'>): RearFace {
  const g = generation;
  const psu = catalog.psus.find((p) => p.id === g.power.psuId);
  const shelfRack = g.power.architecture === 'shelf';
  const liquid = report.cooling.liquidKw > 0;
  const links = pick(g.scaleUp.linksPerAccelerator, 'typical') ?? 0;
  const cabledScaleUp = g.scaleUp.medium === 'cable' && links > 0;
  const linkName = g.family === 'gpu' ? 'NVLink' : 'NeuronLink';
  const linkShort = g.family === 'gpu' ? 'NVL' : 'NL';
  const switchTopology = g.scaleUp.topology === 'nvlink-switch' || g.scaleUp.topology === 'neuronswitch';
  const itemsOf = (c: ComponentClass) => c.count * (c.scope === 'system' ? report.systems : 1);
  const switchItems = g.components.filter((c) => c.kind === 'scale-up-switch').reduce((s, c) => s + itemsOf(c), 0);
  // Server PSUs belong to a system; they go on its item only when the system is one item (a DGX), else they are listed.
  const systemClasses = g.components.filter((c) => c.scope === 'system');
  const psuItem = !shelfRack && systemClasses.length === 1 && systemClasses[0]!.count === 1 ? systemClasses[0]!.id : null;
  const psusPerSystem = shelfRack ? 0 : Math.round(pick(g.power.count, 'typical') ?? 0);
  const ports = clusterPorts(g, 1, g.systemsPerRack ? report.systems / Math.max(1, g.racks) : undefined);
  const nodeClass = g.components.find((c) => c.ports.scaleOut && c.ports.scaleOut.count > 0) ?? null;

  const componentConnectors = (c: ComponentClass): RearConnector[] => {
    const out: RearConnector[] = [];
    const p = c.ports;
    if (p.scaleOut && p.scaleOut.count > 0) {
      const gbps = pickSourced(p.scaleOut.gbps, 'typical');
      const cages = Math.ceil(p.scaleOut.count / (p.scaleOut.portsPerCage ?? 1));
      const inCages = cages === p.scaleOut.count ? `one per cage` : `in ${n0(cages)} cages of ${n0(p.scaleOut.portsPerCage ?? 1)}`;
      out.push({ kind: 'scale-out', count: p.scaleOut.count, gbps, cages, text: `Scale-out NIC ports: ${n0(p.scaleOut.count)} × ${n0(gbps)} Gb/s, ${inCages} (catalog port count)`, short: `${n0(p.scaleOut.count)}×${gb(gbps)}${cages === p.scaleOut.count ? '' : ` in ${n0(cages)} cages`}` });
    }
    if (p.frontEnd && p.frontEnd.count > 0) {
      const gbps = pickSourced(p.frontEnd.gbps, 'typical');
      out.push({ kind: 'front-end', count: p.frontEnd.count, gbps, text: `Front-end ports: ${n0(p.frontEnd.count)} × ${n0(gbps)} Gb/s`, short: `FE ${p.frontEnd.count > 1 ? `${n0(p.frontEnd.count)}×` : ''}${gb(gbps)}` });
    }
    if (p.storage && p.storage.count > 0) {
      const gbps = pickSourced(p.storage.gbps, 'typical');
      out.push({ kind: 'storage', count: p.storage.count, gbps, text: `Storage ports: ${n0(p.storage.count)} × ${n0(gbps)} Gb/s`, short: `ST ${p.storage.count > 1 ? `${n0(p.storage.count)}×` : ''}${gb(gbps)}` });
    }
    if (p.management && p.management.count > 0) {
      out.push({ kind: 'management', count: p.management.count, text: `Management (BMC) ports: ${n0(p.management.count)}, to the out-of-band network`, short: p.management.count > 1 ? `${n0(p.management.count)}×BMC` : 'BMC' });
    }
    if (cabledScaleUp && c.accelerators > 0) {
      const n = c.accelerators * links;
      out.push({ kind: 'scale-up', count: n, text: `${linkName} cable links: ${n0(n)} (${n0(c.accelerators)} accelerators × ${n0(links)} links each)${g.scaleUp.topology === 'nvlink-switch' ? ', to the cable spine' : ''}`, short: `${n0(n)} ${linkShort}` });
    } else if (cabledScaleUp && switchTopology && c.kind === 'scale-up-switch' && switchItems > 0) {
      const n = report.cabling.scaleUpLinks / switchItems;
      out.push({ kind: 'scale-up', count: n, text: `${linkName} link ends: ${n0(n)} (the unit's ${n0(report.cabling.scaleUpLinks)} links ÷ ${n0(switchItems)} switch items)`, short: `${n0(n)} ${linkShort}` });
    }
    if (liquid && c.liquidQdPairs > 0) {
      out.push({ kind: 'liquid-qd', count: c.liquidQdPairs, text: `Liquid quick-disconnects: ${n0(c.liquidQdPairs)} pair${c.liquidQdPairs === 1 ? '' : 's'} (supply and return) to the manifold`, short: c.liquidQdPairs > 1 ? `${n0(c.liquidQdPairs)}×QD` : 'QD' });
    }
    if (shelfRack) out.push({ kind: 'busbar-clip', count: 1, text: 'Busbar clip: DC from the power shelves (the power chain counts every item behind the shelves)', short: 'bus' });
    else if (c.id === psuItem && psusPerSystem > 0) out.push(psuInlets(psusPerSystem, psu));
    return out;
  };

  const shelfConnectors = (p: PsuModel): RearConnector[] => {
    const out: RearConnector[] = [];
    if (p.input.system === 'dc') out.push({ kind: 'shelf-input', count: 1, text: `${n0(p.input.minVolts)} V DC input`, short: 'DC in' });
    else if (p.cords) out.push({ kind: 'shelf-input', count: p.cords.count, text: `Input cords: ${n0(p.cords.count)} × ${n0(p.cords.ratedAmps)} A ${p.cords.connector} (${p.cords.confidence})`, short: `${n0(p.cords.count)}×${p.cords.connector.replace(/^NEMA /, '')}` });
    else out.push({ kind: 'shelf-input', count: 1, text: `AC input, ${p.input.system === '3ph' ? '3-phase' : '1-phase'} ${n0(p.input.minVolts)}–${n0(p.input.maxVolts)} V (cords not in the catalog)`, short: 'AC in' });
    out.push({ kind: 'psu-inlet', count: p.psusPerShelf, text: `PSUs in the shelf: ${n0(p.psusPerShelf)} (they load from the front; counted here with the shelf)`, short: `${n0(p.psusPerShelf)} PSU` });
    out.push({ kind: 'management', count: 1, text: 'Power controller port: 1, to the out-of-band network (as the engine counts one per shelf)', short: 'mgmt' });
    return out;
  };

  const cduConnectors: RearConnector[] = [
    { kind: 'liquid-qd', count: 0, text: 'Facility water and rack manifold connections (not counted as item quick-disconnects)', short: 'water' },
    { kind: 'management', count: 1, text: 'CDU controller port: 1, to the out-of-band network', short: 'mgmt' },
  ];

  const byId = new Map(g.components.map((c) => [c.id, c]));
  const racks: RearRack[] = front.racks.map((r) => {
    // Nodes (the items with scale-out ports) are numbered from the bottom of each rack up, as the schedule places them.
    const nodeKeys = nodeClass ? r.slots.filter((s) => s.componentId === nodeClass.id).sort((a, b) => a.u - b.u).map((s) => s.key) : [];
    const rackName = `C${r.index + 1}`;
    const firstManagementKey = r.slots.find((s) => s.kind === 'management' && !s.overflow)?.key ?? null;
    const slots = r.slots.map((s): RearSlot => {
      const c = byId.get(s.componentId);
      let connectors: RearConnector[];
      if (c) connectors = componentConnectors(c);
      else if (psu && s.componentId === psu.id) connectors = shelfConnectors(psu);
      else if (s.kind === 'cooling') connectors = cduConnectors;
      else connectors = [];
      const t = nodeKeys.indexOf(s.key);
      let cables: CableRef | null = null;
      if (ports && s.key === firstManagementKey) {
        // The schedule gives every compute rack at least one out-of-band access switch (oob-C1-1); the rack's top
        // management switch is that switch, as the NetBox export places it.
        const device = `oob-${rackName}-1`;
        cables = { rack: rackName, device, network: null, label: 'Cables for this switch', note: `${device}, the out-of-band access switch of rack ${rackName} in the cable schedule: the rack's BMC and power-controller cables and its uplink.` };
      } else if (ports && t >= 0) {
        const device = `node${r.index * ports.nodesPerRack + t + 1}`;
        cables = { rack: rackName, device, network: null, label: `Cables for this ${c?.scope === 'system' || g.form === 'server-rack' ? 'system' : 'tray'}`, note: `${device} in rack ${rackName} of the cable schedule (the designer's first unit; nodes numbered from the bottom of the rack up): its scale-out, front-end and storage cables.` };
      } else if (ports && connectors.some((x) => x.kind === 'management' && x.count > 0)) {
        cables = { rack: rackName, device: null, network: 'oob', label: `Out-of-band cables of rack ${rackName}`, note: `The schedule numbers a rack's management ports (${rackName}-bmc…, ${rackName}-pwr…) without saying which item each belongs to, so this shows every out-of-band row of rack ${rackName}.` };
      }
      // The busbar clip is drawn as a mark on the busbar rail, not in words.
      const shown = connectors.filter((x) => x.kind !== 'busbar-clip' && (x.count > 0 || x.kind === 'liquid-qd'));
      const oneLine = shown.length > 1 ? shown.filter((x) => x.kind !== 'management') : shown;
      return { key: s.key, connectors, summaryParts: shown.map((x) => x.short), summary: oneLine.map((x) => x.short).join(' · '), cables };
    });
    return { index: r.index, slots };
  });

  // Items without a U position, and server PSUs that no single item holds.
  const unplaced: { label: string; items: number; connectors: readonly RearConnector[]; shelf: boolean; switch: boolean }[] = [];
  for (const c of g.components) {
    if (Math.round(pick(c.heightU, 'typical') ?? 1) > 0) continue;
    const conn = componentConnectors(c);
    if (conn.length) unplaced.push({ label: `${c.name} (0U), each`, items: itemsOf(c), connectors: conn, shelf: false, switch: c.kind === 'scale-up-switch' });
  }
  if (shelfRack && psu && psu.heightU <= 0 && report.power.psus.shelves > 0) unplaced.push({ label: `${psu.name} (0U), each`, items: report.power.psus.shelves, connectors: shelfConnectors(psu), shelf: true, switch: false });
  if (!shelfRack && !psuItem && psusPerSystem > 0) unplaced.push({ label: 'PSUs of each system (which of its trays holds them is not published)', items: report.systems, connectors: [psuInlets(psusPerSystem, psu)], shelf: false, switch: false });

  const rails: RearRail[] = [];
  const p = report.power;
  if (shelfRack) rails.push({ kind: 'busbar', label: 'busbar', text: `DC busbar${p.busVoltageV !== null ? ` at ${n0(p.busVoltageV)} V` : ''}${p.busbarA !== null ? `, ${n0(p.busbarA)} A at the unit's load` : ''}: fed by the power shelves, every tray clips onto it` });
  if (liquid) rails.push({ kind: 'manifold', label: 'manifold', text: `Liquid manifold, supply and return: ${n0(report.cabling.quickDisconnectPairs)} quick-disconnect pairs` });
  if (cabledScaleUp && g.scaleUp.topology === 'nvlink-switch') rails.push({ kind: 'scale-up-spine', label: `${linkName} spine`, text: `${linkName} cable spine: ${n0(report.cabling.scaleUpCables)} copper cables (${n0(report.cabling.scaleUpLinks)} links × ${n0(pick(g.scaleUp.cablesPerLink, 'typical') ?? 0)} per link) joining the compute and switch trays` });

  const notes: string[] = [];
  if (g.scaleUp.medium !== 'cable') notes.push(`${linkName} runs on the ${g.scaleUp.medium === 'pcb' ? 'board' : 'midplane'}: no scale-up cables at the rear.`);
  if (!ports) notes.push('No scale-out ports in the catalog: the cable schedule has no rows for this generation.');

  // Totals over everything the face shows, placed or not, for the check against the report.
  const totals = { psus: 0, shelves: 0, scaleOutPorts: 0, scaleOutCages: 0, frontEndPorts: 0, storagePorts: 0, managementPorts: 0, quickDisconnectPairs: 0, scaleUpLinks: 0 };
  const add = (conn: readonly RearConnector[], items: number, isShelf: boolean, isSwitch: boolean) => {
    if (isShelf) totals.shelves += items;
    for (const x of conn) {
      const n = x.count * items;
      if (x.kind === 'psu-inlet') totals.psus += n;
      else if (x.kind === 'scale-out') {
        totals.scaleOutPorts += n;
        totals.scaleOutCages += (x.cages ?? x.count) * items;
      } else if (x.kind === 'front-end') totals.frontEndPorts += n;
      else if (x.kind === 'storage') totals.storagePorts += n;
      else if (x.kind === 'management') totals.managementPorts += n;
      else if (x.kind === 'liquid-qd') totals.quickDisconnectPairs += n;
      else if (x.kind === 'scale-up' && !isSwitch) totals.scaleUpLinks += n;
    }
  };
  for (const r of front.racks) {
    for (const s of r.slots) {
      const rs = racks[r.index]!.slots.find((x) => x.key === s.key)!;
      add(rs.connectors, 1, !!psu && s.componentId === psu.id, s.kind === 'scale-up-switch');
    }
  }
  for (const u of unplaced) add(u.connectors, u.items, u.shelf, u.switch);
  return { caption: REAR_CAPTION, racks, rails, unplaced: unplaced.map(({ label, items, connectors }) => ({ label, items, connectors })), notes, totals };
}

function psuInlets(n: number, psu: PsuModel | undefined): RearConnector {
  const input = psu ? `${psu.input.system === '3ph' ? '3-phase' : psu.input.system === 'dc' ? 'DC' : '1-phase'} ${n0(psu.input.minVolts)}–${n0(psu.input.maxVolts)} V` : 'input not in the catalog';
  return { kind: 'psu-inlet', count: n, text: `PSU inlets: ${n0(n)} (${input}; cord type not in the catalog)`, short: `${n0(n)} PSU` };
}

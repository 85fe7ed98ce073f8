/**
 * The cable schedule of every network of a cluster, port to port, as one stream under one header (the
 * `network` column says which): the compute fabric (./evaluate-cluster `clusterSchedule`), then the front-end and
 * storage Ethernet fabrics, then the out-of-band management network. Rows per network equal that network's link
 * count ({@link scheduleLinks}); nothing is held in memory but the current row.
 *
 * Where the other networks' equipment stands (lengths follow from it, by the same rule as the compute fabric):
 * - Front-end and storage: node ports in the compute racks (the node's own slot), the fabric's switches in
 *   network racks of their own (`FE-NR…`, `ST-NR…`) laid out like the compute network row. A node's ports go round
 *   the leaves of its leaf pair in turn, so its two ports land on different leaves.
 * - Out-of-band: each compute rack's BMC and power-controller ports go to the access switch(es) in that rack
 *   (`oob-C3-1`); every fabric switch's management port goes to an access switch in the network racks, spread evenly
 *   over them exactly as `sizeOob` counts them (`oob-NR2-1`, standing at network rack 2's place); CDUs (and the
 *   switches of a cluster without network racks) take free compute-rack access ports, then switches of their own
 *   (`oob-extra-1`); access switches uplink to the aggregation switches (`oob-agg-1`).
 * @module
 */
import { CableCursor, cableCursor, place, planCabling, type CablePlan, type CableRow, type CableTier, type NetworkName, type Place } from './cabling';
import { clusterSchedule, type ClusterEvaluation, type EthernetNetwork } from './evaluate-cluster';
import { pickMedium, type MediaChoice } from './media';
import { pickSourced } from '../provenance';
import type { NetworkCatalog } from './types';

/** The schedule's networks, in the order the schedule lists them. */
export const SCHEDULE_NETWORKS: readonly NetworkName[] = ['compute', 'frontend', 'storage', 'oob'];

export type NetworkLinks = Readonly<Record<NetworkName, number>> & { readonly total: number };

/** Rows each network contributes to the full schedule (its logical links), without walking it. */
export function scheduleLinks(e: ClusterEvaluation): NetworkLinks {
  const compute = e.parts.reduce((s, p) => s + (p.plan ? p.fabric.links.total : 0), 0);
  const frontend = e.frontEnd && e.frontEnd.fabric.tiers > 0 && e.plan ? e.frontEnd.fabric.links.total : 0;
  const storage = e.storage && e.storage.fabric.tiers > 0 && e.plan ? e.storage.fabric.links.total : 0;
  const oob = e.oob && e.plan ? e.oob.links : 0;
  return { compute, frontend, storage, oob, total: compute + frontend + storage + oob };
}

/** Every row of every network: compute, front-end, storage, out-of-band. */
export function* fullSchedule(e: ClusterEvaluation, net: NetworkCatalog): Generator<CableRow, void, undefined> {
  for (const n of SCHEDULE_NETWORKS) yield* networkSchedule(e, net, n);
}

/** The rows of one network (none without a floor layout: `counts` detail, or no fabric design). */
export function* networkSchedule(e: ClusterEvaluation, net: NetworkCatalog, network: NetworkName): Generator<CableRow, void, undefined> {
  if (!e.plan) return;
  if (network === 'compute') yield* clusterSchedule(e, net);
  else for (const c of otherNetworkCursor(e, net, network)) yield c.row();
}

/**
 * The cables of the front-end, storage or out-of-band network through one {@link CableCursor} (changed in place,
 * yielded once per cable): {@link networkSchedule}'s rows for writers that read each cable once.
 */
export function* otherNetworkCursor(e: ClusterEvaluation, net: NetworkCatalog, network: Exclude<NetworkName, 'compute'>): Generator<CableCursor, void, undefined> {
  if (!e.plan) return;
  if (network === 'frontend') yield* ethernetCursor(e, net, e.frontEnd, 'frontend', 'FE', 'fe');
  else if (network === 'storage') yield* ethernetCursor(e, net, e.storage, 'storage', 'ST', 'st');
  else yield* oobCursor(e, net);
}

/** Where compute node `n` (cluster-wide index) stands, with its rack named as the compute rows name it. */
function nodeLocator(e: ClusterEvaluation): (n: number) => Place {
  const per = e.parts[0]!.nodes;
  const many = e.parts.length > 1;
  return (n) => {
    const k = Math.min(e.parts.length - 1, Math.floor(n / per));
    const plan = e.parts[k]!.plan!;
    const p = plan.nodePlace(n - k * per);
    return many ? place(`f${k + 1}-${p.rack}`, p.x, p.y, p.h, p.key) : p;
  };
}

/** Compute node `n` (cluster-wide index) named as the compute rows name it (`f2-node5` in a split cluster's second fabric). */
function nodeNamer(e: ClusterEvaluation): (n: number) => string {
  const per = e.parts[0]!.nodes;
  if (e.parts.length <= 1) return (n) => `node${n + 1}`;
  return (n) => {
    const k = Math.min(e.parts.length - 1, Math.floor(n / per));
    return `f${k + 1}-node${n - k * per + 1}`;
  };
}

/** The floor layout of a front-end or storage fabric: its endpoints in the compute racks, its switches in its own network racks. */
function ethernetPlan(e: ClusterEvaluation, eth: EthernetNetwork): CablePlan {
  const ppn = eth.fabric.endpoints / e.ports.nodes;
  const first = e.plan!;
  return planCabling(
    {
      fabric: eth.fabric,
      nodesPerRack: e.ports.nodesPerRack * ppn,
      nodeHeightU: e.ports.nodeHeightU / ppn,
      switchHeightU: pickSourced(eth.switch.heightU, 'typical'),
      laneGbps: eth.switch.laneGbps,
      switchLinksPerModule: Math.max(1, Math.round(eth.fabric.logicalRadix / eth.switch.cages)),
      nodeLinksPerModule: 1,
    },
    { ...first.layout, leafPlacement: 'network-row', spinePlacement: 'network-row' },
  );
}

function* ethernetCursor(e: ClusterEvaluation, net: NetworkCatalog, eth: EthernetNetwork | null, network: NetworkName, rackTag: string, deviceTag: string): Generator<CableCursor, void, undefined> {
  if (!eth || eth.fabric.tiers === 0) return;
  const f = eth.fabric;
  const ppn = f.endpoints / e.ports.nodes;
  const plan = ethernetPlan(e, eth);
  const node = nodeLocator(e);
  const nodeName = nodeNamer(e);
  const lpr = f.leavesPerRailPerSu;
  const su = f.suNodes;
  const choices = new Map<number, MediaChoice | null>();
  const spec = plan.spec;
  // A switch's rack and name recur on every row of its run: each one's text is made once.
  const rackNames = new Map<string, string>();
  const deviceNames = new Map<string, string>();
  const rack = (r: string): string => {
    let name = rackNames.get(r);
    if (name === undefined) rackNames.set(r, (name = r.startsWith('NR') ? `${rackTag}-${r}` : r));
    return name;
  };
  const dev = (name: string): string => {
    let tagged = deviceNames.get(name);
    if (tagged === undefined) deviceNames.set(name, (tagged = `${deviceTag}-${name}`));
    return tagged;
  };
  for (const c of cableCursor(plan, net, new CableCursor(`${rackTag}-C`, network))) {
    if (c.tier === 'node-leaf') {
      // Endpoint x of the fabric is port x mod ppn of node ⌊x / ppn⌋; within an SU the endpoints go round its leaves.
      // The node end moves to the real compute node, so the length and the medium are measured again.
      const x = Number(c.aDevice.slice(4)) - 1;
      const n = Math.floor(x / ppn);
      const a = node(n);
      const s = Math.floor(x / su);
      const xIn = x - s * su;
      const leaf = f.tiers === 1 ? 0 : s * lpr + (xIn % lpr);
      const port = f.tiers === 1 ? x + 1 : Math.floor(xIn / lpr) + 1;
      const b = plan.leafPlace(0, leaf);
      const index = c.measure(a, b, plan.layout);
      let choice = choices.get(index);
      if (choice === undefined) {
        choice = pickMedium(net, {
          lengthM: c.lengthM,
          laneGbps: spec.laneGbps,
          linkGbps: spec.fabric.linkGbps,
          order: spec.mediaOrder ?? ['dac', 'acc', 'aec', 'mmf', 'smf'],
          aLinksPerModule: spec.nodeLinksPerModule,
          bLinksPerModule: spec.switchLinksPerModule,
        });
        choices.set(index, choice);
      }
      c.setChoice(choice);
      c.setEnds(a.rack, nodeName(n), `${deviceTag}${(x % ppn) + 1}`, rack(b.rack), dev(`leaf-${leaf + 1}`), String(port));
    } else {
      c.setEnds(rack(c.aRack), dev(c.aDevice), c.aPort, rack(c.bRack), dev(c.bDevice), c.bPort);
    }
    yield c;
  }
}

function* oobCursor(e: ClusterEvaluation, net: NetworkCatalog): Generator<CableCursor, void, undefined> {
  const oob = e.oob;
  const sw = e.oobSwitch;
  if (!oob || !sw) return;
  const first = e.plan!;
  const layout = first.layout;
  const k = sw.cages * sw.portsPerCage;
  const down = k - 1; // one port of every access switch is its uplink
  const linkGbps = pickSourced(sw.portGbps, 'typical');
  const cache = new Map<number, MediaChoice | null>();
  const c = new CableCursor('OOB-C', 'oob');
  let id = 0;
  const row = (tier: CableTier, a: Place, aDevice: string, aPort: string, b: Place, bDevice: string, bPort: string): CableCursor => {
    const index = c.measure(a, b, layout);
    let choice = cache.get(index);
    if (choice === undefined) {
      choice = pickMedium(net, { lengthM: c.lengthM, laneGbps: sw.laneGbps, linkGbps, order: ['utp', 'mmf', 'smf'], aLinksPerModule: 1, bLinksPerModule: 1 });
      cache.set(index, choice);
    }
    c.setChoice(choice);
    c.idNumber = ++id;
    c.tier = tier;
    c.setEnds(a.rack, aDevice, aPort, b.rack, bDevice, bPort);
    return c;
  };
  const node = nodeLocator(e);
  const ports = e.ports;
  const npr = ports.nodesPerRack;
  const perRack = ports.bmcPortsPerRack + ports.powerControllersPerRack;
  const computeSwitchesPerRack = Math.max(1, Math.ceil(perRack / down));
  const atFloor = (p: Place): Place => place(p.rack, p.x, p.y, layout.floorClearanceM, p.key);
  const topOfRack = (p: Place): Place => place(p.rack, p.x, p.y, layout.floorClearanceM + 41 * 0.04445, p.key);
  const access: { name: string; place: Place }[] = [];

  // Compute racks: BMCs and power controllers → the rack's access switches.
  for (let c = 0; c < ports.racks; c++) {
    const rackPlace = node(Math.min(ports.nodes - 1, c * npr));
    const swPlace = topOfRack(rackPlace);
    for (let j = 0; j < computeSwitchesPerRack; j++) access.push({ name: `oob-${rackPlace.rack}-${j + 1}`, place: swPlace });
    for (let i = 0; i < perRack; i++) {
      const bmc = i < ports.bmcPortsPerRack;
      const device = bmc ? `${rackPlace.rack}-bmc${i + 1}` : `${rackPlace.rack}-pwr${i - ports.bmcPortsPerRack + 1}`;
      const j = Math.floor(i / down);
      yield row('device-access', bmc ? rackPlace : atFloor(rackPlace), device, 'mgmt', swPlace, `oob-${rackPlace.rack}-${j + 1}`, String((i % down) + 1));
    }
  }

  // Fabric switches' management ports → access switches of the network racks, spread evenly (as sizeOob counts).
  // Without network racks (one top-of-rack leaf and nothing above it) they take free compute-rack ports, like CDUs.
  const networkRacks = e.parts.reduce((s, p) => s + (p.plan?.networkRacks ?? 0), 0);
  const mgmt = [...switchesWithPlaces(e)];
  const leftovers: { name: string; place: Place | null }[] = [];
  if (networkRacks > 0 && mgmt.length) {
    const perNetRack = Math.ceil(mgmt.length / networkRacks);
    const netSwitchesPerRack = Math.max(1, Math.ceil(perNetRack / down));
    const netRowY = first.rows * layout.rowSpacingM;
    const netRackPlace = (r: number): Place => place(`NR${r + 1}`, r * first.pitchM, netRowY, layout.floorClearanceM + 41 * 0.04445, -1 - r);
    for (let r = 0; r < networkRacks; r++) for (let j = 0; j < netSwitchesPerRack; j++) access.push({ name: `oob-NR${r + 1}-${j + 1}`, place: netRackPlace(r) });
    for (let i = 0; i < mgmt.length; i++) {
      const r = Math.floor(i / perNetRack);
      const t = i - r * perNetRack;
      const s = mgmt[i]!;
      yield row('device-access', s.place, s.name, 'mgmt', netRackPlace(r), `oob-NR${r + 1}-${Math.floor(t / down) + 1}`, String((t % down) + 1));
    }
  } else leftovers.push(...mgmt);

  // CDUs (and switches without a network rack): free ports of the compute racks' access switches first, then
  // access switches of their own.
  const cdus = oob.ports - ports.racks * perRack - mgmt.length;
  for (let i = 0; i < cdus; i++) leftovers.push({ name: `cdu${i + 1}`, place: null });
  let placed = 0;
  for (let c = 0; c < ports.racks && placed < leftovers.length; c++) {
    const rackPlace = node(Math.min(ports.nodes - 1, c * npr));
    for (let i = perRack; i < computeSwitchesPerRack * down && placed < leftovers.length; i++, placed++) {
      const d = leftovers[placed]!;
      yield row('device-access', d.place ?? atFloor(rackPlace), d.name, 'mgmt', topOfRack(rackPlace), `oob-${rackPlace.rack}-${Math.floor(i / down) + 1}`, String((i % down) + 1));
    }
  }
  const extraRack = (n: number): Place => place(`NR-OOB${n + 1}`, (networkRacks + n) * first.pitchM, first.rows * layout.rowSpacingM, layout.floorClearanceM + 41 * 0.04445, -1e5 - n);
  for (let x = 0; placed < leftovers.length; x++, placed++) {
    const j = Math.floor(x / down);
    if (x % down === 0) access.push({ name: `oob-extra-${j + 1}`, place: extraRack(j) });
    const d = leftovers[placed]!;
    yield row('device-access', d.place ?? atFloor(extraRack(j)), d.name, 'mgmt', extraRack(j), `oob-extra-${j + 1}`, String((x % down) + 1));
  }

  // Access → aggregation.
  if (oob.aggregationSwitches > 0) {
    const aggPlace = (a: number): Place => place('NR1', 0, first.rows * layout.rowSpacingM, layout.floorClearanceM + (40 - a) * 0.04445, -1);
    for (let a = 0; a < access.length; a++) {
      const g = Math.floor(a / k);
      yield row('access-aggregation', access[a]!.place, access[a]!.name, String(k), aggPlace(g), `oob-agg-${g + 1}`, String((a % k) + 1));
    }
  }
}

/** Every fabric switch of the cluster (compute parts and planes, front-end, storage) with where it stands. */
function* switchesWithPlaces(e: ClusterEvaluation): Generator<{ name: string; place: Place }> {
  const many = e.parts.length > 1;
  for (let k = 0; k < e.parts.length; k++) {
    const { plan, fabric: f } = e.parts[k]!;
    if (!plan) continue;
    const pre = many ? `f${k + 1}-` : '';
    const P = f.planes;
    const tag = (p: number) => (P > 1 ? `p${p + 1}-` : '');
    const named = (pl: Place) => (many ? place(`${pre}${pl.rack}`, pl.x, pl.y, pl.h, pl.key) : pl);
    for (let p = 0; p < P; p++) {
      for (let i = 0; i < f.switches.leaf / P; i++) yield { name: `${pre}leaf-${tag(p)}${i + 1}`, place: named(plan.leafPlace(p, i)) };
      for (let i = 0; i < f.switches.spine / P; i++) yield { name: `${pre}spine-${tag(p)}${i + 1}`, place: named(plan.spinePlace(p, i)) };
      for (let i = 0; i < f.switches.core / P; i++) yield { name: `${pre}core-${tag(p)}${i + 1}`, place: named(plan.corePlace(p, i)) };
    }
  }
  for (const [eth, rackTag, deviceTag] of [[e.frontEnd, 'FE', 'fe'], [e.storage, 'ST', 'st']] as const) {
    if (!eth) continue;
    const f = eth.fabric;
    if (f.tiers === 0) {
      // No design: its switch count is 0 too, so nothing to connect.
      continue;
    }
    const plan = ethernetPlan(e, eth);
    const rack = (pl: Place) => (pl.rack.startsWith('NR') ? place(`${rackTag}-${pl.rack}`, pl.x, pl.y, pl.h, pl.key) : pl);
    for (let i = 0; i < f.switches.leaf; i++) yield { name: `${deviceTag}-leaf-${i + 1}`, place: rack(plan.leafPlace(0, i)) };
    for (let i = 0; i < f.switches.spine; i++) yield { name: `${deviceTag}-spine-${i + 1}`, place: rack(plan.spinePlace(0, i)) };
    for (let i = 0; i < f.switches.core; i++) yield { name: `${deviceTag}-core-${i + 1}`, place: rack(plan.corePlace(0, i)) };
  }
}

/** A switch or endpoint of the front-end, storage or out-of-band network, named and placed as that network's rows name it. */
export interface NetworkDevice {
  readonly network: Exclude<NetworkName, 'compute'>;
  /** The name the rows give it (no cluster prefix). */
  readonly name: string;
  /** The rack the rows give it. */
  readonly rack: string;
  /** A fabric switch's tier, an out-of-band access or aggregation switch, or a management endpoint of a compute rack or CDU. */
  readonly role: 'leaf' | 'spine' | 'core' | 'access' | 'aggregation' | 'bmc' | 'power-controller' | 'cdu';
  /** Height of its middle above the floor (m) where the layout gives it a slot (front-end and storage switches); null where it gives only the rack. */
  readonly h: number | null;
  /** Numbered ports (`1`…`ports`) of a switch; 0 for an endpoint, whose one port is `mgmt`. */
  readonly ports: number;
}

/**
 * Every device the rows of a non-compute network end on, except the fabric switches' management ports (those are
 * ports of the compute, front-end and storage switches): its switches, and for the out-of-band network the BMC,
 * power-controller and CDU ports the schedule names (`C3-bmc2`, `C3-pwr1`, `cdu4`: the schedule does not tie a
 * BMC port to a slot of the rack). Walks the same loops as the rows, so names and racks are the rows' own.
 */
export function* networkDevices(e: ClusterEvaluation, network: Exclude<NetworkName, 'compute'>, options: { readonly endpoints?: boolean } = {}): Generator<NetworkDevice, void, undefined> {
  if (!e.plan) return;
  if (network === 'oob') {
    yield* oobDevices(e, options.endpoints ?? true);
    return;
  }
  const [eth, rackTag, deviceTag] = network === 'frontend' ? [e.frontEnd, 'FE', 'fe'] : [e.storage, 'ST', 'st'];
  if (!eth || eth.fabric.tiers === 0) return;
  const f = eth.fabric;
  const plan = ethernetPlan(e, eth);
  const rack = (r: string) => (r.startsWith('NR') ? `${rackTag}-${r}` : r);
  const upper = f.spineLogicalRadix || f.logicalRadix;
  for (let i = 0; i < f.switches.leaf; i++) {
    const pl = plan.leafPlace(0, i);
    yield { network, name: `${deviceTag}-leaf-${i + 1}`, rack: rack(pl.rack), role: 'leaf', h: pl.h, ports: f.logicalRadix };
  }
  for (let i = 0; i < f.switches.spine; i++) {
    const pl = plan.spinePlace(0, i);
    yield { network, name: `${deviceTag}-spine-${i + 1}`, rack: rack(pl.rack), role: 'spine', h: pl.h, ports: upper };
  }
  for (let i = 0; i < f.switches.core; i++) {
    const pl = plan.corePlace(0, i);
    yield { network, name: `${deviceTag}-core-${i + 1}`, rack: rack(pl.rack), role: 'core', h: pl.h, ports: upper };
  }
}

/** The out-of-band network's switches and (with `endpoints`) its endpoints, in the order {@link oobSchedule} first names them. */
function* oobDevices(e: ClusterEvaluation, endpoints: boolean): Generator<NetworkDevice, void, undefined> {
  const oob = e.oob;
  const sw = e.oobSwitch;
  if (!oob || !sw) return;
  const network = 'oob';
  const k = sw.cages * sw.portsPerCage;
  const down = k - 1;
  const node = nodeLocator(e);
  const ports = e.ports;
  const npr = ports.nodesPerRack;
  const perRack = ports.bmcPortsPerRack + ports.powerControllersPerRack;
  const computeSwitchesPerRack = Math.max(1, Math.ceil(perRack / down));
  let access = 0;
  const accessSwitch = (name: string, rack: string): NetworkDevice => {
    access++;
    return { network, name, rack, role: 'access', h: null, ports: k };
  };
  for (let c = 0; c < ports.racks; c++) {
    const rack = node(Math.min(ports.nodes - 1, c * npr)).rack;
    for (let j = 0; j < computeSwitchesPerRack; j++) yield accessSwitch(`oob-${rack}-${j + 1}`, rack);
    for (let i = 0; endpoints && i < perRack; i++) {
      const bmc = i < ports.bmcPortsPerRack;
      yield bmc
        ? { network, name: `${rack}-bmc${i + 1}`, rack, role: 'bmc', h: null, ports: 0 }
        : { network, name: `${rack}-pwr${i - ports.bmcPortsPerRack + 1}`, rack, role: 'power-controller', h: null, ports: 0 };
    }
  }
  const networkRacks = e.parts.reduce((s, p) => s + (p.plan?.networkRacks ?? 0), 0);
  let mgmt = 0;
  for (const _ of switchesWithPlaces(e)) mgmt++;
  let leftoverSwitches = mgmt;
  if (networkRacks > 0 && mgmt) {
    leftoverSwitches = 0;
    const netSwitchesPerRack = Math.max(1, Math.ceil(Math.ceil(mgmt / networkRacks) / down));
    for (let r = 0; r < networkRacks; r++) for (let j = 0; j < netSwitchesPerRack; j++) yield accessSwitch(`oob-NR${r + 1}-${j + 1}`, `NR${r + 1}`);
  }
  const cdus = oob.ports - ports.racks * perRack - mgmt;
  const leftovers = leftoverSwitches + cdus;
  let placed = 0;
  for (let c = 0; c < ports.racks && placed < leftovers; c++) {
    const rack = node(Math.min(ports.nodes - 1, c * npr)).rack;
    for (let i = perRack; i < computeSwitchesPerRack * down && placed < leftovers; i++, placed++) {
      if (endpoints && placed >= leftoverSwitches) yield { network, name: `cdu${placed - leftoverSwitches + 1}`, rack, role: 'cdu', h: null, ports: 0 };
    }
  }
  for (let x = 0; placed < leftovers; x++, placed++) {
    const rack = `NR-OOB${Math.floor(x / down) + 1}`;
    if (x % down === 0) yield accessSwitch(`oob-extra-${Math.floor(x / down) + 1}`, rack);
    if (endpoints && placed >= leftoverSwitches) yield { network, name: `cdu${placed - leftoverSwitches + 1}`, rack, role: 'cdu', h: null, ports: 0 };
  }
  if (oob.aggregationSwitches > 0) {
    for (let g = 0; g < Math.ceil(access / k); g++) yield { network, name: `oob-agg-${g + 1}`, rack: 'NR1', role: 'aggregation', h: null, ports: k };
  }
}

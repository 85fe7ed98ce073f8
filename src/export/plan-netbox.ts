/**
 * A capacity plan as NetBox objects: one NetBox site per data-center site, compute racks laid out like the
 * rack elevation drawing (src/core/rack/elevation.ts), network racks holding the switches where the cable layout
 * put them, and one cable per row of the plan's cable schedule (cables.csv), every network: the compute fabric,
 * then each cluster's front-end, storage and out-of-band rows. Device and interface names are the schedule's own
 * (src/core/fabric/network-schedule.ts `networkDevices` walks the same loops as its rows), so every cable's two
 * ends exist and a user can match cables.csv row by row. Devices and cables are produced lazily (generators).
 * @module
 */
import type { Generation } from '../core/catalog/types';
import type { UnitReport } from '../core/rack/types';
import type { CableRow } from '../core/fabric/cabling';
import type { SwitchModel } from '../core/fabric/types';
import { networkDevices, SCHEDULE_NETWORKS, type NetworkDevice } from '../core/fabric/network-schedule';
import { pickSourced, pick } from '../core/provenance';
import { layoutElevation, type ElevationLayout } from '../core/rack/elevation';
import { NETBOX_COLUMNS, NETBOX_VERSION, NetboxCsvWriter, netboxRackWidth, netboxSlug, uniqueSiteNames, type NbCable, type NbDevice, type NbDeviceRole, type NbDeviceType, type NbInterfaceTemplate, type NbManufacturer, type NbRack, type NbSite, type NetboxModel } from './netbox';
import { otherNetworkCursors, planClusters, type ClusterLayout } from './plan-cables';
import { CABLE_ID_DIGITS, cableCursor, type CableCursor } from '../core/fabric/cabling';
import { unitReports, usedSites, type PlanBundle } from './plan-tables';

const VENDOR_NAME: Record<string, string> = { nvidia: 'NVIDIA', aws: 'Amazon Web Services', amd: 'AMD', broadcom: 'Broadcom', generic: 'Generic' };

const ROLES: readonly NbDeviceRole[] = [
  { name: 'Compute', slug: 'compute', color: '2196f3', description: 'Accelerator trays and servers' },
  { name: 'Scale-up switch', slug: 'scale-up-switch', color: '4caf50', description: 'NVLink / NeuronLink switch trays' },
  { name: 'Fabric leaf', slug: 'fabric-leaf', color: '8bc34a', description: 'Scale-out fabric leaf switches' },
  { name: 'Fabric spine', slug: 'fabric-spine', color: '009688', description: 'Scale-out fabric spine switches' },
  { name: 'Fabric core', slug: 'fabric-core', color: '00bcd4', description: 'Scale-out fabric core switches' },
  { name: 'Management', slug: 'management', color: '9e9e9e', description: 'Out-of-band management switches' },
  { name: 'Front-end switch', slug: 'front-end-switch', color: '3f51b5', description: 'Front-end (north-south) Ethernet switches' },
  { name: 'Storage switch', slug: 'storage-switch', color: '8d6e63', description: 'Storage fabric switches' },
  { name: 'Management port', slug: 'management-port', color: 'cfd8dc', description: 'BMC, power-controller and CDU management ports of the out-of-band cable schedule' },
  { name: 'Power', slug: 'power', color: 'ff9800', description: 'Power shelves' },
  { name: 'Cooling', slug: 'cooling', color: '00acc1', description: 'In-rack CDUs' },
  { name: 'Host', slug: 'host', color: '673ab7', description: 'Head nodes and hosts' },
  { name: 'Storage', slug: 'storage', color: '795548', description: 'Storage' },
  { name: 'Network', slug: 'network', color: '607d8b', description: 'Other network gear' },
  { name: 'Other', slug: 'other', color: 'bdbdbd', description: 'Other' },
];

const ROLE_OF_KIND: Record<string, string> = {
  compute: 'Compute',
  'scale-up-switch': 'Scale-up switch',
  network: 'Network',
  management: 'Management',
  host: 'Host',
  storage: 'Storage',
  power: 'Power',
  cooling: 'Cooling',
  other: 'Other',
};

/** NetBox interface type for a port speed and protocol (values valid in the pinned version). */
export function interfaceType(gbps: number, protocol: 'infiniband' | 'ethernet' = 'ethernet'): string {
  if (protocol === 'infiniband') return gbps >= 800 ? 'infiniband-xdr' : gbps >= 400 ? 'infiniband-ndr' : 'other';
  if (gbps >= 800) return '800gbase-x-osfp';
  if (gbps >= 400) return '400gbase-x-osfp';
  if (gbps >= 200) return '200gbase-x-qsfp56';
  if (gbps >= 100) return '100gbase-x-qsfp28';
  if (gbps >= 25) return '25gbase-x-sfp28';
  if (gbps >= 10) return '10gbase-t';
  return '1000base-t';
}

/** NetBox cable type for a medium of the cable schedule. */
export function cableType(media: CableRow['media']): string {
  switch (media) {
    case 'dac':
      return 'dac-passive';
    case 'acc':
    case 'aec':
      return 'dac-active';
    case 'aoc':
      return 'aoc';
    case 'mmf':
      return 'mmf';
    case 'smf':
      return 'smf';
    case 'utp':
      return 'cat6';
    default:
      return '';
  }
}

interface ModelParts {
  readonly manufacturer: string;
  /** Device type model per elevation component id. */
  readonly typeOf: Map<string, string>;
}

function componentModel(g: Generation, componentId: string, label: string): string {
  return `${g.name} ${label}`.slice(0, 100);
}

/**
 * Device types of a generation: one per component class, the node type carrying its NIC interfaces. `nodePorts`
 * gives the front-end and storage interfaces the schedule names on a node (more than the NIC ports when one NIC port
 * takes several switch ports).
 */
function generationTypes(g: Generation, layout: ElevationLayout, report: UnitReport, nodePorts: { fe: number; st: number } = { fe: 0, st: 0 }, oobPorts = 0): { types: NbDeviceType[]; parts: ModelParts } {
  const manufacturer = VENDOR_NAME[g.vendor] ?? g.vendor;
  const typeOf = new Map<string, string>();
  const types: NbDeviceType[] = [];
  const seen = new Set<string>();
  for (const rack of layout.racks) {
    for (const slot of rack.slots) {
      if (seen.has(slot.componentId)) continue;
      seen.add(slot.componentId);
      const comp = g.components.find((c) => c.id === slot.componentId);
      const model = componentModel(g, slot.componentId, slot.label);
      typeOf.set(slot.componentId, model);
      const interfaces: NbInterfaceTemplate[] = [];
      if (comp?.ports.scaleOut) for (let i = 1; i <= comp.ports.scaleOut.count; i++) interfaces.push({ name: `nic${i}`, type: interfaceType(pickSourced(comp.ports.scaleOut.gbps, 'typical')), description: 'scale-out fabric' });
      const isNode = !!comp?.ports.scaleOut && comp.ports.scaleOut.count > 0;
      if (comp?.ports.frontEnd) for (let i = 1; i <= Math.max(comp.ports.frontEnd.count, isNode ? nodePorts.fe : 0); i++) interfaces.push({ name: `fe${i}`, type: interfaceType(pickSourced(comp.ports.frontEnd.gbps, 'typical')), description: 'front-end network' });
      if (comp?.ports.storage) for (let i = 1; i <= Math.max(comp.ports.storage.count, isNode ? nodePorts.st : 0); i++) interfaces.push({ name: `st${i}`, type: interfaceType(pickSourced(comp.ports.storage.gbps, 'typical')), description: 'storage network' });
      if (comp?.ports.management) for (let i = 1; i <= comp.ports.management.count; i++) interfaces.push({ name: i === 1 ? 'bmc' : `bmc${i}`, type: '1000base-t', mgmtOnly: true });
      // A rack's own management switch is the out-of-band access switch of that rack: its ports as the schedule numbers them.
      if (slot.kind === 'management') for (let i = 1; i <= oobPorts; i++) interfaces.push({ name: String(i), type: '1000base-t', description: 'out-of-band network' });
      const weight = comp ? pick(comp.weightKg, 'typical') : null;
      types.push({
        manufacturer,
        model,
        slug: netboxSlug(`${g.id}-${slot.componentId}`),
        uHeight: slot.heightU,
        isFullDepth: true,
        ...(weight !== null ? { weightKg: weight } : {}),
        airflow: report.cooling.airKw > 0 ? 'front-to-rear' : 'passive',
        interfaces,
        comments: `rackplan catalog ${g.id} / ${slot.componentId}`,
      });
    }
  }
  return { types, parts: { manufacturer, typeOf } };
}

/**
 * A switch model run as `radix` logical ports of `linkGbps` (interfaces `1`…`radix`, as the schedule numbers them)
 * and its management port `mgmt` (the out-of-band rows end there).
 */
function switchType(sw: SwitchModel, radix: number, linkGbps: number, heightU: number): NbDeviceType {
  const manufacturer = VENDOR_NAME[sw.vendor] ?? sw.vendor;
  const model = `${sw.name} (${radix} x ${linkGbps}G)`.slice(0, 100);
  const interfaces: NbInterfaceTemplate[] = Array.from({ length: radix }, (_, i) => ({ name: String(i + 1), type: interfaceType(linkGbps, sw.protocol) }));
  interfaces.push({ name: 'mgmt', type: '1000base-t', mgmtOnly: true });
  return {
    manufacturer,
    model,
    slug: netboxSlug(`${sw.id}-${radix}x${linkGbps}g`),
    uHeight: heightU,
    isFullDepth: true,
    airflow: 'front-to-rear',
    interfaces,
    comments: linkGbps < pickSourced(sw.portGbps, 'typical') ? 'Ports broken out to the NIC speed: interface n is logical port n.' : undefined,
  };
}

/** The out-of-band schedule's BMC, power-controller and CDU ports: a 0U device with the one port `mgmt`. */
const OOB_ENDPOINT_TYPE: NbDeviceType = {
  manufacturer: 'Generic',
  model: 'Out-of-band management port',
  slug: 'rackplan-oob-management-port',
  uHeight: 0,
  isFullDepth: false,
  interfaces: [{ name: 'mgmt', type: '1000base-t', mgmtOnly: true }],
  comments: 'A BMC, power-controller or CDU management port as the rackplan cable schedule names it (<rack>-bmc<n>, <rack>-pwr<n>, cdu<n>): the schedule places it in its rack, not in a slot.',
};

/** The switch types and heights of a cluster's other networks (front-end, storage, out-of-band). */
interface OtherNetworkTypes {
  readonly types: Partial<Record<NetworkDevice['network'], { readonly type: NbDeviceType; readonly heightU: number }>>;
}

function otherNetworkTypes(c: ClusterLayout): OtherNetworkTypes {
  const e = c.otherNetworks;
  const types: OtherNetworkTypes['types'] = {};
  if (!e) return { types };
  for (const [network, eth] of [['frontend', e.frontEnd], ['storage', e.storage]] as const) {
    if (!eth || eth.fabric.tiers === 0) continue;
    const heightU = Math.max(1, Math.round(pickSourced(eth.switch.heightU, 'typical')));
    types[network] = { type: switchType(eth.switch, eth.fabric.logicalRadix, eth.fabric.linkGbps, heightU), heightU };
  }
  if (e.oob && e.oobSwitch) {
    const sw = e.oobSwitch;
    const heightU = Math.max(1, Math.round(pickSourced(sw.heightU, 'typical')));
    types.oob = { type: switchType(sw, sw.cages * sw.portsPerCage, pickSourced(sw.portGbps, 'typical'), heightU), heightU };
  }
  return { types };
}

const U_M = 0.04445;

/** The lowest U of a switch of `heightU` whose middle stands `h` metres above the floor (the cable layout's slot). */
function positionOf(c: ClusterLayout, h: number, heightU: number): number {
  return Math.max(1, Math.round((h - c.cabling.layout.floorClearanceM) / U_M - heightU / 2) + 1);
}

const OTHER_ROLE: Record<NetworkDevice['role'], string> = {
  leaf: '',
  spine: '',
  core: '',
  access: 'Management',
  aggregation: 'Management',
  bmc: 'Management port',
  'power-controller': 'Management port',
  cdu: 'Management port',
};

/** NetBox role of a device of another network. */
function otherRole(d: NetworkDevice): string {
  if (d.network === 'frontend' && (d.role === 'leaf' || d.role === 'spine' || d.role === 'core')) return 'Front-end switch';
  if (d.network === 'storage' && (d.role === 'leaf' || d.role === 'spine' || d.role === 'core')) return 'Storage switch';
  return OTHER_ROLE[d.role] || 'Network';
}

const RACK_DESCRIPTION: Record<string, string> = { frontend: 'front-end network rack', storage: 'storage network rack', oob: 'out-of-band network rack' };

/** Front-end and storage interfaces the schedule names on a node of a cluster (its rows' `fe<n>`, `st<n>`). */
function nodeNetworkPorts(c: ClusterLayout): { fe: number; st: number } {
  const e = c.otherNetworks;
  if (!e) return { fe: 0, st: 0 };
  const per = (eth: typeof e.frontEnd) => (eth && eth.fabric.tiers > 0 ? Math.ceil(eth.fabric.endpoints / e.ports.nodes) : 0);
  return { fe: per(e.frontEnd), st: per(e.storage) };
}

/** Build the NetBox model of a plan. */
export function planNetboxModel(b: PlanBundle, clusters: readonly ClusterLayout[] = planClusters(b)): NetboxModel {
  // Device layout and weight do not depend on the site: the first site's report of each generation.
  const reports = new Map<string, UnitReport>();
  for (const u of unitReports(b)) if (!reports.has(u.generation)) reports.set(u.generation, u.report);
  const layouts = new Map<string, { layout: ElevationLayout; parts: ModelParts }>();
  const manufacturers = new Map<string, NbManufacturer>();
  const deviceTypes = new Map<string, NbDeviceType>();
  const addType = (t: NbDeviceType) => {
    if (!deviceTypes.has(t.slug)) deviceTypes.set(t.slug, t);
    if (!manufacturers.has(t.manufacturer)) manufacturers.set(t.manufacturer, { name: t.manufacturer, slug: netboxSlug(t.manufacturer) });
  };
  // A node type carries every front-end and storage interface the schedule names on any cluster of its generation.
  const nodePorts = new Map<string, { fe: number; st: number }>();
  for (const c of clusters) {
    const need = nodeNetworkPorts(c);
    const had = nodePorts.get(c.generation.id) ?? { fe: 0, st: 0 };
    nodePorts.set(c.generation.id, { fe: Math.max(had.fe, need.fe), st: Math.max(had.st, need.st) });
  }
  const oobPorts = new Map<string, number>();
  for (const c of clusters) {
    const sw = c.otherNetworks?.oobSwitch;
    if (sw) oobPorts.set(c.generation.id, Math.max(oobPorts.get(c.generation.id) ?? 0, sw.cages * sw.portsPerCage));
  }
  for (const c of clusters) {
    const g = c.generation;
    if (layouts.has(g.id)) continue;
    const report = reports.get(g.id);
    if (!report) continue;
    const layout = layoutElevation(g, report, b.catalog);
    const { types, parts } = generationTypes(g, layout, report, nodePorts.get(g.id), oobPorts.get(g.id));
    types.forEach(addType);
    layouts.set(g.id, { layout, parts });
  }
  const swTypes = new Map<ClusterLayout, NbDeviceType>();
  const otherTypes = new Map<ClusterLayout, OtherNetworkTypes>();
  for (const c of clusters) {
    const t = switchType(c.switchModel, c.logicalRadix, c.linkGbps, c.switchHeightU);
    addType(t);
    swTypes.set(c, t);
    const other = otherNetworkTypes(c);
    for (const { type } of Object.values(other.types)) addType(type);
    otherTypes.set(c, other);
  }
  if (clusters.some((c) => c.otherNetworks?.oob)) addType(OOB_ENDPOINT_TYPE);

  // NetBox site names are unique and at most 100 characters: fitted, and a repeated name gets its site id.
  const dataCenters = usedSites(b).filter((s) => s.roles.dataCenter);
  const siteName = uniqueSiteNames(dataCenters);
  const sites: NbSite[] = dataCenters
    .map((s) => {
      return {
        name: siteName.get(s.id)!,
        slug: netboxSlug(s.id),
        description: `${s.name}, ${s.state}: rackplan site ${s.id}`.slice(0, 200),
        latitude: s.location.latitudeDeg,
        longitude: s.location.longitudeDeg,
        comments: s.summary,
      };
    });

  const racks: NbRack[] = [];
  for (const c of clusters) {
    const site = siteName.get(c.siteId) ?? c.siteId;
    const g = c.generation;
    const rackU = Math.round(pick(g.rack.heightU, 'typical') ?? 42);
    const weight = reports.get(g.id)?.space.weightKg;
    const npr = Math.max(1, c.ports.nodesPerRack);
    const named = new Set<string>();
    for (let r = 0; r < c.cabling.computeRacks; r++) {
      const name = `${c.prefix}${c.cabling.nodePlace(r * npr).rack}`;
      named.add(name);
      racks.push({ site, name, width: netboxRackWidth(g.rack.formFactor), uHeight: rackU, ...(weight !== undefined ? { weightKg: weight / Math.max(1, g.racks) } : {}), description: `${g.name} compute rack` });
    }
    for (const name of networkRacks(c).keys()) {
      named.add(`${c.prefix}${name}`);
      racks.push({ site, name: `${c.prefix}${name}`, width: 19, uHeight: c.cabling.layout.networkRackUsableU, description: 'scale-out fabric network rack' });
    }
    // The other networks' racks the compute fabric does not already have (FE-NR…, ST-NR…, NR-OOB…). Endpoints
    // stand in compute racks or beside an access switch, so the switches name every such rack.
    const e = c.otherNetworks;
    if (!e) continue;
    for (const network of SCHEDULE_NETWORKS) {
      if (network === 'compute') continue;
      for (const d of networkDevices(e, network, { endpoints: false })) {
        const name = `${c.clusterPrefix}${d.rack}`;
        if (named.has(name)) continue;
        named.add(name);
        racks.push({ site, name, width: 19, uHeight: c.cabling.layout.networkRackUsableU, description: RACK_DESCRIPTION[network]! });
      }
    }
  }

  const notes = [
    `Pinned to NetBox ${NETBOX_VERSION}. ${clusters.length} fabric cluster(s); rack, device and cable names are prefixed with their cluster (<generation>-, and f<k>- for each fabric of a cluster split into several), unique within their NetBox site.`,
    'Compute-rack positions follow the rackplan elevation drawing (a schematic order by component class, not a vendor slot map).',
    'Every network of the cable schedule is here: compute fabric, front-end (fe-…, racks FE-NR…), storage (st-…, racks ST-NR…) and out-of-band (oob-…); a name here is <cluster>-<name> for the site, cluster and name of a cables.csv row (its cable label is <cluster>-<cable_id>).',
    'Out-of-band access and aggregation switches, and the BMC, power-controller and CDU management ports the schedule names (<rack>-bmc<n>, <rack>-pwr<n>, cdu<n>, 0U devices), stand in their racks without a U position: the cable layout gives their rack, not a slot.',
    'Large plans: NetBox’s web import handles a few thousand rows at a time; split the files or load them through the REST API in the same order.',
  ];

  return {
    manufacturers: [...manufacturers.values()],
    deviceTypes: [...deviceTypes.values()],
    deviceRoles: ROLES,
    sites,
    racks,
    devices: { [Symbol.iterator]: () => devices(b, clusters, layouts, swTypes, otherTypes, siteName, rackAccessSwitches(clusters)) },
    deviceChunks: (header) => deviceChunks(clusters, layouts, swTypes, otherTypes, siteName, rackAccessSwitches(clusters), header),
    cables: { [Symbol.iterator]: () => planNetboxCables(b, clusters) },
    cableChunks: (header) => planNetboxCableChunks(b, clusters, header),
    notes,
  };
}

/** Network racks of a cluster with the switches in each, in position order. */
function networkRacks(c: ClusterLayout): Map<string, { device: string; position: number; role: string }[]> {
  const out = new Map<string, { device: string; position: number; role: string }[]>();
  const f = c.fabric;
  const P = f.planes;
  const pt = (p: number) => (P > 1 ? `p${p + 1}-` : '');
  const add = (rack: string, device: string, h: number, role: string) => {
    let list = out.get(rack);
    if (!list) out.set(rack, (list = []));
    list.push({ device, position: positionOf(c, h, c.switchHeightU), role });
  };
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < f.switches.leaf / P; i++) {
      const pl = c.cabling.leafPlace(p, i);
      add(pl.rack, `leaf-${pt(p)}${i + 1}`, pl.h, 'Fabric leaf');
    }
    for (let j = 0; j < f.switches.spine / P; j++) {
      const pl = c.cabling.spinePlace(p, j);
      add(pl.rack, `spine-${pt(p)}${j + 1}`, pl.h, 'Fabric spine');
    }
    for (let k = 0; k < f.switches.core / P; k++) {
      const pl = c.cabling.corePlace(p, k);
      add(pl.rack, `core-${pt(p)}${k + 1}`, pl.h, 'Fabric core');
    }
  }
  return out;
}

/** The key of a cluster in {@link rackAccessSwitches}: its site and its prefix (the prefix alone repeats across sites). */
function accessKey(c: ClusterLayout): string {
  return `${c.siteId}/${c.clusterPrefix}`;
}

/** Out-of-band access switches the schedule puts in each compute rack, per cluster ({@link accessKey}); 0 without an out-of-band network. */
function rackAccessSwitches(clusters: readonly ClusterLayout[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clusters) {
    const e = c.otherNetworks;
    if (!e?.oob || !e.oobSwitch) continue;
    const down = e.oobSwitch.cages * e.oobSwitch.portsPerCage - 1;
    out.set(accessKey(c), Math.max(1, Math.ceil((e.ports.bmcPortsPerRack + e.ports.powerControllersPerRack) / down)));
  }
  return out;
}

/** Management-switch slots of an elevation rack, bottom up (a rack's own out-of-band access switches). */
function managementSlots(layout: ElevationLayout, rackIndex: number): number {
  const el = layout.racks[rackIndex % layout.racks.length]!;
  return el.slots.filter((s) => !s.overflow && s.kind === 'management').length;
}

/** What the compute racks of a cluster's devices are made from: the elevation's slots and the node naming. */
interface ComputeRacks {
  readonly c: ClusterLayout;
  readonly parts: ModelParts;
  /** Each elevation rack's slots, bottom up, without overflow (racks repeat the elevation's few layouts). */
  readonly slotsOf: readonly (readonly ElevationSlot[])[];
  readonly nodesPerRack: number;
  readonly computeSlotId: string | undefined;
  /** A node's name is this and its number (`<prefix>node<n>`). */
  readonly nodeHead: string;
  /** Out-of-band access switches per compute rack (its first management slots). */
  readonly access: number;
}
type ElevationSlot = ElevationLayout['racks'][number]['slots'][number];

function computeRacks(c: ClusterLayout, entry: { layout: ElevationLayout; parts: ModelParts } | undefined, accessPerRack: Map<string, number>): ComputeRacks | null {
  if (!entry) return null;
  const g = c.generation;
  return {
    c,
    parts: entry.parts,
    // Each elevation rack's slots are filtered and sorted once per cluster, not once per compute rack.
    slotsOf: entry.layout.racks.map((el) => [...el.slots].filter((s) => !s.overflow).sort((a, b2) => a.u - b2.u)),
    nodesPerRack: Math.max(1, c.ports.nodesPerRack),
    computeSlotId: g.components.find((x) => x.ports.scaleOut && x.ports.scaleOut.count > 0)?.id,
    nodeHead: `${c.prefix}node`,
    access: accessPerRack.get(accessKey(c)) ?? 0,
  };
}

/** A compute rack's name (with its cluster prefix). */
function computeRackName(k: ComputeRacks, r: number): string {
  return `${k.c.prefix}${k.c.cabling.nodePlace(r * k.nodesPerRack).rack}`;
}

/**
 * The devices of compute rack `r`, in slot order: `visit(slot, head, n, name)`, the device named `head + String(n)`
 * when `name` is null (a node `<prefix>node<n>`, any other slot `<rack>-u<u>`), else `name` (the rack's out-of-band
 * access switch, named as the schedule names it). The one owner of these names for both device writers.
 */
function visitComputeRack(k: ComputeRacks, r: number, rackName: string, visit: (slot: ElevationSlot, head: string, n: number, name: string | null) => void): void {
  const c = k.c;
  const npr = k.nodesPerRack;
  const nodes = c.fabric.nodes;
  const slots = k.slotsOf[r % k.slotsOf.length]!;
  const uHead = `${rackName}-u`;
  let nodeInRack = 0;
  let managementInRack = 0;
  for (const s of slots) {
    if (s.componentId === k.computeSlotId && nodeInRack < npr) {
      const n = r * npr + nodeInRack++;
      if (n >= nodes) continue;
      visit(s, k.nodeHead, n + 1, null);
    } else if (s.kind === 'management' && managementInRack < k.access) {
      // The rack's out-of-band access switch, named as the schedule names it (oob-C3-1; oob-f2-C3-1 in a split cluster).
      visit(s, '', 0, `${c.clusterPrefix}oob-${rackName.slice(c.clusterPrefix.length)}-${++managementInRack}`);
    } else {
      // NetBox device names hold at most 64 characters: the rack name and the U position are unique and short.
      visit(s, uHead, s.u, null);
    }
  }
}

function* devices(
  b: PlanBundle,
  clusters: readonly ClusterLayout[],
  layouts: Map<string, { layout: ElevationLayout; parts: ModelParts }>,
  swTypes: Map<ClusterLayout, NbDeviceType>,
  otherTypes: Map<ClusterLayout, OtherNetworkTypes>,
  siteName: Map<string, string>,
  accessPerRack: Map<string, number>,
): Generator<NbDevice> {
  for (const c of clusters) {
    const site = siteName.get(c.siteId) ?? c.siteId;
    const k = computeRacks(c, layouts.get(c.generation.id), accessPerRack);
    if (k) {
      const rackDevices: NbDevice[] = [];
      for (let r = 0; r < c.cabling.computeRacks; r++) {
        const rack = computeRackName(k, r);
        rackDevices.length = 0;
        visitComputeRack(k, r, rack, (s, head, n, name) => {
          rackDevices.push({ name: name ?? head + String(n), role: ROLE_OF_KIND[s.kind] ?? 'Other', manufacturer: k.parts.manufacturer, deviceType: k.parts.typeOf.get(s.componentId) ?? s.label, site, rack, position: s.u, face: 'front' });
        });
        yield* rackDevices;
      }
    }
    yield* networkDevicesOf(c, swTypes, otherTypes, layouts, site);
  }
}

/**
 * 06-devices.csv of the plan as bytes: the rows of {@link devices}, the compute racks' devices (most of them)
 * written from their slots with no device object or name string per device.
 */
function* deviceChunks(
  clusters: readonly ClusterLayout[],
  layouts: Map<string, { layout: ElevationLayout; parts: ModelParts }>,
  swTypes: Map<ClusterLayout, NbDeviceType>,
  otherTypes: Map<ClusterLayout, OtherNetworkTypes>,
  siteName: Map<string, string>,
  accessPerRack: Map<string, number>,
  header: boolean,
): Generator<Uint8Array> {
  const w = new NetboxCsvWriter();
  if (header) w.header(NETBOX_COLUMNS.devices);
  for (const c of clusters) {
    const site = siteName.get(c.siteId) ?? c.siteId;
    const k = computeRacks(c, layouts.get(c.generation.id), accessPerRack);
    if (k) {
      // A slot's role/manufacturer/type/status/site block, per elevation rack and slot, made once per cluster.
      const kinds = k.slotsOf.map((slots) => slots.map((s) => w.deviceKindCells(ROLE_OF_KIND[s.kind] ?? 'Other', k.parts.manufacturer, k.parts.typeOf.get(s.componentId) ?? s.label, site)));
      for (let r = 0; r < c.cabling.computeRacks; r++) {
        const rack = computeRackName(k, r);
        const rackCell = w.deviceRackCell(rack);
        const rackKinds = kinds[r % kinds.length]!;
        let i = 0;
        const slots = k.slotsOf[r % k.slotsOf.length]!;
        visitComputeRack(k, r, rack, (s, head, n, name) => {
          // The visit skips slots (nodes past the cluster's last): the slot's own block, found by position in its rack.
          while (slots[i] !== s) i++;
          if (name === null) w.numberedDevice(head, n, rackKinds[i]!, rackCell, s.u, 'front');
          else w.deviceRow(name, rackKinds[i]!, rackCell, s.u, 'front');
        });
        if (w.full) yield w.take();
      }
    }
    for (const d of networkDevicesOf(c, swTypes, otherTypes, layouts, site)) {
      w.device(d);
      if (w.full) yield w.take();
    }
  }
  if (w.size) yield w.take();
}

/** A cluster's switches in its network racks, then (first part) its front-end, storage and out-of-band devices. */
function* networkDevicesOf(
  c: ClusterLayout,
  swTypes: Map<ClusterLayout, NbDeviceType>,
  otherTypes: Map<ClusterLayout, OtherNetworkTypes>,
  layouts: Map<string, { layout: ElevationLayout; parts: ModelParts }>,
  site: string,
): Generator<NbDevice> {
  const t = swTypes.get(c)!;
  for (const [rack, list] of networkRacks(c)) {
    for (const sw of list) {
      yield { name: `${c.prefix}${sw.device}`, role: sw.role, manufacturer: t.manufacturer, deviceType: t.model, site, rack: `${c.prefix}${rack}`, position: sw.position, face: 'front' };
    }
  }
  // The cluster's front-end, storage and out-of-band devices (once, on its first part), named as their rows name them.
  const e = c.otherNetworks;
  if (!e) return;
  const types = otherTypes.get(c)!.types;
  const p = c.clusterPrefix;
  const elevation = layouts.get(c.generation.id)?.layout;
  for (const network of SCHEDULE_NETWORKS) {
    if (network === 'compute') continue;
    const sw = types[network];
    for (const d of networkDevices(e, network)) {
      if (d.role === 'access' && elevation && inElevation(d, elevation)) continue;
      const endpoint = d.ports === 0;
      const type = endpoint ? OOB_ENDPOINT_TYPE : sw!.type;
      const name = `${p}${d.name}`;
      const rack = `${p}${d.rack}`;
      // Two literals rather than a spread of an optional slot: hundreds of thousands of management ports take this path.
      yield d.h !== null && sw
        ? { name, role: otherRole(d), manufacturer: type.manufacturer, deviceType: type.model, site, rack, position: positionOf(c, d.h, sw.heightU), face: 'front' }
        : { name, role: otherRole(d), manufacturer: type.manufacturer, deviceType: type.model, site, rack };
    }
  }
}

/**
 * Whether an out-of-band access switch of a compute rack (`oob-C3-1`, `oob-f2-C3-1`) is one of that rack's own
 * management switches in the elevation (then the compute rack's devices already name it).
 */
function inElevation(d: NetworkDevice, layout: ElevationLayout): boolean {
  const m = /^(?:f\d+-)?C(\d+)$/.exec(d.rack);
  if (!m) return false;
  const j = Number(d.name.slice(d.name.lastIndexOf('-') + 1));
  return j <= managementSlots(layout, Number(m[1]) - 1);
}

/** Every schedule row of a cluster part with its name prefix: the compute rows, then (first part) the other networks'. */
function clusterRowGroups(b: PlanBundle, c: ClusterLayout): [Iterable<CableCursor>, string][] {
  // Read through the schedule's cursor: each cable is read before the next, so no row object is made per cable.
  return [
    [cableCursor(c.cabling, b.network), c.prefix],
    [otherNetworkCursors(c, b.network), c.clusterPrefix],
  ];
}

/** The plan's cables as NetBox cables (one per cables.csv row, every network), cluster by cluster. */
export function* planNetboxCables(b: PlanBundle, clusters: readonly ClusterLayout[]): Generator<NbCable> {
  // NetBox names: the cluster's prefix + the name planCableRows gives, built here without its intermediate row object.
  for (const c of clusters) {
    for (const [rows, p] of clusterRowGroups(b, c)) {
      for (const r of rows) {
        const cableId = `${p}${r.cableId}`;
        yield { cableId, tier: r.tier, aDevice: `${p}${r.aDevice}`, aPort: r.aPort, bDevice: `${p}${r.bDevice}`, bPort: r.bPort, type: cableType(r.media), partNumber: r.partNumber, aTransceiver: r.aTransceiver, bTransceiver: r.bTransceiver, lengthM: r.lengthM, label: cableId };
      }
    }
  }
}

/**
 * 07-cables.csv of the plan (or of some of its clusters) as bytes: the rows of {@link planNetboxCables} through
 * the byte writer, with no NbCable object or prefixed name string per cable.
 */
export function* planNetboxCableChunks(b: PlanBundle, clusters: readonly ClusterLayout[], header = true): Generator<Uint8Array> {
  const w = new NetboxCsvWriter();
  if (header) w.header(NETBOX_COLUMNS.cables);
  for (const c of clusters) {
    for (const [rows, p] of clusterRowGroups(b, c)) {
      for (const r of rows) {
        w.numberedCable(p, r.idPrefix, r.idNumber, CABLE_ID_DIGITS, r.tier, r.aDevice, r.aPort, r.bDevice, r.bPort, cableType(r.media), r.partNumber, r.aTransceiver, r.bTransceiver, r.lengthM);
        if (w.full) yield w.take();
      }
    }
  }
  if (w.size) yield w.take();
}

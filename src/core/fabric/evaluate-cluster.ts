/**
 * `evaluateCluster`: the one pipeline that sizes a cluster's networks, used by the Fabric view, `rackplan
 * cables`, `rackplan fabric <generation>`, the plan (site loads, the optimizer, compare) and the plan's cable,
 * XLSX and NetBox exports. From a generation and a number of units it derives the scale-out ports, chooses the
 * switch (the user's pick or the catalog default for the NIC speed, see ./switch-choice), sizes the rail-optimized
 * fat tree, lays it out on the floor, summarizes the cabling, and sizes the front-end, storage and out-of-band
 * networks.
 *
 * Two rules the plan needed and every surface now shares:
 * - NIC slower than a switch port: the port runs as a breakout (a 400G port as 2 × 200G), so the switch is a
 *   logical switch of radix × ⌊port Gbps ÷ NIC Gbps⌋ ports at the NIC speed; switch counts are physical switches.
 * - A cluster beyond what three tiers of the radix reach is split into the fewest equal fabrics that fit (whole
 *   scalable units), stated in `parts` and by a `fabric_split` issue, instead of an impossible single fabric.
 *
 * `detail` keeps the plan cheap: `counts` sizes the scale-out fabric only (closed form); `cabling` adds the floor
 * layout and the other networks (closed form); `summary` also walks the cable schedule once to tally media,
 * lengths and optics (skipped above `summaryLinkLimit` links with an issue; callers that stream the schedule
 * themselves tally it and call {@link withSummary}).
 * @module
 */
import type { Generation } from '../catalog/types';
import { issue, type Issue } from '../issues';
import { pickSourced, type Basis } from '../provenance';
import { CablingTally, cableCursor, cableSchedule, planCabling, type CablePlan, type CableRow, type CablingSummary, type FloorLayout } from './cabling';
import { clusterPorts, type ClusterPorts } from './cluster';
import { maxEndpointsFor, sizeFabric, type FabricInput, type FabricResult, type SpineDesign, type TiersOption } from './fat-tree';
import { defaultModule, moduleWatts } from './media';
import { sizeFrontEnd, sizeOob, sizeStorage, type OobResult } from './networks';
import { defaultSwitch, mapNicPorts, portSpeedsOf, switchRadix, switchWatts, userSwitch, type PortMapping, type SwitchChoice } from './switch-choice';
import { DEFAULT_LAYOUT } from './cabling';
import type { MediaKind, NetworkCatalog, SwitchModel, SwitchRole } from './types';
import type { Result } from '../result';

/** Above this many links the summary is not walked (the schedule download or `--out` still has every row). */
export const SUMMARY_LINK_LIMIT = 400_000;

/** A switch that is not in the catalog (plan files' `network.switchRadix/switchPortGbps/switchW`). */
export interface CustomSwitch {
  readonly radix: number;
  readonly portGbps: number;
  /** Watts per switch; null when unknown. */
  readonly watts: number | null;
  /** Electrical lane rate; default 100G up to 400G ports, else 200G. */
  readonly laneGbps?: number;
  /** Ports one cage (one transceiver module) carries; default 1. Must divide the radix. */
  readonly portsPerCage?: number;
  /** Where the figures come from, in the switch's name; default "plan file". */
  readonly statedIn?: string;
}

/**
 * Where the scale-out leaves sit and what they serve: `rail` (rail-optimized: a leaf per rail per scalable unit,
 * in the network row), `tor` (a leaf in every rack taking all its nodes' ports), `row` (the leaves of a row at the
 * end of that row taking all the row's ports; at least a pair). Spines and cores are sized the same way for all.
 */
export type FabricTopology = 'rail' | 'tor' | 'row';
export const FABRIC_TOPOLOGIES: readonly FabricTopology[] = ['rail', 'tor', 'row'];

/** Single-port devices on the compute fabric besides the nodes (UFM appliances, storage, gateways): `ports` ports named `name1…`. */
export interface ExtraEndpointGroup {
  readonly name: string;
  readonly ports: number;
}

/** What the user designs: how many units, and optionally the switch and the fabric's shape and floor. */
export interface ClusterDesign {
  readonly units: number;
  /** A catalog switch for the scale-out fabric; default: the catalog default for the NIC speed. */
  readonly switchId?: string;
  /** A switch outside the catalog; wins over `switchId`. */
  readonly customSwitch?: CustomSwitch;
  /** Watts per scale-out switch the user states (replaces the catalog figure). */
  readonly switchWatts?: number;
  /** Speed the catalog switch's ports run at (a breakout such as 400 on an 800G switch); must be one of its `portSpeeds`. Default: matched to the NIC. */
  readonly portGbps?: number;
  readonly planes?: number;
  /** Leaf downlink:uplink ratio; default 1. */
  readonly oversubscription?: number;
  /** Spine downlink:uplink ratio at three tiers; default 1. */
  readonly spineOversubscription?: number;
  /** Default `rail`. */
  readonly topology?: FabricTopology;
  /** Appliance, storage and gateway ports on the compute fabric, on service leaves of their own. */
  readonly extraEndpoints?: readonly ExtraEndpointGroup[];
  readonly tiers?: TiersOption;
  readonly spineDesign?: SpineDesign;
  /** Nodes in one scalable unit; default the leaf downlinks rounded down to whole racks. */
  readonly suNodes?: number;
  /** Scale-out ports per node; default the catalog's. */
  readonly rails?: number;
  readonly layout?: Partial<FloorLayout>;
  readonly mediaOrder?: readonly MediaKind[];
  /** CDUs on the out-of-band network; default 0. */
  readonly cdus?: number;
}

export type ClusterDetail = 'counts' | 'cabling' | 'summary';

export interface ClusterOptions {
  /** Servers per rack (server-rack generations); default the catalog's. */
  readonly systemsPerRack?: number;
  /** Point of catalog ranges for watts; default `max`. */
  readonly basis?: Basis;
  /** Default `summary`. */
  readonly detail?: ClusterDetail;
  readonly summaryLinkLimit?: number;
  readonly opticsSparePct?: number;
  readonly cableSparePct?: number;
  /** Watts per switch when the catalog has none for the chosen switch (the plan's estimate); stated by an issue. */
  readonly switchWattsIfUnknown?: { readonly watts: number; readonly source: string };
}

/** One independent scale-out fabric of the cluster (more than one only when three tiers cannot reach every node). */
export interface FabricPart {
  readonly nodes: number;
  readonly units: number;
  readonly fabric: FabricResult;
  readonly plan: CablePlan | null;
}

/** Counts over every part of the scale-out fabric. */
export interface ClusterCounts {
  readonly endpoints: number;
  readonly tiers: number;
  /** Independent fabrics. */
  readonly clusters: number;
  readonly switches: { readonly leaf: number; readonly spine: number; readonly core: number; readonly total: number };
  readonly links: number;
  readonly cables: number;
  /** Transceiver modules if every link end were optical (an upper bound; the summary counts by reach). */
  readonly allOpticalModules: number;
  readonly switchPowerW: number;
  readonly allOpticalModulePowerW: number;
}

/** Front-end or storage Ethernet. */
export interface EthernetNetwork {
  readonly switch: SwitchModel;
  readonly choice: SwitchChoice;
  readonly portsPerNode: number;
  readonly breakout: number;
  readonly portMapping: PortMapping;
  readonly fabric: FabricResult;
}

export interface ClusterEvaluation {
  readonly generationId: string;
  readonly ports: ClusterPorts;
  readonly switch: SwitchModel;
  readonly switchChoice: SwitchChoice;
  /** Where the scale-out switch watts come from. */
  readonly switchWattsSource: 'catalog' | 'user' | 'estimate' | 'unknown';
  /** Each switch port runs as this many NIC-speed ports (1: no breakout). */
  readonly breakout: number;
  readonly linkGbps: number;
  /** How the NIC ports land on the switch ports (speed and count used). */
  readonly portMapping: PortMapping;
  readonly topology: FabricTopology;
  readonly extraEndpoints: readonly ExtraEndpointGroup[];
  /** The first (and, unless split, only) fabric. */
  readonly fabric: FabricResult;
  readonly parts: readonly FabricPart[];
  readonly counts: ClusterCounts;
  /** Floor layout of the first part; null at `counts` detail or without a design. */
  readonly plan: CablePlan | null;
  readonly summary: CablingSummary | null;
  readonly frontEnd: EthernetNetwork | null;
  readonly storage: EthernetNetwork | null;
  readonly oob: OobResult | null;
  readonly oobSwitch: SwitchModel | null;
  readonly oobChoice: SwitchChoice | null;
  readonly powerKw: { readonly switches: number; readonly transceivers: number; readonly activeCables: number; readonly total: number };
  readonly issues: readonly Issue[];
  readonly detail: ClusterDetail;
}

export type ClusterOutcome = Result<ClusterEvaluation, Issue>;

/** A custom switch as a catalog-shaped model (so layout and exports treat it like any other). */
export function customSwitchModel(c: CustomSwitch): SwitchModel {
  const where = c.statedIn ?? 'plan file';
  const stated = (value: number, unit: string) => ({ value, unit, confidence: 'estimate' as const, sources: [], note: `stated in the ${where}` });
  const unknown = (unit: string) => ({ value: null, unit, reason: `not stated in the ${where}` });
  return {
    id: 'custom',
    name: `Custom switch (${c.radix} × ${c.portGbps}G, ${where})`,
    vendor: 'generic',
    asic: 'custom',
    protocol: 'ethernet',
    roles: ['scale-out'],
    cages: c.radix / (c.portsPerCage ?? 1),
    portsPerCage: c.portsPerCage ?? 1,
    portGbps: stated(c.portGbps, 'Gbps'),
    laneGbps: c.laneGbps ?? (c.portGbps <= 400 ? 100 : 200),
    heightU: { value: 2, unit: 'U', confidence: 'estimate', sources: [], note: 'assumed: a 64-port 800G class switch is 2U (SN5600)' },
    typicalPowerW: c.watts === null ? unknown('W') : stated(c.watts, 'W'),
    maxPowerW: c.watts === null ? unknown('W') : stated(c.watts, 'W'),
    weightKg: unknown('kg'),
    cooling: 'air',
  };
}

function chooseScaleOut(net: NetworkCatalog, design: ClusterDesign, nicGbps: number): { switch: SwitchModel; choice: SwitchChoice } | Issue {
  if (design.customSwitch) {
    const sw = customSwitchModel(design.customSwitch);
    return { switch: sw, choice: { id: sw.id, name: sw.name, reason: 'custom', why: `a switch outside the catalog, stated in the ${design.customSwitch.statedIn ?? 'plan file'}`, sources: [] } };
  }
  if (design.switchId !== undefined) {
    return userSwitch(net, design.switchId, 'scale-out') ?? issue('unknown_switch', 'error', ['fabric', 'switchId'], `no switch "${design.switchId}" in the network catalog; one of ${net.switches.map((s) => s.id).join(', ')}`);
  }
  return defaultSwitch(net, 'scale-out', nicGbps) ?? issue('unknown_switch', 'error', ['fabric', 'switchId'], 'the network catalog has no scale-out switch');
}

interface FabricBase {
  readonly base: Omit<FabricInput, 'nodes'>;
  readonly mapping: PortMapping;
  readonly breakout: number;
  readonly linkGbps: number;
}

/**
 * The fabric input of a cluster on a switch: the NIC ports mapped onto the switch's port speeds (a breakout when
 * the NIC is slower, several switch ports per NIC port when it is faster), the topology's leaf grouping and SU, and
 * the oversubscription per tier. An error issue when the design asks for a port speed the switch cannot run.
 */
function fabricBase(sw: SwitchModel, nicGbps: number, rails: number, nodesPerRack: number, racks: number, design: ClusterDesign, nicPortsPerCage = 1): FabricBase | Issue {
  const planes = design.planes ?? 1;
  const os = design.oversubscription ?? 1;
  const mapping = mapNicPorts(sw, nicGbps, planes, design.portGbps);
  if (!mapping) {
    return issue('fabric_port_speed_unsupported', 'error', ['fabric', 'portGbps'], `${sw.name} ports run at ${portSpeedsOf(sw).join(', ')}G; not at ${design.portGbps}G`, { actual: design.portGbps, unit: 'Gb/s' });
  }
  const link = mapping.switchPortGbps;
  let radix = Math.floor(mapping.logicalPortsPerSwitch / planes);
  if (radix % 2) radix -= 1;
  const topology = design.topology ?? 'rail';
  const k = radix * planes;
  const d0 = Math.floor((k * os) / (os + 1));
  // A row's SU is the row; a cluster smaller than a row is one short row (not a row built for racks it lacks).
  const racksPerRow = Math.min(racks, design.layout?.racksPerRow ?? DEFAULT_LAYOUT.racksPerRow);
  const suNodes =
    design.suNodes ?? (topology === 'tor' ? nodesPerRack : topology === 'row' ? nodesPerRack * racksPerRow : Math.floor(d0 / nodesPerRack) * nodesPerRack || d0);
  const extra = (design.extraEndpoints ?? []).reduce((n, g) => n + g.ports, 0);
  const switchLinksPerModule = Math.max(1, Math.round(sw.portsPerCage * mapping.portsPerNativePort));
  return {
    base: {
      rails: rails * mapping.switchPortsPerNicPort,
      radix,
      portGbps: link * planes,
      suNodes,
      oversubscription: os,
      spineOversubscription: design.spineOversubscription,
      leafGrouping: topology === 'rail' ? 'rail' : 'node',
      minLeavesPerSu: topology === 'row' ? 2 : undefined,
      extraEndpoints: extra,
      planes,
      tiers: design.tiers ?? 'auto',
      spineDesign: topology === 'rail' ? design.spineDesign : 'full',
      portsPerCage: switchLinksPerModule / planes,
      // A node-side module sits in one NIC cage: the cage's NIC ports × the switch links each takes × planes (the
      // rack report counts the same cages: ⌈NIC ports / ports per cage⌉ per node).
      nodeLinksPerModule: nicPortsPerCage * mapping.switchPortsPerNicPort * planes,
    },
    mapping,
    breakout: Math.max(1, mapping.portsPerNativePort),
    linkGbps: link,
  };
}

/**
 * Nodes one fabric holds: all of them when the allowed tiers reach them (or the user capped the tiers: then the
 * design is reported, not split), else the most whole SUs three tiers of the radix reach.
 */
function nodesPerFabric(nodes: number, base: Omit<FabricInput, 'nodes'>): number {
  if (sizeFabric({ ...base, nodes }).tiers > 0) return nodes;
  const tiers = base.tiers ?? 'auto';
  if (tiers !== 'auto' && tiers !== 3) return nodes;
  const cap = maxEndpointsFor({ ...base, nodes }, 3);
  return cap <= 0 ? nodes : Math.max(1, Math.floor(cap / base.rails));
}

/** Node counts of the fabrics `nodes` need: one when the allowed tiers reach them all, else full fabrics and the rest. */
export function fabricParts(nodes: number, base: Omit<FabricInput, 'nodes'>): number[] {
  const per = nodesPerFabric(nodes, base);
  const parts: number[] = [];
  for (let left = nodes; left > 0; left -= per) parts.push(Math.min(per, left));
  return parts;
}

/**
 * How many independent scale-out fabrics `evaluateCluster` would build for this cluster, without building them
 * (same switch choice, breakout and split rule): for work limits before a plan is evaluated. 0 when the cluster has
 * no scale-out ports or the switch is unknown.
 */
export function fabricCount(g: Generation, net: NetworkCatalog, design: ClusterDesign, options: Pick<ClusterOptions, 'systemsPerRack'> = {}): number {
  const ports = clusterPorts(g, design.units, options.systemsPerRack);
  if (!ports || ports.nodes <= 0) return 0;
  const chosen = chooseScaleOut(net, design, ports.scaleOutGbps);
  if (!('switch' in chosen)) return 0;
  const shaped = fabricBase(chosen.switch, ports.scaleOutGbps, design.rails ?? ports.rails, ports.nodesPerRack, ports.racks, design, ports.scaleOutPortsPerCage);
  if (!('base' in shaped)) return 0;
  return Math.ceil(ports.nodes / nodesPerFabric(ports.nodes, shaped.base));
}

function ethernet(net: NetworkCatalog, role: Extract<SwitchRole, 'front-end' | 'storage'>, nodes: number, portsPerNode: number, nicGbps: number, basis: Basis): EthernetNetwork | null {
  if (portsPerNode <= 0) return null;
  const found = defaultSwitch(net, role, nicGbps);
  if (!found) return null;
  const sw = found.switch;
  const swGbps = pickSourced(sw.portGbps, 'typical');
  // The same port mapping as the compute fabric (a 400G port on an 800G switch is a 2 × 400G breakout).
  const mapping = mapNicPorts(sw, nicGbps || swGbps) ?? mapNicPorts(sw, swGbps)!;
  let radix = mapping.logicalPortsPerSwitch;
  if (radix % 2) radix -= 1;
  const input = {
    nodes,
    portsPerNode: portsPerNode * mapping.switchPortsPerNicPort,
    radix,
    portGbps: mapping.switchPortGbps,
    switchPowerW: switchWatts(sw, basis)?.watts ?? null,
    portsPerCage: Math.max(1, Math.round(sw.portsPerCage * mapping.portsPerNativePort)),
  };
  const fabric = role === 'front-end' ? sizeFrontEnd(input) : sizeStorage({ ...input, storagePorts: 0 });
  return { switch: sw, choice: found.choice, portsPerNode, breakout: Math.max(1, mapping.portsPerNativePort), portMapping: mapping, fabric };
}

const sumOf = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/**
 * Size a cluster of `design.units` units of a generation: ports, switch, scale-out fabric (split when needed),
 * and at `cabling`/`summary` detail its floor layout, cable summary and the other networks.
 * @returns the evaluation, or an error issue when the generation has no scale-out ports or the switch is unknown
 * @example evaluateCluster(gb300, net, { units: 120 }).value.switchChoice.id // 'quantum-x800-q3400'
 */
export function evaluateCluster(g: Generation, net: NetworkCatalog, design: ClusterDesign, options: ClusterOptions = {}): ClusterOutcome {
  const detail = options.detail ?? 'summary';
  const basis = options.basis ?? 'max';
  if (!(Number.isInteger(design.units) && design.units >= 1)) {
    return { ok: false, error: issue('fabric_invalid_input', 'error', ['fabric', 'units'], 'units: a whole number of units ≥ 1', { actual: design.units }) };
  }
  const ports = clusterPorts(g, design.units, options.systemsPerRack);
  if (!ports || ports.nodes <= 0) return { ok: false, error: issue('no_scale_out_ports', 'error', ['generation'], `${g.name} has no scale-out NIC ports in the catalog, so it has no scale-out fabric to size`) };
  const chosen = chooseScaleOut(net, design, ports.scaleOutGbps);
  if (!('switch' in chosen)) return { ok: false, error: chosen };
  const sw = chosen.switch;
  const issues: Issue[] = [];
  const rails = design.rails ?? ports.rails;
  const planes = design.planes ?? 1;

  // Switch watts: the user's figure, else the catalog's at the basis, else the caller's estimate, else unknown.
  const catalogWatts = switchWatts(sw, basis);
  let switchPowerW: number | null;
  let switchWattsSource: ClusterEvaluation['switchWattsSource'];
  if (design.switchWatts !== undefined) [switchPowerW, switchWattsSource] = [design.switchWatts, 'user'];
  else if (catalogWatts) [switchPowerW, switchWattsSource] = [catalogWatts.watts, 'catalog'];
  else if (options.switchWattsIfUnknown) {
    [switchPowerW, switchWattsSource] = [options.switchWattsIfUnknown.watts, 'estimate'];
    issues.push(issue('fabric_switch_power_estimated', 'warning', ['fabric', 'switchPowerW'], `${sw.name}: no power in the catalog; counted at ${options.switchWattsIfUnknown.watts} W per switch (${options.switchWattsIfUnknown.source})`, { actual: options.switchWattsIfUnknown.watts, unit: 'W' }));
  } else [switchPowerW, switchWattsSource] = [null, 'unknown'];

  const shaped = fabricBase(sw, ports.scaleOutGbps, rails, ports.nodesPerRack, ports.racks, design, ports.scaleOutPortsPerCage);
  if (!('base' in shaped)) return { ok: false, error: shaped };
  const { base: shape, breakout, linkGbps, mapping } = shaped;
  const topology = design.topology ?? 'rail';
  const swModule = defaultModule(net, linkGbps, sw.laneGbps, (shape.portsPerCage ?? 1) * planes);
  const nodeModule = defaultModule(net, linkGbps, sw.laneGbps, shape.nodeLinksPerModule ?? planes);
  const base: Omit<FabricInput, 'nodes'> = {
    ...shape,
    switchPowerW,
    switchModulePowerW: swModule ? moduleWatts(swModule, basis) : null,
    nodeModulePowerW: nodeModule ? moduleWatts(nodeModule, basis) : null,
  };
  if (!mapping.speedsMatch) {
    issues.push(issue('fabric_speed_mismatch', 'warning', ['fabric', 'linkGbps'], `the NICs run at ${ports.scaleOutGbps}G, the fabric links at ${linkGbps}G${planes > 1 ? ` in each of ${planes} planes` : ''} (${sw.name} runs its ports at ${mapping.supportedGbps.join(', ')}G)`));
  }
  if (breakout > 1) {
    issues.push(issue('fabric_breakout', 'info', ['fabric', 'breakout'], `each ${mapping.nativePortGbps}G port of ${sw.name} runs as ${breakout} × ${linkGbps}G for the ${ports.scaleOutGbps}G NICs (${mapping.logicalPortsPerSwitch} logical ports per switch)`, { actual: breakout }));
  }
  if (mapping.switchPortsPerNicPort > 1) {
    issues.push(
      issue('fabric_nic_spans_ports', 'info', ['fabric', 'portMapping'], `each ${ports.scaleOutGbps}G NIC port takes ${mapping.switchPortsPerNicPort} × ${linkGbps}G ports of ${sw.name}${planes > 1 ? ' per plane' : ''}: ${shape.rails} switch ports per node`, {
        actual: mapping.switchPortsPerNicPort,
        unit: 'ports',
      }),
    );
  }
  const extraGroups = design.extraEndpoints ?? [];

  // Parts: one fabric, or full fabrics plus the rest when three tiers cannot reach every node.
  const nodeCounts = fabricParts(ports.nodes, base);
  const nodesPerUnit = ports.nodes / design.units;
  const sized = new Map<string, FabricPart>();
  const layout = design.layout ?? {};
  // The extra endpoints join the first fabric only (a split cluster's appliances are not repeated per fabric).
  const partOf = (nodes: number, index: number): FabricPart => {
    const key = `${nodes}|${index === 0}`;
    let p = sized.get(key);
    if (!p) {
      const fabric = sizeFabric({ ...base, nodes, extraEndpoints: index === 0 ? base.extraEndpoints : 0 });
      const plan =
        detail !== 'counts' && fabric.tiers > 0
          ? planCabling(
              {
                fabric,
                nodesPerRack: ports.nodesPerRack,
                nodeHeightU: ports.nodeHeightU,
                switchHeightU: pickSourced(sw.heightU, 'typical'),
                laneGbps: sw.laneGbps,
                switchLinksPerModule: (base.portsPerCage ?? 1) * planes,
                nodeLinksPerModule: base.nodeLinksPerModule ?? planes,
                extraEndpoints: index === 0 ? extraGroups : [],
                mediaOrder: design.mediaOrder,
                basis,
              },
              topologyLayout(topology, layout),
            )
          : null;
      p = { nodes, units: Math.round(nodes / nodesPerUnit), fabric, plan };
      sized.set(key, p);
    }
    return p;
  };
  const parts = nodeCounts.map((n, i) => partOf(n, i));
  const first = parts[0]!;
  if (parts.length > 1) {
    issues.push(
      issue('fabric_split', 'info', ['fabric', 'clusters'], `${ports.nodes.toLocaleString('en-US')} nodes exceed three tiers of ${base.radix}-port switches; split into ${parts.length} independent fabrics of up to ${nodeCounts[0]!.toLocaleString('en-US')} nodes`, {
        limit: maxEndpointsFor({ ...base, nodes: ports.nodes }, 3),
        actual: ports.nodes * rails,
        unit: 'ports',
      }),
    );
  }
  const seen = new Set<string>();
  for (const p of sized.values()) {
    for (const i of [...p.fabric.issues, ...(p.plan?.issues ?? [])]) {
      const key = `${i.code}|${i.message}`;
      if (!seen.has(key)) issues.push(i);
      seen.add(key);
    }
  }

  const counts: ClusterCounts = {
    endpoints: sumOf(parts, (p) => p.fabric.endpoints),
    tiers: parts.reduce((m, p) => Math.max(m, p.fabric.tiers), 0),
    clusters: parts.filter((p) => p.fabric.tiers > 0).length,
    switches: {
      leaf: sumOf(parts, (p) => p.fabric.switches.leaf),
      spine: sumOf(parts, (p) => p.fabric.switches.spine),
      core: sumOf(parts, (p) => p.fabric.switches.core),
      total: sumOf(parts, (p) => p.fabric.switches.total),
    },
    links: sumOf(parts, (p) => p.fabric.links.total),
    cables: sumOf(parts, (p) => p.fabric.cables.total),
    allOpticalModules: sumOf(parts, (p) => p.fabric.transceiverModules),
    switchPowerW: sumOf(parts, (p) => p.fabric.switchPowerW),
    allOpticalModulePowerW: sumOf(parts, (p) => p.fabric.modulePowerW),
  };

  let frontEnd: EthernetNetwork | null = null;
  let storage: EthernetNetwork | null = null;
  let oob: OobResult | null = null;
  let oobSwitch: SwitchModel | null = null;
  let oobChoice: SwitchChoice | null = null;
  if (detail !== 'counts') {
    frontEnd = ethernet(net, 'front-end', ports.nodes, ports.frontEndPortsPerNode, ports.frontEndGbps, basis);
    storage = ethernet(net, 'storage', ports.nodes, ports.storagePortsPerNode, ports.storageGbps, basis);
    const oobFound = defaultSwitch(net, 'oob', 1);
    if (oobFound) {
      oobSwitch = oobFound.switch;
      oobChoice = oobFound.choice;
      oob = sizeOob({
        computeRacks: ports.racks,
        bmcPortsPerRack: ports.bmcPortsPerRack,
        powerControllersPerRack: ports.powerControllersPerRack,
        networkRacks: sumOf(parts, (p) => p.plan?.networkRacks ?? 0),
        switchMgmtPorts: counts.switches.total + (frontEnd?.fabric.switches.total ?? 0) + (storage?.fabric.switches.total ?? 0),
        cdus: design.cdus ?? 0,
        radix: switchRadix(oobSwitch),
      });
      issues.push(...oob.issues);
    }
  }

  const evaluation: ClusterEvaluation = {
    generationId: g.id,
    ports,
    switch: sw,
    switchChoice: chosen.choice,
    switchWattsSource,
    breakout,
    linkGbps,
    portMapping: mapping,
    topology,
    extraEndpoints: extraGroups,
    fabric: first.fabric,
    parts,
    counts,
    plan: first.plan,
    summary: null,
    frontEnd,
    storage,
    oob,
    oobSwitch,
    oobChoice,
    powerKw: powerOf(counts, null),
    issues,
    detail,
  };
  if (detail !== 'summary' || !first.plan) return { ok: true, value: evaluation };
  const limit = options.summaryLinkLimit ?? SUMMARY_LINK_LIMIT;
  if (counts.links > limit) {
    return {
      ok: true,
      value: {
        ...evaluation,
        issues: [...issues, issue('schedule_summary_skipped', 'info', ['cabling'], `${counts.links.toLocaleString('en-US')} links: the media mix and length histogram are not tallied here; the schedule download has every row`, { limit, actual: counts.links, unit: 'links' })],
      },
    };
  }
  const tally = new CablingTally({ basis, opticsSparePct: options.opticsSparePct, cableSparePct: options.cableSparePct });
  // The tally reads lengths, tiers and media, not names: the parts' cables through the schedule's cursor, in the
  // order clusterSchedule gives them, without a row object per cable.
  for (const part of evaluation.parts) if (part.plan) for (const cable of cableCursor(part.plan, net)) tally.add(cable);
  return { ok: true, value: withSummary(evaluation, tally.result()) };
}

/** The floor layout a topology implies unless the user placed the leaves: in the rack (tor), at the end of the row (row). */
export function topologyLayout(topology: FabricTopology, layout: Partial<FloorLayout>): Partial<FloorLayout> {
  if (layout.leafPlacement !== undefined || topology === 'rail') return layout;
  return { ...layout, leafPlacement: topology === 'tor' ? 'in-rack' : 'eor' };
}

function powerOf(counts: ClusterCounts, summary: CablingSummary | null): ClusterEvaluation['powerKw'] {
  const switches = counts.switchPowerW / 1000;
  const transceivers = (summary?.transceiverPowerW ?? counts.allOpticalModulePowerW) / 1000;
  const activeCables = (summary?.cablePowerW ?? 0) / 1000;
  return { switches, transceivers, activeCables, total: switches + transceivers + activeCables };
}

/** The evaluation with a cable summary the caller tallied (e.g. while streaming the schedule to a file). */
export function withSummary(e: ClusterEvaluation, summary: CablingSummary): ClusterEvaluation {
  return { ...e, summary, powerKw: powerOf(e.counts, summary), issues: [...e.issues, ...summary.issues] };
}

/**
 * Every cable of the cluster's scale-out fabric, part by part. With more than one part, rack, device and cable
 * names carry the part (`f2-…`) so they stay unique; `prefix` is put in front of every name.
 */
export function* clusterSchedule(e: { readonly parts: readonly { readonly plan: CablePlan | null }[] }, net: NetworkCatalog, prefix = ''): Generator<CableRow, void, undefined> {
  const many = e.parts.length > 1;
  for (let k = 0; k < e.parts.length; k++) {
    const plan = e.parts[k]!.plan;
    if (!plan) continue;
    const p = many ? `${prefix}f${k + 1}-` : prefix;
    if (!p) {
      yield* cableSchedule(plan, net);
      continue;
    }
    for (const r of cableSchedule(plan, net)) {
      yield { ...r, cableId: `${p}${r.cableId}`, aRack: `${p}${r.aRack}`, aDevice: `${p}${r.aDevice}`, bRack: `${p}${r.bRack}`, bDevice: `${p}${r.bDevice}`, label: `${p}${r.label}` };
    }
  }
}

/** Prices that turn a fabric into capex (the plan's `networkPrices`); cables are not priced. */
export interface FabricPrices {
  readonly switchUsd: number;
  readonly transceiverUsd: number;
}

/** One topology's figures for the same cluster ({@link compareTopologies}). */
export interface TopologyFigures {
  readonly topology: FabricTopology;
  /** Null when this topology has no design for the cluster (the issue says why). */
  readonly evaluation: ClusterEvaluation | null;
  readonly error: Issue | null;
  readonly tiers: number;
  readonly switches: ClusterCounts['switches'];
  /** Logical links of the compute fabric, and the physical cable assemblies. */
  readonly links: number;
  readonly cables: number;
  /** Transceiver modules by reach (the cable summary); the all-optical upper bound when the summary was skipped. */
  readonly transceiverModules: number;
  readonly modulesCounted: 'by-reach' | 'all-optical';
  readonly fiberKm: number | null;
  readonly copperKm: number | null;
  readonly powerKw: ClusterEvaluation['powerKw'] | null;
  /** Switches × switch price + modules × transceiver price (cables left out); null without prices or a design. */
  readonly capexUsd: number | null;
  /** Bisection bandwidth of the first fabric (Gb/s) and its end-to-end blocking ratio. */
  readonly bisectionGbps: number;
  readonly blockingRatio: number;
}

/**
 * The same cluster under each topology (rail-optimized, top-of-rack, row), through {@link evaluateCluster} with
 * the cable summary, so switches, optics by reach, cables, watts and capex compare like for like. A leaf placement
 * in the design is dropped (each topology places its own leaves); everything else is kept.
 */
export function compareTopologies(g: Generation, net: NetworkCatalog, design: ClusterDesign, options: ClusterOptions = {}, prices?: FabricPrices): TopologyFigures[] {
  const { leafPlacement: _drop, ...layout } = design.layout ?? {};
  return FABRIC_TOPOLOGIES.map((topology) => {
    const r = evaluateCluster(g, net, { ...design, topology, layout }, { ...options, detail: 'summary' });
    if (!r.ok) {
      return { topology, evaluation: null, error: r.error, tiers: 0, switches: { leaf: 0, spine: 0, core: 0, total: 0 }, links: 0, cables: 0, transceiverModules: 0, modulesCounted: 'by-reach', fiberKm: null, copperKm: null, powerKw: null, capexUsd: null, bisectionGbps: 0, blockingRatio: 0 };
    }
    const e = r.value;
    const modules = e.summary ? e.summary.transceiverModules : e.counts.allOpticalModules;
    const top = e.fabric.tierDetail[e.fabric.tierDetail.length - 2];
    return {
      topology,
      evaluation: e,
      error: null,
      tiers: e.counts.tiers,
      switches: e.counts.switches,
      links: e.counts.links,
      cables: e.counts.cables,
      transceiverModules: modules,
      modulesCounted: e.summary ? 'by-reach' : 'all-optical',
      fiberKm: e.summary?.fiberKm ?? null,
      copperKm: e.summary?.copperKm ?? null,
      powerKw: e.powerKw,
      capexUsd: prices && e.counts.tiers > 0 ? e.counts.switches.total * prices.switchUsd + modules * prices.transceiverUsd : null,
      bisectionGbps: e.fabric.bisectionGbps,
      blockingRatio: top?.blockingRatio ?? 1,
    };
  });
}

/**
 * Scale-out fabric sizing in closed form: rail-optimized fat trees (2 or 3 tiers, `full` or `rail`
 * spine designs, planes, oversubscription) and plain k-ary fat trees. Counting never enumerates switches:
 * every count is arithmetic on nodes, rails and radix, so a call costs the same at 1k or 1M endpoints.
 *
 * Rules (each one is checked against the NVIDIA DGX SuperPOD tables in test/fabric):
 * - A leaf splits its logical radix k into d downlinks and u uplinks at oversubscription X = d/u:
 *   d = ⌊k·X/(X+1)⌋, u = ⌈d/X⌉ (X = 1 gives d = u = k/2).
 * - A scalable unit (SU) has `suNodes` nodes; each rail of an SU gets ⌈suNodes/d⌉ leaves. The fabric is
 *   built for whole SUs even when the last one is partly filled.
 * - Two tiers: every leaf spreads its u uplinks evenly over its spines, so the spine count s is the
 *   smallest divisor of u with s·k ≥ (leaves·u) (never fractional wiring). `full`: all leaves share
 *   one spine group; `rail`: each rail has its own group. Two tiers hold at most k leaves per group.
 * - Three tiers: a pod is the set of leaves one group of u spines serves; a spine has k/2 downlinks so a
 *   pod holds k/2 leaves (rounded down to whole SUs, or whole rail groups in `rail`). Spines and their k/2
 *   core uplinks are built per pod. Core switches come in u groups (one per spine position); a group has
 *   g cores, g the smallest divisor of k/2 with g·k ≥ pods·k/2. Three tiers hold at most k pods.
 * - Planes P: each NIC port of speed S runs as P ports of S/P in P independent fabrics, so the logical
 *   radix is radix·P; switch counts are per plane × P; a physical cable carries P logical links.
 * - Per-tier oversubscription: a spine splits its radix k_s into downlinks and uplinks at its own ratio Y the
 *   same way (Y = 1: k_s/2 each), so a pod holds up to ⌊k_s·Y/(Y+1)⌋ leaves and sends ⌈that/Y⌉ uplinks per
 *   spine to the core. Spines and cores may have their own radix k_s (a modular chassis); default the leaf's.
 * - Leaf grouping: `rail` (rail-optimized: one leaf group per rail of an SU) or `node` (a leaf takes every port of
 *   consecutive nodes: top-of-rack with an SU of one rack, or a row's leaves with an SU of one row).
 * - Extra endpoints (appliances, storage, gateways with one port each on the compute fabric) sit on service
 *   leaves of their own, ⌈E/d⌉ per plane, wired to the spines like every other leaf.
 * @module
 */
import { issue, type Issue } from '../issues';

export type TiersOption = 'auto' | 1 | 2 | 3;
export type SpineDesign = 'full' | 'rail';
/** `rail`: a leaf serves one rail of an SU (rail-optimized); `node`: a leaf serves every port of consecutive nodes (top-of-rack, row). */
export type LeafGrouping = 'rail' | 'node';

export interface FabricInput {
  /** Nodes with ports into this fabric (servers, or compute trays of a rack-scale system). */
  readonly nodes: number;
  /** Ports per node into the fabric (rails). */
  readonly rails: number;
  /** Physical switch ports at `portGbps`. */
  readonly radix: number;
  readonly portGbps: number;
  /** Nodes in one scalable unit; default: the downlinks of one leaf (one leaf per rail per SU). */
  readonly suNodes?: number;
  /** Leaf downlink:uplink ratio, ≥ 1; default 1 (non-blocking). */
  readonly oversubscription?: number;
  /** Spine downlink:uplink ratio at three tiers, ≥ 1; default 1. (At two tiers the spines are the top: no uplinks.) */
  readonly spineOversubscription?: number;
  /** Physical ports of a spine or core switch at `portGbps` when it differs from the leaf (a modular chassis); default `radix`. */
  readonly spineRadix?: number;
  /** Default `rail`. `node` implies `full` spine groups. */
  readonly leafGrouping?: LeafGrouping;
  /** Single-port endpoints (appliances, storage, gateways) on service leaves of their own; default 0. */
  readonly extraEndpoints?: number;
  /** Leaves per SU at least (2 for a row's leaf pair); node grouping only. Default 1. */
  readonly minLeavesPerSu?: number;
  /** Independent planes each NIC port is split into; default 1. */
  readonly planes?: number;
  readonly tiers?: TiersOption;
  readonly spineDesign?: SpineDesign;
  /** Ports one switch cage (one transceiver module) carries at `portGbps`; default 2 (twin-port OSFP). */
  readonly portsPerCage?: number;
  /** Logical links one node-side module serves; default = planes (one physical port per rail). */
  readonly nodeLinksPerModule?: number;
  /** Watts per switch (null: unknown, left out of `powerKw` with a warning). */
  readonly switchPowerW?: number | null;
  /** Watts per transceiver module at a switch cage / at a node port (null: unknown). */
  readonly switchModulePowerW?: number | null;
  readonly nodeModulePowerW?: number | null;
}

export type TierName = 'leaf' | 'spine' | 'core';

export interface TierSummary {
  readonly tier: TierName;
  readonly switches: number;
  /** Logical ports per switch (radix × planes). */
  readonly radix: number;
  readonly downlinksPerSwitch: number;
  readonly uplinksPerSwitch: number;
  readonly portsUsed: number;
  readonly portsFree: number;
  /** Links from the tier below into this tier (all planes). */
  readonly linksDown: number;
  /** Links from this tier to the tier above (all planes); 0 at the top tier. */
  readonly linksUp: number;
  /** Downlink:uplink ratio of this tier's switches as built (null at the top tier: nothing above it). */
  readonly oversubscription: number | null;
  /**
   * Blocking from the endpoints up to and through this tier: endpoint bandwidth ÷ the bandwidth leaving this tier
   * upward (the product of the tier ratios below it; null at the top tier).
   */
  readonly blockingRatio: number | null;
  /** Endpoints a fabric whose top tier is this one can hold (leaf: 1 tier, spine: 2, core: 3). */
  readonly maxEndpoints: number;
  /** Half the capacity of the links into this tier. */
  readonly bisectionGbps: number;
  readonly transceiverModules: number;
  readonly switchPowerW: number;
}

export interface FabricResult {
  readonly tiers: 0 | 1 | 2 | 3;
  readonly spineDesign: SpineDesign;
  readonly planes: number;
  readonly linkGbps: number;
  readonly logicalRadix: number;
  /** Logical ports of a spine or core switch (spine radix × planes; equals `logicalRadix` unless stated). */
  readonly spineLogicalRadix: number;
  readonly leafGrouping: LeafGrouping;
  /** Leaves of one SU per plane (rail grouping: rails × leaves per rail; node grouping: the SU's ports ÷ downlinks). */
  readonly leavesPerSu: number;
  /** Single-port extra endpoints (appliances…) and the service leaves per plane that hold them. */
  readonly extraEndpoints: number;
  readonly serviceLeaves: number;
  /** Spine downlink:uplink ratio as built at three tiers (1 below three tiers). */
  readonly spineOversubscription: number;
  /** Node ports into the fabric (nodes × rails) plus the extra endpoints. */
  readonly endpoints: number;
  /** Logical endpoint links (endpoints × planes). */
  readonly endpointLinks: number;
  /** Endpoints the chosen number of tiers can hold before a new tier is needed. */
  readonly maxEndpoints: number;
  readonly nodes: number;
  readonly rails: number;
  readonly suNodes: number;
  readonly scalableUnits: number;
  readonly leavesPerRailPerSu: number;
  readonly leafDownlinks: number;
  readonly leafUplinks: number;
  /** Leaf downlink:uplink ratio as built. */
  readonly oversubscription: number;
  readonly pods: number;
  readonly switches: { readonly leaf: number; readonly spine: number; readonly core: number; readonly total: number };
  /** Logical links (all planes). */
  readonly links: { readonly nodeLeaf: number; readonly leafSpine: number; readonly spineCore: number; readonly total: number };
  /** Physical cable assemblies (links ÷ planes: one assembly carries one link of each plane or a P-way breakout). */
  readonly cables: { readonly nodeLeaf: number; readonly leafSpine: number; readonly spineCore: number; readonly total: number };
  /** Transceiver modules if every link end is optical (a twin-port module serves two links). */
  readonly transceiverModules: number;
  readonly transceivers: { readonly node: number; readonly leaf: number; readonly spine: number; readonly core: number };
  readonly tierDetail: readonly TierSummary[];
  readonly bisectionGbps: number;
  readonly switchPowerW: number;
  readonly modulePowerW: number;
  readonly powerKw: number;
  readonly issues: readonly Issue[];
}

/** Smallest divisor of n that is ≥ min, or 0 when none (min > n). */
export function smallestDivisorAtLeast(n: number, min: number): number {
  const lo = Math.max(1, min);
  if (lo > n) return 0;
  for (let x = lo; x <= n; x++) if (n % x === 0) return x;
  return n;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** Σ over a rail's leaves holding n nodes (d per leaf) of ⌈used/m⌉: modules on those leaves' downlinks. */
function leafDownModules(n: number, d: number, m: number): number {
  return Math.floor(n / d) * ceilDiv(d, m) + ceilDiv(n % d, m);
}

/** Modules on the downlinks of `leaves` leaves that take `ports` ports in turn (node grouping: a node's ports spread over the SU's leaves). */
function roundRobinModules(ports: number, leaves: number, m: number): number {
  const q = Math.floor(ports / leaves);
  const more = ports - q * leaves;
  return more * ceilDiv(q + 1, m) + (leaves - more) * ceilDiv(q, m);
}

/** Classic k-ary fat tree (Al-Fares et al.): hosts with one port each, three tiers of k-port switches. */
export function kAryFatTree(k: number): { hosts: number; edge: number; aggregation: number; core: number; switches: number; links: number } {
  const edge = (k * k) / 2;
  const aggregation = (k * k) / 2;
  const core = (k * k) / 4;
  const hosts = (k * k * k) / 4;
  return { hosts, edge, aggregation, core, switches: edge + aggregation + core, links: 3 * hosts };
}

interface Shape {
  k: number;
  ks: number;
  d: number;
  u: number;
  lpr: number;
  leavesPerSu: number;
  podLeaves: number;
  spineDown: number;
  spineUp: number;
  /** Leaf groups of an SU: the rails (rail grouping) or 1 (node grouping). */
  groupsPerSu: number;
  /** Endpoint ports one leaf group of a whole SU carries. */
  portsPerGroup: number;
  grouping: LeafGrouping;
  design: SpineDesign;
}

/** Down and up ports of a switch of logical radix k at ratio x (x = 1: k/2 each). */
function split(k: number, x: number): { down: number; up: number } {
  const down = Math.max(1, Math.min(k - 1, Math.floor((k * x) / (x + 1))));
  return { down, up: Math.max(1, Math.min(k - down, Math.ceil(down / x))) };
}

function shapeOf(input: FabricInput, planes: number): Shape & { suNodes: number } {
  const k = input.radix * planes;
  const ks = (input.spineRadix ?? input.radix) * planes;
  const { down: d, up: u } = split(k, input.oversubscription ?? 1);
  const grouping: LeafGrouping = input.leafGrouping ?? 'rail';
  const design: SpineDesign = grouping === 'node' ? 'full' : (input.spineDesign ?? 'full');
  const suNodes = input.suNodes ?? (grouping === 'node' ? Math.max(1, Math.floor(d / input.rails)) : d);
  const groupsPerSu = grouping === 'rail' ? input.rails : 1;
  const portsPerGroup = grouping === 'rail' ? suNodes : suNodes * input.rails;
  const lpr = grouping === 'node' ? Math.max(ceilDiv(portsPerGroup, d), input.minLeavesPerSu ?? 1) : ceilDiv(portsPerGroup, d);
  const leavesPerSu = groupsPerSu * lpr;
  const { down: spineDown, up: spineUp } = split(ks, input.spineOversubscription ?? 1);
  const unit = design === 'rail' ? lpr : leavesPerSu;
  const podLeaves = unit <= spineDown ? Math.floor(spineDown / unit) * unit : spineDown;
  return { k, ks, d, u, lpr, leavesPerSu, podLeaves, spineDown, spineUp, suNodes, groupsPerSu, portsPerGroup, grouping, design };
}

/** Endpoints (node ports) a fabric of this shape holds with the given tiers, before another tier is needed. */
export function maxEndpointsFor(input: FabricInput, tiers: 1 | 2 | 3): number {
  const planes = input.planes ?? 1;
  const s = shapeOf(input, planes);
  const rail = s.design === 'rail';
  let maxSus: number;
  if (tiers === 1) return s.k;
  if (tiers === 2) maxSus = rail ? Math.floor(s.ks / s.lpr) : Math.floor(s.ks / s.leavesPerSu);
  else if (rail) maxSus = Math.floor((Math.floor(s.ks / input.rails) * s.podLeaves) / s.lpr);
  else maxSus = Math.floor((s.ks * s.podLeaves) / s.leavesPerSu);
  return maxSus * s.suNodes * input.rails;
}

/** Problems with fabric input that make sizing meaningless (the CLI reports them as exit-2 input errors). */
export function validateFabricInput(input: FabricInput): Issue[] {
  const out: Issue[] = [];
  const bad = (path: string, message: string, actual: number) => out.push(issue('fabric_invalid_input', 'error', [path], message, { actual }));
  const posInt = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);
  if (!(Number.isInteger(input.nodes) && input.nodes >= 1)) bad('nodes', 'nodes: a whole number ≥ 1', input.nodes);
  if (!(Number.isInteger(input.rails) && input.rails >= 1)) bad('rails', 'rails: a whole number ≥ 1', input.rails);
  if (!(Number.isInteger(input.radix) && input.radix >= 4 && input.radix % 2 === 0)) bad('radix', 'radix: an even whole number ≥ 4', input.radix);
  if (!(Number.isFinite(input.portGbps) && input.portGbps > 0)) bad('portGbps', 'port speed: a number > 0 Gb/s', input.portGbps);
  if (!posInt(input.suNodes)) bad('suNodes', 'SU size: a whole number of nodes ≥ 1', input.suNodes ?? NaN);
  if (!posInt(input.planes)) bad('planes', 'planes: a whole number ≥ 1', input.planes ?? NaN);
  // A cage's links over all planes must be whole (a 1-port cage over 2 planes: ½ a port per plane, one module).
  const cageLinks = (input.portsPerCage ?? 2) * (input.planes ?? 1);
  if (!(Number.isInteger(cageLinks) && cageLinks >= 1)) bad('portsPerCage', 'ports per cage: a number ≥ 1 link per module over all planes', input.portsPerCage ?? NaN);
  if (!posInt(input.nodeLinksPerModule)) bad('nodeLinksPerModule', 'links per node module: a whole number ≥ 1', input.nodeLinksPerModule ?? NaN);
  const x = input.oversubscription;
  if (x !== undefined && !(Number.isFinite(x) && x >= 1 && x < input.radix)) bad('oversubscription', 'oversubscription: a number ≥ 1 and below the radix', x);
  const sr = input.spineRadix;
  if (sr !== undefined && !(Number.isInteger(sr) && sr >= 4 && sr % 2 === 0)) bad('spineRadix', 'spine radix: an even whole number ≥ 4', sr);
  const y = input.spineOversubscription;
  if (y !== undefined && !(Number.isFinite(y) && y >= 1 && y < (sr ?? input.radix))) bad('spineOversubscription', 'spine oversubscription: a number ≥ 1 and below the spine radix', y);
  const e = input.extraEndpoints;
  if (e !== undefined && !(Number.isInteger(e) && e >= 0)) bad('extraEndpoints', 'extra endpoints: a whole number ≥ 0', e);
  if (e && input.spineDesign === 'rail' && (input.leafGrouping ?? 'rail') === 'rail') {
    bad('extraEndpoints', 'extra endpoints need full spine groups (rail spine groups give a service leaf no path to the other rails)', e);
  }
  return out;
}

const EMPTY_TRIPLE = { leaf: 0, spine: 0, core: 0, total: 0 } as const;

/**
 * Size a rail-optimized fat tree. Returns the design, or `tiers: 0` with an issue when the
 * endpoints exceed what the allowed tiers of this radix can reach.
 * @example sizeFabric({ nodes: 127, rails: 8, radix: 64, portGbps: 400, suNodes: 32 }).switches // { leaf: 32, spine: 16, core: 0, total: 48 }
 */
export function sizeFabric(input: FabricInput): FabricResult {
  const planes = input.planes ?? 1;
  const linkGbps = input.portGbps / planes;
  const invalid = validateFabricInput(input);
  const sh = shapeOf(input, planes);
  const { k, ks, d, u, lpr, leavesPerSu, podLeaves, spineUp, suNodes, groupsPerSu, portsPerGroup, grouping, design } = sh;
  const extra = input.extraEndpoints ?? 0;
  const endpoints = input.nodes * input.rails + extra;
  const sus = ceilDiv(input.nodes, suNodes);
  const serviceLeavesIfTiered = extra > 0 ? ceilDiv(extra, d) : 0;
  const empty = (issues: Issue[], maxEndpoints: number): FabricResult => ({
    tiers: 0,
    spineDesign: design,
    planes,
    linkGbps,
    logicalRadix: k,
    spineLogicalRadix: ks,
    leafGrouping: grouping,
    leavesPerSu,
    extraEndpoints: Number.isFinite(extra) ? extra : 0,
    serviceLeaves: 0,
    spineOversubscription: 1,
    nodes: input.nodes,
    rails: input.rails,
    suNodes,
    leavesPerRailPerSu: lpr,
    leafDownlinks: d,
    leafUplinks: u,
    oversubscription: d / u,
    endpoints: Number.isFinite(endpoints) ? endpoints : 0,
    endpointLinks: 0,
    maxEndpoints,
    scalableUnits: 0,
    pods: 0,
    switches: EMPTY_TRIPLE,
    links: { nodeLeaf: 0, leafSpine: 0, spineCore: 0, total: 0 },
    cables: { nodeLeaf: 0, leafSpine: 0, spineCore: 0, total: 0 },
    transceiverModules: 0,
    transceivers: { node: 0, leaf: 0, spine: 0, core: 0 },
    tierDetail: [],
    bisectionGbps: 0,
    switchPowerW: 0,
    modulePowerW: 0,
    powerKw: 0,
    issues,
  });
  if (invalid.length) return empty(invalid, 0);

  // Per plane from here on.
  const computeLeaves = sus * leavesPerSu;
  const leaves = computeLeaves + serviceLeavesIfTiered;
  const railLeaves = sus * lpr;
  const groupLeaves = design === 'rail' ? railLeaves : leaves;
  const podsPerGroup = ceilDiv(groupLeaves, podLeaves);
  const groups = design === 'rail' ? input.rails : 1;
  const pods = groups * podsPerGroup;

  const requested = input.tiers ?? 'auto';
  const oneSwitch = computeLeaves === 1 && endpoints <= k;
  let tiers: 1 | 2 | 3;
  if (requested === 'auto') {
    if (oneSwitch) tiers = 1;
    else if (groupLeaves <= ks) tiers = 2;
    else tiers = 3;
  } else tiers = requested;
  const fits = tiers === 1 ? oneSwitch : tiers === 2 ? groupLeaves <= ks : pods <= ks;
  if (!fits) {
    const limitTiers = requested === 'auto' ? 3 : tiers;
    const limit = maxEndpointsFor(input, limitTiers);
    return empty(
      [
        issue(
          'fabric_exceeds_tiers',
          'error',
          ['fabric', 'tiers'],
          `${endpoints} endpoints need more than ${limitTiers} tier${limitTiers > 1 ? 's' : ''} of radix-${k} switches (${design} spines, SU ${suNodes} nodes): at most ${limit} fit; use a larger radix, more planes or more tiers`,
          { limit, actual: endpoints, unit: 'endpoints' },
        ),
      ],
      limit,
    );
  }

  const m = (input.portsPerCage ?? 2) * planes; // logical links per switch-side module
  const nlpm = input.nodeLinksPerModule ?? planes;
  const fullSus = Math.floor(input.nodes / suNodes);
  const rem = input.nodes - fullSus * suNodes;
  const remPorts = grouping === 'rail' ? rem : rem * input.rails;
  const serviceLeaves = tiers === 1 ? 0 : serviceLeavesIfTiered;

  let leafCount: number;
  let spineCount = 0;
  let coreCount = 0;
  let leafSpineLinks = 0;
  let spineCoreLinks = 0;
  let leafUp = u;
  let spineDownModules = 0;
  let spineUpModules = 0;
  let coreModules = 0;
  let spinePortsUsed = 0;
  let corePortsUsed = 0;
  let spineDownPer = 0;
  let spineUpPer = 0;
  let coreDownPer = 0;

  if (tiers === 1) {
    leafCount = 1;
    leafUp = 0;
  } else {
    leafCount = leaves;
    leafSpineLinks = leaves * u;
    if (tiers === 2) {
      const s = smallestDivisorAtLeast(u, ceilDiv(groupLeaves * u, ks));
      spineCount = groups * s;
      spineDownPer = (groupLeaves * u) / s;
      spineDownModules = spineCount * ceilDiv(spineDownPer, m);
      spinePortsUsed = leafSpineLinks;
    } else {
      spineCount = pods * u;
      spineDownPer = podLeaves;
      spineUpPer = spineUp;
      spineCoreLinks = spineCount * spineUp;
      const g = smallestDivisorAtLeast(spineUp, ceilDiv(pods * spineUp, ks));
      coreCount = u * g;
      coreDownPer = (pods * spineUp) / g;
      // Pods per group: all full but the last, which holds the remaining leaves.
      const lastPodLeaves = groupLeaves - (podsPerGroup - 1) * podLeaves;
      spineDownModules = groups * u * ((podsPerGroup - 1) * ceilDiv(podLeaves, m) + ceilDiv(lastPodLeaves, m));
      spineUpModules = spineCount * ceilDiv(spineUp, m);
      coreModules = coreCount * ceilDiv(coreDownPer, m);
      spinePortsUsed = leafSpineLinks + spineCoreLinks;
      corePortsUsed = spineCoreLinks;
    }
  }

  const leafDownModulesPerPlane =
    tiers === 1
      ? ceilDiv(endpoints, m)
      : (grouping === 'node'
          ? fullSus * roundRobinModules(portsPerGroup, lpr, m) + (remPorts > 0 ? roundRobinModules(remPorts, lpr, m) : 0)
          : groupsPerSu * (fullSus * leafDownModules(portsPerGroup, d, m) + (remPorts > 0 ? leafDownModules(remPorts, d, m) : 0))) + (extra > 0 ? leafDownModules(extra, d, m) : 0);
  const leafModulesPerPlane = leafDownModulesPerPlane + (tiers === 1 ? 0 : leafCount * ceilDiv(u, m));
  const nodeModules = input.nodes * ceilDiv(input.rails * planes, nlpm) + extra * ceilDiv(planes, nlpm);

  const P = planes;
  const switches = { leaf: leafCount * P, spine: spineCount * P, core: coreCount * P, total: (leafCount + spineCount + coreCount) * P };
  const links = {
    nodeLeaf: endpoints * P,
    leafSpine: leafSpineLinks * P,
    spineCore: spineCoreLinks * P,
    total: (endpoints + leafSpineLinks + spineCoreLinks) * P,
  };
  const cables = { nodeLeaf: endpoints, leafSpine: leafSpineLinks, spineCore: spineCoreLinks, total: endpoints + leafSpineLinks + spineCoreLinks };
  const transceivers = {
    node: nodeModules,
    leaf: leafModulesPerPlane * P,
    spine: (spineDownModules + spineUpModules) * P,
    core: coreModules * P,
  };
  const switchModules = transceivers.leaf + transceivers.spine + transceivers.core;
  const transceiverModules = nodeModules + switchModules;

  const swW = input.switchPowerW ?? null;
  const perSwitch = swW ?? 0;
  const switchPowerW = switches.total * perSwitch;
  const modulePowerW = switchModules * (input.switchModulePowerW ?? 0) + nodeModules * (input.nodeModulePowerW ?? 0);
  const issues: Issue[] = [];
  const missing = [swW === null ? 'switch' : null, input.switchModulePowerW == null ? 'switch-side transceiver' : null, input.nodeModulePowerW == null ? 'node-side transceiver' : null].filter(Boolean);
  if (missing.length) {
    issues.push(issue('fabric_power_incomplete', 'warning', ['fabric', 'powerKw'], `power leaves out ${missing.join(', ')} watts (not in the catalog)`));
  }
  if (rem > 0) {
    issues.push(
      issue('fabric_partial_su', 'info', ['fabric', 'scalableUnits'], `the last SU holds ${rem} of ${suNodes} nodes; leaves and leaf-spine links are built for the whole SU`, {
        limit: suNodes,
        actual: rem,
        unit: 'nodes',
      }),
    );
  }

  const linkBis = (n: number) => (n * linkGbps) / 2;
  const leafPortsUsed = endpoints + leafSpineLinks;
  const ratio = (down: number, up: number) => (up > 0 ? down / up : null);
  const tierDetail: TierSummary[] = [
    {
      tier: 'leaf',
      switches: switches.leaf,
      radix: k,
      downlinksPerSwitch: tiers === 1 ? k : d,
      uplinksPerSwitch: leafUp,
      portsUsed: leafPortsUsed * P,
      portsFree: (leafCount * k - leafPortsUsed) * P,
      linksDown: links.nodeLeaf,
      linksUp: links.leafSpine,
      oversubscription: tiers === 1 ? null : d / u,
      blockingRatio: ratio(links.nodeLeaf, links.leafSpine),
      maxEndpoints: maxEndpointsFor(input, 1),
      bisectionGbps: linkBis(links.nodeLeaf),
      transceiverModules: transceivers.leaf,
      switchPowerW: switches.leaf * perSwitch,
    },
  ];
  if (tiers >= 2) {
    tierDetail.push({
      tier: 'spine',
      switches: switches.spine,
      radix: ks,
      downlinksPerSwitch: spineDownPer,
      uplinksPerSwitch: spineUpPer,
      portsUsed: spinePortsUsed * P,
      portsFree: (spineCount * ks - spinePortsUsed) * P,
      linksDown: links.leafSpine,
      linksUp: links.spineCore,
      oversubscription: tiers === 3 ? spineDownPer / spineUpPer : null,
      blockingRatio: ratio(links.nodeLeaf, links.spineCore),
      maxEndpoints: maxEndpointsFor(input, 2),
      bisectionGbps: linkBis(links.leafSpine),
      transceiverModules: transceivers.spine,
      switchPowerW: switches.spine * perSwitch,
    });
  }
  if (tiers === 3) {
    tierDetail.push({
      tier: 'core',
      switches: switches.core,
      radix: ks,
      downlinksPerSwitch: coreDownPer,
      uplinksPerSwitch: 0,
      portsUsed: corePortsUsed * P,
      portsFree: (coreCount * ks - corePortsUsed) * P,
      linksDown: links.spineCore,
      linksUp: 0,
      oversubscription: null,
      blockingRatio: null,
      maxEndpoints: maxEndpointsFor(input, 3),
      bisectionGbps: linkBis(links.spineCore),
      transceiverModules: transceivers.core,
      switchPowerW: switches.core * perSwitch,
    });
  }
  let bisectionGbps = Infinity;
  for (const t of tierDetail) if (t.bisectionGbps < bisectionGbps) bisectionGbps = t.bisectionGbps;

  // One literal with every property (a spread here made V8 build the result on a slow path: ~25 µs a call).
  return {
    tiers,
    spineDesign: design,
    planes,
    linkGbps,
    logicalRadix: k,
    spineLogicalRadix: ks,
    leafGrouping: grouping,
    leavesPerSu,
    extraEndpoints: extra,
    serviceLeaves,
    spineOversubscription: tiers === 3 ? spineDownPer / spineUpPer : 1,
    nodes: input.nodes,
    rails: input.rails,
    suNodes,
    leavesPerRailPerSu: lpr,
    leafDownlinks: d,
    leafUplinks: u,
    oversubscription: d / u,
    endpoints,
    endpointLinks: endpoints * P,
    maxEndpoints: maxEndpointsFor(input, tiers),
    scalableUnits: sus,
    pods: tiers === 3 ? pods * P : 0,
    switches,
    links,
    cables,
    transceiverModules,
    transceivers,
    tierDetail,
    bisectionGbps,
    switchPowerW,
    modulePowerW,
    powerKw: (switchPowerW + modulePowerW) / 1000,
    issues,
  };
}

/** A plain fat tree / Clos for hosts with one port each (front-end, storage, literature comparisons). */
export function sizeHostFabric(input: Omit<FabricInput, 'nodes' | 'rails' | 'suNodes' | 'spineDesign'> & { readonly hosts: number }): FabricResult {
  const { hosts, ...rest } = input;
  return sizeFabric({ ...rest, nodes: hosts, rails: 1, spineDesign: 'full' });
}

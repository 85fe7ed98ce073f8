/**
 * `rackplan fabric`: size a scale-out fabric (rail-optimized fat tree, or a plain fat tree for hosts) from raw
 * figures, or `rackplan fabric <generation> --units N` for a cluster of a catalog generation through
 * `evaluateCluster`, the pipeline `rackplan cables`, the plan and the Fabric view share.
 * @module
 */
import { loadNetworkCatalog } from '../../catalog/network';
import { loadCatalogFor } from '../../catalog/presets';
import { sizeFabric, sizeHostFabric, type FabricInput, type FabricResult, type SpineDesign, type TiersOption } from '../../core/fabric/fat-tree';
import { defaultModule, moduleWatts } from '../../core/fabric/media';
import type { NetworkCatalog, SwitchModel } from '../../core/fabric/types';
import { assumption, isMissing, pickSourced, type Assumption, type Basis } from '../../core/provenance';
import { FABRIC_DESIGN_CHOICES, FABRIC_DESIGN_LIMITS } from '../../schema/limits';
import { FlagReader, parseFlags, type FlagSpec, type Parsed } from '../args';
import { InputError } from '../errors';
import { generationArgument } from '../generation-arg';
import { compareTopologies, evaluateCluster, FABRIC_TOPOLOGIES, type ExtraEndpointGroup, type FabricTopology, type TopologyFigures } from '../../core/fabric/evaluate-cluster';
import { portSpeedsOf, portsAtSpeed, type PortMapping } from '../../core/fabric/switch-choice';
import { formatNumber, issueLines, jsonResult, textTable, type Command } from '../output';

export const FABRIC_FLAGS: FlagSpec = {
  switch: { type: 'string' },
  radix: { type: 'string' },
  'port-gbps': { type: 'string' },
  'lane-gbps': { type: 'string' },
  'su-nodes': { type: 'string' },
  'spine-groups': { type: 'string' },
  planes: { type: 'string' },
  oversubscription: { type: 'string' },
  tiers: { type: 'string' },
  basis: { type: 'string' },
  topology: { type: 'string' },
  'extra-endpoints': { type: 'string' },
  'compare-topologies': { type: 'boolean' },
  'spine-radix': { type: 'string' },
};

const USAGE = `rackplan fabric (--nodes N --gpus-per-node G [--rails R] | --hosts H) (--radix R | --switch ID) [flags] [--json]
       rackplan fabric <generation> --units N [--switch ID] [--systems-per-rack S] [flags] [--json]

  <generation> --units N  a cluster of N units of a catalog generation, sized as rackplan cables, the plan and the
                          Fabric view size it (default switch: the catalog's for the NIC speed; breakouts; fabrics
                          split beyond three tiers). --radix/--port-gbps/--lane-gbps are refused here (use cables).

  --nodes N               nodes with scale-out ports (servers, or compute trays of a rack-scale system)
  --gpus-per-node G       accelerators per node
  --rails R               scale-out NIC ports per node into the fabric               default G
  --hosts H               plain fat tree / Clos: H hosts with one port each
  --radix R               switch ports (even, ≥ 4) at --port-gbps
  --switch ID             a switch from the catalog (rackplan presets): radix, speed, watts
  --port-gbps S           switch port speed, Gb/s                                     switch value, else 400
  --lane-gbps L           electrical lane rate (100 NDR/800GbE, 200 XDR/1.6T)         switch value, else by speed
  --su-nodes S            nodes in one scalable unit                                 one leaf per rail
  --spine-groups full|rail  every leaf reaches every spine, or one spine group per rail  default full
  --planes P              each NIC port split into P planes of S/P (doubles the radix at P = 2)  default 1
  --oversubscription X | leaf=X,spine=Y   downlink:uplink ratio per tier, ≥ 1 (spine: at three tiers)  default 1
  --topology rail|tor|row rail-optimized leaves, a leaf in every rack, or a row's leaves at its end   default rail
                          (with a generation; spines and cores are sized the same way for all three)
  --extra-endpoints N | name=N,…  appliance, storage or gateway ports on the compute fabric (service leaves)
  --compare-topologies    the same cluster as rail, tor and row: switches, optics, cables, kW, capex
  --spine-radix R         spine and core ports when they differ from the leaf (a modular chassis)   default the radix
  --tiers auto|2|3        a core tier only when two cannot reach every leaf          default auto
  --basis min|typical|max point of catalog ranges for watts                         default max`;

export interface FabricFlags {
  readonly sw: SwitchModel | null;
  readonly topology: FabricTopology | undefined;
  readonly extraEndpoints: ExtraEndpointGroup[] | undefined;
  /** The port speed asked for with --port-gbps (a breakout of a catalog switch, or a custom switch's speed). */
  readonly portGbpsFlag: number | undefined;
  readonly input: Omit<FabricInput, 'nodes' | 'rails'>;
  readonly laneGbps: number;
  readonly basis: Basis;
  readonly assumptions: Assumption[];
}

/** Read the fabric flags shared by `fabric` and `cables`; problems are collected on `flags`. */
export function readFabricFlags(flags: FlagReader, cat: NetworkCatalog, opts: { defaultSwitch?: string; requireSwitch: boolean }): FabricFlags | undefined {
  const swId = flags.string('switch');
  const radixFlag = flags.number('radix', { integer: true, min: 4, max: 4096, accepted: 'an even whole number ≥ 4 (switch ports)' });
  if (radixFlag !== undefined && radixFlag % 2 !== 0) flags.problem('--radix', 'an even whole number ≥ 4 (switch ports)', String(radixFlag));
  let sw: SwitchModel | null = null;
  if (swId !== undefined) {
    sw = cat.switches.find((s) => s.id === swId) ?? null;
    if (!sw) flags.problem('--switch', `one of ${cat.switches.map((s) => s.id).join(', ')}`, swId);
  } else if (!flags.has('radix')) {
    if (opts.defaultSwitch) sw = cat.switches.find((s) => s.id === opts.defaultSwitch) ?? null;
    else if (opts.requireSwitch) flags.problem('--radix', 'required: --radix R or --switch ID');
  }
  if (swId !== undefined && radixFlag !== undefined) flags.problem('--radix', 'give --radix or --switch, not both', String(radixFlag));
  const portGbpsFlag = flags.number('port-gbps', { min: 1, max: 100_000, accepted: 'a port speed in Gb/s > 0' });
  const laneFlag = flags.number('lane-gbps', { min: 1, max: 1000, accepted: 'a lane rate in Gb/s > 0' });
  const suNodes = flags.number('su-nodes', { min: 1, max: 10_000_000, integer: true });
  const spineDesign: SpineDesign | undefined = flags.choice('spine-groups', FABRIC_DESIGN_CHOICES.spineDesign);
  const planes = flags.number('planes', FABRIC_DESIGN_LIMITS.planes);
  const { leaf: oversubscription, spine: spineOversubscription } = oversubscriptionFlag(flags);
  const spineRadix = flags.number('spine-radix', { integer: true, min: 4, max: 4096, accepted: 'an even whole number ≥ 4 (spine and core switch ports, e.g. a modular chassis)' });
  if (spineRadix !== undefined && spineRadix % 2 !== 0) flags.problem('--spine-radix', 'an even whole number ≥ 4 (spine and core switch ports, e.g. a modular chassis)', String(spineRadix));
  const topology = flags.choice('topology', FABRIC_TOPOLOGIES);
  const extraEndpoints = extraEndpointsFlag(flags);
  const tiersRaw = flags.choice('tiers', FABRIC_DESIGN_CHOICES.tiers.map(String) as ['auto', '2', '3']);
  const basis: Basis = flags.choice('basis', ['min', 'typical', 'max'] as const) ?? 'max';
  if (flags.problems.length) return undefined;

  // A catalog switch at another port speed is a breakout (or ganged cages): the port count follows its SerDes, and a
  // speed it cannot run is refused.
  let breakoutRadix: number | undefined;
  let breakoutPerCage: number | undefined;
  if (sw && portGbpsFlag !== undefined) {
    const speeds = portSpeedsOf(sw);
    if (!speeds.includes(portGbpsFlag)) {
      flags.problem('--port-gbps', `one of ${speeds.join(', ')} (the port speeds of ${sw.id})`, String(portGbpsFlag));
      return undefined;
    }
    breakoutRadix = portsAtSpeed(sw, portGbpsFlag);
    breakoutPerCage = Math.max(1, Math.round((sw.portsPerCage * pickSourced(sw.portGbps, 'typical')) / portGbpsFlag));
  }
  const radix = radixFlag ?? breakoutRadix ?? (sw ? sw.cages * sw.portsPerCage : 0);
  const portGbps = portGbpsFlag ?? (sw ? pickSourced(sw.portGbps, 'typical') : 400);
  if (oversubscription !== undefined && oversubscription >= radix && radix > 0) flags.problem('--oversubscription', `a number ≥ 1 and below the radix (${radix})`, String(oversubscription));
  const P = planes ?? 1;
  const laneGbps = laneFlag ?? (sw ? sw.laneGbps : portGbps / P <= 400 ? 100 : 200);
  const portsPerCage = breakoutPerCage ?? (sw ? sw.portsPerCage : 2);
  const assumptions: Assumption[] = [];
  let switchPowerW: number | null = null;
  if (sw) {
    const primary = basis === 'max' ? sw.maxPowerW : sw.typicalPowerW;
    const other = basis === 'max' ? sw.typicalPowerW : sw.maxPowerW;
    const q = isMissing(primary) ? other : primary;
    switchPowerW = isMissing(q) ? null : pickSourced(q, basis);
    assumptions.push(assumption(`switches.${sw.id}.${q === primary ? (basis === 'max' ? 'maxPowerW' : 'typicalPowerW') : basis === 'max' ? 'typicalPowerW' : 'maxPowerW'}`, q, basis));
    assumptions.push(assumption(`switches.${sw.id}.portGbps`, sw.portGbps, basis));
  }
  const linkGbps = portGbps / P;
  const swModule = defaultModule(cat, linkGbps, laneGbps, portsPerCage * P);
  const nodeModule = defaultModule(cat, linkGbps, laneGbps, P);
  for (const [side, t] of [['switch-side', swModule], ['node-side', nodeModule]] as const) {
    if (t) assumptions.push(assumption(`transceivers.${t.id}.maxPowerW`, basis === 'max' ? t.maxPowerW : t.typicalPowerW, basis, `${side} module for ${linkGbps}G links`));
  }
  const tiers: TiersOption = tiersRaw === '2' ? 2 : tiersRaw === '3' ? 3 : 'auto';
  return {
    sw,
    topology,
    extraEndpoints,
    portGbpsFlag,
    laneGbps,
    basis,
    assumptions,
    input: {
      radix,
      portGbps,
      suNodes,
      oversubscription,
      spineOversubscription,
      spineRadix,
      extraEndpoints: extraEndpoints?.reduce((n, g) => n + g.ports, 0),
      planes: P,
      tiers,
      spineDesign,
      portsPerCage,
      switchPowerW,
      switchModulePowerW: swModule ? moduleWatts(swModule, basis) : null,
      nodeModulePowerW: nodeModule ? moduleWatts(nodeModule, basis) : null,
    },
  };
}

const kw = (w: number) => Math.round(w) / 1000;

/** `--oversubscription 3` (the leaf) or `--oversubscription leaf=1,spine=7`. */
function oversubscriptionFlag(flags: FlagReader): { leaf?: number; spine?: number } {
  const raw = flags.string('oversubscription');
  if (raw === undefined || !raw.includes('=')) return { leaf: flags.number('oversubscription', FABRIC_DESIGN_LIMITS.oversubscription) };
  const { min, max } = FABRIC_DESIGN_LIMITS.oversubscription;
  const accepted = `a ratio X, or leaf=X,spine=Y with each from ${min} to ${max}`;
  const out: { leaf?: number; spine?: number } = {};
  for (const part of raw.split(',')) {
    const [tier, value] = part.split('=').map((x) => x.trim());
    const n = value === undefined || value === '' ? NaN : Number(value);
    if ((tier !== 'leaf' && tier !== 'spine') || !(Number.isFinite(n) && n >= min && n <= max) || out[tier] !== undefined) {
      flags.problem('--oversubscription', accepted, raw);
      return {};
    }
    out[tier] = n;
  }
  return out;
}

/** `--extra-endpoints 20` (one group named `appliance`) or `--extra-endpoints ufm=4,storage=16`. */
function extraEndpointsFlag(flags: FlagReader): ExtraEndpointGroup[] | undefined {
  const raw = flags.string('extra-endpoints');
  if (raw === undefined) return undefined;
  const accepted = 'a whole number of ports, or name=N,… (names: lowercase letters, digits, hyphens)';
  const whole = (x: string | undefined) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : NaN);
  if (/^\d+$/.test(raw.trim())) {
    const n = whole(raw.trim());
    if (n > 100_000) flags.problem('--extra-endpoints', accepted, raw);
    return n > 0 ? [{ name: 'appliance', ports: n }] : [];
  }
  const groups: ExtraEndpointGroup[] = [];
  for (const part of raw.split(',')) {
    const [name, value] = part.split('=').map((x) => x.trim());
    const n = whole(value);
    if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !(n >= 1 && n <= 100_000) || groups.some((g) => g.name === name)) {
      flags.problem('--extra-endpoints', accepted, raw);
      return undefined;
    }
    groups.push({ name, ports: n });
  }
  return groups;
}

/** The public JSON shape of a fabric (numeric names end in their unit). */
export function fabricJson(f: FabricResult) {
  return {
    tiers: f.tiers,
    spineGroups: f.spineDesign,
    planes: f.planes,
    linkGbps: f.linkGbps,
    logicalRadix: f.logicalRadix,
    nodes: f.nodes,
    rails: f.rails,
    endpoints: f.endpoints,
    endpointLinks: f.endpointLinks,
    maxEndpoints: f.maxEndpoints,
    suNodes: f.suNodes,
    scalableUnits: f.scalableUnits,
    leavesPerRailPerSu: f.leavesPerRailPerSu,
    leafDownlinks: f.leafDownlinks,
    leafUplinks: f.leafUplinks,
    oversubscription: f.oversubscription,
    spineOversubscription: f.spineOversubscription,
    leafGrouping: f.leafGrouping,
    extraEndpoints: f.extraEndpoints,
    serviceLeaves: f.serviceLeaves,
    pods: f.pods,
    switches: f.switches,
    links: f.links,
    cables: f.cables,
    transceiverModules: f.transceiverModules,
    transceivers: f.transceivers,
    bisectionGbps: f.bisectionGbps,
    switchPowerKw: kw(f.switchPowerW),
    transceiverPowerKw: kw(f.modulePowerW),
    powerKw: kw(f.switchPowerW + f.modulePowerW),
    tierDetail: f.tierDetail.map((t) => ({
      tier: t.tier,
      switches: t.switches,
      radix: t.radix,
      downlinksPerSwitch: t.downlinksPerSwitch,
      uplinksPerSwitch: t.uplinksPerSwitch,
      portsUsed: t.portsUsed,
      portsFree: t.portsFree,
      linksDown: t.linksDown,
      linksUp: t.linksUp,
      oversubscription: t.oversubscription,
      blockingRatio: t.blockingRatio,
      maxEndpoints: t.maxEndpoints,
      bisectionGbps: t.bisectionGbps,
      transceiverModules: t.transceiverModules,
      switchPowerKw: kw(t.switchPowerW),
    })),
    issues: f.issues,
  };
}

/** The port mapping as JSON: the speed and count of switch ports every node uses. */
export function portMappingJson(m: PortMapping, nicPortsPerNode: number) {
  return {
    nicPortGbps: m.nicPortGbps,
    nicPortsPerNode: nicPortsPerNode,
    switchPortGbps: m.switchPortGbps,
    switchPortsPerNicPort: m.switchPortsPerNicPort,
    switchPortsPerNode: nicPortsPerNode * m.switchPortsPerNicPort,
    logicalPortsPerSwitch: m.logicalPortsPerSwitch,
    nativePortGbps: m.nativePortGbps,
    supportedPortGbps: m.supportedGbps,
    speedsMatch: m.speedsMatch,
  };
}

/** One line: what a node's NIC ports take on the switch. */
export function portMappingLine(m: PortMapping, nicPortsPerNode: number): string {
  const n = formatNumber;
  const mode = m.switchPortGbps === m.nativePortGbps ? `native ${n(m.nativePortGbps)}G ports` : m.switchPortGbps < m.nativePortGbps ? `${n(m.nativePortGbps)}G ports broken out to ${n(m.switchPortGbps)}G` : `${n(m.nativePortGbps)}G ports ganged to ${n(m.switchPortGbps)}G`;
  return `ports: ${nicPortsPerNode} × ${n(m.nicPortGbps)}G NIC ports per node → ${n(nicPortsPerNode * m.switchPortsPerNicPort)} × ${n(m.switchPortGbps)}G switch ports (${mode}, ${n(m.logicalPortsPerSwitch)} per switch)`;
}

function topologyJson(t: TopologyFigures) {
  return {
    topology: t.topology,
    tiers: t.tiers,
    switches: t.switches,
    links: t.links,
    cables: t.cables,
    transceiverModules: t.transceiverModules,
    modulesCounted: t.modulesCounted,
    fiberKm: t.fiberKm,
    copperKm: t.copperKm,
    powerKw: t.powerKw,
    capexUsd: t.capexUsd,
    bisectionGbps: t.bisectionGbps,
    blockingRatio: t.blockingRatio,
    networkRacks: t.evaluation ? t.evaluation.parts.reduce((s, p) => s + (p.plan?.networkRacks ?? 0), 0) : null,
    issues: t.evaluation?.issues ?? (t.error ? [t.error] : []),
  };
}

function renderTopologies(name: string, units: number, rows: readonly TopologyFigures[]): string {
  const n = formatNumber;
  const lines = [`${n(units)} × ${name}: the same cluster in three topologies (optics by reach on the default floor layout; capex = switches + transceivers at catalog prices, cables not priced)`, ''];
  lines.push(
    textTable(
      ['topology', 'tiers', 'leaf', 'spine', 'core', 'switches', 'links', 'modules', 'fiber km', 'copper km', 'kW', 'capex USD', 'blocking'],
      rows.map((t) => [
        t.topology,
        t.tiers,
        t.switches.leaf,
        t.switches.spine,
        t.switches.core,
        t.switches.total,
        t.links,
        `${n(t.transceiverModules)}${t.modulesCounted === 'all-optical' ? ' (all-optical bound)' : ''}`,
        t.fiberKm ?? '—',
        t.copperKm ?? '—',
        t.powerKw ? n(t.powerKw.total) : '—',
        t.capexUsd === null ? '—' : n(t.capexUsd),
        `${n(t.blockingRatio)}:1`,
      ]),
    ),
  );
  const issues = rows.flatMap((t) => (t.error ? [t.error] : (t.evaluation?.issues ?? []).filter((i) => i.severity !== 'info')).map((i) => ({ ...i, message: `${t.topology}: ${i.message}` })));
  lines.push('', issues.length ? 'Issues' : 'Issues: none', ...issueLines(issues));
  return lines.join('\n');
}

export function renderFabric(f: FabricResult, title: string): string {
  const n = formatNumber;
  const lines = [title, ''];
  if (f.tiers === 0) {
    lines.push('No design.');
  } else {
    lines.push(
      `${f.tiers} tier${f.tiers > 1 ? 's' : ''}, ${f.spineDesign} spines, ${f.planes} plane${f.planes > 1 ? 's' : ''} of ${n(f.linkGbps)}G, radix ${f.logicalRadix}: ${n(f.endpoints)} endpoints of ${n(f.maxEndpoints)} before another tier`,
      `SU ${f.suNodes} nodes × ${f.scalableUnits} · ${f.leafGrouping === 'rail' ? `${f.leavesPerRailPerSu} leaf per rail per SU` : `${f.leavesPerSu} ${f.leavesPerSu > 1 ? 'leaves' : 'leaf'} per SU (every port of the SU's nodes)`} · leaf ${f.leafDownlinks} down / ${f.leafUplinks} up (${n(f.oversubscription)}:1)${f.tiers === 3 ? ` · spine ${n(f.spineOversubscription)}:1` : ''}${f.pods ? ` · ${f.pods} pods` : ''}${f.extraEndpoints ? ` · ${n(f.extraEndpoints)} extra endpoints on ${f.serviceLeaves} service ${f.serviceLeaves > 1 ? 'leaves' : 'leaf'} per plane` : ''}`,
      '',
      textTable(
        ['tier', 'switches', 'down/sw', 'up/sw', 'down:up', 'blocking', 'ports used', 'ports free', 'links in', 'bisection Tb/s', 'max endpoints', 'modules', 'switch kW'],
        f.tierDetail.map((t) => [
          t.tier,
          t.switches,
          t.downlinksPerSwitch,
          t.uplinksPerSwitch,
          t.oversubscription === null ? '—' : `${n(t.oversubscription)}:1`,
          t.blockingRatio === null ? '—' : `${n(t.blockingRatio)}:1`,
          t.portsUsed,
          t.portsFree,
          t.linksDown,
          n(t.bisectionGbps / 1000),
          t.maxEndpoints,
          t.transceiverModules,
          kw(t.switchPowerW),
        ]),
      ),
      '',
      `cables: node-leaf ${n(f.cables.nodeLeaf)} · leaf-spine ${n(f.cables.leafSpine)} · spine-core ${n(f.cables.spineCore)} · total ${n(f.cables.total)}${f.planes > 1 ? ` (${n(f.links.total)} links)` : ''}`,
      `transceiver modules (all-optical): ${n(f.transceiverModules)} (node ${n(f.transceivers.node)})`,
      `bisection ${n(f.bisectionGbps / 1000)} Tb/s · power ${n(kw(f.switchPowerW + f.modulePowerW))} kW (switches ${n(kw(f.switchPowerW))}, transceivers ${n(kw(f.modulePowerW))})`,
    );
  }
  lines.push('', f.issues.length ? 'Issues' : 'Issues: none');
  lines.push(...issueLines(f.issues));
  return lines.join('\n');
}

export const fabricCommand: Command = {
  summary: 'scale-out fabric: leaf/spine/core switches, links, transceivers, watts',
  usage: USAGE,
  run(argv) {
    const parsed = parseFlags(argv, { ...FABRIC_FLAGS, nodes: { type: 'string' }, 'gpus-per-node': { type: 'string' }, rails: { type: 'string' }, hosts: { type: 'string' }, units: { type: 'string' }, 'systems-per-rack': { type: 'string' } }, 'fabric');
    const flags = new FlagReader(parsed);
    if (parsed.positionals.length) return generationFabric(parsed, flags);
    for (const f of ['units', 'systems-per-rack']) if (flags.has(f)) flags.problem(`--${f}`, 'only with a generation (rackplan fabric <generation> --units N)');
    const nodes = flags.number('nodes', { integer: true, min: 1, max: 100_000_000, accepted: 'a whole number of nodes ≥ 1' });
    const gpn = flags.number('gpus-per-node', { integer: true, min: 1, max: 1024, accepted: 'a whole number ≥ 1' });
    const rails = flags.number('rails', { integer: true, min: 1, max: 1024, accepted: 'a whole number ≥ 1' });
    const hosts = flags.number('hosts', { integer: true, min: 1, max: 1_000_000_000, accepted: 'a whole number of hosts ≥ 1' });
    if (flags.has('hosts') && (flags.has('nodes') || flags.has('gpus-per-node') || flags.has('rails'))) flags.problem('--hosts', 'give --hosts or --nodes/--gpus-per-node, not both');
    if (!flags.has('hosts') && !flags.has('nodes')) flags.problem('--nodes', 'required: --nodes N --gpus-per-node G, or --hosts H');
    if (flags.has('compare-topologies')) flags.problem('--compare-topologies', 'only with a generation (rackplan fabric <generation> --units N): the topologies follow the racks');
    if (flags.has('topology') && flags.string('topology') !== 'rail' && !flags.has('su-nodes')) flags.problem('--su-nodes', 'required with --topology tor|row without a generation: the nodes of one rack (tor) or one row (row)');
    if (flags.has('nodes') && !flags.has('gpus-per-node')) flags.problem('--gpus-per-node', 'required with --nodes');
    const cat = loadNetworkCatalog();
    const ff = readFabricFlags(flags, cat, { requireSwitch: true });
    flags.done();
    const spec = ff!;
    // Without a generation, tor and row mean node leaf grouping with the SU given as one rack or one row.
    const grouping = spec.topology === undefined || spec.topology === 'rail' ? {} : { leafGrouping: 'node' as const, minLeavesPerSu: spec.topology === 'row' ? 2 : undefined };
    const f =
      hosts !== undefined
        ? sizeHostFabric({ ...spec.input, hosts })
        : sizeFabric({ ...spec.input, ...grouping, nodes: nodes!, rails: rails ?? gpn! });
    const gpus = hosts !== undefined ? null : nodes! * gpn!;
    const json = {
      mode: hosts !== undefined ? 'hosts' : spec.topology === undefined || spec.topology === 'rail' ? 'rail-optimized' : spec.topology,
      switch: spec.sw ? { id: spec.sw.id, name: spec.sw.name } : null,
      gpus,
      ...fabricJson(f),
      /** Watts of one transceiver module at a switch cage (serves portsPerCage × planes links) and at a node port; null when not in the catalog. */
      moduleWatts: { switchModuleW: spec.input.switchModulePowerW ?? null, nodeModuleW: spec.input.nodeModulePowerW ?? null, switchLinksPerModule: (spec.input.portsPerCage ?? 2) * (spec.input.planes ?? 1) },
      assumptions: spec.assumptions,
    };
    if (flags.bool('json')) return jsonResult(json);
    const who = hosts !== undefined ? `${formatNumber(hosts)} hosts` : `${formatNumber(nodes!)} nodes × ${gpn} GPUs (${formatNumber(gpus!)} GPUs, ${rails ?? gpn} rails)`;
    return { text: renderFabric(f, `Fabric for ${who} on ${spec.sw ? spec.sw.name : `radix-${spec.input.radix} switches`}`) };
  },
};

/** `rackplan fabric <generation> --units N`: the generation's cluster through evaluateCluster (counts only). */
function generationFabric(parsed: Parsed, flags: FlagReader): { text: string } | ReturnType<typeof jsonResult> {
  const found = generationArgument(parsed);
  const g = found.generation;
  if (parsed.positionals.length > 1) flags.problem('arguments', 'one generation id', parsed.positionals.slice(1).join(' '));
  for (const f of ['nodes', 'gpus-per-node', 'hosts', 'radix', 'lane-gbps', 'spine-radix']) if (flags.has(f)) flags.problem(`--${f}`, 'not with a generation: the generation sets the nodes and the switch sets the ports (rackplan cables takes raw switch figures)');
  const units = flags.number('units', { integer: true, min: 1, max: 10_000_000, accepted: 'a whole number of units ≥ 1' });
  flags.require('units', units, 'the number of units in the cluster');
  const spr = flags.number('systems-per-rack', { integer: true, min: g.systemsPerRack?.min ?? 1, max: g.systemsPerRack?.max ?? 1 });
  const rails = flags.number('rails', { integer: true, min: 1, max: 1024, accepted: 'a whole number ≥ 1' });
  const net = loadNetworkCatalog();
  const ff = readFabricFlags(flags, net, { requireSwitch: false });
  flags.done();
  const spec = ff!;
  const design = {
    units: units!,
    switchId: flags.string('switch'),
    portGbps: spec.portGbpsFlag,
    planes: spec.input.planes,
    oversubscription: spec.input.oversubscription,
    spineOversubscription: spec.input.spineOversubscription,
    topology: spec.topology,
    extraEndpoints: spec.extraEndpoints,
    tiers: spec.input.tiers,
    spineDesign: spec.input.spineDesign,
    suNodes: spec.input.suNodes,
    rails,
  };
  if (flags.bool('compare-topologies')) {
    const prices = loadCatalogFor([g.id]).prices.networkPrices;
    const rows = compareTopologies(g, net, design, { systemsPerRack: spr, basis: spec.basis }, { switchUsd: pickSourced(prices.switchUsd, 'typical'), transceiverUsd: pickSourced(prices.transceiverUsd, 'typical') });
    const json = { mode: 'compare-topologies', generation: g.id, units: units!, accelerators: rows.find((x) => x.evaluation)?.evaluation?.ports.accelerators ?? null, topologies: rows.map(topologyJson), capexCovers: 'switches and transceiver modules at the catalog prices (typical); cables are not priced' };
    if (flags.bool('json')) return jsonResult(json);
    return { text: renderTopologies(g.name, units!, rows) };
  }
  const r = evaluateCluster(g, net, design, { systemsPerRack: spr, basis: spec.basis, detail: 'counts' });
  if (!r.ok) throw new InputError([{ path: r.error.path.join('.'), message: r.error.message }]);
  const e = r.value;
  const json = {
    mode: 'generation',
    generation: g.id,
    units: units!,
    accelerators: e.ports.accelerators,
    switch: { id: e.switchChoice.id, name: e.switchChoice.name, reason: e.switchChoice.reason, why: e.switchChoice.why, wattsSource: e.switchWattsSource },
    breakout: e.breakout,
    portMapping: portMappingJson(e.portMapping, e.ports.rails),
    topology: e.topology,
    extraEndpointGroups: e.extraEndpoints,
    gpus: e.ports.accelerators,
    ...fabricJson(e.fabric),
    clusters: { count: e.counts.clusters, nodes: e.parts.map((p) => p.nodes), tiers: e.counts.tiers, switches: e.counts.switches, links: e.counts.links, endpoints: e.counts.endpoints, switchPowerKw: kw(e.counts.switchPowerW) },
    issues: e.issues,
  };
  if (flags.bool('json')) return jsonResult(json);
  const split = e.counts.clusters > 1 ? ` · split into ${e.counts.clusters} fabrics: ${formatNumber(e.counts.switches.total)} switches in all` : '';
  return {
    text: renderFabric(
      { ...e.fabric, issues: e.issues },
      `Fabric for ${formatNumber(units!)} × ${g.name} (${formatNumber(e.ports.nodes)} nodes, ${formatNumber(e.ports.accelerators)} accelerators, ${e.topology} topology) on ${e.switchChoice.name}: ${e.switchChoice.why}${split}\n${portMappingLine(e.portMapping, e.ports.rails)}`,
    ),
  };
}

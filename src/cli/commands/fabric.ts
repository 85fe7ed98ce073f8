/**
 * `rackplan fabric`: size a scale-out fabric (rail-optimized fat tree, or a plain fat tree for hosts) from raw
 * figures, or `rackplan fabric <generation> --units N` for a cluster of a catalog generation through
 * `evaluateCluster`, the pipeline `rackplan cables`, the plan and the Fabric view share.
 * @module
 */
import { loadNetworkCatalog } from '../../catalog/network';
import { sizeFabric, sizeHostFabric, type FabricInput, type FabricResult, type SpineDesign, type TiersOption } from '../../core/fabric/fat-tree';
import { defaultModule, moduleWatts } from '../../core/fabric/media';
import type { NetworkCatalog, SwitchModel } from '../../core/fabric/types';
import { assumption, isMissing, pickSourced, type Assumption, type Basis } from '../../core/provenance';
import { FABRIC_DESIGN_CHOICES, FABRIC_DESIGN_LIMITS } from '../../schema/limits';
import { FlagReader, parseFlags, type FlagSpec, type Parsed } from '../args';
import { InputError } from '../errors';
import { generationArgument } from '../generation-arg';
import { evaluateCluster } from '../../core/fabric/evaluate-cluster';
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
  --oversubscription X    leaf downlink:uplink ratio, ≥ 1                             default 1
  --tiers auto|2|3        a core tier only when two cannot reach every leaf          default auto
  --basis min|typical|max point of catalog ranges for watts                         default max`;

export interface FabricFlags {
  readonly sw: SwitchModel | null;
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
  const oversubscription = flags.number('oversubscription', FABRIC_DESIGN_LIMITS.oversubscription);
  const tiersRaw = flags.choice('tiers', FABRIC_DESIGN_CHOICES.tiers.map(String) as ['auto', '2', '3']);
  const basis: Basis = flags.choice('basis', ['min', 'typical', 'max'] as const) ?? 'max';
  if (flags.problems.length) return undefined;

  const radix = radixFlag ?? (sw ? sw.cages * sw.portsPerCage : 0);
  const portGbps = portGbpsFlag ?? (sw ? pickSourced(sw.portGbps, 'typical') : 400);
  if (oversubscription !== undefined && oversubscription >= radix && radix > 0) flags.problem('--oversubscription', `a number ≥ 1 and below the radix (${radix})`, String(oversubscription));
  const P = planes ?? 1;
  const laneGbps = laneFlag ?? (sw ? sw.laneGbps : portGbps / P <= 400 ? 100 : 200);
  const portsPerCage = sw ? sw.portsPerCage : 2;
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
    laneGbps,
    basis,
    assumptions,
    input: {
      radix,
      portGbps,
      suNodes,
      oversubscription,
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
      maxEndpoints: t.maxEndpoints,
      bisectionGbps: t.bisectionGbps,
      transceiverModules: t.transceiverModules,
      switchPowerKw: kw(t.switchPowerW),
    })),
    issues: f.issues,
  };
}

export function renderFabric(f: FabricResult, title: string): string {
  const n = formatNumber;
  const lines = [title, ''];
  if (f.tiers === 0) {
    lines.push('No design.');
  } else {
    lines.push(
      `${f.tiers} tier${f.tiers > 1 ? 's' : ''}, ${f.spineDesign} spines, ${f.planes} plane${f.planes > 1 ? 's' : ''} of ${n(f.linkGbps)}G, radix ${f.logicalRadix}: ${n(f.endpoints)} endpoints of ${n(f.maxEndpoints)} before another tier`,
      `SU ${f.suNodes} nodes × ${f.scalableUnits} · ${f.leavesPerRailPerSu} leaf per rail per SU · leaf ${f.leafDownlinks} down / ${f.leafUplinks} up (${n(f.oversubscription)}:1)${f.pods ? ` · ${f.pods} pods` : ''}`,
      '',
      textTable(
        ['tier', 'switches', 'down/sw', 'up/sw', 'ports used', 'ports free', 'links in', 'max endpoints', 'modules', 'switch kW'],
        f.tierDetail.map((t) => [t.tier, t.switches, t.downlinksPerSwitch, t.uplinksPerSwitch, t.portsUsed, t.portsFree, t.linksDown, t.maxEndpoints, t.transceiverModules, kw(t.switchPowerW)]),
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
    if (flags.has('nodes') && !flags.has('gpus-per-node')) flags.problem('--gpus-per-node', 'required with --nodes');
    const cat = loadNetworkCatalog();
    const ff = readFabricFlags(flags, cat, { requireSwitch: true });
    flags.done();
    const spec = ff!;
    const f =
      hosts !== undefined
        ? sizeHostFabric({ ...spec.input, hosts })
        : sizeFabric({ ...spec.input, nodes: nodes!, rails: rails ?? gpn! });
    const gpus = hosts !== undefined ? null : nodes! * gpn!;
    const json = {
      mode: hosts !== undefined ? 'hosts' : 'rail-optimized',
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
  for (const f of ['nodes', 'gpus-per-node', 'hosts', 'radix', 'port-gbps', 'lane-gbps']) if (flags.has(f)) flags.problem(`--${f}`, 'not with a generation: the generation sets the nodes and the switch sets the ports (rackplan cables takes raw switch figures)');
  const units = flags.number('units', { integer: true, min: 1, max: 10_000_000, accepted: 'a whole number of units ≥ 1' });
  flags.require('units', units, 'the number of units in the cluster');
  const spr = flags.number('systems-per-rack', { integer: true, min: g.systemsPerRack?.min ?? 1, max: g.systemsPerRack?.max ?? 1 });
  const rails = flags.number('rails', { integer: true, min: 1, max: 1024, accepted: 'a whole number ≥ 1' });
  const net = loadNetworkCatalog();
  const ff = readFabricFlags(flags, net, { requireSwitch: false });
  flags.done();
  const spec = ff!;
  const r = evaluateCluster(
    g,
    net,
    { units: units!, switchId: flags.string('switch'), planes: spec.input.planes, oversubscription: spec.input.oversubscription, tiers: spec.input.tiers, spineDesign: spec.input.spineDesign, suNodes: spec.input.suNodes, rails },
    { systemsPerRack: spr, basis: spec.basis, detail: 'counts' },
  );
  if (!r.ok) throw new InputError([{ path: r.error.path.join('.'), message: r.error.message }]);
  const e = r.value;
  const json = {
    mode: 'generation',
    generation: g.id,
    units: units!,
    accelerators: e.ports.accelerators,
    switch: { id: e.switchChoice.id, name: e.switchChoice.name, reason: e.switchChoice.reason, why: e.switchChoice.why, wattsSource: e.switchWattsSource },
    breakout: e.breakout,
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
      `Fabric for ${formatNumber(units!)} × ${g.name} (${formatNumber(e.ports.nodes)} nodes, ${formatNumber(e.ports.accelerators)} accelerators) on ${e.switchChoice.name}: ${e.switchChoice.why}${e.breakout > 1 ? `, ports as ${e.breakout} × ${formatNumber(e.linkGbps)}G` : ''}${split}`,
    ),
  };
}

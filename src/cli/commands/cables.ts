/**
 * `rackplan cables <generation> --racks N`: the cluster's scale-out fabric laid out on the floor, media by
 * reach, lengths, modules, watts, fiber/copper km and mass, network racks, the other networks, and the
 * port-to-port cable schedule streamed to `--out` (never one string in memory).
 * @module
 */
import { loadNetworkCatalog } from '../../catalog/network';
import { clusterPorts } from '../../core/fabric/cluster';
import { CSV_HEADER, CablingTally, cableSchedule, csvLine, DEFAULT_LAYOUT, type CablePlan, type FloorLayout } from '../../core/fabric/cabling';
import { evaluateCluster, fabricCount, withSummary, type ClusterDesign, type ClusterEvaluation } from '../../core/fabric/evaluate-cluster';
import { networkSchedule, SCHEDULE_NETWORKS, scheduleLinks } from '../../core/fabric/network-schedule';
import { DEFAULT_MEDIA_ORDER, OPTICS_ONLY } from '../../core/fabric/media';
import { defaultSwitch } from '../../core/fabric/switch-choice';
import type { MediaKind, NetworkCatalog } from '../../core/fabric/types';
import { issue, type Issue } from '../../core/issues';
import { GENERATION_FILE_FLAG, GENERATION_FILE_USAGE, generationOrFileArgument } from '../generation-arg';
import { FABRIC_DESIGN_CHOICES, FABRIC_DESIGN_LIMITS } from '../../schema/limits';
import { FlagReader, parseFlags, type FlagSpec } from '../args';
import { InputError, inputError } from '../errors';
import { prepareOutputFile, writeOutputFile, type OutputTarget } from '../files';
import { MAX_FABRICS_PER_CLUSTER, MAX_ORDERABLE_LENGTH_M, MIN_ORDERABLE_LENGTH_M } from '../../io/limits';
import { formatNumber, issueLines, jsonResult, textTable, type Command } from '../output';
import { FABRIC_FLAGS, fabricJson, portMappingJson, portMappingLine, readFabricFlags } from './fabric';

const FLAGS: FlagSpec = {
  ...GENERATION_FILE_FLAG,
  ...FABRIC_FLAGS,
  racks: { type: 'string' },
  'systems-per-rack': { type: 'string' },
  rails: { type: 'string' },
  rows: { type: 'string' },
  'racks-per-row': { type: 'string' },
  'rack-width-mm': { type: 'string' },
  'rack-pitch-mm': { type: 'string' },
  'row-spacing-m': { type: 'string' },
  'tray-height-m': { type: 'string' },
  'slack-pct': { type: 'string' },
  'slack-m': { type: 'string' },
  'leaf-placement': { type: 'string' },
  'spine-placement': { type: 'string' },
  lengths: { type: 'string' },
  media: { type: 'string' },
  'optics-spare-pct': { type: 'string' },
  'cable-spare-pct': { type: 'string' },
  'network-rack-u': { type: 'string' },
  cdus: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
};

const USAGE = `rackplan cables <generation> --racks N [layout flags] [fabric flags] [--out schedule.csv] [--json]

  --racks N                  compute racks (a whole number of the generation's units)
  --systems-per-rack S       servers per rack (server-rack generations)           catalog default
  --rails R                  scale-out ports per node                              catalog value
${GENERATION_FILE_USAGE}
 layout
  --rows N                   rows of compute racks                                 as many as needed
  --racks-per-row N                                                                default ${DEFAULT_LAYOUT.racksPerRow}
  --rack-width-mm W                                                                default ${DEFAULT_LAYOUT.rackWidthMm}
  --rack-pitch-mm P          centre-to-centre along the row                        default the width
  --row-spacing-m M          centre-to-centre between rows                         default ${DEFAULT_LAYOUT.rowSpacingM}
  --tray-height-m H          overhead tray above the floor                         default ${DEFAULT_LAYOUT.trayHeightM}
  --slack-pct P / --slack-m M   slack added to every run                           default ${DEFAULT_LAYOUT.slackPct} % + ${DEFAULT_LAYOUT.slackM} m
  --leaf-placement in-rack|eor|mor|network-row                                     default network-row
  --spine-placement eor|mor|network-row                                            default network-row
  --lengths 0.5,1,…          orderable lengths, m                                  default ${DEFAULT_LAYOUT.orderableLengthsM.join('/')}
  --media dac,acc,aec,aoc,mmf,smf | optics   allowed media in order of preference  default ${DEFAULT_MEDIA_ORDER.join(',')}
  --optics-spare-pct P / --cable-spare-pct P                                        default 2 / 2
  --network-rack-u U         rack units for switches in a network rack             default ${DEFAULT_LAYOUT.networkRackUsableU}
  --cdus N                   CDUs on the OOB network                               default 0
  --out FILE                 write the cable schedule CSV of every network (compute, frontend, storage, oob; one
                             header, the network column last), streamed to a temporary file, renamed when complete
  --force                    replace an existing --out file
 fabric: --switch ID [--port-gbps S: a breakout the switch supports] | --radix R --port-gbps S --lane-gbps L, --su-nodes, --spine-groups,
         --planes, --oversubscription X | leaf=X,spine=Y, --topology rail|tor|row, --extra-endpoints N | name=N,…, --tiers, --basis
         (see rackplan fabric --help; default: the catalog's scale-out default for the NIC speed, see rackplan presets)`;

/**
 * Stream the schedule to a file with back-pressure; feeds the compute fabric's rows to `tally` (the cable summary
 * is the compute fabric's). A cluster evaluation writes every network (compute, front-end, storage, out-of-band)
 * under the one header; a bare cable plan writes its fabric. Memory stays flat. The file is written all or nothing
 * (temp file, fsync, rename; see ../files): a failed write throws an exit-2 error naming the path and leaves no
 * partial file. A plain path replaces an existing file; the command checks `--force` first.
 */
export async function writeSchedule(cluster: CablePlan | ClusterEvaluation, cat: NetworkCatalog, path: string | OutputTarget | null, tally: CablingTally): Promise<{ rows: number; bytes: number; rowsByNetwork: Record<string, number> }> {
  let rows = 0;
  const rowsByNetwork: Record<string, number> = {};
  if (path === null) {
    for (const r of scheduleOf(cluster, cat, true)) {
      tally.add(r);
      rows++;
    }
    return { rows, bytes: 0, rowsByNetwork: { compute: rows } };
  }
  const target = typeof path === 'string' ? await prepareOutputFile(path, { force: true }) : path;
  function* batches(): Generator<string> {
    yield `${CSV_HEADER}\n`;
    let batch = '';
    let inBatch = 0;
    for (const r of scheduleOf(cluster, cat, false)) {
      if (r.network === 'compute') tally.add(r);
      rows++;
      rowsByNetwork[r.network] = (rowsByNetwork[r.network] ?? 0) + 1;
      batch += `${csvLine(r)}\n`;
      if (++inBatch === 2048) {
        yield batch;
        batch = '';
        inBatch = 0;
      }
    }
    if (batch) yield batch;
  }
  const bytes = await writeOutputFile(target, batches());
  return { rows, bytes, rowsByNetwork };
}

/** Every cable of a cluster (every network, or only the compute fabric) or of one cable plan. */
function* scheduleOf(cluster: CablePlan | ClusterEvaluation, cat: NetworkCatalog, computeOnly: boolean) {
  if (!('parts' in cluster)) {
    yield* cableSchedule(cluster, cat);
    return;
  }
  for (const n of computeOnly ? (['compute'] as const) : SCHEDULE_NETWORKS) yield* networkSchedule(cluster, cat, n);
}

function lengthsFlag(flags: FlagReader): number[] | undefined {
  const raw = flags.string('lengths');
  if (raw === undefined) return undefined;
  const list = raw.split(',').map((x) => (x.trim() === '' ? NaN : Number(x.trim())));
  // Bounded so sums over millions of links stay finite: no data-center cable is shorter than 1 cm or longer than 100 km.
  if (!list.length || list.some((x) => !Number.isFinite(x) || x < MIN_ORDERABLE_LENGTH_M || x > MAX_ORDERABLE_LENGTH_M) || list.some((x, i) => i > 0 && x <= list[i - 1]!)) {
    flags.problem('--lengths', `comma-separated lengths in metres, ascending, each from ${MIN_ORDERABLE_LENGTH_M} to ${MAX_ORDERABLE_LENGTH_M.toLocaleString('en-US')}`, raw);
    return undefined;
  }
  return list;
}

function mediaFlag(flags: FlagReader): MediaKind[] | undefined {
  const raw = flags.string('media');
  if (raw === undefined) return undefined;
  if (raw === 'optics') return [...OPTICS_ONLY];
  const kinds = ['dac', 'acc', 'aec', 'aoc', 'mmf', 'smf'];
  const list = raw.split(',').map((x) => x.trim());
  if (!list.length || list.some((x) => !kinds.includes(x))) {
    flags.problem('--media', `"optics" or a comma list of ${kinds.join(', ')}`, raw);
    return undefined;
  }
  return list as MediaKind[];
}

export const cablesCommand: Command = {
  summary: 'cluster cabling from a floor layout: media by reach, lengths, optics, km, mass, schedule CSV',
  usage: USAGE,
  async run(argv) {
    const parsed = parseFlags(argv, FLAGS, 'cables');
    const flags = new FlagReader(parsed);
    const found = await generationOrFileArgument(parsed);
    const g = found.generation;

    const racks = flags.number('racks', { integer: true, min: 1, max: 1_000_000, accepted: 'a whole number of racks ≥ 1' });
    flags.require('racks', racks, 'the number of compute racks');
    const spr = flags.number('systems-per-rack', { integer: true, min: g.systemsPerRack?.min ?? 1, max: g.systemsPerRack?.max ?? 1 });
    const railsFlag = flags.number('rails', { integer: true, min: 1, max: 1024 });
    const layout: Partial<FloorLayout> = {
      rows: flags.number('rows', { integer: true, min: 1, max: 100_000 }),
      racksPerRow: flags.number('racks-per-row', FABRIC_DESIGN_LIMITS.racksPerRow),
      rackWidthMm: flags.number('rack-width-mm', { min: 300, max: 2000 }),
      rackPitchMm: flags.number('rack-pitch-mm', { min: 300, max: 5000 }),
      rowSpacingM: flags.number('row-spacing-m', FABRIC_DESIGN_LIMITS.rowSpacingM),
      trayHeightM: flags.number('tray-height-m', FABRIC_DESIGN_LIMITS.trayHeightM),
      slackPct: flags.number('slack-pct', FABRIC_DESIGN_LIMITS.slackPct),
      slackM: flags.number('slack-m', { min: 0, max: 50 }),
      leafPlacement: flags.choice('leaf-placement', FABRIC_DESIGN_CHOICES.leafPlacement),
      spinePlacement: flags.choice('spine-placement', FABRIC_DESIGN_CHOICES.spinePlacement),
      orderableLengthsM: lengthsFlag(flags),
      networkRackUsableU: flags.number('network-rack-u', { integer: true, min: 1, max: 60 }),
    };
    for (const k of Object.keys(layout) as (keyof FloorLayout)[]) if (layout[k] === undefined) delete layout[k];
    const mediaOrder = mediaFlag(flags);
    const opticsSparePct = flags.number('optics-spare-pct', { min: 0, max: 100 });
    const cableSparePct = flags.number('cable-spare-pct', { min: 0, max: 100 });
    const cdus = flags.number('cdus', { integer: true, min: 0, max: 100_000 });
    const outPath = flags.string('out') ?? null;
    if (flags.has('spine-radix')) flags.problem('--spine-radix', 'only in rackplan fabric without a generation (a cluster takes its spines from the switch)');
    if (racks !== undefined && racks % g.racks !== 0) {
      flags.problem('--racks', `a multiple of ${g.racks} (one ${g.name} unit spans ${g.racks} racks)`, String(racks));
    }
    const ports = racks !== undefined && racks % g.racks === 0 ? clusterPorts(g, racks / g.racks, spr) : null;
    if (racks !== undefined && racks % g.racks === 0 && !ports) flags.problem('generation', `${g.id} has no scale-out NIC ports in the catalog`);
    const net = loadNetworkCatalog();
    const catalogDefault = ports ? defaultSwitch(net, 'scale-out', ports.scaleOutGbps)?.switch.id : undefined;
    const ff = readFabricFlags(flags, net, { defaultSwitch: catalogDefault, requireSwitch: false });
    flags.done();
    // Checked before the fabric is sized, so a bad --out fails at once.
    const outTarget = outPath === null ? null : await prepareOutputFile(outPath, { force: flags.bool('force') });
    if (!ports || !ff) throw new InputError([{ path: 'generation', message: 'no scale-out ports' }]);

    // Raw switch figures (--radix, --lane-gbps, or --port-gbps without a switch) make a custom switch; otherwise the
    // catalog switch, with --port-gbps as a breakout it must support.
    const custom = flags.has('radix') || flags.has('lane-gbps') || (flags.has('port-gbps') && !flags.has('switch'));
    const design: ClusterDesign = {
      units: ports.units,
      switchId: custom ? undefined : flags.string('switch'),
      customSwitch: custom
        ? { radix: ff.input.radix, portGbps: ff.input.portGbps, watts: ff.input.switchPowerW ?? null, laneGbps: ff.laneGbps, portsPerCage: ff.input.portsPerCage, statedIn: 'command line' }
        : undefined,
      portGbps: custom ? undefined : ff.portGbpsFlag,
      planes: ff.input.planes,
      oversubscription: ff.input.oversubscription,
      spineOversubscription: ff.input.spineOversubscription,
      topology: ff.topology,
      extraEndpoints: ff.extraEndpoints,
      tiers: ff.input.tiers,
      spineDesign: ff.input.spineDesign,
      suNodes: ff.input.suNodes,
      rails: railsFlag,
      layout,
      mediaOrder,
      cdus,
    };
    // Bounded work: a tiny radix over many racks asks for millions of separate fabrics; refused before sizing.
    const fabrics = fabricCount(g, net, design, { systemsPerRack: spr });
    if (fabrics > MAX_FABRICS_PER_CLUSTER) {
      throw inputError(custom ? '--radix' : '--racks', `a cluster the switch reaches in at most ${MAX_FABRICS_PER_CLUSTER.toLocaleString('en-US')} separate fabrics (${ports.nodes.toLocaleString('en-US')} nodes need ${fabrics.toLocaleString('en-US')}); use a larger radix or fewer racks`, JSON.stringify(String(custom ? ff.input.radix : racks)));
    }
    const outcome = evaluateCluster(g, net, design, { systemsPerRack: spr, basis: ff.basis, detail: 'cabling' });
    if (!outcome.ok) throw new InputError([{ path: outcome.error.path.join('.'), message: outcome.error.message }]);
    const tally = new CablingTally({ basis: ff.basis, opticsSparePct, cableSparePct });
    const sized = outcome.value;
    // Without a fabric design the schedule file still gets written (header only), so "→ path" is never a lie.
    const written = sized.plan ? await writeSchedule(sized, net, outTarget, tally) : { rows: 0, bytes: outTarget ? await writeOutputFile(outTarget, [`${CSV_HEADER}\n`]) : 0, rowsByNetwork: {} as Record<string, number> };
    const e = withSummary(sized, tally.result());
    const { fabric, plan, counts } = e;
    const summary = e.summary!;
    const frontEnd = e.frontEnd;
    const storage = e.storage;
    const oob = e.oob!;
    const networkRacks = e.parts.reduce((s, p) => s + (p.plan?.networkRacks ?? 0), 0);
    const issues: Issue[] = [];
    if (found.aliasOf) issues.push(issue('alias_resolved', 'info', ['generation'], `"${found.aliasOf}" is an alias of ${g.id}`));
    issues.push(...e.issues);
    if (cdus === undefined) issues.push(issue('oob_cdus_not_counted', 'info', ['oob', 'ports'], 'CDU management ports are not counted; pass --cdus N'));

    const kw = (w: number) => Math.round(w) / 1000;
    const json = {
      generation: g.id,
      racks: racks!,
      units: ports.units,
      accelerators: ports.accelerators,
      nodes: ports.nodes,
      nodesPerRack: ports.nodesPerRack,
      switch: { id: e.switchChoice.id, name: e.switchChoice.name, reason: e.switchChoice.reason, why: e.switchChoice.why, wattsSource: e.switchWattsSource },
      breakout: e.breakout,
      portMapping: portMappingJson(e.portMapping, railsFlag ?? ports.rails),
      topology: e.topology,
      extraEndpointGroups: e.extraEndpoints,
      fabric: fabricJson(fabric),
      /** Every independent fabric together (more than one only when three tiers cannot reach every node). */
      clusters: { count: counts.clusters, nodes: e.parts.map((p) => p.nodes), tiers: counts.tiers, switches: counts.switches, links: counts.links, endpoints: counts.endpoints },
      scaleUp: { domainAccelerators: ports.scaleUpDomainAccelerators, racksSpanned: ports.scaleUpRacksSpanned, domains: Math.floor(ports.accelerators / ports.scaleUpDomainAccelerators) },
      layout: plan
        ? { rows: plan.rows, racksPerRow: plan.layout.racksPerRow, rackPitchM: plan.pitchM, rowSpacingM: plan.layout.rowSpacingM, trayHeightM: plan.layout.trayHeightM, slackPct: plan.layout.slackPct, slackM: plan.layout.slackM, leafPlacement: plan.layout.leafPlacement, spinePlacement: plan.layout.spinePlacement, orderableLengthsM: plan.layout.orderableLengthsM }
        : null,
      links: summary.links,
      byTier: summary.byTier,
      byMedia: summary.byMedia,
      lengthHistogram: summary.lengthHistogram,
      transceiverModules: summary.transceiverModules,
      transceivers: summary.transceivers.map((t) => ({ id: t.id, partNumber: t.partNumber, modules: t.modules, spares: t.spares, wattsEachW: t.wattsEach, powerKw: kw(t.powerW) })),
      spares: summary.spares,
      fiberKm: summary.fiberKm,
      copperKm: summary.copperKm,
      rawLengthKm: summary.rawLengthKm,
      orderedLengthKm: summary.orderedLengthKm,
      cableMassKg: summary.cableMassKg,
      networkRacks,
      networkRacksByPlacement: plan?.networkRacksByPlacement ?? null,
      switchesPerNetworkRack: plan?.switchesPerNetworkRack ?? 0,
      power: {
        switchKw: kw(counts.switchPowerW),
        transceiverKw: kw(summary.transceiverPowerW),
        activeCableKw: kw(summary.cablePowerW),
        totalKw: kw(counts.switchPowerW + summary.transceiverPowerW + summary.cablePowerW),
      },
      frontEnd: frontEnd && { switch: frontEnd.switch.id, switchName: frontEnd.switch.name, breakout: frontEnd.breakout, portsPerNode: frontEnd.portsPerNode, linkGbps: frontEnd.fabric.linkGbps, oversubscription: frontEnd.fabric.oversubscription, tiers: frontEnd.fabric.tiers, switches: frontEnd.fabric.switches, cables: frontEnd.fabric.cables, powerKw: kw(frontEnd.fabric.switchPowerW) },
      storage: storage && { switch: storage.switch.id, switchName: storage.switch.name, breakout: storage.breakout, portsPerNode: storage.portsPerNode, linkGbps: storage.fabric.linkGbps, tiers: storage.fabric.tiers, switches: storage.fabric.switches, cables: storage.fabric.cables, powerKw: kw(storage.fabric.switchPowerW) },
      oob: { switch: e.oobSwitch!.id, switchName: e.oobSwitch!.name, ports: oob.ports, accessSwitches: oob.accessSwitches, aggregationSwitches: oob.aggregationSwitches, links: oob.links },
      schedule: outPath ? { path: outPath, rows: written.rows, bytes: written.bytes, header: CSV_HEADER, rowsByNetwork: written.rowsByNetwork } : null,
      /** Rows each network adds to the schedule (its links), whether or not it was written. */
      scheduleLinks: scheduleLinks(e),
      issues,
      assumptions: ff.assumptions,
    };
    if (flags.bool('json')) return jsonResult(json);
    const n = formatNumber;
    const rails = railsFlag ?? ports.rails;
    const lines = [
      `${g.name}: ${racks} racks, ${n(ports.accelerators)} accelerators, ${n(ports.nodes)} nodes × ${rails} rails of ${ports.scaleOutGbps}G`,
      `switch: ${e.switchChoice.name} (${e.switchChoice.why}); ${e.topology} topology`,
      portMappingLine(e.portMapping, rails),
      counts.tiers
        ? `fabric: ${counts.clusters > 1 ? `${n(counts.clusters)} fabrics, ` : ''}${counts.tiers} tiers, ${n(counts.switches.leaf)} leaf + ${n(counts.switches.spine)} spine + ${n(counts.switches.core)} core switches, ${n(counts.links)} links, ${n(networkRacks)} network racks (${plan?.switchesPerNetworkRack} switches each)`
        : 'fabric: no design (see issues)',
      '',
      textTable(['media', 'part', 'links', 'spares', 'ordered m', 'raw m'], summary.byMedia.map((m) => [m.kind, m.partNumber, m.links, m.spares, m.lengthM, m.rawLengthM])),
      '',
      textTable(['length m', 'links', 'raw m', 'ordered m'], summary.lengthHistogram.map((h) => [h.lengthM, h.links, h.rawLengthM, h.orderedLengthM])),
      '',
      textTable(['transceiver', 'part', 'modules', 'spares', 'W each', 'kW'], summary.transceivers.map((t) => [t.id, t.partNumber, t.modules, t.spares, t.wattsEach === null ? 'unknown' : t.wattsEach, kw(t.powerW)])),
      '',
      `fiber ${n(summary.fiberKm)} km · copper ${n(summary.copperKm)} km · cable mass ${n(summary.cableMassKg)} kg · power: switches ${n(kw(counts.switchPowerW))} kW, optics ${n(kw(summary.transceiverPowerW))} kW, active cables ${n(kw(summary.cablePowerW))} kW`,
      frontEnd ? `front-end: ${n(frontEnd.fabric.switches.total)} ${frontEnd.switch.name} switches (${n(frontEnd.fabric.switches.leaf)} leaf in pairs, ${n(frontEnd.fabric.switches.spine)} spine), ${n(frontEnd.fabric.cables.total)} cables at ${frontEnd.fabric.oversubscription}:1` : 'front-end: none in the catalog',
      storage ? `storage: ${n(storage.fabric.switches.total)} ${storage.switch.name} switches, ${n(storage.fabric.cables.total)} cables` : 'storage: no dedicated storage ports in the catalog (converged with front-end)',
      `out-of-band: ${n(oob.ports)} ports, ${n(oob.accessSwitches)} access + ${n(oob.aggregationSwitches)} aggregation ${e.oobSwitch!.name} switches`,
      outPath
        ? `schedule: ${n(written.rows)} rows (${SCHEDULE_NETWORKS.map((k) => `${k} ${n(written.rowsByNetwork[k] ?? 0)}`).join(', ')}), ${n(written.bytes)} bytes → ${outPath}`
        : `schedule: not written (give --out FILE); ${n(scheduleLinks(e).total)} rows over every network`,
      '',
      issues.length ? 'Issues' : 'Issues: none',
      ...issueLines(issues),
    ];
    return { text: lines.join('\n') };
  },
};

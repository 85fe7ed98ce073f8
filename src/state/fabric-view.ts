/**
 * The Fabric & cabling view's figures: the rack designer's generation as a cluster of `units`, its scale-out fat
 * tree (fabric core), laid out on the floor with media chosen by reach, the cable schedule's summary (media mix,
 * length histogram, transceivers and their watts), and the front-end, storage and out-of-band networks.
 * Mirrors `rackplan cables` so the page and the CLI agree.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import { CSV_HEADER, CablingTally, cableSchedule, csvLine, planCabling, type CablePlan, type CablingSummary, type FloorLayout } from '../core/fabric/cabling';
import { clusterPorts, type ClusterPorts } from '../core/fabric/cluster';
import { sizeFabric, type FabricResult } from '../core/fabric/fat-tree';
import { defaultModule, moduleWatts } from '../core/fabric/media';
import { sizeFrontEnd, sizeOob, sizeStorage, type OobResult } from '../core/fabric/networks';
import type { NetworkCatalog, SwitchModel } from '../core/fabric/types';
import { issue, type Issue } from '../core/issues';
import { isMissing, pickSourced, type Basis } from '../core/provenance';
import type { FabricDesign } from './types';

/** Above this many links the page does not walk the whole schedule on every edit (the download still does). */
export const SUMMARY_LINK_LIMIT = 400_000;

export interface FabricView {
  readonly generation: Generation;
  readonly ports: ClusterPorts;
  readonly switch: SwitchModel;
  readonly switches: readonly SwitchModel[];
  readonly fabric: FabricResult;
  readonly plan: CablePlan | null;
  readonly summary: CablingSummary | null;
  readonly frontEnd: FabricResult | null;
  readonly storage: FabricResult | null;
  readonly oob: OobResult;
  readonly oobSwitch: SwitchModel;
  readonly ethernet: SwitchModel;
  readonly powerKw: { readonly switches: number; readonly transceivers: number; readonly activeCables: number; readonly total: number };
  readonly issues: readonly Issue[];
}

export type FabricOutcome = { readonly ok: true; readonly view: FabricView } | { readonly ok: false; readonly message: string };

/** Scale-out switches of the catalog, and the default for a NIC speed. */
export function scaleOutSwitches(net: NetworkCatalog): SwitchModel[] {
  return net.switches.filter((s) => s.roles.includes('scale-out'));
}

export function defaultSwitchId(net: NetworkCatalog, nicGbps: number): string {
  const want = nicGbps >= 800 ? 'quantum-x800-q3400' : 'quantum-2-qm9700';
  return net.switches.some((s) => s.id === want) ? want : (scaleOutSwitches(net)[0]?.id ?? '');
}

export function layoutOf(d: FabricDesign): Partial<FloorLayout> {
  const l: Record<string, unknown> = {};
  if (d.racksPerRow !== undefined) l.racksPerRow = d.racksPerRow;
  if (d.rowSpacingM !== undefined) l.rowSpacingM = d.rowSpacingM;
  if (d.trayHeightM !== undefined) l.trayHeightM = d.trayHeightM;
  if (d.slackPct !== undefined) l.slackPct = d.slackPct;
  if (d.leafPlacement !== undefined) l.leafPlacement = d.leafPlacement;
  if (d.spinePlacement !== undefined) l.spinePlacement = d.spinePlacement;
  return l;
}

/**
 * Size the cluster's networks and summarize its cabling.
 * @param systemsPerRack - from the rack designer's options (server racks)
 */
export function evaluateFabric(g: Generation, net: NetworkCatalog, d: FabricDesign, systemsPerRack: number | undefined, basis: Basis = 'max'): FabricOutcome {
  const ports = clusterPorts(g, d.units, systemsPerRack);
  if (!ports) return { ok: false, message: `${g.name} has no scale-out NIC ports in the catalog, so it has no scale-out fabric to size.` };
  const sw = net.switches.find((s) => s.id === (d.switchId ?? defaultSwitchId(net, ports.scaleOutGbps)));
  if (!sw) return { ok: false, message: `No switch “${d.switchId ?? ''}” in the network catalog.` };
  const issues: Issue[] = [];
  const P = d.planes ?? 1;
  const os = d.oversubscription ?? 1;
  const radix = sw.cages * sw.portsPerCage;
  const portGbps = pickSourced(sw.portGbps, 'typical');
  const primary = basis === 'max' ? sw.maxPowerW : sw.typicalPowerW;
  const other = basis === 'max' ? sw.typicalPowerW : sw.maxPowerW;
  const q = isMissing(primary) ? other : primary;
  const switchPowerW = isMissing(q) ? null : pickSourced(q, basis);
  const linkGbps = portGbps / P;
  const swModule = defaultModule(net, linkGbps, sw.laneGbps, sw.portsPerCage * P);
  const nodeModule = defaultModule(net, linkGbps, sw.laneGbps, P);
  const d0 = Math.floor((radix * P * os) / (os + 1));
  const suNodes = Math.floor(d0 / ports.nodesPerRack) * ports.nodesPerRack || d0;
  const fabric = sizeFabric({
    nodes: ports.nodes,
    rails: ports.rails,
    radix,
    portGbps,
    suNodes,
    oversubscription: os,
    planes: P,
    tiers: d.tiers ?? 'auto',
    spineDesign: d.spineDesign,
    portsPerCage: sw.portsPerCage,
    switchPowerW,
    switchModulePowerW: swModule ? moduleWatts(swModule, basis) : null,
    nodeModulePowerW: nodeModule ? moduleWatts(nodeModule, basis) : null,
  });
  if (ports.scaleOutGbps !== linkGbps && ports.scaleOutGbps !== portGbps) {
    issues.push(issue('fabric_speed_mismatch', 'warning', ['fabric', 'linkGbps'], `the NICs run at ${ports.scaleOutGbps}G, the fabric links at ${fabric.linkGbps}G`));
  }
  issues.push(...fabric.issues);
  const plan =
    fabric.tiers > 0
      ? planCabling(
          {
            fabric,
            nodesPerRack: ports.nodesPerRack,
            nodeHeightU: ports.nodeHeightU,
            switchHeightU: pickSourced(sw.heightU, 'typical'),
            laneGbps: sw.laneGbps,
            switchLinksPerModule: sw.portsPerCage * P,
            nodeLinksPerModule: P,
            basis,
          },
          layoutOf(d),
        )
      : null;
  let summary: CablingSummary | null = null;
  if (plan) {
    issues.push(...plan.issues);
    if (fabric.links.total <= SUMMARY_LINK_LIMIT) {
      const tally = new CablingTally({ basis });
      for (const r of cableSchedule(plan, net)) tally.add(r);
      summary = tally.result();
      issues.push(...summary.issues);
    } else {
      issues.push(issue('schedule_summary_skipped', 'info', ['cabling'], `${fabric.links.total.toLocaleString('en-US')} links: the media mix and length histogram are not recomputed on every edit; the schedule download has every row`));
    }
  }
  const ethernet = net.switches.find((s) => s.roles.includes('front-end')) ?? sw;
  const ethW = isMissing(ethernet.typicalPowerW) ? null : pickSourced(ethernet.typicalPowerW, 'typical');
  const ethRadix = ethernet.cages * ethernet.portsPerCage * (pickSourced(ethernet.portGbps, 'typical') >= 800 ? 2 : 1);
  const frontEnd = ports.frontEndPortsPerNode > 0 ? sizeFrontEnd({ nodes: ports.nodes, portsPerNode: ports.frontEndPortsPerNode, radix: ethRadix, portGbps: 400, switchPowerW: ethW, portsPerCage: 2 }) : null;
  const storage = ports.storagePortsPerNode > 0 ? sizeStorage({ nodes: ports.nodes, portsPerNode: ports.storagePortsPerNode, storagePorts: 0, radix: ethRadix, portGbps: 400, switchPowerW: ethW, portsPerCage: 2 }) : null;
  const oobSwitch = net.switches.find((s) => s.roles.includes('oob')) ?? sw;
  const oob = sizeOob({
    computeRacks: ports.racks,
    bmcPortsPerRack: ports.bmcPortsPerRack,
    powerControllersPerRack: ports.powerControllersPerRack,
    networkRacks: plan?.networkRacks ?? 0,
    switchMgmtPorts: fabric.switches.total + (frontEnd?.switches.total ?? 0) + (storage?.switches.total ?? 0),
    cdus: 0,
    radix: oobSwitch.cages * oobSwitch.portsPerCage,
  });
  issues.push(...oob.issues);
  const sw_ = fabric.switchPowerW / 1000;
  const tx = (summary?.transceiverPowerW ?? fabric.modulePowerW) / 1000;
  const ac = (summary?.cablePowerW ?? 0) / 1000;
  return {
    ok: true,
    view: { generation: g, ports, switch: sw, switches: scaleOutSwitches(net), fabric, plan, summary, frontEnd, storage, oob, oobSwitch, ethernet, powerKw: { switches: sw_, transceivers: tx, activeCables: ac, total: sw_ + tx + ac }, issues },
  };
}

/** The port-to-port cable schedule as CSV text chunks (header first), produced row by row. */
export function* scheduleCsv(plan: CablePlan, net: NetworkCatalog, batch = 2048): Generator<string, void, undefined> {
  yield `${CSV_HEADER}\n`;
  let buf = '';
  let n = 0;
  for (const r of cableSchedule(plan, net)) {
    buf += `${csvLine(r)}\n`;
    if (++n === batch) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}

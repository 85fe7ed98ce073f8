/**
 * What a number of racks of one generation bring to the networks: scale-out nodes and rails, front-end and
 * storage ports, BMC and power-controller ports, read straight from the catalog entry (plain numbers out).
 * A node is the item that carries scale-out NIC ports: a server, or a compute tray of a rack-scale system.
 * `system`-scope items count once per server (systems per rack × racks); `unit`-scope items once per unit.
 * @module
 */
import type { ComponentClass, Generation } from '../catalog/types';
import { pickSourced } from '../provenance';

export interface ClusterPorts {
  readonly units: number;
  readonly racks: number;
  readonly accelerators: number;
  readonly nodes: number;
  readonly nodesPerRack: number;
  readonly nodeHeightU: number;
  readonly rails: number;
  readonly scaleOutGbps: number;
  /**
   * NIC ports one scale-out cage (and its transceiver module) carries: the catalog's `portsPerCage`, 1 when not
   * stated (a twin-port OSFP cage of a DGX carries 2 × 400G ports).
   */
  readonly scaleOutPortsPerCage: number;
  readonly frontEndPortsPerNode: number;
  readonly frontEndGbps: number;
  readonly storagePortsPerNode: number;
  readonly storageGbps: number;
  readonly bmcPortsPerRack: number;
  readonly powerControllersPerRack: number;
  readonly scaleUpDomainAccelerators: number;
  readonly scaleUpRacksSpanned: number;
}

/** Items of a class in one unit: `system`-scope items count per server (systems per rack × racks) in server-rack units, once per unit otherwise (as the per-unit engine counts them). */
function itemsPerUnit(g: Generation, c: ComponentClass, systemsPerRack: number): number {
  const systems = g.systemsPerRack ? systemsPerRack * g.racks : 1;
  return c.scope === 'system' ? c.count * systems : c.count;
}

/** Ports of `units` deployable units; null when the generation has no scale-out NIC ports. */
export function clusterPorts(g: Generation, units: number, systemsPerRack?: number): ClusterPorts | null {
  const spr = systemsPerRack ?? g.systemsPerRack?.default ?? 1;
  const compute = g.components.find((c) => c.ports.scaleOut && c.ports.scaleOut.count > 0);
  if (!compute?.ports.scaleOut) return null;
  const nodesPerUnit = itemsPerUnit(g, compute, spr);
  const racks = units * g.racks;
  const bmcPerUnit = g.components.reduce((s, c) => s + (c.ports.management?.count ?? 0) * itemsPerUnit(g, c, spr), 0);
  const shelves = g.power.architecture === 'shelf' ? pickSourced(g.power.count, 'typical') : 0;
  const accelerators = g.components.reduce((s, c) => s + c.accelerators * itemsPerUnit(g, c, spr), 0) * units;
  const fe = compute.ports.frontEnd;
  const st = compute.ports.storage;
  return {
    units,
    racks,
    accelerators,
    nodes: nodesPerUnit * units,
    nodesPerRack: Math.ceil(nodesPerUnit / g.racks),
    nodeHeightU: pickSourced(compute.heightU, 'typical'),
    rails: compute.ports.scaleOut.count,
    scaleOutGbps: pickSourced(compute.ports.scaleOut.gbps, 'typical'),
    scaleOutPortsPerCage: compute.ports.scaleOut.portsPerCage ?? 1,
    frontEndPortsPerNode: fe?.count ?? 0,
    frontEndGbps: fe ? pickSourced(fe.gbps, 'typical') : 0,
    storagePortsPerNode: st?.count ?? 0,
    storageGbps: st ? pickSourced(st.gbps, 'typical') : 0,
    bmcPortsPerRack: Math.ceil(bmcPerUnit / g.racks),
    // Shelf racks: one controller per shelf; server racks: two rack-PDU controllers (A and B feed).
    powerControllersPerRack: g.power.architecture === 'shelf' ? Math.ceil(shelves / g.racks) : 2,
    scaleUpDomainAccelerators: g.scaleUp.domainAccelerators,
    scaleUpRacksSpanned: g.scaleUp.racksSpanned,
  };
}

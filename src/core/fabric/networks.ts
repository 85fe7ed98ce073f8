/**
 * The other networks of a cluster, each sized as its own network:
 * - Front-end (north-south) Ethernet: each node's front-end NIC ports split over a leaf pair (one SU is one
 *   leaf pair), default 3:1 leaf oversubscription (issue 3); spines by the same divisor rule as the fabric.
 * - Storage fabric: the DGX SuperPOD reference architectures give each node a pair of storage ports
 *   ("Each pair of in-band management and storage ports provide parallel pathways", DGX H100/B200/B300 RAs);
 *   the storage appliances' ports join the same fat tree; default non-blocking (rackplan default, no source).
 * - Out-of-band management: one 1GbE port per BMC, per switch management port, per power shelf or rack PDU
 *   controller and per CDU ("It connects the management ports of all devices including DGX and management
 *   servers, storage, networking gear, rack PDUs, and all other devices", DGX SuperPOD H100 RA); one OOB switch
 *   per rack by default (more when a rack has more ports than a switch), each with one uplink to an
 *   aggregation layer of the same radix.
 * @module
 */
import { sizeFabric, type FabricResult } from './fat-tree';
import { issue, type Issue } from '../issues';

export interface FrontEndInput {
  readonly nodes: number;
  readonly portsPerNode: number;
  readonly radix: number;
  readonly portGbps: number;
  readonly oversubscription?: number;
  readonly switchPowerW?: number | null;
  readonly portsPerCage?: number;
}

/** Front-end Ethernet: node ports over leaf pairs, 3:1 by default. */
export function sizeFrontEnd(input: FrontEndInput): FabricResult {
  const x = input.oversubscription ?? 3;
  const k = input.radix;
  const d = Math.max(1, Math.min(k - 1, Math.floor((k * x) / (x + 1))));
  return sizeFabric({
    nodes: input.nodes * input.portsPerNode,
    rails: 1,
    radix: k,
    portGbps: input.portGbps,
    oversubscription: x,
    suNodes: 2 * d,
    tiers: 'auto',
    switchPowerW: input.switchPowerW ?? null,
    switchModulePowerW: null,
    nodeModulePowerW: null,
    portsPerCage: input.portsPerCage,
  });
}

export interface StorageInput {
  readonly nodes: number;
  readonly portsPerNode: number;
  /** Ports of the storage appliances on this fabric. */
  readonly storagePorts: number;
  readonly radix: number;
  readonly portGbps: number;
  readonly oversubscription?: number;
  readonly switchPowerW?: number | null;
  readonly portsPerCage?: number;
}

export function sizeStorage(input: StorageInput): FabricResult {
  return sizeFabric({
    nodes: input.nodes * input.portsPerNode + input.storagePorts,
    rails: 1,
    radix: input.radix,
    portGbps: input.portGbps,
    oversubscription: input.oversubscription ?? 1,
    tiers: 'auto',
    switchPowerW: input.switchPowerW ?? null,
    switchModulePowerW: null,
    nodeModulePowerW: null,
    portsPerCage: input.portsPerCage,
  });
}

export interface OobInput {
  readonly computeRacks: number;
  /** BMC ports in one compute rack (nodes, switch trays, hosts…). */
  readonly bmcPortsPerRack: number;
  /** Power shelves or rack-PDU controllers in one compute rack. */
  readonly powerControllersPerRack: number;
  readonly networkRacks: number;
  /** Management ports of the fabric switches (one per switch). */
  readonly switchMgmtPorts: number;
  readonly cdus: number;
  readonly radix: number;
  /** OOB switches per rack before overflow; default 1. */
  readonly switchesPerRack?: number;
}

export interface OobResult {
  readonly ports: number;
  readonly accessSwitches: number;
  readonly aggregationSwitches: number;
  readonly links: number;
  readonly portsFree: number;
  readonly issues: readonly Issue[];
}

export function sizeOob(input: OobInput): OobResult {
  const k = input.radix;
  const perRackPorts = input.bmcPortsPerRack + input.powerControllersPerRack;
  const computeSwitchesPerRack = Math.max(input.switchesPerRack ?? 1, Math.ceil(perRackPorts / (k - 1)));
  const netPerRack = input.networkRacks > 0 ? Math.ceil(input.switchMgmtPorts / input.networkRacks) : 0;
  const netSwitchesPerRack = input.networkRacks > 0 ? Math.max(input.switchesPerRack ?? 1, Math.ceil(netPerRack / (k - 1))) : 0;
  // CDUs hang off the nearest rack switch's free ports; if none are free they get their own switch.
  const access = input.computeRacks * computeSwitchesPerRack + input.networkRacks * netSwitchesPerRack;
  const ports = input.computeRacks * perRackPorts + input.switchMgmtPorts + input.cdus;
  const freeBeforeCdus = access * (k - 1) - (input.computeRacks * perRackPorts + input.switchMgmtPorts);
  const extra = input.cdus > freeBeforeCdus ? Math.ceil((input.cdus - freeBeforeCdus) / (k - 1)) : 0;
  const accessSwitches = access + extra;
  const aggregationSwitches = accessSwitches > 1 ? Math.ceil(accessSwitches / k) : 0;
  const issues: Issue[] = [];
  if (computeSwitchesPerRack > (input.switchesPerRack ?? 1)) {
    issues.push(
      issue('oob_ports_exceed_switch', 'info', ['oob', 'accessSwitches'], `${perRackPorts} management ports per compute rack exceed one ${k}-port OOB switch; ${computeSwitchesPerRack} per rack`, {
        limit: k - 1,
        actual: perRackPorts,
        unit: 'ports',
      }),
    );
  }
  return {
    ports,
    accessSwitches,
    aggregationSwitches,
    links: ports + (aggregationSwitches > 0 ? accessSwitches : 0),
    portsFree: accessSwitches * k + aggregationSwitches * k - ports - 2 * (aggregationSwitches > 0 ? accessSwitches : 0),
    issues,
  };
}

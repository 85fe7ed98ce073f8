import { describe, expect, it } from 'vitest';
import { sizeFrontEnd, sizeOob, sizeStorage } from '../../src/core/fabric/networks';
import { clusterPorts } from '../../src/core/fabric/cluster';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';

const gen = (id: string) => findGeneration(loadCatalog(), id)!.generation;

describe('ports a generation brings (read from the catalog)', () => {
  it('GB200 NVL72: a node is a compute tray with 4 rails (DGX GB200 user guide: 4 × ConnectX-7 400G per tray)', () => {
    const p = clusterPorts(gen('gb200-nvl72'), 8)!;
    expect(p).toMatchObject({ racks: 8, nodes: 144, nodesPerRack: 18, rails: 4, scaleOutGbps: 400, accelerators: 576, scaleUpDomainAccelerators: 72 });
    // One SuperPOD SU: 8 racks = 576 GPUs = 144 trays × 4 rails.
    expect(p.nodes * p.rails).toBe(576);
  });

  it('DGX B200: 4 systems per rack by default, 8 rails each', () => {
    const p = clusterPorts(gen('dgx-b200'), 4)!;
    expect(p).toMatchObject({ nodes: 16, nodesPerRack: 4, rails: 8, accelerators: 128 });
    expect(clusterPorts(gen('dgx-b200'), 4, 2)!.nodes).toBe(8);
  });

  it('Trn2 UltraServer: one unit spans 2 racks, 4 servers of 16 chips (64), scale-up over both racks', () => {
    const p = clusterPorts(gen('trn2-ultraserver'), 1)!;
    expect(p).toMatchObject({ racks: 2, nodes: 4, nodesPerRack: 2, accelerators: 64, scaleUpRacksSpanned: 2 });
  });

  it('a generation without scale-out ports gives null', () => {
    expect(clusterPorts(gen('inf2-server'), 1)).toBeNull();
  });
});

describe('front-end, storage and out-of-band networks', () => {
  it('front-end: leaf pairs at 3:1 by default (48 down / 16 up on a 64-port switch)', () => {
    const f = sizeFrontEnd({ nodes: 100, portsPerNode: 2, radix: 64, portGbps: 400 });
    expect(f.leafDownlinks).toBe(48);
    expect(f.leafUplinks).toBe(16);
    expect(f.oversubscription).toBe(3);
    expect(f.switches.leaf % 2).toBe(0); // pairs
    expect(f.switches.leaf).toBe(2 * Math.ceil(200 / 96));
    expect(f.links.nodeLeaf).toBe(200);
  });

  it('storage: node storage ports plus appliance ports, non-blocking by default', () => {
    const s = sizeStorage({ nodes: 64, portsPerNode: 2, storagePorts: 32, radix: 64, portGbps: 400 });
    expect(s.endpoints).toBe(160);
    expect(s.oversubscription).toBe(1);
  });

  it('OOB: one switch per rack; BMCs, power controllers, switch management ports and CDUs all get a port', () => {
    const o = sizeOob({ computeRacks: 10, bmcPortsPerRack: 29, powerControllersPerRack: 8, networkRacks: 2, switchMgmtPorts: 60, cdus: 2, radix: 48 });
    expect(o.ports).toBe(10 * 37 + 60 + 2);
    expect(o.accessSwitches).toBe(10 + 2); // 37 ports per compute rack and 30 per network rack fit one 48-port switch (47 + uplink)
    expect(o.aggregationSwitches).toBe(1);
    expect(o.portsFree).toBeGreaterThanOrEqual(0);
  });
});

/**
 * networkDevices: the front-end, storage and out-of-band devices a cluster's schedule rows end on, named and racked
 * as the rows name them (the NetBox export makes them devices). Every end of every non-compute row is a device of
 * the compute fabric or one of these, in the row's rack; every device listed is used by some row.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { evaluateCluster, type ClusterDesign, type ClusterEvaluation } from '../../src/core/fabric/evaluate-cluster';
import { networkDevices, networkSchedule, SCHEDULE_NETWORKS } from '../../src/core/fabric/network-schedule';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const gen = (id: string) => catalog.generations.find((g) => g.id === id)!;

function ok(id: string, design: ClusterDesign): ClusterEvaluation {
  const r = evaluateCluster(gen(id), net, design, { detail: 'cabling', summaryLinkLimit: 0 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The compute fabric's device names and racks, from its own rows (nodes, appliances and switches). */
function computeDevices(e: ClusterEvaluation): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of networkSchedule(e, net, 'compute')) {
    out.set(r.aDevice, r.aRack);
    out.set(r.bDevice, r.bRack);
  }
  return out;
}

const cases: [string, string, ClusterDesign][] = [
  ['GB300 NVL72 × 12 (front-end and out-of-band)', 'gb300-nvl72', { units: 12 }],
  ['DGX B200 × 9 (storage, out-of-band)', 'dgx-b200', { units: 9 }],
  ['VR NVL144 × 5', 'vr-nvl144', { units: 5 }],
  ['GB300 NVL72 split into several fabrics (16-port switch)', 'gb300-nvl72', { units: 40, customSwitch: { radix: 16, portGbps: 800, watts: 1000 } }],
  ['DGX B200 with CDUs (extra access switches)', 'dgx-b200', { units: 4, cdus: 300 }],
];

describe('networkDevices: every end of every non-compute row', () => {
  for (const [label, id, design] of cases) {
    it(label, () => {
      const e = ok(id, design);
      if (design.customSwitch) expect(e.parts.length).toBeGreaterThan(1);
      const compute = computeDevices(e);
      for (const network of SCHEDULE_NETWORKS) {
        if (network === 'compute') continue;
        const devices = new Map<string, { rack: string; ports: number; used: boolean }>();
        for (const d of networkDevices(e, network)) {
          expect(devices.has(d.name) || compute.has(d.name), `${network}: ${d.name} listed twice`).toBe(false);
          devices.set(d.name, { rack: d.rack, ports: d.ports, used: false });
        }
        let rows = 0;
        for (const r of networkSchedule(e, net, network)) {
          rows++;
          for (const [rack, dev, port] of [[r.aRack, r.aDevice, r.aPort], [r.bRack, r.bDevice, r.bPort]] as const) {
            const own = devices.get(dev);
            if (own) {
              own.used = true;
              expect(own.rack, `${r.cableId} ${dev}`).toBe(rack);
              expect(own.ports === 0 ? port === 'mgmt' : Number(port) >= 1 && Number(port) <= own.ports, `${r.cableId} ${dev}:${port}`).toBe(true);
            } else {
              // Another network's device: a compute node or switch (its front-end/storage port or its management port), or a front-end/storage switch's management port.
              const rackOf = compute.get(dev) ?? [...networkDevices(e, dev.startsWith('fe-') ? 'frontend' : 'storage')].find((d) => d.name === dev)?.rack;
              expect(rackOf, `${network} ${r.cableId}: ${dev} is no device`).toBeDefined();
              expect(rackOf, `${r.cableId} ${dev}`).toBe(rack);
            }
          }
        }
        for (const [name, d] of devices) expect(d.used, `${network}: ${name} has no cable`).toBe(true);
        // Without endpoints: the same switches, and every endpoint's rack still holds one of them or is a compute rack.
        const switches = [...networkDevices(e, network, { endpoints: false })];
        expect(switches.map((d) => d.name)).toEqual([...devices].filter(([, d]) => d.ports > 0).map(([n]) => n));
        const racks = new Set([...switches.map((d) => d.rack), ...compute.values()]);
        for (const d of devices.values()) expect(racks.has(d.rack), d.rack).toBe(true);
        if (network === 'oob') {
          expect(rows).toBe(e.oob!.links);
          const access = [...devices.values()].filter((d) => d.ports > 0).length;
          expect(access).toBe(e.oob!.accessSwitches + e.oob!.aggregationSwitches);
        }
      }
    });
  }

  it('a split cluster’s front-end rows name its nodes as the compute rows do (f2-node5), not by cluster-wide index', () => {
    const e = ok('gb300-nvl72', { units: 40, customSwitch: { radix: 16, portGbps: 800, watts: 1000 } });
    const compute = computeDevices(e);
    const fe = [...networkSchedule(e, net, 'frontend')].filter((r) => r.tier === 'node-leaf');
    expect(fe.length).toBeGreaterThan(0);
    for (const r of fe) expect(compute.get(r.aDevice), r.aDevice).toBe(r.aRack);
    expect(fe.some((r) => r.aDevice.startsWith('f2-node'))).toBe(true);
  });
});

/**
 * The fabric as built in the field (issue 13): NIC ports mapped onto switch port speeds and breakouts,
 * oversubscription per tier, extra endpoints, top-of-rack and row topologies, and every network in the cable
 * schedule. Expected figures are hand derivations from the rules in src/core/fabric/fat-tree.ts (each written out
 * next to its test), switch port modes from the sources in presets/network/switches.json, or Meta's published
 * 24K-GPU cluster; never our own output.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { cableSchedule, type CableRow } from '../../src/core/fabric/cabling';
import { compareTopologies, customSwitchModel, evaluateCluster, type ClusterDesign, type ClusterEvaluation } from '../../src/core/fabric/evaluate-cluster';
import { sizeFabric } from '../../src/core/fabric/fat-tree';
import { fullSchedule, networkSchedule, SCHEDULE_NETWORKS, scheduleLinks } from '../../src/core/fabric/network-schedule';
import { mapNicPorts, portsAtSpeed, portSpeedsOf } from '../../src/core/fabric/switch-choice';
import { runCli } from '../../src/cli/main';
import { findNonFinite } from '../../src/cli/output';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const gen = (id: string) => catalog.generations.find((g) => g.id === id)!;
const sw = (id: string) => net.switches.find((s) => s.id === id)!;

function ok(id: string, design: ClusterDesign, opts: Parameters<typeof evaluateCluster>[3] = {}): ClusterEvaluation {
  const r = evaluateCluster(gen(id), net, design, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err: err.trim() };
}

describe('NIC ports on switch ports', () => {
  it('a 1.6T-NIC generation gets twice the 800G switch ports of an 800G-NIC generation of the same size', () => {
    // 16 racks each of 18 trays × 4 NICs: GB300 (ConnectX-8, 800G) and VR NVL144 (ConnectX-9 class, 1.6T), both on
    // the 144 × 800G Q3400. Hand derivation, leaf 72 down / 72 up, SU 72 trays (4 racks), 4 SUs:
    //   GB300: 4 ports per tray → 1,152 node links, 4 leaves per SU → 16 leaves, 16 × 72 = 1,152 leaf-spine links.
    //   VR:    1.6T = 2 × 800G → 8 ports per tray → 2,304 node links, 8 leaves per SU → 32 leaves, 2,304 leaf-spine links.
    const gb = ok('gb300-nvl72', { units: 16 }, { detail: 'counts' });
    const vr = ok('vr-nvl144', { units: 16 }, { detail: 'counts' });
    expect(gb.switch.id).toBe('quantum-x800-q3400');
    expect(vr.switch.id).toBe('quantum-x800-q3400');
    expect(gb.ports.nodes).toBe(vr.ports.nodes);
    expect(gb.fabric.links.nodeLeaf).toBe(1152);
    expect(vr.fabric.links.nodeLeaf).toBe(2304);
    expect(gb.fabric.switches.leaf).toBe(16);
    expect(vr.fabric.switches.leaf).toBe(32);
    const portsUsed = (e: ClusterEvaluation) => e.fabric.tierDetail.reduce((s, t) => s + t.portsUsed, 0);
    expect(portsUsed(vr)).toBe(2 * portsUsed(gb));
    expect(vr.portMapping).toMatchObject({ nicPortGbps: 1600, switchPortGbps: 800, switchPortsPerNicPort: 2 });
    expect(gb.portMapping).toMatchObject({ nicPortGbps: 800, switchPortGbps: 800, switchPortsPerNicPort: 1 });
    // Spines by the divisor rule: GB300 ⌈16·72/144⌉ = 8 divides 72 → 8; VR ⌈32·72/144⌉ = 16 does not, 18 does → 18.
    expect(gb.fabric.switches.spine).toBe(8);
    expect(vr.fabric.switches.spine).toBe(18);
  });

  it('a switch with 1.6T ports takes a 1.6T NIC port on one port (Tomahawk 6: 64 × 1.6T)', () => {
    const vr = ok('vr-nvl144', { units: 16, switchId: 'tomahawk-6-128x800' }, { detail: 'counts' });
    expect(vr.portMapping).toMatchObject({ switchPortGbps: 1600, switchPortsPerNicPort: 1, logicalPortsPerSwitch: 64 });
    expect(vr.fabric.links.nodeLeaf).toBe(1152);
    expect(vr.linkGbps).toBe(1600);
  });

  it('breakout port counts follow each switch’s SerDes: radix × native speed ÷ port speed', () => {
    // SN5600 and Tomahawk 5: 64 × 800G = 128 × 400G = 256 × 200G (= 512 × 100G); Tomahawk 6: 64 × 1.6T = 128 × 800G
    // = 256 × 400G = 512 × 200G; QM9700: 64 × 400G = 128 × 200G (sources in presets/network/switches.json).
    const expected: Record<string, Record<number, number>> = {
      'spectrum-4-sn5600': { 800: 64, 400: 128, 200: 256, 100: 512 },
      'tomahawk-5-64x800': { 800: 64, 400: 128, 200: 256, 100: 512 },
      'tomahawk-6-128x800': { 1600: 64, 800: 128, 400: 256, 200: 512 },
      'quantum-2-qm9700': { 400: 64, 200: 128 },
      'quantum-x800-q3400': { 800: 144 },
    };
    for (const [id, byGbps] of Object.entries(expected)) {
      expect(portSpeedsOf(sw(id)).sort((a, b) => a - b)).toEqual(Object.keys(byGbps).map(Number).sort((a, b) => a - b));
      for (const [gbps, ports] of Object.entries(byGbps)) expect(portsAtSpeed(sw(id), Number(gbps)), `${id} at ${gbps}G`).toBe(ports);
    }
  });

  it('400G NICs on an 800G switch run its ports as 2 × 400G and say so (GB200 on SN5600: 128 ports per switch)', () => {
    const e = ok('gb200-nvl72', { units: 4, switchId: 'spectrum-4-sn5600' }, { detail: 'counts' });
    expect(e.portMapping).toMatchObject({ switchPortGbps: 400, logicalPortsPerSwitch: 128, portsPerNativePort: 2 });
    expect(e.fabric.logicalRadix).toBe(128);
    expect(e.issues.find((i) => i.code === 'fabric_breakout')?.message).toContain('runs as 2 × 400G');
  });

  it('a port speed the switch cannot break out to is refused with a typed issue', () => {
    const q = evaluateCluster(gen('gb300-nvl72'), net, { units: 4, switchId: 'quantum-x800-q3400', portGbps: 400 });
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.error).toMatchObject({ code: 'fabric_port_speed_unsupported', severity: 'error', path: ['fabric', 'portGbps'], actual: 400 });
    const odd = evaluateCluster(gen('gb300-nvl72'), net, { units: 4, switchId: 'spectrum-4-sn5600', portGbps: 300 });
    expect(!odd.ok && odd.error.code).toBe('fabric_port_speed_unsupported');
    expect(mapNicPorts(sw('spectrum-4-sn5600'), 800, 1, 300)).toBeNull();
  });

  it('rackplan fabric --switch X --port-gbps S uses the breakout’s port count, and refuses a speed X lacks', async () => {
    // Before: --port-gbps 400 on the SN5600 kept 64 ports. 64 × 800G = 128 × 400G.
    const r = await cli('fabric', '--nodes', '64', '--gpus-per-node', '8', '--switch', 'spectrum-4-sn5600', '--port-gbps', '400', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).logicalRadix).toBe(128);
    const bad = await cli('fabric', '--nodes', '64', '--gpus-per-node', '8', '--switch', 'quantum-x800-q3400', '--port-gbps', '400');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--port-gbps: one of 800 (the port speeds of quantum-x800-q3400)');
  });

  it('a NIC port spreads over at most 8 switch ports (its lanes); faster than that it runs on one port, flagged', () => {
    // 800G on 100G ports: 8 ports (the 8 lanes of the OSFP); on a 10G custom switch 80 would be needed: one, mismatched.
    expect(mapNicPorts(sw('spectrum-4-sn5600'), 800, 1, 100)).toMatchObject({ switchPortsPerNicPort: 8, speedsMatch: true });
    expect(mapNicPorts(customSwitchModel({ radix: 4, portGbps: 10, watts: null }), 800)).toMatchObject({ switchPortGbps: 10, switchPortsPerNicPort: 1, speedsMatch: false });
  });

  it('every output states the port speed and count used', async () => {
    const t = await cli('cables', 'vr-nvl144', '--racks', '16');
    expect(t.out).toContain('ports: 4 × 1,600G NIC ports per node → 8 × 800G switch ports (native 800G ports, 144 per switch)');
    const j = JSON.parse((await cli('fabric', 'vr-nvl144', '--units', '16', '--json')).out);
    expect(j.portMapping).toMatchObject({ nicPortGbps: 1600, nicPortsPerNode: 4, switchPortGbps: 800, switchPortsPerNode: 8 });
  });
});

describe('oversubscription per tier', () => {
  it('reproduces Meta’s 24K-GPU RoCE cluster: 16-GPU racks on one ToR, 192-rack pods of 3,072 GPUs, 8 pods, 1:7 at aggregation', () => {
    // Llama 3 paper (arXiv 2407.21783, §3.3.1): each rack's 16 GPUs (two servers) on one ToR; 192 racks form a pod
    // of 3,072 GPUs with full bisection; 8 pods form the 24K cluster through aggregation switches at 1:7.
    // Modelled: a 32 × 400G ToR at 1:1 (16 down, 16 up), node leaf grouping with an SU of one rack (2 nodes),
    // cluster switches of 220 ports at 7:1. Hand derivation:
    //   spine split: ⌊220·7/8⌋ = 192 down, ⌈192/7⌉ = 28 up → a pod is 192 ToRs; 1,536 ToRs → 8 pods (3 tiers:
    //   1,536 leaves exceed one spine's 220 ports); spines 8 pods × 16 = 128; cores: g = smallest divisor of 28 with
    //   g·220 ≥ 8·28 → 2, so 16 × 2 = 32. Spine ratio 192/28 = 6.86 (the whole-uplink form of 1:7).
    const f = sizeFabric({ nodes: 3072, rails: 8, radix: 32, portGbps: 400, leafGrouping: 'node', suNodes: 2, spineRadix: 220, spineOversubscription: 7 });
    expect(f.tiers).toBe(3);
    expect(f.switches.leaf).toBe(1536);
    expect(f.pods).toBe(8);
    expect(f.tierDetail[1]!.downlinksPerSwitch * 16).toBe(3072); // 192 ToRs × 16 GPUs per pod
    expect(f.switches.spine).toBe(128);
    expect(f.switches.core).toBe(32);
    expect(f.spineOversubscription).toBeCloseTo(192 / 28, 10);
    expect(f.tierDetail[0]!.blockingRatio).toBe(1);
    expect(f.tierDetail[1]!.blockingRatio).toBeCloseTo(24576 / (128 * 28), 10);
    // Bisection is set by the aggregation tier: half of 3,584 links × 400G.
    expect(f.bisectionGbps).toBe((3584 * 400) / 2);
  });

  it('spine oversubscription 1 leaves the fat tree exactly as before (k/2 down, k/2 up)', () => {
    const a = sizeFabric({ nodes: 2048, rails: 8, radix: 64, portGbps: 400, suNodes: 32 });
    const b = sizeFabric({ nodes: 2048, rails: 8, radix: 64, portGbps: 400, suNodes: 32, spineOversubscription: 1, spineRadix: 64 });
    expect(b.switches).toEqual(a.switches);
    expect(b.tierDetail[1]!.oversubscription).toBe(1);
  });

  it('--oversubscription leaf=1,spine=3 reaches the spines; a bad tier is an input error', async () => {
    // 200 GB300 NVL72 at three tiers: spines 144 ports at 3:1 → 108 down, 36 up (hand split of 144 at 3).
    const j = JSON.parse((await cli('fabric', 'gb300-nvl72', '--units', '200', '--oversubscription', 'leaf=1,spine=3', '--tiers', '3', '--json')).out);
    expect(j.tierDetail[1]).toMatchObject({ tier: 'spine', uplinksPerSwitch: 36, oversubscription: 3 });
    const bad = await cli('fabric', 'gb300-nvl72', '--units', '2', '--oversubscription', 'core=2');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('leaf=X,spine=Y');
  });
});

describe('extra endpoints on the compute fabric', () => {
  it('appliance ports take service leaves, leaf ports and cables', () => {
    // 16 GB300 racks (16 leaves, 72 down / 72 up) + UFM 4 + storage 16 = 20 ports → ⌈20/72⌉ = 1 service leaf;
    // node links 1,152 + 20; leaf-spine 17 × 72 = 1,224; spines: ⌈17·72/144⌉ = 9 divides 72 → 9.
    const e = ok('gb300-nvl72', { units: 16, extraEndpoints: [{ name: 'ufm', ports: 4 }, { name: 'storage', ports: 16 }] });
    expect(e.fabric.switches.leaf).toBe(17);
    expect(e.fabric.serviceLeaves).toBe(1);
    expect(e.fabric.links.nodeLeaf).toBe(1172);
    expect(e.fabric.links.leafSpine).toBe(1224);
    expect(e.fabric.switches.spine).toBe(9);
    const rows = [...cableSchedule(e.plan!, net)];
    expect(rows).toHaveLength(e.fabric.links.total);
    const appliance = rows.filter((r) => /^(ufm|storage)\d+$/.test(r.aDevice));
    expect(appliance).toHaveLength(20);
    expect(new Set(appliance.map((r) => r.bDevice))).toEqual(new Set(['leaf-17']));
    expect(appliance.map((r) => Number(r.bPort)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('rackplan cables --extra-endpoints names the groups in the schedule and the counts', async () => {
    const j = JSON.parse((await cli('cables', 'gb300-nvl72', '--racks', '16', '--extra-endpoints', 'ufm=4,storage=16', '--json')).out);
    expect(j.fabric).toMatchObject({ extraEndpoints: 20, serviceLeaves: 1 });
    expect(j.extraEndpointGroups).toEqual([{ name: 'ufm', ports: 4 }, { name: 'storage', ports: 16 }]);
    expect(j.byTier.nodeLeaf).toBe(1172);
  });
});

describe('topologies: rail-optimized, top-of-rack, row', () => {
  it('top-of-rack: one leaf in every rack takes all its ports (18 trays × 4 = 72 ports = one leaf’s downlinks)', () => {
    const e = ok('gb300-nvl72', { units: 16, topology: 'tor' });
    expect(e.fabric.switches.leaf).toBe(16);
    const nodeLeaf = [...cableSchedule(e.plan!, net)].filter((r) => r.tier === 'node-leaf');
    expect(nodeLeaf.every((r) => r.aRack === r.bRack)).toBe(true);
    expect(new Set(nodeLeaf.filter((r) => r.aRack === 'C3').map((r) => r.bDevice)).size).toBe(1);
  });

  it('row: a row’s ports over its end-of-row leaves, at least a pair, a node’s ports spread over them', () => {
    // One GB300 rack: 72 ports; a pair of leaves takes 36 each (round robin), the tray's 4 ports alternate leaves.
    const one = ok('gb300-nvl72', { units: 1, topology: 'row' });
    expect(one.fabric.switches.leaf).toBe(2);
    const rows = [...cableSchedule(one.plan!, net)].filter((r) => r.tier === 'node-leaf');
    expect(new Set(rows.filter((r) => r.aDevice === 'node1').map((r) => r.bDevice))).toEqual(new Set(['leaf-1', 'leaf-2']));
    expect(rows.filter((r) => r.bDevice === 'leaf-1')).toHaveLength(36);
    expect(rows[0]!.bRack).toMatch(/^N1E/);
    // 16 racks in one row of 16: 1,152 ports ÷ 72 = 16 leaves.
    expect(ok('gb300-nvl72', { units: 16, topology: 'row' }).fabric.switches.leaf).toBe(16);
  });

  it('the comparison shows each topology’s switches, optics, cables, watts and capex for the same cluster', () => {
    const prices = { switchUsd: 200_000, transceiverUsd: 1_250 };
    const rows = compareTopologies(gen('gb300-nvl72'), net, { units: 16 }, {}, prices);
    expect(rows.map((r) => r.topology)).toEqual(['rail', 'tor', 'row']);
    for (const r of rows) {
      expect(r.error).toBeNull();
      expect(r.links).toBe(2304);
      expect(r.capexUsd).toBe(r.switches.total * prices.switchUsd + r.transceiverModules * prices.transceiverUsd);
      expect(r.powerKw!.total).toBeGreaterThan(0);
    }
    const [rail, tor] = rows;
    // In the rack the node links are copper: no node-side or leaf-downlink optics.
    expect(tor!.transceiverModules).toBeLessThan(rail!.transceiverModules);
    expect(tor!.copperKm!).toBeGreaterThan(rail!.copperKm!);
  });

  it('rackplan fabric --compare-topologies --json lists the three', async () => {
    const j = JSON.parse((await cli('fabric', 'gb300-nvl72', '--units', '16', '--compare-topologies', '--json')).out);
    expect(j.topologies.map((t: { topology: string }) => t.topology)).toEqual(['rail', 'tor', 'row']);
    expect(j.topologies[1].switches.leaf).toBe(16);
  });
});

describe('every network in the schedule', () => {
  const cases: [string, ClusterDesign][] = [
    ['gb300-nvl72', { units: 16, cdus: 3 }],
    ['dgx-b200', { units: 32, topology: 'tor' }],
    ['vr-nvl144', { units: 8, extraEndpoints: [{ name: 'ufm', ports: 2 }] }],
  ];
  for (const [id, design] of cases) {
    it(`${id}: rows per network = its links, every port at most once, every row's two ends exist`, () => {
      const e = ok(id, design, { detail: 'cabling' });
      const links = scheduleLinks(e);
      const perNetwork: Record<string, number> = {};
      const ports = new Set<string>();
      const devices: Record<string, Set<string>> = {};
      for (const r of fullSchedule(e, net)) {
        perNetwork[r.network] = (perNetwork[r.network] ?? 0) + 1;
        for (const [rack, dev, port] of [[r.aRack, r.aDevice, r.aPort], [r.bRack, r.bDevice, r.bPort]] as const) {
          expect(rack && dev && port, r.cableId).toBeTruthy();
          const key = `${dev}:${port}`;
          expect(ports.has(key), `${key} used twice (${r.cableId})`).toBe(false);
          ports.add(key);
          (devices[r.network] ??= new Set()).add(dev);
        }
        expect(r.aDevice).not.toBe(r.bDevice);
      }
      for (const n of SCHEDULE_NETWORKS) expect(perNetwork[n] ?? 0, n).toBe(links[n]);
      // The switch ends are exactly the switches the counts name (no row points at a switch that is not counted).
      const named = (n: string, re: RegExp) => [...(devices[n] ?? [])].filter((d) => re.test(d)).length;
      expect(named('compute', /^leaf-/)).toBe(e.counts.switches.leaf);
      expect(named('compute', /^spine-/)).toBe(e.counts.switches.spine);
      if (e.frontEnd) expect(named('frontend', /^fe-(leaf|spine|core)-/)).toBe(e.frontEnd.fabric.switches.total);
      if (e.storage) expect(named('storage', /^st-(leaf|spine|core)-/)).toBe(e.storage.fabric.switches.total);
      expect(named('oob', /^oob-(?!agg)/)).toBe(e.oob!.accessSwitches);
      expect(named('oob', /^oob-agg-/)).toBe(e.oob!.aggregationSwitches);
    });
  }

  it('the other networks use the compute fabric’s header and name their network; parts are in their own columns', () => {
    const e = ok('dgx-b200', { units: 8 }, { detail: 'cabling' });
    const st: CableRow = networkSchedule(e, net, 'storage').next().value as CableRow;
    expect(st.network).toBe('storage');
    const optical = [...networkSchedule(e, net, 'compute')].find((r) => r.media === 'mmf' || r.media === 'smf')!;
    const medium = net.cables.find((c) => c.kind === optical.media && c.partNumber === optical.partNumber);
    expect(medium, 'part_number is the fiber’s own part').toBeDefined();
    expect(net.transceivers.some((t) => t.partNumber === optical.aTransceiver)).toBe(true);
    expect(net.transceivers.some((t) => t.partNumber === optical.bTransceiver)).toBe(true);
  });

  it('at 131,072 GPUs the full schedule of every network streams in bounded memory', () => {
    // 1,821 GB300 NVL72 racks (131,112 GPUs): holding ~700k rows would need > 150 MB.
    const e = ok('gb300-nvl72', { units: 1821 }, { detail: 'cabling' });
    const links = scheduleLinks(e);
    let rows = 0;
    let early = 0;
    let peak = 0;
    for (const r of fullSchedule(e, net)) {
      rows++;
      if (rows === 100_000) early = process.memoryUsage().heapUsed;
      if (rows > 100_000 && (rows & 32767) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (!r.cableId) throw new Error('row without id');
    }
    expect(rows).toBe(links.total);
    expect(links.frontend).toBeGreaterThan(0);
    expect(links.oob).toBeGreaterThan(0);
    expect((peak - early) / 1e6).toBeLessThan(64);
  }, 120_000);
});

describe('schedule properties over random clusters (fast-check)', () => {
  it('any generation, size, topology, per-tier ratio, breakout and appliance ports: rows per network = links, each port once, finite figures', () => {
    const ids = catalog.generations.filter((g) => g.components.some((c) => (c.ports.scaleOut?.count ?? 0) > 0)).map((g) => g.id);
    fc.assert(
      fc.property(
        fc.record({
          id: fc.constantFrom(...ids),
          units: fc.integer({ min: 1, max: 24 }),
          topology: fc.constantFrom('rail' as const, 'tor' as const, 'row' as const),
          oversubscription: fc.constantFrom(1, 1, 2, 3),
          spineOversubscription: fc.constantFrom(1, 1, 3, 7),
          tiers: fc.constantFrom('auto' as const, 'auto' as const, 3 as const),
          switchId: fc.constantFrom(undefined, 'spectrum-4-sn5600', 'tomahawk-6-128x800', 'quantum-2-qm9700'),
          extra: fc.constantFrom(0, 0, 3, 40),
          cdus: fc.constantFrom(0, 2),
        }),
        (x) => {
          const r = evaluateCluster(gen(x.id), net, {
            units: x.units,
            topology: x.topology,
            oversubscription: x.oversubscription,
            spineOversubscription: x.spineOversubscription,
            tiers: x.tiers,
            switchId: x.switchId,
            extraEndpoints: x.extra ? [{ name: 'app', ports: x.extra }] : undefined,
            cdus: x.cdus,
          }, { detail: 'cabling' });
          if (!r.ok) return; // e.g. a generation without scale-out ports on this switch: an issue, checked elsewhere
          const e = r.value;
          expect(findNonFinite(e.counts)).toBeUndefined();
          const links = scheduleLinks(e);
          const seen = new Set<string>();
          const per: Record<string, number> = {};
          for (const row of fullSchedule(e, net)) {
            per[row.network] = (per[row.network] ?? 0) + 1;
            for (const end of [`${row.aDevice}:${row.aPort}`, `${row.bDevice}:${row.bPort}`]) {
              expect(seen.has(end), end).toBe(false);
              seen.add(end);
            }
          }
          for (const n of SCHEDULE_NETWORKS) expect(per[n] ?? 0, n).toBe(links[n]);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

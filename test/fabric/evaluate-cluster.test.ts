/**
 * evaluateCluster: the one cluster-fabric pipeline. Expected counts are derived by hand from the fat-tree rules
 * (src/core/fabric/fat-tree.ts module comment) or read from NVIDIA's DGX SuperPOD tables, never from our output.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { evaluateCluster, fabricCount, type ClusterDesign, type ClusterEvaluation } from '../../src/core/fabric/evaluate-cluster';
import { maxEndpointsFor } from '../../src/core/fabric/fat-tree';
import { defaultSwitch } from '../../src/core/fabric/switch-choice';
import type { NetworkCatalog } from '../../src/core/fabric/types';
import { switchDefaultProblems } from '../../src/schema/network';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { networkSchedule } from '../../src/core/fabric/network-schedule';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const gen = (id: string) => catalog.generations.find((g) => g.id === id)!;

function ok(id: string, design: ClusterDesign, opts: Parameters<typeof evaluateCluster>[3] = {}): ClusterEvaluation {
  const r = evaluateCluster(gen(id), net, design, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('default switch: from the catalog, by role and NIC speed', () => {
  it('800G NICs get the XDR switch, 400G and 200G the NDR switch (SuperPOD B300-XDR and B200 reference architectures)', () => {
    expect(defaultSwitch(net, 'scale-out', 800)?.switch.id).toBe('quantum-x800-q3400');
    expect(defaultSwitch(net, 'scale-out', 1600)?.switch.id).toBe('quantum-x800-q3400');
    expect(defaultSwitch(net, 'scale-out', 400)?.switch.id).toBe('quantum-2-qm9700');
    expect(defaultSwitch(net, 'scale-out', 200)?.switch.id).toBe('quantum-2-qm9700');
    expect(defaultSwitch(net, 'front-end', 400)?.switch.id).toBe('spectrum-4-sn5600');
    expect(defaultSwitch(net, 'storage', 400)?.switch.id).toBe('spectrum-4-sn5600');
    expect(defaultSwitch(net, 'oob', 1)?.switch.id).toBe('oob-1g-48');
  });

  it('every default carries a source', () => {
    for (const s of net.switches) for (const d of s.defaultFor ?? []) expect(d.sources.length).toBeGreaterThan(0);
  });

  it('the schema refuses a gap or an overlap in the NIC-speed ranges', () => {
    const withDefaults = (edit: (s: NetworkCatalog['switches'][number]) => NetworkCatalog['switches'][number]) => net.switches.map(edit) as unknown as Parameters<typeof switchDefaultProblems>[0];
    expect(switchDefaultProblems(withDefaults((s) => s))).toEqual([]);
    const gap = withDefaults((s) => (s.id === 'quantum-2-qm9700' ? { ...s, defaultFor: [{ ...s.defaultFor![0]!, belowNicGbps: 400 }] } : s));
    expect(switchDefaultProblems(gap)).toEqual(['scale-out defaults: NIC speeds from 400 to 800 Gb/s have no default']);
    const overlap = withDefaults((s) => (s.id === 'quantum-x800-q3400' ? { ...s, defaultFor: [{ ...s.defaultFor![0]!, minNicGbps: 400 }] } : s));
    expect(switchDefaultProblems(overlap)[0]).toMatch(/scale-out defaults: NIC speeds from 800 to 400 Gb\/s have two/);
    const none = withDefaults((s) => (s.id === 'oob-1g-48' ? { ...s, defaultFor: undefined } : s));
    expect(switchDefaultProblems(none)).toEqual(['no switch is the default for the oob role (add defaultFor to one switch)']);
  });

  it('the result names the switch and why', () => {
    const e = ok('gb300-nvl72', { units: 120 });
    expect(e.switchChoice).toMatchObject({ id: 'quantum-x800-q3400', reason: 'catalog-default' });
    expect(e.switchChoice.why).toContain('800G');
    const picked = ok('gb300-nvl72', { units: 120, switchId: 'spectrum-4-sn5600' });
    expect(picked.switchChoice).toMatchObject({ id: 'spectrum-4-sn5600', reason: 'user' });
    const custom = ok('gb300-nvl72', { units: 120, customSwitch: { radix: 64, portGbps: 800, watts: 2000 } });
    expect(custom.switchChoice.reason).toBe('custom');
    expect(custom.switchWattsSource).toBe('catalog');
  });
});

describe('counts, derived by hand', () => {
  it('120 GB300 NVL72 (8,640 GPUs) on Q3400: 120 leaf + 72 spine in 2 tiers', () => {
    // 18 compute trays per rack × 120 = 2,160 nodes, 4 rails of 800G → 8,640 endpoints. Radix 144, non-blocking:
    // d = u = 72. SU = ⌊72 ÷ 18 trays⌋ × 18 = 72 nodes (4 racks), one leaf per rail per SU → 30 SUs × 4 = 120 leaves.
    // Spines: smallest divisor s of 72 with 144·s ≥ 120 × 72 = 8,640 → s ≥ 60 → 72. Links 8,640 + 8,640.
    const e = ok('gb300-nvl72', { units: 120 });
    expect(e.ports.accelerators).toBe(8640);
    expect(e.counts).toMatchObject({ endpoints: 8640, tiers: 2, clusters: 1, switches: { leaf: 120, spine: 72, core: 0, total: 192 }, links: 17280 });
    expect(e.breakout).toBe(1);
  });

  it('DGX B200, 4 SUs (128 nodes): 32 leaf + 16 spine, the SuperPOD B200 table (4 SUs: 32 leaf, 16 spine)', () => {
    // https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-b200/latest/network-fabrics.html
    // Table 4 (127 nodes: one slot of the 4th SU holds UFM; the fabric is built for the whole SU).
    const e = ok('dgx-b200', { units: 32 });
    expect(e.ports.nodes).toBe(128);
    expect(e.switchChoice.id).toBe('quantum-2-qm9700');
    expect(e.counts.switches).toMatchObject({ leaf: 32, spine: 16, core: 0 });
  });

  it('200G NICs on 400G ports run as 2 × 200G breakouts (Trn2: 32 nodes × 16 rails → 16 leaf + 8 spine)', () => {
    // Logical radix 64 × 2 = 128 at 200G: d = u = 64. 32 nodes fit one SU: one leaf per rail → 16 leaves, each with
    // 64 uplinks; spines: smallest divisor s of 64 with 128·s ≥ 16 × 64 = 1,024 → 8.
    const e = ok('trn2-server', { units: 16 });
    expect(e.breakout).toBe(2);
    expect(e.linkGbps).toBe(200);
    expect(e.fabric.logicalRadix).toBe(128);
    expect(e.counts.switches).toMatchObject({ leaf: 16, spine: 8, core: 0, total: 24 });
    expect(e.issues.find((i) => i.code === 'fabric_breakout')?.message).toContain('2 × 200G');
    expect(e.issues.some((i) => i.code === 'fabric_speed_mismatch')).toBe(false);
  });

  it('a NIC faster than the switch port takes several ports, and says so (VR NVL144 1.6T NICs on 800G ports: 2 each)', () => {
    const e = ok('vr-nvl144', { units: 10 });
    expect(e.portMapping).toMatchObject({ nicPortGbps: 1600, switchPortGbps: 800, switchPortsPerNicPort: 2, speedsMatch: true });
    expect(e.issues.find((i) => i.code === 'fabric_nic_spans_ports')?.message).toBe('each 1600G NIC port takes 2 × 800G ports of NVIDIA Quantum-X800 Q3400-RA (XDR InfiniBand, 144 × 800G): 8 switch ports per node');
    expect(e.issues.some((i) => i.code === 'fabric_speed_mismatch')).toBe(false);
  });
});

describe('clusters beyond three tiers are split into equal fabrics', () => {
  it('every part fits three tiers; parts cover every node; counts are the sum of the parts', () => {
    // A 16-port custom switch keeps three tiers small: the split must appear well below plan scale.
    const design: ClusterDesign = { units: 400, customSwitch: { radix: 16, portGbps: 800, watts: 1000 } };
    const e = ok('gb300-nvl72', design, { detail: 'counts' });
    const nodes = 400 * 18;
    expect(e.parts.length).toBeGreaterThan(1);
    expect(e.parts.reduce((s, p) => s + p.nodes, 0)).toBe(nodes);
    const cap = maxEndpointsFor({ nodes, rails: 4, radix: 16, portGbps: 800, suNodes: e.fabric.suNodes }, 3);
    const perPart = Math.floor(cap / 4);
    expect(e.parts.length).toBe(Math.ceil(nodes / perPart));
    for (const p of e.parts) {
      expect(p.nodes).toBeLessThanOrEqual(perPart);
      expect(p.fabric.tiers).toBeGreaterThan(0); // the last, smaller part may need fewer tiers
    }
    expect(e.parts[0]!.fabric.tiers).toBe(3);
    expect(e.counts.clusters).toBe(e.parts.length);
    expect(e.counts.switches.total).toBe(e.parts.reduce((s, p) => s + p.fabric.switches.total, 0));
    expect(e.counts.switchPowerW).toBe(e.counts.switches.total * 1000);
    expect(e.issues.find((i) => i.code === 'fabric_split')?.message).toContain(`split into ${e.parts.length} independent fabrics`);
    expect(fabricCount(gen('gb300-nvl72'), net, design)).toBe(e.parts.length);
    expect(fabricCount(gen('gb300-nvl72'), net, { units: 120 })).toBe(1);
  });

  it('a user who caps the tiers gets no design and an issue, not a split', () => {
    const e = ok('gb300-nvl72', { units: 400, tiers: 2, customSwitch: { radix: 16, portGbps: 800, watts: 1000 } }, { detail: 'counts' });
    expect(e.parts.length).toBe(1);
    expect(e.counts.tiers).toBe(0);
    expect(e.issues.some((i) => i.code === 'fabric_exceeds_tiers')).toBe(true);
  });
});

describe('detail levels and power', () => {
  it('counts-only (the plan) and the full summary (the Fabric view, cables) give the same fabric counts', () => {
    const a = ok('gb300-nvl72', { units: 120 }, { detail: 'counts' });
    const b = ok('gb300-nvl72', { units: 120 }, { detail: 'summary' });
    expect(a.counts).toEqual(b.counts);
    expect(a.plan).toBeNull();
    expect(b.summary?.links).toBe(17280);
    expect(b.oob?.ports).toBeGreaterThan(0);
  });

  it('a switch without catalog watts is counted at the caller’s estimate, and says so', () => {
    const unknown = ok('gb300-nvl72', { units: 120 }, { detail: 'counts' });
    expect(unknown.switchWattsSource).toBe('unknown');
    expect(unknown.powerKw.switches).toBe(0);
    const est = ok('gb300-nvl72', { units: 120 }, { detail: 'counts', switchWattsIfUnknown: { watts: 2000, source: 'test estimate' } });
    expect(est.switchWattsSource).toBe('estimate');
    expect(est.powerKw.switches).toBe((192 * 2000) / 1000);
    expect(est.issues.find((i) => i.code === 'fabric_switch_power_estimated')?.message).toContain('2000 W per switch (test estimate)');
  });

  it('front-end and storage use the catalog default Ethernet switch with 800G ports as 2 × 400G', () => {
    const e = ok('dgx-b200', { units: 32 });
    expect(e.storage?.switch.id).toBe('spectrum-4-sn5600');
    expect(e.storage?.breakout).toBe(2);
    expect(e.storage?.fabric.logicalRadix).toBe(128);
  });

  it('errors come back as issues: unknown switch, no scale-out ports', () => {
    const bad = evaluateCluster(gen('gb300-nvl72'), net, { units: 1, switchId: 'nope' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'unknown_switch', severity: 'error', path: ['fabric', 'switchId'] });
    const zero = evaluateCluster(gen('gb300-nvl72'), net, { units: 0 });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error).toMatchObject({ code: 'fabric_invalid_input', path: ['fabric', 'units'], actual: 0 });
    const none = evaluateCluster(gen('inf2-server'), net, { units: 1 });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('no_scale_out_ports');
  });

  it('does not mutate its inputs', () => {
    const design = Object.freeze({ units: 12, layout: Object.freeze({ racksPerRow: 8 }) });
    expect(() => evaluateCluster(gen('gb300-nvl72'), net, design)).not.toThrow();
    expect(design).toEqual({ units: 12, layout: { racksPerRow: 8 } });
  });
});

describe('every generation on every scale-out switch', () => {
  it('finite, whole counts; switches at least the leaves; the default and a pick agree when the pick is the default', () => {
    const switches = [undefined, ...net.switches.filter((s) => s.roles.includes('scale-out')).map((s) => s.id)];
    const finite = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : v && typeof v === 'object' ? Object.values(v).every(finite) : true);
    for (const g of catalog.generations) {
      for (const units of [1, 7, 120, 5000]) {
        for (const switchId of switches) {
          const r = evaluateCluster(g, net, { units, switchId }, { detail: units <= 7 ? 'summary' : 'counts' });
          if (!r.ok) {
            expect(r.error.code).toBe('no_scale_out_ports');
            continue;
          }
          const e = r.value;
          expect(finite(e.counts) && finite(e.powerKw), `${g.id} × ${units} on ${switchId ?? 'default'}`).toBe(true);
          expect(Number.isInteger(e.counts.switches.total)).toBe(true);
          if (e.counts.tiers > 0) expect(e.counts.switches.total).toBeGreaterThanOrEqual(e.counts.switches.leaf);
          if (switchId === e.switchChoice.id && switchId !== undefined) {
            const d = evaluateCluster(g, net, { units }, { detail: 'counts' });
            if (d.ok && d.value.switchChoice.id === switchId) expect(e.counts).toEqual(d.value.counts);
          }
        }
      }
    }
  });
});

describe('node-side modules: one per NIC cage, as the rack report counts them', () => {
  // A module sits in one NIC cage and carries every port of it: DGX B200's 8 × 400G ports sit behind 4 twin-port
  // OSFP cages (portsPerCage 2, NVIDIA DGX B200 user guide), so 4 modules per system and 16 per 4-system rack; a
  // GB300 compute tray has 4 single-port 800G CX-8 cages (4 modules); a VR compute tray 4 single-port 1.6T cages
  // (4 modules, each carrying the 2 × 800G switch links of its port). Hand count per unit: DGX B200 4 × 4 = 16,
  // GB300 NVL72 18 × 4 = 72, VR NVL144 18 × 4 = 72.
  const perUnit: Record<string, number> = { 'dgx-b200': 16, 'gb300-nvl72': 72, 'vr-nvl144': 72 };
  for (const [id, modules] of Object.entries(perUnit)) {
    it(`${id}: per-unit modules × units = the cluster's node-side modules`, () => {
      expect(evaluateUnit(gen(id), {}, catalog).cabling.scaleOutModules).toBe(modules);
      for (const units of [1, 8, 64]) {
        const e = ok(id, { units });
        const nodeModules = e.parts.reduce((s, p) => s + p.fabric.transceivers.node, 0);
        expect(nodeModules, `${id} × ${units}`).toBe(modules * units);
      }
    });
  }

  it('dgx-b200: the node-side optics are twin-port modules (2 links each), not one module per link', () => {
    const e = ok('dgx-b200', { units: 8 }, { detail: 'cabling' });
    const nodeEnds = new Map<string, number>();
    for (const r of networkSchedule(e, net, 'compute')) {
      if (r.tier === 'node-leaf' && r.choice?.aModule) nodeEnds.set(r.choice.aModule.id, (nodeEnds.get(r.choice.aModule.id) ?? 0) + 1);
    }
    expect(nodeEnds.size).toBeGreaterThan(0);
    for (const id of nodeEnds.keys()) expect(net.transceivers.find((t) => t.id === id)?.linksPerModule, id).toBe(2);
  });
});

/** Property tests (fast-check) for fabric sizing and the cable schedule. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxEndpointsFor, sizeFabric, type FabricInput } from '../../src/core/fabric/fat-tree';
import { cableSchedule, planCabling } from '../../src/core/fabric/cabling';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { findNonFinite } from '../../src/cli/output';

const cat = loadNetworkCatalog();

const inputArb = fc.record({
  nodes: fc.integer({ min: 1, max: 5000 }),
  rails: fc.integer({ min: 1, max: 8 }),
  radix: fc.integer({ min: 2, max: 64 }).map((x) => 2 * x),
  portGbps: fc.constantFrom(100, 200, 400, 800),
  planes: fc.constantFrom(1, 1, 2),
  oversubscription: fc.constantFrom(1, 1, 1.5, 2, 3),
  spineDesign: fc.constantFrom('full' as const, 'rail' as const),
  tiers: fc.constantFrom('auto' as const, 'auto' as const, 2 as const, 3 as const),
  suFactor: fc.constantFrom(0, 0.5, 1, 2, 3),
});

type Drawn = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(x: Drawn): FabricInput {
  const k = x.radix * x.planes;
  const d = Math.floor((k * x.oversubscription) / (x.oversubscription + 1));
  const suNodes = x.suFactor === 0 ? undefined : Math.max(1, Math.round(d * x.suFactor));
  return { nodes: x.nodes, rails: x.rails, radix: x.radix, portGbps: x.portGbps, planes: x.planes, oversubscription: x.oversubscription, spineDesign: x.spineDesign, tiers: x.tiers, suNodes, switchPowerW: 900, switchModulePowerW: 17, nodeModulePowerW: 9 };
}

describe('fabric sizing properties', () => {
  it('whole numbers everywhere, finite JSON, ports never over-used, every link has two ends', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = toInput(x);
        const f = sizeFabric(input);
        expect(findNonFinite(f)).toBeUndefined();
        if (f.tiers === 0) {
          expect(f.issues.some((i) => i.code === 'fabric_exceeds_tiers')).toBe(true);
          return;
        }
        for (const v of [...Object.values(f.switches), ...Object.values(f.links), ...Object.values(f.cables), ...Object.values(f.transceivers)]) expect(Number.isInteger(v)).toBe(true);
        for (const t of f.tierDetail) {
          expect(t.portsFree).toBeGreaterThanOrEqual(0);
          expect(t.portsUsed).toBeLessThanOrEqual(t.switches * t.radix);
          expect(Number.isInteger(t.downlinksPerSwitch)).toBe(true);
        }
        // Both ends of every link sit on a port: leaf ports = node links + uplinks; spine ports = leaf links + core links.
        expect(f.tierDetail[0]!.portsUsed).toBe(f.links.nodeLeaf + f.links.leafSpine);
        if (f.tiers >= 2) expect(f.tierDetail[1]!.portsUsed).toBe(f.links.leafSpine + f.links.spineCore);
        if (f.tiers === 3) expect(f.tierDetail[2]!.portsUsed).toBe(f.links.spineCore);
        // No fractional wiring: in two tiers each leaf's uplinks split evenly over its spine group.
        if (f.tiers === 2) {
          const perGroup = f.switches.spine / f.planes / (f.spineDesign === 'rail' ? f.rails : 1);
          expect(f.leafUplinks % perGroup).toBe(0);
        }
        expect(f.endpoints).toBeLessThanOrEqual(f.maxEndpoints);
        expect(f.cables.total * f.planes).toBe(f.links.total);
      }),
      { numRuns: 400 },
    );
  });

  it('adding nodes never removes switches or links', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 3000 }), (x, extra) => {
        const a = sizeFabric({ ...toInput(x), tiers: 'auto' });
        const b = sizeFabric({ ...toInput(x), nodes: x.nodes + extra, tiers: 'auto' });
        if (a.tiers === 0 || b.tiers === 0) return;
        expect(b.switches.leaf).toBeGreaterThanOrEqual(a.switches.leaf);
        expect(b.switches.spine).toBeGreaterThanOrEqual(a.switches.spine);
        expect(b.switches.core).toBeGreaterThanOrEqual(a.switches.core);
        expect(b.switches.total).toBeGreaterThanOrEqual(a.switches.total);
        expect(b.links.total).toBeGreaterThanOrEqual(a.links.total);
        expect(b.tiers).toBeGreaterThanOrEqual(a.tiers);
      }),
      { numRuns: 400 },
    );
  });

  it('auto adds a core tier only when two tiers cannot reach every leaf', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = { ...toInput(x), tiers: 'auto' as const };
        const f = sizeFabric(input);
        if (f.tiers === 3) expect(f.endpoints).toBeGreaterThan(maxEndpointsFor(input, 2));
        if (f.tiers === 2 && f.scalableUnits * f.suNodes === f.nodes) expect(f.endpoints).toBeLessThanOrEqual(maxEndpointsFor(input, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = Object.freeze(toInput(x));
        const copy = structuredClone(input);
        sizeFabric(input);
        expect(input).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cable schedule properties', () => {
  it('rows equal the link count and each port appears once', () => {
    const small = fc.record({
      nodes: fc.integer({ min: 1, max: 120 }),
      rails: fc.integer({ min: 1, max: 4 }),
      radix: fc.constantFrom(8, 12, 16),
      planes: fc.constantFrom(1, 2),
      spineDesign: fc.constantFrom('full' as const, 'rail' as const),
      tiers: fc.constantFrom('auto' as const, 3 as const),
      leafPlacement: fc.constantFrom('in-rack' as const, 'eor' as const, 'mor' as const, 'network-row' as const),
      spinePlacement: fc.constantFrom('eor' as const, 'mor' as const, 'network-row' as const),
      racksPerRow: fc.integer({ min: 1, max: 10 }),
      nodesPerRack: fc.integer({ min: 1, max: 18 }),
    });
    fc.assert(
      fc.property(small, (x) => {
        const f = sizeFabric({ nodes: x.nodes, rails: x.rails, radix: x.radix, portGbps: 400, planes: x.planes, spineDesign: x.spineDesign, tiers: x.tiers, portsPerCage: 1 });
        if (f.tiers === 0) return;
        const plan = planCabling(
          { fabric: f, nodesPerRack: x.nodesPerRack, nodeHeightU: 2, switchHeightU: 1, laneGbps: 100, switchLinksPerModule: x.planes, nodeLinksPerModule: x.planes },
          { racksPerRow: x.racksPerRow, leafPlacement: x.leafPlacement, spinePlacement: x.spinePlacement },
        );
        const seen = new Set<string>();
        let rows = 0;
        for (const r of cableSchedule(plan, cat)) {
          rows++;
          expect(r.lengthM).toBeGreaterThan(0);
          expect(Number.isFinite(r.rawLengthM)).toBe(true);
          for (const end of [`${r.aDevice}:${r.aPort}`, `${r.bDevice}:${r.bPort}`]) {
            expect(seen.has(end)).toBe(false);
            seen.add(end);
          }
        }
        expect(rows).toBe(f.links.total);
        expect(plan.networkRacks).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('streams: memory stays flat over 1.5 million rows (rows are never held)', () => {
    const f = sizeFabric({ nodes: 65_536, rails: 8, radix: 128, portGbps: 400 });
    const plan = planCabling({ fabric: f, nodesPerRack: 4, nodeHeightU: 8, switchHeightU: 1, laneGbps: 100, switchLinksPerModule: 2, nodeLinksPerModule: 1 });
    expect(f.links.total).toBeGreaterThan(1_500_000);
    let rows = 0;
    let early = 0;
    let peak = 0;
    let bytes = 0;
    for (const r of cableSchedule(plan, cat)) {
      rows++;
      bytes += r.label.length + r.cableId.length + r.partNumber.length;
      if (rows === 200_000) early = process.memoryUsage().heapUsed;
      if (rows > 200_000 && (rows & 65535) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(rows).toBe(f.links.total);
    // Holding the rows would need > 300 MB (each row object and its strings are > 200 bytes).
    expect((peak - early) / 1e6).toBeLessThan(64);
    expect(bytes).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import { evaluateUnit, psuWiring, redundantItems } from '../../src/core/rack/evaluate';
import type { UnitOptions } from '../../src/core/rack/types';
import { findNonFinite } from '../../src/cli/output';

const catalog = loadCatalog();
const gen = (id: string) => findGeneration(catalog, id)!.generation;

describe('GB200 NVL72 against published figures', () => {
  const r = evaluateUnit(gen('gb200-nvl72'), {}, catalog);
  it('72 GPUs and 36 Grace CPUs in one rack (NVIDIA DGX GB200 user guide)', () => {
    expect(r.accelerators).toBe(72);
    expect(r.compute.cpus).toBe(36);
    expect(r.racks).toBe(1);
  });
  it('IT power in the ~120 kW class: 18 trays at NVIDIA DPS maxLoadWatts 6,667 W = 120 kW of compute', () => {
    const trays = r.power.components.find((c) => c.id === 'compute-tray')!;
    expect(trays.count).toBe(18);
    expect(trays.totalKw).toBeCloseTo(120.006, 3);
    expect(r.power.itKw).toBeGreaterThan(115);
    expect(r.power.itKw).toBeLessThan(135);
  });
  it('scale-up copper ≈ 5,000 cables ("up to 5,000 copper cables", NVIDIA at OCP): 72 × 18 links × 4 pairs = 5,184', () => {
    expect(r.cabling.scaleUpCables).toBe(5184);
  });
  it('busbar ≈ 2.5 kA at 48 V for ~120 kW (TechRadar)', () => {
    expect(r.power.busbarA! / 1000).toBeGreaterThan(2.4);
    expect(r.power.busbarA! / 1000).toBeLessThan(2.8);
  });
  it('FP8 dense 360 PF per rack (NVIDIA 720 PF sparse headline / 2)', () => {
    expect(r.compute.fp8DensePflops).toBeCloseTo(360, 6);
  });
  it('coolant flow lands near the OCP 1.5 L/min/kW rule for the liquid load', () => {
    expect(r.cooling.coolantLpm / r.cooling.liquidKw).toBeGreaterThan(1.3);
    expect(r.cooling.coolantLpm / r.cooling.liquidKw).toBeLessThan(1.6);
  });
  it('liquid share near QCT\'s 115 of 132 kW (87 %)', () => {
    expect(r.cooling.liquidFraction).toBeGreaterThan(0.8);
    expect(r.cooling.liquidFraction).toBeLessThan(0.95);
  });
  it('every assumption carries a confidence and sources list', () => {
    expect(r.assumptions.length).toBeGreaterThan(10);
    for (const a of r.assumptions) expect(a.confidence).toBeTruthy();
  });
});

describe('power delivery rules', () => {
  const g = gen('gb200-nvl72');
  it('A/B feeds: each side alone must carry the load (4 of 8 × 33 kW shelves = 132 kW ≥ 124 kW)', () => {
    const r = evaluateUnit(g, { feeds: 'ab' }, catalog);
    expect(r.issues.find((i) => i.code === 'ab_failover_insufficient')).toBeUndefined();
    const r6 = evaluateUnit({ ...g, power: { ...g.power, count: { ...g.power.count, value: 6 } } }, { feeds: 'ab' }, catalog);
    const failover = r6.issues.find((i) => i.code === 'ab_failover_insufficient');
    expect(failover).toMatchObject({ severity: 'error', limit: 99, unit: 'kW' });
  });
  it('breakers are sized on steady-state input kVA at failover load, never on the transient', () => {
    const r = evaluateUnit(g, {}, catalog);
    for (const s of r.power.feeds.sides) {
      // One side's 4 shelves carry the whole rack: at least the normal input, below the DC transient peak.
      expect(s.failoverKva).toBeGreaterThanOrEqual(r.power.inputKva);
      expect(s.failoverKva).toBeLessThan(r.power.peakKw);
    }
  });
  it('a whip too small for one shelf cord is an error that names the limit and computes a fix', () => {
    // 415 V 20 A at 80 %: √3 × 415 × 20 × 0.8 = 11.5 kVA per cord, below half a shelf's ~32.4 kVA failover draw.
    const r = evaluateUnit(g, { feedVolts: 415, feedAmps: 20, feedSystem: '3ph' }, catalog);
    const whip = r.issues.find((i) => i.code === 'whip_undersized');
    expect(whip).toMatchObject({ severity: 'error', unit: 'kVA' });
    expect(whip!.limit).toBeCloseTo(Math.sqrt(3) * 415 * 20 * 0.8 / 1000, 9);
    expect(whip!.fix).toMatch(/30 A breaker/);
  });
  it('100 %-rated gear (continuous factor 1.0) carries more per whip', () => {
    const a = evaluateUnit(g, {}, catalog).power.feeds.sides[0]!;
    const b = evaluateUnit(g, { continuousFactor: 1 }, catalog).power.feeds.sides[0]!;
    expect(b.whipUsableKva / a.whipUsableKva).toBeCloseTo(1.25, 9);
  });
  it('redundancy schemes count the spare items', () => {
    expect(redundantItems('n', 8)).toBe(0);
    expect(redundantItems('n+1', 8)).toBe(1);
    expect(redundantItems('n+2', 6)).toBe(2);
    expect(redundantItems('n+n', 12)).toBe(6);
  });
  it('N+N on 8 shelves leaves 4 × 33 kW = 132 kW for the rack', () => {
    const r = evaluateUnit(g, { redundancy: 'n+n' }, catalog);
    expect(r.power.psus.redundantCapacityKw).toBeCloseTo(132, 6);
  });
  it('PSU wiring: single-phase 200–240 V PSUs sit line-to-neutral on 415Y/240 and line-to-line on 208 V', () => {
    const psu = { ...catalog.psus[0]!, input: { system: '1ph' as const, minVolts: 200, maxVolts: 240, connection: 'line-neutral' as const } };
    expect(psuWiring(psu, { volts: 415, system: '3ph' })).toEqual({ ok: true, connection: 'line-neutral' });
    expect(psuWiring(psu, { volts: 208, system: '3ph' })).toEqual({ ok: true, connection: 'line-line' });
    expect(psuWiring(psu, { volts: 480, system: '3ph' })).toMatchObject({ ok: false, code: 'feed_voltage_out_of_range' });
    expect(psuWiring(psu, { volts: 800, system: 'dc' })).toMatchObject({ ok: false, code: 'feed_system_mismatch' });
  });
});

const optionsArb: fc.Arbitrary<UnitOptions> = fc.record(
  {
    units: fc.integer({ min: 1, max: 5000 }),
    feeds: fc.constantFrom('ab' as const, 'single' as const),
    feedAmps: fc.constantFrom(30, 60, 100, 125, 200),
    powerFactor: fc.double({ min: 0.5, max: 1, noNaN: true }),
    redundancy: fc.constantFrom('n' as const, 'n+1' as const, 'n+2' as const, 'n+n' as const),
    powerCapKw: fc.double({ min: 1, max: 5000, noNaN: true }),
    powerProfile: fc.constantFrom('uncapped', 'max-q', 'max-p', 'one-side-132kw', 'no-such-profile'),
    continuousFactor: fc.constantFrom(0.8, 1),
    coolant: fc.constantFrom('water' as const, 'pg25' as const),
    deltaTK: fc.double({ min: 1, max: 40, noNaN: true }),
    airDeltaTK: fc.double({ min: 1, max: 40, noNaN: true }),
    altitudeM: fc.double({ min: -430, max: 4000, noNaN: true }),
    coolantSupplyC: fc.double({ min: 2, max: 70, noNaN: true }),
    basis: fc.constantFrom('min' as const, 'typical' as const, 'max' as const),
  },
  { requiredKeys: [] },
);
const generationArb = fc.constantFrom(...catalog.generations.map((g) => g.id)).map((id) => gen(id));

describe('invariants (fast-check)', () => {
  it('finite outputs for every valid input, and heat balance: liquid + air = heat = input', () => {
    fc.assert(
      fc.property(generationArb, optionsArb, (g, o) => {
        const r = evaluateUnit(g, o, catalog);
        expect(findNonFinite(r)).toBeUndefined();
        expect(r.cooling.liquidKw + r.cooling.airKw).toBeCloseTo(r.cooling.heatKw, 6);
        expect(r.cooling.heatKw).toBeCloseTo(r.power.inputKw, 9);
        expect(r.power.inputKw).toBeGreaterThanOrEqual(r.power.itKw);
      }),
      { numRuns: 400 },
    );
  });
  it('totals scale linearly with units', () => {
    fc.assert(
      fc.property(generationArb, fc.integer({ min: 1, max: 1000 }), (g, n) => {
        const one = evaluateUnit(g, {}, catalog);
        const many = evaluateUnit(g, { units: n }, catalog);
        expect(many.totals.inputKw).toBeCloseTo(one.power.inputKw * n, 6);
        expect(many.totals.accelerators).toBe(one.accelerators * n);
      }),
      { numRuns: 100 },
    );
  });
  it('flow falls as ΔT rises (monotone)', () => {
    fc.assert(
      fc.property(generationArb, fc.double({ min: 1, max: 39, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (g, dt, step) => {
        const a = evaluateUnit(g, { deltaTK: dt, airDeltaTK: dt }, catalog);
        const b = evaluateUnit(g, { deltaTK: dt + step, airDeltaTK: dt + step }, catalog);
        expect(b.cooling.coolantLpm).toBeLessThanOrEqual(a.cooling.coolantLpm + 1e-9);
        expect(b.cooling.airflowCfm).toBeLessThanOrEqual(a.cooling.airflowCfm + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
  it('sizing basis orders IT power: min ≤ typical ≤ max', () => {
    for (const g of catalog.generations) {
      const [lo, mid, hi] = (['min', 'typical', 'max'] as const).map((basis) => evaluateUnit(g, { basis }, catalog).power.itKw);
      expect(lo).toBeLessThanOrEqual(mid! + 1e-9);
      expect(mid).toBeLessThanOrEqual(hi! + 1e-9);
    }
  });
  it('never mutates its inputs (catalog is frozen; options are compared)', () => {
    fc.assert(
      fc.property(generationArb, optionsArb, (g, o) => {
        const before = JSON.stringify(o);
        evaluateUnit(g, o, catalog);
        expect(JSON.stringify(o)).toBe(before);
        expect(Object.isFrozen(g)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

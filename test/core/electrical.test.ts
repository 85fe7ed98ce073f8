import { describe, expect, it } from 'vitest';
import { circuitCapacity, imbalance, requiredBreakerAmps, threePhaseCurrents } from '../../src/core/physics/electrical';

describe('circuitCapacity', () => {
  it('415 V 3-phase 60 A: 43.1 kVA rated, 34.5 kVA at 80 % continuous', () => {
    // Published: Raritan PX3 rack PDUs are rated "415 V 3-ph 60 A, 34.5 kVA" (the 80 % continuous figure),
    // as recorded in shared reference data table C ("3-phase power").
    const c = circuitCapacity(415, 60, '3ph', 1, 0.8);
    expect(c.ratedKva).toBeCloseTo(43.13, 2);
    expect(c.usableKva).toBeCloseTo(34.5, 1);
    expect(c.usableAmps).toBe(48);
  });

  it('matches NetBox PowerFeed.available_power = V × A × utilization × 1.732 for 3-phase', () => {
    // Independent implementation: netbox/dcim/models/power.py (NetBox core), 208 V 3-phase 30 A at 80 %:
    // 208 × 30 × 0.8 × 1.732 = 8,646 W (NetBox truncates to int).
    const c = circuitCapacity(208, 30, '3ph', 1, 0.8);
    expect(Math.trunc(c.usableKva * 1000)).toBeGreaterThanOrEqual(8646);
    expect(c.usableKva * 1000).toBeCloseTo(208 * 30 * 0.8 * Math.sqrt(3), 6);
  });

  it('single-phase and DC are V × I; DC ignores the power factor', () => {
    expect(circuitCapacity(240, 30, '1ph', 0.95, 0.8).usableKw).toBeCloseTo(240 * 30 * 0.8 * 0.95 / 1000, 9);
    // 800 V DC, 200 A: 160 kW rated, 128 kW at 80 % (derived: P = V · I).
    expect(circuitCapacity(800, 200, 'dc', 0.5, 0.8).usableKw).toBeCloseTo(128, 9);
  });
});

describe('requiredBreakerAmps (NEC 210.20(A) with NEC 240.6(A) standard sizes)', () => {
  it('a 45.4 A continuous load needs a 60 A breaker at 80 % (45.4 × 1.25 = 56.8 A → next standard size 60 A)', () => {
    expect(requiredBreakerAmps(45.4, 0.8)).toBe(60);
  });
  it('exactly 48 A fits a 60 A breaker; 100 %-rated gear needs only 50 A', () => {
    expect(requiredBreakerAmps(48, 0.8)).toBe(60);
    expect(requiredBreakerAmps(48, 1)).toBe(50);
  });
});

describe('threePhaseCurrents', () => {
  it('balanced line-to-neutral loads: I = S / V_LN on each phase', () => {
    // Derived: 6 PSUs of 5 kVA on 415Y/240 V → 2 per phase → 10,000 / 239.6 = 41.74 A.
    const [a, b, c] = threePhaseCurrents([5, 5, 5, 5, 5, 5], 415, 'line-neutral');
    expect(a).toBeCloseTo(10_000 / (415 / Math.sqrt(3)), 6);
    expect(b).toBeCloseTo(a, 9);
    expect(c).toBeCloseTo(a, 9);
  });
  it('balanced delta loads: line current = √3 × branch current', () => {
    // Standard identity for a balanced delta: I_line = √3 · I_phase. 3 × 5 kVA across 208 V: I_phase = 24.04 A.
    const [a, b, c] = threePhaseCurrents([5, 5, 5], 208, 'line-line');
    const branch = 5000 / 208;
    for (const x of [a, b, c]) expect(x).toBeCloseTo(Math.sqrt(3) * branch, 6);
  });
  it('a single delta load draws its branch current on two lines and nothing on the third', () => {
    const [a, b, c] = threePhaseCurrents([5], 208, 'line-line');
    expect(a).toBeCloseTo(5000 / 208, 6);
    expect(b).toBeCloseTo(5000 / 208, 6);
    expect(c).toBeCloseTo(0, 9);
  });
  it('imbalance is (max − mean)/mean', () => {
    expect(imbalance([10, 10, 10])).toBe(0);
    expect(imbalance([20, 10, 0])).toBeCloseTo(1, 9);
  });
});

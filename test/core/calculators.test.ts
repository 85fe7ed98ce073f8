/**
 * The everyday calculators against independent worked examples (cited per test), plus the inverse directions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalogFor } from '../../src/catalog/presets';
import { solveLiquid } from '../../src/core/calculators/liquid';
import { pduLoads, type PduInput } from '../../src/core/calculators/pdu';
import { facilityBudget } from '../../src/core/calculators/facility-budget';
import { energyOver } from '../../src/core/calculators/energy';
import { W_PER_BTU_H, LITRES_PER_US_GALLON } from '../../src/core/physics/thermal';

const water = loadCatalogFor([]).coolants.find((c) => c.id === 'water')!;
const GPM = LITRES_PER_US_GALLON / 60_000; // m³/s per US gpm
const DEG_F = 1 / 1.8; // K per °F difference

describe('calc liquid: Q = ρ·V̇·cp·ΔT solved for any one of the three', () => {
  // The water "500 rule" (Btu/h = 500 × gpm × ΔT°F; 500 = 8.33 lb/gal × 60 min/h × 1 Btu/lb·°F). Worked example at
  // http://www.ptbsales.com/chillers/ : 10 gpm cooled 12 °F needs 60,000 Btu/h (a 5-ton chiller). The rule's water is
  // at ~60 °F; ours is at the loop's mean temperature, so agreement within 1 % is the expectation.
  const heatW = 60_000 * W_PER_BTU_H;
  it('heat from flow and ΔT', () => {
    const r = solveLiquid({ flowM3s: 10 * GPM, deltaTK: 12 * DEG_F }, water, 15);
    expect(r.solvedFor).toBe('heat');
    expect(r.heatW / heatW).toBeCloseTo(1, 2);
  });
  it('flow from heat and ΔT', () => {
    const r = solveLiquid({ heatW, deltaTK: 12 * DEG_F }, water, 15);
    expect(r.flowM3s / GPM).toBeGreaterThan(9.9);
    expect(r.flowM3s / GPM).toBeLessThan(10.1);
  });
  it('ΔT from heat and flow', () => {
    const r = solveLiquid({ heatW, flowM3s: 10 * GPM }, water, 15);
    expect(r.deltaTK / DEG_F).toBeGreaterThan(11.88);
    expect(r.deltaTK / DEG_F).toBeLessThan(12.12);
    expect(r.returnC).toBeCloseTo(15 + r.deltaTK, 9);
  });
  // http://smbvalidation.com/FAQ/heat-load-water-flow.html : 1 gpm at 10 °F difference is 0.42 ton of cooling.
  it('1 gpm at 10 °F is 0.42 ton', () => {
    const r = solveLiquid({ flowM3s: GPM, deltaTK: 10 * DEG_F }, water, 15);
    expect(r.heatW / (12_000 * W_PER_BTU_H)).toBeCloseTo(0.42, 2);
  });
  it('the three directions are inverses of each other (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 2e6, noNaN: true }), fc.double({ min: 2, max: 30, noNaN: true }), fc.double({ min: 5, max: 45, noNaN: true }), (q, dt, supply) => {
        const flow = solveLiquid({ heatW: q, deltaTK: dt }, water, supply);
        const back = solveLiquid({ heatW: q, flowM3s: flow.flowM3s }, water, supply);
        expect(back.deltaTK).toBeCloseTo(dt, 6);
        const heat = solveLiquid({ flowM3s: flow.flowM3s, deltaTK: dt }, water, supply);
        expect(heat.heatW / q).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calc pdu: banks on phases, worst line against the input breaker', () => {
  const base: PduInput = { volts: 415, inputAmps: 60, system: '3ph', connection: 'line-neutral', powerFactor: 1, continuousFactor: 0.8, deratingFactor: 1, banks: [] };
  // Raritan PX3 and Server Technology list a 415 V 3-phase 60 A PDU at 34.5 kVA (√3 × 415 × 60 × 0.8). Balanced, each
  // line carries a third: 11.5 kVA / 239.6 V = 48 A, exactly the 80 % of 60 A: the input is full, not over.
  it('a balanced 34.5 kVA load fills a 415 V 60 A input to 100 %', () => {
    const banks = Array.from({ length: 12 }, () => ({ breakerAmps: 20, loadKw: (Math.sqrt(3) * 415 * 60 * 0.8) / 1000 / 12 }));
    const r = pduLoads({ ...base, banks });
    expect(r.worstLineAmps).toBeCloseTo(48, 6);
    expect(r.inputUtilization).toBeCloseTo(1, 6);
    expect(r.phaseImbalance).toBeCloseTo(0, 9);
    expect(r.overloaded).toEqual([]);
    // Each bank: 2.875 kW at 239.6 V = 12.0 A on a 20 A breaker (16 A usable).
    expect(r.banks[0]!.amps).toBeCloseTo(12, 6);
  });
  it('the worst phase, not the total, decides: three banks loaded on L1 only overload the input', () => {
    // 3 banks on L1 (banks 1, 4, 7) at 4 kW each: 12 kW / 239.6 V = 50.1 A > 48 A, though the total is 35 % of 34.5 kVA.
    const banks = Array.from({ length: 9 }, (_, i) => ({ breakerAmps: 20, loadKw: i % 3 === 0 ? 4 : 0 }));
    const r = pduLoads({ ...base, banks });
    expect(r.worstLine).toBe('L1');
    expect(r.worstLineAmps).toBeCloseTo(12_000 / (415 / Math.sqrt(3)), 6);
    expect(r.overloaded).toContain('input L1');
    expect(r.phaseImbalance).toBeCloseTo(2, 9); // (max − mean)/mean with L2 = L3 = 0
  });
  // 208 V delta: a bank across two lines draws I_branch = P / 208; balanced, each line carries √3 × I_branch
  // (textbook delta relation, e.g. Hughes, Electrical and Electronic Technology, ch. 38).
  it('line-line banks: line current is √3 × branch current when balanced', () => {
    const r = pduLoads({ ...base, volts: 208, inputAmps: 30, connection: 'line-line', banks: [1, 2, 3].map(() => ({ breakerAmps: 20, loadKw: 2 })) });
    const branch = 2000 / 208;
    expect(r.banks[0]!.phase).toBe('L1-L2');
    for (const a of r.lineAmps) expect(a).toBeCloseTo(Math.sqrt(3) * branch, 6);
  });
  it('derating lowers every usable current by its factor', () => {
    const r = pduLoads({ ...base, deratingFactor: 0.88, banks: [{ breakerAmps: 20, loadKw: 1 }] });
    expect(r.banks[0]!.usableAmps).toBeCloseTo(20 * 0.8 * 0.88, 9);
    expect(r.inputUsableAmps).toBeCloseTo(60 * 0.8 * 0.88, 9);
  });
});

describe('calc chain and energy', () => {
  // PUE = total facility energy / IT equipment energy (The Green Grid, WP #49). Hand derivation: 10 MW IT at peak PUE
  // 1.3 is 13 MW at the meter; a year at 80 % utilization and annual PUE 1.2 is 10 × 0.8 × 1.2 × 8,760 = 84,096 MWh.
  it('IT to facility, backed capacity by redundancy, and a year of energy', () => {
    const r = facilityBudget({ itKw: 10_000, pue: 1.2, peakPue: 1.3, fixedOverheadKw: 0, utilization: 0.8, powerFactor: 0.95, redundancy: '2n', moduleKw: 1500, tariffUsdPerKwh: 0.07, carbonKgPerMwh: 400 });
    expect(r.designFacilityKw).toBeCloseTo(13_000, 9);
    expect(r.utilityKva).toBeCloseTo(13_000 / 0.95, 9);
    expect(r.modulesNeeded).toBe(7); // ⌈10,000 / 1,500⌉
    expect(r.modulesInstalled).toBe(14);
    expect(r.facilityMwhPerYear).toBeCloseTo(84_096, 6);
    expect(r.costUsdPerYear).toBeCloseTo(84_096_000 * 0.07, 3);
    expect(r.co2TonnesPerYear).toBeCloseTo(84_096 * 0.4, 6);
  });
  it('n+1 adds one module; fixed overhead adds at the meter and over the year', () => {
    const r = facilityBudget({ itKw: 1000, pue: 1.1, peakPue: 1.1, fixedOverheadKw: 50, utilization: 1, powerFactor: 1, redundancy: 'n+1', moduleKw: 500, tariffUsdPerKwh: null, carbonKgPerMwh: null });
    expect(r.modulesInstalled).toBe(3);
    expect(r.designFacilityKw).toBeCloseTo(1150, 9);
    expect(r.facilityMwhPerYear).toBeCloseTo((1100 + 50) * 8.76, 6);
    expect(r.costUsdPerYear).toBeNull();
  });
  // Hand derivation: a 1 kW accelerator idling at 30 % and busy 80 % of full draws 0.3 + 0.8 × 0.7 = 0.86 kW on
  // average: 7,533.6 kWh a year; with PUE 1.25, 9,417 kWh.
  it('energy at a utilization with an idle floor', () => {
    const r = energyOver({ fullKw: 1, utilization: 0.8, idleFraction: 0.3, hours: 8760, pue: 1.25, tariffUsdPerKwh: 0.1, carbonKgPerMwh: null });
    expect(r.averageKw).toBeCloseTo(0.86, 12);
    expect(r.itKwh).toBeCloseTo(7533.6, 6);
    expect(r.facilityKwh).toBeCloseTo(9417, 6);
    expect(r.costUsd).toBeCloseTo(941.7, 6);
  });
});

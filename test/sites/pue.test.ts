import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateChain, installedModules, stageEfficiency } from '../../src/core/sites/chain';
import { sitePue, type HeatLoad } from '../../src/core/sites/pue';
import { constantClimate, dcWith, flatStage, plant, v } from './helpers';

describe('power chain', () => {
  it('installed modules per redundancy', () => {
    expect(installedModules('n', 5)).toBe(5);
    expect(installedModules('n+1', 5)).toBe(6);
    expect(installedModules('n+2', 5)).toBe(7);
    expect(installedModules('2n', 5)).toBe(10);
    expect(installedModules('dr', 6, 4)).toBe(8); // 4-make-3: ⌈6 · 4 / 3⌉
    expect(installedModules('dr', 5, 4)).toBe(7); // ⌈6.67⌉
  });

  it('efficiency is linear between curve points and flat outside them', () => {
    const s = { ...flatStage('ups', 0.9), efficiency: { points: [{ loadFraction: 0.25, efficiency: 0.94 }, { loadFraction: 0.5, efficiency: 0.96 }], confidence: 'estimate' as const, sources: [], note: 't' } };
    expect(stageEfficiency(s, 0.1)).toBe(0.94);
    expect(stageEfficiency(s, 0.375)).toBeCloseTo(0.95, 12);
    expect(stageEfficiency(s, 0.9)).toBe(0.96);
  });

  it('derived: losses of a three-stage chain at 10 MW IT with 1 MW of cooling on the MV stage', () => {
    // Inputs: busway η 0.997, UPS η 0.96, MV η 0.99 (flat); IT 10,000 kW; cooling 1,000 kW and fixed 100 kW fed at MV.
    // Steps: busway in = 10,000 / 0.997 = 10,030.09; UPS in = 10,030.09 / 0.96 = 10,448.01;
    // MV out = 10,448.01 + 1,000 + 100 = 11,548.01; MV in = 11,548.01 / 0.99 = 11,664.66.
    // Result: losses = 11,664.66 − 10,000 − 1,100 = 564.66 kW; meter 11,664.66 kW.
    const chain = { stages: [flatStage('mv', 0.99, { carriesMechanical: true }), flatStage('ups', 0.96, { indoor: true }), flatStage('busway', 0.997, { indoor: true })] };
    const r = evaluateChain(chain, { itKw: 10_000, mechanicalKw: 1_000, fixedKw: 100, designItKw: 10_000, designMechanicalKw: 1_000, designFixedKw: 100 });
    expect(r.meterKw).toBeCloseTo(11_664.66, 1);
    expect(r.lossKw).toBeCloseTo(564.66, 1);
    expect(r.indoorLossKw).toBeCloseTo(10_448.01 - 10_000, 1);
  });

  it('modules are sized on the design load and the loading follows the operating load', () => {
    const st = { ...flatStage('t', 0.99), redundancy: 'n+1' as const, moduleRatingMw: v(2, 'MW') };
    const r = evaluateChain({ stages: [st] }, { itKw: 4_000, mechanicalKw: 0, fixedKw: 0, designItKw: 5_000, designMechanicalKw: 0, designFixedKw: 0 });
    // design 5 MW / 2 MW → 3 needed, 4 installed (N+1) = 8 MW; loading 4 / 8 = 0.5
    expect(r.stages[0]).toMatchObject({ modulesNeeded: 3, modulesInstalled: 4, installedMw: 8 });
    expect(r.stages[0]!.loadingFraction).toBeCloseTo(0.5, 12);
  });
});

describe('PUE = 1 + (chain losses + cooling + fixed overhead) / IT', () => {
  it('reproduces a published total (calcpanel.com: 500 kW IT, 700 kW facility → PUE 1.40) from hand-set terms', () => {
    // https://calcpanel.com/data-center-pue-planning gives only the totals; the split is a hand derivation:
    // chain: one stage η = 500/550 → 50 kW loss; cooling: liquid heat 500 kW, chiller-free all year, pumps + fans
    // 0.26 kW/kW → 130 kW; fixed overhead 4 % of design IT → 20 kW. 500 + 50 + 130 + 20 = 700 → 1.40.
    const dc = dcWith({
      climate: constantClimate(0, -2),
      powerChain: { stages: [flatStage('all', 500 / 550)] },
      cooling: plant({ liquidAuxKwPerKw: v(0.16, 'kW/kW'), rejectionAuxKwPerKw: v(0.1, 'kW/kW') }),
      fixedOverheadFraction: v(0.04, 'fraction'),
    });
    const r = sitePue(dc, { itKw: 500, liquid: [{ supplyC: 32, kw: 500 }], airKw: 0 }, 1, { kind: 'annual' });
    expect(r.facilityMw * 1000).toBeCloseTo(700, 6);
    expect(r.pue).toBeCloseTo(1.4, 9);
    expect(r.terms!.chainLoss + r.terms!.cooling + r.terms!.fixedOverhead + 1).toBeCloseTo(r.pue!, 12);
    expect(r.chainLossMw * 1000).toBeCloseTo(50, 6);
    expect(r.coolingMw * 1000).toBeCloseTo(130, 6);
    expect(r.fixedOverheadMw * 1000).toBeCloseTo(20, 6);
  });

  it('the peak PUE uses the design condition: a hot design day needs chillers the annual bins do not', () => {
    const dc = dcWith({ climate: { ...constantClimate(5, 3), design: constantClimate(40, 26).design } });
    const load: HeatLoad = { itKw: 10_000, liquid: [{ supplyC: 32, kw: 9_000 }], airKw: 1_000 };
    const annual = sitePue(dc, load, 1, { kind: 'annual' });
    const peak = sitePue(dc, load, 1, { kind: 'design', basis: '0.4%' });
    expect(annual.streams.every((s) => s.chillerFreeHours === 8760)).toBe(true);
    expect(peak.streams.every((s) => s.chillerFreeHours === 0)).toBe(true);
    expect(peak.pue!).toBeGreaterThan(annual.pue!);
  });

  it('the three sites differ, hotter Houston costing the most cooling for the same load', () => {
    const load: HeatLoad = { itKw: 100_000, liquid: [{ supplyC: 32, kw: 85_000 }], airKw: 15_000 };
    const pue = (id: string) => sitePue(dcWith({}, id), load, 0.8, { kind: 'annual' });
    const tx = pue('houston-tx');
    const oh = pue('lordstown-oh');
    const wi = pue('mount-pleasant-wi');
    expect(tx.terms!.cooling).toBeGreaterThan(oh.terms!.cooling);
    expect(tx.terms!.cooling).toBeGreaterThan(wi.terms!.cooling);
    expect(tx.pue).not.toBe(wi.pue);
  });

  it('no IT load → PUE is null, never NaN', () => {
    const r = sitePue(dcWith({}), { itKw: 0, liquid: [], airKw: 0 }, 0.8, { kind: 'annual' });
    expect(r.pue).toBeNull();
    expect(r.terms).toBeNull();
  });

  const loadArb = fc.record({
    itKw: fc.double({ min: 1, max: 500_000, noNaN: true }),
    liquidShare: fc.double({ min: 0, max: 1, noNaN: true }),
    supplyC: fc.constantFrom(17, 27, 32, 40, 45),
    u: fc.double({ min: 0.05, max: 1, noNaN: true }),
    site: fc.constantFrom('houston-tx', 'lordstown-oh', 'mount-pleasant-wi'),
  });

  it('properties: PUE ≥ 1, outputs finite, energy non-decreasing in load, inputs never mutated', () => {
    fc.assert(
      fc.property(loadArb, fc.double({ min: 1.01, max: 3, noNaN: true }), ({ itKw, liquidShare, supplyC, u, site }, grow) => {
        const dc = dcWith({}, site);
        const load: HeatLoad = { itKw, liquid: [{ supplyC, kw: itKw * liquidShare }], airKw: itKw * (1 - liquidShare) };
        const before = JSON.stringify(load);
        const a = sitePue(dc, load, u, { kind: 'annual' });
        const p = sitePue(dc, load, u, { kind: 'design', basis: '0.4%' });
        expect(JSON.stringify(load)).toBe(before);
        for (const r of [a, p]) {
          expect(r.pue!).toBeGreaterThanOrEqual(1);
          expect(JSON.stringify(r)).not.toMatch(/null,"terms":null|NaN|Infinity/);
          expect(Number.isFinite(r.facilityMw)).toBe(true);
        }
        // Energy (facility MW at the operating point) grows with utilization and with the installed load.
        const higherU = sitePue(dc, load, Math.min(1, u * grow), { kind: 'annual' });
        expect(higherU.facilityMw).toBeGreaterThanOrEqual(a.facilityMw - 1e-9);
        const bigger = sitePue(dc, { itKw: itKw * grow, liquid: [{ supplyC, kw: itKw * grow * liquidShare }], airKw: itKw * grow * (1 - liquidShare) }, u, { kind: 'annual' });
        expect(bigger.facilityMw).toBeGreaterThanOrEqual(a.facilityMw - 1e-9);
      }),
      { numRuns: 150 },
    );
  });
});

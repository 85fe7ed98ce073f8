import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { CONFIDENCE_WIDENING, RANGED_TOTALS, engineInputsAt, peakFacilityMw, planRanges, rangedTotals, scaleGenerationPower, triangularQuantile } from '../../src/core/plan/ranges';
import { findNonFinite } from '../../src/cli/output';
import type { Catalog } from '../../src/core/catalog/types';
import type { Plan } from '../../src/core/plan/types';
import type { SourcedRange } from '../../src/core/provenance';

const catalog = loadCatalog();
const sites = loadSites();
const fixture = (name: string): Plan => PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${name}.json`, 'utf8')));

describe('triangularQuantile', () => {
  // Inverse CDF of the triangular distribution (a, c, b): x = a + √(u(b−a)(c−a)) for u < (c−a)/(b−a), else
  // x = b − √((1−u)(b−a)(b−c)) (e.g. Evans, Hastings & Peacock, Statistical Distributions, ch. 40).
  it('matches hand values', () => {
    expect(triangularQuantile(0.75, 0, 0, 1)).toBeCloseTo(0.5, 12); // 1 − √0.25
    expect(triangularQuantile(0.25, 0, 1, 1)).toBeCloseTo(0.5, 12); // √0.25
    expect(triangularQuantile(0.5, 0, 0.5, 1)).toBeCloseTo(0.5, 12); // symmetric: median at the mode
    expect(triangularQuantile(0.3, 2, 2, 2)).toBe(2); // no spread
  });
});

describe('planRanges on the small example', () => {
  const plan = fixture('small');
  const report = evaluatePlan(plan, catalog, sites);
  const r = planRanges(plan, catalog, sites, { samples: 500, seed: 7 });

  it("typical is the plan's own figure (one owner: evaluatePlan)", () => {
    const own = rangedTotals(report);
    for (const k of RANGED_TOTALS) expect(r.totals[k].typical).toBe(own[k]);
    expect(own.peakFacilityMw).toBeGreaterThan(0);
  });

  it('peak facility MW is the largest quarter of the sites summed (hand sum of the report quarters)', () => {
    let peak = 0;
    for (let k = 0; k < report.sites[0]!.quarters.length; k++) peak = Math.max(peak, report.sites.reduce((s, x) => s + x.quarters[k]!.facilityMw, 0));
    expect(peakFacilityMw(report)).toBeCloseTo(peak, 9);
  });

  it('every band holds its typical value and is a real spread; no NaN or Infinity anywhere', () => {
    for (const k of RANGED_TOTALS) {
      expect(r.totals[k].low).toBeLessThanOrEqual(r.totals[k].typical);
      expect(r.totals[k].high).toBeGreaterThanOrEqual(r.totals[k].typical);
    }
    expect(r.totals.npvTcoUsd.high).toBeGreaterThan(r.totals.npvTcoUsd.low);
    expect(findNonFinite(r)).toBeUndefined();
  });

  it('a point estimate is widened by its class: Houston fixed overhead 0.01 (estimate) spans ±25 %', () => {
    const input = r.inputs.find((i) => i.id === 'site:houston-tx:fixedOverheadFraction')!;
    expect(input.spread).toBe('confidence');
    expect(CONFIDENCE_WIDENING.estimate).toBe(0.25);
    expect(input.low).toBeCloseTo(0.0075, 12);
    expect(input.high).toBeCloseTo(0.0125, 12);
  });

  it('a ranged value spans its catalog min…max: GB300 NVL72 unit price USD 3–4 M (presets/prices.json)', () => {
    const input = r.inputs.find((i) => i.id === 'unitUsd:gb300-nvl72')!;
    expect([input.low, input.value, input.high]).toEqual([3_000_000, 3_500_000, 4_000_000]);
  });

  it('the tornado is one-at-a-time runs of the full engine, largest swing first', () => {
    for (const total of ['npvTcoUsd', 'peakFacilityMw'] as const) {
      const rows = r.sensitivity.filter((x) => x.total === total);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(10);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.swing).toBeLessThanOrEqual(rows[i - 1]!.swing);
    }
    // The GB300 price row, re-run by hand: plan.prices.unitUsd at the low gives the row's atLow.
    const row = r.sensitivity.find((x) => x.total === 'npvTcoUsd' && x.input === 'unitUsd:gb300-nvl72')!;
    const byHand = evaluatePlan({ ...plan, prices: { unitUsd: { 'gb300-nvl72': 3_000_000 } } }, catalog, sites).totals.npvTcoUsd;
    expect(row.atLow / byHand).toBeCloseTo(1, 9);
    // Power moves facility MW; a price never does.
    const mwInputs = r.sensitivity.filter((x) => x.total === 'peakFacilityMw').map((x) => x.input);
    expect(mwInputs.some((id) => id.startsWith('power:'))).toBe(true);
    expect(mwInputs.some((id) => id.startsWith('unitUsd:'))).toBe(false);
  });

  it('a unit power multiplier scales every component (hand: 18 × 7,283 W compute trays × 0.9)', () => {
    const g = catalog.generations.find((x) => x.id === 'gb300-nvl72')!;
    const scaled = scaleGenerationPower(g, 0.9);
    const tray = scaled.components.find((c) => c.id === 'compute-tray')!.maxPowerW;
    expect('max' in tray && tray.max).toBeCloseTo(7283 * 0.9, 9);
  });
});

describe('planRanges properties', () => {
  const plan = fixture('small');
  const report = evaluatePlan(plan, catalog, sites);

  it('reproducible: the same seed gives the same bands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 20, max: 300 }), (seed, samples) => {
        const a = planRanges(plan, catalog, sites, { seed, samples, report });
        const b = planRanges(plan, catalog, sites, { seed, samples, report });
        expect(b.totals).toEqual(a.totals);
        for (const k of RANGED_TOTALS) expect(a.totals[k].low <= a.totals[k].typical && a.totals[k].typical <= a.totals[k].high).toBe(true);
      }),
      { numRuns: 4 },
    );
  });

  it("bands widen when an input's range widens (the GB300 NVL72 price range stretched around its typical)", () => {
    const base = planRanges(plan, catalog, sites, { seed: 3, samples: 400, report });
    fc.assert(
      fc.property(fc.double({ min: 1.2, max: 3, noNaN: true }), (stretch) => {
        const p = catalog.prices.unitPrices['gb300-nvl72']!;
        const usd = p.usd as SourcedRange;
        const wider: Catalog = { ...catalog, prices: { ...catalog.prices, unitPrices: { ...catalog.prices.unitPrices, 'gb300-nvl72': { ...p, usd: { ...usd, min: usd.typical - (usd.typical - usd.min) * stretch, max: usd.typical + (usd.max - usd.typical) * stretch } } } } };
        const r = planRanges(plan, wider, sites, { seed: 3, samples: 400, report });
        for (const k of ['capexUsd', 'npvTcoUsd', 'tcoUsd'] as const) {
          expect(r.totals[k].high - r.totals[k].low).toBeGreaterThan(base.totals[k].high - base.totals[k].low);
        }
      }),
      { numRuns: 3 },
    );
  });
});

describe('the first-order response against joint runs of the engine', () => {
  // The bands sum each input's one-at-a-time effect; interactions (tariff × power, price × maintenance) are left out.
  // Here every input moves at once, to its low and then to its high, through the full engine, and the sum of the
  // one-at-a-time effects is compared with it: the size of what the method leaves out at the corners of the box.
  it.each(['small', 'three-sites-7y'])('%s: all inputs at their low, and all at their high', (name) => {
    const plan = fixture(name);
    const report = evaluatePlan(plan, catalog, sites);
    const r = planRanges(plan, catalog, sites, { samples: 50, report });
    const typical = rangedTotals(report);
    for (const side of ['low', 'high'] as const) {
      const joint = rangedTotals(((x) => evaluatePlan(x.plan, x.catalog, x.sites))(engineInputsAt(plan, catalog, sites, (i) => i[side], report)));
      for (const k of RANGED_TOTALS) {
        const additive = typical[k] + r.inputs.reduce((sum, i) => sum + ((side === 'low' ? i.totalsAtLow : i.totalsAtHigh)[k] - typical[k]), 0);
        const error = Math.abs(additive - joint[k]) / typical[k];
        // Measured (2026-12-03): at most 2.3 % of the typical value (three-sites-7y, all inputs high, TCO), docs/plan.md.
        expect(error, `${name} ${side} ${k}: additive ${additive}, joint ${joint[k]}`).toBeLessThan(0.03);
      }
    }
  });
});

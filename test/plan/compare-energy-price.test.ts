/**
 * One truth for energy money: Compare prices a year of energy exactly as the plan prices that year at the same
 * site (escalated tariff plus any capacity charge), so Lordstown's PJM capacity charge shows in both.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { compareAccelerators } from '../../src/core/plan/compare';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const sites = loadSites();

describe('Compare energy cost = the plan year at the same site', () => {
  for (const site of ['lordstown-oh', 'houston-tx', 'mount-pleasant-wi']) {
    it(site, () => {
      const c = compareAccelerators(['gb300-nvl72'], { metric: 'accelerators', value: 720 }, site, catalog, sites);
      const o = c.options[0]!;
      expect(o.units).toBe(10);
      const plan = {
        schemaVersion: 1, catalogVersion: catalog.version, name: 'same load', start: `${c.priceYear}-Q1`, horizonYears: 1,
        deployments: [{ site, generation: 'gb300-nvl72', quarter: `${c.priceYear}-Q1`, units: 10 }],
      } as unknown as Plan;
      const y = evaluatePlan(plan, catalog, sites).sites.find((s) => s.id === site)!;
      const year = (y as unknown as { years: { year: number; annualEnergyMwh: number; annualEnergyCostUsd: number; annualCapacityCostUsd: number }[] }).years.find((x) => x.year === c.priceYear)!;
      expect(o.annualEnergyMwh! / year.annualEnergyMwh).toBeCloseTo(1, 9);
      expect(o.annualEnergyCostUsd! / (year.annualEnergyCostUsd + year.annualCapacityCostUsd)).toBeCloseTo(1, 9);
      if (site === 'lordstown-oh') expect(c.capacityPriceUsdPerMwDay).toBeGreaterThan(0);
    });
  }
});

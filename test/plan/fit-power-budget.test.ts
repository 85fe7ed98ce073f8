/**
 * Inverse sizing through the power chain (`rackplan fit --utility-mw/--facility-mw/--it-mw`) agrees with the forward
 * chain: a plan holding the answer's units evaluates to at most the budget, and one more unit exceeds it. The
 * forward side is evaluatePlan (the plan route), not the function under test.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { fitPowerBudget, type PowerBudget } from '../../src/core/plan/fit';
import type { Plan } from '../../src/core/plan/types';
import { cliJson } from '../helpers/cli';
import { runCli } from '../../src/cli/main';

const catalog = loadCatalog();
const sites = loadSites();

function forward(generation: string, site: string, units: number): { itMw: number; facilityMw: number } {
  const plan = {
    schemaVersion: 1, catalogVersion: catalog.version, name: 'forward check', start: '2030-Q1', horizonYears: 1,
    deployments: [{ site, generation, quarter: '2030-Q1', units }],
  } as unknown as Plan;
  const q = evaluatePlan(plan, catalog, sites).sites.find((s) => s.id === site)!.quarters[0]!;
  return { itMw: q.itMw, facilityMw: q.facilityMw };
}

describe('fit to a power budget', () => {
  const cases: [string, string, PowerBudget][] = [
    ['gb300-nvl72', 'houston-tx', { kind: 'utility', mw: 80 }],
    ['vr-nvl144', 'mount-pleasant-wi', { kind: 'facility', mw: 120 }],
    ['dgx-b200', 'lordstown-oh', { kind: 'it', mw: 20 }],
    ['trn2-ultraserver', 'houston-tx', { kind: 'utility', mw: 30 }],
  ];
  for (const [generation, site, budget] of cases) {
    it(`${generation} at ${site} in ${budget.mw} MW (${budget.kind}): N fits, N + 1 does not, by the plan's own evaluation`, () => {
      const r = fitPowerBudget({ generation, site, budget }, catalog, sites);
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.units).toBeGreaterThan(0);
      const measure = (x: { itMw: number; facilityMw: number }) => (budget.kind === 'it' ? x.itMw : x.facilityMw);
      const atN = forward(generation, site, r.units);
      const atNext = forward(generation, site, r.units + 1);
      expect(measure(atN)).toBeLessThanOrEqual(budget.mw + 1e-9);
      expect(measure(atNext)).toBeGreaterThan(budget.mw);
      // Within one unit's power of the budget, and the report's figures are the forward chain's.
      expect(budget.mw - measure(atN)).toBeLessThan(measure(atNext) - measure(atN) + 1e-9);
      expect(r.itMw).toBeCloseTo(atN.itMw, 9);
      expect(r.facilityMw).toBeCloseTo(atN.facilityMw, 9);
    });
  }

  it('a fixed PUE replaces the computed one: facility = IT × PUE', () => {
    const r = fitPowerBudget({ generation: 'gb300-nvl72', site: 'houston-tx', budget: { kind: 'facility', mw: 50 }, overrides: { pueOverride: 1.4 } }, catalog, sites);
    expect(r.pueSource).toBe('override');
    expect(r.facilityMw).toBeCloseTo(r.itMw * 1.4, 9);
    expect(r.facilityMw).toBeLessThanOrEqual(50);
    expect(r.facilityMw + r.nextUnitMw).toBeGreaterThan(50);
  });

  it('a budget below one unit says so and returns zero', () => {
    const r = fitPowerBudget({ generation: 'gb300-nvl72', site: 'houston-tx', budget: { kind: 'it', mw: 0.01 } }, catalog, sites);
    expect(r.units).toBe(0);
    expect(r.issues.map((i) => i.code)).toContain('budget_below_one_unit');
  });

  it('the CLI prints the same report, and refuses two budgets at once naming both flags', async () => {
    const viaCli = await cliJson('fit', 'gb300-nvl72', '--site', 'houston-tx', '--utility-mw', '80', '--json');
    const direct = fitPowerBudget({ generation: 'gb300-nvl72', site: 'houston-tx', budget: { kind: 'utility', mw: 80 } }, catalog, sites);
    expect(viaCli.units).toBe(direct.units);
    expect(viaCli.facilityMw).toBe(direct.facilityMw);
    const err: string[] = [];
    const code = await runCli(['fit', 'gb300-nvl72', '--site', 'houston-tx', '--utility-mw', '80', '--it-mw', '20'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--it-mw.*one power budget.*--utility-mw and --it-mw/);
  });
});

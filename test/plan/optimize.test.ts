import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { minOrderUnits, optimizePlan } from '../../src/core/plan/optimize';
import { acceptProposal, planProposal } from '../../src/core/plan/proposal';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { loadSolver, type Highs } from '../../src/solver/highs';
import type { Deployment, Plan } from '../../src/core/plan/types';

const racksPerUnit = (id: string) => evaluatePlan({ schemaVersion: 1, catalogVersion: 'x', name: 'x', start: '2026-Q1', deployments: [{ site: 'houston-tx', generation: id, quarter: '2026-Q1', units: 1 }] }, loadCatalog(), loadSites()).units[0]!.report.racks;

const catalog = loadCatalog();
const sites = loadSites();
const fixture = (name: string): Plan => PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${name}.json`, 'utf8')));
let highs: Highs;

beforeAll(async () => {
  highs = await loadSolver();
});

describe('optimizer', () => {
  it('meets demand at minimum NPV within the 0.5 % gap, keeps the plan\'s orders and the rows they build, and the exact re-evaluation stays within every meter', () => {
    const plan = fixture('small');
    const r = optimizePlan(plan, catalog, sites, highs, { objective: 'npv' });
    expect(r.status).toBe('optimal');
    expect(r.mipGap!).toBeLessThanOrEqual(0.005);
    expect(r.report!.issues.filter((i) => i.severity === 'error' && i.path[0] !== 'units')).toEqual([]);
    expect(r.report!.demand.every((d) => d.unmet === 0)).toBe(true);
    // Orders and the rows they build are kept exactly (same objects, same order).
    expect(r.plan!.orders).toBe(plan.orders);
    expect(r.plan!.deployments.slice(0, plan.deployments.length)).toEqual(plan.deployments);
    // Whole units only, every proposed row names its plant.
    for (const d of r.plan!.deployments.slice(plan.deployments.length)) {
      expect(Number.isInteger(d.units)).toBe(true);
      expect(d.plant).toBeDefined();
    }
  });

  it('an infeasible plan is re-solved with penalized slack; unmet demand per period comes with its cause, binding limits in words', () => {
    const r = optimizePlan(fixture('houston-tight'), catalog, sites, highs, { objective: 'npv' });
    expect(r.status).toBe('infeasible-relaxed');
    expect(r.unmet.length).toBeGreaterThan(0);
    const first = r.unmet[0]!;
    expect(first.quarter).toBe('2026-Q4');
    expect(first.cause).toMatch(/Houston power, 2026 Q4: [\d,.]+ of 200 MW/);
    const power = r.binding.find((b) => b.kind === 'power')!;
    expect(power.sentence).toMatch(/^Houston power, \d{4} Q[1-4]: [\d,.]+ of [\d,.]+ MW$/);
    expect(power.activity).toBeLessThanOrEqual(power.limit);
  });

  it('time to capacity brings units into service no later than the NPV objective does', () => {
    const plan = fixture('small');
    const npv = optimizePlan(plan, catalog, sites, highs, { objective: 'npv' });
    const time = optimizePlan(plan, catalog, sites, highs, { objective: 'time' });
    const meanQuarter = (p: Plan) => {
      let n = 0;
      let s = 0;
      for (const d of p.deployments) {
        const [y, q] = d.quarter.split('-Q').map(Number) as [number, number];
        s += d.units * (y * 4 + q);
        n += d.units;
      }
      return s / n;
    };
    expect(time.status).toBe('optimal');
    expect(meanQuarter(time.plan!)).toBeLessThanOrEqual(meanQuarter(npv.plan!) + 1e-9);
  });
});

describe('optimizer around locked and typed rows (review 2026-12 findings 27 and 31)', () => {
  const base: Plan = {
    schemaVersion: 1,
    catalogVersion: catalog.version,
    name: 'typed rows',
    start: '2026-Q1',
    horizonYears: 3,
    demand: [{ quarter: '2027-Q4', metric: 'pflops', precision: 'fp8', value: 150_000 }],
    deployments: [
      { site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q4', units: 20, locked: true },
      { site: 'lordstown-oh', generation: 'gb300-nvl72', quarter: '2027-Q2', units: 60 },
    ],
  };

  it('a locked row comes back unchanged, no proposed row is below the minimum order, and the proposal diff lists only open rows', () => {
    const r = optimizePlan(base, catalog, sites, highs, { objective: 'npv', generations: ['gb300-nvl72', 'vr-nvl144'] });
    expect(r.plan).not.toBeNull();
    const locked = r.plan!.deployments.filter((d) => d.locked);
    expect(locked).toEqual([base.deployments[0]]);
    // Default minimum order: 8 racks (presets/prices.json planDefaults.minOrderRacks) = 8 single-rack units.
    for (const d of r.plan!.deployments.filter((x) => !x.locked)) {
      const racks = catalog.generations.find((g) => g.id === d.generation)!;
      expect(d.units, `${d.generation} ${d.quarter}`).toBeGreaterThanOrEqual(minOrderUnits(base, catalog, d.site, d.generation, racksPerUnit(racks.id)));
    }
    const p = planProposal(base, r.plan!, catalog, sites);
    expect(p.fixed).toBe(1);
    for (const row of p.rows) expect(row.before?.locked ?? false).toBe(false);
    // Accepting every row gives the proposed plan's rows (order aside).
    const accepted = acceptProposal(base, p.rows);
    const norm = (ds: readonly Deployment[]) => ds.map((d) => JSON.stringify(d)).sort();
    expect(norm(accepted.deployments)).toEqual(norm(r.plan!.deployments));
    // Whole-proposal deltas are the two evaluations' difference.
    expect(p.deltas.capexUsd).toBeCloseTo(p.after.capexUsd - p.before.capexUsd, 3);
  });

  it('accepting only the additions keeps every typed open row; a locked row is never changed even when a row asks to', () => {
    const r = optimizePlan(base, catalog, sites, highs, { objective: 'npv', generations: ['gb300-nvl72', 'vr-nvl144'] });
    const p = planProposal(base, r.plan!, catalog, sites);
    const kept = acceptProposal(base, p.rows.filter((x) => x.change === 'added'));
    expect(kept.deployments.slice(0, 2)).toEqual(base.deployments);
    const forced = acceptProposal(base, [{ change: 'removed', before: base.deployments[0]!, after: null }, { change: 'changed', before: base.deployments[0]!, after: { ...base.deployments[0]!, units: 1 } }]);
    expect(forced.deployments).toEqual(base.deployments);
  });

  it('minimum order: the plan\'s per-generation and per-site values win over the racks default', () => {
    const plan: Plan = { ...base, minOrder: { racks: 4, units: { 'gb300-nvl72': 10 }, sites: { 'houston-tx': { 'gb300-nvl72': 30 } } } };
    expect(minOrderUnits(plan, catalog, 'houston-tx', 'gb300-nvl72', 1)).toBe(30);
    expect(minOrderUnits(plan, catalog, 'lordstown-oh', 'gb300-nvl72', 1)).toBe(10);
    // 4 racks of a 2-rack unit = 2 units; 5 racks = 3 units (rounded up).
    expect(minOrderUnits(plan, catalog, 'lordstown-oh', 'vr-nvl144', 2)).toBe(2);
    expect(minOrderUnits({ ...plan, minOrder: { racks: 5 } }, catalog, 'lordstown-oh', 'vr-nvl144', 2)).toBe(3);
    expect(minOrderUnits(base, catalog, 'lordstown-oh', 'vr-nvl144', 1)).toBe(8);
  });
});

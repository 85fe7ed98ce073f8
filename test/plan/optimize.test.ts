import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { optimizePlan } from '../../src/core/plan/optimize';
import { loadSolver, type Highs } from '../../src/solver/highs';
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const sites = loadSites();
const fixture = (name: string): Plan => PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${name}.json`, 'utf8')));
let highs: Highs;

beforeAll(async () => {
  highs = await loadSolver();
});

describe('optimizer', () => {
  it('meets demand at minimum NPV within the 0.5 % gap, keeps firm orders, and the exact re-evaluation stays within every meter', () => {
    const plan = fixture('small');
    const r = optimizePlan(plan, catalog, sites, highs, { objective: 'npv' });
    expect(r.status).toBe('optimal');
    expect(r.mipGap!).toBeLessThanOrEqual(0.005);
    expect(r.report!.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.report!.demand.every((d) => d.unmet === 0)).toBe(true);
    const firm = r.plan!.orders!.filter((o) => o.generation === 'gb300-nvl72' && o.plant === 'lordstown-oh' && o.quarter === '2026-Q1' && o.kind === 'firm');
    expect(firm.reduce((s, o) => s + o.units, 0)).toBe(120);
    expect(r.binding.some((b) => b.kind === 'firmOrder')).toBe(true);
    // Whole units only.
    for (const d of r.plan!.deployments) expect(Number.isInteger(d.units)).toBe(true);
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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { planJson, planTables } from '../../src/export/plan-export';
import { toCsv } from '../../src/export/csv';
import { neutralizeText } from '../../src/export/table';

const generations = loadCatalog().generations.map((g) => g.id);
const sites = loadSites();
const dcSites = sites.filter((s) => s.roles.dataCenter).map((s) => s.id);
const plants = sites.filter((s) => s.roles.plant).map((s) => s.id);
const quarter = (y: number, q: number) => `${y}-Q${q}`;

/** Generated plans: hostile names, optional fields present or not, deployments and orders within the horizon. */
const planArb = fc
  .record({
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom('=1+1', '+cmd', '-x', '@SUM(A1)', '\tx', '<script>alert(1)</script>', 'Ünïcødé — plan')),
    startYear: fc.integer({ min: 2026, max: 2029 }),
    startQ: fc.integer({ min: 1, max: 4 }),
    horizonYears: fc.integer({ min: 1, max: 3 }),
    discountRate: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
    utilization: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
    basis: fc.option(fc.constantFrom('min', 'typical', 'max'), { nil: undefined }),
    deployments: fc.array(fc.record({ site: fc.constantFrom(...dcSites), generation: fc.constantFrom(...generations), qOffset: fc.nat(7), units: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 5 }),
    orders: fc.array(fc.record({ generation: fc.constantFrom(...generations), plant: fc.constantFrom(...plants), qOffset: fc.nat(7), units: fc.integer({ min: 0, max: 12 }), kind: fc.constantFrom('firm', 'option') }), { maxLength: 3 }),
  })
  .map((r) => {
    const q = (off: number) => {
      const i = (r.startYear * 4 + r.startQ - 1 + (off % (r.horizonYears * 4)));
      return quarter(Math.floor(i / 4), (i % 4) + 1);
    };
    const plan: Record<string, unknown> = { schemaVersion: 1, catalogVersion: '2026.11.1', name: r.name.trim() || 'p', start: quarter(r.startYear, r.startQ), horizonYears: r.horizonYears };
    if (r.discountRate !== undefined) plan.discountRate = r.discountRate;
    if (r.utilization !== undefined) plan.utilization = r.utilization;
    if (r.basis !== undefined) plan.basis = r.basis;
    if (r.orders.length) plan.orders = r.orders.map((o) => ({ generation: o.generation, plant: o.plant, quarter: q(o.qOffset), units: o.units, kind: o.kind }));
    plan.deployments = r.deployments.map((d) => ({ site: d.site, generation: d.generation, quarter: q(d.qOffset), units: d.units }));
    return plan;
  });

describe('round trip over generated plans', () => {
  it('export JSON → import gives the same plan; exporting it again gives the same bytes; tables hold numbers and neutralized text', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const first = importPlan(JSON.stringify(raw));
        if (!first.ok) throw new Error(first.error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
        const bundle = planBundle(first.value.value);
        const json = planJson(bundle);
        const back = importPlan(json);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.value.value).toEqual(first.value.value);
        expect(planJson(planBundle(back.value.value))).toBe(json);
        const t = planTables(bundle);
        const summary = Papa.parse<Record<string, string>>(toCsv(t.summary), { header: true, skipEmptyLines: true });
        expect(summary.data.find((r) => r.item === 'Plan')!.text).toBe(neutralizeText(raw.name as string));
        const schedule = Papa.parse<Record<string, unknown>>(toCsv(t.schedule), { header: true, skipEmptyLines: true, dynamicTyping: true });
        for (const row of schedule.data) {
          expect(typeof row.racks).toBe('number');
          expect(Number.isFinite(row.it_mw as number)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

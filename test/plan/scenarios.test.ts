import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { compareScenarios, horizonWaterM3, sitePeakFacilityMw } from '../../src/core/plan/scenarios';
import { runCli } from '../../src/cli/main';
import { findNonFinite } from '../../src/cli/output';
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const sites = loadSites();
const fixture = (name: string): Plan => PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${name}.json`, 'utf8')));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err: err.trim() };
}

describe('compareScenarios', () => {
  const small = fixture('small');
  // A second scenario by hand: the same plan with every order and deployment doubled.
  const doubled: Plan = { ...small, name: 'Doubled', orders: small.orders?.map((o) => ({ ...o, units: o.units * 2 })), deployments: small.deployments.map((d) => ({ ...d, units: d.units * 2 })) };
  const a = evaluatePlan(small, catalog, sites);
  const b = evaluatePlan(doubled, catalog, sites);
  const c = compareScenarios([{ name: 'Small', report: a }, { name: 'Doubled', report: b }]);
  const row = (key: string) => c.rows.find((r) => r.key === key)!;

  it("reads each figure from the plan's own report and takes deltas from the first", () => {
    expect(c.names).toEqual(['Small', 'Doubled']);
    expect(row('capexUsd').values).toEqual([a.totals.capexUsd, b.totals.capexUsd]);
    expect(row('npvTcoUsd').deltas[1]).toBeCloseTo(b.totals.npvTcoUsd - a.totals.npvTcoUsd, 3);
    expect(row('npvTcoUsd').deltas[0]).toBeNull();
    expect(row('horizonCo2Tonnes').deltaPcts[1]).toBeCloseTo((100 * (b.totals.horizonCo2Tonnes - a.totals.horizonCo2Tonnes)) / a.totals.horizonCo2Tonnes, 9);
    // Twice the ordered units: unit capex exactly doubles (same prices, same quarters).
    expect(row('unitCapexUsd').values[1]).toBeCloseTo(2 * a.totals.unitCapexUsd, 3);
  });

  it('has a per-site peak facility row for every site either plan uses, and firm/option exposure', () => {
    for (const s of a.sites) {
      const r = row(`peakFacilityMw.${s.id}`);
      expect(r.site).toBe(s.id);
      expect(r.values[0]).toBe(Math.max(...s.quarters.map((q) => q.facilityMw)));
      expect(r.values[0]).toBe(sitePeakFacilityMw(a, s.id));
    }
    expect(row('firmCapexUsd').better).toBe('none');
    expect(row('optionCapexUsd').values).toEqual([a.totals.optionCapexUsd, b.totals.optionCapexUsd]);
  });

  it('water is the sites’ yearly water summed', () => {
    const byHand = a.sites.reduce((s, x) => s + x.years.reduce((t, y) => t + (y.waterM3 ?? 0), 0), 0);
    expect(horizonWaterM3(a)).toBeCloseTo(byHand, 6);
    expect(row('horizonWaterM3').values[0]).toBeCloseTo(byHand, 6);
  });

  it('a site only one scenario uses is null (not 0) in the other', () => {
    const oneSite: Plan = { ...small, name: 'Houston only', deployments: small.deployments.filter((d) => d.site === 'houston-tx') };
    const d = compareScenarios([{ name: 'Small', report: a }, { name: 'Houston only', report: evaluatePlan(oneSite, catalog, sites) }]);
    const lordstown = d.rows.find((r) => r.key === 'peakFacilityMw.lordstown-oh')!;
    expect(lordstown.values[1]).toBeNull();
    expect(lordstown.deltas[1]).toBeNull();
  });
});

describe('rackplan plan --compare and --ranges', () => {
  it('--compare --json lists every row with deltas; text has a delta column per scenario', async () => {
    const r = await run('plan', 'presets/plans/small.json', 'presets/plans/houston-tight.json', '--compare', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(findNonFinite(j)).toBeUndefined();
    expect(j.scenarios.names).toHaveLength(2);
    const t = await run('plan', 'presets/plans/small.json', 'presets/plans/houston-tight.json', '--compare');
    expect(t.out).toMatch(/Δ B − A/);
    expect(t.out).toMatch(/NPV TCO/);
  });

  it('--compare needs two or three files; --samples needs --ranges', async () => {
    const one = await run('plan', 'presets/plans/small.json', '--compare');
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/two or three plan JSON files/);
    const s = await run('plan', 'presets/plans/small.json', '--samples', '100');
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/--samples: only with --ranges/);
    const bad = await run('plan', 'presets/plans/small.json', '--ranges', '--samples', '3');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--samples: a whole number of samples from 20 to 100000 \(got "3"\)/);
  });

  it('--ranges --json: totals.ranges.<total>.{low,typical,high} around the plan’s totals, and sensitivity[]', async () => {
    const r = await run('plan', 'presets/plans/small.json', '--ranges', '--samples', '200', '--seed', '5', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(findNonFinite(j)).toBeUndefined();
    for (const k of ['capexUsd', 'npvTcoUsd', 'peakFacilityMw', 'horizonEnergyMwh', 'horizonCo2Tonnes']) {
      const b = j.totals.ranges[k];
      expect(b.low).toBeLessThanOrEqual(b.typical);
      expect(b.high).toBeGreaterThanOrEqual(b.typical);
    }
    expect(j.totals.ranges.capexUsd.typical).toBe(j.totals.capexUsd);
    expect(j.sensitivity.length).toBeGreaterThan(0);
    expect(j.rangeMethod.samples).toBe(200);
    // One owner: the CLI's bands and tornado are planRanges' own (same plan, samples and seed).
    const { planRanges } = await import('../../src/core/plan/ranges');
    const own = planRanges(fixture('small'), catalog, sites, { samples: 200, seed: 5 });
    expect(j.totals.ranges).toEqual(JSON.parse(JSON.stringify(own.totals)));
    expect(j.sensitivity.map((x: { input: string }) => x.input)).toEqual(own.sensitivity.map((x) => x.input));
    const text = await run('plan', 'presets/plans/small.json', '--ranges', '--samples', '200');
    expect(text.out).toMatch(/What moves NPV TCO most/);
    expect(text.out).toMatch(/What moves Peak facility MW/);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { evaluatePlan, WEEKS_PER_QUARTER } from '../../src/core/plan/evaluate';
import { unitFacts } from '../../src/core/plan/facts';
import { findNonFinite } from '../../src/cli/output';
import { pickSourced } from '../../src/core/provenance';
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const sites = loadSites();
const fixture = (name: string): Plan => PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${name}.json`, 'utf8')));
const price = (id: string) => pickSourced(catalog.prices.unitPrices[id]!.usd, 'typical');

describe('evaluatePlan on the small example', () => {
  const plan = fixture('small');
  const r = evaluatePlan(plan, catalog, sites);

  it('has no plan-level errors and reports every site it deploys to', () => {
    expect(r.issues.filter((i) => i.severity === 'error' && i.path[0] !== 'units')).toEqual([]);
    expect(r.sites.map((s) => s.id)).toEqual(['houston-tx', 'lordstown-oh']);
  });

  it('annual figures follow the issue\'s identities: MWh = itMw × utilization × pue × 8,760; USD = MWh × 1,000 × price; t = MWh × kg/MWh / 1,000', () => {
    for (const s of r.sites) {
      for (const y of s.years) {
        expect(y.annualEnergyMwh).toBeCloseTo(y.itMw * y.utilization * (y.pue ?? 1) * 8760 * y.fractionOfYear, 6);
        expect(y.annualEnergyCostUsd).toBeCloseTo(y.annualEnergyMwh * 1000 * y.priceUsdPerKwh, 3);
        expect(y.annualCo2Tonnes).toBeCloseTo((y.annualEnergyMwh * s.co2KgPerMwh) / 1000, 6);
      }
      const last = s.years.find((y) => y.year === s.year)!;
      expect(s.annualEnergyMwh).toBe(last.annualEnergyMwh);
    }
  });

  it('derived: unit capex = Σ orders × typical price, split firm vs option', () => {
    // 120 × GB300 (firm) at USD 3.5 M + 100 × VR NVL144 (option) at USD 5 M = 420 M + 500 M.
    expect(r.totals.unitCapexUsd).toBeCloseTo(120 * price('gb300-nvl72') + 100 * price('vr-nvl144'), 0);
    expect(r.totals.firmCapexUsd).toBeCloseTo(120 * price('gb300-nvl72'), 0);
    expect(r.totals.optionCapexUsd).toBeCloseTo(100 * price('vr-nvl144'), 0);
    expect(r.totals.capexUsd).toBeCloseTo(r.totals.unitCapexUsd + r.totals.networkCapexUsd + r.totals.facilityCapexUsd, 0);
    expect(r.totals.tcoUsd).toBeCloseTo(r.totals.capexUsd + r.totals.energyCostUsd + r.totals.capacityCostUsd + r.totals.maintenanceUsd, 0);
    expect(r.totals.npvTcoUsd).toBeLessThan(r.totals.tcoUsd);
  });

  it('derived: a plant builds units × racks ÷ 13 racks a week, and its parts scale with them (plus spares, rounded up)', () => {
    // Lordstown, 2026-Q1: 120 GB300 units of 1 rack → 120 / 13 = 9.23 racks/week.
    const oh = r.plants.find((p) => p.id === 'lordstown-oh')!;
    const q = oh.quarters.find((x) => x.quarter === '2026-Q1')!;
    expect(q.racksPerWeek).toBeCloseTo(120 / WEEKS_PER_QUARTER, 9);
    const f = unitFacts(catalog.generations.find((g) => g.id === 'gb300-nvl72')!, { basis: 'max' }, catalog);
    expect(q.partsPerWeek.powerShelves).toBe(Math.ceil((f.parts.powerShelves * 120 * 1.02) / 13 - 1e-9));
    expect(q.partsPerWeek.psus).toBe(Math.ceil((f.parts.psus * 120 * 1.02) / 13 - 1e-9));
    expect(q.partsPerWeek.cableAssemblies.find((c) => c.type === 'scale-up copper')!.count).toBe(Math.ceil((f.report.cabling.scaleUpCables * 120 * 1.02) / 13 - 1e-9));
    expect(q.utilization).toBeCloseTo(q.racksPerWeek / q.capacityRacksPerWeek, 12);
  });

  it('demand rows compare dense PFLOPS in service with the requirement', () => {
    const d = r.demand[0]!;
    const gb300 = unitFacts(catalog.generations.find((g) => g.id === 'gb300-nvl72')!, { basis: 'max', altitudeM: 300 }, catalog);
    const vr = unitFacts(catalog.generations.find((g) => g.id === 'vr-nvl144')!, { basis: 'max', altitudeM: 30 }, catalog);
    expect(d.supplied).toBeCloseTo(120 * gb300.pflops.fp8! + 100 * vr.pflops.fp8!, 6);
    expect(d.unmet).toBeCloseTo(Math.max(0, d.required - d.supplied), 9);
  });

  it('quarters carry the headroom against the meter and a stranded-capacity reading', () => {
    const tx = r.sites.find((s) => s.id === 'houston-tx')!;
    for (const q of tx.quarters) {
      expect(q.headroomMw).toBeCloseTo(q.meterMw - q.facilityMw, 9);
      expect(q.positionsFree).toBe(q.positions - q.racks);
      if (q.racks > 0) expect(q.stranded.generation).toBe('vr-nvl144');
    }
  });
});

describe('the three-site plan', () => {
  const r = evaluatePlan(fixture('three-sites-7y'), catalog, sites);
  it('Wisconsin, Ohio and Texas get different PUE, cost and carbon, each from their own climate, tariff and grid', () => {
    const by = Object.fromEntries(r.sites.map((s) => [s.id, s]));
    const wi = by['mount-pleasant-wi']!;
    const oh = by['lordstown-oh']!;
    const tx = by['houston-tx']!;
    expect(new Set([wi.peakPue, oh.peakPue, tx.peakPue]).size).toBe(3);
    expect(tx.pue!).toBeGreaterThan(wi.pue!); // hotter climate → more chiller hours
    expect(new Set([wi.priceUsdPerKwh, oh.priceUsdPerKwh, tx.priceUsdPerKwh]).size).toBe(3);
    expect(wi.co2KgPerMwh).toBeGreaterThan(oh.co2KgPerMwh); // MROE > RFCW > ERCT
    expect(oh.co2KgPerMwh).toBeGreaterThan(tx.co2KgPerMwh);
    expect(r.totals.horizonCo2Tonnes).toBeCloseTo(r.sites.reduce((s, x) => s + x.years.reduce((a, y) => a + y.annualCo2Tonnes, 0), 0), 3);
  });

  it('the report is JSON-safe (no NaN or Infinity anywhere)', () => {
    expect(findNonFinite(JSON.parse(JSON.stringify(r)))).toBeUndefined();
    expect(findNonFinite(r)).toBeUndefined();
  });
});

describe('limits and bad references come back as issues, never thrown', () => {
  const base = fixture('small');
  it('too much at a site: site_power_exceeded and site_positions_exceeded with limit and actual', () => {
    const r = evaluatePlan({ ...base, orders: [], deployments: [{ site: 'houston-tx', generation: 'vr-nvl144', quarter: '2026-Q3', units: 2000 }] }, catalog, sites);
    const p = r.issues.find((i) => i.code === 'site_power_exceeded')!;
    expect(p).toMatchObject({ severity: 'error', unit: 'MW', limit: 200 });
    expect(p.actual!).toBeGreaterThan(200);
    expect(p.path).toEqual(['sites', 'houston-tx', 'quarters', '2026-Q3']);
    expect(r.issues.some((i) => i.code === 'site_positions_exceeded')).toBe(true);
  });

  it('a plant building past its capacity, or a generation it does not build', () => {
    const r = evaluatePlan(
      {
        ...base,
        orders: [
          { generation: 'gb300-nvl72', plant: 'lordstown-oh', quarter: '2026-Q1', units: 13 * 400, kind: 'firm' },
          { generation: 'trn3-gen2-ultraserver', plant: 'houston-tx', quarter: '2026-Q3', units: 1, kind: 'option' },
        ],
      },
      catalog,
      sites,
    );
    expect(r.issues.find((i) => i.code === 'plant_over_capacity')).toMatchObject({ limit: 300, actual: 400, unit: 'racks/week' });
    expect(r.issues.find((i) => i.code === 'plant_generation_not_built')!.path).toEqual(['orders', 1]);
  });

  it('deployments ahead of shipments', () => {
    const r = evaluatePlan({ ...base, orders: [{ generation: 'gb300-nvl72', plant: 'lordstown-oh', quarter: '2026-Q2', units: 120, kind: 'firm' }] }, catalog, sites);
    expect(r.issues.some((i) => i.code === 'deployment_exceeds_supply')).toBe(true);
  });

  it('unknown ids are errors at their paths; the rest still evaluates', () => {
    const r = evaluatePlan({ ...base, deployments: [...base.deployments, { site: 'austin-tx', generation: 'gb300-nvl72', quarter: '2026-Q3', units: 1 }, { site: 'houston-tx', generation: 'nope', quarter: '2026-Q3', units: 1 }] }, catalog, sites);
    expect(r.issues.find((i) => i.code === 'unknown_site')!.path).toEqual(['deployments', 2, 'site']);
    expect(r.issues.find((i) => i.code === 'unknown_generation')!.path).toEqual(['deployments', 3, 'generation']);
    expect(r.sites.map((s) => s.id)).toEqual(['houston-tx', 'lordstown-oh']);
  });

  it('an alias resolves to its id with an info issue', () => {
    const r = evaluatePlan({ ...base, orders: [], deployments: [{ site: 'lordstown-oh', generation: 'vr-nvl72', quarter: '2027-Q1', units: 1 }] }, catalog, sites);
    expect(r.issues.find((i) => i.code === 'generation_alias')).toMatchObject({ severity: 'info' });
    expect(r.sites[0]!.quarters.at(-1)!.units[0]!.generation).toBe('vr-nvl144');
  });
});

describe('properties', () => {
  const gens = ['gb200-nvl72', 'gb300-nvl72', 'vr-nvl144', 'dgx-b200', 'trn3-gen2-ultraserver', 'trn2-ultraserver', 'inf2-server'];
  const siteIds = ['houston-tx', 'lordstown-oh', 'mount-pleasant-wi'];
  const dep = fc.record({
    site: fc.constantFrom(...siteIds),
    generation: fc.constantFrom(...gens),
    quarter: fc.constantFrom('2026-Q1', '2026-Q3', '2027-Q2', '2028-Q4', '2029-Q1'),
    units: fc.integer({ min: 0, max: 400 }),
  });
  const planArb = fc.record({
    deployments: fc.array(dep, { minLength: 1, maxLength: 8 }),
    utilization: fc.double({ min: 0.1, max: 1, noNaN: true }),
    discountRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  });
  const mk = (p: { deployments: Plan['deployments']; utilization: number; discountRate: number }): Plan => ({ schemaVersion: 1, catalogVersion: catalog.version, name: 'prop', start: '2026-Q1', horizonYears: 4, ...p });

  it('finite outputs, PUE ≥ 1, inputs never mutated', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const plan = mk(p);
        const before = JSON.stringify(plan);
        const r = evaluatePlan(plan, catalog, sites);
        expect(JSON.stringify(plan)).toBe(before);
        expect(findNonFinite(r)).toBeUndefined();
        for (const s of r.sites) for (const q of s.quarters) if (q.pue !== null) expect(q.pue).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });

  it('energy is monotone in load: adding a deployment never lowers horizon energy', () => {
    fc.assert(
      fc.property(planArb, dep, (p, extra) => {
        const a = evaluatePlan(mk(p), catalog, sites);
        const b = evaluatePlan(mk({ ...p, deployments: [...p.deployments, { ...extra, units: extra.units + 1 }] }), catalog, sites);
        expect(b.totals.horizonEnergyMwh).toBeGreaterThanOrEqual(a.totals.horizonEnergyMwh - 1e-6);
      }),
      { numRuns: 30 },
    );
  });
});

describe('plan issues roll up the units’ own (review 2026-12 finding 30)', () => {
  // 415 V 16 A whips cannot feed a GB300 NVL72 rack (hand: 415 × 16 × √3 ≈ 11.5 kVA against ~135 kW): unit-level errors.
  const plan: Plan = { ...fixture('small'), unitOptions: { 'gb300-nvl72': { feedAmps: 16 } } };
  const r = evaluatePlan(plan, catalog, sites);

  it('every non-info issue of every unit report appears once in the plan’s issues at units.<site>.<generation>, naming both', () => {
    for (const u of r.units) {
      for (const i of u.report.issues.filter((x) => x.severity !== 'info')) {
        const rolled = r.issues.filter((x) => x.code === i.code && x.path[0] === 'units' && x.path[1] === u.site && x.path[2] === u.generation && x.path.slice(3).join('.') === i.path.join('.'));
        expect(rolled).toHaveLength(1);
        expect(rolled[0]!.severity).toBe(i.severity);
        expect(rolled[0]!.message).toContain(u.report.name);
        expect(rolled[0]!.message).toContain(i.message);
      }
    }
    // A plan whose units have errors must not read "no issues".
    expect(r.units.some((u) => u.report.issues.some((i) => i.severity === 'error'))).toBe(true);
    expect(r.issues.some((i) => i.path[0] === 'units' && i.severity === 'error')).toBe(true);
  });
});

describe('plants build every deployment row (review 2026-12 finding 28)', () => {
  const base: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 'typed', start: '2026-Q1', horizonYears: 3, deployments: [] };
  const lordstown = sites.find((s) => s.id === 'lordstown-oh')!;
  const lead = Math.ceil(pickSourced(lordstown.roles.plant!.leadTimeWeeks, 'typical') / WEEKS_PER_QUARTER);

  it('a typed row without orders is built by the nearest plant that builds it, lead time ahead, and costed there (open: option)', () => {
    // GB300 at Lordstown: Lordstown is itself a plant that builds GB300 (0 km), so it is the nearest.
    const plan: Plan = { ...base, deployments: [{ site: 'lordstown-oh', generation: 'gb300-nvl72', quarter: '2027-Q2', units: 26 }] };
    const r = evaluatePlan(plan, catalog, sites);
    const build = r.builds[0]!;
    expect(build).toMatchObject({ index: 0, plant: 'lordstown-oh', choice: 'nearest', locked: false });
    const [y, q] = [2027, 2];
    const bq = y * 4 + (q - 1) - lead;
    expect(build.buildQuarter).toBe(`${Math.floor(bq / 4)}-Q${(bq % 4) + 1}`);
    const pq = r.plants.find((p) => p.id === 'lordstown-oh')!.quarters.find((x) => x.quarter === build.buildQuarter)!;
    // 26 units × 1 rack ÷ 13 weeks = 2 racks a week.
    expect(pq.racksPerWeek).toBeCloseTo(2, 12);
    expect(pq.partsPerWeek.psus).toBeGreaterThan(0);
    expect(r.totals.optionCapexUsd).toBeCloseTo(26 * price('gb300-nvl72'), 0);
    expect(r.totals.firmCapexUsd).toBe(0);
  });

  it('a locked row counts as firm capex; a row naming its plant is built there', () => {
    const plan: Plan = { ...base, deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2027-Q2', units: 13, locked: true, plant: 'lordstown-oh' }] };
    const r = evaluatePlan(plan, catalog, sites);
    expect(r.builds[0]).toMatchObject({ plant: 'lordstown-oh', choice: 'row', locked: true });
    expect(r.totals.firmCapexUsd).toBeCloseTo(13 * price('gb300-nvl72'), 0);
    expect(r.totals.optionCapexUsd).toBe(0);
    expect(r.totals.unitCapexUsd).toBeCloseTo(r.totals.firmCapexUsd + r.totals.optionCapexUsd, 6);
    expect(r.totals.capexUsd).toBeCloseTo(r.totals.unitCapexUsd + r.totals.networkCapexUsd + r.totals.facilityCapexUsd, 6);
  });

  it('a row naming a site that is no plant is an error at its plant field', () => {
    const plan: Plan = { ...base, deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2027-Q2', units: 13, plant: 'nowhere' }] };
    const r = evaluatePlan(plan, catalog, sites);
    expect(r.issues.find((i) => i.code === 'unknown_site')?.path).toEqual(['deployments', 0, 'plant']);
  });
});

describe('demand every quarter: supply against demand', () => {
  it('a demand entry holds until the next; balance = supplied − required; supply counts units in service', () => {
    const plan: Plan = {
      schemaVersion: 1,
      catalogVersion: catalog.version,
      name: 'demand',
      start: '2026-Q1',
      horizonYears: 2,
      demand: [
        { quarter: '2026-Q2', metric: 'accelerators', value: 1000 },
        { quarter: '2027-Q1', metric: 'accelerators', value: 2000 },
      ],
      deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q3', units: 20 }],
    };
    const r = evaluatePlan(plan, catalog, sites);
    const s = r.demandSeries[0]!;
    expect(s.metric).toBe('accelerators');
    expect(s.quarters).toHaveLength(8);
    // Hand: 20 GB300 NVL72 racks × 72 GPUs = 1,440 accelerators from 2026 Q3.
    expect(s.quarters.map((q) => q.supplied)).toEqual([0, 0, 1440, 1440, 1440, 1440, 1440, 1440]);
    expect(s.quarters.map((q) => q.required)).toEqual([null, 1000, 1000, 1000, 2000, 2000, 2000, 2000]);
    expect(s.quarters.map((q) => q.balance)).toEqual([null, -1000, 440, 440, -560, -560, -560, -560]);
    expect(s.quarters.map((q) => q.entry)).toEqual([false, true, false, false, true, false, false, false]);
  });
});

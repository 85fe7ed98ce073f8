/**
 * One entry for "a site at a load" (`evaluateSite`), one reference-load rule, one way of applying site defaults:
 * the Rack designer's facility chain, the Sites view, `rackplan site --json` and compare show the same figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { findGeneration } from '../../src/core/catalog/lookup';
import { compareAccelerators } from '../../src/core/plan/compare';
import { planContext } from '../../src/core/plan/context';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { evaluateSite, planDefaults, referenceGeneration, siteContext, siteSettings, unitFactsAt, type SiteEvaluation } from '../../src/core/plan/evaluate-site';
import type { Plan } from '../../src/core/plan/types';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { siteUnitDefaults, unitOptionsAtSite } from '../../src/core/sites/unit-defaults';
import { facilityChain, siteDefaults } from '../../src/views/site-chain';
import { siteCards } from '../../src/views/sites-view';
import { constantClimate, flatStage, plant, siteWith, v } from './helpers';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const sites = loadSites();
const SITE_IDS = ['houston-tx', 'lordstown-oh', 'mount-pleasant-wi'];
const gb300 = findGeneration(catalog, 'gb300-nvl72')!.generation;

function referenceAt(siteId: string): SiteEvaluation {
  const r = evaluateSite(sites.find((s) => s.id === siteId)!, catalog, siteSettings(catalog));
  if (!r.ok) throw new Error(r.error[0]!.message);
  return r.value;
}


/** A plan document of a test: empty, every setting at its default. */
const emptyPlan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 'test', start: '2026-Q1', deployments: [] };

describe('the same site at the same reference load shows the same figures everywhere', () => {
  for (const id of SITE_IDS) {
    it(`${id}: Rack designer chain, Sites view card, rackplan site --json and compare agree`, async () => {
      const ref = referenceAt(id);
      expect(ref.load.rule).toBe('reference');
      expect(ref.load.generation).toBe('gb300-nvl72');

      // Rack designer: the user's options (none) over the site's defaults, as the designer derives them.
      const options = { ...siteDefaults(id) };
      const chain = facilityChain(id, gb300, options, catalog)!;
      expect(chain.load).toEqual(ref.load);
      expect(chain.unitsFilled).toBe(ref.load.units);
      expect(chain.peakPue).toBe(ref.peak.pue);
      expect((chain.meterKw * chain.unitsFilled) / 1000).toBeCloseTo(ref.peak.facilityMw, 9);
      expect(chain.note).toContain(`${ref.load.units.toLocaleString('en-US')} × gb300-nvl72`);
      expect(chain.note).toMatch(/% of the final [\d,]+ MW meter/);

      // Sites view: a plan that does not use the site shows it at its reference load.
      const card = siteCards(emptyPlan, evaluatePlan(emptyPlan, catalog, sites), catalog, sites).find((c) => c.id === id)!;
      expect(card.dc!.pue.load).toEqual(ref.load);
      expect(card.dc!.pue.annual).toEqual(ref.annual);
      expect(card.dc!.pue.peak).toEqual(ref.peak);
      expect(card.dc!.pue.basis).toContain('reference load');
      expect(card.dc!.water).toEqual({ wueLPerKwh: ref.annual.wueLPerKwh, waterM3: ref.annual.waterM3PerYear, year: null });
      expect(card.dc!.ramp).toEqual({ trainingRampMw: ref.detail.rampKw / 1000, transientPeakMw: ref.detail.transientPeakKw / 1000 });

      // rackplan site --json
      const json = await cliJson('site', id, '--json');
      const load = json.load as Record<string, unknown>;
      expect(load).toMatchObject({ rule: 'reference', generation: 'gb300-nvl72', units: ref.load.units, racks: ref.load.racks, fillFraction: ref.load.fillFraction, finalMeterMw: ref.load.finalMeterMw });
      expect(load.itMw).toBe(ref.load.itMw);
      expect((json.pue as { pue: number }).pue).toBe(ref.annual.pue);
      expect((json.peakPue as { pue: number; facilityMw: number }).pue).toBe(ref.peak.pue);
      expect((json.peakPue as { facilityMw: number }).facilityMw).toBe(ref.peak.facilityMw);
      expect(json.headroom).toEqual({ quarter: ref.load.finalQuarter, mw: ref.headroomMw, positions: ref.positionsFree });
      expect(json.water).toEqual({ rejection: ref.site.roles.dataCenter!.cooling.rejection, wueLPerKwh: ref.annual.wueLPerKwh, waterM3: ref.annual.waterM3PerYear });
      expect(load.trainingRampMw).toBe(ref.detail.rampKw / 1000);
      expect(load.transientPeakMw).toBe(ref.detail.transientPeakKw / 1000);

      // Compare: an IT target of exactly the reference units' input.
      const f = ref.context.facts('gb300-nvl72');
      const report = compareAccelerators(['gb300-nvl72'], { metric: 'itMw', value: (ref.load.units * f.inputKw) / 1000 }, id, catalog, sites);
      const o = report.options[0]!;
      expect(o.units).toBe(ref.load.units);
      expect(o.pue).toBe(ref.annual.pue);
      expect(o.peakPue).toBe(ref.peak.pue);
      expect(o.facilityMw).toBe(ref.peak.facilityMw);
      expect(o.itMw).toBe(ref.load.itMw);
      expect(o.fillFraction).toBe(ref.load.fillFraction);
      expect(report.utilization).toBe(planDefaults(catalog).utilization);
    });
  }

  it('the reference load fills the final build-out: facility at peak PUE within the final meter, one more unit would not fit', () => {
    for (const id of SITE_IDS) {
      const ref = referenceAt(id);
      const site = sites.find((s) => s.id === id)!;
      expect(ref.load.finalMeterMw).toBe(Math.max(...site.roles.dataCenter!.meterMw.map((s) => (s.value as { value: number }).value)));
      expect(ref.load.facilityMw).toBeLessThanOrEqual(ref.load.finalMeterMw);
      expect(ref.load.fillFraction).toBeGreaterThan(0.99);
      expect(ref.load.bindingConstraint).toBe('power');
      const more = evaluateSite(site, catalog, siteSettings(catalog), { units: ref.load.units + 1 });
      expect(more.ok && more.value.load.facilityMw).toBeGreaterThan(ref.load.finalMeterMw);
      expect(ref.headroomMw).toBeCloseTo(ref.load.finalMeterMw - ref.load.facilityMw, 12);
    }
  });
});

describe('evaluateSite is the plan’s own site context', () => {
  it('equals the site figures the plan reports for the same load and settings', () => {
    const site = sites.find((s) => s.id === 'lordstown-oh')!;
    const units = 1200;
    // A plan with every unit in service from its first quarter: its last full year shows the same load.
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 'test', start: '2028-Q1', horizonYears: 2, utilization: 0.7, design: '20-year', deployments: [{ quarter: '2028-Q1', site: site.id, generation: 'gb300-nvl72', units }] };
    const sr = evaluatePlan(plan, catalog, sites).sites.find((s) => s.id === site.id)!;
    const r = evaluateSite(site, catalog, siteSettings(catalog, plan), { units });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.annual).toEqual(sr.pueDetail);
    expect(r.value.peak).toEqual(sr.peakPueDetail);

    // The contexts themselves: same settings, and the very same (memoized) unit facts.
    const fromPlan = planContext(plan, catalog, sites).siteContext(site);
    const direct = siteContext(site, catalog, siteSettings(catalog, plan));
    expect({ ...fromPlan, facts: null }).toEqual({ ...direct, facts: null });
    expect(fromPlan.facts('gb300-nvl72')).toBe(direct.facts('gb300-nvl72'));
  });

  it('settings default from the catalog in one place', () => {
    const d = planDefaults(catalog);
    const s = siteSettings(catalog);
    expect(s.utilization).toBe(d.utilization);
    expect(s.design).toBe('0.4%');
    expect(s.basis).toBe('max');
    const ctx = planContext(emptyPlan, catalog, sites);
    expect(ctx.utilization).toBe(d.utilization);
    expect(ctx.horizonYears).toBe(d.horizonYears);
    expect(ctx.discountRate).toBe(d.discountRate);
  });

  it('fails with typed issues, never throws, for a site without a data center or an unknown generation', () => {
    const site = sites.find((s) => s.id === 'lordstown-oh')!;
    const noDc = evaluateSite({ ...site, roles: { ...site.roles, dataCenter: null } }, catalog, siteSettings(catalog));
    expect(noDc).toMatchObject({ ok: false, error: [{ code: 'not_a_data_center', severity: 'error', path: ['site'] }] });
    const unknown = evaluateSite(site, catalog, siteSettings(catalog), { generation: 'gb999' });
    expect(unknown).toMatchObject({ ok: false, error: [{ code: 'unknown_generation', severity: 'error' }] });
  });
});

describe('the reference-load rule, derived by hand', () => {
  // A site where every term is linear in load: one chain stage at η = 1 (no losses), a constant 0 °C climate
  // (chiller-free all year and at the design condition: 0 °C + 5 K approach is below every supply temperature),
  // pumps and fans 0.01 (liquid) / 0.03 (air) + 0.02 (rejection) kW per kW of heat, fixed overhead 2 % of design IT,
  // and switches without power (network.switchW = 0), so design IT = n × unit input.
  // Per unit at the design condition: facility = input + 0.03 × liquid + 0.05 × (input − liquid) + 0.02 × input.
  const dc = {
    climate: constantClimate(0, -2),
    powerChain: { stages: [flatStage('all', 1)] },
    cooling: plant(),
    fixedOverheadFraction: v(0.02, 'fraction'),
    heatRejectionMw: [],
    switchPorts: [],
  };
  const settings = siteSettings(catalog, { network: { switchW: 0 } });
  const unit = evaluateUnit(gb300, { altitudeM: 30, floorLimitKgM2: 3000, basis: 'max' }, catalog); // Houston's altitude and floor
  const input = unit.power.inputKw;
  const liquid = unit.cooling.liquidKw;
  const perUnitKw = input + 0.03 * liquid + 0.05 * (input - liquid) + 0.02 * input;

  it('power binds: units = ⌊meter ÷ facility per unit⌋ and the fill is their facility over the meter', () => {
    const site = siteWith('hand-power', { ...dc, meterMw: [{ from: '2026-Q1', value: v(100, 'MW') }], rackPositions: [{ from: '2026-Q1', value: v(100_000, 'racks') }] });
    const r = evaluateSite(site, catalog, settings);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.detail.fabric.switchKw).toBe(0);
    const units = Math.floor((100 * 1000) / perUnitKw);
    expect(r.value.load.units).toBe(units);
    expect(r.value.load.bindingConstraint).toBe('power');
    expect(r.value.load.itMw).toBeCloseTo((units * input) / 1000, 9);
    expect(r.value.load.facilityMw).toBeCloseTo((units * perUnitKw) / 1000, 9);
    expect(r.value.load.fillFraction).toBeCloseTo((units * perUnitKw) / 100_000, 9);
    expect(r.value.peak.pue).toBeCloseTo(perUnitKw / input, 12);
  });

  it('positions bind: one GB300 NVL72 unit is one rack, so 50 positions hold 50 units', () => {
    const site = siteWith('hand-positions', { ...dc, meterMw: [{ from: '2026-Q1', value: v(10_000, 'MW') }], rackPositions: [{ from: '2026-Q1', value: v(20, 'racks') }, { from: '2027-Q1', value: v(50, 'racks') }] });
    const r = evaluateSite(site, catalog, settings);
    expect(r.ok && r.value.load).toMatchObject({ units: 50, racks: 50, bindingConstraint: 'positions', finalQuarter: '2027-Q1' });
    expect(r.ok && r.value.positionsFree).toBe(0);
  });
});

describe('site defaults for a unit, one function', () => {
  it('altitude and floor rating from the site; the user’s own value wins', () => {
    const lordstown = sites.find((s) => s.id === 'lordstown-oh')!;
    expect(siteUnitDefaults(lordstown)).toEqual({ altitudeM: 300, floorLimitKgM2: 3000 });
    expect(unitOptionsAtSite(lordstown, { altitudeM: 0 })).toEqual({ altitudeM: 0, floorLimitKgM2: 3000 });
    expect(siteDefaults('lordstown-oh')).toEqual(siteUnitDefaults(lordstown));
    expect(siteDefaults('nowhere')).toEqual({});
  });

  it('GB300 NVL72 at Lordstown: designer, the plan’s and compare’s unit facts (one path) and rackplan rack --site give the same airflow, the sea-level flow × ρ0/ρ(300 m)', async () => {
    const lordstown = sites.find((s) => s.id === 'lordstown-oh')!;
    const designer = evaluateUnit(gb300, { ...siteDefaults('lordstown-oh') }, catalog).cooling.airflowM3h;
    const planFacts = planContext(emptyPlan, catalog, sites).facts('gb300-nvl72', lordstown).report.cooling.airflowM3h;
    const direct = unitFactsAt(gb300, catalog, siteSettings(catalog), lordstown).report.cooling.airflowM3h;
    const cli = (await cliJson('rack', 'gb300-nvl72', '--site', 'lordstown-oh', '--json')) as { cooling: { airflowM3h: number } };
    const seaLevel = (await cliJson('rack', 'gb300-nvl72', '--json')) as { cooling: { airflowM3h: number } };
    expect(planFacts).toBe(designer);
    expect(direct).toBe(designer);
    expect(cli.cooling.airflowM3h).toBe(designer);
    // Barometric formula (review §2.1 hand check): ρ(h) = ρ0 (1 − 2.25577e-5 h)^5.25588, so at Lordstown's 300 m the
    // same heat needs 1 / (1 − 2.25577e-5 × 300)^5.25588 = 1.03633 × the sea-level volume flow.
    expect(designer / seaLevel.cooling.airflowM3h).toBeCloseTo(1.0363336, 6);
  });

  it('the reference generation is the catalog’s GB300 NVL72', () => {
    expect(referenceGeneration(catalog)).toBe('gb300-nvl72');
  });
});

describe('plan defaults have one source', () => {
  it('the schema’s stated defaults (form hints, CLI flags) equal the catalog’s plan defaults', async () => {
    // The schema states defaults for its "Accepts …" hints; the numbers the engine uses come from the catalog.
    // Until the schema reads them from there, this keeps the two from drifting apart.
    const { PLAN_SETTING_LIMITS } = await import('../../src/schema/limits');
    const d = planDefaults(catalog);
    expect({ horizonYears: PLAN_SETTING_LIMITS.horizonYears.default, utilization: PLAN_SETTING_LIMITS.utilization.default, discountRate: PLAN_SETTING_LIMITS.discountRate.default }).toEqual(d);
  });
});

describe('reference load properties', () => {
  it('any final meter and positions: at least one unit, finite figures, and within every limit unless none fits', () => {
    const gens = ['gb300-nvl72', 'dgx-b200', 'inf2-server', 'trn2-ultraserver'];
    fc.assert(
      fc.property(fc.constantFrom(...SITE_IDS), fc.constantFrom(...gens), fc.double({ min: 0, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 20_000 }), (from, gen, meterMw, positions) => {
        const site = siteWith('prop', { meterMw: [{ from: '2026-Q1', value: v(meterMw, 'MW') }], rackPositions: [{ from: '2026-Q1', value: v(positions, 'racks') }] }, from);
        const r = evaluateSite(site, catalog, siteSettings(catalog), { generation: gen });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { load, headroomMw, positionsFree, annual, peak } = r.value;
        expect(load.units).toBeGreaterThanOrEqual(1);
        for (const x of [load.itMw, load.facilityMw, load.fillFraction ?? 0, headroomMw, positionsFree, annual.pue ?? 1, peak.pue ?? 1]) expect(Number.isFinite(x)).toBe(true);
        if (load.bindingConstraint !== 'none') {
          expect(load.facilityMw).toBeLessThanOrEqual(meterMw + 1e-9);
          expect(load.racks).toBeLessThanOrEqual(positions);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Overrides a plan's site carries (issue 12, item 2): a fixed PUE, the site's own utilization, and storage and other
 * IT beside the units. Each expectation is derived by hand from the definitions, not from rackplan's own output:
 * facility power = IT × PUE; a year's energy = mean IT × utilization × PUE × 8,760 h × the year's share in the
 * horizon; cost = MWh × 1,000 × USD/kWh; carbon = MWh × kg/MWh ÷ 1,000.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { PlanSchema } from '../../src/schema/plan';
import { importPlan, planValidatorWithPresets, validatePlan } from '../../src/io/plan';
import { formatProblems } from '../../src/schema/errors';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { evaluateSite, siteSettings } from '../../src/core/plan/evaluate-site';
import { fitPowerBudget, fitUnits } from '../../src/core/plan/fit';
import { findNonFinite } from '../../src/cli/output';
import type { Plan, PlanSite, SiteOverrides } from '../../src/core/plan/types';
import { compareAccelerators } from '../../src/core/plan/compare';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const sites = loadSites();
const small = (): Plan => PlanSchema.parse(JSON.parse(readFileSync('presets/plans/small.json', 'utf8')));
const preset = (id: string) => sites.find((s) => s.id === id)!;
/** The plan with its own version of a preset site carrying overrides. */
const withSite = (plan: Plan, id: string, o: SiteOverrides): Plan => ({ ...plan, sites: [...(plan.sites ?? []).filter((s) => s.id !== id), { ...preset(id), ...o }] });
const site = (r: ReturnType<typeof evaluatePlan>, id: string) => r.sites.find((s) => s.id === id)!;

describe('a fixed PUE on a plan site (pueOverride)', () => {
  const base = evaluatePlan(small(), catalog, sites);
  const fixed = evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.3 }), catalog, sites);
  const b = site(base, 'houston-tx');
  const f = site(fixed, 'houston-tx');

  it('facility MW = IT MW × 1.3 in every quarter with load, and the meter headroom follows', () => {
    const loaded = f.quarters.filter((q) => q.itMw > 0);
    expect(loaded.length).toBeGreaterThan(0);
    for (const q of loaded) {
      expect(q.facilityMw).toBeCloseTo(q.itMw * 1.3, 12);
      expect(q.pue).toBe(1.3);
      expect(q.peakPue).toBe(1.3); // the annual figure is also the peak one when no peakPueOverride is given
      expect(q.headroomMw).toBeCloseTo(q.meterMw - q.itMw * 1.3, 9);
    }
  });

  it('a year: MWh = IT × utilization × 1.3 × 8,760 × share; cost and carbon scale by 1.3 ÷ the computed PUE', () => {
    // 100 × VR NVL144 enter service in Houston in 2027-Q2, so 2027 holds three loaded quarters and 2028 four.
    const y = f.years.find((x) => x.year === 2028)!;
    expect(y.annualEnergyMwh).toBeCloseTo(y.itMw * 0.8 * 1.3 * 8760, 6);
    expect(y.annualEnergyCostUsd).toBeCloseTo(y.annualEnergyMwh * 1000 * y.priceUsdPerKwh, 3);
    expect(y.annualCo2Tonnes).toBeCloseTo((y.annualEnergyMwh * f.co2KgPerMwh) / 1000, 6);
    const by = b.years.find((x) => x.year === 2028)!;
    expect(y.itMw).toBe(by.itMw); // the override changes no IT figure
    expect(y.annualEnergyMwh / by.annualEnergyMwh).toBeCloseTo(1.3 / by.pue!, 12);
    expect(y.annualEnergyCostUsd / by.annualEnergyCostUsd).toBeCloseTo(1.3 / by.pue!, 12);
    expect(y.annualCo2Tonnes / by.annualCo2Tonnes).toBeCloseTo(1.3 / by.pue!, 12);
  });

  it('the computed PUE is still computed and stated next to the override; the other site is untouched', () => {
    expect(f.overrides).toEqual([
      { figure: 'pue', field: 'pueOverride', value: 1.3, unit: 'ratio', computed: b.pue },
      { figure: 'peakPue', field: 'pueOverride', value: 1.3, unit: 'ratio', computed: b.quarters.at(-1)!.peakPue },
    ]);
    // The site model's terms still sum to the computed PUE.
    const t = f.pueDetail!.terms!;
    expect(1 + t.chainLoss + t.cooling + t.fixedOverhead).toBeCloseTo(b.pue!, 12);
    expect(site(fixed, 'lordstown-oh')).toEqual(site(base, 'lordstown-oh'));
    expect(fixed.assumptions.find((a) => a.path === 'sites.houston-tx.pueOverride')).toMatchObject({ value: 1.3, confidence: 'user' });
    expect(findNonFinite(fixed)).toBeUndefined();
  });

  it('peakPueOverride alone fixes the meter check and leaves the annual PUE computed', () => {
    const r = site(evaluatePlan(withSite(small(), 'houston-tx', { peakPueOverride: 1.5 }), catalog, sites), 'houston-tx');
    const q = r.quarters.at(-1)!;
    expect(q.facilityMw).toBeCloseTo(q.itMw * 1.5, 12);
    expect(r.pue).toBe(b.pue);
    expect(r.annualEnergyMwh).toBe(b.annualEnergyMwh);
    expect(r.overrides.map((o) => [o.figure, o.field, o.value])).toEqual([['peakPue', 'peakPueOverride', 1.5]]);
  });

  it('both given: the annual one prices the year, the peak one sizes the meter', () => {
    const r = site(evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.2, peakPueOverride: 1.4 }), catalog, sites), 'houston-tx');
    const q = r.quarters.at(-1)!;
    expect(q.facilityMw).toBeCloseTo(q.itMw * 1.4, 12);
    const y = r.years.find((x) => x.year === 2028)!;
    expect(y.annualEnergyMwh).toBeCloseTo(y.itMw * 0.8 * 1.2 * 8760, 6);
  });
});

describe('utilization per site', () => {
  it("changes only that site's energy, cost and carbon (by 0.5 ÷ 0.8 with the PUE fixed)", () => {
    const base = evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.25 }), catalog, sites);
    const half = evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.25, utilization: 0.5 }), catalog, sites);
    const b = site(base, 'houston-tx');
    const h = site(half, 'houston-tx');
    for (const [i, y] of h.years.entries()) {
      expect(y.utilization).toBe(0.5);
      expect(y.annualEnergyMwh).toBeCloseTo(b.years[i]!.annualEnergyMwh * (0.5 / 0.8), 6);
      expect(y.annualCo2Tonnes).toBeCloseTo(b.years[i]!.annualCo2Tonnes * (0.5 / 0.8), 6);
      expect(y.facilityMw).toBe(b.years[i]!.facilityMw); // the meter sees design IT, not the average draw
    }
    expect(site(half, 'lordstown-oh')).toEqual(site(base, 'lordstown-oh'));
    expect(h.overrides.find((o) => o.figure === 'utilization')).toEqual({ figure: 'utilization', field: 'utilization', value: 0.5, unit: 'fraction', computed: 0.8 });
    expect(half.plan.utilization).toBe(0.8); // the plan's own setting stays the plan's
  });

  it('without a fixed PUE the annual PUE is computed at the site\'s utilization', () => {
    const r = site(evaluatePlan(withSite(small(), 'houston-tx', { utilization: 0.5 }), catalog, sites), 'houston-tx');
    for (const y of r.years) if (y.pue !== null) expect(y.annualEnergyMwh).toBeCloseTo(y.itMw * 0.5 * y.pue * 8760 * y.fractionOfYear, 6);
    expect(r.pueDetail!.utilization).toBe(0.5);
  });
});

describe('storage and other IT beside the units', () => {
  it('adds to design IT whenever the site has units, and to facility power through the PUE', () => {
    const base = site(evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.3 }), catalog, sites), 'houston-tx');
    const more = site(evaluatePlan(withSite(small(), 'houston-tx', { pueOverride: 1.3, storageKw: 1500, otherItKw: 500 }), catalog, sites), 'houston-tx');
    for (const [i, q] of more.quarters.entries()) {
      const b = base.quarters[i]!;
      // 1,500 + 500 kW = 2 MW more IT and 2 × 1.3 = 2.6 MW more at the meter, only once units are in service.
      expect(q.itMw - b.itMw).toBeCloseTo(b.racks > 0 ? 2 : 0, 9);
      expect(q.facilityMw - b.facilityMw).toBeCloseTo(b.racks > 0 ? 2.6 : 0, 9);
    }
    const y = more.years.find((x) => x.year === 2028)!;
    const by = base.years.find((x) => x.year === 2028)!;
    expect(y.annualEnergyMwh - by.annualEnergyMwh).toBeCloseTo(2 * 0.8 * 1.3 * 8760, 6);
    expect(more.overrides.filter((o) => o.unit === 'kW')).toEqual([
      { figure: 'storageKw', field: 'storageKw', value: 1500, unit: 'kW', computed: null },
      { figure: 'otherItKw', field: 'otherItKw', value: 500, unit: 'kW', computed: null },
    ]);
  });

  it('enters the meter check: a plan that fits without it fails with it, with site_power_exceeded', () => {
    // Houston filled to its power limit at the final meter step (the fit's own count), then 5 MW of storage added.
    const q = '2028-Q2';
    const fit = fitUnits({ generation: 'gb300-nvl72', site: 'houston-tx', by: q }, catalog, sites);
    expect(fit.bindingConstraint).toBe('power');
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 'full Houston', start: q, horizonYears: 1, deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: q, units: fit.units }] };
    const codes = (p: Plan) => evaluatePlan(p, catalog, sites).issues.filter((i) => i.path[0] === 'sites').map((i) => i.code);
    expect(codes(plan)).not.toContain('site_power_exceeded');
    // The headroom left is below one unit's facility power (~0.2 MW), so 5 MW of IT (≥ 5 MW at the meter) cannot fit.
    expect(fit.slack.powerMw).toBeLessThan(1);
    const withStorage = withSite(plan, 'houston-tx', { storageKw: 5000 });
    expect(codes(withStorage)).toContain('site_power_exceeded');
    const over = evaluatePlan(withStorage, catalog, sites).issues.find((i) => i.code === 'site_power_exceeded')!;
    expect(over.actual! - over.limit!).toBeGreaterThan(5 - fit.slack.powerMw - 1e-9);
  });
});

describe('the same override everywhere a site is evaluated', () => {
  it('evaluateSite, fitUnits (--plan) and fitPowerBudget apply a site\'s fixed PUE and IT the same way', () => {
    const o: SiteOverrides = { pueOverride: 1.35, storageKw: 800 };
    const s: PlanSite = { ...preset('houston-tx'), ...o };
    const ev = evaluateSite(s, catalog, siteSettings(catalog), { units: 50 });
    if (!ev.ok) throw new Error('site did not evaluate');
    expect(ev.value.load.facilityMw).toBeCloseTo(ev.value.load.itMw * 1.35, 12);
    expect(ev.value.detail.extraItKw).toBe(800);
    expect(ev.value.overrides.map((x) => x.figure)).toEqual(['pue', 'peakPue', 'storageKw']);
    const budget = fitPowerBudget({ generation: 'gb300-nvl72', site: 'houston-tx', budget: { kind: 'facility', mw: 40 }, overrides: o }, catalog, sites);
    expect(budget.pueSource).toBe('override');
    expect(budget.facilityMw).toBeCloseTo(budget.itMw * 1.35, 12);
    expect(budget.facilityMw).toBeLessThanOrEqual(40);
    expect(budget.facilityMw + budget.nextUnitMw).toBeGreaterThan(40);
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 'p', start: '2028-Q2', horizonYears: 1, sites: [s], deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2028-Q2', units: 10 }] };
    const more = fitUnits({ generation: 'gb300-nvl72', site: 'houston-tx', plan }, catalog, sites);
    expect(more.after.facilityMw).toBeCloseTo(more.after.itMw * 1.35, 12);
    expect(more.overrides.map((x) => x.figure)).toEqual(['pue', 'peakPue', 'storageKw']);
  });
});

describe('compare at a site with a fixed PUE', () => {
  it('sizes a facility-MW target and prices energy at the fixed PUE; each option states its computed one', async () => {
    const r = compareAccelerators(['gb300-nvl72', 'vr-nvl144'], { metric: 'facilityMw', value: 50 }, 'houston-tx', catalog, sites, { siteOverrides: { pueOverride: 1.3 } });
    for (const o of r.options) {
      expect(o.facilityMw!).toBeCloseTo(o.itMw! * 1.3, 12);
      expect(o.facilityMw!).toBeLessThanOrEqual(50);
      expect(o.annualEnergyMwh!).toBeCloseTo(o.itMw! * r.utilization * 1.3 * 8760, 6);
      expect(o.overrides.map((x) => [x.figure, x.value])).toEqual([['pue', 1.3], ['peakPue', 1.3]]);
      expect(o.overrides[0]!.computed).toBeGreaterThan(1);
    }
    const cli = (await cliJson('compare', 'gb300-nvl72', 'vr-nvl144', '--target-facility-mw', '50', '--site', 'houston-tx', '--pue', '1.3', '--json')) as typeof r;
    expect(cli.options.map((o) => [o.units, o.facilityMw, o.overrides])).toEqual(r.options.map((o) => [o.units, o.facilityMw, o.overrides]));
  });
});

describe('the plan file refuses out-of-range overrides, naming the field', () => {
  const doc = (o: Record<string, unknown>) => ({ ...JSON.parse(readFileSync('presets/plans/small.json', 'utf8')), sites: [{ ...preset('houston-tx'), ...o }] });
  const problems = (o: Record<string, unknown>) => {
    const r = validatePlan(doc(o));
    return r.ok ? '' : formatProblems(r.error);
  };
  it.each([
    [{ pueOverride: 0.9 }, 'sites[0].pueOverride: must be a PUE from 1.0 to 3.0 (facility power ÷ IT power, annual) (got 0.9)'],
    [{ pueOverride: 3.5 }, 'sites[0].pueOverride: must be a PUE from 1.0 to 3.0'],
    [{ peakPueOverride: 'high' }, 'sites[0].peakPueOverride: must be a PUE from 1.0 to 3.0'],
    [{ utilization: 0 }, 'sites[0].utilization: must be a fraction from 0.01 to 1 (1–100 %) (got 0)'],
    [{ storageKw: -1 }, 'sites[0].storageKw: must be a power from 0 to 1,000,000 kW (got -1)'],
    [{ otherItKw: 2e6 }, 'sites[0].otherItKw: must be a power from 0 to 1,000,000 kW'],
    [{ overheadFactor: 1.3 }, 'sites[0].overheadFactor: unknown key'],
  ])('%j', (o, message) => {
    expect(problems(o)).toContain(message);
  });
  it('accepts the edges (1.0 and 3.0, 0 kW)', () => {
    expect(problems({ pueOverride: 1, peakPueOverride: 3, storageKw: 0, otherItKw: 0, utilization: 1 })).toBe('');
  });
});

describe('a plan file may override a preset site without copying it', () => {
  it('an entry of an id and override fields reads as that preset with those overrides', () => {
    const text = readFileSync('docs/examples/plan-overrides.json', 'utf8');
    const r = importPlan(text, undefined, sites);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const houston = r.value.value.sites!.find((s) => s.id === 'houston-tx')!;
    expect(houston.roles).toEqual(preset('houston-tx').roles);
    expect([houston.pueOverride, houston.peakPueOverride, houston.storageKw, houston.otherItKw]).toEqual([1.3, 1.35, 1500, 500]);
    const report = evaluatePlan(r.value.value, catalog, sites);
    expect(site(report, 'lordstown-oh').overrides.map((o) => o.figure)).toEqual(['utilization']);
  });
  it('an entry naming no preset is refused at its id; without presets the short entry is not a whole site', () => {
    const doc = { ...JSON.parse(readFileSync('docs/examples/plan-overrides.json', 'utf8')), sites: [{ id: 'austin-tx', pueOverride: 1.3 }] };
    const r = planValidatorWithPresets(sites)(doc);
    expect(r.ok ? '' : formatProblems(r.error)).toBe('sites[0].id: a preset site id (houston-tx, lordstown-oh, mount-pleasant-wi) for an entry that only overrides figures, or a whole site (got "austin-tx")');
    // Every other problem of the file is still named at once.
    const two = planValidatorWithPresets(sites)({ ...doc, sites: [{ id: 'austin-tx', pueOverride: 1.3 }, { id: 'houston-tx', utilization: 2 }] });
    expect(two.ok ? [] : two.error.map((p) => p.path)).toEqual(['sites[0].id', 'sites[1].utilization']);
    expect(validatePlan({ ...doc, sites: [{ id: 'houston-tx', pueOverride: 1.3 }] }).ok).toBe(false);
  });
});

describe('any overrides in range', () => {
  it('give finite figures; facility = IT × the fixed peak PUE; energy = IT × utilization × the fixed PUE × 8,760 × share', () => {
    const inRange = fc.record(
      {
        pueOverride: fc.double({ min: 1, max: 3, noNaN: true }),
        peakPueOverride: fc.double({ min: 1, max: 3, noNaN: true }),
        utilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
        storageKw: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
        otherItKw: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(inRange, (o: SiteOverrides) => {
        const r = evaluatePlan(withSite(small(), 'houston-tx', o), catalog, sites);
        expect(findNonFinite(r)).toBeUndefined();
        const s = site(r, 'houston-tx');
        const peak = o.peakPueOverride ?? o.pueOverride;
        const annual = o.pueOverride;
        for (const q of s.quarters) if (peak !== undefined && q.itMw > 0) expect(q.facilityMw).toBeCloseTo(q.itMw * peak, 9);
        for (const y of s.years) {
          expect(y.utilization).toBe(o.utilization ?? 0.8);
          if (annual !== undefined && y.itMw > 0) expect(y.annualEnergyMwh).toBeCloseTo(y.itMw * y.utilization * annual * 8760 * y.fractionOfYear, 6);
        }
        expect(s.overrides.length).toBe((o.pueOverride !== undefined ? 1 : 0) + (peak !== undefined ? 1 : 0) + (o.utilization !== undefined ? 1 : 0) + (o.storageKw !== undefined ? 1 : 0) + (o.otherItKw !== undefined ? 1 : 0));
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});

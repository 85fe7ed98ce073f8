import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { compareAccelerators } from '../../src/core/plan/compare';
import { findNonFinite } from '../../src/cli/output';
import { runCli } from '../../src/cli/main';

const catalog = loadCatalog();
const sites = loadSites();
const ids = ['gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server'];

describe('compare: sizing never exceeds a limit target without saying why', () => {
  it('equal compute (PFLOPS FP8): each row meets the target; the overshoot is the rounding to whole units', () => {
    const r = compareAccelerators(ids, { metric: 'pflops', precision: 'fp8', value: 5000 }, 'houston-tx', catalog, sites);
    for (const o of r.options) {
      expect(o.sizing!.rule).toBe('at-least');
      expect(o.pflops!).toBeGreaterThanOrEqual(5000);
      // One unit fewer would fall short (hand check of the ceiling).
      expect(o.pflops! - o.pflops! / o.units!).toBeLessThan(5000);
      expect(o.sizing!.note).toMatch(o.pflops! > 5000 ? /rounding up to whole units/ : /exactly/);
    }
  });

  it('IT MW: the units draw at most the target; one more unit would exceed it; the network is stated apart', () => {
    const r = compareAccelerators(ids, { metric: 'itMw', value: 10 }, 'houston-tx', catalog, sites);
    for (const o of r.options.filter((x) => x.supported)) {
      const s = o.sizing!;
      expect(s.rule).toBe('at-most');
      expect(s.unitsItMw).toBeLessThanOrEqual(10 + 1e-9);
      expect(s.unitsItMw + s.unitsItMw / o.units!).toBeGreaterThan(10);
      expect(s.unitsItMw + s.networkItMw).toBeCloseTo(o.itMw!, 9);
      if (s.networkItMw > 0) expect(s.note).toMatch(/scale-out network adds/);
    }
  });

  it('facility MW and budget: the most whole units whose figure stays within the target', () => {
    const fac = compareAccelerators(['gb300-nvl72'], { metric: 'facilityMw', value: 20 }, 'houston-tx', catalog, sites).options[0]!;
    expect(fac.facilityMw!).toBeLessThanOrEqual(20);
    const oneMore = compareAccelerators(['gb300-nvl72'], { metric: 'accelerators', value: (fac.units! + 1) * 72 }, 'houston-tx', catalog, sites).options[0]!;
    expect(oneMore.units).toBe(fac.units! + 1);
    expect(oneMore.facilityMw!).toBeGreaterThan(20);
    const budget = compareAccelerators(['gb300-nvl72'], { metric: 'budgetUsd', value: 500e6 }, 'houston-tx', catalog, sites).options[0]!;
    expect(budget.capexUsd!).toBeLessThanOrEqual(500e6);
    const over = compareAccelerators(['gb300-nvl72'], { metric: 'accelerators', value: (budget.units! + 1) * 72 }, 'houston-tx', catalog, sites).options[0]!;
    expect(over.capexUsd!).toBeGreaterThan(500e6);
  });

  it('a limit below one unit is a warning, not a zero row', () => {
    const o = compareAccelerators(['gb300-nvl72'], { metric: 'itMw', value: 0.01 }, 'houston-tx', catalog, sites).options[0]!;
    expect(o.supported).toBe(false);
    expect(o.issues[0]!.code).toBe('budget_below_one_unit');
  });
});

describe('compare verdict', () => {
  it('names the row with the lowest $/PFLOP-hour and the lowest facility MW per PFLOPS (read from the table rows)', () => {
    const r = compareAccelerators(ids, { metric: 'pflops', precision: 'fp8', value: 5000 }, 'houston-tx', catalog, sites);
    const ok = r.options.filter((o) => o.supported);
    const cheapest = [...ok].sort((a, b) => a.usdPerPflopHour! - b.usdPerPflopHour!)[0]!;
    const leanest = [...ok].sort((a, b) => a.facilityMw! / a.pflops! - b.facilityMw! / b.pflops!)[0]!;
    expect(r.verdict.cheapest).toBe(cheapest.generation);
    expect(r.verdict.leastPower).toBe(leanest.generation);
    expect(r.verdict.text).toMatch(/^At 5,000 PFLOPS FP8 in Houston, Texas, /);
    expect(r.verdict.text).toContain('cheapest per PFLOP-hour');
    expect(findNonFinite(r)).toBeUndefined();
  });

  it('for a limit target it says who gets the most compute out of it', () => {
    const r = compareAccelerators(ids, { metric: 'itMw', value: 10 }, 'houston-tx', catalog, sites);
    const most = [...r.options.filter((o) => o.supported)].sort((a, b) => b.pflops! - a.pflops!)[0]!;
    expect(r.verdict.mostCompute).toBe(most.generation);
    expect(r.verdict.text).toMatch(/^With 10 MW of IT power in Houston, Texas, .*gets the most compute out of it/);
    // GB300 NVL72: 72 GPUs × 5 PFLOPS FP8 dense (catalog, secondary) = 360 per unit.
    expect(most.generation).toBe('gb300-nvl72');
    expect(most.pflops).toBe(most.units! * 360);
    expect(r.verdict.text).toContain(`(${most.pflops!.toLocaleString('en-US')} PFLOPS FP8)`);
  });

  it('rackplan compare prints the same verdict first, and --json carries it', async () => {
    let out = '';
    const code = await runCli(['compare', ...ids, '--target-pflops', '5000', '--site', 'houston-tx'], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    const r = compareAccelerators(ids, { metric: 'pflops', precision: 'fp8', value: 5000 }, 'houston-tx', catalog, sites);
    expect(out.split('\n')[0]).toBe(r.verdict.text);
    let json = '';
    await runCli(['compare', ...ids, '--target-pflops', '5000', '--json'], { out: (t) => (json += t), err: () => undefined });
    expect(JSON.parse(json).verdict.text).toBe(r.verdict.text);
  });

  it('rackplan compare with no target compares equal dense FP8 compute (5,000 PFLOPS)', async () => {
    let json = '';
    const code = await runCli(['compare', ...ids, '--json'], { out: (t) => (json += t), err: () => undefined });
    expect(code).toBe(0);
    expect(JSON.parse(json).target).toMatchObject({ metric: 'pflops', precision: 'fp8', value: 5000 });
  });
});

describe('the Compare view opens on the core default target', () => {
  it("the store's initial compare target is DEFAULT_COMPARE_TARGET (equal dense FP8 compute)", async () => {
    const { initialDesign } = await import('../../src/state/store');
    const { DEFAULT_COMPARE_TARGET } = await import('../../src/core/plan/compare');
    expect(DEFAULT_COMPARE_TARGET.metric).toBe('pflops');
    expect(DEFAULT_COMPARE_TARGET.precision).toBe('fp8');
    expect(initialDesign(catalog).compare.target).toEqual({ kind: 'fp8Pflops', value: DEFAULT_COMPARE_TARGET.value });
  });
});

describe('the Compare view targets reach the core', () => {
  it('facility power (W) and a capex budget map to the core limit targets', async () => {
    const { coreTarget, isLimitKind } = await import('../../src/views/compare');
    const { compareMetrics } = await import('../../src/views/compare-table');
    expect(coreTarget({ kind: 'facilityPower', value: 20e6 })).toMatchObject({ metric: 'facilityMw', value: 20 });
    expect(coreTarget({ kind: 'budgetUsd', value: 5e8 })).toMatchObject({ metric: 'budgetUsd', value: 5e8 });
    expect(isLimitKind('budgetUsd')).toBe(true);
    // Under a limit target the rows differ in compute: absolute capex is not ranked, PFLOPS is (higher).
    const m = compareMetrics('si', 'budgetUsd');
    expect(m.find((x) => x.label === 'Capex')!.better).toBeUndefined();
    expect(m.find((x) => x.label === 'Dense PFLOPS')!.better).toBe('higher');
    // Under equal compute the PFLOPS row is the target itself and is never ranked.
    expect(compareMetrics('si', 'fp8Pflops').find((x) => x.label === 'Dense PFLOPS')!.better).toBeUndefined();
  });
});

describe('rack density per generation in the Compare view', () => {
  it('8 Inf2 servers per rack: 96 Inferentia2 per rack instead of 12 (AWS publishes no rack layout; the catalog default is 1)', async () => {
    const { compareUnits } = await import('../../src/views/compare');
    const { reduce } = await import('../../src/state/actions');
    const { initialDesign } = await import('../../src/state/store');
    const { CompareDesignSchema } = await import('../../src/schema/design');
    const state = reduce(initialDesign(catalog), { type: 'compare/set-density', id: 'inf2-server', systemsPerRack: 8 });
    expect(state.compare.systemsPerRack).toEqual({ 'inf2-server': 8 });
    expect(CompareDesignSchema.safeParse(state.compare).success).toBe(true);
    const dense = compareUnits(catalog, { ...state.compare, generationIds: ['inf2-server'] }, 'houston-tx', sites).options[0]!;
    const single = compareUnits(catalog, { ...state.compare, generationIds: ['inf2-server'], systemsPerRack: undefined }, 'houston-tx', sites).options[0]!;
    expect(dense.accelerators! / dense.racks!).toBeCloseTo(96, 0);
    expect(single.accelerators! / single.racks!).toBeCloseTo(12, 0);
    expect(dense.racks!).toBeLessThan(single.racks! / 7);
    // Clearing it goes back to the catalog's density, and the field leaves the design.
    expect(reduce(state, { type: 'compare/set-density', id: 'inf2-server', systemsPerRack: undefined }).compare.systemsPerRack).toBeUndefined();
  });
});

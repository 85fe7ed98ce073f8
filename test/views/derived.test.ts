import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { unitBudgets } from '../../src/views/budgets';
import { compareSite, compareUnits, coreTarget } from '../../src/views/compare';
import { loadSites } from '../../src/catalog/sites';
import { RackDerivations } from '../../src/views/rack-report';
import { layoutElevation } from '../../src/core/rack/elevation';
import { keyFigures } from '../../src/views/figures';
import { generationGroups } from '../../src/views/generations';
import { powerChain } from '../../src/views/power-chain';
import type { RackDesign } from '../../src/state/types';

const catalog = loadCatalog();
const design = (generationId: string, extra: Partial<RackDesign> = {}): RackDesign => ({ generationId, options: {}, limits: {}, ...extra });

describe('budgets', () => {
  it.each(catalog.generations.map((g) => [g.id, g] as const))('%s: every budget is finite and has a status', (_id, g) => {
    const r = evaluateUnit(g, {}, catalog);
    const budgets = unitBudgets(r, g, design(g.id));
    expect(budgets.length).toBeGreaterThan(5);
    for (const b of budgets) {
      expect(Number.isFinite(b.value)).toBe(true);
      if (b.limit !== null) expect(Number.isFinite(b.limit)).toBe(true);
      expect(['ok', 'warn', 'over', 'info']).toContain(b.status);
    }
    // Every error the engine reports turns at least one meter red, or is shown in the issue list only when no meter covers it.
    expect(budgets.find((b) => b.id === 'u-space')!.limit).toBe(r.space.availableU);
  });

  it('a breaker too small for the load turns the phase meter red and carries the engine issue', () => {
    const g = catalog.generations.find((x) => x.id === 'gb200-nvl72')!;
    const r = evaluateUnit(g, { feedAmps: 20 }, catalog);
    const b = unitBudgets(r, g, design(g.id, { options: { feedAmps: 20 } }));
    const phase = b.find((x) => x.id === 'feed-A-kva')!;
    expect(r.issues.some((i) => i.code === 'whip_undersized')).toBe(true);
    expect(phase.status).toBe('over');
    expect(phase.issues.map((i) => i.code)).toContain('whip_undersized');
  });

  it('site limits become meter limits; without them the meter has none', () => {
    const g = catalog.generations.find((x) => x.id === 'gb200-nvl72')!;
    const r = evaluateUnit(g, { floorLimitKgM2: 1000 }, catalog);
    const withLimits = unitBudgets(r, g, design(g.id, { options: { floorLimitKgM2: 1000 }, limits: { airHeatLimitW: 10_000 } }));
    expect(withLimits.find((b) => b.id === 'air-heat')).toMatchObject({ limit: 10_000, status: 'over' });
    expect(withLimits.find((b) => b.id === 'floor')).toMatchObject({ limit: 1000, status: 'over' });
    const without = unitBudgets(evaluateUnit(g, {}, catalog), g, design(g.id));
    expect(without.find((b) => b.id === 'air-heat')).toMatchObject({ limit: null, status: 'info' });
  });

  it('marks budgets that rest on estimated catalog values', () => {
    const g = catalog.generations.find((x) => x.id === 'inf2-server')!;
    const b = unitBudgets(evaluateUnit(g, {}, catalog), g, design(g.id));
    expect(b.find((x) => x.id === 'shelves')!.estimate).toBe(true);
  });
});

describe('elevation', () => {
  it.each(catalog.generations.map((g) => [g.id, g] as const))('%s: items do not overlap and fit when the engine says they fit', (_id, g) => {
    const r = evaluateUnit(g, {}, catalog);
    const l = layoutElevation(g, r, catalog);
    expect(l.racks).toHaveLength(g.racks);
    for (const rack of l.racks) {
      const taken = new Set<number>();
      for (const s of rack.slots) {
        for (let u = s.u; u < s.u + s.heightU; u++) {
          expect(taken.has(u), `${s.key} overlaps at U${u}`).toBe(false);
          taken.add(u);
        }
        expect(s.u).toBeGreaterThanOrEqual(1);
      }
    }
    const placedU = l.racks.reduce((s, x) => s + x.usedU, 0);
    expect(placedU).toBe(r.space.usedU);
    if (r.space.usedU <= r.space.availableU) expect(l.racks.every((x) => x.slots.every((s) => !s.overflow))).toBe(true);
  });

  it('GB200 NVL72: switch trays sit between compute trays, shelves top and bottom, provenance per item', () => {
    const g = catalog.generations.find((x) => x.id === 'gb200-nvl72')!;
    const l = layoutElevation(g, evaluateUnit(g, {}, catalog), catalog);
    const slots = l.racks[0]!.slots; // top first
    const kinds = slots.map((s) => s.kind);
    const firstSwitch = kinds.indexOf('scale-up-switch');
    const lastSwitch = kinds.lastIndexOf('scale-up-switch');
    expect(kinds.slice(0, firstSwitch)).toContain('compute');
    expect(kinds.slice(lastSwitch + 1)).toContain('compute');
    expect(kinds[kinds.length - 1]).toBe('power');
    const tray = slots.find((s) => s.kind === 'compute')!;
    expect(tray.watts).toBeGreaterThan(1000);
    expect(tray.sources.length).toBeGreaterThan(0);
    expect(l.manifold).toBe(true);
  });

  it('server racks stack systems from the bottom', () => {
    const g = catalog.generations.find((x) => x.id === 'dgx-h100')!;
    const l = layoutElevation(g, evaluateUnit(g, {}, catalog), catalog);
    const compute = l.racks[0]!.slots.filter((s) => s.kind === 'compute');
    expect(Math.min(...compute.map((s) => s.u))).toBe(1);
  });

  it('more systems than fit are drawn past the top and flagged', () => {
    const g = catalog.generations.find((x) => x.id === 'dgx-h100')!;
    const r = evaluateUnit(g, { systemsPerRack: 16 }, catalog);
    const l = layoutElevation(g, r, catalog);
    expect(r.space.usedU).toBeGreaterThan(r.space.availableU);
    expect(l.racks[0]!.slots.some((s) => s.overflow)).toBe(true);
  });
});

describe('power chain (rack part)', () => {
  it('stages pass power on and their losses add up to input − IT', () => {
    const g = catalog.generations.find((x) => x.id === 'gb300-nvl72')!;
    const r = evaluateUnit(g, {}, catalog);
    const c = powerChain(r, g, null);
    expect(c.stages[0]!.id).toBe('rack-input');
    expect(c.stages[0]!.outW).toBeCloseTo(r.power.inputKw * 1000, 6);
    const loss = c.stages.reduce((s, x) => s + x.lossW, 0);
    expect(loss).toBeCloseTo((r.power.inputKw - r.power.itKw) * 1000, 6);
    expect(c.facilityNote).toMatch(/site/);
  });

  it('facility stages come first and set the supply figure', () => {
    const g = catalog.generations.find((x) => x.id === 'gb300-nvl72')!;
    const r = evaluateUnit(g, {}, catalog);
    const c = powerChain(r, g, { stages: [{ id: 'tx', name: 'Transformer', inputKw: r.power.inputKw * 1.02, outputKw: r.power.inputKw, efficiency: 1 / 1.02 }], note: 'at a site', meterKw: r.power.inputKw * 1.3, coolingKw: 20, fixedKw: 5, lossKw: 3, peakPue: 1.3 });
    expect(c.stages[0]!.id).toBe('meter');
    expect(c.stages[1]!.scope).toBe('facility');
    expect(c.inW).toBeCloseTo(r.power.inputKw * 1300, 6);
    expect(c.hasFacility).toBe(true);
  });
});

describe('compare', () => {
  it('sizes every unit to at least the target, at a site (via the plan core)', () => {
    const sites = loadSites();
    const ids = catalog.generations.map((g) => g.id);
    for (const kind of ['accelerators', 'itPower', 'fp8Pflops'] as const) {
      const value = kind === 'accelerators' ? 1000 : kind === 'itPower' ? 5e6 : 4000;
      const design = { generationIds: ids, target: { kind, value } };
      const r = compareUnits(catalog, design, compareSite(design, undefined, sites), sites);
      expect(r.site).toBe('houston-tx');
      expect(r.options).toHaveLength(ids.length);
      for (const o of r.options) {
        if (!o.supported) continue;
        const got = kind === 'accelerators' ? o.accelerators! : kind === 'itPower' ? o.units! * 1 : o.pflops!;
        if (kind !== 'itPower') expect(got).toBeGreaterThanOrEqual(value - 1e-6);
      }
    }
    expect(coreTarget({ kind: 'itPower', value: 5e6 })).toEqual({ metric: 'itMw', value: 5, precision: 'fp8' });
  });

  it('compares at the design’s site, else the rack designer’s', () => {
    const sites = loadSites();
    expect(compareSite({ generationIds: [], target: { kind: 'accelerators', value: 1 }, siteId: 'lordstown-oh' }, 'houston-tx', sites)).toBe('lordstown-oh');
    expect(compareSite({ generationIds: [], target: { kind: 'accelerators', value: 1 } }, 'mount-pleasant-wi', sites)).toBe('mount-pleasant-wi');
  });
});

describe('derivations are memoized on identity', () => {
  it('the same design gives the same objects; an edit recomputes', () => {
    const d = new RackDerivations();
    const a = design('gb200-nvl72');
    const x = d.derive(catalog, a)!;
    expect(d.derive(catalog, a)!.report).toBe(x.report);
    const b = { ...a, options: { feedAmps: 40 } };
    expect(d.derive(catalog, b)!.report).not.toBe(x.report);
    expect(d.derive(catalog, design('nope'))).toBeUndefined();
  });
});

describe('pickers and figures', () => {
  it('groups generations by vendor and family, GPU first', () => {
    const groups = generationGroups(catalog);
    expect(groups.map((g) => g.label)).toEqual(expect.arrayContaining(['NVIDIA GPU', 'AWS Trainium', 'AWS Inferentia']));
    expect(groups[0]!.family).toBe('gpu');
    expect(groups.reduce((s, g) => s + g.generations.length, 0)).toBe(catalog.generations.length);
  });

  it('key figures never print NaN or Infinity, and show totals for several units', () => {
    for (const g of catalog.generations) {
      for (const system of ['si', 'us'] as const) {
        const groups = keyFigures(evaluateUnit(g, { units: 3 }, catalog), system);
        expect(groups.at(-1)!.label).toMatch(/Totals for 3 units/);
        for (const f of groups.flatMap((x) => x.figures)) expect(`${f.value} ${f.sub ?? ''}`).not.toMatch(/NaN|Infinity/);
      }
    }
  });
});

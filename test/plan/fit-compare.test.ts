import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { fitUnits } from '../../src/core/plan/fit';
import { compareAccelerators } from '../../src/core/plan/compare';
import { planContext } from '../../src/core/plan/context';
import { siteLoad } from '../../src/core/plan/site-load';
import { findNonFinite } from '../../src/cli/output';
import { siteWith, v } from '../sites/helpers';
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const sites = loadSites();

describe('what fits', () => {
  it('power binds at the largest unit count whose facility MW stays within the meter; one more unit does not fit', () => {
    const r = fitUnits({ generation: 'gb300-nvl72', site: 'houston-tx', by: '2026-Q3' }, catalog, sites);
    expect(r.bindingConstraint).toBe('power');
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 't', start: '2026-Q3', deployments: [] };
    const ctx = planContext(plan, catalog, sites);
    const sctx = ctx.siteContext(sites.find((s) => s.id === 'houston-tx')!);
    expect(siteLoad(sctx, new Map([['gb300-nvl72', r.units]])).peak.facilityMw).toBeLessThanOrEqual(200);
    expect(siteLoad(sctx, new Map([['gb300-nvl72', r.units + 1]])).peak.facilityMw).toBeGreaterThan(200);
    expect(r.slack.powerMw).toBeGreaterThanOrEqual(0);
    expect(r.limitUnits.positions).toBe(1300);
  });

  it('positions bind when the meter is ample; floor loading binds when a rack is too heavy for the floor', () => {
    const big = siteWith('big-tx', { meterMw: [{ from: '2026-Q1', value: v(10_000, 'MW') }], rackPositions: [{ from: '2026-Q1', value: v(50, 'racks') }] });
    const r = fitUnits({ generation: 'gb300-nvl72', site: 'big-tx', by: '2026-Q3' }, catalog, [...sites, big]);
    expect(r).toMatchObject({ units: 50, bindingConstraint: 'positions' });
    const weak = siteWith('weak-floor', { floorLimitKgM2: v(800, 'kg/m²') });
    const w = fitUnits({ generation: 'gb300-nvl72', site: 'weak-floor' }, catalog, [...sites, weak]);
    expect(w).toMatchObject({ units: 0, bindingConstraint: 'floorLoading' });
  });

  it('switch ports and plant capacity bind when they are the scarcer limit', () => {
    const ports = siteWith('few-ports', { switchPorts: [{ from: '2026-Q1', value: v(720, 'ports') }] });
    const p = fitUnits({ generation: 'gb300-nvl72', site: 'few-ports' }, catalog, [...sites, ports]);
    expect(p.bindingConstraint).toBe('switchPorts');
    expect(p.units).toBe(10); // 18 trays × 4 rails = 72 ports per rack
    const early = fitUnits({ generation: 'vr-nvl144', site: 'houston-tx', by: '2026-Q2' }, catalog, sites);
    expect(early.bindingConstraint).toBe('plantCapacity');
    expect(early.units).toBe(0);
  });

  it('counts what a plan already has in service there', () => {
    const plan: Plan = { schemaVersion: 1, catalogVersion: catalog.version, name: 't', start: '2026-Q1', deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q3', units: 500 }] };
    const alone = fitUnits({ generation: 'gb300-nvl72', site: 'houston-tx', by: '2026-Q4' }, catalog, sites);
    const after = fitUnits({ generation: 'gb300-nvl72', site: 'houston-tx', by: '2026-Q4', plan }, catalog, sites);
    expect(after.existing.racks).toBe(500);
    expect(alone.units - after.units).toBeGreaterThanOrEqual(499);
    expect(alone.units - after.units).toBeLessThanOrEqual(501);
  });

  it('unknown ids come back as issues with zero units', () => {
    expect(fitUnits({ generation: 'nope', site: 'houston-tx' }, catalog, sites).issues.at(-1)!.code).toBe('unknown_generation');
    expect(fitUnits({ generation: 'gb300-nvl72', site: 'nowhere' }, catalog, sites).issues.at(-1)!.code).toBe('unknown_site');
  });
});

describe('accelerator comparison', () => {
  const ids = ['gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server'];

  it('units round up to whole units; rounding waste, perf/W and perf/$ follow from them', () => {
    const r = compareAccelerators(ids, { metric: 'pflops', precision: 'fp8', value: 100_000 }, 'houston-tx', catalog, sites);
    for (const o of r.options.filter((x) => x.supported)) {
      const per = o.pflops! / o.units!;
      expect(o.units).toBe(Math.ceil(100_000 / per - 1e-9));
      expect(o.roundingWastePct!).toBeCloseTo((100 * (o.pflops! - 100_000)) / o.pflops!, 9);
      if (o.itMw! > 0) expect(o.pflopsPerMw!).toBeCloseTo(o.pflops! / o.itMw!, 9);
      expect(o.pflopsPerMusd!).toBeCloseTo(o.pflops! / (o.capexUsd! / 1e6), 9);
      expect(o.capexUsd!).toBeCloseTo(o.unitCapexUsd! + o.networkCapexUsd! + o.facilityCapexUsd!, 3);
      expect(o.annualEnergyMwh!).toBeCloseTo(o.itMw! * 0.8 * o.pue! * 8760, 6);
      expect(o.assumptions.length).toBeGreaterThan(0);
      expect(o.assumptions[0]!.path).toBe(`prices.unitUsd.${o.generation}`);
    }
    expect(r.options.map((o) => o.generation)).toEqual(ids);
  });

  it('a precision a generation lacks is supported: false with null values, never a division by zero', () => {
    const r = compareAccelerators(ids, { metric: 'pflops', precision: 'fp4', value: 100_000 }, 'houston-tx', catalog, sites);
    const inf2 = r.options.find((o) => o.generation === 'inf2-server')!;
    expect(inf2).toMatchObject({ supported: false, units: null, itMw: null, pflopsPerMw: null, usdPerPflopHour: null });
    expect(findNonFinite(r)).toBeUndefined();
  });

  it('other targets: HBM TB and IT MW', () => {
    const hbm = compareAccelerators(['gb300-nvl72'], { metric: 'hbmTb', value: 1_000 }, 'lordstown-oh', catalog, sites).options[0]!;
    expect(hbm.hbmTb!).toBeGreaterThanOrEqual(1_000);
    const mw = compareAccelerators(['gb300-nvl72'], { metric: 'itMw', value: 10 }, 'lordstown-oh', catalog, sites).options[0]!;
    expect(mw.units).toBeGreaterThan(0);
  });
});

/**
 * The designer's power chain adds up: for every generation at every site (and with no site), under both feed
 * arrangements, each stage's input is its output plus its loss, and what one stage hands on, less the named
 * branches (cooling plant, building load, network share, non-accelerator IT), is what the next stage takes in.
 *
 * The figures come from two independent places, so this is not a tautology: the facility stages are the sites
 * core's chain at the reference load divided back to one unit (src/core/sites/chain.ts), the rack stages are
 * the unit report (src/core/rack/evaluate.ts). The energy balance at the meter is the sites core's own
 * definition, facility = IT + chain losses + cooling + fixed overhead (src/core/sites/pue.ts `operate`), with
 * IT = Σ unit rack input + fabric switch power (src/core/plan/site-load.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import { chainMismatches, powerChain } from '../../src/views/power-chain';
import { RackDerivations } from '../../src/views/rack-report';
import * as siteFunctions from '../../src/views/site-chain';
import type { RackDesign } from '../../src/state/types';

const catalog = loadCatalog();
const SITES = [undefined, 'houston-tx', 'lordstown-oh', 'mount-pleasant-wi'] as const;

describe('power chain reconciliation, every generation × site', () => {
  for (const g of catalog.generations) {
    it(`${g.id}: every watt from the meter is passed on, lost in a stage or in a named branch`, () => {
      for (const siteId of SITES) {
        for (const feedRedundancy of ['ab', 'single'] as const) {
          const design: RackDesign = { generationId: g.id, options: { feeds: feedRedundancy }, limits: {}, ...(siteId ? { siteId } : {}) };
          const d = new RackDerivations().derive(catalog, design, siteFunctions)!;
          const chain = d.chain;
          const where = `${g.id} at ${siteId ?? 'no site'} (${feedRedundancy})`;
          expect(chainMismatches(chain, 1), where).toEqual([]);
          for (const s of chain.stages) {
            for (const v of [s.inW, s.outW, s.lossW, ...s.branches.map((b) => b.w)]) expect(Number.isFinite(v), `${where} ${s.id}`).toBe(true);
            expect(s.lossW, `${where} ${s.id}`).toBeGreaterThanOrEqual(-1e-6);
            for (const b of s.branches) expect(b.w, `${where} ${s.id} ${b.id}`).toBeGreaterThanOrEqual(0);
          }
          // Whole-chain balance by hand: meter = rack input + Σ losses upstream of the rack + Σ facility branches.
          const rackIndex = chain.stages.findIndex((s) => s.id === 'rack-input');
          const upstream = chain.stages.slice(0, rackIndex);
          const accounted = d.report.power.inputKw * 1000 + upstream.reduce((t, s) => t + s.lossW + s.branches.reduce((u, b) => u + b.w, 0), 0);
          expect(Math.abs(chain.inW - accounted), where).toBeLessThan(1);
          if (siteId) {
            expect(chain.hasFacility).toBe(true);
            const branchIds = upstream.flatMap((s) => s.branches.map((b) => b.id));
            expect(branchIds, where).toEqual(expect.arrayContaining(['cooling', 'building']));
          }
        }
      }
    });
  }

  it('GB300 NVL72 at Houston: the ~11 kW between the busway and the rack input is the network share, drawn', () => {
    const d = new RackDerivations().derive(catalog, { generationId: 'gb300-nvl72', options: {}, limits: {}, siteId: 'houston-tx' }, siteFunctions)!;
    const rackIndex = d.chain.stages.findIndex((s) => s.id === 'rack-input');
    const busway = d.chain.stages[rackIndex - 1]!;
    const network = busway.branches.find((b) => b.id === 'network');
    expect(network).toBeDefined();
    expect(busway.outW - network!.w).toBeCloseTo(d.report.power.inputKw * 1000, 3);
    // The meter's note lists the same parts it adds up.
    expect(d.chain.stages[0]!.detail).toMatch(/rack input .* \+ network share .* \+ cooling .* \+ building .* \+ chain losses/);
  });

  it('the check finds the gap when the network share is left out (as the chain was drawn before)', () => {
    const g = findGeneration(catalog, 'gb300-nvl72')!.generation;
    const d = new RackDerivations().derive(catalog, { generationId: g.id, options: {}, limits: {}, siteId: 'houston-tx' }, siteFunctions)!;
    const facility = siteFunctions.facilityChain('houston-tx', g, d.options, catalog)!;
    const gaps = chainMismatches(powerChain(d.report, g, { ...facility, networkKw: undefined }));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.at).toMatch(/→ rack-input/);
    expect(gaps[0]!.gapW).toBeCloseTo(facility.networkKw! * 1000, 3);
  });

  it('the accelerator stage is the report’s accelerator power (at the cap when one limits), not a second TDP sum', () => {
    // GB300 NVL72 at its default one-side cap (132 kW of 135 kW uncapped): 72 × 1,400 W = 100.8 kW at TDP, scaled
    // with every component to 100.8 × 132 / 135.x kW; the share is the report's shareOfIt (kw ÷ IT).
    for (const g of catalog.generations) {
      const d = new RackDerivations().derive(catalog, { generationId: g.id, options: {}, limits: {} }, siteFunctions)!;
      const stage = d.chain.stages.find((s) => s.id === 'accelerators');
      const acc = d.report.power.accelerators;
      if (!stage) continue;
      expect(stage.inW, g.id).toBeCloseTo((acc.kw ?? NaN) * 1000, 6);
      expect(stage.inW / (d.report.power.itKw * 1000), g.id).toBeCloseTo(acc.shareOfIt ?? NaN, 9);
    }
    const gb300 = new RackDerivations().derive(catalog, { generationId: 'gb300-nvl72', options: {}, limits: {} }, siteFunctions)!;
    const stage = gb300.chain.stages.find((s) => s.id === 'accelerators')!;
    expect(gb300.report.power.cap?.limiting ?? true).toBe(true);
    expect(stage.inW).toBeLessThan(100_800);
    expect(stage.detail).toContain('at the cap');
  });
});

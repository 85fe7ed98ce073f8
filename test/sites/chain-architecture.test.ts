/**
 * The facility chain by power architecture (issue 11 item 7): units on an 800 VDC generation are fed through the
 * architecture's own stages (rectifier to 800 VDC, energy storage on the DC bus, DC busway) that join the site's chain
 * at the stage that also feeds the cooling plant; no double-conversion AC UPS carries them. Every figure below is a
 * hand derivation in the comments, not the engine's own output.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { findGeneration } from '../../src/core/catalog/lookup';
import type { PowerArchitecture } from '../../src/core/catalog/types';
import { evaluateSite, siteContext, siteSettings } from '../../src/core/plan/evaluate-site';
import { siteLoad } from '../../src/core/plan/site-load';
import { endToEndEfficiency, evaluateChain, stageEfficiency, stagesOnPath } from '../../src/core/sites/chain';
import { FacilityStage, PowerArchitecture as PowerArchitectureSchema } from '../../src/schema/power-architecture';
import { flatStage, v } from './helpers';

const catalog = loadCatalog();
const sites = loadSites();
const rubinUltra = findGeneration(catalog, 'rubin-ultra-nvl576')!.generation;
const dc800 = rubinUltra.powerArchitecture!;

/** A test architecture with flat stages: rectifier 0.98, storage 1.0 (off the power path), DC busway 0.998. */
const flatDc: PowerArchitecture = {
  id: 'dc-800v',
  name: 'test 800 VDC',
  facilityStages: [flatStage('rect', 0.98, { indoor: true }), flatStage('storage', 1, { kind: 'bbu', indoor: true }), flatStage('dc-busway', 0.998, { kind: 'busway', indoor: true })],
  rackStages: [],
  endToEnd: null,
  confidence: 'estimate',
  sources: [],
  note: 'test',
};
const siteChain = { stages: [flatStage('mv', 0.99, { carriesMechanical: true }), flatStage('ups', 0.96, { kind: 'ups', indoor: true }), flatStage('busway', 0.997, { kind: 'busway', indoor: true })] };

describe('facility chain with an 800 VDC branch', () => {
  it('derived: 4 MW on the AC path and 6 MW on 800 VDC share the MV stage with 1.1 MW of cooling and building load', () => {
    // AC path: busway in = 4,000 / 0.997 = 4,012.036; UPS in = 4,012.036 / 0.96 = 4,179.204.
    // DC path: DC busway in = 6,000 / 0.998 = 6,012.024; storage passes it on (1.0); rectifier in = 6,012.024 / 0.98 = 6,134.718.
    // MV out = 4,179.204 + 6,134.718 + 1,000 + 100 = 11,413.923; MV in = 11,413.923 / 0.99 = 11,529.215 (the meter).
    // Losses = 11,529.215 − 10,000 − 1,100 = 429.215 kW; indoor (every stage but MV) = 313.923 kW.
    const r = evaluateChain(siteChain, {
      itKw: 10_000,
      mechanicalKw: 1_000,
      fixedKw: 100,
      designItKw: 10_000,
      designMechanicalKw: 1_000,
      designFixedKw: 100,
      branches: [{ architecture: flatDc, itKw: 6_000, designItKw: 6_000 }],
    });
    expect(r.meterKw).toBeCloseTo(11_529.215, 2);
    expect(r.lossKw).toBeCloseTo(429.215, 2);
    expect(r.indoorLossKw).toBeCloseTo(313.923, 2);
    expect(r.stages.map((s) => [s.id, s.path])).toEqual([
      ['mv', 'shared'],
      ['ups', 'site'],
      ['busway', 'site'],
      ['rect', 'dc-800v'],
      ['storage', 'dc-800v'],
      ['dc-busway', 'dc-800v'],
    ]);
    const ups = r.stages.find((s) => s.id === 'ups')!;
    expect(ups.outputMw * 1000).toBeCloseTo(4_012.036, 2); // the UPS carries the AC path only
    expect(stagesOnPath(r, 'dc-800v').map((s) => s.id)).toEqual(['mv', 'rect', 'storage', 'dc-busway']);
  });

  it('a site holding only 800 VDC units has no UPS stage: the site path is left out when nothing on it draws power', () => {
    // All 10 MW on the branch: rectifier in = 10,000 / 0.998 / 0.98 = 10,224.53; MV in = (10,224.53 + 1,100) / 0.99 = 11,438.92.
    const r = evaluateChain(siteChain, { itKw: 10_000, mechanicalKw: 1_000, fixedKw: 100, designItKw: 10_000, designMechanicalKw: 1_000, designFixedKw: 100, branches: [{ architecture: flatDc, itKw: 10_000, designItKw: 10_000 }] });
    expect(r.stages.some((s) => s.kind === 'ups')).toBe(false);
    expect(r.stages.map((s) => s.id)).toEqual(['mv', 'rect', 'storage', 'dc-busway']);
    expect(r.meterKw).toBeCloseTo(11_438.92, 1);
  });

  it('without branches the chain is the site chain as before (every stage on the site path)', () => {
    // Same as the three-stage derivation in pue.test.ts: meter 11,664.66 kW for 10 MW IT and 1.1 MW on MV.
    const r = evaluateChain(siteChain, { itKw: 10_000, mechanicalKw: 1_000, fixedKw: 100, designItKw: 10_000, designMechanicalKw: 1_000, designFixedKw: 100 });
    expect(r.meterKw).toBeCloseTo(11_664.66, 1);
    expect(r.stages.every((s) => s.path === 'site')).toBe(true);
  });

  it('a branch joins at the meter when no site stage feeds the cooling plant', () => {
    // Site chain of one AC stage (0.95) that carries IT only; AC 1,000 kW → 1,052.63; DC 1,000 kW → 1,000 / 0.998 / 0.98 = 1,022.45;
    // meter = 1,052.63 + 1,022.45 + 50 (mechanical) = 2,125.08.
    const r = evaluateChain({ stages: [flatStage('ups', 0.95)] }, { itKw: 2_000, mechanicalKw: 50, fixedKw: 0, designItKw: 2_000, designMechanicalKw: 50, designFixedKw: 0, branches: [{ architecture: flatDc, itKw: 1_000, designItKw: 1_000 }] });
    expect(r.meterKw).toBeCloseTo(2_125.08, 1);
    expect(r.stages.map((s) => s.path)).toEqual(['site', 'dc-800v', 'dc-800v', 'dc-800v']);
  });
});

describe('the catalog 800 VDC architecture (Rubin Ultra NVL576, Kyber)', () => {
  it('validates, and its stages carry IT only', () => {
    expect(PowerArchitectureSchema.safeParse(dc800).success).toBe(true);
    expect(dc800.id).toBe('dc-800v');
    expect(dc800.facilityStages.some((s) => s.kind === 'ups')).toBe(false);
    expect(dc800.facilityStages.every((s) => !s.carriesMechanical)).toBe(true);
  });

  it('its stage efficiencies multiply to the stated end-to-end figure', () => {
    // Hand: at 50 % loading the rectifier curve reads 0.98, storage 1.0, DC busway 0.998; blade DC-DC 0.98.
    // 0.98 × 1.0 × 0.998 × 0.98 = 0.9584792, stated (rounded) as 0.9585.
    const e2e = dc800.endToEnd!;
    expect(e2e.atLoadingFraction).toBe(0.5);
    expect(endToEndEfficiency(dc800, 0.5)).toBeCloseTo(0.9584792, 9);
    expect(Math.abs(endToEndEfficiency(dc800, e2e.atLoadingFraction) - e2e.efficiency)).toBeLessThan(5e-5);
    // The same through evaluateChain: module ratings chosen so every stage runs at exactly 50 % of its 2N capacity
    // (rating = the stage's output, so N = 1 and 2N installs 2). Branch input / IT × blade DC-DC = end-to-end.
    const itKw = 1_000;
    const outs = [itKw / 0.998, itKw / 0.998, itKw]; // rectifier, storage, busway outputs
    const stages = dc800.facilityStages.map((s, i) => ({ ...s, redundancy: '2n' as const, moduleRatingMw: v(outs[i]! / 1000, 'MW') }));
    const r = evaluateChain({ stages: [] }, { itKw, mechanicalKw: 0, fixedKw: 0, designItKw: itKw, designMechanicalKw: 0, designFixedKw: 0, branches: [{ architecture: { ...dc800, facilityStages: stages }, itKw, designItKw: itKw }] });
    for (const s of r.stages) expect(s.loadingFraction).toBeCloseTo(0.5, 12);
    const rack = dc800.rackStages.reduce((t, s) => t * ('value' in s.efficiency ? s.efficiency.value : s.efficiency.typical), 1);
    expect((itKw / r.meterKw) * rack).toBeCloseTo(0.9584792, 9);
    expect(r.stages.reduce((t, s) => t * s.efficiency, 1) * rack).toBeCloseTo(0.9584792, 9);
  });

  it('is better than the site AC path it replaces, by no more than NVIDIA claims (up to 5 %)', () => {
    // AC path on the same basis at 50 % loading: Houston UPS 0.96 × AC busway 0.997 × ORv3 HPR shelf 0.975 (the OCP
    // ORv3 rectifier's 97.5 % peak, placed at 50 % load in psus.json) = 0.933192.
    const houston = sites.find((s) => s.id === 'houston-tx')!.roles.dataCenter!.powerChain;
    const ups = houston.stages.find((s) => s.kind === 'ups')!;
    const busway = houston.stages.find((s) => s.kind === 'busway')!;
    const shelf = catalog.psus.find((p) => p.id === 'orv3-hpr-33kw-shelf')!.efficiency.points.find((x) => x.loadFraction === 0.5)!.efficiency;
    expect(shelf).toBe(0.975);
    const ac = stageEfficiency(ups, 0.5) * stageEfficiency(busway, 0.5) * shelf;
    expect(ac).toBeCloseTo(0.933192, 9);
    const gain = dc800.endToEnd!.efficiency - ac;
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThanOrEqual(0.05);
  });

  it("every site preset's chain stages also validate against the architecture's stage schema (one stage shape)", () => {
    for (const s of sites) for (const st of s.roles.dataCenter?.powerChain.stages ?? []) expect(FacilityStage.safeParse(st).success, `${s.id} ${st.id}`).toBe(true);
  });
});

describe('a Rubin Ultra site: the facility numbers use the 800 VDC chain', () => {
  for (const site of sites.filter((s) => s.roles.dataCenter)) {
    it(`${site.id}: the units' power passes the rectifier, not the UPS; the UPS carries only the network`, () => {
      const r = evaluateSite(site, catalog, siteSettings(catalog), { generation: rubinUltra.id });
      if (!r.ok) throw new Error(r.error[0]!.message);
      const { peak, detail } = r.value;
      const unitPath = stagesOnPath(peak, 'dc-800v');
      expect(unitPath.some((s) => s.kind === 'ups')).toBe(false);
      expect(unitPath.map((s) => s.id)).toEqual(expect.arrayContaining(['rectifier-800vdc', 'dc-bus-storage', 'busway-800vdc']));
      // What the 800 VDC busway delivers is the units' rack input (Σ unit input at full load at the design condition).
      const dcBus = peak.stages.find((s) => s.id === 'busway-800vdc')!;
      expect(dcBus.outputMw * 1000).toBeCloseTo(detail.itKw - detail.fabric.switchKw, 3);
      // The site's own AC path (UPS, busway) carries the fabric switches only.
      for (const s of peak.stages.filter((x) => x.path === 'site')) expect(s.kind === 'ups' || s.kind === 'busway' || s.kind === 'rpp' || s.kind === 'other').toBe(true);
      const acBusway = peak.stages.find((s) => s.path === 'site' && s.kind === 'busway');
      if (acBusway) expect(acBusway.outputMw * 1000).toBeCloseTo(detail.fabric.switchKw, 3);
      for (const s of peak.stages) for (const x of [s.outputMw, s.lossMw, s.efficiency, s.loadingFraction]) expect(Number.isFinite(x)).toBe(true);
    });
  }
});

describe('a site mixing an AC-fed and an 800 VDC generation', () => {
  it('the UPS carries the VR NVL144 racks and the fabric, the rectifier the Rubin Ultra racks, and the MV stage both plus the cooling plant', () => {
    const site = sites.find((s) => s.id === 'lordstown-oh')!;
    const ctx = siteContext(site, catalog, siteSettings(catalog));
    const load = siteLoad(ctx, new Map([['vr-nvl144', 40], ['rubin-ultra-nvl576', 10]]));
    const vr = ctx.facts('vr-nvl144');
    const ru = ctx.facts('rubin-ultra-nvl576');
    const stage = (id: string) => load.peak.stages.find((s) => s.id === id)!;
    // Peak = full load: the AC busway delivers 40 VR racks' input plus the fabric switches; the 800 VDC busway 10 Rubin Ultra racks' input.
    expect(stage('busway').outputMw * 1000).toBeCloseTo(40 * vr.inputKw + load.fabric.switchKw, 6);
    expect(stage('busway-800vdc').outputMw * 1000).toBeCloseTo(10 * ru.inputKw, 6);
    expect(stage('ups').path).toBe('site');
    expect(stage('rectifier-800vdc').path).toBe('dc-800v');
    // The shared MV stage delivers both paths' inputs plus cooling and the building load.
    const ups = stage('ups');
    const rect = stage('rectifier-800vdc');
    const mv = stage('mv');
    expect(mv.path).toBe('shared');
    const mvOut = ups.outputMw + ups.lossMw + rect.outputMw + rect.lossMw + load.peak.coolingMw + load.peak.fixedOverheadMw;
    expect(mv.outputMw).toBeCloseTo(mvOut, 9);
    // The mixed chain term lies between the two pure sites' (DC racks lose less in the chain than AC racks).
    const pure = (gid: string, n: number) => siteLoad(ctx, new Map([[gid, n]])).peak.terms!.chainLoss;
    const mixed = load.peak.terms!.chainLoss;
    expect(mixed).toBeLessThan(pure('vr-nvl144', 40));
    expect(mixed).toBeGreaterThan(pure('rubin-ultra-nvl576', 10));
  });
});

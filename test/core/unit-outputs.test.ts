/**
 * The unit outputs added for issue 12 (items 3 and 6): scale-up bandwidth, accelerator-only power, idle power,
 * sparse and FP32/FP64 rates, cloud host figures and a year's energy. Every expected number is worked by hand from
 * the published figure the comment names, never read back from the engine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import type { UnitOptions } from '../../src/core/rack/types';
import { findNonFinite } from '../../src/cli/output';
import { keyFigures } from '../../src/views/figures';
import { assumptionLabel } from '../../src/views/assumption-labels';
import { sessionJson } from '../../src/views/session-export';
import type { AppSnapshot } from '../../src/state/types';
import { formatNumber } from '../../src/views/format';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const gen = (id: string) => findGeneration(catalog, id)!.generation;
const HOURS = 8760;

describe('GB300 NVL72 (NVIDIA via VendorDeep and Verda; Lenovo LP2357 for the rack TDP)', () => {
  const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
  it('NVLink: 72 GPUs × 1.8 TB/s = 129.6 TB/s, NVIDIA\'s "130 TB/s" for the rack', () => {
    expect(r.scaleUp.perAcceleratorTBps).toBeCloseTo(1.8, 9);
    expect(r.scaleUp.domainTBps).toBeCloseTo(129.6, 9);
    expect(r.scaleUp.unitTBps).toBeCloseTo(129.6, 9);
    expect(r.scaleUp.perRackTBps).toBeCloseTo(129.6, 9);
    expect(Math.abs(r.scaleUp.unitTBps! - 130) / 130).toBeLessThan(0.005);
    expect(r.scaleUp.domains).toBe(1);
  });
  // The catalog's uncapped rack is Lenovo's 135 kW less tray rounding (134.994 kW), hence 4 and 2 decimals below.
  it('accelerator-only power: 72 × 1,400 W = 100.8 kW (Verda: "Max GPU TDP 100.8 kW"), 100.8 / 135 kW uncapped = 74.7 % of IT', () => {
    expect(r.power.accelerators.tdpKw).toBeCloseTo(100.8, 9);
    expect(r.power.accelerators.shareOfIt).toBeCloseTo(100.8 / 135, 4);
    // The default 132 kW cap throttles every component alike: 100.8 × 132 / 135 = 98.56 kW.
    expect(r.power.cap.limiting).toBe(true);
    expect(r.power.accelerators.kw).toBeCloseTo((100.8 * 132) / 135, 2);
  });
  it('idle power is not published (null, never 0)', () => {
    expect(r.power.accelerators.idleKw).toBeNull();
    expect(r.energy.acceleratorIdlePublished).toBe(false);
  });
  it('sparse: 1,440 PF FP4 and 720 PF FP8 per rack (NVIDIA); FP4 sparse is 1.33 × dense, not 2 ×', () => {
    expect(r.compute.fp4SparsePflops).toBeCloseTo(1440, 9);
    expect(r.compute.fp8SparsePflops).toBeCloseTo(720, 9);
    expect(r.compute.fp4SparsePflops! / r.compute.fp4DensePflops!).toBeCloseTo(1440 / 1080, 9);
    expect(r.compute.bf16SparsePflops).toBeNull();
  });
  it('FP32 72 × 80 TFLOPS = 5.76 PF (Verda per-GPU table); FP64 not published', () => {
    expect(r.compute.fp32Pflops).toBeCloseTo(5.76, 9);
    expect(r.compute.fp64Pflops).toBeNull();
  });
  it('energy at the plan default 80 %: 132 kW × 0.8 × 8,760 h = 925,056 kWh; per GPU ÷ 72 = 12,848 kWh; the GPU alone 1.4 × 0.8 × 8,760 = 9,811.2 kWh', () => {
    expect(r.energy.utilization).toBe(0.8);
    expect(r.energy.unitKwhPerYear).toBeCloseTo(132 * 0.8 * HOURS, 6);
    expect(r.energy.perAcceleratorKwhPerYear).toBeCloseTo((132 * 0.8 * HOURS) / 72, 6);
    expect(r.energy.acceleratorOnlyKwhPerYear).toBeCloseTo(1.4 * 0.8 * HOURS, 6);
  });
  it('no host block: not a cloud instance unit', () => {
    expect(r.host).toBeNull();
  });
  it('a user cap of 67.5 kW halves the accelerators\' power too (100.8 × 67.5 / 135 = 50.4 kW), the share stays', () => {
    const capped = evaluateUnit(gen('gb300-nvl72'), { powerCapKw: 67.5 }, catalog);
    expect(capped.power.accelerators.kw).toBeCloseTo(50.4, 2);
    expect(capped.power.accelerators.tdpKw).toBeCloseTo(100.8, 9);
    expect(capped.power.accelerators.shareOfIt).toBeCloseTo(100.8 / 135, 4);
  });
});

describe('DGX B200, 4 systems per rack (NVIDIA DGX B200 user guide; NVIDIA HGX B200 table as reproduced; Lockwood)', () => {
  const r = evaluateUnit(gen('dgx-b200'), {}, catalog);
  it('NVLink 14.4 TB/s per system (NVIDIA: "14.4 TB/s aggregate") → 4 domains, 57.6 TB/s per rack', () => {
    expect(r.scaleUp.domainAccelerators).toBe(8);
    expect(r.scaleUp.domains).toBe(4);
    expect(r.scaleUp.domainTBps).toBeCloseTo(14.4, 9);
    expect(r.scaleUp.unitTBps).toBeCloseTo(4 * 14.4, 9);
  });
  it('sparse per system 144 PF FP4, 72 PF FP8, 36 PF BF16 (8 × 18 / 9 / 4.5) → × 4 systems', () => {
    expect(r.compute.fp4SparsePflops).toBeCloseTo(4 * 144, 9);
    expect(r.compute.fp8SparsePflops).toBeCloseTo(4 * 72, 9);
    expect(r.compute.bf16SparsePflops).toBeCloseTo(4 * 36, 9);
  });
  it('FP32 32 × 75 TFLOPS = 2.4 PF; FP64 32 × 37 TFLOPS = 1.184 PF', () => {
    expect(r.compute.fp32Pflops).toBeCloseTo(2.4, 9);
    expect(r.compute.fp64Pflops).toBeCloseTo(1.184, 9);
  });
  it('accelerator-only power 32 × 1,000 W = 32 kW; the GPU alone at 80 %: 1.0 × 0.8 × 8,760 = 7,008 kWh', () => {
    expect(r.power.accelerators.tdpKw).toBeCloseTo(32, 9);
    expect(r.power.accelerators.kw).toBeCloseTo(32, 9);
    expect(r.energy.acceleratorOnlyKwhPerYear).toBeCloseTo(7008, 6);
  });
});

describe('Trn2 UltraServer (AWS Neuron Trn2 architecture and Trainium2 pages)', () => {
  const r = evaluateUnit(gen('trn2-ultraserver'), {}, catalog);
  it('host: 4 × trn2u.48xlarge = 768 vCPUs and 8,192 GiB (AWS u-trn2x64), 4 × 3,200 Gbps EFA', () => {
    expect(r.host).toEqual({
      instanceType: 'trn2u.48xlarge', instances: 4, vcpuPerInstance: 192, memoryGiBPerInstance: 2048, networkGbpsPerInstance: 3200,
      vcpu: 768, memoryGiB: 8192, networkGbps: 12800,
    });
  });
  it('sparse FP8 and BF16: 64 × 2.563 = 164 PF (AWS: "164 sparse" per UltraServer); FP4 not supported', () => {
    expect(r.compute.fp8SparsePflops).toBeCloseTo(64 * 2.563, 9);
    expect(Math.round(r.compute.fp8SparsePflops!)).toBe(164);
    expect(r.compute.bf16SparsePflops).toBeCloseTo(64 * 2.563, 9);
    expect(r.compute.fp4SparsePflops).toBeNull();
  });
  it('FP32 11.6 PF per UltraServer (AWS table)', () => {
    expect(r.compute.fp32Pflops).toBeCloseTo(11.6, 9);
  });
  it('NeuronLink 1,024 + 256 GB/s = 1.28 TB/s per chip (AWS) → 64 × 1.28 = 81.92 TB/s over 2 racks (40.96 per rack)', () => {
    expect(r.scaleUp.perAcceleratorTBps).toBeCloseTo(1.28, 9);
    expect(r.scaleUp.unitTBps).toBeCloseTo(81.92, 9);
    expect(r.scaleUp.perRackTBps).toBeCloseTo(40.96, 9);
  });
  it('accelerator-only power 64 × ~500 W (SemiAnalysis) = 32 kW; the chip alone at 80 %: 0.5 × 0.8 × 8,760 = 3,504 kWh', () => {
    expect(r.power.accelerators.tdpKw).toBeCloseTo(32, 9);
    expect(r.energy.acceleratorOnlyKwhPerYear).toBeCloseTo(3504, 6);
  });
});

describe('other cloud instance units (AWS Neuron Trn3 and Inf2 tables)', () => {
  it('Trn3 Gen2 UltraServer: 2,304 vCPUs, 27,648 GiB, 28,800 Gbps EFA, FP32 26,352 TFLOPS', () => {
    const r = evaluateUnit(gen('trn3-gen2-ultraserver'), {}, catalog);
    expect(r.host).toMatchObject({ instanceType: null, instances: 1, vcpu: 2304, memoryGiB: 27648, networkGbps: 28800 });
    expect(r.compute.fp32Pflops).toBeCloseTo(26.352, 9);
  });
  it('Trn3 Gen1 UltraServer: 768 vCPUs, 8,192 GiB, 12,800 Gbps EFA, FP32 11,712 TFLOPS', () => {
    const r = evaluateUnit(gen('trn3-gen1-ultraserver'), {}, catalog);
    expect(r.host).toMatchObject({ vcpu: 768, memoryGiB: 8192, networkGbps: 12800 });
    expect(r.compute.fp32Pflops).toBeCloseTo(11.712, 9);
  });
  it('inf2.48xlarge: 192 vCPUs, 768 GiB, network not published (null), FP32 570 TFLOPS; 3 servers per rack triple the host', () => {
    const r = evaluateUnit(gen('inf2-server'), {}, catalog);
    expect(r.host).toMatchObject({ instanceType: 'inf2.48xlarge', instances: 1, vcpu: 192, memoryGiB: 768, networkGbps: null });
    expect(r.compute.fp32Pflops).toBeCloseTo(0.57, 9);
    const three = evaluateUnit(gen('inf2-server'), { systemsPerRack: 3 }, catalog);
    expect(three.host).toMatchObject({ instances: 3, vcpu: 576, memoryGiB: 2304 });
  });
  it('trn2-server: one trn2.48xlarge per 16-chip system (192 vCPUs, 2,048 GiB, 3,200 Gbps)', () => {
    const r = evaluateUnit(gen('trn2-server'), { systemsPerRack: 1 }, catalog);
    expect(r.host).toMatchObject({ instanceType: 'trn2.48xlarge', instances: 1, vcpu: 192, memoryGiB: 2048, networkGbps: 3200 });
  });
});

describe('energy against a published worked example', () => {
  it('an H100 at 61 % utilization uses ≈ 3,740 kWh a year (Paul Churnock, Microsoft, via hardwaretimes.in: 700 W peak, no idle floor)', () => {
    const r = evaluateUnit(gen('dgx-h100'), { utilization: 0.61 }, catalog);
    expect(Math.round(r.energy.acceleratorOnlyKwhPerYear!)).toBe(3741); // 0.7 kW × 0.61 × 8,760 h = 3,740.5
    expect(Math.abs(r.energy.acceleratorOnlyKwhPerYear! - 3740) / 3740).toBeLessThan(0.001);
  });
});

describe('utilization and provenance', () => {
  it('a user utilization of 50 % halves the 100 % energy and is logged as the user\'s value', () => {
    const g = gen('gb300-nvl72');
    const half = evaluateUnit(g, { utilization: 0.5 }, catalog);
    expect(half.energy.unitKwhPerYear).toBeCloseTo(132 * 0.5 * HOURS, 6);
    expect(half.assumptions.find((a) => a.path === 'options.utilization')).toMatchObject({ value: 0.5, confidence: 'user' });
    expect(evaluateUnit(g, {}, catalog).assumptions.find((a) => a.path === 'prices.planDefaults.utilization')?.value).toBe(0.8);
  });
  it('every new figure cites its catalog row (sparse, FP32/FP64, idle, scale-up bandwidth, TDP, instance)', () => {
    const paths = evaluateUnit(gen('trn2-ultraserver'), {}, catalog).assumptions.map((a) => a.path);
    for (const field of ['fp8SparsePflops', 'fp32Pflops', 'fp64Pflops', 'idleW', 'scaleUpGbpsPerDirection', 'tdpW']) expect(paths).toContain(`generations.trn2-ultraserver.accelerator.${field}`);
    for (const field of ['vcpu', 'memoryGiB', 'networkGbps']) expect(paths).toContain(`generations.trn2-ultraserver.instance.${field}`);
  });
  it('the Assumptions table names them in words', () => {
    expect(assumptionLabel('generations.trn2-ultraserver.instance.vcpu', catalog)).toBe('Host vCPUs per instance');
    expect(assumptionLabel('generations.gb300-nvl72.accelerator.fp4SparsePflops', catalog)).toMatch(/: FP4 sparse PFLOPS$/);
    expect(assumptionLabel('prices.planDefaults.utilization', catalog)).toBe('Utilization (plan default)');
  });
});

describe('no NaN or Infinity for any generation and options', () => {
  const ids = catalog.generations.map((g) => g.id);
  const options: fc.Arbitrary<UnitOptions> = fc.record(
    {
      units: fc.integer({ min: 1, max: 500 }),
      systemsPerRack: fc.integer({ min: 1, max: 12 }),
      basis: fc.constantFrom('min', 'typical', 'max' as const),
      powerCapKw: fc.double({ min: 0.5, max: 400, noNaN: true }),
      powerProfile: fc.constantFrom('uncapped', 'max-q', 'max-p'),
      utilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
    },
    { requiredKeys: [] },
  );
  it('scale-up, accelerator power, compute, host and energy stay finite (nulls where not published)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), options, (id, o) => {
        const r = evaluateUnit(gen(id), o, catalog);
        expect(findNonFinite({ scaleUp: r.scaleUp, accelerators: r.power.accelerators, compute: r.compute, host: r.host, energy: r.energy })).toBeUndefined();
        if (r.power.accelerators.shareOfIt !== null) expect(r.power.accelerators.shareOfIt).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('one truth: rack --json and the designer show the engine\'s figures', () => {
  it.each(['gb300-nvl72', 'dgx-b200', 'trn2-ultraserver', 'inf2-server'])('%s', async (id) => {
    const engine = evaluateUnit(gen(id), {}, catalog);
    const json = await cliJson('rack', id, '--json');
    expect(json.scaleUp).toEqual(engine.scaleUp);
    expect(json.host).toEqual(engine.host);
    expect(json.energy).toEqual(engine.energy);
    expect(json.power.accelerators).toEqual(engine.power.accelerators);
    expect(json.compute).toEqual(engine.compute);
    const figures = keyFigures(engine, 'si').flatMap((g) => g.figures);
    const figure = (fid: string) => figures.find((f) => f.id === fid)!;
    expect(figure('scaleup-bw').value).toBe(engine.scaleUp.unitTBps === null ? 'not published' : `${formatNumber(engine.scaleUp.unitTBps)} TB/s`);
    expect(figure('energy').value).toBe(`${formatNumber(engine.energy.perAcceleratorKwhPerYear! / 1000)} MWh/yr`);
    expect(figure('sparse').value).toBe(engine.compute.fp8SparsePflops === null ? 'not published' : `${formatNumber(engine.compute.fp8SparsePflops)} PFLOPS`);
    if (engine.host) expect(figure('host').value).toBe(`${formatNumber(engine.host.vcpu, 0)} vCPU`);
    else expect(figures.some((f) => f.id === 'host')).toBe(false);
    expect(figure('acc-power').sub).toContain(`${formatNumber(engine.power.accelerators.shareOfIt! * 100, 1)} % of IT`);
  });
  it('the session JSON carries the same figures (it embeds the designer\'s report)', () => {
    const report = evaluateUnit(gen('trn2-ultraserver'), {}, catalog);
    const snapshot = { design: { rack: { generationId: 'trn2-ultraserver' } } } as unknown as AppSnapshot;
    const session = JSON.parse(sessionJson(snapshot, report, '2026-12-03T00:00:00.000Z').text);
    expect(session.reports.rack.scaleUp).toEqual(report.scaleUp);
    expect(session.reports.rack.host).toEqual(report.host);
    expect(session.reports.rack.energy).toEqual(report.energy);
  });
  it('rack --utilization 0.5 gives the engine\'s energy at 50 %', async () => {
    const json = await cliJson('rack', 'dgx-b200', '--json', '--utilization', '0.5');
    expect(json.energy).toEqual(evaluateUnit(gen('dgx-b200'), { utilization: 0.5 }, catalog).energy);
  });
});

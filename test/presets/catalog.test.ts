/**
 * Catalog-level checks on the bundled presets: validation, ids and aliases, provenance rules the
 * schema cannot express, and sanity cross-checks against cited published figures.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import type { Generation } from '../../src/core/catalog/types';
import { isMissing, pick, type MaybeSourced } from '../../src/core/provenance';

const EXPECTED = [
  'dgx-h100', 'dgx-h200', 'dgx-b200', 'dgx-b300', 'gb200-nvl72', 'gb300-nvl72', 'vr-nvl144', 'rubin-ultra-nvl576',
  'trn2-server', 'trn2-ultraserver', 'trn3-gen1-ultraserver', 'trn3-gen2-ultraserver', 'inf2-server',
];

const catalog = loadCatalog();
const gen = (id: string): Generation => {
  const g = catalog.generations.find((x) => x.id === id);
  if (!g) throw new Error(`missing generation ${id}`);
  return g;
};
const num = (q: MaybeSourced, basis: 'min' | 'typical' | 'max' = 'typical'): number => {
  const v = pick(q, basis);
  if (v === null) throw new Error('expected a sourced number');
  return v;
};
/** Accelerators and item counts in one unit at the default systems per rack. */
const systems = (g: Generation) => (g.systemsPerRack ? g.systemsPerRack.default * g.racks : 1);
const items = (g: Generation, c: Generation['components'][number]) => c.count * (c.scope === 'system' ? systems(g) : 1);
const accelerators = (g: Generation) => g.components.reduce((s, c) => s + items(g, c) * c.accelerators, 0);
const maxItW = (g: Generation) => g.components.reduce((s, c) => s + items(g, c) * (pick(c.maxPowerW, 'max') ?? 0), 0);

describe('preset catalog', () => {
  it('loads and validates every preset file', () => {
    expect(() => loadCatalog()).not.toThrow();
  });

  it('has every expected generation', () => {
    expect(catalog.generations.map((g) => g.id).sort()).toEqual([...EXPECTED].sort());
  });

  it('ids and aliases are unique across generations and every alias resolves to its generation', () => {
    const names = catalog.generations.flatMap((g) => [g.id, ...g.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const g of catalog.generations) {
      expect(findGeneration(catalog, g.id)?.generation.id).toBe(g.id);
      for (const a of g.aliases) {
        const found = findGeneration(catalog, a);
        expect(found?.generation.id, a).toBe(g.id);
        expect(found?.aliasOf).toBe(a);
      }
    }
  });

  it('VR NVL144 answers to its new name vr-nvl72', () => {
    expect(findGeneration(catalog, 'vr-nvl72')?.generation.id).toBe('vr-nvl144');
  });

  it('component ids are unique within each generation; PSU, CDU and coolant ids are unique', () => {
    for (const g of catalog.generations) {
      const ids = g.components.map((c) => c.id);
      expect(new Set(ids).size, g.id).toBe(ids.length);
    }
    for (const list of [catalog.psus, catalog.cdus, catalog.coolants]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('every PSU model is used by a generation', () => {
    const used = new Set(catalog.generations.map((g) => g.power.psuId));
    expect(catalog.psus.map((p) => p.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('unsupported precisions are null with a reason, never 0', () => {
    for (const g of catalog.generations) {
      for (const key of ['fp4DensePflops', 'fp8DensePflops', 'bf16DensePflops'] as const) {
        const q = g.accelerator[key];
        if (isMissing(q)) expect(q.reason.length, `${g.id}.${key}`).toBeGreaterThan(3);
        else expect(num(q, 'min'), `${g.id}.${key}`).toBeGreaterThan(0);
      }
    }
    expect(isMissing(gen('dgx-h100').accelerator.fp4DensePflops)).toBe(true);
    const h100Fp4 = gen('dgx-h100').accelerator.fp4DensePflops;
    expect(isMissing(h100Fp4) && h100Fp4.reason.startsWith('unsupported')).toBe(true);
    expect(gen('dgx-h100').accelerator.formatNames.fp4).toBeNull();
  });

  it('`published` is used only for vendor documents', () => {
    const vendor = [
      'docs.nvidia.com', 'networking-docs.nvidia.com', 'www.nvidia.com', 'github.com/aws-neuron/', 'awsdocs-neuron.readthedocs-hosted.com', 'aws.amazon.com',
      'www.nist.gov',
    ];
    const offenders: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}.${i}`));
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (o.confidence === 'published' && Array.isArray(o.sources)) {
        for (const s of o.sources as { url: string }[]) {
          if (!vendor.some((d) => s.url.replace(/^https?:\/\//, '').startsWith(d))) offenders.push(`${path}: ${s.url}`);
        }
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
    };
    walk(catalog, 'catalog');
    expect(offenders).toEqual([]);
  });

  it('AWS HBM sizes follow the GiB → TB (10^12 bytes) convention', () => {
    expect(num(gen('trn2-server').accelerator.hbmTb)).toBeCloseTo((96 * 1.073741824) / 1000, 12);
    expect(num(gen('trn3-gen2-ultraserver').accelerator.hbmTb)).toBeCloseTo(0.154618822656, 12);
    expect(num(gen('inf2-server').accelerator.hbmTb)).toBeCloseTo((32 * 1.073741824) / 1000, 12);
  });

  it('coolant tables cover 10–60 °C in steps of at most 5 K; PG25 freezes at −9.6 °C', () => {
    for (const id of ['water', 'pg25'] as const) {
      const c = catalog.coolants.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      const temps = c!.table.map((r) => r.tempC);
      for (let t = 10; t <= 60; t += 5) expect(temps, `${id} ${t} °C`).toContain(t);
      expect(c!.note ?? '').not.toMatch(/TO VERIFY/);
    }
    expect(num(catalog.coolants.find((c) => c.id === 'pg25')!.freezePointC)).toBe(-9.6);
    // Airedale's PG25 point at 25 °C: cp 3.92 kJ/kg·K, ρ 1,021.5 kg/m³.
    const pg25at25 = catalog.coolants.find((c) => c.id === 'pg25')!.table.find((r) => r.tempC === 25)!;
    expect(Math.abs(pg25at25.cpJPerKgK - 3920)).toBeLessThan(15);
    expect(Math.abs(pg25at25.densityKgM3 - 1021.5)).toBeLessThan(1);
  });

  it('PSU efficiency curves give points at 10/20/50/100 % load', () => {
    for (const p of catalog.psus) {
      const loads = p.efficiency.points.map((x) => x.loadFraction);
      expect(loads[0], p.id).toBeLessThanOrEqual(0.1);
      expect(loads[loads.length - 1], p.id).toBe(1);
    }
  });

  it('the default in-row CDU is listed first among in-row CDUs and CDU capacities match their sources', () => {
    const cdu = (id: string) => catalog.cdus.find((c) => c.id === id)!;
    expect(catalog.cdus.find((c) => c.placement === 'in-row')?.id).toBe('vertiv-coolchip-cdu-1350');
    expect(num(cdu('vertiv-coolchip-cdu-2300').capacityW)).toBe(2_300_000);
    expect(num(cdu('vertiv-coolchip-cdu-2300').approachK)).toBe(4);
    expect(num(cdu('vertiv-coolchip-cdu-1350').capacityW)).toBe(1_350_000);
    expect(num(cdu('coolit-chx2000').capacityW)).toBe(2_000_000);
    expect(num(cdu('coolit-chx2000').approachK)).toBe(5);
    expect(num(cdu('motivair-mcdu-70').capacityW)).toBe(2_500_000);
    expect(num(cdu('supermicro-gb300-inrack-cdu-250kw').capacityW)).toBe(250_000);
  });
});

describe('sanity cross-checks against cited published figures', () => {
  it('GB200 NVL72: 72 GPUs, ≈5,000 copper scale-up cables, 120–135 kW class', () => {
    const g = gen('gb200-nvl72');
    expect(accelerators(g)).toBe(72);
    // NVIDIA (via Network World): "up to 5,000 copper cables" in the NVLink spine.
    const cables = accelerators(g) * num(g.scaleUp.linksPerAccelerator) * num(g.scaleUp.cablesPerLink);
    expect(g.scaleUp.medium).toBe('cable');
    expect(cables).toBe(72 * 18 * 4);
    expect(Math.abs(cables - 5000) / 5000).toBeLessThan(0.05);
    const kw = maxItW(g) / 1000;
    expect(kw).toBeGreaterThanOrEqual(115);
    expect(kw).toBeLessThanOrEqual(135);
  });

  it('GB300 NVL72: 72 GPUs, rack max at Lenovo’s 135 kW TDP, 8 × 33 kW shelves', () => {
    const g = gen('gb300-nvl72');
    expect(accelerators(g)).toBe(72);
    expect(maxItW(g) / 1000).toBeCloseTo(135, 0);
    expect(num(g.power.count)).toBe(8);
    // Rack dense FP8 360 PF (NVIDIA via Lockwood).
    expect(accelerators(g) * num(g.accelerator.fp8DensePflops)).toBeCloseTo(360, 0);
  });

  it('VR NVL144: 72 packages on a cableless midplane, 190–230 kW, 4 × 110 kW shelves', () => {
    const g = gen('vr-nvl144');
    expect(accelerators(g)).toBe(72);
    expect(g.scaleUp.medium).toBe('midplane');
    const kw = maxItW(g) / 1000;
    expect(kw).toBeGreaterThanOrEqual(190);
    expect(kw).toBeLessThanOrEqual(235);
    expect(num(g.power.count)).toBe(4);
    const shelf = catalog.psus.find((p) => p.id === g.power.psuId)!;
    expect(num(shelf.psuRatingW) * shelf.psusPerShelf).toBeCloseTo(110_000, -1);
  });

  it('Rubin Ultra NVL576: 144 packages (576 dies), 800 VDC, up to ~600–660 kW', () => {
    const g = gen('rubin-ultra-nvl576');
    expect(accelerators(g) * 4).toBe(576);
    expect(num(g.power.busVoltageV)).toBe(800);
    expect(maxItW(g) / 1000).toBeGreaterThanOrEqual(600);
    expect(maxItW(g) / 1000).toBeLessThanOrEqual(665);
  });

  it('DGX systems: per-system power, PSUs and redundancy from the user guides', () => {
    const sys = (id: string) => gen(id).components.find((c) => c.scope === 'system')!;
    expect(num(sys('dgx-h100').maxPowerW)).toBe(10_200);
    expect(num(sys('dgx-b200').maxPowerW)).toBe(14_300);
    expect(gen('dgx-h100').power.redundancy.default).toBe('n+2');
    expect(gen('dgx-b200').power.redundancy.default).toBe('n+1');
    expect(gen('dgx-b300').power.redundancy.default).toBe('n+n');
    expect(num(gen('dgx-b300').power.count)).toBe(12);
    expect(gen('dgx-b200').systemsPerRack?.default).toBe(4);
    // DGX B300 RA: four per rack at ~56 kW.
    expect(maxItW(gen('dgx-b300')) / 1000).toBeGreaterThan(56);
    expect(maxItW(gen('dgx-b300')) / 1000).toBeLessThan(60);
    for (const id of ['dgx-h100', 'dgx-h200', 'dgx-b200', 'dgx-b300']) {
      expect(gen(id).scaleUp.medium, id).toBe('pcb');
      expect(num(gen(id).scaleUp.cablesPerLink), id).toBe(0);
      expect(accelerators(gen(id)) / systems(gen(id)), id).toBe(8);
    }
  });

  it('Trn2 UltraServer: 64 chips × 1.299 PF FP8 ≈ 83 PF (AWS), over 2 racks, copper inter-instance links', () => {
    const g = gen('trn2-ultraserver');
    expect(accelerators(g)).toBe(64);
    expect(g.racks).toBe(2);
    // AWS: 83.2 PF FP8 per Trn2 UltraServer (current Neuron docs; 64 × 1.299 = 83.1).
    expect(Math.abs(accelerators(g) * num(g.accelerator.fp8DensePflops) - 83.2)).toBeLessThan(0.2);
    expect(g.scaleUp.medium).toBe('cable');
    expect(accelerators(gen('trn2-server')) / systems(gen('trn2-server'))).toBe(16);
  });

  it('Trn3 Gen2 UltraServer: 144 chips × 2.517 PF MXFP8 ≈ 362 PF (AWS), 36 servers × 4', () => {
    const g = gen('trn3-gen2-ultraserver');
    expect(accelerators(g)).toBe(144);
    expect(accelerators(g) * num(g.accelerator.fp8DensePflops)).toBeCloseTo(362.4, 0);
    expect(g.components.find((c) => c.id === 'trn3-server')?.count).toBe(36);
    expect(g.accelerator.formatNames.fp8).toBe('MXFP8');
  });

  it('Inf2.48xlarge: 12 chips, 2,280 TFLOPS FP8/BF16 (AWS)', () => {
    const g = gen('inf2-server');
    expect(accelerators(g) / systems(g)).toBe(12);
    expect((accelerators(g) / systems(g)) * num(g.accelerator.bf16DensePflops)).toBeCloseTo(2.28, 6);
  });

  it('AWS power figures are labelled estimates or missing, never secondary or published', () => {
    for (const g of catalog.generations.filter((x) => x.vendor === 'aws')) {
      for (const c of g.components) {
        const q = c.maxPowerW;
        if (!isMissing(q)) expect(q.confidence, `${g.id}.${c.id}`).toBe('estimate');
        if (!isMissing(q)) expect((q.note ?? '').length, `${g.id}.${c.id} note`).toBeGreaterThan(20);
      }
    }
  });
});

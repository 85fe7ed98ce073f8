/**
 * HBM capacity in one convention (issue 11 item 8): `hbmTb` is 10^12 bytes for every vendor. NVIDIA's "GB" of HBM and
 * AWS's "GiB" are both binary-sized (2^30 bytes): an H100 "80GB" reports 81,559 MiB in nvidia-smi, more than
 * 80 × 10^9 B = 76,294 MiB, so both are converted by 2^30 / 10^9 = 1.073741824. Figures below are hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import { pick } from '../../src/core/provenance';

const catalog = loadCatalog();
const hbm = (id: string, basis: 'min' | 'typical' | 'max' = 'typical') => pick(findGeneration(catalog, id)!.generation.accelerator.hbmTb, basis)!;

describe('HBM capacity: 10^12 bytes, binary-sized vendor figures converted', () => {
  it('every published HBM value states the convention in its provenance note', () => {
    for (const g of catalog.generations) {
      const h = g.accelerator.hbmTb;
      if ('reason' in h) continue; // not published: nothing to convert
      expect(h.note ?? '', g.id).toMatch(/10\^12 bytes/);
      expect(h.confidence, g.id).toBe('derived');
    }
  });

  it('hand conversions: H100 80 GB, H200 141 GB, GB300 288 GB, Trainium3 144 GiB, Rubin Ultra 1 TB', () => {
    // 80 × 2^30 B = 85,899,345,920 B = 0.08589934592 × 10^12 B
    expect(hbm('dgx-h100')).toBeCloseTo(0.08589934592, 12);
    // 141 × 1.073741824 / 1000 = 0.151397597184
    expect(hbm('dgx-h200')).toBeCloseTo(0.151397597184, 12);
    // 288 × 1.073741824 / 1000 = 0.309237645312 (nominal, the max of the GB300 range)
    expect(hbm('gb300-nvl72', 'max')).toBeCloseTo(0.309237645312, 12);
    expect(hbm('trn3-gen2-ultraserver')).toBeCloseTo(0.154618822656, 12);
    // 1 TiB = 2^40 B = 1.099511627776 × 10^12 B
    expect(hbm('rubin-ultra-nvl576')).toBeCloseTo(1.099511627776, 12);
  });

  it('no vendor bias: 72 × 288 GB (GB300 NVL72, nominal) and 144 × 144 GiB (Trn3 Gen2 UltraServer) are the same 20,736 GiB', () => {
    // 20,736 GiB × 1.073741824 / 1000 = 22.265110462464 TB for both; AWS prints 20.7 TB and NVIDIA ~21 TB for the same bytes.
    const gb300 = findGeneration(catalog, 'gb300-nvl72')!.generation;
    const trn3 = findGeneration(catalog, 'trn3-gen2-ultraserver')!.generation;
    const perUnit = (g: typeof gb300, basis: 'typical' | 'max') => pick(g.accelerator.hbmTb, basis)! * g.components.reduce((t, c) => t + c.count * c.accelerators, 0);
    expect(perUnit(gb300, 'max')).toBeCloseTo(22.265110462464, 9);
    expect(perUnit(trn3, 'typical')).toBeCloseTo(22.265110462464, 9);
  });
});

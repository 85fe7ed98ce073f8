/**
 * The Compare view compares equal compute at a chosen precision (dense FP8, FP4 or BF16; 2:4 sparse; FP32; FP64),
 * the same sizing as `rackplan compare --target-pflops X --precision P`.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { carriedTargetValue, compareUnits, coreTarget, pflopsWords } from '../../src/views/compare';
import { compareMetrics } from '../../src/views/compare-table';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const sites = loadSites();

describe('Compare view: equal compute at a chosen precision', () => {
  for (const [kind, precision] of [['fp4Pflops', 'fp4'], ['bf16Pflops', 'bf16'], ['fp8Pflops', 'fp8']] as const) {
    it(`${kind} sizes on dense ${precision} PFLOPS, as the CLI does`, async () => {
      expect(coreTarget({ kind, value: 2000 })).toEqual({ metric: 'pflops', precision, value: 2000 });
      const view = compareUnits(catalog, { generationIds: ['gb300-nvl72', 'trn3-gen2-ultraserver'], target: { kind, value: 2000 } }, 'houston-tx', sites);
      const cli = await cliJson('compare', 'gb300-nvl72', 'trn3-gen2-ultraserver', '--target-pflops', '2000', '--precision', precision, '--site', 'houston-tx', '--json');
      expect(view.options.map((o) => o.units)).toEqual(cli.options.map((o: { units: number }) => o.units));
      for (const o of view.options) expect(o.pflops!).toBeGreaterThanOrEqual(2000);
    });
  }
});

describe('Compare view: sparse, FP32 and FP64 targets', () => {
  const kinds = [
    ['fp8SparsePflops', 'fp8-sparse'],
    ['fp4SparsePflops', 'fp4-sparse'],
    ['bf16SparsePflops', 'bf16-sparse'],
    ['fp32Pflops', 'fp32'],
    ['fp64Pflops', 'fp64'],
  ] as const;
  const ids = ['gb300-nvl72', 'gb200-nvl72', 'dgx-b200', 'trn3-gen2-ultraserver', 'inf2-server'];
  for (const [kind, precision] of kinds) {
    it(`${kind} sizes on ${precision} PFLOPS, row for row as the CLI does (units, support, PFLOPS, issues)`, async () => {
      expect(coreTarget({ kind, value: 100 })).toEqual({ metric: 'pflops', precision, value: 100 });
      const view = compareUnits(catalog, { generationIds: ids, target: { kind, value: 100 } }, 'houston-tx', sites);
      const cli = await cliJson('compare', ...ids, '--target-pflops', '100', '--precision', precision, '--site', 'houston-tx', '--json');
      const pick = (o: { generation: string; supported: boolean; units: number | null; pflops: number | null; capexUsd: number | null; issues: readonly { message: string }[] }) => ({
        generation: o.generation,
        supported: o.supported,
        units: o.units,
        pflops: o.pflops,
        capexUsd: o.capexUsd,
        issues: o.issues.map((i) => i.message),
      });
      expect(view.options.map(pick)).toEqual(cli.options.map(pick));
      expect(view.verdict.text).toBe(cli.verdict.text);
    });
  }

  it('FP64: GB200 and DGX B200 size on the published figure, GB300 and Trainium3 are "not published", Inferentia2 lacks the format', () => {
    const r = compareUnits(catalog, { generationIds: ids, target: { kind: 'fp64Pflops', value: 100 } }, 'houston-tx', sites);
    const by = (id: string) => r.options.find((o) => o.generation === id)!;
    // Hand: GB200 0.04 PFLOPS FP64 per GPU × 72 = 2.88 per rack → ⌈100 ÷ 2.88⌉ = 35; DGX B200 0.037 × 32 = 1.184 → ⌈84.46⌉ = 85.
    expect([by('gb200-nvl72').units, by('dgx-b200').units]).toEqual([35, 85]);
    expect(by('gb300-nvl72').issues[0]!.message).toMatch(/FP64 \(not published\)/);
    expect(by('trn3-gen2-ultraserver').issues[0]!.message).toMatch(/FP64 \(not published\)/);
    expect(by('inf2-server').issues[0]!.message).toMatch(/FP64 \(the chip has no such format in the catalog\)/);
  });

  it('names the precision in words where the figure is not dense', () => {
    expect(pflopsWords('fp8Pflops')).toBe('dense FP8 PFLOPS');
    expect(pflopsWords('fp8SparsePflops')).toBe('FP8 sparse (2:4) PFLOPS');
    expect(pflopsWords('fp64Pflops')).toBe('FP64 PFLOPS');
    expect(compareMetrics('si', 'fp64Pflops').map((m) => m.label)).toContain('FP64 PFLOPS');
    expect(compareMetrics('si', 'fp4Pflops').map((m) => m.label)).toContain('Dense PFLOPS');
  });

  it('switching the target kind carries the number only within one precision', () => {
    const rows = compareUnits(catalog, { generationIds: ['gb200-nvl72'], target: { kind: 'fp8Pflops', value: 5000 } }, 'houston-tx', sites).options;
    // ⌈5,000 ÷ (5 × 72 = 360)⌉ = 14 racks = 5,040 dense FP8 PFLOPS: carried to accelerators and to the same precision.
    expect(carriedTargetValue(rows, 'fp8Pflops', 'accelerators')).toBe(14 * 72);
    expect(carriedTargetValue(rows, 'accelerators', 'fp8Pflops')).toBe(5040);
    // A different precision starts at its field's example (carrying 5,040 into FP64 would ask for ~125 times the racks).
    expect(carriedTargetValue(rows, 'fp8Pflops', 'fp64Pflops')).toBe(40);
    expect(carriedTargetValue([], 'fp8Pflops', 'fp8Pflops')).toBe(5000);
  });
});

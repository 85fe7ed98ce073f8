/**
 * The Compare view compares equal dense compute at a chosen precision (FP8, FP4 or BF16), the same sizing as
 * `rackplan compare --target-pflops X --precision P`.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { compareUnits, coreTarget } from '../../src/views/compare';
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
      for (const o of view.options) expect(o.pflopsDense!).toBeGreaterThanOrEqual(2000);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { generationDetail } from '../../src/views/generations';
import { evaluateUnit } from '../../src/core/rack/evaluate';

const catalog = loadCatalog();

describe('generation picker detail', () => {
  // Review finding 19: the picker said 288 Trainium3 per Trn3 Gen2 UltraServer (and 128 Trainium2 per Trn2
  // UltraServer) where the designer says 144 (64): a multi-rack system's counts were multiplied by its racks.
  it.each([
    ['trn3-gen2-ultraserver', 144],
    ['trn2-ultraserver', 64],
    ['dgx-b200', 32],
    ['gb300-nvl72', 72],
  ])('%s: %i accelerators per unit, the count the per-unit engine reports', (id, count) => {
    const g = catalog.generations.find((x) => x.id === id)!;
    expect(generationDetail(g)).toMatch(new RegExp(`^${count} × `));
    expect(evaluateUnit(g, {}, catalog).accelerators).toBe(count);
  });
});

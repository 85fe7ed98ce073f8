import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';

describe('presets', () => {
  it('load and validate', () => {
    const c = loadCatalog();
    expect(c.generations.map((g) => g.id)).toContain('gb200-nvl72');
  });
});

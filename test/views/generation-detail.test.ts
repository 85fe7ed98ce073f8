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

describe('Sites view: a plant lists what it builds by name', () => {
  it('names, not catalog ids (review finding 36)', async () => {
    const { siteCards } = await import('../../src/views/sites-view');
    const { loadSites } = await import('../../src/catalog/sites');
    const { evaluatePlan } = await import('../../src/core/plan/evaluate');
    const { PlanSchema } = await import('../../src/schema/plan');
    const { readFileSync } = await import('node:fs');
    const sites = loadSites();
    const plan = PlanSchema.parse(JSON.parse(readFileSync('presets/plans/small.json', 'utf8')));
    const cards = siteCards(plan, evaluatePlan(plan, catalog, sites), catalog, sites);
    const ids = new Set(catalog.generations.map((g) => g.id));
    for (const c of cards) for (const g of c.plant?.generations ?? []) expect(ids.has(g)).toBe(false);
    expect(cards.some((c) => (c.plant?.generations.length ?? 0) > 0)).toBe(true);
  });
});

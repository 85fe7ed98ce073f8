/**
 * The designer's power chain for an 800 VDC generation (issue 11 item 7): its facility stages are the shared MV stage
 * and the architecture's own (rectifier, DC-bus storage, DC busway) with no UPS, the blade DC-DC shows as a rack stage,
 * and every watt still adds up (chainMismatches, the reconciliation of test/views/power-chain-reconciliation.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import type { Catalog, Generation } from '../../src/core/catalog/types';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { unitOptionsAtSite } from '../../src/core/sites/unit-defaults';
import { chainMismatches, powerChain } from '../../src/views/power-chain';
import { facilityChain, findSite } from '../../src/views/site-chain';

const catalog = loadCatalog();
const rubinUltra = findGeneration(catalog, 'rubin-ultra-nvl576')!.generation;

function chainAt(c: Catalog, g: Generation, siteId: string) {
  const site = findSite(siteId)!;
  const report = evaluateUnit(g, unitOptionsAtSite(site, {}), c);
  return powerChain(report, g, facilityChain(siteId, g, {}, c));
}

describe('designer power chain of an 800 VDC unit', () => {
  for (const siteId of ['houston-tx', 'lordstown-oh', 'mount-pleasant-wi']) {
    it(`${siteId}: rectifier, DC-bus storage and DC busway, no UPS, blade DC-DC inside the IT power; every watt accounted for`, () => {
      const chain = chainAt(catalog, rubinUltra, siteId);
      const ids = chain.stages.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['facility-rectifier-800vdc', 'facility-dc-bus-storage', 'facility-busway-800vdc', 'rack-blade-dcdc-800-50']));
      expect(ids.some((id) => id.includes('ups'))).toBe(false);
      expect(chainMismatches(chain, 1)).toEqual([]);
      // Blade DC-DC: in = IT power, out = IT × 0.98 (hand: the catalog's 98 %).
      const dcdc = chain.stages.find((s) => s.id === 'rack-blade-dcdc-800-50')!;
      const trays = chain.stages.find((s) => s.id === 'components')!;
      expect(dcdc.inW).toBeCloseTo(trays.outW, 6);
      expect(dcdc.outW / dcdc.inW).toBeCloseTo(0.98, 12);
    });
  }

  it('with fabric switches, the site AC path (UPS, AC busway) that feeds them leaves at the shared stage as the network share, losses included', () => {
    // A variant of Rubin Ultra with one 800G scale-out port per package, so the site has a fabric on its AC path.
    const port = { count: 2, gbps: { value: 800, unit: 'Gbps', confidence: 'estimate' as const, sources: [], note: 'test' } };
    const variant: Generation = { ...rubinUltra, components: rubinUltra.components.map((c) => ({ ...c, ports: { ...c.ports, scaleOut: port } })) };
    const c: Catalog = { ...catalog, generations: catalog.generations.map((g) => (g.id === variant.id ? variant : g)) };
    const f = facilityChain('houston-tx', variant, {}, c)!;
    expect(f.networkKw!).toBeGreaterThan(0);
    expect(f.stages.some((s) => s.id.includes('ups'))).toBe(false);
    expect(f.stages.find((s) => s.feedsNetwork)!.id).toBe('facility-mv');
    // meter = rack input + network share (with its AC path losses) + cooling + building + losses of the stages shown
    const chain = chainAt(c, variant, 'houston-tx');
    expect(chainMismatches(chain, 1)).toEqual([]);
    const mv = chain.stages.find((s) => s.id === 'facility-mv')!;
    expect(mv.branches.map((b) => b.id)).toEqual(expect.arrayContaining(['cooling', 'building', 'network']));
  });
});

/**
 * Review 2026-12 F3/W37/W38: a share link whose plan asks for millions of fabrics is refused before the Plan view
 * evaluates it, with the field and the limit named, instead of freezing the tab and leaving the view blank.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { shareLink } from '../../src/io/share';
import { openSharedPlan } from '../../src/io/shared-plan';

const catalog = loadCatalog();
const fragment = (doc: unknown) => {
  const link = shareLink(doc, 'http://127.0.0.1:4173/plan', Number.MAX_SAFE_INTEGER);
  if (!link.ok) throw new Error('link');
  return link.url.slice(link.url.indexOf('#'));
};

describe('opening a shared plan in the app', () => {
  it('W38: the 20-quarter radix-4 bomb (a ~10,000-character link) is refused within 1 s naming the field and the limit', () => {
    const deployments = [];
    for (let i = 0; i < 20; i++) {
      const quarter = `${2026 + Math.floor(i / 4)}-Q${(i % 4) + 1}`;
      for (const site of ['houston-tx', 'lordstown-oh', 'mount-pleasant-wi']) for (const g of catalog.generations) deployments.push({ site, generation: g.id, quarter, units: 10_000_000 });
    }
    const doc = { schemaVersion: 1, catalogVersion: '2026.11.2', name: 'bomb', start: '2026-Q1', horizonYears: 5, demand: [], orders: [], deployments, network: { switchRadix: 4, switchPortGbps: 10, switchW: 100000 } };
    const hash = fragment(doc);
    expect(hash.length).toBeGreaterThan(5_000);
    const t0 = performance.now();
    const r = openSharedPlan(hash, catalog);
    expect(performance.now() - t0).toBeLessThan(5000); // bounded work (≈ 0.1 s quiet); generous: the machine is shared
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^The shared plan was not opened: deployments\[\d+\]\.units: [\d,]+ units of .* need [\d,]+ separate fabrics on network\.switchRadix 4; at most 100,000 per cluster are evaluated/);
  });
  it('a normal plan opens; a damaged link says why', () => {
    const small = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as { name: string };
    const r = openSharedPlan(fragment(small), catalog);
    expect(r.ok && r.value.name).toBe(small.name);
    const bad = openSharedPlan('#plan=AAAAAAAAAAAAAAAA', catalog);
    expect(!bad.ok && bad.error).toMatch(/^The shared plan link could not be opened: .*does not decompress/);
  });
});

/**
 * The web app's build puts each site preset in a chunk of its own beside the index (src/schema/presets-plugin.mts,
 * `virtual:rackplan-presets/site-index`), for Compare, which reads one site: the index module then carries loaders
 * instead of the texts, and each text is the same validated data the whole list (`loadSites()`, one chunk) holds.
 */
import { describe, expect, it } from 'vitest';
import { siteIndexSource } from '../../src/schema/preset-modules';
import { bundledSiteIndex, loadedSite, loadSiteData } from '../../src/catalog/site-index';
import { loadSites } from '../../src/catalog/sites';

describe('site presets one at a time (the web app build splits them)', () => {
  const root = process.cwd();
  const bundled = siteIndexSource(root);
  const split = siteIndexSource(root, { siteModule: (i) => `virtual:rackplan-presets/site/${i}` });
  const whole = loadSites();

  it('serves each site as the validated data of the whole list, in its order', () => {
    expect(split.sites).toEqual(bundled.sites);
    expect(split.sites.map((t) => JSON.parse(t) as unknown)).toEqual(JSON.parse(JSON.stringify(whole)));
  });

  it('the split module holds no site text, one loader per site; the bundled one no loaders', () => {
    expect(split.code).toContain('export const siteJson = [];');
    expect(split.code.match(/import\("virtual:rackplan-presets\/site\/\d+"\)/g)).toHaveLength(whole.length);
    for (const text of split.sites) expect(split.code).not.toContain(JSON.stringify(text));
    expect(bundled.code).toContain('export const siteLoaders = null;');
  });

  it("the index names every site with its data-center role, and a site's data equals the whole list's", async () => {
    expect(bundledSiteIndex()).toEqual(whole.map((s) => ({ id: s.id, name: s.name, dataCenter: s.roles.dataCenter !== null })));
    for (const s of whole) {
      await loadSiteData(s.id);
      const one = loadedSite(s.id);
      expect(one).toEqual(s);
      expect(Object.isFrozen(one)).toBe(true);
      expect(loadedSite(s.id)).toBe(one);
    }
    expect(loadedSite('nowhere')).toBeUndefined();
  });
});

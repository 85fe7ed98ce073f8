/**
 * The catalog is validated at build time (src/schema/presets-plugin.ts): these tests prove the data the app
 * and the CLI receive equals what the zod schemas accept from the raw preset files, that it is frozen, that
 * src/catalog no longer touches zod, and that a preset failing its schema fails the build naming file and field.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CduCatalogFile, CoolantCatalogFile, Generation, PsuCatalogFile } from '../../src/schema/catalog';
import { PriceBookFile } from '../../src/schema/prices';
import { OpticsCatalogFile, SwitchCatalogFile } from '../../src/schema/network';
import { SiteSchema } from '../../src/schema/sites';
import { CATALOG_VERSION, loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { loadSites } from '../../src/catalog/sites';
import { PresetValidationError, presetModuleSource, validatePresetArea } from '../../src/schema/preset-modules';
import { presetsPlugin } from '../../src/schema/presets-plugin.mjs';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

function deeplyFrozen(value: unknown, path = '', out: string[] = []): string[] {
  if (value !== null && typeof value === 'object') {
    if (!Object.isFrozen(value)) out.push(path || '(root)');
    for (const [k, v] of Object.entries(value)) deeplyFrozen(v, `${path}.${k}`, out);
  }
  return out;
}

describe('catalog validated at build time', () => {
  it('the emitted generations, PSUs, CDUs, coolants and prices equal what the schemas accept from the files', () => {
    const c = loadCatalog();
    expect(c.version).toBe(CATALOG_VERSION);
    expect(c.generations).toEqual(jsonFiles('presets/generations').map((f) => Generation.parse(readJson(f))));
    expect(c.psus).toEqual(PsuCatalogFile.parse(readJson('presets/components/psus.json')).psus);
    expect(c.cdus).toEqual(CduCatalogFile.parse(readJson('presets/components/cdus.json')).cdus);
    expect(c.coolants).toEqual(CoolantCatalogFile.parse(readJson('presets/components/coolants.json')).coolants);
    const { schemaVersion: _v, $schema: _s, ...prices } = PriceBookFile.parse(readJson('presets/prices.json'));
    expect(c.prices).toEqual(prices);
  });

  it('the emitted network catalog and sites equal what the schemas accept from the files', () => {
    const n = loadNetworkCatalog();
    expect(n.switches).toEqual(SwitchCatalogFile.parse(readJson('presets/network/switches.json')).switches);
    const optics = OpticsCatalogFile.parse(readJson('presets/network/optics.json'));
    expect(n.transceivers).toEqual(optics.transceivers);
    expect(n.cables).toEqual(optics.cables);
    expect(loadSites()).toEqual(jsonFiles('presets/sites').map((f) => SiteSchema.parse(readJson(f))));
  });

  it('every emitted object and array is frozen', () => {
    expect(deeplyFrozen(loadCatalog())).toEqual([]);
    expect(deeplyFrozen(loadNetworkCatalog())).toEqual([]);
    expect(deeplyFrozen(loadSites())).toEqual([]);
  });

  it('src/catalog imports neither zod nor schema code (no validation of the catalog at run time; types are erased)', () => {
    for (const f of readdirSync('src/catalog').filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join('src/catalog', f), 'utf8');
      expect(src, f).not.toMatch(/^\s*import\s+(?!type\s)[^'"]*['"](zod|zod\/.*|\.\.\/schema\/.*)['"]/m);
      expect(src, f).not.toMatch(/import\(\s*['"](zod|\.\.\/schema\/.*)['"]/);
    }
  });

  it('the module source holds the data as one JSON literal, deep-frozen on import', () => {
    const { code, files } = presetModuleSource('network', process.cwd());
    expect(files).toEqual(['/presets/network/switches.json', '/presets/network/optics.json']);
    expect(code).toMatch(/^export const switches = data\.switches;$/m);
    expect(code).toMatch(/const data = freeze\(JSON\.parse\(/);
  });
});

describe('a preset that fails its schema fails the build', () => {
  /** A copy of presets/ in a temporary root, with one file changed. */
  function brokenRoot(file: string, edit: (data: Record<string, unknown>) => void): string {
    const root = mkdtempSync(join(tmpdir(), 'rackplan-presets-'));
    cpSync('presets', join(root, 'presets'), { recursive: true });
    const data = readJson(join(root, file)) as Record<string, unknown>;
    edit(data);
    writeFileSync(join(root, file), JSON.stringify(data));
    return root;
  }

  it('names the file and the field (validation function)', () => {
    const root = brokenRoot('presets/generations/gb200-nvl72.json', (g) => {
      (g.power as { count: { value: unknown } }).count.value = 'eight';
    });
    try {
      let thrown: unknown;
      try {
        validatePresetArea('catalog', root);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(PresetValidationError);
      const problems = (thrown as PresetValidationError).problems;
      expect(problems.some((p) => p.startsWith('/presets/generations/gb200-nvl72.json: power.count'))).toBe(true);
      // The other areas still build from their own (valid) files.
      expect(() => validatePresetArea('sites', root)).not.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the plugin reports the error to the bundler (load hook), with file and field', async () => {
    const root = brokenRoot('presets/sites/houston-tx.json', (s) => {
      s.unknownField = 1;
    });
    try {
      const plugin = presetsPlugin();
      (plugin.configResolved as (c: { root: string }) => void)({ root });
      const resolved = (plugin.resolveId as (id: string) => string | undefined)('virtual:rackplan-presets/sites');
      expect(resolved).toBe('\0virtual:rackplan-presets/sites');
      const context = {
        error: (message: string) => {
          throw new Error(message);
        },
        addWatchFile: () => undefined,
      };
      const load = plugin.load as unknown as (this: typeof context, id: string) => Promise<unknown>;
      await expect(load.call(context, resolved!)).rejects.toThrow(/\/presets\/sites\/houston-tx\.json: unknownField: unknown key/);
      // A valid area still loads through the same plugin.
      await expect(load.call(context, '\0virtual:rackplan-presets/network')).resolves.toMatchObject({ code: expect.stringContaining('export const cables') });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a file that is not JSON is named too', () => {
    const root = brokenRoot('presets/prices.json', () => undefined);
    writeFileSync(join(root, 'presets/prices.json'), '{ "schemaVersion": 1,');
    try {
      expect(() => validatePresetArea('catalog', root)).toThrow(/\/presets\/prices\.json: \(file\): not readable JSON/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

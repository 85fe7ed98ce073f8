/**
 * Build time: read one area's preset files from disk, validate them (./preset-files) and write the source of
 * its virtual module (typed in src/catalog/preset-data.d.ts):
 *
 *   virtual:rackplan-presets/catalog  generations, psus, cdus, coolants, prices
 *                                     (the web app's build: each generation in virtual:rackplan-presets/generation/<i>)
 *   virtual:rackplan-presets/network  switches, transceivers, cables
 *   virtual:rackplan-presets/sites    sites
 *
 * Loaded in node by the presets plugin (./presets-plugin.mts) and by tests; never part of the app or CLI bundle.
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { validateCatalogFiles, validateNetworkFiles, validateSiteFiles, type PresetFile } from './preset-files';

export type PresetArea = 'catalog' | 'network' | 'sites';

/** The areas, one virtual module each. */
export const PRESET_AREAS: readonly PresetArea[] = ['catalog', 'network', 'sites'];

/** Thrown when a preset fails validation; `problems` each start with the file path and name the field. */
export class PresetValidationError extends Error {
  constructor(
    readonly area: PresetArea,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${area} presets (fix the preset file named):\n${problems.join('\n')}`);
    this.name = 'PresetValidationError';
  }
}

/** Every file an area reads, as paths under the project root (`/presets/...`). */
function areaFiles(area: PresetArea, root: string): string[] {
  const dir = (d: string) =>
    existsSync(join(root, d))
      ? readdirSync(join(root, d))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => `/${d}/${f}`)
      : [];
  if (area === 'catalog') {
    return [...dir('presets/generations'), '/presets/components/psus.json', '/presets/components/cdus.json', '/presets/components/coolants.json', '/presets/prices.json'];
  }
  if (area === 'network') return ['/presets/network/switches.json', '/presets/network/optics.json'];
  return dir('presets/sites');
}

function readJson(root: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
  } catch (err) {
    problems.push(`${file}: (file): not readable JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/**
 * Validate one area's preset files under `root` and return its data, exactly as the schemas output it.
 * @throws PresetValidationError listing every problem (file and field) when any file fails
 */
export function validatePresetArea(area: PresetArea, root: string): { data: Record<string, unknown>; files: string[] } {
  const files = areaFiles(area, root);
  const problems: string[] = [];
  const raw = new Map(files.map((f) => [f, readJson(root, f, problems)] as const));
  const one = (f: string): PresetFile => [f, raw.get(f)];
  const under = (d: string) => Object.fromEntries([...raw].filter(([f]) => f.startsWith(d)));
  let data: Record<string, unknown>;
  if (area === 'catalog') {
    const r = validateCatalogFiles({
      generations: under('/presets/generations/'),
      psus: one('/presets/components/psus.json'),
      cdus: one('/presets/components/cdus.json'),
      coolants: one('/presets/components/coolants.json'),
      prices: one('/presets/prices.json'),
    });
    problems.push(...r.problems);
    data = { ...r.catalog };
  } else if (area === 'network') {
    const r = validateNetworkFiles({ switches: one('/presets/network/switches.json'), optics: one('/presets/network/optics.json') });
    problems.push(...r.problems);
    data = { ...r.catalog };
  } else {
    const r = validateSiteFiles(under('/presets/sites/'));
    problems.push(...r.problems);
    data = { sites: r.sites };
  }
  // The data crosses into the bundle as JSON: anything JSON cannot carry (undefined, NaN, ±Infinity) is a bug.
  if (!problems.length && !isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) {
    problems.push(`${area} presets: the validated data does not survive a JSON round trip (undefined, NaN or Infinity in a value)`);
  }
  if (problems.length) throw new PresetValidationError(area, problems);
  return { data, files };
}

const FREEZE_SOURCE = 'const freeze = (v) => { if (v !== null && typeof v === "object" && !Object.isFrozen(v)) { Object.freeze(v); for (const k in v) freeze(v[k]); } return v; };';

/**
 * The source of one virtual module: the validated data, parsed once and deep-frozen when first imported.
 * Generations are the bulk of the catalog and a command or a deep link usually shows one, so the catalog
 * module carries each generation as its own validated JSON text with a small index (id, aliases);
 * src/catalog parses and freezes a generation only when it is asked for.
 */
export function presetModuleSource(area: PresetArea, root: string, options: { generationModule?: (index: number) => string } = {}): { code: string; files: string[]; generations?: string[] } {
  const { data, files } = validatePresetArea(area, root);
  const lines = [`// Generated at build time from ${files.length} preset file(s), validated by src/schema. Do not edit.`, FREEZE_SOURCE];
  let rest = data;
  let texts: string[] | undefined;
  if (area === 'catalog') {
    const { generations, ...others } = data as { generations: { id: string; aliases: string[]; name: string }[] };
    rest = others;
    texts = generations.map((g) => JSON.stringify(g));
    lines.push(`export const generationIndex = freeze(${JSON.stringify(generations.map((g) => ({ id: g.id, aliases: g.aliases, name: g.name })))});`);
    const lazy = options.generationModule;
    if (lazy) {
      // The web app and the CLI: each generation's text is a module (a chunk) of its own, loaded when first asked for
      // (src/catalog/presets.ts `loadGenerations` fills the array), so a deep link loads only what it shows.
      lines.push(
        `export const generationJson = [];`,
        `export const generationLoaders = freeze([${texts.map((_, i) => `() => import(${JSON.stringify(lazy(i))})`).join(', ')}]);`,
      );
    } else {
      lines.push(`export const generationJson = freeze(${JSON.stringify(texts)});`, 'export const generationLoaders = null;');
    }
  }
  // JSON.parse of a string literal is faster to load than the same object literal (V8 parses JSON in one pass).
  lines.push(`const data = freeze(JSON.parse(${JSON.stringify(JSON.stringify(rest))}));`, ...Object.keys(rest).map((n) => `export const ${n} = data.${n};`), '');
  return { code: lines.join('\n'), files, generations: texts };
}

/**
 * The source of `virtual:rackplan-presets/site-index`: each site's id, name and whether it is a data center (in the
 * order of the sites module, sorted by id), and each site's validated JSON text, for a view that reads one site
 * (Compare costs its comparison at one; src/catalog/site-index.ts). With `siteModule` (the web app's build) each
 * text is a module (a chunk) of its own, loaded on first use, and `sites` are the texts; the whole list stays
 * in `virtual:rackplan-presets/sites`, one chunk, for the views that read every site (three sites compress to
 * about half of their three texts apart).
 */
export function siteIndexSource(root: string, options: { siteModule?: (index: number) => string } = {}): { code: string; files: string[]; sites: string[] } {
  const { data, files } = validatePresetArea('sites', root);
  const sites = (data as { sites: { id: string; name: string; roles: { dataCenter: unknown } }[] }).sites;
  const texts = sites.map((s) => JSON.stringify(s));
  const index = sites.map((s) => ({ id: s.id, name: s.name, dataCenter: s.roles.dataCenter !== null }));
  const lines = [`// Generated at build time from ${files.length} preset file(s), validated by src/schema. Do not edit.`, FREEZE_SOURCE, `export const siteIndex = freeze(${JSON.stringify(index)});`];
  const lazy = options.siteModule;
  if (lazy) lines.push('export const siteJson = [];', `export const siteLoaders = freeze([${texts.map((_, i) => `() => import(${JSON.stringify(lazy(i))})`).join(', ')}]);`);
  else lines.push(`export const siteJson = freeze(${JSON.stringify(texts)});`, 'export const siteLoaders = null;');
  lines.push('');
  return { code: lines.join('\n'), files, sites: texts };
}

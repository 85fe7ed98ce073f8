/**
 * Validation of the bundled preset files (generations, components, prices, network, sites) with their schemas,
 * plus the cross-file rules a single schema cannot express (ids match file names, aliases are unique, every
 * generation names a PSU that exists…). It runs at build time (the presets plugin) and in tests; the app and
 * the CLI receive the already-validated data and never run these schemas on the catalog.
 * @module
 */
import type * as z from 'zod';
import { CduCatalogFile, CoolantCatalogFile, Generation, PsuCatalogFile } from './catalog';
import { PriceBookFile } from './prices';
import { OpticsCatalogFile, SwitchCatalogFile } from './network';
import { SiteSchema } from './sites';
import { formatProblem, problemsFromZod } from './errors';
import type * as core from '../core/catalog/types';
import type { NetworkCatalog } from '../core/fabric/types';
import type { Site } from '../core/sites/types';

/** The catalog without its version stamp (the version is a hand-bumped constant in src/catalog). */
export type CatalogData = Omit<core.Catalog, 'version' | 'network'>;

/** A preset file: its path under the project root (e.g. `/presets/prices.json`) and its parsed JSON. */
export type PresetFile = readonly [path: string, data: unknown];

function parseFile<T>(schema: z.ZodType<T>, file: string, data: unknown, problems: string[]): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const p of problemsFromZod(r.error, data)) problems.push(`${file}: ${formatProblem(p)}`);
  return undefined;
}

function idMatchesFile(file: string, id: string, problems: string[]): void {
  const expected = file.split('/').pop()!.replace(/\.json$/, '');
  if (id !== expected) problems.push(`${file}: id: must match the file name "${expected}" (got "${id}")`);
}

/** Paths of values marked confidence "user" (allowed in a user's generation file, never in a preset). */
function userValuePaths(root: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      if ((v as { confidence?: unknown }).confidence === 'user') out.push(path || '(root)');
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(root, '');
  return out;
}

/** Validate the generation, component and price files; every problem names its file and field. */
export function validateCatalogFiles(raw: {
  generations: Record<string, unknown>;
  psus: PresetFile;
  cdus: PresetFile;
  coolants: PresetFile;
  prices: PresetFile;
}): { catalog: CatalogData; problems: string[] } {
  const problems: string[] = [];
  const generations: core.Generation[] = [];
  for (const [file, data] of Object.entries(raw.generations).sort(([a], [b]) => a.localeCompare(b))) {
    const g = parseFile(Generation, file, data, problems) as core.Generation | undefined;
    if (!g) continue;
    for (const path of userValuePaths(data)) problems.push(`${file}: ${path}.confidence: a preset value needs a source class (published, secondary, derived or estimate); "user" is for your own generation files`);
    idMatchesFile(file, g.id, problems);
    generations.push(g);
  }
  const psus = (parseFile(PsuCatalogFile, raw.psus[0], raw.psus[1], problems)?.psus ?? []) as core.PsuModel[];
  const cdus = (parseFile(CduCatalogFile, raw.cdus[0], raw.cdus[1], problems)?.cdus ?? []) as core.CduModel[];
  const coolants = (parseFile(CoolantCatalogFile, raw.coolants[0], raw.coolants[1], problems)?.coolants ?? []) as core.CoolantModel[];
  const priceBook = parseFile(PriceBookFile, raw.prices[0], raw.prices[1], problems);
  const prices = (priceBook ? (({ schemaVersion: _v, $schema: _s, ...rest }) => rest)(priceBook) : {}) as core.PriceBook;

  const seen = new Map<string, string>();
  for (const g of generations) {
    for (const name of [g.id, ...g.aliases]) {
      const other = seen.get(name);
      if (other) problems.push(`generations: id or alias "${name}" is used by both ${other} and ${g.id}`);
      seen.set(name, g.id);
    }
    if (!psus.some((p) => p.id === g.power.psuId)) {
      problems.push(`generations/${g.id}: power.psuId: must name a PSU in presets/components/psus.json (got "${g.power.psuId}")`);
    }
    if ((g.form === 'server-rack') !== (g.systemsPerRack !== null)) {
      problems.push(`generations/${g.id}: systemsPerRack: required exactly for server-rack units`);
    }
  }
  return { catalog: { prices, generations, psus, cdus, coolants }, problems };
}

/** Validate the network files (switches, transceivers, cable media). */
export function validateNetworkFiles(raw: { switches: PresetFile; optics: PresetFile }): { catalog: NetworkCatalog; problems: string[] } {
  const problems: string[] = [];
  const sw = parseFile(SwitchCatalogFile, raw.switches[0], raw.switches[1], problems);
  const op = parseFile(OpticsCatalogFile, raw.optics[0], raw.optics[1], problems);
  const catalog = {
    switches: (sw?.switches ?? []) as NetworkCatalog['switches'],
    transceivers: (op?.transceivers ?? []) as NetworkCatalog['transceivers'],
    cables: (op?.cables ?? []) as NetworkCatalog['cables'],
  };
  for (const [list, name] of [
    [catalog.switches, 'switches'],
    [catalog.transceivers, 'transceivers'],
    [catalog.cables, 'cables'],
  ] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.push(`network ${name}: id "${item.id}" is used twice`);
      seen.add(item.id);
    }
  }
  for (const c of catalog.cables) {
    if (c.kind === 'dac' && c.laneGbps >= 200) problems.push(`network cables: ${c.id}: no passive DAC at 200G per lane (NVIDIA LinkX XDR list)`);
  }
  return { catalog, problems };
}

/** Validate the site files, sorted by path; each id must match its file name. */
export function validateSiteFiles(files: Record<string, unknown>): { sites: Site[]; problems: string[] } {
  const problems: string[] = [];
  const sites: Site[] = [];
  for (const [file, data] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const site = parseFile(SiteSchema, file, data, problems) as Site | undefined;
    if (!site) continue;
    idMatchesFile(file, site.id, problems);
    sites.push(site);
  }
  return { sites, problems };
}

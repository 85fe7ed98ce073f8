/**
 * Loads every preset file, validates it with the schemas and indexes it by id.
 * A preset that fails validation is a bug in the repository: loading throws with every problem listed.
 * @module
 */
import * as z from 'zod';
import { CduCatalogFile, CoolantCatalogFile, Generation, PsuCatalogFile } from '../schema/catalog';
import { PriceBookFile } from '../schema/prices';
import { formatProblem, problemsFromZod } from '../schema/errors';
import type * as core from '../core/catalog/types';

const generationFiles = import.meta.glob<unknown>('/presets/generations/*.json', { eager: true, import: 'default' });
const psuFile = import.meta.glob<unknown>('/presets/components/psus.json', { eager: true, import: 'default' });
const cduFile = import.meta.glob<unknown>('/presets/components/cdus.json', { eager: true, import: 'default' });
const coolantFile = import.meta.glob<unknown>('/presets/components/coolants.json', { eager: true, import: 'default' });
const priceFile = import.meta.glob<unknown>('/presets/prices.json', { eager: true, import: 'default' });

/** Bumped whenever a preset value changes; plans and exports record it. */
export const CATALOG_VERSION = '2026.11.2';

function parseFile<T>(schema: z.ZodType<T>, file: string, data: unknown, problems: string[]): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const p of problemsFromZod(r.error, data)) problems.push(`${file}: ${formatProblem(p)}`);
  return undefined;
}

function only(files: Record<string, unknown>): [string, unknown] {
  const entries = Object.entries(files);
  if (entries.length !== 1) throw new Error(`expected exactly one preset file, found ${entries.length}`);
  return entries[0]!;
}

/** Validate raw preset data (used by the loader and by tests that feed broken presets). */
export function buildCatalog(raw: {
  generations: Record<string, unknown>;
  psus: [string, unknown];
  cdus: [string, unknown];
  coolants: [string, unknown];
  prices: [string, unknown];
}): { catalog: core.Catalog; problems: string[] } {
  const problems: string[] = [];
  const generations: core.Generation[] = [];
  for (const [file, data] of Object.entries(raw.generations).sort(([a], [b]) => a.localeCompare(b))) {
    const g = parseFile(Generation, file, data, problems) as core.Generation | undefined;
    if (!g) continue;
    const expected = file.split('/').pop()!.replace(/\.json$/, '');
    if (g.id !== expected) problems.push(`${file}: id: must match the file name "${expected}" (got "${g.id}")`);
    generations.push(g);
  }
  const psus = (parseFile(PsuCatalogFile, raw.psus[0], raw.psus[1], problems)?.psus ?? []) as core.PsuModel[];
  const cdus = (parseFile(CduCatalogFile, raw.cdus[0], raw.cdus[1], problems)?.cdus ?? []) as core.CduModel[];
  const coolants = (parseFile(CoolantCatalogFile, raw.coolants[0], raw.coolants[1], problems)?.coolants ?? []) as core.CoolantModel[];
  const priceBook = parseFile(PriceBookFile, raw.prices[0], raw.prices[1], problems);
  const { schemaVersion: _v, $schema: _s, ...prices } = priceBook ?? EMPTY_PRICES;

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
  return { catalog: { version: CATALOG_VERSION, prices: prices, generations, psus, cdus, coolants }, problems };
}

const EMPTY_PRICES = { schemaVersion: 1, $schema: undefined } as unknown as z.output<typeof PriceBookFile>;

let cached: core.Catalog | undefined;

/** The validated, frozen catalog bundled with this build (every preset file). */
export function loadCatalog(): core.Catalog {
  cached ??= load(generationFiles);
  return cached;
}

/**
 * A catalog holding only the generations named (by id or alias) plus all component models.
 * The CLI uses it so a single-rack command validates one preset file instead of all of them.
 */
export function loadCatalogFor(idsOrAliases: readonly string[]): core.Catalog {
  if (cached) return cached;
  const wanted = Object.fromEntries(
    Object.entries(generationFiles).filter(([, data]) => {
      const d = data as { id?: unknown; aliases?: unknown };
      return idsOrAliases.some((x) => d.id === x || (Array.isArray(d.aliases) && d.aliases.includes(x)));
    }),
  );
  return load(wanted);
}

/** Ids and aliases of every bundled generation, read without validation (for messages and lookups). */
export function generationIds(): string[] {
  return Object.values(generationFiles).map((d) => String((d as { id?: unknown }).id)).sort();
}

function load(files: Record<string, unknown>): core.Catalog {
  const { catalog, problems } = buildCatalog({
    generations: files,
    psus: only(psuFile),
    cdus: only(cduFile),
    coolants: only(coolantFile),
    prices: only(priceFile),
  });
  if (problems.length) throw new Error(`invalid presets (a bug in this repository):\n${problems.join('\n')}`);
  return deepFreeze(catalog);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

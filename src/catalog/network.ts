/**
 * Loads presets/network/*.json (switches, transceivers, cable media), validates them and freezes the result.
 * A preset that fails validation is a bug in the repository: loading throws with every problem listed.
 * @module
 */
import type * as z from 'zod';
import { OpticsCatalogFile, SwitchCatalogFile } from '../schema/network';
import { formatProblem, problemsFromZod } from '../schema/errors';
import type { NetworkCatalog } from '../core/fabric/types';

const switchFile = import.meta.glob<unknown>('/presets/network/switches.json', { eager: true, import: 'default' });
const opticsFile = import.meta.glob<unknown>('/presets/network/optics.json', { eager: true, import: 'default' });

function parseFile<T>(schema: z.ZodType<T>, file: string, data: unknown, problems: string[]): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const p of problemsFromZod(r.error, data)) problems.push(`${file}: ${formatProblem(p)}`);
  return undefined;
}

function only(files: Record<string, unknown>, name: string): [string, unknown] {
  const entries = Object.entries(files);
  if (entries.length !== 1) throw new Error(`expected exactly one ${name} preset file, found ${entries.length}`);
  return entries[0]!;
}

/** Validate raw network preset data (used by the loader and by tests that feed broken presets). */
export function buildNetworkCatalog(raw: { switches: [string, unknown]; optics: [string, unknown] }): { catalog: NetworkCatalog; problems: string[] } {
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

let cached: NetworkCatalog | undefined;

/** The validated, frozen network catalog bundled with this build. */
export function loadNetworkCatalog(): NetworkCatalog {
  if (cached) return cached;
  const { catalog, problems } = buildNetworkCatalog({ switches: only(switchFile, 'switches'), optics: only(opticsFile, 'optics') });
  if (problems.length) throw new Error(`invalid network presets (a bug in this repository):\n${problems.join('\n')}`);
  cached = deepFreeze(catalog);
  return cached;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

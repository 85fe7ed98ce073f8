/**
 * Every number in every preset file must carry attribution, except a short, explicit list of
 * structural integers and nominal constants. The rule (also in presets/README.md):
 *
 * 1. Attributed: the number belongs to an object that carries its own attribution, i.e. has a string
 *    `confidence` and a `sources` array (provenance objects, `systemsPerRack`, `defaultFeed`, PSU
 *    `efficiency`, coolants, site `location`, monthly series…). The number may be a direct field of that
 *    object (`value`, `min`, `typical`, `max`, `volts`, `latitudeDeg`…), an element of an array field
 *    (`values[3]`), or a field of a row in an array field (`points[0].efficiency`, `table[2].tempC`).
 * 2. Structural, allowed bare anywhere: counts and topology integers `count`, `accelerators`, `cpus`,
 *    `racks`, `schemaVersion`, `liquidQdPairs`, `psusPerShelf`, `domainAccelerators`, `racksSpanned`.
 * 3. Structural, allowed bare only in a PSU model (`psus[i]`): `heightU` (mechanical size, 0 for a PSU
 *    inside a server) and `input.minVolts` / `input.maxVolts` (nameplate range).
 * 4. Nominal constants of other catalogs, allowed bare: `linkGbps`, `linksPerModule`, `laneGbps`, `cages`,
 *    `portsPerCage` (interface and port geometry that define the product), the entries of a switch's
 *    `portSpeeds.gbps` (its nominal port speeds, sourced on the `portSpeeds` object), `baseYear`, `deliveryYear`,
 *    `drGroup` (identifiers, not measurements).
 * 5. Anything else is a bare number and fails the test with its path.
 * @module
 */
import { describe, expect, it } from 'vitest';

// Example plans (presets/plans) are user input, not catalog data: their numbers are choices, not facts.
const files = import.meta.glob<unknown>(['/presets/**/*.json', '!/presets/plans/**'], { eager: true, import: 'default' });

type Path = readonly (string | number)[];

const STRUCTURAL_ANYWHERE = new Set([
  'count', 'accelerators', 'cpus', 'racks', 'schemaVersion', 'liquidQdPairs', 'psusPerShelf', 'domainAccelerators', 'racksSpanned',
  'linkGbps', 'linksPerModule', 'laneGbps', 'cages', 'portsPerCage', 'baseYear', 'deliveryYear', 'drGroup',
  // A default switch's NIC-speed span: a selection rule (port speeds, not measured quantities), sourced on its entry.
  'minNicGbps', 'belowNicGbps',
]);

function attributed(o: Record<string, unknown>): boolean {
  return typeof o.confidence === 'string' && Array.isArray(o.sources);
}

/** Is the bare number at `path` one of the structural exceptions (rules 2–4)? */
export function structural(path: Path): boolean {
  const key = path[path.length - 1];
  if (typeof key === 'number' && path[path.length - 2] === 'gbps' && path[path.length - 3] === 'portSpeeds') return true;
  if (typeof key !== 'string') return false;
  if (STRUCTURAL_ANYWHERE.has(key)) return true;
  const psuIndex = path.lastIndexOf('psus');
  if (psuIndex >= 0 && typeof path[psuIndex + 1] === 'number') {
    const rest = path.slice(psuIndex + 2);
    if (rest.length === 1 && rest[0] === 'heightU') return true;
    if (rest.length === 2 && rest[0] === 'input' && (rest[1] === 'minVolts' || rest[1] === 'maxVolts')) return true;
  }
  return false;
}

/** Paths of every number covered neither by attribution (rule 1) nor by the structural rules. */
export function bareNumbers(data: unknown): string[] {
  const bad: string[] = [];
  // `cover` says how the current value relates to the nearest attributed object:
  // 'field' = a direct field, 'item' = an element of an array field, 'row' = an item's field, null = not covered.
  type Cover = 'field' | 'item' | 'row' | null;
  const walk = (v: unknown, path: Path, cover: Cover) => {
    if (typeof v === 'number') {
      if (cover === null && !structural(path)) bad.push(path.join('.'));
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], cover === 'field' ? 'item' : null));
      return;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const own = attributed(o);
      for (const [k, x] of Object.entries(o)) walk(x, [...path, k], own ? 'field' : cover === 'item' ? 'row' : null);
    }
  };
  walk(data, [], null);
  return bad;
}

describe('every preset number carries provenance', () => {
  it('finds the preset files', () => {
    const names = Object.keys(files);
    expect(names.some((f) => f.includes('/generations/'))).toBe(true);
    expect(names).toContain('/presets/components/psus.json');
    expect(names).toContain('/presets/components/cdus.json');
    expect(names).toContain('/presets/components/coolants.json');
  });

  for (const [file, data] of Object.entries(files)) {
    it(`${file}: no bare numbers`, () => {
      expect(bareNumbers(data)).toEqual([]);
    });
  }

  it('the walker itself flags a bare number and accepts sourced, missing and structural ones', () => {
    const sample = {
      schemaVersion: 1,
      generations: [{ tdpW: 700, rack: { heightU: { value: 42, unit: 'U', confidence: 'estimate', sources: [], note: 'x' } } }],
      psus: [{ heightU: 1, input: { minVolts: 200, maxVolts: 240 }, psuRatingW: { value: null, unit: 'W', reason: 'not published' } }],
      coolant: { confidence: 'derived', sources: [], table: [{ tempC: 20, cpJPerKgK: 4184 }] },
      series: { unit: 'degC', values: [1, 2], confidence: 'estimate', sources: [] },
      components: [{ count: 3, weightKg: 12, heightU: 2 }],
      fake: { unit: 'W', value: 5 },
      deep: { confidence: 'estimate', sources: [], nested: { x: 1 }, rows: [{ inner: [7] }] },
    };
    expect(bareNumbers(sample)).toEqual([
      'generations.0.tdpW', 'components.0.weightKg', 'components.0.heightU', 'fake.value', 'deep.nested.x', 'deep.rows.0.inner.0',
    ]);
  });
});

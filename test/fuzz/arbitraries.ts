/** Shared generators for boundary fuzzing: plans a user could write, and hostile variants of them. */
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { CATALOG_VERSION } from '../../src/catalog/presets';
import { hostileValue } from './zod-arbitrary';

const generations = loadCatalog().generations.map((g) => g.id);
const sites = loadSites();
const dcSites = sites.filter((s) => s.roles.dataCenter).map((s) => s.id);
const plants = sites.filter((s) => s.roles.plant).map((s) => s.id);
const quarter = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

export const hostileText = fc.constantFrom('=1+1', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\rx', '<script>alert(1)</script>', '"quoted, with comma"', 'Ünïcødé — plan', '__proto__', 'constructor');

/** Valid plans: names (hostile text included), optional fields, deployments, orders and demand within the horizon. */
export const planArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0), hostileText),
    start: fc.integer({ min: 2026 * 4, max: 2029 * 4 + 3 }),
    horizonYears: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    discountRate: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
    utilization: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
    basis: fc.option(fc.constantFrom('min', 'typical', 'max'), { nil: undefined }),
    design: fc.option(fc.constantFrom('0.4%', '20-year'), { nil: undefined }),
    deployments: fc.array(fc.record({ site: fc.constantFrom(...dcSites), generation: fc.constantFrom(...generations), q: fc.nat(27), units: fc.integer({ min: 0, max: 400 }) }), { maxLength: 12 }),
    orders: fc.array(fc.record({ generation: fc.constantFrom(...generations), plant: fc.constantFrom(...plants), q: fc.nat(27), units: fc.integer({ min: 0, max: 400 }), kind: fc.constantFrom('firm', 'option') }), { maxLength: 6 }),
    demand: fc.array(fc.record({ q: fc.nat(27), metric: fc.constantFrom('accelerators', 'pflops', 'hbmTb', 'itMw'), value: fc.double({ min: 0, max: 1e6, noNaN: true }) }), { maxLength: 4 }),
  })
  .map((r) => {
    const horizonQuarters = (r.horizonYears ?? 7) * 4;
    const q = (off: number) => quarter(r.start + (off % horizonQuarters));
    const plan: Record<string, unknown> = { schemaVersion: 1, catalogVersion: CATALOG_VERSION, name: r.name, start: quarter(r.start) };
    for (const k of ['horizonYears', 'discountRate', 'utilization', 'basis', 'design'] as const) if (r[k] !== undefined) plan[k] = r[k];
    plan.deployments = r.deployments.map((d) => ({ site: d.site, generation: d.generation, quarter: q(d.q), units: d.units }));
    if (r.orders.length) plan.orders = r.orders.map((o) => ({ generation: o.generation, plant: o.plant, quarter: q(o.q), units: o.units, kind: o.kind }));
    if (r.demand.length) plan.demand = r.demand.map((d) => ({ quarter: q(d.q), metric: d.metric, value: d.value }));
    return plan;
  });

/** Replace one value anywhere in a JSON tree (by walk index) with a hostile one, or add an unknown/forbidden key. */
export function mutateJson(doc: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  return fc.tuple(fc.nat(paths.length - 1), hostileValue, fc.constantFrom('replace', 'add-key', 'proto')).map(([i, hostile, how]) => {
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    const path = paths[i]!;
    if (how === 'proto') {
      const text = JSON.stringify(copy);
      return JSON.parse(text.startsWith('{') && text.length > 2 ? `{"__proto__":{"polluted":1},${text.slice(1)}` : text);
    }
    if (path.length === 0) return how === 'replace' ? hostile : { ...copy, unexpectedKey: hostile };
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (how === 'add-key' && parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>).unexpectedKey = hostile;
    else parent[last] = hostile;
    return copy;
  });
}

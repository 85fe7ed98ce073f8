import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('the core imports nothing outside src/core and no UI, schema, units or solver package', () => {
    const packages = /^(lit|@lit\/.*|zod|mathjs|highs|idb|chart\.js|jspdf|papaparse|lz-string|yaml)(\/.*)?$/;
    const offenders: string[] = [];
    for (const f of files('src/core')) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) offenders.push(`${f} → dynamic import(${m[1]})`);
      for (const m of src.matchAll(/^\s*import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = m[2]!;
        if (m[1]) continue; // type-only imports are erased
        const escapes = spec.startsWith('.') && !resolve(dirname(f), spec).startsWith(resolve('src/core'));
        if (packages.test(spec) || escapes) offenders.push(`${f} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
  it('mathjs is imported only by src/units', () => {
    const all = [...files('src'), ...files('components')];
    expect(all.filter((f) => /from ['"]mathjs['"]/.test(readFileSync(f, 'utf8')) && !f.startsWith('src/units'))).toEqual([]);
  });
  it('zod is imported only by src/schema', () => {
    const all = [...files('src'), ...files('components')];
    expect(all.filter((f) => /from ['"]zod['"]/.test(readFileSync(f, 'utf8')) && !f.startsWith('src/schema'))).toEqual([]);
  });

  // The layers above the core: components → views → state → core, with exporters beside the views.
  const layerImports = (dir: string) =>
    files(dir).flatMap((f) => {
      const src = readFileSync(f, 'utf8');
      const found: { file: string; target: string; typeOnly: boolean }[] = [];
      for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[2] ?? m[3] ?? m[4]!;
        const target = spec.startsWith('.') ? resolve(dirname(f), spec).slice(resolve('.').length + 1) : spec;
        found.push({ file: f, target, typeOnly: Boolean(m[1]) });
      }
      return found;
    });
  const offending = (dir: string, rule: (i: { target: string; typeOnly: boolean }) => boolean) =>
    layerImports(dir).filter(rule).map((i) => `${i.file} → ${i.target}`);

  it('src/state (the design document, store, history, router) imports no views, components, services or lit', () => {
    expect(layerImports('src/state').length).toBeGreaterThan(10); // the scan sees imports at all
    expect(offending('src/state', (i) => /^(src\/views|src\/services|components)\//.test(i.target) || /^(lit|@lit\/)/.test(i.target))).toEqual([]);
  });
  it('src/views (view models) imports no components and no lit: it runs in Node', () => {
    expect(offending('src/views', (i) => /^components\//.test(i.target) || /^(lit|@lit\/)/.test(i.target))).toEqual([]);
  });
  it('exporters import no state, views or components', () => {
    expect(offending('src/export', (i) => /^(src\/state|src\/views|components)\//.test(i.target))).toEqual([]);
  });
  it('components compute nothing themselves: no value imports from the core or the catalog', () => {
    expect(offending('components', (i) => !i.typeOnly && /^src\/(core|catalog)\//.test(i.target))).toEqual([]);
  });
});

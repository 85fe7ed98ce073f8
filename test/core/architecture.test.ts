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
    const packages = /^(lit|@lit\/.*|zod|mathjs|highs|idb|chart\.js|jspdf|papaparse|lz-string|yaml|write-excel-file)(\/.*)?$/;
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
});

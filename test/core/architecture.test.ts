import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('the core imports no UI, schema, units or DOM code', () => {
    const bad = /from\s+['"](lit|lit\/.*|@lit\/.*|zod|zod\/.*|mathjs|highs)['"]|from\s+['"][./]*\/(components|schema|units|state|catalog|cli)\//;
    const offenders = files('src/core').filter((f) => {
      const src = readFileSync(f, 'utf8');
      return src.split('\n').some((line) => /^\s*import\s/.test(line) && !/^\s*import type/.test(line) && bad.test(line));
    });
    expect(offenders).toEqual([]);
  });
  it('mathjs is imported only by src/units', () => {
    const all = [...files('src'), ...files('components')];
    expect(all.filter((f) => /from ['"]mathjs['"]/.test(readFileSync(f, 'utf8')) && !f.startsWith('src/units'))).toEqual([]);
  });
  it('zod is imported only by src/schema', () => {
    const all = [...files('src'), ...files('components')];
    expect(all.filter((f) => /from ['"]zod['"]/.test(readFileSync(f, 'utf8')) && !f.startsWith('src/schema') && !f.startsWith('src/catalog'))).toEqual([]);
  });
});

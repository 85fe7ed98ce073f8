/**
 * The web app's and the CLI's builds put each generation in a chunk of its own (src/schema/presets-plugin.mts,
 * `splitGenerations`): the catalog module then carries loaders instead of the texts, and the texts it serves
 * are the very ones the bundled (worker, test) module carries, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { presetModuleSource } from '../../src/schema/preset-modules';
import { DEFAULT_GENERATION } from '../../src/state/store';

describe('generations split into chunks of their own (web app and CLI builds)', () => {
  const root = process.cwd();
  const bundled = presetModuleSource('catalog', root);
  const split = presetModuleSource('catalog', root, { generationModule: (i) => `virtual:rackplan-presets/generation/${i}` });

  it('serves each generation as the same validated JSON text the bundled catalog holds', () => {
    expect(split.generations).toEqual(bundled.generations);
    expect(bundled.generations!.length).toBeGreaterThanOrEqual(12);
    for (const text of split.generations!) expect(JSON.parse(text)).toHaveProperty('id');
  });

  it('the split module holds no generation text, one loader per generation; the bundled one no loaders', () => {
    expect(split.code).toContain('export const generationJson = [];');
    expect(split.code.match(/import\("virtual:rackplan-presets\/generation\/\d+"\)/g)).toHaveLength(split.generations!.length);
    for (const text of split.generations!) expect(split.code).not.toContain(JSON.stringify(text));
    expect(bundled.code).toContain('export const generationLoaders = null;');
  });

  it('the build preloads the generation the app opens with (vite.config.ts names the store default)', () => {
    expect(readFileSync('vite.config.ts', 'utf8')).toContain(`preloadGeneration: '${DEFAULT_GENERATION}'`);
    expect(split.generations!.some((t) => (JSON.parse(t) as { id: string }).id === DEFAULT_GENERATION)).toBe(true);
  });
});

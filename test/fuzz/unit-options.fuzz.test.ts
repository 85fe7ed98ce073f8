import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UnitOptionsSchema } from '../../src/schema/unit-options';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { findNonFinite } from '../../src/cli/output';
import { problemsFromZod } from '../../src/schema/errors';
import { FUZZ_RUNS, invalidArbitrary, validArbitrary } from './zod-arbitrary';

const catalog = loadCatalog();
const ids = catalog.generations.map((g) => g.id);

describe('boundary: unit options (CLI flags, UI fields, plan entries)', () => {
  it('valid options from the schema give only finite numbers for every generation', () => {
    fc.assert(
      fc.property(validArbitrary(UnitOptionsSchema), fc.constantFrom(...ids), (options, id) => {
        const opts = { ...options, cduId: undefined };
        if (opts.coolant && !catalog.coolants.some((c) => c.id === opts.coolant)) delete opts.coolant;
        const r = evaluateUnit(catalog.generations.find((g) => g.id === id)!, opts, catalog);
        expect(findNonFinite(r)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  it('invalid options are refused with at least one issue that has a path and never throw', () => {
    fc.assert(
      fc.property(invalidArbitrary(UnitOptionsSchema), (bad) => {
        const r = UnitOptionsSchema.safeParse(bad);
        expect(r.success).toBe(false);
        if (!r.success) {
          const problems = problemsFromZod(r.error, bad);
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p.path.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

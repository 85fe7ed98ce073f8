/**
 * Issue 7 robustness: every input boundary fuzzed with valid input (only finite numbers out) and hostile
 * input (refused with at least one problem that has a path, never an escaped exception).
 * Small in `npm test`; `npm run test:fuzz` runs them large (FUZZ=large).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { importPlan, validatePlan } from '../../src/io/plan';
import { openShareLink, shareLink } from '../../src/io/share';
import { parseQuantity, type QuantityKind } from '../../src/units/quantity';
import { findNonFinite } from '../../src/cli/output';
import { FUZZ_RUNS } from './zod-arbitrary';
import { mutateJson, planArb } from './arbitraries';

const catalog = loadCatalog();
const sites = loadSites();
const runs = Math.max(50, Math.round(FUZZ_RUNS / 5)); // plan evaluation is heavier than a unit

describe('boundary: plan files', () => {
  it('valid plans import and evaluate to finite numbers only', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const r = importPlan(JSON.stringify(raw));
        if (!r.ok) throw new Error(r.error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
        const report = evaluatePlan(r.value.value, catalog, sites);
        expect(findNonFinite(report)).toBeUndefined();
      }),
      { numRuns: runs },
    );
  });

  it('mutated plans are refused with problems at non-empty paths, or accepted and still finite; nothing throws or pollutes', () => {
    fc.assert(
      fc.property(planArb.chain((p) => mutateJson(p)), (doc) => {
        const r = importPlan(JSON.stringify(doc) ?? 'null');
        if (r.ok) {
          expect(findNonFinite(evaluatePlan(r.value.value, catalog, sites))).toBeUndefined();
        } else {
          expect(r.error.problems.length).toBeGreaterThan(0);
          for (const p of r.error.problems) {
            expect(p.path.length).toBeGreaterThan(0);
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: runs },
    );
  });

  it('hostile files: oversize (50 MB) refused before parsing, deep nesting, invalid UTF-8, not JSON', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const t0 = performance.now();
    const huge = importPlan(big);
    expect(huge.ok).toBe(false);
    expect(!huge.ok && huge.error.kind).toBe('too_large');
    expect(!huge.ok && huge.error.message).toMatch(/MB|MiB|bytes/);
    expect(performance.now() - t0).toBeLessThan(2000); // refused by size, not by parsing 50 MB
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(importPlan(deep)).toMatchObject({ ok: false });
    expect(importPlan(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatchObject({ ok: false, error: { kind: 'not_utf8' } });
    for (const text of ['', 'null', '[]', '"plan"', '{', '{"schemaVersion": 99}', '{"schemaVersion": 1}']) {
      const r = importPlan(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.problems.every((p) => p.path.length > 0)).toBe(true);
    }
  });

  it('arbitrary bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = importPlan(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('boundary: share links', () => {
  it('a valid plan survives the link round trip', () => {
    fc.assert(
      fc.property(planArb, (raw) => {
        const link = shareLink(raw, 'http://127.0.0.1:4173/plan', 1_000_000);
        expect(link.ok).toBe(true);
        if (!link.ok) return;
        const back = openShareLink(link.url.slice(link.url.indexOf('#')), validatePlan);
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value.value).toEqual(importPlan(JSON.stringify(raw)).ok ? (importPlan(JSON.stringify(raw)) as { value: { value: unknown } }).value.value : undefined);
      }),
      { numRuns: runs },
    );
  });
  it('damaged or hostile fragments are refused with a message, never thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }).map((s) => `#plan=${s}`), fc.constantFrom('#plan=', '#plan=%%%', `#plan=${'A'.repeat(70_000)}`)), (hash) => {
        const r = openShareLink(hash, validatePlan);
        if (!r.ok) {
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.error.problems.every((p) => p.path.length > 0)).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('boundary: unit strings', () => {
  const kinds: QuantityKind[] = ['power', 'apparentPower', 'temperature', 'temperatureDifference', 'volumeFlow', 'length', 'mass', 'voltage', 'current', 'pressure'];
  it('any text gives either a finite value or a message naming what is accepted', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.tuple(fc.double(), fc.constantFrom('kW', 'W', 'BTU/h', 'degC', 'degF', 'K', 'gpm', 'L/min', 'CFM', 'ton', 'kVA', 'm', 'ft', 'kg', 'lb', 'V', 'A', 'psi', 'kPa', 'm^3/h', '')).map(([n, u]) => `${n} ${u}`),
      fc.constantFrom('NaN kW', 'Infinity W', '1e309 W', '-0 K', '__proto__', 'constructor kW', '<script>', '=1+1', '5 kW + 1', 'sqrt(4) W'),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...kinds), (t, kind) => {
        const r = parseQuantity(t, kind);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: FUZZ_RUNS * 4 },
    );
  });
});

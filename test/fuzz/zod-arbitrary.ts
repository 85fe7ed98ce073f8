/**
 * Derive fast-check arbitraries from zod v4 schemas, so every input boundary is fuzzed with
 * one arbitrary of valid values (from its own schema) and one of mutations that must be refused.
 * Covers the schema shapes this project uses: objects, arrays, unions, enums, literals, numbers with
 * bounds and int, strings with length and regex, optional, nullable, default, pipes and refinements
 * (refinements are checked by filtering with the schema itself).
 */
import fc from 'fast-check';
import type * as z from 'zod';

type Def = { type: string; [k: string]: unknown };
type Check = { check: string; value?: number; inclusive?: boolean; minimum?: number; maximum?: number; format?: string; pattern?: RegExp };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Check[] => ((d.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Valid values of a schema (filtered by the schema so refinements hold). */
export function validArbitrary<T>(schema: z.ZodType<T>): fc.Arbitrary<T> {
  return build(schema).filter((v) => schema.safeParse(v).success) as fc.Arbitrary<T>;
}

function build(schema: z.ZodType): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const required: string[] = [];
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) {
        const vd = defOf(v);
        arbs[k] = build(vd.type === 'optional' ? (vd.innerType as z.ZodType) : v);
        if (vd.type !== 'optional' && vd.type !== 'default') required.push(k);
      }
      return fc.record(arbs, { requiredKeys: required as never[] });
    }
    case 'array': {
      let minLength = 0;
      let maxLength = 6;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') minLength = c.minimum!;
        if (c.check === 'max_length') maxLength = Math.min(c.maximum!, 6);
      }
      return fc.array(build(d.element as z.ZodType), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'union':
      return fc.oneof(...(d.options as z.ZodType[]).map(build));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'optional':
      return fc.option(build(d.innerType as z.ZodType), { nil: undefined });
    case 'nullable':
      return fc.option(build(d.innerType as z.ZodType), { nil: null });
    case 'default':
      return build(d.innerType as z.ZodType);
    case 'pipe':
      return build(d.in as z.ZodType);
    case 'number': {
      let min = -1e9;
      let max = 1e9;
      let int = false;
      let minExcluded = false;
      let maxExcluded = false;
      for (const c of checksOf(d)) {
        if (c.check === 'greater_than') {
          min = c.value!;
          minExcluded = !c.inclusive;
        }
        if (c.check === 'less_than') {
          max = c.value!;
          maxExcluded = !c.inclusive;
        }
        if (c.check === 'number_format' && /int/.test(c.format ?? '')) int = true;
      }
      if (int) return fc.integer({ min: Math.ceil(min + (minExcluded ? 1 : 0)), max: Math.floor(max - (maxExcluded ? 1 : 0)) });
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded, maxExcluded });
    }
    case 'string': {
      let minLength = 0;
      let maxLength = 40;
      let pattern: RegExp | undefined;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') minLength = c.minimum!;
        if (c.check === 'max_length') maxLength = c.maximum!;
        if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern;
        if (c.check === 'string_format' && c.format === 'url') return fc.webUrl();
      }
      if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= maxLength);
      return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
    }
    default:
      return fc.anything();
  }
}

/** Hostile values that no numeric, enum or id field of ours accepts in place of a valid value. */
export const hostileValue = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1e308, 1e308, -1, 0, '', ' ', 'NaN', '1e999', '<script>alert(1)</script>', '=HYPERLINK("x")', '+1', '@SUM(A1)', '__proto__', 'constructor', null, true, [], {}),
  fc.string({ maxLength: 8 }),
  fc.double(),
);

/**
 * Mutations of valid objects: replace a field with a hostile value, add an unknown key
 * (including `__proto__` and `constructor`), or drop a required field. Each mutant is only kept when
 * the schema refuses it, so the property under test is "refused with a path", not "refused at all".
 */
export function invalidArbitrary<T>(schema: z.ZodType<T>): fc.Arbitrary<unknown> {
  return fc
    .tuple(validArbitrary(schema), fc.nat(), hostileValue, fc.constantFrom('replace', 'unknown-key', 'proto-key', 'drop'))
    .map(([valid, pick, hostile, how]) => {
      if (valid === null || typeof valid !== 'object' || Array.isArray(valid)) return hostile;
      const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (how === 'unknown-key' || keys.length === 0) copy[`unknownKey${pick % 7}`] = hostile;
      else if (how === 'proto-key') return JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"x": 1}, ${JSON.stringify(copy).slice(1)}`.replace(/, }$/, '}'));
      else if (how === 'drop') delete copy[keys[pick % keys.length]!];
      else copy[keys[pick % keys.length]!] = hostile;
      return copy;
    })
    .filter((v) => !schema.safeParse(v).success);
}

/** Runs per fuzz property: small in `npm test`, large with FUZZ=large. */
export const FUZZ_RUNS = process.env.FUZZ === 'large' ? 20_000 : 500;

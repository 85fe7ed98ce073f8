import * as z from 'zod';

/** `user`: a value a user entered for their own generation (no source required). Presets never use it (checked at build). */
export const Confidence = z.enum(['published', 'secondary', 'derived', 'estimate', 'user']);

export const Source = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(3),
});

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const base = {
  unit: z.string().min(1),
  sources: z.array(Source),
  confidence: Confidence,
  derivation: z.strictObject({ formula: z.string().min(3), from: z.array(z.string().min(1)).min(1) }).optional(),
  note: z.string().optional(),
};

/** Provenance rules every sourced number obeys (a derived value names its formula; others cite a source). */
function provenanceRules(q: { sources: unknown[]; confidence: string; derivation?: unknown }, ctx: z.RefinementCtx) {
  if (q.confidence === 'derived' && !q.derivation) {
    ctx.addIssue({ code: 'custom', message: 'a derived value needs `derivation` (formula and fields it came from)', path: ['derivation'] });
  }
  if (q.confidence !== 'derived' && q.confidence !== 'estimate' && q.confidence !== 'user' && q.sources.length === 0) {
    ctx.addIssue({ code: 'custom', message: `a ${q.confidence} value needs at least one source URL`, path: ['sources'] });
  }
  if (q.confidence === 'estimate' && !('note' in q && q.note) && q.sources.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'an estimate needs a note with its reasoning or a source', path: ['note'] });
  }
}

export const SourcedPoint = z.strictObject({ value: finite, ...base }).superRefine(provenanceRules);
export const SourcedRange = z
  .strictObject({ min: finite, typical: finite, max: finite, ...base })
  .superRefine(provenanceRules)
  .refine((r) => r.min <= r.typical && r.typical <= r.max, { message: 'range must satisfy min ≤ typical ≤ max' });
export const Missing = z.strictObject({ value: z.null(), unit: z.string().min(1), reason: z.string().min(3) });

export const Sourced = z.union([SourcedPoint, SourcedRange]);
export const MaybeSourced = z.union([Missing, SourcedPoint, SourcedRange]);

/** A sourced number in a fixed unit (the unit the field name carries). */
export function sourcedIn(unit: string) {
  return Sourced.refine((q) => q.unit === unit, { message: `unit must be "${unit}"`, path: ['unit'] });
}
export function maybeSourcedIn(unit: string) {
  return MaybeSourced.refine((q) => q.unit === unit, { message: `unit must be "${unit}"`, path: ['unit'] });
}

export const Attribution = {
  confidence: Confidence,
  sources: z.array(Source),
  note: z.string().optional(),
};

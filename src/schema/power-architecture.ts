/**
 * Schema of a generation's facility power architecture (`powerArchitecture` in presets/generations/*.json).
 *
 * Its facility stages have the shape of a site's power-chain stage (src/schema/sites.ts `ChainStageSchema`); the
 * stage schema is restated here because sites.ts imports the catalog schema (a cycle otherwise), and a test checks
 * that every site preset's stages validate against both.
 * @module
 */
import * as z from 'zod';
import { Attribution, sourcedIn } from './provenance';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id (a-z, 0-9, single hyphens)');
const typical = (q: { value?: number; typical?: number }) => q.value ?? q.typical ?? 0;

const StageAttribution = {
  ...Attribution,
  derivation: z.strictObject({ formula: z.string().min(3), from: z.array(z.string().min(1)).min(1) }).optional(),
};

export const FacilityStage = z
  .strictObject({
    id: kebab,
    name: z.string().min(3),
    kind: z.enum(['mv-switchgear', 'transformer', 'ups', 'bbu', 'busway', 'rpp', 'other']),
    redundancy: z.enum(['n', 'n+1', 'n+2', '2n', 'dr']),
    drGroup: z.int().min(3).max(8).optional(),
    moduleRatingMw: sourcedIn('MW').refine((q) => typical(q) > 0, 'module rating must be > 0 MW'),
    efficiency: z.strictObject({
      points: z
        .array(z.strictObject({ loadFraction: z.number().gt(0).max(1.5), efficiency: z.number().gt(0.5).max(1) }))
        .min(1)
        .refine((p) => p.every((x, i) => i === 0 || x.loadFraction > p[i - 1]!.loadFraction), 'load fractions strictly increasing'),
      ...StageAttribution,
    }),
    carriesMechanical: z.boolean(),
    indoor: z.boolean(),
  })
  .refine((s) => (s.redundancy === 'dr') === (s.drGroup !== undefined), { message: 'drGroup is required exactly for distributed-redundant (dr) stages', path: ['drGroup'] });

export const PowerArchitecture = z
  .strictObject({
    id: z.enum(['ac-ups', 'dc-800v']),
    name: z.string().min(3),
    facilityStages: z.array(FacilityStage),
    rackStages: z.array(z.strictObject({ id: kebab, name: z.string().min(3), efficiency: sourcedIn('ratio').refine((q) => typical(q) > 0.5 && typical(q) <= 1, 'an efficiency in (0.5, 1]') })),
    endToEnd: z
      .strictObject({ efficiency: z.number().gt(0.5).max(1), atLoadingFraction: z.number().gt(0).max(1), ...StageAttribution })
      .refine((e) => e.confidence !== 'derived' || e.derivation !== undefined, { message: 'a derived end-to-end figure names its formula', path: ['derivation'] })
      .nullable(),
    ...Attribution,
  })
  .refine((a) => (a.id === 'ac-ups') === (a.facilityStages.length === 0), { message: 'ac-ups uses the site chain (no facility stages); dc-800v lists its own', path: ['facilityStages'] })
  .refine((a) => a.facilityStages.every((s) => !s.carriesMechanical), { message: "an architecture's stages carry IT only (the cooling plant stays on the site's chain)", path: ['facilityStages'] })
  .refine((a) => (a.endToEnd === null) === (a.id === 'ac-ups'), { message: 'dc-800v states its end-to-end efficiency; ac-ups leaves it to the site chain', path: ['endToEnd'] });

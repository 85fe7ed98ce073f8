/**
 * Plan files: strict objects (unknown keys refused), every problem reported at its path with the value found,
 * e.g. `deployments[3].units: must be a whole number ≥ 0 (got -2)`.
 * @module
 */
import * as z from 'zod';
import { Generation, Id, PsuModel } from './catalog';
import { MAX_USER_GENERATIONS } from './user-generations';
import { QuarterId, SiteSchema } from './sites';
import { UnitOptionsSchema } from './unit-options';
import { formatBound, PLAN_NAME_LENGTH, PLAN_SETTING_LIMITS as P, SITE_OVERRIDE_LIMITS as O } from './limits';
import { limitedNumber } from './limited-number';
import type * as core from '../core/plan/types';
import { PRECISIONS } from '../core/plan/precision';

const wholeUnits = z
  .number({ error: 'must be a whole number ≥ 0' })
  .refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number ≥ 0')
  .refine((n) => n <= P.deploymentUnits.max, `must be at most ${formatBound(P.deploymentUnits.max)}`);

const usd = z.number({ error: 'must be a number of USD ≥ 0' }).refine((n) => Number.isFinite(n) && n >= 0 && n <= 1e12, 'must be a number of USD from 0 to 10¹²');

const fraction = (what: string, min = 0, max = 1, exclusiveMin = false) =>
  z
    .number({ error: `must be ${what}` })
    .refine((n) => Number.isFinite(n) && (exclusiveMin ? n > min : n >= min) && n <= max, `must be ${what}`);

export const DemandSchema = z
  .strictObject({
    quarter: QuarterId,
    metric: z.enum(['accelerators', 'pflops', 'hbmTb', 'hbmTbPerS', 'itMw']),
    precision: z.enum(PRECISIONS, { error: `must be one of ${PRECISIONS.join(', ')} (PFLOPS dense, 2:4 sparse, FP32 or FP64)` }).optional(),
    value: z.number({ error: 'must be a number ≥ 0' }).refine((n) => Number.isFinite(n) && n >= 0 && n <= 1e12, 'must be a number ≥ 0'),
  })
  .refine((d) => d.metric === 'pflops' || d.precision === undefined, { message: 'precision applies only to the pflops metric', path: ['precision'] });

export const OrderSchema = z.strictObject({
  generation: Id,
  plant: Id,
  quarter: QuarterId,
  units: wholeUnits,
  kind: z.enum(['firm', 'option'], { error: 'must be "firm" or "option"' }),
});

export const DeploymentSchema = z.strictObject({
  site: Id,
  generation: Id,
  quarter: QuarterId,
  units: wholeUnits,
  // Firm order or already built: the optimizer never changes the row (checked by the evaluation: unknown plant ids are error issues).
  locked: z.boolean({ error: 'must be true (a firm order or already built) or false (open to the optimizer)' }).optional(),
  plant: Id.optional(),
});

const minOrderUnits = z
  .number({ error: 'must be a whole number of units from 1 to 100,000' })
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= 100_000, 'must be a whole number of units from 1 to 100,000');

export const MinOrderSchema = z.strictObject({
  racks: z.number({ error: 'must be a whole number of racks from 1 to 10,000' }).refine((n) => Number.isInteger(n) && n >= 1 && n <= 10_000, 'must be a whole number of racks from 1 to 10,000').optional(),
  units: z.record(Id, minOrderUnits).optional(),
  sites: z.record(Id, z.record(Id, minOrderUnits)).optional(),
});

/**
 * A site inside a plan: the site schema plus the figures the engineer overrides there (src/core/plan/types.ts
 * `SiteOverrides`; ranges in `SITE_OVERRIDE_LIMITS`).
 */
export const PlanSiteSchema = SiteSchema.safeExtend({
  pueOverride: limitedNumber(O.pueOverride, 'must be ').optional(),
  peakPueOverride: limitedNumber(O.peakPueOverride, 'must be ').optional(),
  utilization: limitedNumber(O.utilization, 'must be ').optional(),
  storageKw: limitedNumber(O.storageKw, 'must be ').optional(),
  otherItKw: limitedNumber(O.otherItKw, 'must be ').optional(),
});

export const PlanSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1, { error: 'must be 1 (the only plan schema version)' }),
  catalogVersion: z.string().min(1, 'the catalog version the plan was written against'),
  name: z.string().min(PLAN_NAME_LENGTH.min).max(PLAN_NAME_LENGTH.max),
  start: QuarterId,
  horizonYears: limitedNumber(P.horizonYears, 'must be ').optional(),
  discountRate: limitedNumber(P.discountRate, 'must be ').optional(),
  utilization: limitedNumber(P.utilization, 'must be ').optional(),
  basis: z.enum(['min', 'typical', 'max']).optional(),
  priceBasis: z.enum(['min', 'typical', 'max']).optional(),
  design: z.enum(['0.4%', '20-year']).optional(),
  sites: z.array(PlanSiteSchema).max(100).optional(),
  generations: z.array(Generation).min(1).max(MAX_USER_GENERATIONS).optional(),
  psus: z.array(PsuModel).max(MAX_USER_GENERATIONS).optional(),
  demand: z.array(DemandSchema).max(10_000).optional(),
  orders: z.array(OrderSchema).max(100_000).optional(),
  deployments: z.array(DeploymentSchema).max(100_000),
  unitOptions: z.record(Id, UnitOptionsSchema.omit({ units: true })).optional(),
  prices: z
    .strictObject({
      unitUsd: z.record(Id, usd).optional(),
      switchUsd: usd.optional(),
      transceiverUsd: usd.optional(),
      tariffUsdPerKwh: z.record(Id, limitedNumber(P.tariffUsdPerKwh, 'must be ')).optional(),
      facilityUsdPerMw: z.record(Id, usd).optional(),
    })
    .optional(),
  network: z
    .strictObject({
      // A catalog switch id; checked against the network catalog by the plan evaluation (an unknown id is an error issue).
      switchId: Id.optional(),
      switchRadix: z.int({ error: 'must be an even whole number of ports from 4 to 1,024' }).min(4).max(1024).refine((n) => n % 2 === 0, 'must be an even whole number of ports from 4 to 1,024').optional(),
      switchPortGbps: z.number().refine((n) => Number.isFinite(n) && n >= 10 && n <= 3200, 'must be a port speed from 10 to 3,200 Gb/s').optional(),
      switchW: z.number().refine((n) => Number.isFinite(n) && n >= 0 && n <= 100_000, 'must be from 0 to 100,000 W').optional(),
    })
    .optional(),
  sparesFraction: fraction('a fraction from 0 to 1').optional(),
  syncIdleFraction: fraction('a fraction from 0 to 1').optional(),
  minOrder: MinOrderSchema.optional(),
});


/** The validated plan is the core's plan type. */
export function asCorePlan(p: z.output<typeof PlanSchema>): core.Plan {
  return p;
}

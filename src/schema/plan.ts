/**
 * Plan files: strict objects (unknown keys refused), every problem reported at its path with the value found,
 * e.g. `deployments[3].units: must be a whole number ≥ 0 (got -2)`.
 * @module
 */
import * as z from 'zod';
import { Id } from './catalog';
import { QuarterId, SiteSchema } from './sites';
import { UnitOptionsSchema } from './unit-options';
import type * as core from '../core/plan/types';

const wholeUnits = z
  .number({ error: 'must be a whole number ≥ 0' })
  .refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number ≥ 0')
  .refine((n) => n <= 10_000_000, 'must be at most 10,000,000');

const usd = z.number({ error: 'must be a number of USD ≥ 0' }).refine((n) => Number.isFinite(n) && n >= 0 && n <= 1e12, 'must be a number of USD from 0 to 10¹²');

const fraction = (what: string, min = 0, max = 1, exclusiveMin = false) =>
  z
    .number({ error: `must be ${what}` })
    .refine((n) => Number.isFinite(n) && (exclusiveMin ? n > min : n >= min) && n <= max, `must be ${what}`);

export const DemandSchema = z
  .strictObject({
    quarter: QuarterId,
    metric: z.enum(['accelerators', 'pflops', 'hbmTb', 'hbmTbPerS', 'itMw']),
    precision: z.enum(['fp4', 'fp8', 'bf16']).optional(),
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
});

export const PlanSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1, { error: 'must be 1 (the only plan schema version)' }),
  catalogVersion: z.string().min(1, 'the catalog version the plan was written against'),
  name: z.string().min(1).max(200),
  start: QuarterId,
  horizonYears: z.int({ error: 'must be a whole number of years from 1 to 15' }).min(1, 'must be a whole number of years from 1 to 15').max(15, 'must be a whole number of years from 1 to 15').optional(),
  discountRate: fraction('a rate from 0 to 0.5 per year', 0, 0.5).optional(),
  // Below 1 % the energy figures stop meaning anything (and a denormal like 5e-324 overflows a division).
  utilization: fraction('a fraction from 0.01 to 1 (1–100 %)', 0.01, 1).optional(),
  basis: z.enum(['min', 'typical', 'max']).optional(),
  priceBasis: z.enum(['min', 'typical', 'max']).optional(),
  design: z.enum(['0.4%', '20-year']).optional(),
  sites: z.array(SiteSchema).max(100).optional(),
  demand: z.array(DemandSchema).max(10_000).optional(),
  orders: z.array(OrderSchema).max(100_000).optional(),
  deployments: z.array(DeploymentSchema).max(100_000),
  unitOptions: z.record(Id, UnitOptionsSchema.omit({ units: true })).optional(),
  prices: z
    .strictObject({
      unitUsd: z.record(Id, usd).optional(),
      switchUsd: usd.optional(),
      transceiverUsd: usd.optional(),
      tariffUsdPerKwh: z.record(Id, z.number().refine((n) => Number.isFinite(n) && n > 0 && n < 10, 'must be a price in USD/kWh above 0 and below 10')).optional(),
      facilityUsdPerMw: z.record(Id, usd).optional(),
    })
    .optional(),
  network: z
    .strictObject({
      switchRadix: z.int({ error: 'must be an even whole number of ports from 4 to 1,024' }).min(4).max(1024).refine((n) => n % 2 === 0, 'must be an even whole number of ports from 4 to 1,024').optional(),
      switchPortGbps: z.number().refine((n) => Number.isFinite(n) && n >= 10 && n <= 3200, 'must be a port speed from 10 to 3,200 Gb/s').optional(),
      switchW: z.number().refine((n) => Number.isFinite(n) && n >= 0 && n <= 100_000, 'must be from 0 to 100,000 W').optional(),
    })
    .optional(),
  sparesFraction: fraction('a fraction from 0 to 1').optional(),
  syncIdleFraction: fraction('a fraction from 0 to 1').optional(),
});

export type PlanInput = z.input<typeof PlanSchema>;

/** The validated plan is the core's plan type. */
export function asCorePlan(p: z.output<typeof PlanSchema>): core.Plan {
  return p;
}

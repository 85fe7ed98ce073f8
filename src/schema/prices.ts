/**
 * Schema of presets/prices.json: every price and cost factor with its provenance.
 * @module
 */
import * as z from 'zod';
import { Id } from './catalog';
import { sourcedIn } from './provenance';

const UnitPrice = z.strictObject({ per: z.enum(['unit', 'system']), usd: sourcedIn('USD') });

export const PriceBookFile = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  unitPrices: z.record(Id, UnitPrice),
  networkPrices: z.strictObject({ switchUsd: sourcedIn('USD'), transceiverUsd: sourcedIn('USD') }),
  fabricDefaults: z.strictObject({ radix: sourcedIn('ports'), portGbps: sourcedIn('Gbps'), switchW: sourcedIn('W') }),
  costFactors: z.strictObject({
    itMaintenanceFractionPerYear: sourcedIn('fraction/yr'),
    sparesFraction: sourcedIn('fraction'),
    syncIdleFraction: sourcedIn('fraction'),
  }),
  amortizationYears: sourcedIn('years'),
  planDefaults: z.strictObject({ horizonYears: sourcedIn('years'), discountRate: sourcedIn('fraction/yr'), utilization: sourcedIn('fraction'), minOrderRacks: sourcedIn('racks') }),
});

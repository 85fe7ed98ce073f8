/**
 * The zod number for an accepted range of src/schema/limits.ts. Kept apart from the tables so that reading a
 * range (the form fields, in the first render) does not load zod.
 * @module
 */
import * as z from 'zod';
import { acceptsText, isWithin, type NumericLimit } from './limits';

/** A zod number for a limit, with one message for every way to miss it (`prefix` + what is accepted). */
export function limitedNumber(limit: NumericLimit, prefix = ''): z.ZodType<number> {
  const message = `${prefix}${acceptsText(limit)}`;
  return z.number({ error: message }).refine((n) => isWithin(n, limit), message);
}

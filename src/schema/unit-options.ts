/**
 * The accepted range of every per-unit option, shared by the CLI, the UI, plan files and share links.
 * @module
 */
import * as z from 'zod';
import type { UnitOptions } from '../core/rack/types';
import type { Redundancy } from '../core/catalog/types';
import { UNIT_OPTION_LIMITS } from './unit-option-limits';

const Redundancy = z.string().regex(/^(n|n\+n|n\+[1-9][0-9]?)$/, 'one of n, n+K (K = 1…99) or n+n') as unknown as z.ZodType<Redundancy>;

export { UNIT_OPTION_LIMITS };

const L = UNIT_OPTION_LIMITS;
const num = (k: keyof typeof L, what: string) =>
  z.number({ error: `${what}: a number from ${L[k].min} to ${L[k].max}` }).min(L[k].min, `${what}: from ${L[k].min} to ${L[k].max}`).max(L[k].max, `${what}: from ${L[k].min} to ${L[k].max}`);
const int = (k: keyof typeof L, what: string) => num(k, what).int(`${what}: a whole number from ${L[k].min} to ${L[k].max}`);

export const UnitOptionsSchema = z.strictObject({
  units: int('units', 'deployable units').optional(),
  systemsPerRack: int('systemsPerRack', 'systems per rack').optional(),
  feeds: z.enum(['ab', 'single']).optional(),
  feedVolts: num('feedVolts', 'feed voltage in V (3-phase: line-to-line)').optional(),
  feedAmps: num('feedAmps', 'breaker rating in A').optional(),
  feedSystem: z.enum(['1ph', '3ph', 'dc']).optional(),
  powerFactor: num('powerFactor', 'power factor').optional(),
  redundancy: Redundancy.optional(),
  powerCapKw: num('powerCapKw', 'rack power cap in kW (DC side, per unit)').optional(),
  powerProfile: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a power profile of the generation (`rackplan rack <id> --json` lists them under power.profiles) or "uncapped"').optional(),
  continuousFactor: num('continuousFactor', 'continuous-load factor (0.8 per NEC 210.20(A), 1.0 for 100 %-rated gear)').optional(),
  coolant: z.enum(['water', 'pg25']).optional(),
  deltaTK: num('deltaTK', 'liquid ΔT in K').optional(),
  airDeltaTK: num('airDeltaTK', 'air ΔT in K').optional(),
  altitudeM: num('altitudeM', 'altitude in m').optional(),
  coolantSupplyC: num('coolantSupplyC', 'coolant supply in °C').optional(),
  cduId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a CDU id from `rackplan presets`').optional(),
  floorLimitKgM2: num('floorLimitKgM2', 'floor rating in kg/m²').optional(),
  basis: z.enum(['min', 'typical', 'max']).optional(),
}) satisfies z.ZodType<UnitOptions>;

/**
 * The accepted range of every per-unit option, shared by the CLI, the UI, plan files and share links.
 * @module
 */
import * as z from 'zod';
import type { UnitOptions } from '../core/rack/types';
import type { Redundancy } from '../core/catalog/types';

const Redundancy = z.string().regex(/^(n|n\+n|n\+[1-9][0-9]?)$/, 'one of n, n+K (K = 1…99) or n+n') as unknown as z.ZodType<Redundancy>;

export const UNIT_OPTION_LIMITS = {
  units: { min: 1, max: 100_000, integer: true },
  systemsPerRack: { min: 1, max: 16, integer: true },
  feedVolts: { min: 12, max: 1000 },
  feedAmps: { min: 1, max: 6000 },
  powerFactor: { min: 0.5, max: 1 },
  continuousFactor: { min: 0.5, max: 1 },
  deltaTK: { min: 1, max: 40 },
  airDeltaTK: { min: 1, max: 40 },
  altitudeM: { min: -430, max: 4000 },
  coolantSupplyC: { min: 2, max: 70 },
  floorLimitKgM2: { min: 100, max: 50_000 },
  /** Per deployable unit, DC side; the largest catalog unit (Rubin Ultra NVL576) is ~660 kW. */
  powerCapKw: { min: 1, max: 5000 },
} as const;

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

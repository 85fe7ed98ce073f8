/**
 * Schemas for the network presets (presets/network/switches.json, optics.json): switches, transceivers
 * and cable media, every number with provenance in the same Sourced / Missing shape as the generations.
 * @module
 */
import * as z from 'zod';
import { Id } from './catalog';
import { maybeSourcedIn, sourcedIn } from './provenance';

const positiveInt = z.int().min(1);

export const SwitchModel = z
  .strictObject({
    id: Id,
    name: z.string().min(3),
    vendor: z.string().min(2),
    asic: z.string().min(2),
    protocol: z.enum(['infiniband', 'ethernet']),
    roles: z.array(z.enum(['scale-out', 'front-end', 'storage', 'oob'])).min(1),
    cages: positiveInt,
    portsPerCage: positiveInt,
    portGbps: sourcedIn('Gbps'),
    laneGbps: z.number().positive(),
    heightU: sourcedIn('U'),
    typicalPowerW: maybeSourcedIn('W'),
    maxPowerW: maybeSourcedIn('W'),
    weightKg: maybeSourcedIn('kg'),
    cooling: z.enum(['air', 'liquid']),
    note: z.string().optional(),
  })
  .refine((s) => (s.cages * s.portsPerCage) % 2 === 0, { message: 'radix (cages × portsPerCage) must be even', path: ['cages'] });

export const TransceiverModel = z.strictObject({
  id: Id,
  name: z.string().min(3),
  partNumber: z.string().min(2),
  formFactor: z.string().min(2),
  linkGbps: z.number().positive(),
  linksPerModule: positiveInt,
  laneGbps: z.number().positive(),
  fiber: z.enum(['mmf', 'smf']),
  reachM: maybeSourcedIn('m'),
  typicalPowerW: maybeSourcedIn('W'),
  maxPowerW: maybeSourcedIn('W'),
});

export const CableMedium = z.strictObject({
  id: Id,
  name: z.string().min(3),
  partNumber: z.string().min(2),
  kind: z.enum(['dac', 'acc', 'aec', 'aoc', 'mmf', 'smf', 'utp']),
  laneGbps: z.number().positive(),
  reachM: sourcedIn('m'),
  powerPerEndW: maybeSourcedIn('W'),
  massKgPerM: maybeSourcedIn('kg/m'),
});

export const SwitchCatalogFile = z.strictObject({ $schema: z.string().optional(), schemaVersion: z.literal(1), switches: z.array(SwitchModel).min(1) });
export const OpticsCatalogFile = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  transceivers: z.array(TransceiverModel).min(1),
  cables: z.array(CableMedium).min(1),
});

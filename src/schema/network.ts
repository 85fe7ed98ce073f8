/**
 * Schemas for the network presets (presets/network/switches.json, optics.json): switches, transceivers
 * and cable media, every number with provenance in the same Sourced / Missing shape as the generations.
 * @module
 */
import * as z from 'zod';
import { Id } from './catalog';
import { maybeSourcedIn, Source, sourcedIn } from './provenance';

const positiveInt = z.int().min(1);

const SwitchRole = z.enum(['scale-out', 'front-end', 'storage', 'oob']);

/**
 * The switch is the catalog default for a role, optionally only for node NICs in [minNicGbps, belowNicGbps).
 * Read by one core function (src/core/fabric/switch-choice.ts); every surface takes its default from there.
 */
export const SwitchDefault = z
  .strictObject({
    role: SwitchRole,
    minNicGbps: z.number().min(0).optional(),
    belowNicGbps: z.number().positive().optional(),
    sources: z.array(Source).min(1),
    note: z.string().optional(),
  })
  .refine((d) => d.belowNicGbps === undefined || d.belowNicGbps > (d.minNicGbps ?? 0), { message: 'belowNicGbps must be above minNicGbps', path: ['belowNicGbps'] });

export const SwitchModel = z
  .strictObject({
    id: Id,
    name: z.string().min(3),
    vendor: z.string().min(2),
    asic: z.string().min(2),
    protocol: z.enum(['infiniband', 'ethernet']),
    roles: z.array(SwitchRole).min(1),
    cages: positiveInt,
    portsPerCage: positiveInt,
    portGbps: sourcedIn('Gbps'),
    portSpeeds: z.strictObject({ gbps: z.array(z.number().positive()).min(1), sources: z.array(Source), note: z.string().optional() }),
    laneGbps: z.number().positive(),
    heightU: sourcedIn('U'),
    typicalPowerW: maybeSourcedIn('W'),
    maxPowerW: maybeSourcedIn('W'),
    weightKg: maybeSourcedIn('kg'),
    cooling: z.enum(['air', 'liquid']),
    note: z.string().optional(),
    defaultFor: z.array(SwitchDefault).optional(),
  })
  .refine((s) => (s.cages * s.portsPerCage) % 2 === 0, { message: 'radix (cages × portsPerCage) must be even', path: ['cages'] })
  .refine((s) => (s.defaultFor ?? []).every((d) => s.roles.includes(d.role)), { message: 'a switch can only be the default for a role it lists in roles', path: ['defaultFor'] })
  .refine((s) => s.portSpeeds.gbps.includes('value' in s.portGbps ? s.portGbps.value : s.portGbps.typical), { message: 'portSpeeds.gbps must include the native port speed', path: ['portSpeeds', 'gbps'] })
  .refine((s) => s.portSpeeds.gbps.every((g) => Number.isInteger((s.cages * s.portsPerCage * ('value' in s.portGbps ? s.portGbps.value : s.portGbps.typical)) / g)), {
    message: 'every port speed must divide the switch bandwidth (radix × portGbps) into whole ports',
    path: ['portSpeeds', 'gbps'],
  });

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

/** Problems with the role defaults: every role needs exactly one default for every NIC speed (no gap, no overlap). */
export function switchDefaultProblems(switches: readonly z.output<typeof SwitchModel>[]): string[] {
  const problems: string[] = [];
  for (const role of SwitchRole.options) {
    const spans = switches
      .flatMap((s) => (s.defaultFor ?? []).filter((d) => d.role === role).map((d) => ({ id: s.id, from: d.minNicGbps ?? 0, below: d.belowNicGbps ?? Infinity })))
      .sort((a, b) => a.from - b.from);
    if (!spans.length) {
      problems.push(`no switch is the default for the ${role} role (add defaultFor to one switch)`);
      continue;
    }
    let reached = 0;
    for (const s of spans) {
      if (s.from !== reached) problems.push(`${role} defaults: NIC speeds from ${reached} to ${s.from} Gb/s ${s.from > reached ? 'have no default' : `have two (${s.id} overlaps)`}`);
      reached = Math.max(reached, s.below);
    }
    if (reached !== Infinity) problems.push(`${role} defaults: NICs of ${reached} Gb/s and faster have no default`);
  }
  return problems;
}

export const SwitchCatalogFile = z
  .strictObject({ $schema: z.string().optional(), schemaVersion: z.literal(1), switches: z.array(SwitchModel).min(1) })
  .superRefine((f, ctx) => {
    for (const message of switchDefaultProblems(f.switches)) ctx.addIssue({ code: 'custom', message, path: ['switches'] });
  });
export const OpticsCatalogFile = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  transceivers: z.array(TransceiverModel).min(1),
  cables: z.array(CableMedium).min(1),
});

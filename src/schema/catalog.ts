/**
 * Schemas for the presets: every preset file is validated at load (a failure is a bug) and in tests.
 * @module
 */
import * as z from 'zod';
import { PowerArchitecture } from './power-architecture';
import { Attribution, maybeSourcedIn, sourcedIn } from './provenance';
import type * as core from '../core/catalog/types';

export const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id (a-z, 0-9, single hyphens)');
const Redundancy = z.string().regex(/^(n|n\+n|n\+[1-9][0-9]?)$/, 'n, n+K or n+n') as z.ZodType<core.Redundancy>;
const ElectricalSystem = z.enum(['1ph', '3ph', 'dc']);
const count = z.int().min(0);
const fraction = sourcedIn('fraction').refine((q) => ('value' in q ? q.value >= 0 && q.value <= 1 : q.min >= 0 && q.max <= 1), 'a fraction lies in 0…1');

const Port = (kind: string) => z.strictObject({ count: count, gbps: sourcedIn('Gbps') }).describe(kind);
/** Scale-out ports may sit in multi-port cages (one module per cage). */
const ScaleOutPort = z.strictObject({ count: count, gbps: sourcedIn('Gbps'), portsPerCage: z.int().min(1).max(8).optional() }).describe('scale-out');
const PowerProfile = z.strictObject({ id: Id, name: z.string().min(2), capW: sourcedIn('W') });

export const ComponentClass = z.strictObject({
  id: Id,
  name: z.string().min(2),
  kind: z.enum(['compute', 'scale-up-switch', 'network', 'management', 'host', 'storage', 'power', 'cooling', 'other']),
  scope: z.enum(['unit', 'system']),
  count: z.int().min(1),
  maxPowerW: maybeSourcedIn('W'),
  typicalPowerW: maybeSourcedIn('W'),
  liquidFraction: fraction,
  heightU: sourcedIn('U'),
  weightKg: maybeSourcedIn('kg'),
  accelerators: count,
  cpus: count,
  ports: z.strictObject({
    scaleOut: ScaleOutPort.optional(),
    frontEnd: Port('front-end').optional(),
    storage: Port('storage').optional(),
    management: z.strictObject({ count }).optional(),
  }),
  liquidQdPairs: count,
  note: z.string().optional(),
});

export const Generation = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: Id,
  aliases: z.array(Id),
  name: z.string().min(3),
  vendor: z.enum(['nvidia', 'aws', 'amd']),
  family: z.enum(['gpu', 'trainium', 'inferentia']),
  form: z.enum(['rack-scale', 'server-rack', 'multi-rack']),
  racks: z.int().min(1).max(16),
  systemsPerRack: z
    .strictObject({ default: z.int().min(1), min: z.int().min(1), max: z.int().min(1), systemName: z.string(), ...Attribution })
    .refine((s) => s.min <= s.default && s.default <= s.max, 'min ≤ default ≤ max')
    .nullable(),
  availability: z.strictObject({ date: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn'), ...Attribution }),
  accelerator: z.strictObject({
    model: z.string(),
    tdpW: maybeSourcedIn('W'),
    hbmTb: maybeSourcedIn('TB'),
    hbmTbPerS: maybeSourcedIn('TB/s'),
    fp4DensePflops: maybeSourcedIn('PFLOPS'),
    fp8DensePflops: maybeSourcedIn('PFLOPS'),
    bf16DensePflops: maybeSourcedIn('PFLOPS'),
    formatNames: z.strictObject({ fp4: z.string().nullable(), fp8: z.string().nullable(), bf16: z.string().nullable() }),
    scaleUpGbpsPerDirection: maybeSourcedIn('Gbps'),
    fp4SparsePflops: maybeSourcedIn('PFLOPS').optional(),
    fp8SparsePflops: maybeSourcedIn('PFLOPS').optional(),
    bf16SparsePflops: maybeSourcedIn('PFLOPS').optional(),
    fp32Pflops: maybeSourcedIn('PFLOPS').optional(),
    fp64Pflops: maybeSourcedIn('PFLOPS').optional(),
    idleW: maybeSourcedIn('W').optional(),
  }),
  cpu: z.strictObject({ model: z.string(), tdpW: maybeSourcedIn('W') }),
  instance: z
    .strictObject({
      type: z.string().min(2).nullable(),
      count: z.int().min(1).max(64),
      vcpu: sourcedIn('vCPU'),
      memoryGiB: sourcedIn('GiB'),
      networkGbps: maybeSourcedIn('Gbps'),
      note: z.string().optional(),
    })
    .optional(),
  components: z.array(ComponentClass).min(1),
  scaleUp: z.strictObject({
    topology: z.enum(['nvlink-switch', 'baseboard-nvswitch', 'torus', 'ring', 'neuronswitch']),
    domainAccelerators: z.int().min(1),
    racksSpanned: z.int().min(1),
    linksPerAccelerator: sourcedIn('links'),
    cablesPerLink: sourcedIn('cables'),
    medium: z.enum(['cable', 'pcb', 'midplane']),
    note: z.string().optional(),
  }),
  power: z.strictObject({
    architecture: z.enum(['shelf', 'server-psu']),
    psuId: Id,
    count: sourcedIn('count'),
    redundancy: z.strictObject({ default: Redundancy, ...Attribution }),
    busVoltageV: maybeSourcedIn('V'),
    busbarRatingA: maybeSourcedIn('A').optional(),
    profiles: z.array(PowerProfile).refine((p) => new Set(p.map((x) => x.id)).size === p.length, 'profile ids unique').optional(),
    defaultProfile: z.strictObject({ id: Id, ...Attribution }).nullable().optional(),
    shelvesLiquidCooled: z.boolean(),
    transientFactor: sourcedIn('ratio'),
    bbu: z.strictObject({ count: z.int().min(1), powerW: sourcedIn('W'), holdupS: sourcedIn('s') }).nullable(),
    defaultFeed: z.strictObject({ mode: z.enum(['ab', 'single']).optional(), volts: z.number().positive(), amps: z.number().positive(), system: ElectricalSystem, ...Attribution }),
  }).refine((p) => !p.defaultProfile || (p.profiles ?? []).some((x) => x.id === p.defaultProfile!.id), 'defaultProfile names one of profiles'),
  powerArchitecture: PowerArchitecture.optional(),
  cooling: z.strictObject({
    method: z.enum(['air', 'liquid', 'hybrid']),
    coolantSupplyC: maybeSourcedIn('degC'),
    maxCoolantSupplyC: maybeSourcedIn('degC'),
    rackPressureDropKpa: maybeSourcedIn('kPa'),
    publishedAirflowCfm: maybeSourcedIn('CFM'),
    publishedCoolantLpm: maybeSourcedIn('L/min'),
  }),
  rack: z.strictObject({
    formFactor: z.string(),
    heightU: sourcedIn('U'),
    widthM: sourcedIn('m'),
    depthM: sourcedIn('m'),
    maxLoadKg: maybeSourcedIn('kg'),
    unitWeightKg: maybeSourcedIn('kg'),
    frameWeightKg: sourcedIn('kg'),
  }),
  summary: z.string().min(10),
});

export const PsuModel = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.enum(['shelf', 'psu']),
  psusPerShelf: z.int().min(1),
  psuRatingW: sourcedIn('W'),
  psuPeakRatingW: maybeSourcedIn('W'),
  efficiency: z.strictObject({
    points: z
      .array(z.strictObject({ loadFraction: z.number().gt(0).max(1), efficiency: z.number().gt(0.5).max(1) }))
      .min(2)
      .refine((p) => p.every((x, i) => i === 0 || x.loadFraction > p[i - 1]!.loadFraction), 'load fractions strictly increasing'),
    ...Attribution,
  }),
  powerFactor: sourcedIn('ratio'),
  input: z.strictObject({ system: ElectricalSystem, minVolts: z.number().positive(), maxVolts: z.number().positive(), connection: z.enum(['line-neutral', 'line-line', 'dc']) }),
  cords: z.strictObject({ count: z.int().min(1).max(8), ratedAmps: z.number().positive(), connector: z.string().min(2), ...Attribution }).optional(),
  outputVolts: maybeSourcedIn('V'),
  heightU: z.number().min(0),
}).refine((p) => !p.cords || p.psusPerShelf % p.cords.count === 0, 'psusPerShelf splits evenly over the cords');

export const CduModel = z.strictObject({
  id: Id,
  name: z.string(),
  placement: z.enum(['in-rack', 'in-row', 'facility']),
  capacityW: sourcedIn('W'),
  approachK: sourcedIn('K'),
  powerW: maybeSourcedIn('W'),
  maxFlowLpm: maybeSourcedIn('L/min'),
});

export const CoolantModel = z.strictObject({
  id: z.enum(['water', 'pg25']),
  name: z.string(),
  table: z
    .array(z.strictObject({ tempC: z.number(), cpJPerKgK: z.number().positive(), densityKgM3: z.number().positive() }))
    .min(2)
    .refine((t) => t.every((x, i) => i === 0 || x.tempC > t[i - 1]!.tempC), 'temperatures strictly increasing'),
  freezePointC: maybeSourcedIn('degC'),
  ...Attribution,
});

export const PsuCatalogFile = z.strictObject({ $schema: z.string().optional(), schemaVersion: z.literal(1), psus: z.array(PsuModel) });
export const CduCatalogFile = z.strictObject({ $schema: z.string().optional(), schemaVersion: z.literal(1), cdus: z.array(CduModel) });
export const CoolantCatalogFile = z.strictObject({ $schema: z.string().optional(), schemaVersion: z.literal(1), coolants: z.array(CoolantModel) });

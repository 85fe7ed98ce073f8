/**
 * The generation editor's draft: a user's own generation made from a catalog one ("Duplicate and edit"), edited
 * one field at a time, and written out as a `--generation-file`. Pure functions on the preset schema's shape: an
 * edited value becomes a point with confidence `user` and no sources (the schema's rule for user values); values
 * left alone keep their catalog provenance. The draft is checked by the store (the plan schema and the core's
 * catalog rules) when it is saved, never by a second set of rules here.
 * @module
 */
import type { ComponentClass, ComponentKind, Generation, PsuModel } from '../core/catalog/types';
import type { MaybeSourced, Sourced } from '../core/provenance';
import type { DisplayKind } from './format';

/** A number the user entered: their figure, no sources. */
export function userValue(value: number, unit: string): Sourced {
  return { value, unit, confidence: 'user', sources: [] };
}

/** What the editor shows for a catalog value: the point, or a range's typical (editing it sets one point). */
export function shownValue(q: MaybeSourced): number | undefined {
  if ('min' in q) return q.typical;
  return q.value ?? undefined;
}

/** A generation as a file or a plan holds it: the schema's fields (`userDefined` is added when it joins a catalog). */
export function storedGeneration(g: Generation): Generation {
  if (!g.userDefined) return g;
  const { userDefined: _mark, ...rest } = g;
  return rest;
}

/** `base-custom`, `base-custom-2`, … : the first not in `taken` (ids are kebab-case, as the schema requires). */
export function suggestGenerationId(base: string, taken: ReadonlySet<string>): string {
  const stem = `${base.replace(/-custom(-\d+)?$/, '')}-custom`;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Every id and alias a catalog uses (ids a new generation may not take). */
export function takenGenerationIds(generations: readonly Generation[]): Set<string> {
  return new Set(generations.flatMap((g) => [g.id, ...g.aliases]));
}

/** A copy of a generation to edit: a new unique id, no aliases, "(my copy)" in its name; every value as the catalog has it. */
export function duplicateGeneration(source: Generation, taken: ReadonlySet<string>): Generation {
  const { $schema: _s, ...g } = storedGeneration(source) as Generation & { $schema?: string };
  // The catalog's summary describes the original's figures; the copy says what it started from instead.
  const summary = `Your own generation, started from ${source.name} (${source.id}); values marked "user" are yours, the rest are the catalog's.`;
  return { ...g, id: suggestGenerationId(source.id, taken), aliases: [], name: `${source.name.replace(/ \(my copy\)$/, '')} (my copy)`, summary };
}

/** Accelerators in one deployable unit at the generation's default density (as the picker counts them). */
export function acceleratorsPerUnit(g: Generation): number {
  const systems = g.systemsPerRack ? g.systemsPerRack.default * g.racks : 1;
  return g.components.reduce((s, c) => s + c.accelerators * c.count * (c.scope === 'system' ? systems : 1), 0);
}

function shift(q: MaybeSourced, delta: number): MaybeSourced {
  if ('min' in q) return { ...q, min: q.min + delta, typical: q.typical + delta, max: q.max + delta, confidence: 'user', sources: [] };
  return q.value === null ? q : userValue(q.value + delta, q.unit);
}

/**
 * Set the accelerator's power. The engine sums the component classes' power, so every class that holds
 * accelerators changes by (its accelerators × the change): a unit's IT power moves by accelerators × ΔW, as a
 * hand count would (a compute tray of 4 GPUs at +100 W each draws 400 W more). Typical power, where published,
 * moves the same way.
 */
export function setAcceleratorPower(g: Generation, watts: number): Generation {
  const old = shownValue(g.accelerator.tdpW);
  const delta = old === undefined ? 0 : watts - old;
  const components = g.components.map((c) => (c.accelerators > 0 && delta !== 0 ? { ...c, maxPowerW: shift(c.maxPowerW, c.accelerators * delta), typicalPowerW: shift(c.typicalPowerW, c.accelerators * delta) } : c));
  return { ...g, accelerator: { ...g.accelerator, tdpW: userValue(watts, 'W') }, components };
}

/** What the editor's quantity input needs of any of its number fields. */
export interface NumberFieldSpec {
  readonly label: string;
  readonly kind: DisplayKind;
  /** Shown after the label when the display kind carries no unit (PFLOPS, TB, Gb/s). */
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** A number field of a record the editor changes (a generation, a PSU), read and written through `get`/`set`. */
interface RecordField<T> extends NumberFieldSpec {
  readonly key: string;
  /** A value the record may lack (FP4 on Hopper): empty means "not supported / not published". */
  readonly nullable?: boolean;
  readonly get: (record: T) => number | undefined;
  readonly set: (record: T, v: number | undefined) => T;
}

/** A number field of the generation (not of one component class). */
export type GenerationField = RecordField<Generation>;

type AcceleratorFigure = 'hbmTb' | 'hbmTbPerS' | 'fp4DensePflops' | 'fp8DensePflops' | 'bf16DensePflops' | 'fp4SparsePflops' | 'fp8SparsePflops' | 'bf16SparsePflops' | 'fp32Pflops' | 'fp64Pflops' | 'scaleUpGbpsPerDirection';

const acc = (key: AcceleratorFigure, unit: string) => ({
  get: (g: Generation) => {
    const q = g.accelerator[key];
    return q && shownValue(q);
  },
  set: (g: Generation, v: number | undefined): Generation => ({ ...g, accelerator: { ...g.accelerator, [key]: v === undefined ? { value: null, unit, reason: 'not given (user)' } : userValue(v, unit) } }),
});

/** The generation's number fields in the editor's order: accelerator, scale-up domain, rack. */
export const GENERATION_FIELDS: readonly GenerationField[] = [
  { key: 'acceleratorW', label: 'Accelerator power', kind: 'power', min: 1, max: 10_000, get: (g) => shownValue(g.accelerator.tdpW), set: (g, v) => (v === undefined ? g : setAcceleratorPower(g, v)) },
  { key: 'hbmTb', label: 'HBM per accelerator', kind: 'ratio', unit: 'TB', min: 0, max: 10, nullable: true, ...acc('hbmTb', 'TB') },
  { key: 'hbmTbPerS', label: 'HBM bandwidth', kind: 'ratio', unit: 'TB/s', min: 0, max: 100, nullable: true, ...acc('hbmTbPerS', 'TB/s') },
  { key: 'fp4', label: 'FP4 dense', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 1000, nullable: true, ...acc('fp4DensePflops', 'PFLOPS') },
  { key: 'fp8', label: 'FP8 dense', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 1000, nullable: true, ...acc('fp8DensePflops', 'PFLOPS') },
  { key: 'bf16', label: 'BF16 dense', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 1000, nullable: true, ...acc('bf16DensePflops', 'PFLOPS') },
  { key: 'fp4Sparse', label: 'FP4 sparse', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 2000, nullable: true, ...acc('fp4SparsePflops', 'PFLOPS') },
  { key: 'fp8Sparse', label: 'FP8 sparse', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 2000, nullable: true, ...acc('fp8SparsePflops', 'PFLOPS') },
  { key: 'bf16Sparse', label: 'BF16 sparse', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 2000, nullable: true, ...acc('bf16SparsePflops', 'PFLOPS') },
  { key: 'fp32', label: 'FP32', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 1000, nullable: true, ...acc('fp32Pflops', 'PFLOPS') },
  { key: 'fp64', label: 'FP64', kind: 'ratio', unit: 'PFLOPS', min: 0, max: 1000, nullable: true, ...acc('fp64Pflops', 'PFLOPS') },
  { key: 'scaleUpGbps', label: 'Scale-up bandwidth per accelerator, each way', kind: 'ratio', unit: 'Gb/s', min: 0, max: 1e6, nullable: true, ...acc('scaleUpGbpsPerDirection', 'Gbps') },
  {
    key: 'domain',
    label: 'Scale-up domain',
    kind: 'count',
    unit: 'accelerators',
    min: 1,
    max: 100_000,
    integer: true,
    get: (g) => g.scaleUp.domainAccelerators,
    set: (g, v) => (v === undefined ? g : { ...g, scaleUp: { ...g.scaleUp, domainAccelerators: v } }),
  },
  {
    key: 'racks',
    label: 'Racks per unit',
    kind: 'count',
    min: 1,
    max: 16,
    integer: true,
    get: (g) => g.racks,
    // A unit over several racks spans them with its scale-up domain too (the schema's racksSpanned).
    set: (g, v) => (v === undefined ? g : { ...g, racks: v, scaleUp: { ...g.scaleUp, racksSpanned: Math.min(g.scaleUp.racksSpanned, v) } }),
  },
  {
    key: 'racksSpanned',
    label: 'Racks one scale-up domain spans',
    kind: 'count',
    min: 1,
    max: 16,
    integer: true,
    get: (g) => g.scaleUp.racksSpanned,
    set: (g, v) => (v === undefined ? g : { ...g, scaleUp: { ...g.scaleUp, racksSpanned: v } }),
  },
  { key: 'rackU', label: 'Rack height', kind: 'rackUnits', min: 1, max: 60, integer: true, get: (g) => shownValue(g.rack.heightU), set: (g, v) => (v === undefined ? g : { ...g, rack: { ...g.rack, heightU: userValue(v, 'U') } }) },
  {
    key: 'unitWeightKg',
    label: 'Populated weight per rack',
    kind: 'mass',
    min: 1,
    max: 10_000,
    nullable: true,
    get: (g) => shownValue(g.rack.unitWeightKg),
    set: (g, v) => ({ ...g, rack: { ...g.rack, unitWeightKg: v === undefined ? { value: null, unit: 'kg', reason: 'not given (user): summed from the items' } : userValue(v, 'kg') } }),
  },
  {
    key: 'psuCount',
    label: 'Power shelves or PSUs',
    kind: 'count',
    min: 1,
    max: 1000,
    integer: true,
    get: (g) => shownValue(g.power.count),
    set: (g, v) => (v === undefined ? g : { ...g, power: { ...g.power, count: userValue(v, 'count') } }),
  },
];

/** A number field of one component class. */
export interface ComponentField extends NumberFieldSpec {
  readonly key: 'count' | 'maxPowerW' | 'liquidFraction' | 'heightU' | 'weightKg' | 'accelerators' | 'cpus' | 'nics' | 'nicGbps' | 'portsPerCage';
}

export const COMPONENT_FIELDS: readonly ComponentField[] = [
  { key: 'count', label: 'Count', kind: 'count', min: 1, max: 10_000, integer: true },
  { key: 'maxPowerW', label: 'Max power each', kind: 'power', min: 0, max: 1e6 },
  { key: 'accelerators', label: 'Accelerators each', kind: 'count', min: 0, max: 1000, integer: true },
  { key: 'cpus', label: 'CPUs each', kind: 'count', min: 0, max: 1000, integer: true },
  { key: 'nics', label: 'Scale-out NIC ports each', kind: 'count', min: 0, max: 1000, integer: true },
  { key: 'nicGbps', label: 'NIC port speed', kind: 'ratio', unit: 'Gb/s', min: 1, max: 3200 },
  { key: 'portsPerCage', label: 'Ports per NIC cage', kind: 'count', min: 1, max: 8, integer: true },
  { key: 'liquidFraction', label: 'Liquid-cooled share', kind: 'percent', min: 0, max: 1 },
  { key: 'heightU', label: 'Height each', kind: 'rackUnits', min: 0, max: 60 },
  { key: 'weightKg', label: 'Weight each', kind: 'mass', min: 0, max: 10_000 },
];

export function componentValue(c: ComponentClass, key: ComponentField['key']): number | undefined {
  switch (key) {
    case 'count':
    case 'accelerators':
    case 'cpus':
      return c[key];
    case 'maxPowerW':
    case 'liquidFraction':
    case 'heightU':
    case 'weightKg':
      return shownValue(c[key]);
    case 'nics':
      return c.ports.scaleOut?.count ?? 0;
    case 'nicGbps':
      return c.ports.scaleOut ? shownValue(c.ports.scaleOut.gbps) : undefined;
    case 'portsPerCage':
      return c.ports.scaleOut ? (c.ports.scaleOut.portsPerCage ?? 1) : undefined;
  }
}

/** Set one field of the component class at `index` (undefined: a nullable value becomes "not published"). */
export function setComponentValue(g: Generation, index: number, key: ComponentField['key'], v: number | undefined): Generation {
  const c = g.components[index];
  if (!c) return g;
  let next: ComponentClass = c;
  switch (key) {
    case 'count':
    case 'accelerators':
    case 'cpus':
      if (v === undefined) return g;
      next = { ...c, [key]: v };
      break;
    case 'maxPowerW':
      next = { ...c, maxPowerW: v === undefined ? { value: null, unit: 'W', reason: 'not given (user)' } : userValue(v, 'W') };
      break;
    case 'weightKg':
      next = { ...c, weightKg: v === undefined ? { value: null, unit: 'kg', reason: 'not given (user)' } : userValue(v, 'kg') };
      break;
    case 'liquidFraction':
      next = { ...c, liquidFraction: userValue(v ?? 0, 'fraction') };
      break;
    case 'heightU':
      next = { ...c, heightU: userValue(v ?? 0, 'U') };
      break;
    case 'nics': {
      const { scaleOut, ...ports } = c.ports;
      next = { ...c, ports: !v ? ports : { ...ports, scaleOut: { ...(scaleOut ?? { gbps: userValue(400, 'Gbps') }), count: v } } };
      break;
    }
    case 'nicGbps':
      if (!c.ports.scaleOut || v === undefined) return g;
      next = { ...c, ports: { ...c.ports, scaleOut: { ...c.ports.scaleOut, gbps: userValue(v, 'Gbps') } } };
      break;
    case 'portsPerCage': {
      if (!c.ports.scaleOut) return g;
      const { portsPerCage: _p, ...scaleOut } = c.ports.scaleOut;
      next = { ...c, ports: { ...c.ports, scaleOut: v === undefined || v === 1 ? scaleOut : { ...scaleOut, portsPerCage: v } } };
      break;
    }
  }
  return { ...g, components: g.components.map((x, i) => (i === index ? next : x)) };
}

/** Kinds the editor offers for an added class (DPUs and NICs are `network`, fans `cooling`). */
export const ADDABLE_KINDS: readonly { readonly kind: ComponentKind; readonly label: string }[] = [
  { kind: 'host', label: 'CPUs and memory (host)' },
  { kind: 'network', label: 'NICs, DPUs or switches' },
  { kind: 'storage', label: 'Storage' },
  { kind: 'cooling', label: 'Fans or cooling' },
  { kind: 'other', label: 'Other' },
];

/** Add a component class (one per unit, 0 U, air-cooled, no ports) for the user to fill in. */
export function addComponent(g: Generation, kind: ComponentKind, name: string): Generation {
  const taken = new Set(g.components.map((c) => c.id));
  const stem = kind;
  let id: string = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  const c: ComponentClass = {
    id,
    name,
    kind,
    scope: g.systemsPerRack ? 'system' : 'unit',
    count: 1,
    maxPowerW: userValue(0, 'W'),
    typicalPowerW: { value: null, unit: 'W', reason: 'not given (user)' },
    liquidFraction: userValue(0, 'fraction'),
    heightU: userValue(0, 'U'),
    weightKg: { value: null, unit: 'kg', reason: 'not given (user)' },
    accelerators: 0,
    cpus: 0,
    ports: {},
    liquidQdPairs: 0,
  };
  return { ...g, components: [...g.components, c] };
}

export function removeComponent(g: Generation, index: number): Generation {
  return { ...g, components: g.components.filter((_, i) => i !== index) };
}

/** Systems per rack of a server-rack generation: default, min and max together (min ≤ default ≤ max). */
export function setSystemsPerRack(g: Generation, key: 'default' | 'min' | 'max', v: number): Generation {
  if (!g.systemsPerRack) return g;
  return { ...g, systemsPerRack: { ...g.systemsPerRack, [key]: v, confidence: 'user', sources: [] } };
}

/**
 * The generation as a `rackplan rack --generation-file` file: the generation alone, or with the user PSUs it
 * uses (`{ schemaVersion: 1, generations, psus }`) when it names one of them. Plain JSON text, two-space indent.
 */
export function generationFileText(g: Generation, userPsus: readonly PsuModel[] = []): string {
  const stored = storedGeneration(g);
  const psus = userPsus.filter((p) => p.id === stored.power.psuId);
  const data = psus.length ? { schemaVersion: 1, generations: [stored], psus } : stored;
  return `${JSON.stringify(data, null, 2)}\n`;
}

// --- A PSU or power shelf of the user's own (a copy of a catalog one to edit), kept in the plan's `psus`. ---

/** A copy of a PSU to edit: a new unique id and "(my copy)" in its name; every value as the catalog has it. */
export function duplicatePsu(source: PsuModel, taken: ReadonlySet<string>): PsuModel {
  return { ...source, id: suggestGenerationId(source.id, taken), name: `${source.name.replace(/ \(my copy\)$/, '')} (my copy)` };
}

/** A number field of a PSU or shelf. */
export type PsuField = RecordField<PsuModel>;

const efficiencyAt = (loadFraction: number): PsuField => ({
  key: `eff${Math.round(loadFraction * 100)}`,
  label: `Efficiency at ${Math.round(loadFraction * 100)} % load`,
  kind: 'percent',
  // The schema's range: a PSU below 50 % efficiency is not a PSU the engine sizes.
  min: 0.51,
  max: 1,
  get: (p) => p.efficiency.points.find((x) => x.loadFraction === loadFraction)?.efficiency,
  set: (p, v) => {
    if (v === undefined) return p;
    const points = [...p.efficiency.points.filter((x) => x.loadFraction !== loadFraction), { loadFraction, efficiency: v }].sort((a, b) => a.loadFraction - b.loadFraction);
    return { ...p, efficiency: { points, confidence: 'user', sources: [] } };
  },
});

/** The PSU's number fields in the editor's order. */
export const PSU_FIELDS: readonly PsuField[] = [
  { key: 'psuRatingW', label: 'Rating per PSU', kind: 'power', min: 1, max: 1e6, get: (p) => shownValue(p.psuRatingW), set: (p, v) => (v === undefined ? p : { ...p, psuRatingW: userValue(v, 'W') }) },
  {
    key: 'psuPeakRatingW',
    label: 'Peak rating per PSU',
    kind: 'power',
    min: 1,
    max: 1e6,
    nullable: true,
    get: (p) => shownValue(p.psuPeakRatingW),
    set: (p, v) => ({ ...p, psuPeakRatingW: v === undefined ? { value: null, unit: 'W', reason: 'not given (user)' } : userValue(v, 'W') }),
  },
  { key: 'psusPerShelf', label: 'PSUs per shelf', kind: 'count', min: 1, max: 64, integer: true, get: (p) => p.psusPerShelf, set: (p, v) => (v === undefined ? p : { ...p, psusPerShelf: v }) },
  ...[0.1, 0.2, 0.5, 1].map(efficiencyAt),
  { key: 'powerFactor', label: 'Power factor', kind: 'ratio', min: 0.5, max: 1, get: (p) => shownValue(p.powerFactor), set: (p, v) => (v === undefined ? p : { ...p, powerFactor: userValue(v, 'ratio') }) },
];

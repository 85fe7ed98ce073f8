/**
 * The design document: one schema for everything a user can set (rack design, compare design, fabric design,
 * plan and optimizer settings, preferences) and for the session snapshot that carries it (a file, a share link,
 * autosave). The store's edit check and the snapshot reader both run these schemas, so an edit the store takes
 * always restores, and both give the same message for the same field. Ranges and defaults come from
 * src/schema/limits.ts and src/schema/unit-options.ts.
 *
 * Ids that only the catalog can confirm (generations, CDUs, sites, switches) are checked by
 * {@link designIdProblems}, a separate pass that takes the known ids (the schema stays catalog-free).
 * @module
 */
import * as z from 'zod';
import { describeValue, formatPath, problemsFromZod, type InputProblem } from './errors';
import { acceptsText, COMPARE_TARGET_LIMITS, FABRIC_DESIGN_CHOICES, FABRIC_DESIGN_LIMITS, FABRIC_ENDPOINT_LIMITS, SITE_LIMIT_LIMITS, type NumericLimit } from './limits';
import { limitedNumber } from './limited-number';
import { PlanSchema } from './plan';
import { UNIT_OPTION_LIMITS, UnitOptionsSchema } from './unit-options';
import { DEFAULT_FABRIC_DESIGN, DEFAULT_PREFS, DESIGN_PARTS } from './design-defaults';

export { DEFAULT_FABRIC_DESIGN, DEFAULT_PREFS, DESIGN_PARTS };

export * from './limits';

const F = FABRIC_DESIGN_LIMITS;
const S = SITE_LIMIT_LIMITS;
const bounded = (limit: NumericLimit) => limitedNumber(limit).optional();
const oneOf = <const T extends readonly (string | number)[]>(values: T) => z.literal(values as unknown as T[number][], { error: `one of ${values.join(', ')}` });

export const SiteLimitsSchema = z.strictObject({
  airHeatLimitW: bounded(S.airHeatLimitW),
  liquidHeatLimitW: bounded(S.liquidHeatLimitW),
});

export const RackDesignSchema = z.strictObject({
  generationId: z.string({ error: 'a generation id from `rackplan presets`' }).min(1, 'a generation id from `rackplan presets`'),
  options: UnitOptionsSchema.default({}),
  limits: SiteLimitsSchema.default({}),
  siteId: z.string({ error: 'a site id' }).optional(),
});

type CompareTarget = z.ZodObject<{ kind: z.ZodLiteral<keyof typeof COMPARE_TARGET_LIMITS>; value: z.ZodType<number> }, z.core.$strict>;

export const CompareDesignSchema = z.strictObject({
  generationIds: z.array(z.string({ error: 'a generation id from `rackplan presets`' }), { error: 'a list of generation ids' }).max(200, 'at most 200 generations'),
  target: z.discriminatedUnion(
    'kind',
    (Object.keys(COMPARE_TARGET_LIMITS) as (keyof typeof COMPARE_TARGET_LIMITS)[]).map((kind) => z.strictObject({ kind: z.literal(kind), value: limitedNumber(COMPARE_TARGET_LIMITS[kind]) })) as unknown as [CompareTarget, ...CompareTarget[]],
    { error: `{kind: ${Object.keys(COMPARE_TARGET_LIMITS).join(' | ')}, value}` },
  ),
  siteId: z.string({ error: 'a site id' }).optional(),
  /** Systems per rack by generation id, for server-rack generations (Inf2 servers are not one per rack). */
  systemsPerRack: z.record(z.string(), limitedNumber(UNIT_OPTION_LIMITS.systemsPerRack)).optional(),
});

const E = FABRIC_ENDPOINT_LIMITS;

/** Named groups of appliance ports on the compute fabric; the names become schedule device names (`ufm1`…). */
export const EndpointGroupsSchema = z
  .array(
    z.strictObject({
      name: z
        .string({ error: E.nameAccepts })
        .regex(/^(?:[a-z]|[a-z][a-z0-9-]{0,22}[a-z])$/, E.nameAccepts)
        // node1… and cdu1… are the schedule's own device names.
        .refine((n) => n !== 'node' && n !== 'cdu', E.nameAccepts),
      ports: limitedNumber(E.ports),
    }),
    { error: 'a list of {name, ports}' },
  )
  .max(E.groups, `at most ${E.groups} groups`)
  .superRefine((groups, ctx) => {
    const seen = new Set<string>();
    groups.forEach((g, i) => {
      if (seen.has(g.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'a name not used by another group' });
      seen.add(g.name);
    });
  });

/**
 * The cluster's size is stored as exactly one number whose key says what it counts: `accelerators` (rounded up
 * to whole units when the fabric is sized) or `units` (sessions saved before accelerators existed have `units`).
 */
const FabricDesignFields = z.strictObject({
  units: bounded(F.units),
  accelerators: bounded(F.accelerators),
  switchId: z.string({ error: 'a switch id from `rackplan presets`' }).optional(),
  portGbps: bounded(F.portGbps),
  extraEndpoints: EndpointGroupsSchema.optional(),
  topology: oneOf(FABRIC_DESIGN_CHOICES.topology).optional(),
  oversubscription: bounded(F.oversubscription),
  spineOversubscription: bounded(F.spineOversubscription),
  planes: bounded(F.planes),
  tiers: oneOf(FABRIC_DESIGN_CHOICES.tiers).optional(),
  spineDesign: oneOf(FABRIC_DESIGN_CHOICES.spineDesign).optional(),
  racksPerRow: bounded(F.racksPerRow),
  rowSpacingM: bounded(F.rowSpacingM),
  trayHeightM: bounded(F.trayHeightM),
  slackPct: bounded(F.slackPct),
  leafPlacement: oneOf(FABRIC_DESIGN_CHOICES.leafPlacement).optional(),
  spinePlacement: oneOf(FABRIC_DESIGN_CHOICES.spinePlacement).optional(),
});

export const FabricDesignSchema = FabricDesignFields.superRefine((d, ctx) => {
  if (d.units === undefined && d.accelerators === undefined) {
    ctx.addIssue({ code: 'custom', path: ['accelerators'], message: `the cluster's size: accelerators (${acceptsText(F.accelerators)}) or units (${acceptsText(F.units)})` });
  } else if (d.units !== undefined && d.accelerators !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['accelerators'], message: 'accelerators or units, not both: the cluster is sized by one of them' });
  }
});


export const OptimizerSettingsSchema = z.strictObject({
  generations: z.array(z.string({ error: 'a generation id from `rackplan presets`' }), { error: 'a list of generation ids' }).max(200, 'at most 200 generations'),
  objective: z.enum(['npv', 'time'], { error: 'one of npv, time' }).default('npv'),
});

export const PlanDesignSchema = z.strictObject({ plan: PlanSchema, optimizer: OptimizerSettingsSchema });

/** The design document as the store holds it: every part present. */
export const DesignStateSchema = z.strictObject({
  rack: RackDesignSchema,
  compare: CompareDesignSchema,
  fabric: FabricDesignSchema,
  plan: PlanDesignSchema,
});


/** Display preferences; a value this build does not know falls back to the default (a preference is never worth refusing a session for). */
export const PrefsSchema = z
  .object({
    units: z.enum(['si', 'us']).catch(DEFAULT_PREFS.units),
    theme: z.enum(['system', 'light', 'dark']).catch(DEFAULT_PREFS.theme),
  })
  .catch({ ...DEFAULT_PREFS });

/**
 * A session snapshot read from outside. Parts a document may lack take defaults: the fabric here, the plan in
 * the reader (its starter plan depends on the catalog). Unknown top-level keys (an export's reports) are ignored.
 */
export const SnapshotSchema = z.object({
  app: z.literal('rackplan', { error: '"rackplan" (a rackplan session snapshot)' }),
  schemaVersion: z.literal(1, { error: '1 (the only session schema version)' }),
  catalogVersion: z.string().optional(),
  design: z.strictObject(
    {
      rack: RackDesignSchema,
      compare: CompareDesignSchema,
      fabric: FabricDesignSchema.default({ ...DEFAULT_FABRIC_DESIGN }),
      plan: PlanDesignSchema.optional(),
    },
    { error: 'an object with rack and compare' },
  ),
  prefs: PrefsSchema,
});

export type DesignDocument = z.output<typeof DesignStateSchema>;
export type SnapshotDocument = z.output<typeof SnapshotSchema>;

/** The parts of the design document; the store checks only the parts an edit changed. */
export type DesignPart = keyof DesignDocument;

const PlanDesignWithoutSitesSchema = PlanDesignSchema.extend({ plan: PlanSchema.omit({ sites: true }) });

const PART_SCHEMAS: Record<DesignPart, z.ZodType> = {
  rack: RackDesignSchema,
  compare: CompareDesignSchema,
  fabric: FabricDesignSchema,
  plan: PlanDesignSchema,
};

/** Ids the catalog knows. A list left out is not checked (e.g. sites not loaded in a test). */
export interface KnownIds {
  readonly generations: readonly string[];
  readonly cdus: readonly string[];
  /** Site presets; sites a plan defines itself are added from the plan. */
  readonly sites?: readonly string[];
  readonly switches?: readonly string[];
}

const GENERATION = 'a generation id from `rackplan presets`';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/**
 * Catalog-id checks: every generation, CDU, site and switch id in the design must be one the catalog knows (a
 * site may also be one the plan defines). Reads any input: a value that is not a string is the schema's to
 * report, so it is skipped here. `parts` limits the check to the parts given.
 */
export function designIdProblems(design: unknown, ids: KnownIds, options: { prefix?: readonly PropertyKey[]; parts?: readonly DesignPart[] } = {}): InputProblem[] {
  const prefix = options.prefix ?? [];
  const parts = new Set(options.parts ?? DESIGN_PARTS);
  const doc = record(design);
  const problems: InputProblem[] = [];
  const plan = record(record(doc.plan).plan);
  const generations = new Set([...ids.generations, ...userGenerationIds(plan)]);
  const planSites = list(plan.sites).flatMap((s) => (typeof record(s).id === 'string' ? [record(s).id as string] : []));
  const sites = ids.sites ? [...new Set([...ids.sites, ...planSites])].sort() : undefined;
  const siteSet = new Set(sites);
  const bad = (path: readonly PropertyKey[], message: string, value: unknown) => problems.push({ path: formatPath([...prefix, ...path]), message, got: describeValue(value) });
  const generation = (path: readonly PropertyKey[], id: unknown) => {
    if (typeof id === 'string' && !generations.has(id)) bad(path, GENERATION, id);
  };
  const site = (path: readonly PropertyKey[], id: unknown) => {
    if (typeof id === 'string' && sites && !siteSet.has(id)) bad(path, `one of ${sites.join(', ')}`, id);
  };
  const rack = record(doc.rack);
  const compare = record(doc.compare);
  // A site id on the rack or compare design may name a site the plan defines: checked when the plan changes too.
  const withPlan = (part: DesignPart) => parts.has(part) || parts.has('plan');
  if (parts.has('rack')) {
    generation(['rack', 'generationId'], rack.generationId);
    const cdu = record(rack.options).cduId;
    if (typeof cdu === 'string' && !ids.cdus.includes(cdu)) bad(['rack', 'options', 'cduId'], `a CDU id from \`rackplan presets\` (one of ${ids.cdus.join(', ')})`, cdu);
  }
  if (withPlan('rack')) site(['rack', 'siteId'], rack.siteId);
  if (parts.has('compare')) list(compare.generationIds).forEach((id, i) => generation(['compare', 'generationIds', i], id));
  if (withPlan('compare')) site(['compare', 'siteId'], compare.siteId);
  if (parts.has('fabric')) {
    const sw = record(doc.fabric).switchId;
    if (typeof sw === 'string' && ids.switches && !ids.switches.includes(sw)) bad(['fabric', 'switchId'], `one of ${ids.switches.join(', ')}`, sw);
  }
  if (parts.has('plan')) {
    userGenerationIdProblems(plan, ids).forEach(([i, id]) => bad(['plan', 'plan', 'generations', i, 'id'], `an id no catalog generation uses (${JSON.stringify(id)} is the catalog's)`, id));
    list(plan.deployments).forEach((d, i) => {
      site(['plan', 'plan', 'deployments', i, 'site'], record(d).site);
      generation(['plan', 'plan', 'deployments', i, 'generation'], record(d).generation);
    });
    list(plan.orders).forEach((o, i) => generation(['plan', 'plan', 'orders', i, 'generation'], record(o).generation));
    for (const id of Object.keys(record(record(plan.prices).tariffUsdPerKwh))) site(['plan', 'plan', 'prices', 'tariffUsdPerKwh', id], id);
    list(record(record(doc.plan).optimizer).generations).forEach((id, i) => generation(['plan', 'optimizer', 'generations', i], id));
  }
  return problems;
}

// --- The user's own generations (the plan's embedded `generations`, src/schema/plan.ts) ---
// They may be named wherever a catalog generation may; their ids must not be a catalog generation's. The rest of
// the catalog rules (PSUs, systemsPerRack, aliases) are the core's (src/core/catalog/extend.ts), run by the store.

/** Ids of the generations a plan embeds (values that are not strings are the schema's to report). */
function userGenerationIds(plan: Record<string, unknown>): string[] {
  return list(plan.generations).flatMap((g) => (typeof record(g).id === 'string' ? [record(g).id as string] : []));
}

/** Embedded generations whose id is a catalog generation's: [index, id]. */
function userGenerationIdProblems(plan: Record<string, unknown>, ids: KnownIds): [number, string][] {
  const catalog = new Set(ids.generations);
  return list(plan.generations).flatMap((g, i): [number, string][] => {
    const id = record(g).id;
    return typeof id === 'string' && catalog.has(id) ? [[i, id]] : [];
  });
}

/**
 * Check a design document (or the parts of it an edit changed) against the schema, then its catalog ids.
 * Problems carry paths from the document's root (`fabric.rowSpacingM`); the snapshot reader reports the same
 * problems under `design.`. `planSitesChecked`: the plan's sites are the ones already checked (same object).
 */
export function designProblems(design: unknown, ids: KnownIds, options: { parts?: readonly DesignPart[]; planSitesChecked?: boolean } = {}): InputProblem[] {
  const parts = options.parts ?? DESIGN_PARTS;
  if (typeof design !== 'object' || design === null) return [{ path: '(root)', message: 'a design document object', got: describeValue(design) }];
  const doc = design as Record<string, unknown>;
  const problems: InputProblem[] = [];
  for (const part of parts) {
    let input = doc[part];
    let schema = PART_SCHEMAS[part];
    // A plan edit that keeps the plan's own sites need not check them again (most of a plan's validation time).
    if (part === 'plan' && options.planSitesChecked && isRecord(input) && isRecord(input.plan)) {
      const { sites: _checked, ...plan } = input.plan;
      input = { ...input, plan };
      schema = PlanDesignWithoutSitesSchema;
    }
    const r = schema.safeParse(input);
    if (!r.success) problems.push(...problemsFromZod(r.error, input, [part]));
  }
  return [...problems, ...designIdProblems(doc, ids, { parts })];
}

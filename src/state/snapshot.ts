/**
 * Snapshots from outside (a file, a share link, autosave): checked before they reach the store, every problem
 * listed as `<path>: <what is accepted> (got …)`. Loading one is a single undoable edit.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import type { Plan } from '../core/plan/types';
import { formatProblem, problemsFromZod } from '../schema/errors';
import { PlanSchema } from '../schema/plan';
import { UnitOptionsSchema } from '../schema/unit-options';
import { LIMIT_FIELDS } from './fields';
import { starterPlan } from './plan-start';
import type { AppStore, DispatchResult } from './store';
import type { AppSnapshot, CompareDesign, FabricDesign, PlanDesign, Prefs } from './types';

export type SnapshotParse = { readonly ok: true; readonly snapshot: AppSnapshot } | { readonly ok: false; readonly message: string };
export type PlanParse = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check a plan file (the core's plan schema), problems at their paths under `prefix`. */
export function parsePlan(data: unknown, prefix: readonly PropertyKey[] = []): PlanParse {
  const r = PlanSchema.safeParse(data);
  if (r.success) return { ok: true, plan: r.data };
  return { ok: false, message: problemsFromZod(r.error, data, prefix).map(formatProblem).join('\n') };
}

const FABRIC_KEYS: Record<keyof FabricDesign, (v: unknown) => boolean> = {
  units: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100_000,
  switchId: (v) => typeof v === 'string',
  oversubscription: (v) => typeof v === 'number' && v >= 1 && v <= 64,
  planes: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 16,
  tiers: (v) => v === 'auto' || v === 2 || v === 3,
  spineDesign: (v) => v === 'full' || v === 'rail',
  racksPerRow: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000,
  rowSpacingM: (v) => typeof v === 'number' && v >= 0.5 && v <= 100,
  trayHeightM: (v) => typeof v === 'number' && v >= 0.5 && v <= 20,
  slackPct: (v) => typeof v === 'number' && v >= 0 && v <= 200,
  leafPlacement: (v) => v === 'in-rack' || v === 'eor' || v === 'mor' || v === 'network-row',
  spinePlacement: (v) => v === 'eor' || v === 'mor' || v === 'network-row',
};

/**
 * Check a snapshot read from outside. Unknown generation ids are refused; options go through the shared option
 * schema and the plan through the plan schema. A snapshot without fabric or plan parts gets the defaults.
 */
export function parseSnapshot(data: unknown, catalog: Catalog): SnapshotParse {
  const problems: string[] = [];
  const fail = (): SnapshotParse => ({ ok: false, message: problems.join('\n') });
  if (!isObject(data)) return { ok: false, message: '(root): a rackplan JSON snapshot object' };
  if (data.app !== 'rackplan') problems.push(`app: "rackplan" (got ${JSON.stringify(data.app)})`);
  if (data.schemaVersion !== 1) problems.push(`schemaVersion: 1 (got ${JSON.stringify(data.schemaVersion)})`);
  const design = data.design;
  if (!isObject(design) || !isObject(design.rack) || !isObject(design.compare)) {
    problems.push('design: an object with rack and compare');
    return fail();
  }
  const rack = design.rack;
  const gen = typeof rack.generationId === 'string' ? findGeneration(catalog, rack.generationId) : undefined;
  if (!gen) problems.push(`design.rack.generationId: a catalog generation id (got ${JSON.stringify(rack.generationId)})`);
  const opts = UnitOptionsSchema.safeParse(rack.options ?? {});
  if (!opts.success) for (const i of opts.error.issues) problems.push(`design.rack.options.${i.path.join('.')}: ${i.message}`);
  const limits: Record<string, number> = {};
  if (rack.limits !== undefined && !isObject(rack.limits)) problems.push('design.rack.limits: an object');
  for (const [k, v] of Object.entries(isObject(rack.limits) ? rack.limits : {})) {
    const f = (LIMIT_FIELDS as Record<string, { min: number; max: number } | undefined>)[k];
    if (!f) problems.push(`design.rack.limits.${k}: one of ${Object.keys(LIMIT_FIELDS).join(', ')}`);
    else if (typeof v !== 'number' || !(v >= f.min && v <= f.max)) problems.push(`design.rack.limits.${k}: a number from ${f.min} to ${f.max} (got ${JSON.stringify(v)})`);
    else limits[k] = v;
  }
  if (rack.siteId !== undefined && typeof rack.siteId !== 'string') problems.push('design.rack.siteId: a site id');
  const cmp = design.compare;
  const ids = Array.isArray(cmp.generationIds) ? cmp.generationIds : null;
  if (!ids || ids.some((id) => typeof id !== 'string' || !catalog.generations.some((g) => g.id === id))) problems.push('design.compare.generationIds: a list of catalog generation ids');
  const target = isObject(cmp.target) ? cmp.target : null;
  if (!target || !['accelerators', 'itPower', 'fp8Pflops'].includes(String(target.kind)) || typeof target.value !== 'number' || !(target.value > 0)) {
    problems.push('design.compare.target: {kind: accelerators | itPower | fp8Pflops, value > 0}');
  }
  let fabric: FabricDesign = { units: 16 };
  if (design.fabric !== undefined) {
    if (!isObject(design.fabric)) problems.push('design.fabric: an object');
    else {
      for (const [k, v] of Object.entries(design.fabric)) {
        const ok = (FABRIC_KEYS as Record<string, ((v: unknown) => boolean) | undefined>)[k];
        if (!ok) problems.push(`design.fabric.${k}: one of ${Object.keys(FABRIC_KEYS).join(', ')}`);
        else if (!ok(v)) problems.push(`design.fabric.${k}: not an accepted value (got ${JSON.stringify(v)})`);
      }
      fabric = { units: 16, ...(design.fabric as Partial<FabricDesign>) };
    }
  }
  let plan: PlanDesign = starterPlan(catalog);
  if (design.plan !== undefined) {
    const pd = design.plan;
    if (!isObject(pd)) problems.push('design.plan: an object with plan and optimizer');
    else {
      const pr = parsePlan(pd.plan, ['design', 'plan', 'plan']);
      if (!pr.ok) problems.push(pr.message);
      const o = isObject(pd.optimizer) ? pd.optimizer : {};
      const gens = Array.isArray(o.generations) && o.generations.every((x) => typeof x === 'string' && catalog.generations.some((g) => g.id === x)) ? (o.generations as string[]) : null;
      if (!gens) problems.push('design.plan.optimizer.generations: a list of catalog generation ids');
      if (pr.ok && gens) plan = { plan: pr.plan, optimizer: { generations: gens, objective: o.objective === 'time' ? 'time' : 'npv' } };
    }
  }
  const prefsIn = isObject(data.prefs) ? data.prefs : {};
  const prefs: Prefs = {
    units: prefsIn.units === 'us' ? 'us' : 'si',
    theme: prefsIn.theme === 'light' || prefsIn.theme === 'dark' ? prefsIn.theme : 'system',
  };
  if (problems.length || !gen || !opts.success || !ids || !target) return fail();
  return {
    ok: true,
    snapshot: {
      app: 'rackplan',
      schemaVersion: 1,
      catalogVersion: typeof data.catalogVersion === 'string' ? data.catalogVersion : catalog.version,
      design: {
        rack: { generationId: gen.generation.id, options: opts.data, limits, ...(typeof rack.siteId === 'string' ? { siteId: rack.siteId } : {}) },
        compare: { generationIds: ids as string[], target: { kind: target.kind as CompareDesign['target']['kind'], value: target.value as number }, ...(typeof cmp.siteId === 'string' ? { siteId: cmp.siteId } : {}) },
        fabric,
        plan,
      },
      prefs,
    },
  };
}

/**
 * Restore a snapshot into a store as one undoable edit (a wrong file can be undone). Prefs in the snapshot are
 * applied when `withPrefs` is set.
 */
export function loadSnapshot(store: AppStore, data: unknown, options: { withPrefs?: boolean; label?: string } = {}): DispatchResult {
  const parsed = parseSnapshot(data, store.catalog);
  if (!parsed.ok) return parsed;
  const result = store.dispatch({ type: 'design/replace', design: parsed.snapshot.design, label: options.label ?? 'load file' });
  if (options.withPrefs) store.setPrefs(parsed.snapshot.prefs);
  return result;
}

/**
 * Snapshots from outside (a file, a share link, autosave): checked with the design schema
 * (src/schema/design.ts) and the catalog's ids before they reach the store, the same checks the store runs on
 * every edit. Every problem comes back at its path (`design.fabric.rowSpacingM`), with what is accepted and
 * what was found. Loading one is a single undoable edit.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import type { Plan } from '../core/plan/types';
import { err, ok, type Result } from '../core/result';
import { knownIds } from '../catalog/ids';
import { designIdProblems, SnapshotSchema, type KnownIds } from '../schema/design';
import { problemsFromZod, type InputProblem } from '../schema/errors';
import { PlanSchema } from '../schema/plan';
import { starterPlan } from './plan-start';
import type { AppStore, DispatchResult } from './store';
import type { AppSnapshot, DesignState } from './types';

export type SnapshotParse = Result<AppSnapshot, readonly InputProblem[]>;
export type PlanParse = Result<Plan, readonly InputProblem[]>;

/** Check a plan file (the core's plan schema), problems at their paths under `prefix`. */
export function parsePlan(data: unknown, prefix: readonly PropertyKey[] = []): PlanParse {
  const r = PlanSchema.safeParse(data);
  return r.success ? ok(r.data) : err(problemsFromZod(r.error, data, prefix));
}

/** The rack's generation alias resolved to its id (the design holds ids, never aliases); anything else as given. */
function withRackId<T>(design: T, catalog: Catalog): T {
  const rack = (design as { rack?: { generationId?: unknown } } | undefined)?.rack;
  const id = typeof rack?.generationId === 'string' ? findGeneration(catalog, rack.generationId)?.generation.id : undefined;
  return id === undefined || id === rack?.generationId ? design : { ...design, rack: { ...rack, generationId: id } };
}

/**
 * Check a snapshot read from outside: the snapshot schema, then every catalog id (a generation alias on the rack
 * is accepted and stored as its id). Problems list everything found, schema and ids together.
 * @param ids - the ids the design may name; by default the catalog's and the bundled presets'
 */
export function parseSnapshot(data: unknown, catalog: Catalog, ids: KnownIds = knownIds(catalog)): SnapshotParse {
  const r = SnapshotSchema.safeParse(data);
  // The ids are checked on a refused input too, so one pass lists every problem (values of the wrong type are the schema's).
  if (!r.success) return err([...problemsFromZod(r.error, data), ...designIdProblems(withRackId((data as { design?: unknown } | null)?.design, catalog), ids, { prefix: ['design'] })]);
  const parsed = withRackId(r.data.design, catalog);
  const design: DesignState = { ...parsed, plan: parsed.plan ?? starterPlan(catalog) };
  const problems = designIdProblems(design, ids, { prefix: ['design'] });
  if (problems.length) return err(problems);
  return ok({ app: 'rackplan', schemaVersion: 1, catalogVersion: r.data.catalogVersion ?? catalog.version, design, prefs: r.data.prefs });
}

/**
 * Restore a snapshot into a store as one undoable edit (a wrong file can be undone). Prefs in the snapshot are
 * applied when `withPrefs` is set.
 */
export function loadSnapshot(store: AppStore, data: unknown, options: { withPrefs?: boolean; label?: string } = {}): DispatchResult {
  const parsed = parseSnapshot(data, store.presetCatalog);
  if (!parsed.ok) return parsed;
  const result = store.dispatch({ type: 'design/replace', design: parsed.value.design, label: options.label ?? 'load file' });
  if (options.withPrefs) store.setPrefs(parsed.value.prefs);
  return result;
}

/**
 * The one app store: the design document with undo/redo history, the display preferences, and a
 * plain-JSON snapshot for exporters, share links and autosave. Only `rack-app` calls `dispatch`;
 * views read through `@lit/context` and send events up.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { UnitOptionsSchema } from '../schema/unit-options';
import { actionLabel, reduce, type Action } from './actions';
import { History } from './history';
import { LIMIT_FIELDS } from './fields';
import type { AppSnapshot, CompareDesign, DesignState, Prefs, RackDesign } from './types';

export const DEFAULT_PREFS: Prefs = { units: 'si', theme: 'system' };

/** Generations the Compare view starts with (GPU, Trainium, Inferentia), where the catalog has them. */
const COMPARE_START = ['gb300-nvl72', 'gb200-nvl72', 'trn3-gen2-ultraserver', 'trn2-ultraserver', 'inf2-server'];

export type DispatchResult = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly message: string };

export type Listener = (store: AppStore) => void;

/** The generation the app opens with when the URL names none. */
export function defaultGenerationId(catalog: Catalog): string {
  const preferred = ['gb200-nvl72', 'gb300-nvl72'];
  return preferred.find((id) => catalog.generations.some((g) => g.id === id)) ?? catalog.generations[0]?.id ?? '';
}

/** A fresh design document for a catalog, starting at a generation (id or alias). */
export function initialDesign(catalog: Catalog, generation?: string): DesignState {
  const found = generation ? findGeneration(catalog, generation) : undefined;
  const rack: RackDesign = { generationId: found?.generation.id ?? defaultGenerationId(catalog), options: {}, limits: {} };
  const ids = catalog.generations.map((g) => g.id);
  const families = new Set<string>();
  const start: string[] = [];
  for (const id of COMPARE_START) {
    const g = catalog.generations.find((x) => x.id === id);
    if (g && !families.has(g.family)) {
      families.add(g.family);
      start.push(id);
    }
  }
  for (const g of catalog.generations) if (start.length < 2 && !start.includes(g.id)) start.push(g.id);
  const compare: CompareDesign = { generationIds: start.filter((id) => ids.includes(id)), target: { kind: 'accelerators', value: 1152 } };
  return { rack, compare };
}

export class AppStore {
  readonly catalog: Catalog;
  #history: History<DesignState>;
  #prefs: Prefs;
  #listeners = new Set<Listener>();

  constructor(catalog: Catalog, init: { design?: DesignState; prefs?: Prefs } = {}) {
    this.catalog = catalog;
    this.#history = new History(init.design ?? initialDesign(catalog));
    this.#prefs = init.prefs ?? DEFAULT_PREFS;
  }

  get design(): DesignState {
    return this.#history.present;
  }

  get prefs(): Prefs {
    return this.#prefs;
  }

  get canUndo(): boolean {
    return this.#history.canUndo;
  }

  get canRedo(): boolean {
    return this.#history.canRedo;
  }

  get undoLabel(): string | null {
    return this.#history.undoLabel;
  }

  get redoLabel(): string | null {
    return this.#history.redoLabel;
  }

  /** Listen for any change (design or prefs); returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validate and apply an edit; it becomes one undo step. Invalid edits change nothing. */
  dispatch(action: Action): DispatchResult {
    const problem = this.#validate(action);
    if (problem) return { ok: false, message: problem };
    const next = reduce(this.design, action);
    const changed = this.#history.commit(next, actionLabel(action));
    if (changed) this.#notify();
    return { ok: true, changed };
  }

  undo(): boolean {
    const v = this.#history.undo();
    if (v === undefined) return false;
    this.#notify();
    return true;
  }

  redo(): boolean {
    const v = this.#history.redo();
    if (v === undefined) return false;
    this.#notify();
    return true;
  }

  setPrefs(patch: Partial<Prefs>): void {
    const next = { ...this.#prefs, ...patch };
    if (next.units === this.#prefs.units && next.theme === this.#prefs.theme) return;
    this.#prefs = next;
    this.#notify();
  }

  /** Plain JSON of everything a file, link or autosave needs to restore the session. */
  snapshot(): AppSnapshot {
    return structuredClone({ app: 'rackplan', schemaVersion: 1, catalogVersion: this.catalog.version, design: this.design, prefs: this.prefs });
  }

  /**
   * Restore a snapshot (from a file, a link or autosave). Validated first; on success it is one undo step,
   * so a wrong file can be undone. Prefs in the snapshot are applied when `withPrefs` is set.
   */
  load(data: unknown, options: { withPrefs?: boolean; label?: string } = {}): DispatchResult {
    const parsed = parseSnapshot(data, this.catalog);
    if (!parsed.ok) return parsed;
    const result = this.dispatch({ type: 'design/replace', design: parsed.snapshot.design, label: options.label ?? 'load file' });
    if (options.withPrefs) this.setPrefs(parsed.snapshot.prefs);
    return result;
  }

  #validate(action: Action): string | null {
    const c = this.catalog;
    switch (action.type) {
      case 'rack/select-generation':
      case 'compare/toggle-generation':
        return c.generations.some((g) => g.id === action.id) ? null : `generation: one of ${c.generations.map((g) => g.id).join(', ')} (got "${action.id}")`;
      case 'rack/set-option': {
        if (action.value === undefined) return null;
        if (action.key === 'cduId' && !c.cdus.some((x) => x.id === action.value)) return `cduId: a CDU from the catalog (got "${String(action.value)}")`;
        const r = UnitOptionsSchema.safeParse({ [action.key]: action.value });
        return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
      }
      case 'rack/set-limit': {
        if (action.value === undefined) return null;
        const f = LIMIT_FIELDS[action.key];
        return Number.isFinite(action.value) && action.value >= f.min && action.value <= f.max ? null : `${f.label}: from ${f.min} to ${f.max} W`;
      }
      case 'compare/set-target':
        return Number.isFinite(action.value) && action.value > 0 ? null : 'compare target: a positive number';
      default:
        return null;
    }
  }

  #notify(): void {
    for (const l of this.#listeners) l(this);
  }
}

export type SnapshotParse = { readonly ok: true; readonly snapshot: AppSnapshot } | { readonly ok: false; readonly message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check a snapshot read from outside (file, link, storage). Problems are listed as `<path>: <accepted> (got …)`.
 * Unknown generation ids are refused; options go through the shared option schema.
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
        compare: { generationIds: ids as string[], target: { kind: target.kind as CompareDesign['target']['kind'], value: target.value as number } },
      },
      prefs,
    },
  };
}

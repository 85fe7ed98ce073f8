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
import { starterPlan } from './plan-start';
import type { AppSnapshot, CompareDesign, DesignState, FabricDesign, Prefs, RackDesign } from './types';

export const DEFAULT_PREFS: Prefs = { units: 'si', theme: 'system' };

/** Generations the Compare view starts with (GPU, Trainium, Inferentia), where the catalog has them. */
const COMPARE_START = ['gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server'];

export type DispatchResult = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly message: string };

export type Listener = (store: AppStore) => void;

/** The generation the app opens with when the URL names none. */
export function defaultGenerationId(catalog: Catalog): string {
  const preferred = ['gb200-nvl72', 'gb300-nvl72'];
  return preferred.find((id) => catalog.generations.some((g) => g.id === id)) ?? catalog.generations[0]?.id ?? '';
}

/**
 * A fresh design document for a catalog, starting at a generation (id or alias); `now` dates the starter plan.
 * @param ids - every generation id of the full catalog, when `catalog` holds only some (fast first paint)
 */
export function initialDesign(catalog: Catalog, generation?: string, now: Date = new Date(), ids: readonly string[] = catalog.generations.map((g) => g.id)): DesignState {
  const found = generation ? findGeneration(catalog, generation) : undefined;
  const rack: RackDesign = { generationId: found?.generation.id ?? defaultGenerationId(catalog), options: {}, limits: {} };
  const start = COMPARE_START.filter((id) => ids.includes(id));
  for (const id of ids) if (start.length < 2 && !start.includes(id)) start.push(id);
  const compare: CompareDesign = { generationIds: start, target: { kind: 'accelerators', value: 1152 } };
  const fabric: FabricDesign = { units: 16 };
  return { rack, compare, fabric, plan: starterPlan(catalog, now, ids) };
}

export class AppStore {
  #catalog: Catalog;
  #history: History<DesignState>;
  #prefs: Prefs;
  #listeners = new Set<Listener>();

  constructor(catalog: Catalog, init: { design?: DesignState; prefs?: Prefs } = {}) {
    this.#catalog = catalog;
    this.#history = new History(init.design ?? initialDesign(catalog));
    this.#prefs = init.prefs ?? DEFAULT_PREFS;
  }

  /** The validated catalog (may start with only the generation on screen; see {@link upgradeCatalog}). */
  get catalog(): Catalog {
    return this.#catalog;
  }

  /**
   * Swap in the full catalog once it is validated (the page can first paint with only the generation it shows).
   * The design is unchanged; views re-render with the complete lists.
   */
  upgradeCatalog(full: Catalog): void {
    if (full === this.#catalog) return;
    this.#catalog = full;
    this.#notify();
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
      case 'plan/set-deployment':
        if (!Number.isInteger(action.units) || action.units < 0 || action.units > 10_000_000) return `units: a whole number from 0 to 10,000,000 (got ${action.units})`;
        if (!/^\d{4}-Q[1-4]$/.test(action.quarter)) return `quarter: YYYY-Qn (got ${action.quarter})`;
        return c.generations.some((g) => g.id === action.generation) ? null : `generation: a catalog generation (got ${action.generation})`;
      case 'plan/set-settings': {
        const p = action.patch;
        if (p.horizonYears !== undefined && !(Number.isInteger(p.horizonYears) && p.horizonYears >= 1 && p.horizonYears <= 15)) return 'horizon: a whole number of years from 1 to 15';
        if (p.utilization !== undefined && !(p.utilization > 0 && p.utilization <= 1)) return 'utilization: above 0 and at most 1';
        if (p.discountRate !== undefined && !(p.discountRate >= 0 && p.discountRate <= 0.5)) return 'discount rate: from 0 to 0.5 per year';
        if (p.start !== undefined && !/^\d{4}-Q[1-4]$/.test(p.start)) return `start: a quarter YYYY-Qn (got ${p.start})`;
        if (p.name !== undefined && !(p.name.length >= 1 && p.name.length <= 200)) return 'name: 1 to 200 characters';
        return null;
      }
      case 'plan/set-tariff':
        return action.usdPerKwh === undefined || (action.usdPerKwh > 0 && action.usdPerKwh < 10) ? null : 'tariff: a price in USD/kWh above 0 and below 10';
      case 'fabric/set': {
        const f = action.patch;
        if (f.units !== undefined && !(Number.isInteger(f.units) && f.units >= 1 && f.units <= 100_000)) return 'cluster size: a whole number of units from 1 to 100,000';
        if (f.oversubscription !== undefined && !(f.oversubscription >= 1 && f.oversubscription <= 64)) return 'oversubscription: from 1 to 64';
        if (f.planes !== undefined && !(Number.isInteger(f.planes) && f.planes >= 1 && f.planes <= 16)) return 'planes: a whole number from 1 to 16';
        return null;
      }
      default:
        return null;
    }
  }

  #notify(): void {
    for (const l of this.#listeners) l(this);
  }
}

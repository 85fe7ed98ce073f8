/**
 * The one app store: the design document with undo/redo history, the display preferences, and a
 * plain-JSON snapshot for exporters, share links and autosave. Only `rack-app` calls `dispatch`;
 * views read through `@lit/context` and send events up.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { addUserGenerations } from '../core/catalog/extend';
import { formatPath } from '../schema/errors';
import { err, ok, type Result } from '../core/result';
import { knownIds } from '../catalog/ids';
import { DEFAULT_FABRIC_DESIGN, DEFAULT_PREFS as SCHEMA_DEFAULT_PREFS, DESIGN_PARTS } from '../schema/design-defaults';
import type { KnownIds } from '../schema/design';
import type { InputProblem } from '../schema/errors';
import { reduce, type Action } from './actions';
import { History } from './history';
import { starterPlan } from './plan-start';
import type { AppSnapshot, CompareDesign, DesignState, FabricDesign, Prefs, RackDesign } from './types';
import type { Plan } from '../core/plan/types';

/**
 * A check of a plan edit beyond the schema (the app passes src/io/plan-work's `planEditProblems`: the work limits),
 * injected so the document layer does not load the work estimate itself. Problems' paths are relative to the plan.
 */
export type PlanCheck = (next: Plan, prev: Plan, catalog: Catalog) => readonly InputProblem[];

export const DEFAULT_PREFS: Prefs = SCHEMA_DEFAULT_PREFS;
export { formatProblems } from '../schema/errors';

/** Generations the Compare view starts with (GPU, Trainium, Inferentia), where the catalog has them. */
const COMPARE_START = ['gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server'];

/** An edit's outcome: whether it changed the design, or every problem (the same ones the snapshot reader gives, without `design.`). */
export type DispatchResult = Result<{ readonly changed: boolean }, readonly InputProblem[]>;

export type Listener = (store: AppStore) => void;

/** What the store needs of the design schema (src/schema/design.ts, with zod): loaded apart, see {@link loadDesignChecks}. */
type DesignChecks = Pick<typeof import('../schema/design'), 'designProblems'>;

/** The design checks once loaded, or why they could not be. */
let designChecks: DesignChecks | undefined;
let designChecksError: string | undefined;
let designChecksLoading: Promise<void> | undefined;
let designChecksSettled: () => void = () => undefined;
const designChecksDone = new Promise<void>((resolve) => (designChecksSettled = resolve));

/**
 * Load the design schema every edit is checked with (zod and the document's schemas, ~35 kB gzipped: not part of
 * the first render). The app calls it right after its first paint; until it has loaded a store takes no edit
 * (`dispatch` refuses with the reason, `dispatchWhenEditable` waits), so no edit is ever applied unchecked.
 * Tests call it before their first edit. Resolves when loaded or failed (a failure refuses edits with its reason).
 */
export function loadDesignChecks(): Promise<void> {
  designChecksLoading ??= import('../schema/design').then(
    (m) => {
      designChecks = m;
      designChecksSettled();
    },
    (e: unknown) => {
      designChecksError = e instanceof Error ? e.message : String(e);
      designChecksSettled();
    },
  );
  return designChecksLoading;
}

/** The generation the app opens with when the URL names none (and the catalog has it). */
export const DEFAULT_GENERATION = 'gb200-nvl72';

/**
 * {@link DEFAULT_GENERATION}, else GB300 NVL72, else the catalog's first generation.
 * @param ids - every generation id of the full catalog, when `catalog` holds only some (fast first paint)
 */
export function defaultGenerationId(catalog: Catalog, ids: readonly string[] = catalog.generations.map((g) => g.id)): string {
  const preferred = [DEFAULT_GENERATION, 'gb300-nvl72'];
  return preferred.find((id) => ids.includes(id)) ?? ids[0] ?? '';
}

/**
 * A fresh design document for a catalog, starting at a generation (id or alias); `now` dates the starter plan.
 * @param ids - every generation id of the full catalog, when `catalog` holds only some (fast first paint)
 */
export function initialDesign(catalog: Catalog, generation?: string, now: Date = new Date(), ids: readonly string[] = catalog.generations.map((g) => g.id)): DesignState {
  const found = generation ? findGeneration(catalog, generation) : undefined;
  const rack: RackDesign = { generationId: found?.generation.id ?? defaultGenerationId(catalog, ids), options: {}, limits: {} };
  const start = COMPARE_START.filter((id) => ids.includes(id));
  for (const id of ids) if (start.length < 2 && !start.includes(id)) start.push(id);
  // Equal dense compute, the core's DEFAULT_COMPARE_TARGET (not imported: it would pull the plan core into the entry; a test holds them equal).
  const compare: CompareDesign = { generationIds: start, target: { kind: 'fp8Pflops', value: 5000 } };
  const fabric: FabricDesign = { ...DEFAULT_FABRIC_DESIGN };
  return { rack, compare, fabric, plan: starterPlan(catalog, now, ids) };
}

export class AppStore {
  #catalog: Catalog;
  #history: History<DesignState>;
  #prefs: Prefs;
  #listeners = new Set<Listener>();
  #ids: { readonly catalog: Catalog; readonly ids: KnownIds } | undefined;
  #withUser: { readonly presets: Catalog; readonly generations: Plan['generations']; readonly psus: Plan['psus']; readonly catalog: Catalog } | undefined;
  readonly #describe: (action: Action) => string;
  readonly #checkPlan: PlanCheck | undefined;
  #editable: boolean;
  #startError: string | undefined;
  readonly #whenEditable: Promise<void>;
  /** Edits waiting for the store to become editable, in the order they came. */
  #queue: Promise<DispatchResult> | undefined;
  readonly #loadWholeCatalog: (() => Promise<Catalog>) | undefined;
  #wholeCatalog: Promise<void> | undefined;
  #hasWholeCatalog: boolean;

  /**
   * @param init.describe - an edit's label in the undo history ("Undo: breaker rating"); the app passes the views'
   *   `actionLabel` (words are presentation, so the store does not import them); default: the action's type
   * @param init.checkPlan - run on every edit that changes the plan and passes the schema; its problems refuse the
   *   edit like the schema's (the app passes the work limits, so an edit cannot ask for millions of fabrics)
   * @param init.editableAfter - edits wait for this as well as for the design checks (the app: autosave attached
   *   and the plan check loaded, so no edit is lost or unchecked); a rejection refuses every edit with its reason
   * @param init.wholeCatalog - when `catalog` holds only some generations (a deep link's first paint): loads the
   *   whole catalog, for {@link completeCatalog}; without it `catalog` is taken as whole
   */
  constructor(
    catalog: Catalog,
    init: { design?: DesignState; prefs?: Prefs; describe?: (action: Action) => string; checkPlan?: PlanCheck; editableAfter?: Promise<unknown>; wholeCatalog?: () => Promise<Catalog> } = {},
  ) {
    this.#catalog = catalog;
    this.#loadWholeCatalog = init.wholeCatalog;
    this.#hasWholeCatalog = init.wholeCatalog === undefined;
    this.#editable = designChecks !== undefined && init.editableAfter === undefined;
    this.#whenEditable = Promise.all([designChecksDone, init.editableAfter]).then(
      () => void (this.#editable = designChecks !== undefined),
      (e: unknown) => void (this.#startError = e instanceof Error ? e.message : String(e)),
    );
    this.#describe = init.describe ?? ((action) => action.type);
    this.#checkPlan = init.checkPlan;
    this.#history = new History(init.design ?? initialDesign(catalog));
    this.#prefs = init.prefs ?? DEFAULT_PREFS;
  }

  /**
   * The validated catalog (may start with only the generation on screen; see {@link upgradeCatalog}) with the
   * user's own generations and PSUs (the plan's embedded ones) added after the presets, marked `userDefined`:
   * what every view lists and evaluates. Memoized on the identity of the presets and the plan's lists.
   */
  get catalog(): Catalog {
    const plan = this.design.plan.plan;
    const m = this.#withUser;
    if (m && m.presets === this.#catalog && m.generations === plan.generations && m.psus === plan.psus) return m.catalog;
    const catalog = addUserGenerations(this.#catalog, plan).catalog;
    this.#withUser = { presets: this.#catalog, generations: plan.generations, psus: plan.psus, catalog };
    return catalog;
  }

  /** The presets alone: what a plan is evaluated against (the plan's context adds its own generations). */
  get presetCatalog(): Catalog {
    return this.#catalog;
  }

  /**
   * Swap in the full catalog once it is validated (the page can first paint with only the generation it shows).
   * The design is unchanged; views re-render with the complete lists.
   */
  upgradeCatalog(full: Catalog): void {
    const wasWhole = this.#hasWholeCatalog;
    this.#hasWholeCatalog = true;
    if (full === this.#catalog) {
      // Already whole (a first view that loaded every generation): still tell listeners that wait for the whole catalog.
      if (!wasWhole) this.#notify();
      return;
    }
    this.#catalog = full;
    this.#notify();
  }

  /**
   * Resolves once the store holds the whole catalog (loading it the first time it is asked for). A view opened after
   * the first one waits for this, so it never shows figures from the generations the first view needed.
   */
  completeCatalog(): Promise<void> {
    const load = this.#loadWholeCatalog;
    if (!load) return Promise.resolve();
    // A failed load (a chunk that did not arrive) is tried again the next time it is asked for.
    this.#wholeCatalog ??= load().then(
      (c) => this.upgradeCatalog(c),
      (e: unknown) => {
        this.#wholeCatalog = undefined;
        throw e;
      },
    );
    return this.#wholeCatalog;
  }

  /** Whether the store holds the whole catalog (false while a deep link's first view has only its generations). */
  get hasWholeCatalog(): boolean {
    return this.#hasWholeCatalog;
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

  /**
   * Apply an edit and check the result with the design schema (src/schema/design.ts), the same check the
   * snapshot reader runs, so every design the store holds restores from autosave. It becomes one undo step;
   * a refused edit changes nothing.
   */
  dispatch(action: Action): DispatchResult {
    if (!this.#editable) return err([{ path: '', message: this.#notEditableReason() }]);
    const prev = this.design;
    const next = reduce(prev, action);
    const problems = this.#check(prev, next);
    if (problems.length) return err(problems);
    const changed = this.#history.commit(next, this.#describe(action));
    if (changed) this.#notify();
    return ok({ changed });
  }

  /** Whether edits are taken now (the design checks and whatever the app waits for have loaded). */
  get editable(): boolean {
    return this.#editable;
  }

  /** Resolves once the store takes edits, or once it is known that it never will (then `dispatch` says why). */
  get whenEditable(): Promise<void> {
    return this.#whenEditable;
  }

  /**
   * {@link dispatch}, waiting first if the store does not take edits yet (the first moments after the page
   * painted): the edit is applied, checked, once the checks have loaded, after any edit that came before it.
   */
  dispatchWhenEditable(action: Action): Promise<DispatchResult> {
    if (this.#editable && !this.#queue) return Promise.resolve(this.dispatch(action));
    const run = (this.#queue ?? this.#whenEditable).then(() => this.dispatch(action));
    this.#queue = run;
    void run.then(() => {
      if (this.#queue === run) this.#queue = undefined;
    });
    return run;
  }

  #notEditableReason(): string {
    const failed = this.#startError ?? designChecksError;
    if (failed) return `edits cannot be checked (${failed}); reload the page`;
    return 'rackplan is still starting (its edit checks are loading): the edit was not applied; try again in a moment';
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
    return structuredClone({ app: 'rackplan', schemaVersion: 1, catalogVersion: this.#catalog.version, design: this.design, prefs: this.prefs });
  }

  /** The parts of the design an edit changed, checked against the design schema and the catalog's ids. */
  #check(prev: DesignState, next: DesignState): readonly InputProblem[] {
    const parts = DESIGN_PARTS.filter((part) => next[part] !== prev[part]);
    if (parts.length === 0) return [];
    if (this.#ids?.catalog !== this.#catalog) this.#ids = { catalog: this.#catalog, ids: knownIds(this.#catalog) };
    const problems = designChecks!.designProblems(next, this.#ids.ids, { parts, planSitesChecked: next.plan.plan.sites === prev.plan.plan.sites });
    if (!problems.length) problems.push(...this.#userGenerationProblems(next.plan.plan, prev.plan.plan));
    if (problems.length || !this.#checkPlan || next.plan.plan === prev.plan.plan) return problems;
    return this.#checkPlan(next.plan.plan, prev.plan.plan, this.catalog).map((p) => ({ ...p, path: p.path ? `plan.plan.${p.path}` : 'plan.plan' }));
  }

  /**
   * The user's generations must join the catalog under the core's rules (src/core/catalog/extend.ts: ids unique,
   * PSU known, systemsPerRack for server racks): an edit that breaks one is refused with the rule's words.
   */
  #userGenerationProblems(next: Plan, prev: Plan): InputProblem[] {
    if (next.generations === prev.generations && next.psus === prev.psus) return [];
    return addUserGenerations(this.#catalog, next).conflicts.map((c) => ({ path: formatPath(['plan', 'plan', ...c.path]), message: c.accepted, got: c.got }));
  }

  #notify(): void {
    for (const l of this.#listeners) l(this);
  }
}

/**
 * Edits of the design document as a discriminated union, and the pure reducer that applies them.
 * Every action is undoable (the store records each result in its history, under the label the app gives it).
 * @module
 */
import { acceptProposal } from '../core/plan/accept-proposal';
import type { ProposalRow } from '../core/plan/proposal';
import type { Demand, Plan } from '../core/plan/types';
import type { Generation, PsuModel } from '../core/catalog/types';
import type { UnitOptions } from '../core/rack/types';
import type { QuarterId, Site } from '../core/sites/types';
import type { CompareTargetKind, DesignState, FabricDesign, PlanDesign, SiteLimits } from './types';

/** Plan settings the Plan view edits directly. */
export type PlanSettings = Partial<Pick<Plan, 'name' | 'start' | 'horizonYears' | 'utilization' | 'discountRate' | 'design'>>;

export type Action =
  | { readonly type: 'rack/select-generation'; readonly id: string }
  /** `value: undefined` returns the option to its catalog default. */
  | { readonly type: 'rack/set-option'; readonly key: keyof UnitOptions; readonly value: UnitOptions[keyof UnitOptions] | undefined }
  | { readonly type: 'rack/reset-options' }
  | { readonly type: 'rack/set-limit'; readonly key: keyof SiteLimits; readonly value: number | undefined }
  | { readonly type: 'rack/set-site'; readonly siteId: string | undefined }
  | { readonly type: 'compare/toggle-generation'; readonly id: string }
  | { readonly type: 'compare/set-target'; readonly kind: CompareTargetKind; readonly value: number }
  | { readonly type: 'compare/set-site'; readonly siteId: string }
  | { readonly type: 'compare/set-density'; readonly id: string; readonly systemsPerRack: number | undefined }
  | { readonly type: 'fabric/set'; readonly patch: Partial<FabricDesign> }
  | { readonly type: 'plan/set-deployment'; readonly site: string; readonly generation: string; readonly quarter: QuarterId; readonly units: number }
  | { readonly type: 'plan/set-settings'; readonly patch: PlanSettings }
  | { readonly type: 'plan/set-optimizer'; readonly patch: Partial<PlanDesign['optimizer']> }
  | { readonly type: 'plan/replace'; readonly plan: Plan; readonly label: string }
  /** One quarter of demand in a metric (and precision): `value: undefined` removes that quarter's entry. */
  | { readonly type: 'plan/set-demand'; readonly quarter: QuarterId; readonly metric: Demand['metric']; readonly precision?: Demand['precision']; readonly value: number | undefined }
  /** Lock a deployment row (firm order, already built) or open it; choose its plant (`undefined`: the default rule). */
  | { readonly type: 'plan/set-row'; readonly index: number; readonly patch: { readonly locked?: boolean; readonly plant?: string | undefined } }
  /** Accept rows of an optimizer proposal (all of them, or the ones the user ticked). */
  | { readonly type: 'plan/accept-proposal'; readonly rows: readonly Pick<ProposalRow, 'change' | 'before' | 'after'>[]; readonly label: string }
  /** A user's version of a site (replaces the preset with the same id inside the plan). */
  | { readonly type: 'plan/set-site'; readonly site: Site; readonly label: string }
  | { readonly type: 'plan/reset-site'; readonly siteId: string }
  | { readonly type: 'plan/set-tariff'; readonly siteId: string; readonly usdPerKwh: number | undefined }
  | { readonly type: 'design/replace'; readonly design: DesignState; readonly label: string }
  /**
   * Add or update a user's own generation (kept in the plan's `generations`, as a plan file embeds it), with any
   * PSUs it brings. `replaces`: the id it had before a rename (every reference follows); `select`: show it in the designer.
   */
  | { readonly type: 'generations/save'; readonly generation: Generation; readonly psus?: readonly PsuModel[]; readonly replaces?: string; readonly select?: boolean }
  /**
   * Remove a user's generation. Plan rows that deploy or order it block the delete (the store refuses the edit,
   * naming the rows) unless `withRows`, which removes them too. The designer falls back to `fallbackId`.
   */
  | { readonly type: 'generations/delete'; readonly id: string; readonly withRows?: boolean; readonly fallbackId: string };

function withPlan(state: DesignState, plan: Plan): DesignState {
  return { ...state, plan: { ...state.plan, plan } };
}

function withoutKey<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** JSON writes -0 as 0, so a stored -0 would not come back from a saved session unchanged; a typed "-0" is 0. */
const positiveZero = <T>(v: T): T => (Object.is(v, -0) ? (0 as T) : v);

function withoutNegativeZero(action: Action): Action {
  switch (action.type) {
    case 'rack/set-option':
    case 'rack/set-limit':
    case 'compare/set-target':
      return Object.is(action.value, -0) ? { ...action, value: 0 } : action;
    case 'plan/set-deployment':
      return { ...action, units: positiveZero(action.units) };
    case 'plan/set-demand':
      return { ...action, value: positiveZero(action.value) };
    case 'plan/set-tariff':
      return { ...action, usdPerKwh: positiveZero(action.usdPerKwh) };
    case 'fabric/set':
    case 'plan/set-settings':
      return { ...action, patch: Object.fromEntries(Object.entries(action.patch).map(([k, v]) => [k, positiveZero(v)])) };
    default:
      return action;
  }
}

/**
 * Apply an action. Returns the same object when nothing changes (so history records nothing).
 * Any result may be refused afterwards: the store checks it against the design schema before committing.
 */
export function reduce(state: DesignState, edit: Action): DesignState {
  const action = withoutNegativeZero(edit);
  switch (action.type) {
    case 'rack/select-generation': {
      if (state.rack.generationId === action.id) return state;
      // Systems per rack belongs to one server generation; the rest of the user's choices carry over.
      const options = withoutKey(state.rack.options, 'systemsPerRack');
      return { ...state, rack: { ...state.rack, generationId: action.id, options } };
    }
    case 'rack/set-option': {
      const cur = state.rack.options[action.key];
      if (Object.is(cur, action.value)) return state;
      const options = action.value === undefined ? withoutKey(state.rack.options, action.key) : { ...state.rack.options, [action.key]: action.value };
      return { ...state, rack: { ...state.rack, options } };
    }
    case 'rack/reset-options':
      if (Object.keys(state.rack.options).length === 0) return state;
      return { ...state, rack: { ...state.rack, options: {} } };
    case 'rack/set-limit': {
      if (Object.is(state.rack.limits[action.key], action.value)) return state;
      const limits = action.value === undefined ? withoutKey(state.rack.limits, action.key) : { ...state.rack.limits, [action.key]: action.value };
      return { ...state, rack: { ...state.rack, limits } };
    }
    case 'rack/set-site': {
      if (state.rack.siteId === action.siteId) return state;
      const rack = action.siteId === undefined ? withoutKey(state.rack, 'siteId') : { ...state.rack, siteId: action.siteId };
      return { ...state, rack };
    }
    case 'compare/toggle-generation': {
      const ids = state.compare.generationIds;
      const generationIds = ids.includes(action.id) ? ids.filter((x) => x !== action.id) : [...ids, action.id];
      return { ...state, compare: { ...state.compare, generationIds } };
    }
    case 'compare/set-target': {
      const t = state.compare.target;
      if (t.kind === action.kind && t.value === action.value) return state;
      return { ...state, compare: { ...state.compare, target: { kind: action.kind, value: action.value } } };
    }
    case 'fabric/set': {
      const next = { ...state.fabric, ...action.patch };
      for (const k of Object.keys(action.patch) as (keyof FabricDesign)[]) if (action.patch[k] === undefined) delete next[k];
      return { ...state, fabric: next };
    }
    case 'plan/set-deployment': {
      // A grid cell is every row of its site, generation and quarter; a locked row is never changed by typing
      // (unlock it first), and several open rows (one per plant) become one row with the first one's plant.
      const p = state.plan.plan;
      const same = (d: Plan['deployments'][number]) => d.site === action.site && d.generation === action.generation && d.quarter === action.quarter;
      const rows = p.deployments.filter(same);
      if (rows.some((d) => d.locked)) return state;
      const cur = rows.reduce((n, d) => n + d.units, 0);
      if (cur === action.units && rows.length <= 1) return state;
      const i = p.deployments.findIndex(same);
      const kept = p.deployments.filter((d, j) => j === i || !same(d));
      const deployments =
        action.units === 0
          ? kept.filter((d) => !same(d))
          : i >= 0
            ? kept.map((d) => (same(d) ? { ...d, units: action.units } : d))
            : [...p.deployments, { site: action.site, generation: action.generation, quarter: action.quarter, units: action.units }];
      return withPlan(state, { ...p, deployments });
    }
    case 'plan/set-demand': {
      const p = state.plan.plan;
      const precision = action.metric === 'pflops' ? (action.precision ?? 'fp8') : undefined;
      const same = (d: Demand) => d.quarter === action.quarter && d.metric === action.metric && (d.metric !== 'pflops' || (d.precision ?? 'fp8') === precision);
      const demand = p.demand ?? [];
      const i = demand.findIndex(same);
      if (action.value === undefined ? i < 0 : i >= 0 && demand[i]!.value === action.value) return state;
      const entry: Demand = { quarter: action.quarter, metric: action.metric, ...(precision ? { precision } : {}), value: action.value ?? 0 };
      const next = action.value === undefined ? demand.filter((_, j) => j !== i) : i >= 0 ? demand.map((d, j) => (j === i ? entry : d)) : [...demand, entry].sort((a, b) => a.quarter.localeCompare(b.quarter));
      return withPlan(state, { ...p, demand: next });
    }
    case 'plan/set-row': {
      const p = state.plan.plan;
      const d = p.deployments[action.index];
      if (!d) return state;
      let row = d;
      if (action.patch.locked !== undefined) row = action.patch.locked ? { ...row, locked: true } : withoutKey(row, 'locked');
      if ('plant' in action.patch) row = action.patch.plant === undefined ? withoutKey(row, 'plant') : { ...row, plant: action.patch.plant };
      if (row.locked === d.locked && row.plant === d.plant) return state;
      return withPlan(state, { ...p, deployments: p.deployments.map((x, j) => (j === action.index ? row : x)) });
    }
    case 'plan/accept-proposal': {
      const p = state.plan.plan;
      const next = acceptProposal(p, action.rows);
      return next.deployments.length === p.deployments.length && next.deployments.every((d, i) => d === p.deployments[i]) ? state : withPlan(state, next);
    }
    case 'plan/set-settings': {
      const p = state.plan.plan;
      if ((Object.keys(action.patch) as (keyof PlanSettings)[]).every((k) => Object.is(p[k], action.patch[k]))) return state;
      return withPlan(state, { ...p, ...action.patch });
    }
    case 'plan/set-optimizer':
      return { ...state, plan: { ...state.plan, optimizer: { ...state.plan.optimizer, ...action.patch } } };
    case 'plan/replace':
      return withPlan(state, action.plan);
    case 'plan/set-site': {
      const p = state.plan.plan;
      const sites = [...(p.sites ?? []).filter((x) => x.id !== action.site.id), action.site];
      return withPlan(state, { ...p, sites });
    }
    case 'plan/reset-site': {
      const p = state.plan.plan;
      const tariffs = { ...(p.prices?.tariffUsdPerKwh ?? {}) };
      delete tariffs[action.siteId];
      const sites = (p.sites ?? []).filter((x) => x.id !== action.siteId);
      const { sites: _s, prices: _p, ...rest } = p;
      const { tariffUsdPerKwh: _t, ...otherPrices } = p.prices ?? {};
      const prices = Object.keys(tariffs).length ? { ...otherPrices, tariffUsdPerKwh: tariffs } : otherPrices;
      return withPlan(state, { ...rest, ...(sites.length ? { sites } : {}), ...(Object.keys(prices).length ? { prices } : {}) });
    }
    case 'plan/set-tariff': {
      const p = state.plan.plan;
      const tariffs = { ...(p.prices?.tariffUsdPerKwh ?? {}) };
      if (action.usdPerKwh === undefined) delete tariffs[action.siteId];
      else tariffs[action.siteId] = action.usdPerKwh;
      return withPlan(state, { ...p, prices: { ...(p.prices ?? {}), tariffUsdPerKwh: tariffs } });
    }
    case 'compare/set-site':
      return state.compare.siteId === action.siteId ? state : { ...state, compare: { ...state.compare, siteId: action.siteId } };
    case 'compare/set-density': {
      const { [action.id]: _old, ...rest } = state.compare.systemsPerRack ?? {};
      const systemsPerRack = action.systemsPerRack === undefined ? rest : { ...rest, [action.id]: action.systemsPerRack };
      const { systemsPerRack: _drop, ...compare } = state.compare;
      return { ...state, compare: Object.keys(systemsPerRack).length ? { ...compare, systemsPerRack } : compare };
    }
    case 'design/replace':
      return action.design;
    case 'generations/save':
      return saveGeneration(state, action.generation, action.psus ?? [], action.replaces, action.select ?? false);
    case 'generations/delete':
      return deleteGeneration(state, action.id, action.withRows ?? false, action.fallbackId);
  }
}

// --- User generations: the plan's embedded `generations` and `psus` are where the app keeps them. ---

/** A generation as the plan file holds it: the schema's fields only (`userDefined` is the catalog's mark, added when it joins). */
function asStored(g: Generation): Generation {
  if (!g.userDefined) return g;
  const { userDefined: _mark, ...rest } = g;
  return rest;
}

function saveGeneration(state: DesignState, generation: Generation, psus: readonly PsuModel[], replaces: string | undefined, select: boolean): DesignState {
  const p = state.plan.plan;
  const stored = asStored(generation);
  const oldId = replaces ?? stored.id;
  const list = p.generations ?? [];
  const at = list.findIndex((g) => g.id === oldId);
  const generations = at >= 0 ? list.map((g, i) => (i === at ? stored : g)).filter((g, i) => i === at || g.id !== stored.id) : [...list.filter((g) => g.id !== stored.id), stored];
  const userPsus = [...(p.psus ?? []).filter((x) => !psus.some((n) => n.id === x.id)), ...psus];
  let plan: Plan = { ...p, generations, ...(userPsus.length ? { psus: userPsus } : {}) };
  let next: DesignState = state;
  const renamed = oldId !== stored.id;
  if (renamed) {
    // A rename carries every reference with it: plan rows, orders, the designer, Compare and the optimizer.
    const rename = (id: string) => (id === oldId ? stored.id : id);
    plan = { ...plan, deployments: plan.deployments.map((d) => (d.generation === oldId ? { ...d, generation: stored.id } : d)), ...(plan.orders ? { orders: plan.orders.map((o) => (o.generation === oldId ? { ...o, generation: stored.id } : o)) } : {}) };
    next = {
      ...next,
      rack: next.rack.generationId === oldId ? { ...next.rack, generationId: stored.id } : next.rack,
      compare: next.compare.generationIds.includes(oldId) ? { ...next.compare, generationIds: next.compare.generationIds.map(rename) } : next.compare,
      plan: { ...next.plan, optimizer: { ...next.plan.optimizer, generations: next.plan.optimizer.generations.map(rename) } },
    };
  }
  next = withPlan(next, plan);
  return select && next.rack.generationId !== stored.id ? reduce(next, { type: 'rack/select-generation', id: stored.id }) : next;
}

function deleteGeneration(state: DesignState, id: string, withRows: boolean, fallbackId: string): DesignState {
  const p = state.plan.plan;
  const list = p.generations ?? [];
  if (!list.some((g) => g.id === id)) return state;
  const { generations: _all, ...rest } = p;
  const generations = list.filter((g) => g.id !== id);
  let plan: Plan = { ...rest, ...(generations.length ? { generations } : {}) };
  if (withRows) {
    plan = { ...plan, deployments: plan.deployments.filter((d) => d.generation !== id), ...(plan.orders ? { orders: plan.orders.filter((o) => o.generation !== id) } : {}) };
  }
  let next: DesignState = {
    ...state,
    compare: state.compare.generationIds.includes(id) ? { ...state.compare, generationIds: state.compare.generationIds.filter((x) => x !== id) } : state.compare,
    plan: { ...state.plan, optimizer: { ...state.plan.optimizer, generations: state.plan.optimizer.generations.filter((x) => x !== id) } },
  };
  if (next.rack.generationId === id) next = reduce(next, { type: 'rack/select-generation', id: fallbackId });
  return withPlan(next, plan);
}

/** Plan rows (deployments and orders) that name a generation: what a delete would take with it. */
export function rowsUsingGeneration(plan: Plan, id: string): number {
  return plan.deployments.filter((d) => d.generation === id).length + (plan.orders ?? []).filter((o) => o.generation === id).length;
}

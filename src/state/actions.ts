/**
 * Edits of the design document as a discriminated union, and the pure reducer that applies them.
 * Every action is undoable (the store records each result in its history with {@link actionLabel}).
 * @module
 */
import type { UnitOptions } from '../core/rack/types';
import { optionLabel, LIMIT_FIELDS, type LimitKey } from './fields';
import type { CompareTargetKind, DesignState } from './types';

export type Action =
  | { readonly type: 'rack/select-generation'; readonly id: string }
  /** `value: undefined` returns the option to its catalog default. */
  | { readonly type: 'rack/set-option'; readonly key: keyof UnitOptions; readonly value: UnitOptions[keyof UnitOptions] | undefined }
  | { readonly type: 'rack/reset-options' }
  | { readonly type: 'rack/set-limit'; readonly key: LimitKey; readonly value: number | undefined }
  | { readonly type: 'rack/set-site'; readonly siteId: string | undefined }
  | { readonly type: 'compare/toggle-generation'; readonly id: string }
  | { readonly type: 'compare/set-target'; readonly kind: CompareTargetKind; readonly value: number }
  | { readonly type: 'design/replace'; readonly design: DesignState; readonly label: string };

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** What an action did, in words (shown as "Undo: …"). */
export function actionLabel(action: Action): string {
  switch (action.type) {
    case 'rack/select-generation':
      return `generation ${action.id}`;
    case 'rack/set-option':
      return action.value === undefined ? `reset ${lower(optionLabel(action.key))}` : lower(optionLabel(action.key));
    case 'rack/reset-options':
      return 'reset all options';
    case 'rack/set-limit':
      return lower(LIMIT_FIELDS[action.key].label);
    case 'rack/set-site':
      return action.siteId ? `site ${action.siteId}` : 'no site';
    case 'compare/toggle-generation':
      return `compare ${action.id}`;
    case 'compare/set-target':
      return 'compare target';
    case 'design/replace':
      return action.label;
  }
}

function withoutKey<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/**
 * Apply an action. Returns the same object when nothing changes (so history records nothing).
 * Values are assumed valid: the store validates option values against the shared schema first.
 */
export function reduce(state: DesignState, action: Action): DesignState {
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
    case 'design/replace':
      return action.design;
  }
}

/**
 * Typed app events. Components send these up (`bubbles`, `composed`); only `rack-app` acts on them.
 * @module
 */
import type { Action } from '../../src/state/actions';
import type { Route } from '../../src/state/router';
import type { Prefs } from '../../src/state/types';

export interface RackEventMap {
  /** An edit of the design document (one undo step). */
  'rack-edit': Action;
  /** Show another view. */
  'rack-navigate': Route;
  /** Change display preferences (units, theme): not an edit, not undoable. */
  'rack-prefs': Partial<Prefs>;
  /** Undo or redo, from a button. */
  'rack-history': 'undo' | 'redo';
  /** A unit-aware field committed a value (canonical SI; undefined = back to the default). */
  'quantity-change': { readonly key: string; readonly value: number | undefined };
}

/** Dispatch a typed, bubbling, composed event from `el`. */
export function emit<K extends keyof RackEventMap>(el: EventTarget, type: K, detail: RackEventMap[K]): boolean {
  return el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

declare global {
  interface HTMLElementEventMap {
    'rack-edit': CustomEvent<RackEventMap['rack-edit']>;
    'rack-navigate': CustomEvent<RackEventMap['rack-navigate']>;
    'rack-prefs': CustomEvent<RackEventMap['rack-prefs']>;
    'rack-history': CustomEvent<RackEventMap['rack-history']>;
    'quantity-change': CustomEvent<RackEventMap['quantity-change']>;
  }
}

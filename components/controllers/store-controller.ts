/**
 * Subscribes a component to the store from context and re-renders it only when the part it selects changes.
 * @module
 */
import { storeContext } from './context';
import { ContextSelection, type Host } from './context-selection';
import type { AppStore } from '../../src/state/store';

export class StoreController<T> extends ContextSelection<AppStore, T> {
  /**
   * @param host - the component
   * @param select - picks what the component shows; return a tuple to depend on several parts
   */
  constructor(host: Host, select: (store: AppStore) => T) {
    super(host, storeContext, select);
  }

  /** The store from context (undefined until the component is connected under `rack-app`). */
  get store(): AppStore | undefined {
    return this.source;
  }
}

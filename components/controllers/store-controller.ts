/**
 * Subscribes a component to the store from context and re-renders it only when the part it selects changes.
 * @module
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext } from './context';
import type { AppStore } from '../../src/state/store';

type Host = ReactiveControllerHost & HTMLElement;

/** Element-wise identity for tuples, identity otherwise. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

export class StoreController<T> implements ReactiveController {
  readonly #host: Host;
  readonly #select: (store: AppStore) => T;
  #store: AppStore | undefined;
  #value: T | undefined;
  #unsubscribe: (() => void) | undefined;

  /**
   * @param host - the component
   * @param select - picks what the component shows; return a tuple to depend on several parts
   */
  constructor(host: Host, select: (store: AppStore) => T) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => this.#attach(store),
    });
  }

  /** The store from context (undefined until the component is connected under `rack-app`). */
  get store(): AppStore | undefined {
    return this.#store;
  }

  /** The current selection (undefined without a store). */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    if (this.#store && !this.#unsubscribe) this.#attach(this.#store);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(store: AppStore): void {
    this.#unsubscribe?.();
    this.#store = store;
    this.#value = this.#select(store);
    this.#unsubscribe = store.subscribe((s) => {
      const next = this.#select(s);
      if (!same(next, this.#value)) {
        this.#value = next;
        this.#host.requestUpdate();
      }
    });
    this.#host.requestUpdate();
  }
}

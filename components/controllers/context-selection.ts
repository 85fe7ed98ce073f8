/**
 * The shared part of {@link StoreController} and {@link ReportsController}: take a source from context, select
 * what the component shows, and re-render the component only when that selection changes (element-wise identity
 * for tuples, so a selector can return `[a, b] as const`).
 * @module
 */
import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Host = ReactiveControllerHost & HTMLElement;

/** Something that tells its listeners when it may have changed. */
export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/** Element-wise identity for tuples, identity otherwise. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

export class ContextSelection<S extends Subscribable, T> implements ReactiveController {
  readonly #host: Host;
  readonly #select: (source: S) => T;
  readonly #onAttach: ((source: S) => void) | undefined;
  #source: S | undefined;
  #value: T | undefined;
  #unsubscribe: (() => void) | undefined;

  /**
   * @param select - picks what the component shows; return a tuple to depend on several parts
   * @param onAttach - called when a source arrives from context (e.g. to start loading what the selection needs)
   */
  constructor(host: Host, context: Context<unknown, S>, select: (source: S) => T, onAttach?: (source: S) => void) {
    this.#host = host;
    this.#select = select;
    this.#onAttach = onAttach;
    host.addController(this);
    new ContextConsumer(host, { context, subscribe: true, callback: (source) => this.#attach(source) });
  }

  /** The source from context (undefined until the component is connected under `rack-app`). */
  protected get source(): S | undefined {
    return this.#source;
  }

  /** The current selection (undefined without a source). */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    if (this.#source && !this.#unsubscribe) this.#attach(this.#source);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(source: S): void {
    this.#unsubscribe?.();
    this.#source = source;
    this.#onAttach?.(source);
    this.#value = this.#select(source);
    this.#unsubscribe = source.subscribe(() => {
      const next = this.#select(source);
      if (!same(next, this.#value)) {
        this.#value = next;
        this.#host.requestUpdate();
      }
    });
    this.#host.requestUpdate();
  }
}

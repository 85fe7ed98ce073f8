/**
 * Subscribes a component to the app's {@link Reports} from context and re-renders it only when what it selects
 * changes (element-wise identity for tuples). Asking for a report that needs the report modules starts loading them.
 * @module
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportsContext } from './context';
import type { Reports } from '../../src/views/reports';

type Host = ReactiveControllerHost & HTMLElement;

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

export class ReportsController<T> implements ReactiveController {
  readonly #host: Host;
  readonly #select: (reports: Reports) => T;
  readonly #needsModules: boolean;
  #reports: Reports | undefined;
  #value: T | undefined;
  #unsubscribe: (() => void) | undefined;

  /**
   * @param select - picks the reports the component shows (a tuple to depend on several)
   * @param options.needsModules - the selection needs the report modules: load them when connected
   */
  constructor(host: Host, select: (reports: Reports) => T, options: { needsModules?: boolean } = {}) {
    this.#host = host;
    this.#select = select;
    this.#needsModules = options.needsModules ?? true;
    host.addController(this);
    new ContextConsumer(host, { context: reportsContext, subscribe: true, callback: (r) => this.#attach(r) });
  }

  get reports(): Reports | undefined {
    return this.#reports;
  }

  /** The current selection (undefined before the component is connected under `rack-app`). */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    if (this.#reports && !this.#unsubscribe) this.#attach(this.#reports);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #attach(reports: Reports): void {
    this.#unsubscribe?.();
    this.#reports = reports;
    if (this.#needsModules && !reports.ready) void reports.load();
    this.#value = this.#select(reports);
    this.#unsubscribe = reports.subscribe(() => {
      const next = this.#select(reports);
      if (!same(next, this.#value)) {
        this.#value = next;
        this.#host.requestUpdate();
      }
    });
    this.#host.requestUpdate();
  }
}

/**
 * Autosave: every change of the working document is written to IndexedDB, in order, with no debounce.
 * While a write is in flight, newer changes collapse into one pending write of the latest value, so a burst of
 * edits costs at most two writes and the last edit is always the one that lands.
 * @module
 */
import { AUTOSAVE_ID, type PlanStore } from './plan-store';

export type AutosaveState = 'idle' | 'saving' | 'error';

export interface AutosaveStatus {
  readonly state: AutosaveState;
  /** Revision number of the last completed write. */
  readonly rev: number;
  readonly savedAt: number | null;
  readonly error: string | null;
}

export class Autosaver {
  readonly #store: Pick<PlanStore<unknown>, 'write'>;
  readonly #id: string;
  #pending: string | null = null;
  #running: Promise<void> | null = null;
  #lastWritten: string | null = null;
  #status: AutosaveStatus = { state: 'idle', rev: 0, savedAt: null, error: null };
  readonly #listeners = new Set<(s: AutosaveStatus) => void>();

  constructor(store: Pick<PlanStore<unknown>, 'write'>, id = AUTOSAVE_ID) {
    this.#store = store;
    this.#id = id;
  }

  get status(): AutosaveStatus {
    return this.#status;
  }

  /** Be told after every state change (for a "Saved" indicator). Returns an unsubscribe function. */
  subscribe(fn: (s: AutosaveStatus) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Record a change. The document is serialized now, so later mutation by the caller cannot leak in. */
  save(doc: unknown): void {
    const json = JSON.stringify(doc);
    if (this.#pending === null && json === this.#lastWritten) return;
    this.#pending = json;
    this.#running ??= this.#drain();
  }

  /** Resolves when everything recorded so far is on disk (or the last write failed). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending !== null) {
        const json = this.#pending;
        this.#pending = null;
        this.#set({ ...this.#status, state: 'saving' });
        try {
          const rev = await this.#store.write(this.#id, json);
          this.#lastWritten = json;
          this.#set({ state: this.#pending === null ? 'idle' : 'saving', rev, savedAt: Date.now(), error: null });
        } catch (err) {
          // Keep the value so the next change (or flush after a retry) writes it again.
          this.#pending ??= json;
          this.#set({ ...this.#status, state: 'error', error: err instanceof Error ? err.message : String(err) });
          return;
        }
      }
    } finally {
      this.#running = null;
    }
  }

  #set(s: AutosaveStatus): void {
    this.#status = s;
    for (const fn of this.#listeners) fn(s);
  }
}

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
  #lastSent: string | null = null;
  #outstanding = 0;
  #tail: Promise<void> = Promise.resolve();
  #status: AutosaveStatus = { state: 'idle', rev: 0, savedAt: null, error: null };
  readonly #listeners = new Set<(s: AutosaveStatus) => void>();

  readonly #journal: { readonly storage: Pick<Storage, 'setItem'>; readonly key: string } | undefined;

  /**
   * @param journal - optional synchronous journal (localStorage): the latest document is also written there
   *   inside the edit, because a browser may abort IndexedDB work still in flight when the page is torn down.
   */
  constructor(store: Pick<PlanStore<unknown>, 'write'>, id = AUTOSAVE_ID, journal?: { readonly storage: Pick<Storage, 'setItem'>; readonly key: string }) {
    this.#store = store;
    this.#id = id;
    this.#journal = journal;
  }

  get status(): AutosaveStatus {
    return this.#status;
  }

  /** Be told after every state change (for a "Saved" indicator). Returns an unsubscribe function. */
  subscribe(fn: (s: AutosaveStatus) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Record a change: serialized now (later mutation cannot leak in) and handed to the database at once, in
   * order, without waiting for earlier writes. An unchanged document writes nothing.
   */
  save(doc: unknown): void {
    const json = JSON.stringify(doc);
    if (json === this.#lastSent) return;
    this.#lastSent = json;
    if (this.#journal) {
      try {
        this.#journal.storage.setItem(this.#journal.key, json);
      } catch {
        // Quota or privacy settings: IndexedDB alone then.
      }
    }
    this.#outstanding++;
    if (this.#status.state !== 'saving') this.#set({ ...this.#status, state: 'saving' });
    const done = this.#store.write(this.#id, json).then(
      (rev) => {
        this.#outstanding--;
        const failed = this.#status.state === 'error';
        this.#set({ state: this.#outstanding > 0 ? 'saving' : failed ? 'error' : 'idle', rev: Math.max(rev, this.#status.rev), savedAt: Date.now(), error: failed ? this.#status.error : null });
      },
      (err: unknown) => {
        this.#outstanding--;
        // Forget what was sent so the next change (even an identical one) is written again.
        this.#lastSent = null;
        this.#set({ ...this.#status, state: 'error', error: err instanceof Error ? err.message : String(err) });
      },
    );
    this.#tail = this.#tail.then(() => done);
  }

  /** Resolves when everything recorded so far is on disk (or has failed). */
  async flush(): Promise<void> {
    let t: Promise<void>;
    do {
      t = this.#tail;
      await t;
    } while (t !== this.#tail);
  }

  #set(s: AutosaveStatus): void {
    this.#status = s;
    for (const fn of this.#listeners) fn(s);
  }
}

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
  /**
   * Why the synchronous journal copy could not be written (quota, privacy settings), or null. The database
   * still saves; a page closed before the database write lands can then lose that last edit.
   */
  readonly journalError: string | null;
}

/** What the journal stores next to the document, under `<key>:meta`: when it was saved and a hash of its text. */
export interface JournalMeta {
  readonly savedAt: number;
  readonly hash: string;
  readonly length: number;
}

/** 32-bit FNV-1a of the text's UTF-16 code units, as 8 hex digits: detects a torn or mismatched journal. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function journalMetaKey(key: string): string {
  return `${key}:meta`;
}

export class Autosaver {
  readonly #store: Pick<PlanStore<unknown>, 'write'>;
  readonly #id: string;
  #lastSent: string | null = null;
  #outstanding = 0;
  #tail: Promise<void> = Promise.resolve();
  #status: AutosaveStatus = { state: 'idle', rev: 0, savedAt: null, error: null, journalError: null };
  #lastSavedAt = 0;
  readonly #listeners = new Set<(s: AutosaveStatus) => void>();

  readonly #journal: { readonly storage: Pick<Storage, 'setItem' | 'removeItem'>; readonly key: string } | undefined;

  /**
   * @param journal - optional synchronous journal (localStorage): the latest document is also written there
   *   inside the edit, because a browser may abort IndexedDB work still in flight when the page is torn down.
   */
  constructor(store: Pick<PlanStore<unknown>, 'write'>, id = AUTOSAVE_ID, journal?: { readonly storage: Pick<Storage, 'setItem' | 'removeItem'>; readonly key: string }) {
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
    // One strictly increasing time per edit, stored with both copies: restore takes whichever is newer.
    const savedAt = Math.max(Date.now(), this.#lastSavedAt + 1);
    this.#lastSavedAt = savedAt;
    let journalError: string | null = null;
    if (this.#journal) {
      const { storage, key } = this.#journal;
      try {
        storage.setItem(key, json);
        storage.setItem(journalMetaKey(key), JSON.stringify({ savedAt, hash: contentHash(json), length: json.length } satisfies JournalMeta));
      } catch (err) {
        // Quota or privacy settings. An older journal left in place would win over newer database revisions on
        // the next visit (review 2026-12 F2): remove it, and say so.
        journalError = err instanceof Error ? err.message : String(err);
        try {
          storage.removeItem(key);
          storage.removeItem(journalMetaKey(key));
        } catch {
          // Nothing more to do: restore also compares times and hashes.
        }
      }
    }
    this.#outstanding++;
    if (this.#status.state !== 'saving' || journalError !== this.#status.journalError) this.#set({ ...this.#status, state: 'saving', journalError });
    const done = this.#store.write(this.#id, json, { savedAt }).then(
      (rev) => {
        this.#outstanding--;
        const failed = this.#status.state === 'error';
        this.#set({ ...this.#status, state: this.#outstanding > 0 ? 'saving' : failed ? 'error' : 'idle', rev: Math.max(rev, this.#status.rev), savedAt: Date.now(), error: failed ? this.#status.error : null });
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

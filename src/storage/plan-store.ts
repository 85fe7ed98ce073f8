/**
 * IndexedDB persistence (through `idb`) for the working document (autosave) and the named plan library.
 *
 * Layout (database `rackplan`, version 1):
 * - `docs` — one head per document: id, name, kind, timestamps, the revision in force, a soft-delete mark.
 * - `revisions` — the JSON text of each saved revision, keyed `[docId, rev]`.
 *
 * Writes are crash-safe by construction: the new revision is written in its own transaction first, and only
 * when that has committed does a second transaction switch the head to it (and prune revisions older than the
 * last few). A crash between the two leaves the head on the previous, complete revision.
 *
 * Stored entries are validated on the way out with the same import boundary as files (migrations included).
 * An entry that fails is reported with its problems and kept — its JSON text stays exportable — never dropped.
 * Library operations (save as, duplicate, rename, delete) can be undone, newest first.
 * @module
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InputProblem } from '../schema/errors';
import { importParsed, type ImportOptions, type Validator } from '../io/import';
import { readJson } from '../io/json';
import { DB_NAME } from './session-names';

export { DB_NAME };
export const DB_VERSION = 1;
/** Id of the working document the app autosaves on every change. */
export const AUTOSAVE_ID = 'autosave';

export type DocKind = 'autosave' | 'named';

export interface DocHead {
  readonly id: string;
  readonly name: string;
  readonly kind: DocKind;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Revision in force (0 = none written yet). */
  readonly rev: number;
  /** Set when deleted (kept until the trash is emptied, so delete can be undone). */
  readonly deletedAt: number | null;
  /** Set on a copy made from an entry that failed validation. */
  readonly recoveredFrom?: string;
}

interface RevisionRecord {
  readonly docId: string;
  readonly rev: number;
  readonly savedAt: number;
  /** The document as JSON text: exactly what was saved, exportable even when it no longer validates. */
  readonly json: string;
}

interface Schema extends DBSchema {
  docs: { key: string; value: DocHead };
  revisions: { key: [string, number]; value: RevisionRecord };
}

export type Loaded<T> =
  | { readonly ok: true; readonly head: DocHead; readonly value: T; readonly json: string; readonly migrations: readonly string[] }
  | { readonly ok: false; readonly head: DocHead; readonly json: string; readonly problems: readonly InputProblem[]; readonly message: string };

/** A stored revision restore could not use, and the library entry its text was copied to. */
export interface DamagedRevision {
  readonly rev: number;
  /** When it was saved (ms since epoch), or null when the record does not say. */
  readonly savedAt: number | null;
  readonly problems: readonly InputProblem[];
  readonly message: string;
  /** The library entry holding its text, or null when that copy could not be written ({@link notKept} says why). */
  readonly keptAs: { readonly id: string; readonly name: string } | null;
  readonly notKept?: string;
}

/** What {@link PlanStore.restore} found: nothing, the newest intact revision (and any newer damaged ones), or only damaged ones. */
export type Restored<T> =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly value: T; readonly migrations: readonly string[]; readonly rev: number; readonly savedAt: number; readonly damaged: readonly DamagedRevision[] }
  | { readonly status: 'damaged'; readonly recoveredId: string | null; readonly problems: readonly InputProblem[]; readonly message: string; readonly damaged: readonly DamagedRevision[] };

export interface LibraryEntry {
  readonly head: DocHead;
  /** null when the entry validates; otherwise what is wrong with it (the entry is kept and can be exported). */
  readonly problems: readonly InputProblem[] | null;
}

export interface StoreOptions<T> {
  readonly validate: Validator<T>;
  readonly importOptions?: ImportOptions;
  readonly dbName?: string;
  /** Revisions kept per document besides the one in force (default 2). */
  readonly keepRevisions?: number;
  readonly now?: () => number;
  /** New ids (default crypto.randomUUID). */
  readonly newId?: () => string;
}

interface UndoStep {
  readonly label: string;
  readonly revert: () => Promise<void>;
}

export class PlanStore<T> {
  readonly #db: IDBPDatabase<Schema>;
  readonly #opts: StoreOptions<T>;
  readonly #undo: UndoStep[] = [];

  private constructor(db: IDBPDatabase<Schema>, opts: StoreOptions<T>) {
    this.#db = db;
    this.#opts = opts;
  }

  /** Open (or create) the database. */
  static async open<T>(opts: StoreOptions<T>): Promise<PlanStore<T>> {
    const db = await openDB<Schema>(opts.dbName ?? DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('docs')) d.createObjectStore('docs', { keyPath: 'id' });
        if (!d.objectStoreNames.contains('revisions')) d.createObjectStore('revisions', { keyPath: ['docId', 'rev'] });
      },
    });
    return new PlanStore(db, opts);
  }

  close(): void {
    this.#db.close();
  }

  #now(): number {
    return this.#opts.now?.() ?? Date.now();
  }

  #newId(): string {
    return this.#opts.newId?.() ?? crypto.randomUUID();
  }

  /**
   * Save a new revision of a document: write the revision, then switch the head to it.
   * Creates the document when it does not exist. Returns the new revision number.
   *
   * Once the document's last revision number is known (after its first write or read here), the revision's
   * transaction is created and committed synchronously inside this call, so the data is handed to the browser's
   * database before the caller's event handler even returns: a page closed right after an edit keeps it.
   */
  write(id: string, json: string, meta: { name?: string; kind?: DocKind; savedAt?: number } = {}): Promise<number> {
    const known = this.#revs.get(id);
    // The time is taken now, not after the first write's revision lookup, so revisions order like the edits
    // (the autosave journal compares its own time with the revision's, see app-autosave.ts).
    if (known === undefined) {
      const at = meta.savedAt ?? this.#now();
      return this.#initRevision(id).then(() => this.write(id, json, { ...meta, savedAt: at }));
    }
    const rev = known + 1;
    this.#revs.set(id, rev);
    const now = meta.savedAt ?? this.#now();
    // 1. Write the new revision on its own. If the tab dies before step 2, the head still names the previous
    //    revision; load() rolls forward to this one if it is complete and validates.
    const tx1 = this.#db.transaction('revisions', 'readwrite');
    const put = tx1.store.put({ docId: id, rev, savedAt: now, json });
    tx1.commit();
    return Promise.all([put, tx1.done]).then(() => this.#switchHead(id, rev, now, meta));
  }

  readonly #revs = new Map<string, number>();
  readonly #revInit = new Map<string, Promise<void>>();

  #initRevision(id: string): Promise<void> {
    let p = this.#revInit.get(id);
    if (!p) {
      p = (async () => {
        const head = await this.#db.get('docs', id);
        // Revision numbers only grow: start past anything stored for this id (orphans of an interrupted write).
        const last = await this.#lastRevision(id);
        if (!this.#revs.has(id)) this.#revs.set(id, Math.max(head?.rev ?? 0, last));
      })();
      this.#revInit.set(id, p);
      void p.finally(() => this.#revInit.delete(id));
    }
    return p;
  }

  /** 2. Switch the head to `rev` (never backwards), then prune revisions older than the last few. */
  async #switchHead(id: string, rev: number, now: number, meta: { name?: string; kind?: DocKind }): Promise<number> {
    const tx2 = this.#db.transaction(['docs', 'revisions'], 'readwrite');
    const docs = tx2.objectStore('docs');
    const head = await docs.get(id);
    if (head && head.rev > rev) {
      // A later write already switched past this one: leave it in force.
      await tx2.done;
      return head.rev;
    }
    await docs.put({
      id,
      name: meta.name ?? head?.name ?? (id === AUTOSAVE_ID ? 'Working plan' : 'Untitled plan'),
      kind: meta.kind ?? head?.kind ?? (id === AUTOSAVE_ID ? 'autosave' : 'named'),
      createdAt: head?.createdAt ?? now,
      updatedAt: now,
      rev,
      deletedAt: head?.deletedAt ?? null,
      ...(head?.recoveredFrom ? { recoveredFrom: head.recoveredFrom } : {}),
    });
    const keep = this.#opts.keepRevisions ?? 2;
    const revisions = tx2.objectStore('revisions');
    if (rev - keep - 1 >= 0) {
      let cursor = await revisions.openCursor(IDBKeyRange.bound([id, 0], [id, rev - keep - 1]));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    await tx2.done;
    return rev;
  }

  async #lastRevision(id: string): Promise<number> {
    const cursor = await this.#db.transaction('revisions').store.openCursor(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]), 'prev');
    return cursor ? cursor.value.rev : 0;
  }

  async head(id: string): Promise<DocHead | undefined> {
    return this.#db.get('docs', id);
  }

  /** The JSON text of the revision in force, validated or not (for exporting a damaged entry). */
  async rawJson(id: string): Promise<string | undefined> {
    const head = await this.#db.get('docs', id);
    if (!head || head.rev === 0) return undefined;
    return (await this.#db.get('revisions', [id, head.rev]))?.json;
  }

  /** Load and validate the revision in force. Undefined when there is no such document. */
  async load(id: string): Promise<Loaded<T> | undefined> {
    let head = await this.#db.get('docs', id);
    // Roll forward: a revision newer than the head is a write whose switch never ran (the page closed between
    // the two transactions). Revisions are written atomically, so it is complete; use it if it validates.
    const last = await this.#lastRevision(id);
    if (last > (head?.rev ?? 0)) {
      const newer = await this.#db.get('revisions', [id, last]);
      if (newer) {
        const checked = this.#check(head ?? this.#orphanHead(id, newer.savedAt), newer.json);
        if (checked.ok) {
          await this.#switchHead(id, last, newer.savedAt, {});
          head = await this.#db.get('docs', id);
          if (head) return { ...checked, head };
        }
      }
    }
    if (!head || head.rev === 0) return undefined;
    const rec = await this.#db.get('revisions', [id, head.rev]);
    if (!rec) return { ok: false, head, json: '', problems: [{ path: '(stored entry)', message: `revision ${head.rev} is missing from the database` }], message: 'stored entry is incomplete' };
    return this.#check(head, rec.json);
  }

  #orphanHead(id: string, at: number): DocHead {
    return { id, name: id === AUTOSAVE_ID ? 'Working plan' : 'Untitled plan', kind: id === AUTOSAVE_ID ? 'autosave' : 'named', createdAt: at, updatedAt: at, rev: 0, deletedAt: null };
  }

  #check(head: DocHead, json: string): Loaded<T> {
    // A revision whose text field holds something else (a damaged profile) is reported and kept like any bad entry.
    if (typeof json !== 'string') {
      const text = JSON.stringify(json) ?? String(json);
      return { ok: false, head, json: text, problems: [{ path: '(stored entry)', message: `the stored revision is not JSON text (found ${typeof json})` }], message: 'stored entry is damaged' };
    }
    const parsed = readJson(json, this.#opts.importOptions);
    const r = parsed.ok ? importParsed(parsed.value, this.#opts.validate, this.#opts.importOptions) : parsed;
    if (!r.ok) return { ok: false, head, json, problems: r.error.problems, message: r.error.message };
    return { ok: true, head, value: r.value.value, json, migrations: r.value.migrations };
  }

  /** Revision numbers stored for a document (orphans of an interrupted write included), newest first. */
  async #revisionNumbers(id: string): Promise<number[]> {
    const keys = await this.#db.getAllKeys('revisions', IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
    return keys.map((k) => k[1]).sort((a, b) => b - a);
  }

  /**
   * Restore the working document at start-up: the newest revision that is whole and validates, never an older
   * one silently. Every revision newer than the one restored (damaged, schema-invalid, too large, missing, or an
   * orphan of an interrupted write that does not validate) is copied to a named library entry marked as
   * recovered, so its text stays listed and downloadable, and is reported with the revision restored. With no
   * intact revision at all the status is `damaged` and the app starts fresh.
   */
  async restore(id: string = AUTOSAVE_ID): Promise<Restored<T>> {
    const head = await this.#db.get('docs', id);
    const revs = await this.#revisionNumbers(id);
    if ((!head || head.rev === 0) && revs.length === 0) return { status: 'empty' };
    const damaged: { rev: number; savedAt: number | null; json: string; problems: readonly InputProblem[]; message: string }[] = [];
    // The head naming a revision that is gone (P12) is the newest record, and a damaged one.
    if (head && head.rev > 0 && !revs.includes(head.rev) && head.rev > (revs[0] ?? 0)) {
      damaged.push({ rev: head.rev, savedAt: head.updatedAt, json: '', problems: [{ path: '(stored entry)', message: `revision ${head.rev} is missing from the database` }], message: 'stored entry is incomplete' });
    }
    let restored: { rev: number; savedAt: number; value: T; migrations: readonly string[] } | undefined;
    for (const rev of revs) {
      const rec = await this.#db.get('revisions', [id, rev]);
      if (!rec) continue;
      const checked = this.#check(head ?? this.#orphanHead(id, rec.savedAt), rec.json);
      if (checked.ok) {
        restored = { rev, savedAt: rec.savedAt, value: checked.value, migrations: checked.migrations };
        break;
      }
      damaged.push({ rev, savedAt: typeof rec.savedAt === 'number' ? rec.savedAt : null, json: checked.json, problems: checked.problems, message: checked.message });
    }
    const kept: DamagedRevision[] = [];
    for (const d of damaged) {
      const stamp = d.savedAt === null ? 'time unknown' : new Date(d.savedAt).toISOString().slice(0, 16).replace('T', ' ');
      const name = `Recovered working plan (does not validate), revision ${d.rev} saved ${stamp}`;
      const recoveredId = this.#newId();
      try {
        await this.write(recoveredId, d.json, { name, kind: 'named' });
        const copy = await this.#db.get('docs', recoveredId);
        if (copy) await this.#db.put('docs', { ...copy, recoveredFrom: id });
        kept.push({ rev: d.rev, savedAt: d.savedAt, problems: d.problems, message: d.message, keptAs: { id: recoveredId, name: cleanName(name) } });
      } catch (err) {
        // The copy failed (quota): the intact revision is still restored, and the user hears the copy is missing.
        kept.push({ rev: d.rev, savedAt: d.savedAt, problems: d.problems, message: d.message, keptAs: null, notKept: err instanceof Error ? err.message : String(err) });
      }
    }
    // The next write goes past every revision seen, damaged ones included (numbers only grow; pruning removes them
    // once they are old, and their text is in the library by then).
    const newest = Math.max(head?.rev ?? 0, revs[0] ?? 0);
    this.#revs.set(id, Math.max(this.#revs.get(id) ?? 0, newest));
    if (restored) return { status: 'ok', value: restored.value, migrations: restored.migrations, rev: restored.rev, savedAt: restored.savedAt, damaged: kept };
    const first = kept[0]!;
    return { status: 'damaged', recoveredId: first.keptAs?.id ?? null, problems: first.problems, message: first.message, damaged: kept };
  }

  /** Named plans (not deleted), newest first, each validated. */
  async list(): Promise<LibraryEntry[]> {
    const heads = (await this.#db.getAll('docs')).filter((h) => h.kind === 'named' && h.deletedAt === null);
    heads.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
    const out: LibraryEntry[] = [];
    for (const head of heads) {
      const loaded = await this.load(head.id);
      out.push({ head, problems: !loaded ? [{ path: '(stored entry)', message: 'no revision saved' }] : loaded.ok ? null : loaded.problems });
    }
    return out;
  }

  /** Documents in the trash (deleted, not yet purged). */
  async trash(): Promise<DocHead[]> {
    return (await this.#db.getAll('docs')).filter((h) => h.deletedAt !== null);
  }

  /** Save a document under a new name; returns its id. Undo removes it. */
  async saveAs(name: string, json: string): Promise<string> {
    const id = this.#newId();
    await this.write(id, json, { name: cleanName(name), kind: 'named' });
    this.#push(`save "${cleanName(name)}"`, () => this.#setDeleted(id, this.#now()));
    return id;
  }

  /** Copy a plan's revision in force (even a damaged one) to a new entry; returns its id. Undo removes the copy. */
  async duplicate(id: string, name?: string): Promise<string> {
    const head = await this.#mustHead(id);
    const json = (await this.rawJson(id)) ?? '';
    const copyName = cleanName(name ?? `${head.name} (copy)`);
    const copy = this.#newId();
    await this.write(copy, json, { name: copyName, kind: 'named' });
    this.#push(`duplicate "${head.name}"`, () => this.#setDeleted(copy, this.#now()));
    return copy;
  }

  /** Rename a plan. Undo restores the old name. */
  async rename(id: string, name: string): Promise<void> {
    const head = await this.#mustHead(id);
    const next = cleanName(name);
    await this.#db.put('docs', { ...head, name: next, updatedAt: this.#now() });
    this.#push(`rename "${head.name}" to "${next}"`, async () => {
      const h = await this.#mustHead(id);
      await this.#db.put('docs', { ...h, name: head.name });
    });
  }

  /** Delete a plan (to the trash). Undo brings it back. */
  async remove(id: string): Promise<void> {
    const head = await this.#mustHead(id);
    await this.#setDeleted(id, this.#now());
    this.#push(`delete "${head.name}"`, () => this.#setDeleted(id, null));
  }

  /** Permanently remove trashed plans deleted before `before` (ms since epoch). Not undoable. */
  async emptyTrash(before = Number.POSITIVE_INFINITY): Promise<number> {
    const victims = (await this.trash()).filter((h) => h.deletedAt !== null && h.deletedAt < before);
    for (const h of victims) {
      const tx = this.#db.transaction(['docs', 'revisions'], 'readwrite');
      let cursor = await tx.objectStore('revisions').openCursor(IDBKeyRange.bound([h.id, 0], [h.id, Number.MAX_SAFE_INTEGER]));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.objectStore('docs').delete(h.id);
      await tx.done;
    }
    return victims.length;
  }

  /** What the next undo reverts ("delete "Plan A""), or null. */
  get undoLabel(): string | null {
    return this.#undo[this.#undo.length - 1]?.label ?? null;
  }

  /** Revert the newest library operation; returns its label, or null when there is nothing to undo. */
  async undo(): Promise<string | null> {
    const step = this.#undo.pop();
    if (!step) return null;
    await step.revert();
    return step.label;
  }

  #push(label: string, revert: () => Promise<void>): void {
    this.#undo.push({ label, revert });
    if (this.#undo.length > 100) this.#undo.shift();
  }

  async #mustHead(id: string): Promise<DocHead> {
    const head = await this.#db.get('docs', id);
    if (!head) throw new Error(`plan store: no document ${id}`);
    return head;
  }

  async #setDeleted(id: string, at: number | null): Promise<void> {
    const head = await this.#mustHead(id);
    await this.#db.put('docs', { ...head, deletedAt: at });
  }
}

/** Names are plain text: trimmed, control characters removed, at most 120 characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const n = name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return n || 'Untitled plan';
}

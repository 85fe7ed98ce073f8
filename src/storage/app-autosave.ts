/**
 * Autosave of the app session (the store's snapshot: design document and preferences) to IndexedDB.
 * `restoreSession` runs before the store is built so a reload opens exactly where the user was; `attach`
 * saves every change from then on. A stored session that no longer validates is kept as a recovered entry
 * and reported; the app then starts fresh. IndexedDB unavailable (private mode, blocked): the app runs
 * without autosave and says so.
 * @module
 */
import { importParsed, type Validator } from '../io/import';
import { readJson } from '../io/json';
import { MAX_SESSION_BYTES } from '../io/limits';
import type { Result } from '../io/result';
import type { InputProblem } from '../schema/errors';
import type { AppSnapshot, DesignState, Prefs } from '../state/types';
import { Autosaver, contentHash, journalMetaKey, type AutosaveStatus, type JournalMeta } from './autosave';
import { AUTOSAVE_ID, PlanStore, type DamagedRevision } from './plan-store';
import { JOURNAL_KEY } from './session-names';

/** What autosave needs from the app store. */
export interface SessionSource {
  subscribe(listener: () => void): () => void;
  snapshot(): AppSnapshot;
}

/** The app's own snapshot check (src/state: parseSnapshot), passed in so storage does not depend on the app. */
export type SnapshotParser = (data: unknown) => Result<AppSnapshot, readonly InputProblem[]>;

export interface Session {
  readonly design: DesignState | undefined;
  readonly prefs: Prefs | undefined;
  /** Something the user should hear about (a damaged session kept aside, storage unavailable). */
  readonly notice: string | null;
  /** Save every change of `store` from now on; returns a function that stops it. */
  attach(store: SessionSource): () => void;
  readonly status: () => AutosaveStatus | null;
  /** Be told when saving fails or recovers, with a sentence for the user (null when all is saved again). */
  onProblem(fn: (message: string | null) => void): () => void;
  /**
   * Be told when another tab of the app saved the session (BroadcastChannel): this tab's copy is then older, and
   * its next edit would replace the other tab's work, so the user hears it first, with what to do.
   */
  onOtherTab(fn: (message: string) => void): () => void;
}

/** BroadcastChannel name the app's tabs announce their saves on (suffixed with the database name). */
export const SESSION_CHANNEL = 'rackplan:session';

interface SavedMessage {
  readonly type: 'saved';
  readonly tab: string;
  readonly savedAt: number;
}

/** What the user should hear about an autosave status, or null when nothing is wrong. */
export function autosaveProblem(s: AutosaveStatus): string | null {
  if (s.state === 'error') return `Autosave failed (${s.error ?? 'unknown error'}): your latest changes are not saved in this browser. Export the plan (Export view) to keep them.`;
  if (s.journalError) return `This browser refused the quick-save copy of your plan (${s.journalError}). Changes still go to the browser database, but a page closed right after an edit may lose that edit; export large plans to keep a copy.`;
  return null;
}

export function snapshotValidator(parse: SnapshotParser): Validator<AppSnapshot> {
  return parse;
}

/** Open the session store and read the last session (at most `timeoutMs`, so a stuck database never blocks start-up). */
/** localStorage key of the synchronous journal that backs up the latest session (see {@link Autosaver}). */
export { JOURNAL_KEY };

function journalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export async function restoreSession(parse: SnapshotParser, options: { dbName?: string; timeoutMs?: number; journal?: Storage | null; maxBytes?: number } = {}): Promise<Session> {
  const none = (notice: string | null): Session => ({ design: undefined, prefs: undefined, notice, attach: () => () => undefined, status: () => null, onProblem: () => () => undefined, onOtherTab: () => () => undefined });
  if (typeof indexedDB === 'undefined') return none('This browser has no IndexedDB: changes are not saved between visits.');
  let store: PlanStore<AppSnapshot>;
  try {
    store = await withTimeout(PlanStore.open<AppSnapshot>({ validate: snapshotValidator(parse), dbName: options.dbName, importOptions: { maxBytes: options.maxBytes ?? MAX_SESSION_BYTES } }), options.timeoutMs ?? 3000);
  } catch (err) {
    return none(`Autosave is off: the browser refused local storage (${err instanceof Error ? err.message : String(err)}).`);
  }
  let design: DesignState | undefined;
  let prefs: Prefs | undefined;
  let notice: string | null = null;
  const journal = options.journal === null ? undefined : (options.journal ?? journalStorage());
  // The journal is written inside every edit, before the database write, and carries the edit's time and a hash
  // of its text. It wins only when it is whole (hash matches) and at least as new as the database's revision in
  // force: a journal whose later writes failed (quota) must never bring back an older plan (review 2026-12 F2).
  const fromJournal = readJournal(journal, parse, options.maxBytes ?? MAX_SESSION_BYTES);
  try {
    const stored = await withTimeout(store.restore(AUTOSAVE_ID), options.timeoutMs ?? 3000).catch((err: unknown) => {
      if (fromJournal) return { status: 'empty' } as const;
      throw err;
    });
    // The journal competes with the revision restore picked (the newest intact one), not with a damaged newer one.
    const storedAt = stored.status === 'ok' ? stored.savedAt : Number.NEGATIVE_INFINITY;
    const useJournal = fromJournal !== undefined && fromJournal.savedAt >= storedAt;
    const r = useJournal ? ({ status: 'ok', value: fromJournal.snapshot } as const) : stored;
    if (r.status === 'ok') {
      design = r.value.design;
      prefs = r.value.prefs;
    }
    const damaged = stored.status === 'empty' ? [] : stored.damaged;
    if (damaged.length) notice = damagedNotice(damaged, useJournal ? { from: 'journal', savedAt: fromJournal.savedAt } : stored.status === 'ok' ? { from: 'revision', rev: stored.rev, savedAt: stored.savedAt } : null);
  } catch (err) {
    notice = `The last session could not be read (${err instanceof Error ? err.message : String(err)}); starting fresh.`;
  }
  const saver = new Autosaver(store, AUTOSAVE_ID, journal ? { storage: journal, key: JOURNAL_KEY } : undefined);
  // Tabs of the app share one session: each announces its saves, and hears the others' — on a channel of this
  // database only (another database is another session: the browser tests run several side by side).
  const tab = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`${SESSION_CHANNEL}:${options.dbName ?? 'default'}`);
  const otherTabListeners = new Set<(message: string) => void>();
  let announcedRev = 0;
  saver.subscribe((st) => {
    if (st.state === 'idle' && st.rev > announcedRev && st.savedAt !== null) {
      announcedRev = st.rev;
      channel?.postMessage({ type: 'saved', tab, savedAt: st.savedAt } satisfies SavedMessage);
    }
  });
  if (channel) {
    channel.onmessage = (e: MessageEvent<unknown>) => {
      const m = e.data as Partial<SavedMessage> | null;
      if (m?.type !== 'saved' || m.tab === tab || typeof m.savedAt !== 'number') return;
      const at = new Date(m.savedAt).toLocaleTimeString();
      const message = `This plan was changed in another tab (saved ${at}). Reload this tab to continue from that version; an edit made here first would replace it.`;
      for (const fn of otherTabListeners) fn(message);
    };
  }
  return {
    design,
    prefs,
    notice,
    status: () => saver.status,
    onOtherTab(fn) {
      otherTabListeners.add(fn);
      return () => otherTabListeners.delete(fn);
    },
    onProblem(fn) {
      let last: string | null = null;
      return saver.subscribe((st) => {
        const message = autosaveProblem(st);
        if (message !== last) fn((last = message));
      });
    },
    attach(app: SessionSource) {
      const save = () => saver.save(app.snapshot());
      const flushOnHide = () => {
        if (document.visibilityState === 'hidden') void saver.flush();
      };
      const off = app.subscribe(save);
      document.addEventListener('visibilitychange', flushOnHide);
      save();
      return () => {
        off();
        document.removeEventListener('visibilitychange', flushOnHide);
      };
    },
  };
}

/** The journal's snapshot and its time; a journal without a matching meta record (older versions, torn) counts as oldest. */
function readJournal(journal: Storage | undefined, parse: SnapshotParser, maxBytes: number): { snapshot: AppSnapshot; savedAt: number } | undefined {
  try {
    const text = journal?.getItem(JOURNAL_KEY);
    if (!text) return undefined;
    const parsed = readJson(text, { maxBytes });
    const r = parsed.ok ? importParsed(parsed.value, snapshotValidator(parse), { maxBytes }) : parsed;
    if (!r.ok) return undefined;
    let savedAt = Number.NEGATIVE_INFINITY;
    const metaText = journal?.getItem(journalMetaKey(JOURNAL_KEY));
    if (metaText) {
      const meta = JSON.parse(metaText) as Partial<JournalMeta>;
      if (typeof meta.savedAt === 'number' && meta.hash === contentHash(text) && meta.length === text.length) savedAt = meta.savedAt;
    }
    return { snapshot: r.value.value, savedAt };
  } catch {
    return undefined;
  }
}

function when(savedAt: number | null): string {
  return savedAt === null || !Number.isFinite(savedAt) ? 'at an unknown time' : new Date(savedAt).toLocaleString();
}

/**
 * The sentence for a restore that met damaged revisions: which ones, why, where each is kept, and what was
 * restored instead (a revision, the journal, or nothing), so an older plan never comes back without the user knowing.
 */
export function damagedNotice(damaged: readonly DamagedRevision[], restored: { from: 'revision'; rev: number; savedAt: number } | { from: 'journal'; savedAt: number } | null): string {
  const newest = damaged[0]!;
  const p = newest.problems[0];
  const why = p ? `${p.path}: ${p.message}` : newest.message;
  const more = damaged.length > 1 ? ` (and ${damaged.length - 1} more damaged revision${damaged.length > 2 ? 's' : ''} before it)` : '';
  const head = `The newest saved session, revision ${newest.rev} saved ${when(newest.savedAt)}, is damaged (${why})${more}.`;
  const kept = newest.keptAs
    ? ` It is kept in the plan library as “${newest.keptAs.name}”${damaged.length > 1 ? ' (each damaged revision has its own entry)' : ''} and can be downloaded from there.`
    : ` Its copy in the plan library could not be written (${newest.notKept ?? 'unknown error'}): it stays in the browser database only until later saves replace it.`;
  if (!restored) return `${head} No earlier intact revision was found: starting fresh.${kept}`;
  if (restored.from === 'journal') {
    const asNew = newest.savedAt !== null && restored.savedAt >= newest.savedAt;
    return `${head} Restored this browser's quick-save copy instead, saved ${when(restored.savedAt)}, ${asNew ? 'which is at least as new' : 'the newest intact copy: changes made after it are not in this plan'}.${kept}`;
  }
  return `${head} Restored revision ${restored.rev} instead, saved ${when(restored.savedAt)}, the newest intact one: changes made after it are not in this plan.${kept}`;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

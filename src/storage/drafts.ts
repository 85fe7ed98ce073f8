/**
 * Text typed into a field but not yet applied (no Enter, Tab or blur): kept in localStorage as the user types
 * (debounced), so a reload or a closed tab does not lose it. The field restores it marked as a draft; applying,
 * Escape or reset removes it. Committed values live in the session (src/storage/app-autosave.ts); drafts are only
 * the unfinished text, one small JSON map.
 * @module
 */

export const DRAFTS_KEY = 'rackplan:drafts';

/** Longest draft text kept (a field's text, not a document). */
const MAX_TEXT = 200;
/** At most this many drafts; the oldest go first. */
const MAX_DRAFTS = 50;

export interface DraftStore {
  get(key: string): string | undefined;
  /** Remember `text` for `key` after `delayMs` of quiet (or at once on `flush`). */
  set(key: string, text: string): void;
  clear(key: string): void;
  /** Write pending drafts now (the page is being hidden or closed). */
  flush(): void;
}

function read(storage: Storage | undefined): Record<string, string> {
  try {
    const raw = storage?.getItem(DRAFTS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= MAX_TEXT));
  } catch {
    return {};
  }
}

/**
 * A draft store over `storage` (localStorage by default; none when the browser refuses it, then drafts are simply not
 * kept). Writes are debounced by `delayMs`.
 */
export function draftStore(storage: Storage | undefined = safeLocalStorage(), delayMs = 300): DraftStore {
  let drafts = read(storage);
  const pending = new Map<string, string | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    if (!pending.size) return;
    drafts = read(storage);
    for (const [k, v] of pending) {
      delete drafts[k];
      if (v !== null) drafts[k] = v.slice(0, MAX_TEXT);
    }
    pending.clear();
    const keys = Object.keys(drafts);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_DRAFTS))) delete drafts[k];
    try {
      if (Object.keys(drafts).length) storage?.setItem(DRAFTS_KEY, JSON.stringify(drafts));
      else storage?.removeItem(DRAFTS_KEY);
    } catch {
      // Storage full or refused: the draft is lost on reload, as it was before drafts existed.
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  return {
    get: (key) => (pending.has(key) ? (pending.get(key) ?? undefined) : drafts[key]),
    set(key, text) {
      pending.set(key, text);
      schedule();
    },
    clear(key) {
      if (!pending.has(key) && drafts[key] === undefined) return;
      pending.set(key, null);
      schedule();
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      write();
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

let shared: DraftStore | undefined;

/** The page's one draft store; pending drafts are written when the page is hidden or closed. */
export function pageDrafts(): DraftStore {
  if (!shared) {
    const store = draftStore();
    shared = store;
    globalThis.addEventListener?.('pagehide', () => store.flush());
    globalThis.document?.addEventListener('visibilitychange', () => {
      if (globalThis.document.visibilityState === 'hidden') store.flush();
    });
  }
  return shared;
}

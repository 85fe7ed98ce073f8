import { vi } from 'vitest';
import type { LocationLike } from '../../src/state/router';

/** A fake window: history entries, popstate on back(). */
export function fakeWindow(path: string, hash = '') {
  const entries = [path];
  let index = 0;
  const listeners = new Set<() => void>();
  // The path and the query (the Fabric view's filter) of an entry, as a browser's location splits them.
  const show = (url: string) => {
    win.location.pathname = url.replace(/[?#].*$/, '');
    win.location.search = /\?[^#]*/.exec(url)?.[0] ?? '';
  };
  const win = {
    location: { pathname: path, search: '', hash },
    history: {
      pushState: vi.fn((_d: unknown, _u: string, url: string) => {
        entries.splice(index + 1);
        entries.push(url);
        index++;
        show(url);
      }),
      replaceState: vi.fn((_d: unknown, _u: string, url: string) => {
        entries[index] = url;
        show(url);
      }),
    },
    addEventListener: (_t: 'popstate', fn: () => void) => listeners.add(fn),
    removeEventListener: (_t: 'popstate', fn: () => void) => listeners.delete(fn),
    back() {
      index = Math.max(0, index - 1);
      show(entries[index]!);
      for (const l of listeners) l();
    },
    entries,
  };
  return win satisfies LocationLike;
}


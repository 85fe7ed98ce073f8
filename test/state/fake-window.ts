import { vi } from 'vitest';
import type { LocationLike } from '../../src/state/router';

/** A fake window: history entries, popstate on back(). */
export function fakeWindow(path: string, hash = '') {
  const entries = [path];
  let index = 0;
  const listeners = new Set<() => void>();
  const win = {
    location: { pathname: path, search: '', hash },
    history: {
      pushState: vi.fn((_d: unknown, _u: string, url: string) => {
        entries.splice(index + 1);
        entries.push(url);
        index++;
        win.location.pathname = url.replace(/[?#].*$/, '');
      }),
      replaceState: vi.fn((_d: unknown, _u: string, url: string) => {
        entries[index] = url;
        win.location.pathname = url.replace(/[?#].*$/, '');
      }),
    },
    addEventListener: (_t: 'popstate', fn: () => void) => listeners.add(fn),
    removeEventListener: (_t: 'popstate', fn: () => void) => listeners.delete(fn),
    back() {
      index = Math.max(0, index - 1);
      win.location.pathname = entries[index]!.replace(/[?#].*$/, '');
      for (const l of listeners) l();
    },
    entries,
  };
  return win satisfies LocationLike;
}


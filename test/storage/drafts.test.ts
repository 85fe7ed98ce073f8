import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFTS_KEY, draftStore } from '../../src/storage/drafts';

function memoryStorage(): Storage & { writes: number } {
  const m = new Map<string, string>();
  return {
    writes: 0,
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem(k, v) {
      this.writes++;
      m.set(k, v);
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('draft store', () => {
  it('debounces writes while typing and keeps the last text', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const d = draftStore(storage, 300);
    for (const t of ['4', '41', '415']) {
      d.set('rack:feedVolts', t);
      vi.advanceTimersByTime(100);
    }
    expect(storage.writes).toBe(0);
    expect(d.get('rack:feedVolts')).toBe('415');
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.getItem(DRAFTS_KEY)!)).toEqual({ 'rack:feedVolts': '415' });
    expect(draftStore(storage).get('rack:feedVolts')).toBe('415');
  });

  it('clearing the last draft removes the key; damaged storage reads as no drafts', () => {
    const storage = memoryStorage();
    const d = draftStore(storage);
    d.set('a', 'x');
    d.flush();
    d.clear('a');
    d.flush();
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();
    storage.setItem(DRAFTS_KEY, '{not json');
    expect(draftStore(storage).get('a')).toBeUndefined();
    storage.setItem(DRAFTS_KEY, JSON.stringify({ a: 5, b: 'ok' }));
    expect(draftStore(storage).get('a')).toBeUndefined();
    expect(draftStore(storage).get('b')).toBe('ok');
  });

  it('a refused storage loses drafts quietly', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const d = draftStore(storage);
    d.set('a', 'x');
    expect(() => d.flush()).not.toThrow();
  });
});

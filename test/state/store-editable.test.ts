/**
 * The app paints before the store's design checks (zod and the design schema) and autosave have loaded; an edit
 * made in that moment waits for them and is then applied, checked, in order — never applied unchecked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { AppStore, initialDesign, loadDesignChecks } from '../../src/state/store';

const catalog = loadCatalog();
const design = () => initialDesign(catalog, 'gb300-nvl72', new Date('2026-12-01T00:00:00Z'));

beforeAll(() => loadDesignChecks());

function gate(): { promise: Promise<void>; open: () => void; fail: (e: Error) => void } {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject)));
  return { promise, open, fail };
}

describe('a store that takes edits only once the app is ready', () => {
  it('refuses a direct edit with the reason until then, and applies waiting edits in order, checked', async () => {
    const g = gate();
    const store = new AppStore(catalog, { design: design(), editableAfter: g.promise });
    expect(store.editable).toBe(false);
    const early = store.dispatch({ type: 'rack/set-option', key: 'feedAmps', value: 40 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error[0]!.message).toMatch(/still starting/);
    expect(store.design.rack.options.feedAmps).toBeUndefined();

    const first = store.dispatchWhenEditable({ type: 'rack/set-option', key: 'feedAmps', value: 40 });
    const refused = store.dispatchWhenEditable({ type: 'rack/set-option', key: 'feedAmps', value: 0 });
    const last = store.dispatchWhenEditable({ type: 'rack/set-option', key: 'feedAmps', value: 63 });
    await Promise.resolve();
    expect(store.design.rack.options.feedAmps).toBeUndefined();
    g.open();
    expect(await first).toEqual({ ok: true, value: { changed: true } });
    // 0 A is outside the breaker range: refused by the schema, as any edit would be.
    expect((await refused).ok).toBe(false);
    expect(await last).toEqual({ ok: true, value: { changed: true } });
    expect(store.editable).toBe(true);
    expect(store.design.rack.options.feedAmps).toBe(63);
    expect(store.undoLabel).not.toBeNull();
  });

  it('when what it waits for fails, edits are refused with that reason, not applied', async () => {
    const g = gate();
    const store = new AppStore(catalog, { design: design(), editableAfter: g.promise });
    const waiting = store.dispatchWhenEditable({ type: 'rack/set-option', key: 'feedAmps', value: 40 });
    g.fail(new Error('the database is blocked'));
    const r = await waiting;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toMatch(/the database is blocked/);
    expect(store.design.rack.options.feedAmps).toBeUndefined();
  });

  it('a store with nothing to wait for takes edits at once once the checks are loaded', () => {
    const store = new AppStore(catalog, { design: design() });
    expect(store.editable).toBe(true);
    expect(store.dispatch({ type: 'rack/set-option', key: 'feedAmps', value: 40 }).ok).toBe(true);
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { actionLabel } from '../../src/views/action-labels';
import { AppStore, formatProblems, initialDesign, loadDesignChecks } from '../../src/state/store';

// The store takes edits once its design checks have loaded (the app loads them after its first paint).
beforeAll(() => loadDesignChecks());
import { loadSnapshot, parseSnapshot } from '../../src/state/snapshot';

const catalog = loadCatalog();

describe('AppStore', () => {
  it('starts at the generation named (aliases resolve to the id), or the default', () => {
    expect(initialDesign(catalog, 'gb300-nvl72').rack.generationId).toBe('gb300-nvl72');
    expect(initialDesign(catalog, 'vr-nvl72').rack.generationId).toBe('vr-nvl144');
    expect(initialDesign(catalog, 'no-such-thing').rack.generationId).toBe('gb200-nvl72');
    const c = initialDesign(catalog).compare;
    expect(new Set(c.generationIds.map((id) => catalog.generations.find((g) => g.id === id)!.family)).size).toBe(c.generationIds.length);
  });

  it('applies edits, notifies once per change, and undoes/redoes them', () => {
    const s = new AppStore(catalog, { describe: actionLabel });
    const listener = vi.fn();
    s.subscribe(listener);
    expect(s.dispatch({ type: 'rack/set-option', key: 'feedAmps', value: 40 })).toEqual({ ok: true, value: { changed: true } });
    expect(s.dispatch({ type: 'rack/set-option', key: 'feedAmps', value: 40 })).toEqual({ ok: true, value: { changed: false } });
    expect(listener).toHaveBeenCalledTimes(1);
    s.dispatch({ type: 'rack/set-option', key: 'deltaTK', value: 12 });
    expect(s.undoLabel).toBe('liquid ΔT');
    s.undo();
    expect(s.design.rack.options).toEqual({ feedAmps: 40 });
    s.undo();
    expect(s.design.rack.options).toEqual({});
    expect(s.canUndo).toBe(false);
    s.redo();
    expect(s.design.rack.options).toEqual({ feedAmps: 40 });
  });

  it('refuses values outside the shared option schema, unknown generations and CDUs', () => {
    const s = new AppStore(catalog);
    const bad = s.dispatch({ type: 'rack/set-option', key: 'feedAmps', value: 0 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && formatProblems(bad.error)).toMatch(/^rack\.options\.feedAmps: .*1 to 6000/);
    expect(s.dispatch({ type: 'rack/select-generation', id: 'nope' }).ok).toBe(false);
    expect(s.dispatch({ type: 'rack/set-option', key: 'cduId', value: 'nope' }).ok).toBe(false);
    expect(s.dispatch({ type: 'rack/set-limit', key: 'airHeatLimitW', value: -1 }).ok).toBe(false);
    expect(s.canUndo).toBe(false);
  });

  it('drops systems per rack when the generation changes, keeps the other options', () => {
    const s = new AppStore(catalog, { design: initialDesign(catalog, 'dgx-b200') });
    s.dispatch({ type: 'rack/set-option', key: 'systemsPerRack', value: 2 });
    s.dispatch({ type: 'rack/set-option', key: 'altitudeM', value: 300 });
    s.dispatch({ type: 'rack/select-generation', id: 'gb300-nvl72' });
    expect(s.design.rack.options).toEqual({ altitudeM: 300 });
  });

  it('prefs change without entering the undo history', () => {
    const s = new AppStore(catalog);
    s.setPrefs({ units: 'us' });
    expect(s.prefs.units).toBe('us');
    expect(s.canUndo).toBe(false);
  });

  it('snapshot is plain JSON and loads back as one undo step', () => {
    const s = new AppStore(catalog);
    s.dispatch({ type: 'rack/select-generation', id: 'trn2-ultraserver' });
    s.dispatch({ type: 'rack/set-option', key: 'coolant', value: 'pg25' });
    s.dispatch({ type: 'rack/set-limit', key: 'airHeatLimitW', value: 50_000 });
    const snap = s.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const t = new AppStore(catalog);
    expect(loadSnapshot(t, JSON.parse(JSON.stringify(snap))).ok).toBe(true);
    expect(t.design).toEqual(s.design);
    t.undo();
    expect(t.design.rack.generationId).toBe('gb200-nvl72');
  });

  it('parseSnapshot lists every problem with its path', () => {
    const r = parseSnapshot({ app: 'rackplan', schemaVersion: 2, design: { rack: { generationId: 'x', options: { feedAmps: -3 } }, compare: { generationIds: ['y'], target: { kind: 'z', value: 0 } } } }, catalog);
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : formatProblems(r.error);
    expect(msg).toMatch(/^schemaVersion: 1/m);
    expect(msg).toMatch(/^design\.rack\.generationId:/m);
    expect(msg).toMatch(/^design\.rack\.options\.feedAmps:/m);
    expect(msg).toMatch(/^design\.compare\.generationIds\[0\]: a generation id .*\(got "y"\)$/m);
    expect(msg).toMatch(/^design\.compare\.target\.kind:/m);
    expect(parseSnapshot('nope', catalog).ok).toBe(false);
  });
});

describe('session problems stay structured', () => {
  it('a refused session lists each problem with path, what is accepted and what was found; autosave takes them as they are', async () => {
    const { snapshotValidator } = await import('../../src/storage/app-autosave');
    const s = new AppStore(catalog);
    const snap = { ...s.snapshot(), design: { ...s.design, fabric: { units: 16, rowSpacingM: 0.1 } } };
    const expected = [{ path: 'design.fabric.rowSpacingM', message: 'a number from 0.5 to 100 m', got: '0.1' }];
    const r = parseSnapshot(JSON.parse(JSON.stringify(snap)), catalog);
    expect(r.ok ? [] : r.error).toEqual(expected);
    const v = snapshotValidator((d) => parseSnapshot(d, catalog))(JSON.parse(JSON.stringify(snap)) as Record<string, unknown>);
    expect(v.ok ? [] : v.error).toEqual(expected);
  });
});

describe('partial catalog at first paint', () => {
  it('starts from one validated generation and takes the full catalog later, design unchanged', async () => {
    const { generationIds } = await import('../../src/catalog/presets');
    // What loadCatalogFor(['gb300-nvl72']) gives on a fresh page (here the full catalog is already cached).
    const one = { ...catalog, generations: catalog.generations.filter((g) => g.id === 'gb300-nvl72') };
    const s = new AppStore(one, { design: initialDesign(one, 'gb300-nvl72', new Date('2026-11-23'), generationIds()) });
    expect(s.design.compare.generationIds).toEqual(['gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server']);
    expect(s.design.plan.optimizer.generations.length).toBe(6);
    const design = s.design;
    const listener = vi.fn();
    s.subscribe(listener);
    s.upgradeCatalog(catalog);
    expect(s.catalog).toBe(catalog);
    expect(s.design).toBe(design);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(s.canUndo).toBe(false);
  });

  it('tells listeners when the catalog it opened with turns out whole (what waits for the whole catalog moves on)', () => {
    const s = new AppStore(catalog, { wholeCatalog: () => Promise.resolve(catalog) });
    expect(s.hasWholeCatalog).toBe(false);
    const listener = vi.fn();
    s.subscribe(listener);
    s.upgradeCatalog(catalog);
    expect(s.hasWholeCatalog).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    s.upgradeCatalog(catalog);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

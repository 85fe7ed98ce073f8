import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { Autosaver } from '../../src/storage/autosave';
import { AUTOSAVE_ID, PlanStore, cleanName } from '../../src/storage/plan-store';
import type { Validator } from '../../src/io/import';

interface Doc {
  schemaVersion: 1;
  name: string;
  value: number;
}
const validate: Validator<Doc> = (d) =>
  typeof d.value === 'number' && typeof d.name === 'string' && Object.keys(d).length === 3 ? { ok: true, value: d as unknown as Doc } : { ok: false, error: [{ path: 'value', message: 'a number', got: JSON.stringify(d.value) }] };
const doc = (value: number, name = 'p'): Doc => ({ schemaVersion: 1, name, value });

let dbName = '';
let store: PlanStore<Doc>;
let n = 0;
beforeEach(async () => {
  dbName = `rackplan-test-${Date.now()}-${n++}`;
  store = await PlanStore.open<Doc>({ dbName, validate });
});
afterEach(async () => {
  store.close();
  await deleteDB(dbName);
});

describe('PlanStore (IndexedDB)', () => {
  it('writes revisions then switches the head; keeps the last few revisions', async () => {
    for (let i = 1; i <= 6; i++) expect(await store.write(AUTOSAVE_ID, JSON.stringify(doc(i)))).toBe(i);
    const loaded = await store.load(AUTOSAVE_ID);
    expect(loaded?.ok && loaded.value.value).toBe(6);
    const db = await openDB(dbName);
    const keys = (await db.getAllKeys('revisions')) as [string, number][];
    db.close();
    expect(keys.map((k) => k[1])).toEqual([4, 5, 6]);
  });

  it('a crash between writing a revision and switching: a complete newer revision rolls forward, anything else leaves the previous one in force', async () => {
    await store.write(AUTOSAVE_ID, JSON.stringify(doc(1)));
    // Simulate the crash: a revision reached the database, the head switch never ran.
    const db = await openDB(dbName);
    await db.put('revisions', { docId: AUTOSAVE_ID, rev: 2, savedAt: 0, json: '{"half":' });
    const fresh = await PlanStore.open<Doc>({ dbName, validate });
    const loaded = await fresh.load(AUTOSAVE_ID);
    expect(loaded?.ok && loaded.value.value).toBe(1);
    // The next write goes past the orphan.
    expect(await fresh.write(AUTOSAVE_ID, JSON.stringify(doc(3)))).toBe(3);
    expect((await fresh.load(AUTOSAVE_ID))?.ok).toBe(true);
    // A complete, valid revision whose switch never ran is used (and the head repaired).
    await db.put('revisions', { docId: AUTOSAVE_ID, rev: 4, savedAt: 0, json: JSON.stringify(doc(4)) });
    db.close();
    const rolled = await fresh.load(AUTOSAVE_ID);
    expect(rolled?.ok && rolled.value.value).toBe(4);
    expect((await fresh.head(AUTOSAVE_ID))!.rev).toBe(4);
    fresh.close();
  });

  it('an entry that fails validation is reported and kept, never dropped', async () => {
    const id = await store.saveAs('Broken', JSON.stringify({ schemaVersion: 1, name: 'x', value: 'NaN' }));
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.problems).toEqual([{ path: 'value', message: 'a number', got: '"NaN"' }]);
    expect(await store.rawJson(id)).toBe('{"schemaVersion":1,"name":"x","value":"NaN"}');
    // A future-version entry (written by a newer rackplan) is also kept and reported.
    const future = await store.saveAs('From the future', JSON.stringify({ schemaVersion: 9, name: 'f', value: 1 }));
    const l2 = await store.list();
    expect(l2.find((e) => e.head.id === future)!.problems![0]!.path).toBe('schemaVersion');
  });

  it('restore() copies a damaged working document to a recovered entry and reports it', async () => {
    await store.write(AUTOSAVE_ID, '{"schemaVersion":1,"name":"w","value":{}}');
    const r = await store.restore();
    expect(r.status).toBe('damaged');
    if (r.status !== 'damaged') return;
    expect(r.problems[0]!.path).toBe('value');
    const list = await store.list();
    expect(list.map((e) => e.head.id)).toContain(r.recoveredId);
    expect(await store.rawJson(r.recoveredId!)).toBe('{"schemaVersion":1,"name":"w","value":{}}');
    expect(await store.rawJson(AUTOSAVE_ID)).toBe('{"schemaVersion":1,"name":"w","value":{}}');
  });

  it('restore() falls back to the newest intact revision, keeps each newer damaged one, and writes go past them', async () => {
    for (let i = 1; i <= 3; i++) await store.write(AUTOSAVE_ID, JSON.stringify(doc(i)));
    const db = await openDB(dbName);
    await db.put('revisions', { docId: AUTOSAVE_ID, rev: 3, savedAt: 3, json: '{"schemaVersion":1,"name":"w","value":{}}' });
    await db.put('revisions', { docId: AUTOSAVE_ID, rev: 2, savedAt: 2, json: 'not json' });
    // The head names a revision that is gone (review P12): the newest record, and damaged.
    await db.put('docs', { ...(await db.get('docs', AUTOSAVE_ID)), rev: 9 });
    db.close();
    const fresh = await PlanStore.open<Doc>({ dbName, validate });
    const r = await fresh.restore();
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.value.value).toBe(1);
    expect(r.rev).toBe(1);
    expect(r.damaged.map((d) => [d.rev, d.problems[0]!.path])).toEqual([
      [9, '(stored entry)'],
      [3, 'value'],
      [2, '(file)'],
    ]);
    const kept = await fresh.list();
    expect(kept.map((e) => e.head.name).sort()).toEqual(r.damaged.map((d) => d.keptAs!.name).sort());
    expect(await fresh.rawJson(r.damaged[1]!.keptAs!.id)).toBe('{"schemaVersion":1,"name":"w","value":{}}');
    expect(await fresh.rawJson(r.damaged[2]!.keptAs!.id)).toBe('not json');
    expect(await fresh.write(AUTOSAVE_ID, JSON.stringify(doc(10)))).toBe(10);
    fresh.close();
  });

  it('save as, duplicate, rename and delete, each undoable in reverse order', async () => {
    const a = await store.saveAs('  Plan\u0000 A  ', JSON.stringify(doc(1)));
    expect((await store.head(a))!.name).toBe('Plan A');
    const b = await store.duplicate(a);
    expect((await store.head(b))!.name).toBe('Plan A (copy)');
    await store.rename(b, 'Plan B');
    await store.remove(a);
    expect((await store.list()).map((e) => e.head.name)).toEqual(['Plan B']);
    expect(store.undoLabel).toBe('delete "Plan A"');
    expect(await store.undo()).toBe('delete "Plan A"');
    expect((await store.list()).map((e) => e.head.name).sort()).toEqual(['Plan A', 'Plan B']);
    expect(await store.undo()).toBe('rename "Plan A (copy)" to "Plan B"');
    expect((await store.head(b))!.name).toBe('Plan A (copy)');
    expect(await store.undo()).toBe('duplicate "Plan A"');
    expect((await store.list()).map((e) => e.head.name)).toEqual(['Plan A']);
    expect(await store.undo()).toBe('save "Plan A"');
    expect(await store.list()).toEqual([]);
    expect(await store.undo()).toBeNull();
    expect((await store.trash()).length).toBe(2);
    expect(await store.emptyTrash()).toBe(2);
  });

  it('names are plain text', () => {
    expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanName('\n\t')).toBe('Untitled plan');
    expect(cleanName('x'.repeat(500))).toHaveLength(120);
  });
});

describe('Autosaver', () => {
  it('hands every change to the store at once, in order; an unchanged document writes nothing', async () => {
    const issued: string[] = [];
    const slow = { write: async (_id: string, json: string) => { issued.push(json); await new Promise((r) => setTimeout(r, 5)); return issued.length; } };
    const saver = new Autosaver(slow);
    for (let i = 1; i <= 50; i++) saver.save(doc(i));
    // Issued synchronously, before any write finished.
    expect(issued.map((j) => (JSON.parse(j) as Doc).value)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(saver.status.state).toBe('saving');
    await saver.flush();
    expect(saver.status.state).toBe('idle');
    saver.save(doc(50));
    expect(issued).toHaveLength(50);
  });
  it('with IndexedDB, 200 rapid changes end with the last one in force', async () => {
    const saver = new Autosaver(store);
    for (let i = 1; i <= 200; i++) saver.save(doc(i));
    await saver.flush();
    const loaded = await store.load(AUTOSAVE_ID);
    expect(loaded?.ok && loaded.value.value).toBe(200);
  });
  it('after a failed write the next change is written', async () => {
    let fail = true;
    const writes: string[] = [];
    const flaky = { write: (_id: string, json: string) => { if (fail) return Promise.reject(new Error('QuotaExceededError')); writes.push(json); return Promise.resolve(1); } };
    const saver = new Autosaver(flaky);
    saver.save(doc(1));
    await saver.flush();
    expect(saver.status.state).toBe('error');
    fail = false;
    saver.save(doc(1));
    await saver.flush();
    expect(saver.status.state).toBe('idle');
    expect(writes).toHaveLength(1);
  });
});

describe('autosave survives a reload mid-edit', () => {
  function frame(db: string): Promise<{ el: HTMLIFrameElement; ready: { restored: string; doc: { edits: number[] } } }> {
    return new Promise((resolve, reject) => {
      const el = document.createElement('iframe');
      const timer = setTimeout(() => reject(new Error('fixture page did not load')), 20_000);
      const onMessage = (e: MessageEvent<{ type: string; restored: string; doc: { edits: number[] } }>) => {
        if (e.source === el.contentWindow && e.data.type === 'ready') {
          clearTimeout(timer);
          window.removeEventListener('message', onMessage);
          resolve({ el, ready: e.data });
        }
      };
      window.addEventListener('message', onMessage);
      el.src = `/test/storage/fixtures/autosave-page.html?db=${encodeURIComponent(db)}`;
      document.body.append(el);
    });
  }

  it('closing the page while edits are being saved and opening it again loses nothing', async () => {
    const db = `rackplan-reload-${Date.now()}`;
    const first = await frame(db);
    expect(first.ready.restored).toBe('empty');
    const win = first.el.contentWindow!;
    // A user typing: edits a few milliseconds apart. The page is closed as soon as it has taken the last edit,
    // while that edit's write is still in flight (no waiting for the save to finish).
    const lastTaken = new Promise<void>((resolve) => {
      const on = (e: MessageEvent<{ type: string; count: number }>) => {
        if (e.source === win && e.data.type === 'edited' && e.data.count === 40) {
          window.removeEventListener('message', on);
          resolve();
        }
      };
      window.addEventListener('message', on);
    });
    for (let i = 1; i <= 40; i++) {
      win.postMessage({ type: 'edit', value: i }, '*');
      await new Promise((r) => setTimeout(r, 4));
    }
    await lastTaken;
    first.el.remove();
    const second = await frame(db);
    expect(second.ready.restored).toBe('ok');
    expect(second.ready.doc.edits).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    second.el.remove();
    localStorage.removeItem(`journal:${db}`);
    await deleteDB(db);
  });
});

describe('session journal', () => {
  it('restoreSession prefers the synchronous journal (written inside the edit) over IndexedDB, and falls back when it does not validate', async () => {
    const { restoreSession, JOURNAL_KEY } = await import('../../src/storage/app-autosave');
    const mem = new Map<string, string>();
    const journal = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k), clear: () => mem.clear(), key: () => null, length: 0 } as Storage;
    const snap = (n: number) => ({ app: 'rackplan', schemaVersion: 1, catalogVersion: 'x', design: { rack: { generationId: `g${n}` } }, prefs: { units: 'si', theme: 'system' } });
    const parse = (d: unknown) => {
      const x = d as { app?: string; design?: { rack?: { generationId?: string } } };
      return x.app === 'rackplan' && typeof x.design?.rack?.generationId === 'string' ? ({ ok: true, value: d } as never) : ({ ok: false, error: [{ path: 'design.rack.generationId', message: 'a generation' }] } as const);
    };
    const db = `rackplan-journal-${Date.now()}`;
    const s1 = await restoreSession(parse, { dbName: db, journal });
    let current = snap(1);
    const listeners = new Set<() => void>();
    s1.attach({ subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), snapshot: () => current as never });
    current = snap(2);
    for (const l of listeners) l();
    expect(JSON.parse(mem.get(JOURNAL_KEY)!).design.rack.generationId).toBe('g2');
    // Page gone before IndexedDB finished: the journal still has the last edit.
    const s2 = await restoreSession(parse, { dbName: db, journal });
    expect(s2.design?.rack.generationId).toBe('g2');
    // A journal that does not validate is ignored in favour of the database.
    mem.set(JOURNAL_KEY, '{"app":"other"}');
    await new Promise((r) => setTimeout(r, 100));
    const s3 = await restoreSession(parse, { dbName: db, journal });
    expect(s3.design?.rack.generationId).toBe('g2');
    // (The three sessions keep their connections open, so the test database is left for the profile to discard.)
  });
});

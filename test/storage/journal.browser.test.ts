/**
 * Storage that never goes backwards (issue 17; review 2026-12 F2/P18 and F13/P9), in real Chromium IndexedDB.
 * The synchronous journal carries the edit's time and a hash of its text; restore takes it only when it is whole
 * and at least as new as the database's revision in force. A journal write that fails (quota) removes the old
 * journal and is reported; a revision whose text is not text is kept aside as a recovered entry.
 * Sessions keep their database connections open, so each test uses its own database and leaves it for the
 * profile to discard (deleting it would wait on those connections).
 */
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { JOURNAL_KEY, restoreSession, type Session, type SnapshotParser } from '../../src/storage/app-autosave';
import { contentHash, journalMetaKey } from '../../src/storage/autosave';
import { AUTOSAVE_ID } from '../../src/storage/plan-store';

/** A localStorage stand-in with a quota, like Chromium's (5,242,880 characters per origin in the review). */
function quotaStorage(quotaChars: number): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((s, [k, v]) => s + k.length + v.length, 0);
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      const before = map.get(k);
      if (used() - (before ? k.length + before.length : 0) + k.length + v.length > quotaChars) throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}

const snap = (name: string, pad = 0) => ({ app: 'rackplan', schemaVersion: 1, catalogVersion: 'x', design: { rack: { generationId: name }, padding: 'x'.repeat(pad) }, prefs: { units: 'si', theme: 'system' } });
const parse: SnapshotParser = (d) => {
  const x = d as { app?: string; design?: { rack?: { generationId?: string } } };
  return x.app === 'rackplan' && typeof x.design?.rack?.generationId === 'string' ? ({ ok: true, value: d } as never) : { ok: false, error: [{ path: 'design.rack.generationId', message: 'a generation' }] };
};

/** Attach a session to a fake app whose snapshot is `current`; returns a function that publishes a new snapshot. */
function attach(session: Session): (s: unknown) => void {
  let current: unknown = snap('g0');
  const listeners = new Set<() => void>();
  session.attach({ subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), snapshot: () => current as never });
  return (s) => {
    current = s;
    for (const l of listeners) l();
  };
}

async function settled(session: Session): Promise<void> {
  for (let i = 0; i < 200 && session.status()?.state === 'saving'; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('the autosave journal never brings back an older plan', () => {
  it('P18: a plan too big for the journal (quota) is restored from IndexedDB, not the older journal, and the failure is reported', async () => {
    const dbName = `rackplan-p18-${Date.now()}`;
    const journal = quotaStorage(20_000);
    const s1 = await restoreSession(parse, { dbName, journal });
    const problems: (string | null)[] = [];
    s1.onProblem((m) => problems.push(m));
    const publish = attach(s1);
    publish(snap('small'));
    await settled(s1);
    expect(JSON.parse(journal.map.get(JOURNAL_KEY)!).design.rack.generationId).toBe('small');
    publish(snap('BIGGER', 30_000));
    await settled(s1);
    // The stale journal is gone, and the user was told why.
    expect(journal.map.has(JOURNAL_KEY)).toBe(false);
    expect(s1.status()?.journalError).toMatch(/quota/);
    expect(problems.at(-1)).toMatch(/^This browser refused the quick-save copy of your plan \(.*quota.*\)/);
    const s2 = await restoreSession(parse, { dbName, journal });
    expect(s2.design?.rack.generationId).toBe('BIGGER');
  });

  it('a journal older than the revision in force loses; a newer whole one wins; a torn one (hash mismatch) counts as oldest', async () => {
    const dbName = `rackplan-journal-age-${Date.now()}`;
    const journal = quotaStorage(1_000_000);
    const s1 = await restoreSession(parse, { dbName, journal });
    const publish = attach(s1);
    publish(snap('db-newest'));
    await settled(s1);
    const put = (name: string, savedAt: number, hashOf?: string) => {
      const text = JSON.stringify(snap(name));
      journal.setItem(JOURNAL_KEY, text);
      journal.setItem(journalMetaKey(JOURNAL_KEY), JSON.stringify({ savedAt, hash: contentHash(hashOf ?? text), length: text.length }));
    };
    put('stale', 1);
    expect((await restoreSession(parse, { dbName, journal })).design?.rack.generationId).toBe('db-newest');
    put('torn', Date.now() + 60_000, 'something else');
    expect((await restoreSession(parse, { dbName, journal })).design?.rack.generationId).toBe('db-newest');
    // The page closed before the database write landed: the journal is newer and whole, so it wins.
    put('closed-before-db', Date.now() + 60_000);
    expect((await restoreSession(parse, { dbName, journal })).design?.rack.generationId).toBe('closed-before-db');
    // An old-format journal (no meta) is used only when the database has nothing.
    journal.removeItem(journalMetaKey(JOURNAL_KEY));
    expect((await restoreSession(parse, { dbName, journal })).design?.rack.generationId).toBe('db-newest');
    const emptyDb = `rackplan-journal-empty-${Date.now()}`;
    expect((await restoreSession(parse, { dbName: emptyDb, journal })).design?.rack.generationId).toBe('closed-before-db');
  });
});

describe('two tabs know about each other (review 2026-12 F5/P15)', () => {
  it('a save in one tab tells the other, before its next edit would replace that work', async () => {
    const dbName = `rackplan-tabs-${Date.now()}`;
    const tabA = await restoreSession(parse, { dbName, journal: null });
    const tabB = await restoreSession(parse, { dbName, journal: null });
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    tabA.onOtherTab((m) => heardByA.push(m));
    tabB.onOtherTab((m) => heardByB.push(m));
    const publishA = attach(tabA);
    attach(tabB);
    await settled(tabA);
    await settled(tabB);
    // Each tab's first save (on attach) is announced to the other; channel delivery is asynchronous, so wait for
    // both announcements to arrive before clearing, or a late one would be counted as heard after the clear.
    for (let i = 0; i < 100 && (heardByA.length === 0 || heardByB.length === 0); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    heardByA.length = 0;
    heardByB.length = 0;
    publishA(snap('renamed in A'));
    await settled(tabA);
    for (let i = 0; i < 100 && heardByB.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(heardByB).toHaveLength(1);
    expect(heardByB[0]).toMatch(/^This plan was changed in another tab \(saved .*\)\. Reload this tab to continue from that version; an edit made here first would replace it\.$/);
    // A tab never hears its own saves.
    expect(heardByA).toEqual([]);
  });
});

describe('damaged revisions are kept, never dropped; restore takes the newest intact one', () => {
  /** Two saved revisions, 'older' then 'newest'; the newest is then damaged by `damage`. */
  async function damagedNewest(tag: string, damage: (rec: Record<string, unknown>) => Record<string, unknown>, journal: Storage | null = null) {
    const dbName = `rackplan-${tag}-${Date.now()}`;
    const s1 = await restoreSession(parse, { dbName, journal });
    const publish = attach(s1);
    publish(snap('older'));
    await settled(s1);
    publish(snap('newest'));
    await settled(s1);
    const db = await openDB(dbName);
    const head = (await db.get('docs', AUTOSAVE_ID)) as { rev: number };
    const rec = (await db.get('revisions', [AUTOSAVE_ID, head.rev])) as Record<string, unknown>;
    const older = (await db.get('revisions', [AUTOSAVE_ID, head.rev - 1])) as { savedAt: number };
    await db.put('revisions', damage(rec));
    db.close();
    return { dbName, rev: head.rev, olderAt: older.savedAt };
  }
  async function libraryNames(dbName: string): Promise<{ name: string; recoveredFrom?: string; rev: number; id: string }[]> {
    const db = await openDB(dbName);
    const docs = (await db.getAll('docs')) as { name: string; recoveredFrom?: string; rev: number; id: string }[];
    db.close();
    return docs.filter((d) => d.recoveredFrom === AUTOSAVE_ID);
  }
  async function rawOf(dbName: string, id: string, rev: number): Promise<unknown> {
    const db = await openDB(dbName);
    const rec = (await db.get('revisions', [id, rev])) as { json: unknown };
    db.close();
    return rec.json;
  }

  it('newest revision not JSON: the intact older revision is restored, the user is told which, and the damaged text is kept in the library', async () => {
    const { dbName, rev, olderAt } = await damagedNewest('notjson', (r) => ({ ...r, json: '{"app":"rackplan","design": tru' }));
    const s2 = await restoreSession(parse, { dbName, journal: null });
    expect(s2.design?.rack.generationId).toBe('older');
    expect(s2.notice).toContain(`The newest saved session, revision ${rev} saved `);
    expect(s2.notice).toContain('is damaged ((file): file is not valid JSON');
    expect(s2.notice).toContain(`Restored revision ${rev - 1} instead, saved ${new Date(olderAt).toLocaleString()}, the newest intact one: changes made after it are not in this plan.`);
    const kept = await libraryNames(dbName);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.name).toMatch(new RegExp(`^Recovered working plan \\(does not validate\\), revision ${rev} saved \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
    expect(s2.notice).toContain(`It is kept in the plan library as “${kept[0]!.name}”`);
    expect(await rawOf(dbName, kept[0]!.id, kept[0]!.rev)).toBe('{"app":"rackplan","design": tru');
  });

  it('newest revision fails the schema: the older one is restored, the damaged one kept', async () => {
    const { dbName, rev } = await damagedNewest('schema', (r) => ({ ...r, json: JSON.stringify({ ...snap('x'), design: { rack: { generationId: 42 } } }) }));
    const s2 = await restoreSession(parse, { dbName, journal: null });
    expect(s2.design?.rack.generationId).toBe('older');
    expect(s2.notice).toContain(`revision ${rev} saved`);
    expect(s2.notice).toContain('(design.rack.generationId: a generation)');
    expect(s2.notice).toContain(`Restored revision ${rev - 1} instead`);
    expect(await libraryNames(dbName)).toHaveLength(1);
  });

  it('newest revision too large: the older one is restored, the large one kept (never dropped)', async () => {
    const big = JSON.stringify(snap('too-big', 6_000_000));
    const { dbName, rev } = await damagedNewest('large', (r) => ({ ...r, json: big }));
    const s2 = await restoreSession(parse, { dbName, journal: null });
    expect(s2.design?.rack.generationId).toBe('older');
    expect(s2.notice).toMatch(/is damaged \(\(file\): file is [\d,]+ bytes \(5\.\d MiB\); the import limit is 5,505,024 bytes \(5\.3 MiB\)\)/);
    expect(s2.notice).toContain(`Restored revision ${rev - 1} instead`);
    const kept = await libraryNames(dbName);
    expect(kept).toHaveLength(1);
    expect(await rawOf(dbName, kept[0]!.id, kept[0]!.rev)).toBe(big);
  });

  it('a whole journal as new as the damaged revision wins over the older revision (it is the newest intact record)', async () => {
    const journal = quotaStorage(1_000_000);
    const { dbName, rev } = await damagedNewest('journal', (r) => ({ ...r, json: 12345 }), journal);
    const s2 = await restoreSession(parse, { dbName, journal });
    expect(s2.design?.rack.generationId).toBe('newest');
    expect(s2.notice).toContain(`revision ${rev} saved`);
    expect(s2.notice).toContain("Restored this browser's quick-save copy instead");
    expect(s2.notice).toContain('which is at least as new');
  });

  it('the next save goes past the damaged revision, and a second restore brings back the restored plan with no new notice', async () => {
    const { dbName, rev } = await damagedNewest('again', (r) => ({ ...r, json: '{' }));
    const s2 = await restoreSession(parse, { dbName, journal: null });
    attach(s2);
    await settled(s2);
    expect(s2.status()?.rev).toBe(rev + 1);
    const s3 = await restoreSession(parse, { dbName, journal: null });
    expect(s3.notice).toBeNull();
    expect(await libraryNames(dbName)).toHaveLength(1);
  });

  it('P9: a revision whose text is a number gives a clear notice and a recovered library entry (was a TextDecoder error and a fresh start)', async () => {
    const { dbName, rev } = await damagedNewest('p9', (r) => ({ ...r, json: 12345 }));
    const s2 = await restoreSession(parse, { dbName, journal: null });
    expect(s2.notice).toContain(`The newest saved session, revision ${rev} saved `);
    expect(s2.notice).toContain('is damaged ((stored entry): the stored revision is not JSON text (found number))');
    expect(s2.design?.rack.generationId).toBe('older');
    const kept = await libraryNames(dbName);
    expect(kept.map((d) => d.name)).toEqual([expect.stringMatching(/^Recovered working plan \(does not validate\), revision \d+ saved /)]);
    expect(await rawOf(dbName, kept[0]!.id, kept[0]!.rev)).toBe('12345');
  });

  it('no intact revision at all: every damaged one is kept and the app starts fresh, saying so', async () => {
    const dbName = `rackplan-alldamaged-${Date.now()}`;
    const s1 = await restoreSession(parse, { dbName, journal: null });
    const publish = attach(s1);
    publish(snap('a'));
    await settled(s1);
    const db = await openDB(dbName);
    const keys = (await db.getAllKeys('revisions')) as [string, number][];
    for (const k of keys) await db.put('revisions', { docId: k[0], rev: k[1], savedAt: 1, json: `{bad ${k[1]}` });
    db.close();
    const s2 = await restoreSession(parse, { dbName, journal: null });
    expect(s2.design).toBeUndefined();
    expect(s2.notice).toContain('No earlier intact revision was found: starting fresh.');
    expect(await libraryNames(dbName)).toHaveLength(keys.length);
  });
});

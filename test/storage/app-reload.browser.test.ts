import { describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { JOURNAL_KEY } from '../../src/storage/app-autosave';

// The real app (src/main.ts, through test/storage/app-frame.html) in a frame: edit, close the frame while the last edit is being saved,
// open the app again and find everything as it was left. Uses the app's own database name.

interface AppLike extends HTMLElement {
  store?: { editable: boolean; dispatch(a: unknown): { ok: boolean }; design: { plan: { plan: { name: string; horizonYears?: number } } } };
}

function openApp(): Promise<{ frame: HTMLIFrameElement; app: AppLike }> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '800px';
    const t0 = Date.now();
    const poll = () => {
      const app = frame.contentDocument?.querySelector<AppLike>('rack-app');
      // The store takes edits once its checks have loaded and autosave is attached (right after the first paint).
      if (app?.store?.editable) return resolve({ frame, app });
      if (Date.now() - t0 > 20_000) return reject(new Error(`app did not start: ${frame.contentDocument?.body?.innerText?.slice(0, 2000) ?? 'no document'}`));
      setTimeout(poll, 50);
    };
    frame.addEventListener('load', poll, { once: true });
    frame.src = '/test/storage/app-frame.html';
    document.body.append(frame);
  });
}

describe('the app restores the session after a reload', () => {
  it('edits made right up to closing the page are all there when it opens again', async () => {
    await deleteDB('rackplan');
    localStorage.removeItem(JOURNAL_KEY);
    const first = await openApp();
    const store = first.app.store!;
    let last = '';
    for (let i = 1; i <= 25; i++) {
      last = `Plan edited ${i}`;
      expect(store.dispatch({ type: 'plan/set-settings', patch: { name: last } }).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(store.dispatch({ type: 'plan/set-settings', patch: { horizonYears: 5 } }).ok).toBe(true);
    // Closed at once: the last write is still in flight.
    first.frame.remove();
    const second = await openApp();
    const plan = second.app.store!.design.plan.plan;
    expect(plan.name).toBe(last);
    expect(plan.horizonYears).toBe(5);
    second.frame.remove();
    await new Promise((r) => setTimeout(r, 100));
    await deleteDB('rackplan');
    localStorage.removeItem(JOURNAL_KEY);
  });
  // A `#plan=` link through the real app is not tested here: the app loads the share-link code with a dynamic
  // import, which Vitest's browser runner rewrites to a helper that only exists in the test frame. The link
  // itself (encode, open, validate, refuse) is covered in test/io/share.test.ts and the Export view tests.

});

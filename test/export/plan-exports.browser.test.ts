import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import '../../components/export/rack-plan-exports';
import '../../components/export/rack-plan-library';
import type { RackPlanExports } from '../../components/export/rack-plan-exports';
import type { RackPlanLibrary } from '../../components/export/rack-plan-library';
import type { Download } from '../../src/export/browser';
import { importPlan } from '../../src/io/plan';
import { openShareLink } from '../../src/io/share';
import { validatePlan } from '../../src/io/plan';
import small from '../fixtures/export/small-plan.json';
import type { Plan } from '../../src/core/plan/types';

const planR = importPlan(JSON.stringify(small));
if (!planR.ok) throw new Error('fixture');
const plan: Plan = planR.value.value;

async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(tag: string, props: Record<string, unknown>): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('<rack-plan-exports>', () => {
  it('downloads every format for the plan (lazy-loaded writers run in the browser)', async () => {
    const got: Download[] = [];
    const el = await mount<RackPlanExports>('rack-plan-exports', { plan, download: (d: Download) => got.push(d) });
    const magic: Record<string, string> = { json: '{', csv: 'PK', xlsx: 'PK', pdf: '%PDF', netbox: 'PK' };
    for (const f of ['json', 'csv', 'xlsx', 'pdf', 'netbox']) {
      const btn = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-format="${f}"]`)!;
      expect(btn.disabled).toBe(false);
      const n = got.length;
      btn.click();
      await until(() => got.length > n);
      const d = got[got.length - 1]!;
      const head = new TextDecoder().decode(new Uint8Array(await d.blob.slice(0, 4).arrayBuffer()));
      expect(head.startsWith(magic[f]!), `${f}: ${head}`).toBe(true);
      await el.updateComplete;
    }
    expect(got.map((d) => d.filename.replace(/^.*\./, ''))).toEqual(['json', 'zip', 'xlsx', 'pdf', 'zip']);
    const json = JSON.parse(await got[0]!.blob.text());
    expect(json.name).toBe(plan.name);
    expect(json.results.sites).toHaveLength(2);
  });

  it('opens a valid file (plan-open event) and lists every problem of a refused one; names stay text', async () => {
    const el = await mount<RackPlanExports>('rack-plan-exports', { plan });
    const opened: Plan[] = [];
    el.addEventListener('plan-open', (e) => opened.push(e.detail.plan));
    expect(await el.openFile(new File([JSON.stringify(small)], 'small.json'))).toBe(true);
    expect(opened[0]!.name).toBe(plan.name);
    const hostile = { ...small, __proto__: null } as Record<string, unknown>;
    const text = JSON.stringify(hostile).replace('"horizonYears":2', '"horizonYears":2,"__proto__":{"admin":true}').replace('"units":4}', '"units":-1}');
    expect(await el.openFile(new File([text], 'bad.json'))).toBe(false);
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role="alert"]')!.textContent;
    expect(status).toMatch(/bad\.json was not opened/);
    expect(el.shadowRoot!.querySelector('.problems')!.textContent).toContain('__proto__');
    expect(await el.openFile(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.json'))).toBe(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/5,242,881 bytes .* limit is 5,242,880 bytes/);
    // The plan name (formula + script text) renders as text, not markup.
    expect(el.shadowRoot!.querySelector('script')).toBeNull();
    expect(el.shadowRoot!.textContent).toContain('<script>alert(1)</script>');
  });

  it('makes a share link that opens to the same plan; a too-long plan offers a file', async () => {
    const el = await mount<RackPlanExports>('rack-plan-exports', { plan, baseUrl: 'https://example.test/app/' });
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    buttons.find((b) => b.textContent.includes('Make share link'))!.click();
    await el.updateComplete;
    const url = el.shadowRoot!.querySelector<HTMLInputElement>('input.link')!.value;
    const back = openShareLink(url.slice(url.indexOf('#')), validatePlan);
    expect(back.ok && back.value.value).toEqual(plan);
    const big: Plan = { ...plan, deployments: Array.from({ length: 900 }, (_, i) => ({ site: 'houston-tx', generation: i % 2 ? 'gb200-nvl72' : 'dgx-b200', quarter: `${2026 + (i % 2)}-Q${(i % 4) + 1}` as Plan['start'], units: (i * 7919) % 97 })) };
    el.plan = big;
    await el.updateComplete;
    buttons.find((b) => b.textContent.includes('Make share link'))!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/over the 8,000 characters.*Share the plan as a file instead/);
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent.includes('Download the plan file instead'))).toBe(true);
  });
});

describe('<rack-plan-library>', () => {
  const db = `rackplan-lib-${Date.now()}`;
  afterEach(async () => {
    document.body.replaceChildren();
    await new Promise((r) => setTimeout(r, 50));
    await deleteDB(db);
  });

  it('saves, renames, duplicates, deletes and undoes; lists a damaged entry with its problems', async () => {
    const el = await mount<RackPlanLibrary>('rack-plan-library', { plan, dbName: db });
    await el.ready;
    const root = el.shadowRoot!;
    const form = root.querySelector('form')!;
    root.querySelector<HTMLInputElement>('#save-name')!.value = 'Baseline';
    form.requestSubmit();
    await until(() => root.querySelectorAll('li').length === 1);
    await el.updateComplete;
    expect(root.querySelector('li .name')!.textContent).toBe('Baseline');
    const act = (label: string) => [...root.querySelectorAll<HTMLButtonElement>('li button')].find((b) => b.textContent.trim() === label)!.click();
    act('Duplicate');
    await until(() => root.querySelectorAll('li').length === 2);
    act('Delete');
    await until(() => root.querySelectorAll('li').length === 1);
    await el.updateComplete;
    const undo = [...root.querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent.includes('Undo'))!;
    expect(undo.textContent).toMatch(/Undo delete/);
    undo.click();
    await until(() => root.querySelectorAll('li').length === 2);

    // A damaged entry (saved by an older build, say) is listed with its problems and can still be downloaded.
    const { PlanStore } = await import('../../src/storage/plan-store');
    const store = await PlanStore.open<Plan>({ validate: validatePlan, dbName: db });
    await store.saveAs('Broken', JSON.stringify({ ...small, deployments: 'x' }));
    store.close();
    el.remove();
    const el2 = await mount<RackPlanLibrary>('rack-plan-library', { plan, dbName: db });
    await el2.ready;
    await el2.updateComplete;
    const bad = el2.shadowRoot!.querySelector('.bad');
    expect(bad!.textContent).toMatch(/Does not validate \(1 problem\).*deployments/);
  });
});

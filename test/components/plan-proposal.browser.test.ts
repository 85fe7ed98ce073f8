/**
 * Issue 14 items 1–4: demand edits re-evaluate and chart; typed rows are built by a plant; the optimizer's result is
 * a proposal whose acceptance keeps typed rows (removals start unticked) and never changes a locked row.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { deepQuery, mountApp, until } from './helpers';
import type { Deployment } from '../../src/core/plan/types';
import type { AppStore } from '../../src/state/store';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

async function typeCell(name: RegExp, value: string): Promise<void> {
  const cell = page.getByRole('textbox', { name }).first();
  await userEvent.fill(cell, value);
  await userEvent.keyboard('{Tab}');
}

/** The three rows of the review's walkthrough (finding 27), typed into the grid. */
async function typeReviewRows(store: AppStore): Promise<Deployment[]> {
  const q = (k: number) => store.design.plan.plan.start.replace(/^(\d+)-Q(\d)$/, (_, y: string, n: string) => {
    const i = Number(y) * 4 + Number(n) - 1 + k;
    return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  });
  const label = (gen: string, site: string, quarter: string) => new RegExp(`^${gen} units into service at ${site} in ${quarter.replace('-', ' ')}`);
  await typeCell(label('GB300 NVL72', 'Houston, Texas', q(3)), '20');
  await typeCell(label('GB300 NVL72', 'Lordstown, Ohio', q(5)), '60');
  await typeCell(label('Vera Rubin NVL144', 'Mount Pleasant, Wisconsin', q(7)), '100');
  await until(() => store.design.plan.plan.deployments.length === 3);
  return [...store.design.plan.plan.deployments];
}

describe('Plan view: demand, plants, locks and the optimizer’s proposal', () => {
  it('a demand edit goes into the plan, re-evaluates and charts supply against demand', async () => {
    const { store } = await mountApp('/plan');
    const q = store.design.plan.plan.demand![0]!.quarter;
    const cell = page.getByRole('textbox', { name: new RegExp(`^Demand in PFLOPS FP8 dense by ${q.replace('-', ' ')}`) });
    await userEvent.fill(cell, '12345');
    await userEvent.keyboard('{Tab}');
    await until(() => store.design.plan.plan.demand!.some((d) => d.quarter === q && d.value === 12345));
    expect(store.undoLabel).toBe(`demand in ${q}`);
    await expect.element(page.getByRole('img', { name: /PFLOPS FP8 dense in service per quarter \(bars\) against demand \(line\)/ })).toBeInTheDocument();
    // The grid's surplus column reads the re-evaluated report: nothing in service yet, so the whole demand is short.
    const grid = deepQuery(document.body, 'rack-plan-grid')!;
    await until(() => (grid.shadowRoot!.textContent ?? '').includes('-12,345'));
  });

  it('typed rows are built by a plant: the parts-per-week table appears with a non-zero build', async () => {
    const { store } = await mountApp('/plan');
    await typeReviewRows(store);
    await expect.element(page.getByRole('heading', { name: /Parts per week at each plant’s peak/ })).toBeInTheDocument();
    const view = deepQuery(document.body, 'rack-plan-view')!;
    const rows = [...view.shadowRoot!.querySelectorAll('table')].find((t) => /Racks\/wk/.test(t.textContent ?? ''))!;
    const builds = [...rows.querySelectorAll('tbody tr')].map((tr) => Number(tr.children[2]!.textContent.replace(/,/g, '')));
    expect(builds.length).toBeGreaterThan(0);
    expect(builds.every((n) => n > 0)).toBe(true);
  });

  it('typed rows survive optimize + accept, and a locked row is never changed even when every row is accepted', async () => {
    const { store } = await mountApp('/plan');
    store.dispatch({ type: 'plan/set-optimizer', patch: { generations: ['gb300-nvl72', 'vr-nvl144'] } });
    const typed = await typeReviewRows(store);
    // Lock the first row through the rows table.
    const view = deepQuery(document.body, 'rack-plan-view')!;
    (view.shadowRoot!.querySelector('details.rows summary') as HTMLElement).click();
    await page.getByRole('checkbox', { name: /^Lock GB300 NVL72 at Houston/ }).click();
    await until(() => store.design.plan.plan.deployments[0]!.locked === true);
    const locked = store.design.plan.plan.deployments[0]!;

    await page.getByRole('button', { name: 'Optimize' }).click();
    const acceptTicked = page.getByRole('button', { name: /^Accept \d+ ticked rows?$/ });
    await expect.element(acceptTicked, { timeout: 90_000 }).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Proposed changes' })).toBeVisible();
    await acceptTicked.click();
    await until(() => store.design.plan.plan.deployments.length > 3);
    const after = store.design.plan.plan.deployments;
    // Every typed row is still there (removals were not ticked), the locked one unchanged.
    for (const d of typed.slice(1)) expect(after.some((x) => x.site === d.site && x.generation === d.generation && x.quarter === d.quarter && x.units === d.units)).toBe(true);
    expect(after).toContainEqual(locked);

    // Accept everything, removals too: the locked row still stands exactly as it was.
    store.undo();
    await until(() => store.design.plan.plan.deployments.length === 3);
    await page.getByRole('button', { name: 'Optimize' }).click();
    const acceptAll = page.getByRole('button', { name: 'Accept all, removals too' });
    await expect.element(acceptAll, { timeout: 90_000 }).toBeVisible();
    await acceptAll.click();
    await until(() => store.undoLabel === 'accept the whole proposal');
    expect(store.design.plan.plan.deployments).toContainEqual(locked);
  }, 240_000);
});

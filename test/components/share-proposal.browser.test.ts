/**
 * Review 2026-12 F9 and issue 17: a shared plan link never replaces the working plan without asking, and the
 * proposal's promise holds: opening saves the working plan to the plan library first ("Before shared plan — <name>
 * — <date time>"), then replaces it (undoable). Keep leaves the plan as it was. A library that cannot save stops
 * the replacement and asks again with the reason. (The `#plan=` decoding and limits are tested in
 * test/io/share.test.ts and shared-plan.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { validatePlan } from '../../src/io/plan';
import { PlanStore } from '../../src/storage/plan-store';
import { keepPlanInLibrary, keptPlanName } from '../../src/storage/plan-library';
import type { Plan } from '../../src/core/plan/types';
import { mountApp, until } from './helpers';

afterEach(() => document.body.replaceChildren());

describe('a shared plan is a proposal', () => {
  it('Keep my plan leaves the working plan; Open shared plan saves it to the library, replaces it, and Undo brings it back', async () => {
    const dbName = `rackplan-share-keep-${Date.now()}`;
    const { app, store } = await mountApp('/plan');
    app.keepPlan = (plan) => keepPlanInLibrary(plan, { reason: 'Before shared plan', dbName });
    const mine = store.design.plan.plan;
    const shared = { ...mine, name: 'Plan from a colleague' };
    app.sharedPlan = { plan: shared };
    await expect.element(page.getByText(`Open the shared plan “Plan from a colleague”? Your plan “${mine.name}” stays in the plan library (it is saved there first), and Undo brings it back.`)).toBeVisible();
    await page.getByRole('button', { name: 'Keep my plan' }).click();
    await expect.element(page.getByText('The shared plan was not opened; your plan is unchanged.')).toBeVisible();
    expect(store.design.plan.plan.name).toBe(mine.name);

    app.sharedPlan = { plan: shared };
    await page.getByRole('button', { name: 'Open shared plan' }).click();
    await until(() => store.design.plan.plan.name === 'Plan from a colleague');
    await expect.element(page.getByText(/^Opened the shared plan\. Your plan is in the plan library \(Export view\) as “Before shared plan — .* — \d{4}-\d\d-\d\d \d\d:\d\d”\. “Undo open shared plan” brings back the plan you had\.$/)).toBeVisible();
    // The library holds the plan exactly as it was, under the promised name.
    const lib = await PlanStore.open<Plan>({ validate: validatePlan, dbName });
    const entries = await lib.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.head.name).toMatch(new RegExp(`^Before shared plan — ${mine.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
    expect(entries[0]!.problems).toBeNull();
    expect(JSON.parse((await lib.rawJson(entries[0]!.head.id))!)).toEqual(JSON.parse(JSON.stringify(mine)));
    lib.close();
    await page.getByRole('button', { name: 'Undo' }).click();
    await until(() => store.design.plan.plan.name === mine.name);
  });

  it('a library that cannot save: nothing is replaced, the user hears why and chooses', async () => {
    const { app, store } = await mountApp('/plan');
    app.keepPlan = () => Promise.resolve({ ok: false, error: 'QuotaExceededError: the quota has been exceeded' });
    const mine = store.design.plan.plan;
    app.sharedPlan = { plan: { ...mine, name: 'Plan from a colleague' } };
    await page.getByRole('button', { name: 'Open shared plan' }).click();
    await expect.element(page.getByText(`Your plan “${mine.name}” could not be saved to the plan library (QuotaExceededError: the quota has been exceeded). Open the shared plan “Plan from a colleague” anyway?`, { exact: false })).toBeVisible();
    expect(store.design.plan.plan.name).toBe(mine.name);
    await page.getByRole('button', { name: 'Open anyway' }).click();
    await until(() => store.design.plan.plan.name === 'Plan from a colleague');
    await expect.element(page.getByText('Opened the shared plan. “Undo open shared plan” brings back the plan you had.')).toBeVisible();
  });

  it('the kept name keeps its date whatever the plan name', () => {
    const at = new Date(2026, 11, 3, 9, 5);
    expect(keptPlanName('Before shared plan', 'Three sites', at)).toBe('Before shared plan — Three sites — 2026-12-03 09:05');
    const long = keptPlanName('Before shared plan', 'x'.repeat(300), at);
    expect(long).toHaveLength(120);
    expect(long.endsWith('x… — 2026-12-03 09:05')).toBe(true);
  });
});

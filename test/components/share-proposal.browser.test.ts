/**
 * Review 2026-12 F9: a shared plan link never replaces the working plan without asking. The app shows the
 * proposal (src/main.ts sets `sharedPlan` when a working plan exists); Open replaces it (undoable), Keep leaves
 * the plan as it was. (The `#plan=` decoding and limits are tested in test/io/share.test.ts and shared-plan.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mountApp, until } from './helpers';

afterEach(() => document.body.replaceChildren());

describe('a shared plan is a proposal', () => {
  it('Keep my plan leaves the working plan; Open shared plan replaces it and Undo brings it back', async () => {
    const { app, store } = await mountApp('/plan');
    const mine = store.design.plan.plan;
    const shared = { ...mine, name: 'Plan from a colleague' };
    app.sharedPlan = { plan: shared };
    await expect.element(page.getByText('Open the shared plan “Plan from a colleague”?')).toBeVisible();
    await page.getByRole('button', { name: 'Keep my plan' }).click();
    await expect.element(page.getByText('The shared plan was not opened; your plan is unchanged.')).toBeVisible();
    expect(store.design.plan.plan.name).toBe(mine.name);

    app.sharedPlan = { plan: shared };
    await page.getByRole('button', { name: 'Open shared plan' }).click();
    await until(() => store.design.plan.plan.name === 'Plan from a colleague');
    await expect.element(page.getByText(/Opened the shared plan/)).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await until(() => store.design.plan.plan.name === mine.name);
  });
});

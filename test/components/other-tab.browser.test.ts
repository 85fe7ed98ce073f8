/**
 * Issue 17: a tab whose session another tab saved offers to reload to that version or to keep this tab's plan in
 * the library first; it never overwrites silently. (The BroadcastChannel notice itself is tested in
 * test/storage/journal.browser.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { validatePlan } from '../../src/io/plan';
import { keepPlanInLibrary } from '../../src/storage/plan-library';
import { PlanStore } from '../../src/storage/plan-store';
import type { Plan } from '../../src/core/plan/types';
import { mountApp, until } from './helpers';

afterEach(() => document.body.replaceChildren());

const NOTICE = 'This plan was changed in another tab (saved 10:42:00). Reload this tab to continue from that version; an edit made here first would replace it.';

describe('another tab saved the session', () => {
  it('offers Reload, and Keep-then-reload saves this tab’s plan to the library first', async () => {
    const dbName = `rackplan-other-tab-${Date.now()}`;
    const { app, store } = await mountApp('/plan');
    let reloads = 0;
    app.reload = () => void reloads++;
    app.keepPlan = (plan, reason) => keepPlanInLibrary(plan, { reason, dbName });
    app.otherTab = NOTICE;
    await expect.element(page.getByText(NOTICE)).toBeVisible();
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    expect(reloads).toBe(1);

    await page.getByRole('button', { name: 'Keep this tab’s plan in the library, then reload' }).click();
    await until(() => reloads === 2);
    const lib = await PlanStore.open<Plan>({ validate: validatePlan, dbName });
    const entries = await lib.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.head.name).toMatch(/^From another tab — /);
    expect(JSON.parse((await lib.rawJson(entries[0]!.head.id)) ?? 'null')).toEqual(store.design.plan.plan);
    lib.close();
  });

  it('a library that cannot save reloads nothing and says why', async () => {
    const { app } = await mountApp('/plan');
    let reloads = 0;
    app.reload = () => void reloads++;
    app.keepPlan = () => Promise.resolve({ ok: false, error: 'QuotaExceededError: the quota has been exceeded' });
    app.otherTab = NOTICE;
    await page.getByRole('button', { name: 'Keep this tab’s plan in the library, then reload' }).click();
    await expect.element(page.getByText(/could not be saved to the plan library \(QuotaExceededError: the quota has been exceeded\); nothing was reloaded/)).toBeVisible();
    expect(reloads).toBe(0);
  });
});

/**
 * Issue 17 (review 2026-12 F3): the Plan view survives an evaluation error. Reports (src/views/reports.ts) is the
 * one place the UI evaluates plans; an evaluation that throws comes back as a typed failure, and the Plan view shows
 * an error card naming the plan and the error instead of going blank. The engine is made to throw for one plan name
 * (a stand-in for a bug: the review's case was a RangeError after 21–35 s, now refused earlier by the work limits).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { mountApp, until } from './helpers';

// Reports evaluates plans through whichever of its module sets loaded first: the plan views' own
// (src/views/plan-modules.ts) or the whole set (src/views/report-modules.ts). Both are made to throw.
type EvaluatePlan = typeof import('../../src/core/plan/evaluate').evaluatePlan;
function throwingEvaluate(real: EvaluatePlan): EvaluatePlan {
  return (...args) => {
    if (args[0].name === 'Throws in the engine') throw new RangeError('Invalid array length');
    return real(...args);
  };
}
vi.mock('../../src/views/report-modules', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/views/report-modules')>();
  return { ...real, evaluatePlan: throwingEvaluate(real.evaluatePlan) };
});
vi.mock('../../src/views/plan-modules', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/views/plan-modules')>();
  return { ...real, evaluatePlan: throwingEvaluate(real.evaluatePlan) };
});

afterEach(() => document.body.replaceChildren());

describe('the Plan view survives an evaluation error', () => {
  it('shows an error card naming the plan and the error, and Undo brings the plan view back', async () => {
    const { app, store } = await mountApp('/plan');
    await expect.element(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
    const before = store.design.plan.plan.name;
    // The edit goes through the app like the Name field's (the store accepts it: only the evaluation fails).
    app.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('rack-edit', { detail: { type: 'plan/set-settings', patch: { name: 'Throws in the engine' } }, bubbles: true, composed: true }));
    await until(() => store.design.plan.plan.name === 'Throws in the engine');
    await expect.element(page.getByRole('heading', { name: 'The plan “Throws in the engine” could not be evaluated' })).toBeVisible();
    await expect.element(page.getByText('Evaluating the plan failed with RangeError: Invalid array length.', { exact: false })).toBeVisible();
    expect(page.getByRole('heading', { name: 'Deployments' }).elements()).toHaveLength(0);
    // The failure is the report owner's typed answer, not an exception out of a getter.
    const reports = (app as unknown as { reports: import('../../src/views/reports').Reports }).reports;
    expect(reports.planOutcome).toEqual({ ok: false, error: { planName: 'Throws in the engine', error: 'RangeError: Invalid array length' } });
    expect(reports.plan).toBeUndefined();
    await page.getByRole('button', { name: 'Undo the last edit' }).click();
    await until(() => store.design.plan.plan.name === before);
    await expect.element(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
    expect(reports.planOutcome?.ok).toBe(true);
  });

  it('the Sites view shows the same card (its cards are the plan’s site figures)', async () => {
    const { app, store } = await mountApp('/sites');
    await expect.element(page.getByRole('heading', { name: /^Houston/ })).toBeVisible();
    app.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('rack-edit', { detail: { type: 'plan/set-settings', patch: { name: 'Throws in the engine' } }, bubbles: true, composed: true }));
    await until(() => store.design.plan.plan.name === 'Throws in the engine');
    await expect.element(page.getByRole('heading', { name: 'The plan “Throws in the engine” could not be evaluated' })).toBeVisible();
    await page.getByRole('button', { name: 'Undo the last edit' }).click();
    await expect.element(page.getByRole('heading', { name: /^Houston/ })).toBeVisible();
  });
});

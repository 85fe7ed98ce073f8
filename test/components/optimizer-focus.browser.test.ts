/**
 * Keyboard focus is moved deliberately while the optimizer runs (review 2026-12 finding 46): Optimize → Cancel while it
 * runs → the result when it arrives, or back to Optimize after a cancel. It never drops to the page.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { deepQuery, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

/** The focused element, through shadow roots. */
function focused(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('optimizer focus', () => {
  it('Optimize with the keyboard: focus goes to Cancel while it runs, then to the result', async () => {
    await mountApp('/plan');
    const optimize = page.getByRole('button', { name: 'Optimize' });
    await expect.element(optimize).toBeVisible();
    (optimize.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await until(() => focused()?.textContent?.trim() === 'Cancel', 10_000);
    await until(() => (focused() as HTMLElement | null)?.dataset.focus === 'result', 90_000);
    expect(focused()!.getAttribute('aria-label')).toBe('Optimizer result');
  }, 120_000);

  it('Cancel puts focus back on Optimize', async () => {
    await mountApp('/plan');
    const optimize = page.getByRole('button', { name: 'Optimize' });
    await expect.element(optimize).toBeVisible();
    (optimize.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await until(() => focused()?.textContent?.trim() === 'Cancel', 10_000);
    await userEvent.keyboard('{Enter}');
    await until(() => focused()?.textContent?.trim() === 'Optimize', 10_000);
    expect(deepQuery(document.body, 'rack-optimizer-panel')!.shadowRoot!.textContent).toContain('Cancelled.');
  }, 60_000);
});

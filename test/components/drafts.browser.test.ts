import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { DRAFTS_KEY, pageDrafts } from '../../src/storage/drafts';
import { mountApp, until } from './helpers';

beforeEach(() => localStorage.removeItem(DRAFTS_KEY));
afterEach(() => {
  document.body.replaceChildren();
  localStorage.removeItem(DRAFTS_KEY);
});

const saved = () => JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '{}') as Record<string, string>;

describe('nothing typed is lost', () => {
  it('text typed but not applied is saved as the user types and comes back after a reload, marked as a draft', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    const volts = page.getByRole('textbox', { name: 'Feed voltage' });
    // Keystrokes only (fill would also send a change event, which applies the text).
    await userEvent.click(volts);
    await userEvent.keyboard('415');
    // Debounced: in storage within a moment, without Enter, Tab or blur.
    await until(() => saved()['rack:feedVolts'] === '415', 2000);
    expect(store.design.rack.options.feedVolts).toBeUndefined();

    // Reload: a new app (a new store) in the same browser storage. (Taking the old app out of the page blurs the
    // field; the text it could not apply any more stays a draft.)
    const second = await mountApp('/rack/gb200-nvl72');
    const again = page.getByRole('textbox', { name: 'Feed voltage' });
    await expect.element(again).toHaveValue('415');
    await expect.element(again).toHaveAttribute('data-draft');
    await expect.element(page.getByText(/Draft kept from before the reload/)).toBeVisible();
    expect(second.store.design.rack.options.feedVolts).toBeUndefined();

    // Applying it makes it a value and drops the draft.
    await userEvent.click(again);
    await userEvent.keyboard('{Enter}');
    await until(() => second.store.design.rack.options.feedVolts === 415);
    pageDrafts().flush();
    expect(saved()['rack:feedVolts']).toBeUndefined();
    await expect.element(again).not.toHaveAttribute('data-draft');
  });

  it('Escape drops a draft', async () => {
    await mountApp('/rack/gb200-nvl72');
    const amps = page.getByRole('textbox', { name: 'Breaker rating' });
    await userEvent.click(amps);
    await userEvent.keyboard('63');
    pageDrafts().flush();
    expect(saved()['rack:feedAmps']).toBe('63');
    await userEvent.keyboard('{Escape}');
    pageDrafts().flush();
    expect(saved()['rack:feedAmps']).toBeUndefined();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { catalog, mountApp, until } from './helpers';

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1280, 900);
});

describe('first visit', () => {
  it('at / the designer opens with a short orientation and three starting points; choosing one goes there and closes it', async () => {
    const { win } = await mountApp('/');
    await expect.element(page.getByRole('heading', { name: 'Welcome to rackplan' })).toBeVisible();
    const starts = page.getByRole('list', { name: 'Where to start' }).getByRole('link').elements();
    expect(starts.map((a) => a.querySelector('strong')!.textContent)).toEqual(['Size a rack', 'Compare accelerators', 'Plan three sites']);
    await page.getByRole('link', { name: /Compare accelerators/ }).click();
    await until(() => win.location.pathname === '/compare');
    expect(page.getByRole('heading', { name: 'Welcome to rackplan' }).elements()).toHaveLength(0);
  });

  it('a deep link opens without it, and Close dismisses it', async () => {
    await mountApp('/rack/gb200-nvl72');
    expect(page.getByRole('heading', { name: 'Welcome to rackplan' }).elements()).toHaveLength(0);
    await mountApp('/');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to rackplan' }).elements().length).toBe(0);
  });

  it('the footer names the catalog version and its date', async () => {
    await mountApp('/rack/gb200-nvl72');
    const footer = document.querySelector('rack-app')!.shadowRoot!.querySelector('footer')!;
    expect(footer.textContent).toContain(`catalog ${catalog.version}`);
    expect(footer.textContent).toMatch(/figures as of \w+ \d{4}/);
  });

  it('on a 390 px phone the header is one row no taller than 64 px, Undo and Redo keep their names', async () => {
    await page.viewport(390, 844);
    await mountApp('/rack/gb200-nvl72');
    const header = document.querySelector('rack-app')!.shadowRoot!.querySelector('header')!;
    await expect.poll(() => header.getBoundingClientRect().height).toBeLessThanOrEqual(64);
    await expect.element(page.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Redo' })).toBeInTheDocument();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
  });
});

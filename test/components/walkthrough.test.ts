/**
 * The newcomer's walkthrough on the production build, in headless Debian Chromium (playwright-core) against
 * `vite preview` started and stopped by this test (by PID): size one gb300-nvl72 at houston-tx, change the feed
 * amps and see the budget update, compare with trn3-gen2-ultraserver for the same target, plan three sites over
 * seven years with the optimizer — with no console errors. Runs in the node project (it drives the browser).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serveBuiltApp, type BuiltApp } from '../helpers/built-app';

let app: BuiltApp | undefined;
let base: string;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await serveBuiltApp({ name: 'walk', portFrom: 4300 });
  ({ base, browser } = app);
}, 240_000);

afterAll(async () => {
  await app?.close();
});

async function meterText(page: Page, name: string): Promise<string> {
  return (await page.getByRole('meter', { name }).getAttribute('aria-valuetext')) ?? '';
}

it('walkthrough: rack at a site, feed amps, compare, three-site seven-year plan; no console errors', async () => {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));

  // 1. Size one GB300 NVL72 at Houston.
  await page.goto(`${base}/rack/gb300-nvl72`);
  await expect.poll(() => page.getByRole('combobox', { name: 'Rack generation' }).inputValue()).toBe('gb300-nvl72');
  await page.getByRole('combobox', { name: 'Site' }).selectOption('houston-tx');
  await page.getByText(/Facility stages at Houston, Texas/).waitFor();
  await expect.poll(() => page.getByRole('textbox', { name: 'Altitude' }).getAttribute('placeholder')).toMatch(/30/);

  // 2. Change the feed amps: the phase budget follows (GB300's published whips are 30 A: 24 A usable at 80 %).
  const before = await meterText(page, 'Feed A worst phase');
  expect(before).toMatch(/of 24\u00a0A/);
  await page.getByRole('textbox', { name: 'Breaker rating' }).fill('100 A');
  await page.keyboard.press('Enter');
  await expect.poll(() => meterText(page, 'Feed A worst phase')).toMatch(/of 80\u00a0A/);
  expect(page.url()).toBe(`${base}/rack/gb300-nvl72`);

  // 3. Compare with Trainium3 for the same target.
  await page.getByRole('link', { name: 'Compare' }).click();
  await page.getByRole('button', { name: /Use the rack designer/ }).click();
  // The Compare view sizes for equal dense FP8 compute: the designer's GB300 NVL72 rack is 72 × 5 = 360 PFLOPS.
  await page.getByRole('heading', { name: 'Sized for 360 dense FP8 PFLOPS' }).waitFor();
  const trn3 = page.getByRole('checkbox', { name: /Trn3 Gen2 UltraServer/ });
  if (!(await trn3.isChecked())) await trn3.check();
  await expect.poll(() => page.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/GB300 NVL72/), expect.stringMatching(/Trn3 Gen2 UltraServer/)]));
  expect(await page.getByRole('combobox', { name: 'At the site' }).inputValue()).toBe('houston-tx');

  // 4. Plan three sites over seven years with the optimizer; apply it.
  await page.getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('heading', { name: /Three sites, seven years/ }).waitFor();
  await page.getByRole('button', { name: 'Optimize' }).click();
  // The optimizer's result is a proposal: accept every row of it.
  await page.getByRole('button', { name: 'Accept all, removals too' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Accept all, removals too' }).click();
  await page.getByRole('table').filter({ hasText: 'Headroom MW' }).waitFor();
  const deployments = await page.evaluate(() => (document.querySelector('rack-app') as unknown as { store: { design: { plan: { plan: { deployments: unknown[]; horizonYears?: number } } } } }).store.design.plan.plan);
  expect(deployments.deployments.length).toBeGreaterThan(0);
  expect(deployments.horizonYears).toBe(7);

  // 5. The route and the session survive a reload.
  await page.reload();
  await page.getByRole('heading', { name: /Three sites, seven years/ }).waitFor();
  await expect.poll(() => page.getByRole('link', { name: 'Plan' }).getAttribute('aria-current')).toBe('page');
  await expect.poll(() => page.evaluate(() => (document.querySelector('rack-app') as unknown as { store: { design: { plan: { plan: { deployments: unknown[] } } } } }).store.design.plan.plan.deployments.length)).toBeGreaterThan(0);

  expect(errors).toEqual([]);
  await context.close();
}, 240_000);

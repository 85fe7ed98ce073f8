/**
 * The Compare view's target select offers every published precision; at FP64 it sizes as `rackplan compare
 * --precision fp64` (the view model's sizing, which test/views/compare-precision.test.ts ties to the CLI row for row).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { deepQuery, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

describe('Compare view at FP64', () => {
  it('sizes DGX B200 and GB200 on FP64, says GB300 does not supply it, and names the precision in words', async () => {
    const { store } = await mountApp('/compare');
    for (const id of ['dgx-b200', 'gb200-nvl72', 'gb300-nvl72']) if (!store.design.compare.generationIds.includes(id)) store.dispatch({ type: 'compare/toggle-generation', id });
    await userEvent.selectOptions(page.getByRole('combobox', { name: /Size every unit to/ }), 'fp64Pflops');
    // Switching precision starts at the field's example (40), not the FP8 number carried over.
    await until(() => store.design.compare.target.kind === 'fp64Pflops' && store.design.compare.target.value === 40);
    await expect.element(page.getByRole('heading', { name: 'Sized for 40 FP64 PFLOPS' })).toBeVisible();
    await expect.element(page.getByTestId('compare-verdict')).toHaveTextContent(/^At 40 PFLOPS FP64 in /);
    // The table is the view's part below its first screen, loaded after the first paint.
    await until(() => deepQuery(document, 'rack-compare-table')?.shadowRoot?.querySelector('tbody') != null);
    const view = deepQuery<HTMLElement>(document, 'rack-compare-table')!;
    await until(() => [...view.shadowRoot!.querySelectorAll('tbody th')].some((th) => th.textContent.trim() === 'FP64 PFLOPS'));
    const headers = [...view.shadowRoot!.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent.replace(/\s+/g, ' ').trim());
    expect(headers.find((h) => h.startsWith('GB300'))).toMatch(/does not supply the target/);
    const cells = (label: string) => [...[...view.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent.trim() === label)!.querySelectorAll('td')].map((td) => td.textContent.trim());
    const col = (name: string) => headers.slice(1).findIndex((h) => h.startsWith(name));
    // Hand: GB200 NVL72 0.04 PFLOPS FP64 per GPU × 72 = 2.88 per rack → ⌈40 ÷ 2.88⌉ = 14 racks;
    // DGX B200 0.037 × 32 GPUs per rack = 1.184 → ⌈33.78⌉ = 34 units.
    expect(cells('Units needed')[col('GB200')]).toBe('14');
    expect(cells('Units needed')[col('DGX B200')]).toBe('34');
  });
});

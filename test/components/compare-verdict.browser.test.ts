import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { DEFAULT_COMPARE_TARGET } from '../../src/core/plan/compare';
import { deepQuery, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

/** The comparison table as label → cells, read from the rendered DOM (the table element's). */
function tableRows(view: HTMLElement): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const tr of view.shadowRoot!.querySelectorAll('tbody tr')) {
    const label = tr.querySelector('th')!.textContent.trim();
    rows.set(label, [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()));
  }
  return rows;
}

describe('Compare view verdict', () => {
  it('opens on equal dense FP8 compute, and its verdict names the cheapest $/PFLOP-hour and the least power shown in the table', async () => {
    const { store } = await mountApp('/compare');
    expect(store.design.compare.target).toEqual({ kind: 'fp8Pflops', value: DEFAULT_COMPARE_TARGET.value });
    if (!store.design.compare.generationIds.includes('inf2-server')) store.dispatch({ type: 'compare/toggle-generation', id: 'inf2-server' });
    await until(() => store.design.compare.generationIds.length >= 2);
    const verdict = page.getByTestId('compare-verdict');
    await expect.element(verdict).toHaveTextContent(/^At 5,000 PFLOPS FP8 in Houston, Texas, /);
    // The table is the view's part below its first screen, loaded after the first paint.
    await until(() => deepQuery(document, 'rack-compare-table')?.shadowRoot?.querySelector('tbody') != null);
    const view = deepQuery<HTMLElement>(document, 'rack-compare-table')!;
    await until(() => tableRows(view).has('$ per PFLOP-hour'));
    const rows = tableRows(view);
    const names = [...view.shadowRoot!.querySelectorAll('thead th[scope="col"]')].slice(1).map((th) => th.textContent.replace(th.querySelector('small')?.textContent ?? '', '').trim());
    expect(names.length).toBeGreaterThanOrEqual(2);
    const firstNumber = (c: string) => Number(/\d[\d,]*(\.\d+)?/.exec(c)![0].replace(/,/g, ''));
    const dollars = rows.get('$ per PFLOP-hour')!.map(firstNumber);
    expect(dollars, JSON.stringify(rows.get('$ per PFLOP-hour'))).toSatisfy((d: number[]) => d.every((x) => x > 0));
    const mwPerPf = rows.get('Facility MW per 1,000 PFLOPS')!.map(firstNumber);
    const cheapest = names[dollars.indexOf(Math.min(...dollars))]!;
    const leanest = names[mwPerPf.indexOf(Math.min(...mwPerPf))]!;
    const text = verdict.element().textContent;
    const short = (n: string) => n.split(' (')[0]!;
    expect(text).toContain(`${short(cheapest)} is cheapest per PFLOP-hour at $${Math.min(...dollars)}`);
    expect(text).toMatch(cheapest === leanest ? /it also uses the least power/ : new RegExp(`${short(leanest)} uses the least power`));
    // "Best" never marks the figure the rows were sized to.
    const pflopsRow = [...view.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent.trim() === 'Dense PFLOPS')!;
    expect(pflopsRow.querySelectorAll('td.best')).toHaveLength(0);
  });
});

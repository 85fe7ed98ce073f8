import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { catalog } from './helpers';
import '../../components/rack/rack-assumptions';

afterEach(() => document.body.replaceChildren());

const gb300 = catalog.generations.find((g) => g.id === 'gb300-nvl72')!;

async function mount() {
  const r = evaluateUnit(gb300, {}, catalog);
  const el = document.createElement('rack-assumptions');
  el.assumptions = r.assumptions;
  el.catalog = catalog;
  document.body.style.width = '1100px';
  document.body.append(el);
  await el.updateComplete;
  return { el, r };
}

const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];

describe('rack-assumptions', () => {
  it('estimate rows render as table rows: every cell on one line with the others, the row as wide as the table', async () => {
    const { el, r } = await mount();
    const estimates = rows(el).filter((tr) => /conf-(estimate|missing)/.test(tr.className));
    expect(estimates.length).toBe(r.assumptions.filter((a) => a.confidence === 'estimate' || a.confidence === 'missing').length);
    expect(estimates.length).toBeGreaterThan(0);
    const table = el.shadowRoot!.querySelector('table')!.getBoundingClientRect();
    for (const tr of estimates) {
      expect(getComputedStyle(tr).display).toBe('table-row');
      const box = tr.getBoundingClientRect();
      expect(Math.abs(box.width - table.width)).toBeLessThan(1);
      const cells = [...tr.cells].map((c) => c.getBoundingClientRect());
      expect(cells).toHaveLength(4);
      for (const c of cells) expect(Math.abs(c.top - cells[0]!.top)).toBeLessThan(1);
      // The name column is wide enough to read (the collapsed rows wrapped a few characters per line).
      expect(cells[0]!.width).toBeGreaterThan(120);
    }
  });

  it('names values in words, with the catalog path as the tooltip', async () => {
    const { el } = await mount();
    const tray = rows(el).find((tr) => tr.dataset.path === 'generations.gb300-nvl72.components.compute-tray.maxPowerW')!;
    expect(tray.cells[0]!.textContent.trim()).toBe('Compute tray: maximum power');
    expect(tray.cells[0]!.title).toBe('generations.gb300-nvl72.components.compute-tray.maxPowerW');
  });

  it('filters by text and sorts least certain first', async () => {
    const { el, r } = await mount();
    await userEvent.fill(page.getByRole('searchbox'), 'efficiency');
    await expect.poll(() => rows(el).length).toBe(r.assumptions.filter((a) => /efficiency/i.test(a.path)).length);
    await userEvent.fill(page.getByRole('searchbox'), '');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort' }), 'confidence');
    await expect.poll(() => rows(el)[0]!.className).toMatch(/conf-(missing|estimate)/);
    const order = rows(el).map((tr) => tr.className.replace('conf-', ''));
    const rank = { missing: 0, estimate: 1, secondary: 2, derived: 3, published: 4, user: 5 } as Record<string, number>;
    expect(order.map((c) => rank[c])).toEqual([...order.map((c) => rank[c])].sort((a, b) => a! - b!));
  });
});

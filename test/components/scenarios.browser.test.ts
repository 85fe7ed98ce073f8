import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../components/plan/rack-scenarios';
import type { RackScenarios } from '../../components/plan/rack-scenarios';
import { until } from './helpers';
import small from '../../presets/plans/small.json';
import type { Plan } from '../../src/core/plan/types';

afterEach(() => document.body.replaceChildren());

describe('Scenarios side by side (Plan view panel)', () => {
  it('two saved scenarios compare with deltas from the first; the bands and tornado arrive from the worker', async () => {
    const el: RackScenarios = document.createElement('rack-scenarios');
    const base = small as unknown as Plan;
    el.plan = base;
    document.body.append(el);
    // Bands and tornado, computed off the page's thread.
    await expect.element(page.getByRole('table', { name: 'Plan totals with low, typical and high' }), { timeout: 30_000 }).toBeVisible();
    await expect.element(page.getByRole('img', { name: /Tornado: change in NPV TCO/ })).toBeInTheDocument();

    await userEvent.fill(page.getByRole('textbox', { name: 'Scenario name' }), 'As planned');
    await userEvent.click(page.getByRole('button', { name: 'Save the current plan as a scenario' }));
    // A second scenario: every deployment doubled (orders too), as a user would after editing the grid.
    el.plan = { ...base, orders: base.orders?.map((o) => ({ ...o, units: o.units * 2 })), deployments: base.deployments.map((d) => ({ ...d, units: d.units * 2 })) };
    await userEvent.fill(page.getByRole('textbox', { name: 'Scenario name' }), 'Twice the racks');
    await userEvent.click(page.getByRole('button', { name: 'Save the current plan as a scenario' }));

    const table = page.getByRole('table', { name: 'Scenarios compared' });
    await expect.element(table, { timeout: 30_000 }).toBeVisible();
    const row = (key: string) => [...el.shadowRoot!.querySelectorAll(`tr[data-key="${key}"] td`)].map((td) => td.textContent.trim());
    await until(() => row('unitCapexUsd').length === 3);
    // Twice the ordered units at the same prices: unit capex doubles, so Δ B − A equals A (+100 %).
    const [a, b, delta] = row('unitCapexUsd');
    expect(delta).toBe(`+${a} (+100 %)`);
    expect(b).not.toBe(a);
    expect(row('peakFacilityMw.houston-tx')[2]).toMatch(/^\+/);
    await expect.element(page.getByRole('list', { name: 'Saved scenarios' })).toHaveTextContent(/A = As planned.*B = Twice the racks/);
  });
});

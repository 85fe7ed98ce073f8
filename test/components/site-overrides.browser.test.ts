/**
 * Issue 12 item 2 in the app: a site's overrides are set and cleared in the Sites view, live in the plan, and the
 * Sites view, the Plan view, the Rack designer's power chain and the Compare view mark what was overridden with the
 * value it replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mountApp, until } from './helpers';
import type { PlanSite } from '../../src/core/plan/types';
import example from '../../docs/examples/plan-overrides.json';

afterEach(() => document.body.replaceChildren());

const houston = (sites: readonly PlanSite[] | undefined) => sites?.find((s) => s.id === 'houston-tx');

/** Open the Sites view and type a fixed PUE of 1.3 for Houston, as a user does; resolves once the plan holds it. */
async function fixHoustonPueInSitesView() {
  const { store } = await mountApp('/sites');
  const section = page.getByRole('region', { name: 'Houston, Texas overrides' });
  await expect.element(section).toBeVisible();
  await userEvent.fill(section.getByRole('textbox', { name: 'Fixed PUE' }), '1.3');
  await userEvent.keyboard('{Enter}');
  await until(() => houston(store.design.plan.plan.sites)?.pueOverride === 1.3);
  return { store, section };
}

describe('site overrides in the Sites and Plan views', () => {
  it('a fixed PUE typed for Houston is the plan’s, marked “override” with the computed PUE beside it; clearing it goes back', async () => {
    const { store, section } = await fixHoustonPueInSitesView();
    // The computed PUE is still computed and shown next to it.
    await expect.element(section.getByText(/^PUE 1\.30 \(override; computed 1\.\d{3}\)$/)).toBeVisible();
    const pue = page.getByRole('region', { name: 'Houston, Texas PUE' });
    await expect.element(pue.getByText('override').first()).toBeVisible();
    await expect.element(pue.getByText(/annual · computed 1\.\d{3}/)).toBeVisible();
    // Storage IT in kW (the field shows kW; the plan holds kW).
    await userEvent.fill(section.getByRole('textbox', { name: 'Storage IT' }), '2000 kW');
    await userEvent.keyboard('{Enter}');
    // A value with a unit is parsed by the units module, loaded on first use.
    await until(() => houston(store.design.plan.plan.sites)?.storageKw !== undefined, 20_000);
    expect(houston(store.design.plan.plan.sites)?.storageKw).toBeCloseTo(2000, 9);
    await expect.element(section.getByText('storage 2,000 kW IT (added)')).toBeVisible();

    // Clearing the field removes the override from the plan.
    await userEvent.fill(section.getByRole('textbox', { name: 'Fixed PUE' }), '');
    await userEvent.keyboard('{Enter}');
    await until(() => houston(store.design.plan.plan.sites)?.pueOverride === undefined);
    expect(houston(store.design.plan.plan.sites)?.storageKw).toBe(2000);
  });

  it('a fixed PUE set in the Sites view is the Rack designer’s meter and the Compare view’s PUE, each marked “override” with the computed PUE', async () => {
    const { store } = await fixHoustonPueInSitesView();

    // The designer at Houston: the chain's mark, and the meter at the fixed PUE.
    await page.getByRole('link', { name: 'Rack designer' }).click();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Site', exact: true }), 'houston-tx');
    await until(() => store.design.rack.siteId === 'houston-tx');
    const chain = page.getByTestId('chain-fixed-pue');
    await expect.element(chain).toBeVisible();
    await expect.element(chain.getByText('override', { exact: true })).toBeVisible();
    await expect.element(chain).toHaveTextContent(/PUE 1\.30 \(override; computed 1\.\d{3}\) · peak PUE 1\.30 \(override, from pueOverride; computed 1\.\d{3}\)/);
    await expect.element(page.getByText(/^PUE 1\.30 \(override; computed 1\.\d{3}\) · peak PUE 1\.30 \(override, from pueOverride; computed 1\.\d{3}\) at the design condition: /)).toBeVisible();

    // Compare at Houston: the note and each column's PUE cell.
    await page.getByRole('link', { name: 'Compare' }).click();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'At the site' }), 'houston-tx');
    const note = page.getByTestId('compare-overrides');
    await expect.element(note).toBeVisible();
    await expect.element(note).toHaveTextContent(/The plan fixes Houston.*’s PUE 1\.30 \(Sites view\): every column uses it for energy and the meter/);
    const table = page.getByRole('table');
    await expect.element(table.getByText(/^PUE 1\.30 \(override; computed 1\.\d{3}\) \/ peak PUE 1\.30 \(override, from pueOverride; computed 1\.\d{3}\)$/).first()).toBeVisible();

    // Cleared in the plan, the designer's chain is the site model's again.
    store.dispatch({ type: 'plan/reset-site', siteId: 'houston-tx' });
    await page.getByRole('link', { name: 'Rack designer' }).click();
    await expect.element(page.getByRole('heading', { name: /Power chain/ })).toBeVisible();
    await expect.element(page.getByTestId('chain-fixed-pue')).not.toBeInTheDocument();
  });

  it('the Plan grid marks a site whose figures the plan overrides, the override in its tooltip', async () => {
    const { app, store } = await mountApp('/plan');
    await expect.element(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
    const edit = (detail: object) => app.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('rack-edit', { detail, bubbles: true, composed: true }));
    const plan = store.design.plan.plan;
    if (!plan.deployments.some((d) => d.site === 'houston-tx')) {
      edit({ type: 'plan/set-deployment', site: 'houston-tx', generation: 'gb300-nvl72', quarter: plan.start, units: 10 });
      await until(() => store.design.plan.plan.deployments.some((d) => d.site === 'houston-tx'));
    }
    const preset = (app as unknown as { reports: import('../../src/views/reports').Reports }).reports.sites?.find((s) => s.id === 'houston-tx');
    if (!preset) throw new Error('no Houston preset');
    edit({ type: 'plan/set-site', site: { ...preset, pueOverride: 1.25 }, label: 'houston pue' });
    await until(() => houston(store.design.plan.plan.sites)?.pueOverride === 1.25);
    await expect.element(page.getByTitle(/^PUE 1\.25 \(override; computed 1\.\d{3}\)/)).toBeVisible();
  });

  it('a plan file whose site entries only override presets opens in the Export view as those presets with the overrides', async () => {
    const { app, store } = await mountApp('/export');
    const exportsEl = await (async () => {
      let el: Element | null = null;
      await until(() => !!(el = findDeep(app, 'rack-plan-exports')));
      return el as unknown as { openFile(file: File): Promise<boolean> };
    })();
    const opened = await exportsEl.openFile(new File([JSON.stringify(example)], 'plan-overrides.json', { type: 'application/json' }));
    expect(opened).toBe(true);
    await until(() => houston(store.design.plan.plan.sites)?.pueOverride === 1.3);
    const h = houston(store.design.plan.plan.sites)!;
    expect([h.peakPueOverride, h.storageKw, h.otherItKw, h.roles.dataCenter !== null]).toEqual([1.35, 1500, 500, true]);
  });
});

/** The first element with `tag` in the light or shadow trees under `root`. */
function findDeep(root: Element, tag: string): Element | null {
  const stack: (Element | ShadowRoot)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n instanceof Element && n.localName === tag) return n;
    if (n instanceof Element && n.shadowRoot) stack.push(n.shadowRoot);
    for (const c of Array.from(n.children)) stack.push(c);
  }
  return null;
}

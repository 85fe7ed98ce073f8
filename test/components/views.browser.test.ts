import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { runOptimizer, OptimizerCancelled } from '../../src/services/optimizer';
import { deepQuery, deepQueryAll, mountApp, until } from './helpers';
import fixture from '../../presets/plans/three-sites-7y.json';
import type { Plan } from '../../src/core/plan/types';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

describe('Plan view', () => {
  it('renders the 3 × 6 × 28 grid; typing units re-evaluates the plan and updates the site columns', async () => {
    const { store } = await mountApp('/plan');
    store.dispatch({ type: 'plan/replace', plan: fixture as unknown as Plan, label: 'fixture' });
    await expect.element(page.getByRole('region', { name: 'Deployments by quarter, site and generation' })).toBeVisible();
    const cell = page.getByRole('textbox', { name: /GB200 NVL72 units into service at Houston, Texas in 2027 Q1/ });
    await expect.element(cell).toBeVisible();
    const before = store.design.plan.plan.deployments.length;
    await userEvent.fill(cell, '7');
    await userEvent.keyboard('{Tab}');
    await until(() => store.design.plan.plan.deployments.some((d) => d.site === 'houston-tx' && d.generation === 'gb200-nvl72' && d.quarter === '2027-Q1' && d.units === 7));
    expect(store.design.plan.plan.deployments.length).toBeGreaterThanOrEqual(before);
    expect(store.undoLabel).toBe('7 × gb200-nvl72 at houston-tx in 2027-Q1');
    store.undo();
    await until(() => !store.design.plan.plan.deployments.some((d) => d.site === 'houston-tx' && d.generation === 'gb200-nvl72' && d.quarter === '2027-Q1' && d.units === 7));
    expect(store.design.plan.plan.deployments.length).toBe(before);
    await expect.element(page.getByRole('heading', { name: 'Headroom and stranded capacity' })).toBeInTheDocument();
    await expect.element(page.getByRole('img', { name: /Racks in service by generation/ })).toBeInTheDocument();
  });

  it('arrow keys and Enter move between cells like a spreadsheet', async () => {
    const { store } = await mountApp('/plan');
    const first = page.getByRole('textbox', { name: /DGX B200 units into service at Houston, Texas in 2026 Q4/ });
    await userEvent.click(first);
    await userEvent.keyboard('3{Enter}');
    await until(() => store.design.plan.plan.deployments.some((d) => d.units === 3 && d.quarter === '2026-Q4'));
    const grid = deepQuery(document.body, 'rack-plan-grid')!;
    expect(grid.shadowRoot!.activeElement?.getAttribute('aria-label')).toMatch(/DGX B200 units into service at Houston, Texas in 2027 Q1/);
    await userEvent.keyboard('{ArrowUp}');
    expect(grid.shadowRoot!.activeElement?.getAttribute('aria-label')).toMatch(/2026 Q4/);
  });

  it('refuses a non-integer cell and keeps the plan', async () => {
    const { store } = await mountApp('/plan');
    const cell = page.getByRole('textbox', { name: /Vera Rubin NVL144 units into service at Houston, Texas/ }).first();
    await userEvent.fill(cell, '2.5');
    await userEvent.keyboard('{Tab}');
    expect(store.design.plan.plan.deployments).toHaveLength(0);
  });

  it('the optimizer runs in a Web Worker with progress, and can be cancelled', async () => {
    const { store } = await mountApp('/plan');
    const phases: string[] = [];
    const run = runOptimizer(store.design.plan.plan, { objective: 'npv', generations: store.design.plan.optimizer.generations }, (p) => phases.push(p));
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(OptimizerCancelled);
    expect(phases[0]).toBe('starting');
    // Through the panel: start, see progress, cancel; the page keeps answering meanwhile.
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect.element(page.getByRole('progressbar', { name: 'Optimizer progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(page.getByRole('alert').filter({ hasText: 'Cancelled.' })).toBeVisible();
  });

  it('the optimizer finds a plan, says what binds, and accepting its proposal is one undo step', async () => {
    const { store } = await mountApp('/plan');
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect.element(page.getByRole('button', { name: 'Accept all, removals too' }), { timeout: 60_000 }).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Optimizer result' })).toHaveTextContent(/Proposal/);
    await page.getByRole('button', { name: 'Accept all, removals too' }).click();
    await until(() => store.design.plan.plan.deployments.length > 0);
    expect(store.undoLabel).toBe('accept the whole proposal');
  }, 90_000);
});

describe('Sites view', () => {
  it('shows the three sites side by side with PUE terms and sources; a tariff edit goes into the plan', async () => {
    const { store } = await mountApp('/sites');
    for (const name of ['Houston, Texas', 'Lordstown, Ohio', 'Mount Pleasant, Wisconsin']) await expect.element(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect.element(page.getByText(/= 1 \+ chain losses/).first()).toBeVisible();
    const links = deepQueryAll(document.body, 'rack-source').flatMap((el) => [...el.shadowRoot!.querySelectorAll('a')]);
    expect(links.length).toBeGreaterThan(10);
    expect(links.every((a) => a.href.startsWith('http') && a.target === '_blank')).toBe(true);
    const tariff = page.getByRole('textbox', { name: 'Tariff, USD/kWh' }).first();
    await userEvent.fill(tariff, '0.05');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.plan.plan.prices?.tariffUsdPerKwh?.['houston-tx'] === 0.05);
    await expect.element(page.getByText('edited')).toBeVisible();
    await page.getByRole('button', { name: /Back to the published Houston, Texas figures/ }).click();
    await until(() => store.design.plan.plan.prices?.tariffUsdPerKwh === undefined);
  });

  it('editing a site’s final meter makes the plan’s own version of the site', async () => {
    const { store } = await mountApp('/sites');
    await userEvent.fill(page.getByRole('textbox', { name: 'Final meter, MW' }).nth(1), '900');
    await userEvent.keyboard('{Enter}');
    await until(() => (store.design.plan.plan.sites ?? []).some((s) => s.id === 'lordstown-oh'));
    const s = store.design.plan.plan.sites!.find((x) => x.id === 'lordstown-oh')!;
    expect(s.roles.dataCenter!.meterMw.at(-1)!.value).toMatchObject({ value: 900, confidence: 'estimate' });
  });
});

describe('Fabric view', () => {
  it('sizes the fabric for the rack designer’s generation and draws the tiers; cluster size is an undoable edit', async () => {
    const { store } = await mountApp('/fabric');
    await expect.element(page.getByRole('img', { name: /Scale-out fabric, 2 tiers/ })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: /Media mix/ })).toBeVisible();
    await page.getByRole('radio', { name: 'Units' }).click();
    await userEvent.fill(page.getByRole('textbox', { name: 'Units in the cluster' }), '64');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.fabric.units === 64);
    await expect.element(page.getByRole('img', { name: /Scale-out fabric/ })).toHaveAttribute('aria-label', expect.stringMatching(/1,152 nodes/));
    await expect.element(page.getByRole('button', { name: 'Download cable schedule (CSV)' })).toBeEnabled();
  });

  it('a generation without scale-out ports says so', async () => {
    const { store } = await mountApp('/fabric');
    store.dispatch({ type: 'rack/select-generation', id: 'inf2-server' });
    await expect.element(page.getByRole('status').filter({ hasText: /scale-out/ })).toBeVisible();
  });
});

describe('Compare view', () => {
  it('compares GPU, Trainium and Inferentia for one target at a site, and can take the rack design as target', async () => {
    const { store } = await mountApp('/compare');
    await expect.element(page.getByRole('heading', { name: /Sized for 5,000 dense FP8 PFLOPS/ })).toBeVisible();
    // The table is the view's part below its first screen, loaded after the first paint.
    await expect.element(page.getByRole('columnheader').first()).toBeInTheDocument();
    const headers = page.getByRole('columnheader').elements().map((h) => h.textContent ?? '');
    expect(headers.join('|')).toMatch(/GB300.*Trn3.*Inf2/s);
    await page.getByRole('button', { name: /Use the rack designer/ }).click();
    // The default target is equal dense FP8 compute: the designer's GB200 NVL72 rack supplies 360 PFLOPS (72 × 5).
    await until(() => store.design.compare.target.value === 360);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'At the site' }), 'lordstown-oh');
    await until(() => store.design.compare.siteId === 'lordstown-oh');
    await page.getByRole('checkbox', { name: /AWS Inf2 server/ }).click();
    await until(() => !store.design.compare.generationIds.includes('inf2-server'));
  });
});

describe('Export view', () => {
  it('offers the session JSON and the plan formats; opening a session file is one undo step', async () => {
    const { store } = await mountApp('/export');
    await expect.element(page.getByRole('button', { name: 'Download Session JSON' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Download .pdf' })).toBeVisible();
    const other = structuredClone(store.snapshot());
    (other.design.rack as { generationId: string }).generationId = 'dgx-h100';
    const input = deepQuery<HTMLInputElement>(document.body, 'rack-export-view input[type=file]') ?? deepQuery<HTMLInputElement>(deepQuery(document.body, 'rack-export-view')!.shadowRoot!, 'input[type=file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify(other)], 'session.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => store.design.rack.generationId === 'dgx-h100');
    expect(store.undoLabel).toBe('open session.json');
    await expect.element(page.getByText('Opened session.json.')).toBeVisible();
  });
});

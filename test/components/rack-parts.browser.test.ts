import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { unitBudgets } from '../../src/views/budgets';
import { layoutElevation } from '../../src/core/rack/elevation';
import { powerChain } from '../../src/views/power-chain';
import { catalog } from './helpers';
import '../../components/budgets/rack-budget-meter';
import '../../components/rack/rack-elevation';
import '../../components/rack/rack-issue-list';
import '../../components/rack/rack-assumptions';
import '../../components/power/rack-power-chain';
import '../../components/rack/rack-unit-form';
import '../../components/rack/rack-generation-picker';

afterEach(() => document.body.replaceChildren());

const gb200 = catalog.generations.find((g) => g.id === 'gb200-nvl72')!;

async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('rack-budget-meter', () => {
  it('is a meter with a name and a value text that says value, limit and status in words', async () => {
    const r = evaluateUnit(gb200, {}, catalog);
    const b = unitBudgets(r, gb200, { generationId: gb200.id, options: {}, limits: {} }).find((x) => x.id === 'u-space')!;
    await mount('rack-budget-meter', { budget: b });
    const m = page.getByRole('meter', { name: 'Rack space' });
    await expect.element(m).toHaveAttribute('aria-valuetext', '37\u00a0U of 48\u00a0U, 77 % · within limit');
    await expect.element(m).toHaveAttribute('aria-valuenow', '77');
  });

  it('an overrun says "over by" and lists the engine issue; a figure without limit is a named group', async () => {
    const r = evaluateUnit(gb200, { floorLimitKgM2: 1000 }, catalog);
    const budgets = unitBudgets(r, gb200, { generationId: gb200.id, options: { floorLimitKgM2: 1000 }, limits: {} });
    await mount('rack-budget-meter', { budget: budgets.find((x) => x.id === 'floor')! });
    await expect.element(page.getByRole('meter', { name: 'Floor loading' })).toHaveAttribute('aria-valuetext', expect.stringMatching(/over by \d+ %/));
    await expect.element(page.getByText(/exceeds the 1000 kg\/m² floor rating/)).toBeVisible();
    document.body.replaceChildren();
    await mount('rack-budget-meter', { budget: budgets.find((x) => x.id === 'busbar')!, system: 'us' });
    await expect.element(page.getByRole('group', { name: 'Busbar current' })).toHaveTextContent(/no limit to check/);
  });
});

describe('rack-elevation', () => {
  it('draws every item as a named list item; arrow keys move focus; focus shows watts, source and confidence', async () => {
    const r = evaluateUnit(gb200, {}, catalog);
    await mount('rack-elevation', { layout: layoutElevation(gb200, r, catalog), label: 'GB200 elevation' });
    const list = page.getByRole('list', { name: 'GB200 elevation' });
    await expect.element(list).toBeVisible();
    const items = list.getByRole('listitem').elements();
    expect(items).toHaveLength(37);
    expect(items[0]!.getAttribute('aria-label')).toMatch(/^U48: Top-of-rack management switch.*, 0\.15\u00a0kW max, estimate/);
    // One tab stop for the drawing.
    expect(items.filter((i) => i.getAttribute('tabindex') === '0')).toHaveLength(1);
    await userEvent.click(items[0]!);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    const el = document.querySelector('rack-elevation')!;
    await expect.poll(() => el.shadowRoot!.activeElement?.getAttribute('aria-label')).toMatch(/^U45: OCP ORv3/);
    await userEvent.keyboard('{End}');
    await expect.poll(() => el.shadowRoot!.activeElement?.getAttribute('aria-label')).toMatch(/^U12: OCP ORv3/);
    await userEvent.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    await expect.element(page.getByText('Compute tray (2 × GB200 superchip, Bianca)')).toBeVisible();
    await expect.element(page.getByText(/6\.67\s+kW maximum/)).toBeVisible();
    await expect.element(page.getByRole('link', { name: /NVIDIA DPS/ })).toBeVisible();
    await expect.element(page.getByText('published', { exact: true })).toBeVisible();
  });
});

describe('rack-issue-list, rack-assumptions, rack-power-chain', () => {
  it('lists issues errors first, or says every limit holds', async () => {
    const r = evaluateUnit(gb200, { feedAmps: 20, floorLimitKgM2: 1000 }, catalog);
    await mount('rack-issue-list', { issues: r.issues });
    const items = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').elements();
    expect(items[0]!.textContent).toMatch(/Error/);
    document.body.replaceChildren();
    await mount('rack-issue-list', { issues: [] });
    await expect.element(page.getByText(/No issues/)).toBeVisible();
  });

  it('assumptions can be narrowed to estimates, each with its confidence', async () => {
    const r = evaluateUnit(gb200, {}, catalog);
    await mount('rack-assumptions', { assumptions: r.assumptions });
    const rows = () => page.getByRole('row').elements().length - 1;
    const all = rows();
    expect(all).toBe(r.assumptions.length);
    await page.getByRole('checkbox', { name: 'Only estimates' }).click();
    await expect.poll(rows).toBe(r.assumptions.filter((a) => a.confidence === 'estimate' || a.confidence === 'missing').length);
  });

  it('the power chain lists stages with losses and says how to get the facility stages', async () => {
    const r = evaluateUnit(gb200, {}, catalog);
    await mount('rack-power-chain', { chain: powerChain(r, gb200, null) });
    const items = page.getByRole('list', { name: /Power chain/ }).getByRole('listitem').elements();
    expect(items.map((i) => i.textContent)).toEqual([expect.stringMatching(/Rack input/), expect.stringMatching(/Power shelves.*−\d+\.\d+\u00a0kW · η 9\d\.\d %/s), expect.stringMatching(/Trays/), expect.stringMatching(/CPUs, memory, NICs/), expect.stringMatching(/accelerators/)]);
    await expect.element(page.getByText(/Pick a site/)).toBeVisible();
  });
});

describe('rack-unit-form and rack-generation-picker', () => {
  it('sends typed edits up as rack-edit actions', async () => {
    const r = evaluateUnit(gb200, {}, catalog);
    const actions: unknown[] = [];
    document.body.addEventListener('rack-edit', (e) => actions.push(e.detail));
    await mount('rack-unit-form', { generation: gb200, report: r, options: {}, limits: {}, cdus: catalog.cdus });
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Feeds' }), 'single');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Breaker type' }), '1');
    await userEvent.fill(page.getByRole('textbox', { name: 'Floor rating' }), '250 lb/ft2');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => actions.length).toBe(3);
    expect(actions[0]).toEqual({ type: 'rack/set-option', key: 'feeds', value: 'single' });
    expect(actions[1]).toEqual({ type: 'rack/set-option', key: 'continuousFactor', value: 1 });
    expect(actions[2]).toMatchObject({ type: 'rack/set-option', key: 'floorLimitKgM2' });
  });

  it('the picker sends the chosen generation', async () => {
    const actions: unknown[] = [];
    document.body.addEventListener('rack-edit', (e) => actions.push(e.detail));
    await mount('rack-generation-picker', { catalog, value: 'gb200-nvl72' });
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Rack generation' }), 'inf2-server');
    expect(actions).toEqual([{ type: 'rack/select-generation', id: 'inf2-server' }]);
  });
});

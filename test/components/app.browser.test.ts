import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadUnits } from '../../src/views/parse';
import { page, userEvent } from 'vitest/browser';
import { catalog, deepQuery, mountApp, until } from './helpers';
import type { RackBudgetMeter } from '../../components/budgets/rack-budget-meter';

// The app warms the units module (mathjs) at idle time; do the same so edits do not wait for its first load.
beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

const meter = (id: string) => deepQuery<RackBudgetMeter>(document.body, `rack-budget-meter[data-budget="${id}"]`)!;

describe('rack-app shell', () => {
  it('renders the rack designer for a deep link, with the catalog and the unit’s budgets from the engine', async () => {
    await mountApp('/rack/gb300-nvl72');
    await expect.element(page.getByRole('combobox', { name: 'Rack generation' })).toHaveValue('gb300-nvl72');
    await expect.element(page.getByRole('heading', { name: /Budgets/ })).toBeVisible();
    await expect.element(page.getByRole('meter', { name: 'Rack space' })).toBeVisible();
    const picker = deepQuery(document.body, 'rack-generation-picker')!.shadowRoot!;
    expect(picker.querySelectorAll('option')).toHaveLength(catalog.generations.length);
    const groups = [...picker.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(expect.arrayContaining(['NVIDIA GPU', 'AWS Trainium', 'AWS Inferentia']));
  });

  it('edit a field with a unit string and see the budget update; undo and redo it', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    const before = meter('feed-A-phase').budget!.limit!;
    const amps = page.getByRole('textbox', { name: 'Breaker rating' });
    await userEvent.fill(amps, '100 A');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.rack.options.feedAmps === 100);
    await until(() => meter('feed-A-phase').budget!.limit === 80);
    // GB200's default whip is 30 A since the ORv3 HPR cords (2 × 30 A L22-30P per shelf): 30 A × 0.8 continuous.
    expect(before).toBe(24);
    await expect.element(page.getByRole('meter', { name: 'Feed A worst phase' })).toHaveAttribute('aria-valuetext', expect.stringContaining('of 80\u00a0A'));

    await page.getByRole('button', { name: 'Undo' }).click();
    await until(() => meter('feed-A-phase').budget!.limit === before);
    await expect.element(page.getByRole('textbox', { name: 'Breaker rating' })).toHaveValue('');
    await page.getByRole('button', { name: 'Redo' }).click();
    await until(() => meter('feed-A-phase').budget!.limit === 80);
  });

  it('changing the generation with the keyboard keeps focus on the picker (the app’s own URL update is not navigation)', async () => {
    const { store, win } = await mountApp('/rack/gb200-nvl72');
    const select = deepQuery<HTMLSelectElement>(document.body, 'rack-generation-picker')!.shadowRoot!.querySelector('select')!;
    select.focus();
    await userEvent.keyboard('{ArrowDown}');
    await until(() => store.design.rack.generationId !== 'gb200-nvl72');
    await until(() => win.location.pathname === `/rack/${store.design.rack.generationId}`);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    expect(active).toBe(select);
  });

  it('invalid input shows the accepted range at the field and changes nothing', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    const dt = page.getByRole('textbox', { name: 'Liquid ΔT' });
    await userEvent.fill(dt, '90 degF');
    await userEvent.keyboard('{Enter}');
    await expect.element(dt).toHaveAttribute('aria-invalid', 'true');
    await expect.element(dt).toHaveAccessibleDescription(/Accepts 1–40\u00a0K .*got 50\u00a0K/);
    expect(store.design.rack.options.deltaTK).toBeUndefined();
    await userEvent.fill(dt, '18 degF');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.rack.options.deltaTK !== undefined);
    expect(store.design.rack.options.deltaTK).toBeCloseTo(10, 9);
    await expect.element(dt).toHaveAttribute('aria-invalid', 'false');
  });

  it('a heat limit typed in BTU/h becomes the air-heat meter’s limit', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    await userEvent.fill(page.getByRole('textbox', { name: 'Air heat removal available' }), '450000 BTU/h');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.rack.limits.airHeatLimitW !== undefined);
    expect(store.design.rack.limits.airHeatLimitW).toBeCloseTo(131_882, 0);
    await until(() => meter('air-heat').budget!.limit !== null);
    await expect.element(page.getByRole('meter', { name: 'Air heat' })).toBeVisible();
  });

  it('keyboard: Ctrl+Z undoes an edit made with a select, Ctrl+Shift+Z redoes it', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Coolant' }), 'pg25');
    await until(() => store.design.rack.options.coolant === 'pg25');
    await userEvent.keyboard('{Control>}z{/Control}');
    await until(() => store.design.rack.options.coolant === undefined);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await until(() => store.design.rack.options.coolant === 'pg25');
    await expect.element(page.getByRole('status').filter({ hasText: 'Redone: coolant' })).toBeInTheDocument();
  });

  it('choosing another generation is a history step (Back shows the previous generation) and is undoable', async () => {
    const { store, win } = await mountApp('/rack/gb200-nvl72');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Rack generation' }), 'trn2-ultraserver');
    await until(() => win.location.pathname === '/rack/trn2-ultraserver');
    expect(win.history.pushState).toHaveBeenCalledTimes(1);
    await expect.element(page.getByRole('list', { name: /elevation/ })).toBeVisible();
    win.back();
    await until(() => store.design.rack.generationId === 'gb200-nvl72');
    expect(win.location.pathname).toBe('/rack/gb200-nvl72');
    await expect.element(page.getByRole('combobox', { name: 'Rack generation' })).toHaveValue('gb200-nvl72');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Rack generation' }), 'dgx-b200');
    await until(() => win.location.pathname === '/rack/dgx-b200');
    store.undo();
    await until(() => win.location.pathname === '/rack/gb200-nvl72');
  });

  it('navigates between views with links, focuses the view, and the route survives a reload', async () => {
    const { win } = await mountApp('/rack/gb200-nvl72');
    await page.getByRole('link', { name: 'Compare' }).click();
    expect(win.location.pathname).toBe('/compare');
    await expect.element(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
    await expect.element(page.getByRole('table')).toBeVisible();
    // Reload: a new app at the same address shows the same view.
    await mountApp(win.location.pathname);
    await expect.element(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
    await expect.element(page.getByRole('heading', { name: /Sized for/ })).toBeVisible();
  });

  it('views whose core has not landed say so; unknown paths say there is nothing there', async () => {
    await mountApp('/nowhere');
    await expect.element(page.getByRole('heading', { name: 'No page at /nowhere' })).toBeVisible();
  });

  it('an unknown generation in the address falls back with a note', async () => {
    const { win } = await mountApp('/rack/not-a-rack');
    await expect.element(page.getByRole('alert').filter({ hasText: 'not-a-rack' })).toBeVisible();
    expect(win.location.pathname).toBe('/rack/gb200-nvl72');
  });

  it('SI/US toggle switches display units everywhere; theme select sets the document theme', async () => {
    const { store } = await mountApp('/rack/gb200-nvl72');
    await expect.element(page.getByRole('meter', { name: 'Weight per rack' }).or(page.getByRole('group', { name: 'Weight per rack' }))).toHaveTextContent(/kg/);
    await page.getByRole('radio', { name: 'US' }).click();
    await until(() => store.prefs.units === 'us');
    await expect.element(page.getByRole('group', { name: 'Weight per rack' })).toHaveTextContent(/lb/);
    await expect.element(page.getByRole('textbox', { name: 'Coolant supply' })).toHaveAttribute('placeholder', expect.stringMatching(/°F/));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Theme' }), 'dark');
    await until(() => document.documentElement.dataset.theme === 'dark');
    expect(getComputedStyle(document.documentElement).colorScheme).toBeDefined();
    expect(store.canUndo).toBe(false);
  });

  it('every control in the header and the form has an accessible name and is reachable by Tab', async () => {
    await mountApp('/rack/gb200-nvl72');
    const names: string[] = [];
    for (let i = 0; i < 14; i++) {
      await userEvent.keyboard('{Tab}');
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      names.push(el ? (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.tagName) : 'none');
    }
    expect(names[0]).toMatch(/Skip to content/);
    expect(names.join('|')).toMatch(/Rack designer/);
    expect(names.join('|')).toMatch(/Compare/);
    for (const role of ['textbox', 'combobox', 'button', 'radio', 'link'] as const) {
      for (const el of page.getByRole(role).elements()) {
        const labels = (el as Partial<HTMLInputElement>).labels;
        const name = el.getAttribute('aria-label') ?? (labels?.[0]?.textContent ?? '') + (el.textContent ?? '');
        expect(name.trim(), `${role} without a name: ${el.outerHTML.slice(0, 80)}`).not.toBe('');
      }
    }
  });
});

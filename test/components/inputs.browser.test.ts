import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadUnits } from '../../src/views/parse';
import { page, userEvent } from 'vitest/browser';
import '../../components/inputs/rack-quantity-input';
import type { RackQuantityInput } from '../../components/inputs/rack-quantity-input';

// The app warms the units module (mathjs) at idle time; do the same so edits do not wait for its first load.
beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

async function field(props: Partial<RackQuantityInput>) {
  const el = document.createElement('rack-quantity-input');
  Object.assign(el, { fieldKey: 'x', label: 'Field', ...props });
  const events: (number | undefined)[] = [];
  el.addEventListener('quantity-change', (e) => events.push(e.detail.value));
  document.body.append(el);
  await el.updateComplete;
  return { el, events, input: page.getByRole('textbox', { name: props.label ?? 'Field' }) };
}

const next = () => new Promise((r) => setTimeout(r, 0));
async function settle(events: unknown[], n = 1) {
  for (let i = 0; i < 200 && events.length < n; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('rack-quantity-input', () => {
  it('is a labelled text field that shows its accepted range and the default', async () => {
    const { input } = await field({ label: 'Liquid ΔT', kind: 'temperatureDifference', min: 1, max: 40, defaultValue: 10, help: 'Rise across the rack.' });
    await expect.element(input).toBeVisible();
    await expect.element(input).toHaveAttribute('placeholder', 'default 10\u00a0K');
    await expect.element(input).toHaveAccessibleDescription(/Accepts 1–40\u00a0K · Rise across the rack\./);
  });

  it('reads a ΔT of "18 degF" as 10 K and fires quantity-change in SI', async () => {
    const { input, events } = await field({ label: 'ΔT', kind: 'temperatureDifference', min: 1, max: 40 });
    await userEvent.fill(input, '18 degF');
    await userEvent.keyboard('{Enter}');
    await settle(events);
    expect(events[0]).toBeCloseTo(10, 9);
  });

  it('reads "450000 BTU/h" as watts and "35 degC" as °C', async () => {
    const heat = await field({ label: 'Heat', kind: 'heatRate', min: 0, max: 5e6 });
    await userEvent.fill(heat.input, '450000 BTU/h');
    await userEvent.keyboard('{Enter}');
    await settle(heat.events);
    expect(heat.events[0]).toBeCloseTo(131_881.98, 1);
    document.body.replaceChildren();
    const t = await field({ label: 'Supply', kind: 'temperature', min: 2, max: 70, system: 'us' });
    await userEvent.fill(t.input, '35 degC');
    await userEvent.keyboard('{Enter}');
    await settle(t.events);
    expect(t.events[0]).toBeCloseTo(35, 9);
  });

  it('a bare number is in the unit shown: 95 in a °F field is 35 °C', async () => {
    const { input, events } = await field({ label: 'Supply', kind: 'temperature', min: 2, max: 70, system: 'us' });
    await expect.element(input).toHaveAccessibleDescription(/Accepts 35.6–158\u00a0°F/);
    await userEvent.fill(input, '95');
    await userEvent.keyboard('{Enter}');
    await settle(events);
    expect(events[0]).toBeCloseTo(35, 9);
  });

  it('refuses out-of-range and wrong-kind input at the field, with the accepted range', async () => {
    const { el, input, events } = await field({ label: 'Amps', kind: 'current', min: 1, max: 6000 });
    await userEvent.fill(input, '7000 A');
    await userEvent.keyboard('{Enter}');
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByRole('alert')).toHaveTextContent('Accepts 1–6,000 A (got 7,000 A)');
    await userEvent.fill(input, '5 kW');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('alert')).toHaveTextContent(/Accepts 1–6,000 A: a current/);
    expect(events).toEqual([]);
    // Escape throws the typing away and clears the error.
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    await expect.element(input).toHaveAttribute('aria-invalid', 'false');
    await expect.element(input).toHaveValue('');
  });

  it('whole-number fields refuse fractions; empty text returns to the default; reset button too', async () => {
    const { el, input, events } = await field({ label: 'Units', kind: 'count', min: 1, max: 100, integer: true, value: 4 });
    await expect.element(input).toHaveValue('4');
    await userEvent.fill(input, '2.5');
    await userEvent.keyboard('{Enter}');
    await expect.element(input).toHaveAttribute('aria-invalid', 'true');
    await userEvent.fill(input, '');
    await userEvent.keyboard('{Enter}');
    await next();
    expect(events).toEqual([undefined]);
    el.value = 4;
    await el.updateComplete;
    await page.getByRole('button', { name: 'Reset Units to default' }).click();
    expect(events).toEqual([undefined, undefined]);
  });

  it('shows the value in the current unit system and marks unsaved typing as dirty', async () => {
    const { el, input } = await field({ label: 'Altitude', kind: 'length', min: -430, max: 4000, value: 300 });
    await expect.element(input).toHaveValue('300\u00a0m');
    el.system = 'us';
    await el.updateComplete;
    await expect.element(input).toHaveValue('984.3\u00a0ft');
    await userEvent.fill(input, '1000 ft');
    await expect.element(input).toHaveAttribute('data-dirty');
  });
});

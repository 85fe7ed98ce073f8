/**
 * The Calculators view: typed values solve the missing one of three, results match `rackplan calc` (the same core),
 * a bad list names what is accepted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { solveLiquid } from '../../src/core/calculators/liquid';
import { pduLoads } from '../../src/core/calculators/pdu';
import { formatNumber } from '../../src/views/format';
import { catalog, deepQuery, deepQueryAll, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

function view() {
  return deepQuery<HTMLElement & { updateComplete: Promise<boolean> }>(document.body, 'rack-calculators-view')!;
}
function input(label: string): HTMLInputElement {
  const field = deepQueryAll<HTMLElement>(document.body, 'rack-quantity-input').find((f) => (f as unknown as { label: string }).label === label);
  if (!field) throw new Error(`no field ${label}`);
  return field.shadowRoot!.querySelector('input')!;
}
function resultText(): string {
  return view().shadowRoot!.querySelector('[part="result"]')!.textContent.replace(/\s+/g, ' ');
}
async function type(label: string, text: string) {
  const el = input(label);
  await userEvent.fill(el, text);
  await userEvent.keyboard('{Enter}');
}

describe('Calculators view', () => {
  it('solves ΔT from heat and flow, the number rackplan calc prints', async () => {
    await mountApp('/calc');
    await until(() => !!view()?.shadowRoot?.querySelector('[part="result"]'));
    await type('Heat', '100 kW');
    await type('Flow', '144 L/min');
    const water = catalog.coolants.find((c) => c.id === 'water')!;
    const expected = solveLiquid({ heatW: 100_000, flowM3s: 144 / 60_000 }, water, 25);
    await until(() => resultText().includes('ΔT'));
    await until(() => resultText().includes(formatNumber(expected.deltaTK)));
    expect(resultText()).toContain('$ rackplan calc liquid');
  });

  it('PDU banks: the worst line and overloaded banks, and a bad list names what is accepted', async () => {
    await mountApp('/calc');
    await until(() => !!view()?.shadowRoot?.querySelector('.tabs'));
    const tab = [...view().shadowRoot!.querySelectorAll<HTMLButtonElement>('.tabs button')].find((b) => b.textContent === 'PDU banks')!;
    tab.click();
    await view().updateComplete;
    await type('Input voltage', '415');
    await type('Input breaker', '60');
    await type('Bank breaker', '20');
    const list = view().shadowRoot!.querySelector<HTMLInputElement>('input.list')!;
    await userEvent.fill(list, 'lots');
    list.dispatchEvent(new Event('change'));
    await until(() => !!view().shadowRoot!.querySelector('.err'));
    expect(view().shadowRoot!.querySelector('.err')!.textContent).toMatch(/numbers in kW, each from 0 to/);
    await userEvent.fill(list, '4,4,4,4,0,0');
    list.dispatchEvent(new Event('change'));
    const r = pduLoads({ volts: 415, inputAmps: 60, system: '3ph', connection: 'line-neutral', powerFactor: 1, continuousFactor: 0.8, deratingFactor: 1, banks: [4, 4, 4, 4, 0, 0].map((loadKw) => ({ loadKw, breakerAmps: 20 })) });
    await until(() => resultText().includes('Worst input line'));
    expect(resultText()).toContain(`${r.worstLine}: ${formatNumber(r.worstLineAmps)} A`);
    expect(view().shadowRoot!.querySelector('.over')).not.toBeNull(); // 4 kW on a 20 A bank at 240 V is 16.7 A > 16 A
  });
});

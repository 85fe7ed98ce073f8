import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { catalog } from './helpers';
import '../../components/rack/rack-unit-form';

afterEach(() => document.body.replaceChildren());

async function mount(id: string) {
  const g = catalog.generations.find((x) => x.id === id)!;
  const r = evaluateUnit(g, {}, catalog);
  const el = document.createElement('rack-unit-form');
  Object.assign(el, { generation: g, report: r, options: {}, limits: {}, cdus: catalog.cdus });
  document.body.append(el);
  await el.updateComplete;
  return { el, r };
}

describe('rack-unit-form shows the fields that fit the rack', () => {
  it('an air-cooled unit hides coolant, CDU, coolant supply and liquid ΔT, with a note saying why', async () => {
    const { r } = await mount('dgx-b200');
    expect(r.cooling.liquidFraction).toBe(0);
    await expect.element(page.getByText(/Air-cooled: coolant, CDU/)).toBeVisible();
    expect(page.getByRole('combobox', { name: 'Coolant' }).elements()).toHaveLength(0);
    expect(page.getByRole('combobox', { name: 'CDU' }).elements()).toHaveLength(0);
    expect(page.getByRole('textbox', { name: 'Liquid ΔT' }).elements()).toHaveLength(0);
    expect(page.getByRole('textbox', { name: 'Air ΔT' }).elements()).toHaveLength(1);
  });

  it('a liquid-cooled unit shows them', async () => {
    await mount('gb300-nvl72');
    expect(page.getByRole('combobox', { name: 'Coolant' }).elements()).toHaveLength(1);
    expect(page.getByRole('textbox', { name: 'Liquid ΔT' }).elements()).toHaveLength(1);
    expect(page.getByText(/Air-cooled:/).elements()).toHaveLength(0);
  });

  it('a DC-fed unit has no power factor field', async () => {
    const dcGen = catalog.generations.find((g) => evaluateUnit(g, {}, catalog).power.feeds.sides[0]!.system === 'dc')!;
    await mount(dcGen.id);
    await expect.element(page.getByText(/DC feed: no power factor/)).toBeVisible();
    expect(page.getByRole('textbox', { name: 'Power factor' }).elements()).toHaveLength(0);
  });
});

/**
 * The power chain on screen adds up: at a site, the rows drawn (stages, losses and branches) account for the meter
 * figure. The numbers are read back from the rendered text, as a reviewer would add them up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { RackDerivations } from '../../src/views/rack-report';
import * as siteFunctions from '../../src/views/site-chain';
import { catalog } from './helpers';
import '../../components/power/rack-power-chain';

afterEach(() => document.body.replaceChildren());

const kw = (text: string) => Number(/([\d,]+\.\d+)\s*kW/.exec(text.replace(/\u00a0/g, ' '))![1]!.replace(/,/g, ''));

describe('rack-power-chain at a site', () => {
  it('GB300 NVL72 at Houston: cooling, building and the network share are drawn, and meter = rack input + losses + branches (to 0.1 kW per figure)', async () => {
    const d = new RackDerivations().derive(catalog, { generationId: 'gb300-nvl72', options: {}, limits: {}, siteId: 'houston-tx' }, siteFunctions)!;
    const el = document.createElement('rack-power-chain');
    el.chain = d.chain;
    document.body.append(el);
    await el.updateComplete;
    const items = page.getByRole('list', { name: /Power chain/ }).getByRole('listitem').elements();
    const branches = items.filter((li) => li.classList.contains('branch'));
    expect(branches.map((b) => b.dataset.branch)).toEqual(expect.arrayContaining(['cooling', 'building', 'network']));
    const stages = items.filter((li) => !li.classList.contains('branch'));
    const meter = kw(stages[0]!.querySelector('.nums')!.textContent);
    const rackIndex = stages.findIndex((li) => /Rack input/.test(li.textContent));
    const rackIn = kw(stages[rackIndex]!.querySelector('.nums')!.textContent);
    const losses = stages.slice(0, rackIndex).map((li) => li.querySelector('.lossText')?.textContent).filter((t): t is string => !!t).map(kw);
    const facilityBranches = branches.filter((b) => ['cooling', 'building', 'network'].includes(b.dataset.branch!)).map((b) => kw(b.querySelector('.nums')!.textContent));
    const shown = rackIn + losses.reduce((a, b) => a + b, 0) + facilityBranches.reduce((a, b) => a + b, 0);
    // Each printed figure is rounded to 0.1 kW; allow that rounding per figure added.
    expect(Math.abs(shown - meter)).toBeLessThanOrEqual(0.05 * (2 + losses.length + facilityBranches.length));
  });
});

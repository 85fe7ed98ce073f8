import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { layoutElevation } from '../../src/core/rack/elevation';
import { catalog } from './helpers';
import '../../components/rack/rack-elevation';

afterEach(() => document.body.replaceChildren());

async function mount(id: string, widthPx = 272) {
  const g = catalog.generations.find((x) => x.id === id)!;
  const r = evaluateUnit(g, {}, catalog);
  const box = document.createElement('div');
  box.style.width = `${widthPx}px`;
  const el = document.createElement('rack-elevation');
  el.layout = layoutElevation(g, r, catalog);
  box.append(el);
  document.body.append(box);
  await el.updateComplete;
  return el;
}

/** The layout box in page coordinates: pointer-driven scrolling (of the page, or of the drawing's own scroll box) is not movement. */
const rect = (e: Element) => {
  const b = e.getBoundingClientRect();
  const inner = e.closest('.scroll');
  return { x: b.x + scrollX + (inner?.scrollLeft ?? 0), y: b.y + scrollY + (inner?.scrollTop ?? 0), w: b.width, h: b.height };
};

describe('rack-elevation: hover and focus never move the drawing', () => {
  for (const id of ['gb300-nvl72', 'dgx-b200', 'trn2-ultraserver']) {
    it(`${id}: the drawing, the details panel and the element keep their boxes while items are hovered and focused`, async () => {
      const el = await mount(id);
      const svg = el.shadowRoot!.querySelector('svg')!;
      const details = el.shadowRoot!.querySelector('.details')!;
      const before = { svg: rect(svg), details: rect(details), host: rect(el) };
      const slots = [...el.shadowRoot!.querySelectorAll<SVGGElement>('.slot')];
      expect(slots.length).toBeGreaterThan(2);
      // The longest description first (most sources), then the top, bottom and middle items.
      for (const slot of [slots[0]!, slots.at(-1)!, slots[Math.floor(slots.length / 2)]!]) {
        await userEvent.hover(slot.querySelector('rect')!);
        await el.updateComplete;
        expect(details.textContent).not.toMatch(/Point at an item/);
        expect(rect(svg)).toEqual(before.svg);
        expect(rect(details)).toEqual(before.details);
        expect(rect(el)).toEqual(before.host);
      }
      slots[1]!.focus();
      await el.updateComplete;
      await userEvent.keyboard('{ArrowDown}{ArrowDown}');
      await el.updateComplete;
      expect(rect(svg)).toEqual(before.svg);
      expect(rect(el)).toEqual(before.host);
    });
  }

  it('labels are drawn at a readable size: item text at least 10 px on screen in a 272 px column', async () => {
    const el = await mount('gb300-nvl72');
    const text = el.shadowRoot!.querySelector('.slot text')!;
    expect(text.getBoundingClientRect().height).toBeGreaterThanOrEqual(10);
  });

  it('each item shows its power in the drawing, and its sources in the panel', async () => {
    const el = await mount('gb300-nvl72');
    const tray = [...el.shadowRoot!.querySelectorAll<SVGGElement>('.slot')].find((s) => /Compute tray/.test(s.getAttribute('aria-label') ?? ''))!;
    expect(tray.querySelector('text.watts')!.textContent).toMatch(/kW/);
    await userEvent.hover(tray.querySelector('rect')!);
    await el.updateComplete;
    const details = el.shadowRoot!.querySelector('.details')!.textContent.replace(/\s+/g, ' ');
    expect(details).toMatch(/Compute tray/);
    expect(details).toMatch(/kW maximum/);
    expect(details).toMatch(/Source|No source/);
  });
});

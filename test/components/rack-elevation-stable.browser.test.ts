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

afterEach(() => sessionStorage.removeItem('rackplan:elevation-face'));

/** Show the rear face with the Rear radio of the Front | Rear switch. */
async function showRear(el: HTMLElementTagNameMap['rack-elevation']) {
  el.shadowRoot!.querySelector<HTMLInputElement>('input[name="face"][value="rear"]')!.click();
  await el.updateComplete;
}

describe('rack-elevation: hover and focus never move the drawing', () => {
  for (const [id, face] of [['gb300-nvl72', 'front'], ['dgx-b200', 'front'], ['trn2-ultraserver', 'front'], ['gb300-nvl72', 'rear'], ['dgx-b200', 'rear'], ['trn2-ultraserver', 'rear']] as const) {
    it(`${id}, ${face} face: the drawing, the details panel and the element keep their boxes while items are hovered and focused`, async () => {
      const el = await mount(id);
      if (face === 'rear') await showRear(el);
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
        if (face === 'rear') expect(details.textContent).toMatch(/derived/);
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

describe('rack-elevation: front and rear faces', () => {
  it('the switch is a radio group the keyboard moves (arrow keys), and the rear face says what it is', async () => {
    const el = await mount('gb300-nvl72');
    const root = el.shadowRoot!;
    const front = root.querySelector<HTMLInputElement>('input[name="face"][value="front"]')!;
    expect(front.checked).toBe(true);
    expect(getComputedStyle(root.querySelector('[data-rear-caption]')!).visibility).toBe('hidden');
    const before = rect(root.querySelector('svg')!);
    front.focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('input[name="face"][value="rear"]')!.checked).toBe(true);
    expect(root.querySelector('[data-rear-caption]')!.textContent).toBe('Rear — schematic: connections from component counts; positions not published');
    expect(getComputedStyle(root.querySelector('[data-rear-caption]')!).visibility).toBe('visible');
    // Switching faces keeps the drawing's size: the rails take the room the front manifold had, or more on both.
    expect(rect(root.querySelector('svg')!)).toEqual(before);
    expect([...root.querySelectorAll('[data-rail]')].map((r) => r.getAttribute('data-rail'))).toEqual(['busbar', 'manifold', 'scale-up-spine']);
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toMatch(/rear \(schematic\)/);
  });

  it('GB300 NVL72 rear: a compute tray shows its 4 × 800G ports, front-end port, BMC, NVLink links and QD (catalog counts), and the details list them', async () => {
    const el = await mount('gb300-nvl72');
    await showRear(el);
    const root = el.shadowRoot!;
    const tray = [...root.querySelectorAll<SVGGElement>('.slot')].find((s) => /Compute tray/.test(s.getAttribute('aria-label') ?? ''))!;
    expect(tray.getAttribute('aria-label')).toMatch(/rear \(derived\): Scale-out NIC ports: 4 × 800 Gb\/s/);
    expect(tray.querySelector('[data-rear-summary]')!.textContent).toBe('4×800G · FE 400G · 72 NVL · QD');
    expect(tray.querySelector('text')!.getBoundingClientRect().height).toBeGreaterThanOrEqual(10);
    tray.focus();
    await el.updateComplete;
    const items = [...root.querySelectorAll('[data-rear-connectors] li')].map((li) => li.textContent);
    expect(items.join(' | ')).toMatch(/Busbar clip/);
    expect(root.querySelector('a[data-cables]')!.textContent).toBe('Cables for this tray');
  });

  it('DGX B200 rear: 8 × 400G in 4 twin-port cages and 6 PSU inlets per system; no rails (air-cooled, server PSUs)', async () => {
    const el = await mount('dgx-b200');
    await showRear(el);
    const root = el.shadowRoot!;
    const dgx = [...root.querySelectorAll<SVGGElement>('.slot')].find((s) => /DGX/.test(s.getAttribute('aria-label') ?? ''))!;
    expect(dgx.getAttribute('aria-label')).toMatch(/8 × 400 Gb\/s, in 4 cages of 2/);
    expect(dgx.getAttribute('aria-label')).toMatch(/PSU inlets: 6/);
    expect(root.querySelectorAll('[data-rail]').length).toBe(0);
    expect(root.querySelector('[data-rear-notes]')!.textContent).toMatch(/NVLink runs on the board/);
    // A 10U system has room for its name and a line per connection.
    expect([...dgx.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['DGX B200 system', '8×400G in 4 cages', 'ST 4×400G', 'BMC', '6 PSU']);
  });

  it('the face chosen is kept for the session: a new elevation opens on it', async () => {
    const first = await mount('dgx-b200');
    await showRear(first);
    document.body.replaceChildren();
    const second = await mount('gb300-nvl72');
    expect(second.shadowRoot!.querySelector<HTMLInputElement>('input[name="face"][value="rear"]')!.checked).toBe(true);
    expect(getComputedStyle(second.shadowRoot!.querySelector('[data-rear-caption]')!).visibility).toBe('visible');
  });
});

describe('rack-elevation: items drawn after the first paint (deferDrawing, as the rack designer mounts it)', () => {
  it('first render: the frame and the panels at their final size, no items; then the items, and nothing moves', async () => {
    const g = catalog.generations.find((x) => x.id === 'gb200-nvl72')!;
    const box = document.createElement('div');
    box.style.width = '272px';
    const el = document.createElement('rack-elevation');
    el.layout = layoutElevation(g, evaluateUnit(g, {}, catalog), catalog);
    el.deferDrawing = true;
    box.append(el);
    document.body.append(box);
    // The first render only (lit renders in a microtask; the items wait for a painted frame).
    await new Promise<void>((r) => queueMicrotask(r));
    await Promise.resolve();
    const root = el.shadowRoot!;
    expect(root.querySelector('svg rect.frame')).not.toBeNull();
    expect(root.querySelectorAll('.slot')).toHaveLength(0);
    const before = { svg: rect(root.querySelector('svg')!), details: rect(root.querySelector('.details')!), host: rect(el) };
    await el.updateComplete;
    // 48 U numbers and every item of the layout.
    expect(root.querySelectorAll('.u-num')).toHaveLength(48);
    expect(root.querySelectorAll('.slot').length).toBe(el.layout.racks[0]!.slots.length);
    expect({ svg: rect(root.querySelector('svg')!), details: rect(root.querySelector('.details')!), host: rect(el) }).toEqual(before);
  });
});

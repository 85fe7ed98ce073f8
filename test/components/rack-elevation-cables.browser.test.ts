/**
 * From an elevation item to its cables: the link in the details panel opens the Fabric view sized to the designer's
 * units, with the schedule filtered to the item's rack and device, in the URL (Back returns to the designer). The
 * rows shown are exactly the core schedule's rows with one end on that device; their count is the tray's ports in
 * the catalog (GB300 NVL72 compute tray: 4 scale-out + 1 front-end = 5).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RackElevation } from '../../components/rack/rack-elevation';
import { fullSchedule } from '../../src/core/fabric/network-schedule';
import { loadUnits } from '../../src/views/parse';
import { Reports } from '../../src/views/reports';
import { deepQuery, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.removeItem('rackplan:elevation-face');
});

const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent);

describe('elevation → cables of that tray in the Fabric view', () => {
  for (const face of ['front', 'rear'] as const) {
    it(`GB300 NVL72, ${face} face: "Cables for this tray" shows only that node's rows, as many as the core's schedule has (5), and Back returns`, async () => {
      if (face === 'rear') sessionStorage.setItem('rackplan:elevation-face', 'rear');
      const { store, win } = await mountApp('/rack/gb300-nvl72');
      await until(() => deepQuery(document.body, 'rack-elevation') !== null, 10_000);
      const elevation = deepQuery<RackElevation>(document.body, 'rack-elevation')!;
      await elevation.updateComplete;
      const root = elevation.shadowRoot!;
      // The third compute tray from the bottom of the rack.
      const trays = [...root.querySelectorAll<SVGGElement>('.slot')].filter((s) => /Compute tray/.test(s.getAttribute('aria-label') ?? ''));
      const tray = trays.at(-3)!;
      tray.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await elevation.updateComplete;
      const link = root.querySelector<HTMLAnchorElement>('a[data-cables]')!;
      expect(link.textContent).toBe('Cables for this tray');
      const device = new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('device')!;
      expect(link.getAttribute('href')).toBe(`/fabric?rack=C1&device=${device}`);
      // Nodes are numbered from the bottom of the rack up, as the schedule places them: the third from the bottom is node3.
      expect(device).toBe('node3');

      link.click();
      await until(() => win.location.pathname === '/fabric');
      expect(win.location.search).toBe(`?rack=C1&device=${device}`);
      // The Fabric view sizes the designer's cluster: its one unit.
      expect(store.design.fabric).toEqual({ units: store.design.rack.options.units ?? 1 });
      const view = await (async () => {
        await until(() => deepQuery(document.body, 'rack-fabric-view') !== null, 15_000);
        return deepQuery(document.body, 'rack-fabric-view')!;
      })();
      const vroot = view.shadowRoot!;
      await until(() => /rows? match/.test(vroot.querySelector('[data-preview-count]')?.textContent ?? ''), 15_000);
      const rows = [...vroot.querySelectorAll('table[data-preview] tbody tr')].map(cells);
      // Columns: cable_id, tier, a_rack, a_device, a_port, b_rack, b_device, …
      for (const r of rows) expect(r[3] === device || r[6] === device).toBe(true);
      for (const r of rows) expect(r[3] === device ? r[2] : r[5]).toBe('C1');
      expect(vroot.querySelector<HTMLInputElement>('input[data-filter="device"]')!.value).toBe(device);

      // The core's schedule of the same cluster: the rows with one end on that device.
      const reports = new Reports(store);
      await reports.load();
      const f = reports.fabric!;
      if (!f.ok) throw new Error(f.error);
      const expected = [...fullSchedule(f.value.evaluation, reports.network!)].filter((r) => r.aDevice === device || r.bDevice === device);
      expect(expected.length).toBe(5);
      expect(rows.length).toBe(expected.length);
      expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.cableId));
      expect(vroot.querySelector('[data-preview-count]')!.textContent).toMatch(/^5 rows match/);

      // Back: the designer again, generation kept.
      win.back();
      await until(() => deepQuery(document.body, 'rack-elevation') !== null, 10_000);
      expect(win.location.pathname).toBe('/rack/gb300-nvl72');
      expect(store.design.rack.generationId).toBe('gb300-nvl72');
    });
  }

  it('a filter changed in the Fabric view goes into the URL, and Back restores the filter the link opened', async () => {
    const { win } = await mountApp('/fabric');
    await until(() => deepQuery(document.body, 'table[data-preview] tbody tr') !== null, 15_000);
    // A link opens the rack's out-of-band rows (as an elevation item without a device of its own does).
    const main = deepQuery(document.body, 'main')!;
    main.dispatchEvent(new CustomEvent('rack-navigate', { detail: { view: 'fabric', query: { network: 'oob', rack: 'C1' } }, bubbles: true, composed: true }));
    await until(() => win.location.search === '?network=oob&rack=C1');
    const vroot = deepQuery(document.body, 'rack-fabric-view')!.shadowRoot!;
    await until(() => vroot.querySelector<HTMLInputElement>('input[data-filter="rack"]')?.value === 'C1' && /rows? match/.test(vroot.querySelector('[data-preview-count]')?.textContent ?? ''), 15_000);
    const rows = [...vroot.querySelectorAll('table[data-preview] tbody tr')].map(cells);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.at(-1)).toBe('oob');
    // Typing another rack is a new history entry.
    const rack = vroot.querySelector<HTMLInputElement>('input[data-filter="rack"]')!;
    rack.value = 'C2';
    rack.dispatchEvent(new Event('change'));
    await until(() => win.location.search === '?network=oob&rack=C2');
    win.back();
    await until(() => vroot.querySelector<HTMLInputElement>('input[data-filter="rack"]')?.value === 'C1');
    expect(win.location.search).toBe('?network=oob&rack=C1');
  });
});

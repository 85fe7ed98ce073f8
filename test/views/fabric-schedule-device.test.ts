/**
 * The schedule preview's device filter (what an elevation item's "Cables for this tray" opens): rows with either end
 * on the device, counted by walking the stream, equal to the CSV's own lines for that device.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { evaluateFabric, scheduleCsv, scheduleRows } from '../../src/views/fabric-view';
import { filterOptions, knownCount, previewSchedule, scheduleCells, type ScheduleFilter } from '../../src/views/fabric-schedule';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const sync = { yieldToPage: () => Promise.resolve() };

describe('schedule filter by device', () => {
  it('GB300 NVL72, one unit: node3 in rack C1 has 4 scale-out + 1 front-end cables (its compute tray’s ports in the catalog)', async () => {
    const o = evaluateFabric(catalog.generations.find((g) => g.id === 'gb300-nvl72')!, net, { units: 1 }, undefined);
    if (!o.ok) throw new Error(o.error);
    const v = o.value;
    const filter: ScheduleFilter = { rack: 'C1', device: 'node3' };
    expect(knownCount(filterOptions(v), filter)).toBeNull();
    const p = await previewSchedule(scheduleRows(v, net), filter, { ...sync });
    const csv = [...scheduleCsv(v, net)].join('').split('\n');
    const expected = csv.slice(1, -1).filter((l) => {
      const c = l.split(',');
      return c[3] === 'node3' || c[6] === 'node3';
    });
    expect(expected).toHaveLength(5);
    expect(p?.matched).toBe(5);
    expect(p?.rows.map((r) => scheduleCells(r).join(','))).toEqual(expected);
    expect(p?.rows.map((r) => r.network)).toEqual(['compute', 'compute', 'compute', 'compute', 'frontend']);
  });

  it('a device that is on no row keeps none', async () => {
    const o = evaluateFabric(catalog.generations.find((g) => g.id === 'dgx-b200')!, net, { units: 2 }, undefined);
    if (!o.ok) throw new Error(o.error);
    const p = await previewSchedule(scheduleRows(o.value, net), { device: 'node999' }, { ...sync });
    expect(p?.matched).toBe(0);
    expect(p?.rows).toEqual([]);
  });
});

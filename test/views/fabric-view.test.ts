/**
 * The Fabric view's model: sizing by accelerators (rounded up to whole units), the size note, old sessions sized
 * by units, and the schedule preview (the CSV's own rows, counts from the core's figures, walks that stop).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import type { Generation } from '../../src/core/catalog/types';
import { FabricDesignSchema, SnapshotSchema } from '../../src/schema/design';
import { clusterSize, evaluateFabric, formatEndpointGroups, networkRows, scheduleCsv, scheduleRows, sizeText, topologyComparison, type FabricView } from '../../src/views/fabric-view';
import { parseEndpointGroups } from '../../src/views/endpoint-groups';
import { filterOptions, knownCount, previewSchedule, rowMatches, scheduleCells, SCHEDULE_COLUMNS, type ScheduleFilter } from '../../src/views/fabric-schedule';
import type { FabricDesign } from '../../src/state/types';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const gen = (id: string): Generation => catalog.generations.find((g) => g.id === id)!;

function view(id: string, d: FabricDesign): FabricView {
  const o = evaluateFabric(gen(id), net, d, undefined);
  if (!o.ok) throw new Error(o.error);
  return o.value;
}

const sync = { yieldToPage: () => Promise.resolve() };

describe('size by accelerators', () => {
  it('1,024 GPUs of GB200 NVL72 (72 per unit) → ⌈1024 ÷ 72⌉ = 15 units = 1,080 GPUs', () => {
    // Hand derivation: 1024 / 72 = 14.22…, rounded up to 15 whole units; 15 × 72 = 1,080 GPUs.
    const z = clusterSize(gen('gb200-nvl72'), { accelerators: 1024 }, undefined);
    expect(z).toEqual({ ok: true, value: { by: 'accelerators', requested: 1024, units: 15, acceleratorsPerUnit: 72, accelerators: 1080 } });
    const v = view('gb200-nvl72', { accelerators: 1024 });
    expect(v.ports.units).toBe(15);
    expect(v.ports.accelerators).toBe(1080);
    // An SU of the 64-port QM9700 at 1:1 is 32 leaf downlinks rounded down to whole racks of 18 trays: 18 nodes, one unit.
    expect(sizeText(v)).toBe('1,024 GPUs → 15 units = 1,080 GPUs · 15 SUs, one unit each');
  });

  it('a whole number of units says so; DGX B200 is 8 GPUs per server, 4 servers per rack by default', () => {
    // 1,024 GPUs ÷ 8 per server = 128 servers; the unit is one rack of the catalog's default systems per rack.
    const g = gen('dgx-b200');
    const perUnit = clusterSize(g, { units: 1 }, undefined);
    expect(perUnit.ok && perUnit.value.acceleratorsPerUnit % 8).toBe(0);
    const per = perUnit.ok ? perUnit.value.acceleratorsPerUnit : 0;
    const z = clusterSize(g, { accelerators: per * 5 }, undefined);
    expect(z.ok && z.value.units).toBe(5);
    expect(sizeText(view('dgx-b200', { accelerators: per * 5 }))).toMatch(new RegExp(`^${(per * 5).toLocaleString('en-US')} GPUs = 5 units of ${per}`));
  });

  it('sizing by units gives the same fabric as the accelerators those units hold', () => {
    const byUnits = view('gb300-nvl72', { units: 15 });
    const byGpus = view('gb300-nvl72', { accelerators: 1080 });
    expect(byGpus.counts).toEqual(byUnits.counts);
    expect(byUnits.size).toMatchObject({ by: 'units', units: 15, accelerators: 1080 });
    expect(sizeText(byUnits)).toMatch(/^15 units = 1,080 GPUs/);
  });

  it('more accelerators than the largest cluster is a sentence naming both numbers, not a fabric', () => {
    const o = evaluateFabric(gen('gb200-nvl72'), net, { accelerators: 10_000_000 }, undefined);
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error).toMatch(/^10,000,000 GPUs need 138,889 units of .*at most 100,000 units \(7,200,000 GPUs\)\.$/);
  });

  it('the design stores one of the two: neither or both is refused with the field named', () => {
    expect(FabricDesignSchema.safeParse({ accelerators: 1024 }).success).toBe(true);
    expect(FabricDesignSchema.safeParse({ units: 16 }).success).toBe(true);
    const both = FabricDesignSchema.safeParse({ units: 16, accelerators: 1024 });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]).toMatchObject({ path: ['accelerators'], message: expect.stringMatching(/accelerators or units, not both/) });
    const neither = FabricDesignSchema.safeParse({});
    expect(neither.error?.issues[0]?.message).toMatch(/accelerators \(a whole number from 1 to 10,000,000\) or units/);
  });

  it('a session saved before accelerators existed (fabric.units) still loads, sized by units', () => {
    const old = { app: 'rackplan', schemaVersion: 1, design: { rack: { generationId: 'gb200-nvl72' }, compare: { generationIds: [], target: { kind: 'accelerators', value: 1152 } }, fabric: { units: 64, racksPerRow: 8 } }, prefs: {} };
    const r = SnapshotSchema.safeParse(old);
    expect(r.success).toBe(true);
    expect(r.data?.design.fabric).toEqual({ units: 64, racksPerRow: 8 });
    // A session without a fabric starts sized by accelerators.
    const none = SnapshotSchema.safeParse({ ...old, design: { ...old.design, fabric: undefined } });
    expect(none.data?.design.fabric).toEqual({ accelerators: 1152 });
  });
});

describe('schedule preview', () => {
  const v = view('gb200-nvl72', { accelerators: 1152 });
  const csv = [...scheduleCsv(v, net)].join('').split('\n');

  it('shows the CSV’s header and its first 50 rows, cell for cell', async () => {
    const p = await previewSchedule(scheduleRows(v, net), {}, { knownMatched: knownCount(filterOptions(v), {}), ...sync });
    expect(SCHEDULE_COLUMNS.join(',')).toBe(csv[0]);
    expect(p?.rows.map((r) => scheduleCells(r).join(','))).toEqual(csv.slice(1, 51));
    expect(p?.matched).toBe(csv.length - 2);
    // Known count: the walk stops at the preview rows instead of reading the whole schedule.
    expect(p?.scanned).toBe(50);
  });

  it('counts per network, tier and medium are the core’s figures, and equal what the CSV rows say', () => {
    const tally = new Map<string, number>();
    const add = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
    for (const line of csv.slice(1, -1)) {
      const c = line.split(',');
      const [tier, media, network] = [c[1], c[8], c[14]];
      add(`network:${network}`);
      add(`tier:${tier}`);
      add(`${network}:tier:${tier}`);
      add(`${network}:media:${media}`);
    }
    const all = filterOptions(v);
    expect(all.total).toBe(csv.length - 2);
    expect(all.network.map((n) => n.value)).toEqual(['compute', 'frontend', 'oob']);
    for (const n of all.network) expect(n.rows, n.value).toBe(tally.get(`network:${n.value}`));
    for (const t of all.tier) if (t.rows !== null) expect(t.rows, t.value).toBe(tally.get(`tier:${t.value}`));
    // Media are tallied by the core for the compute fabric only: counted there, walked elsewhere.
    expect(all.media.every((m) => m.rows === null)).toBe(true);
    const compute = filterOptions(v, 'compute');
    expect(compute.total).toBe(tally.get('network:compute'));
    for (const t of compute.tier) expect(t.rows, t.value).toBe(tally.get(`compute:tier:${t.value}`));
    for (const m of compute.media) expect(m.rows, m.value).toBe(tally.get(`compute:media:${m.value}`));
    const frontend = filterOptions(v, 'frontend');
    for (const t of frontend.tier) expect(t.rows, t.value).toBe(tally.get(`frontend:tier:${t.value}`));
    expect(knownCount(compute, { network: 'compute', tier: 'leaf-spine' })).toBe(v.fabric.links.leafSpine);
    expect(knownCount(all, { tier: 'leaf-spine', media: 'mmf' })).toBeNull();
    expect(knownCount(all, { rack: 'C1' })).toBeNull();
  });

  it('a filter the core does not tally is counted by walking the stream: rack C1 and a tier together', async () => {
    const filter: ScheduleFilter = { rack: 'C1', tier: 'node-leaf', network: 'compute' };
    const p = await previewSchedule(networkRows(v, net, 'compute'), filter, { knownMatched: knownCount(filterOptions(v, 'compute'), filter), ...sync });
    const expected = csv.slice(1, -1).filter((l) => {
      const c = l.split(',');
      return c[14] === 'compute' && c[1] === 'node-leaf' && (c[2] === 'C1' || c[5] === 'C1');
    });
    // GB200 NVL72: 18 compute trays per rack × 4 scale-out NICs = 72 node-leaf cables leave rack C1.
    expect(expected).toHaveLength(72);
    expect(p?.matched).toBe(72);
    expect(p?.rows.map((r) => scheduleCells(r).join(','))).toEqual(expected.slice(0, 50));
    expect(p?.rows.every((r) => rowMatches(r, filter))).toBe(true);
  });

  it('a network’s own rows are that network’s part of the full schedule', async () => {
    const p = await previewSchedule(networkRows(v, net, 'oob'), { network: 'oob' }, { knownMatched: filterOptions(v, 'oob').total, ...sync });
    expect(p?.rows.map((r) => scheduleCells(r).join(','))).toEqual(csv.filter((l) => l.endsWith(',oob')).slice(0, 50));
  });

  it('a walk gives the page back in slices and stops when aborted', async () => {
    const big = view('gb300-nvl72', { accelerators: 36_864 });
    const abort = new AbortController();
    let slices = 0;
    const p = await previewSchedule(scheduleRows(big, net), { rack: 'no-such-rack' }, {
      signal: abort.signal,
      sliceMs: 0,
      yieldToPage: () => {
        if (++slices === 3) abort.abort();
        return Promise.resolve();
      },
    });
    expect(p).toBeNull();
    expect(slices).toBe(3);
  });
});

describe('topology comparison', () => {
  it('the row of the design’s own topology is the view’s figures (one evaluation, one truth), for each topology', () => {
    for (const topology of ['rail', 'tor', 'row'] as const) {
      const d: FabricDesign = { accelerators: 1152, topology };
      const t = topologyComparison(gen('gb200-nvl72'), net, d, undefined, 'max', catalog.prices.networkPrices);
      if (!t.ok) throw new Error(t.error);
      expect(t.value.rows.map((r) => r.topology)).toEqual(['rail', 'tor', 'row']);
      const own = t.value.rows.find((r) => r.topology === topology)!;
      const v = view('gb200-nvl72', d);
      expect(own.switches).toEqual(v.counts.switches);
      expect(own.cables).toBe(v.counts.cables);
      expect(own.transceiverModules).toBe(v.summary!.transceiverModules);
      expect(own.powerKw).toEqual(v.powerKw);
      // Capex is switches × switch price + modules × transceiver price (cables unpriced).
      expect(own.capexUsd).toBeCloseTo(v.counts.switches.total * t.value.prices.switchUsd + v.summary!.transceiverModules * t.value.prices.transceiverUsd, 6);
    }
  });

  it('sizes the same cluster the view sizes: accelerators rounded up to whole units', () => {
    const t = topologyComparison(gen('gb200-nvl72'), net, { accelerators: 1024 }, undefined, 'max', catalog.prices.networkPrices);
    expect(t.ok && t.value.rows.every((r) => r.evaluation?.ports.units === 15)).toBe(true);
  });
});

describe('appliance ports', () => {
  it('reads a number (one group named appliance, as the CLI) or name=ports groups; refuses names the schedule uses', () => {
    expect(parseEndpointGroups('')).toEqual({ ok: true, value: undefined });
    expect(parseEndpointGroups('20')).toEqual({ ok: true, value: [{ name: 'appliance', ports: 20 }] });
    expect(parseEndpointGroups(' ufm=4, storage = 16 ')).toEqual({ ok: true, value: [{ name: 'ufm', ports: 4 }, { name: 'storage', ports: 16 }] });
    expect(formatEndpointGroups([{ name: 'ufm', ports: 4 }, { name: 'storage', ports: 16 }])).toBe('ufm=4, storage=16');
    expect(parseEndpointGroups('node=3')).toMatchObject({ ok: false, error: expect.stringMatching(/^node: lowercase letters.*not node or cdu/) });
    // ufm1 + port 1 would be "ufm11", as ufm + port 11: names end in a letter.
    expect(parseEndpointGroups('ufm1=2').ok).toBe(false);
    expect(parseEndpointGroups('ufm=2, ufm=3')).toMatchObject({ ok: false, error: expect.stringMatching(/not used by another group/) });
    expect(parseEndpointGroups('ufm=0')).toMatchObject({ ok: false, error: expect.stringMatching(/from 1 to 100,000/) });
    expect(parseEndpointGroups('ufm:4')).toMatchObject({ ok: false, error: expect.stringMatching(/name=ports/) });
  });

  it('the groups reach the fabric: ports on service leaves, rows named by group in the schedule', () => {
    const v = view('gb200-nvl72', { accelerators: 1152, extraEndpoints: [{ name: 'ufm', ports: 4 }, { name: 'storage', ports: 16 }] });
    expect(v.fabric.extraEndpoints).toBe(20);
    expect(v.fabric.serviceLeaves).toBeGreaterThan(0);
    const devices = [...scheduleRows(v, net)].filter((r) => r.network === 'compute' && r.tier === 'node-leaf').map((r) => r.aDevice);
    expect(devices.filter((d) => /^ufm\d+$/.test(d))).toHaveLength(4);
    expect(devices.filter((d) => /^storage\d+$/.test(d))).toHaveLength(16);
  });
});

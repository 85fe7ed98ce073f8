/**
 * Where each item of a unit sits in its rack(s), for the elevation drawing. The catalog gives heights and counts,
 * not positions, so this follows the common build: network and management at the top, power shelves split top and
 * bottom, compute trays around the scale-up switch trays (as in NVL72), servers from the bottom up, an in-rack
 * CDU at the bottom. Pure; the result is drawn by `rack-elevation`.
 * @module
 */
import type { Catalog, ComponentClass, Generation } from '../catalog/types';
import { isMissing, pick, type Confidence, type MaybeSourced, type Source } from '../provenance';
import type { UnitReport } from './types';

export type SlotKind = 'compute' | 'scale-up-switch' | 'network' | 'management' | 'host' | 'storage' | 'power' | 'cooling' | 'other';

export interface ElevationSlot {
  /** Stable key: component id and index within the rack. */
  readonly key: string;
  readonly componentId: string;
  readonly label: string;
  readonly kind: SlotKind;
  /** Lowest U occupied (1 = bottom). */
  readonly u: number;
  readonly heightU: number;
  /** Maximum power of this item (DC side for rack-scale, input for server PSUs), W; null when unpublished. */
  readonly watts: number | null;
  readonly confidence: Confidence | 'missing';
  readonly sources: readonly Source[];
  readonly note?: string;
  /** True when the item sits above the rack's top U (the unit does not fit). */
  readonly overflow: boolean;
}

export interface RackElevation {
  readonly index: number;
  readonly heightU: number;
  readonly slots: readonly ElevationSlot[];
  readonly usedU: number;
}

export interface ElevationLayout {
  readonly racks: readonly RackElevation[];
  /** Liquid manifold drawn along the rear when the unit is liquid-cooled. */
  readonly manifold: boolean;
  /** Items without a U position (0U PDUs, BBUs inside shelves…), described in words. */
  readonly notes: readonly string[];
}

interface Item {
  readonly componentId: string;
  readonly label: string;
  readonly kind: SlotKind;
  readonly heightU: number;
  readonly watts: number | null;
  readonly q: MaybeSourced;
  readonly note?: string;
}

function provenance(q: MaybeSourced): { confidence: Confidence | 'missing'; sources: readonly Source[]; note?: string } {
  if (isMissing(q)) return { confidence: 'missing', sources: [], note: q.reason };
  return { confidence: q.confidence, sources: q.sources, note: q.note };
}

/** Spread `n` items over `racks` racks as evenly as possible (earlier racks take the remainder). */
function share(n: number, racks: number, index: number): number {
  const base = Math.floor(n / racks);
  return base + (index < n % racks ? 1 : 0);
}

/**
 * Lay out the unit's items in its racks.
 * @param generation - catalog entry (component heights, power provenance)
 * @param report - the engine's report (systems in the unit, shelves, CDU placement, used U)
 * @param catalog - for the shelf model's height and name
 */
export function layoutElevation(generation: Generation, report: UnitReport, catalog: Catalog): ElevationLayout {
  const g = generation;
  const racks = Math.max(1, g.racks);
  const rackU = Math.round(pick(g.rack.heightU, 'typical') ?? 42);
  const notes: string[] = [];
  const psu = catalog.psus.find((p) => p.id === g.power.psuId);
  const basisW = (c: ComponentClass) => pick(c.maxPowerW, report.basis);
  const itemsOf = (c: ComponentClass, count: number): Item[] =>
    Array.from({ length: count }, () => ({
      componentId: c.id,
      label: c.name,
      kind: c.kind,
      heightU: Math.max(0, Math.round(pick(c.heightU, 'typical') ?? 1)),
      watts: basisW(c),
      q: c.maxPowerW,
      note: c.note,
    }));

  const out: RackElevation[] = [];
  for (let r = 0; r < racks; r++) {
    const per = (c: ComponentClass) => share(c.count * (c.scope === 'system' ? report.systems : 1), racks, r);
    const byKind = (...kinds: SlotKind[]) => g.components.filter((c) => kinds.includes(c.kind)).flatMap((c) => itemsOf(c, per(c)));
    const top = byKind('network', 'management');
    const compute = byKind('compute');
    const switches = byKind('scale-up-switch');
    const rest = byKind('host', 'storage', 'other', 'power', 'cooling');
    const zeroU = [...top, ...compute, ...switches, ...rest].filter((i) => i.heightU === 0);
    if (r === 0) for (const label of new Set(zeroU.map((i) => i.label))) notes.push(`${label}: 0U (side-mounted)`);

    let shelvesTop: Item[] = [];
    let shelvesBottom: Item[] = [];
    if (g.power.architecture === 'shelf' && psu) {
      const n = share(report.power.psus.shelves, racks, r);
      const shelf: Item = { componentId: psu.id, label: psu.name, kind: 'power', heightU: psu.heightU, watts: pick(psu.psuRatingW, 'typical') === null ? null : (pick(psu.psuRatingW, 'typical') ?? 0) * psu.psusPerShelf, q: psu.psuRatingW, note: `Rated output (${psu.psusPerShelf} × PSU rating); η and redundancy in the power chain.` };
      const all = Array.from({ length: n }, () => shelf);
      shelvesTop = all.slice(0, Math.ceil(n / 2));
      shelvesBottom = all.slice(Math.ceil(n / 2));
    } else if (r === 0) {
      notes.push('Server PSUs are inside each system; rack PDUs are 0U.');
    }
    if (r === 0 && report.power.bbu) notes.push(`${report.power.bbu.count} battery backup units (position not in the catalog).`);

    // Top to bottom.
    const order: Item[] = [];
    order.push(...top, ...shelvesTop);
    if (switches.length && compute.length) {
      const upper = Math.ceil(compute.length * (10 / 18));
      order.push(...compute.slice(0, upper), ...switches, ...compute.slice(upper));
    } else {
      order.push(...switches, ...compute);
    }
    order.push(...rest, ...shelvesBottom);
    const cduInRack = report.cooling.cdu?.placement === 'in-rack';
    const bottom: Item[] = cduInRack ? [{ componentId: report.cooling.cdu.id, label: report.cooling.cdu.name, kind: 'cooling', heightU: 4, watts: null, q: { value: null, unit: 'W', reason: 'CDU pump power is counted in the cooling budget' } }] : [];
    const placed = order.filter((i) => i.heightU > 0);
    const server = g.form === 'server-rack';

    const slots: ElevationSlot[] = [];
    const used = [...placed, ...bottom].reduce((s, i) => s + i.heightU, 0);
    const put = (i: Item, u: number, k: number) => {
      const p = provenance(i.q);
      slots.push({ key: `${i.componentId}-${k}`, componentId: i.componentId, label: i.label, kind: i.kind, u, heightU: i.heightU, watts: i.watts, confidence: p.confidence, sources: p.sources, note: i.note ?? p.note, overflow: u + i.heightU - 1 > rackU });
    };
    let k = 0;
    let u = 1;
    for (const i of bottom) {
      put(i, u, k++);
      u += i.heightU;
    }
    if (server) {
      // Servers stack from the bottom; network and management stay at the top.
      const tops = top.filter((i) => i.heightU > 0);
      const body = placed.filter((i) => !tops.includes(i)).reverse();
      for (const i of body) {
        put(i, u, k++);
        u += i.heightU;
      }
      let t = Math.max(u, rackU - tops.reduce((s, i) => s + i.heightU, 0) + 1);
      for (const i of [...tops].reverse()) {
        put(i, t, k++);
        t += i.heightU;
      }
    } else {
      // Rack-scale: fill from the top down, leaving any spare U at the bottom above the CDU.
      let t = Math.max(u, rackU + 1 - placed.reduce((s, i) => s + i.heightU, 0));
      for (const i of [...placed].reverse()) {
        put(i, t, k++);
        t += i.heightU;
      }
    }
    out.push({ index: r, heightU: rackU, slots: slots.sort((a, b) => b.u - a.u), usedU: used });
  }
  return { racks: out, manifold: report.cooling.liquidKw > 0, notes };
}

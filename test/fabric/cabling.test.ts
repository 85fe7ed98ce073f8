import { describe, expect, it } from 'vitest';
import { sizeFabric } from '../../src/core/fabric/fat-tree';
import { CSV_HEADER, CablingTally, cableCursor, cableIdText, cableLabelParts, cableSchedule, csvLine, orderLength, planCabling, runLengthM, DEFAULT_LAYOUT } from '../../src/core/fabric/cabling';
import { pickMedium } from '../../src/core/fabric/media';
import { loadNetworkCatalog } from '../../src/catalog/network';

const cat = loadNetworkCatalog();

function spec(fabric: ReturnType<typeof sizeFabric>, extra: Partial<Parameters<typeof planCabling>[0]> = {}) {
  return { fabric, nodesPerRack: 4, nodeHeightU: 8, switchHeightU: 1, laneGbps: 100, switchLinksPerModule: 2, nodeLinksPerModule: 2, ...extra };
}

describe('cable lengths', () => {
  it('rise + run along the row + cross-aisle + drop, then slack, rounded up to an orderable length', () => {
    const a = { rack: 'C1', x: 0, y: 0, h: 0.6, key: 0 };
    const b = { rack: 'NR1', x: 1.8, y: 4.8, h: 1.2, key: -1 };
    // (2.6 − 0.6) + 1.8 + 4.8 + (2.6 − 1.2) = 10.0 m; × 1.1 + 0.5 = 11.5 m → 15 m.
    expect(runLengthM(a, b, 2.6)).toBeCloseTo(10, 9);
    expect(orderLength(10, DEFAULT_LAYOUT)).toMatchObject({ rawM: 11.5, orderedM: 15 });
  });

  it('same rack: vertical distance only; past 100 m: the next 10 m', () => {
    const a = { rack: 'C1', x: 0, y: 0, h: 0.5, key: 7 };
    expect(runLengthM(a, { ...a, h: 1.5 }, 2.6)).toBeCloseTo(1, 9);
    expect(orderLength(120, { slackPct: 0, slackM: 0, orderableLengthsM: [1, 100] }).orderedM).toBe(120);
    expect(orderLength(120.1, { slackPct: 0, slackM: 0, orderableLengthsM: [1, 100] }).orderedM).toBe(130);
  });
});

describe('media by reach', () => {
  it('passive copper where it reaches, then active copper, then multimode, then single-mode', () => {
    const pick = (lengthM: number, laneGbps = 100, linkGbps = 400) =>
      pickMedium(cat, { lengthM, laneGbps, linkGbps, order: ['dac', 'acc', 'aec', 'mmf', 'smf'], aLinksPerModule: 1, bLinksPerModule: 2 })?.medium.kind;
    expect(pick(2)).toBe('dac');
    expect(pick(3)).toBe('acc');
    expect(pick(7)).toBe('aec');
    expect(pick(30)).toBe('mmf');
    expect(pick(100)).toBe('smf');
    expect(pick(1500)).toBe('smf');
    expect(pick(5000)).toBeUndefined();
  });

  it('no passive DAC at 200G per lane, even at 0.5 m', () => {
    const c = pickMedium(cat, { lengthM: 0.5, laneGbps: 200, linkGbps: 800, order: ['dac', 'acc', 'smf'], aLinksPerModule: 1, bLinksPerModule: 2 });
    expect(c?.medium.kind).toBe('acc');
    const far = pickMedium(cat, { lengthM: 30, laneGbps: 200, linkGbps: 800, order: ['dac', 'acc', 'smf'], aLinksPerModule: 1, bLinksPerModule: 2 });
    expect(far?.medium.kind).toBe('smf');
    expect(far?.bModule?.linksPerModule).toBe(2); // twin-port 1.6T module at the switch cage
    expect(far?.aModule?.linksPerModule).toBe(1);
  });

  it('optics only when asked', () => {
    const c = pickMedium(cat, { lengthM: 1, laneGbps: 100, linkGbps: 400, order: ['mmf', 'smf'], aLinksPerModule: 1, bLinksPerModule: 2 });
    expect(c?.medium.kind).toBe('mmf');
    expect(c?.bModule?.partNumber).toBe('MMA4Z00-NS');
  });
});

describe('cable schedule', () => {
  const fabric = sizeFabric({ nodes: 64, rails: 8, radix: 64, portGbps: 400, suNodes: 32 });

  it('rows equal links, every row has two distinct ends, the header is exact', () => {
    const plan = planCabling(spec(fabric), { racksPerRow: 8 });
    const tally = new CablingTally();
    const ids = new Set<string>();
    let rows = 0;
    for (const r of cableSchedule(plan, cat)) {
      rows++;
      tally.add(r);
      ids.add(r.cableId);
      expect(r.aDevice).not.toBe(r.bDevice);
      expect(csvLine(r).split(',')).toHaveLength(15);
    }
    expect(rows).toBe(fabric.links.total);
    expect(ids.size).toBe(rows);
    const s = tally.result();
    expect(s.byTier).toEqual({ nodeLeaf: fabric.links.nodeLeaf, leafSpine: fabric.links.leafSpine, spineCore: 0 });
    expect(s.byMedia.reduce((x, m) => x + m.links, 0)).toBe(rows);
    expect(s.lengthHistogram.reduce((x, h) => x + h.links, 0)).toBe(rows);
    expect(CSV_HEADER).toBe('cable_id,tier,a_rack,a_device,a_port,b_rack,b_device,b_port,media,part_number,length_m,label,a_transceiver,b_transceiver,network');
  });

  it('the cursor is one object changed in place; rows taken from it keep their values; ids and labels follow their rules', () => {
    const plan = planCabling(spec(fabric), { racksPerRow: 8 });
    const rows = [...cableSchedule(plan, cat)];
    const seen = new Set<object>();
    const parts: string[] = [];
    let i = 0;
    for (const c of cableCursor(plan, cat)) {
      seen.add(c);
      const r = rows[i++]!;
      // The row was taken before this walk: the cursor gives the same fields, and its own copy equals the row.
      expect(c.row()).toEqual(r);
      // Hand-made from the rule in the docs: C + the number in 7 digits; aDevice:aPort>bDevice:bPort.
      expect(r.cableId).toBe(`C${String(i).padStart(7, '0')}`);
      expect(r.label).toBe(`${r.aDevice}:${r.aPort}>${r.bDevice}:${r.bPort}`);
      cableLabelParts(c, parts);
      expect(parts.join('')).toBe(r.label);
    }
    expect(i).toBe(fabric.links.total);
    expect(seen.size).toBe(1);
    expect(cableIdText('OOB-C', 12_345_678)).toBe('OOB-C12345678');
  });

  it('every switch port is used at most once (3 tiers, planes, rail spines)', () => {
    for (const f of [
      sizeFabric({ nodes: 100, rails: 8, radix: 16, portGbps: 400, tiers: 3 }),
      sizeFabric({ nodes: 40, rails: 4, radix: 16, portGbps: 800, planes: 2, portsPerCage: 1 }),
      sizeFabric({ nodes: 100, rails: 4, radix: 16, portGbps: 400, spineDesign: 'rail' }),
      sizeFabric({ nodes: 150, rails: 4, radix: 16, portGbps: 400, spineDesign: 'rail', tiers: 3 }),
    ]) {
      expect(f.tiers).toBeGreaterThan(0);
      const seen = new Set<string>();
      let rows = 0;
      for (const r of cableSchedule(planCabling(spec(f)), cat)) {
        rows++;
        for (const end of [`${r.aDevice}:${r.aPort}`, `${r.bDevice}:${r.bPort}`]) {
          expect(seen.has(end), end).toBe(false);
          seen.add(end);
        }
        if (!r.aDevice.startsWith('node')) expect(Number(r.aPort)).toBeLessThanOrEqual(f.logicalRadix);
        expect(Number(r.bPort)).toBeLessThanOrEqual(f.logicalRadix);
      }
      expect(rows).toBe(f.links.total);
    }
  });

  it('network racks: switches ÷ switches per rack, per placement', () => {
    const plan = planCabling(spec(fabric), { racksPerRow: 8 });
    expect(plan.networkRacks).toBe(Math.ceil(fabric.switches.total / 42));
    const eor = planCabling(spec(fabric), { racksPerRow: 8, leafPlacement: 'eor', spinePlacement: 'network-row' });
    expect(eor.networkRacksByPlacement.row).toBe(1);
    expect(eor.networkRacksByPlacement.endOfRow).toBe(2); // 16 compute racks in 2 rows, one SU's 8 leaves per row
  });
});

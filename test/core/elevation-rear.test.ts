/**
 * The elevation's rear face (layoutRearFace): a schematic derived from component counts. Its counts must equal the
 * unit's counts in the engine's report for every generation, and the hand-derived counts below come from the
 * catalog entries' own component lists (ports per item × items), not from our output. Each node item's link to the
 * cable schedule must name a device whose rows all stand in that item's rack, with one row per port.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { findGeneration } from '../../src/core/catalog/lookup';
import { evaluateCluster } from '../../src/core/fabric/evaluate-cluster';
import { fullSchedule } from '../../src/core/fabric/network-schedule';
import { layoutElevation, REAR_CAPTION } from '../../src/core/rack/elevation';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import type { CableRow } from '../../src/core/fabric/cabling';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const gen = (id: string) => findGeneration(catalog, id)!.generation;

function face(id: string, options = {}) {
  const g = gen(id);
  const report = evaluateUnit(g, options, catalog);
  return { g, report, layout: layoutElevation(g, report, catalog) };
}

describe('rear face: counts equal the report of every generation', () => {
  for (const g of catalog.generations) {
    it(`${g.id}: PSUs, shelves, scale-out ports and cages, front-end, storage, management, quick-disconnects, scale-up links`, () => {
      const { report, layout } = face(g.id);
      const t = layout.rear.totals;
      const c = report.cabling;
      expect(t.psus).toBe(report.power.psus.psuCount);
      if (report.power.psus.kind === 'shelf') expect(t.shelves).toBe(report.power.psus.shelves);
      expect(t.scaleOutPorts).toBe(c.scaleOutPorts);
      expect(t.scaleOutCages).toBe(c.scaleOutModules);
      expect(t.frontEndPorts).toBe(c.frontEndPorts);
      expect(t.storagePorts).toBe(c.storagePorts);
      expect(t.managementPorts).toBe(c.managementPorts);
      expect(t.quickDisconnectPairs).toBe(c.quickDisconnectPairs);
      expect(t.scaleUpLinks).toBe(g.scaleUp.medium === 'cable' ? c.scaleUpLinks : 0);
      expect(layout.rear.caption).toBe(REAR_CAPTION);
      // Every front slot has its rear counterpart at the same key.
      for (const r of layout.racks) expect(layout.rear.racks[r.index]!.slots.map((s) => s.key)).toEqual(r.slots.map((s) => s.key));
    });
  }
});

describe('rear face: hand-derived counts', () => {
  it('GB300 NVL72: 18 trays × 4 × 800G = 72 ports in 72 cages, 18 × 400G front-end, 18 + 9 + 2 BMCs + 8 shelf controllers = 37 management ports, 8 shelves × 6 = 48 PSUs, 18 + 9 = 27 QD pairs, 72 GPUs × 18 = 1,296 NVLink links', () => {
    const { layout } = face('gb300-nvl72');
    expect(layout.rear.totals).toEqual({ psus: 48, shelves: 8, scaleOutPorts: 72, scaleOutCages: 72, frontEndPorts: 18, storagePorts: 0, managementPorts: 37, quickDisconnectPairs: 27, scaleUpLinks: 1296 });
    expect(layout.rear.rails.map((r) => r.kind)).toEqual(['busbar', 'manifold', 'scale-up-spine']);
    const tray = layout.rear.racks[0]!.slots.find((s) => s.key.startsWith('compute-tray'))!;
    expect(tray.connectors.map((c) => c.kind)).toEqual(['scale-out', 'front-end', 'management', 'scale-up', 'liquid-qd', 'busbar-clip']);
    // Each ORv3 HPR shelf: 2 × 30 A L22-30P cords (Meta/Rittal HPR deck, in the PSU catalog).
    const shelf = layout.rear.racks[0]!.slots.find((s) => s.key.startsWith('orv3'))!;
    expect(shelf.connectors[0]).toMatchObject({ kind: 'shelf-input', count: 2 });
    expect(shelf.connectors[0]!.text).toMatch(/L22-30P/);
  });

  it('DGX B200: 4 systems × 8 × 400G = 32 ports in 16 twin-port cages, 4 × 4 storage ports, 4 BMCs, 4 × 6 PSU inlets, air-cooled (no QDs, no manifold), NVLink on the board', () => {
    const { layout } = face('dgx-b200');
    expect(layout.rear.totals).toEqual({ psus: 24, shelves: 0, scaleOutPorts: 32, scaleOutCages: 16, frontEndPorts: 0, storagePorts: 16, managementPorts: 4, quickDisconnectPairs: 0, scaleUpLinks: 0 });
    expect(layout.rear.rails).toEqual([]);
    const dgx = layout.rear.racks[0]!.slots.find((s) => s.key.startsWith('dgx-system'))!;
    expect(dgx.connectors.find((c) => c.kind === 'psu-inlet')!.count).toBe(6);
    expect(dgx.summary).toMatch(/8×400G/);
    expect(layout.rear.notes.join(' ')).toMatch(/board: no scale-up cables/);
  });

  it('Trn2 server: the 8 PSUs of each server are listed, not put on a tray (the catalog does not say which tray holds them)', () => {
    const { report, layout } = face('trn2-server');
    const psus = layout.rear.unplaced.find((u) => /PSUs/.test(u.label))!;
    expect(psus.items).toBe(report.systems);
    expect(psus.connectors[0]!.count).toBe(8);
  });
});

describe('rear face: links to the cable schedule', () => {
  const rowsOf = (id: string, units: number) => {
    const g = gen(id);
    const e = evaluateCluster(g, net, { units }, { detail: 'summary' });
    if (!e.ok) throw new Error(e.error.message);
    return [...fullSchedule(e.value, net)];
  };
  const count = (rows: readonly CableRow[], device: string) => rows.filter((r) => r.aDevice === device || r.bDevice === device);

  for (const [id, units] of [['gb300-nvl72', 1], ['gb300-nvl72', 3], ['dgx-b200', 2], ['trn2-ultraserver', 1]] as const) {
    it(`${id} in a cluster of ${units} unit(s): every node item names a device whose rows stand in its rack, one row per port`, () => {
      const { g, layout } = face(id);
      const rows = rowsOf(id, units);
      const node = g.components.find((c) => c.ports.scaleOut && c.ports.scaleOut.count > 0)!;
      const perNode = node.ports.scaleOut!.count + (node.ports.frontEnd?.count ?? 0) + (node.ports.storage?.count ?? 0);
      const devices = new Set<string>();
      for (const r of layout.rear.racks) {
        for (const s of r.slots) {
          if (!s.cables?.device?.startsWith('node')) continue;
          devices.add(s.cables.device);
          const mine = count(rows, s.cables.device);
          expect(mine.length).toBe(perNode);
          for (const row of mine) expect(row.aDevice === s.cables.device ? row.aRack : row.bRack).toBe(s.cables.rack);
        }
      }
      // One device per node item, none twice.
      const nodesPerUnit = layout.rear.racks.flatMap((r) => r.slots).filter((s) => s.cables?.device?.startsWith('node')).length;
      expect(devices.size).toBe(nodesPerUnit);
      expect(nodesPerUnit).toBeGreaterThan(0);
    });
  }

  it('the rack’s top management switch is its out-of-band access switch oob-C1-1: 18 + 9 + 2 BMCs and 8 shelf controllers = 37 device cables on it (GB300 NVL72)', () => {
    const { layout } = face('gb300-nvl72');
    const mgmt = layout.rear.racks[0]!.slots.filter((s) => s.key.startsWith('mgmt-switch'));
    expect(mgmt[0]!.cables).toMatchObject({ rack: 'C1', device: 'oob-C1-1', network: null, label: 'Cables for this switch' });
    // The second management switch has no access switch of its own in the schedule: it links to the rack's rows.
    expect(mgmt[1]!.cables).toMatchObject({ rack: 'C1', device: null, network: 'oob' });
    const rows = rowsOf('gb300-nvl72', 1).filter((r) => r.aDevice === 'oob-C1-1' || r.bDevice === 'oob-C1-1');
    expect(rows.filter((r) => r.tier === 'device-access')).toHaveLength(37);
  });

  it('items without a device of their own link to their rack’s out-of-band rows, which exist', () => {
    const { layout } = face('gb300-nvl72');
    const sw = layout.rear.racks[0]!.slots.find((s) => s.key.startsWith('nvlink-switch-tray'))!;
    expect(sw.cables).toMatchObject({ rack: 'C1', device: null, network: 'oob' });
    const rows = rowsOf('gb300-nvl72', 1).filter((r) => r.network === 'oob' && (r.aRack === 'C1' || r.bRack === 'C1'));
    expect(rows.length).toBeGreaterThan(0);
  });
});

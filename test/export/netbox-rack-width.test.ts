/**
 * NetBox racks follow the rack: OCP ORv3 / NVIDIA MGX frames are Open Rack with a 21-inch equipment bay (OCP Open Rack
 * V3 base specification), exported as width 21; EIA-310 racks as 19. Fabric network racks are 19-inch.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import fixture from '../fixtures/export/netbox-4.2-import-fields.json';
import { loadCatalog } from '../../src/catalog/presets';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { planNetboxModel } from '../../src/export/plan-netbox';
import { fileText, netboxFiles, netboxRackWidth } from '../../src/export/netbox';

describe('NetBox rack width', () => {
  it('Open Rack form factors are 21 inches, EIA racks 19', () => {
    const catalog = loadCatalog();
    const width = (id: string) => netboxRackWidth(catalog.generations.find((g) => g.id === id)!.rack.formFactor);
    expect(width('gb300-nvl72')).toBe(21);
    expect(width('gb200-nvl72')).toBe(21);
    expect(width('dgx-b200')).toBe(19);
    expect(width('dgx-h100')).toBe(19);
    for (const g of catalog.generations) expect(fixture.choices.RackWidthChoices).toContain(netboxRackWidth(g.rack.formFactor));
  });

  it('a plan with GB300 NVL72 and DGX B200 writes 21 for the ORv3 compute racks and 19 for the others', () => {
    const small = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Record<string, unknown>;
    const plan = {
      ...small,
      orders: [],
      deployments: [
        { site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 2 },
        { site: 'houston-tx', generation: 'dgx-b200', quarter: '2026-Q2', units: 4 },
      ],
    };
    const imported = importPlan(JSON.stringify(plan));
    if (!imported.ok) throw new Error(imported.error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    const files = new Map(netboxFiles(planNetboxModel(planBundle(imported.value.value))).map((f) => [f.path, fileText(f)]));
    const racks = Papa.parse<Record<string, string>>(files.get('05-racks.csv')!, { header: true, skipEmptyLines: true }).data;
    const compute = (name: RegExp) => racks.filter((r) => name.test(r.description ?? ''));
    expect(compute(/GB300 NVL72.*compute rack/).length).toBeGreaterThan(0);
    expect(compute(/GB300 NVL72.*compute rack/).every((r) => r.width === '21')).toBe(true);
    expect(compute(/B200.*compute rack/).length).toBeGreaterThan(0);
    expect(compute(/B200.*compute rack/).every((r) => r.width === '19')).toBe(true);
    expect(compute(/network rack/).every((r) => r.width === '19')).toBe(true);
  });
});

/**
 * NetBox files NetBox accepts (issue 17; review 2026-12 F7, N4–N6), checked against NetBox v4.2.9 — the release
 * named in the fixture (test/fixtures/export/netbox-4.2-import-fields.json) and in NETBOX_RELEASE: names fit the
 * model's max_length (Site.name 100 and unique, Rack.name 100, Device.name 64), long names are cut with a stable
 * suffix so every reference across the files still resolves, and control characters never reach NetBox.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import fixture from '../fixtures/export/netbox-4.2-import-fields.json';
import { loadSites } from '../../src/catalog/sites';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { planNetboxModel } from '../../src/export/plan-netbox';
import { NETBOX_MAX_LENGTH, NETBOX_RELEASE, NETBOX_VERSION, fileText, fitName, netboxFiles, uniqueSiteNames } from '../../src/export/netbox';

describe('fitName', () => {
  it('leaves a name that fits alone, and cuts a long one to exactly the limit with a stable suffix', () => {
    expect(fitName('HOU-R0001-ct01', 64)).toBe('HOU-R0001-ct01');
    const long = `${'x'.repeat(60)}-gb300-nvl72-1-node17`;
    const fitted = fitName(long, 64);
    expect(fitted).toHaveLength(64);
    expect(fitted).toMatch(/^x{57}~[0-9a-f]{6}$/);
    expect(fitName(long, 64)).toBe(fitted);
    expect(fitName(`${'x'.repeat(60)}-gb300-nvl72-1-node18`, 64)).not.toBe(fitted);
  });
  it('removes control characters (ESC sequences, NUL) and turns line breaks into spaces', () => {
    expect(fitName('\u001b[31mred\u001b[0m', 64)).toBe('[31mred[0m');
    expect(fitName('nul\u0000x\r\nrow', 64)).toBe('nulx  row');
  });
  it('site names are made unique (case-insensitive) by appending the site id', () => {
    const names = uniqueSiteNames([
      { id: 'a', name: 'Same Name' },
      { id: 'b', name: 'same name' },
      { id: 'c', name: 'Other' },
    ]);
    expect([...names.values()]).toEqual(['Same Name', 'same name (b)', 'Other']);
  });
});

describe(`NetBox ${NETBOX_RELEASE} limits on a plan with long and repeated site names (N5, N6)`, () => {
  const houston = loadSites().find((s) => s.id === 'houston-tx')!;
  const longId = `site-${'l'.repeat(55)}`;
  const small = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Record<string, unknown>;
  const plan = {
    ...small,
    orders: [],
    sites: [
      { ...houston, id: longId, name: `${'A very long site name '.repeat(7)}`.slice(0, 150) },
      { ...houston, id: 'same-one', name: 'Same Name' },
      { ...houston, id: 'same-two', name: 'Same Name' },
    ],
    deployments: [
      { site: longId, generation: 'gb300-nvl72', quarter: '2026-Q2', units: 2 },
      { site: 'same-one', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 1 },
      { site: 'same-two', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 1 },
    ],
  };
  const imported = importPlan(JSON.stringify(plan));
  if (!imported.ok) throw new Error(imported.error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const files = new Map(netboxFiles(planNetboxModel(planBundle(imported.value.value))).map((f) => [f.path, fileText(f)]));
  const csv = (path: string) => {
    const r = Papa.parse<Record<string, string>>(files.get(path)!, { header: true, skipEmptyLines: true });
    expect(r.errors).toEqual([]);
    return r.data;
  };
  const sites = csv('04-sites.csv');
  const racks = csv('05-racks.csv');
  const devices = csv('06-devices.csv');
  const cables = csv('07-cables.csv');

  it('the plan really has names over the limits (the review payload: 60-character id, 150-character name)', () => {
    expect(longId).toHaveLength(60);
    expect(plan.sites[0]!.name).toHaveLength(150);
    expect(devices.length).toBeGreaterThan(100);
  });
  it('every name is within NetBox’s max_length', () => {
    const L = NETBOX_MAX_LENGTH;
    for (const s of sites) expect(s.name!.length, s.name).toBeLessThanOrEqual(L.siteName);
    for (const r of racks) expect(r.name!.length, r.name).toBeLessThanOrEqual(L.rackName);
    for (const d of devices) expect(d.name!.length, d.name).toBeLessThanOrEqual(L.deviceName);
    for (const c of cables) {
      expect(c.side_a_device!.length).toBeLessThanOrEqual(L.deviceName);
      expect(c.side_b_device!.length).toBeLessThanOrEqual(L.deviceName);
      expect(c.label!.length).toBeLessThanOrEqual(L.cableLabel);
      expect(c.description!.length).toBeLessThanOrEqual(L.description);
    }
    // The 60-character site id no longer reaches device names (they carry the cluster; the site is a column), so
    // none needs cutting here; cutting over-long names is held by the byte-writer tests (netbox-networks.test.ts).
    expect(devices.some((d) => d.name!.includes(longId))).toBe(false);
    expect(sites.some((s) => /~[0-9a-f]{6}$/.test(s.name!))).toBe(true);
  });
  it('site names are unique; device names are unique per site (case-insensitive, as NetBox’s constraint)', () => {
    const names = sites.map((s) => s.name!.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(sites.map((s) => s.name)).toContain('Same Name (same-two)');
    const perSite = devices.map((d) => `${d.site}\u0000${d.name!.toLowerCase()}`);
    expect(new Set(perSite).size).toBe(perSite.length);
  });
  it('every reference resolves: rack → site, device → site, rack (in that site), type, manufacturer, role; cable ends → devices and their interfaces', () => {
    const siteNames = new Set(sites.map((s) => s.name));
    const rackKeys = new Set(racks.map((r) => `${r.site}\u0000${r.name}`));
    for (const r of racks) expect(siteNames.has(r.site), r.site).toBe(true);
    const types = parseAllDocuments(files.get('02-device-types.yaml')!).map((d) => d.toJSON() as { manufacturer: string; model: string; interfaces?: { name: string }[] });
    const typeByModel = new Map(types.map((t) => [`${t.manufacturer}\u0000${t.model}`, t]));
    const manufacturers = new Set(csv('01-manufacturers.csv').map((m) => m.name));
    const roles = new Set(csv('03-device-roles.csv').map((r) => r.name));
    const deviceType = new Map<string, { interfaces?: { name: string }[] }>();
    for (const d of devices) {
      expect(siteNames.has(d.site), d.site).toBe(true);
      expect(rackKeys.has(`${d.site}\u0000${d.rack}`), `${d.name} in ${d.rack}`).toBe(true);
      expect(manufacturers.has(d.manufacturer), d.manufacturer).toBe(true);
      expect(roles.has(d.role), d.role).toBe(true);
      const t = typeByModel.get(`${d.manufacturer}\u0000${d.device_type}`);
      expect(t, `${d.manufacturer} ${d.device_type}`).toBeDefined();
      deviceType.set(d.name!, t!);
    }
    for (const c of cables) {
      for (const [dev, port] of [[c.side_a_device!, c.side_a_name!], [c.side_b_device!, c.side_b_name!]] as const) {
        const t = deviceType.get(dev);
        expect(t, `cable ${c.label} end ${dev}`).toBeDefined();
        expect(t!.interfaces?.some((i) => i.name === port), `${dev}:${port}`).toBe(true);
      }
    }
  });
});

describe('the fixture pins a NetBox release, not a commit off a branch (N4)', () => {
  it(`names ${NETBOX_RELEASE}, the tag's commit, and the v4.2.x RackImportForm with rack_type`, () => {
    expect(fixture.netbox.version).toBe(NETBOX_VERSION);
    expect(fixture.netbox.release).toBe(NETBOX_RELEASE);
    expect(fixture.netbox.commit).toBe('e5cdd8f2b0273ad3a109b6a88a4d87028660dd53');
    expect(fixture.netbox.source).toContain(`/blob/${NETBOX_RELEASE}/netbox/dcim/forms/bulk_import.py`);
    expect(fixture.forms.RackImportForm.fields).toContain('rack_type');
    expect(fixture.maxLength).toMatchObject({ 'Site.name': NETBOX_MAX_LENGTH.siteName, 'Rack.name': NETBOX_MAX_LENGTH.rackName, 'Device.name': NETBOX_MAX_LENGTH.deviceName, 'DeviceType.model': NETBOX_MAX_LENGTH.model, 'Cable.label': NETBOX_MAX_LENGTH.cableLabel, 'Interface.name': NETBOX_MAX_LENGTH.interfaceName });
  });
});

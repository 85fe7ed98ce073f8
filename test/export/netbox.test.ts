import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseAllDocuments } from 'yaml';
import fixture from '../fixtures/export/netbox-4.2-import-fields.json';
import { NETBOX_COLUMNS, NETBOX_IMPORT_ORDER, NETBOX_VERSION, fileText, netboxFiles, netboxSlug, type NetboxModel } from '../../src/export/netbox';

export const sampleNetbox: NetboxModel = {
  manufacturers: [{ name: 'NVIDIA', slug: 'nvidia' }],
  deviceTypes: [
    {
      manufacturer: 'NVIDIA',
      model: 'GB200 NVL72 compute tray',
      slug: 'nvidia-gb200-nvl72-compute-tray',
      uHeight: 1,
      isFullDepth: true,
      weightKg: 42.5,
      interfaces: [
        { name: 'cx8-0', type: 'infiniband-xdr' },
        { name: 'bmc', type: '1000base-t', mgmtOnly: true },
      ],
    },
  ],
  deviceRoles: [{ name: 'Compute', slug: 'compute', color: '2196f3' }],
  sites: [{ name: 'Houston, TX', slug: 'houston-tx', latitude: 29.76, longitude: -95.37, timeZone: 'America/Chicago', description: '=evil()' }],
  racks: [{ site: 'Houston, TX', name: 'HOU-R0001', width: 19, uHeight: 48, weightKg: 1360 }],
  devices: [
    { name: 'HOU-R0001-ct01', role: 'Compute', manufacturer: 'NVIDIA', deviceType: 'GB200 NVL72 compute tray', site: 'Houston, TX', rack: 'HOU-R0001', position: 10, face: 'front' },
  ],
  cables: [{ cableId: 'C000001', tier: 'leaf', aDevice: 'HOU-R0001-ct01', aPort: 'cx8-0', bDevice: 'HOU-leaf01', bPort: 'p1', type: 'aoc', partNumber: 'MFA7U10-H010', lengthM: 10, label: 'C000001' }],
};

function parseCsv(text: string) {
  const r = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r;
}

describe(`NetBox ${NETBOX_VERSION} export`, () => {
  const files = netboxFiles(sampleNetbox);
  const byPath = new Map(files.map((f) => [f.path, fileText(f)]));
  const forms = fixture.forms;
  const formOf = { manufacturers: forms.ManufacturerImportForm, deviceRoles: forms.DeviceRoleImportForm, sites: forms.SiteImportForm, racks: forms.RackImportForm, devices: forms.DeviceImportForm, cables: forms.CableImportForm } as const;
  const fileOf = { manufacturers: '01-manufacturers.csv', deviceRoles: '03-device-roles.csv', sites: '04-sites.csv', racks: '05-racks.csv', devices: '06-devices.csv', cables: '07-cables.csv' } as const;

  it('pins the version the fixture was taken from', () => {
    expect(fixture.netbox.version).toBe(NETBOX_VERSION);
  });

  it.each(Object.keys(formOf) as (keyof typeof formOf)[])('%s: every column is an import field of the pinned form, and every required field is present', (kind) => {
    const form = formOf[kind];
    for (const c of NETBOX_COLUMNS[kind]) expect(form.fields, `${kind}.${c}`).toContain(c);
    for (const r of form.required) expect(NETBOX_COLUMNS[kind] as readonly string[], `${kind} needs ${r}`).toContain(r);
    const parsed = parseCsv(byPath.get(fileOf[kind])!);
    expect(parsed.meta.fields).toEqual([...NETBOX_COLUMNS[kind]]);
  });

  it('statuses are planned and choice values are valid for the pinned version', () => {
    const c = fixture.choices;
    const sites = parseCsv(byPath.get('04-sites.csv')!).data;
    expect(sites.every((s) => s.status === 'planned' && c.SiteStatusChoices.includes(s.status))).toBe(true);
    expect(sites[0]!.description).toBe("'=evil()");
    const racks = parseCsv(byPath.get('05-racks.csv')!).data;
    expect(racks.every((r) => r.status === 'planned' && c.RackWidthChoices.includes(Number(r.width)))).toBe(true);
    const devices = parseCsv(byPath.get('06-devices.csv')!).data;
    expect(devices.every((d) => d.status === 'planned' && c.DeviceFaceChoices.includes(d.face!))).toBe(true);
    const cables = parseCsv(byPath.get('07-cables.csv')!).data;
    for (const cab of cables) {
      expect(cab.status).toBe('planned');
      expect(c.LinkStatusChoices).toContain(cab.status);
      expect(c.CableTypeChoices).toContain(cab.type);
      expect(c.CableLengthUnitChoices).toContain(cab.length_unit);
      expect(cab.side_a_type).toBe('dcim.interface');
    }
  });

  it('device types are devicetype-library YAML with interface templates, one document per type', () => {
    const lib = fixture.deviceTypeLibrary;
    const docs = parseAllDocuments(byPath.get('02-device-types.yaml')!).map((d) => d.toJS() as Record<string, unknown>);
    expect(docs).toHaveLength(sampleNetbox.deviceTypes.length);
    for (const d of docs) {
      for (const k of Object.keys(d)) expect(lib.properties).toContain(k);
      for (const r of lib.required) expect(d).toHaveProperty(r);
      expect(String(d.slug)).toMatch(new RegExp(lib.slugPattern));
      for (const i of d.interfaces as Record<string, unknown>[]) {
        for (const k of Object.keys(i)) expect(lib.interface.properties).toContain(k);
        expect(fixture.choices.InterfaceTypeChoicesUsed).toContain(i.type);
      }
      expect(lib.weightUnits).toContain(d.weight_unit);
    }
    expect(byPath.has('device-types/nvidia/nvidia-gb200-nvl72-compute-tray.yaml')).toBe(true);
  });

  it('files come in the documented import order, with a README', () => {
    const numbered = files.map((f) => f.path).filter((p) => /^\d\d-/.test(p));
    expect(numbered).toEqual(NETBOX_IMPORT_ORDER.map((s) => s.file));
    expect(byPath.get('README.txt')).toContain('01-manufacturers.csv');
  });

  it('slugs', () => {
    expect(netboxSlug('Mount Pleasant, WI')).toBe('mount-pleasant-wi');
    expect(netboxSlug('Ünïcödé  GB200 — NVL72')).toBe('unicode-gb200-nvl72');
    expect(netboxSlug('!!!')).toBe('unnamed');
  });
});

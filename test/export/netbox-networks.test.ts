/**
 * NetBox follows every network of the cable schedule (issue 13, item 5): the front-end, storage and out-of-band
 * switches are devices, every cables.csv row is a NetBox cable with the same device and port names in the same
 * order, every cable end is an interface of an existing device in the rack cables.csv gives it, and the byte writer
 * of 07-cables.csv writes exactly the cells of their definition (netboxCableCells through csvLine).
 * A cables.csv name is unique within its (site, cluster); its NetBox name is `<cluster>-<name>` at the NetBox site
 * of that site (NetBox 4 keeps device names unique per site, so the same name at two sites is two devices).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { planCableRows, planClusters, type PlanCableRow } from '../../src/export/plan-cables';
import { planNetboxModel } from '../../src/export/plan-netbox';
import { CABLE_ID_DIGITS, cableIdText } from '../../src/core/fabric/cabling';
import { NETBOX_COLUMNS, NETBOX_MAX_LENGTH, NetboxCsvWriter, fileText, netboxCableCells, netboxDeviceCells, netboxDeviceChunks, netboxFiles, type NbCable, type NbDevice } from '../../src/export/netbox';
import { csvLine } from '../../src/export/csv';
import { scheduleLinks } from '../../src/core/fabric/network-schedule';

/** A plan whose final quarter has GB300 NVL72 (front-end and out-of-band) and DGX B200 (storage and out-of-band) at two sites. */
function bundle(network?: Record<string, unknown>, deployments?: Record<string, unknown>[]) {
  const small = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Record<string, unknown>;
  const plan = {
    ...small,
    orders: [],
    ...(network ? { network } : {}),
    deployments: deployments ?? [
      { site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 6 },
      { site: 'houston-tx', generation: 'dgx-b200', quarter: '2026-Q2', units: 5 },
      { site: 'lordstown-oh', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 3 },
    ],
  };
  const imported = importPlan(JSON.stringify(plan));
  if (!imported.ok) throw new Error(imported.error.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return planBundle(imported.value.value);
}

/** The NetBox name of a cables.csv name of row `r`. */
const nb = (r: PlanCableRow, name: string) => `${r.cluster}-${name}`;

/** The NetBox site name of each plan site id, from 04-sites.csv (its slug is the site id). */
function siteNames(sites: Record<string, string>[]): Map<string, string> {
  return new Map(sites.map((s) => [s.slug!, s.name!]));
}

describe('NetBox carries every network of the plan’s cable schedule', () => {
  const b = bundle();
  const clusters = planClusters(b);
  const files = new Map(netboxFiles(planNetboxModel(b, clusters)).map((f) => [f.path, fileText(f)]));
  const csv = (path: string) => {
    const r = Papa.parse<Record<string, string>>(files.get(path)!, { header: true, skipEmptyLines: true });
    expect(r.errors).toEqual([]);
    return r.data;
  };
  const devices = csv('06-devices.csv');
  const cables = csv('07-cables.csv');
  const racks = csv('05-racks.csv');
  const schedule = [...planCableRows(b, clusters)];

  it('the plan has every network (so the checks below are not vacuous)', () => {
    expect(clusters.length).toBe(3);
    const networks = new Set(schedule.map((r) => r.network));
    expect([...networks].sort()).toEqual(['compute', 'frontend', 'oob', 'storage']);
  });

  it('every network’s switches are devices, as many as the network’s sizing counts', () => {
    const site = siteNames(csv('04-sites.csv'));
    for (const c of clusters) {
      const e = c.otherNetworks!;
      // Names are unique per NetBox site: the cluster's devices are those of its site under its prefix.
      const names = new Set(devices.filter((d) => d.site === site.get(c.siteId)).map((d) => d.name));
      const count = (re: RegExp) => [...names].filter((n): n is string => n !== undefined && n.startsWith(c.clusterPrefix) && re.test(n.slice(c.clusterPrefix.length))).length;
      expect(count(/^(leaf|spine|core)-/), `${c.prefix} compute`).toBe(c.fabric.switches.total);
      expect(count(/^fe-(leaf|spine|core)-/), `${c.prefix} front-end`).toBe(e.frontEnd && e.frontEnd.fabric.tiers > 0 ? e.frontEnd.fabric.switches.total : 0);
      expect(count(/^st-(leaf|spine|core)-/), `${c.prefix} storage`).toBe(e.storage && e.storage.fabric.tiers > 0 ? e.storage.fabric.switches.total : 0);
      expect(count(/^oob-(?!agg)/), `${c.prefix} oob access`).toBe(e.oob!.accessSwitches);
      expect(count(/^oob-agg-/), `${c.prefix} oob aggregation`).toBe(e.oob!.aggregationSwitches);
    }
    expect(devices.some((d) => d.role === 'Front-end switch')).toBe(true);
    expect(devices.some((d) => d.role === 'Storage switch')).toBe(true);
  });

  it('one cable per cables.csv row, per network as many as the network’s links, with the same names and ports in the same order', () => {
    expect(cables.length).toBe(schedule.length);
    const perNetwork: Record<string, number> = {};
    schedule.forEach((r, i) => {
      const c = cables[i]!;
      perNetwork[r.network] = (perNetwork[r.network] ?? 0) + 1;
      expect([c.side_a_device, c.side_a_name, c.side_b_device, c.side_b_name, c.label], r.cableId).toEqual([nb(r, r.aDevice), r.aPort, nb(r, r.bDevice), r.bPort, nb(r, r.cableId)]);
    });
    const links = { compute: 0, frontend: 0, storage: 0, oob: 0 };
    for (const c of clusters) {
      if (!c.otherNetworks) continue;
      const l = scheduleLinks(c.otherNetworks);
      for (const n of ['compute', 'frontend', 'storage', 'oob'] as const) links[n] += l[n];
    }
    expect(perNetwork).toEqual(Object.fromEntries(Object.entries(links).filter(([, v]) => v > 0)));
  });

  it('every cable end is an interface of an existing device, standing in the rack cables.csv gives that end', () => {
    const types = parseAllDocuments(files.get('02-device-types.yaml')!).map((d) => d.toJSON() as { manufacturer: string; model: string; interfaces?: { name: string }[] });
    const typeByModel = new Map(types.map((t) => [`${t.manufacturer}\u0000${t.model}`, new Set((t.interfaces ?? []).map((i) => i.name))]));
    // Racks and devices are unique per NetBox site (NetBox 4: a rack's name per site, a device's per site).
    const rackNames = new Set(racks.map((r) => `${r.site}\u0000${r.name}`));
    expect(rackNames.size).toBe(racks.length);
    const device = new Map<string, { rack: string; ports: Set<string> }>();
    for (const d of devices) {
      expect(rackNames.has(`${d.site}\u0000${d.rack}`), `${d.name} in ${d.rack}`).toBe(true);
      const key = `${d.site}\u0000${d.name}`;
      expect(device.has(key), `${d.name} twice at ${d.site}`).toBe(false);
      device.set(key, { rack: d.rack!, ports: typeByModel.get(`${d.manufacturer}\u0000${d.device_type}`)! });
    }
    // The same names at two sites: the check above would be vacuous without it.
    expect(new Set(devices.map((d) => d.name)).size).toBeLessThan(devices.length);
    const site = siteNames(csv('04-sites.csv'));
    const used = new Set<string>();
    for (const r of schedule) {
      for (const [rack, dev, port] of [[r.aRack, r.aDevice, r.aPort], [r.bRack, r.bDevice, r.bPort]] as const) {
        const key = `${site.get(r.site)}\u0000${nb(r, dev)}`;
        const d = device.get(key);
        expect(d, `${r.cableId}: ${dev}`).toBeDefined();
        expect(d!.ports.has(port), `${r.cableId}: ${dev}:${port}`).toBe(true);
        expect(d!.rack, `${r.cableId}: ${dev}`).toBe(nb(r, rack));
        expect(used.has(`${key}:${port}`), `${dev}:${port} cabled twice`).toBe(false);
        used.add(`${key}:${port}`);
      }
    }
  });

  it('names fit NetBox’s limits; out-of-band devices without a slot have neither position nor face', () => {
    for (const d of devices) {
      expect(d.name!.length).toBeLessThanOrEqual(NETBOX_MAX_LENGTH.deviceName);
      if (!d.position) expect(d.face, d.name).toBe('');
    }
    expect(devices.some((d) => /-bmc\d+$/.test(d.name!) && d.position === '')).toBe(true);
  });

  it('the compute rows are written as before the other networks were added (cables of the compute fabric first, per cluster)', () => {
    // Compute cables of the first cluster: its first fabric.links.total rows are all compute rows.
    const first = clusters[0]!;
    for (let i = 0; i < first.fabric.links.total; i++) expect(schedule[i]!.network).toBe('compute');
    expect(schedule[first.fabric.links.total]!.network).not.toBe('compute');
  });
});

describe('a split cluster (16-port switches: three tiers cannot reach every node)', () => {
  it('every cable end is an interface of a device in the rack cables.csv gives it; names match cables.csv row by row', () => {
    const b = bundle({ switchRadix: 16, switchPortGbps: 800, switchW: 1000 }, [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 40 }]);
    const clusters = planClusters(b);
    expect(clusters.length).toBeGreaterThan(1);
    expect(clusters[1]!.prefix).toMatch(/-f2-$/);
    const files = new Map(netboxFiles(planNetboxModel(b, clusters)).map((f) => [f.path, fileText(f)]));
    const parse = (path: string) => Papa.parse<Record<string, string>>(files.get(path)!, { header: true, skipEmptyLines: true }).data;
    const types = parseAllDocuments(files.get('02-device-types.yaml')!).map((d) => d.toJSON() as { manufacturer: string; model: string; interfaces?: { name: string }[] });
    const ports = new Map(types.map((t) => [`${t.manufacturer}\u0000${t.model}`, new Set((t.interfaces ?? []).map((i) => i.name))]));
    const racks = new Set(parse('05-racks.csv').map((r) => r.name));
    const device = new Map(parse('06-devices.csv').map((d) => [d.name!, { rack: d.rack!, ports: ports.get(`${d.manufacturer}\u0000${d.device_type}`)! }]));
    for (const d of device.values()) expect(racks.has(d.rack)).toBe(true);
    const cables = parse('07-cables.csv');
    const schedule = [...planCableRows(b, clusters)];
    expect(cables.length).toBe(schedule.length);
    expect(new Set(schedule.map((r) => r.network)).size).toBeGreaterThan(1);
    // cables.csv: one cluster, its second fabric's compute names start with f2- (as its other networks name them).
    expect(new Set(schedule.map((r) => r.cluster))).toEqual(new Set(['gb300-nvl72']));
    expect(new Set(schedule.map((r) => `${r.site}/${r.cluster}/${r.cableId}`)).size).toBe(schedule.length);
    expect(schedule.some((r) => r.network === 'compute' && r.cableId.startsWith('f2-C') && r.aDevice.startsWith('f2-node') && r.label.startsWith('f2-node'))).toBe(true);
    expect(schedule.some((r) => r.network === 'oob' && r.aRack.startsWith('f2-C'))).toBe(true);
    schedule.forEach((r, i) => {
      expect([cables[i]!.side_a_device, cables[i]!.side_a_name, cables[i]!.side_b_device, cables[i]!.side_b_name]).toEqual([nb(r, r.aDevice), r.aPort, nb(r, r.bDevice), r.bPort]);
      for (const [rack, dev, port] of [[r.aRack, r.aDevice, r.aPort], [r.bRack, r.bDevice, r.bPort]] as const) {
        const d = device.get(nb(r, dev));
        expect(d, `${r.cableId}: ${dev}`).toBeDefined();
        expect(d!.ports.has(port), `${r.cableId}: ${dev}:${port}`).toBe(true);
        expect(d!.rack, `${r.cableId}: ${dev}`).toBe(nb(r, rack));
      }
    });
  });
});

describe('07-cables.csv and 06-devices.csv byte writer', () => {
  const hostile = fc.oneof(fc.constantFrom('', ' ', ',', '"', '=', '-', '+', '@', '\t', '\r\n', '\u0000', '\u001b', 'é', '𝄞', 'a'.repeat(70)), fc.string({ maxLength: 10 }));
  const text = fc.array(hostile, { maxLength: 5 }).map((p) => p.join(''));
  const plain = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._:-]{0,30}$/);
  const cell = fc.oneof(plain, plain, text);
  const cable = fc.record({
    prefix: fc.oneof(fc.constant(''), plain, text),
    cableId: cell,
    tier: fc.oneof(fc.constantFrom('node-leaf', 'leaf-spine', 'device-access'), text),
    aDevice: cell,
    aPort: cell,
    bDevice: cell,
    bPort: cell,
    type: fc.oneof(fc.constantFrom('smf', 'mmf', 'dac-passive', 'cat6', ''), text),
    partNumber: cell,
    aTransceiver: fc.oneof(fc.constant(''), cell),
    bTransceiver: fc.oneof(fc.constant(''), cell),
    lengthM: fc.oneof(fc.constantFrom(0.5, 1, 2.5, 7, 30, 110), fc.double({ min: 0, max: 1000, noNaN: true })),
  });
  const reference = (x: { prefix: string; cableId: string; tier: string; aDevice: string; aPort: string; bDevice: string; bPort: string; type: string; partNumber: string; aTransceiver: string; bTransceiver: string; lengthM: number }): string => {
    const nb: NbCable = { cableId: x.prefix + x.cableId, tier: x.tier, aDevice: x.prefix + x.aDevice, aPort: x.aPort, bDevice: x.prefix + x.bDevice, bPort: x.bPort, type: x.type, partNumber: x.partNumber, aTransceiver: x.aTransceiver, bTransceiver: x.bTransceiver, lengthM: x.lengthM, label: x.prefix + x.cableId };
    return csvLine(netboxCableCells(nb));
  };

  it('writes what netboxCableCells and csvLine write, for hostile and plain names, prefixes and lengths (rows of one prefix in a run)', () => {
    fc.assert(
      fc.property(fc.array(cable, { minLength: 1, maxLength: 8 }), fc.integer({ min: 16, max: 4096 }), (drawn, chunk) => {
        // Runs of one device under one prefix (the writer reuses its cell), the same device under another prefix,
        // and back under the first prefix with another side A (side-B cells are kept per name under one prefix).
        const rows = drawn.flatMap((x) => [x, { ...x, bPort: `${x.bPort}2` }, { ...x, prefix: `${x.prefix}z` }, { ...x, aDevice: `${x.aDevice}3`, lengthM: x.lengthM + 1 }]);
        const w = new NetboxCsvWriter(chunk);
        const parts: Uint8Array[] = [];
        w.header(NETBOX_COLUMNS.cables);
        for (const x of rows) {
          w.cable(x.prefix, x.cableId, x.tier, x.aDevice, x.aPort, x.bDevice, x.bPort, x.type, x.partNumber, x.aTransceiver, x.bTransceiver, x.lengthM);
          if (w.full) parts.push(w.take());
        }
        if (w.size) parts.push(w.take());
        const dec = new TextDecoder();
        const got = parts.map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
        expect(got).toBe(csvLine([...NETBOX_COLUMNS.cables]) + rows.map(reference).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('a label written from a cable number (numberedCable) is what cable() writes for the id cableIdText makes', () => {
    const idPrefix = fc.oneof(fc.constantFrom('C', 'FE-C', 'OOB-C', 'f2-C', '', '=C', ' C', 'C,'), text);
    const idNumber = fc.oneof(fc.constantFrom(0, 1, 9_999_999, 10_000_000, 123_456_789), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cable, idPrefix, idNumber), { minLength: 1, maxLength: 8 }), fc.integer({ min: 16, max: 4096 }), (drawn, chunk) => {
        // Each drawn cable twice (its run repeats the cells the writer keeps), the second with the next number.
        const rows = drawn.flatMap(([x, idp, n]) => [{ ...x, idp, n }, { ...x, idp, n: n + 1 }]);
        const w = new NetboxCsvWriter(chunk);
        const parts: Uint8Array[] = [];
        for (const x of rows) {
          w.numberedCable(x.prefix, x.idp, x.n, CABLE_ID_DIGITS, x.tier, x.aDevice, x.aPort, x.bDevice, x.bPort, x.type, x.partNumber, x.aTransceiver, x.bTransceiver, x.lengthM);
          if (w.full) parts.push(w.take());
        }
        if (w.size) parts.push(w.take());
        const dec = new TextDecoder();
        const got = parts.map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
        expect(got).toBe(rows.map((x) => reference({ ...x, cableId: cableIdText(x.idp, x.n) })).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  const device = fc.record(
    {
      name: cell,
      role: fc.oneof(fc.constantFrom('Compute', 'Management port'), text),
      manufacturer: fc.oneof(fc.constantFrom('NVIDIA', 'Generic'), text),
      deviceType: cell,
      site: fc.oneof(fc.constantFrom('Houston, Texas (plant)', 'Lordstown'), text),
      rack: cell,
      position: fc.integer({ min: 1, max: 52 }),
      face: fc.constantFrom('front' as const, 'rear' as const),
      description: text,
    },
    { requiredKeys: ['name', 'role', 'manufacturer', 'deviceType', 'site', 'rack'] },
  );

  it('devices: writes what netboxDeviceCells and csvLine write, with and without a slot or a description', () => {
    fc.assert(
      fc.property(fc.array(device, { minLength: 1, maxLength: 8 }), (drawn) => {
        const dec = new TextDecoder();
        // Devices of one rack and kind come in runs (the writer reuses those cells): each drawn device twice more.
        const rows = drawn.flatMap((d) => [d, { ...d, name: `${d.name}2` }, { ...d, position: undefined }]);
        const got = [...netboxDeviceChunks(rows as NbDevice[])].map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
        expect(got).toBe(csvLine([...NETBOX_COLUMNS.devices]) + rows.map((d) => csvLine(netboxDeviceCells(d as NbDevice).map((c) => c ?? null))).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('devices from blocks (numberedDevice, deviceRow) are what device() writes for the same name and cells', () => {
    const head = fc.oneof(fc.constantFrom('', 'gb300-nvl72-node', 'gb300-nvl72-C12-u', '=x', ' n', 'a,'), cell, fc.constant('h'.repeat(60)));
    const n = fc.oneof(fc.constantFrom(0, 1, 9, 10, 99_999, 2 ** 31, 2 ** 53), fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom(1.5, -1));
    fc.assert(
      fc.property(fc.array(fc.tuple(device, head, n, fc.boolean()), { minLength: 1, maxLength: 8 }), fc.integer({ min: 16, max: 4096 }), (drawn, chunk) => {
        const rows = drawn.map(([d, h, k, numbered]) => ({ ...d, description: undefined, name: numbered ? h + String(k) : d.name, h, k, numbered }));
        const w = new NetboxCsvWriter(chunk);
        const parts: Uint8Array[] = [];
        for (const x of rows) {
          const kind = w.deviceKindCells(x.role, x.manufacturer, x.deviceType, x.site);
          const rackCell = w.deviceRackCell(x.rack);
          if (x.numbered) w.numberedDevice(x.h, x.k, kind, rackCell, x.position, x.face);
          else w.deviceRow(x.name, kind, rackCell, x.position, x.face);
          if (w.full) parts.push(w.take());
        }
        if (w.size) parts.push(w.take());
        const dec = new TextDecoder();
        const got = parts.map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
        expect(got).toBe(rows.map((d) => csvLine(netboxDeviceCells(d as NbDevice).map((c) => c ?? null))).join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('a plan’s 06-devices.csv from its layouts (deviceChunks) is the file of its device objects, byte for byte', () => {
    for (const b of [bundle(), bundle({ switchRadix: 16, switchPortGbps: 800, switchW: 1000 }, [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 40 }])]) {
      const model = planNetboxModel(b);
      const dec = new TextDecoder();
      const fromBlocks = [...model.deviceChunks!(true)].map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
      const fromObjects = [...netboxDeviceChunks(model.devices)].map((p) => dec.decode(p, { stream: true })).join('') + dec.decode();
      expect(fromBlocks.split('\r\n').length).toBeGreaterThan(100);
      expect(fromBlocks).toBe(fromObjects);
    }
  });
});

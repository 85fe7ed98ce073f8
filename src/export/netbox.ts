/**
 * NetBox import files, pinned to NetBox {@link NETBOX_VERSION}: CSV for the bulk-import forms and YAML in the
 * netbox-community/devicetype-library format for device types (with interface templates). Files are numbered
 * in the order NetBox needs them (each refers to objects the earlier ones create):
 *
 *   01-manufacturers.csv → 02-device-types.yaml (and device-types/<manufacturer>/<model>.yaml)
 *   → 03-device-roles.csv → 04-sites.csv → 05-racks.csv → 06-devices.csv → 07-cables.csv
 *
 * Devices, racks and cables are written with status `planned`. Column names are checked in tests against the
 * release's import-form fields (test/fixtures/export/netbox-4.2-import-fields.json, taken from NETBOX_RELEASE).
 *
 * Every name is fitted to NetBox's field lengths ({@link NETBOX_MAX_LENGTH}) when the files are written, by one
 * deterministic function ({@link fitName}), so a long name becomes the same short name in every file and every
 * reference still resolves; control characters are removed from every cell. Pure.
 * @module
 */
import { ByteChunks, isCopyableCsvChar, isFormulaTrigger, isPaddableInteger, paddedIntegerLength, writePaddedInteger } from './byte-chunks';
import { stringify } from 'yaml';
import { CsvBytesWriter, csvField } from './csv';
import { cleanName, stripControlChars } from '../io/control-chars';

export const NETBOX_VERSION = '4.2';
/** The release whose import forms and model field lengths the export was checked against. */
export const NETBOX_RELEASE = 'v4.2.9';

/**
 * Field lengths of NetBox {@link NETBOX_RELEASE} (`max_length` in netbox/dcim/models and netbox/netbox/models):
 * Site.name and slug 100 (name unique), Rack.name 100, Device.name 64 (unique per site, case-insensitive),
 * DeviceType.model 100, Manufacturer and DeviceRole name 100, Cable.label 100, Interface.name 64, descriptions 200.
 */
export const NETBOX_MAX_LENGTH = {
  siteName: 100,
  slug: 100,
  rackName: 100,
  deviceName: 64,
  model: 100,
  organizationName: 100,
  cableLabel: 100,
  interfaceName: 64,
  description: 200,
} as const;

/** 32-bit FNV-1a of a string as 6 hex digits (the stable suffix of a fitted name). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * A name that fits `max` characters: control characters removed; unchanged when it then fits, otherwise cut and
 * ended with `~` and a hash of the whole name. The same name always gives the same result (references across
 * files still match) and two long names with the same beginning stay different.
 * @example fitName('a'.repeat(70), 64) // 'aaaa…a~1b2c3d' (64 characters)
 */
export function fitName(name: string, max: number): string {
  // Common case first (millions of device and port names in a cable file): printable ASCII, no edge spaces, short
  // enough. cleanName and trim leave such a name as it is, and its length is its character count.
  if (name.length <= max && isPlainAscii(name) && name.charCodeAt(0) !== 0x20 && name.charCodeAt(name.length - 1) !== 0x20) return name;
  const clean = cleanName(name).trim();
  // UTF-16 length bounds the character count: only a long text needs counting by code point.
  if (clean.length <= max || [...clean].length <= max) return clean;
  const suffix = `~${shortHash(clean)}`;
  return [...clean].slice(0, max - suffix.length).join('').trimEnd() + suffix;
}

/** Free text (descriptions, comments): control characters removed (tab and newline kept), at most `max`. */
function fitText(text: string | undefined, max?: number): string | undefined {
  if (text === undefined) return undefined;
  const clean = isPlainAscii(text) ? text : stripControlChars(text);
  return max === undefined || clean.length <= max ? clean : [...clean].slice(0, max).join('');
}

/** Only U+0020–U+007E: nothing for cleanName or stripControlChars to change (empty text included). */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Site names NetBox accepts: fitted to 100 characters and unique (case-insensitive). A site whose name is
 * already taken gets its id appended. Returns the name for each id, in the order given.
 */
export function uniqueSiteNames(sites: readonly { readonly id: string; readonly name: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const s of sites) {
    let name = fitName(s.name, NETBOX_MAX_LENGTH.siteName);
    if (!name || taken.has(name.toLowerCase())) name = fitName(`${cleanName(s.name).trim()} (${s.id})`, NETBOX_MAX_LENGTH.siteName);
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = fitName(`${cleanName(s.name).trim()} (${s.id} ${k})`, NETBOX_MAX_LENGTH.siteName);
    taken.add(name.toLowerCase());
    out.set(s.id, name);
  }
  return out;
}

export interface NbManufacturer {
  readonly name: string;
  readonly slug: string;
  readonly description?: string;
}

export interface NbInterfaceTemplate {
  readonly name: string;
  /** NetBox interface type (`800gbase-x-osfp`, `infiniband-ndr`, `1000base-t`, `other`). */
  readonly type: string;
  readonly mgmtOnly?: boolean;
  readonly description?: string;
}

export interface NbDeviceType {
  readonly manufacturer: string;
  readonly model: string;
  readonly slug: string;
  readonly partNumber?: string;
  /** Rack units; 0.5 steps allowed. */
  readonly uHeight: number;
  readonly isFullDepth: boolean;
  readonly weightKg?: number;
  readonly airflow?: 'front-to-rear' | 'rear-to-front' | 'passive' | 'mixed';
  readonly interfaces: readonly NbInterfaceTemplate[];
  readonly comments?: string;
}

export interface NbDeviceRole {
  readonly name: string;
  readonly slug: string;
  /** 6 hex digits, no `#`. */
  readonly color: string;
  readonly description?: string;
}

export interface NbSite {
  readonly name: string;
  readonly slug: string;
  readonly description?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly timeZone?: string;
  readonly comments?: string;
}

export interface NbRack {
  readonly site: string;
  readonly name: string;
  /** Rail-to-rail width in inches (19, 21, 23, 10). */
  readonly width: 19 | 21 | 23 | 10;
  readonly uHeight: number;
  readonly weightKg?: number;
  readonly description?: string;
}

/**
 * NetBox rack width (rail-to-rail inches) for a catalog rack form factor: Open Rack (OCP ORv3, and NVIDIA MGX, which
 * is built on ORv3) has a 21-inch equipment bay (OCP Open Rack V3 base specification, "Open Rack/21"; NetBox's
 * `RackWidthChoices` has 21 for it); every other frame in the catalog is an EIA-310 19-inch rack.
 */
export function netboxRackWidth(formFactor: string): NbRack['width'] {
  return /\b(ORv3|Open ?Rack|MGX)\b/i.test(formFactor) ? 21 : 19;
}

export interface NbDevice {
  readonly name: string;
  readonly role: string;
  readonly manufacturer: string;
  readonly deviceType: string;
  readonly site: string;
  readonly rack: string;
  /** Lowest U the device occupies; absent when the layout gives the device a rack but no slot (it is then unracked in that rack). */
  readonly position?: number;
  readonly face?: 'front' | 'rear';
  readonly description?: string;
}

/** One cable in the cable-schedule shape (issue 3's CSV header), mapped to NetBox's cable import columns. */
export interface NbCable {
  readonly cableId: string;
  readonly tier: string;
  readonly aDevice: string;
  readonly aPort: string;
  readonly bDevice: string;
  readonly bPort: string;
  /** NetBox cable type (`dac-passive`, `aoc`, `mmf`, `smf`, `cat6`, …). */
  readonly type: string;
  /** The cable's own part (the fiber of an optical link); the modules at its ends go in the description. */
  readonly partNumber: string;
  readonly aTransceiver?: string;
  readonly bTransceiver?: string;
  readonly lengthM: number;
  readonly label: string;
}

export interface NetboxModel {
  readonly manufacturers: readonly NbManufacturer[];
  readonly deviceTypes: readonly NbDeviceType[];
  readonly deviceRoles: readonly NbDeviceRole[];
  readonly sites: readonly NbSite[];
  readonly racks: readonly NbRack[];
  /** Read once; a generator is fine (a large plan has hundreds of thousands). */
  readonly devices: Iterable<NbDevice>;
  /** Read once; a generator is fine (a large plan has millions). */
  readonly cables: Iterable<NbCable>;
  /**
   * The cables file's rows as bytes, when the model writes them faster than from {@link cables} (the same bytes:
   * a plan writes its schedule rows straight through a {@link NetboxCableWriter}).
   */
  readonly cableChunks?: (header: boolean) => Iterable<Uint8Array>;
  /** The devices file's rows as bytes, when the model writes them faster than from {@link devices} (the same bytes). */
  readonly deviceChunks?: (header: boolean) => Iterable<Uint8Array>;
  /** Lines for the README (what was left out and why). */
  readonly notes?: readonly string[];
}

export interface NetboxFile {
  readonly path: string;
  /** The file's text in pieces: strings, or UTF-8 bytes for the CSV files (large files are never one string). */
  readonly chunks: () => Iterable<string | Uint8Array>;
}

/** Column headers of each CSV, in the order written. Every name is a field of the pinned version's import form. */
export const NETBOX_COLUMNS = {
  manufacturers: ['name', 'slug', 'description'],
  deviceRoles: ['name', 'slug', 'color', 'description'],
  sites: ['name', 'slug', 'status', 'time_zone', 'latitude', 'longitude', 'description', 'comments'],
  racks: ['site', 'name', 'status', 'width', 'u_height', 'weight', 'weight_unit', 'description'],
  devices: ['name', 'role', 'manufacturer', 'device_type', 'status', 'site', 'rack', 'position', 'face', 'description'],
  cables: ['side_a_device', 'side_a_type', 'side_a_name', 'side_b_device', 'side_b_type', 'side_b_name', 'type', 'status', 'label', 'length', 'length_unit', 'description'],
} as const;

/** The import order, as documented in docs/exports.md. */
export const NETBOX_IMPORT_ORDER = [
  { file: '01-manufacturers.csv', page: 'Devices → Manufacturers → Import' },
  { file: '02-device-types.yaml', page: 'Devices → Device Types → Import (YAML)' },
  { file: '03-device-roles.csv', page: 'Devices → Device Roles → Import' },
  { file: '04-sites.csv', page: 'Organization → Sites → Import' },
  { file: '05-racks.csv', page: 'Racks → Racks → Import' },
  { file: '06-devices.csv', page: 'Devices → Devices → Import' },
  { file: '07-cables.csv', page: 'Connections → Cables → Import' },
] as const;

const SLUG = /^[-a-z0-9_]+$/;

/** NetBox slug from any name: lower-case, a-z 0-9 and hyphens, at most 100 characters. */
export function netboxSlug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return s || 'unnamed';
}

/** CSV text in batches of lines, never one string for the whole file. */
/** The cables file: one row per cable of the schedule. */
export const NETBOX_CABLES_FILE = '07-cables.csv';

function* csvChunks(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): Generator<Uint8Array> {
  // Bytes straight from the cells (src/export/csv.ts CsvBytesWriter): the same text as csvLine, without a line
  // string per row; the cables file has millions of rows.
  const w = new CsvBytesWriter();
  w.row(header);
  for (const r of rows) {
    w.row(r);
    if (w.full) yield w.take();
  }
  if (w.size) yield w.take();
}

function fileOf(path: string, make: () => Iterable<string | Uint8Array>): NetboxFile {
  return { path, chunks: make };
}

function text(path: string, t: string): NetboxFile {
  return { path, chunks: () => [t] };
}

/** One device type in the devicetype-library YAML layout (field order as in the library's files). */
export function deviceTypeDocument(t: NbDeviceType): Record<string, unknown> {
  if (!SLUG.test(t.slug)) throw new Error(`netbox: device type slug ${JSON.stringify(t.slug)} does not match ${SLUG}`);
  const doc: Record<string, unknown> = {
    manufacturer: fitName(t.manufacturer, NETBOX_MAX_LENGTH.organizationName),
    model: fitName(t.model, NETBOX_MAX_LENGTH.model),
    slug: t.slug,
  };
  if (t.partNumber) doc.part_number = t.partNumber;
  doc.u_height = Math.round(t.uHeight * 2) / 2;
  doc.is_full_depth = t.isFullDepth;
  if (t.airflow) doc.airflow = t.airflow;
  if (t.weightKg !== undefined) {
    doc.weight = Math.round(t.weightKg * 100) / 100;
    doc.weight_unit = 'kg';
  }
  if (t.comments) doc.comments = fitText(t.comments);
  if (t.interfaces.length) {
    doc.interfaces = t.interfaces.map((i) => ({
      name: fitName(i.name, NETBOX_MAX_LENGTH.interfaceName),
      type: i.type,
      ...(i.mgmtOnly ? { mgmt_only: true } : {}),
      ...(i.description ? { description: i.description } : {}),
    }));
  }
  return doc;
}

/** Build the NetBox file set (lazily: each file's rows are produced when its chunks are read). */
export function netboxFiles(model: NetboxModel): NetboxFile[] {
  const files: NetboxFile[] = [];
  const N = NETBOX_MAX_LENGTH;
  files.push(fileOf('01-manufacturers.csv', () => csvChunks(NETBOX_COLUMNS.manufacturers, model.manufacturers.map((m) => [fitName(m.name, N.organizationName), m.slug.slice(0, N.slug), fitText(m.description, N.description)]))));

  const yamlOpts = { lineWidth: 0 } as const;
  // Each type's YAML once: the combined file and the per-model files hold the same documents.
  const yamlDocs = model.deviceTypes.map((t) => `---\n${stringify(deviceTypeDocument(t), yamlOpts)}`);
  files.push(text('02-device-types.yaml', yamlDocs.join('')));
  model.deviceTypes.forEach((t, i) => {
    files.push(text(`device-types/${netboxSlug(t.manufacturer)}/${t.slug}.yaml`, yamlDocs[i]!));
  });

  files.push(fileOf('03-device-roles.csv', () => csvChunks(NETBOX_COLUMNS.deviceRoles, model.deviceRoles.map((r) => [fitName(r.name, N.organizationName), r.slug.slice(0, N.slug), r.color, fitText(r.description, N.description)]))));
  files.push(
    fileOf('04-sites.csv', () =>
      csvChunks(NETBOX_COLUMNS.sites, model.sites.map((s) => [fitName(s.name, N.siteName), s.slug.slice(0, N.slug), 'planned', s.timeZone, s.latitude === undefined ? null : round(s.latitude, 6), s.longitude === undefined ? null : round(s.longitude, 6), fitText(s.description, N.description), fitText(s.comments)])),
    ),
  );
  files.push(
    fileOf('05-racks.csv', () =>
      csvChunks(NETBOX_COLUMNS.racks, model.racks.map((r) => [fitName(r.site, N.siteName), fitName(r.name, N.rackName), 'planned', r.width, r.uHeight, r.weightKg === undefined ? null : round(r.weightKg, 2), r.weightKg === undefined ? null : 'kg', fitText(r.description, N.description)])),
    ),
  );
  files.push(fileOf('06-devices.csv', () => (model.deviceChunks ? model.deviceChunks(true) : netboxDeviceChunks(model.devices))));
  files.push(fileOf(NETBOX_CABLES_FILE, () => (model.cableChunks ? model.cableChunks(true) : netboxCableChunks(model.cables))));
  files.push(text('README.txt', readme(model)));
  return files;
}

/** A whole file as one string (tests and small files). */
export function fileText(f: NetboxFile): string {
  const dec = new TextDecoder();
  let out = '';
  for (const c of f.chunks()) out += typeof c === 'string' ? c : dec.decode(c, { stream: true });
  out += dec.decode();
  return out;
}

/** The cells of one device (06-devices.csv), in NETBOX_COLUMNS.devices order: the definition the byte writer is held to. */
export function netboxDeviceCells(d: NbDevice): (string | number | undefined)[] {
  const N = NETBOX_MAX_LENGTH;
  return [fitName(d.name, N.deviceName), fitName(d.role, N.organizationName), fitName(d.manufacturer, N.organizationName), fitName(d.deviceType, N.model), 'planned', fitName(d.site, N.siteName), fitName(d.rack, N.rackName), d.position, d.position === undefined ? undefined : d.face, fitText(d.description, N.description)];
}

/** 06-devices.csv as bytes (hundreds of thousands of rows): the cells of {@link netboxDeviceCells}. */
export function* netboxDeviceChunks(devices: Iterable<NbDevice>, header = true): Generator<Uint8Array> {
  const w = new NetboxCsvWriter();
  if (header) w.header(NETBOX_COLUMNS.devices);
  for (const d of devices) {
    w.device(d);
    if (w.full) yield w.take();
  }
  if (w.size) yield w.take();
}

/**
 * The cells of one cable as they were first written, through fitName, fitText and csvField (the definition the
 * byte writer is held to in tests; slow: strings per cell).
 */
export function netboxCableCells(c: NbCable): (string | number)[] {
  const N = NETBOX_MAX_LENGTH;
  return [
    fitName(c.aDevice, N.deviceName),
    'dcim.interface',
    fitName(c.aPort, N.interfaceName),
    fitName(c.bDevice, N.deviceName),
    'dcim.interface',
    fitName(c.bPort, N.interfaceName),
    c.type,
    'planned',
    fitName(c.label, N.cableLabel),
    round(c.lengthM, 2),
    'm',
    cableDescription(c.tier, c.partNumber, c.aTransceiver, c.bTransceiver),
  ];
}

/** 07-cables.csv written cell by cell (millions of rows): the cells of {@link netboxCableCells}, in NETBOX_COLUMNS.cables order. */
export function* netboxCableChunks(cables: Iterable<NbCable>, header = true): Generator<Uint8Array> {
  const w = new NetboxCsvWriter();
  if (header) w.header(NETBOX_COLUMNS.cables);
  for (const c of cables) {
    w.cable('', c.label, c.tier, c.aDevice, c.aPort, c.bDevice, c.bPort, c.type, c.partNumber, c.aTransceiver ?? '', c.bTransceiver ?? '', c.lengthM);
    if (w.full) yield w.take();
  }
  if (w.size) yield w.take();
}

const ENCODER = new TextEncoder();
const SPACE = 0x20;
const COMMA_BYTE = 0x2c;
const INTERFACE_CELL = ENCODER.encode('dcim.interface,');
const PLANNED_CELL = ENCODER.encode('planned,');
/** Position and face both empty (a device in its rack without a slot), with their commas. */
const NO_POSITION_CELLS = ENCODER.encode(',,');
/** Distinct names or ports a cache keeps before it starts again (a plan's switches and ports are far fewer). */
const CELL_CACHE_LIMIT = 1 << 16;

/** A device's role, manufacturer, type and site, and their cells with `planned` as one block. */
interface DeviceKind {
  readonly role: string;
  readonly manufacturer: string;
  readonly deviceType: string;
  readonly site: string;
  readonly bytes: Uint8Array;
}

/** Device kinds {@link NetboxCsvWriter} keeps blocks for (a compute rack has fewer kinds of device). */
const RECENT_KINDS = 16;

/** The cells one cable's description is made of, and the bytes of its length, unit and description cells per length. */
interface TailGroup {
  readonly tier: string;
  readonly partNumber: string;
  readonly aT: string;
  readonly bT: string;
  /** Length (metres) → `<length>,m,<description>` and the row's CRLF. */
  readonly byLength: Map<number, Uint8Array>;
  /** The last length looked up in this group and its bytes. */
  lastLengthM: number;
  lastBytes: Uint8Array | null;
}

/**
 * NetBox CSV rows straight into UTF-8 bytes, for the files with millions of rows (07-cables.csv, 06-devices.csv):
 * exactly the cells of {@link netboxCableCells} and {@link netboxDeviceCells} (fitted names, the description,
 * csvField quoting and neutralizing), without a string per cell. A cable row is the side-A device cell, the port
 * cells, the side-B device cell, the type, the label and the end of the row; all but the label repeat, so each is
 * made once (through the functions that define it) and copied as a block: a device's cell with its
 * `dcim.interface` cell once per name under a cluster prefix, each port's cell once, each type's, and the length,
 * unit and description cells once per (length, tier, part, modules). The label and a device's own name are
 * copied byte by byte in the pass that checks they fit unchanged (printable ASCII, no quote or comma, no edge
 * space, no formula trigger, within their length); anything else takes the general path.
 */
export class NetboxCsvWriter extends ByteChunks {
  #prefix = '';
  /** The prefix's bytes when names under it can be copied (it is copyable and starts with no space or trigger). */
  #prefixBytes: Uint8Array | null = new Uint8Array(0);
  readonly #types = new Map<string, Uint8Array>();
  #lastType: string | null = null;
  #lastTypeCell: Uint8Array | null = null;
  /** Side-B device cells with the `dcim.interface` cell after them, under the current prefix, by unprefixed name. */
  readonly #endCells = new Map<string, Uint8Array>();
  /** Port (interface name) cells with their comma, by port. */
  readonly #portCells = new Map<string, Uint8Array>();
  /** Side-B port cells joined to a type cell, per type cell (the same object for a type: {@link typeCell}). */
  readonly #portsByType = new Map<Uint8Array, Map<string, Uint8Array>>();
  #portsTypeCell: Uint8Array | null = null;
  #portsOfType = new Map<string, Uint8Array>();
  #tailGroup: TailGroup | null = null;
  readonly #tailGroups = new Map<string, TailGroup>();
  /** Encoded device cells (role, manufacturer, type, site), with their comma, per column and text. */
  readonly #deviceCells = [new Map<string, Uint8Array>(), new Map<string, Uint8Array>(), new Map<string, Uint8Array>(), new Map<string, Uint8Array>()];
  readonly #positions = new Map<number, Uint8Array>();
  readonly #faces = new Map<string, Uint8Array>();
  /** The last device's role, manufacturer, type and site, and their cells with `planned` as one block. */
  #lastKind: DeviceKind | null = null;
  readonly #recentKinds: DeviceKind[] = [];
  /** The last numbered device name's head and whether its characters can be copied ({@link numberedDevice}). */
  #numberedHead: string | null = null;
  #numberedHeadCopyable = false;
  /** The last device's rack and its cell (with the comma): a rack's devices come in a run. */
  #lastRack: string | null = null;
  #lastRackCell = new Uint8Array(0);
  /** The last numbered label's id prefix, whether its characters can be copied, and whether it may start a cell. */
  #idPrefix: string | null = null;
  #idPrefixCopyable = false;
  #idPrefixStartsPlain = false;
  /** The last cable's side-A device (under the current prefix) and its cell with the `dcim.interface` cell. */
  #lastADevice: string | null = null;
  /** The side-A cell's bytes (not a new array per device: every out-of-band row has its own device). */
  #lastACell = new Uint8Array(0);

  constructor(chunkBytes = 1 << 20) {
    super(chunkBytes, 8192);
  }

  header(columns: readonly string[]): void {
    const line = ENCODER.encode(`${columns.map((c) => csvField(c)).join(',')}\r\n`);
    this.room(line.length);
    this.#bytes(line);
  }

  /** One cable; names are `prefix + aDevice`, `prefix + bDevice` and `prefix + label`. */
  cable(prefix: string, label: string, tier: string, aDevice: string, aPort: string, bDevice: string, bPort: string, type: string, partNumber: string, aTransceiver: string, bTransceiver: string, lengthM: number): void {
    const tail = this.#startCable(prefix, label.length, tier, aDevice, aPort, bDevice, bPort, type, partNumber, aTransceiver, bTransceiver, lengthM);
    const pb = this.#prefixBytes;
    if (!pb || !this.#copyLabelAfterPrefix(prefix.length, label, NETBOX_MAX_LENGTH.cableLabel)) {
      if (pb) this.pos -= pb.length;
      this.#name(prefix, label, NETBOX_MAX_LENGTH.cableLabel);
    }
    this.#bytes(tail);
  }

  /**
   * {@link cable} with the label `idPrefix + String(idNumber).padStart(digits, '0')` (a cable id from its number,
   * src/core/fabric/cabling.ts `cableIdText`), written from the number without its string.
   */
  numberedCable(prefix: string, idPrefix: string, idNumber: number, digits: number, tier: string, aDevice: string, aPort: string, bDevice: string, bPort: string, type: string, partNumber: string, aTransceiver: string, bTransceiver: string, lengthM: number): void {
    const tail = this.#startCable(prefix, idPrefix.length + 16, tier, aDevice, aPort, bDevice, bPort, type, partNumber, aTransceiver, bTransceiver, lengthM);
    const pb = this.#prefixBytes;
    if (!pb || !this.#copyNumberedLabelAfterPrefix(prefix.length, idPrefix, idNumber, digits)) {
      if (pb) this.pos -= pb.length;
      this.#name(prefix, idPrefix + String(idNumber).padStart(digits, '0'), NETBOX_MAX_LENGTH.cableLabel);
    }
    this.#bytes(tail);
  }

  /**
   * A cable row up to its label: the side-A device and port, the side-B device, port, type and status cells, then
   * the prefix's bytes when names under it can be copied (the label's start). Returns the row's tail (length, unit,
   * description, CRLF) for after the label.
   */
  #startCable(prefix: string, labelLength: number, tier: string, aDevice: string, aPort: string, bDevice: string, bPort: string, type: string, partNumber: string, aTransceiver: string, bTransceiver: string, lengthM: number): Uint8Array {
    const N = NETBOX_MAX_LENGTH;
    if (prefix !== this.#prefix) this.#setPrefix(prefix);
    const typeCell = this.#typeCell(type);
    const tail = this.#tail(tier, partNumber, aTransceiver, bTransceiver, lengthM);
    // The longest a row can get on the general path: every name UTF-8 (3 bytes a unit) and quoted.
    this.room(6 * (3 * prefix.length + labelLength + aDevice.length + aPort.length + bDevice.length + bPort.length) + typeCell.length + tail.length + 256);
    // A node's or switch's cables come in a run (one per rail, one per uplink): its cell is copied from the last row's.
    if (aDevice === this.#lastADevice) this.#bytes(this.#lastACell);
    else {
      const at = this.pos;
      this.#name(prefix, aDevice, N.deviceName);
      this.#bytes(INTERFACE_CELL);
      // Copied into an array of its exact size (one set() per repeat), made again only when the size changes.
      const n = this.pos - at;
      if (n !== this.#lastACell.length) this.#lastACell = new Uint8Array(n);
      const cell = this.#lastACell;
      const buf = this.buf;
      for (let i = 0; i < n; i++) cell[i] = buf[at + i]!;
      this.#lastADevice = aDevice;
    }
    this.#bytes(this.#portCell(aPort));
    let b = this.#endCells.get(bDevice);
    if (b) this.#bytes(b);
    else {
      const at = this.pos;
      this.#name(prefix, bDevice, N.deviceName);
      this.#bytes(INTERFACE_CELL);
      b = this.buf.slice(at, this.pos);
      if (this.#endCells.size >= CELL_CACHE_LIMIT) this.#endCells.clear();
      this.#endCells.set(bDevice, b);
    }
    // The side-B port, type and status cells, and the label's prefix when it can be copied, as one block.
    this.#bytes(this.#portAndTypeCells(bPort, typeCell));
    return tail;
  }

  /**
   * The numbered label after its prefix's bytes (already written) and the comma, when `fitName(prefix + idPrefix +
   * digits)` and csvField leave it unchanged; false otherwise (nothing written). It ends in a digit, never a space.
   */
  #copyNumberedLabelAfterPrefix(prefixLength: number, idPrefix: string, n: number, digits: number): boolean {
    if (idPrefix !== this.#idPrefix) {
      this.#idPrefix = idPrefix;
      let ok = true;
      for (let i = 0; ok && i < idPrefix.length; i++) ok = isCopyableCsvChar(idPrefix.charCodeAt(i));
      this.#idPrefixCopyable = ok;
      this.#idPrefixStartsPlain = idPrefix.length === 0 || (idPrefix.charCodeAt(0) !== SPACE && !isFormulaTrigger(idPrefix.charCodeAt(0)));
    }
    if (!this.#idPrefixCopyable || !isPaddableInteger(n)) return false;
    if (prefixLength === 0 && !this.#idPrefixStartsPlain) return false;
    if (prefixLength + idPrefix.length + paddedIntegerLength(n, digits) > NETBOX_MAX_LENGTH.cableLabel) return false;
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < idPrefix.length; i++) buf[pos++] = idPrefix.charCodeAt(i);
    pos = writePaddedInteger(buf, pos, n, digits);
    buf[pos++] = COMMA_BYTE;
    this.pos = pos;
    return true;
  }

  /** One device: its name copied or fitted, its rack and repeated cells (role, manufacturer, type, site, face) encoded once. */
  device(d: NbDevice): void {
    const N = NETBOX_MAX_LENGTH;
    this.room(6 * (d.name.length + d.role.length + d.manufacturer.length + d.deviceType.length + d.site.length + d.rack.length + (d.description?.length ?? 0)) + 256);
    this.#name('', d.name, N.deviceName);
    let kind = this.#lastKind;
    if (!kind || kind.role !== d.role || kind.manufacturer !== d.manufacturer || kind.deviceType !== d.deviceType || kind.site !== d.site) kind = this.#lastKind = this.#kind(d);
    this.#bytes(kind.bytes);
    if (d.rack === this.#lastRack) this.#bytes(this.#lastRackCell);
    else {
      const at = this.pos;
      this.#name('', d.rack, N.rackName);
      this.#lastRackCell = this.buf.slice(at, this.pos);
      this.#lastRack = d.rack;
    }
    if (d.position === undefined) this.#bytes(NO_POSITION_CELLS);
    else {
      this.#bytes(this.#positionCell(d.position));
      if (d.face === undefined) this.buf[this.pos++] = COMMA_BYTE;
      else this.#bytes(this.#faceCell(d.face));
    }
    if (d.description !== undefined) this.#general(fitText(d.description, N.description)!, false);
    this.#crlf();
  }

  /**
   * The role, manufacturer, type, status and site cells of a device as one block ({@link device}'s bytes between
   * the name and the rack), for {@link deviceRow} and {@link numberedDevice}.
   */
  deviceKindCells(role: string, manufacturer: string, deviceType: string, site: string): Uint8Array {
    return this.#kind({ name: '', role, manufacturer, deviceType, site, rack: '' }).bytes;
  }

  /** A device's rack cell and its comma ({@link device}'s bytes for `rack`), for {@link deviceRow} and {@link numberedDevice}. */
  deviceRackCell(rack: string): Uint8Array {
    this.room(6 * rack.length + 16);
    const at = this.pos;
    this.#name('', rack, NETBOX_MAX_LENGTH.rackName);
    const cell = this.buf.slice(at, this.pos);
    this.pos = at;
    return cell;
  }

  /**
   * {@link device} for a device named `head + String(n)` (a rack's `<rack>-u<n>`, a cluster's `<prefix>node<n>`),
   * written from the number without the name's string; `kind` and `rackCell` from {@link deviceKindCells} and
   * {@link deviceRackCell}. No description.
   */
  numberedDevice(head: string, n: number, kind: Uint8Array, rackCell: Uint8Array, position: number | undefined, face: 'front' | 'rear' | undefined): void {
    this.room(6 * head.length + kind.length + rackCell.length + 64);
    if (!this.#copyNumberedName(head, n)) this.#name('', head + String(n), NETBOX_MAX_LENGTH.deviceName);
    this.#deviceTail(kind, rackCell, position, face);
  }

  /** {@link device} from a name and blocks made once ({@link deviceKindCells}, {@link deviceRackCell}); no description. */
  deviceRow(name: string, kind: Uint8Array, rackCell: Uint8Array, position: number | undefined, face: 'front' | 'rear' | undefined): void {
    this.room(6 * name.length + kind.length + rackCell.length + 64);
    this.#name('', name, NETBOX_MAX_LENGTH.deviceName);
    this.#deviceTail(kind, rackCell, position, face);
  }

  #deviceTail(kind: Uint8Array, rackCell: Uint8Array, position: number | undefined, face: 'front' | 'rear' | undefined): void {
    this.#bytes(kind);
    this.#bytes(rackCell);
    if (position === undefined) this.#bytes(NO_POSITION_CELLS);
    else {
      this.#bytes(this.#positionCell(position));
      if (face === undefined) this.buf[this.pos++] = COMMA_BYTE;
      else this.#bytes(this.#faceCell(face));
    }
    this.#crlf();
  }

  /**
   * The name `head + String(n)` and its comma when fitName and csvField leave it unchanged (the head's characters
   * copyable, it starts with no space or formula trigger, the whole within a device name's length); false
   * otherwise (nothing written). It ends in a digit, never a space.
   */
  #copyNumberedName(head: string, n: number): boolean {
    if (head !== this.#numberedHead) {
      this.#numberedHead = head;
      let ok = head.length === 0 || (head.charCodeAt(0) !== SPACE && !isFormulaTrigger(head.charCodeAt(0)));
      for (let i = 0; ok && i < head.length; i++) ok = isCopyableCsvChar(head.charCodeAt(i));
      this.#numberedHeadCopyable = ok;
    }
    if (!this.#numberedHeadCopyable || !isPaddableInteger(n)) return false;
    if (head.length + paddedIntegerLength(n, 1) > NETBOX_MAX_LENGTH.deviceName) return false;
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < head.length; i++) buf[pos++] = head.charCodeAt(i);
    pos = writePaddedInteger(buf, pos, n, 1);
    buf[pos++] = COMMA_BYTE;
    this.pos = pos;
    return true;
  }

  /**
   * The role, manufacturer, type, status and site cells of a device as one block: a rack's devices cycle through a
   * few kinds (trays, switches, shelves), so the last {@link RECENT_KINDS} blocks are kept and searched first.
   */
  #kind(d: NbDevice): DeviceKind {
    const N = NETBOX_MAX_LENGTH;
    const recent = this.#recentKinds;
    for (let i = 0; i < recent.length; i++) {
      const k = recent[i]!;
      if (k.role === d.role && k.manufacturer === d.manufacturer && k.deviceType === d.deviceType && k.site === d.site) return k;
    }
    const cells = [this.#deviceCell(0, d.role, N.organizationName), this.#deviceCell(1, d.manufacturer, N.organizationName), this.#deviceCell(2, d.deviceType, N.model), PLANNED_CELL, this.#deviceCell(3, d.site, N.siteName)];
    const bytes = new Uint8Array(cells.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of cells) {
      bytes.set(c, at);
      at += c.length;
    }
    const kind = { role: d.role, manufacturer: d.manufacturer, deviceType: d.deviceType, site: d.site, bytes };
    if (recent.length >= RECENT_KINDS) recent.shift();
    recent.push(kind);
    return kind;
  }

  #setPrefix(prefix: string): void {
    this.#prefix = prefix;
    let ok = prefix.length === 0 || (prefix.charCodeAt(0) !== SPACE && !isFormulaTrigger(prefix.charCodeAt(0)));
    for (let i = 0; ok && i < prefix.length; i++) ok = isCopyableCsvChar(prefix.charCodeAt(i));
    this.#prefixBytes = ok ? ENCODER.encode(prefix) : null;
    // Device cells and the port-and-type blocks hold the prefix.
    this.#endCells.clear();
    this.#portsByType.clear();
    this.#portsTypeCell = null;
    this.#lastADevice = null;
  }

  #bytes(b: Uint8Array): void {
    const n = b.length;
    // set() has a fixed cost of ~25 ns a call in node 22; a byte loop is cheaper below ~12 bytes (a port's cell).
    if (n < 12) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < n; i++) buf[pos++] = b[i]!;
      this.pos = pos;
    } else {
      this.buf.set(b, this.pos);
      this.pos += n;
    }
  }

  #crlf(): void {
    this.buf[this.pos++] = 0x0d;
    this.buf[this.pos++] = 0x0a;
  }

  /** A text cell through fitText's and csvField's own code; `comma` ends it with a comma. */
  #general(text: string, comma = true): void {
    const field = csvField(text);
    this.room(field.length * 3 + 4);
    this.pos += ENCODER.encodeInto(field, this.buf.subarray(this.pos)).written;
    if (comma) this.buf[this.pos++] = COMMA_BYTE;
  }

  /**
   * `prefix + s` copied when fitName and csvField leave it unchanged within `max` characters; false (nothing
   * written) otherwise. The prefix's own checks are done once ({@link setPrefix}).
   */
  #copyName(prefix: string, s: string, max: number): boolean {
    const pb = prefix.length ? this.#prefixBytes : null;
    if (prefix.length && !pb) return false;
    const n = s.length;
    if (n === 0 || prefix.length + n > max || s.charCodeAt(n - 1) === SPACE) return false;
    if (!prefix.length) {
      const c0 = s.charCodeAt(0);
      if (c0 === SPACE || isFormulaTrigger(c0)) return false;
    }
    const buf = this.buf;
    let pos = this.pos;
    if (pb) {
      buf.set(pb, pos);
      pos += pb.length;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === COMMA_BYTE) return false;
      buf[pos++] = c;
    }
    this.pos = pos;
    return true;
  }

  /** A name cell and its comma: `fitName(prefix + s, max)` as csvField writes it. */
  #name(prefix: string, s: string, max: number): void {
    if (this.#copyName(prefix, s, max)) this.buf[this.pos++] = COMMA_BYTE;
    else this.#general(fitName(prefix + s, max));
  }

  /** An interface name cell (`fitName(port, 64)`) and its comma. */
  #portCell(port: string): Uint8Array {
    let b = this.#portCells.get(port);
    if (!b) {
      b = ENCODER.encode(`${csvField(fitName(port, NETBOX_MAX_LENGTH.interfaceName))},`);
      if (this.#portCells.size >= CELL_CACHE_LIMIT) this.#portCells.clear();
      this.#portCells.set(port, b);
    }
    return b;
  }

  /**
   * The label after its prefix's bytes (already written): its characters and the comma when `fitName(prefix +
   * label)` and csvField leave it unchanged; false otherwise (the position then stays after the prefix).
   */
  #copyLabelAfterPrefix(prefixLength: number, label: string, max: number): boolean {
    const n = label.length;
    if (n === 0 || prefixLength + n > max || label.charCodeAt(n - 1) === SPACE) return false;
    if (prefixLength === 0) {
      const c0 = label.charCodeAt(0);
      if (c0 === SPACE || isFormulaTrigger(c0)) return false;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = label.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === COMMA_BYTE) return false;
      buf[pos++] = c;
    }
    buf[pos++] = COMMA_BYTE;
    this.pos = pos;
    return true;
  }

  /**
   * The side-B port's cell, then the cable type's and the status cell (`typeCell`), each with its comma, then the
   * prefix's bytes when names under it can be copied (the label's start).
   */
  #portAndTypeCells(port: string, typeCell: Uint8Array): Uint8Array {
    if (typeCell !== this.#portsTypeCell) {
      this.#portsTypeCell = typeCell;
      let ports = this.#portsByType.get(typeCell);
      if (!ports) {
        if (this.#portsByType.size >= 4096) this.#portsByType.clear();
        this.#portsByType.set(typeCell, (ports = new Map<string, Uint8Array>()));
      }
      this.#portsOfType = ports;
    }
    let b = this.#portsOfType.get(port);
    if (!b) {
      const portCell = this.#portCell(port);
      const pb = this.#prefixBytes ?? new Uint8Array(0);
      b = new Uint8Array(portCell.length + typeCell.length + pb.length);
      b.set(portCell);
      b.set(typeCell, portCell.length);
      b.set(pb, portCell.length + typeCell.length);
      if (this.#portsOfType.size >= CELL_CACHE_LIMIT) this.#portsOfType.clear();
      this.#portsOfType.set(port, b);
    }
    return b;
  }

  /** The NetBox cable type cell, then the status cell `planned`, each with its comma. */
  #typeCell(type: string): Uint8Array {
    // Cables come in runs of one type: the last one first.
    if (type === this.#lastType && this.#lastTypeCell) return this.#lastTypeCell;
    let b = this.#types.get(type);
    if (!b) {
      b = ENCODER.encode(`${csvField(type)},planned,`);
      if (this.#types.size < 4096) this.#types.set(type, b);
    }
    this.#lastType = type;
    return (this.#lastTypeCell = b);
  }

  /** A device's position cell and its comma. */
  #positionCell(position: number): Uint8Array {
    let b = this.#positions.get(position);
    if (!b) {
      b = ENCODER.encode(`${csvField(position)},`);
      if (this.#positions.size < 4096) this.#positions.set(position, b);
    }
    return b;
  }

  /** A device's face cell and its comma. */
  #faceCell(face: string): Uint8Array {
    let b = this.#faces.get(face);
    if (!b) this.#faces.set(face, (b = ENCODER.encode(`${csvField(face)},`)));
    return b;
  }

  /** A repeated device cell, `fitName(text, max)` as csvField writes it, and its comma. */
  #deviceCell(column: number, text: string, max: number): Uint8Array {
    const cache = this.#deviceCells[column]!;
    let b = cache.get(text);
    if (!b) {
      // A plan has a few roles, types and sites; a caller with unbounded distinct values still gets right bytes.
      b = ENCODER.encode(`${csvField(fitName(text, max))},`);
      if (cache.size < 4096) cache.set(text, b);
    }
    return b;
  }

  /** The length cell (metres to 2 decimals), the unit cell `m` and the description cell, then CRLF. */
  #tail(tier: string, partNumber: string, aT: string, bT: string, lengthM: number): Uint8Array {
    // Rows come in runs of one tier and medium: the last group first.
    let g = this.#tailGroup;
    if (!g || g.tier !== tier || g.partNumber !== partNumber || g.aT !== aT || g.bT !== bT) {
      const key = `${tier}\u0000${partNumber}\u0000${aT}\u0000${bT}`;
      let found = this.#tailGroups.get(key);
      if (!found) {
        found = { tier, partNumber, aT, bT, byLength: new Map<number, Uint8Array>(), lastLengthM: NaN, lastBytes: null };
        if (this.#tailGroups.size >= CELL_CACHE_LIMIT) this.#tailGroups.clear();
        this.#tailGroups.set(key, found);
      }
      g = this.#tailGroup = found;
    }
    // Neighbouring cables often have one length: the group's last first (=== is the Map's key equality but for NaN).
    if (lengthM === g.lastLengthM && g.lastBytes) return g.lastBytes;
    let b = g.byLength.get(lengthM);
    if (!b) {
      b = ENCODER.encode(`${csvField(round(lengthM, 2))},m,${csvField(cableDescription(tier, partNumber, aT, bT))}\r\n`);
      if (g.byLength.size < 4096) g.byLength.set(lengthM, b);
    }
    g.lastLengthM = lengthM;
    return (g.lastBytes = b);
  }
}

/** A cable's description: its tier, its part and the modules at its ends (`node-leaf MFP7E10-N030 modules A/B`). */
function cableDescription(tier: string, partNumber: string, aTransceiver: string | undefined, bTransceiver: string | undefined): string {
  const modules = aTransceiver || bTransceiver ? ` modules ${aTransceiver ?? ''}/${bTransceiver ?? ''}` : '';
  return fitText(`${tier} ${partNumber}${modules}`.trim(), NETBOX_MAX_LENGTH.description)!;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function readme(model: NetboxModel): string {
  const lines = [
    `NetBox ${NETBOX_VERSION} import files written by rackplan.`,
    '',
    'Import them in this order; each file refers to objects the earlier ones create:',
    ...NETBOX_IMPORT_ORDER.map((s, i) => `  ${i + 1}. ${s.file.padEnd(24)} ${s.page}`),
    '',
    'Sites, racks, devices and cables are created with status "planned".',
    'device-types/ holds the same device types one file per model, in the netbox-community/devicetype-library layout.',
    'Cable rows come from the cable schedule (cables.csv in the CSV export); the label is the cable id, the description holds the tier, the cable part number and the transceiver modules at its ends.',
    ...(model.notes?.length ? ['', ...model.notes] : []),
    '',
  ];
  return lines.join('\n');
}

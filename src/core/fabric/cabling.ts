/**
 * Cabling from a floor layout: where every compute and network rack stands, how long each fabric link is,
 * which medium it takes, and the port-to-port cable schedule as a stream (a generator: rows are produced
 * one at a time and never held together in memory).
 *
 * Length rule: rise from the port to the overhead tray + run along the row + cross-aisle run between rows
 * (Manhattan distance on the floor) + drop to the far port, then slack (`slackPct` % plus `slackM`), rounded
 * up to the next orderable length. Both ends in the same rack: the vertical distance plus slack.
 * @module
 */
import { isMissing, pickSourced, type Basis } from '../provenance';
import { issue, type Issue } from '../issues';
import type { FabricResult } from './fat-tree';
import { DEFAULT_MEDIA_ORDER, moduleWatts, pickMedium, type MediaChoice } from './media';
import type { MediaKind, NetworkCatalog } from './types';

export type LeafPlacement = 'in-rack' | 'eor' | 'mor' | 'network-row';
export type SpinePlacement = 'eor' | 'mor' | 'network-row';

export interface FloorLayout {
  /** Rows of compute racks; default: as many as the racks need. */
  readonly rows?: number;
  readonly racksPerRow: number;
  readonly rackWidthMm: number;
  /** Centre-to-centre distance of neighbouring racks in a row; default: the rack width. */
  readonly rackPitchMm?: number;
  /** Centre-to-centre distance between rows. */
  readonly rowSpacingM: number;
  /** Height of the overhead cable tray above the floor. */
  readonly trayHeightM: number;
  readonly slackPct: number;
  readonly slackM: number;
  readonly leafPlacement: LeafPlacement;
  readonly spinePlacement: SpinePlacement;
  /** Lengths that can be ordered, ascending (m). Longer runs round up to the next 10 m. */
  readonly orderableLengthsM: readonly number[];
  /** Rack units a network rack offers to switches. */
  readonly networkRackUsableU: number;
  /** Height of the bottom of U1 above the floor. */
  readonly floorClearanceM: number;
}

import { DEFAULT_LAYOUT } from './floor-layout-defaults';
export { DEFAULT_LAYOUT, DEFAULT_ORDERABLE_LENGTHS_M } from './floor-layout-defaults';

const U_M = 0.04445;

export interface ClusterSpec {
  /** A sized fabric (tiers ≥ 1). */
  readonly fabric: FabricResult;
  readonly nodesPerRack: number;
  readonly nodeHeightU: number;
  /** U of the first node in a compute rack (1-based). */
  readonly nodeBaseU?: number;
  readonly switchHeightU: number;
  readonly laneGbps: number;
  /** Logical links one switch-side module serves (portsPerCage × planes). */
  readonly switchLinksPerModule: number;
  /** Logical links one node-side module serves (default planes). */
  readonly nodeLinksPerModule: number;
  /** Named single-port devices on the fabric's service leaves (their total equals `fabric.extraEndpoints`). */
  readonly extraEndpoints?: readonly { readonly name: string; readonly ports: number }[];
  readonly mediaOrder?: readonly MediaKind[];
  readonly basis?: Basis;
}

export interface Place {
  readonly rack: string;
  readonly x: number;
  readonly y: number;
  readonly h: number;
  /** Same-rack test key. */
  readonly key: number;
}

/** The networks of a cluster, as the schedule's `network` column names them. */
export type NetworkName = 'compute' | 'frontend' | 'storage' | 'oob';

/** Tiers of a row: fabric tiers, and the out-of-band network's device → access and access → aggregation links. */
export type CableTier = 'node-leaf' | 'leaf-spine' | 'spine-core' | 'device-access' | 'access-aggregation';

export interface CableRow {
  readonly cableId: string;
  readonly tier: CableTier;
  readonly aRack: string;
  readonly aDevice: string;
  readonly aPort: string;
  readonly bRack: string;
  readonly bDevice: string;
  readonly bPort: string;
  readonly media: MediaKind | 'none';
  /** Part number of the cable itself (the fiber for optical links, the copper assembly otherwise); `none` when nothing reaches. */
  readonly partNumber: string;
  /** Part numbers of the transceiver modules at each end; empty for copper and active cables (the ends are part of the cable). */
  readonly aTransceiver: string;
  readonly bTransceiver: string;
  readonly network: NetworkName;
  /** Ordered (rounded-up) length. */
  readonly lengthM: number;
  readonly rawLengthM: number;
  /**
   * What is printed on the cable: {@link cableLabel} of the schedule's two ends (a split cluster's part prefix, when
   * its rows are prefixed, goes in front of the whole label only: `f2-node1:nic1>leaf-1:1`).
   */
  readonly label: string;
  readonly choice: MediaChoice | null;
}

/** A cable's label from its two ends: `aDevice:aPort>bDevice:bPort` (`node1:nic1>leaf-1:1`). */
export function cableLabel(aDevice: string, aPort: string, bDevice: string, bPort: string): string {
  return `${aDevice}:${aPort}>${bDevice}:${bPort}`;
}

/**
 * {@link cableLabel} as its seven pieces, written into `parts` from `at` on (a writer that encodes the pieces makes
 * no label string): `parts.join('')` of those pieces is the label.
 */
export function cableLabelParts(c: Pick<CableRow, 'aDevice' | 'aPort' | 'bDevice' | 'bPort'>, parts: string[], at = 0): void {
  parts[at] = c.aDevice;
  parts[at + 1] = ':';
  parts[at + 2] = c.aPort;
  parts[at + 3] = '>';
  parts[at + 4] = c.bDevice;
  parts[at + 5] = ':';
  parts[at + 6] = c.bPort;
}

/** The schedule's columns; every network uses the same header (the `network` column last). */
export const CSV_COLUMNS = ['cable_id', 'tier', 'a_rack', 'a_device', 'a_port', 'b_rack', 'b_device', 'b_port', 'media', 'part_number', 'length_m', 'label', 'a_transceiver', 'b_transceiver', 'network'] as const;
export const CSV_HEADER = CSV_COLUMNS.join(',');

/** One CSV line (no newline). Names never contain commas or quotes, so no quoting is needed. */
export function csvLine(r: CableRow): string {
  return `${r.cableId},${r.tier},${r.aRack},${r.aDevice},${r.aPort},${r.bRack},${r.bDevice},${r.bPort},${r.media},${r.partNumber},${r.lengthM},${r.label},${r.aTransceiver},${r.bTransceiver},${r.network}`;
}

/**
 * A place, made here for every rack and slot of every network: objects of one shape, so the length rule reads
 * their coordinates as plain numbers (places of several shapes made its loads generic, and each read coordinate
 * a new heap number: ~70 bytes of garbage per cable).
 */
export function place(rack: string, x: number, y: number, h: number, key: number): Place {
  return { rack, x, y, h, key };
}

/** Geometry of the floor and where every switch sits: all closed form, O(rows) to build. */
export interface CablePlan {
  readonly layout: FloorLayout;
  readonly spec: ClusterSpec;
  readonly computeRacks: number;
  readonly rows: number;
  readonly pitchM: number;
  readonly switchesPerNetworkRack: number;
  readonly networkRacks: number;
  readonly networkRacksByPlacement: { readonly row: number; readonly endOfRow: number; readonly middleOfRow: number };
  readonly issues: readonly Issue[];
  nodePlace(n: number): Place;
  leafPlace(plane: number, i: number): Place;
  spinePlace(plane: number, j: number): Place;
  corePlace(plane: number, c: number): Place;
  /** Where the i-th extra endpoint (appliance port) stands: appliance racks at the end of the network row. */
  appliancePlace(i: number): Place;
  /** Appliance racks the extra endpoints take (not counted in `networkRacks`). */
  readonly applianceRacks: number;
}

export function planCabling(spec: ClusterSpec, layoutIn: Partial<FloorLayout> = {}): CablePlan {
  const layout: FloorLayout = { ...DEFAULT_LAYOUT, ...layoutIn };
  const f = spec.fabric;
  const issues: Issue[] = [];
  const P = f.planes;
  const nodes = f.nodes;
  const npr = Math.max(1, spec.nodesPerRack);
  const computeRacks = Math.ceil(nodes / npr);
  const rpr = Math.max(1, layout.racksPerRow);
  let rows = layout.rows ?? Math.ceil(computeRacks / rpr);
  if (rows * rpr < computeRacks) {
    issues.push(
      issue('layout_too_small', 'warning', ['layout', 'rows'], `${computeRacks} compute racks do not fit in ${rows} rows of ${rpr}; rows were added`, {
        limit: rows * rpr,
        actual: computeRacks,
        unit: 'racks',
      }),
    );
    rows = Math.ceil(computeRacks / rpr);
  }
  const pitchM = (layout.rackPitchMm ?? layout.rackWidthMm) / 1000;
  const perRack = Math.max(1, Math.floor(layout.networkRackUsableU / spec.switchHeightU));
  const leavesPerSuAll = f.leavesPerSu * P;
  const leavesPerSu = f.leavesPerSu;
  const serviceLeaves = f.serviceLeaves;
  const S = f.switches.spine / P;
  const C = f.switches.core / P;
  const totalLeaves = f.switches.leaf;
  const totalSpines = f.switches.spine;
  const suNodes = f.suNodes;
  const sus = f.scalableUnits;

  const firstRackOfSu = (s: number) => Math.floor((s * suNodes) / npr);
  const rowOfSu = (s: number) => Math.min(rows - 1, Math.floor(firstRackOfSu(s) / rpr));
  /** First SU whose first rack lies in `row` (may equal `sus` when none does). */
  const firstSuInRow = (row: number) => Math.min(sus, Math.ceil((row * rpr * npr) / suNodes));
  const susInRow = (row: number) => (row === rows - 1 ? sus : firstSuInRow(row + 1)) - firstSuInRow(row);
  const spinesInRow = (row: number) => (row < totalSpines ? Math.floor((totalSpines - 1 - row) / rows) + 1 : 0);

  const leafInRowBlock = layout.leafPlacement === 'eor' || layout.leafPlacement === 'mor';
  const spineInRowBlock = layout.spinePlacement === 'eor' || layout.spinePlacement === 'mor';
  const shared = leafInRowBlock && layout.leafPlacement === layout.spinePlacement;

  // Racks per row block, for each row-block kind.
  let eorRacks = 0;
  let morRacks = 0;
  let maxEor = 0;
  let maxMor = 0;
  for (let row = 0; row < rows; row++) {
    const leavesHere = leafInRowBlock ? susInRow(row) * leavesPerSuAll : 0;
    const spinesHere = spineInRowBlock ? spinesInRow(row) : 0;
    const count = (kind: 'eor' | 'mor') =>
      (layout.leafPlacement === kind ? leavesHere : 0) + (layout.spinePlacement === kind ? spinesHere : 0);
    const e = Math.ceil(count('eor') / perRack);
    const m = Math.ceil(count('mor') / perRack);
    eorRacks += e;
    morRacks += m;
    maxEor = Math.max(maxEor, e);
    maxMor = Math.max(maxMor, m);
  }
  // Service leaves (extra endpoints) stand in the network row wherever the node leaves are.
  const rowServiceLeaves = layout.leafPlacement === 'network-row' ? 0 : serviceLeaves * P;
  const rowSwitches =
    (layout.leafPlacement === 'network-row' ? totalLeaves : 0) + (layout.spinePlacement === 'network-row' ? totalSpines : 0) + f.switches.core + rowServiceLeaves;
  const networkRowRacks = Math.ceil(rowSwitches / perRack);
  const mid = Math.floor(rpr / 2);
  const rowY = (row: number) => row * layout.rowSpacingM;
  const netRowY = rows * layout.rowSpacingM;
  const switchH = (slot: number) => layout.floorClearanceM + (slot * spec.switchHeightU + spec.switchHeightU / 2) * U_M;
  const nodeBase = (spec.nodeBaseU ?? 1) - 1;
  const topOfNodesU = nodeBase + npr * spec.nodeHeightU;

  const blockPlace = (kind: 'eor' | 'mor' | 'network-row', row: number, idx: number): Place => {
    const rack = Math.floor(idx / perRack);
    const slot = idx - rack * perRack;
    if (kind === 'network-row') return place(`NR${rack + 1}`, rack * pitchM, netRowY, switchH(slot), -1 - rack);
    const col = kind === 'eor' ? rpr + maxMor + rack : mid + rack;
    const tag = kind === 'eor' ? 'E' : 'M';
    return place(`N${row + 1}${tag}${rack + 1}`, col * pitchM, rowY(row), switchH(slot), 1e9 + row * 1e5 + col);
  };
  const computeX = (col: number) => (col >= mid && maxMor > 0 ? col + maxMor : col) * pitchM;
  const computeRackName = (c: number) => `C${c + 1}`;

  const nodePlace = (n: number): Place => {
    const c = Math.floor(n / npr);
    const t = n - c * npr;
    const row = Math.floor(c / rpr);
    const col = c - row * rpr;
    return place(computeRackName(c), computeX(col), rowY(row), layout.floorClearanceM + (nodeBase + t * spec.nodeHeightU + spec.nodeHeightU / 2) * U_M, row * 1e5 + col);
  };

  const leafPlace = (plane: number, i: number): Place => {
    const s = Math.floor(i / leavesPerSu);
    if (s >= sus && layout.leafPlacement !== 'network-row') {
      const before = (layout.spinePlacement === 'network-row' ? totalSpines : 0) + f.switches.core;
      return blockPlace('network-row', 0, before + plane * serviceLeaves + (i - sus * leavesPerSu));
    }
    const w = plane * leavesPerSu + (i - s * leavesPerSu);
    if (layout.leafPlacement === 'in-rack') {
      const first = firstRackOfSu(s);
      const last = Math.min(computeRacks - 1, Math.max(first, Math.ceil(((s + 1) * suNodes) / npr) - 1));
      const span = last - first + 1;
      const c = first + (w % span);
      const row = Math.floor(c / rpr);
      const col = c - row * rpr;
      const slot = Math.floor(w / span);
      return place(computeRackName(c), computeX(col), rowY(row), layout.floorClearanceM + (topOfNodesU + slot * spec.switchHeightU + spec.switchHeightU / 2) * U_M, row * 1e5 + col);
    }
    if (layout.leafPlacement === 'network-row') return blockPlace('network-row', 0, s * leavesPerSuAll + w);
    const row = rowOfSu(s);
    return blockPlace(layout.leafPlacement, row, (s - firstSuInRow(row)) * leavesPerSuAll + w);
  };

  const spinePlace = (plane: number, j: number): Place => {
    const g = plane * S + j;
    if (layout.spinePlacement === 'network-row') return blockPlace('network-row', 0, (layout.leafPlacement === 'network-row' ? totalLeaves : 0) + g);
    const row = g % rows;
    const before = shared ? susInRow(row) * leavesPerSuAll : 0;
    return blockPlace(layout.spinePlacement, row, before + Math.floor(g / rows));
  };

  const corePlace = (plane: number, c: number): Place =>
    blockPlace(
      'network-row',
      0,
      (layout.leafPlacement === 'network-row' ? totalLeaves : 0) + (layout.spinePlacement === 'network-row' ? totalSpines : 0) + plane * C + c,
    );

  const appliancePerRack = Math.max(1, layout.networkRackUsableU);
  const applianceRacks = Math.ceil(f.extraEndpoints / appliancePerRack);
  const appliancePlace = (i: number): Place => {
    const rack = Math.floor(i / appliancePerRack);
    const slot = i - rack * appliancePerRack;
    return place(`A${rack + 1}`, (networkRowRacks + rack) * pitchM, netRowY, layout.floorClearanceM + (slot + 0.5) * U_M, -1e6 - rack);
  };

  return {
    layout,
    spec,
    applianceRacks,
    appliancePlace,
    computeRacks,
    rows,
    pitchM,
    switchesPerNetworkRack: perRack,
    networkRacks: networkRowRacks + eorRacks + morRacks,
    networkRacksByPlacement: { row: networkRowRacks, endOfRow: eorRacks, middleOfRow: morRacks },
    issues,
    nodePlace,
    leafPlace,
    spinePlace,
    corePlace,
  };
}

/** Raw run length between two ports, before slack. */
export function runLengthM(a: Place, b: Place, trayHeightM: number): number {
  if (a.key === b.key && a.x === b.x && a.y === b.y) return Math.abs(a.h - b.h);
  return Math.max(0, trayHeightM - a.h) + Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + Math.max(0, trayHeightM - b.h);
}

/** Length with slack, and the orderable length it rounds up to (past the list: the next 10 m). */
export function orderLength(rawRunM: number, layout: Pick<FloorLayout, 'slackPct' | 'slackM' | 'orderableLengthsM'>): { rawM: number; orderedM: number; index: number } {
  const rawM = slackedLengthM(rawRunM, layout);
  const index = orderableIndex(rawM, layout.orderableLengthsM);
  return { rawM, orderedM: orderableLengthM(index, layout.orderableLengthsM), index };
}

/** A run's length with the layout's slack (`slackPct` % plus `slackM`). */
function slackedLengthM(rawRunM: number, layout: Pick<FloorLayout, 'slackPct' | 'slackM'>): number {
  return rawRunM * (1 + layout.slackPct / 100) + layout.slackM;
}

/** Which orderable length `rawM` rounds up to: its index in `list`, or past the list `list.length + ⌈rawM / 10⌉`. */
function orderableIndex(rawM: number, list: readonly number[]): number {
  for (let i = 0; i < list.length; i++) if (list[i]! >= rawM - 1e-9) return i;
  return list.length + Math.ceil(rawM / 10);
}

/** The length of {@link orderableIndex}'s index (past the list: the next 10 m). */
function orderableLengthM(index: number, list: readonly number[]): number {
  return index < list.length ? list[index]! : (index - list.length) * 10;
}

/** Digits of a cable id's number (`C0000001`); a larger number keeps all its digits. */
export const CABLE_ID_DIGITS = 7;

/** A cable id from its network's prefix and its number: `C0000001`, `FE-C0000012`, `OOB-C0000003`. */
export function cableIdText(prefix: string, n: number): string {
  return prefix + String(n).padStart(CABLE_ID_DIGITS, '0');
}

/**
 * One cable of a schedule as fields that change in place: the same object from cable to cable, so a writer of a
 * million-row file reads each field once and no row object, cable-id string or label string is made per cable.
 * The cable id and the label are kept as their parts ({@link cableIdText} of `idPrefix` and `idNumber`;
 * {@link cableLabel} of the ends) and made on demand by the `cableId` and `label` getters; {@link row} copies the
 * cable into a {@link CableRow} to keep. It reads as a CableRow, but only until the schedule moves on.
 */
export class CableCursor implements CableRow {
  /** Before the cable's number: `C` for a compute fabric, `FE-C`, `ST-C`, `OOB-C` for the other networks. */
  idPrefix = 'C';
  idNumber = 0;
  tier: CableTier = 'node-leaf';
  network: NetworkName = 'compute';
  aRack = '';
  aDevice = '';
  aPort = '';
  bRack = '';
  bDevice = '';
  bPort = '';
  lengthM = 0;
  rawLengthM = 0;
  media: MediaKind | 'none' = 'none';
  partNumber = 'none';
  aTransceiver = '';
  bTransceiver = '';
  choice: MediaChoice | null = null;

  constructor(idPrefix = 'C', network: NetworkName = 'compute') {
    this.idPrefix = idPrefix;
    this.network = network;
  }

  get cableId(): string {
    return cableIdText(this.idPrefix, this.idNumber);
  }

  get label(): string {
    return cableLabel(this.aDevice, this.aPort, this.bDevice, this.bPort);
  }

  /** The run from `a` to `b` with slack, and its orderable length; returns that length's index (the media cache key). */
  measure(a: Place, b: Place, layout: Pick<FloorLayout, 'trayHeightM' | 'slackPct' | 'slackM' | 'orderableLengthsM'>): number {
    this.rawLengthM = slackedLengthM(runLengthM(a, b, layout.trayHeightM), layout);
    const index = orderableIndex(this.rawLengthM, layout.orderableLengthsM);
    this.lengthM = orderableLengthM(index, layout.orderableLengthsM);
    return index;
  }

  /** The medium, and the part numbers that follow from it. */
  setChoice(choice: MediaChoice | null): void {
    this.choice = choice;
    this.media = choice ? choice.medium.kind : 'none';
    this.partNumber = choice ? choice.medium.partNumber : 'none';
    this.aTransceiver = choice?.aModule ? choice.aModule.partNumber : '';
    this.bTransceiver = choice?.bModule ? choice.bModule.partNumber : '';
  }

  /** Both ends. */
  setEnds(aRack: string, aDevice: string, aPort: string, bRack: string, bDevice: string, bPort: string): void {
    this.aRack = aRack;
    this.aDevice = aDevice;
    this.aPort = aPort;
    this.bRack = bRack;
    this.bDevice = bDevice;
    this.bPort = bPort;
  }

  /** The current cable as a row of its own (one object literal with every property, in the schedule's order). */
  row(): CableRow {
    return {
      cableId: this.cableId,
      tier: this.tier,
      aRack: this.aRack,
      aDevice: this.aDevice,
      aPort: this.aPort,
      bRack: this.bRack,
      bDevice: this.bDevice,
      bPort: this.bPort,
      media: this.media,
      partNumber: this.partNumber,
      aTransceiver: this.aTransceiver,
      bTransceiver: this.bTransceiver,
      network: this.network,
      lengthM: this.lengthM,
      rawLengthM: this.rawLengthM,
      label: this.label,
      choice: this.choice,
    };
  }
}

/**
 * The port-to-port schedule as a stream: one row per logical link (node-leaf, then leaf-spine, then
 * spine-core; plane by plane). Row count equals `fabric.links.total`.
 */
export function* cableSchedule(plan: CablePlan, cat: NetworkCatalog): Generator<CableRow, void, undefined> {
  for (const c of cableCursor(plan, cat)) yield c.row();
}

/**
 * {@link cableSchedule}'s cables through one {@link CableCursor} (yielded once per cable, changed in place): for
 * writers that read each cable once. `cursor` may come with its own `idPrefix` and `network`, which are kept.
 */
export function* cableCursor(plan: CablePlan, cat: NetworkCatalog, cursor = new CableCursor()): Generator<CableCursor, void, undefined> {
  const { spec, layout } = plan;
  const f = spec.fabric;
  if (f.tiers === 0) return;
  const P = f.planes;
  const order = spec.mediaOrder ?? DEFAULT_MEDIA_ORDER;
  // The medium of each (tier, orderable length), picked once: an array per tier indexed by the length's index.
  const cache: (MediaChoice | null | undefined)[][] = [[], [], []];
  const choose = (tierCode: number, index: number): MediaChoice | null => {
    const byIndex = cache[tierCode]!;
    let c = byIndex[index];
    if (c === undefined) {
      c = pickMedium(cat, {
        lengthM: orderableLengthM(index, layout.orderableLengthsM),
        laneGbps: spec.laneGbps,
        linkGbps: f.linkGbps,
        order,
        aLinksPerModule: tierCode === 0 ? spec.nodeLinksPerModule : spec.switchLinksPerModule,
        bLinksPerModule: spec.switchLinksPerModule,
      });
      byIndex[index] = c;
    }
    return c;
  };
  const planeTag = (p: number) => (P > 1 ? `p${p + 1}-` : '');
  const c = cursor;
  let id = 0;
  /** The next cable into the cursor. */
  const set = (tier: CableTier, tierCode: number, a: Place, aDev: string, aPort: string, b: Place, bDev: string, bPort: string): CableCursor => {
    const index = c.measure(a, b, layout);
    const choice = choose(tierCode, index);
    c.setChoice(choice);
    c.idNumber = ++id;
    c.tier = tier;
    c.setEnds(a.rack, aDev, aPort, b.rack, bDev, bPort);
    return c;
  };

  const d = f.leafDownlinks;
  const u = f.leafUplinks;
  const lpr = f.leavesPerRailPerSu;
  const rails = f.rails;
  const suNodes = f.suNodes;
  const L = f.switches.leaf / P;
  const S = f.switches.spine / P;
  const C = f.switches.core / P;
  const rail = f.spineDesign === 'rail';

  const byNode = f.leafGrouping === 'node';
  const leavesPerSu = f.leavesPerSu;
  const computeLeaves = f.scalableUnits * leavesPerSu;
  const extras = spec.extraEndpoints ?? [];

  // Port numbers recur on every switch: each one's text is made once (bounded by the largest port number).
  const portTexts: string[] = [];
  const portText = (n: number): string => portTexts[n] ?? (portTexts[n] = String(n));

  for (let p = 0; p < P; p++) {
    const pt = planeTag(p);
    // A switch ends a run of rows (a leaf takes its node links, then its uplinks): its name and place are made once
    // per plane, not once per row. Places are read, never changed, so rows may share them.
    const leafNames: string[] = [];
    const leafPlaces: Place[] = [];
    const spineNames: string[] = [];
    const spinePlaces: Place[] = [];
    const leafName = (i: number): string => leafNames[i] ?? (leafNames[i] = `leaf-${pt}${i + 1}`);
    const leafAt = (i: number): Place => leafPlaces[i] ?? (leafPlaces[i] = plan.leafPlace(p, i));
    const spineName = (i: number): string => spineNames[i] ?? (spineNames[i] = `spine-${pt}${i + 1}`);
    const spineAt = (i: number): Place => spinePlaces[i] ?? (spinePlaces[i] = plan.spinePlace(p, i));
    const nicNames: string[] = [];
    for (let r = 0; r < rails; r++) nicNames.push(P > 1 ? `nic${r + 1}.${p + 1}` : `nic${r + 1}`);
    // Node → leaf. Rail grouping: rail r of an SU fills its leaves in turn; node grouping: the SU's ports (node by
    // node) go round the SU's leaves, so a node's ports spread over them (a row's leaf pair each take half).
    for (let n = 0; n < f.nodes; n++) {
      const a = plan.nodePlace(n);
      const nodeName = `node${n + 1}`;
      const s = Math.floor(n / suNodes);
      const nIn = n - s * suNodes;
      const j = Math.floor(nIn / d);
      const port = nIn - j * d + 1;
      for (let r = 0; r < rails; r++) {
        let leaf: number;
        let lport: number;
        if (f.tiers === 1) {
          leaf = 0;
          lport = n * rails + r + 1;
        } else if (byNode) {
          const e = nIn * rails + r;
          leaf = s * leavesPerSu + (e % lpr);
          lport = Math.floor(e / lpr) + 1;
        } else {
          leaf = (s * rails + r) * lpr + j;
          lport = port;
        }
        yield set('node-leaf', 0, a, nodeName, nicNames[r]!, leafAt(leaf), leafName(leaf), portText(lport));
      }
    }
    // Extra endpoints (appliance ports) → service leaves (on the single switch at one tier).
    let x = 0;
    for (const g of extras) {
      for (let i = 0; i < g.ports; i++, x++) {
        const leaf = f.tiers === 1 ? 0 : computeLeaves + Math.floor(x / d);
        const lport = f.tiers === 1 ? f.nodes * rails + x + 1 : (x % d) + 1;
        yield set('node-leaf', 0, plan.appliancePlace(x), `${g.name}${i + 1}`, P > 1 ? `p1.${p + 1}` : 'p1', leafAt(leaf), leafName(leaf), portText(lport));
      }
    }
    if (f.tiers < 2) continue;
    // Leaf → spine.
    // The spine that uplink q of leaf l reaches, and (in spinePort) the spine's port: two numbers, no object per cable.
    let spinePort = 0;
    const spineOf = (l: number, q: number): number => {
      if (f.tiers === 2) {
        const s = rail ? S / rails : S;
        const per = u / s;
        const r = rail ? Math.floor(l / lpr) % rails : 0;
        const lr = rail ? Math.floor(l / (rails * lpr)) * lpr + (l % lpr) : l;
        spinePort = lr * per + Math.floor(q / s) + 1;
        return r * s + (q % s);
      }
      const podLeaves = f.tierDetail[1]!.downlinksPerSwitch;
      const groupLeaves = rail ? L / rails : L;
      const podsPerGroup = Math.ceil(groupLeaves / podLeaves);
      const r = rail ? Math.floor(l / lpr) % rails : 0;
      const lr = rail ? Math.floor(l / (rails * lpr)) * lpr + (l % lpr) : l;
      const pod = r * podsPerGroup + Math.floor(lr / podLeaves);
      spinePort = (lr % podLeaves) + 1;
      return pod * u + q;
    };
    for (let l = 0; l < L; l++) {
      const a = leafAt(l);
      const name = leafName(l);
      for (let q = 0; q < u; q++) {
        const spine = spineOf(l, q);
        yield set('leaf-spine', 1, a, name, portText(d + q + 1), spineAt(spine), spineName(spine), portText(spinePort));
      }
    }
    if (f.tiers < 3) continue;
    // Spine → core: spine position j of every pod goes to core group j (g cores).
    const spineUp = f.tierDetail[1]!.uplinksPerSwitch;
    const spineDown = f.spineLogicalRadix - spineUp;
    const g = C / u;
    const per = spineUp / g;
    const coreNames: string[] = [];
    const corePlaces: Place[] = [];
    for (let sp = 0; sp < S; sp++) {
      const a = spineAt(sp);
      const name = spineName(sp);
      const pod = Math.floor(sp / u);
      const j = sp - pod * u;
      for (let q = 0; q < spineUp; q++) {
        const core = j * g + (q % g);
        const coreAt = corePlaces[core] ?? (corePlaces[core] = plan.corePlace(p, core));
        const coreName = coreNames[core] ?? (coreNames[core] = `core-${pt}${core + 1}`);
        yield set('spine-core', 2, a, name, portText(spineDown + q + 1), coreAt, coreName, portText(pod * per + Math.floor(q / g) + 1));
      }
    }
  }
}

export interface MediaTally {
  readonly kind: MediaKind | 'none';
  readonly mediumId: string;
  readonly partNumber: string;
  readonly links: number;
  readonly spares: number;
  readonly lengthM: number;
  readonly rawLengthM: number;
  readonly byLength: readonly { readonly lengthM: number; readonly links: number }[];
}

export interface CablingSummary {
  readonly links: number;
  readonly byTier: { readonly nodeLeaf: number; readonly leafSpine: number; readonly spineCore: number };
  readonly byMedia: readonly MediaTally[];
  readonly lengthHistogram: readonly { readonly lengthM: number; readonly links: number; readonly rawLengthM: number; readonly orderedLengthM: number }[];
  readonly transceiverModules: number;
  readonly transceivers: readonly { readonly id: string; readonly partNumber: string; readonly modules: number; readonly spares: number; readonly wattsEach: number | null; readonly powerW: number }[];
  readonly transceiverPowerW: number;
  readonly cablePowerW: number;
  readonly fiberKm: number;
  readonly copperKm: number;
  readonly rawLengthKm: number;
  readonly orderedLengthKm: number;
  readonly cableMassKg: number;
  readonly spares: { readonly cables: number; readonly transceiverModules: number };
  readonly unreachableLinks: number;
  readonly issues: readonly Issue[];
}

const FIBER = new Set<string>(['mmf', 'smf', 'aoc']);
const COPPER = new Set<string>(['dac', 'acc', 'aec', 'utp']);

/** Accumulates the summary of a cable schedule while it streams (constant memory in the row count). */
export class CablingTally {
  private links = 0;
  private readonly tiers = { nodeLeaf: 0, leafSpine: 0, spineCore: 0 };
  private readonly media = new Map<string, { kind: MediaKind | 'none'; mediumId: string; partNumber: string; links: number; lengthM: number; rawLengthM: number; byLength: Map<number, number> }>();
  private readonly hist = new Map<number, { links: number; rawLengthM: number }>();
  private readonly moduleEnds = new Map<string, { ends: number; perModule: number; partNumber: string; wattsEach: number | null }>();
  private cablePowerW = 0;
  private fiberM = 0;
  private copperM = 0;
  private rawM = 0;
  private massKg = 0;
  private unreachable = 0;
  private massMissing = false;
  private powerMissing = false;

  constructor(
    private readonly opts: { readonly basis?: Basis; readonly cableSparePct?: number; readonly opticsSparePct?: number } = {},
  ) {}

  add(r: CableRow): void {
    this.links++;
    if (r.tier === 'node-leaf' || r.tier === 'device-access') this.tiers.nodeLeaf++;
    else if (r.tier === 'leaf-spine' || r.tier === 'access-aggregation') this.tiers.leafSpine++;
    else this.tiers.spineCore++;
    this.rawM += r.rawLengthM;
    const h = this.hist.get(r.lengthM);
    if (h) {
      h.links++;
      h.rawLengthM += r.rawLengthM;
    } else this.hist.set(r.lengthM, { links: 1, rawLengthM: r.rawLengthM });
    const c = r.choice;
    if (!c) {
      this.unreachable++;
      return;
    }
    const id = c.medium.id;
    let m = this.media.get(id);
    if (!m) {
      m = { kind: c.medium.kind, mediumId: id, partNumber: c.medium.partNumber, links: 0, lengthM: 0, rawLengthM: 0, byLength: new Map() };
      this.media.set(id, m);
    }
    m.links++;
    m.lengthM += r.lengthM;
    m.rawLengthM += r.rawLengthM;
    m.byLength.set(r.lengthM, (m.byLength.get(r.lengthM) ?? 0) + 1);
    if (FIBER.has(c.medium.kind)) this.fiberM += r.lengthM;
    else if (COPPER.has(c.medium.kind)) this.copperM += r.lengthM;
    const mass = c.medium.massKgPerM;
    if (isMissing(mass)) this.massMissing = true;
    else this.massKg += pickSourced(mass, 'typical') * r.lengthM;
    const pw = c.medium.powerPerEndW;
    if (isMissing(pw)) this.powerMissing = true;
    else this.cablePowerW += 2 * pickSourced(pw, this.opts.basis ?? 'max');
    const sideA = r.tier === 'node-leaf' || r.tier === 'device-access' ? 'node' : 'switch';
    if (c.aModule) this.end(`${sideA}:${c.aModule.id}`, c.aModule);
    if (c.bModule) this.end(`switch:${c.bModule.id}`, c.bModule);
  }

  private end(key: string, t: NonNullable<MediaChoice['aModule']>): void {
    const e = this.moduleEnds.get(key);
    if (e) e.ends++;
    else this.moduleEnds.set(key, { ends: 1, perModule: t.linksPerModule, partNumber: t.partNumber, wattsEach: moduleWatts(t, this.opts.basis ?? 'max') });
  }

  result(): CablingSummary {
    const cableSpare = (this.opts.cableSparePct ?? 2) / 100;
    const opticsSpare = (this.opts.opticsSparePct ?? 2) / 100;
    const issues: Issue[] = [];
    const byModule = new Map<string, { id: string; partNumber: string; modules: number; wattsEach: number | null }>();
    for (const [key, e] of this.moduleEnds) {
      const id = key.slice(key.indexOf(':') + 1);
      const prev = byModule.get(id);
      const modules = Math.ceil(e.ends / e.perModule);
      if (prev) prev.modules += modules;
      else byModule.set(id, { id, partNumber: e.partNumber, modules, wattsEach: e.wattsEach });
    }
    const transceivers = [...byModule.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((t) => ({ ...t, spares: Math.ceil(t.modules * opticsSpare), powerW: t.modules * (t.wattsEach ?? 0) }));
    if (transceivers.some((t) => t.wattsEach === null)) {
      issues.push(issue('cabling_power_incomplete', 'warning', ['cabling', 'transceiverPowerW'], `watts unknown for ${transceivers.filter((t) => t.wattsEach === null).map((t) => t.id).join(', ')}; left out of the total`));
    }
    if (this.powerMissing) issues.push(issue('cabling_power_incomplete', 'warning', ['cabling', 'cablePowerW'], 'active-cable watts unknown for some media; left out of the total'));
    if (this.massMissing) issues.push(issue('cabling_mass_incomplete', 'warning', ['cabling', 'cableMassKg'], 'mass per metre unknown for some media; left out of the total'));
    if (this.unreachable) {
      issues.push(
        issue('cabling_no_media', 'error', ['cabling', 'byMedia'], `${this.unreachable} links are longer than any allowed medium reaches at this lane rate`, { actual: this.unreachable, unit: 'links' }),
      );
    }
    const byMedia = [...this.media.values()].map((m) => ({
      kind: m.kind,
      mediumId: m.mediumId,
      partNumber: m.partNumber,
      links: m.links,
      spares: Math.ceil(m.links * cableSpare),
      lengthM: round3(m.lengthM),
      rawLengthM: round3(m.rawLengthM),
      byLength: [...m.byLength.entries()].sort((a, b) => a[0] - b[0]).map(([lengthM, links]) => ({ lengthM, links })),
    }));
    const transceiverModules = transceivers.reduce((s, t) => s + t.modules, 0);
    return {
      links: this.links,
      byTier: { ...this.tiers },
      byMedia,
      lengthHistogram: [...this.hist.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([lengthM, h]) => ({ lengthM, links: h.links, rawLengthM: round3(h.rawLengthM), orderedLengthM: round3(lengthM * h.links) })),
      transceiverModules,
      transceivers,
      transceiverPowerW: round3(transceivers.reduce((s, t) => s + t.powerW, 0)),
      cablePowerW: round3(this.cablePowerW),
      fiberKm: round3(this.fiberM / 1000),
      copperKm: round3(this.copperM / 1000),
      rawLengthKm: round3(this.rawM / 1000),
      orderedLengthKm: round3((this.fiberM + this.copperM) / 1000),
      cableMassKg: round3(this.massKg),
      spares: { cables: byMedia.reduce((s, m) => s + m.spares, 0), transceiverModules: transceivers.reduce((s, t) => s + t.spares, 0) },
      unreachableLinks: this.unreachable,
      issues,
    };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

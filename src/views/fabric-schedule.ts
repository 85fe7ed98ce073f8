/**
 * The Fabric view's live preview of the cable schedule: the first rows of the very rows the CSV download writes
 * (same generator, same `csvLine`), filtered by tier, medium, rack and network, with how many rows each filter
 * keeps. Counts come from figures the core already has (the cable summary's tallies by tier and medium, the
 * fabric's link counts); only a combination the core does not tally (a rack, or two filters at once) is counted by
 * walking the stream in time slices that give the page back between them, never by holding the rows.
 * @module
 */
import type { CableRow, NetworkName } from '../core/fabric/cabling';
import { CSV_COLUMNS, csvLine } from '../core/fabric/cabling';
import { scheduleLinks, SCHEDULE_NETWORKS } from '../core/fabric/network-schedule';
import type { FabricView } from './fabric-view';

/** Rows the preview shows. */
export const PREVIEW_ROWS = 50;

/** What the preview keeps; an empty field keeps every row. */
export interface ScheduleFilter {
  readonly tier?: string;
  readonly media?: string;
  /** A rack name as the schedule writes it (C12, NR1…): rows with either end in it. */
  readonly rack?: string;
  /** compute, frontend, storage, oob (the schedule's `network` column). */
  readonly network?: string;
  /** A device name as the schedule writes it (node3, leaf-2, C1-bmc4…): rows with either end on it. */
  readonly device?: string;
}

/** One choice of a filter and how many rows of the whole schedule it keeps (null: the core does not tally it). */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
  readonly rows: number | null;
}

/** The choices of each filter, with counts from the core's figures. */
export interface FilterOptions {
  /** Rows of the whole schedule (every network), or of the network the filter keeps. */
  readonly total: number;
  readonly tier: readonly FilterOption[];
  /** Media with counts where the core tallies them (the compute fabric's cable summary), else without. */
  readonly media: readonly FilterOption[];
  readonly network: readonly FilterOption[];
}

/** The CSV's columns, in its order (the preview table's header). */
export const SCHEDULE_COLUMNS: readonly string[] = CSV_COLUMNS;

/** A row's cells exactly as the CSV writes them (names never contain commas, see `csvLine`). */
export function scheduleCells(r: CableRow): string[] {
  return csvLine(r).split(',');
}

const TIER_LABEL: Record<string, string> = {
  'node-leaf': 'Node – leaf',
  'leaf-spine': 'Leaf – spine',
  'spine-core': 'Spine – core',
  'device-access': 'Device – access (OOB)',
  'access-aggregation': 'Access – aggregation (OOB)',
};
const MEDIA_LABEL: Record<string, string> = { dac: 'Copper (DAC)', acc: 'Active copper (ACC)', aec: 'Active electrical (AEC)', aoc: 'Active optical (AOC)', mmf: 'Multimode fiber', smf: 'Single-mode fiber', utp: 'Twisted pair', none: 'No medium reaches' };
const NETWORK_LABEL: Record<string, string> = { compute: 'Compute (scale-out)', frontend: 'Front-end', storage: 'Storage', oob: 'Out of band' };

type TierCounts = Readonly<Record<string, number | null>>;

/** Rows per tier of one network, from the core's figures (null: the core does not split the network's links by tier). */
function tiersOf(v: FabricView, network: NetworkName): TierCounts {
  const e = v.evaluation;
  if (network === 'compute') {
    const s = v.summary;
    if (s) return { 'node-leaf': s.byTier.nodeLeaf, 'leaf-spine': s.byTier.leafSpine, 'spine-core': s.byTier.spineCore };
    const sum = (k: 'nodeLeaf' | 'leafSpine' | 'spineCore') => v.parts.reduce((n, p) => n + (p.plan ? p.fabric.links[k] : 0), 0);
    return { 'node-leaf': sum('nodeLeaf'), 'leaf-spine': sum('leafSpine'), 'spine-core': sum('spineCore') };
  }
  if (network === 'oob') return { 'device-access': null, 'access-aggregation': null };
  const eth = network === 'frontend' ? e.frontEnd : e.storage;
  const l = eth?.fabric.links;
  return { 'node-leaf': l?.nodeLeaf ?? 0, 'leaf-spine': l?.leafSpine ?? 0, 'spine-core': l?.spineCore ?? 0 };
}

/**
 * The filter choices and their counts, for the network the filter keeps (all when none): rows per network from the
 * core's `scheduleLinks`; per tier from the compute fabric's summary (or its parts' link counts above the summary's
 * limit) and the front-end and storage fabrics' link counts; per medium from the compute summary, so media carry
 * counts only when the compute network alone is shown. A null count is found by walking (see {@link previewSchedule}).
 */
export function filterOptions(v: FabricView, network?: string): FilterOptions {
  const links = scheduleLinks(v.evaluation);
  const networks = SCHEDULE_NETWORKS.filter((n) => links[n] > 0);
  const shown = networks.filter((n) => !network || n === network);
  const tierRows = new Map<string, number | null>();
  for (const n of shown) {
    for (const [tier, rows] of Object.entries(tiersOf(v, n))) {
      if (rows === 0) continue;
      const prev = tierRows.get(tier);
      tierRows.set(tier, prev === undefined ? rows : prev === null || rows === null ? null : prev + rows);
    }
  }
  const tier: FilterOption[] = Object.keys(TIER_LABEL)
    .filter((t) => tierRows.has(t))
    .map((t) => ({ value: t, label: TIER_LABEL[t]!, rows: tierRows.get(t)! }));
  const s = v.summary;
  const computeOnly = shown.length === 1 && shown[0] === 'compute';
  const byKind = new Map<string, number | null>();
  if (s) {
    for (const m of s.byMedia) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + m.links);
    if (s.unreachableLinks) byKind.set('none', s.unreachableLinks);
  }
  // Other networks may use media the compute fabric does not (twisted pair out of band): offer every kind, uncounted.
  if (!computeOnly) for (const k of Object.keys(MEDIA_LABEL)) if (k !== 'none' && !byKind.has(k)) byKind.set(k, null);
  const media: FilterOption[] = [...byKind].map(([kind, rows]) => ({ value: kind, label: MEDIA_LABEL[kind] ?? kind, rows: computeOnly ? rows : null }));
  const total = shown.reduce((n, x) => n + links[x], 0);
  return { total, tier, media, network: networks.map((n) => ({ value: n, label: NETWORK_LABEL[n] ?? n, rows: links[n] })) };
}

/** Whether a row passes the filter. */
export function rowMatches(r: CableRow, f: ScheduleFilter): boolean {
  if (f.tier && r.tier !== f.tier) return false;
  if (f.media && r.media !== f.media) return false;
  if (f.rack && r.aRack !== f.rack && r.bRack !== f.rack) return false;
  if (f.device && r.aDevice !== f.device && r.bDevice !== f.device) return false;
  if (f.network && r.network !== f.network) return false;
  return true;
}

/** The filter's fields, in the order the URL query writes them. */
export const FILTER_KEYS = ['network', 'tier', 'media', 'rack', 'device'] as const satisfies readonly (keyof ScheduleFilter)[];

/** Which filters are set (an empty rack or network is no filter). */
function activeKeys(f: ScheduleFilter): (keyof ScheduleFilter)[] {
  return FILTER_KEYS.filter((k) => !!f[k]);
}

/**
 * Rows the filter keeps, when the core's figures say so without walking the schedule (`o` must be the options for
 * the filter's network): every row of the network, or one tier, or one medium of the compute network. Null
 * otherwise (a rack, a device, or a combination the core does not tally).
 */
export function knownCount(o: FilterOptions, f: ScheduleFilter): number | null {
  const keys = activeKeys(f).filter((k) => k !== 'network');
  if (keys.length === 0) return o.total;
  if (keys.length > 1) return null;
  const key = keys[0]!;
  if (key === 'tier') return o.tier.find((t) => t.value === f.tier)?.rows ?? 0;
  if (key === 'media') return o.media.find((m) => m.value === f.media)?.rows ?? null;
  return null;
}

/** The preview: the first rows the filter keeps and how many it keeps in all (null until known). */
export interface SchedulePreview {
  readonly rows: readonly CableRow[];
  /** Rows the filter keeps in the whole schedule; null while unknown (see `done`). */
  readonly matched: number | null;
  /** Rows of the schedule walked so far. */
  readonly scanned: number;
  /** Whether the walk is finished (the preview rows and `matched` are final). */
  readonly done: boolean;
}

export interface PreviewOptions {
  readonly limit?: number;
  /** Already known from the core's figures: the walk stops once it has the preview rows. */
  readonly knownMatched?: number | null;
  /** Stop (resolve null) when aborted: the filter or the design changed. */
  readonly signal?: AbortSignal;
  /** Give the page back after this long of walking (ms). */
  readonly sliceMs?: number;
  /** Called after every time slice with what is known so far. */
  readonly onProgress?: (p: SchedulePreview) => void;
  /** How to give the page back (tests may pass a synchronous no-op). */
  readonly yieldToPage?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Walk a schedule stream for the preview. Keeps at most `limit` rows; when the count is not known it walks on to
 * the end counting (rows are dropped as they pass), giving the page back every `sliceMs`.
 * @returns the preview, or null when aborted
 */
export async function previewSchedule(rows: Iterable<CableRow>, filter: ScheduleFilter, options: PreviewOptions = {}): Promise<SchedulePreview | null> {
  const limit = options.limit ?? PREVIEW_ROWS;
  const known = options.knownMatched ?? null;
  const sliceMs = options.sliceMs ?? 12;
  const yieldToPage = options.yieldToPage ?? nextTask;
  const kept: CableRow[] = [];
  let matched = 0;
  let scanned = 0;
  let sliceStart = performance.now();
  const filtered = activeKeys(filter).length > 0;
  for (const r of rows) {
    scanned++;
    if (!filtered || rowMatches(r, filter)) {
      matched++;
      if (kept.length < limit) kept.push(r);
      else if (known !== null) break;
    }
    if (known !== null && kept.length >= Math.min(limit, known)) break;
    if ((scanned & 255) === 0 && performance.now() - sliceStart > sliceMs) {
      options.onProgress?.({ rows: kept.slice(), matched: null, scanned, done: false });
      await yieldToPage();
      if (options.signal?.aborted) return null;
      sliceStart = performance.now();
    }
  }
  if (options.signal?.aborted) return null;
  return { rows: kept, matched: known ?? matched, scanned, done: true };
}

/**
 * The Fabric view's live preview of the cable schedule: the first rows of the very rows the CSV download writes
 * (same generator, same `csvLine`), filtered by tier, medium, rack and network, with how many rows each filter
 * keeps. Counts come from figures the core already has (the cable summary's tallies by tier and medium, the
 * fabric's link counts); only a combination the core does not tally (a rack, or two filters at once) is counted by
 * walking the stream in time slices that give the page back between them, never by holding the rows.
 * @module
 */
import type { CableRow } from '../core/fabric/cabling';
import { CSV_HEADER, csvLine } from '../core/fabric/cabling';
import type { FabricView } from './fabric-view';

/** Rows the preview shows. */
export const PREVIEW_ROWS = 50;

/** What the preview keeps; an empty field keeps every row. */
export interface ScheduleFilter {
  readonly tier?: string;
  readonly media?: string;
  /** A rack name as the schedule writes it (C12, NR1…): rows with either end in it. */
  readonly rack?: string;
  /** compute, frontend, storage, oob: once the schedule carries a network column. */
  readonly network?: string;
}

/** One choice of a filter and how many rows of the whole schedule it keeps (null: the core does not tally it). */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
  readonly rows: number | null;
}

/** The choices of each filter, with counts from the core's figures. */
export interface FilterOptions {
  readonly total: number;
  readonly tier: readonly FilterOption[];
  readonly media: readonly FilterOption[];
  /** Empty while the schedule has no network column. */
  readonly network: readonly FilterOption[];
}

/** The CSV's columns, in its order (the preview table's header). */
export const SCHEDULE_COLUMNS: readonly string[] = CSV_HEADER.split(',');

/** A row's cells exactly as the CSV writes them (names never contain commas, see `csvLine`). */
export function scheduleCells(r: CableRow): string[] {
  return csvLine(r).split(',');
}

const TIER_LABEL: Record<string, string> = { 'node-leaf': 'Node – leaf', 'leaf-spine': 'Leaf – spine', 'spine-core': 'Spine – core' };
const MEDIA_LABEL: Record<string, string> = { dac: 'Copper (DAC)', acc: 'Active copper (ACC)', aec: 'Active electrical (AEC)', aoc: 'Active optical (AOC)', mmf: 'Multimode fiber', smf: 'Single-mode fiber', utp: 'Twisted pair', none: 'No medium reaches' };

/** The network a row belongs to, once the core's rows carry one. */
function networkOf(r: CableRow): string | undefined {
  const n = (r as { readonly network?: unknown }).network;
  return typeof n === 'string' ? n : undefined;
}

/**
 * The filter choices and their counts: tiers from the cable summary (or, above the summary's link limit, from
 * every fabric part's link counts), media from the summary's tally by medium (unknown above the limit).
 */
export function filterOptions(v: FabricView): FilterOptions {
  const s = v.summary;
  let nodeLeaf = 0;
  let leafSpine = 0;
  let spineCore = 0;
  for (const p of v.parts) {
    if (!p.plan) continue;
    nodeLeaf += p.fabric.links.nodeLeaf;
    leafSpine += p.fabric.links.leafSpine;
    spineCore += p.fabric.links.spineCore;
  }
  const byTier = s ? s.byTier : { nodeLeaf, leafSpine, spineCore };
  const tier: FilterOption[] = [
    { value: 'node-leaf', label: TIER_LABEL['node-leaf']!, rows: byTier.nodeLeaf },
    { value: 'leaf-spine', label: TIER_LABEL['leaf-spine']!, rows: byTier.leafSpine },
    { value: 'spine-core', label: TIER_LABEL['spine-core']!, rows: byTier.spineCore },
  ].filter((t) => t.rows > 0);
  const media: FilterOption[] = [];
  if (s) {
    const byKind = new Map<string, number>();
    for (const m of s.byMedia) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + m.links);
    if (s.unreachableLinks) byKind.set('none', s.unreachableLinks);
    for (const [kind, rows] of byKind) media.push({ value: kind, label: MEDIA_LABEL[kind] ?? kind, rows });
  }
  const total = s ? s.links : nodeLeaf + leafSpine + spineCore;
  return { total, tier, media, network: [] };
}

/** Whether a row passes the filter. */
export function rowMatches(r: CableRow, f: ScheduleFilter): boolean {
  if (f.tier && r.tier !== f.tier) return false;
  if (f.media && r.media !== f.media) return false;
  if (f.rack && r.aRack !== f.rack && r.bRack !== f.rack) return false;
  if (f.network && networkOf(r) !== f.network) return false;
  return true;
}

/** Which filters are set (an empty rack or network is no filter). */
function activeKeys(f: ScheduleFilter): (keyof ScheduleFilter)[] {
  return (['tier', 'media', 'rack', 'network'] as const).filter((k) => !!f[k]);
}

/**
 * Rows the filter keeps, when the core's figures say so without walking the schedule: no filter (every row), or
 * one tier or one medium alone. Null otherwise (a rack, a network, or two filters together).
 */
export function knownCount(o: FilterOptions, f: ScheduleFilter): number | null {
  const keys = activeKeys(f);
  if (keys.length === 0) return o.total;
  if (keys.length > 1) return null;
  const key = keys[0]!;
  if (key === 'tier') return o.tier.find((t) => t.value === f.tier)?.rows ?? 0;
  if (key === 'media') return o.media.find((m) => m.value === f.media)?.rows ?? (o.media.length ? 0 : null);
  if (key === 'network') return o.network.find((m) => m.value === f.network)?.rows ?? null;
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
    if ((scanned & 1023) === 0 && performance.now() - sliceStart > sliceMs) {
      options.onProgress?.({ rows: kept.slice(), matched: null, scanned, done: false });
      await yieldToPage();
      if (options.signal?.aborted) return null;
      sliceStart = performance.now();
    }
  }
  if (options.signal?.aborted) return null;
  return { rows: kept, matched: known ?? matched, scanned, done: true };
}

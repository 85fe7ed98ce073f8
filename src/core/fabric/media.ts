/**
 * Media by reach: at a link's lane rate, the first allowed medium (default order: passive copper, active
 * copper, retimed copper, multimode fiber, single-mode fiber) whose guaranteed reach covers the length.
 * Optical media also need a transceiver at each end that reaches; a twin-port module serves two links.
 * Reach ranges count at their minimum (what the vendor guarantees for every length it sells).
 * @module
 */
import { pickSourced, isMissing, type Basis } from '../provenance';
import type { CableMedium, MediaKind, NetworkCatalog, TransceiverModel } from './types';

export const DEFAULT_MEDIA_ORDER: readonly MediaKind[] = ['dac', 'acc', 'aec', 'mmf', 'smf'];
export const OPTICS_ONLY: readonly MediaKind[] = ['mmf', 'smf'];

export interface MediaChoice {
  readonly medium: CableMedium;
  /** Modules for optical media: at a switch cage and at the far end (node NIC or another switch cage). */
  readonly aModule: TransceiverModel | null;
  readonly bModule: TransceiverModel | null;
}

export function reachOf(q: { reachM: CableMedium['reachM'] | TransceiverModel['reachM'] }): number | null {
  const r = q.reachM;
  if (isMissing(r)) return null;
  return pickSourced(r, 'min');
}

/** The transceiver of `fiber` kind for links of `linkGbps` that reaches `lengthM`, preferring `linksPerModule`. */
export function pickTransceiver(cat: NetworkCatalog, fiber: 'mmf' | 'smf', linkGbps: number, laneGbps: number, lengthM: number, linksPerModule: number): TransceiverModel | null {
  let best: TransceiverModel | null = null;
  let bestScore = Infinity;
  for (const t of cat.transceivers) {
    if (t.fiber !== fiber || t.laneGbps !== laneGbps) continue;
    const reach = reachOf(t);
    if (reach === null || reach < lengthM) continue;
    // Prefer the exact link speed and module width, then the shortest reach that covers the length.
    const score = (t.linkGbps === linkGbps ? 0 : 1e7) + (t.linksPerModule === linksPerModule ? 0 : 1e6) + reach;
    if (score < bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** Media choice for one link, or null when nothing allowed reaches. */
export function pickMedium(
  cat: NetworkCatalog,
  opts: { lengthM: number; laneGbps: number; linkGbps: number; order: readonly MediaKind[]; aLinksPerModule: number; bLinksPerModule: number },
): MediaChoice | null {
  for (const kind of opts.order) {
    for (const m of cat.cables) {
      if (m.kind !== kind || m.laneGbps !== opts.laneGbps) continue;
      if ((reachOf(m) ?? 0) < opts.lengthM) continue;
      if (kind === 'mmf' || kind === 'smf') {
        const a = pickTransceiver(cat, kind, opts.linkGbps, opts.laneGbps, opts.lengthM, opts.aLinksPerModule);
        const b = pickTransceiver(cat, kind, opts.linkGbps, opts.laneGbps, opts.lengthM, opts.bLinksPerModule);
        if (!a || !b) continue;
        return { medium: m, aModule: a, bModule: b };
      }
      return { medium: m, aModule: null, bModule: null };
    }
  }
  return null;
}

/** Watts of a transceiver at a basis (`max` for sizing); null when unknown. */
export function moduleWatts(t: TransceiverModel, basis: Basis): number | null {
  const primary = basis === 'max' ? t.maxPowerW : t.typicalPowerW;
  const fallback = basis === 'max' ? t.typicalPowerW : t.maxPowerW;
  for (const q of [primary, fallback]) if (!isMissing(q)) return pickSourced(q, basis);
  return null;
}

/** The default optical module at a switch cage or a node port for sizing without a layout (single-mode, shortest reach). */
export function defaultModule(cat: NetworkCatalog, linkGbps: number, laneGbps: number, linksPerModule: number): TransceiverModel | null {
  return pickTransceiver(cat, 'smf', linkGbps, laneGbps, 0, linksPerModule) ?? pickTransceiver(cat, 'mmf', linkGbps, laneGbps, 0, linksPerModule);
}

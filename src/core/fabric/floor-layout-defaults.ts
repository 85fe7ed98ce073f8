/**
 * The floor layout's defaults, apart from the cabling engine so that the design's field limits
 * (src/schema/limits.ts, read by every view's first render) can state them without loading the engine.
 * `cabling.ts` re-exports both constants.
 * @module
 */
import type { FloorLayout } from './cabling';

export const DEFAULT_ORDERABLE_LENGTHS_M: readonly number[] = [0.5, 1, 1.5, 2, 2.5, 3, 5, 7, 10, 15, 20, 30, 50, 100];

export const DEFAULT_LAYOUT: FloorLayout = {
  racksPerRow: 16,
  rackWidthMm: 600,
  rowSpacingM: 2.4,
  trayHeightM: 2.6,
  slackPct: 10,
  slackM: 0.5,
  leafPlacement: 'network-row',
  spinePlacement: 'network-row',
  orderableLengthsM: DEFAULT_ORDERABLE_LENGTHS_M,
  networkRackUsableU: 42,
  floorClearanceM: 0.1,
};

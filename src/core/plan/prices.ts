/**
 * Price fallbacks. The prices themselves are data (presets/prices.json, with provenance), reached
 * through `catalog.prices`; this module only holds the labelled zero used when a generation has none.
 * @module
 */
import type { UnitPrice } from '../catalog/types';

export type { UnitPrice };

/** Used when a generation has no price entry: labelled so the report shows it (and a `price_unknown` issue). */
export const UNKNOWN_UNIT_PRICE: UnitPrice = {
  per: 'unit',
  usd: { min: 0, typical: 0, max: 0, unit: 'USD', confidence: 'estimate', sources: [], note: 'No price known for this generation: set prices.unitUsd in the plan.' },
};

/**
 * The engine's own defaults, in a module of their own so that small entries (the calculators) can read them
 * without loading the rack engine.
 * @module
 */

/** Defaults used when neither the user nor the catalog gives a value (each listed in `assumptions`). */
export const DEFAULTS = {
  /** OCP liquid-cooling guidance sizes flow at ≈1.5 L/min/kW, i.e. ΔT ≈ 10 K (ProphetStor summary of OCP; Vertiv uses 1.35). */
  liquidDeltaTK: 10,
  /** 20 °F, the planning rise behind the classic 3.16·W/ΔT°F (≈158 CFM/kW) rule. */
  airDeltaTK: 20 / 1.8,
  pumpEfficiency: 0.7,
  /** A liquid-cooled rack on a row CDU: one supply and one return hose per rack. */
  hosesPerLiquidRack: 2,
} as const;

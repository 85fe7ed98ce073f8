/**
 * The accepted range of every per-unit option, shared by the CLI, the UI, plan files and share links (the schema
 * that applies them is src/schema/unit-options.ts). No zod here: the designer's fields read these ranges in the
 * first render, before the schemas load.
 * @module
 */
export const UNIT_OPTION_LIMITS = {
  units: { min: 1, max: 100_000, integer: true },
  systemsPerRack: { min: 1, max: 16, integer: true },
  feedVolts: { min: 12, max: 1000 },
  feedAmps: { min: 1, max: 6000 },
  powerFactor: { min: 0.5, max: 1 },
  continuousFactor: { min: 0.5, max: 1 },
  deltaTK: { min: 1, max: 40 },
  airDeltaTK: { min: 1, max: 40 },
  altitudeM: { min: -430, max: 4000 },
  coolantSupplyC: { min: 2, max: 70 },
  floorLimitKgM2: { min: 100, max: 50_000 },
  /** Per deployable unit, DC side; the largest catalog unit (Rubin Ultra NVL576) is ~660 kW. */
  powerCapKw: { min: 1, max: 5000 },
} as const;

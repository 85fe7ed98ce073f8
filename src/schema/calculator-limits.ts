/**
 * Accepted ranges and defaults of the calculators' inputs (`rackplan calc …` and the Calculators view), stated
 * once in canonical SI units (W, m³/s, K, °C, m, V, A). The CLI flags and the view's fields both read this table.
 * @module
 */
import type { NumericLimit } from './limits';
// The engine's sourced defaults (listed in every rack report's assumptions), not a second copy.
import { DEFAULTS } from '../core/rack/defaults';

export const CALCULATOR_LIMITS = {
  heatW: { min: 1, max: 1e9, unit: 'W' },
  flowM3s: { min: 1e-7, max: 100, unit: 'm³/s' },
  liquidDeltaTK: { min: 0.1, max: 40, unit: 'K', default: DEFAULTS.liquidDeltaTK },
  airDeltaTK: { min: 1, max: 40, unit: 'K', default: DEFAULTS.airDeltaTK },
  supplyC: { min: 2, max: 70, unit: '°C', default: 25 },
  altitudeM: { min: -430, max: 4000, unit: 'm', default: 0 },
  volts: { min: 1, max: 1000, unit: 'V' },
  amps: { min: 0.1, max: 10_000, unit: 'A' },
  powerFactor: { min: 0.5, max: 1, default: 1 },
  continuousFactor: { min: 0.5, max: 1, default: 0.8 },
  deratingFactor: { min: 0.1, max: 1, default: 1, accepts: 'an ambient/thermal derating factor from 0.1 to 1' },
  bankLoadW: { min: 0, max: 1e7, unit: 'W' },
  banks: { min: 1, max: 96, integer: true },
  itW: { min: 1, max: 1e10, unit: 'W' },
  overheadW: { min: 0, max: 1e10, unit: 'W', default: 0 },
  moduleW: { min: 1000, max: 1e9, unit: 'W' },
  pue: { min: 1, max: 5 },
  utilization: { min: 0, max: 1, default: 1 },
  idleFraction: { min: 0, max: 1, default: 0 },
  hours: { min: 0, max: 1_000_000, default: 8760, unit: 'h' },
  tariffUsdPerKwh: { min: 0, max: 10, accepts: 'USD per kWh from 0 to 10' },
  carbonKgPerMwh: { min: 0, max: 2000, accepts: 'kg CO₂ per MWh from 0 to 2000' },
  fullW: { min: 1, max: 1e10, unit: 'W' },
} as const satisfies Record<string, NumericLimit>;

export const CALCULATOR_CHOICES = {
  coolant: ['water', 'pg25'],
  system: ['1ph', '3ph', 'dc'],
  connection: ['ln', 'll'],
  redundancy: ['n', 'n+1', 'n+2', '2n'],
  per: ['unit', 'accelerator'],
} as const;

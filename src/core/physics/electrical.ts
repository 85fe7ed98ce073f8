/**
 * Circuit capacity, breaker sizing and phase currents.
 * @module
 */
import type { ElectricalSystem } from '../catalog/types';

/** NEC 210.20(A): continuous load ≤ 80 % of the overcurrent device unless the assembly is 100 %-rated. */
export const NEC_CONTINUOUS_FACTOR = 0.8;

/** Standard ampere ratings of fuses and inverse-time breakers, NEC 240.6(A). */
export const STANDARD_BREAKER_AMPS = [
  15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 110, 125, 150, 175, 200, 225, 250, 300, 350, 400, 450, 500, 600, 700,
  800, 1000, 1200, 1600, 2000, 2500, 3000, 4000, 5000, 6000,
] as const;

export interface CircuitCapacity {
  /** Nameplate apparent power of the circuit, kVA (kW for DC). */
  readonly ratedKva: number;
  readonly usableAmps: number;
  readonly usableKva: number;
  readonly usableKw: number;
}

/**
 * Usable continuous capacity of a circuit.
 * 3-phase: S = √3 · V_LL · I; 1-phase: S = V · I; DC: P = V · I (PF ignored).
 * @example circuitCapacity(415, 60, '3ph', 1, 0.8).usableKva // ≈ 34.5 (Raritan PX3 "415 V 60 A, 34.5 kVA")
 */
export function circuitCapacity(volts: number, amps: number, system: ElectricalSystem, powerFactor: number, continuousFactor: number): CircuitCapacity {
  const k = system === '3ph' ? Math.sqrt(3) : 1;
  const ratedKva = (k * volts * amps) / 1000;
  const usableKva = ratedKva * continuousFactor;
  return {
    ratedKva,
    usableAmps: amps * continuousFactor,
    usableKva,
    usableKw: system === 'dc' ? usableKva : usableKva * powerFactor,
  };
}

/** Line current drawn by an apparent-power load, A. */
export function lineCurrent(kva: number, volts: number, system: ElectricalSystem): number {
  const k = system === '3ph' ? Math.sqrt(3) : 1;
  return (kva * 1000) / (k * volts);
}

/** Smallest standard breaker whose continuous rating carries `amps`; null above the largest standard size. */
export function requiredBreakerAmps(amps: number, continuousFactor: number): number | null {
  return STANDARD_BREAKER_AMPS.find((a) => a * continuousFactor >= amps - 1e-9) ?? null;
}

/**
 * Line currents of a 3-phase whip from single-phase PSU loads assigned round-robin.
 * `line-neutral`: PSU k sits on phase k mod 3 at V_LL/√3 (wye, e.g. 415/240 V).
 * `line-line`: PSU k sits across L1-L2, L2-L3, L3-L1 in turn at V_LL (e.g. 208 V); line currents are
 * phasor differences of the branch currents (unity-angle loads at the PSU power factor).
 */
export function threePhaseCurrents(psuKva: readonly number[], voltsLL: number, connection: 'line-neutral' | 'line-line'): [number, number, number] {
  const angle = [0, (-2 * Math.PI) / 3, (2 * Math.PI) / 3];
  if (connection === 'line-neutral') {
    const vln = voltsLL / Math.sqrt(3);
    const sums = [0, 0, 0];
    psuKva.forEach((s, i) => (sums[i % 3]! += (s * 1000) / vln));
    return [sums[0]!, sums[1]!, sums[2]!];
  }
  // Branch currents AB, BC, CA; branch voltage V_ab leads V_a by 30°.
  const branch = [0, 0, 0];
  psuKva.forEach((s, i) => (branch[i % 3]! += (s * 1000) / voltsLL));
  const phasor = (mag: number, ang: number): [number, number] => [mag * Math.cos(ang), mag * Math.sin(ang)];
  const ab = phasor(branch[0]!, angle[0]! + Math.PI / 6);
  const bc = phasor(branch[1]!, angle[1]! + Math.PI / 6);
  const ca = phasor(branch[2]!, angle[2]! + Math.PI / 6);
  const mag = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  return [mag(ab, ca), mag(bc, ab), mag(ca, bc)];
}

/** (max − mean) / mean; 0 for an unloaded set. */
export function imbalance(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean <= 0) return 0;
  // Rounding can put the max a hair under the mean (balanced phases): never report a negative imbalance.
  return Math.max(0, (Math.max(...values) - mean) / mean);
}

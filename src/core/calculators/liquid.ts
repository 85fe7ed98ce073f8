/**
 * The liquid-cooling balance Q = ρ · V̇ · cp · ΔT, solved for whichever one of heat, flow and temperature rise is
 * not given. Fluid properties are taken at the loop's mean temperature (supply + ΔT/2), so solving for ΔT iterates
 * until the mean temperature settles.
 * @module
 */
import type { CoolantModel } from '../catalog/types';
import { coolantProperties, type FluidProperties } from '../physics/thermal';

/** Exactly two of the three are given; the third is solved. SI: W, m³/s, K. */
export type LiquidKnowns =
  | { readonly heatW: number; readonly flowM3s: number; readonly deltaTK?: undefined }
  | { readonly heatW: number; readonly deltaTK: number; readonly flowM3s?: undefined }
  | { readonly flowM3s: number; readonly deltaTK: number; readonly heatW?: undefined };

/** The knowns from whichever of heat, flow and ΔT were given; null unless exactly two were. */
export function liquidKnowns(given: { readonly heatW?: number; readonly flowM3s?: number; readonly deltaTK?: number }): LiquidKnowns | null {
  const { heatW, flowM3s, deltaTK } = given;
  if ([heatW, flowM3s, deltaTK].filter((x) => x !== undefined).length !== 2) return null;
  if (heatW === undefined) return { flowM3s: flowM3s!, deltaTK: deltaTK! };
  return flowM3s === undefined ? { heatW, deltaTK: deltaTK! } : { heatW, flowM3s };
}

export interface LiquidBalance {
  readonly solvedFor: 'heat' | 'flow' | 'deltaT';
  readonly heatW: number;
  readonly flowM3s: number;
  readonly deltaTK: number;
  readonly supplyC: number;
  readonly returnC: number;
  /** Mean loop temperature the properties were read at. */
  readonly meanC: number;
  readonly fluid: FluidProperties;
  /** The mean temperature fell outside the coolant's property table (properties held at the table's end). */
  readonly propertiesClamped: boolean;
}

/** Iterations of the mean-temperature fixed point when solving for ΔT; cp and ρ move < 0.1 %/K, so 8 is ample. */
const DELTA_T_ITERATIONS = 8;

export function solveLiquid(knowns: LiquidKnowns, coolant: CoolantModel, supplyC: number): LiquidBalance {
  const at = (deltaTK: number) => coolantProperties(coolant, supplyC + deltaTK / 2);
  const result = (solvedFor: LiquidBalance['solvedFor'], heatW: number, flowM3s: number, deltaTK: number): LiquidBalance => {
    const p = at(deltaTK);
    return {
      solvedFor,
      heatW,
      flowM3s,
      deltaTK,
      supplyC,
      returnC: supplyC + deltaTK,
      meanC: supplyC + deltaTK / 2,
      fluid: { cpJPerKgK: p.cpJPerKgK, densityKgM3: p.densityKgM3 },
      propertiesClamped: p.clamped,
    };
  };
  if (knowns.deltaTK === undefined) {
    let dt = 10;
    for (let i = 0; i < DELTA_T_ITERATIONS; i++) {
      const p = at(dt);
      dt = knowns.heatW / (p.densityKgM3 * p.cpJPerKgK * knowns.flowM3s);
    }
    return result('deltaT', knowns.heatW, knowns.flowM3s, dt);
  }
  const p = at(knowns.deltaTK);
  const capacity = p.densityKgM3 * p.cpJPerKgK * knowns.deltaTK;
  if (knowns.flowM3s === undefined) return result('flow', knowns.heatW, knowns.heatW / capacity, knowns.deltaTK);
  return result('heat', knowns.flowM3s * capacity, knowns.flowM3s, knowns.deltaTK);
}

/**
 * A rack PDU with several breaker banks: per-bank current against its breaker, bank loads placed on the input's
 * phases, and the worst input phase against the input breaker, both at the continuous factor (NEC 210.20(A)) and
 * any ambient derating.
 * @module
 */
import type { ElectricalSystem } from '../catalog/types';
import { imbalance, threePhaseCurrents } from '../physics/electrical';

export interface PduBank {
  /** Breaker (overcurrent device) rating of the bank, A. */
  readonly breakerAmps: number;
  /** Load on the bank, kW. */
  readonly loadKw: number;
}

export interface PduInput {
  /** Input voltage: line-to-line for 3-phase. */
  readonly volts: number;
  readonly inputAmps: number;
  readonly system: ElectricalSystem;
  /**
   * How 3-phase banks are wired: `line-neutral` (wye, e.g. 415/240 V: each bank at V/√3) or `line-line` (delta, e.g.
   * 208 V: each bank across two lines at V). Ignored for 1-phase and DC.
   */
  readonly connection: 'line-neutral' | 'line-line';
  readonly powerFactor: number;
  readonly continuousFactor: number;
  /** Ambient/thermal derating of the devices (1 = none), applied on top of the continuous factor. */
  readonly deratingFactor: number;
  readonly banks: readonly PduBank[];
}

export interface PduBankLoad extends PduBank {
  /** Phase (or line pair) the bank sits on: L1, L2, L3, L1-L2…; "DC" or "L" for single-circuit systems. */
  readonly phase: string;
  readonly volts: number;
  readonly amps: number;
  readonly usableAmps: number;
  readonly utilization: number;
}

export interface PduLoads {
  readonly banks: readonly PduBankLoad[];
  readonly totalKw: number;
  readonly totalKva: number;
  /** Input line currents (one for 1-phase/DC), A. */
  readonly lineAmps: readonly number[];
  readonly worstLine: string;
  readonly worstLineAmps: number;
  readonly inputUsableAmps: number;
  readonly inputUtilization: number;
  /** (max − mean) / mean of the line currents. */
  readonly phaseImbalance: number;
  readonly overloaded: readonly string[];
}

const LINES = ['L1', 'L2', 'L3'] as const;
const PAIRS = ['L1-L2', 'L2-L3', 'L3-L1'] as const;

/** Bank k goes on phase k mod 3, the way PDU makers alternate banks so that equal banks balance. */
export function pduLoads(input: PduInput): PduLoads {
  const threePhase = input.system === '3ph';
  const bankVolts = threePhase && input.connection === 'line-neutral' ? input.volts / Math.sqrt(3) : input.volts;
  const pf = input.system === 'dc' ? 1 : input.powerFactor;
  const allowed = input.continuousFactor * input.deratingFactor;
  const kvaOf = (kw: number) => kw / pf;
  const banks = input.banks.map((b, i): PduBankLoad => {
    const amps = (kvaOf(b.loadKw) * 1000) / bankVolts;
    const usableAmps = b.breakerAmps * allowed;
    const phase = !threePhase ? (input.system === 'dc' ? 'DC' : 'L') : input.connection === 'line-neutral' ? LINES[i % 3]! : PAIRS[i % 3]!;
    return { ...b, phase, volts: bankVolts, amps, usableAmps, utilization: amps / usableAmps };
  });
  const totalKw = input.banks.reduce((s, b) => s + b.loadKw, 0);
  const lineAmps = threePhase
    ? threePhaseCurrents(input.banks.map((b) => kvaOf(b.loadKw)), input.volts, input.connection)
    : [(kvaOf(totalKw) * 1000) / input.volts];
  let worst = 0;
  lineAmps.forEach((a, i) => (a > lineAmps[worst]! ? (worst = i) : undefined));
  const inputUsableAmps = input.inputAmps * allowed;
  const overloaded = banks.flatMap((b, i) => (b.amps > b.usableAmps + 1e-9 ? [`bank ${i + 1}`] : []));
  if (lineAmps[worst]! > inputUsableAmps + 1e-9) overloaded.push(`input ${threePhase ? LINES[worst] : 'circuit'}`);
  return {
    banks,
    totalKw,
    totalKva: kvaOf(totalKw),
    lineAmps,
    worstLine: threePhase ? LINES[worst]! : input.system === 'dc' ? 'DC' : 'L',
    worstLineAmps: lineAmps[worst]!,
    inputUsableAmps,
    inputUtilization: lineAmps[worst]! / inputUsableAmps,
    phaseImbalance: imbalance(lineAmps),
    overloaded,
  };
}

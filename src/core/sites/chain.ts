/**
 * The facility power chain: utility → MV switchgear/transformer → UPS or BBU → busway/RPP → rack input.
 *
 * Walking from the rack towards the utility, each stage's output is the input of the stage below it
 * (plus the mechanical load and fixed overhead at the first stage that carries them). Modules are sized
 * on the design load: N = ⌈design output / module rating⌉, installed = N (N), N + k (N+k), 2N (2N) or
 * ⌈N · g / (g − 1)⌉ (distributed redundant, g modules carrying the load of g − 1). Loading is the output over
 * the installed capacity, efficiency comes from the stage's curve at that loading, input = output / η.
 * @module
 */
import { pickSourced } from '../provenance';
import type { ChainStage, PowerChain, StageRedundancy } from './types';

export interface StageReport {
  readonly id: string;
  readonly name: string;
  readonly kind: ChainStage['kind'];
  readonly redundancy: StageRedundancy;
  /** Modules needed without redundancy, and installed. */
  readonly modulesNeeded: number;
  readonly modulesInstalled: number;
  readonly moduleRatingMw: number;
  readonly installedMw: number;
  readonly outputMw: number;
  readonly loadingFraction: number;
  readonly efficiency: number;
  readonly lossMw: number;
  readonly indoor: boolean;
}

export interface ChainLoads {
  /** Rack input power at the operating point, kW. */
  readonly itKw: number;
  /** Mechanical (cooling) power and fixed overhead at the operating point, kW. */
  readonly mechanicalKw: number;
  readonly fixedKw: number;
  /** The same at the design point, for sizing modules. */
  readonly designItKw: number;
  readonly designMechanicalKw: number;
  readonly designFixedKw: number;
}

export interface ChainReport {
  readonly stages: readonly StageReport[];
  /** Sum of stage losses, kW. */
  readonly lossKw: number;
  /** Losses of indoor stages (heat for the air side), kW. */
  readonly indoorLossKw: number;
  /** Power at the utility meter, kW (IT + mechanical + fixed + losses). */
  readonly meterKw: number;
}

/** Efficiency at a loading fraction: linear between the curve points, flat beyond the first and last. */
export function stageEfficiency(stage: ChainStage, loadingFraction: number): number {
  const p = stage.efficiency.points;
  const first = p[0]!;
  const last = p[p.length - 1]!;
  if (loadingFraction <= first.loadFraction) return first.efficiency;
  if (loadingFraction >= last.loadFraction) return last.efficiency;
  for (let i = 1; i < p.length; i++) {
    const b = p[i]!;
    if (b.loadFraction >= loadingFraction) {
      const a = p[i - 1]!;
      return a.efficiency + ((loadingFraction - a.loadFraction) / (b.loadFraction - a.loadFraction)) * (b.efficiency - a.efficiency);
    }
  }
  return last.efficiency;
}

/** Installed modules for `needed` modules under a redundancy scheme. */
export function installedModules(redundancy: StageRedundancy, needed: number, drGroup = 3): number {
  switch (redundancy) {
    case 'n':
      return needed;
    case 'n+1':
      return needed + 1;
    case 'n+2':
      return needed + 2;
    case '2n':
      return 2 * needed;
    case 'dr':
      return Math.ceil((needed * drGroup) / (drGroup - 1));
  }
}

/** Evaluate the chain at an operating point, with modules sized on the design point. */
export function evaluateChain(chain: PowerChain, loads: ChainLoads): ChainReport {
  const stages: StageReport[] = [];
  let out = loads.itKw;
  let designOut = loads.designItKw;
  let mechanicalAdded = false;
  let loss = 0;
  let indoorLoss = 0;
  for (let i = chain.stages.length - 1; i >= 0; i--) {
    const s = chain.stages[i]!;
    if (s.carriesMechanical && !mechanicalAdded) {
      out += loads.mechanicalKw + loads.fixedKw;
      designOut += loads.designMechanicalKw + loads.designFixedKw;
      mechanicalAdded = true;
    }
    const ratingKw = pickSourced(s.moduleRatingMw, 'typical') * 1000;
    const needed = Math.max(1, Math.ceil(designOut / ratingKw - 1e-9));
    const installed = installedModules(s.redundancy, needed, s.drGroup);
    const loading = out / (installed * ratingKw);
    const eta = stageEfficiency(s, loading);
    const input = out / eta;
    const stageLoss = input - out;
    const designEta = stageEfficiency(s, designOut / (installed * ratingKw));
    stages.unshift({
      id: s.id,
      name: s.name,
      kind: s.kind,
      redundancy: s.redundancy,
      modulesNeeded: needed,
      modulesInstalled: installed,
      moduleRatingMw: ratingKw / 1000,
      installedMw: (installed * ratingKw) / 1000,
      outputMw: out / 1000,
      loadingFraction: loading,
      efficiency: eta,
      lossMw: stageLoss / 1000,
      indoor: s.indoor,
    });
    loss += stageLoss;
    if (s.indoor) indoorLoss += stageLoss;
    out = input;
    designOut = designOut / designEta;
  }
  if (!mechanicalAdded) out += loads.mechanicalKw + loads.fixedKw;
  return { stages, lossKw: loss, indoorLossKw: indoorLoss, meterKw: out };
}

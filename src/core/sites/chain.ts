/**
 * The facility power chain: utility → MV switchgear/transformer → UPS or BBU → busway/RPP → rack input.
 *
 * Walking from the rack towards the utility, each stage's output is the input of the stage below it
 * (plus the mechanical load and fixed overhead at the first stage that carries them). Modules are sized
 * on the design load: N = ⌈design output / module rating⌉, installed = N (N), N + k (N+k), 2N (2N) or
 * ⌈N · g / (g − 1)⌉ (distributed redundant, g modules carrying the load of g − 1). Loading is the output over
 * the installed capacity, efficiency comes from the stage's curve at that loading, input = output / η.
 *
 * Power architectures. The site's chain is the AC path (a double-conversion UPS and AC busway). A generation
 * whose power architecture brings its own facility stages (800 VDC: a rectifier to 800 VDC, energy storage on
 * the DC bus, DC busway; no AC UPS) is fed through a branch: the site's stages from the utility down to the
 * first one that also feeds the cooling plant are shared, the site's stages below it carry only the AC
 * loads, and each branch's stages carry only that architecture's IT load. A branch joins the shared path
 * where the mechanical load does (at the top when no stage carries it).
 * @module
 */
import type { PowerArchitecture } from '../catalog/types';
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
  /**
   * Which loads pass through the stage: `shared` (every load, and the cooling plant where the stage carries it),
   * `site` (the site's own AC path below the shared stages: AC-fed units and the network), or the id of the power
   * architecture whose branch it belongs to (e.g. `dc-800v`).
   */
  readonly path: string;
  /** The site data says the cooling plant and building load are fed through this stage. */
  readonly carriesMechanical: boolean;
}

/** IT load fed through a power architecture's own facility stages instead of the site's AC path. */
export interface ChainBranchLoad {
  readonly architecture: PowerArchitecture;
  /** Rack input of the units on this architecture at the operating point, and at the design point, kW (part of `ChainLoads.itKw`). */
  readonly itKw: number;
  readonly designItKw: number;
}

export interface ChainLoads {
  /** Rack input power at the operating point, kW (every path, branches included). */
  readonly itKw: number;
  /** Mechanical (cooling) power and fixed overhead at the operating point, kW. */
  readonly mechanicalKw: number;
  readonly fixedKw: number;
  /** The same at the design point, for sizing modules. */
  readonly designItKw: number;
  readonly designMechanicalKw: number;
  readonly designFixedKw: number;
  /** The part of the IT load fed through other power architectures' stages (absent: all on the site's chain). */
  readonly branches?: readonly ChainBranchLoad[];
}

export interface ChainReport {
  /** Utility first: shared stages, the site's own path, then each branch. */
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

/** True when the architecture replaces the site's distribution with stages of its own (800 VDC); false for the site's AC chain. */
export function hasOwnFacilityStages(architecture: PowerArchitecture | undefined): architecture is PowerArchitecture {
  return architecture !== undefined && architecture.facilityStages.length > 0;
}

/**
 * Where branches join the site's chain: the index of the first stage (utility first) that carries the mechanical
 * load; the stages above and at it are shared, those below it are the site's own path. −1: no stage carries the
 * mechanical load, so every site stage is the site's own path and branches join at the meter.
 */
export function sharedStageCount(chain: PowerChain): number {
  return chain.stages.findIndex((s) => s.carriesMechanical) + 1;
}

interface Walk {
  readonly out: number;
  readonly designOut: number;
  readonly loss: number;
  readonly indoorLoss: number;
}

/** One stage at an operating output and a design output; pushes its report (utility-first order is restored by the caller). */
function stageAt(s: ChainStage, out: number, designOut: number, path: StageReport['path'], into: StageReport[]): { input: number; designInput: number; loss: number } {
  const ratingKw = pickSourced(s.moduleRatingMw, 'typical') * 1000;
  const needed = Math.max(1, Math.ceil(designOut / ratingKw - 1e-9));
  const installed = installedModules(s.redundancy, needed, s.drGroup);
  const loading = out / (installed * ratingKw);
  const eta = stageEfficiency(s, loading);
  const input = out / eta;
  const designEta = stageEfficiency(s, designOut / (installed * ratingKw));
  into.push({
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
    lossMw: (input - out) / 1000,
    indoor: s.indoor,
    path,
    carriesMechanical: s.carriesMechanical,
  });
  return { input, designInput: designOut / designEta, loss: input - out };
}

/** Walk stages from the rack end towards the utility; returns the power entering the first stage and the reports (utility first). */
function walk(stages: readonly ChainStage[], out: number, designOut: number, path: StageReport['path']): Walk & { reports: StageReport[] } {
  const reports: StageReport[] = [];
  let loss = 0;
  let indoorLoss = 0;
  for (let i = stages.length - 1; i >= 0; i--) {
    const s = stages[i]!;
    const r = stageAt(s, out, designOut, path, reports);
    loss += r.loss;
    if (s.indoor) indoorLoss += r.loss;
    out = r.input;
    designOut = r.designInput;
  }
  return { out, designOut, loss, indoorLoss, reports: reports.reverse() };
}

/** Evaluate the chain at an operating point, with modules sized on the design point. */
export function evaluateChain(chain: PowerChain, loads: ChainLoads): ChainReport {
  const branches = (loads.branches ?? []).filter((b) => hasOwnFacilityStages(b.architecture) && b.designItKw > 0);
  const split = branches.length ? sharedStageCount(chain) : 0;
  const shared = chain.stages.slice(0, split);
  const own = chain.stages.slice(split);
  const branchIt = branches.reduce((t, b) => t + b.itKw, 0);
  const branchDesignIt = branches.reduce((t, b) => t + b.designItKw, 0);
  const siteIt = Math.max(0, loads.itKw - branchIt);
  const siteDesignIt = Math.max(0, loads.designItKw - branchDesignIt);

  let out = 0;
  let designOut = 0;
  let loss = 0;
  let indoorLoss = 0;
  const reports: StageReport[] = [];
  // The site's own path. With branches it ends at the split; its stages are left out when nothing on it is designed to
  // draw power (every unit on a branch and no network), so an all-800 VDC site shows no AC UPS.
  if (!branches.length || siteDesignIt > 0) {
    if (branches.length) {
      const w = walk(own, siteIt, siteDesignIt, 'site');
      reports.push(...w.reports);
      out = w.out;
      designOut = w.designOut;
      loss += w.loss;
      indoorLoss += w.indoorLoss;
    } else {
      out = siteIt;
      designOut = siteDesignIt;
    }
  }
  for (const b of branches) {
    const w = walk(b.architecture.facilityStages, b.itKw, b.designItKw, b.architecture.id);
    reports.push(...w.reports);
    out += w.out;
    designOut += w.designOut;
    loss += w.loss;
    indoorLoss += w.indoorLoss;
  }
  // Shared stages (all stages when there is no branch): the mechanical load joins at the first stage that carries it.
  const top = branches.length ? shared : chain.stages;
  const path: StageReport['path'] = branches.length ? 'shared' : 'site';
  let mechanicalAdded = false;
  const upper: StageReport[] = [];
  for (let i = top.length - 1; i >= 0; i--) {
    const s = top[i]!;
    if (s.carriesMechanical && !mechanicalAdded) {
      out += loads.mechanicalKw + loads.fixedKw;
      designOut += loads.designMechanicalKw + loads.designFixedKw;
      mechanicalAdded = true;
    }
    const r = stageAt(s, out, designOut, path, upper);
    loss += r.loss;
    if (s.indoor) indoorLoss += r.loss;
    out = r.input;
    designOut = r.designInput;
  }
  if (!mechanicalAdded) out += loads.mechanicalKw + loads.fixedKw;
  return { stages: [...upper.reverse(), ...reports], lossKw: loss, indoorLossKw: indoorLoss, meterKw: out };
}

/**
 * The stages one architecture's load passes through, utility first: the shared stages and the architecture's own
 * (a branch), or the site's whole chain for the site's AC path. For showing one unit's chain.
 */
export function stagesOnPath(report: { readonly stages: readonly StageReport[] }, path: string): StageReport[] {
  return report.stages.filter((s) => s.path === 'shared' || s.path === path);
}

/**
 * Product of a list of stage efficiencies, each read at the same loading fraction: the end-to-end figure a power
 * architecture states (facility stages, then rack stages), for checking the stated value against its stages.
 */
export function endToEndEfficiency(architecture: PowerArchitecture, loadingFraction: number): number {
  let eta = 1;
  for (const s of architecture.facilityStages) eta *= stageEfficiency(s, loadingFraction);
  for (const r of architecture.rackStages) eta *= pickSourced(r.efficiency, 'typical');
  return eta;
}

/**
 * The power chain from the utility to the chips, as stages with the power entering and leaving each and the
 * loss there. The rack part (rack input → PSUs → busbar → trays → accelerators) comes from the unit report;
 * the facility part (utility → switchgear → transformer → UPS → busway) comes from the sites core's chain
 * report when a site is chosen.
 * @module
 */
import type { Generation } from '../core/catalog/types';
import { pick, type Confidence } from '../core/provenance';
import type { UnitReport } from '../core/rack/types';
import { formatPue } from './format';
import { shortName } from './names';

export interface ChainStageView {
  readonly id: string;
  readonly label: string;
  /** Power leaving the stage towards the chips, W. */
  readonly outW: number;
  /** Power lost in the stage, W (0 for a tap such as "accelerators"). */
  readonly lossW: number;
  readonly efficiency: number | null;
  readonly detail: string;
  readonly confidence: Confidence | 'missing' | null;
  /** Facility stages come from a site; rack stages from the unit. */
  readonly scope: 'facility' | 'rack';
}

export interface ChainView {
  readonly stages: readonly ChainStageView[];
  /** Power drawn at the start of the chain (utility meter with a site, rack input otherwise), W. */
  readonly inW: number;
  /** What the facility part shows, or why it is absent. */
  readonly facilityNote: string;
  readonly hasFacility: boolean;
}

/** A facility stage as the sites core reports it (structural type so the sites core can be plugged in). */
export interface FacilityStageInput {
  readonly id: string;
  readonly name: string;
  readonly inputKw: number;
  readonly outputKw: number;
  readonly efficiency: number;
  readonly detail?: string;
  readonly confidence?: Confidence;
}

/** The facility part for one unit at a site (from the sites core; see src/views/site-chain.ts). */
export interface FacilityInput {
  readonly stages: readonly FacilityStageInput[];
  readonly note: string;
  /** Per unit at the design condition, kW. */
  readonly meterKw: number;
  readonly coolingKw: number;
  readonly fixedKw: number;
  readonly lossKw: number;
  readonly peakPue: number | null;
}

/**
 * @param report - unit report (per unit; the chain is drawn for one unit)
 * @param generation - for the accelerators' TDP
 * @param facility - facility stages, utility first, for this unit; null when no site is chosen
 * @param facilityNote - why there is no facility part (no site chosen, site data loading…)
 */
export function powerChain(report: UnitReport, generation: Generation, facility: FacilityInput | null, facilityNote?: string): ChainView {
  const p = report.power;
  const stages: ChainStageView[] = [];
  if (facility) {
    stages.push({
      id: 'meter',
      label: 'Utility meter',
      outW: facility.meterKw * 1000,
      lossW: 0,
      efficiency: null,
      detail: `PUE ${formatPue(facility.peakPue)} at the design condition: cooling ${(facility.coolingKw).toFixed(1)} kW and building ${(facility.fixedKw).toFixed(1)} kW branch off; chain losses ${(facility.lossKw).toFixed(1)} kW`,
      confidence: null,
      scope: 'facility',
    });
  }
  for (const f of facility?.stages ?? []) {
    stages.push({ id: f.id, label: f.name, outW: f.outputKw * 1000, lossW: (f.inputKw - f.outputKw) * 1000, efficiency: f.efficiency, detail: f.detail ?? '', confidence: f.confidence ?? null, scope: 'facility' });
  }
  const eff = report.assumptions.find((a) => a.path.endsWith('.efficiency') && a.path.startsWith('psus.'));
  stages.push({
    id: 'rack-input',
    label: 'Rack input (whips)',
    outW: p.inputKw * 1000,
    lossW: 0,
    efficiency: null,
    detail: `${(p.inputKva).toFixed(1)} kVA at PF ${p.powerFactor.toFixed(2)}; ${p.feeds.sides.reduce((s, x) => s + x.whips, 0)} whips`,
    confidence: null,
    scope: 'rack',
  });
  const shelf = generation.power.architecture === 'shelf';
  stages.push({
    id: 'psus',
    label: shelf ? `Power shelves → ${p.busVoltageV ?? '?'} V busbar` : 'Server PSUs',
    outW: p.itKw * 1000,
    lossW: p.psuLossKw * 1000,
    efficiency: p.efficiency,
    detail: `${p.psus.psuCount} PSUs at ${(p.psus.loadPerPsuFraction * 100).toFixed(0)} % load${p.busbarA !== null ? `; ${Math.round(p.busbarA).toLocaleString('en-US')} A on the busbar` : ''}`,
    confidence: (eff?.confidence as Confidence | undefined) ?? null,
    scope: 'rack',
  });
  const tdp = pick(generation.accelerator.tdpW, report.basis);
  const comp = [...p.components].sort((a, b) => b.totalKw - a.totalKw);
  stages.push({
    id: 'components',
    label: 'Trays and systems',
    outW: p.itKw * 1000,
    lossW: 0,
    efficiency: null,
    detail: comp.map((c) => `${c.count} × ${shortName(c.name)} ${(c.totalKw).toFixed(1)} kW`).join('; '),
    confidence: null,
    scope: 'rack',
  });
  if (tdp !== null && report.accelerators > 0) {
    const chipsW = tdp * report.accelerators;
    const tdpConfidence = 'confidence' in generation.accelerator.tdpW ? generation.accelerator.tdpW.confidence : 'missing';
    stages.push({
      id: 'accelerators',
      label: `${generation.accelerator.model} accelerators`,
      outW: chipsW,
      lossW: 0,
      efficiency: null,
      detail: `${report.accelerators} × ${Math.round(tdp).toLocaleString('en-US')} W TDP = ${((chipsW / (p.itKw * 1000)) * 100).toFixed(0)} % of IT power; the rest feeds CPUs, memory, NICs, fans and switches`,
      confidence: tdpConfidence,
      scope: 'rack',
    });
  }
  const inW = facility ? facility.meterKw * 1000 : p.inputKw * 1000;
  return { stages, inW, facilityNote: facility ? facility.note : (facilityNote ?? 'Pick a site to see the facility stages (utility, transformer, UPS, busway).'), hasFacility: facility !== null };
}

/**
 * The power chain from the utility to the chips, as stages with the power entering and leaving each and the
 * loss there. The rack part (rack input → PSUs → busbar → trays → accelerators) comes from the unit report;
 * the facility part (utility → switchgear → transformer → UPS → busway) comes from the sites core's chain
 * report when a site is chosen. In the core because the designer's chain and the PDF design review's one-line
 * diagram draw the same stages (one owner); src/views/power-chain.ts re-exports it for the views.
 * @module
 */
import type { Generation } from '../catalog/types';
import { formatNumber, formatPue } from '../format';
import { shortName } from '../names';
import { pick, pickSourced, type Confidence } from '../provenance';
import type { UnitReport } from './types';

/** Power that leaves the chain after a stage without reaching the next one (cooling, building, network share, non-accelerator IT). */
export interface ChainBranchView {
  readonly id: 'cooling' | 'building' | 'network' | 'other-it' | 'fixed-pue';
  readonly label: string;
  /** W. */
  readonly w: number;
  readonly detail: string;
}

export interface ChainStageView {
  readonly id: string;
  readonly label: string;
  /** Power entering the stage, W. `inW = outW + lossW` for every stage. */
  readonly inW: number;
  /** Power leaving the stage towards the chips, W. */
  readonly outW: number;
  /** Power lost in the stage, W (0 for a tap such as "accelerators"). */
  readonly lossW: number;
  readonly efficiency: number | null;
  readonly detail: string;
  readonly confidence: Confidence | 'missing' | null;
  /** Facility stages come from a site; rack stages from the unit. */
  readonly scope: 'facility' | 'rack';
  /**
   * Power taken off this stage's output before the next stage: the next stage's `inW` is `outW − Σ branches`.
   * So every watt at the meter is either passed on, lost in a stage, or in a named branch.
   */
  readonly branches: readonly ChainBranchView[];
}

export interface ChainView {
  readonly stages: readonly ChainStageView[];
  /** Power drawn at the start of the chain (utility meter with a site, rack input otherwise), W. */
  readonly inW: number;
  /** What the facility part shows, or why it is absent. */
  readonly facilityNote: string;
  readonly hasFacility: boolean;
  /**
   * The site's fixed PUEs (a plan's site overrides) in words, each with the PUE the site model computes beside it, e.g.
   * "peak PUE 1.30 (override, from pueOverride; computed 1.134)"; null when the chain is the site model's alone.
   */
  readonly pueOverride: string | null;
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
  /**
   * The stage also feeds the cooling plant and building load (the site data's `carriesMechanical`). Those branch
   * off at the output of the carrying stage nearest the racks, as the sites core's chain adds them there
   * (src/core/sites/chain.ts); with no carrying stage they branch off at the meter.
   */
  readonly carriesMechanical?: boolean;
  /**
   * The unit's network share leaves at this stage's output. Set when the unit is on another power architecture than
   * the site's AC path (800 VDC): the fabric switches stay on the AC path, which branches off at the shared stage.
   * With no stage flagged the share leaves after the last facility stage, as it is fed from the same busway.
   */
  readonly feedsNetwork?: boolean;
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
  /**
   * The unit's share of the site's network switches, kW: the site's IT load (what the last facility stage
   * delivers) is the units' rack input plus the fabric, so this share leaves the chain before the rack input.
   */
  readonly networkKw?: number;
  /** PUE at the design condition: the meter ÷ (rack input + network share); a fixed one where the site states it. */
  readonly peakPue: number | null;
  /**
   * A fixed PUE the site states (a plan's site overrides): `meterKw` and `peakPue` are then the stated ones, and
   * every stage, cooling, building and loss figure stays the site model's, which draws `modelMeterKw`. `text` says
   * which figures were fixed, each with the model's PUE beside it.
   */
  readonly fixedPue?: { readonly text: string; readonly modelMeterKw: number };
}

const kw = (w: number) => `${(w / 1000).toFixed(1)} kW`;

/**
 * @param report - unit report (per unit; the chain is drawn for one unit)
 * @param generation - for the accelerators' TDP
 * @param facility - facility stages, utility first, for this unit; null when no site is chosen
 * @param facilityNote - why there is no facility part (no site chosen, site data loading…)
 */
export function powerChain(report: UnitReport, generation: Generation, facility: FacilityInput | null, facilityNote?: string): ChainView {
  const p = report.power;
  const stages: ChainStageView[] = [];
  const rackInW = p.inputKw * 1000;
  if (facility) {
    const coolingW = facility.coolingKw * 1000;
    const buildingW = facility.fixedKw * 1000;
    const networkW = (facility.networkKw ?? 0) * 1000;
    const lossW = facility.lossKw * 1000;
    const mechanical: ChainBranchView[] = [
      { id: 'cooling', label: 'Cooling plant', w: coolingW, detail: 'chillers, dry coolers, pumps and fans at the design condition' },
      { id: 'building', label: 'Building load', w: buildingW, detail: 'lighting, offices, controls: the site’s fixed overhead' },
    ];
    // The cooling and building load leave at the carrying stage nearest the racks (last in utility-first order).
    let carrier = -1;
    facility.stages.forEach((f, i) => {
      if (f.carriesMechanical) carrier = i;
    });
    const meterW = facility.meterKw * 1000;
    const modelSum = `rack input ${kw(rackInW)} + network share ${kw(networkW)} + cooling ${kw(coolingW)} + building ${kw(buildingW)} + chain losses ${kw(lossW)}`;
    // A fixed PUE sets the meter; the stages below stay the site model's. What the stated meter holds beyond the
    // model's chain leaves as its own branch; a stated meter below the model's cannot be drawn as power, so it is said.
    const fixed = facility.fixedPue;
    const beyondModelW = fixed ? meterW - fixed.modelMeterKw * 1000 : 0;
    stages.push({
      id: 'meter',
      label: 'Utility meter',
      inW: meterW,
      outW: meterW,
      lossW: 0,
      efficiency: null,
      detail: fixed
        ? `${fixed.text} at the design condition: ${kw(meterW)} = (rack input ${kw(rackInW)} + network share ${kw(networkW)}) × ${formatPue(facility.peakPue)}; the site model’s chain below draws ${kw(fixed.modelMeterKw * 1000)} = ${modelSum}${beyondModelW < -0.5 ? `, ${kw(-beyondModelW)} more than the stated meter: the fixed PUE is below what the site model computes, so the stages do not add up to it` : ''}`
        : `PUE ${formatPue(facility.peakPue)} at the design condition: ${kw(meterW)} = ${modelSum}`,
      confidence: null,
      scope: 'facility',
      branches: [
        ...(beyondModelW > 0.5 ? [{ id: 'fixed-pue' as const, label: 'Fixed PUE margin', w: beyondModelW, detail: 'the fixed PUE beyond the site model: the part of the meter the stated PUE holds above the site model’s stages, cooling and building load at this load' }] : []),
        ...(carrier < 0 ? mechanical : []),
      ],
    });
    const networkAt = facility.stages.findIndex((f) => f.feedsNetwork);
    const network: ChainBranchView =
      networkAt >= 0
        ? { id: 'network', label: 'Network share', w: networkW, detail: 'this unit’s share of the site’s fabric switches (leaf, spine, core), fed through the site’s AC path (UPS and AC busway, their losses included): the racks are on their own power architecture' }
        : { id: 'network', label: 'Network share', w: networkW, detail: 'this unit’s share of the site’s fabric switches (leaf, spine, core), fed from the same busway' };
    facility.stages.forEach((f, i) => {
      const last = i === facility.stages.length - 1;
      const branches: ChainBranchView[] = [...(i === carrier ? mechanical : [])];
      if ((networkAt >= 0 ? i === networkAt : last) && networkW > 0) branches.push(network);
      stages.push({ id: f.id, label: f.name, inW: f.inputKw * 1000, outW: f.outputKw * 1000, lossW: (f.inputKw - f.outputKw) * 1000, efficiency: f.efficiency, detail: f.detail ?? '', confidence: f.confidence ?? null, scope: 'facility', branches });
    });
  }
  const eff = report.assumptions.find((a) => a.path.endsWith('.efficiency') && a.path.startsWith('psus.'));
  stages.push({
    id: 'rack-input',
    label: 'Rack input (whips)',
    inW: rackInW,
    outW: rackInW,
    lossW: 0,
    efficiency: null,
    detail: `${p.feeds.sides[0]?.system === 'dc' ? `${(p.inputKw).toFixed(1)} kW DC` : `${(p.inputKva).toFixed(1)} kVA at PF ${p.powerFactor.toFixed(2)}`}; ${p.feeds.sides.reduce((s, x) => s + x.whips, 0)} whips`,
    confidence: null,
    scope: 'rack',
    branches: [],
  });
  const shelf = generation.power.architecture === 'shelf';
  const itW = p.itKw * 1000;
  stages.push({
    id: 'psus',
    label: shelf ? (p.busVoltageV !== null ? `Power shelves → ${p.busVoltageV} V busbar` : 'Power shelves → busbar (voltage not published)') : 'Server PSUs',
    inW: itW + p.psuLossKw * 1000,
    outW: itW,
    lossW: p.psuLossKw * 1000,
    efficiency: p.efficiency,
    detail: `${p.psus.psuCount} PSUs at ${(p.psus.loadPerPsuFraction * 100).toFixed(0)} % load${p.busbarA !== null ? `; ${Math.round(p.busbarA).toLocaleString('en-US')} A on the busbar` : ''}`,
    confidence: (eff?.confidence as Confidence | undefined) ?? null,
    scope: 'rack',
    branches: [],
  });
  const tdp = pick(generation.accelerator.tdpW, report.basis);
  const comp = [...p.components].sort((a, b) => b.totalKw - a.totalKw);
  // The report's own accelerator power (at the cap when one limits), so the chain and the key figures agree.
  const acc = p.accelerators;
  const chipsW = acc.kw !== null && report.accelerators > 0 ? acc.kw * 1000 : null;
  // The chips are drawn as the last stage only when their TDP fits inside the IT power; otherwise the catalog's
  // figures disagree and the share is stated in words instead of a branch that would have to be negative.
  const chipsFit = chipsW !== null && chipsW <= itW + 1e-6;
  stages.push({
    id: 'components',
    label: 'Trays and systems',
    inW: itW,
    outW: itW,
    lossW: 0,
    efficiency: null,
    detail: `${comp.map((c) => `${c.count} × ${shortName(c.name)} ${(c.totalKw).toFixed(1)} kW`).join('; ')}${chipsW !== null && !chipsFit ? `; the accelerators’ TDP (${report.accelerators} × ${Math.round(tdp ?? 0).toLocaleString('en-US')} W) is more than this IT power: the catalog’s TDP and tray power disagree` : ''}`,
    confidence: null,
    scope: 'rack',
    branches: [],
  });
  // Conversions inside the trays or blades that the power architecture names (800 VDC → 50 V): their loss is part of
  // the IT power above (the rack figure is what the blades draw), so they are drawn after it, not added to it.
  let boardW = itW;
  for (const r of generation.powerArchitecture?.rackStages ?? []) {
    const eta = pickSourced(r.efficiency, 'typical');
    stages.push({
      id: `rack-${r.id}`,
      label: r.name,
      inW: boardW,
      outW: boardW * eta,
      lossW: boardW * (1 - eta),
      efficiency: eta,
      detail: `inside the blades’ power (the IT figure above includes this loss); ${r.efficiency.confidence}${'note' in r.efficiency && r.efficiency.note ? `: ${r.efficiency.note}` : ''}`,
      confidence: r.efficiency.confidence,
      scope: 'rack',
      branches: [],
    });
    boardW *= eta;
  }
  const fitsAfterConversion = chipsW !== null && chipsW <= boardW + 1e-6;
  stages[stages.length - 1] = {
    ...stages[stages.length - 1]!,
    branches: chipsFit && fitsAfterConversion ? [{ id: 'other-it', label: 'CPUs, memory, NICs, fans, switch trays', w: boardW - chipsW, detail: 'IT power not drawn by the accelerators' }] : [],
  };
  if (chipsW !== null && tdp !== null && chipsFit && fitsAfterConversion) {
    const tdpConfidence = 'confidence' in generation.accelerator.tdpW ? generation.accelerator.tdpW.confidence : 'missing';
    stages.push({
      id: 'accelerators',
      label: `${generation.accelerator.model} accelerators`,
      inW: chipsW,
      outW: chipsW,
      lossW: 0,
      efficiency: null,
      detail: `${report.accelerators} × ${Math.round(tdp).toLocaleString('en-US')} W TDP${acc.tdpKw !== null && acc.kw !== null && acc.kw < acc.tdpKw - 1e-9 ? `, ${formatNumber(acc.kw)} kW at the cap` : ''} = ${formatNumber(chipsW / itW * 100, 1)} % of IT power`,
      confidence: tdpConfidence,
      scope: 'rack',
      branches: [],
    });
  }
  const inW = facility ? facility.meterKw * 1000 : rackInW;
  return { stages, inW, facilityNote: facility ? facility.note : (facilityNote ?? 'Pick a site to see the facility stages (utility, transformer, UPS, busway).'), hasFacility: facility !== null, pueOverride: facility?.fixedPue?.text ?? null };
}

/** A place where the chain does not add up: a stage whose input is not output + loss, or a hand-over between stages that is not output − branches. */
export interface ChainMismatch {
  readonly at: string;
  /** W: expected − found. */
  readonly gapW: number;
}

/**
 * Check that every watt is accounted for: each stage's input = output + loss, and each stage's output minus its
 * branches = the next stage's input, and the first stage takes what the chain draws. Returns the mismatches larger
 * than `toleranceW`.
 */
export function chainMismatches(chain: ChainView, toleranceW = 1): ChainMismatch[] {
  const out: ChainMismatch[] = [];
  const s = chain.stages;
  if (s.length && Math.abs(s[0]!.inW - chain.inW) > toleranceW) out.push({ at: `start: ${s[0]!.id}`, gapW: chain.inW - s[0]!.inW });
  s.forEach((x, i) => {
    const own = x.inW - x.outW - x.lossW;
    if (Math.abs(own) > toleranceW) out.push({ at: x.id, gapW: own });
    const next = s[i + 1];
    if (!next) return;
    const handOver = x.outW - x.branches.reduce((t, b) => t + b.w, 0) - next.inW;
    if (Math.abs(handOver) > toleranceW) out.push({ at: `${x.id} → ${next.id}`, gapW: handOver });
  });
  return out;
}

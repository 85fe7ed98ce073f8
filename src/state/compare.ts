/**
 * Compare: every chosen generation sized to one target (accelerators, IT power or dense FP8), each at its
 * catalog defaults, so GPU, Trainium and Inferentia units line up like for like.
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import { evaluateUnit } from '../core/rack/evaluate';
import type { UnitReport } from '../core/rack/types';
import type { Basis } from '../core/provenance';
import type { CompareDesign, CompareTargetKind } from './types';

export interface CompareRow {
  readonly generation: Generation;
  /** Units needed to reach the target (at least one). */
  readonly units: number;
  /** Per-unit report and the report for `units` (its `totals`). */
  readonly perUnit: UnitReport;
  readonly sized: UnitReport;
  /** What one unit contributes to the target; null when the unit has none (e.g. no FP8). */
  readonly perUnitTarget: number | null;
  readonly floorM2: number;
  readonly kwPerAccelerator: number;
  readonly kwPerFp8Pflops: number | null;
  readonly estimate: boolean;
}

export const TARGET_LABEL: Record<CompareTargetKind, string> = {
  accelerators: 'Accelerators',
  itPower: 'IT power',
  fp8Pflops: 'Dense FP8 PFLOPS',
};

function perUnit(r: UnitReport, kind: CompareTargetKind): number | null {
  if (kind === 'accelerators') return r.accelerators;
  if (kind === 'itPower') return r.power.itKw * 1000;
  return r.compute.fp8DensePflops;
}

/** Size every generation in `design.generationIds` to `design.target`. */
export function compareUnits(catalog: Catalog, design: CompareDesign, basis: Basis = 'max'): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const id of design.generationIds) {
    const g = catalog.generations.find((x) => x.id === id);
    if (!g) continue;
    const one = evaluateUnit(g, { basis }, catalog);
    const per = perUnit(one, design.target.kind);
    const units = per && per > 0 ? Math.max(1, Math.ceil(design.target.value / per - 1e-9)) : 1;
    const sized = units === 1 ? one : evaluateUnit(g, { basis, units }, catalog);
    const t = sized.totals;
    rows.push({
      generation: g,
      units,
      perUnit: one,
      sized,
      perUnitTarget: per,
      floorM2: t.racks * one.space.footprintM2PerRack,
      kwPerAccelerator: one.accelerators > 0 ? one.power.itKw / one.accelerators : 0,
      kwPerFp8Pflops: one.compute.fp8DensePflops ? one.power.itKw / one.compute.fp8DensePflops : null,
      estimate: one.assumptions.some((a) => a.confidence === 'estimate' && a.path.includes('.maxPowerW')),
    });
  }
  return rows;
}

/**
 * Compare: GPU, Trainium and Inferentia generations sized to one target at one data-center site, by the plan
 * core's accelerator comparison (site PUE, tariff, carbon, fabric, capex and $/PFLOP-hour included).
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { compareAccelerators, DEFAULT_COMPARE_SITE, type CompareOption, type CompareReport, type CompareTarget } from '../core/plan/compare';
import { computeAt, isDensePrecision, PRECISION_LABEL } from '../core/plan/precision';
import type { Precision, SiteOverrides } from '../core/plan/types';
import type { UnitOptions, UnitReport } from '../core/rack/types';
import type { Site } from '../core/sites/types';
import { COMPARE_TARGET_FIELDS } from './plan-fields';
import type { CompareDesign, CompareTargetKind, RackDesign } from '../state/types';
import { shortName } from './names';
import type { FixedPues } from './site-chain';

/** Overrides of a plan's site that describe its whole cluster, not a comparison's or one unit's figures. */
export type PlanOnlyOverride = Exclude<keyof SiteOverrides, keyof FixedPues>;

export const TARGET_LABEL: Record<CompareTargetKind, string> = {
  fp8Pflops: 'Dense FP8 PFLOPS (equal compute)',
  fp4Pflops: 'Dense FP4 PFLOPS (equal compute)',
  bf16Pflops: 'Dense BF16 PFLOPS (equal compute)',
  fp8SparsePflops: 'FP8 sparse (2:4) PFLOPS (equal compute)',
  fp4SparsePflops: 'FP4 sparse (2:4) PFLOPS (equal compute)',
  bf16SparsePflops: 'BF16 sparse (2:4) PFLOPS (equal compute)',
  fp32Pflops: 'FP32 PFLOPS (equal compute)',
  fp64Pflops: 'FP64 PFLOPS (equal compute)',
  itPower: 'IT power (at most)',
  facilityPower: 'Facility power at the meter (at most)',
  budgetUsd: 'Capex budget (at most)',
  accelerators: 'Accelerators (equal count)',
};

/** The precision of an equal-compute target kind (undefined for the others). */
export const PFLOPS_PRECISION: Partial<Record<CompareTargetKind, Precision>> = {
  fp8Pflops: 'fp8',
  fp4Pflops: 'fp4',
  bf16Pflops: 'bf16',
  fp8SparsePflops: 'fp8-sparse',
  fp4SparsePflops: 'fp4-sparse',
  bf16SparsePflops: 'bf16-sparse',
  fp32Pflops: 'fp32',
  fp64Pflops: 'fp64',
};

/** A PFLOPS figure's words at a target kind: "dense FP8 PFLOPS", "FP8 sparse (2:4) PFLOPS", "FP64 PFLOPS". */
export function pflopsWords(kind: CompareTargetKind): string {
  const p = PFLOPS_PRECISION[kind] ?? 'fp8';
  return isDensePrecision(p) ? `dense ${PRECISION_LABEL[p]} PFLOPS` : `${PRECISION_LABEL[p]} PFLOPS`;
}

/** PFLOPS of the designer's units at a precision (null where the generation publishes none). */
function rackPflops(rack: UnitReport, precision: Precision): number | null {
  const per = computeAt(rack.compute, precision);
  return per === null ? null : per * rack.totals.units;
}

/**
 * The value a new target kind starts at: the first supported row's own figure in the new kind's terms, so the sizing
 * stays comparable. Its PFLOPS are at the old kind's precision (dense FP8 for non-PFLOPS kinds), so a switch to
 * another precision starts at the field's example instead (FP64 is about 1/100 of dense FP8: carrying the number
 * over would ask for a hundred times the hardware).
 */
export function carriedTargetValue(rows: readonly CompareOption[], from: CompareTargetKind, to: CompareTargetKind): number {
  const fallback = Number(COMPARE_TARGET_FIELDS[to].example) || 1000;
  const r = rows.find((x) => x.supported);
  if (!r) return fallback;
  const toPrecision = PFLOPS_PRECISION[to];
  if (toPrecision && toPrecision !== (PFLOPS_PRECISION[from] ?? 'fp8')) return fallback;
  const v = to === 'accelerators' ? r.accelerators : to === 'itPower' ? (r.itMw ?? 0) * 1e6 : to === 'facilityPower' ? (r.facilityMw ?? 0) * 1e6 : to === 'budgetUsd' ? r.capexUsd : r.pflops;
  return v !== null && v > 0 ? v : fallback;
}

/** Targets that are limits (power, money): rows differ in compute, so absolute power and money are not ranked. */
export function isLimitKind(kind: CompareTargetKind): boolean {
  return kind === 'itPower' || kind === 'facilityPower' || kind === 'budgetUsd';
}


/** The core's target for the stored one (IT and facility power are stored in W, the core takes MW). */
export function coreTarget(t: CompareDesign['target']): CompareTarget {
  if (t.kind === 'itPower') return { metric: 'itMw', value: t.value / 1e6, precision: 'fp8' };
  if (t.kind === 'facilityPower') return { metric: 'facilityMw', value: t.value / 1e6, precision: 'fp8' };
  if (t.kind === 'budgetUsd') return { metric: 'budgetUsd', value: t.value, precision: 'fp8' };
  const precision = PFLOPS_PRECISION[t.kind];
  if (precision) return { metric: 'pflops', precision, value: t.value };
  return { metric: 'accelerators', value: t.value, precision: 'fp8' };
}

/** The site to compare at: the design's, else the rack designer's, else Houston, else the first data center. */
export function compareSite(design: CompareDesign, rackSiteId: string | undefined, sites: readonly Site[]): string {
  return compareSiteAmong(design, rackSiteId, sites.filter((s) => s.roles.dataCenter).map((s) => s.id));
}

/** {@link compareSite} from the data centers' ids alone (a site index: the app picks the site before loading its data). */
export function compareSiteAmong(design: CompareDesign, rackSiteId: string | undefined, dataCenterIds: readonly string[]): string {
  for (const id of [design.siteId, rackSiteId, DEFAULT_COMPARE_SITE]) if (id && dataCenterIds.includes(id)) return id;
  return dataCenterIds[0] ?? DEFAULT_COMPARE_SITE;
}

/**
 * Compare the design's generations at a site. The rack designer's generation is compared with the designer's own
 * unit options (feeds, redundancy, ΔT…), so its row and the designer's report are the same unit.
 */
export function compareUnits(catalog: Catalog, design: CompareDesign, siteId: string, sites: readonly Site[], rack?: RackDesign, fixed: FixedPues = {}): CompareReport {
  const unitOptions: Record<string, UnitOptions> = {};
  for (const [id, n] of Object.entries(design.systemsPerRack ?? {})) unitOptions[id] = { systemsPerRack: n };
  // The designer's generation keeps the designer's options; a density set here wins for the comparison.
  if (rack) unitOptions[rack.generationId] = { ...rack.options, ...unitOptions[rack.generationId] };
  // The plan's fixed PUEs at this site, as `rackplan compare --pue/--peak-pue` passes them (only the fields given).
  const siteOverrides = {
    ...(fixed.pueOverride === undefined ? {} : { pueOverride: fixed.pueOverride }),
    ...(fixed.peakPueOverride === undefined ? {} : { peakPueOverride: fixed.peakPueOverride }),
  };
  return compareAccelerators(design.generationIds, coreTarget(design.target), siteId, catalog, sites, { unitOptions, ...(Object.keys(siteOverrides).length ? { siteOverrides } : {}) });
}

const statedPue = (pue: number) => pue.toFixed(pue === Math.round(pue * 100) / 100 ? 2 : 3);

const PLAN_ONLY_WORDS: Record<PlanOnlyOverride, string> = { utilization: 'utilization', storageKw: 'storage IT', otherItKw: 'other IT' };

/**
 * What the Compare view says about the plan's overrides at the compared site: the fixed PUEs it applies (each
 * column's cell names the PUE the site model computes for it) and the overrides that stay the plan's. Null when the
 * plan's version of the site overrides nothing.
 */
export function compareOverrideNote(siteName: string, fixed: FixedPues, planOnly: readonly PlanOnlyOverride[]): string | null {
  // As the plan states it (describeOverride's digits): 1.3 → "1.30", 1.125 → "1.125".
  const stated = [
    ...(fixed.pueOverride === undefined ? [] : [`PUE ${statedPue(fixed.pueOverride)}`]),
    ...(fixed.peakPueOverride === undefined ? [] : [`peak PUE ${statedPue(fixed.peakPueOverride)}`]),
  ];
  const parts = [
    ...(stated.length
      ? [`The plan fixes ${siteName}’s ${stated.join(' and ')} (Sites view): every column uses ${stated.length > 1 ? 'them for energy and the meter' : fixed.peakPueOverride === undefined ? 'it for energy and the meter' : 'it for the meter'}, and its PUE cell names the PUE the site model computes for that column.`]
      : []),
    ...(planOnly.length ? [`The plan’s ${planOnly.map((k) => PLAN_ONLY_WORDS[k]).join(', ')} override${planOnly.length > 1 ? 's apply' : ' applies'} to the site’s cluster in the plan, not to this comparison.`] : []),
  ];
  return parts.length ? parts.join(' ') : null;
}

/** Facility MW at peak PUE per 1,000 PFLOPS at the target's precision (the per-PFLOP power chart and row); null without both. */
export function facilityMwPerKiloPflops(r: CompareOption): number | null {
  return r.facilityMw !== null && r.pflops !== null && r.pflops > 0 ? (1000 * r.facilityMw) / r.pflops : null;
}

/** Whether a target kind has a per-unit figure the designer's unit can be sized to (not facility power or capex). */
export function takesUnitTarget(target: CompareTargetKind): boolean {
  return target === 'accelerators' || target === 'itPower' || PFLOPS_PRECISION[target] !== undefined;
}

/**
 * The rack designer's unit in the target's terms (offered as a target); null for a facility-power or budget target
 * (no per-unit figure to copy) and where the unit lacks the figure (a precision its generation does not publish).
 */
export function designerTarget(target: CompareTargetKind, rack: UnitReport): number | null {
  if (!takesUnitTarget(target)) return null;
  return target === 'accelerators' ? rack.totals.accelerators : target === 'itPower' ? rack.totals.itKw * 1000 : rackPflops(rack, PFLOPS_PRECISION[target]!);
}

/** Data-center sites to compare at (id and short name). */
export function compareSites(sites: readonly { readonly id: string; readonly name: string; readonly dataCenter: boolean }[]): { id: string; name: string }[] {
  return sites.filter((s) => s.dataCenter).map((s) => ({ id: s.id, name: shortName(s.name) }));
}

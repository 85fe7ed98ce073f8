/**
 * Compare: GPU, Trainium and Inferentia generations sized to one target at one data-center site, by the plan
 * core's accelerator comparison (site PUE, tariff, carbon, fabric, capex and $/PFLOP-hour included).
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { compareAccelerators, type CompareReport, type CompareTarget } from '../core/plan/compare';
import type { Site } from '../core/sites/types';
import type { CompareDesign, CompareTargetKind } from './types';

export const TARGET_LABEL: Record<CompareTargetKind, string> = {
  accelerators: 'Accelerators',
  itPower: 'IT power',
  fp8Pflops: 'Dense FP8 PFLOPS',
};

export const DEFAULT_COMPARE_SITE = 'houston-tx';

/** The core's target for the stored one (IT power is stored in W, the core takes MW). */
export function coreTarget(t: CompareDesign['target']): CompareTarget {
  if (t.kind === 'itPower') return { metric: 'itMw', value: t.value / 1e6, precision: 'fp8' };
  if (t.kind === 'fp8Pflops') return { metric: 'pflops', precision: 'fp8', value: t.value };
  return { metric: 'accelerators', value: t.value, precision: 'fp8' };
}

/** The site to compare at: the design's, else the rack designer's, else Houston, else the first data center. */
export function compareSite(design: CompareDesign, rackSiteId: string | undefined, sites: readonly Site[]): string {
  const dcs = sites.filter((s) => s.roles.dataCenter);
  for (const id of [design.siteId, rackSiteId, DEFAULT_COMPARE_SITE]) if (id && dcs.some((s) => s.id === id)) return id;
  return dcs[0]?.id ?? DEFAULT_COMPARE_SITE;
}

export function compareUnits(catalog: Catalog, design: CompareDesign, siteId: string, sites: readonly Site[]): CompareReport {
  return compareAccelerators(design.generationIds, coreTarget(design.target), siteId, catalog, sites);
}

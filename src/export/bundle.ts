/**
 * Evaluate a validated plan against the bundled catalog, sites and network catalog: the input of every export.
 * @module
 */
import { loadCatalog } from '../catalog/presets';
import { loadSites } from '../catalog/sites';
import { loadNetworkCatalog } from '../catalog/network';
import { evaluatePlan } from '../core/plan/evaluate';
import { addUserGenerations } from '../core/catalog/extend';
import type { Plan } from '../core/plan/types';
import type { PlanBundle } from './plan-tables';

export function planBundle(plan: Plan): PlanBundle {
  const catalog = loadCatalog();
  const presetSites = loadSites();
  const report = evaluatePlan(plan, catalog, presetSites);
  // The exporters look generations up in the bundle's catalog: the plan's own (user) generations are among them.
  const withUser = addUserGenerations(catalog, plan).catalog;
  const sites = new Map(presetSites.map((s) => [s.id, s]));
  for (const s of plan.sites ?? []) sites.set(s.id, s);
  return { plan, report, catalog: withUser, sites: [...sites.values()], network: loadNetworkCatalog() };
}

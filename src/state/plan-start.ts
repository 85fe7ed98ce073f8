/**
 * The plan a new session starts with: the three U.S. sites over seven years from the current quarter, a demand
 * ramp in dense FP8 PFLOPS for the optimizer to meet, and no deployments yet (Optimize fills them, or type them in).
 * @module
 */
import type { Plan } from '../core/plan/types';
import type { QuarterId } from '../core/sites/types';
import type { PlanDesign } from './types';

/** The six generations the optimizer may use by default (GPU rack-scale, HGX servers and Trainium). */
export const OPTIMIZER_GENERATIONS = ['gb200-nvl72', 'gb300-nvl72', 'vr-nvl144', 'dgx-b200', 'trn2-ultraserver', 'trn3-gen2-ultraserver'];

/** Dense FP8 PFLOPS in service by the fourth quarter of each year from the next one (within what the three sites hold). */
const DEMAND_RAMP_PFLOPS = [300_000, 1_000_000, 2_000_000, 2_800_000, 3_100_000, 3_100_000];

export function quarterOf(date: Date): QuarterId {
  return `${date.getUTCFullYear()}-Q${(Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/**
 * @param catalog - its version, and its generation ids (or pass `ids` when the catalog holds only some of them)
 */
export function starterPlan(catalog: { readonly version: string; readonly generations: readonly { readonly id: string }[] }, now: Date = new Date(), ids: readonly string[] = catalog.generations.map((g) => g.id)): PlanDesign {
  const start = quarterOf(now);
  const y0 = now.getUTCFullYear();
  const plan: Plan = {
    schemaVersion: 1,
    catalogVersion: catalog.version,
    name: 'Three sites, seven years',
    start,
    horizonYears: 7,
    discountRate: 0.08,
    utilization: 0.8,
    demand: DEMAND_RAMP_PFLOPS.map((value, i) => ({ quarter: `${y0 + 1 + i}-Q4` as QuarterId, metric: 'pflops', precision: 'fp8', value })),
    orders: [],
    deployments: [],
  };
  return { plan, optimizer: { generations: OPTIMIZER_GENERATIONS.filter((id) => ids.includes(id)), objective: 'npv' } };
}

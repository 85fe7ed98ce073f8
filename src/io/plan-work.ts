/**
 * Work estimate of a plan, from its own numbers and the catalog, before anything is evaluated: how many fabrics
 * each cluster (one generation at one site) needs and how many fabric evaluations the quarters add up to. A plan
 * over the limits of ./limits is refused with problems naming the field and the limit, instead of exhausting
 * memory (see docs/exports.md and the README's limits section). The estimate is an upper bound: it counts every
 * unit deployed at a site as installed from its first deployment to the horizon's end.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { clusterPorts } from '../core/fabric/cluster';
import { maxEndpointsFor, sizeFabric } from '../core/fabric/fat-tree';
import { pickSourced } from '../core/provenance';
import { quarterIndex } from '../core/sites/schedule';
import type { Plan } from '../core/plan/types';
import type { InputProblem } from '../schema/errors';
import { MAX_FABRICS_PER_CLUSTER, MAX_PLAN_FABRIC_EVALUATIONS } from './limits';

export interface ClusterWork {
  readonly site: string;
  readonly generation: string;
  /** Units deployed at the site over the plan. */
  readonly units: number;
  /** Separate fabrics the cluster is split into at its largest. */
  readonly fabrics: number;
  /** Quarters from its first deployment to the horizon's end. */
  readonly quarters: number;
  /** Index of the cluster's largest deployment in `plan.deployments` (the field errors point at). */
  readonly deployment: number;
}

export interface PlanWork {
  readonly clusters: readonly ClusterWork[];
  /** Fabrics × quarters summed over clusters. */
  readonly fabricEvaluations: number;
}

/**
 * Fabrics a cluster of `nodes` needs on a switch: one if three tiers reach them, else equal fabrics that fit.
 * A NIC slower than the switch port runs on a breakout (radix × ⌊port Gbps ÷ NIC Gbps⌋, even), the rule the
 * fabric core applies.
 */
export function fabricsNeeded(nodes: number, rails: number, nicGbps: number, switchRadix: number, switchPortGbps: number): number {
  if (nodes <= 0) return 0;
  const breakout = nicGbps < switchPortGbps ? Math.max(1, Math.floor(switchPortGbps / nicGbps)) : 1;
  const radix = switchRadix * breakout - ((switchRadix * breakout) % 2);
  const base = { rails, radix, portGbps: Math.min(nicGbps, switchPortGbps), tiers: 'auto' as const };
  if (sizeFabric({ ...base, nodes }).tiers > 0) return 1;
  const cap = maxEndpointsFor({ ...base, nodes }, 3);
  if (cap <= 0) return 0;
  return Math.ceil(nodes / Math.max(1, Math.floor(cap / rails)));
}

/** Estimate the work of a plan (closed form, no allocation per fabric). Unknown generations count as no work. */
export function estimatePlanWork(plan: Plan, catalog: Catalog): PlanWork {
  // The plan's own switch, else the catalog's fabric default (no catalog switch has a smaller radix, so this
  // bounds the fabric count whatever switch the evaluation picks per NIC speed).
  const fabric = {
    radix: plan.network?.switchRadix ?? pickSourced(catalog.prices.fabricDefaults.radix, 'typical'),
    portGbps: plan.network?.switchPortGbps ?? pickSourced(catalog.prices.fabricDefaults.portGbps, 'typical'),
  };
  const horizonYears = plan.horizonYears ?? pickSourced(catalog.prices.planDefaults.horizonYears, 'typical');
  const end = quarterIndex(plan.start) + horizonYears * 4 - 1;
  const groups = new Map<string, { site: string; generation: string; units: number; first: number; deployment: number; largest: number }>();
  plan.deployments.forEach((d, i) => {
    const key = `${d.site}\u0000${d.generation}`;
    const q = quarterIndex(d.quarter);
    const g = groups.get(key);
    if (!g) groups.set(key, { site: d.site, generation: d.generation, units: d.units, first: q, deployment: i, largest: d.units });
    else {
      g.units += d.units;
      g.first = Math.min(g.first, q);
      if (d.units > g.largest) {
        g.largest = d.units;
        g.deployment = i;
      }
    }
  });
  const clusters: ClusterWork[] = [];
  let fabricEvaluations = 0;
  for (const g of groups.values()) {
    const gen = findGeneration(catalog, g.generation)?.generation;
    if (!gen || g.units <= 0) continue;
    // The most nodes a unit can hold under any systems-per-rack choice: an upper bound whatever the site defaults.
    const spr = plan.unitOptions?.[gen.id]?.systemsPerRack ?? gen.systemsPerRack?.max;
    const one = clusterPorts(gen, 1, spr);
    if (!one || one.nodes <= 0 || one.rails <= 0) continue;
    const fabrics = fabricsNeeded(one.nodes * g.units, one.rails, one.scaleOutGbps, fabric.radix, fabric.portGbps);
    const quarters = Math.max(0, end - Math.max(g.first, end - horizonYears * 4 + 1) + 1);
    clusters.push({ site: g.site, generation: gen.id, units: g.units, fabrics, quarters, deployment: g.deployment });
    fabricEvaluations += fabrics * quarters;
  }
  return { clusters, fabricEvaluations };
}

/** Problems (exit 2 in the CLI, a notice in the app) when a plan's work is over the limits; empty when it fits. */
export function planWorkProblems(plan: Plan, catalog: Catalog): InputProblem[] {
  const work = estimatePlanWork(plan, catalog);
  const radix = plan.network?.switchRadix;
  const radixText = radix === undefined ? 'the default switch' : `network.switchRadix ${radix}`;
  const problems: InputProblem[] = [];
  for (const c of work.clusters) {
    if (c.fabrics <= MAX_FABRICS_PER_CLUSTER) continue;
    problems.push({
      path: `deployments[${c.deployment}].units`,
      message: `${c.units.toLocaleString('en-US')} units of ${c.generation} at ${c.site} need ${c.fabrics.toLocaleString('en-US')} separate fabrics on ${radixText}; at most ${MAX_FABRICS_PER_CLUSTER.toLocaleString('en-US')} per cluster are evaluated: use a larger network.switchRadix or fewer units`,
      got: String(plan.deployments[c.deployment]!.units),
    });
  }
  if (!problems.length && work.fabricEvaluations > MAX_PLAN_FABRIC_EVALUATIONS) {
    problems.push({
      path: 'deployments',
      message: `the plan needs ${work.fabricEvaluations.toLocaleString('en-US')} fabric evaluations (fabrics × quarters in service); at most ${MAX_PLAN_FABRIC_EVALUATIONS.toLocaleString('en-US')} are evaluated: use a larger network.switchRadix, fewer units or a shorter horizon`,
    });
  }
  return problems;
}

/**
 * Work estimate of a plan, from its own numbers and the catalog, before anything is evaluated: how many fabrics
 * each cluster (one generation at one site) needs and how many fabric evaluations the quarters add up to. A plan
 * over the limits of ./limits is refused with problems naming the field and the limit, instead of exhausting
 * memory (docs/limits.md). The estimate is an upper bound: it counts every
 * unit deployed at a site as installed from its first deployment to the horizon's end.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import { findGeneration } from '../core/catalog/lookup';
import { fabricCount } from '../core/fabric/evaluate-cluster';
import { planClusterDesign, planFabricSpec } from '../core/plan/network';
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

/** Estimate the work of a plan (closed form, no allocation per fabric). Unknown generations count as no work. */
export function estimatePlanWork(plan: Plan, catalog: Catalog): PlanWork {
  // The switch the evaluation will use for each cluster (the plan's pick, its custom switch, or the catalog default
  // per NIC speed), counted by the same rule evaluateCluster splits by (src/core/fabric/evaluate-cluster.ts).
  const spec = planFabricSpec(catalog, plan.network);
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
    const fabrics = fabricCount(gen, spec.network, planClusterDesign(spec, g.units), { systemsPerRack: spr });
    if (fabrics <= 0) continue;
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

/**
 * The work check for an edit of a plan already held (the app store's injected plan check): the plan after the edit
 * must fit the limits, unless the edit adds no work — a plan that was already over a limit (restored from an older
 * session) can still be edited down towards it. Problems as {@link planWorkProblems}: field, value and limit.
 */
export function planEditProblems(next: Plan, prev: Plan, catalog: Catalog): InputProblem[] {
  const problems = planWorkProblems(next, catalog);
  if (!problems.length) return [];
  const before = estimatePlanWork(prev, catalog);
  const after = estimatePlanWork(next, catalog);
  const largest = (w: PlanWork) => w.clusters.reduce((m, c) => Math.max(m, c.fabrics), 0);
  if (after.fabricEvaluations <= before.fabricEvaluations && largest(after) <= largest(before)) return [];
  // The plan-wide limit points at all deployments; when the edit was a setting that lengthens the plan, name it.
  const setting = (['horizonYears', 'start'] as const).find((k) => next[k] !== prev[k]);
  if (setting && problems.length === 1 && problems[0]!.path === 'deployments') return [{ ...problems[0]!, path: setting, got: String(next[setting]) }];
  return problems;
}

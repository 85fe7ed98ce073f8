/**
 * Accepting an optimizer proposal's rows (src/core/plan/proposal.ts makes the proposal). Apart from the proposal,
 * which evaluates plans, so the store's reducer can apply rows without loading the plan engine.
 * @module
 */
import type { Deployment, Plan } from './types';
import type { ProposalRow } from './proposal';

/**
 * Apply proposal rows to a plan: an added row is appended; a changed row replaces its current row in place; a
 * removed row is dropped. A row whose current row is no longer in the plan as it was (edited since), or is locked,
 * is skipped — a locked row is never changed.
 */
export function acceptProposal(plan: Plan, rows: readonly Pick<ProposalRow, 'change' | 'before' | 'after'>[]): Plan {
  const deployments = [...plan.deployments];
  const taken = new Set<number>();
  const find = (d: Deployment) =>
    deployments.findIndex((x, i) => !taken.has(i) && x.locked !== true && x.site === d.site && x.generation === d.generation && x.quarter === d.quarter && x.units === d.units && (x.plant ?? null) === (d.plant ?? null));
  const added: Deployment[] = [];
  const drop = new Set<number>();
  for (const r of rows) {
    if (r.change === 'added') {
      if (r.after) added.push(r.after);
      continue;
    }
    const i = r.before ? find(r.before) : -1;
    if (i < 0) continue;
    taken.add(i);
    if (r.change === 'removed') drop.add(i);
    else if (r.after) deployments[i] = r.after;
  }
  return { ...plan, deployments: [...deployments.filter((_, i) => !drop.has(i)), ...added] };
}

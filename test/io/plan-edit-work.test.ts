/**
 * Issue 17: Plan-view edits are bounded like files and links. The app store runs the injected plan check
 * (src/io/plan-work.ts planEditProblems, wired in src/main.ts) on every plan edit, so a grid cell or a setting
 * cannot push a plan past the work limits (docs/limits.md); the refused edit changes nothing and its problem names
 * the field, the value and the limit. The expected counts are the closed-form estimate's own (test/io/shared-plan
 * and the CLI tests check the estimate itself against the fabric core).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { planEditProblems } from '../../src/io/plan-work';
import { MAX_FABRICS_PER_CLUSTER, MAX_PLAN_FABRIC_EVALUATIONS } from '../../src/io/limits';
import { AppStore, initialDesign, loadDesignChecks } from '../../src/state/store';

// The store takes edits once its design checks have loaded (the app loads them after its first paint).
beforeAll(() => loadDesignChecks());
import type { Plan } from '../../src/core/plan/types';

const catalog = loadCatalog();
const base = initialDesign(catalog, undefined, new Date(2026, 0, 15));
/** The review's radix-4 network: a tiny switch makes a large cluster split into very many fabrics. */
const tiny = { switchRadix: 4, switchPortGbps: 10, switchW: 100000 };
const storeWith = (plan: Plan) => new AppStore(catalog, { design: { ...base, plan: { ...base.plan, plan } }, checkPlan: planEditProblems });
const cell = (units: number) => ({ type: 'plan/set-deployment', site: 'houston-tx', generation: 'gb300-nvl72', quarter: base.plan.plan.start, units }) as const;

describe('plan edits are checked against the work limits', () => {
  it('a grid cell that asks for millions of fabrics is refused with the field, the value and the limit; the plan is unchanged', () => {
    const store = storeWith({ ...base.plan.plan, deployments: [], network: tiny });
    expect(store.dispatch(cell(100)).ok).toBe(true);
    const before = store.design;
    const r = store.dispatch(cell(10_000_000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]!.path).toMatch(/^plan\.plan\.deployments\[\d+\]\.units$/);
    expect(r.error[0]!.got).toBe('10000000');
    expect(r.error[0]!.message).toMatch(new RegExp(`^10,000,000 units of gb300-nvl72 at houston-tx need [\\d,]+ separate fabrics on network\\.switchRadix 4; at most ${MAX_FABRICS_PER_CLUSTER.toLocaleString('en-US')} per cluster are evaluated`));
    expect(store.design).toBe(before);
  });

  it('a setting that multiplies the work (a longer horizon) is refused by the plan-wide limit', () => {
    // Find, with the estimate, a unit count under the per-cluster limit whose 1-year plan fits but 15-year plan does not.
    const plan = { ...base.plan.plan, horizonYears: 1, network: tiny, deployments: [] };
    const store = storeWith(plan);
    const fits = (u: number, years: number) => planEditProblems({ ...plan, horizonYears: years, deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: plan.start, units: u }] }, plan, catalog).length === 0;
    // Bisect for the fewest units a 15-year plan refuses (it fits at 1,000 and not at 10,000,000).
    let lo = 1000;
    let hi = 10_000_000;
    expect(fits(lo, 15) && !fits(hi, 15)).toBe(true);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid, 15)) lo = mid;
      else hi = mid;
    }
    expect(fits(hi, 1)).toBe(true);
    expect(store.dispatch(cell(hi)).ok).toBe(true);
    const r = store.dispatch({ type: 'plan/set-settings', patch: { horizonYears: 15 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.path).toBe('plan.plan.horizonYears');
    expect(r.error[0]!.got).toBe('15');
    expect(r.error[0]!.message).toMatch(new RegExp(`^the plan needs [\\d,]+ fabric evaluations \\(fabrics × quarters in service\\); at most ${MAX_PLAN_FABRIC_EVALUATIONS.toLocaleString('en-US')} are evaluated`));
    expect(store.design.plan.plan.horizonYears).toBe(1);
  });

  it('a plan already over a limit (restored) can be edited down, not up', () => {
    const over = { ...base.plan.plan, network: tiny, deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: base.plan.plan.start, units: 10_000_000 }] };
    const store = storeWith(over);
    expect(store.dispatch(cell(9_000_000)).ok).toBe(true);
    expect(store.dispatch(cell(9_500_000)).ok).toBe(false);
    expect(store.dispatch(cell(1000)).ok).toBe(true);
  });

  it('edits that leave the work alone are not affected, and a store without the check keeps its old behaviour', () => {
    const store = storeWith({ ...base.plan.plan, network: tiny });
    expect(store.dispatch({ type: 'plan/set-settings', patch: { name: 'Renamed' } }).ok).toBe(true);
    const unchecked = new AppStore(catalog, { design: { ...base, plan: { ...base.plan, plan: { ...base.plan.plan, network: tiny } } } });
    expect(unchecked.dispatch(cell(10_000_000)).ok).toBe(true);
  });
});

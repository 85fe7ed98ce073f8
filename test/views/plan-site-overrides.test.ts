/**
 * Issue 12 item 2, "every output says which figure was overridden", for the Rack designer's facility chain and the
 * Compare view: when the plan's version of a site fixes its PUE, both read it through the app's one report owner
 * (Reports) and the core's own functions, and say so with the site model's PUE beside the fixed one.
 *
 * Independent checks: a PUE is facility power ÷ IT power by definition (The Green Grid, "PUE: a comprehensive
 * examination of the metric", WP #49, 2012), so with a fixed peak PUE P the meter of one unit is (rack input +
 * the unit's network share) × P, and what the meter holds beyond the site model's chain is (rack input + network
 * share) × (P − the model's peak PUE at that load). The CLI (`rackplan site --pue`, `rackplan compare --pue`) is the
 * other surface the figures must equal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import type { Plan, PlanSite } from '../../src/core/plan/types';
import { chainMismatches, type ChainView } from '../../src/views/power-chain';
import { pueCell } from '../../src/views/compare-table';
import { Reports } from '../../src/views/reports';
import { AppStore, initialDesign, loadDesignChecks } from '../../src/state/store';
import type { DesignState } from '../../src/state/types';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const houston = loadSites().find((s) => s.id === 'houston-tx')!;
const GENERATION = 'gb300-nvl72';

beforeAll(async () => {
  await loadDesignChecks();
});

/** The app's report owner for the designer's gb300-nvl72 at Houston and a comparison there, the plan's Houston carrying `overrides`. */
async function reportsWith(overrides: Partial<PlanSite> | null, plan: Partial<Plan> = {}) {
  const base = initialDesign(catalog, GENERATION, new Date('2026-12-01'));
  const design: DesignState = {
    ...base,
    rack: { generationId: GENERATION, options: {}, limits: {}, siteId: 'houston-tx' },
    compare: { generationIds: [GENERATION, 'gb200-nvl72'], target: { kind: 'accelerators', value: 720 }, siteId: 'houston-tx' },
    plan: { ...base.plan, plan: { ...base.plan.plan, ...plan, ...(overrides ? { sites: [{ ...houston, ...overrides }] } : {}) } },
  };
  const store = new AppStore(catalog, { design });
  const reports = new Reports(store);
  await reports.load();
  return { store, reports };
}

/** The plan's Houston with overrides (the Sites view sets the whole site). */
const planSite = (overrides: Partial<PlanSite>): PlanSite => ({ ...houston, ...overrides });
const meter = (chain: ChainView) => chain.stages.find((s) => s.id === 'meter')!;
const branch = (chain: ChainView, stage: string, id: string) => chain.stages.find((s) => s.id === stage)?.branches.find((b) => b.id === id);

describe('the Rack designer’s facility chain at a plan site with a fixed PUE', () => {
  it('takes the meter at the fixed peak PUE, marks it with the computed PUE beside it, and still adds up', async () => {
    const { reports } = await reportsWith({ pueOverride: 1.3 });
    const chain = reports.rack!.chain;
    const m = meter(chain);
    const rackIn = chain.stages.find((s) => s.id === 'rack-input')!.inW;
    // The network share leaves after the last facility stage (an AC-fed rack).
    const networkW = chain.stages.flatMap((s) => s.branches).find((b) => b.id === 'network')!.w;
    expect(m.inW / (rackIn + networkW)).toBeCloseTo(1.3, 12);
    expect(chain.pueOverride).toMatch(/^PUE 1\.30 \(override; computed 1\.\d{3}\) · peak PUE 1\.30 \(override, from pueOverride; computed 1\.\d{3}\)$/);
    const computedPeak = Number(/peak PUE 1\.30 \(override, from pueOverride; computed (1\.\d{3})\)/.exec(chain.pueOverride!)![1]);
    // What the meter holds beyond the model's chain: (rack input + network) × (1.30 − the model's peak PUE), to the
    // three decimals the mark prints the model's PUE with.
    const beyond = branch(chain, 'meter', 'fixed-pue')!;
    expect(Math.abs(beyond.w - (rackIn + networkW) * (1.3 - computedPeak))).toBeLessThan((rackIn + networkW) * 0.0005 + 1e-9);
    expect(chainMismatches(chain, 1)).toEqual([]);
    expect(m.detail).toMatch(/^PUE 1\.30 \(override; computed/);
    expect(chain.facilityNote).toContain('The plan fixes this site\'s PUE');
  });

  it('is the figure `rackplan site houston-tx --pue 1.3 --json` gives at the same load (the reference fill of gb300-nvl72)', async () => {
    const { reports } = await reportsWith({ pueOverride: 1.3 });
    const chain = reports.rack!.chain;
    const cli = await cliJson('site', 'houston-tx', '--pue', '1.3', '--json');
    expect(cli.load.generation).toBe(GENERATION);
    // Same load: the designer's chain names it in its note ("… N × …"); the peak PUE and the model's beside it are the CLI's.
    expect(chain.facilityNote).toContain(`${cli.load.units.toLocaleString('en-US')} ×`);
    expect(cli.peakPue.pue).toBe(1.3);
    expect(chain.pueOverride).toContain(`computed ${cli.modelPeakPue.pue.toFixed(3)})`);
    expect(chain.pueOverride).toContain(`PUE 1.30 (override; computed ${cli.modelPue.pue.toFixed(3)})`);
  });

  it('recomputes when the override changes, not when another part of the plan does, and goes back when it is cleared', async () => {
    const { store, reports } = await reportsWith({ pueOverride: 1.3 });
    const first = reports.rack!.chain;
    expect(store.dispatch({ type: 'plan/set-settings', patch: { name: 'renamed' } }).ok).toBe(true);
    expect(reports.rack!.chain).toBe(first);
    store.dispatch({ type: 'plan/set-site', site: planSite({ pueOverride: 1.25 }), label: 'pue' });
    const second = reports.rack!.chain;
    expect(second).not.toBe(first);
    expect(second.pueOverride).toMatch(/^PUE 1\.25 \(override/);
    store.dispatch({ type: 'plan/set-site', site: { ...houston }, label: 'no pue' });
    const cleared = reports.rack!.chain;
    const { reports: plain } = await reportsWith(null);
    expect(cleared.pueOverride).toBeNull();
    expect(cleared).toEqual(plain.rack!.chain);
  });

  it('leaves storage, other IT and utilization to the plan: the chain is the fixed-PUE one and its note names them', async () => {
    const { reports: pueOnly } = await reportsWith({ pueOverride: 1.3 });
    const { reports } = await reportsWith({ pueOverride: 1.3, storageKw: 1500, otherItKw: 500, utilization: 0.6 });
    const chain = reports.rack!.chain;
    expect(chain.stages).toEqual(pueOnly.rack!.chain.stages);
    expect(chain.facilityNote).toContain('The plan\'s utilization, storage IT, other IT overrides apply to the site\'s cluster in the plan, not to one unit\'s chain.');
  });

  it('a fixed peak PUE below the site model’s is stated, and the chain says its stages draw more than the stated meter', async () => {
    const { reports } = await reportsWith({ peakPueOverride: 1.01 });
    const chain = reports.rack!.chain;
    expect(chain.pueOverride).toMatch(/^peak PUE 1\.01 \(override; computed 1\.\d{3}\)$/);
    expect(branch(chain, 'meter', 'fixed-pue')).toBeUndefined();
    expect(meter(chain).detail).toMatch(/more than the stated meter: the fixed PUE is below what the site model computes/);
    // The model's chain draws more than the stated meter: the hand-over after the meter is short by that much.
    const gaps = chainMismatches(chain, 1);
    expect(gaps.map((g) => g.at)).toEqual([expect.stringMatching(/^meter → /)]);
    expect(gaps[0]!.gapW).toBeLessThan(0);
  });
});

describe('the Compare view at a plan site with a fixed PUE', () => {
  it('equals `rackplan compare … --site houston-tx --pue 1.3 --json`, each PUE cell marked with the computed PUE', async () => {
    const { reports } = await reportsWith({ pueOverride: 1.3, storageKw: 1500 });
    const view = reports.compare!;
    expect(view.fixedPues).toEqual({ pueOverride: 1.3 });
    expect(view.planOnly).toEqual(['storageKw']);
    const cli = await cliJson('compare', GENERATION, 'gb200-nvl72', '--target-accelerators', '720', '--site', 'houston-tx', '--pue', '1.3', '--json');
    const plainUi = JSON.parse(JSON.stringify(view.report.options));
    const strip = (o: { issues: Record<string, unknown>[] }) => ({ ...o, issues: o.issues.map(({ title: _t, fix: _f, ...i }) => i) });
    expect(plainUi.map(strip)).toEqual(cli.options.map(strip));
    for (const row of view.report.options) {
      expect(row.pue).toBe(1.3);
      expect(row.peakPue).toBe(1.3);
      expect(pueCell(row)).toMatch(/^PUE 1\.30 \(override; computed 1\.\d{3}\) \/ peak PUE 1\.30 \(override, from pueOverride; computed 1\.\d{3}\)$/);
    }
  });

  it('without an override in the plan it is the preset site’s comparison, and a change of the override recomputes it', async () => {
    const { store, reports } = await reportsWith(null);
    const before = reports.compare!;
    expect(before.fixedPues).toEqual({});
    expect(before.report.options.every((o) => o.overrides.length === 0 && pueCell(o) === `${o.pue!.toFixed(3)} / ${o.peakPue!.toFixed(3)}`)).toBe(true);
    store.dispatch({ type: 'plan/set-site', site: planSite({ peakPueOverride: 1.4 }), label: 'peak' });
    const after = reports.compare!;
    expect(after).not.toBe(before);
    expect(after.report.options[0]!.peakPue).toBe(1.4);
    expect(after.report.options[0]!.pue).toBe(before.report.options[0]!.pue);
  });
});

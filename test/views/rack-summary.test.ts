/**
 * The summary strip shows the unit report's own figures (it picks and formats, never recomputes), says pass/fail for
 * every budget with a limit, and leads with the first fix. Expected strings are formatted here from the report's
 * fields, so a recomputation in the summary that drifted from the report would fail.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { formatValue } from '../../src/views/format';
import { RackDerivations } from '../../src/views/rack-report';
import { fixFor, rackSummary } from '../../src/views/rack-summary';

const catalog = loadCatalog();
const derive = (generationId: string, options = {}) => new RackDerivations().derive(catalog, { generationId, options, limits: {} })!;

describe('rack summary strip', () => {
  it('every generation, SI and US, one and ten units: no NaN or Infinity, report figures shown, air-cooled racks without coolant', () => {
    for (const g of catalog.generations) {
      for (const units of [1, 10]) {
        const d = derive(g.id, { units });
        for (const system of ['si', 'us'] as const) {
          const s = rackSummary(d.report, d.budgets, system);
          const text = JSON.stringify(s);
          expect(text, g.id).not.toMatch(/NaN|Infinity|undefined/);
          const power = s.cells.find((c) => c.id === 'power')!;
          expect(power.perUnit).toContain(formatValue(d.report.power.itKw * 1000, 'power', system));
          expect(s.cells.some((c) => c.id === 'coolant')).toBe(d.report.cooling.liquidKw > 0);
          const feeds = s.cells.find((c) => c.id === 'feeds')!;
          expect(feeds.perUnit).toMatch(new RegExp(`^(A: )?${d.report.power.feeds.sides[0]!.whips} × `));
          if (units > 1) expect(power.total).toBeDefined();
          else expect(power.total).toBeUndefined();
          expect(s.scope).toMatch(new RegExp(`^${units} units?`));
          // Pass/fail for every budget that has a limit, and only those.
          expect(s.checks.map((c) => c.budgetId)).toEqual(d.budgets.filter((b) => b.status !== 'info').map((b) => b.id));
          const errors = d.report.issues.some((i) => i.severity === 'error');
          expect(s.verdict === 'fail', g.id).toBe(errors || d.budgets.some((b) => b.status === 'over'));
          if (s.verdict !== 'pass') expect(s.firstFix, g.id).not.toBeNull();
        }
      }
    }
  });

  it('a failing design leads with the first failing budget, its engine message and a fix to try', () => {
    let failing = 0;
    for (const g of catalog.generations) {
      for (const options of [{}, { feedAmps: 20 }]) {
        const d = derive(g.id, options);
        const s = rackSummary(d.report, d.budgets, 'si');
        const over = d.budgets.find((b) => b.status === 'over');
        if (!over) continue;
        failing++;
        expect(s.verdict).toBe('fail');
        expect(s.firstFix!.budgetId, g.id).toBe(over.id);
        const first = over.issues.find((i) => i.severity !== 'info');
        if (first) {
          expect(s.firstFix!.problem).toBe(first.message);
          expect(s.firstFix!.fix, `${g.id} ${first.code}`).toBe(fixFor(first));
          expect(s.firstFix!.fix.length).toBeGreaterThan(10);
        }
      }
    }
    expect(failing, 'some generation fails at these options').toBeGreaterThan(0);
  });

  it('feeds and whips read as count × rating per side', () => {
    const d = derive('gb300-nvl72', { feedVolts: 480, feedAmps: 60, feeds: 'ab' });
    const side = d.report.power.feeds.sides[0]!;
    const s = rackSummary(d.report, d.budgets, 'si');
    expect(s.cells.find((c) => c.id === 'feeds')!.perUnit).toBe(`${side.whips} × 480 V 3-phase 60 A per side (A and B)`);
  });

  it('US units: ΔT as a temperature difference in °F (10 K = 18 °F)', () => {
    const d = derive('gb300-nvl72', { deltaTK: 10 });
    const s = rackSummary(d.report, d.budgets, 'us');
    const airflow = s.cells.find((c) => c.id === 'airflow')!;
    expect(airflow.perUnitSub).toMatch(/ΔT [\d.]+\s°F/);
    expect(JSON.stringify(s)).not.toMatch(/\d\s?K\b/);
  });
});

describe('budgets fit the feed and the unit system', () => {
  it('a DC feed is budgeted in kW with its current per pole (no kVA, no phases)', () => {
    let dcSeen = 0;
    for (const g of catalog.generations) {
      const d = derive(g.id);
      const dc = d.report.power.feeds.sides[0]!.system === 'dc';
      if (!dc) continue;
      dcSeen++;
      for (const b of d.budgets.filter((x) => x.id.startsWith('feed-'))) {
        expect(b.kind === 'apparentPower', `${g.id} ${b.id}`).toBe(false);
        expect(`${b.label} ${b.limitNote}`, `${g.id} ${b.id}`).not.toMatch(/kVA|phase/);
      }
      expect(d.budgets.some((b) => /per pole/.test(b.label))).toBe(true);
    }
    expect(dcSeen, 'the catalog has a DC-fed generation').toBeGreaterThan(0);
  });

  it('an AC feed keeps kVA and the worst phase', () => {
    const d = derive('gb300-nvl72');
    expect(d.budgets.find((b) => b.id === 'feed-A-kva')!.kind).toBe('apparentPower');
    expect(d.budgets.find((b) => b.id === 'feed-A-phase')!.label).toBe('Feed A worst phase');
  });
});

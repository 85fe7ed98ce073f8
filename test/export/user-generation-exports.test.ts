/**
 * A plan that embeds a user's own generation (as the app keeps it): the plan evaluates with it (no conflict), and
 * the exports name it as the user's: racks.csv / the XLSX Units sheet, the PDF's names, the JSON's catalog entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { planBundle } from '../../src/export/bundle';
import { planJson, planNames } from '../../src/export/plan-export';
import { unitsTable } from '../../src/export/plan-tables';
import { AppStore, loadDesignChecks } from '../../src/state/store';
import { duplicateGeneration, setAcceleratorPower, takenGenerationIds } from '../../src/views/generation-draft';
import { Reports } from '../../src/views/reports';

const catalog = loadCatalog();

describe('exports of a plan with a user generation', () => {
  beforeAll(() => loadDesignChecks());

  it('evaluates it without a conflict and marks it user-defined in every table that names it', async () => {
    const store = new AppStore(catalog);
    const g = setAcceleratorPower(duplicateGeneration(catalog.generations.find((x) => x.id === 'gb300-nvl72')!, takenGenerationIds(catalog.generations)), 1200);
    expect(store.dispatch({ type: 'generations/save', generation: g, select: true }).ok).toBe(true);
    expect(store.dispatch({ type: 'plan/set-deployment', site: 'houston-tx', generation: g.id, quarter: store.design.plan.plan.start, units: 3 }).ok).toBe(true);
    const reports = new Reports(store);
    await reports.load();
    const plan = reports.plan!;
    expect(plan.issues.filter((i) => i.code === 'user_generation_conflict' || i.code === 'unknown_generation')).toEqual([]);

    const b = planBundle(store.design.plan.plan);
    const units = unitsTable(b);
    const row = units.rows.find((r) => r[0] === g.id)!;
    expect(row[2]).toBe(`${g.name} (user-defined)`);
    expect(planNames(b).generation(g.id)).toMatch(/\(user-defined\)$/);
    const json = JSON.parse(planJson(b)) as { generations: { id: string }[]; catalogEntries: { generations: { id: string; userDefined?: boolean }[] } };
    expect(json.generations.map((x) => x.id)).toEqual([g.id]);
    expect(json.catalogEntries.generations.find((x) => x.id === g.id)?.userDefined).toBe(true);
  });
});

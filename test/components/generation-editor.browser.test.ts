/**
 * Issue 12 item 1 in the app: "Duplicate and edit" on GB300 NVL72 opens the editor (loaded on demand), a changed
 * accelerator power moves the designer's IT power by accelerators × ΔW (hand count: 72 × −200 W = −14.4 kW), the
 * generation lives in the session (autosave snapshot, share link) and is marked user-defined, its exported file is
 * exactly the `--generation-file` text (test/state/user-generations.test.ts runs that text through the CLI), and a
 * bad imported file is refused naming the field.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadDesignChecks } from '../../src/state/store';
import { parseSnapshot } from '../../src/state/snapshot';
import { openShareLink, shareLink } from '../../src/io/share';
import { validatePlan } from '../../src/io/plan';
import { MAX_SHARE_FRAGMENT_CHARS } from '../../src/io/limits';
import { duplicateGeneration, generationFileText, setAcceleratorPower, takenGenerationIds } from '../../src/views/generation-draft';
import { restoreSession } from '../../src/storage/app-autosave';
import { AppStore } from '../../src/state/store';
import type { RackGenerationEditor } from '../../components/rack/rack-generation-editor';
import type { Reports } from '../../src/views/reports';
import { catalog, deepQuery, deepQueryAll, mountApp, until } from './helpers';

afterEach(() => document.body.replaceChildren());
beforeAll(() => loadDesignChecks());

/** The designer's "IT power (max)" key figure, in kW as shown. */
function shownItKw(): number {
  const dd = deepQuery(document.body, '[data-figure="it"] dd');
  const m = /([\d,.]+)\s*kW/.exec(dd?.textContent ?? '');
  if (!m) throw new Error(`no IT power figure: ${dd?.textContent ?? 'none'}`);
  return Number(m[1]!.replace(/,/g, ''));
}

describe('generation editor', () => {
  it('duplicate GB300 NVL72, change accelerator W: IT power moves by 72 × ΔW; saved in the session, marked user-defined, exported as a generation file', async () => {
    const { store, app } = await mountApp('/rack/gb300-nvl72');
    // Uncapped: GB300's published build runs capped at 132 kW, which would hide the change.
    expect(store.dispatch({ type: 'rack/set-option', key: 'powerProfile', value: 'uncapped' }).ok).toBe(true);
    await until(() => deepQuery(document.body, '[data-figure="it"] dd') !== null);
    const before = shownItKw();
    const source = catalog.generations.find((g) => g.id === 'gb300-nvl72')!;
    const oldW = (source.accelerator.tdpW as { value: number }).value;

    await page.getByRole('button', { name: 'Duplicate and edit' }).click();
    await until(() => store.design.rack.generationId === 'gb300-nvl72-custom');
    await until(() => deepQuery(document.body, 'rack-generation-editor') !== null);
    const editor = deepQuery<RackGenerationEditor>(document.body, 'rack-generation-editor')!;
    await editor.updateComplete;
    expect(store.undoLabel).toBe(`save ${source.name} (my copy)`);
    // Marked in the picker: its own group, a badge on the header.
    expect(deepQueryAll<HTMLOptGroupElement>(document.body, 'optgroup').map((g) => g.label)).toContain('Your generations (user-defined)');
    await expect.element(page.getByText('user-defined', { exact: true }).first()).toBeVisible();

    const input = page.getByLabelText('Accelerator power', { exact: true });
    await input.fill('1200 W');
    await userEvent.keyboard('{Enter}');
    await until(() => (store.catalog.generations.find((g) => g.id === 'gb300-nvl72-custom')?.accelerator.tdpW as { value: number } | undefined)?.value === 1200, 30_000); // the first typed value loads the unit parser
    await app.updateComplete;
    await until(() => Math.abs(shownItKw() - before) > 1);
    const expectedKw = (72 * (1200 - oldW)) / 1000;
    expect(shownItKw() - before).toBeCloseTo(expectedKw, 0);
    // The designer's report (the one owner) moved by exactly the hand count.
    const report = (app as unknown as { reports: Reports }).reports.rack!.report;
    expect(report.generation).toBe('gb300-nvl72-custom');
    expect(report.power.itKw - (before + 0)).toBeCloseTo(expectedKw, 0);
    expect(report.assumptions.some((a) => a.confidence === 'user')).toBe(true);

    // The session snapshot (what autosave and session files write) carries it and restores it.
    const snap = JSON.parse(JSON.stringify(store.snapshot()));
    const parsed = parseSnapshot(snap, catalog);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.design.plan.plan.generations?.[0]?.id).toBe('gb300-nvl72-custom');

    // A share link carries the plan, and the plan carries the generation (the Export view allows such a link up to
    // the length the reader opens: a whole generation is 10–13 k characters).
    const link = shareLink(store.design.plan.plan, 'https://example.test/plan', MAX_SHARE_FRAGMENT_CHARS);
    expect(link.ok).toBe(true);
    if (link.ok) {
      const opened = openShareLink(new URL(link.url).hash, validatePlan);
      expect(opened.ok).toBe(true);
      if (opened.ok) expect(opened.value.value.generations?.find((g) => g.id === 'gb300-nvl72-custom')?.accelerator.tdpW).toEqual({ value: 1200, unit: 'W', confidence: 'user', sources: [] });
    }

    // Export: exactly the --generation-file text of the saved generation.
    let exported: { filename: string; blob: Blob } | undefined;
    editor.download = (d) => (exported = d);
    await page.getByRole('button', { name: 'Export generation file' }).click();
    await until(() => exported !== undefined);
    expect(exported!.filename).toBe('gb300-nvl72-custom.json');
    const saved = store.design.plan.plan.generations!.find((g) => g.id === 'gb300-nvl72-custom')!;
    expect(await exported!.blob.text()).toBe(generationFileText(saved));

    // Undo takes the edit back; the designer follows.
    store.undo();
    await until(() => Math.abs(shownItKw() - before) < 0.05);
  });

  it('a bad generation file is refused naming the field; delete is refused while plan rows use it', async () => {
    const { store } = await mountApp('/rack/gb300-nvl72');
    await page.getByRole('button', { name: 'Duplicate and edit' }).click();
    await until(() => deepQuery(document.body, 'rack-generation-editor') !== null);
    const editor = deepQuery<RackGenerationEditor>(document.body, 'rack-generation-editor')!;
    const id = store.design.rack.generationId;
    const g = store.design.plan.plan.generations![0]!;
    const bad = new File([JSON.stringify({ ...g, id: 'other-gen', racks: 0 })], 'bad.json', { type: 'application/json' });
    expect(await editor.importFile(bad)).toBe(false);
    await expect.element(page.getByText(/bad\.json: racks/)).toBeVisible();

    store.dispatch({ type: 'plan/set-deployment', site: 'houston-tx', generation: id, quarter: store.design.plan.plan.start, units: 2 });
    await page.getByRole('button', { name: /^Delete/ }).click();
    await expect.element(page.getByText(/1 plan row deploys or orders .* it cannot be deleted while they do/)).toBeVisible();
    expect(store.design.plan.plan.generations).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete it and those rows' }).click();
    await until(() => store.design.plan.plan.generations === undefined);
    expect(store.design.plan.plan.deployments.some((d) => d.generation === id)).toBe(false);
    expect(store.design.rack.generationId).not.toBe(id);
  });

  it('reload: the app’s autosave (restoreSession / attach, the code src/main.ts runs) brings the generation back, shown in the designer', async () => {
    const dbName = `rackplan-user-gen-${Date.now()}`;
    const parse = (d: unknown) => parseSnapshot(d, catalog);
    const first = await restoreSession(parse, { dbName, journal: null });
    const store = new AppStore(catalog);
    const stop = first.attach(store);
    const g = setAcceleratorPower(duplicateGeneration(catalog.generations.find((x) => x.id === 'gb300-nvl72')!, takenGenerationIds(catalog.generations)), 1100);
    expect(store.dispatch({ type: 'generations/save', generation: g, select: true }).ok).toBe(true);
    await until(() => first.status()?.state === 'idle' && (first.status()?.rev ?? 0) >= 2, 10_000);
    stop();

    const second = await restoreSession(parse, { dbName, journal: null });
    expect(second.design?.plan.plan.generations).toEqual([g]);
    expect(second.design?.rack.generationId).toBe(g.id);
    const { store: reopened } = await mountApp(`/rack/${g.id}`, undefined, new AppStore(catalog, { design: second.design }));
    await until(() => deepQuery(document.body, '[data-figure="it"] dd') !== null);
    expect(reopened.catalog.generations.find((x) => x.id === g.id)?.userDefined).toBe(true);
    await expect.element(page.getByText('user-defined', { exact: true }).first()).toBeVisible();
    // The sessions keep their connections open, so the database (a unique name) is left to the test browser's profile.
  });

  it('marked user-defined in Compare (column head) and in the Plan grid', async () => {
    const store = new AppStore(catalog);
    const g = duplicateGeneration(catalog.generations.find((x) => x.id === 'dgx-b200')!, takenGenerationIds(catalog.generations));
    expect(store.dispatch({ type: 'generations/save', generation: g }).ok).toBe(true);
    expect(store.dispatch({ type: 'compare/toggle-generation', id: g.id }).ok).toBe(true);
    expect(store.dispatch({ type: 'plan/set-deployment', site: 'houston-tx', generation: g.id, quarter: store.design.plan.plan.start, units: 4 }).ok).toBe(true);
    await mountApp('/compare', undefined, store);
    await until(() => deepQueryAll(document.body, 'th small').some((e) => e.textContent?.includes('user-defined')), 20_000);
    await mountApp('/plan', undefined, store);
    await until(() => (deepQuery(document.body, 'rack-plan-view')?.shadowRoot?.innerHTML ?? '').length > 0, 20_000);
    await until(() => deepQueryAll(document.body, 'th, td, caption, span, div').some((e) => e.textContent?.trim().startsWith('DGX B200') && e.textContent.includes('(user-defined)')), 20_000);
  });
});

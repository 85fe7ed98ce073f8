import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import type { Generation } from '../../src/core/catalog/types';
import { readUserGenerations } from '../../src/schema/user-generations';
import { AppStore, loadDesignChecks } from '../../src/state/store';
import { loadSnapshot, parseSnapshot } from '../../src/state/snapshot';
import { rowsUsingGeneration } from '../../src/state/actions';
import { actionLabel } from '../../src/views/action-labels';
import { Reports } from '../../src/views/reports';
import { runCli } from '../../src/cli/main';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PSU_FIELDS, acceleratorsPerUnit, duplicateGeneration, duplicatePsu, generationFileText, setAcceleratorPower, setComponentValue, takenGenerationIds } from '../../src/views/generation-draft';

const catalog = loadCatalog();
const gb300 = catalog.generations.find((g) => g.id === 'gb300-nvl72')!;

function copyOf(source: Generation = gb300, store?: AppStore): Generation {
  return duplicateGeneration(source, takenGenerationIds((store?.catalog ?? catalog).generations));
}

describe('generation draft (Duplicate and edit)', () => {
  it('suggests a unique kebab-case id and keeps every catalog value and its provenance', () => {
    const g = copyOf();
    expect(g.id).toBe('gb300-nvl72-custom');
    expect(g.aliases).toEqual([]);
    expect(g.userDefined).toBeUndefined();
    expect(g.components).toBe(gb300.components);
    const taken = new Set([...takenGenerationIds(catalog.generations), 'gb300-nvl72-custom']);
    expect(duplicateGeneration(gb300, taken).id).toBe('gb300-nvl72-custom-2');
  });

  it('accelerator power moves the unit IT power by accelerators × ΔW (hand count: 72 GPUs × −200 W = −14.4 kW)', () => {
    const options = { powerProfile: 'uncapped' } as const;
    const before = evaluateUnit(gb300, options, catalog).power.itKw;
    const edited = setAcceleratorPower(copyOf(), 1200);
    expect(acceleratorsPerUnit(edited)).toBe(72);
    expect(edited.accelerator.tdpW).toEqual({ value: 1200, unit: 'W', confidence: 'user', sources: [] });
    const after = evaluateUnit(edited, options, catalog).power.itKw;
    const oldW = (gb300.accelerator.tdpW as { value: number }).value;
    expect(after - before).toBeCloseTo((72 * (1200 - oldW)) / 1000, 9);
  });

  it('the file it writes is a --generation-file: read back through readUserGenerations it evaluates to the same figures', () => {
    const edited = setComponentValue(setAcceleratorPower(copyOf(), 1300), 0, 'weightKg', 40);
    const read = readUserGenerations(JSON.parse(generationFileText(edited)), catalog, 'my.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const fromFile = read.value.generations[0]!;
    expect(fromFile.userDefined).toBe(true);
    expect(evaluateUnit(fromFile, {}, read.value.catalog)).toEqual(evaluateUnit({ ...edited, userDefined: true }, {}, read.value.catalog));
  });
});

describe('user generations in the store', () => {
  beforeAll(() => loadDesignChecks());
  it('save adds the generation to the plan and the catalog (marked userDefined), selects it, and is one undo step', () => {
    const s = new AppStore(catalog, { describe: actionLabel });
    const g = setAcceleratorPower(copyOf(), 1200);
    const r = s.dispatch({ type: 'generations/save', generation: g, select: true });
    expect(r).toEqual({ ok: true, value: { changed: true } });
    expect(s.design.plan.plan.generations).toEqual([g]);
    expect(s.design.rack.generationId).toBe(g.id);
    expect(s.catalog.generations.find((x) => x.id === g.id)?.userDefined).toBe(true);
    expect(s.presetCatalog.generations.some((x) => x.id === g.id)).toBe(false);
    expect(s.undoLabel).toBe(`save ${g.name}`);
    // Memoized on the generations' identity: the same catalog object until they change.
    expect(s.catalog).toBe(s.catalog);
    s.undo();
    expect(s.design.plan.plan.generations).toBeUndefined();
    expect(s.catalog.generations.some((x) => x.id === g.id)).toBe(false);
  });

  it('update in place and rename carry every reference (plan rows, designer, Compare, optimizer)', () => {
    const s = new AppStore(catalog);
    const g = copyOf();
    s.dispatch({ type: 'generations/save', generation: g, select: true });
    s.dispatch({ type: 'plan/set-deployment', site: s.design.plan.plan.deployments[0]?.site ?? 'houston-tx', generation: g.id, quarter: s.design.plan.plan.start, units: 3 });
    s.dispatch({ type: 'compare/toggle-generation', id: g.id });
    const renamed = { ...g, id: 'my-gb300', name: 'My GB300' };
    expect(s.dispatch({ type: 'generations/save', generation: renamed, replaces: g.id }).ok).toBe(true);
    expect(s.design.plan.plan.generations?.map((x) => x.id)).toEqual(['my-gb300']);
    expect(s.design.rack.generationId).toBe('my-gb300');
    expect(s.design.compare.generationIds).toContain('my-gb300');
    expect(rowsUsingGeneration(s.design.plan.plan, 'my-gb300')).toBe(1);
    expect(rowsUsingGeneration(s.design.plan.plan, g.id)).toBe(0);
  });

  it('refuses a generation whose id is a catalog generation, or whose PSU is unknown, naming the field', () => {
    const s = new AppStore(catalog);
    const clash = s.dispatch({ type: 'generations/save', generation: { ...copyOf(), id: 'gb200-nvl72' } });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.map((p) => p.path)).toContain('plan.plan.generations[0].id');
    const g = copyOf();
    const badPsu = s.dispatch({ type: 'generations/save', generation: { ...g, power: { ...g.power, psuId: 'no-such-psu' } } });
    expect(badPsu.ok).toBe(false);
    if (!badPsu.ok) expect(badPsu.error[0]).toMatchObject({ path: 'plan.plan.generations[0].power.psuId', got: '"no-such-psu"' });
    expect(s.design.plan.plan.generations).toBeUndefined();
  });

  it('refuses a bad value with the field named (the plan schema checks the generation)', () => {
    const s = new AppStore(catalog);
    const g = copyOf();
    const r = s.dispatch({ type: 'generations/save', generation: { ...g, racks: 0 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.path).toBe('plan.plan.generations[0].racks');
    const negative = s.dispatch({ type: 'generations/save', generation: setComponentValue(g, 0, 'count', -1) });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.error[0]!.path).toBe('plan.plan.generations[0].components[0].count');
  });

  it('delete is refused while a plan row uses it (the row is named), and with withRows removes the rows too', () => {
    const s = new AppStore(catalog);
    const g = copyOf();
    s.dispatch({ type: 'generations/save', generation: g, select: true });
    const site = 'houston-tx';
    s.dispatch({ type: 'plan/set-deployment', site, generation: g.id, quarter: s.design.plan.plan.start, units: 2 });
    const refused = s.dispatch({ type: 'generations/delete', id: g.id, fallbackId: 'gb300-nvl72' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]!.path).toMatch(/^plan\.plan\.deployments\[\d+\]\.generation$/);
    const done = s.dispatch({ type: 'generations/delete', id: g.id, withRows: true, fallbackId: 'gb300-nvl72' });
    expect(done.ok).toBe(true);
    expect(s.design.plan.plan.generations).toBeUndefined();
    expect(rowsUsingGeneration(s.design.plan.plan, g.id)).toBe(0);
    expect(s.design.rack.generationId).toBe('gb300-nvl72');
  });

  it('the session snapshot carries it: a restored snapshot evaluates the same unit', () => {
    const s = new AppStore(catalog);
    const g = setAcceleratorPower(copyOf(), 1250);
    s.dispatch({ type: 'generations/save', generation: g, select: true });
    const json = JSON.parse(JSON.stringify(s.snapshot()));
    expect(parseSnapshot(json, catalog).ok).toBe(true);
    const t = new AppStore(catalog);
    expect(loadSnapshot(t, json).ok).toBe(true);
    expect(t.design.rack.generationId).toBe(g.id);
    const unit = (store: AppStore) => evaluateUnit(store.catalog.generations.find((x) => x.id === g.id)!, {}, store.catalog);
    expect(unit(t)).toEqual(unit(s));
    // Loading the same session again (its ids are the session's own, not the catalog's) is accepted.
    expect(loadSnapshot(t, json).ok).toBe(true);
  });
});

describe('the exported generation file through the CLI', () => {
  beforeAll(() => loadDesignChecks());

  it('rackplan rack --generation-file <exported> --json gives the designer\'s report, figure for figure', async () => {
    const s = new AppStore(catalog);
    const edited = setComponentValue(setAcceleratorPower(copyOf(), 1250), 0, 'count', 17);
    expect(s.dispatch({ type: 'generations/save', generation: edited, select: true }).ok).toBe(true);
    // The designer's report comes from the one owner (Reports), as the Rack designer shows it.
    const reports = new Reports(s);
    await reports.loadRack();
    const designer = reports.rack!.report;
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-gen-'));
    const file = join(dir, `${edited.id}.json`);
    writeFileSync(file, generationFileText(s.design.plan.plan.generations![0]!));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['rack', '--generation-file', file, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const cli = JSON.parse(out.join('\n')) as Record<string, unknown>;
    expect(cli.userDefined).toBe(true);
    expect(cli).toEqual({ userDefined: true, ...JSON.parse(JSON.stringify(designer)) });
    // The edit is visible in both: 17 compute trays × 4 GPUs.
    expect(designer.accelerators).toBe(68);
  });
});

describe('a PSU of the user\'s own', () => {
  beforeAll(() => loadDesignChecks());

  it('a copy of the shelf with lower efficiency raises the rack input; the file carries it and reads back to the same figures', () => {
    const s = new AppStore(catalog);
    const g = copyOf();
    const psu = duplicatePsu(catalog.psus.find((p) => p.id === g.power.psuId)!, new Set(catalog.psus.map((p) => p.id)));
    const eff = PSU_FIELDS.find((f) => f.key === 'eff50')!;
    const worse = eff.set(psu, 0.9);
    const withPsu = { ...g, power: { ...g.power, psuId: worse.id } };
    expect(s.dispatch({ type: 'generations/save', generation: withPsu, psus: [worse], select: true }).ok).toBe(true);
    const unit = (gen: Generation, c = s.catalog) => evaluateUnit(c.generations.find((x) => x.id === gen.id)!, {}, c);
    const mine = unit(withPsu);
    const preset = evaluateUnit(gb300, {}, catalog);
    expect(mine.power.itKw).toBe(preset.power.itKw);
    // Same IT load, a lower efficiency curve: more input power (η at the shelves' load from the curve).
    expect(mine.power.inputKw).toBeGreaterThan(preset.power.inputKw);
    const text = generationFileText(withPsu, s.design.plan.plan.psus);
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 1, generations: [{ id: withPsu.id }], psus: [{ id: worse.id }] });
    const read = readUserGenerations(JSON.parse(text), catalog, 'mine.json');
    expect(read.ok).toBe(true);
    if (read.ok) expect(evaluateUnit(read.value.generations[0]!, {}, read.value.catalog)).toEqual(mine);
  });
});

/**
 * Compare and plan demand at every published precision (issue 12, item 3 follow-up): dense FP4/FP8/BF16, the same
 * with 2:4 sparsity, FP32 and FP64. Expected figures are hand-derived from the per-accelerator catalog values
 * (presets/generations/*.json, each citing the vendor's datasheet) × accelerators per unit, never our own output.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { runCli } from '../../src/cli/main';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { PRECISIONS } from '../../src/core/plan/precision';
import { importPlan } from '../../src/io/plan';
import { DEMAND_CHOICES, demandSeriesFor } from '../../src/views/plan-view';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const sites = loadSites();

interface Row {
  generation: string;
  supported: boolean;
  units: number | null;
  accelerators: number | null;
  pflops: number | null;
  issues: { code: string; message: string }[];
}
const row = (r: { options: Row[] }, id: string) => r.options.find((o) => o.generation === id)!;

describe('rackplan compare --precision fp64', () => {
  it('sizes on FP64 where published and marks the others unsupported, saying why', async () => {
    const r = await cliJson('compare', 'gb300-nvl72', 'dgx-b200', '--precision', 'fp64', '--json');
    expect(r.target).toMatchObject({ metric: 'pflops', precision: 'fp64', value: 5000, unit: 'PFLOPS fp64' });
    // DGX B200: NVIDIA's datasheet gives 296 TFLOPS FP64 per 8-GPU system = 0.037 PFLOPS per GPU; a unit is a rack of
    // 4 systems = 32 GPUs → 1.184 PFLOPS. ⌈5,000 ÷ 1.184⌉ = ⌈4,222.97⌉ = 4,223 units = 135,136 GPUs, 5,000.032 PFLOPS.
    const b200 = row(r, 'dgx-b200');
    expect(b200).toMatchObject({ supported: true, units: 4223, accelerators: 135_136 });
    expect(b200.pflops).toBeCloseTo(4223 * 32 * 0.037, 6);
    // GB300 NVL72: the catalog records FP64 as null, not published (Blackwell Ultra cut FP64; no per-GPU figure found).
    const gb300 = row(r, 'gb300-nvl72');
    expect(gb300).toMatchObject({ supported: false, units: null, pflops: null });
    expect(gb300.issues.map((i) => i.message)).toEqual(['gb300-nvl72 does not supply FP64 (not published)']);
    expect(r.verdict.text).toMatch(/DGX B200 is the only compared generation with FP64 compute/);
  });

  it('a chip that lacks the format keeps the "no such format" wording; GB200 sizes on its published 40 TFLOPS', async () => {
    const r = await cliJson('compare', 'gb200-nvl72', 'inf2-server', '--target-pflops', '100', '--precision', 'fp64', '--json');
    // Inferentia2: the catalog's reason starts "unsupported" (AWS lists no FP64 format).
    expect(row(r, 'inf2-server').issues.map((i) => i.message)).toEqual(['inf2-server does not supply FP64 (the chip has no such format in the catalog)']);
    // GB200 NVL72: 0.04 PFLOPS FP64 per GPU × 72 = 2.88 per rack; ⌈100 ÷ 2.88⌉ = ⌈34.72⌉ = 35 racks = 100.8 PFLOPS.
    expect(row(r, 'gb200-nvl72')).toMatchObject({ supported: true, units: 35 });
    expect(row(r, 'gb200-nvl72').pflops).toBeCloseTo(100.8, 9);
  });

  it('sparse FP8 sizes on the published 2:4 figure, never 2 × dense by assumption', async () => {
    // GB300 NVL72: 10 PFLOPS FP8 sparse per GPU (NVIDIA) × 72 = 720 per rack; ⌈5,000 ÷ 720⌉ = 7 racks = 5,040.
    // Trainium3: AWS publishes dense MXFP8 only, so no sparse figure: unsupported, "not published".
    const r = await cliJson('compare', 'gb300-nvl72', 'trn3-gen2-ultraserver', '--target-pflops', '5000', '--precision', 'fp8-sparse', '--json');
    expect(row(r, 'gb300-nvl72')).toMatchObject({ supported: true, units: 7, pflops: 5040 });
    expect(row(r, 'trn3-gen2-ultraserver').issues[0]!.message).toBe('trn3-gen2-ultraserver does not supply FP8 sparse (2:4) (not published)');
  });

  it('no value ever becomes NaN or Infinity, at any precision', async () => {
    for (const p of PRECISIONS) {
      const r = await cliJson('compare', 'gb300-nvl72', 'dgx-b200', 'dgx-h100', 'inf2-server', 'trn2-ultraserver', 'vr-nvl144', '--target-pflops', '1000', '--precision', p, '--json');
      const bad: string[] = [];
      JSON.stringify(r, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (bad.push(k), v) : v));
      expect(bad, p).toEqual([]);
    }
  });

  it('refuses an unknown precision, naming the flag, the value and every accepted one', async () => {
    const err: string[] = [];
    const code = await runCli(['compare', 'gb300-nvl72', '--precision', 'fp16'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).not.toBe(0);
    expect(err.join('\n')).toMatch(/--precision/);
    expect(err.join('\n')).toMatch(/fp16/);
    expect(err.join('\n')).toContain(PRECISIONS.join(', '));
  });
});

describe('plan demand at every precision', () => {
  const plan = (precision: string): unknown => ({
    schemaVersion: 1,
    catalogVersion: catalog.version,
    name: 'sparse demand',
    start: '2026-Q1',
    horizonYears: 1,
    demand: [{ quarter: '2026-Q3', metric: 'pflops', precision, value: 20000 }],
    deployments: [
      { site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q2', units: 20 },
      { site: 'houston-tx', generation: 'trn3-gen2-ultraserver', quarter: '2026-Q2', units: 4 },
    ],
  });

  it('a plan file with fp8-sparse demand loads and evaluates on the sparse figure', () => {
    const imported = importPlan(JSON.stringify(plan('fp8-sparse')));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const r = evaluatePlan(imported.value.value, catalog, sites);
    const s = r.demandSeries[0]!;
    expect(s).toMatchObject({ metric: 'pflops', precision: 'fp8-sparse', unit: 'PFLOPS fp8-sparse' });
    // Hand: 20 GB300 NVL72 racks × 72 GPUs × 10 PFLOPS FP8 sparse = 14,400; Trainium3 publishes no sparse rate, so
    // its 4 UltraServers add nothing (never a guessed 2 × dense).
    expect(s.quarters.map((q) => q.supplied)).toEqual([0, 14_400, 14_400, 14_400]);
    expect(r.demand[0]).toMatchObject({ required: 20000, supplied: 14_400, unmet: 5600 });
    expect(r.issues.find((i) => i.code === 'demand_unmet')!.message).toMatch(/14,400 of 20,000 PFLOPS fp8-sparse in service/);
  });

  it('the Plan view offers every precision as a demand metric and finds the fp8-sparse series', () => {
    expect(DEMAND_CHOICES.filter((c) => c.metric === 'pflops').map((c) => c.label)).toEqual([
      'PFLOPS FP8 dense',
      'PFLOPS FP4 dense',
      'PFLOPS BF16 dense',
      'PFLOPS FP8 sparse (2:4)',
      'PFLOPS FP4 sparse (2:4)',
      'PFLOPS BF16 sparse (2:4)',
      'PFLOPS FP32',
      'PFLOPS FP64',
    ]);
    const imported = importPlan(JSON.stringify(plan('fp8-sparse')));
    if (!imported.ok) throw new Error('plan refused');
    const r = evaluatePlan(imported.value.value, catalog, sites);
    expect(demandSeriesFor(r, { metric: 'pflops', precision: 'fp8-sparse' })?.quarters[1]!.supplied).toBe(14_400);
    expect(demandSeriesFor(r, { metric: 'pflops', precision: 'fp8' })).toBeUndefined();
  });

  it('refuses an unknown demand precision at its path, naming the value and the accepted list', () => {
    const imported = importPlan(JSON.stringify(plan('fp16')));
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    const text = imported.error.problems.map((p) => `${p.path}: ${p.message} (got ${p.got ?? ''})`).join('\n');
    expect(text).toMatch(/demand\[0\]\.precision/);
    for (const p of PRECISIONS) expect(text).toContain(p);
    expect(text).toMatch(/fp16/);
  });

  it('existing plan files (fp8, fp4, bf16 demand) stay valid', () => {
    for (const p of ['fp8', 'fp4', 'bf16']) expect(importPlan(JSON.stringify(plan(p))).ok, p).toBe(true);
    expect(importPlan(readFileSync('presets/plans/small.json')).ok).toBe(true);
  });
});

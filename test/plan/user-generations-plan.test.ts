/**
 * A plan file may carry the user's own generations (issue 12): its rows name them, every plan consumer sees them
 * (evaluatePlan, rackplan plan), and a clash with the catalog is an exit-2 error at its path.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import type { Plan } from '../../src/core/plan/types';
import { runCli } from '../../src/cli/main';
import { cliJson } from '../helpers/cli';

const example = JSON.parse(readFileSync('docs/examples/oem-8x-h200-6u.json', 'utf8'));
const catalog = loadCatalog();
const plan = {
  schemaVersion: 1, catalogVersion: catalog.version, name: 'OEM servers in Houston', start: '2026-Q1', horizonYears: 2,
  generations: [example],
  deployments: [{ site: 'houston-tx', generation: 'oem-8x-h200-6u', quarter: '2026-Q2', units: 50 }],
};

describe('plans with their own generations', () => {
  it('evaluate: the user generation deploys like a preset (IT MW from the rack engine)', () => {
    const r = evaluatePlan(plan as unknown as Plan, catalog, loadSites());
    expect(r.issues.filter((i) => i.code === 'unknown_generation' || i.code === 'user_generation_conflict')).toEqual([]);
    const q = r.sites.find((s) => s.id === 'houston-tx')!.quarters.find((x) => x.quarter === '2026-Q2')!;
    expect(q.units.find((u) => u.generation === 'oem-8x-h200-6u')?.units).toBe(50);
    expect(q.itMw).toBeGreaterThan(50 * 0.046 * 0.99); // 50 racks × 46 kW input, plus the fabric
  });

  it('rackplan plan reads it from the file; a clash with a preset is exit 2 at its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-usergen-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(plan));
    const json = await cliJson('plan', good, '--json');
    expect(json.totals.racks ?? json.sites.find((s: { id: string }) => s.id === 'houston-tx')).toBeTruthy();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...plan, generations: [{ ...example, id: 'dgx-h100' }], deployments: [] }));
    const err: string[] = [];
    const code = await runCli(['plan', bad], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/generations\[0\]\.id: "dgx-h100" is already a generation id or alias/);
  });
});

/**
 * One cluster, one fabric: `rackplan cables`, `rackplan fabric <generation>`, `rackplan plan`, `rackplan compare`,
 * the Fabric view's model and the plan's cable export size the same cluster with the same switch and identical counts, unless the user picks
 * another switch (then every surface that takes the pick agrees on the new counts). Each output names the switch.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import type { Plan } from '../../src/core/plan/types';
import { planBundle } from '../../src/export/bundle';
import { planClusters } from '../../src/export/plan-cables';
import { bomTable } from '../../src/export/plan-tables';
import { evaluateFabric } from '../../src/views/fabric-view';
import { runCli } from '../../src/cli/main';
import { cliJson } from '../helpers/cli';

const catalog = loadCatalog();
const net = loadNetworkCatalog();
const dir = mkdtempSync(join(tmpdir(), 'rackplan-fabric-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** A one-site plan deploying `units` of a generation at Lordstown (its plant builds every generation). */
function planFile(generation: string, units: number, network?: Plan['network']): { path: string; plan: Plan } {
  const plan = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Plan & { orders: unknown[]; deployments: unknown[]; demand?: unknown };
  const out = {
    ...plan,
    name: `${units} × ${generation}`,
    demand: [],
    orders: [{ generation, plant: 'lordstown-oh', quarter: '2026-Q1', units, kind: 'firm' }],
    deployments: [{ site: 'lordstown-oh', generation, quarter: '2026-Q2', units }],
    ...(network ? { network } : {}),
  } as Plan;
  const path = join(dir, `${generation}-${units}-${network?.switchId ?? 'default'}.json`);
  writeFileSync(path, JSON.stringify(out));
  return { path, plan: out };
}

interface Counts {
  switchId: string;
  leaf: number;
  spine: number;
  core: number;
  total: number;
}

async function everySurface(generation: string, units: number, accelerators: number, switchId?: string): Promise<Record<string, Counts>> {
  const g = catalog.generations.find((x) => x.id === generation)!;
  const racks = units * g.racks;
  const out: Record<string, Counts> = {};

  const cables = await cliJson('cables', generation, '--racks', String(racks), ...(switchId ? ['--switch', switchId] : []), '--json');
  out.cables = { switchId: cables.switch.id, ...cables.clusters.switches };

  const fabric = await cliJson('fabric', generation, '--units', String(units), ...(switchId ? ['--switch', switchId] : []), '--json');
  out.fabricCommand = { switchId: fabric.switch.id, ...fabric.clusters.switches };

  const view = evaluateFabric(g, net, { units, switchId }, undefined);
  if (!view.ok) throw new Error(view.error);
  out.fabricView = { switchId: view.value.switch.id, ...view.value.counts.switches };

  const { path, plan } = planFile(generation, units, switchId ? { switchId } : undefined);
  const report = await cliJson('plan', path, '--json');
  const site = report.sites.find((s: { id: string }) => s.id === 'lordstown-oh');
  const f = site.quarters[site.quarters.length - 1].fabric;
  out.plan = { switchId: f.byGeneration[0].switchId, leaf: f.leafSwitches, spine: f.spineSwitches, core: f.coreSwitches, total: f.switches };

  const clusters = planClusters(planBundle(plan));
  out.planExport = {
    switchId: clusters[0]!.switchModel.id,
    leaf: clusters.reduce((s, c) => s + c.fabric.switches.leaf, 0),
    spine: clusters.reduce((s, c) => s + c.fabric.switches.spine, 0),
    core: clusters.reduce((s, c) => s + c.fabric.switches.core, 0),
    total: clusters.reduce((s, c) => s + c.fabric.switches.total, 0),
  };

  if (!switchId) {
    // Compare has no switch setting: it always sizes on the catalog default.
    const cmp = await cliJson('compare', generation, '--target-accelerators', String(accelerators), '--site', 'lordstown-oh', '--json');
    const row = cmp.options[0];
    expect(row.units).toBe(units);
    out.compare = { switchId: row.fabricSwitch.id, leaf: NaN, spine: NaN, core: NaN, total: row.switches };
  }
  return out;
}

function expectSame(all: Record<string, Counts>, want: Counts): void {
  for (const [surface, c] of Object.entries(all)) {
    const expected = surface === 'compare' ? { ...want, leaf: NaN, spine: NaN, core: NaN } : want;
    expect({ surface, ...c }).toEqual({ surface, ...expected });
  }
}

describe('the same cluster on every surface', () => {
  it('120 GB300 NVL72 (8,640 GPUs): Q3400, 120 leaf + 72 spine everywhere', async () => {
    // Hand derivation in test/fabric/evaluate-cluster.test.ts (120 GB300 NVL72 … 2 tiers).
    expectSame(await everySurface('gb300-nvl72', 120, 8640), { switchId: 'quantum-x800-q3400', leaf: 120, spine: 72, core: 0, total: 192 });
  });

  it('32 DGX B200 racks (128 nodes, 1,024 GPUs): QM9700, 32 leaf + 16 spine everywhere (SuperPOD B200 table, 4 SUs)', async () => {
    expectSame(await everySurface('dgx-b200', 32, 1024), { switchId: 'quantum-2-qm9700', leaf: 32, spine: 16, core: 0, total: 48 });
  });

  it('a switch the user picks reaches every surface that takes one, with the same counts', async () => {
    // SN5600: 64 × 800G, non-blocking d = u = 32; SU = ⌊32 ÷ 18⌋ × 18 = 18 nodes (one rack), 120 SUs × 4 rails =
    // 480 leaves; two tiers hold 64 leaves per group, so three tiers: pods of ⌊32 ÷ 4⌋ × 4 = 32 leaves, 15 pods,
    // 32 spines each (480); core groups of g cores, g the smallest divisor of 32 with 64·g ≥ 15 × 32 → 8, × 32 = 256.
    const all = await everySurface('gb300-nvl72', 120, 8640, 'spectrum-4-sn5600');
    expectSame(all, { switchId: 'spectrum-4-sn5600', leaf: 480, spine: 480, core: 256, total: 1216 });
  });
});

describe('every output names the switch', () => {
  it('cables and compare text, plan text', async () => {
    const text = async (...argv: string[]) => {
      let out = '';
      await runCli(argv, { out: (t) => (out += t), err: () => undefined });
      return out;
    };
    expect(await text('cables', 'gb300-nvl72', '--racks', '120')).toContain('switch: NVIDIA Quantum-X800 Q3400-RA');
    expect(await text('compare', 'gb300-nvl72', '--target-accelerators', '8640')).toMatch(/gb300-nvl72: NVIDIA Quantum-X800 Q3400-RA .*catalog default/);
    expect(await text('plan', 'presets/plans/small.json')).toMatch(/gb300-nvl72: 120 units, 192 × NVIDIA Quantum-X800 Q3400-RA/);
  });
});

describe("the plan's network settings", () => {
  it('an unknown network.switchId exits 2 naming the field, the value and the catalog ids', async () => {
    const { path } = planFile('gb300-nvl72', 12, { switchId: 'no-such-switch' });
    let err = '';
    const code = await runCli(['plan', path], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('network.switchId: a switch id, one of quantum-2-qm9700');
    expect(err).toContain('no-such-switch');
  });

  it('older plan files with switchRadix/switchPortGbps/switchW still load: a custom switch, named as such', async () => {
    const { path } = planFile('gb300-nvl72', 120, { switchRadix: 64, switchPortGbps: 800, switchW: 2000 });
    const report = await cliJson('plan', path, '--json');
    const f = report.sites.find((s: { id: string }) => s.id === 'lordstown-oh').quarters.at(-1).fabric;
    expect(f.byGeneration[0]).toMatchObject({ switchId: 'custom', switchReason: 'custom', switchName: 'Custom switch (64 × 800G, plan file)' });
    // The same radix as SN5600 at the same speed gives SN5600's counts (hand derivation in the test above).
    expect(f).toMatchObject({ leafSwitches: 480, spineSwitches: 480, coreSwitches: 256, switches: 1216 });
    expect(f.switchKw).toBe((1216 * 2000) / 1000);
  });

  it('a catalog switch without published power is counted at the plan estimate and the report says so', async () => {
    const report = await cliJson('plan', 'presets/plans/small.json', '--json');
    const f = report.sites.find((s: { id: string }) => s.id === 'lordstown-oh').quarters.at(-1).fabric;
    expect(f.byGeneration[0]).toMatchObject({ switchId: 'quantum-x800-q3400', switchWattsSource: 'estimate' });
    expect(f.switchKw).toBe((192 * 2000) / 1000); // presets/prices.json fabricDefaults.switchW = 2,000 W (estimate)
  });
});

describe('the plan bill of materials', () => {
  it('one line per switch model and tier; the lines add up to the site fabric', () => {
    const plan = JSON.parse(readFileSync('presets/plans/three-sites-7y.json', 'utf8')) as Plan;
    const b = planBundle(plan);
    const rows = bomTable(b).rows.filter((r) => r[0] === 'site' && r[2] === 'switch');
    for (const s of b.report.sites) {
      const f = s.quarters.at(-1)!.fabric;
      const mine = rows.filter((r) => r[1] === s.id);
      const models = new Set(f.byGeneration.map((g) => g.switchName));
      expect(models.size).toBeGreaterThan(1); // the example mixes 400G and 800G NIC generations
      const item = (r: (typeof mine)[number]) => (typeof r[3] === 'string' ? r[3] : '');
      for (const name of models) expect(mine.some((r) => item(r).endsWith(`: ${name}`))).toBe(true);
      const sum = (tier: string) => mine.filter((r) => item(r).startsWith(`scale-out ${tier}:`)).reduce((a, r) => a + Number(r[4]), 0);
      expect([sum('leaf'), sum('spine'), sum('core')]).toEqual([f.leafSwitches, f.spineSwitches, f.coreSwitches]);
    }
  });
});

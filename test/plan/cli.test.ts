import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { findNonFinite } from '../../src/cli/output';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err: err.trim() };
}

const SITE_FIELDS = ['id', 'racks', 'itMw', 'facilityMw', 'pue', 'peakPue', 'utilization', 'priceUsdPerKwh', 'annualEnergyMwh', 'annualEnergyCostUsd', 'annualCo2Tonnes'];

describe('rackplan plan', () => {
  it('--json carries the public names, and the last full year obeys the energy identities', async () => {
    const r = await run('plan', 'presets/plans/small.json', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(findNonFinite(j)).toBeUndefined();
    for (const s of j.sites) {
      for (const f of SITE_FIELDS) expect(s).toHaveProperty(f);
      expect(Array.isArray(s.years)).toBe(true);
      for (const f of SITE_FIELDS.filter((x) => x !== 'id')) expect(s.years[0]).toHaveProperty(f);
      expect(s.annualEnergyMwh).toBeCloseTo(s.itMw * s.utilization * s.pue * 8760, 6);
      expect(s.annualEnergyCostUsd).toBeCloseTo(s.annualEnergyMwh * 1000 * s.priceUsdPerKwh, 3);
    }
    expect(j.plants[0]).toHaveProperty('quarters');
    expect(j.plants[0].quarters[0]).toHaveProperty('partsPerWeek');
    for (const f of ['capexUsd', 'tcoUsd', 'npvTcoUsd', 'horizonCo2Tonnes', 'firmCapexUsd', 'optionCapexUsd']) expect(typeof j.totals[f]).toBe('number');
  });

  it('bad plans exit 2, one line per problem at its path with the value found, nothing on stdout', async () => {
    const r = await run('plan', 'test/fixtures/plans/bad-plan.json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines).toContain('deployments[3].units: must be a whole number ≥ 0 (got -2)');
    expect(lines).toContain('deployments[1].units: must be a whole number ≥ 0 (got 2.5)');
    expect(lines).toContain('start: a quarter, YYYY-Qn (e.g. 2027-Q3) (got "2026-Q5")');
    expect(lines).toContain('orders[0].kind: must be "firm" or "option" (got "maybe")');
    expect(lines.some((l) => l.startsWith('deployments[2].rack: unknown key'))).toBe(true);
    expect(lines).toHaveLength(7);
  });

  it('unknown ids in a well-formed plan also exit 2, naming what is accepted', async () => {
    const r = await run('plan', 'test/fixtures/plans/unknown-ids.json');
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines).toContain('deployments[0].site: a data-center site id, one of houston-tx, lordstown-oh, mount-pleasant-wi (got "austin-tx")');
    expect(lines.some((l) => l.startsWith('deployments[1].generation: a generation id, one of ') && l.endsWith('(got "gb900-nvl9000")'))).toBe(true);
    expect(lines.some((l) => l.startsWith('orders[0].generation: a generation the houston-tx plant builds'))).toBe(true);
  });

  it('a missing file or malformed JSON exits 2', async () => {
    expect((await run('plan', 'no/such/plan.json')).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-'));
    try {
      writeFileSync(join(dir, 'p.json'), '{ "schemaVersion": 1,');
      const r = await run('plan', join(dir, 'p.json'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--optimize adds the optimizer summary with binding constraints in words', async () => {
    const r = await run('plan', 'presets/plans/houston-tight.json', '--optimize', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.optimizer).toMatchObject({ status: 'infeasible-relaxed', objective: 'npv' });
    expect(typeof j.optimizer.wasmLoadMs).toBe('number');
    expect(j.optimizer.binding[0].sentence).toMatch(/Houston power/);
    expect(j.optimizer.unmet[0]).toMatchObject({ quarter: '2026-Q4' });
  }, 60_000);
});

describe('rackplan compare / fit / site / presets', () => {
  it('compare --json: options with the public names; a missing precision is supported: false', async () => {
    const r = await run('compare', 'gb300-nvl72', 'trn3-gen2-ultraserver', 'inf2-server', '--target-pflops', '50000', '--precision', 'fp4', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const o of j.options) for (const f of ['generation', 'supported', 'units', 'racks', 'pflopsDense', 'itMw', 'facilityMw', 'capexUsd', 'annualEnergyCostUsd']) expect(o).toHaveProperty(f);
    expect(j.options.find((o: { generation: string }) => o.generation === 'inf2-server')).toMatchObject({ supported: false, units: null });
  });

  it('compare needs exactly one target', async () => {
    const none = await run('compare', 'gb300-nvl72');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^--target-pflops: exactly one of/);
    const two = await run('compare', 'gb300-nvl72', '--target-pflops', '1', '--target-it-mw', '1');
    expect(two.code).toBe(2);
    const bad = await run('compare', 'gb999', '--target-pflops', '1');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/\(got "gb999"\)$/);
  });

  it('fit --json: units, racks, bindingConstraint and slack', async () => {
    const r = await run('fit', 'gb300-nvl72', '--site', 'lordstown-oh', '--plan', 'presets/plans/small.json', '--by', '2027-Q3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toHaveProperty('units');
    expect(j).toHaveProperty('racks');
    expect(['power', 'cooling', 'positions', 'floorLoading', 'switchPorts', 'plantCapacity', 'none']).toContain(j.bindingConstraint);
    expect(Object.keys(j.slack).sort()).toEqual(['coolingMw', 'floorLoadingKgM2', 'plantRacks', 'positions', 'powerMw', 'switchPorts']);
    expect(j.existing.racks).toBe(120);
  });

  it('fit flags are checked', async () => {
    const r = await run('fit', 'gb300-nvl72', '--by', '2027-Q9');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual(['--site: required: a data-center site, one of houston-tx, lordstown-oh, mount-pleasant-wi', '--by: a quarter, YYYY-Qn (e.g. 2027-Q3) (got "2027-Q9")']);
  });

  it('site lists the three sites and shows one with its PUE terms', async () => {
    const list = JSON.parse((await run('site', '--json')).out);
    expect(list.sites.map((s: { id: string }) => s.id)).toEqual(['houston-tx', 'lordstown-oh', 'mount-pleasant-wi']);
    const one = JSON.parse((await run('site', 'mount-pleasant-wi', '--generation', 'gb200-nvl72', '--units', '100', '--json')).out);
    expect(one.load).toMatchObject({ generation: 'gb200-nvl72', units: 100 });
    expect(one.pue.pue).toBeCloseTo(1 + one.pue.terms.chainLoss + one.pue.terms.cooling + one.pue.terms.fixedOverhead, 12);
  });

  it('presets --json fills sites', async () => {
    const j = JSON.parse((await run('presets', '--json')).out);
    expect(j.sites).toEqual([
      { id: 'houston-tx', name: expect.any(String), state: 'TX', roles: ['plant', 'dataCenter'] },
      { id: 'lordstown-oh', name: expect.any(String), state: 'OH', roles: ['plant', 'dataCenter'] },
      { id: 'mount-pleasant-wi', name: expect.any(String), state: 'WI', roles: ['plant', 'dataCenter'] },
    ]);
  });
});

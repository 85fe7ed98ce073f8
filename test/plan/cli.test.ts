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
    for (const o of j.options) for (const f of ['generation', 'supported', 'units', 'racks', 'pflops', 'itMw', 'facilityMw', 'capexUsd', 'annualEnergyCostUsd']) expect(o).toHaveProperty(f);
    expect(j.options.find((o: { generation: string }) => o.generation === 'inf2-server')).toMatchObject({ supported: false, units: null });
  });

  it('compare takes at most one target; with none it compares equal dense FP8 compute', async () => {
    const none = await run('compare', 'gb300-nvl72', '--json');
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out).target).toMatchObject({ metric: 'pflops', precision: 'fp8', value: 5000 });
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

describe('rackplan plan / optimize: demand, capex split, proposal (issue 14)', () => {
  it('plan text shows demand against supply, capex = units (firm + option) + network + facility, and the JSON carries the same figures', async () => {
    const t = await run('plan', 'presets/plans/small.json');
    expect(t.code).toBe(0);
    const j = JSON.parse((await run('plan', 'presets/plans/small.json', '--json')).out);
    const usd = (await import('../../src/cli/output')).formatUsd;
    const tot = j.totals;
    expect(t.out).toContain(`capex ${usd(tot.capexUsd)} = units ${usd(tot.unitCapexUsd)} (firm ${usd(tot.firmCapexUsd)} + option ${usd(tot.optionCapexUsd)}) + network ${usd(tot.networkCapexUsd)} + facility ${usd(tot.facilityCapexUsd)}`);
    expect(t.out).toMatch(/Demand: PFLOPS fp8 dense in service against demand/);
    expect(j.demandSeries[0].quarters).toHaveLength(12);
    expect(j.builds).toHaveLength(2);
  });

  it('optimize prints the proposal row by row and --json carries it; the plan file is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-proposal-'));
    const file = join(dir, 'typed.json');
    const plan = {
      schemaVersion: 1,
      catalogVersion: '2026.11.2',
      name: 'typed',
      start: '2026-Q1',
      horizonYears: 3,
      demand: [{ quarter: '2027-Q4', metric: 'accelerators', value: 20000 }],
      deployments: [
        { site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2026-Q4', units: 20, locked: true },
        { site: 'lordstown-oh', generation: 'gb300-nvl72', quarter: '2027-Q2', units: 60 },
      ],
    };
    writeFileSync(file, JSON.stringify(plan));
    try {
      const t = await run('optimize', file);
      expect(t.code).toBe(0);
      expect(t.out).toMatch(/Proposal: \d+ rows to add, \d+ to change, \d+ to remove; \d+ open rows unchanged; 1 locked or order-built rows kept as they are/);
      const j = JSON.parse((await run('optimize', file, '--json')).out);
      const p = j.optimizer.proposal;
      expect(p.fixed).toBe(1);
      for (const row of p.rows) expect(row.before?.locked ?? false).toBe(false);
      expect(j.optimizer.deployments[0]).toEqual(plan.deployments[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from '../../src/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('rackplan rack --json', () => {
  it('exposes the documented JSON names', async () => {
    const r = await run('rack', 'gb200-nvl72', '--json', '--units', '3');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const path of [
      'generation', 'racks', 'accelerators', 'power.itKw', 'power.typicalKw', 'power.inputKw', 'power.inputKva', 'power.peakKw', 'power.busbarA',
      'cooling.liquidKw', 'cooling.airKw', 'cooling.coolantLpm', 'cooling.coolantGpm', 'cooling.airflowCfm', 'cooling.airflowM3h', 'cooling.facilityWaterClass',
      'cabling.scaleUpCables', 'compute.fp8DensePflops', 'compute.hbmTb', 'issues', 'assumptions', 'totals',
    ]) {
      expect(path.split('.').reduce((o: Record<string, unknown>, k) => o?.[k] as Record<string, unknown>, j), path).not.toBeUndefined();
    }
    expect(j.totals.units).toBe(3);
    expect(j.totals.accelerators).toBe(216);
  });

  it('an alias resolves to its id with an info issue', async () => {
    const j = JSON.parse((await run('rack', 'gb200', '--json')).stdout);
    expect(j.generation).toBe('gb200-nvl72');
    expect(j.issues[0]).toMatchObject({ code: 'alias_resolved', severity: 'info' });
  });

  it('accepts unit strings in temperature flags', async () => {
    const a = JSON.parse((await run('rack', 'gb200-nvl72', '--json', '--delta-t', '18 degF')).stdout);
    const b = JSON.parse((await run('rack', 'gb200-nvl72', '--json', '--delta-t', '10')).stdout);
    expect(a.cooling.coolantLpm).toBeCloseTo(b.cooling.coolantLpm, 9);
  });
});

describe('bad input: exit 2, one line per problem, stdout empty', () => {
  it('lists every bad flag with what is accepted and what was given', async () => {
    const r = await run('rack', 'gb200-nvl72', '--units', '0', '--feeds', 'x', '--delta-t', '3 ton');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toContain('--units: an integer from 1 to 100000 (got "0")');
    expect(lines).toContain('--feeds: one of ab, single (got "x")');
    expect(lines.some((l) => l.startsWith('--delta-t: '))).toBe(true);
  });
  it('unknown generation and unknown flag', async () => {
    const a = await run('rack', 'nope');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^generation: one of .*gb200-nvl72.* \(got "nope"\)$/);
    const b = await run('rack', 'gb200-nvl72', '--volts', '3');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^--volts: unknown flag/);
  });
  it('calc circuit prints usable figures and rejects missing flags', async () => {
    const j = JSON.parse((await run('calc', 'circuit', '--volts', '415', '--amps', '60', '--system', '3ph', '--json')).stdout);
    expect(j.usableKva).toBeCloseTo(34.5, 1);
    expect(j.usableAmps).toBe(48);
    const bad = await run('calc', 'circuit', '--volts', '415');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')).toEqual(['--amps: required: breaker amps, e.g. 60', '--system: required: 1ph, 3ph or dc']);
  });
  it('calc liquid and air use the documented JSON names', async () => {
    const l = JSON.parse((await run('calc', 'liquid', '--kw', '100', '--delta-t', '10', '--json')).stdout);
    expect(l.lpm).toBeGreaterThan(140);
    expect(l.gpm).toBeCloseTo(l.lpm / 3.785411784, 9);
    const a = JSON.parse((await run('calc', 'air', '--kw', '10', '--delta-t-f', '20', '--json')).stdout);
    expect(a.cfm).toBeGreaterThan(1560);
    expect(a.m3h).toBeGreaterThan(2650);
  });
  it('never prints NaN, Infinity or a stack trace for arbitrary flag values (fast-check)', async () => {
    const flags = ['--units', '--systems-per-rack', '--feeds', '--feed-volts', '--feed-amps', '--feed-system', '--pf', '--redundancy', '--coolant', '--delta-t', '--air-delta-t', '--altitude-m', '--supply-c', '--basis', '--continuous-factor'];
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.double().map(String), fc.integer().map(String), fc.constantFrom('NaN', 'Infinity', '-1', '1e308', '__proto__', '<script>', '=1+1', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...flags), value), { maxLength: 4 }), async (pairs) => {
        const r = await run('rack', 'gb200-nvl72', '--json', ...pairs.flat());
        expect([0, 2]).toContain(r.code);
        expect((r.stdout + r.stderr).replace(/\(got .*\)$/gm, '')).not.toMatch(/\bNaN\b|Infinity| {4}at /);
        if (r.code === 2) {
          expect(r.stdout).toBe('');
          for (const line of r.stderr.split('\n')) expect(line).toMatch(/^[^:]+: .+/);
        }
      }),
      { numRuns: process.env.FUZZ === 'large' ? 5_000 : 300 },
    );
  });
});

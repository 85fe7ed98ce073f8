/**
 * Numeric extremes (issue 17, review 2026-12 F6): every numeric flag of every command, and every numeric field of
 * a plan file, given 1e308, 1e-300, -0, denormals, overflow to Infinity and out-of-range dates. Each run must
 * end in exit 0 or 2: never an internal error (exit 1), a stack trace, or NaN/Infinity in the output. The full
 * grid runs in `npm test`; `npm run test:fuzz` (FUZZ=large) adds random pairs of flags and values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const large = process.env.FUZZ === 'large';

/** The values the review found dangerous, plus their neighbours. */
export const NUMERIC_EXTREMES = ['1e308', '-1e308', '1.7976931348623157e308', '1e309', '-1e309', '1e-300', '-1e-300', '5e-324', '-5e-324', '2.2250738585072014e-308', '-0', '0', '-1', '0.5', '1.5', '4294967297', '9007199254740993'] as const;

/** Each command with a base argv that runs, and its numeric flags. */
const COMMANDS: readonly { readonly argv: readonly string[]; readonly flags: readonly string[] }[] = [
  { argv: ['rack', 'gb300-nvl72'], flags: ['units', 'systems-per-rack', 'feed-volts', 'feed-amps', 'pf', 'continuous-factor', 'delta-t', 'air-delta-t', 'altitude-m', 'supply-c', 'floor-limit-kg-m2'] },
  { argv: ['rack', 'dgx-b200'], flags: ['systems-per-rack', 'units'] },
  { argv: ['calc', 'circuit', '--volts', '415', '--amps', '60', '--system', '3ph'], flags: ['volts', 'amps', 'pf', 'continuous-factor'] },
  { argv: ['calc', 'liquid', '--kw', '100', '--delta-t', '10'], flags: ['kw', 'delta-t', 'supply-c'] },
  { argv: ['calc', 'air', '--kw', '10', '--delta-t', '10'], flags: ['kw', 'delta-t', 'altitude-m'] },
  { argv: ['calc', 'air', '--kw', '10'], flags: ['delta-t-f'] },
  { argv: ['fabric', '--nodes', '127', '--gpus-per-node', '8', '--switch', 'quantum-2-qm9700'], flags: ['nodes', 'gpus-per-node', 'rails', 'su-nodes', 'planes', 'oversubscription'] },
  { argv: ['fabric', '--nodes', '64', '--gpus-per-node', '8', '--port-gbps', '400'], flags: ['radix', 'lane-gbps'] },
  { argv: ['fabric', '--nodes', '64', '--gpus-per-node', '8', '--radix', '64'], flags: ['port-gbps'] },
  { argv: ['cables', 'gb300-nvl72', '--racks', '16'], flags: ['racks', 'rails', 'rows', 'racks-per-row', 'rack-width-mm', 'rack-pitch-mm', 'row-spacing-m', 'tray-height-m', 'slack-pct', 'slack-m', 'lengths', 'optics-spare-pct', 'cable-spare-pct', 'network-rack-u', 'cdus'] },
  { argv: ['compare', 'gb300-nvl72', 'inf2-server', '--target-pflops', '1000'], flags: ['utilization'] },
  { argv: ['compare', 'gb300-nvl72'], flags: ['target-pflops', 'target-hbm-tb', 'target-hbm-tbps', 'target-it-mw', 'target-accelerators'] },
  { argv: ['site', 'houston-tx'], flags: ['units', 'utilization'] },
  { argv: ['site', 'houston-tx', '--generation', 'gb300-nvl72'], flags: ['it-mw'] },
];

async function run(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** exit 0 or 2; never "internal error", a stack trace, or NaN/Infinity outside an echoed `(got …)`. */
function expectHandled(r: { code: number; stdout: string; stderr: string }, what: string): void {
  expect(r.stderr, what).not.toMatch(/internal error| {4}at /);
  expect([0, 2], `${what}: ${r.stderr}`).toContain(r.code);
  expect(r.stdout.replace(/"(?:[^"\\]|\\.)*"/g, '""'), what).not.toMatch(/\bNaN\b|Infinity/);
  expect(r.stderr.replace(/\(got .*\)$/gm, ''), what).not.toMatch(/\bNaN\b|Infinity/);
  if (r.code === 2) expect(r.stdout, what).toBe('');
}

describe('numeric extremes for every numeric CLI flag', () => {
  for (const c of COMMANDS) {
    it(`${c.argv.join(' ')}: ${c.flags.length} flags × ${NUMERIC_EXTREMES.length} values, as --flag V and --flag=V`, async () => {
      for (const flag of c.flags) {
        for (const v of NUMERIC_EXTREMES) {
          expectHandled(await run([...c.argv, `--${flag}`, v, '--json']), `${c.argv.join(' ')} --${flag} ${v}`);
          if (v.startsWith('-')) expectHandled(await run([...c.argv, `--${flag}=${v}`]), `${c.argv.join(' ')} --${flag}=${v}`);
        }
      }
    });
  }

  it.runIf(large)('random pairs of flags and extreme values (FUZZ=large)', async () => {
    const pairs = COMMANDS.flatMap((c) => c.flags.map((f) => ({ argv: c.argv, flag: f })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NUMERIC_EXTREMES), fc.double().map(String))), { minLength: 1, maxLength: 3 }), async (c, picks) => {
        const argv = [...c.argv, ...picks.flatMap(([i, v]) => [`--${c.flags[i % c.flags.length]!}`, v]), '--json'];
        expectHandled(await run(argv), argv.join(' '));
      }),
      { numRuns: 2_000 },
    );
    expect(pairs.length).toBeGreaterThan(50);
  });
});

describe('numeric extremes and out-of-range dates in plan files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-extremes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Record<string, unknown>;
  const numbers: unknown[] = [1e308, -1e308, 1e-300, -1e-300, 5e-324, -5e-324, -0, 0, 2.2250738585072014e-308, 1.5, 10_000_000, 10_000_001];
  /** Every numeric field a plan file can carry, as a patch of the small example. */
  const fields: Record<string, (v: unknown) => Record<string, unknown>> = {
    horizonYears: (v) => ({ horizonYears: v }),
    discountRate: (v) => ({ discountRate: v }),
    utilization: (v) => ({ utilization: v }),
    sparesFraction: (v) => ({ sparesFraction: v }),
    syncIdleFraction: (v) => ({ syncIdleFraction: v }),
    'deployments[0].units': (v) => ({ deployments: [{ ...(base.deployments as Record<string, unknown>[])[0], units: v }] }),
    'orders[0].units': (v) => ({ orders: [{ ...(base.orders as Record<string, unknown>[])[0], units: v }] }),
    'demand[0].value': (v) => ({ demand: [{ ...(base.demand as Record<string, unknown>[])[0], value: v }] }),
    'network.switchRadix': (v) => ({ network: { switchRadix: v } }),
    'network.switchPortGbps': (v) => ({ network: { switchPortGbps: v } }),
    'network.switchW': (v) => ({ network: { switchW: v } }),
    'prices.tariffUsdPerKwh': (v) => ({ prices: { tariffUsdPerKwh: { 'houston-tx': v } } }),
  };
  const dates = ['0000-Q1', '0001-Q4', '1899-Q4', '1900-Q1', '9985-Q1', '9993-Q2', '9999-Q1', '9999-Q4'];

  it(`${Object.keys(fields).length} numeric fields × ${numbers.length} values: plan exits 0 or 2`, async () => {
    let i = 0;
    for (const [field, patch] of Object.entries(fields)) {
      for (const v of numbers) {
        const file = join(dir, `n${i++}.json`);
        writeFileSync(file, JSON.stringify({ ...base, ...patch(v) }));
        expectHandled(await run(['plan', file, '--json']), `${field} = ${String(v)}`);
      }
    }
  });

  it(`start, deployment and order quarters from ${dates[0]} to ${dates[dates.length - 1]}: plan and export exit 0 or 2`, async () => {
    let i = 0;
    for (const start of dates) {
      for (const horizonYears of [1, 7, 15]) {
        const file = join(dir, `d${i++}.json`);
        const deployments = [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: start, units: 1 }];
        const orders = [{ generation: 'gb300-nvl72', plant: 'lordstown-oh', quarter: start, units: 1, kind: 'firm' }];
        writeFileSync(file, JSON.stringify({ ...base, start, horizonYears, demand: [], orders, deployments }));
        expectHandled(await run(['plan', file, '--json']), `start ${start}, ${horizonYears} years`);
        expectHandled(await run(['export', file, '--format', 'json', '--out', join(dir, `d${i}.out.json`)]), `export start ${start}, ${horizonYears} years`);
      }
    }
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

/**
 * The bundled CLI keeps each generation's preset in a chunk of its own and loads only what a command reads
 * (`rack <generation>` one of the twelve, the other commands all of them before they run); the source the tests run
 * has every generation at once. Every command that reads generations must print the same bytes both ways: a command
 * that read a generation it had not loaded would fail in the bundle only ("not loaded yet"). Runs when the bundle is
 * built (npm install builds it; `npm run build:cli` after a change).
 */
const bin = 'dist/cli/rackplan.cjs';

/** A user's own generation (a renamed preset), read with --generation-file: the path that loads every generation. */
const userFile = join(mkdtempSync(join(tmpdir(), 'rackplan-bundled-')), 'mine.json');
const preset = JSON.parse(readFileSync('presets/generations/gb300-nvl72.json', 'utf8')) as Record<string, unknown>;
writeFileSync(userFile, JSON.stringify({ ...preset, id: 'my-gb300', name: 'My GB300', aliases: [] }));

const CALLS: readonly (readonly string[])[] = [
  ['rack', 'gb200-nvl72', '--json'],
  ['rack', 'b200', '--json', '--units', '4'],
  ['rack', 'trn2-server', '--site', 'houston-tx', '--json'],
  ['rack', 'gb300-nvl72'],
  ['rack', 'my-gb300', '--generation-file', userFile, '--json'],
  ['presets', '--json'],
  ['calc', 'energy', '--generation', 'vr-nvl144', '--utilization', '0.6', '--json'],
  ['calc', 'liquid', '--kw', '100', '--delta-t', '10', '--json'],
  ['fabric', 'gb200-nvl72', '--units', '8', '--json'],
  ['cables', 'gb300-nvl72', '--racks', '8', '--json'],
  ['compare', 'gb200-nvl72', 'trn2-ultraserver', '--target-accelerators', '1152', '--json'],
  ['fit', 'gb300-nvl72', '--site', 'houston-tx', '--it-mw', '20', '--json'],
  ['site', 'houston-tx', '--generation', 'gb300-nvl72', '--units', '10', '--json'],
  ['plan', 'presets/plans/small.json', '--json'],
];

async function inProcess(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join(''), stderr: err.join('\n') };
}

function bundled(argv: readonly string[]) {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [bin, ...argv], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the bundled CLI with generations in chunks of their own', () => {
  it.runIf(existsSync(bin)).each(CALLS.map((argv) => [argv.join(' '), argv] as const))('rackplan %s: same output as the source', async (_, argv) => {
    const want = await inProcess(argv);
    expect(want.code, want.stderr).toBe(0);
    const got = bundled(argv);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(want.stdout);
  });
});

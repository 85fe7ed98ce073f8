/**
 * `rackplan` command-line entry. Exit codes: 0 ok, 2 bad input, 1 internal fault.
 * Errors: one line per problem on stderr as `<path>: <what is accepted> (got <value>)`; stdout stays empty.
 * @module
 */
import { commands } from './commands/index';
import { InputError } from './errors';
import { describeValue, formatProblem } from '../schema/errors';
import { findNonFinite } from './output';
import { escapeJsonControlChars, stripControlChars } from '../io/control-chars';
import { ProcessOutput } from './process-output';
import { installCodeCache } from './code-cache';
import { join } from 'node:path';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function runCli(argv: readonly string[], rawIo: Io): Promise<number> {
  // Names from plan files reach the terminal: control characters (ESC sequences) never do.
  const io: Io = { out: (t) => rawIo.out(stripControlChars(t)), err: (t) => rawIo.err(stripControlChars(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === '--version') {
    io.out('rackplan 0.1.0');
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    // describeValue shortens what is echoed: a 100,000-character argument is not repeated in full.
    io.err(formatProblem({ path: 'command', message: `one of ${Object.keys(commands).join(', ')}`, got: describeValue(name) }));
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  let output: string;
  try {
    // The bundled CLI keeps each generation in a chunk of its own (tests and the dev server have them all at once).
    if (!entry.loadsOwnGenerations) await (await import('../catalog/presets')).loadGenerations();
    const result = await command.run(rest);
    output = result.text;
    if (result.json !== undefined) {
      // JSON.stringify escapes C0 but not DEL/C1; escaped here, JSON output passes the stripping below unchanged.
      output = escapeJsonControlChars(output);
      const bad = findNonFinite(result.json);
      if (bad) throw new Error(`internal: non-finite number at ${bad}`);
    }
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) io.err(formatProblem(p));
      return 2;
    }
    io.err(`internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`);
    return 1;
  }
  io.out(output);
  return 0;
}

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return ['rackplan: AI rack power, cooling, cabling and capacity calculator', '', 'usage: rackplan <command> [flags] [--json]', '', 'commands:', ...lines, '', 'rackplan <command> --help for its flags.'].join('\n');
}

// Run when executed as the bundled bin (not when imported by tests).
if (import.meta.env?.MODE === 'cli') {
  // The bundle is CommonJS (vite.config.ts), so __dirname is dist/cli; its chunks load through V8's code cache.
  installCodeCache(join(__dirname, 'chunks'), join(__dirname, 'code-cache'));
  const output = new ProcessOutput();
  runCli(process.argv.slice(2), { out: (text) => output.write(1, text), err: (text) => output.write(2, text) })
    .then(async (code) => {
      await output.flushed();
      process.exitCode = output.failureExitCode ?? code;
    })
    .catch((err: unknown) => {
      output.write(2, `internal error: ${stripControlChars(String(err))} (please report this)`);
      process.exitCode = 1;
    });
}

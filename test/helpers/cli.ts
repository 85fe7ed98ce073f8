/**
 * Run the CLI in-process and read its JSON, for tests that compare the CLI with other surfaces.
 * @module
 */
import { runCli } from '../../src/cli/main';

/** `rackplan …argv` in-process; its JSON output, or an error naming the command, exit code and stderr. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back from the CLI; callers name what they read
export async function cliJson(...argv: string[]): Promise<any> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  if (code !== 0) throw new Error(`rackplan ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
  return JSON.parse(out.join('\n'));
}

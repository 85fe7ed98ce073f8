import type { InputProblem } from '../schema/errors';
import { formatProblem } from '../schema/errors';

/** Bad input: exit code 2, one line per problem on stderr, nothing on stdout. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function inputError(path: string, message: string, got?: string): InputError {
  return new InputError([{ path, message, got }]);
}

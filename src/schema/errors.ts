import type * as z from 'zod';

/** One problem with an input, ready to print as `<path>: <what is accepted> (got <value>)`. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
  readonly got?: string;
}

/** Render a path the way a user reads it: `components[0].maxPowerW.value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Short, printable form of the value found at a path (for error messages). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Turn zod issues into input problems, each naming the path, what is accepted and what was found. */
export function problemsFromZod(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): InputProblem[] {
  return error.issues.flatMap((i): InputProblem[] => {
    const path = [...prefix, ...i.path];
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: formatPath([...path, k]), message: 'unknown key; remove it or check its spelling against the documented schema' }));
    }
    return [{ path: formatPath(path), message: i.message, got: describeValue(valueAt(input, i.path)) }];
  });
}

export function formatProblem(p: InputProblem): string {
  return p.got === undefined ? `${p.path}: ${p.message}` : `${p.path}: ${p.message} (got ${p.got})`;
}

/** Every problem, one `<path>: <what is accepted> (got <value>)` per line. */
export function formatProblems(problems: readonly InputProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

/**
 * Flag parsing for the CLI: every flag value is checked and a bad one names the flag,
 * what is accepted and what was given.
 * @module
 */
import { parseArgs } from 'node:util';
import { InputError, inputError } from './errors';
import type { InputProblem } from '../schema/errors';
import { describeValue } from '../schema/errors';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/** Parse argv against the command's flags; unknown flags and missing values become input errors. */
export function parseFlags(argv: readonly string[], flags: FlagSpec, command: string): Parsed {
  try {
    const r = parseArgs({ args: joinNegativeValues(argv, flags), options: { ...flags, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values, positionals: r.positionals };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) {
      throw inputError(unknown[1]!, `unknown flag for "rackplan ${command}"; accepted: ${Object.keys(flags).map((f) => `--${f}`).concat('--json').join(', ')}`);
    }
    const missing = /Option '([^']+)' argument missing/.exec(msg) ?? /Option '(-[^']*)'/.exec(msg);
    throw inputError(missing?.[1] ?? command, missing ? 'needs a value' : msg);
  }
}

/**
 * `--altitude-m -430` means the value -430, not a flag `-4`: a string flag followed by something that reads as a
 * negative number (or -Infinity, -0) is joined as `--altitude-m=-430`, so the range check names the real problem.
 */
function joinNegativeValues(argv: readonly string[], flags: FlagSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name !== undefined && Object.hasOwn(flags, name) && flags[name]!.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity\b|NaN\b)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Collects problems across all flags so the user sees every one at once. */
export class FlagReader {
  readonly problems: InputProblem[] = [];
  constructor(private readonly parsed: Parsed) {}

  string(name: string): string | undefined {
    const v = this.parsed.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  has(name: string): boolean {
    return this.parsed.values[name] !== undefined;
  }

  bool(name: string): boolean {
    return this.parsed.values[name] === true;
  }

  /**
   * A finite number within [min, max]; `integer` rejects fractions. Flags for design-document fields pass the
   * schema's limit (src/schema/limits.ts, `UNIT_OPTION_LIMITS`), whose `accepts` text, if any, is the message.
   */
  number(name: string, opts: FlagRange = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const accepted = opts.accepted ?? opts.accepts ?? describeRange(opts);
    const n = raw.trim() === '' ? NaN : Number(raw);
    const bad =
      !Number.isFinite(n) ||
      (opts.integer && !Number.isInteger(n)) ||
      (opts.min !== undefined && (opts.exclusiveMin ? n <= opts.min : n < opts.min)) ||
      (opts.max !== undefined && (opts.exclusiveMax ? n >= opts.max : n > opts.max));
    if (bad) {
      this.problems.push({ path: `--${name}`, message: accepted, got: describeValue(raw) });
      return undefined;
    }
    return n;
  }

  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!(choices as readonly string[]).includes(raw)) {
      this.problems.push({ path: `--${name}`, message: `one of ${choices.join(', ')}`, got: describeValue(raw) });
      return undefined;
    }
    return raw as T;
  }

  require<T>(name: string, value: T | undefined, accepted: string): T | undefined {
    if (value === undefined && !this.has(name)) this.problems.push({ path: `--${name}`, message: `required: ${accepted}` });
    return value;
  }

  problem(path: string, message: string, got?: unknown): void {
    this.problems.push({ path, message, got: got === undefined ? undefined : describeValue(got) });
  }

  /** Throw every collected problem at once (exit 2). */
  done(): void {
    if (this.problems.length) throw new InputError(this.problems);
  }
}

/**
 * A bare decimal number ("415", "-430", ".5", "2.5e3") with no unit: exactly the text src/units/quantity.ts
 * reads as bare. Unit-aware flags take it without loading the units module (mathjs, ~230 kB to compile at every
 * start); anything else (a unit, spaces, an overflow like "1e400") returns undefined and goes to the units parser.
 */
export function plainNumber(raw: string): number | undefined {
  if (!PLAIN_NUMBER.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A flag's accepted range: a schema limit (src/schema/limits.ts) or a range of the CLI's own. */
export interface FlagRange {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** What is accepted, in words (a schema limit's own text). */
  readonly accepts?: string;
  /** A flag-specific wording; wins over `accepts`. */
  readonly accepted?: string;
}

function describeRange(o: FlagRange): string {
  const kind = o.integer ? 'an integer' : 'a number';
  if (o.min !== undefined && o.max !== undefined) return `${kind} from ${o.min}${o.exclusiveMin ? ' (exclusive)' : ''} to ${o.max}${o.exclusiveMax ? ' (exclusive)' : ''}`;
  if (o.min !== undefined) return `${kind} ${o.exclusiveMin ? '>' : '≥'} ${o.min}`;
  if (o.max !== undefined) return `${kind} ≤ ${o.max}`;
  return kind;
}

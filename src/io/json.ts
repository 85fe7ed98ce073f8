/**
 * Safe JSON reading for imported files: size checked before anything is decoded, strict UTF-8, nesting depth
 * checked before `JSON.parse`, and `__proto__` / `constructor` / `prototype` keys refused wherever they appear.
 * No user input is ever evaluated: JSON.parse only.
 * @module
 */
import type { InputProblem } from '../schema/errors';
import { formatPath } from '../schema/errors';
import { FORBIDDEN_KEYS, MAX_IMPORT_BYTES, MAX_JSON_DEPTH, describeBytes } from './limits';
import { fail, ok, type ImportError, type Result } from './result';

export interface ReadOptions {
  readonly maxBytes?: number;
  readonly maxDepth?: number;
}

/** The size check alone (call it with `File.size` before reading a file). */
export function checkSize(bytes: number, maxBytes = MAX_IMPORT_BYTES): Result<null, ImportError> {
  if (bytes > maxBytes) {
    return fail('too_large', `file is ${describeBytes(bytes)}; the import limit is ${describeBytes(maxBytes)}`);
  }
  return ok(null);
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (i + need >= b.length) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decode bytes as strict UTF-8 (a leading byte-order mark is dropped). */
export function decodeUtf8(bytes: Uint8Array): Result<string, ImportError> {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    return fail('not_utf8', `file is not valid UTF-8 (first bad byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8 JSON`);
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Deepest nesting of `[` / `{` outside strings, stopping early once past `limit`. Linear, no recursion. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

/**
 * Offset of the first JSON syntax error (engines differ in whether their messages carry one), or -1.
 * A small iterative recognizer of RFC 8259; only run after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const num = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Stack of containers: 'o' expecting key, 'O' after value in object, 'a' expecting value or ], 'A' after value in array.
  const stack: string[] = [];
  const value = (): boolean => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return true;
      }
      stack.push('o');
      return true;
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return true;
      }
      stack.push('a');
      return value();
    }
    if (c === '"') return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    return false;
  };
  if (!value()) return i;
  for (;;) {
    ws();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : -1;
    if (top === 'o') {
      if (text[i] !== '"' || !str()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      stack[stack.length - 1] = 'O';
      if (!value()) return i;
      continue;
    }
    if (top === 'O' || top === 'A' || top === 'a') {
      if (top === 'a') stack[stack.length - 1] = 'A';
      const close = top === 'O' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        if (top === 'O') {
          stack[stack.length - 1] = 'o';
          ws();
          continue;
        }
        if (!value()) return i;
        continue;
      }
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}

function lineColumn(text: string, position: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/** Every forbidden key in a parsed document, each at its path. Iterative, so depth cannot overflow the stack. */
export function forbiddenKeys(root: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k]!;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: formatPath([...path, key]), message: `the key "${key}" is not allowed in a plan file (it could alter objects the app relies on)` });
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return problems;
}

/**
 * Read an imported JSON document from bytes or text: size, UTF-8, depth, syntax, forbidden keys, in that order.
 * @example readJson(new TextEncoder().encode('{"a":1}')) // { ok: true, value: { a: 1 } }
 */
export function readJson(input: Uint8Array | string, options: ReadOptions = {}): Result<unknown, ImportError> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  let text: string;
  if (typeof input === 'string') {
    // A string of n UTF-16 units is between n and 3n UTF-8 bytes: measure exactly only when it matters.
    const size = input.length > maxBytes ? input.length : input.length * 3 <= maxBytes ? input.length : new TextEncoder().encode(input).length;
    const sized = checkSize(size, maxBytes);
    if (!sized.ok) return sized;
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const sized = checkSize(input.length, maxBytes);
    if (!sized.ok) return sized;
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return decoded;
    text = decoded.value;
  }
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) return fail('too_deep', `file nests arrays/objects more than ${maxDepth} levels deep; a plan needs far fewer`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorOffset(text);
    const where = at >= 0 ? ` at ${lineColumn(text, at)}` : '';
    const msg = (err instanceof Error ? err.message : String(err)).replace(/, ".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    return fail('not_json', `file is not valid JSON${where}: ${msg}`);
  }
  const bad = forbiddenKeys(value);
  if (bad.length) return fail('forbidden_key', `file uses ${bad.length} forbidden key(s) (__proto__, constructor, prototype)`, bad);
  return ok(value);
}

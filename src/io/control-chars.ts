/**
 * Control characters in user text (plan, site and device names) are removed before the text reaches a
 * terminal, a CSV, a PDF or NetBox: ESC sequences would clear a terminal or retitle it, NUL and friends break
 * importers. C0 (U+0000–U+001F) except tab and newline, DEL (U+007F) and C1 (U+0080–U+009F, which some
 * terminals read as ESC sequences: U+009B is CSI).
 * @module
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as CONTROL, but carriage return kept (CSV cells keep CRLF)
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, plus tab and newline for single-line fields
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f]/g;
// C1 and DEL survive JSON.stringify unescaped.
const C1_OR_DEL = /[\u007f-\u009f]/g;

/** Remove control characters; tab and newline stay (multi-line text such as a terminal report). */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '');
}

/** Remove control characters but keep tab, LF and CR (text cells of a CSV, which quotes line breaks). */
export function stripControlCharsExceptBreaks(text: string): string {
  return text.replace(CONTROL_EXCEPT_BREAKS, '');
}

/** A single-line name: control characters removed, tab and line breaks become one space. */
export function cleanName(text: string): string {
  return text.replace(CONTROL_OR_BREAK, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
}

/**
 * JSON text safe for a terminal: JSON.stringify escapes C0 but writes DEL and C1 raw; they can only occur
 * inside strings, so `\u` escapes keep the JSON valid and equal.
 */
export function escapeJsonControlChars(json: string): string {
  return json.replace(C1_OR_DEL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

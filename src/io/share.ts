/**
 * Share links: the plan compressed with lz-string into the URL fragment `#plan=…` (the fragment never reaches a
 * server). Links longer than {@link MAX_SHARE_LINK_CHARS} are not offered; the caller offers a file instead.
 * Opening a link validates it exactly like an imported file.
 * @module
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { importParsed, type ImportOptions, type Imported, type Validator } from './import';
import { readJson } from './json';
import { MAX_IMPORT_BYTES, MAX_SHARE_FRAGMENT_CHARS, MAX_SHARE_LINK_CHARS } from './limits';
import { fail, ok, type ImportError, type Result } from './result';

export const SHARE_PREFIX = '#plan=';

export type ShareLink =
  | { readonly ok: true; readonly url: string; readonly length: number }
  | { readonly ok: false; readonly reason: 'too_long'; readonly length: number; readonly limit: number; readonly message: string };

/**
 * Build a share link for a plan document (pass the plan itself, not an export with results).
 * @param base - the page URL without fragment, e.g. `https://host/app/`
 */
export function shareLink(doc: unknown, base: string, limit = MAX_SHARE_LINK_CHARS): ShareLink {
  const fragment = SHARE_PREFIX + compressToEncodedURIComponent(JSON.stringify(doc));
  const url = base.replace(/#.*$/, '') + fragment;
  if (url.length > limit) {
    return {
      ok: false,
      reason: 'too_long',
      length: url.length,
      limit,
      message: `This plan makes a ${url.length.toLocaleString('en-US')}-character link, over the ${limit.toLocaleString('en-US')} characters chat tools and browsers handle reliably. Share the plan as a file instead.`,
    };
  }
  return { ok: true, url, length: url.length };
}

/** True when a location hash carries a plan. */
export function hasSharedPlan(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Decode and validate `#plan=…` like an import. */
export function openShareLink<T>(hash: string, validate: Validator<T>, options: ImportOptions = {}): Result<Imported<T>, ImportError> {
  if (!hasSharedPlan(hash)) return fail('invalid', 'the link holds no plan (#plan=… missing)');
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_SHARE_FRAGMENT_CHARS) {
    return fail('too_large', `the link's plan is ${payload.length.toLocaleString('en-US')} characters; links up to ${MAX_SHARE_FRAGMENT_CHARS.toLocaleString('en-US')} are opened — ask for the plan as a file`);
  }
  if (!/^[A-Za-z0-9+\-$]*$/.test(payload)) return fail('not_json', 'the link is damaged (characters outside the share-link alphabet); ask for it again or for a file');
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return fail('not_json', 'the link is damaged (it does not decompress); ask for it again or for a file');
  if (text.length > MAX_IMPORT_BYTES) return fail('too_large', `the link expands to more than the ${MAX_IMPORT_BYTES.toLocaleString('en-US')}-byte import limit`);
  const parsed = readJson(text, options);
  if (!parsed.ok) return parsed;
  const r = importParsed(parsed.value, validate, options);
  return r.ok ? ok(r.value) : r;
}

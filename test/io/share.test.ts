import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { openShareLink, shareLink } from '../../src/io/share';
import type { Validator } from '../../src/io/import';

const validate: Validator<Record<string, unknown>> = (doc) => (typeof doc.name === 'string' ? { ok: true, value: doc } : { ok: false, error: [{ path: 'name', message: 'a name', got: 'nothing' }] });
const plan = { schemaVersion: 1, name: 'Example', deployments: [{ site: 'houston-tx', generation: 'gb300-nvl72', quarter: '2027-Q1', units: 10 }] };

describe('share links', () => {
  it('round-trips a plan through #plan=… and validates it like an import', () => {
    const link = shareLink(plan, 'https://example.test/app/#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://example.test/app/#plan=')).toBe(true);
    const hash = link.url.slice(link.url.indexOf('#'));
    const r = openShareLink(hash, validate);
    expect(r.ok && r.value.value).toEqual(plan);
  });
  it('says so above 8,000 characters', () => {
    const big = { ...plan, notes: Array.from({ length: 3000 }, (_, i) => `note ${i} ${Math.sin(i)}`) };
    const link = shareLink(big, 'https://example.test/');
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.length).toBeGreaterThan(8000);
    expect(link.message).toMatch(/over the 8,000 characters .* Share the plan as a file instead\./);
  });
  it('refuses damaged, oversized and hostile links', () => {
    expect(openShareLink('#plan=%%%', validate).ok).toBe(false);
    expect(openShareLink('#other=1', validate).ok).toBe(false);
    expect(openShareLink(`#plan=${'A'.repeat(70_000)}`, validate).ok).toBe(false);
    const proto = `#plan=${compressToEncodedURIComponent('{"schemaVersion":1,"name":"x","__proto__":{"a":1}}')}`;
    const r = openShareLink(proto, validate);
    expect(!r.ok && r.error.kind).toBe('forbidden_key');
    const future = `#plan=${compressToEncodedURIComponent('{"schemaVersion":2,"name":"x"}')}`;
    const f = openShareLink(future, validate);
    expect(!f.ok && f.error.kind).toBe('version');
  });
});

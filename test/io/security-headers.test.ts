/**
 * Review 2026-12 F8/W39/W44: the built app is served with a strict Content-Security-Policy and the usual
 * security headers, and index.html carries no inline script the policy would have to allow. (The walkthrough
 * test, test/components/walkthrough.test.ts, drives the production build under `vite preview` with these
 * headers and fails on any console error, which includes CSP violations.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../vite.config';

const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers of the built app', () => {
  it('scripts only from the origin: no inline script, no eval (WebAssembly compile only)', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
  it('no framing, no MIME sniffing, no referrer', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
  it('vite preview sends them', async () => {
    const config = (await import('../../vite.config')).default as unknown as (env: { mode: string; command: string }) => { preview?: { headers?: Record<string, string> } };
    expect(config({ mode: 'production', command: 'serve' }).preview?.headers).toEqual(SECURITY_HEADERS);
  });
  it('index.html has no inline script or inline event handler', () => {
    const html = readFileSync('index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { exportPlan } from '../../src/export/plan-export';
import { countBytes, estimateDownloadBytes, estimateLinesBytes, formatBytes, utf8Length } from '../../src/export/download-size';
import { zipStream } from '../../src/export/zip';

function smallBundle() {
  const r = importPlan(readFileSync('test/fixtures/export/small-plan.json', 'utf8'));
  if (!r.ok) throw new Error('fixture');
  return planBundle(r.value.value);
}

describe('download size estimate', () => {
  it('utf8Length counts UTF-8 bytes (hand: "a" 1, "é" 2, "°" 2, "€" 3, "𝄞" 4)', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('aé°€𝄞')).toBe(1 + 2 + 2 + 3 + 4);
  });

  it('scales the sampled bytes per line by the stated line count', () => {
    // 10 lines of 10 bytes ("123456789\n") measured on a 4-line sample, stated as 1,000 lines: 10,000 bytes.
    const lines = Array.from({ length: 10 }, () => '123456789\n');
    expect(estimateLinesBytes(lines, 1000, 4)).toBe(10_000);
    // A stream shorter than the sample is counted exactly, whatever count is stated.
    expect(estimateLinesBytes(['ab\r\n', 'cde\r\n'], 2)).toBe(9);
    expect(estimateLinesBytes([new Uint8Array([65, 10, 66, 10])], 2)).toBe(4);
  });

  it('equals the bytes of the stored ZIP the browser writes for a small plan (sample covers every row)', async () => {
    const b = smallBundle();
    for (const format of ['csv', 'netbox', 'json'] as const) {
      const r = await exportPlan(b, format);
      const enc = new TextEncoder();
      const actual =
        r.layout === 'file'
          ? countBytes(r.files[0]!.chunks())
          : countBytes(
              zipStream(
                r.files.map((f) => ({
                  path: `${r.name}/${f.path}`,
                  chunks: function* () {
                    for (const c of f.chunks()) yield typeof c === 'string' ? enc.encode(c) : c;
                  },
                })),
              ),
            );
      expect(estimateDownloadBytes(r.files, r.layout === 'directory' ? r.name : undefined), format).toBe(actual);
    }
  });

  it('the cable files state their line count; extrapolating from a short sample lands within 5 % of the real size', async () => {
    const b = smallBundle();
    for (const [format, path] of [
      ['csv', 'cables.csv'],
      ['netbox', '07-cables.csv'],
    ] as const) {
      const r = await exportPlan(b, format);
      const f = r.files.find((x) => x.path === path)!;
      expect(f.rows, path).toBeDefined();
      // The stated count is the file's real line count (header included).
      let lines = 0;
      for (const c of f.chunks()) lines += (typeof c === 'string' ? c : new TextDecoder().decode(c)).split('\n').length - 1;
      expect(lines, path).toBe(f.rows);
      expect(lines, `${path} must be longer than the sample below`).toBeGreaterThan(400);
      const exact = countBytes(f.chunks());
      const sampled = estimateLinesBytes(f.chunks(), f.rows!, 200);
      expect(Math.abs(sampled - exact) / exact, `${path}: ${sampled} vs ${exact}`).toBeLessThan(0.05);
    }
  });

  it('formats sizes in decimal units', () => {
    expect(formatBytes(912)).toBe('912 bytes');
    expect(formatBytes(48_300_000)).toBe('48.3 MB');
    expect(formatBytes(702_400_000)).toBe('702 MB');
    expect(formatBytes(1_250_000_000)).toBe('1.3 GB');
  });
});

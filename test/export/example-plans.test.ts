import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { importPlan } from '../../src/io/plan';
import { planBundle } from '../../src/export/bundle';
import { EXPORT_FORMATS, exportPlan, planJson } from '../../src/export/plan-export';

// Every example plan in presets/plans/ exports to all five formats (streamed into counters, not to disk).
// A file is read up to DRAIN_LIMIT bytes: three-sites-7y's cables.csv and NetBox cables are ~1 GB each, and
// making them in full here cost ~80 s of every `npm test`. The whole of every format of that plan is written to
// disk by the real CLI in the bench's export cases, which CI runs (`npm run bench -- --smoke` in `.ci/run`).
const DRAIN_LIMIT = 64 * 1024 * 1024;
const dir = 'presets/plans';
const examples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

describe('example plans export to every format', () => {
  it('presets/plans holds the example plans', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s', async (name) => {
    const r = importPlan(readFileSync(join(dir, name)));
    if (!r.ok) throw new Error(`${name}: ${r.error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    const b = planBundle(r.value.value);
    expect(importPlan(planJson(b)).ok).toBe(true);
    for (const f of EXPORT_FORMATS) {
      const out = await exportPlan(b, f);
      let bytes = 0;
      let first: Uint8Array | string | undefined;
      for (const file of out.files) {
        let fileBytes = 0;
        for (const c of file.chunks()) {
          first ??= c;
          fileBytes += c.length;
          if (fileBytes >= DRAIN_LIMIT) break;
        }
        bytes += fileBytes;
      }
      expect(bytes, `${name} ${f}`).toBeGreaterThan(0);
      if (f === 'pdf') expect(new TextDecoder().decode((first as Uint8Array).slice(0, 5))).toBe('%PDF-');
      if (f === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        const u8 = first as Uint8Array;
        await wb.xlsx.load(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer);
        expect(wb.getWorksheet('Sites')!.getCell('A2').value).toBe(b.report.sites[0]?.id ?? null);
      }
      if (f === 'csv') {
        const sched = out.files.find((x) => x.path === 'schedule.csv')!;
        const parsed = Papa.parse([...sched.chunks()].join(''), { header: true, skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
      }
    }
  }, 300_000);
});

/**
 * `rackplan export <plan.json> --format json|csv|xlsx|pdf|netbox --out <path>`: the plan (or an exported plan)
 * read through the import boundary, evaluated, and written in one format. CSV and NetBox write a directory
 * (created if missing); the other formats write one file. Large files are streamed, never one string.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { importPlan } from '../../io/plan';
import { MAX_IMPORT_BYTES, describeBytes } from '../../io/limits';
import { planBundle } from '../../export/bundle';
import { EXPORT_FORMATS, exportPlan, type OutFile } from '../../export/plan-export';
import { NETBOX_IMPORT_ORDER, NETBOX_VERSION } from '../../export/netbox';
import { FlagReader, parseFlags, type FlagSpec } from '../args';
import { InputError, inputError } from '../errors';
import { formatNumber, jsonResult, textTable, type Command } from '../output';

const FLAGS: FlagSpec = {
  format: { type: 'string' },
  out: { type: 'string' },
};

const USAGE = `rackplan export <plan.json> --format json|csv|xlsx|pdf|netbox --out <path> [--json]

  --format json     the plan with its inputs, catalog entries used and results (re-exports byte-identically)
  --format csv      directory: bom.csv, racks.csv, schedule.csv, plants.csv, cables.csv (+ summary, sites,
                    site_years, network, assumptions, issues)
  --format xlsx     workbook: Summary, Sites, Site years, Plants, Schedule, Units, Network, Cables (first
                    200,000), Bill of materials, Assumptions & sources, Issues; totals as live formulas
  --format pdf      design-review report: summary, tables, rack elevations, charts, assumptions and sources
  --format netbox   directory of NetBox ${NETBOX_VERSION} import files, numbered in import order
  --out PATH        file (json, xlsx, pdf) or directory (csv, netbox; created if missing)
  --json            print what was written as JSON`;

/** Stream one output file to disk with back-pressure; returns the bytes written. */
export async function writeFile(path: string, file: OutFile): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let bytes = 0;
  for (const chunk of file.chunks()) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buf.length;
    if (!out.write(buf)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  }
  await Promise.race([new Promise<void>((r) => out.end(r)), failed]);
  return bytes;
}

export const exportCommand: Command = {
  summary: 'export a plan as JSON, CSV, XLSX, PDF or NetBox import files',
  usage: USAGE,
  async run(argv) {
    const parsed = parseFlags(argv, FLAGS, 'export');
    const flags = new FlagReader(parsed);
    const file = parsed.positionals[0];
    if (!file) throw inputError('plan', 'a plan JSON file (see presets/plans/)');
    if (parsed.positionals.length > 1) throw inputError('arguments', 'exactly one plan file', parsed.positionals.slice(1).join(' '));
    const format = flags.choice('format', EXPORT_FORMATS);
    flags.require('format', format, `one of ${EXPORT_FORMATS.join(', ')}`);
    const out = flags.string('out');
    flags.require('out', out, 'the output file (json, xlsx, pdf) or directory (csv, netbox)');
    flags.done();

    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      throw inputError(file, 'a readable plan file', 'no such file');
    }
    if (size > MAX_IMPORT_BYTES) throw inputError(file, `a plan file of at most ${describeBytes(MAX_IMPORT_BYTES)}`, describeBytes(size));
    const imported = importPlan(new Uint8Array(await readFile(file)));
    if (!imported.ok) throw new InputError(imported.error.problems.map((p) => ({ ...p, path: p.path === '(file)' ? file : p.path })));

    const bundle = planBundle(imported.value.value);
    const result = await exportPlan(bundle, format!);
    const target = resolve(out!);
    const written: { path: string; bytes: number }[] = [];
    for (const f of result.files) {
      const path = result.layout === 'directory' ? join(target, f.path) : target;
      written.push({ path, bytes: await writeFile(path, f) });
    }
    const json = {
      format: result.format,
      out: target,
      layout: result.layout,
      files: written,
      bytes: written.reduce((s, w) => s + w.bytes, 0),
      ignoredOnImport: imported.value.ignored,
      errors: bundle.report.issues.filter((i) => i.severity === 'error').length,
      warnings: bundle.report.issues.filter((i) => i.severity === 'warning').length,
    };
    if (flags.bool('json')) return jsonResult(json);
    const lines = [
      `${bundle.plan.name}: ${format} → ${out!}${result.layout === 'directory' ? '/' : ''}`,
      '',
      textTable(['file', 'bytes'], written.map((w) => [result.layout === 'directory' ? w.path.slice(target.length + 1) : out!, w.bytes])),
      '',
      `${formatNumber(json.bytes)} bytes in ${written.length} file${written.length === 1 ? '' : 's'}; plan issues: ${json.errors} errors, ${json.warnings} warnings.`,
    ];
    if (format === 'netbox') lines.push('', `Import into NetBox ${NETBOX_VERSION} in this order:`, ...NETBOX_IMPORT_ORDER.map((s, i) => `  ${i + 1}. ${s.file} (${s.page})`));
    return { text: lines.join('\n') };
  },
};

/**
 * `rackplan export <plan.json> --format json|csv|xlsx|pdf|netbox --out <path>`: the plan (or an exported plan)
 * read through the import boundary, evaluated, and written in one format. CSV and NetBox write a directory
 * (created if missing); the other formats write one file. Large files are streamed, never one string.
 * @module
 */
import { importPlan } from '../../io/plan';
import { planWorkProblems } from '../../io/plan-work';
import { MAX_EXPORT_CABLE_ROWS } from '../../io/limits';
import { cableCount, planClusters } from '../../export/plan-cables';
import { loadCatalog } from '../../catalog/presets';
import { loadSites } from '../../catalog/sites';
import { planBundle } from '../../export/bundle';
import { EXPORT_FORMATS, exportPlan, type OutFile } from '../../export/plan-export';
import { NETBOX_IMPORT_ORDER, NETBOX_VERSION } from '../../export/netbox';
import { FlagReader, parseFlags, type FlagSpec } from '../args';
import { InputError, inputError } from '../errors';
import { prepareOutputDirectory, prepareOutputFile, readInputFile, writeOutputDirectory, writeOutputFile } from '../files';
import { formatNumber, jsonResult, textTable, type Command } from '../output';

const FLAGS: FlagSpec = {
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
};

const USAGE = `rackplan export <plan.json> --format json|csv|xlsx|pdf|netbox --out <path> [--json]

  --format json     the plan with its inputs, catalog entries used and results (re-exports byte-identically)
  --format csv      directory: bom.csv, racks.csv, schedule.csv, plants.csv, cables.csv (+ summary, sites,
                    site_years, network, assumptions, issues)
  --format xlsx     workbook: Summary, Sites, Site years, Plants, Schedule, Units, Network, Cables (first
                    30,000), Bill of materials, Assumptions & sources, Issues; totals as live formulas
  --format pdf      design-review report: summary, tables, rack elevations, charts, assumptions and sources
  --format netbox   directory of NetBox ${NETBOX_VERSION} import files, numbered in import order
  --out PATH        file (json, xlsx, pdf) or directory (csv, netbox; created if missing). Written to a
                    temporary file first and renamed into place, so a failed write leaves nothing behind
  --force           replace existing output files (without it an existing file is refused)
  --json            print what was written as JSON`;

/**
 * Write one output file all or nothing (temp file, fsync, rename; see ../files). Kept for callers that write a
 * single file; returns the bytes written.
 */
export async function writeFile(path: string, file: OutFile, options: { force?: boolean } = {}): Promise<number> {
  const target = await prepareOutputFile(path, { force: options.force ?? true, createFolders: true });
  return writeOutputFile(target, file.chunks());
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

    const imported = importPlan(readInputFile(file, 'plan'), undefined, loadSites());
    if (!imported.ok) throw new InputError(imported.error.problems.map((p) => ({ ...p, path: p.path === '(file)' ? file : p.path })));
    // Bounded work: refused before evaluation allocates anything per fabric.
    const tooMuch = planWorkProblems(imported.value.value, loadCatalog());
    if (tooMuch.length) throw new InputError(tooMuch);

    // Where the output goes is checked before any work, so a bad --out fails in milliseconds, not after the export.
    const directoryLayout = format === 'csv' || format === 'netbox';
    const force = flags.bool('force');
    const fileTarget = directoryLayout ? undefined : await prepareOutputFile(out!, { force, createFolders: true });
    const dirTarget = directoryLayout ? await prepareOutputDirectory(out!, [], { force, createFolders: true }) : undefined;

    const bundle = planBundle(imported.value.value);
    if (directoryLayout) {
      // Bounded output: the cable schedule is counted (closed form) before a row is written.
      const cables = cableCount(planClusters(bundle));
      if (cables > MAX_EXPORT_CABLE_ROWS) {
        throw inputError('plan', `a plan whose cable schedule has at most ${MAX_EXPORT_CABLE_ROWS.toLocaleString('en-US')} cables for --format ${format} (this one has ${cables.toLocaleString('en-US')}, about ${Math.round((cables * 290) / 1e9).toLocaleString('en-US')} GB); export json, xlsx (cables capped) or pdf, or split the plan`);
      }
    }
    const result = await exportPlan(bundle, format!);
    const target = fileTarget?.path ?? dirTarget!;
    let written: { path: string; bytes: number }[];
    if (dirTarget !== undefined) {
      await prepareOutputDirectory(out!, result.files.map((f) => f.path), { force, createFolders: true });
      written = await writeOutputDirectory(dirTarget, result.files.map((f) => ({ name: f.path, chunks: f.chunks })));
    } else {
      written = [];
      for (const f of result.files) written.push({ path: target, bytes: await writeOutputFile(fileTarget!, f.chunks()) });
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

/**
 * `rackplan plan <plan.json> [--optimize] [--objective npv|time] [--json]`: evaluate a capacity plan (per site,
 * per calendar year and quarter; plants' weekly builds and parts; totals), optionally after optimizing it with HiGHS.
 * Bad plans exit 2 with every problem at its path, e.g. `deployments[3].units: must be a whole number ≥ 0 (got -2)`.
 * @module
 */
import { readFileSync } from 'node:fs';
import { loadNetworkCatalog } from '../../catalog/network';
import { loadCatalog } from '../../catalog/presets';
import { loadSites } from '../../catalog/sites';
import { evaluatePlan } from '../../core/plan/evaluate';
import type { OptimizeResult } from '../../core/plan/optimize';
import type { Proposal } from '../../core/plan/proposal';
import type { Plan, PlanReport } from '../../core/plan/types';
import type { Issue, IssueCode } from '../../core/issues';
import { formatPath, describeValue, type InputProblem } from '../../schema/errors';
import { importPlan } from '../../io/plan';
import { FlagReader, parseFlags } from '../args';
import { InputError } from '../errors';
import { readInputFile } from '../files';
import { planWorkProblems } from '../../io/plan-work';
import { formatNumber, formatPue, formatUsd, issueLines, jsonResult, textTable, type Command } from '../output';
import { overrideLines } from '../site-overrides';

const USAGE = `rackplan plan <plan.json> [--optimize] [--objective npv|time] [--ranges [--samples N] [--seed S]] [--json]
       rackplan plan <a.json> <b.json> [<c.json>] --compare [--json]

  Evaluates a capacity plan: per data-center site the last full year of the horizon (racks, IT MW, facility MW,
  annual and peak PUE, tariff, energy, cost, tCO2) with every calendar year and quarter; per plant the weekly
  build against capacity and the parts it takes (every deployment row has a plant: its own, the plan's orders,
  else the nearest plant that builds it); demand against supply per quarter; totals (capex = units, firm and
  option, + network + facility; TCO, NPV TCO, tCO2); plan issues, then each unit's own by generation and site.

  --optimize           propose open deployment rows with the HiGHS MIP solver (≤ 0.5 % gap, 10 s limit) around
                       the locked rows and the rows the plan's orders build, and print the proposal row by row
  --objective O        npv (minimize NPV TCO, default) or time (capacity as early as possible)
  --ranges             low/typical/high of every total from the catalog's ranges and confidence classes, and the
                       ten inputs that move NPV TCO and peak facility MW most (JSON: totals.ranges, sensitivity[])
  --samples N          Latin-hypercube samples for --ranges (default 500)
  --seed S             seed for --ranges (default 1; the same seed gives the same bands)
  --compare            two or three plans side by side with deltas from the first (JSON: scenarios)
  --json               machine-readable report (field names are a public interface)`;

/** Issue codes that mean the plan itself is wrong (exit 2), not that a limit was crossed. */
const INPUT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['unknown_generation', 'unknown_site', 'not_a_plant', 'not_a_data_center', 'plant_generation_not_built', 'unknown_switch', 'user_generation_conflict']);

/** Read and validate a plan file; every problem is an input error at its path. */
export function readPlanFile(file: string, flag = 'plan'): { plan: Plan; raw: unknown } {
  const bytes = readInputFile(file, flag);
  const r = importPlan(bytes, undefined, loadSites());
  if (!r.ok) throw new InputError(r.error.problems.length ? r.error.problems : [{ path: flag, message: r.error.message }]);
  // Bounded work: refused before evaluation allocates anything per fabric.
  const tooMuch = planWorkProblems(r.value.value, loadCatalog());
  if (tooMuch.length) throw new InputError(tooMuch);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    raw = undefined;
  }
  return { plan: r.value.value, raw };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Reference errors (unknown ids, wrong roles) become exit-2 problems at their paths, naming what is accepted. */
export function referenceProblems(issues: readonly Issue[], raw: unknown): InputProblem[] {
  const sites = loadSites();
  const dcs = sites.filter((x) => x.roles.dataCenter).map((x) => x.id).join(', ');
  const plants = sites.filter((x) => x.roles.plant).map((x) => x.id).join(', ');
  const gens = loadCatalog().generations.map((g) => g.id).join(', ');
  const out: InputProblem[] = [];
  for (const i of issues) {
    if (i.severity !== 'error' || !INPUT_CODES.has(i.code)) continue;
    const field = String(i.path[i.path.length - 1]);
    let path = i.path;
    let accepted = i.message;
    if (i.code === 'unknown_generation') accepted = `a generation id, one of ${gens}`;
    else if (i.code === 'unknown_switch') accepted = `a switch id, one of ${loadNetworkCatalog().switches.map((s) => s.id).join(', ')}`;
    else if ((i.code === 'unknown_site' || i.code === 'not_a_data_center') && field === 'site') accepted = `a data-center site id, one of ${dcs}`;
    else if (i.code === 'unknown_site' || i.code === 'not_a_plant') accepted = `a plant site id, one of ${plants}`;
    else if (i.code === 'plant_generation_not_built') {
      path = [...i.path, 'generation'];
      const plantId = String(valueAt(raw, [...i.path, 'plant']));
      const builds = sites.find((x) => x.id === plantId)?.roles.plant?.generations.join(', ') ?? '';
      accepted = `a generation the ${plantId} plant builds, one of ${builds}`;
    }
    out.push({ path: formatPath(path), message: accepted, got: describeValue(valueAt(raw, path)) });
  }
  return out;
}

export const planCommand: Command = {
  summary: 'evaluate a capacity plan: sites, plants, PUE, cost, energy, carbon (optionally optimized)',
  usage: USAGE,
  async run(argv) {
    const parsed = parseFlags(argv, { optimize: { type: 'boolean' }, objective: { type: 'string' }, ranges: { type: 'boolean' }, samples: { type: 'string' }, seed: { type: 'string' }, compare: { type: 'boolean' } }, 'plan');
    const flags = new FlagReader(parsed);
    const objective = flags.choice('objective', ['npv', 'time'] as const);
    if (objective && !flags.bool('optimize')) flags.problem('--objective', 'only with --optimize', objective);
    const samples = flags.number('samples', { min: 20, max: 100_000, integer: true, accepted: 'a whole number of samples from 20 to 100000' });
    const seed = flags.number('seed', { min: 0, max: 4_294_967_295, integer: true, accepted: 'a whole number from 0 to 4294967295' });
    if ((samples !== undefined || seed !== undefined) && !flags.bool('ranges')) flags.problem(samples !== undefined ? '--samples' : '--seed', 'only with --ranges', flags.string(samples !== undefined ? 'samples' : 'seed'));
    if (flags.bool('compare')) {
      if (parsed.positionals.length < 2 || parsed.positionals.length > 3) flags.problem('plans', 'two or three plan JSON files to compare', parsed.positionals.join(' ') || undefined);
      for (const f of ['optimize', 'ranges'] as const) if (flags.bool(f)) flags.problem(`--${f}`, 'not with --compare (compare plans as they are)', true);
      flags.done();
      return runPlanCompare(parsed.positionals, flags.bool('json'));
    }
    const file = parsed.positionals[0];
    if (!file) flags.problem('plan', 'a plan JSON file (examples in presets/plans/)');
    if (parsed.positionals.length > 1) flags.problem('arguments', 'exactly one plan file (or two or three with --compare)', parsed.positionals.slice(1).join(' '));
    flags.done();
    return runPlan(file!, flags.bool('optimize'), objective ?? 'npv', flags.bool('json'), flags.bool('ranges') ? { samples, seed } : undefined);
  },
};

/** Two or three plans side by side (`--compare`), each evaluated as it is. */
async function runPlanCompare(files: readonly string[], json: boolean): Promise<{ text: string; json?: unknown }> {
  const { compareScenarios } = await import('../../core/plan/scenarios');
  const { renderScenarios } = await import('./plan-extras');
  const catalog = loadCatalog();
  const sites = loadSites();
  const scenarios = files.map((file, i) => {
    const { plan, raw } = readPlanFile(file, `plans[${i}]`);
    const report = evaluatePlan(plan, catalog, sites);
    const bad = referenceProblems(report.issues, raw);
    if (bad.length) throw new InputError(bad.map((b) => ({ ...b, path: `${file}: ${b.path}` })));
    return { name: plan.name, report };
  });
  const comparison = compareScenarios(scenarios);
  if (json) return jsonResult({ files, scenarios: comparison });
  return { text: renderScenarios(comparison, files) };
}

/** Shared by `plan` and `optimize`. `ranges` adds the bands and the tornado (src/core/plan/ranges.ts). */
export async function runPlan(file: string, optimize: boolean, objective: 'npv' | 'time', json: boolean, ranges?: { samples?: number; seed?: number }): Promise<{ text: string; json?: unknown }> {
  const { plan, raw } = readPlanFile(file);
  const catalog = loadCatalog();
  const sites = loadSites();
  let report: PlanReport = evaluatePlan(plan, catalog, sites);
  const bad = referenceProblems(report.issues, raw);
  if (bad.length) throw new InputError(bad);
  let opt: OptimizeResult | undefined;
  let proposal: Proposal | null = null;
  let wasmLoadMs: number | undefined;
  if (optimize) {
    const { optimizePlan } = await import('../../core/plan/optimize');
    const { loadSolver } = await import('../../solver/highs');
    const t0 = performance.now();
    const solver = await loadSolver(await nodeWasm());
    wasmLoadMs = performance.now() - t0;
    opt = optimizePlan(plan, catalog, sites, solver, { objective });
    if (opt.plan) {
      const { planProposal } = await import('../../core/plan/proposal');
      proposal = planProposal(plan, opt.plan, catalog, sites, report);
    }
    if (opt.report) report = opt.report;
  }
  const optimizer = opt
    ? {
        status: opt.status,
        objective: opt.objective,
        objectiveValue: opt.objectiveValue,
        mipGap: opt.mipGap,
        solveMs: opt.solveMs,
        buildMs: opt.buildMs,
        wasmLoadMs,
        solves: opt.solves,
        variables: opt.variables,
        constraints: opt.constraints,
        binding: opt.binding,
        unmet: opt.unmet,
        issues: opt.issues,
        orders: opt.plan?.orders ?? [],
        deployments: opt.plan?.deployments ?? [],
        proposal,
      }
    : undefined;
  const ranged = ranges ? (await import('../../core/plan/ranges')).planRanges(opt?.plan ?? plan, catalog, sites, { ...ranges, report }) : undefined;
  if (json) {
    const withRanges = ranged ? { ...report, totals: { ...report.totals, ranges: ranged.totals }, sensitivity: ranged.sensitivity, rangeMethod: ranged.method, rangeInputs: ranged.inputs } : report;
    return jsonResult(optimizer ? { ...withRanges, optimizer } : withRanges);
  }
  const text = renderPlan(report, optimizer);
  return { text: ranged ? `${text}\n\n${(await import('./plan-extras')).renderRanges(ranged)}` : text };
}

/** In Node, hand HiGHS its wasm bytes so the bundled CLI does not depend on where the bundler put the asset. */
async function nodeWasm(): Promise<{ wasmBinary: ArrayBuffer } | undefined> {
  try {
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    const buf = readFileSync(req.resolve('highs/runtime'));
    return { wasmBinary: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) };
  } catch {
    return undefined;
  }
}

function renderPlan(r: PlanReport, opt?: { status: string; objective: string; mipGap: number | null; solveMs: number; wasmLoadMs?: number; binding: readonly { sentence: string }[]; unmet: readonly { quarter: string; unmet: number; unit: string; cause: string }[]; proposal: Proposal | null }): string {
  const n = formatNumber;
  const lines = [`${r.plan.name}: ${r.plan.start}…${r.plan.end} (${r.plan.horizonYears} years), utilization ${r.plan.utilization}, discount ${r.plan.discountRate}, design ${r.plan.design}, catalog ${r.catalogVersion}`, ''];
  lines.push(`Sites (${r.sites[0]?.year !== null && r.sites[0] ? `year ${r.sites[0].year}` : 'last year'})`);
  lines.push(
    textTable(
      ['site', 'racks', 'IT MW', 'facility MW', 'PUE', 'peak PUE', '$/kWh', 'MWh/yr', 'energy $/yr', 'tCO2/yr'],
      r.sites.map((s) => {
        // A figure the plan's site overrides is marked, and said in words under the table.
        const mark = (figure: string) => (s.overrides.some((o) => o.figure === figure) ? ' (override)' : '');
        return [s.id, s.racks, s.itMw, s.facilityMw, `${formatPue(s.pue)}${mark('pue')}`, `${formatPue(s.peakPue)}${mark('peakPue')}`, s.priceUsdPerKwh.toFixed(4), Math.round(s.annualEnergyMwh), formatUsd(s.annualEnergyCostUsd), Math.round(s.annualCo2Tonnes)];
      }),
    ),
  );
  for (const s of r.sites) {
    lines.push(...overrideLines(s.overrides, `  ${s.id} `));
    const d = s.pueDetail;
    if (d?.terms) {
      const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
      const liquid = d.streams.filter((x) => x.stream === 'liquid');
      lines.push(
        `  ${s.id}: ${s.overrides.some((o) => o.figure === 'pue') ? 'computed ' : ''}PUE ${formatPue(d.pue)} = 1 + chain ${formatPue(d.terms.chainLoss)} + cooling ${formatPue(d.terms.cooling)} (fans and pumps ${formatPue(d.coolingTerms?.fansAndPumps)}, chiller ${formatPue(d.coolingTerms?.chiller)}) + fixed ${formatPue(d.terms.fixedOverhead)} (grid ${s.egridSubregion} ${s.co2KgPerMwh} kg/MWh)`,
        `    heat to economizer ${pct(d.economizerHeatShare)}, to chiller ${pct(d.chillerHeatShare)}${liquid.length ? `; liquid chiller-free ${liquid.map((x) => `${n(x.chillerFreeHours)} h at ${x.supplyC} °C`).join(', ')}` : ''}`,
        `    water (${d.rejection}): WUE ${s.wueLPerKwh === null ? '—' : s.wueLPerKwh.toFixed(3)} L/kWh, ${n(s.waterM3)} m³ in ${s.year ?? 'the last year'}; tariff base year ${s.tariffBaseYear}${s.capacityPriceUsdPerMwDay === null ? '' : `; capacity charge $${s.capacityPriceUsdPerMwDay.toFixed(2)}/MW-day = ${formatUsd(s.annualCapacityCostUsd)}/yr`}`,
      );
    }
    const q = s.quarters[s.quarters.length - 1];
    if (q && q.trainingRampMw > 0) lines.push(`    training ramp (grid swing, seconds) ${n(q.trainingRampMw)} MW; DC transient peak (µs, rack power smoothing) ${n(q.transientPeakMw)} MW`);
  }
  lines.push('', 'Scale-out fabric (end of horizon)');
  for (const s of r.sites) {
    const f = s.quarters[s.quarters.length - 1]?.fabric;
    if (!f || !f.switches) continue;
    lines.push(`  ${s.id}: ${n(f.switches)} switches (${n(f.leafSwitches)} leaf, ${n(f.spineSwitches)} spine, ${n(f.coreSwitches)} core) in ${n(f.clusters)} fabric${f.clusters === 1 ? '' : 's'}, ${n(f.switchKw)} kW`);
    for (const g of f.byGeneration) {
      const why = g.switchReason === 'catalog-default' ? 'catalog default for its NIC speed' : g.switchReason === 'user' ? 'network.switchId' : 'custom switch from the plan file';
      const notes = [g.breakout > 1 ? `ports as ${g.breakout}-way breakouts` : '', g.clusters > 1 ? `split into ${g.clusters} fabrics` : '', g.switchWattsSource === 'estimate' ? 'switch watts estimated' : g.switchWattsSource === 'unknown' ? 'switch watts unknown' : ''].filter(Boolean);
      lines.push(`    ${g.generation}: ${n(g.units)} units, ${n(g.switches)} × ${g.switchName} (${why}${notes.length ? `; ${notes.join('; ')}` : ''}), ${g.tiers} tier${g.tiers === 1 ? '' : 's'}`);
    }
  }
  lines.push('', 'Plants (peak weekly build against the plant’s own capacity)');
  lines.push(
    textTable(
      ['plant', 'peak racks/wk', 'capacity then', 'utilization', 'quarters building', 'lead time wk'],
      r.plants.map((p) => {
        const peak = p.quarters.reduce<(typeof p.quarters)[number] | undefined>((m, q) => (!m || q.racksPerWeek > m.racksPerWeek ? q : m), undefined);
        return [p.id, p.peakRacksPerWeek, peak?.capacityRacksPerWeek ?? 0, peak?.utilization === null || peak === undefined ? '—' : `${n(peak.utilization * 100)} %`, p.quarters.filter((q) => q.racksPerWeek > 0).length, p.leadTimeWeeks];
      }),
    ),
  );
  const open = r.builds.filter((b) => b.choice === 'nearest').length;
  if (open) lines.push(`  ${open} deployment row${open === 1 ? '' : 's'} built by the nearest plant that builds the generation with capacity (the default; name a plant per row with "plant")`);
  for (const ds of r.demandSeries) {
    lines.push('', `Demand: ${ds.unit} in service against demand (an entry holds until the next)`);
    const shown = ds.quarters.filter((q, k) => q.entry || k === ds.quarters.length - 1);
    lines.push(textTable(['quarter', 'demand', 'in service', 'surplus (+) / shortfall (−)'], shown.map((q) => [q.quarter, q.required === null ? '—' : Math.round(q.required), Math.round(q.supplied), q.balance === null ? '—' : `${q.balance >= 0 ? '+' : '−'}${n(Math.abs(Math.round(q.balance)))}`])));
  }
  const t = r.totals;
  lines.push(
    '',
    `Totals: capex ${formatUsd(t.capexUsd)} = units ${formatUsd(t.unitCapexUsd)} (firm ${formatUsd(t.firmCapexUsd)} + option ${formatUsd(t.optionCapexUsd)}) + network ${formatUsd(t.networkCapexUsd)} + facility ${formatUsd(t.facilityCapexUsd)}`,
    `        firm: firm orders and locked rows; option: option orders and open rows`,
    `        energy ${formatUsd(t.energyCostUsd)} · capacity charges ${formatUsd(t.capacityCostUsd)} · maintenance ${formatUsd(t.maintenanceUsd)} · TCO ${formatUsd(t.tcoUsd)} · NPV TCO ${formatUsd(t.npvTcoUsd)} · ${n(t.horizonEnergyMwh)} MWh · ${n(t.horizonCo2Tonnes)} tCO2`,
  );
  if (opt) {
    lines.push('', `Optimizer (${opt.objective}): ${opt.status}, gap ${opt.mipGap === null ? 'n/a' : `${(opt.mipGap * 100).toFixed(2)} %`}, solve ${n(opt.solveMs)} ms, WASM load ${n(opt.wasmLoadMs ?? 0)} ms`);
    for (const b of opt.binding.slice(0, 20)) lines.push(`  binding: ${b.sentence}`);
    if (opt.binding.length > 20) lines.push(`  … ${opt.binding.length - 20} more (--json)`);
    for (const u of opt.unmet) lines.push(`  unmet ${u.quarter}: ${n(u.unmet)} ${u.unit} — ${u.cause}`);
    if (opt.proposal) lines.push(...proposalLines(opt.proposal));
    lines.push('  (the figures above are the proposed plan’s; nothing is written to the plan file)');
  }
  const shown = r.issues.filter((i) => i.severity !== 'info');
  lines.push('', shown.length ? `Issues (${shown.length})` : 'Issues: none');
  lines.push(...issueLines(shown.slice(0, 25)));
  if (shown.length > 25) lines.push(`  … ${shown.length - 25} more (--json)`);
  return lines.join('\n');
}

/** The optimizer's proposal, row by row against the plan file. */
function proposalLines(p: Proposal): string[] {
  const usd = (v: number) => `${v < 0 ? '−' : '+'}${formatUsd(Math.abs(v))}`;
  const num = (v: number, digits?: number) => `${v < 0 ? '−' : '+'}${formatNumber(Math.abs(v), digits)}`;
  const count = (c: string) => p.rows.filter((x) => x.change === c).length;
  const out = [
    '',
    `Proposal: ${count('added')} rows to add, ${count('changed')} to change, ${count('removed')} to remove; ${p.unchanged} open rows unchanged; ${p.fixed} locked or order-built rows kept as they are`,
    `  accepting all: capex ${usd(p.deltas.capexUsd)}, NPV TCO ${usd(p.deltas.npvTcoUsd)}, peak facility ${num(p.deltas.peakFacilityMw)} MW, CO2 ${num(p.deltas.co2Tonnes, 0)} t`,
  ];
  if (!p.rows.length) return out;
  const rows = p.rows.slice(0, 40).map((x) => {
    const before = x.before?.units ?? 0;
    const after = x.after?.units ?? 0;
    const d = x.deltas;
    return [x.change, x.site, x.generation, x.quarter, `${formatNumber(before, 0)} → ${formatNumber(after, 0)}`, (x.after ?? x.before)!.plant ?? 'default', d ? usd(d.capexUsd) : '—', d ? usd(d.npvTcoUsd) : '—', d ? num(d.peakFacilityMw) : '—', d ? num(d.co2Tonnes, 0) : '—'];
  });
  out.push(textTable(['change', 'site', 'generation', 'quarter', 'units', 'plant', 'capex', 'NPV TCO', 'peak MW', 'tCO2'], rows));
  if (p.rows.length > 40) out.push(`  … ${p.rows.length - 40} more rows (--json: optimizer.proposal.rows)`);
  return out;
}

/** `rackplan fit <generation-id> --site <id> [--plan plan.json] [--by YYYY-Qn] [--json]`: how many more units fit, and what binds. */
import { generationIds, loadCatalog } from '../../catalog/presets';
import { loadSites, siteIds } from '../../catalog/sites';
import { fitPowerBudget, fitUnits, type PowerBudget } from '../../core/plan/fit';
import type { QuarterId } from '../../core/sites/types';
import { isQuarterId } from '../../core/sites/schedule';
import { FlagReader, parseFlags } from '../args';
import { InputError } from '../errors';
import { formatNumber, formatPue, issueLines, jsonResult, type Command } from '../output';
import { readPlanFile, referenceProblems } from './plan';
import { overrideLines, readSiteOverrideFlags, SITE_OVERRIDE_FLAGS, SITE_OVERRIDE_USAGE } from '../site-overrides';
import type { SiteOverrides } from '../../core/plan/types';

const USAGE = `rackplan fit <generation-id> --site <id> [--plan plan.json] [--by YYYY-Qn] [--json]
rackplan fit <generation-id> --site <id> (--utility-mw M | --facility-mw M | --it-mw M) [--pue P] [--peak-pue P] [--storage-kw K] [--other-it-kw K] [--json]

  How many more units of a generation fit at a data-center site — on top of what the plan has in service there by
  the date — and which limit binds: power, cooling, positions, floorLoading, switchPorts, plantCapacity or none.
  Power uses facility MW at peak PUE against the meter; --by also counts plant capacity up to that quarter.

  With a power budget: the most whole units whose design load fits it, through the site's facility chain at its
  peak (design-day) PUE, or a fixed --pue. --utility-mw and --facility-mw both mean power at the utility meter (where
  PUE is measured); --it-mw is the racks' input power. The site's own limits are listed, not applied. With --plan,
  the plan's own version of the site (its overrides included) is the one sized.

  ${SITE_OVERRIDE_USAGE}`;

export const fitCommand: Command = {
  summary: 'how many more units of a generation fit at a site, and which limit binds',
  usage: USAGE,
  run(argv) {
    const parsed = parseFlags(argv, { site: { type: 'string' }, plan: { type: 'string' }, by: { type: 'string' }, 'utility-mw': { type: 'string' }, 'facility-mw': { type: 'string' }, 'it-mw': { type: 'string' }, ...SITE_OVERRIDE_FLAGS }, 'fit');
    const flags = new FlagReader(parsed);
    const gen = parsed.positionals[0];
    if (!gen) flags.problem('generation', `a generation id, one of ${generationIds().join(', ')}`);
    if (parsed.positionals.length > 1) flags.problem('arguments', 'exactly one generation id', parsed.positionals.slice(1).join(' '));
    const site = flags.require('site', flags.string('site'), `a data-center site, one of ${siteIds().join(', ')}`);
    if (site !== undefined && !siteIds().includes(site)) flags.problem('--site', `one of ${siteIds().join(', ')}`, site);
    const by = flags.string('by');
    if (by !== undefined && !isQuarterId(by)) flags.problem('--by', 'a quarter, YYYY-Qn (e.g. 2027-Q3)', by);
    const budgets = (['utility', 'facility', 'it'] as const).filter((k) => flags.has(`${k}-mw`));
    if (budgets.length > 1) flags.problem(`--${budgets[1]}-mw`, 'one power budget: --utility-mw, --facility-mw or --it-mw', budgets.map((k) => `--${k}-mw`).join(' and '));
    const budgetKind = budgets[0];
    const budgetMw = budgetKind ? flags.number(`${budgetKind}-mw`, { min: 0.001, max: 100_000, accepted: 'MW from 0.001 to 100000' }) : undefined;
    const overrides = readSiteOverrideFlags(flags);
    if (budgetKind && (flags.has('plan') || flags.has('by'))) flags.problem('--plan/--by', `a power budget (--${budgetKind}-mw) sizes an empty site; --plan and --by apply to the site's own limits`);
    const given = Object.keys(SITE_OVERRIDE_FLAGS).filter((f) => flags.has(f));
    if (!budgetKind && given.length) flags.problem(`--${given[0]}`, "only with a power budget (--utility-mw, --facility-mw or --it-mw); with --plan, set it on the plan's site");
    flags.done();
    if (budgetKind) return powerBudgetFit(gen!, site!, { kind: budgetKind, mw: budgetMw! }, overrides, flags.bool('json'));
    const file = flags.string('plan');
    const loaded = file ? readPlanFile(file, '--plan') : undefined;
    const catalog = loadCatalog();
    const sites = loadSites();
    const report = fitUnits({ generation: gen!, site: site!, by: by as QuarterId | undefined, plan: loaded?.plan }, catalog, sites);
    if (report.issues.some((i) => i.code === 'unknown_generation')) throw new InputError([{ path: 'generation', message: `one of ${generationIds().join(', ')}`, got: JSON.stringify(gen) }]);
    if (report.issues.some((i) => i.code === 'not_a_data_center')) throw new InputError([{ path: '--site', message: 'a site with a data-center role', got: JSON.stringify(site) }]);
    if (loaded) {
      const bad = referenceProblems(report.issues, loaded.raw);
      if (bad.length) throw new InputError(bad);
    }
    if (flags.bool('json')) return jsonResult(report);
    const n = formatNumber;
    const sl = report.slack;
    const lim = report.limitUnits;
    const show = (x: number | null) => (x === null ? 'no limit' : n(x));
    const lines = [
      `${report.units} more ${report.generation} (${report.racks} racks) fit at ${report.site} by ${report.quarter}; binding: ${report.bindingConstraint}`,
      `  in service before: ${report.existing.racks} racks, ${n(report.existing.itMw)} MW IT, ${n(report.existing.facilityMw)} MW facility`,
      `  after: ${n(report.after.itMw)} MW IT, ${n(report.after.facilityMw)} MW facility of ${n(report.limits.meterMw)} MW at the meter (peak PUE ${formatPue(report.after.peakPue)})`,
      ...overrideLines(report.overrides),
      `  units each limit allows: power ${show(lim.power)} · cooling ${show(lim.cooling)} · positions ${show(lim.positions)} · floor ${lim.floorLoading === null ? (sl.floorLoadingKgM2 === null ? 'not rated' : 'ok') : n(lim.floorLoading)} · switch ports ${show(lim.switchPorts)} · plant ${show(lim.plantCapacity)}`,
      `  slack after: ${n(sl.powerMw)} MW · ${sl.coolingMw === null ? 'cooling not limited' : `${n(sl.coolingMw)} MW heat rejection`} · ${sl.positions} positions · ${sl.floorLoadingKgM2 === null ? 'floor not rated' : `${n(sl.floorLoadingKgM2)} kg/m² floor`} · ${sl.switchPorts === null ? 'ports not limited' : `${sl.switchPorts} ports`} · ${sl.plantRacks === null ? 'plant not counted (use --by)' : `${n(sl.plantRacks)} plant racks`}`,
    ];
    lines.push(...issueLines(report.issues));
    return { text: lines.join('\n') };
  },
};

function powerBudgetFit(gen: string, site: string, budget: PowerBudget, overrides: SiteOverrides, json: boolean) {
  const report = fitPowerBudget({ generation: gen, site, budget, ...(Object.keys(overrides).length ? { overrides } : {}) }, loadCatalog(), loadSites());
  if (report.issues.some((i) => i.code === 'unknown_generation')) throw new InputError([{ path: 'generation', message: `one of ${generationIds().join(', ')}`, got: JSON.stringify(gen) }]);
  if (report.issues.some((i) => i.code === 'not_a_data_center')) throw new InputError([{ path: '--site', message: 'a site with a data-center role', got: JSON.stringify(site) }]);
  if (json) return jsonResult(report);
  const n = formatNumber;
  const lim = report.siteLimitUnits;
  const show = (x: number | null) => (x === null ? 'no limit' : n(x));
  const at = budget.kind === 'it' ? 'of IT power' : `at the ${budget.kind} meter`;
  const lines = [
    `${n(report.units)} ${report.generation} units (${n(report.racks)} racks, ${n(report.accelerators)} accelerators) fit ${n(budget.mw)} MW ${at} at ${report.site}`,
    `  ${n(report.itMw)} MW IT × PUE ${formatPue(report.pue)} (${report.pueSource === 'override' ? 'fixed' : "the site's peak, design day"}) = ${n(report.facilityMw)} MW at the meter; the next unit would add ${n(report.nextUnitMw)} MW`,
    ...overrideLines(report.overrides),
    `  units the site's own limits would allow (not applied): positions ${show(lim.positions)} · cooling ${show(lim.cooling)} · switch ports ${show(lim.switchPorts)} · floor ${lim.floorLoading === null ? 'not rated' : n(lim.floorLoading)}`,
  ];
  lines.push(...issueLines(report.issues));
  return { text: lines.join('\n') };
}

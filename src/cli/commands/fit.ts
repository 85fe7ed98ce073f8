/** `rackplan fit <generation-id> --site <id> [--plan plan.json] [--by YYYY-Qn] [--json]`: how many more units fit, and what binds. */
import { generationIds, loadCatalog } from '../../catalog/presets';
import { loadSites, siteIds } from '../../catalog/sites';
import { fitUnits } from '../../core/plan/fit';
import type { QuarterId } from '../../core/sites/types';
import { isQuarterId } from '../../core/sites/schedule';
import { FlagReader, parseFlags } from '../args';
import { InputError } from '../errors';
import { formatNumber, formatPue, issueLines, jsonResult, type Command } from '../output';
import { readPlanFile, referenceProblems } from './plan';

const USAGE = `rackplan fit <generation-id> --site <id> [--plan plan.json] [--by YYYY-Qn] [--json]

  How many more units of a generation fit at a data-center site — on top of what the plan has in service there by
  the date — and which limit binds: power, cooling, positions, floorLoading, switchPorts, plantCapacity or none.
  Power uses facility MW at peak PUE against the meter; --by also counts plant capacity up to that quarter.`;

export const fitCommand: Command = {
  summary: 'how many more units of a generation fit at a site, and which limit binds',
  usage: USAGE,
  run(argv) {
    const parsed = parseFlags(argv, { site: { type: 'string' }, plan: { type: 'string' }, by: { type: 'string' } }, 'fit');
    const flags = new FlagReader(parsed);
    const gen = parsed.positionals[0];
    if (!gen) flags.problem('generation', `a generation id, one of ${generationIds().join(', ')}`);
    if (parsed.positionals.length > 1) flags.problem('arguments', 'exactly one generation id', parsed.positionals.slice(1).join(' '));
    const site = flags.require('site', flags.string('site'), `a data-center site, one of ${siteIds().join(', ')}`);
    if (site !== undefined && !siteIds().includes(site)) flags.problem('--site', `one of ${siteIds().join(', ')}`, site);
    const by = flags.string('by');
    if (by !== undefined && !isQuarterId(by)) flags.problem('--by', 'a quarter, YYYY-Qn (e.g. 2027-Q3)', by);
    flags.done();
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
      `  units each limit allows: power ${show(lim.power)} · cooling ${show(lim.cooling)} · positions ${show(lim.positions)} · floor ${lim.floorLoading === null ? (sl.floorLoadingKgM2 === null ? 'not rated' : 'ok') : n(lim.floorLoading)} · switch ports ${show(lim.switchPorts)} · plant ${show(lim.plantCapacity)}`,
      `  slack after: ${n(sl.powerMw)} MW · ${sl.coolingMw === null ? 'cooling not limited' : `${n(sl.coolingMw)} MW heat rejection`} · ${sl.positions} positions · ${sl.floorLoadingKgM2 === null ? 'floor not rated' : `${n(sl.floorLoadingKgM2)} kg/m² floor`} · ${sl.switchPorts === null ? 'ports not limited' : `${sl.switchPorts} ports`} · ${sl.plantRacks === null ? 'plant not counted (use --by)' : `${n(sl.plantRacks)} plant racks`}`,
    ];
    lines.push(...issueLines(report.issues));
    return { text: lines.join('\n') };
  },
};

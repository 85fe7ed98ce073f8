/** `rackplan optimize <plan.json> [--objective npv|time] [--json]`: the same as `rackplan plan <plan.json> --optimize`. */
import { FlagReader, parseFlags } from '../args';
import type { Command } from '../output';
import { runPlan } from './plan';

export const optimizeCommand: Command = {
  summary: 'optimize a capacity plan with HiGHS (same as plan --optimize)',
  usage: `rackplan optimize <plan.json> [--objective npv|time] [--json]

  Proposes open deployment rows (generation, plant, site, quarter) that meet the plan's demand within every limit
  around the locked rows and the rows the plan's orders build, minimizing NPV TCO (npv, default) or time to
  capacity (time), each row at least the minimum order (plan.minOrder, default 8 racks). Prints the proposal row by
  row against the plan (added, changed, removed, with capex, NPV TCO, peak MW and CO2 deltas) and the binding
  constraints in words; the plan file is not changed.`,
  async run(argv) {
    const parsed = parseFlags(argv, { objective: { type: 'string' } }, 'optimize');
    const flags = new FlagReader(parsed);
    const objective = flags.choice('objective', ['npv', 'time'] as const) ?? 'npv';
    const file = parsed.positionals[0];
    if (!file) flags.problem('plan', 'a plan JSON file (examples in presets/plans/)');
    if (parsed.positionals.length > 1) flags.problem('arguments', 'exactly one plan file', parsed.positionals.slice(1).join(' '));
    flags.done();
    return runPlan(file!, true, objective, flags.bool('json'));
  },
};

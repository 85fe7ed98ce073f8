/**
 * `rackplan compare <generation-id>… [unit options] [--target-pflops X [--precision P] | --target-accelerators N |
 *  --target-hbm-tb X | --target-hbm-tbps X | --target-it-mw X | --target-facility-mw X | --target-budget-usd X]
 *  [--rack-density ID=N,…] [--site id] [--utilization U] [--pue P] [--peak-pue P] [--json]`; with no target, equal compute at --precision (default dense FP8).
 * @module
 */
import { generationIds, loadCatalog } from '../../catalog/presets';
import { loadSites, siteIds } from '../../catalog/sites';
import { compareAccelerators, DEFAULT_COMPARE_SITE, DEFAULT_COMPARE_TARGET, type CompareTarget } from '../../core/plan/compare';
import { PRECISIONS } from '../../core/plan/precision';
import type { UnitOptions } from '../../core/rack/types';
import { PLAN_SETTING_LIMITS, SITE_OVERRIDE_LIMITS } from '../../schema/limits';
import { FlagReader, parseFlags } from '../args';
import { InputError } from '../errors';
import { UNIT_OPTION_FLAGS, UNIT_OPTION_USAGE, readUnitOptionFlags } from '../unit-option-flags';
import { formatNumber, formatUsd, jsonResult, textTable, type Command } from '../output';


const USAGE = `rackplan compare <generation-id>… [unit options] [--target-pflops X [--precision P] | --target-accelerators N | --target-hbm-tb X | --target-hbm-tbps X | --target-it-mw X | --target-facility-mw X | --target-budget-usd X] [--rack-density ID=N,…] [--site id] [--utilization U] [--pue P] [--peak-pue P] [--json]

  One target at one data-center site, generations side by side, with a one-line verdict first (who is cheapest per
  PFLOP-hour, who needs the least power): units, racks, PFLOPS at the precision, IT and facility MW, coolant, switches and
  cables, capex, annual energy cost, tCO2, perf/W, perf/$, $ per PFLOP-hour, rounding waste, how each row was sized,
  and the assumptions behind each figure with its confidence. A precision a generation lacks (or whose figure is
  not published) shows supported: false.

  --target-pflops X     PFLOPS at --precision; with no target: ${DEFAULT_COMPARE_TARGET.value} PFLOPS at --precision
  --precision P         ${PRECISIONS.join(', ')} (default fp8: dense; -sparse: 2:4 structured
                        sparsity as published; fp32/fp64: the published peaks); also the PFLOPS shown for other targets
  --target-accelerators N  accelerators
  --target-hbm-tb X     HBM capacity, TB (10^12 bytes)
  --target-hbm-tbps X   HBM bandwidth, TB/s
  --target-it-mw X      IT power, MW: the most whole units whose input fits (the network's switches are stated apart)
  --target-facility-mw X  power at the meter at peak PUE, MW (network and cooling included): the most whole units that fit
  --target-budget-usd X capex, USD (units, network and facility): the most whole units that fit
  --rack-density ID=N   systems per rack for a server-rack generation, e.g. inf2-server=8 (comma-separated for several)
  --site ID             data-center site (default ${DEFAULT_COMPARE_SITE}; rackplan site lists them)
  --utilization U       average IT draw ÷ design IT for energy (default: the catalog's plan default)
  --pue P               a fixed PUE at the site (1.0–3.0): energy, and the meter unless --peak-pue; as a plan's pueOverride
  --peak-pue P          a fixed PUE at the design condition only (facility MW, meter fill, --target-facility-mw)

Unit options, applied to every compared generation (the Compare view applies the Rack designer's to its generation):
${UNIT_OPTION_USAGE.split('\n').slice(1).join('\n')}`;

/** Unit-option flags, without --units: compare sizes the number of units to the target. */
const { units: _units, ...COMPARE_UNIT_FLAGS } = UNIT_OPTION_FLAGS;

export const compareCommand: Command = {
  summary: 'GPU vs Trainium vs Inferentia for one target at one site',
  usage: USAGE,
  async run(argv) {
    const parsed = parseFlags(
      argv,
      {
        ...COMPARE_UNIT_FLAGS,
        'target-accelerators': { type: 'string' },
        'target-pflops': { type: 'string' },
        precision: { type: 'string' },
        'target-hbm-tb': { type: 'string' },
        'target-hbm-tbps': { type: 'string' },
        'target-it-mw': { type: 'string' },
        'target-facility-mw': { type: 'string' },
        'target-budget-usd': { type: 'string' },
        'rack-density': { type: 'string' },
        site: { type: 'string' },
        utilization: { type: 'string' },
        pue: { type: 'string' },
        'peak-pue': { type: 'string' },
      },
      'compare',
    );
    const flags = new FlagReader(parsed);
    const ids = parsed.positionals;
    if (!ids.length) flags.problem('generations', `one or more generation ids, from ${generationIds().join(', ')}`);
    // Bounded below so ratios to the target stay finite (1e-300 once overflowed the rounding-waste percentage).
    const positive = { min: 0.001, max: 1e9, accepted: 'a number from 0.001 to 1,000,000,000' };
    const targets: CompareTarget[] = [];
    const accelerators = flags.number('target-accelerators', { ...positive, integer: true, accepted: 'a whole number of accelerators > 0' });
    if (accelerators !== undefined) targets.push({ metric: 'accelerators', value: accelerators });
    const pf = flags.number('target-pflops', positive);
    const precision = flags.choice('precision', PRECISIONS);
    if (pf !== undefined) targets.push({ metric: 'pflops', precision: precision ?? 'fp8', value: pf });
    const tb = flags.number('target-hbm-tb', positive);
    if (tb !== undefined) targets.push({ metric: 'hbmTb', precision, value: tb });
    const tbps = flags.number('target-hbm-tbps', positive);
    if (tbps !== undefined) targets.push({ metric: 'hbmTbPerS', precision, value: tbps });
    const mw = flags.number('target-it-mw', positive);
    if (mw !== undefined) targets.push({ metric: 'itMw', precision, value: mw });
    const facilityMw = flags.number('target-facility-mw', positive);
    if (facilityMw !== undefined) targets.push({ metric: 'facilityMw', precision, value: facilityMw });
    const budget = flags.number('target-budget-usd', { min: 1, max: 1e13, accepted: 'US dollars from 1 to 10,000,000,000,000' });
    if (budget !== undefined) targets.push({ metric: 'budgetUsd', precision, value: budget });
    const given = ['target-accelerators', 'target-pflops', 'target-hbm-tb', 'target-hbm-tbps', 'target-it-mw', 'target-facility-mw', 'target-budget-usd'].filter((f) => flags.has(f));
    if (given.length > 1) flags.problem(`--${given[1]}`, `only one target (also got --${given[0]})`);
    if (given.length === 0) targets.push({ ...DEFAULT_COMPARE_TARGET, precision: precision ?? DEFAULT_COMPARE_TARGET.precision });
    const density = readRackDensity(flags);
    const utilization = flags.number('utilization', PLAN_SETTING_LIMITS.utilization);
    const pueOverride = flags.number('pue', SITE_OVERRIDE_LIMITS.pueOverride);
    const peakPueOverride = flags.number('peak-pue', SITE_OVERRIDE_LIMITS.peakPueOverride);
    const siteOverrides = { ...(pueOverride === undefined ? {} : { pueOverride }), ...(peakPueOverride === undefined ? {} : { peakPueOverride }) };
    const site = flags.string('site') ?? DEFAULT_COMPARE_SITE;
    if (!siteIds().includes(site)) flags.problem('--site', `one of ${siteIds().join(', ')}`, site);
    // The same unit options for every compared generation (the Compare view uses the designer's for its generation).
    const options = await readUnitOptionFlags(parsed, flags);
    const catalog = loadCatalog();
    const unitOptions: Record<string, UnitOptions> | undefined = Object.keys(options).length || density.size ? Object.fromEntries(ids.map((id) => [id, { ...options, ...(density.has(id) ? { systemsPerRack: density.get(id) } : {}) }])) : undefined;
    for (const id of density.keys()) if (!ids.includes(id)) flags.problem('--rack-density', `a generation being compared (${ids.join(', ')})`, id);
    flags.done();
    const report = compareAccelerators(ids, targets[0]!, site, catalog, loadSites(), { utilization, unitOptions, ...(Object.keys(siteOverrides).length ? { siteOverrides } : {}) });
    const unknown = report.options.filter((o) => o.issues.some((i) => i.code === 'unknown_generation'));
    if (unknown.length) throw new InputError(unknown.map((o) => ({ path: 'generations', message: `one of ${generationIds().join(', ')}`, got: JSON.stringify(o.generation) })));
    if (flags.bool('json')) return jsonResult(report);
    const n = (x: number | null, d?: number) => (x === null ? '—' : formatNumber(x, d));
    const money = (x: number | null) => (x === null ? '—' : formatUsd(x));
    const t = report.target;
    const lines = [
      report.verdict.text,
      '',
      `Target ${formatNumber(t.value)} ${t.unit} at ${report.site} (final meter ${formatNumber(report.finalMeterMw)} MW; tariff $${formatNumber(report.priceUsdPerKwh, 4)}/kWh in ${report.priceYear}${report.capacityPriceUsdPerMwDay === null ? '' : ` + capacity $${formatNumber(report.capacityPriceUsdPerMwDay)}/MW-day`}, grid ${report.co2KgPerMwh} kg CO2/MWh, utilization ${report.utilization}, ${report.amortizationYears}-year amortization)`,
      '',
      textTable(
        ['generation', 'ok', 'units', 'racks', 'PFLOPS', 'IT MW', 'facility MW', 'meter %', 'L/min', 'switches', 'capex', 'energy $/yr', 'tCO2/yr', 'PF/MW', 'PF/$M', '$/PF-h', 'waste %'],
        report.options.map((o) => [
          o.generation,
          o.supported ? 'yes' : 'no',
          n(o.units),
          n(o.racks),
          n(o.pflops),
          n(o.itMw, 2),
          n(o.facilityMw, 2),
          o.fillFraction === null ? '—' : n(o.fillFraction * 100, 1),
          n(o.coolantLpm, 0),
          n(o.switches),
          money(o.capexUsd),
          money(o.annualEnergyCostUsd),
          n(o.annualCo2Tonnes, 0),
          n(o.pflopsPerMw, 0),
          n(o.pflopsPerMusd, 1),
          n(o.usdPerPflopHour, 3),
          n(o.roundingWastePct, 1),
        ]),
      ),
      ...(report.options[0]?.overrides.length ? ['', `Fixed at the site: ${report.options[0].overrides.map((o) => `${o.figure === 'pue' ? 'PUE' : 'peak PUE'} ${formatNumber(o.value, 3)}`).join(' · ')} (each option's computed PUE: --json options[].overrides)`] : []),
      '',
      'How each row was sized:',
      ...report.options.filter((o) => o.sizing).map((o) => `  ${o.generation}: ${o.sizing!.note}`),
      '',
      'Scale-out fabric switch:',
      ...report.options.filter((o) => o.fabricSwitch).map((o) => `  ${o.generation}: ${o.fabricSwitch!.name} (${o.fabricSwitch!.reason === 'catalog-default' ? 'catalog default for its NIC speed' : o.fabricSwitch!.reason})`),
      '',
      'Assumptions (confidence):',
      ...report.options.flatMap((o) => o.assumptions.slice(0, 1).map((a) => `  ${o.generation}: ${a.path} = ${typeof a.value === 'number' ? formatNumber(a.value) : String(a.value)} ${a.unit} (${a.confidence})`)),
      ...report.assumptions.slice(0, 5).map((a) => `  ${a.path} = ${typeof a.value === 'number' ? formatNumber(a.value, 4) : String(a.value)} ${a.unit} (${a.confidence})`),
      `  (--json lists every assumption with sources)`,
    ];
    const notes = report.options.flatMap((o) => o.issues.filter((i) => i.severity !== 'info' || i.code === 'target_unsupported').map((i) => `  ${o.generation}: ${i.message}`));
    if (notes.length) lines.push('', 'Notes:', ...notes);
    return { text: lines.join('\n') };
  },
};

/** `--rack-density inf2-server=8,dgx-b200=2` → systems per rack by generation id. */
function readRackDensity(flags: FlagReader): Map<string, number> {
  const out = new Map<string, number>();
  const raw = flags.string('rack-density');
  if (raw === undefined) return out;
  for (const part of raw.split(',')) {
    const m = /^\s*([a-z0-9-]+)\s*=\s*(\d+)\s*$/.exec(part);
    const n = m ? Number(m[2]) : NaN;
    if (!m || !(n >= 1 && n <= 64)) flags.problem('--rack-density', 'generation-id=systems per rack (a whole number from 1 to 64), comma-separated', part);
    else out.set(m[1]!, n);
  }
  return out;
}

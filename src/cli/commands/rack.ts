import { loadSites, siteIds } from '../../catalog/sites';
import { evaluateUnit } from '../../core/rack/evaluate';
import { unitOptionsAtSite } from '../../core/sites/unit-defaults';
import type { UnitOptions, UnitReport } from '../../core/rack/types';
import { issue } from '../../core/issues';
import { UNIT_OPTION_LIMITS, UnitOptionsSchema } from '../../schema/unit-options';
import { problemsFromZod } from '../../schema/errors';
import { parseQuantity } from '../../units/quantity';
import { generationArgument } from '../generation-arg';
import { FlagReader, parseFlags, type FlagSpec } from '../args';
import { InputError, inputError } from '../errors';
import { formatNumber, issueLines, jsonResult, textTable, type Command } from '../output';

const FLAGS: FlagSpec = {
  units: { type: 'string' },
  'systems-per-rack': { type: 'string' },
  feeds: { type: 'string' },
  'feed-volts': { type: 'string' },
  'feed-amps': { type: 'string' },
  'feed-system': { type: 'string' },
  pf: { type: 'string' },
  'continuous-factor': { type: 'string' },
  redundancy: { type: 'string' },
  coolant: { type: 'string' },
  'delta-t': { type: 'string' },
  'air-delta-t': { type: 'string' },
  'altitude-m': { type: 'string' },
  'supply-c': { type: 'string' },
  cdu: { type: 'string' },
  'floor-limit-kg-m2': { type: 'string' },
  basis: { type: 'string' },
  site: { type: 'string' },
};

const USAGE = `rackplan rack <generation> [flags] [--json]

  --units N                 deployable units (totals = per unit × N)          default 1
  --systems-per-rack S      servers per rack (server-rack generations)        catalog default
  --feeds ab|single         A/B (2N) feeds or a single feed                   default ab
  --feed-volts V            feed voltage (3ph: line-to-line)                  catalog default
  --feed-amps A             breaker rating of each whip                       catalog default
  --feed-system 1ph|3ph|dc                                                    catalog default
  --pf P                    power factor at the rack input                    PSU catalog value
  --continuous-factor F     0.8 (NEC 210.20(A)) or 1.0 for 100 %-rated gear   default 0.8
  --redundancy n|n+K|n+n    shelf / PSU redundancy                            catalog default
  --coolant water|pg25                                                        default water
  --delta-t K               liquid loop ΔT, K (or "18 degF")                  default 10
  --air-delta-t K           air ΔT, K (or "20 degF")                          default 11.1 (20 °F)
  --altitude-m M            site altitude for air density                     default 0
  --supply-c C              coolant supply at the rack, °C (or "95 degF")     catalog value
  --cdu ID                  CDU model (rackplan presets)                      first in-row CDU
  --floor-limit-kg-m2 L     floor rating to check against
  --basis min|typical|max   point in catalog ranges                           default max (sizing)
  --site ID                 data-center site: its altitude and floor rating apply unless set above
                            (the same site defaults as the Rack designer, compare and the plan)`;

/** Read a flag that takes a number in `unit` or a quantity string such as "18 degF". */
function quantityFlag(flags: FlagReader, name: string, kind: Parameters<typeof parseQuantity>[1], scale = 1): number | undefined {
  const raw = flags.string(name);
  if (raw === undefined) return undefined;
  const r = parseQuantity(raw, kind);
  if (!r.ok) {
    flags.problem(`--${name}`, r.message.replace(/ \(got .*\)$/, ''), raw);
    return undefined;
  }
  return r.value * scale;
}

export function readUnitOptions(flags: FlagReader): UnitOptions {
  const options: Record<string, unknown> = {
    units: flags.number('units', UNIT_OPTION_LIMITS.units),
    systemsPerRack: flags.number('systems-per-rack', UNIT_OPTION_LIMITS.systemsPerRack),
    feeds: flags.choice('feeds', ['ab', 'single'] as const),
    feedVolts: quantityFlag(flags, 'feed-volts', 'voltage'),
    feedAmps: quantityFlag(flags, 'feed-amps', 'current'),
    feedSystem: flags.choice('feed-system', ['1ph', '3ph', 'dc'] as const),
    powerFactor: flags.number('pf', UNIT_OPTION_LIMITS.powerFactor),
    continuousFactor: flags.number('continuous-factor', UNIT_OPTION_LIMITS.continuousFactor),
    redundancy: flags.string('redundancy'),
    coolant: flags.choice('coolant', ['water', 'pg25'] as const),
    deltaTK: quantityFlag(flags, 'delta-t', 'temperatureDifference'),
    airDeltaTK: quantityFlag(flags, 'air-delta-t', 'temperatureDifference'),
    altitudeM: quantityFlag(flags, 'altitude-m', 'length'),
    coolantSupplyC: quantityFlag(flags, 'supply-c', 'temperature'),
    cduId: flags.string('cdu'),
    floorLimitKgM2: flags.number('floor-limit-kg-m2', UNIT_OPTION_LIMITS.floorLimitKgM2),
    basis: flags.choice('basis', ['min', 'typical', 'max'] as const),
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  flags.done();
  const parsed = UnitOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const flagName: Record<string, string> = { units: '--units', systemsPerRack: '--systems-per-rack', feedVolts: '--feed-volts', feedAmps: '--feed-amps', powerFactor: '--pf', continuousFactor: '--continuous-factor', redundancy: '--redundancy', deltaTK: '--delta-t', airDeltaTK: '--air-delta-t', altitudeM: '--altitude-m', coolantSupplyC: '--supply-c', cduId: '--cdu', floorLimitKgM2: '--floor-limit-kg-m2' };
    throw new InputError(problemsFromZod(parsed.error, options).map((p) => ({ ...p, path: flagName[p.path] ?? p.path })));
  }
  return parsed.data;
}

export const rackCommand: Command = {
  summary: 'power, cooling, cabling, space and compute budgets of one rack generation',
  usage: USAGE,
  run(argv) {
    const parsed = parseFlags(argv, FLAGS, 'rack');
    const flags = new FlagReader(parsed);
    const found = generationArgument(parsed);
    const { catalog } = found;
    const siteId = flags.string('site');
    if (siteId !== undefined && !siteIds().includes(siteId)) flags.problem('--site', `one of ${siteIds().join(', ')}`, siteId);
    const options = readUnitOptions(flags);
    if (options.cduId && !catalog.cdus.some((c) => c.id === options.cduId)) {
      throw inputError('--cdu', `one of ${catalog.cdus.map((c) => c.id).join(', ')}`, JSON.stringify(options.cduId));
    }
    const site = siteId === undefined ? undefined : loadSites().find((s) => s.id === siteId);
    const report = evaluateUnit(found.generation, unitOptionsAtSite(site, options), catalog);
    const out: UnitReport = found.aliasOf
      ? { ...report, issues: [issue('alias_resolved', 'info', ['generation'], `"${found.aliasOf}" is an alias of ${found.generation.id}`), ...report.issues] }
      : report;
    if (flags.bool('json')) return jsonResult(out);
    return { text: renderRack(out) };
  },
};

function renderRack(r: UnitReport): string {
  const n = formatNumber;
  const p = r.power;
  const c = r.cooling;
  const lines = [
    `${r.name} (${r.generation}) — ${r.racks} rack${r.racks > 1 ? 's' : ''}, ${r.accelerators} accelerators${r.systems > 1 ? ` in ${r.systems} systems` : ''}, basis ${r.basis}`,
    '',
    'Power',
    textTable(['component', 'count', 'W each', 'kW'], p.components.map((x) => [x.name, x.count, x.wattsEach, x.totalKw])),
    `  IT (DC side) ${n(p.itKw)} kW · typical ${n(p.typicalKw)} kW · input ${n(p.inputKw)} kW / ${n(p.inputKva)} kVA (η ${(p.efficiency * 100).toFixed(1)} %, PF ${p.powerFactor}) · transient peak ${n(p.peakKw)} kW`,
    `  PSUs: ${p.psus.shelves} × ${p.psus.id} (${p.psus.psuCount} PSUs of ${n(p.psus.psuRatingW)} W), ${p.psus.redundancy}, ${(p.psus.loadPerPsuFraction * 100).toFixed(0)} % load each${p.busbarA !== null ? ` · busbar ${n(p.busbarA)} A at ${p.busVoltageV} V` : ''}`,
    ...p.feeds.sides.map((s) => `  feed ${s.side}: ${s.whips} × ${s.volts} V ${s.system} ${s.breakerA} A whips (${n(s.whipUsableKva)} kVA usable each at ${p.feeds.continuousFactor * 100} %) · failover ${n(s.failoverKva)} kVA · worst phase ${n(s.worstPhaseA)} A · imbalance ${(s.phaseImbalance * 100).toFixed(1)} %`),
    '',
    'Cooling',
    `  heat ${n(c.heatKw)} kW = ${n(c.heatBtuH)} BTU/h = ${n(c.heatTons)} tons · liquid ${n(c.liquidKw)} kW · air ${n(c.airKw)} kW`,
    c.liquidKw > 0 ? `  coolant ${c.coolant} ${n(c.coolantLpm)} L/min = ${n(c.coolantGpm)} gpm at ΔT ${n(c.deltaTK)} K${c.supplyC !== null ? ` (supply ${c.supplyC} °C)` : ''}${c.facilityWaterClass ? ` · facility water ${c.facilityWaterClass}` : ''}${c.cdu ? ` · ${c.cdu.count} × ${c.cdu.name} (N+1)` : ''}` : '  no liquid load',
    `  airflow ${n(c.airflowCfm)} CFM = ${n(c.airflowM3h)} m³/h at ΔT ${n(c.airDeltaTK)} K`,
    '',
    'Cabling and space',
    `  scale-up cables ${n(r.cabling.scaleUpCables)} · scale-out ports ${r.cabling.scaleOutPorts} · front-end ${r.cabling.frontEndPorts} · storage ${r.cabling.storagePorts} · management ${r.cabling.managementPorts} · whips ${r.cabling.powerWhips} · hoses ${r.cabling.liquidHoses} · QD pairs ${r.cabling.quickDisconnectPairs}`,
    `  ${r.space.usedU} of ${r.space.availableU} U · ${n(r.space.weightKg)} kg · ${n(r.space.floorLoadingKgM2)} kg/m² over ${n(r.space.footprintM2PerRack)} m² per rack`,
    '',
    'Compute',
    `  FP8 ${r.compute.fp8DensePflops === null ? 'n/a' : n(r.compute.fp8DensePflops)} PFLOPS dense · FP4 ${r.compute.fp4DensePflops === null ? 'n/a' : n(r.compute.fp4DensePflops)} · BF16 ${r.compute.bf16DensePflops === null ? 'n/a' : n(r.compute.bf16DensePflops)} · HBM ${r.compute.hbmTb === null ? 'n/a' : n(r.compute.hbmTb)} TB`,
  ];
  if (r.totals.units > 1) {
    lines.push('', `Totals for ${r.totals.units} units: ${r.totals.racks} racks, ${n(r.totals.accelerators)} accelerators, input ${n(r.totals.inputKw)} kW, ${r.totals.cdus} CDUs, coolant ${n(r.totals.coolantLpm)} L/min, airflow ${n(r.totals.airflowCfm)} CFM`);
  }
  lines.push('', r.issues.length ? 'Issues' : 'Issues: none');
  lines.push(...issueLines(r.issues));
  lines.push('', `${r.assumptions.length} catalog values used (--json lists each with source and confidence).`);
  return lines.join('\n');
}

import { UNCAPPED, evaluateUnit } from '../../core/rack/evaluate';
import { unitOptionsAtSite } from '../../core/sites/unit-defaults';
import type { UnitOptions, UnitReport } from '../../core/rack/types';
import { issue } from '../../core/issues';
import { GENERATION_FILE_FLAG, GENERATION_FILE_USAGE, generationOrFileArgument } from '../generation-arg';
import { FlagReader, parseFlags, type FlagSpec } from '../args';
import { inputError } from '../errors';
import { formatNumber, issueLines, jsonResult, textTable, type Command } from '../output';
import { UNIT_OPTION_FLAGS, UNIT_OPTION_USAGE, readUnitOptionFlags } from '../unit-option-flags';

const FLAGS: FlagSpec = { ...UNIT_OPTION_FLAGS, ...GENERATION_FILE_FLAG, site: { type: 'string' }, utilization: { type: 'string' } };

/** The plan's utilization range (src/schema/limits.ts PLAN_SETTING_LIMITS, not imported: it loads zod at start-up). */
const UTILIZATION = { min: 0.01, max: 1, accepts: 'a fraction from 0.01 to 1 (1–100 %)' } as const;

const USAGE = `rackplan rack <generation> [flags] [--json]

${UNIT_OPTION_USAGE}
  --site ID                 data-center site: its altitude and floor rating apply unless set above
                            (the same site defaults as the Rack designer, compare and the plan)
  --utilization U           average load ÷ full for the energy figures        the plan default (catalog)
${GENERATION_FILE_USAGE}`;

export const rackCommand: Command = {
  summary: 'power, cooling, cabling, space and compute budgets of one rack generation',
  usage: USAGE,
  async run(argv) {
    const parsed = parseFlags(argv, FLAGS, 'rack');
    const flags = new FlagReader(parsed);
    const found = await generationOrFileArgument(parsed);
    const { catalog } = found;
    const siteId = flags.string('site');
    // The site presets load only for --site: a plain `rackplan rack <generation>` does not compile them.
    const sites = siteId === undefined ? undefined : await import('../../catalog/sites');
    if (sites && siteId !== undefined && !sites.siteIds().includes(siteId)) flags.problem('--site', `one of ${sites.siteIds().join(', ')}`, siteId);
    const utilization = flags.number('utilization', UTILIZATION);
    // Unit-option flags are checked by their schema and may carry units ("18 degF"): zod and mathjs load only
    // when one is given, so a plain `rackplan rack <generation>` starts without them (no options: nothing to check).
    const flagOptions: UnitOptions = await readUnitOptionFlags(parsed, flags);
    const options: UnitOptions = utilization === undefined ? flagOptions : { ...flagOptions, utilization };
    if (options.cduId && !catalog.cdus.some((c) => c.id === options.cduId)) {
      throw inputError('--cdu', `one of ${catalog.cdus.map((c) => c.id).join(', ')}`, JSON.stringify(options.cduId));
    }
    const profiles = found.generation.power.profiles ?? [];
    if (options.powerProfile !== undefined && options.powerProfile !== UNCAPPED && !profiles.some((x) => x.id === options.powerProfile)) {
      throw inputError('--power-profile', `one of ${[...profiles.map((x) => x.id), UNCAPPED].join(', ')}`, JSON.stringify(options.powerProfile));
    }
    const site = sites?.loadSites().find((s) => s.id === siteId);
    const report = evaluateUnit(found.generation, unitOptionsAtSite(site, options), catalog);
    const out: UnitReport = found.aliasOf
      ? { ...report, issues: [issue('alias_resolved', 'info', ['generation'], `"${found.aliasOf}" is an alias of ${found.generation.id}`), ...report.issues] }
      : report;
    // A user's own generation is marked as such in every output (its values carry confidence "user").
    if (flags.bool('json')) return jsonResult(found.generation.userDefined ? { userDefined: true, ...out } : out);
    const text = renderRack(out);
    return { text: found.generation.userDefined ? text.replace('\n', `\n  your own generation (from --generation-file): values marked "user" are yours, the rest come from the catalog\n`) : text };
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
    `  IT (DC side) ${n(p.itKw)} kW · typical ${p.typicalKw === null ? 'not published' : `${n(p.typicalKw)} kW`} · input ${n(p.inputKw)} kW / ${n(p.inputKva)} kVA (η ${(p.efficiency * 100).toFixed(1)} %, PF ${p.powerFactor}) · transient peak ${n(p.peakKw)} kW`,
    `  assumes: ${assumedPower(r)}`,
    `  ${acceleratorPower(r)}`,
    `  PSUs: ${p.psus.shelves} × ${p.psus.id} (${p.psus.psuCount} PSUs of ${n(p.psus.psuRatingW)} W), ${p.psus.redundancy}, ${(p.psus.loadPerPsuFraction * 100).toFixed(0)} % load each${p.busbarA !== null ? ` · busbar ${n(p.busbarA)} A at ${p.busVoltageV} V (${p.busbarRatingA === null ? 'rating not published: ampacity unchecked' : `rated ${n(p.busbarRatingA)} A`})` : ''}`,
    ...p.feeds.sides.map(
      (s) =>
        `  feed ${s.side}: ${s.whips} × ${s.volts} V ${s.system} ${s.breakerA} A whips${s.connector ? ` (${s.connector})` : ''} (${n(s.whipUsableKva)} kVA usable each at ${p.feeds.continuousFactor * 100} %) · ${p.feeds.mode === 'ab' ? `failover ${n(s.failoverKva)} kVA at ${(s.failoverLoadFraction * 100).toFixed(0)} % load, η ${(s.failoverEfficiency * 100).toFixed(1)} %` : `${n(s.normalKva)} kVA`} · worst phase ${n(s.worstPhaseA)} A · imbalance ${(s.phaseImbalance * 100).toFixed(1)} %`,
    ),
    '',
    'Cooling',
    `  heat ${n(c.heatKw)} kW = ${n(c.heatBtuH)} BTU/h = ${n(c.heatTons)} tons · liquid ${n(c.liquidKw)} kW · air ${n(c.airKw)} kW`,
    c.liquidKw > 0 ? `  coolant ${c.coolant} ${n(c.coolantLpm)} L/min = ${n(c.coolantGpm)} gpm at ΔT ${n(c.deltaTK)} K${c.supplyC !== null ? ` (supply ${c.supplyC} °C)` : ''}${c.facilityWaterClass ? ` · facility water ${c.facilityWaterClass}` : ''}` : '  no liquid load',
    ...(c.liquidKw > 0 && c.cdu ? [`  CDU: ${c.cdu.name}, ${n(c.cdu.capacityKw)} kW · ${cduShare(c.cdu, r.racks)}`] : []),
    `  airflow ${n(c.airflowCfm)} CFM = ${n(c.airflowM3h)} m³/h at ΔT ${n(c.airDeltaTK)} K`,
    '',
    'Cabling and space',
    `  scale-up cables ${n(r.cabling.scaleUpCables)} · scale-out ports ${r.cabling.scaleOutPorts} (${r.cabling.scaleOutModules} modules) · front-end ${r.cabling.frontEndPorts} · storage ${r.cabling.storagePorts} · management ${r.cabling.managementPorts} · whips ${r.cabling.powerWhips} · hoses ${r.cabling.liquidHoses} · QD pairs ${r.cabling.quickDisconnectPairs}`,
    `  ${r.space.usedU} of ${r.space.availableU} U · ${n(r.space.weightKg)} kg (${WEIGHT_SOURCE[r.space.weightSource]}${r.space.weightComplete ? '' : ', incomplete'}) · ${n(r.space.floorLoadingKgM2)} kg/m² over ${n(r.space.footprintM2PerRack)} m² per rack`,
    '',
    'Compute',
    `  FP8 ${r.compute.fp8DensePflops === null ? 'n/a' : n(r.compute.fp8DensePflops)} PFLOPS dense · FP4 ${r.compute.fp4DensePflops === null ? 'n/a' : n(r.compute.fp4DensePflops)} · BF16 ${r.compute.bf16DensePflops === null ? 'n/a' : n(r.compute.bf16DensePflops)} · HBM ${r.compute.hbmTb === null ? 'n/a' : `${n(r.compute.hbmTb)} TB (10^12 B)`}`,
    `  sparse (2:4) FP4 ${pflops(r.compute.fp4SparsePflops)} · FP8 ${pflops(r.compute.fp8SparsePflops)} · BF16 ${pflops(r.compute.bf16SparsePflops)} · FP32 ${pflops(r.compute.fp32Pflops)} · FP64 ${pflops(r.compute.fp64Pflops)} (PFLOPS)`,
    `  ${scaleUpLine(r)}`,
    ...(r.host ? [`  ${hostLine(r.host)}`] : []),
    '',
    `Energy at ${formatNumber(r.energy.utilization * 100)} % utilization (IT side, ${formatNumber(r.energy.hours)} h a year)`,
    `  ${energyLine(r)}`,
  ];
  if (r.totals.units > 1) {
    lines.push('', `Totals for ${r.totals.units} units: ${r.totals.racks} racks, ${n(r.totals.accelerators)} accelerators, input ${n(r.totals.inputKw)} kW, ${r.totals.cdus} CDUs, coolant ${n(r.totals.coolantLpm)} L/min, airflow ${n(r.totals.airflowCfm)} CFM`);
  }
  lines.push('', r.issues.length ? 'Issues' : 'Issues: none');
  lines.push(...issueLines(r.issues));
  lines.push('', `${r.assumptions.length} catalog values used (--json lists each with source and confidence).`);
  return lines.join('\n');
}

/** A published figure, or "not published" (a null is never shown as 0). */
function pflops(v: number | null): string {
  return v === null ? 'not published' : formatNumber(v);
}

/** The accelerators' own power next to IT power. */
function acceleratorPower(r: UnitReport): string {
  const a = r.power.accelerators;
  if (a.tdpKw === null || a.shareOfIt === null) return `accelerators: TDP not published · idle ${a.idleKw === null ? 'not published' : `${formatNumber(a.idleKw)} kW`}`;
  const atCap = r.power.cap.limiting && a.kw !== null ? `, ${formatNumber(a.kw)} kW at the cap` : '';
  return `accelerators ${formatNumber(a.tdpKw)} kW (${r.accelerators} × TDP)${atCap} = ${formatNumber(a.shareOfIt * 100)} % of IT · idle ${a.idleKw === null ? 'not published' : `${formatNumber(a.idleKw)} kW`}`;
}

/** Scale-up bandwidth, both directions counted (the vendors' convention). */
function scaleUpLine(r: UnitReport): string {
  const s = r.scaleUp;
  const domains = `${formatNumber(s.domains)} domain${s.domains === 1 ? '' : 's'} of ${s.domainAccelerators}`;
  if (s.perAcceleratorTBps === null || s.domainTBps === null || s.unitTBps === null || s.perRackTBps === null) return `scale-up (${s.topology}, ${domains}): bandwidth not published`;
  return `scale-up (${s.topology}) ${formatNumber(s.perAcceleratorTBps)} TB/s per accelerator (both directions) · ${formatNumber(s.domainTBps)} TB/s per domain (${domains}) · ${formatNumber(s.unitTBps)} TB/s per unit, ${formatNumber(s.perRackTBps)} TB/s per rack`;
}

function hostLine(h: NonNullable<UnitReport['host']>): string {
  const what = h.instanceType === null ? `${h.instances} instance${h.instances === 1 ? '' : 's'}` : `${h.instances} × ${h.instanceType}`;
  return `host (${what}): ${formatNumber(h.vcpu)} vCPU · ${formatNumber(h.memoryGiB)} GiB memory · network ${h.networkGbps === null ? 'not published' : `${formatNumber(h.networkGbps)} Gb/s`}`;
}

function energyLine(r: UnitReport): string {
  const e = r.energy;
  const kwh = (v: number | null) => (v === null ? 'not published' : `${formatNumber(v, 0)} kWh`);
  const alone = e.acceleratorOnlyKwhPerYear === null ? 'accelerator alone: TDP not published' : `accelerator alone ${kwh(e.acceleratorOnlyKwhPerYear)} (TDP, ${e.acceleratorIdlePublished ? `idle floor ${formatNumber(e.acceleratorIdleFraction * 100)} % of TDP` : 'idle not published: power ∝ utilization'})`;
  return `unit ${kwh(e.unitKwhPerYear)} · per accelerator ${kwh(e.perAcceleratorKwhPerYear)} (its share of the unit's IT) · ${alone}`;
}

const WEIGHT_SOURCE = { published: 'published', estimate: 'estimated', items: 'frame + items' } as const;

/** The power cap and the redundancy the figures assume, in words. */
function assumedPower(r: UnitReport): string {
  const p = r.power;
  const cap = p.cap;
  const capText =
    cap.capKw === null
      ? 'uncapped'
      : `capped at ${formatNumber(cap.capKw)} kW by ${cap.profileName ? `profile ${cap.profile} "${cap.profileName}"${cap.source === 'default-profile' ? ' (the catalog default; --json assumptions give its source)' : ''}` : 'the user'}${cap.limiting ? `, uncapped ${formatNumber(cap.uncappedItKw)} kW` : ', not limiting'}`;
  return `${capText} · ${p.psus.redundancy.toUpperCase()} ${p.psus.kind === 'psu' ? 'PSUs' : 'shelves'} · ${p.feeds.mode === 'ab' ? 'A/B feeds' : 'single feed'}`;
}

/** A shared CDU's share per rack (never a CDU count for one rack); an in-rack CDU's count per rack. */
function cduShare(cdu: NonNullable<UnitReport['cooling']['cdu']>, racks: number): string {
  if (cdu.placement === 'in-rack') return `${cdu.count / racks} per rack (in-rack, ${(cdu.sharePerRack * 100).toFixed(0)} % loaded)`;
  return `${(cdu.sharePerRack * 100).toFixed(1)} % of one per rack (${cdu.racksPerCdu} racks per CDU, N+1 per CDU group)`;
}

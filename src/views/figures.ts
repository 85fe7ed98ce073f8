/**
 * The rack designer's key figures: the report's headline numbers, formatted for the chosen unit system.
 * @module
 */
import type { UnitReport } from '../core/rack/types';
import { formatNumber, formatValue } from './format';
import type { UnitSystem } from '../state/types';

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** A second reading (US units, totals) shown smaller. */
  readonly sub?: string;
  readonly estimate?: boolean;
}

export interface FigureGroup {
  readonly label: string;
  readonly figures: readonly Figure[];
}

const pf = (v: number | null) => (v === null ? 'not supported' : `${formatNumber(v)} PFLOPS`);
/** Sparse, FP32 and FP64 rates are catalogued only where published: a null is "not published", never 0. */
const published = (v: number | null, unit: string) => (v === null ? 'not published' : `${formatNumber(v)} ${unit}`);

/** Accelerator-only power (count × TDP) next to IT power, with its share and the idle power where published. */
function acceleratorFigure(r: UnitReport, system: UnitSystem): Figure {
  const a = r.power.accelerators;
  const idle = `idle ${a.idleKw === null ? 'not published' : formatValue(a.idleKw * 1000, 'power', system)}`;
  if (a.tdpKw === null || a.shareOfIt === null) return { id: 'acc-power', label: 'Accelerators (TDP)', value: 'not published', sub: idle };
  const atCap = r.power.cap.limiting && a.kw !== null ? ` · ${formatValue(a.kw * 1000, 'power', system)} at the cap` : '';
  return { id: 'acc-power', label: 'Accelerators (TDP)', value: formatValue(a.tdpKw * 1000, 'power', system), sub: `${formatNumber(a.shareOfIt * 100, 1)} % of IT${atCap} · ${idle}`, estimate: r.assumptions.some((x) => x.path.endsWith('.accelerator.tdpW') && x.confidence === 'estimate') };
}

/** NVLink / NeuronLink bandwidth, both directions counted (NVIDIA's and AWS's convention). */
function scaleUpFigure(r: UnitReport): Figure {
  const s = r.scaleUp;
  const domains = `${formatNumber(s.domains)} × ${s.domainAccelerators}-accelerator domain${s.domains === 1 ? '' : 's'}`;
  if (s.unitTBps === null || s.perAcceleratorTBps === null || s.domainTBps === null || s.perRackTBps === null) return { id: 'scaleup-bw', label: 'Scale-up bandwidth', value: 'not published', sub: domains };
  return {
    id: 'scaleup-bw', label: 'Scale-up bandwidth', value: `${formatNumber(s.unitTBps)} TB/s`,
    sub: `${formatNumber(s.perAcceleratorTBps)} TB/s per accelerator · ${formatNumber(s.domainTBps)} TB/s per domain (${domains})${r.racks > 1 ? ` · ${formatNumber(s.perRackTBps)} TB/s per rack` : ''} · both directions`,
  };
}

function hostFigure(h: NonNullable<UnitReport['host']>): Figure {
  const what = h.instanceType === null ? `${h.instances} instance${h.instances === 1 ? '' : 's'}` : `${h.instances} × ${h.instanceType}`;
  return { id: 'host', label: 'Host vCPU / memory', value: `${formatNumber(h.vcpu, 0)} vCPU`, sub: `${formatNumber(h.memoryGiB, 0)} GiB · ${what} · network ${h.networkGbps === null ? 'not published' : `${formatNumber(h.networkGbps, 0)} Gb/s`}` };
}

/** A year's IT energy per accelerator at the plan's utilization (the unit's share, and the chip alone). */
function energyFigure(r: UnitReport): Figure {
  const e = r.energy;
  const mwh = (kwh: number) => `${formatNumber(kwh / 1000)} MWh/yr`;
  const alone = e.acceleratorOnlyKwhPerYear === null ? 'chip alone: TDP not published' : `chip alone ${mwh(e.acceleratorOnlyKwhPerYear)}${e.acceleratorIdlePublished ? '' : ' (no idle floor published)'}`;
  return { id: 'energy', label: 'Energy per accelerator', value: e.perAcceleratorKwhPerYear === null ? 'no accelerators' : mwh(e.perAcceleratorKwhPerYear), sub: `at ${formatNumber(e.utilization * 100)} % utilization, IT side · ${alone}` };
}

export function keyFigures(r: UnitReport, system: UnitSystem): FigureGroup[] {
  const p = r.power;
  const c = r.cooling;
  const est = (needle: string) => r.assumptions.some((a) => (a.confidence === 'estimate' || a.confidence === 'missing') && a.path.includes(needle));
  const powerEst = est('.maxPowerW') || est('psus.');
  const units = r.totals.units;
  const groups: FigureGroup[] = [
    {
      label: 'Power',
      figures: [
        { id: 'it', label: 'IT power (max)', value: formatValue(p.itKw * 1000, 'power', system), sub: `typical ${p.typicalKw === null ? 'not published' : formatValue(p.typicalKw * 1000, 'power', system)}`, estimate: powerEst },
        { id: 'input', label: 'Rack input', value: formatValue(p.inputKw * 1000, 'power', system), sub: `${formatValue(p.inputKva * 1000, 'apparentPower', system)} · η ${(p.efficiency * 100).toFixed(1)} %`, estimate: powerEst },
        { id: 'peak', label: 'Transient peak', value: formatValue(p.peakKw * 1000, 'power', system), sub: `${(p.peakKw / p.itKw).toFixed(2)} × max`, estimate: est('transientFactor') || powerEst },
        acceleratorFigure(r, system),
        { id: 'whips', label: 'Power whips', value: formatNumber(r.cabling.powerWhips, 0), sub: `${p.feeds.mode === 'ab' ? 'A/B' : 'single'} · ${p.feeds.sides[0]?.volts ?? ''} V ${p.feeds.sides[0]?.amps ?? ''} A` },
      ],
    },
    {
      label: 'Cooling',
      figures: [
        { id: 'heat', label: 'Heat', value: formatValue(c.heatKw * 1000, 'heatRate', system), sub: `${formatNumber(c.heatBtuH, 0)} BTU/h · ${formatNumber(c.heatTons)} tons`, estimate: powerEst },
        { id: 'liquid', label: 'Liquid / air', value: `${Math.round(c.liquidFraction * 100)} % / ${Math.round((1 - c.liquidFraction) * 100)} %`, sub: `${formatValue(c.liquidKw * 1000, 'heatRate', system)} / ${formatValue(c.airKw * 1000, 'heatRate', system)}`, estimate: est('liquidFraction') },
        { id: 'flow', label: 'Coolant flow', value: c.liquidKw > 0 ? formatValue(c.coolantLpm, 'liquidFlow', system) : 'none', sub: c.liquidKw > 0 ? `${c.coolant === 'pg25' ? 'PG25' : 'water'} · ΔT ${formatValue(c.deltaTK, 'temperatureDifference', system)}${c.supplyC !== null ? ` · supply ${formatValue(c.supplyC, 'temperature', system)}` : ''}` : undefined },
        { id: 'airflow', label: 'Airflow', value: formatValue(c.airflowM3h, 'airflow', system), sub: `ΔT ${formatValue(c.airDeltaTK, 'temperatureDifference', system)}` },
        { id: 'water', label: 'Facility water', value: c.facilityWaterClass ?? '—', sub: c.facilitySupplyMaxC !== null ? `≤ ${formatValue(c.facilitySupplyMaxC, 'temperature', system)} supply` : c.liquidKw > 0 ? 'no CDU or supply temperature' : 'air-cooled' },
        // A row CDU is shared: show this rack's share of one, never a CDU count for one rack.
        ...(c.cdu
          ? [c.cdu.placement === 'in-rack'
              ? { id: 'cdu', label: 'In-rack CDUs', value: formatNumber(c.cdu.count, 0), sub: `${c.cdu.name} · ${formatNumber(c.cdu.capacityKw)} kW` }
              : { id: 'cdu', label: 'CDU share per rack', value: `${formatNumber(c.cdu.sharePerRack * 100, 1)} %`, sub: `of one ${c.cdu.name} (${formatNumber(c.cdu.capacityKw)} kW) · ${c.cdu.racksPerCdu} racks per CDU` }]
          : []),
      ],
    },
    {
      label: 'Compute and scale-up',
      figures: [
        { id: 'acc', label: 'Accelerators', value: formatNumber(r.accelerators, 0), sub: `${r.racks} rack${r.racks === 1 ? '' : 's'}${r.systems > 1 ? ` · ${r.systems} systems` : ''}` },
        { id: 'fp8', label: 'FP8 dense', value: pf(r.compute.fp8DensePflops), sub: `FP4 ${pf(r.compute.fp4DensePflops)} · BF16 ${pf(r.compute.bf16DensePflops)}` },
        { id: 'sparse', label: 'FP8 sparse (2:4)', value: published(r.compute.fp8SparsePflops, 'PFLOPS'), sub: `FP4 ${published(r.compute.fp4SparsePflops, 'PFLOPS')} · BF16 ${published(r.compute.bf16SparsePflops, 'PFLOPS')}` },
        { id: 'fp32', label: 'FP32 / FP64', value: `${published(r.compute.fp32Pflops, 'PFLOPS')}`, sub: `FP64 ${published(r.compute.fp64Pflops, 'PFLOPS')}` },
        { id: 'hbm', label: 'HBM (10¹² B)', value: r.compute.hbmTb === null ? 'not published' : `${formatNumber(r.compute.hbmTb)} TB`, sub: r.compute.hbmTbPerS === null ? undefined : `${formatNumber(r.compute.hbmTbPerS)} TB/s` },
        scaleUpFigure(r),
        ...(r.host ? [hostFigure(r.host)] : []),
        energyFigure(r),
      ],
    },
    {
      label: 'Cabling',
      figures: [
        { id: 'scaleup', label: 'Scale-up cables', value: formatNumber(r.cabling.scaleUpCables, 0), sub: `${formatNumber(r.cabling.scaleUpLinks, 0)} links` },
        { id: 'scaleout', label: 'Scale-out ports', value: formatNumber(r.cabling.scaleOutPorts, 0), sub: `${formatNumber(r.cabling.scaleOutGbps / 1000)} Tb/s` },
        { id: 'other-ports', label: 'Front-end / storage / mgmt', value: `${r.cabling.frontEndPorts} / ${r.cabling.storagePorts} / ${r.cabling.managementPorts}` },
        { id: 'hoses', label: 'Hoses / QD pairs', value: `${r.cabling.liquidHoses} / ${r.cabling.quickDisconnectPairs}` },
      ],
    },
  ];
  if (units > 1) {
    const t = r.totals;
    groups.push({
      label: `Totals for ${formatNumber(units, 0)} units`,
      figures: [
        { id: 't-racks', label: 'Racks', value: formatNumber(t.racks, 0), sub: `${formatNumber(t.accelerators, 0)} accelerators` },
        { id: 't-it', label: 'IT power', value: t.itKw >= 1000 ? `${formatNumber(t.itKw / 1000)} MW` : formatValue(t.itKw * 1000, 'power', system), sub: `input ${t.inputKw >= 1000 ? `${formatNumber(t.inputKw / 1000)} MW` : formatValue(t.inputKw * 1000, 'power', system)}`, estimate: powerEst },
        { id: 't-flow', label: 'Coolant flow', value: formatValue(t.coolantLpm, 'liquidFlow', system), sub: `airflow ${formatValue(t.airflowM3h, 'airflow', system)}` },
        { id: 't-fp8', label: 'FP8 dense', value: t.fp8DensePflops === null ? 'not supported' : `${formatNumber(t.fp8DensePflops / 1000)} EFLOPS` },
        { id: 't-weight', label: 'Weight', value: formatValue(t.weightKg, 'mass', system), sub: `${formatNumber(t.scaleUpCables, 0)} scale-up cables` },
      ],
    });
  }
  return groups;
}

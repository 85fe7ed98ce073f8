/**
 * A capacity plan and its evaluation as export tables: the one place that decides rows, columns, units and
 * live formulas. CSV, XLSX and PDF all render these tables, so the formats agree with each other.
 * Units follow the project convention: kW at unit level, MW at site and plan level, every key ends in its unit.
 * Pure.
 * @module
 */
import type { Catalog, Generation } from '../core/catalog/types';
import type { PartsBudget, Plan, PlanReport, PlanUnit, SiteReport } from '../core/plan/types';
import type { Site } from '../core/sites/types';
import type { NetworkCatalog } from '../core/fabric/types';
import type { Assumption } from '../core/provenance';
import type { CellValue, Column, Table } from './table';
import { describeOverride } from '../core/plan/overrides';

/** Everything an export needs: the validated plan, its report and the catalog entries it was evaluated with. */
export interface PlanBundle {
  readonly plan: Plan;
  readonly report: PlanReport;
  readonly catalog: Catalog;
  /** Preset sites plus the plan's own (the plan's replace presets with the same id). */
  readonly sites: readonly Site[];
  readonly network: NetworkCatalog;
}

const WEEKS_PER_QUARTER = 13;

const col = (key: string, label: string, kind: Column['kind'], extra: Partial<Column> = {}): Column => ({ key, label, kind, ...extra });

/** Generations the plan uses (deployments and orders), in first-use order. */
export function usedGenerations(b: PlanBundle): Generation[] {
  const ids: string[] = [];
  for (const x of [...b.plan.deployments, ...(b.plan.orders ?? [])]) if (!ids.includes(x.generation)) ids.push(x.generation);
  const out: Generation[] = [];
  for (const id of ids) {
    const g = b.catalog.generations.find((x) => x.id === id || x.aliases.includes(id));
    if (g && !out.includes(g)) out.push(g);
  }
  return out;
}

/** Sites the plan uses (deployments and order plants), resolved. */
export function usedSites(b: PlanBundle): Site[] {
  const ids = new Set<string>([...b.plan.deployments.map((d) => d.site), ...(b.plan.orders ?? []).map((o) => o.plant)]);
  const byId = new Map<string, Site>();
  for (const s of b.sites) byId.set(s.id, s);
  for (const s of b.plan.sites ?? []) byId.set(s.id, s);
  return [...ids].map((id) => byId.get(id)).filter((s): s is Site => s !== undefined);
}

/** Per-unit engine reports of each generation at each site it is deployed at, as the plan evaluated them. */
export function unitReports(b: PlanBundle): readonly PlanUnit[] {
  return b.report.units;
}

function lastQuarter(s: SiteReport) {
  return s.quarters[s.quarters.length - 1];
}

export function summaryTable(b: PlanBundle): Table {
  const r = b.report;
  const t = r.totals;
  const lastRacks = r.sites.reduce((s, x) => s + (lastQuarter(x)?.racks ?? 0), 0);
  const lastIt = r.sites.reduce((s, x) => s + (lastQuarter(x)?.itMw ?? 0), 0);
  const lastFacility = r.sites.reduce((s, x) => s + (lastQuarter(x)?.facilityMw ?? 0), 0);
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.filter((i) => i.severity === 'warning').length;
  const unitErrors = r.issues.filter((i) => i.severity === 'error' && i.path[0] === 'units').length;
  const unitWarnings = r.issues.filter((i) => i.severity === 'warning' && i.path[0] === 'units').length;
  const rows: [string, CellValue, string][] = [
    ['Plan', b.plan.name, ''],
    ['Schema version', r.schemaVersion, ''],
    ['Catalog version', r.catalogVersion, ''],
    ['Horizon', `${r.plan.start} to ${r.plan.end}`, ''],
    ['Horizon (years)', r.plan.horizonYears, 'years'],
    ['Discount rate', r.plan.discountRate, 'per year'],
    ['Utilization', r.plan.utilization, 'fraction'],
    ['Design condition', r.plan.design, ''],
    ['Sites', r.sites.length, ''],
    ['Plants', r.plants.length, ''],
    ['Racks at end of horizon', lastRacks, 'racks'],
    ['IT at end of horizon', lastIt, 'MW'],
    ['Facility at end of horizon', lastFacility, 'MW'],
    ['Capex', t.capexUsd, 'USD'],
    ['  of which units', t.unitCapexUsd, 'USD'],
    ['    units, firm (firm orders, locked rows)', t.firmCapexUsd, 'USD'],
    ['    units, option (option orders, open rows)', t.optionCapexUsd, 'USD'],
    ['  of which network', t.networkCapexUsd, 'USD'],
    ['  of which facility', t.facilityCapexUsd, 'USD'],
    ['Energy cost (horizon)', t.energyCostUsd, 'USD'],
    ['Maintenance (horizon)', t.maintenanceUsd, 'USD'],
    ['TCO (nominal)', t.tcoUsd, 'USD'],
    ['NPV of TCO', t.npvTcoUsd, 'USD'],
    ['Energy (horizon)', t.horizonEnergyMwh, 'MWh'],
    ['CO2 (horizon)', t.horizonCo2Tonnes, 't'],
    ['Firm unit capex', t.firmCapexUsd, 'USD'],
    ['Option unit capex', t.optionCapexUsd, 'USD'],
    ['Issues', `${errors} errors, ${warnings} warnings`, ''],
    ['  of which from units (issues.csv, units.<site>.<generation>)', `${unitErrors} errors, ${unitWarnings} warnings`, ''],
  ];
  return {
    name: 'summary',
    title: 'Summary',
    // Numbers and text go in separate columns so numbers stay numbers in every format.
    columns: [col('item', 'Item', 'text', { width: 30 }), col('value', 'Value', 'number', { width: 20, format: '#,##0.###' }), col('text', 'Text', 'text', { width: 44 }), col('unit', 'Unit', 'text')],
    rows: rows.map(([k, v, u]) => (typeof v === 'number' ? [k, v, null, u] : [k, null, v === null ? null : String(v as string), u])),
    notes: ['Capex = units + network + facility; units = firm + option. Firm: firm orders and locked deployment rows (firm orders, already built); option: option orders and open rows.'],
  };
}

/** Supply against demand every quarter, one block per demand metric: demand held from the latest entry, surplus or shortfall. */
export function demandTable(b: PlanBundle): Table {
  return {
    name: 'demand',
    title: 'Demand',
    columns: [
      col('metric', 'Metric', 'text', { width: 24 }),
      col('quarter', 'Quarter', 'text'),
      col('entry', 'Demand entry', 'text'),
      col('required', 'Demand', 'number', { format: '#,##0' }),
      col('supplied', 'In service', 'number', { format: '#,##0' }),
      col('balance', 'Surplus (+) / shortfall (−)', 'number', { format: '#,##0' }),
    ],
    rows: b.report.demandSeries.flatMap((s) => s.quarters.map((q) => [s.unit, q.quarter, q.entry ? 'yes' : '', q.required, q.supplied, q.balance])),
    notes: ['A demand entry holds from its quarter until the next one; before the first entry nothing is required (empty).'],
  };
}

/** Per site, the last full year of the horizon (the `rackplan plan` site fields). Energy, cost and CO2 are live formulas. */
export function sitesTable(b: PlanBundle): Table {
  return {
    name: 'sites',
    title: 'Sites',
    columns: [
      col('site_id', 'Site', 'text', { width: 22 }),
      col('name', 'Name', 'text', { width: 26 }),
      col('year', 'Year', 'integer', { format: '0' }),
      col('racks', 'Racks', 'integer', { total: 'sum' }),
      col('it_mw', 'IT (MW)', 'number', { total: 'sum', format: '#,##0.000' }),
      col('facility_mw', 'Facility (MW)', 'number', { total: 'sum', format: '#,##0.000' }),
      col('utilization', 'Utilization', 'number', { format: '0.0%' }),
      col('pue', 'PUE (annual)', 'number', { format: '0.000' }),
      col('peak_pue', 'PUE (peak)', 'number', { format: '0.000' }),
      col('annual_energy_mwh', 'Energy (MWh/yr)', 'number', { total: 'sum', formula: '{it_mw}*{utilization}*{pue}*8760', format: '#,##0' }),
      col('price_usd_per_kwh', 'Tariff (USD/kWh)', 'number', { format: '0.0000' }),
      col('annual_energy_cost_usd', 'Energy cost (USD/yr)', 'number', { total: 'sum', formula: '{annual_energy_mwh}*1000*{price_usd_per_kwh}', format: '#,##0' }),
      col('co2_kg_per_mwh', 'Grid CO2 (kg/MWh)', 'number', { format: '#,##0.0' }),
      col('annual_co2_tonnes', 'CO2 (t/yr)', 'number', { total: 'sum', formula: '{annual_energy_mwh}*{co2_kg_per_mwh}/1000', format: '#,##0' }),
      col('egrid_subregion', 'eGRID subregion', 'text'),
      // What the plan's site overrides (the plan report's `overrides`): a fixed PUE shows the site model's next to it.
      col('pue_computed', 'PUE computed (annual)', 'number', { format: '0.000' }),
      col('peak_pue_computed', 'PUE computed (peak)', 'number', { format: '0.000' }),
      col('overrides', 'Overrides', 'text', { width: 48 }),
    ],
    rows: b.report.sites.map((s) => [
      s.id,
      s.name,
      s.year,
      s.racks,
      s.itMw,
      s.facilityMw,
      s.utilization,
      s.pue,
      s.peakPue,
      s.annualEnergyMwh,
      s.priceUsdPerKwh,
      s.annualEnergyCostUsd,
      s.co2KgPerMwh,
      s.annualCo2Tonnes,
      s.egridSubregion,
      s.pueDetail?.pue ?? null,
      s.peakPueDetail?.pue ?? null,
      s.overrides.map(describeOverride).join('; '),
    ]),
    notes: [
      'Last full calendar year of the horizon. Energy = IT × utilization × PUE × 8,760 h; cost = MWh × 1,000 × tariff; CO2 = MWh × grid kg/MWh ÷ 1,000. Change an input cell and the results follow.',
      'Overrides: figures the plan fixes for a site (PUE, utilization, storage and other IT beside the units); with a fixed PUE, PUE and facility MW are the fixed ones and "PUE computed" is the site model\'s.',
    ],
  };
}

/** Per site and calendar year. */
export function siteYearsTable(b: PlanBundle): Table {
  return {
    name: 'site_years',
    title: 'Site years',
    columns: [
      col('site_id', 'Site', 'text', { width: 22 }),
      col('year', 'Year', 'integer', { format: '0' }),
      col('fraction_of_year', 'Share of year in horizon', 'number', { format: '0.00' }),
      col('racks', 'Racks', 'integer'),
      col('it_mw', 'IT (MW)', 'number', { format: '#,##0.000' }),
      col('facility_mw', 'Facility (MW)', 'number', { format: '#,##0.000' }),
      col('utilization', 'Utilization', 'number', { format: '0.0%' }),
      col('pue', 'PUE (annual)', 'number', { format: '0.000' }),
      col('price_usd_per_kwh', 'Tariff (USD/kWh)', 'number', { format: '0.0000' }),
      col('annual_energy_mwh', 'Energy (MWh)', 'number', { total: 'sum', formula: '{it_mw}*{utilization}*{pue}*8760*{fraction_of_year}', format: '#,##0' }),
      col('annual_energy_cost_usd', 'Energy cost (USD)', 'number', { total: 'sum', formula: '{annual_energy_mwh}*1000*{price_usd_per_kwh}', format: '#,##0' }),
      col('annual_co2_tonnes', 'CO2 (t)', 'number', { total: 'sum', format: '#,##0' }),
      col('capacity_price_usd_per_mw_day', 'Capacity price (USD/MW-day)', 'number', { format: '#,##0.00' }),
      col('annual_capacity_cost_usd', 'Capacity cost (USD)', 'number', { total: 'sum', formula: '{capacity_price_usd_per_mw_day}*{annual_energy_mwh}/24', format: '#,##0' }),
      col('water_m3', 'Water (m³)', 'number', { total: 'sum', format: '#,##0' }),
      col('wue_l_per_kwh', 'WUE (L/kWh)', 'number', { format: '0.000' }),
    ],
    rows: b.report.sites.flatMap((s) =>
      s.years.map((y) => [s.id, y.year, y.fractionOfYear, y.racks, y.itMw, y.facilityMw, y.utilization, y.pue ?? 0, y.priceUsdPerKwh, y.annualEnergyMwh, y.annualEnergyCostUsd, y.annualCo2Tonnes, y.capacityPriceUsdPerMwDay ?? 0, y.annualCapacityCostUsd, y.waterM3, y.wueLPerKwh ?? 0]),
    ),
  };
}

/** Per site and quarter: what is in service and what is left. */
export function scheduleTable(b: PlanBundle): Table {
  return {
    name: 'schedule',
    title: 'Schedule',
    columns: [
      col('site_id', 'Site', 'text', { width: 22 }),
      col('quarter', 'Quarter', 'text'),
      col('units', 'Units', 'integer'),
      col('racks', 'Racks', 'integer'),
      col('accelerators', 'Accelerators', 'integer'),
      col('generations', 'Units by generation', 'text', { width: 40 }),
      col('it_mw', 'IT (MW)', 'number', { format: '#,##0.000' }),
      col('facility_mw', 'Facility (MW)', 'number', { format: '#,##0.000' }),
      col('meter_mw', 'Meter (MW)', 'number', { format: '#,##0.0' }),
      col('headroom_mw', 'Headroom (MW)', 'number', { formula: '{meter_mw}-{facility_mw}', format: '#,##0.000' }),
      col('pue', 'PUE (annual)', 'number', { format: '0.000' }),
      col('peak_pue', 'PUE (peak)', 'number', { format: '0.000' }),
      col('positions', 'Positions', 'integer'),
      col('positions_free', 'Positions free', 'integer'),
      col('heat_rejection_mw', 'Heat rejection (MW)', 'number', { format: '#,##0.000' }),
      col('coolant_lpm', 'Coolant (L/min)', 'number', { format: '#,##0' }),
      col('coolant_gpm', 'Coolant (gpm)', 'number', { format: '#,##0' }),
      col('cdus', 'CDUs', 'integer'),
      col('switches', 'Scale-out switches', 'integer'),
      col('transceivers', 'Transceiver modules', 'integer'),
      col('training_ramp_mw', 'Training ramp, grid swing (MW)', 'number', { format: '#,##0.000' }),
      col('transient_peak_mw', 'DC transient peak, µs (MW)', 'number', { format: '#,##0.000' }),
      col('binding_constraint', 'Binding limit', 'text'),
      col('stranded_mw', 'Stranded (MW)', 'number', { format: '#,##0.000' }),
    ],
    rows: b.report.sites.flatMap((s) =>
      s.quarters.map((q) => [
        s.id,
        q.quarter,
        q.units.reduce((a, u) => a + u.units, 0),
        q.racks,
        q.accelerators,
        q.units.filter((u) => u.units > 0).map((u) => `${u.generation} ${u.units}`).join('; '),
        q.itMw,
        q.facilityMw,
        q.meterMw,
        q.headroomMw,
        q.pue,
        q.peakPue,
        q.positions,
        q.positionsFree,
        q.heatRejectionMw,
        q.coolantLpm,
        q.coolantGpm,
        q.cdus,
        q.fabric.switches,
        q.fabric.transceivers,
        q.trainingRampMw,
        q.transientPeakMw,
        q.stranded.bindingConstraint,
        q.stranded.mw,
      ]),
    ),
  };
}

const PARTS: readonly [keyof Omit<PartsBudget, 'cableAssemblies'>, string, string][] = [
  ['powerShelves', 'power_shelves', 'Power shelves'],
  ['psus', 'psus', 'PSUs'],
  ['busbars', 'busbars', 'Busbars'],
  ['bbus', 'bbus', 'BBUs'],
  ['inRackCdus', 'in_rack_cdus', 'In-rack CDUs'],
  ['manifoldPairs', 'manifold_pairs', 'Manifold pairs'],
  ['quickDisconnectPairs', 'quick_disconnect_pairs', 'QD pairs'],
  ['switchTrays', 'switch_trays', 'Switch trays'],
  ['switches', 'switches', 'Switches'],
  ['transceivers', 'transceivers', 'Transceivers'],
];

/**
 * Per plant and quarter: weekly build against capacity and the parts it takes per week (spares included). Plants build
 * the plan's orders and every deployment row without one (the row's plant, else the nearest that builds it).
 */
export function plantsTable(b: PlanBundle): Table {
  return {
    name: 'plants',
    title: 'Plants',
    columns: [
      col('plant_id', 'Plant', 'text', { width: 22 }),
      col('quarter', 'Quarter', 'text'),
      col('capacity_racks_per_week', 'Capacity (racks/week)', 'number', { format: '#,##0' }),
      col('racks_per_week', 'Build (racks/week)', 'number', { format: '#,##0.0' }),
      col('utilization', 'Plant utilization', 'number', { formula: 'IF({capacity_racks_per_week}>0,{racks_per_week}/{capacity_racks_per_week},0)', format: '0.0%' }),
      col('generations', 'Built (units by generation, kind)', 'text', { width: 40 }),
      ...PARTS.map(([, key, label]) => col(`${key}_per_week`, `${label} (/week)`, 'number', { format: '#,##0.0' })),
      col('cable_assemblies_per_week', 'Cable assemblies (/week)', 'number', { format: '#,##0' }),
    ],
    rows: b.report.plants.flatMap((p) =>
      p.quarters.map((q) => [
        p.id,
        q.quarter,
        q.capacityRacksPerWeek,
        q.racksPerWeek,
        q.utilization ?? 0,
        q.byGeneration.map((g) => `${g.generation} ${g.units} (${g.kind})`).join('; '),
        ...PARTS.map(([k]) => q.partsPerWeek[k]),
        q.partsPerWeek.cableAssemblies.reduce((s, c) => s + c.count, 0),
      ]),
    ),
    notes: ['Parts per week include spares. Cable assemblies by type and length are in bom.csv. Every deployment row is built: by the plan’s orders, the plant the row names, or else the nearest plant that builds the generation with capacity in the build quarter (deployment quarter − lead time); builds before the horizon’s start are not listed.'],
  };
}

/** Bill of materials per site (in service at the end of the horizon) and per plant (built over the horizon). */
export function bomTable(b: PlanBundle): Table {
  const rows: CellValue[][] = [];
  for (const s of b.report.sites) {
    const q = lastQuarter(s);
    if (!q) continue;
    for (const u of q.units) if (u.units > 0) rows.push(['site', s.id, 'unit', u.generation, u.units, 'units']);
    for (const u of q.units) if (u.units > 0) rows.push(['site', s.id, 'rack', u.generation, u.racks, 'racks']);
    const f = q.fabric;
    // One line per switch model and tier: generations on different switches are never summed into one line.
    const byModel = new Map<string, { leaf: number; spine: number; core: number }>();
    for (const g of f.byGeneration) {
      const m = byModel.get(g.switchName) ?? { leaf: 0, spine: 0, core: 0 };
      byModel.set(g.switchName, { leaf: m.leaf + g.leafSwitches, spine: m.spine + g.spineSwitches, core: m.core + g.coreSwitches });
    }
    for (const [name, m] of byModel) {
      rows.push(['site', s.id, 'switch', `scale-out leaf: ${name}`, m.leaf, 'switches']);
      rows.push(['site', s.id, 'switch', `scale-out spine: ${name}`, m.spine, 'switches']);
      rows.push(['site', s.id, 'switch', `scale-out core: ${name}`, m.core, 'switches']);
    }
    rows.push(['site', s.id, 'optics', 'transceiver modules', f.transceivers, 'modules']);
    rows.push(['site', s.id, 'cooling', 'CDUs', q.cdus, 'CDUs']);
  }
  for (const p of b.report.plants) {
    const totals = new Map<string, number>();
    const cables = new Map<string, number>();
    for (const q of p.quarters) {
      for (const [k, , label] of PARTS) totals.set(label, (totals.get(label) ?? 0) + q.partsPerWeek[k] * WEEKS_PER_QUARTER);
      for (const c of q.partsPerWeek.cableAssemblies) cables.set(`${c.type} | ${c.length}`, (cables.get(`${c.type} | ${c.length}`) ?? 0) + c.count * WEEKS_PER_QUARTER);
      for (const g of q.byGeneration) totals.set(`unit ${g.generation}`, (totals.get(`unit ${g.generation}`) ?? 0) + g.units);
    }
    for (const [item, qty] of totals) if (qty > 0) rows.push(['plant', p.id, item.startsWith('unit ') ? 'unit' : 'part', item.replace(/^unit /, ''), Math.round(qty * 100) / 100, item.startsWith('unit ') ? 'units' : 'pieces']);
    for (const [item, qty] of cables) if (qty > 0) rows.push(['plant', p.id, 'cable assembly', item, Math.round(qty), 'assemblies']);
  }
  return {
    name: 'bom',
    title: 'Bill of materials',
    columns: [col('scope', 'Scope', 'text'), col('id', 'Site or plant', 'text', { width: 22 }), col('category', 'Category', 'text'), col('item', 'Item', 'text', { width: 40 }), col('quantity', 'Quantity', 'number', { format: '#,##0.##' }), col('unit', 'Unit', 'text')],
    rows,
    notes: ['Sites: in service at the end of the horizon. Plants: built over the horizon (parts include spares).'],
  };
}

/** Per-unit budgets of each generation used (kW at unit level). */
export function unitsTable(b: PlanBundle, units: readonly PlanUnit[] = unitReports(b)): Table {
  return {
    name: 'racks',
    title: 'Units',
    columns: [
      col('generation', 'Generation', 'text', { width: 22 }),
      col('site_id', 'Site', 'text', { width: 22 }),
      col('name', 'Name', 'text', { width: 26 }),
      col('racks_per_unit', 'Racks per unit', 'integer'),
      col('accelerators', 'Accelerators', 'integer'),
      col('it_kw', 'IT (kW)', 'number'),
      col('typical_kw', 'Typical (kW)', 'number'),
      col('input_kw', 'Input (kW)', 'number'),
      col('input_kva', 'Input (kVA)', 'number'),
      col('peak_kw', 'Transient peak (kW)', 'number'),
      col('liquid_kw', 'Liquid (kW)', 'number'),
      col('air_kw', 'Air (kW)', 'number'),
      col('coolant_lpm', 'Coolant (L/min)', 'number'),
      col('coolant_gpm', 'Coolant (gpm)', 'number'),
      col('airflow_cfm', 'Airflow (CFM)', 'number', { format: '#,##0' }),
      col('airflow_m3h', 'Airflow (m3/h)', 'number', { format: '#,##0' }),
      col('facility_water_class', 'Facility water class', 'text'),
      col('scale_up_cables', 'Scale-up cables', 'integer'),
      col('weight_kg', 'Weight (kg)', 'number', { format: '#,##0' }),
      col('fp8_dense_pflops', 'FP8 dense (PFLOPS)', 'number'),
      col('hbm_tb', 'HBM (TB = 10^12 B)', 'number'),
      col('issues', 'Issues', 'text', { width: 40 }),
    ],
    rows: units.map(({ site, report: r }) => [
      r.generation,
      site,
      // A user's own generation is marked in the name (CSV racks.csv, the XLSX Units sheet).
      b.catalog.generations.some((g) => g.id === r.generation && g.userDefined) ? `${r.name} (user-defined)` : r.name,
      r.racks,
      r.accelerators,
      r.power.itKw,
      r.power.typicalKw,
      r.power.inputKw,
      r.power.inputKva,
      r.power.peakKw,
      r.cooling.liquidKw,
      r.cooling.airKw,
      r.cooling.coolantLpm,
      r.cooling.coolantGpm,
      r.cooling.airflowCfm,
      r.cooling.airflowM3h,
      r.cooling.facilityWaterClass,
      r.cabling.scaleUpCables,
      r.space.weightKg,
      r.compute.fp8DensePflops,
      r.compute.hbmTb,
      r.issues.filter((i) => i.severity !== 'info').map((i) => i.code).join('; '),
    ]),
    notes: ['Per deployable unit at each site it is deployed at: the plan’s unit options and sizing basis over the site’s defaults (altitude, floor rating).'],
  };
}

/** Scale-out fabric per site at the end of the horizon. */
export function networkTable(b: PlanBundle): Table {
  return {
    name: 'network',
    title: 'Network',
    columns: [
      col('site_id', 'Site', 'text', { width: 22 }),
      col('quarter', 'Quarter', 'text'),
      col('endpoint_ports', 'Endpoint ports', 'integer', { total: 'sum' }),
      col('clusters', 'Fabrics', 'integer', { total: 'sum' }),
      col('tiers', 'Tiers (max)', 'integer'),
      col('leaf_switches', 'Leaf switches', 'integer', { total: 'sum' }),
      col('spine_switches', 'Spine switches', 'integer', { total: 'sum' }),
      col('core_switches', 'Core switches', 'integer', { total: 'sum' }),
      col('switches', 'Switches', 'integer', { total: 'sum', formula: '{leaf_switches}+{spine_switches}+{core_switches}' }),
      col('transceiver_modules', 'Transceiver modules', 'integer', { total: 'sum' }),
      col('switch_kw', 'Switch power (kW)', 'number', { total: 'sum' }),
      col('switch_models', 'Switch per generation', 'text', { width: 48 }),
    ],
    rows: b.report.sites.map((s) => {
      const q = lastQuarter(s);
      const f = q?.fabric;
      const models = (f?.byGeneration ?? []).map((g) => `${g.generation}: ${g.switchName}${g.switchReason === 'catalog-default' ? ' (catalog default)' : ''}`).join('; ');
      return [s.id, q?.quarter ?? '', f?.endpointPorts ?? 0, f?.clusters ?? 0, f?.tiers ?? 0, f?.leafSwitches ?? 0, f?.spineSwitches ?? 0, f?.coreSwitches ?? 0, f?.switches ?? 0, f?.transceivers ?? 0, f?.switchKw ?? 0, models];
    }),
    notes: ['One rail-optimized fat tree per generation cluster at a site (more when three tiers cannot reach every node), on the switch named per generation; the port-to-port list is cables.csv.'],
  };
}

function sourceText(a: Assumption): string {
  return a.sources.map((s) => `${s.title} <${s.url}>`).join('; ');
}

/** Every catalog or default value the evaluation used, with source and confidence. */
export function assumptionsTable(b: PlanBundle, units: readonly PlanUnit[] = unitReports(b)): Table {
  const seen = new Set<string>();
  const all: Assumption[] = [];
  for (const a of [...b.report.assumptions, ...units.flatMap((u) => u.report.assumptions)]) {
    if (seen.has(a.path)) continue;
    seen.add(a.path);
    all.push(a);
  }
  return {
    name: 'assumptions',
    title: 'Assumptions & sources',
    columns: [
      col('path', 'Value', 'text', { width: 50 }),
      col('value', 'Number', 'number', { width: 14, format: 'General' }),
      col('value_text', 'Text value', 'text', { width: 14 }),
      col('unit', 'Unit', 'text'),
      col('basis', 'Basis', 'text'),
      col('confidence', 'Confidence', 'text'),
      col('sources', 'Sources', 'text', { width: 80 }),
      col('note', 'Note', 'text', { width: 60 }),
    ],
    rows: all.map((a) => [a.path, typeof a.value === 'number' ? a.value : null, typeof a.value === 'string' ? a.value : null, a.unit, a.basis ?? '', a.confidence, sourceText(a), a.note ?? '']),
  };
}

/** Issues the evaluation raised. */
export function issuesTable(b: PlanBundle): Table {
  return {
    name: 'issues',
    title: 'Issues',
    columns: [col('severity', 'Severity', 'text'), col('code', 'Code', 'text', { width: 28 }), col('path', 'Where', 'text', { width: 28 }), col('message', 'Message', 'text', { width: 90 }), col('limit', 'Limit', 'number'), col('actual', 'Actual', 'number'), col('unit', 'Unit', 'text')],
    rows: b.report.issues.map((i) => [i.severity, i.code, i.path.join('.'), i.message, i.limit ?? null, i.actual ?? null, i.unit ?? '']),
  };
}

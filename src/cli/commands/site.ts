/**
 * `rackplan site [<id>] [--generation g] [--units N | --it-mw X] [--utilization U] [--design 0.4%|20-year] [--json]`:
 * list the sites, or show one: plant and data-center roles, limits by date, climate and design conditions, tariff,
 * grid carbon, and the annual and peak PUE with every term for a load of one generation.
 * @module
 */
import { generationIds, loadCatalog } from '../../catalog/presets';
import { loadSites, siteIds } from '../../catalog/sites';
import { describeLoad, evaluateSite, siteSettings } from '../../core/plan/evaluate-site';
import { pick, pickSourced } from '../../core/provenance';
import { climateBins, designCondition } from '../../core/sites/climate';
import type { PueReport } from '../../core/sites/pue';
import type { Site, Step } from '../../core/sites/types';
import { PLAN_SETTING_LIMITS } from '../../schema/limits';
import { FlagReader, parseFlags } from '../args';
import { overrideLines, readSiteOverrideFlags, SITE_OVERRIDE_FLAGS, SITE_OVERRIDE_USAGE } from '../site-overrides';
import type { SiteOverrides } from '../../core/plan/types';
import { formatNumber, formatPue, jsonResult, textTable, type Command } from '../output';

const USAGE = `rackplan site [<id>] [--generation g] [--units N | --it-mw X] [--utilization U] [--design 0.4%|20-year]
             [--pue P] [--peak-pue P] [--storage-kw K] [--other-it-kw K] [--json]

  Without an id: the sites and their roles. With an id: plant capacity by date, data-center limits by date,
  climate (station, monthly normals, derived bins, design conditions), tariff (base year, escalation, capacity
  charge), grid carbon, power chain, the annual and peak PUE with every term (cooling split into fans and pumps
  and the trim chiller, heat into economizer and chiller shares), water use (WUE, m³/yr), and the training ramp
  the grid sees apart from the DC transient, for a load of one generation. Without --units or --it-mw the load is the
  site's reference load: gb300-nvl72 (or --generation) filling the site's final build-out until its meter (at peak
  PUE), positions, heat rejection or switch ports bind. --utilization defaults to the catalog's plan default.

  ${SITE_OVERRIDE_USAGE}
  The site model's own PUE is still computed and shown next to a fixed one; JSON "overrides" lists each.`;

const steps = (s: readonly Step[]) => s.map((x) => ({ from: x.from, value: pickSourced(x.value, 'typical'), unit: x.value.unit, confidence: x.value.confidence }));

export const siteCommand: Command = {
  summary: 'sites: plant and data-center roles, climate, tariff, carbon, PUE with every term',
  usage: USAGE,
  run(argv) {
    const parsed = parseFlags(argv, { generation: { type: 'string' }, units: { type: 'string' }, 'it-mw': { type: 'string' }, utilization: { type: 'string' }, design: { type: 'string' }, ...SITE_OVERRIDE_FLAGS }, 'site');
    const flags = new FlagReader(parsed);
    const id = parsed.positionals[0];
    if (id !== undefined && !siteIds().includes(id)) flags.problem('site', `one of ${siteIds().join(', ')}`, id);
    const gen = flags.string('generation');
    if (gen !== undefined && !generationIds().includes(gen)) flags.problem('--generation', `one of ${generationIds().join(', ')}`, gen);
    const units = flags.number('units', { min: 1, max: 1_000_000, integer: true });
    const itMw = flags.number('it-mw', { min: 0, exclusiveMin: true, max: 10_000, accepted: 'a number of MW > 0' });
    if (flags.has('units') && flags.has('it-mw')) flags.problem('--it-mw', 'either --units or --it-mw, not both');
    const utilization = flags.number('utilization', PLAN_SETTING_LIMITS.utilization);
    const design = flags.choice('design', ['0.4%', '20-year'] as const);
    const overrides = readSiteOverrideFlags(flags);
    const given = Object.keys(SITE_OVERRIDE_FLAGS).filter((f) => flags.has(f));
    if (!id && given.length) flags.problem(`--${given[0]}`, 'only with a site id');
    flags.done();
    const sites = loadSites();
    if (!id) {
      const rows = sites.map((s) => ({
        id: s.id,
        name: s.name,
        state: s.state,
        roles: [...(s.roles.plant ? ['plant'] : []), ...(s.roles.dataCenter ? ['dataCenter'] : [])],
        plantRacksPerWeek: s.roles.plant ? steps(s.roles.plant.racksPerWeek) : [],
        meterMw: s.roles.dataCenter ? steps(s.roles.dataCenter.meterMw) : [],
        priceUsdPerKwh: s.roles.dataCenter ? pickSourced(s.roles.dataCenter.tariff.priceUsdPerKwh, 'typical') : null,
        co2KgPerMwh: s.roles.dataCenter ? pickSourced(s.roles.dataCenter.grid.co2KgPerMwh, 'typical') : null,
        gridOperator: s.roles.dataCenter?.grid.operator ?? null,
      }));
      if (flags.bool('json')) return jsonResult({ sites: rows });
      return {
        text: textTable(
          ['id', 'roles', 'plant racks/wk (last)', 'meter MW (last)', '$/kWh', 'kg CO2/MWh', 'grid'],
          rows.map((r) => [r.id, r.roles.join('+'), r.plantRacksPerWeek.at(-1)?.value ?? '—', r.meterMw.at(-1)?.value ?? '—', r.priceUsdPerKwh ?? '—', r.co2KgPerMwh ?? '—', r.gridOperator ?? '—']),
        ),
      };
    }
    const site = sites.find((s) => s.id === id)!;
    const json = describeSite(site, { generation: gen, units, itMw, utilization, design, overrides });
    if (flags.bool('json')) return jsonResult(json);
    return { text: renderSite(site, json) };
  },
};

interface LoadOptions {
  readonly generation?: string;
  readonly units?: number;
  readonly itMw?: number;
  /** Unset: the catalog's plan default. */
  readonly utilization: number | undefined;
  /** Unset: the plan default (0.4 %). */
  readonly design: '0.4%' | '20-year' | undefined;
  /** Figures the engineer fixes for the site (as a plan's site would). */
  readonly overrides: SiteOverrides;
}

function describeSite(site: Site, o: LoadOptions) {
  const dc = site.roles.dataCenter;
  const base = {
    id: site.id,
    name: site.name,
    state: site.state,
    summary: site.summary,
    facts: site.facts,
    plant: site.roles.plant ? { racksPerWeek: steps(site.roles.plant.racksPerWeek), generations: site.roles.plant.generations, leadTimeWeeks: pickSourced(site.roles.plant.leadTimeWeeks, 'typical') } : null,
  };
  if (!dc) return { ...base, dataCenter: null, load: null, headroom: null, water: null, pue: null, peakPue: null, overrides: [], modelPue: null, modelPeakPue: null };
  const catalog = loadCatalog();
  const settings = siteSettings(catalog, { utilization: o.utilization, design: o.design });
  const evaluated = evaluateSite({ ...site, ...o.overrides }, catalog, settings, { generation: o.generation, units: o.units, itMw: o.itMw });
  // The site has a data-center role and the generation was checked against the catalog's ids above.
  if (!evaluated.ok) throw new Error(evaluated.error.map((i) => i.message).join('; '));
  const { load: stated, detail: load } = evaluated.value;
  const bins = climateBins(dc.climate);
  const cond = designCondition(dc.climate, settings.design, dc.cooling.rejection);
  return {
    ...base,
    dataCenter: {
      meterMw: steps(dc.meterMw),
      rackPositions: steps(dc.rackPositions),
      heatRejectionMw: steps(dc.heatRejectionMw),
      switchPorts: steps(dc.switchPorts),
      floorLimitKgM2: pick(dc.floorLimitKgM2, 'typical'),
      altitudeM: pickSourced(dc.altitudeM, 'typical'),
      tariff: {
        priceUsdPerKwh: pickSourced(dc.tariff.priceUsdPerKwh, 'typical'),
        baseYear: dc.tariff.baseYear,
        escalationPerYear: pickSourced(dc.tariff.escalationPerYear, 'typical'),
        utility: dc.tariff.utility,
        capacity: dc.tariff.capacity
          ? { market: dc.tariff.capacity.market, zone: dc.tariff.capacity.zone, prices: dc.tariff.capacity.prices.map((p) => ({ deliveryYear: `${p.deliveryYear}/${p.deliveryYear + 1}`, priceUsdPerMwDay: pickSourced(p.priceUsdPerMwDay, 'typical'), confidence: p.priceUsdPerMwDay.confidence })) }
          : null,
      },
      grid: { operator: dc.grid.operator, egridSubregion: dc.grid.egridSubregion, co2KgPerMwh: pickSourced(dc.grid.co2KgPerMwh, 'typical') },
      climate: {
        station: dc.climate.station.name,
        icao: dc.climate.station.icao,
        binsMethod: bins.description,
        designCondition: cond,
        design: {
          cooling04DryBulbC: pickSourced(dc.climate.design.cooling04.dryBulbC, 'typical'),
          cooling04WetBulbC: pickSourced(dc.climate.design.cooling04.wetBulbC, 'typical'),
          evaporation04WetBulbC: pickSourced(dc.climate.design.evaporation04.wetBulbC, 'typical'),
          extreme20DryBulbC: pickSourced(dc.climate.design.extreme20.dryBulbC, 'typical'),
          extreme20WetBulbC: pickSourced(dc.climate.design.extreme20.wetBulbC, 'typical'),
        },
      },
      cooling: {
        rejection: dc.cooling.rejection,
        rejectionApproachK: pickSourced(dc.cooling.rejectionApproachK, 'typical'),
        airSupplyC: pickSourced(dc.cooling.airSupplyC, 'typical'),
        liquidRangeK: pickSourced(dc.cooling.liquidRangeK, 'typical'),
        airRangeK: pickSourced(dc.cooling.airRangeK, 'typical'),
        cyclesOfConcentration: pickSourced(dc.cooling.water.cyclesOfConcentration, 'typical'),
      },
    },
    load: {
      ...stated,
      text: describeLoad(stated),
      utilization: settings.utilization,
      switches: load.fabric.switches,
      fabricSwitches: load.fabric.byGeneration.map((r) => ({ generation: r.generation, switchId: r.switchId, switchName: r.switchName, reason: r.switchReason, switches: r.switches })),
      // The grid sees the seconds-scale idle → full step; the µs DC transient stays inside the racks' power smoothing.
      trainingRampMw: load.rampKw / 1000,
      transientPeakMw: load.transientPeakKw / 1000,
      idleFraction: settings.idleFraction,
    },
    water: { rejection: dc.cooling.rejection, wueLPerKwh: load.annual.wueLPerKwh, waterM3: load.annual.waterM3PerYear ?? 0 },
    headroom: { quarter: stated.finalQuarter, mw: evaluated.value.headroomMw, positions: evaluated.value.positionsFree },
    // As the site uses them (a fixed PUE in place), and the site model's own where one was fixed (null otherwise).
    pue: load.annual,
    peakPue: load.peak,
    overrides: evaluated.value.overrides,
    modelPue: load.computed.annual,
    modelPeakPue: load.computed.peak,
  };
}

function renderSite(site: Site, d: ReturnType<typeof describeSite>): string {
  const n = formatNumber;
  const lines = [`${site.name} (${site.id})`, `  ${site.summary}`];
  for (const f of site.facts) lines.push(`  · ${f.text} [${f.confidence}]`);
  if (d.plant) lines.push('', `Plant: ${d.plant.racksPerWeek.map((s) => `${s.value} racks/week from ${s.from} (${s.confidence})`).join(', ')}; lead time ${d.plant.leadTimeWeeks} weeks; builds ${d.plant.generations.join(', ')}`);
  if (d.dataCenter && d.pue && d.peakPue && d.load && d.water) {
    const dc = d.dataCenter;
    lines.push(
      '',
      `Data center: meter ${dc.meterMw.map((s) => `${s.value} MW from ${s.from}`).join(', ')} (${dc.meterMw[0]?.confidence}); positions ${dc.rackPositions.map((s) => `${s.value} from ${s.from}`).join(', ')}; floor ${dc.floorLimitKgM2 ?? 'n/a'} kg/m²; altitude ${dc.altitudeM} m`,
      `  tariff $${dc.tariff.priceUsdPerKwh}/kWh in base year ${dc.tariff.baseYear}, escalated +${dc.tariff.escalationPerYear * 100} %/yr from it (${dc.tariff.utility}) · grid ${dc.grid.operator} / eGRID ${dc.grid.egridSubregion} ${dc.grid.co2KgPerMwh} kg CO2/MWh`,
      dc.tariff.capacity
        ? `  capacity charge (own term): ${dc.tariff.capacity.market}, ${dc.tariff.capacity.zone}: ${dc.tariff.capacity.prices.map((p) => `$${p.priceUsdPerMwDay}/MW-day ${p.deliveryYear}`).join(', ')} (later years hold the last)`
        : '  capacity charge: none apart from the tariff',
      `  climate: ${dc.climate.station} (${dc.climate.icao}); design ${dc.climate.designCondition.row}: ${dc.climate.designCondition.dryBulbC} °C DB / ${dc.climate.designCondition.wetBulbC} °C WB; cooling ${dc.cooling.rejection}, approach ${dc.cooling.rejectionApproachK} K, loop range ${dc.cooling.liquidRangeK} K liquid / ${dc.cooling.airRangeK} K air (series economizer, trim chiller)`,
      `  bins: ${dc.climate.binsMethod}`,
      '',
      ...overrideLines(d.overrides, ''),
      `PUE at the ${d.load.text}; ${d.load.switches} fabric switches${d.load.fabricSwitches.length ? ` (${d.load.fabricSwitches.map((f) => f.switchName).join(', ')})` : ''}, utilization ${d.load.utilization}`,
      `  headroom at the final build-out (${d.load.finalQuarter}): ${n(d.headroom.mw)} MW at the meter, ${n(d.headroom.positions)} positions`,
      `  training ramp (grid swing, idle ${d.load.idleFraction} → full AC input, seconds): ${n(d.load.trainingRampMw)} MW · DC transient peak (µs, absorbed by rack power smoothing; PSU/BBU checks): ${n(d.load.transientPeakMw)} MW`,
      `  water (${d.water.rejection}): WUE ${d.water.wueLPerKwh === null ? '—' : d.water.wueLPerKwh.toFixed(3)} L/kWh · ${n(d.water.waterM3)} m³/yr at utilization ${d.load.utilization}`,
      pueLines('annual', d.pue, d.modelPue),
      pueLines('peak', d.peakPue, d.modelPeakPue),
    );
  }
  return lines.join('\n');
}

const share = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** A PUE with every term; with a fixed PUE (`model` given), the fixed one first and the site model's terms after it. */
function pueLines(label: string, used: PueReport, model: PueReport | null): string {
  const n = formatNumber;
  const p = model ?? used;
  const t = p.terms;
  const out = [
    ...(model ? [`  ${label}: PUE ${formatPue(used.pue)} (override) → facility ${n(used.facilityMw)} MW for ${n(used.itMw)} MW IT; the site model's:`] : []),
    `  ${model ? '  computed' : `${label}:`} PUE ${formatPue(p.pue)} = 1 + chain losses ${formatPue(t?.chainLoss)} + cooling ${formatPue(t?.cooling)} (fans and pumps ${formatPue(p.coolingTerms?.fansAndPumps)} + chiller ${formatPue(p.coolingTerms?.chiller)}) + fixed overhead ${formatPue(t?.fixedOverhead)} → facility ${n(p.facilityMw)} MW for ${n(p.itMw)} MW IT`,
    `    heat: economizer ${share(p.economizerHeatShare)}, chiller ${share(p.chillerHeatShare)}`,
    ...p.stages.map((s) => `    ${s.name}: ${s.modulesInstalled} × ${s.moduleRatingMw} MW (${s.redundancy}, ${s.modulesNeeded} needed), loading ${(s.loadingFraction * 100).toFixed(1)} %, η ${(s.efficiency * 100).toFixed(2)} %, loss ${n(s.lossMw)} MW`),
    ...p.streams.map(
      (s) =>
        `    ${s.stream} heat ${n(s.heatMw)} MW at ${s.supplyC} °C supply (range ${s.rangeK} K): ${s.kwPerKw.toFixed(4)} kW/kW, chiller-free ${n(s.chillerFreeHours)} h, chiller share ${share(s.chillerHeatShare)}${s.meanCop !== null ? `, mean COP ${s.meanCop.toFixed(2)}` : ''} → ${n(s.coolingMw)} MW; water ${s.waterLPerKwh.toFixed(3)} L/kWh of heat`,
    ),
  ];
  return out.join('\n');
}

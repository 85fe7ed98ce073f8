/**
 * Schemas for sites (presets/sites/*.json, and users' own sites inside plan files).
 * Every number sits in a sourced value, a sourced series or an attributed table (same provenance shape as
 * the generation presets).
 * @module
 */
import * as z from 'zod';
import { Id } from './catalog';
import { Attribution, maybeSourcedIn, sourcedIn } from './provenance';
import type * as core from '../core/sites/types';

export const QuarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter, YYYY-Qn (e.g. 2027-Q3)') as unknown as z.ZodType<core.QuarterId>;

const AttributedFields = {
  ...Attribution,
  derivation: z.strictObject({ formula: z.string().min(3), from: z.array(z.string().min(1)).min(1) }).optional(),
};

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

function steps(unit: string, what: string) {
  return z
    .array(z.strictObject({ from: QuarterId, value: sourcedIn(unit) }))
    .refine((s) => new Set(s.map((x) => x.from)).size === s.length, `${what}: one step per quarter`);
}

const Monthly = (unit: string) =>
  z.strictObject({ unit: z.literal(unit), values: z.array(finite).length(12, 'twelve monthly values, January first'), ...AttributedFields });

const DesignPoint = z.strictObject({ dryBulbC: sourcedIn('degC'), wetBulbC: sourcedIn('degC') }).refine((p) => value(p.wetBulbC) <= value(p.dryBulbC) + 1e-9, {
  message: 'wet bulb must not exceed dry bulb',
  path: ['wetBulbC'],
});

function value(q: { value?: number; typical?: number }): number {
  return q.value ?? q.typical ?? 0;
}

export const ClimateSchema = z.strictObject({
  station: z.strictObject({
    name: z.string().min(3),
    icao: z.string().regex(/^[A-Z]{4}$/, 'a four-letter ICAO code'),
    wmo: z.string().regex(/^\d{5,6}$/, 'a WMO station number').nullable(),
    distanceKm: sourcedIn('km'),
    elevationM: maybeSourcedIn('m'),
  }),
  monthly: z
    .strictObject({ dryBulbMaxC: Monthly('degC'), dryBulbMinC: Monthly('degC'), dryBulbMeanC: Monthly('degC'), dewPointC: Monthly('degC') })
    .superRefine((m, ctx) => {
      for (let i = 0; i < 12; i++) {
        const max = m.dryBulbMaxC.values[i]!;
        const min = m.dryBulbMinC.values[i]!;
        const mean = m.dryBulbMeanC.values[i]!;
        if (!(min <= mean && mean <= max)) ctx.addIssue({ code: 'custom', message: 'monthly mean must lie between the mean daily minimum and maximum', path: ['dryBulbMeanC', 'values', i] });
        if (m.dewPointC.values[i]! > max) ctx.addIssue({ code: 'custom', message: 'dew point must not exceed the mean daily maximum', path: ['dewPointC', 'values', i] });
      }
    }),
  design: z.strictObject({ cooling04: DesignPoint, evaporation04: DesignPoint, extreme20: DesignPoint }),
  bins: z
    .strictObject({
      rows: z
        .array(z.strictObject({ dryBulbC: finite, wetBulbC: finite, hours: z.number().min(0) }))
        .min(1)
        .refine((r) => Math.abs(r.reduce((s, x) => s + x.hours, 0) - 8760) <= 24, 'bins must add up to a year (8,760 h ± 24 h)'),
      ...AttributedFields,
    })
    .nullable(),
});

const efficiencyPoints = z
  .array(z.strictObject({ loadFraction: z.number().gt(0).max(1.5), efficiency: z.number().gt(0.5).max(1) }))
  .min(1)
  .refine((p) => p.every((x, i) => i === 0 || x.loadFraction > p[i - 1]!.loadFraction), 'load fractions strictly increasing');

export const ChainStageSchema = z
  .strictObject({
    id: Id,
    name: z.string().min(3),
    kind: z.enum(['mv-switchgear', 'transformer', 'ups', 'bbu', 'busway', 'rpp', 'other']),
    redundancy: z.enum(['n', 'n+1', 'n+2', '2n', 'dr']),
    drGroup: z.int().min(3).max(8).optional(),
    moduleRatingMw: sourcedIn('MW').refine((q) => value(q) > 0, 'module rating must be > 0 MW'),
    efficiency: z.strictObject({ points: efficiencyPoints, ...AttributedFields }),
    carriesMechanical: z.boolean(),
    indoor: z.boolean(),
  })
  .refine((s) => (s.redundancy === 'dr') === (s.drGroup !== undefined), { message: 'drGroup is required exactly for distributed-redundant (dr) stages', path: ['drGroup'] });

const positive = (unit: string) => sourcedIn(unit).refine((q) => value(q) > 0, `must be > 0 ${unit}`);
const nonNegative = (unit: string) => sourcedIn(unit).refine((q) => value(q) >= 0, `must be ≥ 0 ${unit}`);

const fraction = (what: string) => sourcedIn('fraction').refine((q) => value(q) >= 0 && value(q) <= 1, `${what}: a fraction in [0, 1]`);

/** Sourced defaults for fields older site files leave out: stated estimates, flagged as defaults in their note. */
function defaultEstimate(typical: number, min: number, max: number, unit: string, note: string) {
  return { min, typical, max, unit, confidence: 'estimate' as const, sources: [], note: `Default (the site file leaves it out): ${note}` };
}

export const WaterUseSchema = z.strictObject({
  adiabaticSaturationEfficiency: fraction('adiabaticSaturationEfficiency'),
  adiabaticAirRiseK: positive('K'),
  towerEvaporativeShare: fraction('towerEvaporativeShare'),
  cyclesOfConcentration: sourcedIn('ratio').refine((q) => value(q) > 1, 'cycles of concentration must be > 1 (make-up ÷ (blowdown + drift))'),
  driftFraction: fraction('driftFraction'),
});

const DEFAULT_WATER_USE = {
  adiabaticSaturationEfficiency: defaultEstimate(0.8, 0.7, 0.9, 'fraction', 'wetted-pad saturation efficiency.'),
  adiabaticAirRiseK: defaultEstimate(10, 6, 15, 'K', 'air temperature rise across a dry-cooler coil.'),
  towerEvaporativeShare: defaultEstimate(0.85, 0.65, 1, 'fraction', 'share of the heat a tower rejects by evaporation.'),
  cyclesOfConcentration: defaultEstimate(4, 3, 6, 'ratio', 'cycles of concentration of a treated open tower.'),
  driftFraction: defaultEstimate(0.0001, 0.00001, 0.002, 'fraction', 'drift with drift eliminators, of the circulating water.'),
};

export const CoolingPlantSchema = z.strictObject({
  rejection: z.enum(['dry-cooler', 'adiabatic-dry-cooler', 'cooling-tower']),
  liquidRangeK: positive('K').default(defaultEstimate(10, 7, 13, 'K', 'facility-water range (return − supply) of a warm-water loop.')),
  airRangeK: positive('K').default(defaultEstimate(6, 5, 8, 'K', 'chilled-water range of the air handlers.')),
  water: WaterUseSchema.default(DEFAULT_WATER_USE),
  rejectionApproachK: nonNegative('K'),
  airSupplyC: sourcedIn('degC'),
  liquidAuxKwPerKw: nonNegative('kW/kW'),
  airAuxKwPerKw: nonNegative('kW/kW'),
  rejectionAuxKwPerKw: nonNegative('kW/kW'),
  chiller: z.strictObject({
    carnotFraction: sourcedIn('ratio').refine((q) => value(q) > 0 && value(q) <= 1, 'a fraction of the Carnot COP in (0, 1]'),
    evaporatorOffsetK: nonNegative('K'),
    condenserOffsetK: nonNegative('K'),
    copMax: positive('ratio'),
  }),
  cduApproachK: nonNegative('K'),
});

export const PlantRoleSchema = z.strictObject({
  racksPerWeek: steps('racks/week', 'racksPerWeek').refine((s) => s.length > 0, 'at least one capacity step'),
  generations: z.array(z.union([Id, z.literal('*')])).min(1),
  leadTimeWeeks: nonNegative('weeks'),
  note: z.string().optional(),
});

export const DataCenterRoleSchema = z.strictObject({
  meterMw: steps('MW', 'meterMw').refine((s) => s.length > 0, 'at least one meter-power step'),
  rackPositions: steps('racks', 'rackPositions').refine((s) => s.length > 0, 'at least one positions step'),
  heatRejectionMw: steps('MW', 'heatRejectionMw'),
  switchPorts: steps('ports', 'switchPorts'),
  floorLimitKgM2: maybeSourcedIn('kg/m²'),
  altitudeM: sourcedIn('m'),
  climate: ClimateSchema,
  tariff: z.strictObject({
    priceUsdPerKwh: positive('USD/kWh'),
    baseYear: z.int().min(2000).max(2100),
    escalationPerYear: sourcedIn('fraction/yr'),
    utility: z.string().min(2),
    capacity: z
      .strictObject({
        market: z.string().min(2),
        zone: z.string().min(2),
        prices: z
          .array(z.strictObject({ deliveryYear: z.int().min(2000).max(2100), priceUsdPerMwDay: nonNegative('USD/MW-day') }))
          .min(1)
          .refine((p) => p.every((x, i) => i === 0 || x.deliveryYear > p[i - 1]!.deliveryYear), 'delivery years strictly increasing'),
      })
      .nullable()
      .default(null),
  }),
  grid: z.strictObject({ operator: z.string().min(2), egridSubregion: z.string().min(2), co2KgPerMwh: nonNegative('kg/MWh'), ...AttributedFields }),
  powerChain: z.strictObject({ stages: z.array(ChainStageSchema), note: z.string().optional() }),
  cooling: CoolingPlantSchema,
  fixedOverheadFraction: nonNegative('fraction'),
  costs: z.strictObject({ facilityCapexUsdPerMw: nonNegative('USD/MW'), facilityOpexFractionPerYear: nonNegative('fraction/yr') }),
});

export const SiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: Id,
    name: z.string().min(3),
    state: z.string().min(2),
    location: z.strictObject({ county: z.string(), latitudeDeg: z.number().min(-90).max(90), longitudeDeg: z.number().min(-180).max(180), ...AttributedFields }),
    roles: z.strictObject({ plant: PlantRoleSchema.nullable(), dataCenter: DataCenterRoleSchema.nullable() }),
    summary: z.string().min(10),
    facts: z.array(z.strictObject({ text: z.string().min(10), ...AttributedFields })),
  })
  .refine((s) => s.roles.plant !== null || s.roles.dataCenter !== null, { message: 'a site needs at least one role (plant or dataCenter)', path: ['roles'] });


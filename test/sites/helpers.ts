/** Builders for hand-derived site tests: a user-supplied value has confidence `estimate` with a note. */
import type { Sourced } from '../../src/core/provenance';
import type { ChainStage, Climate, CoolingPlant, DataCenterRole, Site } from '../../src/core/sites/types';
import { loadSites } from '../../src/catalog/sites';

export const v = (value: number, unit: string): Sourced => ({ value, unit, confidence: 'estimate', sources: [], note: 'test input' });

export function flatStage(id: string, efficiency: number, opts: Partial<ChainStage> = {}): ChainStage {
  return {
    id,
    name: id,
    kind: 'other',
    redundancy: 'n',
    moduleRatingMw: v(1000, 'MW'),
    efficiency: { points: [{ loadFraction: 1, efficiency }], confidence: 'estimate', sources: [], note: 'test' },
    carriesMechanical: false,
    indoor: false,
    ...opts,
  };
}

/** A cooling plant for hand-derived tests: 5 K approach, 10 K liquid range, 6 K air range, pumps and fans 0.03 (liquid) / 0.05 (air) kW/kW. */
export function plant(overrides: Partial<CoolingPlant> = {}): CoolingPlant {
  return {
    rejection: 'dry-cooler',
    liquidRangeK: v(10, 'K'),
    airRangeK: v(6, 'K'),
    water: { adiabaticSaturationEfficiency: v(0.8, 'fraction'), adiabaticAirRiseK: v(10, 'K'), towerEvaporativeShare: v(0.85, 'fraction'), cyclesOfConcentration: v(4, 'ratio'), driftFraction: v(0.0001, 'fraction') },
    rejectionApproachK: v(5, 'K'),
    airSupplyC: v(18, 'degC'),
    liquidAuxKwPerKw: v(0.01, 'kW/kW'),
    airAuxKwPerKw: v(0.03, 'kW/kW'),
    rejectionAuxKwPerKw: v(0.02, 'kW/kW'),
    chiller: { carnotFraction: v(0.72, 'ratio'), evaporatorOffsetK: v(2, 'K'), condenserOffsetK: v(7, 'K'), copMax: v(12, 'ratio') },
    cduApproachK: v(4, 'K'),
    ...overrides,
  };
}

/** A climate of one constant condition all year (8,760 h in one bin). */
export function constantClimate(dryBulbC: number, wetBulbC: number): Climate {
  const base = loadSites()[0]!.roles.dataCenter!.climate;
  return {
    ...base,
    design: { cooling04: { dryBulbC: v(dryBulbC, 'degC'), wetBulbC: v(wetBulbC, 'degC') }, evaporation04: { dryBulbC: v(dryBulbC, 'degC'), wetBulbC: v(wetBulbC, 'degC') }, extreme20: { dryBulbC: v(dryBulbC, 'degC'), wetBulbC: v(wetBulbC, 'degC') } },
    bins: { rows: [{ dryBulbC, wetBulbC, hours: 8760 }], confidence: 'estimate', sources: [], note: 'test' },
  };
}

export function presetDc(id: string): DataCenterRole {
  return loadSites().find((s) => s.id === id)!.roles.dataCenter!;
}

/** A data-center role built from a preset with parts replaced. */
export function dcWith(overrides: Partial<DataCenterRole>, from = 'houston-tx'): DataCenterRole {
  return { ...presetDc(from), ...overrides };
}

export function siteWith(id: string, dc: Partial<DataCenterRole>, from = 'houston-tx'): Site {
  const s = loadSites().find((x) => x.id === from)!;
  return { ...s, id, roles: { plant: null, dataCenter: { ...s.roles.dataCenter!, ...dc } } };
}

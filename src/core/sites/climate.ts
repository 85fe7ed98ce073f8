/**
 * Temperature bins for cooling energy, and the design condition for peak PUE.
 *
 * Where no typical-year hourly data is available the bins are **derived** from 12 monthly normals:
 * each month gets 24 hour-of-day bins, the dry bulb follows a cosine between the month's mean daily
 * minimum and maximum (peak at 15:00, trough at 03:00, range = mean daily max − mean daily min),
 * the dew point is held at the month's mean through the day, and the wet bulb comes from Stull (2011).
 * Each bin carries the month's days as hours, so the bins sum to 8,760 h.
 * @module
 */
import { pickSourced } from '../provenance';
import { wetBulbFromDewPointC } from './psychro';
import type { Climate, Rejection } from './types';

export interface Bin {
  /** 1–12 for derived bins, 0 for supplied hourly bins. */
  readonly month: number;
  /** Hour of day 0–23 for derived bins, −1 for supplied bins. */
  readonly hour: number;
  readonly dryBulbC: number;
  readonly wetBulbC: number;
  readonly hours: number;
}

export interface Bins {
  readonly method: 'derived-monthly' | 'supplied';
  readonly description: string;
  readonly bins: readonly Bin[];
  readonly totalHours: number;
}

export const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Hour of the daily maximum in the derived diurnal profile. */
export const PEAK_HOUR = 15;

export const DERIVED_BINS_METHOD =
  'derived: 12 months × 24 hours; dry bulb = monthly mean + (mean daily max − mean daily min)/2 · cos(2π(h − 15)/24); ' +
  'dew point held at the monthly mean; wet bulb from Stull (2011); hours = days in month';

const cache = new WeakMap<Climate, Bins>();

/** The climate's bins (supplied hourly bins when present, otherwise derived from the monthly normals). Memoized per climate object. */
export function climateBins(climate: Climate): Bins {
  const hit = cache.get(climate);
  if (hit) return hit;
  const made = climate.bins ? suppliedBins(climate) : derivedBins(climate);
  cache.set(climate, made);
  return made;
}

function suppliedBins(climate: Climate): Bins {
  const rows = climate.bins!.rows;
  const bins = rows.map((r) => ({ month: 0, hour: -1, dryBulbC: r.dryBulbC, wetBulbC: Math.min(r.wetBulbC, r.dryBulbC), hours: r.hours }));
  return { method: 'supplied', description: 'supplied hourly bins (typical-year counts)', bins, totalHours: bins.reduce((s, b) => s + b.hours, 0) };
}

/** Bins derived from monthly normals and the diurnal range they imply (see the module comment). */
export function derivedBins(climate: Climate): Bins {
  const m = climate.monthly;
  const bins: Bin[] = [];
  for (let month = 0; month < 12; month++) {
    const max = m.dryBulbMaxC.values[month]!;
    const min = m.dryBulbMinC.values[month]!;
    const mean = m.dryBulbMeanC.values[month]!;
    const dew = m.dewPointC.values[month]!;
    const half = Math.max(0, max - min) / 2;
    for (let hour = 0; hour < 24; hour++) {
      const db = mean + half * Math.cos((2 * Math.PI * (hour - PEAK_HOUR)) / 24);
      bins.push({ month: month + 1, hour, dryBulbC: db, wetBulbC: wetBulbFromDewPointC(db, dew), hours: DAYS_IN_MONTH[month]! });
    }
  }
  return { method: 'derived-monthly', description: DERIVED_BINS_METHOD, bins, totalHours: 8760 };
}

export type DesignBasis = '0.4%' | '20-year';

export interface DesignCondition {
  readonly basis: DesignBasis;
  /** Which ASHRAE table row was used. */
  readonly row: 'cooling 0.4% DB/MCWB' | 'evaporation 0.4% WB/MCDB' | '20-year extreme';
  readonly dryBulbC: number;
  readonly wetBulbC: number;
}

/**
 * The design condition for peak PUE. At 0.4 % a dry-cooler plant (adiabatic or not) is checked at the 0.4 % dry bulb
 * with its mean coincident wet bulb, a tower plant at the 0.4 % evaporation wet bulb with its mean coincident dry bulb;
 * `20-year` uses the 20-year return-period extremes for either.
 */
export function designCondition(climate: Climate, basis: DesignBasis, rejection: Rejection): DesignCondition {
  const d = climate.design;
  if (basis === '20-year') {
    return { basis, row: '20-year extreme', dryBulbC: pickSourced(d.extreme20.dryBulbC, 'typical'), wetBulbC: pickSourced(d.extreme20.wetBulbC, 'typical') };
  }
  const tower = rejection === 'cooling-tower';
  const p = tower ? d.evaporation04 : d.cooling04;
  return {
    basis,
    row: tower ? 'evaporation 0.4% WB/MCDB' : 'cooling 0.4% DB/MCWB',
    dryBulbC: pickSourced(p.dryBulbC, 'typical'),
    wetBulbC: pickSourced(p.wetBulbC, 'typical'),
  };
}

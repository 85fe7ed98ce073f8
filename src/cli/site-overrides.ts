/**
 * The site-override flags `rackplan site` and `rackplan fit` share, named after the plan file's site fields
 * (`sites[i].pueOverride`…; src/core/plan/types.ts `SiteOverrides`), with the same ranges (`SITE_OVERRIDE_LIMITS`).
 * @module
 */
import { describeOverride } from '../core/plan/overrides';
import type { SiteOverride, SiteOverrides } from '../core/plan/types';
import { SITE_OVERRIDE_LIMITS as O } from '../schema/limits';
import type { FlagReader } from './args';

/** Flag specs for parseFlags. */
export const SITE_OVERRIDE_FLAGS = { pue: { type: 'string' }, 'peak-pue': { type: 'string' }, 'storage-kw': { type: 'string' }, 'other-it-kw': { type: 'string' } } as const;

export const SITE_OVERRIDE_USAGE = `Overrides (as a plan's site sets them, see docs/plan.md "Overrides"): --pue P fixes the PUE (annual, and the peak
  too unless --peak-pue is given; facility = IT × P); --peak-pue P fixes the design-condition PUE only (the meter
  check); --storage-kw K and --other-it-kw K add IT beside the units (design IT, meter, energy; cooled as air).`;

/** Read the override flags (each problem collected by the reader); an empty object when none is given. */
export function readSiteOverrideFlags(flags: FlagReader): SiteOverrides {
  const out: { -readonly [K in keyof SiteOverrides]: number } = {};
  const read = (flag: string, field: Exclude<keyof SiteOverrides, 'utilization'>) => {
    const v = flags.number(flag, O[field]);
    if (v !== undefined) out[field] = v;
  };
  read('pue', 'pueOverride');
  read('peak-pue', 'peakPueOverride');
  read('storage-kw', 'storageKw');
  read('other-it-kw', 'otherItKw');
  return out;
}

/** "overrides: PUE 1.30 (override; computed 1.143) · …", or nothing when no figure is overridden. */
export function overrideLines(overrides: readonly SiteOverride[], indent = '  '): string[] {
  return overrides.length ? [`${indent}overrides: ${overrides.map(describeOverride).join(' · ')}`] : [];
}

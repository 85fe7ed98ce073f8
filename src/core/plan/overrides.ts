/**
 * The one statement of which figures of a site an engineer overrode (fixed PUE, utilization, IT beside the units)
 * and what each replaced. The plan report, `rackplan site`, `rackplan fit` and the views read it from here.
 * @module
 */
import { formatNumber, formatPue } from '../format';
import type { SiteLoad } from './site-load';
import type { SiteOverride, SiteOverrides } from './types';

/** The override fields a site may carry, in the order outputs list them. */
export const SITE_OVERRIDE_FIELDS = ['pueOverride', 'peakPueOverride', 'utilization', 'storageKw', 'otherItKw'] as const satisfies readonly (keyof SiteOverrides)[];

/** Only the override fields of a site (or of anything carrying them), without undefined ones. */
export function siteOverridesOf(site: SiteOverrides): SiteOverrides {
  const out: { -readonly [K in keyof SiteOverrides]: number } = {};
  for (const k of SITE_OVERRIDE_FIELDS) if (site[k] !== undefined) out[k] = site[k];
  return out;
}

/**
 * The overridden figures of a site at a load.
 * @param overrides - the site's override fields
 * @param planUtilization - the plan's (or the settings') utilization the site's own one replaces
 * @param load - the site at the load the figures describe: its model's PUE is what a fixed PUE replaced
 */
export function overriddenFigures(overrides: SiteOverrides, planUtilization: number, load: Pick<SiteLoad, 'computed'> | null): SiteOverride[] {
  const out: SiteOverride[] = [];
  if (overrides.pueOverride !== undefined) {
    out.push({ figure: 'pue', field: 'pueOverride', value: overrides.pueOverride, unit: 'ratio', computed: load?.computed.annual?.pue ?? null });
  }
  const peak = overrides.peakPueOverride ?? overrides.pueOverride;
  if (peak !== undefined) {
    out.push({ figure: 'peakPue', field: overrides.peakPueOverride === undefined ? 'pueOverride' : 'peakPueOverride', value: peak, unit: 'ratio', computed: load?.computed.peak?.pue ?? null });
  }
  if (overrides.utilization !== undefined) out.push({ figure: 'utilization', field: 'utilization', value: overrides.utilization, unit: 'fraction', computed: planUtilization });
  if (overrides.storageKw !== undefined) out.push({ figure: 'storageKw', field: 'storageKw', value: overrides.storageKw, unit: 'kW', computed: null });
  if (overrides.otherItKw !== undefined) out.push({ figure: 'otherItKw', field: 'otherItKw', value: overrides.otherItKw, unit: 'kW', computed: null });
  return out;
}

/** One override in words, e.g. "PUE 1.30 (override; computed 1.143)", "utilization 60 % (override; plan 80 %)", "storage 2,000 kW IT (added)". */
export function describeOverride(o: SiteOverride): string {
  // The user's PUE as they wrote it (1.30, 1.125); the model's at the usual three decimals.
  const pue = (n: number) => n.toFixed(n === Math.round(n * 100) / 100 ? 2 : 3);
  const pct = (n: number) => `${formatNumber(n * 100, 1)} %`;
  const kw = (n: number) => `${formatNumber(n, 1)} kW`;
  const model = (n: number | null) => (n === null ? 'n/a' : formatPue(n));
  switch (o.figure) {
    case 'pue':
      return `PUE ${pue(o.value)} (override; computed ${model(o.computed)})`;
    case 'peakPue':
      return `peak PUE ${pue(o.value)} (override${o.field === 'pueOverride' ? ', from pueOverride' : ''}; computed ${model(o.computed)})`;
    case 'utilization':
      return `utilization ${pct(o.value)} (override; plan ${o.computed === null ? 'n/a' : pct(o.computed)})`;
    case 'storageKw':
      return `storage ${kw(o.value)} IT (added)`;
    case 'otherItKw':
      return `other IT ${kw(o.value)} (added)`;
  }
}

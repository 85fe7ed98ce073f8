/**
 * Human labels for the catalog values a unit's figures used: `generations.gb300-nvl72.components.compute-tray.maxPowerW`
 * reads "Compute tray: maximum power". The Assumptions table, the estimate marks and the summary strip show these;
 * the catalog path stays available as a tooltip.
 * @module
 */
import type { Catalog } from '../core/catalog/types';
import type { Assumption } from '../core/provenance';
import { shortName } from './names';

/** The last path segment (or the two last, joined by '.') → what it measures. */
const FIELD: Readonly<Record<string, string>> = {
  maxPowerW: 'maximum power',
  typicalPowerW: 'typical power',
  liquidFraction: 'share of heat to liquid',
  weightKg: 'weight',
  efficiency: 'efficiency',
  powerFactor: 'power factor',
  psuPeakRatingW: 'peak rating',
  psuRatingW: 'continuous rating',
  approachK: 'approach temperature',
  capacityW: 'capacity',
  coolantSupplyC: 'coolant supply temperature',
  maxCoolantSupplyC: 'highest coolant supply temperature',
  rackPressureDropKpa: 'rack pressure drop',
  busVoltageV: 'busbar voltage',
  count: 'power shelves or PSUs per unit',
  defaultFeed: 'default power feed',
  'defaultFeed.mode': 'default feed arrangement (A/B or single)',
  'defaultFeed.volts': 'default feed voltage',
  'defaultFeed.amps': 'default breaker rating',
  'defaultFeed.system': 'default feed system',
  'redundancy.default': 'default PSU redundancy',
  transientFactor: 'transient peak factor',
  depthM: 'rack depth',
  widthM: 'rack width',
  heightU: 'rack height',
  frameWeightKg: 'empty frame weight',
  unitWeightKg: 'populated rack weight',
  cablesPerLink: 'scale-up cables per link',
  linksPerAccelerator: 'scale-up links per accelerator',
  'systemsPerRack.default': 'systems per rack',
  bf16DensePflops: 'BF16 dense PFLOPS',
  fp4DensePflops: 'FP4 dense PFLOPS',
  fp8DensePflops: 'FP8 dense PFLOPS',
  hbmTb: 'HBM capacity',
  hbmTbPerS: 'HBM bandwidth',
  airDeltaTK: 'air temperature rise (default)',
  liquidDeltaTK: 'coolant temperature rise (default)',
  necContinuousFactor: 'continuous-load factor (NEC 210.20(A))',
  busbarRatingA: 'busbar continuous rating',
  tdpW: 'TDP',
  idleW: 'idle power',
  fp4SparsePflops: 'FP4 sparse PFLOPS',
  fp8SparsePflops: 'FP8 sparse PFLOPS',
  bf16SparsePflops: 'BF16 sparse PFLOPS',
  fp32Pflops: 'FP32 PFLOPS',
  fp64Pflops: 'FP64 PFLOPS',
  scaleUpGbpsPerDirection: 'scale-up bandwidth per direction',
  'instance.vcpu': 'host vCPUs per instance',
  'instance.memoryGiB': 'host memory per instance',
  'instance.networkGbps': 'host network bandwidth per instance',
  'planDefaults.utilization': 'utilization (plan default)',
};

/** A catalog key the table does not name, in words: `maxCoolantSupplyC` → "max coolant supply", units dropped. */
function words(key: string): string {
  const bare = key.replace(/(Kpa|Lpm|Cfm|Kg|Pflops|TbPerS|Tb|W|M|C|K|A|V|U)$/, '') || key;
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const field = (rest: readonly string[]): string => {
  const two = rest.slice(-2).join('.');
  const one = rest.at(-1) ?? '';
  return FIELD[two] ?? FIELD[one] ?? rest.map(words).join(' ');
};

const nameOf = (list: readonly { readonly id: string; readonly name: string }[] | undefined, id: string) => shortName(list?.find((x) => x.id === id)?.name ?? id);

/** A readable label for one assumption path (falls back to the path's words when the catalog does not name it). */
export function assumptionLabel(path: string, catalog: Catalog): string {
  const parts = path.split('.');
  const [root, id = '', ...rest] = parts;
  switch (root) {
    case 'generations': {
      const g = catalog.generations.find((x) => x.id === id);
      if (rest[0] === 'components' && rest[1]) return `${nameOf(g?.components, rest[1])}: ${field(rest.slice(2))}`;
      if (rest[0] === 'accelerator') return `${g?.accelerator.model ?? 'Accelerator'}: ${field(rest.slice(1))}`;
      return `${capital(field(rest))}`;
    }
    case 'psus':
      return `${nameOf(catalog.psus, id)}: ${field(rest)}`;
    case 'cdus':
      return `${nameOf(catalog.cdus, id)}: ${field(rest)}`;
    case 'coolants':
      return `Coolant: ${nameOf(catalog.coolants, id)}`;
    case 'defaults':
    case 'rules':
    case 'prices':
      return capital(field([id, ...rest]));
    default:
      return path;
  }
}

const capital = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** True for an assumption that rests on no published figure. */
export const isEstimated = (a: Assumption): boolean => a.confidence === 'estimate' || a.confidence === 'missing';

/** The estimated or missing values, labelled, in the order the report lists them (each label once). */
export function estimatedLabels(assumptions: readonly Assumption[], catalog: Catalog): string[] {
  return [...new Set(assumptions.filter(isEstimated).map((a) => assumptionLabel(a.path, catalog)))];
}

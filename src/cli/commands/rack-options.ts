/**
 * `rackplan rack` unit-option flags → validated UnitOptions (schema ranges, quantities with units). Loaded by the
 * rack command only when such a flag is given, so a plain call does not load zod or mathjs.
 * @module
 */
import type { UnitOptions } from '../../core/rack/types';
import { UNIT_OPTION_LIMITS, UnitOptionsSchema } from '../../schema/unit-options';
import { problemsFromZod } from '../../schema/errors';
import { parseQuantity } from '../../units/quantity';
import type { FlagReader } from '../args';
import { InputError } from '../errors';

/** Read a flag that takes a number in `unit` or a quantity string such as "18 degF". */
function quantityFlag(flags: FlagReader, name: string, kind: Parameters<typeof parseQuantity>[1], scale = 1, bareUnit?: string): number | undefined {
  const raw = flags.string(name);
  if (raw === undefined) return undefined;
  const r = parseQuantity(raw, kind, bareUnit);
  if (!r.ok) {
    flags.problem(`--${name}`, r.error.replace(/ \(got .*\)$/, ''), raw);
    return undefined;
  }
  return r.value * scale;
}

export function readUnitOptions(flags: FlagReader): UnitOptions {
  const options: Record<string, unknown> = {
    units: flags.number('units', UNIT_OPTION_LIMITS.units),
    systemsPerRack: flags.number('systems-per-rack', UNIT_OPTION_LIMITS.systemsPerRack),
    feeds: flags.choice('feeds', ['ab', 'single'] as const),
    feedVolts: quantityFlag(flags, 'feed-volts', 'voltage'),
    feedAmps: quantityFlag(flags, 'feed-amps', 'current'),
    feedSystem: flags.choice('feed-system', ['1ph', '3ph', 'dc'] as const),
    powerFactor: flags.number('pf', UNIT_OPTION_LIMITS.powerFactor),
    continuousFactor: flags.number('continuous-factor', UNIT_OPTION_LIMITS.continuousFactor),
    redundancy: flags.string('redundancy'),
    // A bare number is kW (the flag's unit); "132000 W" or "450000 BTU/h" convert.
    powerCapKw: quantityFlag(flags, 'power-cap-kw', 'power', 0.001, 'kW'),
    powerProfile: flags.string('power-profile'),
    coolant: flags.choice('coolant', ['water', 'pg25'] as const),
    deltaTK: quantityFlag(flags, 'delta-t', 'temperatureDifference'),
    airDeltaTK: quantityFlag(flags, 'air-delta-t', 'temperatureDifference'),
    altitudeM: quantityFlag(flags, 'altitude-m', 'length'),
    coolantSupplyC: quantityFlag(flags, 'supply-c', 'temperature'),
    cduId: flags.string('cdu'),
    floorLimitKgM2: flags.number('floor-limit-kg-m2', UNIT_OPTION_LIMITS.floorLimitKgM2),
    basis: flags.choice('basis', ['min', 'typical', 'max'] as const),
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  flags.done();
  const parsed = UnitOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const flagName: Record<string, string> = { units: '--units', systemsPerRack: '--systems-per-rack', feedVolts: '--feed-volts', feedAmps: '--feed-amps', powerFactor: '--pf', continuousFactor: '--continuous-factor', redundancy: '--redundancy', powerCapKw: '--power-cap-kw', powerProfile: '--power-profile', deltaTK: '--delta-t', airDeltaTK: '--air-delta-t', altitudeM: '--altitude-m', coolantSupplyC: '--supply-c', cduId: '--cdu', floorLimitKgM2: '--floor-limit-kg-m2' };
    throw new InputError(problemsFromZod(parsed.error, options).map((p) => ({ ...p, path: flagName[p.path] ?? p.path })));
  }
  return parsed.data;
}

/**
 * The unit-option flags (`--feeds`, `--delta-t`, …) that `rackplan rack` and `rackplan compare` share, so a unit is
 * set up the same way in both. Reading them loads zod and mathjs (ranges, quantities with units) only when one is
 * given, so a plain call starts without them.
 * @module
 */
import type { UnitOptions } from '../core/rack/types';
import type { FlagReader, FlagSpec, Parsed } from './args';

export const UNIT_OPTION_FLAGS: FlagSpec = {
  units: { type: 'string' },
  'systems-per-rack': { type: 'string' },
  feeds: { type: 'string' },
  'feed-volts': { type: 'string' },
  'feed-amps': { type: 'string' },
  'feed-system': { type: 'string' },
  pf: { type: 'string' },
  'continuous-factor': { type: 'string' },
  redundancy: { type: 'string' },
  'power-cap-kw': { type: 'string' },
  'power-profile': { type: 'string' },
  coolant: { type: 'string' },
  'delta-t': { type: 'string' },
  'air-delta-t': { type: 'string' },
  'altitude-m': { type: 'string' },
  'supply-c': { type: 'string' },
  cdu: { type: 'string' },
  'floor-limit-kg-m2': { type: 'string' },
  basis: { type: 'string' },
};

/** Usage lines of the unit-option flags (`--units` first, for commands that take it). */
export const UNIT_OPTION_USAGE = `  --units N                 deployable units (totals = per unit × N)          default 1
  --systems-per-rack S      servers per rack (server-rack generations)        catalog default
  --feeds ab|single         A/B (2N) feeds or a single feed                   default ab
  --feed-volts V            feed voltage (3ph: line-to-line)                  catalog default
  --feed-amps A             breaker rating of each whip                       catalog default
  --feed-system 1ph|3ph|dc                                                    catalog default
  --pf P                    power factor at the rack input                    PSU catalog value
  --continuous-factor F     0.8 (NEC 210.20(A)) or 1.0 for 100 %-rated gear   default 0.8
  --redundancy n|n+K|n+n    shelf / PSU redundancy                            catalog default
  --power-cap-kw K          rack power cap, DC side, kW per unit              the profile's
  --power-profile ID        a published profile (max-q, max-p, …) or uncapped catalog default
  --coolant water|pg25                                                        default water
  --delta-t K               liquid loop ΔT, K (or "18 degF")                  default 10
  --air-delta-t K           air ΔT, K (or "20 degF")                          default 11.1 (20 °F)
  --altitude-m M            site altitude for air density                     default 0
  --supply-c C              coolant supply at the rack, °C (or "95 degF")     catalog value
  --cdu ID                  CDU model (rackplan presets)                      first in-row CDU
  --floor-limit-kg-m2 L     floor rating to check against
  --basis min|typical|max   point in catalog ranges                           default max (sizing)`;

/**
 * Read the unit-option flags and finish the flags (unknown or leftover flags are refused). Read a command's own
 * flags first.
 */
export async function readUnitOptionFlags(parsed: Parsed, flags: FlagReader): Promise<UnitOptions> {
  if (!Object.keys(UNIT_OPTION_FLAGS).some((name) => parsed.values[name] !== undefined)) {
    flags.done();
    return {};
  }
  return (await import('./commands/rack-options')).readUnitOptions(flags);
}

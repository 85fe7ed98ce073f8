/**
 * Guards the public output of evaluateUnit byte for byte while its hot path is optimised.
 * The fixture was written by the code as it stood before the optimisation (commit "evaluateUnit: snapshot
 * fixture from the unoptimised engine"), so this compares against an earlier, independent run, never
 * against the code under test. Regenerate only for an intended output change: WRITE_UNIT_SNAPSHOT=1.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import type { UnitOptions } from '../../src/core/rack/types';

const fixture = 'test/fixtures/rack/evaluate-unit-snapshot.json.gz';

/** Option sets that walk every branch the options reach: defaults, A/B vs single, DC, 208 V, user overrides. */
const optionSets: Record<string, UnitOptions> = {
  defaults: {},
  units100: { units: 100 },
  singleTypicalPg25: { feeds: 'single', basis: 'typical', coolant: 'pg25', altitudeM: 1500, units: 3 },
  minOverrides: {
    basis: 'min', feedVolts: 208, feedAmps: 60, feedSystem: '3ph', redundancy: 'n+n', continuousFactor: 1, systemsPerRack: 2,
    floorLimitKgM2: 1200, coolantSupplyC: 30, deltaTK: 8, airDeltaTK: 15, powerFactor: 0.95, cduId: 'supermicro-gb300-inrack-cdu-250kw',
  },
  dcFeed: { feedVolts: 48, feedAmps: 100, feedSystem: 'dc', feeds: 'single', redundancy: 'n+1', systemsPerRack: 9 },
  singlePhase: { feedVolts: 230, feedAmps: 32, feedSystem: '1ph', coolantSupplyC: 2, cduId: 'vertiv-coolchip-cdu-2300', floorLimitKgM2: 500 },
};

function snapshot(): Record<string, string> {
  const catalog = loadCatalog();
  const out: Record<string, string> = {};
  for (const g of catalog.generations) {
    for (const [name, opts] of Object.entries(optionSets)) out[`${g.id} / ${name}`] = JSON.stringify(evaluateUnit(g, opts, catalog));
  }
  return out;
}

describe('evaluateUnit output snapshot', () => {
  it('equals, byte for byte, what the unoptimised engine produced for every generation × option set', () => {
    const now = snapshot();
    if (process.env.WRITE_UNIT_SNAPSHOT === '1' || !existsSync(fixture)) {
      if (process.env.WRITE_UNIT_SNAPSHOT !== '1') throw new Error(`${fixture} missing; write it from a trusted build with WRITE_UNIT_SNAPSHOT=1`);
      writeFileSync(fixture, gzipSync(JSON.stringify(now, null, 1) + '\n', { level: 9 }));
    }
    const before = JSON.parse(gunzipSync(readFileSync(fixture)).toString('utf8')) as Record<string, string>;
    expect(Object.keys(now)).toEqual(Object.keys(before));
    // One case at a time so a failure names the generation and option set.
    for (const key of Object.keys(before)) expect(now[key], key).toBe(before[key]);
  });
});

/**
 * Rack power (engineering review 2026-12 §1.2–1.6, §2.7, §3): failover at failover load, power caps and published
 * profiles, computed fixes, the ORv3 HPR shelf (OCP rectifier efficiency, 2 × 30 A cords), the busbar check, typical
 * power, twin-port OSFP cages, floor loading from the full rack weight and a shared CDU's share. Every expected
 * figure is the review's hand arithmetic or a derivation written next to it, never the engine's own output.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { findGeneration } from '../../src/core/catalog/lookup';
import type { Catalog, Generation, PsuModel } from '../../src/core/catalog/types';
import { evaluateUnit } from '../../src/core/rack/evaluate';

const catalog = loadCatalog();
const gen = (id: string) => findGeneration(catalog, id)!.generation;
const errors = (r: ReturnType<typeof evaluateUnit>) => r.issues.filter((i) => i.severity === 'error');

/** The catalog with the ORv3 shelf as the review saw it: 80 PLUS Titanium minimums, one 60 A whip per shelf. */
function reviewCatalog(): Catalog {
  const psus = catalog.psus.map((p): PsuModel => {
    if (p.id !== 'orv3-hpr-33kw-shelf') return p;
    const { cords: _cords, ...rest } = p;
    return { ...rest, efficiency: { ...p.efficiency, points: [{ loadFraction: 0.1, efficiency: 0.9 }, { loadFraction: 0.2, efficiency: 0.94 }, { loadFraction: 0.5, efficiency: 0.96 }, { loadFraction: 1, efficiency: 0.91 }] } };
  });
  return { ...catalog, psus };
}
/** A generation as reviewed: N+1 shelves, no power profile, a 60 A whip per shelf. */
function asReviewed(g: Generation, volts: number): Generation {
  const { profiles: _p, defaultProfile: _d, ...power } = g.power;
  return { ...g, power: { ...power, redundancy: { ...g.power.redundancy, default: 'n+1' }, defaultFeed: { ...g.power.defaultFeed, volts, amps: 60 } } };
}

describe('failover at failover load (review §1.2)', () => {
  it('GB300: one side of 4 × 33 kW shelves at 102 % load runs at η 0.91 on the 80 PLUS curve, so 135 / 0.91 / 0.99 = 149.9 kVA, not 142.2', () => {
    const r = evaluateUnit(asReviewed(gen('gb300-nvl72'), 480), {}, reviewCatalog());
    const it = (18 * 7283 + 9 * 400 + 2 * 150) / 1000; // 134.994 kW: Lenovo's 135 kW TDP
    // Normal: 135.0 kW ÷ (8 × 33 kW) = 0.511 → η = 0.96 + (0.011/0.5)(0.91 − 0.96) = 0.9589; 135 / 0.9589 / 0.99 = 142.2 kVA.
    expect(r.power.inputKva).toBeCloseTo(142.2, 1);
    for (const side of r.power.feeds.sides) {
      expect(side.failoverLoadFraction).toBeCloseTo(it / 132, 9);
      expect(side.failoverEfficiency).toBeCloseTo(0.91, 9);
      expect(side.failoverKva).toBeCloseTo(it / 0.91 / 0.99, 6);
      expect(side.failoverKva).toBeCloseTo(149.8, 1); // the review's 149.9 kVA from 135.0 kW
    }
  });
  it('GB200 at 415 V: the failover shelf carries 30.98 kW at 94 % load, η 0.916, so 34.15 kVA per 60 A whip (review)', () => {
    const r = evaluateUnit(asReviewed(gen('gb200-nvl72'), 415), {}, reviewCatalog());
    const it = (18 * 6667 + 9 * 400 + 2 * 150) / 1000; // 123.906 kW
    const load = it / 132;
    const eta = 0.96 + ((load - 0.5) / 0.5) * (0.91 - 0.96);
    const side = r.power.feeds.sides[0]!;
    expect(eta).toBeCloseTo(0.916, 3);
    expect(side.failoverKva / side.whips).toBeCloseTo(it / 4 / eta / 0.99, 6); // 34.15 kVA
    expect(side.failoverKva / side.whips).toBeCloseTo(34.15, 2);
  });
  it('a single feed has no failover: the whips carry the normal input', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), { feeds: 'single' }, catalog);
    expect(r.power.feeds.sides).toHaveLength(1);
    expect(r.power.feeds.sides[0]!.failoverKva).toBeCloseTo(r.power.inputKva, 9);
  });
});

describe('ORv3 HPR shelf (review §1.4)', () => {
  const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
  it('efficiency from the OCP ORv3 rectifier spec: 96.5 % at full load (each side at one-side capacity)', () => {
    // Capped at 132 kW, one side's 4 × 33 kW shelves run at exactly 100 %: 132 / 0.965 / 0.99 = 138.2 kVA.
    for (const side of r.power.feeds.sides) {
      expect(side.failoverLoadFraction).toBeCloseTo(1, 9);
      expect(side.failoverEfficiency).toBeCloseTo(0.965, 9);
      expect(side.failoverKva).toBeCloseTo(132 / 0.965 / 0.99, 6);
    }
    // Normal: 132 / 264 = 50 % load, the spec's 97.5 % peak.
    expect(r.power.efficiency).toBeCloseTo(0.975, 9);
  });
  it('2 × 30 A NEMA L22-30P cords per shelf: 16 whips and breakers, each cord carrying half a shelf', () => {
    expect(r.cabling.powerWhips).toBe(16);
    const side = r.power.feeds.sides[0]!;
    expect(side.whips).toBe(8);
    expect(side.connector).toBe('NEMA L22-30P');
    // 480 V 30 A at 80 %: √3 × 480 × 30 × 0.8 = 19.95 kVA; a cord draws 138.2 / 8 = 17.27 kVA = 20.8 A per phase.
    expect(side.whipUsableKva).toBeCloseTo((Math.sqrt(3) * 480 * 30 * 0.8) / 1000, 9);
    expect(side.worstPhaseA).toBeCloseTo((132 / 0.965 / 0.99 / 8) * 1000 / (Math.sqrt(3) * 480), 6);
  });
});

describe('published configurations pass at defaults and state what they assume (review §1.3)', () => {
  it('GB300 NVL72: N+N on A/B, capped at one side\'s 4 × 33 = 132 kW (from 135 kW), no errors', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
    expect(errors(r)).toEqual([]);
    expect(r.power.psus.redundancy).toBe('n+n');
    expect(r.power.feeds.mode).toBe('ab');
    expect(r.power.cap).toMatchObject({ source: 'default-profile', profile: 'one-side-132kw', capKw: 132, limiting: true });
    expect(r.power.cap.uncappedItKw).toBeCloseTo(18 * 7283 / 1000 + 3.6 + 0.3, 6); // 135.0 kW, Lenovo TDP
    expect(r.power.itKw).toBeCloseTo(132, 9);
    expect(r.assumptions.some((a) => a.path === 'generations.gb300-nvl72.power.defaultProfile')).toBe(true);
  });
  it('VR NVL144: N+N on A/B at Max-Q (~190 kW) fits one side of 2 × 110 kW, no errors', () => {
    const r = evaluateUnit(gen('vr-nvl144'), {}, catalog);
    expect(errors(r)).toEqual([]);
    expect(r.power.cap).toMatchObject({ profile: 'max-q', capKw: 190 });
    expect(r.power.itKw).toBeCloseTo(190, 9);
  });
  it('DGX B200: 5+1 PSUs on a single feed (no A/B ride-through is published), no errors', () => {
    const r = evaluateUnit(gen('dgx-b200'), {}, catalog);
    expect(errors(r)).toEqual([]);
    expect(r.power.feeds.mode).toBe('single');
    expect(r.power.psus.redundancy).toBe('n+1');
  });
  it('no generation reports a power error at its defaults', () => {
    for (const g of catalog.generations) {
      const power = errors(evaluateUnit(g, {}, catalog)).filter((i) => i.path[0] === 'power');
      expect(power, g.id).toEqual([]);
    }
  });
});

describe('a configuration that truly fails says what would fix it', () => {
  it('GB300 uncapped: one side carries 132 kW of 135 kW; fix: cap at 132 kW or add a shelf per side (5 × 33 = 165 kW)', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), { powerProfile: 'uncapped' }, catalog);
    const ab = r.issues.find((i) => i.code === 'ab_failover_insufficient')!;
    expect(ab).toMatchObject({ severity: 'error', limit: 132, unit: 'kW' });
    expect(ab.actual).toBeCloseTo(135, 1);
    expect(ab.fix).toContain('Cap the unit at 132 kW');
    expect(ab.fix).toContain('add 1 shelf per side (5 per side)');
    // N+N on A/B is the same check: reported once.
    expect(r.issues.filter((i) => i.code === 'psu_redundancy_insufficient')).toEqual([]);
  });
  it('VR Max-P (227 kW) on N+N A/B: fix caps at one side\'s 2 × 110 = 220 kW and names Max-Q', () => {
    const r = evaluateUnit(gen('vr-nvl144'), { powerProfile: 'max-p' }, catalog);
    const ab = r.issues.find((i) => i.code === 'ab_failover_insufficient')!;
    expect(ab.limit).toBeCloseTo(220, 3); // 3 modelled modules of 36,666.67 W per 110 kW shelf
    expect(ab.actual).toBeCloseTo(227, 9);
    expect(ab.fix).toContain('Cap the unit at 220 kW');
    expect(ab.fix).toContain('profile max-q');
  });
  it('DGX B200 on A/B: 3 × 3.3 = 9.9 kW per system against 13.47 kW DC; fix: cap 4 systems at 4 × 9.9 = 39.6 kW, or a single feed', () => {
    const r = evaluateUnit(gen('dgx-b200'), { feeds: 'ab' }, catalog);
    const ab = r.issues.find((i) => i.code === 'ab_failover_insufficient')!;
    expect(ab.limit).toBeCloseTo(9.9, 9);
    expect(ab.fix).toContain('Cap the unit at 39.6 kW');
    expect(ab.fix).toContain('single feed');
    expect(ab.fix).not.toContain('add'); // a DGX has six PSU bays: no fix adds PSUs
  });
  it('GB300 uncapped at 415 V: a cord draws 135 / 0.965 / 0.99 / 8 = 17.7 kVA against √3 × 415 × 30 × 0.8 = 17.25 kVA; fix names 480 V and a 100 %-rated breaker', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), { powerProfile: 'uncapped', feedVolts: 415 }, catalog);
    const whip = r.issues.find((i) => i.code === 'whip_undersized')!;
    expect(whip.actual).toBeCloseTo(135 / 0.965 / 0.99 / 8, 1);
    expect(whip.limit).toBeCloseTo((Math.sqrt(3) * 415 * 30 * 0.8) / 1000, 9);
    expect(whip.fix).toContain('480 V');
    expect(whip.fix).toContain('100 %-rated');
    expect(whip.fix).not.toMatch(/\d+ A breaker and whip/); // the L22-30P cord is a 30 A plug
    // The same overload is not reported again as a phase current.
    expect(r.issues.filter((i) => i.code === 'phase_current_exceeded')).toEqual([]);
  });
  it('transient with one feed failed: at ×1.7 a 132 kW GB300 peaks at 224.4 kW, above one side\'s 24 × 8.8 kW = 211.2 kW pulse rating; fix: cap at 211.2 / 1.7 = 124.2 kW', () => {
    const g = gen('gb300-nvl72');
    const spiky: Generation = { ...g, power: { ...g.power, transientFactor: { value: 1.7, unit: 'ratio', confidence: 'estimate', sources: [] } } };
    const peak = evaluateUnit(spiky, {}, catalog).issues.find((i) => i.code === 'transient_exceeds_psu_peak')!;
    expect(peak.limit).toBeCloseTo((24 * 8800) / 1000, 9);
    expect(peak.actual).toBeCloseTo(132 * 1.7, 9);
    expect(peak.fix).toContain('Cap the unit at 124.2 kW');
  });
  it('a feed the shelf cannot take names the range it accepts (ORv3 HPR: 346–480 V line-to-line)', () => {
    const wiring = evaluateUnit(gen('gb300-nvl72'), { feedVolts: 208 }, catalog).issues.find((i) => i.code === 'feed_voltage_out_of_range')!;
    expect(wiring.fix).toContain('346–480 V');
  });
  it('an unknown profile is a warning naming the profiles, and the default applies', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), { powerProfile: 'max-q' }, catalog);
    expect(r.issues.find((i) => i.code === 'power_profile_unknown')?.message).toContain('one-side-132kw');
    expect(r.power.cap.capKw).toBe(132);
  });
});

describe('power cap', () => {
  it('a user cap scales every component alike: 100 kW of a 135 kW GB300 runs each compute tray at 7,283 × 100/135 W', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), { powerCapKw: 100 }, catalog);
    expect(r.power.itKw).toBeCloseTo(100, 9);
    expect(r.power.components.find((c) => c.id === 'compute-tray')!.wattsEach).toBeCloseTo((7283 * 100) / (18 * 7.283 + 3.9), 6);
    expect(r.power.cap).toMatchObject({ source: 'user', capKw: 100, limiting: true });
  });
  it('a cap above the load changes nothing', () => {
    const a = evaluateUnit(gen('gb200-nvl72'), {}, catalog);
    const b = evaluateUnit(gen('gb200-nvl72'), { powerCapKw: 500 }, catalog);
    expect(b.power.itKw).toBe(a.power.itKw);
    expect(b.power.cap.limiting).toBe(false);
  });
  it('server racks: the cap applies to the DC side of the rack (wall input moves with η)', () => {
    const r = evaluateUnit(gen('dgx-b200'), { powerCapKw: 39.6 }, catalog);
    expect(r.power.itKw).toBeCloseTo(39.6, 6);
  });
});

describe('busbar ampacity (review §1.6)', () => {
  it('unchecked where no rating is published, and says so', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
    expect(r.power.busbarA).toBeCloseTo(132000 / 48, 6); // I = P / V at the lowest bus voltage
    expect(r.power.busbarRatingA).toBeNull();
    expect(r.power.busbarRatingNote).toMatch(/unchecked/);
  });
  it('with a rating (the HPR deck\'s "92 kW+" ≈ 1,900 A at 48 V), 2,750 A is an error; fix: cap at 1,900 × 48 = 91.2 kW', () => {
    const g = gen('gb300-nvl72');
    const rated: Generation = { ...g, power: { ...g.power, busbarRatingA: { value: 1900, unit: 'A', confidence: 'estimate', sources: [] } } };
    const bus = evaluateUnit(rated, {}, catalog).issues.find((i) => i.code === 'busbar_ampacity_exceeded')!;
    expect(bus).toMatchObject({ severity: 'error', limit: 1900, unit: 'A' });
    expect(bus.fix).toContain('Cap the unit at 91.2 kW');
  });
});

describe('smaller items (review §1.6, §2.7, §3)', () => {
  it('typical power is "not published" (null) for GB300, never the maximum again', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
    expect(r.power.typicalKw).toBeNull();
    expect(r.power.typicalNote).toMatch(/not published/);
  });
  it('GB200 typical: 18 trays at the published 5.4 kW, switch and ToR at their maximum (3 % of the load) = 101.1 kW', () => {
    expect(evaluateUnit(gen('gb200-nvl72'), {}, catalog).power.typicalKw).toBeCloseTo((18 * 5400 + 9 * 400 + 2 * 150) / 1000, 9);
  });
  it('twin-port OSFP cages: a DGX B200 rack of 4 × 8 × 400G ports needs 4 × 4 = 16 modules (ports ÷ 2)', () => {
    const r = evaluateUnit(gen('dgx-b200'), {}, catalog);
    expect(r.cabling.scaleOutPorts).toBe(32);
    expect(r.cabling.scaleOutModules).toBe(16);
    expect(evaluateUnit(gen('gb300-nvl72'), {}, catalog).cabling.scaleOutModules).toBe(72); // single-port OSFP per CX-8
  });
  it('floor loading from the full rack weight, labelled estimated: VR NVL144 at 1,800 kg (max) over 0.6 × 1.2 m = 2,500 kg/m², not the 180 kg frame', () => {
    const r = evaluateUnit(gen('vr-nvl144'), { floorLimitKgM2: 1500 }, catalog);
    expect(r.space.weightSource).toBe('estimate');
    expect(r.space.floorLoadingKgM2).toBeCloseTo(1800 / 0.72, 6);
    const floor = r.issues.find((i) => i.code === 'floor_loading_exceeded')!;
    expect(floor.fix).toContain('1.20 m²'); // 1,800 kg ÷ 1,500 kg/m²
  });
  it('a shared row CDU is reported as this rack\'s share, not "2 × 1,350 kW" for one rack', () => {
    const r = evaluateUnit(gen('gb300-nvl72'), {}, catalog);
    const cdu = r.cooling.cdu!;
    expect(cdu.sharePerRack).toBeCloseTo(r.cooling.liquidKw / 1350, 9);
    expect(cdu.racksPerCdu).toBe(Math.floor(1350 / r.cooling.liquidKw));
  });
});

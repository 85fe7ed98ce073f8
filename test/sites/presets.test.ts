import { describe, expect, it } from 'vitest';
import { loadSites } from '../../src/catalog/sites';
import { validateSiteFiles } from '../../src/schema/preset-files';
import { parseSite } from '../../src/schema/site-input';
import { stepAt, quarterIndex } from '../../src/core/sites/schedule';
import { pickSourced } from '../../src/core/provenance';

const raw = import.meta.glob<unknown>('/presets/sites/*.json', { eager: true, import: 'default' });

/** Every number must sit inside an object that carries its provenance (`confidence`, or a Missing `reason`). */
function unsourcedNumbers(node: unknown, path: string, covered: boolean, out: string[]): void {
  if (typeof node === 'number') {
    if (!covered) out.push(path);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((x, i) => unsourcedNumbers(x, `${path}[${i}]`, covered, out));
    return;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const here = covered || 'confidence' in o || 'reason' in o;
    for (const [k, v] of Object.entries(o)) {
      if (k === 'schemaVersion' || k === 'baseYear' || k === 'deliveryYear' || k === 'drGroup') continue; // format version, calendar years and a module count, not measurements
      unsourcedNumbers(v, `${path}.${k}`, here && k !== 'sources', out);
    }
  }
}

describe('site presets', () => {
  it('load, validate and carry the three stable ids with both roles', () => {
    const sites = loadSites();
    expect(sites.map((s) => s.id)).toEqual(['houston-tx', 'lordstown-oh', 'mount-pleasant-wi']);
    for (const s of sites) {
      expect(s.roles.plant).not.toBeNull();
      expect(s.roles.dataCenter).not.toBeNull();
    }
  });

  it('every numeric leaf has provenance', () => {
    const missing: string[] = [];
    for (const [file, data] of Object.entries(raw)) unsourcedNumbers(data, file, false, missing);
    expect(missing).toEqual([]);
  });

  it('estimates say why (a note or a derivation)', () => {
    const bare: string[] = [];
    const walk = (n: unknown, p: string) => {
      if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${p}[${i}]`));
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (o.confidence === 'estimate' && !o.note && !o.derivation) bare.push(p);
      for (const [k, v] of Object.entries(o)) walk(v, `${p}.${k}`);
    };
    for (const [file, data] of Object.entries(raw)) walk(data, file);
    expect(bare).toEqual([]);
  });

  it('U.S. plant capacity adds up to the reported 2,000 racks a week in 2026 (AI CERTS citing Bloomberg)', () => {
    const q = quarterIndex('2026-Q4');
    const total = loadSites().reduce((s, x) => s + stepAt(x.roles.plant!.racksPerWeek, q), 0);
    expect(total).toBe(2000);
  });

  it('tariffs are the EIA 2023 industrial averages, all from one base year', () => {
    // EIA Electric Power Annual 2023, average revenue per kWh, industrial: WI 8.68, OH 7.03, TX 6.60 ¢/kWh
    // (https://www.eia.gov/electricity/annual/secrev-map.php; the December 2026 engineering review §4 read the same).
    const by = Object.fromEntries(loadSites().map((s) => [s.id, s.roles.dataCenter!]));
    expect(pickSourced(by['mount-pleasant-wi']!.tariff.priceUsdPerKwh, 'typical')).toBe(0.0868);
    expect(pickSourced(by['lordstown-oh']!.tariff.priceUsdPerKwh, 'typical')).toBe(0.0703);
    expect(pickSourced(by['houston-tx']!.tariff.priceUsdPerKwh, 'typical')).toBe(0.066);
    expect(new Set(Object.values(by).map((d) => d.tariff.baseYear))).toEqual(new Set([2023]));
  });

  it('Lordstown pays the PJM capacity price as its own term; the MISO and ERCOT sites do not', () => {
    // PJM RPM Base Residual Auction, RTO-wide (ATSI included): 2025/26 $269.92, 2026/27 $329.17 (cap, all zones),
    // 2027/28 $333.44 per MW-day (EVA, lod.io, Camelot Energy; review §4).
    const by = Object.fromEntries(loadSites().map((s) => [s.id, s.roles.dataCenter!]));
    const cap = by['lordstown-oh']!.tariff.capacity!;
    expect(cap.market).toMatch(/PJM/);
    expect(cap.prices.map((p) => [p.deliveryYear, pickSourced(p.priceUsdPerMwDay, 'typical')])).toEqual([
      [2025, 269.92],
      [2026, 329.17],
      [2027, 333.44],
    ]);
    expect(by['mount-pleasant-wi']!.tariff.capacity).toBeNull();
    expect(by['houston-tx']!.tariff.capacity).toBeNull();
  });

  it('eGRID subregions by utility territory: We Energies → MROE, Ohio Edison (ATSI) → RFCW, CenterPoint (ERCOT) → ERCT', () => {
    // Review §4: Mount Pleasant is We Energies (MISO), MRO East — not SRMW; Lordstown is Ohio Edison/ATSI, RFC West;
    // Houston is CenterPoint/ERCOT, ERCOT All.
    const by = Object.fromEntries(loadSites().map((s) => [s.id, s.roles.dataCenter!]));
    expect(by['mount-pleasant-wi']!.grid.egridSubregion).toBe('MROE');
    expect(by['lordstown-oh']!.grid.egridSubregion).toBe('RFCW');
    expect(by['houston-tx']!.grid.egridSubregion).toBe('ERCT');
    // eGRID2024 total output: 1,297.3 / 889.6 / 700.7 lb/MWh × 0.45359 kg/lb.
    expect(pickSourced(by['mount-pleasant-wi']!.grid.co2KgPerMwh, 'typical')).toBeCloseTo(1297.3 * 0.45359237, -1);
    expect(pickSourced(by['lordstown-oh']!.grid.co2KgPerMwh, 'typical')).toBeCloseTo(889.6 * 0.45359237, -1);
    expect(pickSourced(by['houston-tx']!.grid.co2KgPerMwh, 'typical')).toBeCloseTo(700.7 * 0.45359237, -1);
  });

  it('a broken preset is reported by file and path, and the id must match the file name', () => {
    const good = raw['/presets/sites/houston-tx.json'] as Record<string, unknown>;
    const { problems } = validateSiteFiles({ '/presets/sites/austin-tx.json': good, '/presets/sites/x.json': { ...good, id: 'x', summary: 1 } });
    expect(problems.some((p) => p.includes('austin-tx.json: id: must match the file name'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/presets/sites/x.json: summary:'))).toBe(true);
  });

  it('a site file written before loop ranges, water and capacity charges still loads, with labelled default estimates', () => {
    const old = structuredClone(raw['/presets/sites/lordstown-oh.json']) as { roles: { dataCenter: { tariff: Record<string, unknown>; cooling: Record<string, unknown> } } };
    delete old.roles.dataCenter.tariff.capacity;
    for (const k of ['liquidRangeK', 'airRangeK', 'water']) delete old.roles.dataCenter.cooling[k];
    const r = parseSite(old);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const dc = r.value.roles.dataCenter!;
    expect(dc.tariff.capacity).toBeNull();
    expect(pickSourced(dc.cooling.liquidRangeK, 'typical')).toBe(10);
    expect(dc.cooling.liquidRangeK.confidence).toBe('estimate');
    expect(dc.cooling.water.cyclesOfConcentration.note).toMatch(/^Default/);
  });

  it('cycles of concentration must exceed 1 (blowdown = evaporation ÷ (cycles − 1))', () => {
    const bad = structuredClone(raw['/presets/sites/lordstown-oh.json']) as { roles: { dataCenter: { cooling: { water: { cyclesOfConcentration: Record<string, unknown> } } } } };
    bad.roles.dataCenter.cooling.water.cyclesOfConcentration = { value: 1, unit: 'ratio', confidence: 'estimate', sources: [], note: 'x' };
    const r = parseSite(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toContain('cyclesOfConcentration');
  });

  it("a user's site comes back with problems at their paths, never thrown", () => {
    const good = structuredClone(raw['/presets/sites/lordstown-oh.json']) as { roles: { dataCenter: { meterMw: { from: string }[] } } };
    good.roles.dataCenter.meterMw[0]!.from = '2026-Q7';
    const r = parseSite(good, ['sites', 0]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('sites[0].roles.dataCenter.meterMw[0].from');
  });
});

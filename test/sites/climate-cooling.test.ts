import { describe, expect, it } from 'vitest';
import { climateBins, derivedBins, designCondition, PEAK_HOUR } from '../../src/core/sites/climate';
import { annualCooling, binCooling, chillerCop, isChillerFree } from '../../src/core/sites/cooling';
import { constantClimate, plant, presetDc, v } from './helpers';

describe('bins derived from monthly normals', () => {
  const houston = presetDc('houston-tx').climate;

  it('cover the year: 12 × 24 bins, 8,760 h, labelled derived', () => {
    const b = derivedBins(houston);
    expect(b.bins).toHaveLength(288);
    expect(b.bins.reduce((s, x) => s + x.hours, 0)).toBe(8760);
    expect(b.method).toBe('derived-monthly');
    expect(b.description).toMatch(/^derived:/);
  });

  it('derived: July 15:00 equals the mean daily maximum, 03:00 the minimum, and the day averages to the monthly mean', () => {
    // Inputs (NOAA 1991–2020, IAH, July): max 34.7 °C, min 24.3 °C, mean 29.5 °C.
    // Steps: half range = (34.7 − 24.3) / 2 = 5.2 K; 15:00 → 29.5 + 5.2 = 34.7; 03:00 → 29.5 − 5.2 = 24.3;
    // a full cosine period averages to zero, so the 24 bins average 29.5. Result: 34.7 / 24.3 / 29.5 °C.
    const july = derivedBins(houston).bins.filter((x) => x.month === 7);
    expect(july.find((x) => x.hour === PEAK_HOUR)!.dryBulbC).toBeCloseTo(34.7, 9);
    expect(july.find((x) => x.hour === 3)!.dryBulbC).toBeCloseTo(24.3, 9);
    expect(july.reduce((s, x) => s + x.dryBulbC, 0) / 24).toBeCloseTo(29.5, 9);
    for (const x of july) expect(x.wetBulbC).toBeLessThanOrEqual(x.dryBulbC);
  });

  it('supplied typical-year bins replace the derived ones', () => {
    const c = constantClimate(10, 8);
    expect(climateBins(c).method).toBe('supplied');
    expect(climateBins(c).totalHours).toBe(8760);
  });

  it('design condition: dry coolers use 0.4 % DB/MCWB, towers 0.4 % WB/MCDB, 20-year the extremes', () => {
    const yng = presetDc('lordstown-oh').climate;
    expect(designCondition(yng, '0.4%', 'dry-cooler')).toMatchObject({ dryBulbC: 30.8, wetBulbC: 22.2 });
    expect(designCondition(yng, '0.4%', 'cooling-tower')).toMatchObject({ dryBulbC: 28.9, wetBulbC: 23.6 });
    expect(designCondition(yng, '20-year', 'dry-cooler').row).toBe('20-year extreme');
  });
});

describe('chiller-free bins and COP', () => {
  it('a bin is chiller-free when ambient + approach is at or below the supply temperature', () => {
    const p = plant({ rejectionApproachK: v(8, 'K') });
    expect(isChillerFree(p, 32, { dryBulbC: 24, wetBulbC: 20 })).toBe(true); // 24 + 8 = 32 ≤ 32
    expect(isChillerFree(p, 32, { dryBulbC: 24.01, wetBulbC: 20 })).toBe(false);
    const tower = plant({ rejection: 'cooling-tower', rejectionApproachK: v(5, 'K') });
    expect(isChillerFree(tower, 27, { dryBulbC: 35, wetBulbC: 22 })).toBe(true); // towers follow the wet bulb: 22 + 5 = 27
  });

  it('derived: COP at AHRI 550/590 standard conditions is ≈ 6.3 (0.56 kW/ton) with the preset chiller model', () => {
    // AHRI 550/590 Table 1: leaving chilled water 44 °F (6.67 °C), entering condenser water 85 °F (29.44 °C).
    // Tower at 78 °F wet bulb (25.56 °C) + 7 °F approach (3.89 K) = 29.44 °C.
    // T_evap = 6.67 − 2 = 4.67 °C = 277.82 K; T_cond = 29.44 + 7 = 36.44 °C = 309.59 K; lift 31.77 K;
    // Carnot 277.82 / 31.77 = 8.745; × 0.72 = 6.296 → 3.517 / 6.296 = 0.559 kW/ton.
    const tower = plant({ rejection: 'cooling-tower', rejectionApproachK: v(3.8889, 'K') });
    const cop = chillerCop(tower, 6.6667, { dryBulbC: 35, wetBulbC: 25.5556 });
    expect(cop).toBeCloseTo(6.296, 2);
    expect(3.51685 / cop).toBeCloseTo(0.559, 2);
  });

  it('COP falls as the lift grows and is capped for tiny lifts', () => {
    const p = plant();
    const a = chillerCop(p, 18, { dryBulbC: 20, wetBulbC: 15 });
    const b = chillerCop(p, 18, { dryBulbC: 35, wetBulbC: 25 });
    expect(b).toBeLessThan(a);
    expect(chillerCop(p, 40, { dryBulbC: -10, wetBulbC: -12 })).toBe(12);
  });

  it('cooling kW/kW: pumps and fans always, plus the chiller’s share of the heat / COP; the annual mean is hour-weighted', () => {
    const p = plant();
    const free = binCooling(p, 'liquid', 30, { dryBulbC: 10, wetBulbC: 8 });
    expect(free).toMatchObject({ chillerFree: true, cop: null });
    expect(free.kwPerKw).toBeCloseTo(0.03, 12); // 0.01 liquid aux + 0.02 rejection aux
    // 30 °C + 5 K approach = 35 °C leaving against a 30 °C supply: a 5 K shortfall of the 10 K range, so the trim
    // chiller lifts half the heat.
    const hot = binCooling(p, 'liquid', 30, { dryBulbC: 30, wetBulbC: 24 });
    expect(hot.chillerFraction).toBeCloseTo(0.5, 12);
    expect(hot.kwPerKw).toBeCloseTo(0.03 + 0.5 / hot.cop!, 12);
    const bins = [
      { month: 1, hour: 0, dryBulbC: 10, wetBulbC: 8, hours: 6000 },
      { month: 7, hour: 15, dryBulbC: 30, wetBulbC: 24, hours: 2760 },
    ];
    const a = annualCooling(p, 'liquid', 30, bins);
    expect(a.chillerFreeHours).toBe(6000);
    expect(a.kwPerKw).toBeCloseTo((0.03 * 6000 + hot.kwPerKw * 2760) / 8760, 12);
  });
});

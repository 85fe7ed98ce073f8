import { describe, expect, it } from 'vitest';
import {
  W_PER_BTU_H, W_PER_TON_REFRIGERATION, airDensityAtAltitude, airflow, coolantProperties, facilityWaterClass,
  lpmToGpm, m3sToCfm, m3sToLpm, volumetricFlow,
} from '../../src/core/physics/thermal';
import type { CoolantModel } from '../../src/core/catalog/types';

describe('unit constants (NIST SP 811 definitions)', () => {
  it('1 W = 3.412 BTU/h and 1 ton of refrigeration = 12,000 BTU/h = 3.517 kW', () => {
    expect(1 / W_PER_BTU_H).toBeCloseTo(3.412, 3);
    expect(W_PER_TON_REFRIGERATION / 1000).toBeCloseTo(3.517, 3);
  });
  it('1 US gallon = 3.785411784 L', () => {
    expect(lpmToGpm(3.785411784)).toBeCloseTo(1, 12);
  });
});

describe('airflow', () => {
  it('matches the sensible-heat rule CFM = 3.16 × W / ΔT(°F) within 1 %', () => {
    // Published rule (insideHPC / Dell, "Calculating CFMs for HPC power and cooling"; reference data C):
    // 10 kW at ΔT 20 °F → 3.16 × 10,000 / 20 = 1,580 CFM.
    const cfm = m3sToCfm(airflow(10_000, 20 / 1.8, 0));
    expect(cfm).toBeGreaterThan(1580 * 0.99);
    expect(cfm).toBeLessThan(1580 * 1.01);
  });
  it('air density falls with altitude as the standard-atmosphere pressure ratio', () => {
    // Published: Engineers Edge "Standard Atmospheric Data" table (U.S. Standard Atmosphere, SI units):
    // 1,524.0 m → 84,322.9 Pa and 3,048.0 m → 69,692.2 Pa against 101,325.3 Pa at sea level.
    // https://engineersedge.com/calculators/standard_atmospheric_data_15729.htm
    expect(airDensityAtAltitude(1524) / airDensityAtAltitude(0)).toBeCloseTo(84_322.9 / 101_325.3, 3);
    expect(airDensityAtAltitude(3048) / airDensityAtAltitude(0)).toBeCloseTo(69_692.2 / 101_325.3, 3);
  });
  it('thinner air needs proportionally more volume', () => {
    expect(airflow(10_000, 10, 1524) / airflow(10_000, 10, 0)).toBeCloseTo(101_325.3 / 84_322.9, 2);
  });
});

describe('liquid flow', () => {
  const water25: CoolantModel = {
    id: 'water', name: 'Water', confidence: 'published', sources: [],
    table: [{ tempC: 25, cpJPerKgK: 4180, densityKgM3: 997 }, { tempC: 35, cpJPerKgK: 4178, densityKgM3: 994 }],
    freezePointC: { value: null, unit: 'degC', reason: 'test' },
  };
  it('water at 25 °C: 1.44 L/min per kW at ΔT 10 K (hand derivation, marked derived)', () => {
    // Derived: V̇ = Q / (ρ · cp · ΔT) = 1,000 W / (997 kg/m³ × 4,180 J/kg·K × 10 K) = 2.400e-5 m³/s = 1.440 L/min.
    const lpm = m3sToLpm(volumetricFlow(1000, 10, coolantProperties(water25, 25)));
    expect(lpm).toBeCloseTo(1.44, 2);
  });
  it('lies inside the OCP planning range of 1.25–2.0 L/min per kW (typical 1.5) at ΔT ≈ 10 K', () => {
    // Published guidance (OCP, as summarised by ProphetStor, "Why fixed-flow GPU rack cooling wastes energy").
    const lpm = m3sToLpm(volumetricFlow(1000, 10, coolantProperties(water25, 25)));
    expect(lpm).toBeGreaterThan(1.25);
    expect(lpm).toBeLessThan(2.0);
  });
  it('QCT GB200 NVL72: 115 kW of liquid heat at 130 L/min of water implies ΔT ≈ 12.7 K', () => {
    // Published figures (QCT QoolRack GB200 NVL72: 115 kW to liquid, up to ≈130 L/min); ΔT derived in reference data-gaps §3.
    const lpmAt127 = m3sToLpm(volumetricFlow(115_000, 12.7, coolantProperties(water25, 25)));
    expect(lpmAt127).toBeGreaterThan(125);
    expect(lpmAt127).toBeLessThan(135);
  });
  it('interpolates properties linearly and clamps outside the table', () => {
    expect(coolantProperties(water25, 30).cpJPerKgK).toBeCloseTo(4179, 9);
    expect(coolantProperties(water25, 60)).toMatchObject({ cpJPerKgK: 4178, clamped: true });
  });
});

describe('facilityWaterClass (ASHRAE TC 9.9, 2021: W17, W27, W32, W40, W45, W+)', () => {
  it.each([
    [16, null], [17, 'W17'], [26.9, 'W17'], [27, 'W27'], [32, 'W32'], [41, 'W40'], [45, 'W45'], [46, 'W+'],
  ])('%s °C facility water → %s', (t, cls) => {
    expect(facilityWaterClass(t)).toBe(cls);
  });
});

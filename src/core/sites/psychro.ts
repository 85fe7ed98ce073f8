/**
 * Psychrometrics for cooling bins: saturation vapour pressure, relative humidity from the dew point,
 * and wet bulb from dry bulb and relative humidity (Stull 2011).
 * @module
 */

/**
 * Saturation vapour pressure over water, kPa (FAO Irrigation and Drainage Paper 56, ch. 3, eq. 11:
 * e°(T) = 0.6108 · exp(17.27·T / (T + 237.3))).
 * @example saturationVapourPressureKpa(15) // ≈ 1.705 (FAO-56 example 3)
 */
export function saturationVapourPressureKpa(tempC: number): number {
  return 0.6108 * Math.exp((17.27 * tempC) / (tempC + 237.3));
}

/** Relative humidity in percent from dry bulb and dew point (ratio of actual to saturation vapour pressure). */
export function relativeHumidityPct(dryBulbC: number, dewPointC: number): number {
  return (100 * saturationVapourPressureKpa(Math.min(dewPointC, dryBulbC))) / saturationVapourPressureKpa(dryBulbC);
}

/**
 * Wet-bulb temperature from dry bulb and relative humidity at standard sea-level pressure
 * (Stull, "Wet-Bulb Temperature from Relative Humidity and Air Temperature", J. Appl. Meteor. Climatol. 50, 2011, eq. 1).
 * Valid for RH 5–99 % and −20…50 °C (errors −1 to +0.65 K, mean absolute error < 0.3 K); inputs outside are clamped
 * to that RH range, and the result never exceeds the dry bulb.
 */
export function stullWetBulbC(dryBulbC: number, relativeHumidity: number): number {
  const t = dryBulbC;
  const rh = Math.min(99, Math.max(5, relativeHumidity));
  const tw =
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * Math.pow(rh, 1.5) * Math.atan(0.023101 * rh) -
    4.686035;
  return Math.min(tw, t);
}

/** Wet bulb from dry bulb and dew point (via relative humidity and Stull 2011). */
export function wetBulbFromDewPointC(dryBulbC: number, dewPointC: number): number {
  if (dewPointC >= dryBulbC) return dryBulbC;
  return stullWetBulbC(dryBulbC, relativeHumidityPct(dryBulbC, dewPointC));
}

/**
 * Latent heat of vaporization of water, kJ/kg, at a water temperature in °C: the cubic fit of Rogers & Yau,
 * "A Short Course in Cloud Physics" (3rd ed., 1989), L = 2500.8 − 2.36·T + 0.0016·T² − 0.00006·T³ J/g,
 * valid −25…40 °C (within 0.05 % of the IAPWS steam tables there). Inputs are clamped to 0…60 °C, where the fit
 * stays within 0.3 % of the tables; evaporating cooling water never leaves that range.
 * @example latentHeatOfVaporizationKjPerKg(25) // ≈ 2,441.9 (steam tables: 2,441.7)
 */
export function latentHeatOfVaporizationKjPerKg(waterTempC: number): number {
  const t = Math.min(60, Math.max(0, waterTempC));
  return 2500.8 - 2.36 * t + 0.0016 * t * t - 0.00006 * t * t * t;
}

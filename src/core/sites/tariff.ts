/**
 * What a site's electricity costs in a calendar year: the energy price escalated from the tariff's base year, and a
 * capacity-market charge (PJM's RPM for Ohio) as its own term.
 *
 * Capacity: a delivery year runs June 1 to May 31, so calendar year y pays 5/12 of the price of the delivery year
 * that started in y − 1 and 7/12 of the one starting in y. Delivery years before the first or after the last
 * auction hold the nearest auction's price (no later auction has cleared; the price is not escalated).
 * The obligation is taken as the site's mean facility draw: an AI campus runs flat, so its share of the summer
 * coincident peaks (PJM's peak load contribution) is about its mean load. Cost = $/MW-day × MW × days = $/MW-day ×
 * MWh ÷ 24. Not modelled: the zonal scaling and forecast-pool factors applied to the peak load contribution, and the
 * capacity cost already carried in the base-year energy price (small in 2023, when RPM cleared at $30–50/MW-day).
 * @module
 */
import { pickSourced } from '../provenance';
import type { CapacityCharge, DataCenterRole } from './types';

/** Energy price in a calendar year: base-year price × (1 + escalation)^(year − base year), USD/kWh. */
export function energyPriceUsdPerKwh(tariff: DataCenterRole['tariff'], year: number): number {
  return pickSourced(tariff.priceUsdPerKwh, 'typical') * Math.pow(1 + pickSourced(tariff.escalationPerYear, 'typical'), year - tariff.baseYear);
}

/** Clearing price of the delivery year starting in `deliveryYear`, holding the nearest auction outside the known years. */
function deliveryYearPrice(charge: CapacityCharge, deliveryYear: number): number {
  const prices = charge.prices;
  let chosen = prices[0]!;
  for (const p of prices) if (p.deliveryYear <= deliveryYear) chosen = p;
  return pickSourced(chosen.priceUsdPerMwDay, 'typical');
}

/** Capacity price paid over calendar year `year`, USD per MW-day (see the module comment); null without a capacity charge. */
export function capacityPriceUsdPerMwDay(charge: CapacityCharge | null, year: number): number | null {
  if (!charge || charge.prices.length === 0) return null;
  return (5 / 12) * deliveryYearPrice(charge, year - 1) + (7 / 12) * deliveryYearPrice(charge, year);
}

/** Capacity cost of a flat load that draws `facilityMwh` at the meter: $/MW-day × MWh ÷ 24 h. */
export function capacityCostUsd(priceUsdPerMwDay: number | null, facilityMwh: number): number {
  return priceUsdPerMwDay === null ? 0 : (priceUsdPerMwDay * facilityMwh) / 24;
}

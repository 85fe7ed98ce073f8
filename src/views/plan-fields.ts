/**
 * The Plan and Compare views' numeric fields: the plan's settings, a grid cell's units, a site's tariff and the
 * comparison's target (from the design schema's tables). Apart from ./fields.ts (which re-exports them), so those
 * views load only their own fields.
 * @module
 */
import { COMPARE_TARGET_LIMITS, PLAN_SETTING_LIMITS } from '../schema/limits';
import { fromLimit, type NumericField } from './numeric-field';

/** The Compare view's target field, per target kind. */
export const COMPARE_TARGET_FIELDS = {
  accelerators: fromLimit('accelerators', COMPARE_TARGET_LIMITS.accelerators, 'Accelerators', 'count', '', { example: '1152' }),
  itPower: fromLimit('itPower', COMPARE_TARGET_LIMITS.itPower, 'IT power', 'power', '', { example: '10 MW' }),
  fp8Pflops: fromLimit('fp8Pflops', COMPARE_TARGET_LIMITS.fp8Pflops, 'Dense FP8 PFLOPS', 'count', '', { example: '5000' }),
  fp4Pflops: fromLimit('fp4Pflops', COMPARE_TARGET_LIMITS.fp4Pflops, 'Dense FP4 PFLOPS', 'count', '', { example: '10000' }),
  bf16Pflops: fromLimit('bf16Pflops', COMPARE_TARGET_LIMITS.bf16Pflops, 'Dense BF16 PFLOPS', 'count', '', { example: '2500' }),
  fp8SparsePflops: fromLimit('fp8SparsePflops', COMPARE_TARGET_LIMITS.fp8SparsePflops, 'FP8 sparse (2:4) PFLOPS', 'count', '', { example: '10000' }),
  fp4SparsePflops: fromLimit('fp4SparsePflops', COMPARE_TARGET_LIMITS.fp4SparsePflops, 'FP4 sparse (2:4) PFLOPS', 'count', '', { example: '20000' }),
  bf16SparsePflops: fromLimit('bf16SparsePflops', COMPARE_TARGET_LIMITS.bf16SparsePflops, 'BF16 sparse (2:4) PFLOPS', 'count', '', { example: '5000' }),
  fp32Pflops: fromLimit('fp32Pflops', COMPARE_TARGET_LIMITS.fp32Pflops, 'FP32 PFLOPS', 'count', '', { example: '80' }),
  fp64Pflops: fromLimit('fp64Pflops', COMPARE_TARGET_LIMITS.fp64Pflops, 'FP64 PFLOPS', 'count', '', { example: '40' }),
  facilityPower: fromLimit('facilityPower', COMPARE_TARGET_LIMITS.facilityPower, 'Facility power at the meter', 'power', '', { example: '20 MW' }),
  budgetUsd: fromLimit('budgetUsd', COMPARE_TARGET_LIMITS.budgetUsd, 'Capex budget (USD)', 'count', '', { example: '500000000' }),
} as const satisfies { [K in keyof typeof COMPARE_TARGET_LIMITS]: NumericField<K> };

const PL = PLAN_SETTING_LIMITS;

/** Numeric fields of the Plan view: settings, a grid cell's units, a site's tariff. */
export const PLAN_FIELDS = {
  horizonYears: fromLimit('horizonYears', PL.horizonYears, 'Horizon (years)', 'count', ''),
  utilization: fromLimit('utilization', PL.utilization, 'Utilization', 'percent', 'Average draw ÷ design'),
  discountRate: fromLimit('discountRate', PL.discountRate, 'Discount rate', 'percent', 'Per year, for NPV'),
  deploymentUnits: fromLimit('deploymentUnits', PL.deploymentUnits, 'Units', 'count', 'Units deployed at the site in the quarter'),
  tariffUsdPerKwh: fromLimit('tariffUsdPerKwh', PL.tariffUsdPerKwh, 'Tariff', 'ratio', 'USD per kWh'),
} as const satisfies { [K in keyof typeof PL]: NumericField<K> };


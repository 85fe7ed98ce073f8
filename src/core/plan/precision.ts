/**
 * The compute precisions a comparison or a plan's demand can be stated in, their words, and each one's figure in
 * the unit report's compute (the one owner of per-unit PFLOPS; nothing here is a second table of numbers).
 * @module
 */
import type { Accelerator } from '../catalog/types';
import { isMissing } from '../provenance';
import type { ComputeReport } from '../rack/types';
import type { Precision } from './types';

/** Every precision, in the order a picker lists them: dense tensor formats, then 2:4 sparse, then FP32/FP64. */
export const PRECISIONS = ['fp8', 'fp4', 'bf16', 'fp8-sparse', 'fp4-sparse', 'bf16-sparse', 'fp32', 'fp64'] as const satisfies readonly Precision[];

/** The unit report's compute field and the catalog accelerator field behind each precision. */
const FIELD: Record<Precision, keyof ComputeReport & keyof Accelerator> = {
  fp8: 'fp8DensePflops',
  fp4: 'fp4DensePflops',
  bf16: 'bf16DensePflops',
  'fp8-sparse': 'fp8SparsePflops',
  'fp4-sparse': 'fp4SparsePflops',
  'bf16-sparse': 'bf16SparsePflops',
  fp32: 'fp32Pflops',
  fp64: 'fp64Pflops',
};

/** In words: "FP8", "FP8 sparse (2:4)", "FP64". */
export const PRECISION_LABEL: Record<Precision, string> = {
  fp8: 'FP8',
  fp4: 'FP4',
  bf16: 'BF16',
  'fp8-sparse': 'FP8 sparse (2:4)',
  'fp4-sparse': 'FP4 sparse (2:4)',
  'bf16-sparse': 'BF16 sparse (2:4)',
  fp32: 'FP32',
  fp64: 'FP64',
};

/** Dense for the tensor formats without sparsity; sparse and FP32/FP64 say what they are in the label. */
export function isDensePrecision(p: Precision): boolean {
  return p === 'fp8' || p === 'fp4' || p === 'bf16';
}

/**
 * PFLOPS a unit supplies at a precision, as evaluateUnit reports it (per-accelerator figure × accelerators); null
 * where the catalog publishes none or the chip lacks the format.
 */
export function computeAt(compute: ComputeReport, p: Precision): number | null {
  return compute[FIELD[p]];
}

/**
 * Why a unit has no figure at a precision: `unsupported` when the catalog records that the chip lacks the format
 * (its reason starts "unsupported"), `not published` when the field is null for any other reason or absent.
 */
export function missingPrecisionReason(accelerator: Accelerator, p: Precision): 'unsupported' | 'not published' {
  const q = accelerator[FIELD[p]];
  return q && isMissing(q) && /^unsupported/i.test(q.reason) ? 'unsupported' : 'not published';
}

/** The unit of a figure at a precision: "PFLOPS fp8 dense" (the established wording), "PFLOPS fp8-sparse", "PFLOPS fp64". */
export function precisionUnit(p: Precision): string {
  return isDensePrecision(p) ? `PFLOPS ${p} dense` : `PFLOPS ${p}`;
}

/**
 * The design document's defaults and part names, without its schemas: the store and the first render read them
 * before zod and the design schema (src/schema/design.ts, which re-exports them) have loaded.
 * @module
 */
import { FABRIC_DESIGN_LIMITS } from './limits';

/** The fabric a document without one starts with: sized by accelerators (what an engineer is asked for). */
export const DEFAULT_FABRIC_DESIGN = { accelerators: FABRIC_DESIGN_LIMITS.accelerators.default } as const;

export const DEFAULT_PREFS = { units: 'si', theme: 'system' } as const;

/** The parts of the design document (`DesignPart` in src/schema/design.ts); the store checks only the parts an edit changed. */
export const DESIGN_PARTS = ['rack', 'compare', 'fabric', 'plan'] as const;

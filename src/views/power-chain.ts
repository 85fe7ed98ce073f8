/**
 * The power chain from the utility to the chips: owned by the core (src/core/rack/power-chain.ts) so the designer
 * and the PDF design review draw the same stages; re-exported here for the views and components.
 * @module
 */
export * from '../core/rack/power-chain';

/**
 * Short display names: catalog names carry a parenthetical for the full record (`Houston, TX (Stargate
 * campus)`, `NVIDIA GB300 NVL72 (Blackwell Ultra)`); tables, charts, pickers and the PDF show the name without it.
 * In the core so the power chain (src/core/rack/power-chain.ts) and the exporters name things the way the views do.
 * @module
 */

/** The name without its trailing parenthetical. */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

/** A generation's name without its parenthetical and vendor prefix (`GB300 NVL72`), for narrow columns and charts. */
export function shortGenerationName(name: string): string {
  return shortName(name).replace(/^(NVIDIA|AWS) /, '');
}

/**
 * Short display names: catalog names carry a parenthetical for the full record (`Houston, TX (Stargate
 * campus)`, `NVIDIA GB300 NVL72 (Blackwell Ultra)`); tables, charts and pickers show the name without it.
 * @module
 */

// The short-name rules live in the core (the power chain and the PDF export use them too); re-exported for the views.
export { shortName, shortGenerationName } from '../core/names';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month a catalog version is dated (`2026.11.2` → "November 2026"; versions are year.month.release), or '' if it is not in that form. */
export function catalogMonth(version: string): string {
  const m = /^(\d{4})\.(\d{1,2})\.\d+$/.exec(version);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : '';
}

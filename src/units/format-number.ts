/**
 * Numbers for people, for the outer layers (CLI, UI, exports). The formatter lives in the core because the
 * core's issue messages print numbers too, and the core may import nothing outside itself; this module is the
 * formatting layer's name for it. No mathjs here: the CLI and the first paint import this without pulling
 * mathjs in (src/units/quantity.ts is the only mathjs module).
 * @module
 */
export { formatNumber, formatPue, formatUsd, NOT_A_NUMBER_TEXT, PUE_DECIMALS } from '../core/format';

/**
 * The bundled network catalog (switches, transceivers, cable media) from presets/network/*.json, validated by
 * its schemas at build time (src/schema/presets-plugin.mts) and frozen.
 * @module
 */
import { cables, switches, transceivers } from 'virtual:rackplan-presets/network';
import type { NetworkCatalog } from '../core/fabric/types';

let cached: NetworkCatalog | undefined;

/** The validated, frozen network catalog bundled with this build. */
export function loadNetworkCatalog(): NetworkCatalog {
  cached ??= Object.freeze({ switches, transceivers, cables });
  return cached;
}

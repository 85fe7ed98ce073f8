/**
 * The part of the engine that the rack designer's first paint does not need: site presets and the sites core,
 * plan evaluation, the cluster fabric and the accelerator comparison. {@link Reports} loads this module once,
 * on demand, and derives every report from it.
 * @module
 */
export { loadSites } from '../catalog/sites';
export { loadNetworkCatalog } from '../catalog/network';
export { evaluatePlan } from '../core/plan/evaluate';
export { compareSite, compareUnits } from './compare';
export { bundledSiteIndex } from '../catalog/site-index';
export { comparedSite } from './compare-site';
export { evaluateFabric, topologyComparison } from './fabric-view';
export { facilityChain, siteDefaults, siteList } from './site-chain';
export { siteCards } from './sites-view';
export { findGeneration } from '../core/catalog/lookup';

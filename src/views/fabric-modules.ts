/**
 * What the Fabric view's reports need: the cluster fabric and the network catalog, without the plan, sites and
 * compare engines of {@link ReportModules} (src/views/report-modules.ts, which exports the same functions).
 * {@link Reports} loads it when the Fabric view is the first view shown.
 * @module
 */
export { loadNetworkCatalog } from '../catalog/network';
export { evaluateFabric, topologyComparison } from './fabric-view';
export { findGeneration } from '../core/catalog/lookup';

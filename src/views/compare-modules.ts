/**
 * What the Compare view's reports need: the comparison and the sites' functions (the designer's report, which the
 * view compares against, applies its site with them), without plan evaluation and the cluster fabric's view model of
 * {@link ReportModules} (src/views/report-modules.ts, which exports the same functions). {@link Reports} loads it when
 * the Compare view is the first view shown.
 * @module
 */
export { loadSites } from '../catalog/sites';
export { compareSite, compareUnits } from './compare';
export { facilityChain, siteDefaults, siteList } from './site-chain';

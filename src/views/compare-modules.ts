/**
 * What the Compare view's reports need: the comparison and the site it is costed at (the sites' index, and the one
 * site's data, fetched on its own: the comparison reads no other site), without plan evaluation, the cluster fabric's
 * view model, the whole site list and the designer's facility chain of {@link ReportModules}
 * (src/views/report-modules.ts, which exports the same functions). The designer's unit, which the view offers as a
 * target, takes its site's defaults from src/views/site-list.ts, loaded after the first paint. {@link Reports} loads
 * this module when the Compare view is the first view shown.
 * @module
 */
export { bundledSiteIndex } from '../catalog/site-index';
export { compareUnits } from './compare';
export { comparedSite } from './compare-site';

/**
 * What the Compare view's reports need: the comparison, the site list and the defaults a site gives a unit (the
 * designer's unit, which the view offers as a target, is evaluated at its site), without plan evaluation, the
 * cluster fabric's view model and the designer's facility chain of {@link ReportModules}
 * (src/views/report-modules.ts, which exports the same functions). {@link Reports} loads it when the Compare view is
 * the first view shown.
 * @module
 */
export { loadSites } from '../catalog/sites';
export { compareSite, compareUnits } from './compare';
export { siteDefaults, siteList } from './site-list';

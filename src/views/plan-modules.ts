/**
 * What the Plan and Sites views' reports need: the site presets, plan evaluation and the site cards, without the
 * compare engine and the cluster fabric's view model of {@link ReportModules} (src/views/report-modules.ts, which
 * exports the same functions). {@link Reports} loads it when the Plan or Sites view is the first view shown.
 * @module
 */
export { loadSites } from '../catalog/sites';
export { evaluatePlan } from '../core/plan/evaluate';
export { siteCards } from './sites-view';

/**
 * What the Plan and Sites views' reports need: the site presets and plan evaluation, without the compare engine and
 * the cluster fabric's view model of {@link ReportModules} (src/views/report-modules.ts, which exports the same
 * functions). {@link Reports} loads it when the Plan or Sites view is the first view shown; the Sites view's cards
 * (./sites-view.ts) load beside it when that view asks for them.
 * @module
 */
export { loadSites } from '../catalog/sites';
export { evaluatePlan } from '../core/plan/evaluate';

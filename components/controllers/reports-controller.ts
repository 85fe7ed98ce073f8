/**
 * Subscribes a component to the app's {@link Reports} from context and re-renders it only when what it selects
 * changes. Asking for a report that needs the report modules starts loading them.
 * @module
 */
import { reportsContext } from './context';
import { ContextSelection, type Host } from './context-selection';
import type { Reports } from '../../src/views/reports';

export class ReportsController<T> extends ContextSelection<Reports, T> {
  /**
   * @param select - picks the reports the component shows (a tuple to depend on several)
   * @param options.needsModules - the selection needs the report modules: load them when connected (default true)
   * @param options.only - the selection reads only the fabric reports, only the plan's (plan, site cards, site
   *   list), or only the comparison's (comparison, the designer's report, site list): load just their modules
   */
  constructor(host: Host, select: (reports: Reports) => T, options: { needsModules?: boolean; only?: 'fabric' | 'plan' | 'compare' } = {}) {
    const needsModules = options.needsModules ?? true;
    super(host, reportsContext, select, (reports) => {
      if (!needsModules) return;
      if (options.only === 'fabric') {
        if (!reports.fabricReady) void reports.loadFabric();
      } else if (options.only === 'plan') {
        if (!reports.planReady) void reports.loadPlan();
      } else if (options.only === 'compare') {
        if (!reports.compareReady) void reports.loadCompare();
      } else if (!reports.ready) void reports.load();
    });
  }

  get reports(): Reports | undefined {
    return this.source;
  }
}

/**
 * Which catalog generations a view needs before its first render. A deep link paints with these (in the web app each
 * generation is a chunk of its own) and the whole catalog joins after the first paint; a figure is never computed
 * from a catalog that lacks a generation it reads, so each list below names every generation its view's reports
 * look up (test/state/shown-generations.test.ts compares those reports with the whole catalog's).
 * @module
 */
import type { Route } from './router';
import type { DesignState } from './types';

/**
 * The generation a site is shown with when nobody names one: the core's REFERENCE_GENERATION
 * (src/core/plan/evaluate-site.ts; not imported, it would pull the sites core into the entry; a test holds them equal).
 */
export const SITE_REFERENCE_GENERATION = 'gb300-nvl72';

/**
 * The generation ids (or aliases) a route's view reads from the catalog for this design, or `null` when it needs
 * the whole catalog. The designer, the calculators, Fabric and Export read the designer's generation; the views that
 * evaluate sites (Compare among them) read the sites' reference generation (a site with no generation named is shown
 * with it).
 */
export function generationsShown(route: Route, design: DesignState): readonly string[] | null {
  const rack = design.rack.generationId;
  switch (route.view) {
    case 'rack':
    case 'calc':
      return [rack];
    case 'fabric':
      return [rack];
    // Compare sizes the compared generations (the sites' reference one too); the designer's unit, offered as a target,
    // joins with the whole catalog (its button waits until then, src/views/reports.ts rackUnit).
    case 'compare':
      return [SITE_REFERENCE_GENERATION, ...design.compare.generationIds];
    // The Plan and Sites views evaluate the plan's deployments and orders. The optimizer's generations (grid columns,
    // choices) and those the plants build (site cards) are only named there, from the build's index of names
    // (src/views/generations.ts listedGenerations), so their data is not needed before the first paint.
    // Neither reads the designer's generation (the navigation names it by id only).
    case 'plan':
    case 'sites':
      return [SITE_REFERENCE_GENERATION, ...planGenerations(design)];
    // The Export view paints its session files' buttons; its plan parts and files wait for the whole catalog.
    case 'export':
      return [rack];
    case 'not-found':
      return null;
  }
}

/** Generations the plan evaluates: its deployments' and its orders'. */
function planGenerations(design: DesignState): string[] {
  const p = design.plan.plan;
  return [...p.deployments.map((d) => d.generation), ...(p.orders ?? []).map((o) => o.generation)];
}

/**
 * Issue 16 (JS before the first render): a deep link paints with only the generations its view shows
 * (src/state/shown-generations.ts) and the whole catalog joins later. These tests hold that this is never a different
 * number: every report a view reads, computed from the catalog holding only the listed generations, equals the same
 * report from the whole catalog (the independent reference is the whole catalog, as the CLI and every other
 * surface use it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { compareSite, compareUnits } from '../../src/views/compare';
import { siteCards } from '../../src/views/sites-view';
import type { Catalog } from '../../src/core/catalog/types';
import { REFERENCE_GENERATION } from '../../src/core/plan/evaluate-site';
import type { Plan } from '../../src/core/plan/types';
import { parseRoute, type Route } from '../../src/state/router';
import { generationsShown, SITE_REFERENCE_GENERATION } from '../../src/state/shown-generations';
import { AppStore, initialDesign, loadDesignChecks } from '../../src/state/store';
import type { DesignState } from '../../src/state/types';
import { listedGenerations } from '../../src/views/generations';
import { Reports } from '../../src/views/reports';
import { demandChart, defaultDemandChoice, planCharts, planGrid, planSettingValues, planSites } from '../../src/views/plan-view';
import small from '../../presets/plans/small.json';

const whole = loadCatalog();

/** The catalog holding only the generations named, as src/catalog/presets.ts `loadCatalogFor` builds it. */
function partOf(catalog: Catalog, ids: readonly string[]): Catalog {
  return Object.freeze({ ...catalog, generations: Object.freeze(catalog.generations.filter((g) => ids.some((x) => g.id === x || g.aliases.includes(x)))) });
}

/** A report's data with each function (the cable plan's placement closures, a new one per evaluation) named only. */
function data(value: unknown): unknown {
  if (typeof value === 'function') return '[function]';
  if (Array.isArray(value)) return value.map(data);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, data(v)]));
  return value;
}

/** What each view reads from the report owner before its first paint. */
function shownReports(route: Route, r: Reports): unknown {
  switch (route.view) {
    case 'rack':
    case 'calc':
    case 'export':
      return r.rack;
    case 'fabric':
      return r.fabric;
    case 'compare':
      // The designer's unit (the target button) only once the store can derive it from the whole catalog.
      return [r.compare, r.rackUnit ?? null];
    case 'plan':
      return [r.planOutcome, r.sites, planViewModels(r)];
    case 'sites':
      return [r.siteCards, r.sites, r.planOutcome];
    default:
      throw new Error(`no reports listed for ${route.view}`);
  }
}

/**
 * What the Plan view derives from its reports and the store's catalog for its first paint (as
 * components/plan/rack-plan-view.ts does): the grid (columns and names of the optimizer's generations), the charts,
 * the demand chart and the settings; the optimizer panel's choices are names too (listedGenerations).
 */
function planViewModels(r: Reports): unknown {
  const design = r.store.design;
  const report = r.plan;
  if (!report || !r.sites) return undefined;
  const plan = design.plan.plan;
  const sites = planSites(plan, r.sites);
  const choice = defaultDemandChoice(design.plan.plan);
  const catalog = r.store.catalog;
  return {
    grid: planGrid(plan, report, sites, design.plan.optimizer.generations, catalog, choice),
    charts: planCharts(plan, report, sites, catalog),
    demand: demandChart(plan, report, catalog, choice),
    settings: planSettingValues(plan, catalog),
    optimizerChoices: listedGenerations(catalog).map((g) => [g.id, g.name]),
  };
}

const firstVisit = initialDesign(whole, undefined, new Date('2026-12-01'));
const designs: Record<string, DesignState> = {
  'a first visit': firstVisit,
  'a plan with deployments, a designer site and other compared generations': {
    ...firstVisit,
    rack: { generationId: 'dgx-b200', options: { feeds: 'ab' }, limits: {}, siteId: 'houston-tx' },
    compare: { generationIds: ['trn2-server', 'inf2-server', 'dgx-h200'], target: { kind: 'accelerators', value: 1024 }, siteId: 'lordstown-oh' },
    plan: { ...firstVisit.plan, plan: small as unknown as Plan, optimizer: { generations: ['dgx-b300'], objective: 'npv' } },
  },
};

beforeAll(() => loadDesignChecks());

describe('generationsShown', () => {
  it('names the sites’ reference generation the core uses', () => {
    expect(SITE_REFERENCE_GENERATION).toBe(REFERENCE_GENERATION);
  });

  it('lists fewer generations than the catalog holds for a first visit to the other views', () => {
    for (const path of ['/rack/gb200-nvl72', '/plan', '/fabric', '/compare', '/export', '/sites']) {
      const ids = new Set(generationsShown(parseRoute(path), firstVisit));
      expect(ids.size, path).toBeGreaterThan(0);
      expect(ids.size, path).toBeLessThan(whole.generations.length);
    }
  });

  for (const [name, design] of Object.entries(designs)) {
    for (const path of ['/rack/x', '/calc', '/export', '/fabric', '/compare', '/plan', '/sites']) {
      it(`${path}, ${name}: the view's reports from the listed generations equal the whole catalog's`, async () => {
        const route = parseRoute(path);
        const ids = generationsShown(route, design)!;
        const part = partOf(whole, ids);
        expect(part.generations.length).toBeLessThan(whole.generations.length);
        // The partial store knows the whole catalog is still to come, as the app's first view does.
        const fromPart = new Reports(new AppStore(part, { design, wholeCatalog: () => Promise.resolve(whole) }));
        const fromWhole = new Reports(new AppStore(whole, { design }));
        await Promise.all([fromPart.load(), fromWhole.load()]);
        const expected = shownReports(route, fromWhole);
        expect(expected).toBeDefined();
        const shown = shownReports(route, fromPart);
        if (route.view === 'compare') {
          // The comparison equals the whole catalog's; the designer's unit is either the same report or not shown yet
          // (undefined: its button waits), never another figure.
          const [comparison, unit] = shown as [unknown, unknown];
          const [wholeComparison, wholeUnit] = expected as [unknown, unknown];
          expect(data(comparison)).toEqual(data(wholeComparison));
          expect(wholeUnit).not.toBeNull();
          if (unit !== null) expect(data(unit)).toEqual(data(wholeUnit));
          await fromPart.store.completeCatalog();
          expect(data(shownReports(route, fromPart))).toEqual(data(expected));
        } else {
          expect(data(shown)).toEqual(data(expected));
        }
      });
    }
  }
});

/*
 * Issue 16, round three: should the site presets be split per site like the generations, so that a view paints with
 * only the sites its design names? Only where the view's reports read no other site. The plan's report reads every
 * preset site even when its deployments name none (each plant's capacity is reported, and a row's default plant is
 * the nearest of all that build its generation), and the Sites view shows a card for each; the comparison reads only
 * the site it is costed at. So the Plan and Sites views need the whole list (one chunk of the three compresses to
 * half of three chunks of one), and only Compare could paint with one site. These tests hold those facts (the
 * reference is the whole list, as the CLI and every other surface use it).
 */
describe('which preset sites a view reads', () => {
  const sites = loadSites();

  for (const [name, design] of Object.entries(designs)) {
    it(`the plan's report and the site cards, ${name}, differ when any preset site is left out`, () => {
      const plan = design.plan.plan;
      const expected = data(evaluatePlan(plan, whole, sites));
      for (const left of sites) {
        const part = sites.filter((s) => s !== left);
        const report = evaluatePlan(plan, whole, part);
        expect(data(report), `without ${left.id}`).not.toEqual(expected);
        expect(siteCards(plan, report, whole, part).map((c) => c.id)).not.toContain(left.id);
      }
    });

    it(`the comparison, ${name}, from the compared site alone equals the whole list's`, () => {
      const siteId = compareSite(design.compare, design.rack.siteId, sites);
      const alone = sites.filter((s) => s.id === siteId);
      expect(alone).toHaveLength(1);
      expect(data(compareUnits(whole, design.compare, siteId, alone, design.rack))).toEqual(data(compareUnits(whole, design.compare, siteId, sites, design.rack)));
    });
  }
});

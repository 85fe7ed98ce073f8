import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { Plan, PlanReport } from '../../src/core/plan/types';
import type { QuarterId, Site } from '../../src/core/sites/types';
import type { PlanSettings } from '../../src/state/actions';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { PLAN_FIELDS as PF } from '../../src/views/plan-fields';
import { formatNumber, formatUsd } from '../../src/views/format';
import { markRendered, afterNextPaint } from '../../src/views/marks';
import { memoizeLast } from '../../src/views/memo';
import type { PlanFailure } from '../../src/views/reports';
import {
  DEMAND_CHOICES,
  defaultDemandChoice,
  demandChart,
  deploymentRows,
  orderSummary,
  planCharts,
  planGrid,
  planSettingDefaults,
  planSettingValues,
  planSites,
  plantPeaks,
  siteHeadroom,
  startChoices,
  type DemandChoice,
  type DeploymentRowView,
  type PlanCharts,
  type PlanGrid,
  type PlantPeak,
  type SiteHeadroom,
} from '../../src/views/plan-view';
import type { PlanDesign, Prefs } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import { emit } from '../shared/events';
import { baseStyles, pendingElementStyles, numberTableStyles } from '../shared/styles';
import { shortName } from '../../src/views/names';

/**
 * Parts of the view that are used on demand or sit below the first screen: the optimizer panel (its worker client),
 * the scenarios (the plan library: IndexedDB and the plan schema with zod), the chart element, the settings' quantity
 * fields (an editor, with the drafts store), the deployments grid and the issue list. Their code loads once the view has painted, so a deep link to /plan does not wait for it; until
 * then their elements are empty (a chart keeps its height and says it is loading).
 */
let laterParts: Promise<unknown> | undefined;
const loadLaterParts = () => (laterParts ??= Promise.all([import('./rack-optimizer-panel'), import('./rack-scenarios'), import('./plan-view-elements')]));

interface PlanData {
  readonly design: PlanDesign;
  readonly prefs: Prefs;
  readonly catalog: Catalog;
  readonly report: PlanReport;
  readonly grid: PlanGrid;
  readonly charts: { racks: ChartSpec; mw: ChartSpec; plant: ChartSpec };
  /** Supply against demand for the metric the demand row edits (null: the plan has no demand in it). */
  readonly demandChart: ChartSpec | null;
  readonly demandChoice: DemandChoice;
  /** Short names of every site (data centers and plants) by id. */
  readonly siteNames: ReadonlyMap<string, string>;
  readonly headroom: SiteHeadroom[];
  readonly peaks: PlantPeak[];
  readonly orders: ReturnType<typeof orderSummary>;
  readonly startChoices: QuarterId[];
  /** Horizon, utilization and discount rate as evaluated (the plan's, else the catalog defaults). */
  readonly settings: ReturnType<typeof planSettingValues>;
  readonly defaults: ReturnType<typeof planSettingDefaults>;
}

const percent = (n: number) => `${formatNumber(n, 0)} %`;

function chartSpecs(c: PlanCharts): PlanData['charts'] {
  const limitLine = { label: 'Limit (100 %)', data: c.labels.map(() => 100), line: true, color: 5 };
  return {
    racks: { labels: c.labels, series: c.racks.map((s) => ({ ...s, stack: 'racks' })), yTitle: 'racks in service', stacked: true, integer: true, format: (n) => formatNumber(n, 0) },
    mw: { labels: c.labels, series: [...c.mwShare.map((s) => ({ ...s, line: true })), limitLine], yTitle: '% of the site’s own meter', format: percent },
    plant: { labels: c.labels, series: [...c.plantShare.map((s) => ({ ...s, line: true })), limitLine], yTitle: '% of the plant’s own capacity', format: percent },
  };
}

function demandSpec(d: ReturnType<typeof demandChart>, unit: string): ChartSpec | null {
  if (!d) return null;
  return { labels: d.labels, series: [{ ...d.supplied, color: 1 }, { ...d.required, line: true, color: 5 }], yTitle: unit, format: (n) => formatNumber(n, 0) };
}

/**
 * The capacity plan: quarters × sites × generations, evaluated by the plan core on every edit — racks and MW over
 * time, plant weekly builds against capacity, firm vs option orders, headroom and stranded capacity, the optimizer.
 *
 * @summary Plan view.
 * @fires rack-edit - `plan/set-settings`, `plan/set-deployment` and `plan/set-demand` (from the grid), `plan/set-row`
 *   (lock, plant), optimizer actions
 */
@customElement('rack-plan-view')
export class RackPlanView extends LitElement {
  static override styles = [
    baseStyles,
    pendingElementStyles,
    numberTableStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      :host > *,
      .top > *,
      .charts > *,
      .two > * {
        min-width: 0;
      }
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
        gap: 1rem;
      }
      @media (max-width: 1100px) {
        .top {
          grid-template-columns: 1fr;
        }
      }
      .settings {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.6rem 0.9rem;
        align-items: start;
      }
      .settings label.sel {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      .settings input,
      .settings select {
        padding: 0.3rem 0.45rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 0;
      }
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.75rem 1rem;
        margin: 1rem 0 0;
      }
      dt {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
        gap: 1rem;
      }
      .charts rack-chart {
        height: 17rem;
      }
      .card > h2 {
        margin-bottom: 0.6rem;
      }
      .totals .capex {
        grid-column: 1 / -1;
      }
      .totals dd.split {
        font-weight: 400;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      .demand-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
      .demand-head select,
      .rows select {
        padding: 0.2rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
      }
      .rows-wrap {
        max-height: 24rem;
        overflow: auto;
      }
      .rows td,
      .rows th {
        padding: 0.15rem 0.35rem;
        text-align: left;
        white-space: nowrap;
      }
      .later {
        content-visibility: auto;
        contain-intrinsic-size: auto 24rem;
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
        gap: 1rem;
      }
      table {
        border-collapse: collapse;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
        width: 100%;
      }
      ul.sentences {
        margin: 0.5rem 0 0;
        padding-left: 1.1rem;
        font-size: 0.8125rem;
      }
      .hint {
        font-size: 0.75rem;
        color: var(--rack-muted);
        font-weight: 400;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => [s.design.plan, s.prefs, s.catalog] as const);
  readonly #reports = new ReportsController(this, (r) => [r.planOutcome, r.sites] as const, { only: 'plan' });
  readonly #sites = memoizeLast((plan: Plan, presets: readonly Site[]) => planSites(plan, presets));
  readonly #grid = memoizeLast((plan: Plan, report: PlanReport, sites: readonly Site[], gens: readonly string[], catalog: Catalog, choice: DemandChoice) => planGrid(plan, report, sites, gens, catalog, choice));
  readonly #charts = memoizeLast((plan: Plan, report: PlanReport, sites: readonly Site[], catalog: Catalog) => chartSpecs(planCharts(plan, report, sites, catalog)));
  readonly #demandChart = memoizeLast((plan: Plan, report: PlanReport, catalog: Catalog, choice: DemandChoice, unit: string) => demandSpec(demandChart(plan, report, catalog, choice), unit));
  readonly #rows = memoizeLast((plan: Plan, report: PlanReport, presets: readonly Site[]) => deploymentRows(plan, report, presets));
  readonly #siteNames = memoizeLast((plan: Plan, presets: readonly Site[]) => {
    const m = new Map(presets.map((x) => [x.id, shortName(x.name)]));
    for (const x of plan.sites ?? []) m.set(x.id, shortName(x.name));
    return m;
  });
  /** The demand metric the demand column and chart show (null: the plan's first entry's). A view choice, not an edit. */
  @state() private _demandChoice: DemandChoice | null = null;
  /** The deployment rows table renders only while open (it adds nothing to an edit's paint when closed). */
  @state() private _rowsOpen = false;
  readonly #headroom = memoizeLast((report: PlanReport) => siteHeadroom(report));
  readonly #peaks = memoizeLast((report: PlanReport) => plantPeaks(report));
  readonly #orders = memoizeLast((plan: Plan) => orderSummary(plan));
  readonly #starts = memoizeLast((start: QuarterId) => startChoices(start));

  #data: PlanData | null = null;
  /** Evaluating the plan threw: the view shows what failed instead of going blank. */
  #failure: PlanFailure | null = null;

  override willUpdate(): void {
    const v = this.#store.value;
    if (!v) return;
    const [design, prefs, catalog] = v;
    const [outcome, presets] = this.#reports.value ?? [];
    this.#failure = outcome && !outcome.ok ? outcome.error : null;
    if (this.#failure) this.#data = null;
    const report = outcome?.ok ? outcome.value : undefined;
    if (!report || !presets) return;
    const sites = this.#sites(design.plan, presets);
    const demandChoice = this._demandChoice ?? defaultDemandChoice(design.plan);
    const grid = this.#grid(design.plan, report, sites, design.optimizer.generations, catalog, demandChoice);
    this.#data = {
      design,
      prefs,
      catalog,
      report,
      grid,
      charts: this.#charts(design.plan, report, sites, catalog),
      demandChart: this.#demandChart(design.plan, report, catalog, demandChoice, grid.demand.unit),
      demandChoice,
      siteNames: this.#siteNames(design.plan, presets),
      headroom: this.#headroom(report),
      peaks: this.#peaks(report),
      orders: this.#orders(design.plan),
      startChoices: this.#starts(design.plan.start),
      settings: planSettingValues(design.plan, catalog),
      defaults: planSettingDefaults(catalog),
    };
  }

  /** Why the optimizer panel and scenarios could not be loaded (shown in their place). */
  @state() private _laterError: string | null = null;

  override updated(): void {
    if (!this.#data) return;
    markRendered('rackplan:plan');
    if (!laterParts) {
      afterNextPaint(() => {
        loadLaterParts().catch((e: unknown) => (this._laterError = e instanceof Error ? e.message : String(e)));
      });
    }
  }

  override render() {
    if (this.#failure) {
      // The failure card is loaded only when a plan fails (not before every first paint); its text stands in until then.
      void import('./rack-plan-failure');
      return html`<rack-plan-failure .failure=${this.#failure}><p>The plan “${this.#failure.planName}” could not be evaluated: ${this.#failure.error}</p></rack-plan-failure>`;
    }
    const d = this.#data;
    if (!d) return nothing;
    const p = d.design.plan;
    const t = d.report.totals;
    return html`
      <div class="top">
        <section class="card" aria-labelledby="plan-h">
          <h2 id="plan-h">${p.name} <span class="hint">${d.report.plan.start.replace('-', ' ')} – ${d.report.plan.end.replace('-', ' ')}</span></h2>
          <div class="settings">
            <label class="sel">Name <input type="text" .value=${p.name} @change=${(e: Event) => this.#set({ name: (e.target as HTMLInputElement).value.trim() || p.name })} /></label>
            <label class="sel"
              >Start
              <select @change=${(e: Event) => this.#set({ start: (e.target as HTMLSelectElement).value as QuarterId })}>
                ${d.startChoices.map((q) => html`<option value=${q} ?selected=${q === p.start}>${q.replace('-', ' ')}</option>`)}
              </select>
            </label>
            <rack-quantity-input field-key="horizonYears" label="Horizon (years)" kind="count" .value=${d.settings.horizonYears} .min=${PF.horizonYears.min} .max=${PF.horizonYears.max} integer .system=${d.prefs.units} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#num(e, 'horizonYears', d.defaults.horizonYears)}></rack-quantity-input>
            <rack-quantity-input field-key="utilization" label="Utilization" kind="percent" .value=${d.settings.utilization} .min=${PF.utilization.min} .max=${PF.utilization.max} .system=${d.prefs.units} help="Average draw ÷ design" @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#num(e, 'utilization', d.defaults.utilization)}></rack-quantity-input>
            <rack-quantity-input field-key="discountRate" label="Discount rate" kind="percent" .value=${d.settings.discountRate} .min=${PF.discountRate.min} .max=${PF.discountRate.max} .system=${d.prefs.units} help="Per year, for NPV" @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#num(e, 'discountRate', d.defaults.discountRate)}></rack-quantity-input>
            <label class="sel"
              >Design condition
              <select @change=${(e: Event) => this.#set({ design: (e.target as HTMLSelectElement).value as '0.4%' | '20-year' })}>
                <option value="0.4%" ?selected=${(p.design ?? '0.4%') === '0.4%'}>ASHRAE 0.4 %</option>
                <option value="20-year" ?selected=${p.design === '20-year'}>20-year extreme</option>
              </select>
            </label>
          </div>
          <dl class="totals">
            <div class="capex">
              <dt>Capex</dt>
              <dd>${formatUsd(t.capexUsd)}</dd>
              <dd class="split">
                units ${formatUsd(t.unitCapexUsd)} (firm ${formatUsd(t.firmCapexUsd)}, option ${formatUsd(t.optionCapexUsd)}) + network ${formatUsd(t.networkCapexUsd)} + facility ${formatUsd(t.facilityCapexUsd)}
              </dd>
            </div>
            <div><dt>TCO (NPV)</dt><dd>${formatUsd(t.npvTcoUsd)}</dd></div>
            <div><dt>Energy</dt><dd>${formatNumber(t.horizonEnergyMwh / 1000)} GWh</dd></div>
            <div><dt>CO₂</dt><dd>${formatNumber(t.horizonCo2Tonnes, 0)} t</dd></div>
            <div><dt>Deployments</dt><dd>${formatNumber(p.deployments.length, 0)}</dd></div>
          </dl>
        </section>
        <section class="card" aria-labelledby="opt-h">
          <h2 id="opt-h">Optimizer <span class="hint">runs in the background; the page stays usable</span></h2>
          ${this._laterError ? html`<p class="hint" role="alert">The optimizer and scenarios could not be loaded (${this._laterError}); reload the page.</p>` : nothing}
          <rack-optimizer-panel .design=${d.design} .catalog=${d.catalog} .siteNames=${d.siteNames}></rack-optimizer-panel>
        </section>
      </div>
      <section class="charts" aria-label="Plan charts">
        <div class="card">
          <h2>Racks in service</h2>
          <rack-chart .spec=${d.charts.racks} .theme=${d.prefs.theme} empty="No deployments yet: run the optimizer or type units in the table below" label="Racks in service by generation per quarter, stacked">Loading chart…</rack-chart>
        </div>
        <div class="card">
          <h2>Facility MW against each site’s meter</h2>
          <rack-chart .spec=${d.charts.mw} .theme=${d.prefs.theme} label="Facility MW of each site as a share of its own meter per quarter, with the 100 % limit as a line">Loading chart…</rack-chart>
        </div>
      </section>
      <section class="card" aria-labelledby="demand-h">
        <div class="demand-head">
          <h2 id="demand-h">Supply against demand</h2>
          <label class="hint"
            >Demand in
            <select aria-label="Demand metric" @change=${(e: Event) => (this._demandChoice = DEMAND_CHOICES[Number((e.target as HTMLSelectElement).value)]!)}>
              ${DEMAND_CHOICES.map((c, i) => html`<option value=${i} ?selected=${c.metric === d.demandChoice.metric && (c.precision ?? null) === (d.demandChoice.precision ?? null)}>${c.label}</option>`)}
            </select>
          </label>
          <span class="hint">type the demand per quarter in the table’s Demand column; an entry holds until the next</span>
        </div>
        ${d.demandChart
          ? html`<rack-chart .spec=${d.demandChart} .theme=${d.prefs.theme} label=${`${d.grid.demand.unit} in service per quarter (bars) against demand (line)`}>Loading chart…</rack-chart>`
          : html`<p class="hint">No demand in ${d.grid.demand.unit} yet: type it per quarter in the Demand column below.</p>`}
      </section>
      <section class="card" aria-labelledby="grid-h">
        <h2 id="grid-h">Deployments <span class="hint">units entering service per quarter; type a number, the plan re-evaluates</span></h2>
        <rack-plan-grid .grid=${d.grid}></rack-plan-grid>
        <details class="rows" @toggle=${(e: Event) => (this._rowsOpen = (e.target as HTMLDetailsElement).open)}>
          <summary>Deployment rows: lock firm orders, choose plants (${formatNumber(p.deployments.length, 0)} rows, ${formatNumber(p.deployments.filter((x) => x.locked).length, 0)} locked)</summary>
          ${this._rowsOpen ? this.#rowsTable(d) : nothing}
        </details>
      </section>
      <div class="two later">
        <section class="card" aria-labelledby="plant-h">
          <h2 id="plant-h">Plant weekly build</h2>
          <rack-chart .spec=${d.charts.plant} .theme=${d.prefs.theme} label="Racks built per week by plant against plant capacity">Loading chart…</rack-chart>
          ${this.#parts(d)}
        </section>
        <section class="card" aria-labelledby="head-h">
          <h2 id="head-h">Headroom and stranded capacity</h2>
          ${d.headroom.length
            ? html`<table>
                  <thead><tr><th scope="col">Site (end of plan)</th><th scope="col">Headroom MW</th><th scope="col">Free positions</th><th scope="col">Stranded MW</th></tr></thead>
                  <tbody>
                    ${d.headroom.map((h) => html`<tr><td>${shortName(h.name)}</td><td>${formatNumber(h.headroomMw)}</td><td>${formatNumber(h.positionsFree, 0)}</td><td>${formatNumber(h.strandedMw)}</td></tr>`)}
                  </tbody>
                </table>
                <ul class="sentences">${d.headroom.map((h) => html`<li>${h.sentence}</li>`)}</ul>`
            : html`<p class="hint">No deployments yet: run the optimizer or type units into the table.</p>`}
          <h3 style="margin-top:1rem">Orders: firm vs option</h3>
          ${d.orders.length
            ? html`<table>
                <thead><tr><th scope="col">Generation</th><th scope="col">Firm units</th><th scope="col">Option units</th></tr></thead>
                <tbody>${d.orders.map((o) => html`<tr><td>${o.generation}</td><td>${formatNumber(o.firm, 0)}</td><td>${formatNumber(o.option, 0)}</td></tr>`)}</tbody>
              </table>`
            : html`<p class="hint">No orders: units are costed as deployed (firm).</p>`}
        </section>
      </div>
      <section class="card later" aria-labelledby="pissues-h">
        <h2 id="pissues-h">Issues</h2>
        <rack-issue-list .issues=${d.report.issues}></rack-issue-list>
      </section>
      <rack-scenarios class="later" .plan=${d.design.plan} .theme=${d.prefs.theme}></rack-scenarios>
    `;
  }

  #parts(d: PlanData) {
    const rows = d.peaks;
    if (!rows.length) return nothing;
    return html`<h3 style="margin-top:0.75rem">Parts per week at each plant’s peak (with spares)</h3>
      <table>
        <thead><tr><th scope="col">Plant</th><th scope="col">Quarter</th><th scope="col">Racks/wk</th><th scope="col">Shelves</th><th scope="col">PSUs</th><th scope="col">Switch trays</th><th scope="col">QD pairs</th><th scope="col">Transceivers</th></tr></thead>
        <tbody>
          ${rows.map(
            ({ name, quarter: q }) => html`<tr><td>${name}</td><td>${q.quarter.replace('-', ' ')}</td><td>${formatNumber(q.racksPerWeek)}</td><td>${formatNumber(q.partsPerWeek.powerShelves, 0)}</td><td>${formatNumber(q.partsPerWeek.psus, 0)}</td><td>${formatNumber(q.partsPerWeek.switchTrays, 0)}</td><td>${formatNumber(q.partsPerWeek.quickDisconnectPairs, 0)}</td><td>${formatNumber(q.partsPerWeek.transceivers, 0)}</td></tr>`,
          )}
        </tbody>
      </table>`;
  }

  #rowsTable(d: PlanData) {
    const rows: DeploymentRowView[] = this.#rows(d.design.plan, d.report, this.#reports.value?.[1] ?? []);
    if (!rows.length) return html`<p class="hint">No rows yet.</p>`;
    const site = (id: string | null) => (id === null ? '' : (d.siteNames.get(id) ?? id));
    const gen = (id: string) => d.grid.generationNames.get(id) ?? id;
    return html`<p class="hint">
        A locked row is a firm order or already built: the optimizer never changes it and its capex counts as firm. Open rows count as option capex. A row’s plant is its own choice, else the
        plan’s orders for its generation, else the nearest plant that builds the generation with capacity in the build quarter.
      </p>
      <div class="rows-wrap">
        <table>
          <thead><tr><th scope="col">Locked</th><th scope="col">Site</th><th scope="col">Generation</th><th scope="col">In service</th><th scope="col">Units</th><th scope="col">Plant</th><th scope="col">Built</th></tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <td><input type="checkbox" .checked=${r.locked} aria-label=${`Lock ${gen(r.generation)} at ${site(r.site)} in ${r.quarter.replace('-', ' ')}`} @change=${(e: Event) => emit(this, 'rack-edit', { type: 'plan/set-row', index: r.index, patch: { locked: (e.target as HTMLInputElement).checked } })} /></td>
                <td>${site(r.site)}</td>
                <td>${gen(r.generation)}</td>
                <td>${r.quarter.replace('-', ' ')}</td>
                <td>${formatNumber(r.units, 0)}</td>
                <td>
                  <select aria-label=${`Plant for ${gen(r.generation)} at ${site(r.site)} in ${r.quarter.replace('-', ' ')}`} @change=${(e: Event) => {
                    const v = (e.target as HTMLSelectElement).value;
                    emit(this, 'rack-edit', { type: 'plan/set-row', index: r.index, patch: { plant: v === '' ? undefined : v } });
                  }}>
                    <option value="" ?selected=${r.plant === null}>${r.choice === 'orders' ? 'the plan’s orders' : `default (${site(r.plant === null ? r.builtBy : null) || 'none'})`}</option>
                    ${r.plants.map((id) => html`<option value=${id} ?selected=${r.plant === id}>${site(id)}</option>`)}
                  </select>
                </td>
                <td>${r.buildQuarter ? `${site(r.builtBy)}, ${r.buildQuarter.replace('-', ' ')}` : r.choice === 'orders' ? 'by orders' : '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  #set(patch: PlanSettings): void {
    emit(this, 'rack-edit', { type: 'plan/set-settings', patch });
  }

  #num(e: CustomEvent<{ value: number | undefined }>, key: 'horizonYears' | 'utilization' | 'discountRate', fallback: number): void {
    e.stopPropagation();
    this.#set({ [key]: e.detail.value ?? fallback });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-plan-view': RackPlanView;
  }
}

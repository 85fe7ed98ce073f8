import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { CompareOption, CompareReport } from '../../src/core/plan/compare';
import { carriedTargetValue, compareOverrideNote, compareSites, designerTarget, facilityMwPerKiloPflops, PFLOPS_PRECISION, pflopsWords, takesUnitTarget, TARGET_LABEL } from '../../src/views/compare';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { COMPARE_TARGET_FIELDS } from '../../src/views/plan-fields';
import { formatNumber, formatUsd, formatValue, type DisplayKind } from '../../src/views/format';
import { generationGroups, type GenerationGroup } from '../../src/views/generations';
import { markRendered, afterNextPaint } from '../../src/views/marks';
import { memoizeLast } from '../../src/views/memo';
import type { UnitReport } from '../../src/core/rack/types';
import type { SiteIndexEntry } from '../../src/catalog/site-index';
import type { CompareDesign, CompareTargetKind, Prefs } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import { emit } from '../shared/events';
import { baseStyles, pendingElementStyles } from '../shared/styles';
import { shortGenerationName } from '../../src/views/names';

/** Range, unit kind and example per target kind: the design schema's (src/views/fields.ts). */
const TARGET_KIND: Record<CompareTargetKind, { label: string; kind: DisplayKind; min: number; max: number; integer?: boolean; example?: string }> = COMPARE_TARGET_FIELDS;


interface CompareData {
  /** The rack designer's unit in the target's terms (to offer "size to the designer's rack"); null without one. */
  readonly rackTarget: number | null;
  readonly report: CompareReport;
  readonly rows: readonly CompareOption[];
  readonly siteId: string;
  readonly sites: readonly { id: string; name: string }[];
  readonly charts: ReturnType<typeof charts>;
  readonly groups: GenerationGroup[];
  readonly prefs: Prefs;
  readonly design: CompareDesign;
  /** Server-rack generations being compared, with their systems per rack (the catalog's or the one set here). */
  readonly densities: readonly { readonly id: string; readonly label: string; readonly value: number; readonly min: number; readonly max: number }[];
  /** What the plan's overrides at the compared site do here (fixed PUEs applied, the rest the plan's); null when none. */
  readonly overrideNote: string | null;
  /** The designer's unit is not known yet (its generation joins after the first paint): its button waits, disabled. */
  readonly rackTargetPending: boolean;
}

/** Charts: per-PFLOP figures first (they answer the question), then absolute power and racks. Bars keep each generation's colour. */
function charts(rows: readonly CompareOption[], target: CompareTargetKind): { perPflopPower: ChartSpec; perPflopCost: ChartSpec; power: ChartSpec; racks: ChartSpec } {
  const ok = rows.filter((r) => r.supported);
  const labels = ok.map((r) => shortGenerationName(r.name));
  const keys = ok.map((r) => r.generation);
  return {
    perPflopPower: {
      labels,
      series: [{ label: `Facility MW per 1,000 ${pflopsWords(target)}`, data: ok.map((r) => facilityMwPerKiloPflops(r) ?? 0), keys }],
      yTitle: 'MW per 1,000 PFLOPS',
      horizontal: true,
      format: (v) => formatNumber(v),
    },
    perPflopCost: {
      labels,
      series: [{ label: '$ per PFLOP-hour', data: ok.map((r) => r.usdPerPflopHour ?? 0), keys }],
      yTitle: 'USD per PFLOP-hour',
      horizontal: true,
      format: (v) => formatNumber(v, 3),
    },
    power: {
      labels,
      series: [
        { label: 'IT power (MW)', data: ok.map((r) => r.itMw ?? 0), color: 1 },
        { label: 'Facility power at peak PUE (MW)', data: ok.map((r) => r.facilityMw ?? 0), color: 2 },
      ],
      yTitle: 'MW',
      horizontal: true,
      format: (v) => formatNumber(v),
    },
    racks: {
      labels,
      series: [{ label: 'Racks', data: ok.map((r) => r.racks ?? 0), keys }],
      yTitle: 'racks',
      horizontal: true,
      integer: true,
      format: (v) => formatNumber(v, 0),
    },
  };
}

/**
 * The Compare view's chart grid and notes, shared by the view (its per-PFLOP charts, on the first screen) and its
 * table element (the absolute charts below, loaded after the first paint), so both parts look alike. Here, in the
 * view's own module, so the view's chunk exports exactly this module (a separate style module in it cost /compare
 * a bundler runtime chunk before its first paint).
 */
export const compareChartStyles = css`
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: 1rem;
  }
  .charts > * {
    min-width: 0;
  }
  .charts h3 {
    margin-bottom: 0.5rem;
  }
  .note {
    font-size: 0.75rem;
    color: var(--rack-muted);
    margin: 0.5rem 0 0;
  }
`;

/**
 * Compare GPU, Trainium and Inferentia units for one target (accelerators, power, budget or PFLOPS at a precision) at one site: each
 * generation is sized to the target by the plan core's comparison (site PUE, tariff, carbon, fabric, capex,
 * $/PFLOP-hour), shown as a table (best value per row marked) and as charts.
 *
 * @summary Compare view.
 * @fires rack-edit - `compare/toggle-generation`, `compare/set-target`, `compare/set-site`
 * @csspart table - the comparison table
 */
@customElement('rack-compare-view')
export class RackCompareView extends LitElement {
  static override styles = [
    baseStyles,
    compareChartStyles,
    pendingElementStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      :host > *,
      .controls > * {
        min-width: 0;
      }
      .controls {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) 1fr;
        gap: 1.25rem;
      }
      @media (max-width: 900px) {
        .controls {
          grid-template-columns: 1fr;
        }
      }
      .target {
        display: grid;
        gap: 0.6rem;
        align-content: start;
      }
      label.sel {
        font-size: 0.8125rem;
        font-weight: 500;
        display: grid;
        gap: 0.2rem;
      }
      select {
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
      }
      legend {
        font-size: 0.8125rem;
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      .gens {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.5rem 1rem;
      }
      .grp h3 {
        margin-bottom: 0.25rem;
      }
      .grp label {
        display: block;
        font-size: 0.8125rem;
        padding: 0.1rem 0;
      }
      .verdict {
        font-size: 1rem;
        font-weight: 600;
        margin: 0 0 0.75rem;
      }
      .empty {
        color: var(--rack-muted);
      }
      .override {
        margin-right: 0.3rem;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => [s.design.compare, s.prefs, s.catalog] as const);
  readonly #reports = new ReportsController(this, (r) => [r.compare, r.rackUnit, r.siteIndex] as const, { only: 'compare' });
  readonly #siteList = memoizeLast((sites: readonly SiteIndexEntry[]) => compareSites(sites));
  readonly #rackTarget = memoizeLast((target: CompareTargetKind, rack: UnitReport | undefined) => (rack ? designerTarget(target, rack) : null));
  readonly #charts = memoizeLast((rows: readonly CompareOption[], target: CompareTargetKind) => charts(rows, target));
  readonly #groups = memoizeLast((catalog: Catalog) => generationGroups(catalog));
  readonly #densities = memoizeLast((catalog: Catalog, ids: readonly string[], set: CompareDesign['systemsPerRack']) =>
    ids.flatMap((id) => {
      const g = catalog.generations.find((x) => x.id === id);
      const spr = g?.systemsPerRack;
      return g && spr && g.form === 'server-rack' ? [{ id, label: `${shortGenerationName(g.name)}: ${spr.systemName} per rack`, value: set?.[id] ?? spr.default, min: spr.min, max: spr.max }] : [];
    }),
  );

  #data: CompareData | null = null;

  override willUpdate(): void {
    const v = this.#store.value;
    const [compare, rackUnit, sites] = this.#reports.value ?? [];
    if (!v || !compare || !sites) return;
    const [design, prefs, catalog] = v;
    const rows = compare.report.options;
    const rackTarget = this.#rackTarget(design.target.kind, rackUnit?.report);
    const densities = this.#densities(catalog, design.generationIds, design.systemsPerRack);
    const siteList = this.#siteList(sites);
    const overrideNote = compareOverrideNote(siteList.find((x) => x.id === compare.siteId)?.name ?? compare.siteId, compare.fixedPues, compare.planOnly);
    this.#data = { rackTarget, report: compare.report, rows, siteId: compare.siteId, sites: siteList, charts: this.#charts(rows, design.target.kind), groups: this.#groups(catalog), prefs, design, densities, overrideNote, rackTargetPending: rackUnit === undefined && takesUnitTarget(design.target.kind) };
  }

  /** Why the table's and fields' module could not be loaded (it is fetched after the first paint), or null. */
  @state() private _tableFailed: string | null = null;

  #painted = false;

  override updated(): void {
    // The first render with the comparison's figures (the view renders nothing until its reports have arrived).
    if (this.#painted || !this.#data) return;
    this.#painted = true;
    markRendered('rackplan:compare');
    // The table and the absolute charts sit below the first screen, and the quantity fields are editors: their module
    // (with the issue-code registry for the issues row, the chart element the charts above use and the field element
    // with its drafts store) is loaded after the first paint instead of holding it back. The charts and fields above
    // keep a height meanwhile (styles: :not(:defined)); Lit keeps the values set on the fields until they upgrade.
    afterNextPaint(
      () =>
        void import('./compare-view-elements').catch((err: unknown) => {
          this._tableFailed = err instanceof Error ? err.message : String(err);
        }),
    );
  }

  override render() {
    const data = this.#data;
    if (!data) return nothing;
    const { rows, design, prefs } = data;
    const tk = TARGET_KIND[design.target.kind];
    const own = this.#store.value?.[2].generations.filter((g) => g.userDefined).map((g) => g.id) ?? [];
    return html`
      <section class="card controls" aria-label="What to compare">
        <div class="target">
          <h2>Target</h2>
          <label class="sel"
            >Size every unit to
            <select @change=${(e: Event) => this.#setTarget((e.target as HTMLSelectElement).value as CompareTargetKind, null)}>
              ${(Object.keys(TARGET_LABEL) as CompareTargetKind[]).map((k) => html`<option value=${k} ?selected=${k === design.target.kind}>${TARGET_LABEL[k]}</option>`)}
            </select>
          </label>
          <rack-quantity-input
            field-key="target"
            .label=${`Target: ${TARGET_KIND[design.target.kind].label}`}
            .kind=${tk.kind}
            .value=${design.target.value}
            .min=${tk.min}
            .max=${tk.max}
            ?integer=${tk.integer}
            .system=${prefs.units}
            .example=${tk.example}
            @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => {
              e.stopPropagation();
              if (e.detail.value !== undefined) this.#setTarget(design.target.kind, e.detail.value);
            }}
          ></rack-quantity-input>
          ${data.rackTarget !== null && data.rackTarget > 0
            ? html`<button class="btn" type="button" @click=${() => this.#setTarget(design.target.kind, data.rackTarget)}>Use the rack designer’s design as the target</button>`
            : data.rackTargetPending
              ? html`<button class="btn" type="button" disabled title="Waiting for the rack designer’s generation to load">Use the rack designer’s design as the target</button>`
              : nothing}
          <label class="sel"
            >At the site
            <select @change=${(e: Event) => emit(this, 'rack-edit', { type: 'compare/set-site', siteId: (e.target as HTMLSelectElement).value })}>
              ${data.sites.map((x) => html`<option value=${x.id} ?selected=${x.id === data.siteId}>${x.name}</option>`)}
            </select>
          </label>
          ${data.densities.map(
            (x) => html`<rack-quantity-input
              field-key=${`density-${x.id}`}
              .label=${x.label}
              kind="count"
              .value=${x.value}
              .min=${x.min}
              .max=${x.max}
              integer
              .system=${prefs.units}
              help="Rack density for this comparison"
              @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => {
                e.stopPropagation();
                emit(this, 'rack-edit', { type: 'compare/set-density', id: x.id, systemsPerRack: e.detail.value });
              }}
            ></rack-quantity-input>`,
          )}
          <p class="note">Each generation at its catalog defaults (the Rack designer’s generation with the designer’s options), with the site’s altitude and floor rating, rounded up to whole units, at ${data.sites.find((x) => x.id === data.siteId)?.name ?? data.siteId}: $${formatNumber(data.report.priceUsdPerKwh, 3)}/kWh in ${data.report.priceYear}${data.report.capacityPriceUsdPerMwDay === null ? '' : ` plus a capacity charge of $${formatNumber(data.report.capacityPriceUsdPerMwDay)}/MW-day`}, ${formatNumber(data.report.co2KgPerMwh, 0)} kg CO₂/MWh, ${Math.round(data.report.utilization * 100)} % utilization, ${data.report.amortizationYears}-year amortization.</p>
          ${data.overrideNote ? html`<p class="note fixed-pue" data-testid="compare-overrides"><span class="override">override</span>${data.overrideNote}</p>` : nothing}
        </div>
        <fieldset>
          <legend>Generations</legend>
          <div class="gens">
            ${data.groups.map(
              (g) => html`<div class="grp">
                <h3>${g.label}</h3>
                ${g.generations.map(
                  (x) => html`<label><input type="checkbox" .checked=${design.generationIds.includes(x.id)} @change=${() => emit(this, 'rack-edit', { type: 'compare/toggle-generation', id: x.id })} /> ${x.name}</label>`,
                )}
              </div>`,
            )}
          </div>
        </fieldset>
      </section>
      ${rows.length === 0
        ? html`<p class="card empty">Tick at least one generation to compare.</p>`
        : html`
            <section class="card" aria-labelledby="cmp-h">
              <h2 id="cmp-h">${this.#targetText(data)}</h2>
              <p class="verdict" data-testid="compare-verdict">${data.report.verdict.text}</p>
              <div class="charts">
                <div>
                  <h3>Facility power per 1,000 PFLOPS</h3>
                  <rack-chart .spec=${data.charts.perPflopPower} .theme=${prefs.theme} label=${`Facility MW at peak PUE per 1,000 ${pflopsWords(design.target.kind)}, per generation (lower needs less power for the same compute)`}>Loading chart…</rack-chart>
                </div>
                <div>
                  <h3>Cost per PFLOP-hour</h3>
                  <rack-chart .spec=${data.charts.perPflopCost} .theme=${prefs.theme} label=${`US dollars per PFLOP-hour at ${pflopsWords(design.target.kind).replace(/ PFLOPS$/, '')} (capex over amortization, energy and maintenance), per generation`}>Loading chart…</rack-chart>
                </div>
              </div>
            </section>
            ${this._tableFailed === null
              ? html`<rack-compare-table .rows=${rows} .target=${design.target.kind} .prefs=${prefs} .own=${own} .charts=${data.charts}></rack-compare-table>`
              : html`<p class="card" role="alert">The comparison table and the fields did not load (${this._tableFailed}): reload the page.</p>`}
          `}
    `;
  }

  #targetText(data: CompareData): string {
    const t = data.design.target;
    if (t.kind === 'itPower') return `Sized within ${formatValue(t.value, 'power', data.prefs.units)} of IT power`;
    if (t.kind === 'facilityPower') return `Sized within ${formatValue(t.value, 'power', data.prefs.units)} at the meter`;
    if (t.kind === 'budgetUsd') return `Sized within ${formatUsd(t.value)} of capex`;
    return `Sized for ${formatNumber(t.value)} ${PFLOPS_PRECISION[t.kind] ? pflopsWords(t.kind) : 'accelerators'}`;
  }

  #setTarget(kind: CompareTargetKind, value: number | null): void {
    const design = this.#data?.design;
    if (!design) return;
    // Switching the kind: carry the target over through the first compared unit (carriedTargetValue says when not).
    const v = value ?? carriedTargetValue(this.#data?.rows ?? [], design.target.kind, kind);
    emit(this, 'rack-edit', { type: 'compare/set-target', kind, value: v });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-compare-view': RackCompareView;
  }
}

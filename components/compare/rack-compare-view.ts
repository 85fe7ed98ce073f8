import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { CompareOption, CompareReport } from '../../src/core/plan/compare';
import { carriedTargetValue, compareFigures, compareMetrics, compareOverrideNote, compareSites, facilityMwPerKiloPflops, PFLOPS_PRECISION, pflopsWords, TARGET_LABEL, type CompareFigures, type Metric } from '../../src/views/compare';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { COMPARE_TARGET_FIELDS } from '../../src/views/fields';
import { formatNumber, formatUsd, formatValue, type DisplayKind } from '../../src/views/format';
import { FAMILY_LABEL, VENDOR_LABEL, generationGroups, type GenerationGroup } from '../../src/views/generations';
import { markRendered } from '../../src/views/marks';
import { memoizeLast } from '../../src/views/memo';
import type { UnitReport } from '../../src/core/rack/types';
import type { Site } from '../../src/core/sites/types';
import type { CompareDesign, CompareTargetKind, Prefs, UnitSystem } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import '../charts/rack-chart';
import '../inputs/rack-quantity-input';
import { shortGenerationName } from '../../src/views/names';

/** Range, unit kind and example per target kind: the design schema's (src/views/fields.ts). */
const TARGET_KIND: Record<CompareTargetKind, { label: string; kind: DisplayKind; min: number; max: number; integer?: boolean; example?: string }> = COMPARE_TARGET_FIELDS;


interface CompareData extends CompareFigures {
  readonly report: CompareReport;
  readonly rows: readonly CompareOption[];
  readonly siteId: string;
  readonly sites: readonly { id: string; name: string }[];
  readonly metrics: Metric[];
  readonly charts: ReturnType<typeof charts>;
  readonly groups: GenerationGroup[];
  readonly prefs: Prefs;
  readonly design: CompareDesign;
  /** Server-rack generations being compared, with their systems per rack (the catalog's or the one set here). */
  readonly densities: readonly { readonly id: string; readonly label: string; readonly value: number; readonly min: number; readonly max: number }[];
  /** What the plan's overrides at the compared site do here (fixed PUEs applied, the rest the plan's); null when none. */
  readonly overrideNote: string | null;
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
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      :host > *,
      .controls > *,
      .charts > * {
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
      .table-wrap {
        overflow-x: auto;
        max-width: 100%;
        /* Contains the cells' visually-hidden "(best)" text (position: absolute): without a positioned box here it
           escaped the scroll box and widened the whole page on phones (review finding 24). */
        position: relative;
      }
      th[scope='row'] {
        position: sticky;
        left: 0;
        background: var(--rack-surface);
        z-index: 1;
      }
      .verdict {
        font-size: 1rem;
        font-weight: 600;
        margin: 0 0 0.75rem;
      }
      .sizing {
        font-size: 0.75rem;
        color: var(--rack-muted);
        margin: 0.5rem 0 0;
        padding-left: 1.1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.35rem 0.6rem;
        border-bottom: 1px solid var(--rack-border);
        text-align: right;
        white-space: nowrap;
      }
      th[scope='row'] {
        text-align: left;
        font-weight: 500;
      }
      thead th {
        vertical-align: bottom;
        font-weight: 600;
      }
      thead small {
        display: block;
        font-weight: 400;
        color: var(--rack-muted);
      }
      td.best {
        font-weight: 700;
        color: var(--rack-ok);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
      }
      .charts h3 {
        margin-bottom: 0.5rem;
      }
      .note {
        font-size: 0.75rem;
        color: var(--rack-muted);
        margin: 0.5rem 0 0;
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
  readonly #reports = new ReportsController(this, (r) => [r.compare, r.rack, r.sites] as const, { only: 'compare' });
  readonly #siteList = memoizeLast((sites: readonly Site[]) => compareSites(sites));
  readonly #metrics = memoizeLast((system: UnitSystem, target: CompareTargetKind) => compareMetrics(system, target));
  readonly #figures = memoizeLast((rows: readonly CompareOption[], metrics: readonly Metric[], target: CompareTargetKind, rack: UnitReport | undefined) => compareFigures(rows, metrics, target, rack));
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
    const [compare, rack, sites] = this.#reports.value ?? [];
    if (!v || !compare || !sites) return;
    const [design, prefs, catalog] = v;
    const rows = compare.report.options;
    const metrics = this.#metrics(prefs.units, design.target.kind);
    const figures = this.#figures(rows, metrics, design.target.kind, rack?.report);
    const densities = this.#densities(catalog, design.generationIds, design.systemsPerRack);
    const siteList = this.#siteList(sites);
    const overrideNote = compareOverrideNote(siteList.find((x) => x.id === compare.siteId)?.name ?? compare.siteId, compare.fixedPues, compare.planOnly);
    this.#data = { ...figures, report: compare.report, rows, siteId: compare.siteId, sites: siteList, metrics, charts: this.#charts(rows, design.target.kind), groups: this.#groups(catalog), prefs, design, densities, overrideNote };
  }

  override firstUpdated(): void {
    markRendered('rackplan:compare');
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
                  <rack-chart .spec=${data.charts.perPflopPower} .theme=${prefs.theme} label=${`Facility MW at peak PUE per 1,000 ${pflopsWords(design.target.kind)}, per generation (lower needs less power for the same compute)`}></rack-chart>
                </div>
                <div>
                  <h3>Cost per PFLOP-hour</h3>
                  <rack-chart .spec=${data.charts.perPflopCost} .theme=${prefs.theme} label=${`US dollars per PFLOP-hour at ${pflopsWords(design.target.kind).replace(/ PFLOPS$/, '')} (capex over amortization, energy and maintenance), per generation`}></rack-chart>
                </div>
              </div>
            </section>
            <section class="card" aria-label="Comparison table">
              <div class="table-wrap" tabindex="0" role="region" aria-label="Comparison table">
                <table part="table">
                  <thead>
                    <tr>
                      <th scope="col"><span class="visually-hidden">Figure</span></th>
                      ${rows.map((r) => html`<th scope="col" title=${r.name}>${shortGenerationName(r.name)}<small>${r.supported ? `${VENDOR_LABEL[r.vendor as keyof typeof VENDOR_LABEL] ?? r.vendor} ${FAMILY_LABEL[r.family as keyof typeof FAMILY_LABEL] ?? r.family}` : 'does not supply the target'}${own.includes(r.generation) ? ' · user-defined' : ''}</small></th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${data.metrics.map((m) => {
                      const best = data.best.get(m.label);
                      return html`<tr>
                        <th scope="row">${m.label}</th>
                        ${rows.map((r) => {
                          const isBest = best !== undefined && m.value?.(r) === best;
                          return html`<td class=${isBest ? 'best' : ''}>${m.cell(r)}${isBest ? html`<span class="visually-hidden"> (best)</span>` : nothing}${m.estimate && data.estimates.has(r.generation) ? html` <span class="estimate" title="This unit's power rests on estimated catalog values (AWS publishes no Trainium or Inferentia power)">est.</span>` : nothing}</td>`;
                        })}
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>
              <ul class="sizing" aria-label="How each row was sized">
                ${rows.filter((r) => r.sizing).map((r) => html`<li>${shortGenerationName(r.name)}: ${r.sizing!.note}</li>`)}
              </ul>
              <p class="note">Bold green marks the best value only where lower (or higher) is truly better for this target. “est.” marks figures that rest on estimated power values. Prices are ranges at their typical point (see docs/plan.md).</p>
            </section>
            <section class="charts" aria-label="Absolute figures">
              <div class="card">
                <h3>Power for the target</h3>
                <rack-chart .spec=${data.charts.power} .theme=${prefs.theme} label="IT power and facility power at peak PUE for the target, MW, per generation"></rack-chart>
              </div>
              <div class="card">
                <h3>Racks for the target</h3>
                <rack-chart .spec=${data.charts.racks} .theme=${prefs.theme} label="Racks needed for the target, per generation"></rack-chart>
              </div>
            </section>
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

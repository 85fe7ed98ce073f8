import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import { loadSites } from '../../src/catalog/sites';
import type { CompareOption, CompareReport } from '../../src/core/plan/compare';
import { compareSite, compareUnits, TARGET_LABEL } from '../../src/state/compare';
import { RackDerivations } from '../../src/state/controllers/rack-report-controller';
import { StoreController } from '../../src/state/controllers/store-controller';
import { formatNumber, formatUsd, formatValue, type DisplayKind } from '../../src/state/format';
import { generationGroups, type GenerationGroup } from '../../src/state/generations';
import { markRendered } from '../../src/state/marks';
import { memoizeLast } from '../../src/state/memo';
import type { CompareDesign, CompareTargetKind, Prefs, UnitSystem } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import '../charts/rack-chart';
import '../inputs/rack-quantity-input';

interface Metric {
  readonly label: string;
  readonly cell: (r: CompareOption) => string;
  /** Which way is better (for the "best" mark); undefined: no ranking. */
  readonly better?: 'lower' | 'higher';
  readonly value?: (r: CompareOption) => number | null;
  /** Rests on power figures (estimates for AWS parts). */
  readonly estimate?: boolean;
}

const TARGET_KIND: Record<CompareTargetKind, { kind: DisplayKind; min: number; max: number; integer: boolean; example: string }> = {
  accelerators: { kind: 'count', min: 1, max: 10_000_000, integer: true, example: '1152' },
  itPower: { kind: 'power', min: 1000, max: 5e9, integer: false, example: '10 MW' },
  fp8Pflops: { kind: 'count', min: 1, max: 1e9, integer: false, example: '5000' },
};


const VENDOR: Record<string, string> = { nvidia: 'NVIDIA', aws: 'AWS', amd: 'AMD' };
const FAMILY: Record<string, string> = { gpu: 'GPU', trainium: 'Trainium', inferentia: 'Inferentia' };
const POWER_ESTIMATE = /(PowerW|tdpW|efficiency)/;

interface CompareData {
  readonly estimates: ReadonlySet<string>;
  readonly report: CompareReport;
  readonly rows: readonly CompareOption[];
  readonly siteId: string;
  readonly sites: readonly { id: string; name: string }[];
  readonly metrics: Metric[];
  readonly best: Map<string, number>;
  readonly charts: ReturnType<typeof charts>;
  readonly groups: GenerationGroup[];
  readonly prefs: Prefs;
  readonly design: CompareDesign;
  readonly rackTarget: number | null;
}

const n0 = (v: number | null) => (v === null ? '—' : formatNumber(v, 0));
const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
const mw = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} MW`);
const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));

function metrics(system: UnitSystem): Metric[] {
  return [
    { label: 'Units needed', cell: (r) => n0(r.units) },
    { label: 'Racks', cell: (r) => n0(r.racks), better: 'lower', value: (r) => r.racks },
    { label: 'Accelerators', cell: (r) => n0(r.accelerators) },
    { label: 'Dense PFLOPS', cell: (r) => n(r.pflopsDense), better: 'higher', value: (r) => r.pflopsDense },
    { label: 'HBM', cell: (r) => (r.hbmTb === null ? '—' : `${formatNumber(r.hbmTb)} TB`), better: 'higher', value: (r) => r.hbmTb },
    { label: 'IT power', cell: (r) => mw(r.itMw), better: 'lower', value: (r) => r.itMw, estimate: true },
    { label: 'Facility power (peak PUE)', cell: (r) => mw(r.facilityMw), better: 'lower', value: (r) => r.facilityMw, estimate: true },
    { label: 'PUE annual / peak', cell: (r) => (r.pue === null ? '—' : `${r.pue.toFixed(3)} / ${r.peakPue?.toFixed(3) ?? '—'}`) },
    { label: 'Coolant flow', cell: (r) => (r.coolantLpm === null ? '—' : formatValue(r.coolantLpm, 'liquidFlow', system)), better: 'lower', value: (r) => r.coolantLpm },
    { label: 'Fabric switches / optics', cell: (r) => `${n0(r.switches)} / ${n0(r.transceivers)}`, better: 'lower', value: (r) => r.switches },
    { label: 'Scale-up cables', cell: (r) => n0(r.scaleUpCables) },
    { label: 'Capex', cell: (r) => usd(r.capexUsd), better: 'lower', value: (r) => r.capexUsd, estimate: true },
    { label: 'Energy per year', cell: (r) => (r.annualEnergyMwh === null ? '—' : `${formatNumber(r.annualEnergyMwh / 1000)} GWh · ${usd(r.annualEnergyCostUsd)}`), better: 'lower', value: (r) => r.annualEnergyMwh, estimate: true },
    { label: 'CO₂ per year', cell: (r) => (r.annualCo2Tonnes === null ? '—' : `${formatNumber(r.annualCo2Tonnes, 0)} t`), better: 'lower', value: (r) => r.annualCo2Tonnes, estimate: true },
    { label: 'PFLOPS per MW', cell: (r) => n(r.pflopsPerMw), better: 'higher', value: (r) => r.pflopsPerMw, estimate: true },
    { label: 'PFLOPS per $M', cell: (r) => n(r.pflopsPerMusd), better: 'higher', value: (r) => r.pflopsPerMusd, estimate: true },
    { label: '$ per PFLOP-hour', cell: (r) => (r.usdPerPflopHour === null ? '—' : `$${formatNumber(r.usdPerPflopHour, 3)}`), better: 'lower', value: (r) => r.usdPerPflopHour, estimate: true },
    { label: 'Rounding waste', cell: (r) => (r.roundingWastePct === null ? '—' : `${formatNumber(r.roundingWastePct, 1)} %`), better: 'lower', value: (r) => r.roundingWastePct },
    { label: 'Issues', cell: (r) => (r.issues.length ? r.issues.map((i) => i.code).join(', ') : 'none') },
  ];
}

function charts(rows: readonly CompareOption[]): { power: ChartSpec; racks: ChartSpec; efficiency: ChartSpec } {
  const ok = rows.filter((r) => r.supported);
  const labels = ok.map((r) => r.name.replace(/\s*\(.*\)\s*$/, '').replace(/^(NVIDIA|AWS) /, ''));
  return {
    power: {
      labels,
      series: [
        { label: 'IT power (MW)', data: ok.map((r) => r.itMw ?? 0) },
        { label: 'Facility power at peak PUE (MW)', data: ok.map((r) => r.facilityMw ?? 0) },
      ],
      yTitle: 'MW',
      horizontal: true,
      format: (v) => formatNumber(v),
    },
    racks: {
      labels,
      series: [{ label: 'Racks', data: ok.map((r) => r.racks ?? 0), color: 3 }],
      yTitle: 'racks',
      horizontal: true,
      integer: true,
      format: (v) => formatNumber(v, 0),
    },
    efficiency: {
      labels,
      series: [{ label: '$ per PFLOP-hour', data: ok.map((r) => r.usdPerPflopHour ?? 0), color: 4 }],
      yTitle: 'USD per PFLOP-hour',
      horizontal: true,
      format: (v) => formatNumber(v, 3),
    },
  };
}

/**
 * Compare GPU, Trainium and Inferentia units for one target (accelerators, IT power or dense FP8) at one site: each
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
    `,
  ];

  readonly #store = new StoreController(this, (s) => [s.design.compare, s.design.rack, s.prefs, s.catalog] as const);
  readonly #rack = new RackDerivations();
  readonly #report = memoizeLast((catalog: Catalog, design: CompareDesign, siteId: string) => compareUnits(catalog, design, siteId, loadSites()));
  readonly #siteList = memoizeLast(() => loadSites().filter((s) => s.roles.dataCenter).map((s) => ({ id: s.id, name: s.name.replace(/\s*\(.*\)$/, '') })));
  readonly #metrics = memoizeLast((system: UnitSystem) => metrics(system));
  readonly #charts = memoizeLast((rows: readonly CompareOption[]) => charts(rows));
  readonly #groups = memoizeLast((catalog: Catalog) => generationGroups(catalog));

  #data: CompareData | null = null;

  override willUpdate(): void {
    const v = this.#store.value;
    if (!v) return;
    const [design, rack, prefs, catalog] = v;
    const siteId = compareSite(design, rack.siteId, loadSites());
    const report = this.#report(catalog, design, siteId);
    const rows = report.options;
    const ms = this.#metrics(prefs.units);
    const best = new Map<string, number>();
    for (const m of ms) {
      if (!m.better || !m.value) continue;
      const vals = rows.map((r) => m.value!(r)).filter((x): x is number => x !== null && x > 0);
      if (vals.length > 1) best.set(m.label, m.better === 'lower' ? Math.min(...vals) : Math.max(...vals));
    }
    const d = this.#rack.derive(catalog, rack);
    const t = design.target.kind;
    const rackTarget = d
      ? t === 'accelerators'
        ? d.report.totals.accelerators
        : t === 'itPower'
          ? d.report.totals.itKw * 1000
          : d.report.totals.fp8DensePflops
      : null;
    const estimates = new Set(rows.filter((r) => r.assumptions.some((a) => a.confidence === 'estimate' && POWER_ESTIMATE.test(a.path))).map((r) => r.generation));
    this.#data = { estimates, report, rows, siteId, sites: this.#siteList(), metrics: ms, best, charts: this.#charts(rows), groups: this.#groups(catalog), prefs, design, rackTarget };
  }

  override firstUpdated(): void {
    markRendered('rackplan:compare');
  }

  override render() {
    const data = this.#data;
    if (!data) return nothing;
    const { rows, design, prefs } = data;
    const tk = TARGET_KIND[design.target.kind];
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
            .label=${`Target ${TARGET_LABEL[design.target.kind].toLowerCase()}`}
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
          <p class="note">Each generation at its catalog defaults, rounded up to whole units, at ${data.sites.find((x) => x.id === data.siteId)?.name ?? data.siteId}: $${formatNumber(data.report.priceUsdPerKwh, 3)}/kWh, ${formatNumber(data.report.co2KgPerMwh, 0)} kg CO₂/MWh, ${Math.round(data.report.utilization * 100)} % utilization, ${data.report.amortizationYears}-year amortization.</p>
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
              <div class="table-wrap" tabindex="0" role="region" aria-label="Comparison table">
                <table part="table">
                  <thead>
                    <tr>
                      <th scope="col"><span class="visually-hidden">Figure</span></th>
                      ${rows.map((r) => html`<th scope="col">${r.name}<small>${r.supported ? `${VENDOR[r.vendor] ?? r.vendor} ${FAMILY[r.family] ?? r.family}` : 'does not supply the target'}</small></th>`)}
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
              <p class="note">Best value per row in bold green. “est.” marks figures that rest on estimated power values. Prices are ranges at their typical point (see docs/plan.md).</p>
            </section>
            <section class="charts" aria-label="Charts">
              <div class="card">
                <h3>Power for the target</h3>
                <rack-chart .spec=${data.charts.power} .theme=${prefs.theme} label="IT power and facility power at peak PUE for the target, MW, per generation"></rack-chart>
              </div>
              <div class="card">
                <h3>Racks for the target</h3>
                <rack-chart .spec=${data.charts.racks} .theme=${prefs.theme} label="Racks needed for the target, per generation"></rack-chart>
              </div>
              <div class="card">
                <h3>Cost per PFLOP-hour</h3>
                <rack-chart .spec=${data.charts.efficiency} .theme=${prefs.theme} label="US dollars per dense PFLOP-hour (capex over amortization, energy and maintenance), per generation"></rack-chart>
              </div>
            </section>
          `}
    `;
  }

  #targetText(data: CompareData): string {
    const t = data.design.target;
    const v = t.kind === 'itPower' ? formatValue(t.value, 'power', data.prefs.units) : `${formatNumber(t.value)}${t.kind === 'fp8Pflops' ? ' dense FP8 PFLOPS' : ' accelerators'}`;
    return `Sized for ${v}`;
  }

  #setTarget(kind: CompareTargetKind, value: number | null): void {
    const design = this.#data?.design;
    if (!design) return;
    let v = value;
    if (v === null) {
      // Switching the kind: carry the target over through the first compared unit so the sizing stays comparable.
      const r = this.#data?.rows.find((x) => x.supported);
      v = (r ? (kind === 'accelerators' ? r.accelerators : kind === 'itPower' ? (r.itMw ?? 0) * 1e6 : r.pflopsDense) : null) ?? 1000;
      if (!(v > 0)) v = 1000;
    }
    emit(this, 'rack-edit', { type: 'compare/set-target', kind, value: v });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-compare-view': RackCompareView;
  }
}

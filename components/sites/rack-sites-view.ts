import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Plan } from '../../src/core/plan/types';
import type { PueReport } from '../../src/core/sites/pue';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { formatNumber, formatPue, formatValue, toDisplayValue } from '../../src/views/format';
import { markRendered, afterNextPaint } from '../../src/views/marks';
import { editSite, SITE_OVERRIDE_INPUTS, withSiteOverride, type Figure, type SiteCard, type StepFigure } from '../../src/views/sites-view';
import type { SiteOverrides } from '../../src/core/plan/types';
import type { Prefs } from '../../src/state/types';
import { emit } from '../shared/events';
import { baseStyles, pendingElementStyles } from '../shared/styles';
import '../shared/rack-source';
import { shortName } from '../../src/views/names';

const MONTHS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The sites side by side (Wisconsin, Ohio, Texas): plant output and data-center limits by date, climate and
 * design condition, PUE with its terms, tariff, grid carbon and headroom, each figure with its source one click
 * away. The final meter, positions, tariff and grid carbon are editable; an edited site lives in the plan. So do
 * the site's overrides (a fixed PUE, its own utilization, storage and other IT beside the units): each overridden
 * figure is marked "override", with the value it replaced next to it.
 *
 * @summary Sites view.
 * @fires rack-edit - `plan/set-site`, `plan/set-tariff`, `plan/reset-site`
 */

const share = (x: number | null) => (x === null ? '—' : `${formatNumber(x * 100, 1)} %`);
@customElement('rack-sites-view')
export class RackSitesView extends LitElement {
  // Until the fields' element is defined (after the first paint) each field holds the height of the shortest one,
  // so the section hardly grows when they appear.
  static override styles = [
    baseStyles,
    pendingElementStyles,
    css`
      :host {
        display: block;
      }
      .cols {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
        align-items: start;
      }
      .cols > * {
        min-width: 0;
      }
      h2 {
        font-size: 1.0625rem;
      }
      .summary {
        color: var(--rack-muted);
        font-size: 0.8125rem;
        margin: 0.35rem 0 0.5rem;
      }
      section + section {
        margin-top: 0.9rem;
        border-top: 1px solid var(--rack-border);
        padding-top: 0.7rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 0.75rem;
        margin: 0.4rem 0 0;
        font-size: 0.8125rem;
      }
      dt {
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .steps {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 0.6rem;
      }
      .pue {
        font-size: 1.25rem;
        font-weight: 700;
      }
      .terms {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      svg.months {
        width: 100%;
        height: 80px;
        display: block;
      }
      svg.months line.grid {
        stroke: var(--rack-border);
        stroke-width: 0.5;
      }
      svg.months line.zero {
        stroke: var(--rack-text);
        stroke-width: 0.8;
      }
      svg.months text.tick {
        text-anchor: end;
        font-size: 6px;
      }
      svg.months text.value {
        font-size: 5.5px;
      }
      svg.months rect {
        fill: var(--rack-chart-2);
      }
      svg.months rect.cold {
        fill: var(--rack-chart-1);
      }
      svg.months text {
        font-size: 7px;
        fill: var(--rack-muted);
        text-anchor: middle;
      }
      .edit {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .edited {
        font-size: 0.6875rem;
        font-weight: 700;
        text-transform: uppercase;
        color: var(--rack-warn);
        margin-left: 0.4rem;
      }
      ul.facts {
        margin: 0.3rem 0 0;
        padding-left: 1rem;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      .btn {
        font-size: 0.75rem;
      }
      .override {
        margin-left: 0.3rem;
      }
      ul.overrides {
        margin: 0.3rem 0 0;
        padding-left: 1rem;
        font-size: 0.8125rem;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => [s.design.plan.plan, s.prefs] as const);
  readonly #reports = new ReportsController(this, (r) => [r.siteCards, r.sites, r.planOutcome] as const, { only: 'plan' });

  #data: { cards: SiteCard[]; prefs: Prefs; plan: Plan } | null = null;

  override willUpdate(): void {
    const v = this.#store.value;
    if (!v) return;
    const [plan, prefs] = v;
    const cards = this.#reports.value?.[0];
    if (cards) this.#data = { cards, prefs, plan };
  }

  /** Why the edit fields could not be loaded (their module is fetched after the first paint), or null. */
  @state() private _fieldsFailed: string | null = null;

  #painted = false;

  override updated(): void {
    // The first render with the cards, or with the plan's failure (the view renders nothing until its reports arrive).
    const failed = this.#reports.value?.[2]?.ok === false;
    if (this.#painted || (!this.#data && !failed)) return;
    this.#painted = true;
    markRendered('rackplan:sites');
    // The edit fields sit below the figures (under the fold): their element (with the drafts store, ~2.7 kB gz) is
    // defined after the first paint instead of holding it back. Lit keeps the properties set on them until then.
    afterNextPaint(
      () =>
        void import('./site-edit-fields').catch((err: unknown) => {
          this._fieldsFailed = err instanceof Error ? err.message : String(err);
        }),
    );
  }

  override render() {
    // The cards show the plan's site figures: when evaluating the plan threw, say so instead of showing none.
    const outcome = this.#reports.value?.[2];
    if (outcome && !outcome.ok) {
      // The failure card is loaded only when a plan fails (not before every first paint); its text stands in until then.
      void import('../plan/rack-plan-failure');
      return html`<rack-plan-failure .failure=${outcome.error}><p>The plan “${outcome.error.planName}” could not be evaluated: ${outcome.error.error}</p></rack-plan-failure>`;
    }
    const d = this.#data;
    if (!d) return nothing;
    const failed = this._fieldsFailed === null ? nothing : html`<p class="terms" role="alert">The edit fields did not load (${this._fieldsFailed}): reload the page.</p>`;
    return html`${failed}<div class="cols">${d.cards.map((c) => this.#card(c, d.prefs))}</div>`;
  }

  #src(f: Figure, label: string) {
    return html`<rack-source .sources=${f.sources} .confidence=${f.confidence} .label=${label} .note=${f.note ?? ''}></rack-source>`;
  }

  #steps(list: readonly StepFigure[], label: string, fmt: (v: number) => string) {
    if (!list.length) return html`<span class="terms">not limited separately</span>`;
    return html`<span class="steps">${list.map((s) => html`<span>${fmt(s.value)} from ${s.from.replace('-', ' ')}${this.#src(s, `${label} from ${s.from}`)}</span>`)}</span>`;
  }

  /** A PUE with its terms; with a fixed PUE, the fixed one marked "override" and the site model's terms as "computed". */
  #pue(p: PueReport, label: string, sys: Prefs['units'], fixed: number | null) {
    const t = p.terms;
    return html`<div>
      ${fixed === null
        ? html`<span class="pue">${formatPue(p.pue)}</span> <span class="terms">${label}</span><br />`
        : html`<span class="pue">${formatPue(fixed)}</span><span class="override" title=${`Fixed in the plan; the site model computes ${formatPue(p.pue)}`}>override</span> <span class="terms">${label} · computed ${formatPue(p.pue)}</span><br />`}
      <span class="terms">${fixed === null ? '' : `computed ${formatPue(p.pue)} `}= 1 + chain losses ${formatPue(t?.chainLoss)} + cooling ${formatPue(t?.cooling)} (fans and pumps ${formatPue(p.coolingTerms?.fansAndPumps)} + chiller ${formatPue(p.coolingTerms?.chiller)}) + building ${formatPue(t?.fixedOverhead)}</span><br />
      <span class="terms">heat: economizer ${share(p.economizerHeatShare)}, chiller ${share(p.chillerHeatShare)}${p.streams
        .filter((x) => x.stream === 'liquid')
        .map((x) => ` · ${formatNumber(x.chillerFreeHours, 0)} h chiller-free at ${formatValue(x.supplyC, 'temperature', sys)}`)
        .join('')}</span>
    </div>`;
  }

  #card(c: SiteCard, prefs: Prefs) {
    const sys = prefs.units;
    const short = shortName(c.name);
    return html`<article class="card" aria-labelledby=${`site-${c.id}`}>
      <h2 id=${`site-${c.id}`}>${short}${c.edited ? html`<span class="edited">edited</span>` : nothing}</h2>
      <p class="summary">${c.summary}</p>
      ${c.plant
        ? html`<section aria-label=${`${short} plant`}>
            <h3>Plant</h3>
            <dl>
              <dt>Racks per week</dt>
              <dd>${this.#steps(c.plant.racksPerWeek, 'plant racks per week', (v) => formatNumber(v, 0))}</dd>
              <dt>Lead time</dt>
              <dd>${formatNumber(c.plant.leadTimeWeeks.value)} weeks${this.#src(c.plant.leadTimeWeeks, 'lead time')}</dd>
              <dt>Builds</dt>
              <dd>${c.plant.generations.includes('*') ? 'every generation' : c.plant.generations.join(', ')}</dd>
            </dl>
          </section>`
        : nothing}
      ${c.dc
        ? html`<section aria-label=${`${short} data center limits`}>
              <h3>Data center</h3>
              <dl>
                <dt>Meter</dt>
                <dd>${this.#steps(c.dc.meterMw, 'meter MW', (v) => `${formatNumber(v, 0)} MW`)}</dd>
                <dt>Positions</dt>
                <dd>${this.#steps(c.dc.positions, 'rack positions', (v) => formatNumber(v, 0))}</dd>
                <dt>Heat rejection</dt>
                <dd>${this.#steps(c.dc.heatRejectionMw, 'heat rejection', (v) => `${formatNumber(v, 0)} MW`)}</dd>
                <dt>Floor</dt>
                <dd>${c.dc.floorLimitKgM2 ? html`${formatValue(c.dc.floorLimitKgM2.value, 'arealMass', sys)}${this.#src(c.dc.floorLimitKgM2, 'floor rating')}` : 'not published'}</dd>
                <dt>Headroom</dt>
                <dd>${c.dc.headroom ? `${formatNumber(c.dc.headroom.mw)} MW, ${formatNumber(c.dc.headroom.positions, 0)} positions at ${c.dc.headroom.quarter.replace('-', ' ')}` : 'not used by the plan'}</dd>
              </dl>
            </section>
            <section aria-label=${`${short} climate`}>
              <h3>Climate</h3>
              <dl>
                <dt>Station</dt>
                <dd>${c.dc.station}</dd>
                <dt>Altitude</dt>
                <dd>${formatValue(c.dc.altitudeM.value, 'length', sys)}${this.#src(c.dc.altitudeM, 'altitude')}</dd>
                <dt>Design</dt>
                <dd>${c.dc.design.row}: ${formatValue(c.dc.design.dryBulbC, 'temperature', sys)} DB / ${formatValue(c.dc.design.wetBulbC, 'temperature', sys)} WB</dd>
                <dt>Heat rejection</dt>
                <dd>${c.dc.rejection}</dd>
              </dl>
              ${this.#months(c.dc.monthlyMeanC, short, sys)}
            </section>
            <section aria-label=${`${short} PUE`}>
              <h3>PUE</h3>
              ${this.#pue(c.dc.pue.annual, 'annual', sys, c.dc.pue.fixed.annual)} ${this.#pue(c.dc.pue.peak, 'peak, at the design condition', sys, c.dc.pue.fixed.peak)}
              <dl>
                <dt>Water</dt>
                <dd>WUE ${c.dc.water.wueLPerKwh === null ? '—' : formatNumber(c.dc.water.wueLPerKwh, 3)} L/kWh · ${formatNumber(c.dc.water.waterM3, 0)} m³/yr${c.dc.water.year !== null ? ` in ${c.dc.water.year}` : ''} (${c.dc.rejection})</dd>
                <dt>Training ramp</dt>
                <dd>${formatNumber(c.dc.ramp.trainingRampMw)} MW grid swing (idle → full input, seconds) · DC transient peak ${formatNumber(c.dc.ramp.transientPeakMw)} MW (µs, rack power smoothing)</dd>
              </dl>
              <p class="terms">For ${c.dc.pue.basis}.</p>
            </section>
            ${this.#overrides(c, short, sys)}
            <section aria-label=${`${short} tariff and carbon`}>
              <h3>Tariff and carbon</h3>
              <dl>
                <dt>Tariff</dt>
                <dd>$${formatNumber(c.dc.tariff.override ?? c.dc.tariff.value, 3)}/kWh${c.dc.tariff.override !== null ? ' (your value)' : html` in ${c.dc.tariff.baseYear}${this.#src(c.dc.tariff, 'tariff')}`} · +${formatNumber(c.dc.tariff.escalation.value * 100, 1)} %/yr from ${c.dc.tariff.baseYear}${this.#src(c.dc.tariff.escalation, 'escalation')}</dd>
                <dt>Capacity</dt>
                <dd>${c.dc.capacity
                  ? html`${c.dc.capacity.prices.map((p) => html`$${formatNumber(p.value, 2)}/MW-day ${p.deliveryYear}${this.#src(p, `capacity price ${p.deliveryYear}`)} `)}· ${c.dc.capacity.market}, ${c.dc.capacity.zone}`
                  : 'in the tariff'}</dd>
                <dt>Utility</dt>
                <dd>${c.dc.tariff.utility}</dd>
                <dt>Grid carbon</dt>
                <dd>${formatNumber(c.dc.grid.value, 0)} kg CO₂/MWh${this.#src(c.dc.grid, 'grid carbon')} · ${c.dc.grid.operator} / ${c.dc.grid.subregion}</dd>
              </dl>
              <div class="edit">
                <rack-quantity-input field-key="tariff" label="Tariff, USD/kWh" kind="ratio" .value=${c.dc.tariff.override ?? undefined} .defaultValue=${c.dc.tariff.value} .min=${0.001} .max=${9.99} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#tariff(e, c.id)}></rack-quantity-input>
                <rack-quantity-input field-key="co2" label="Grid carbon, kg/MWh" kind="count" .defaultValue=${c.dc.grid.value} .min=${0} .max=${2000} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#edit(e, c.id, 'co2KgPerMwh')}></rack-quantity-input>
                <rack-quantity-input field-key="meter" label="Final meter, MW" kind="count" .defaultValue=${c.dc.meterMw.at(-1)?.value} .min=${1} .max=${100_000} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#edit(e, c.id, 'meterMw')}></rack-quantity-input>
                <rack-quantity-input field-key="positions" label="Final positions" kind="count" integer .defaultValue=${c.dc.positions.at(-1)?.value} .min=${1} .max=${1_000_000} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#edit(e, c.id, 'positions')}></rack-quantity-input>
              </div>
              ${c.edited ? html`<button class="btn" type="button" @click=${() => emit(this, 'rack-edit', { type: 'plan/reset-site', siteId: c.id })}>Back to the published ${short} figures</button>` : nothing}
            </section>`
        : nothing}
      ${c.facts.length ? html`<section aria-label=${`${short} facts`}><h3>Facts</h3><ul class="facts">${c.facts.map((f) => html`<li>${f.text}${this.#src({ value: 0, unit: '', confidence: f.confidence, sources: f.sources }, 'fact')}</li>`)}</ul></section>` : nothing}
    </article>`;
  }

  /** The site's overrides: what each replaced, and a field per override (empty: the computed or plan value). */
  #overrides(c: SiteCard, short: string, sys: Prefs['units']) {
    const o = c.dc!.overrides;
    return html`<section aria-label=${`${short} overrides`}>
      <h3>Overrides${o.list.length ? html`<span class="override">${o.list.length} set</span>` : nothing}</h3>
      ${o.list.length
        ? html`<ul class="overrides">${o.list.map((x) => html`<li>${x.text}</li>`)}</ul>`
        : html`<p class="terms">None: the PUE is computed from the site model and the plan’s utilization applies. Set a figure you bring to use it instead.</p>`}
      <div class="edit">
        ${SITE_OVERRIDE_INPUTS.map((f) => {
          const v = o.values[f.field];
          const scale = f.kind === 'power' ? 1000 : 1;
          return html`<rack-quantity-input field-key=${`site-${f.field}`} label=${f.label} kind=${f.kind} help=${f.help} .value=${v === undefined ? undefined : v * scale} .min=${f.limit.min * scale} .max=${f.limit.max * scale} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => this.#override(e, c.id, f.field, scale)}></rack-quantity-input>`;
        })}
      </div>
    </section>`;
  }

  #override(e: CustomEvent<{ value: number | undefined }>, siteId: string, field: keyof SiteOverrides, scale: number): void {
    e.stopPropagation();
    const preset = this.#reports.value?.[1]?.find((s) => s.id === siteId);
    const current = this.#data?.plan.sites?.find((s) => s.id === siteId) ?? preset;
    if (!current) return;
    const value = e.detail.value === undefined ? undefined : e.detail.value / scale;
    if (value === current[field as keyof typeof current]) return;
    emit(this, 'rack-edit', { type: 'plan/set-site', site: withSiteOverride(current, field, value), label: `${siteId} ${field}${value === undefined ? ' cleared' : ''}` });
  }

  /** Monthly mean dry bulb as bars from a zero line, with a labelled axis (°C or °F) and each month's value. */
  #months(values: readonly number[], site: string, sys: Prefs['units']) {
    // Axis from a multiple of 10 °C at or below the coldest month (and 0) to one at or above the warmest (and 30).
    const lo = Math.floor(Math.min(0, ...values) / 10) * 10;
    const hi = Math.ceil(Math.max(30, ...values) / 10) * 10;
    const top = 6;
    const h = 52;
    const left = 26;
    const y = (v: number) => top + ((hi - v) / (hi - lo)) * h;
    const ticks: number[] = [];
    for (let t = lo; t <= hi; t += 10) ticks.push(t);
    const label = `${site} monthly mean dry bulb: ${values.map((v, i) => `${MONTHS[i]} ${formatValue(v, 'temperature', sys, 0)}`).join(', ')}`;
    return html`<svg class="months" viewBox="0 0 ${left + 12 * 19 + 2} ${top + h + 12}" role="img" aria-label=${label}>
      ${ticks.map((t) => svg`<line class=${t === 0 ? 'zero' : 'grid'} x1=${left - 2} x2=${left + 12 * 19} y1=${y(t)} y2=${y(t)}></line><text class="tick" x=${left - 4} y=${y(t) + 2.5}>${formatValue(t, 'temperature', sys, 0)}</text>`)}
      ${values.map((v, i) => {
        const y0 = y(0);
        const yv = y(v);
        const x = left + i * 19 + 2;
        return svg`<rect class=${v < 10 ? 'cold' : ''} x=${x} y=${Math.min(yv, y0)} width="15" height=${Math.max(0.5, Math.abs(yv - y0))} rx="1"><title>${MONTHS_LONG[i]}: ${formatValue(v, 'temperature', sys, 1)}</title></rect><text class="value" x=${x + 7.5} y=${v >= 0 ? yv - 1.5 : yv + 6}>${formatNumber(toDisplayValue(v, 'temperature', sys), 0)}</text><text x=${x + 7.5} y=${top + h + 10}>${MONTHS[i]}</text>`;
      })}
    </svg>`;
  }

  #tariff(e: CustomEvent<{ value: number | undefined }>, siteId: string): void {
    e.stopPropagation();
    emit(this, 'rack-edit', { type: 'plan/set-tariff', siteId, usdPerKwh: e.detail.value });
  }

  #edit(e: CustomEvent<{ value: number | undefined }>, siteId: string, key: 'meterMw' | 'positions' | 'co2KgPerMwh'): void {
    e.stopPropagation();
    if (e.detail.value === undefined) return;
    const preset = this.#reports.value?.[1]?.find((s) => s.id === siteId);
    const current = this.#data?.plan.sites?.find((s) => s.id === siteId) ?? preset;
    if (!current) return;
    emit(this, 'rack-edit', { type: 'plan/set-site', site: editSite(current, { [key]: e.detail.value }), label: `${siteId} ${key}` });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-sites-view': RackSitesView;
  }
}

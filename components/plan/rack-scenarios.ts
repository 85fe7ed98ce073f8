import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlanRanges, RangedTotal } from '../../src/core/plan/ranges';
import type { ScenarioComparison } from '../../src/core/plan/scenarios';
import type { Plan } from '../../src/core/plan/types';
import { JobCancelled, runPlanRanges, runScenarioComparison, type WorkerJob } from '../../src/services/ranges';
import { keepPlanInLibrary } from '../../src/storage/plan-library';
import { formatNumber, formatUsd } from '../../src/views/format';
import type { ChartSpec } from '../charts/rack-chart';
import { baseStyles, numberTableStyles } from '../shared/styles';
import '../charts/rack-chart';

/** Most scenarios compared side by side. */
const MAX_SCENARIOS = 3;
/** Quiet time after an edit before the bands are recomputed (the worker's answer would be stale sooner). */
const RANGES_DEBOUNCE_MS = 700;

const TOTALS: readonly { key: RangedTotal; label: string; money: boolean }[] = [
  { key: 'capexUsd', label: 'Capex', money: true },
  { key: 'npvTcoUsd', label: 'NPV TCO', money: true },
  { key: 'tcoUsd', label: 'TCO (nominal)', money: true },
  { key: 'peakFacilityMw', label: 'Peak facility MW, all sites', money: false },
  { key: 'horizonEnergyMwh', label: 'Energy over the horizon, MWh', money: false },
  { key: 'horizonCo2Tonnes', label: 'CO₂ over the horizon, t', money: false },
];

const show = (v: number, money: boolean) => (money ? formatUsd(v) : formatNumber(v, Math.abs(v) >= 100 ? 0 : undefined));

/** "Houston, Texas: air handlers per kW" → "Houston: air handlers per kW"; "NVIDIA GB300 NVL72 unit price" → "GB300 NVL72 unit price" (chart axes are narrow). */
function compactLabel(label: string): string {
  return label.replace(/^(NVIDIA|AWS) /, '').replace(/^([^,:]+), [^:]+:/, '$1:');
}

/** A tornado: per input, the change in the total with the input at its low and at its high (stacked around zero). */
function tornadoSpec(r: PlanRanges, total: 'npvTcoUsd' | 'peakFacilityMw'): ChartSpec {
  const rows = r.sensitivity.filter((s) => s.total === total);
  const typical = r.totals[total].typical;
  const scale = total === 'npvTcoUsd' ? 1e6 : 1;
  return {
    labels: rows.map((s) => compactLabel(s.label)),
    series: [
      { label: 'Input at its low', data: rows.map((s) => (s.atLow - typical) / scale), stack: 't', color: 1 },
      { label: 'Input at its high', data: rows.map((s) => (s.atHigh - typical) / scale), stack: 't', color: 2 },
    ],
    yTitle: total === 'npvTcoUsd' ? 'change in NPV TCO, $ M' : 'change in peak facility MW',
    stacked: true,
    horizontal: true,
    format: (n) => formatNumber(n),
  };
}

/**
 * The Plan view's "how sure, and which plan" panel: low/typical/high bands of every total and a tornado of the inputs
 * that move NPV TCO and peak facility MW most (src/core/plan/ranges.ts, computed in a worker so edits paint first),
 * and named scenarios of the plan compared side by side with deltas (src/core/plan/scenarios.ts). A saved scenario
 * is also kept in the plan library.
 *
 * @summary Plan ranges and scenarios.
 */
@customElement('rack-scenarios')
export class RackScenarios extends LitElement {
  static override styles = [
    baseStyles,
    numberTableStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      :host > * {
        min-width: 0;
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table {
        border-collapse: collapse;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.6rem;
        border-bottom: 1px solid var(--rack-border);
        text-align: right;
        white-space: nowrap;
      }
      th[scope='row'] {
        text-align: left;
        font-weight: 500;
      }
      .note {
        font-size: 0.75rem;
        color: var(--rack-muted);
        margin: 0.4rem 0 0;
      }
      .save {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .save label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
      }
      .save input {
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 14rem;
      }
      .saved {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0;
        display: grid;
        gap: 0.25rem;
        font-size: 0.8125rem;
      }
      .up {
        color: var(--rack-over);
      }
      .down {
        color: var(--rack-ok);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
      }
      rack-chart {
        height: 20rem;
      }
    `,
  ];

  /** The plan as the Plan view shows it. */
  @property({ attribute: false }) plan: Plan | undefined;
  @property() theme = '';

  @state() private ranges: { result: PlanRanges; ms: number } | null = null;
  @state() private rangesState: 'idle' | 'running' | 'failed' = 'idle';
  @state() private rangesError = '';
  @state() private scenarios: readonly { name: string; plan: Plan }[] = [];
  @state() private comparison: ScenarioComparison | null = null;
  @state() private scenarioNote = '';

  #rangesJob: WorkerJob<unknown> | undefined;
  #compareJob: WorkerJob<unknown> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#rangesJob?.cancel();
    this.#compareJob?.cancel();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('plan') && this.plan) {
      clearTimeout(this.#timer);
      this.#rangesJob?.cancel();
      this.rangesState = 'running';
      this.#timer = setTimeout(() => this.#computeRanges(), RANGES_DEBOUNCE_MS);
    }
  }

  #computeRanges(): void {
    const plan = this.plan;
    if (!plan) return;
    const job = runPlanRanges(plan, { samples: 500 });
    this.#rangesJob = job;
    job.result.then(
      (r) => {
        if (this.#rangesJob !== job) return;
        this.ranges = r;
        this.rangesState = 'idle';
        this.dispatchEvent(new CustomEvent('ranges-ready', { bubbles: true, composed: true }));
      },
      (err: unknown) => {
        if (err instanceof JobCancelled || this.#rangesJob !== job) return;
        this.rangesState = 'failed';
        this.rangesError = err instanceof Error ? err.message : String(err);
      },
    );
  }

  /** Save the current plan as a scenario (the oldest drops out past three) and keep a copy in the plan library. */
  async saveScenario(name: string): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    const label = name.trim() || `${plan.name} (${this.scenarios.length + 1})`;
    const list = [...this.scenarios.filter((s) => s.name !== label), { name: label, plan: { ...plan, name: label } }];
    this.scenarios = list.slice(-MAX_SCENARIOS);
    this.#compare();
    const kept = await keepPlanInLibrary({ ...plan, name: label }, { reason: 'Scenario' });
    this.scenarioNote = kept.ok ? `Saved “${label}”; a copy is in the plan library as “${kept.value.name}”.` : `Saved “${label}” for this session; the plan library could not keep a copy (${kept.error}).`;
  }

  #remove(name: string): void {
    this.scenarios = this.scenarios.filter((s) => s.name !== name);
    this.#compare();
  }

  #compare(): void {
    this.#compareJob?.cancel();
    if (this.scenarios.length < 2) {
      this.comparison = null;
      return;
    }
    const job = runScenarioComparison(this.scenarios);
    this.#compareJob = job;
    job.result.then(
      (r) => {
        if (this.#compareJob === job) this.comparison = r.result;
      },
      (err: unknown) => {
        if (!(err instanceof JobCancelled)) this.scenarioNote = `The comparison failed: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  }

  override render() {
    const r = this.ranges?.result;
    return html`
      <section class="card" aria-labelledby="ranges-h">
        <h2 id="ranges-h">How sure: ranges and what moves the answer</h2>
        ${r
          ? html`<div class="scroll">
                <table aria-label="Plan totals with low, typical and high">
                  <thead>
                    <tr><th scope="col">Total</th><th scope="col">Low</th><th scope="col">Typical</th><th scope="col">High</th></tr>
                  </thead>
                  <tbody>
                    ${TOTALS.map((t) => html`<tr><th scope="row">${t.label}</th><td>${show(r.totals[t.key].low, t.money)}</td><td>${show(r.totals[t.key].typical, t.money)}</td><td>${show(r.totals[t.key].high, t.money)}</td></tr>`)}
                  </tbody>
                </table>
              </div>
              <div class="charts">
                <div>
                  <h3>What moves NPV TCO</h3>
                  <rack-chart .spec=${tornadoSpec(r, 'npvTcoUsd')} .theme=${this.theme} label="Tornado: change in NPV TCO with each input at its low and its high, the ten largest"></rack-chart>
                </div>
                <div>
                  <h3>What moves peak facility MW</h3>
                  <rack-chart .spec=${tornadoSpec(r, 'peakFacilityMw')} .theme=${this.theme} label="Tornado: change in peak facility MW with each input at its low and its high, the ten largest"></rack-chart>
                </div>
              </div>
              <p class="note">
                Typical is the plan's own figure. Low and high: the 5th and 95th percentiles of ${formatNumber(r.method.samples)} Latin-hypercube samples (seed ${r.method.seed}) over
                ${r.inputs.length} catalog inputs, each spanning its stated range, or a point value widened by its confidence (secondary ±5 %, derived ±10 %, estimate ±25 %);
                each input's effect from one-at-a-time runs of the plan engine (${r.method.engineRuns} runs, ${formatNumber(this.ranges!.ms, 0)} ms, off the page's thread), summed.
                ${this.rangesState === 'running' ? html`<strong>Updating for the latest edit…</strong>` : nothing}
              </p>`
          : html`<p class="note" role="status">${this.rangesState === 'failed' ? `The ranges could not be computed: ${this.rangesError}` : 'Computing the bands and the tornado off the page’s thread…'}</p>`}
      </section>
      <section class="card" aria-labelledby="scen-h">
        <h2 id="scen-h">Scenarios side by side</h2>
        <form
          class="save"
          @submit=${(e: Event) => {
            e.preventDefault();
            const input = (e.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
            void this.saveScenario(input.value).then(() => (input.value = ''));
          }}
        >
          <label>Scenario name <input name="name" placeholder=${this.plan ? `${this.plan.name} (${this.scenarios.length + 1})` : ''} /></label>
          <button class="btn" type="submit">Save the current plan as a scenario</button>
        </form>
        ${this.scenarioNote ? html`<p class="note" role="status">${this.scenarioNote}</p>` : nothing}
        ${this.scenarios.length
          ? html`<ul class="saved" aria-label="Saved scenarios">
              ${this.scenarios.map((s, i) => html`<li>${String.fromCharCode(65 + i)} = ${s.name} <button class="btn" type="button" @click=${() => this.#remove(s.name)}>Remove</button></li>`)}
            </ul>`
          : nothing}
        ${this.comparison ? this.#comparisonTable(this.comparison) : html`<p class="note">Save two or three scenarios (change the plan between saves) to compare them; the first is the base every difference is taken from.</p>`}
      </section>
    `;
  }

  #comparisonTable(c: ScenarioComparison) {
    const letters = c.names.map((_, i) => String.fromCharCode(65 + i));
    const value = (v: number | null, unit: string) => (v === null ? '—' : unit === 'USD' ? formatUsd(v) : formatNumber(v, Math.abs(v) >= 100 ? 0 : undefined));
    return html`<div class="scroll">
        <table aria-label="Scenarios compared">
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Figure</span></th>
              ${letters.map((l, i) => html`<th scope="col" title=${c.names[i]!}>${l}</th>${i > 0 ? html`<th scope="col">Δ ${l} − A</th>` : nothing}`)}
            </tr>
          </thead>
          <tbody>
            ${c.rows.map(
              (row) => html`<tr data-key=${row.key}>
                <th scope="row">${row.unit === 'USD' ? row.label : `${row.label}, ${row.unit}`}</th>
                ${row.values.map((v, i) => {
                  const d = row.deltas[i];
                  const pct = row.deltaPcts[i];
                  const cls = d === null || d === undefined || row.better === 'none' || d === 0 ? '' : d > 0 ? 'up' : 'down';
                  return html`<td>${value(v, row.unit)}</td>${i > 0
                      ? html`<td class=${cls}>${d === null || d === undefined ? '—' : `${d > 0 ? '+' : d < 0 ? '−' : '±'}${value(Math.abs(d), row.unit)}${pct === null || pct === undefined ? '' : ` (${d > 0 ? '+' : d < 0 ? '−' : ''}${formatNumber(Math.abs(pct), 1)} %)`}`}</td>`
                      : nothing}`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">Δ: difference from A. Red: higher (worse) than A; green: lower. Firm capex is committed; option capex can still be cancelled, so neither direction is marked.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-scenarios': RackScenarios;
  }
}

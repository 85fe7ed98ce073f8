import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import { compareUnits, TARGET_LABEL, type CompareRow } from '../../src/state/compare';
import { RackDerivations } from '../../src/state/controllers/rack-report-controller';
import { StoreController } from '../../src/state/controllers/store-controller';
import { formatNumber, formatValue, type DisplayKind } from '../../src/state/format';
import { generationGroups, type GenerationGroup } from '../../src/state/generations';
import { markRendered } from '../../src/state/marks';
import { memoizeLast } from '../../src/state/memo';
import type { CompareDesign, CompareTargetKind, Prefs, RackDesign, UnitSystem } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import '../charts/rack-chart';
import '../inputs/rack-quantity-input';

interface Metric {
  readonly label: string;
  readonly cell: (r: CompareRow) => string;
  /** Lower is better (for the "best" mark); undefined: no ranking. */
  readonly better?: 'lower' | 'higher';
  readonly value?: (r: CompareRow) => number | null;
  readonly estimate?: boolean;
}

const TARGET_KIND: Record<CompareTargetKind, { kind: DisplayKind; min: number; max: number; integer: boolean; example: string }> = {
  accelerators: { kind: 'count', min: 1, max: 10_000_000, integer: true, example: '1152' },
  itPower: { kind: 'power', min: 1000, max: 5e9, integer: false, example: '10 MW' },
  fp8Pflops: { kind: 'count', min: 1, max: 1e9, integer: false, example: '5000' },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const issueText = (r: CompareRow) => `${plural(r.perUnit.issues.filter((i) => i.severity === 'error').length, 'error')}, ${plural(r.perUnit.issues.filter((i) => i.severity === 'warning').length, 'warning')}`;

interface CompareData {
  readonly rows: CompareRow[];
  readonly metrics: Metric[];
  readonly best: Map<string, number>;
  readonly charts: ReturnType<typeof charts>;
  readonly groups: GenerationGroup[];
  readonly prefs: Prefs;
  readonly design: CompareDesign;
  readonly rackTarget: number | null;
}

const mw = (kw: number) => (kw >= 1000 ? `${formatNumber(kw / 1000)} MW` : `${formatNumber(kw)} kW`);

function metrics(system: UnitSystem): Metric[] {
  return [
    { label: 'Units needed', cell: (r) => formatNumber(r.units, 0) },
    { label: 'Racks', cell: (r) => formatNumber(r.sized.totals.racks, 0), better: 'lower', value: (r) => r.sized.totals.racks },
    { label: 'Accelerators', cell: (r) => formatNumber(r.sized.totals.accelerators, 0) },
    { label: 'IT power (max)', cell: (r) => mw(r.sized.totals.itKw), better: 'lower', value: (r) => r.sized.totals.itKw, estimate: true },
    { label: 'Input power', cell: (r) => mw(r.sized.totals.inputKw), better: 'lower', value: (r) => r.sized.totals.inputKw, estimate: true },
    { label: 'Transient peak', cell: (r) => mw(r.sized.totals.peakKw), better: 'lower', value: (r) => r.sized.totals.peakKw },
    { label: 'Liquid / air heat', cell: (r) => `${mw(r.sized.totals.liquidKw)} / ${mw(r.sized.totals.airKw)}` },
    { label: 'Coolant flow', cell: (r) => formatValue(r.sized.totals.coolantLpm, 'liquidFlow', system), better: 'lower', value: (r) => r.sized.totals.coolantLpm },
    { label: 'Airflow', cell: (r) => formatValue(r.sized.totals.airflowM3h, 'airflow', system), better: 'lower', value: (r) => r.sized.totals.airflowM3h },
    { label: 'Rack footprint', cell: (r) => (system === 'si' ? `${formatNumber(r.floorM2)} m²` : `${formatNumber(r.floorM2 * 10.7639)} ft²`), better: 'lower', value: (r) => r.floorM2 },
    { label: 'Weight', cell: (r) => formatValue(r.sized.totals.weightKg, 'mass', system), better: 'lower', value: (r) => r.sized.totals.weightKg },
    { label: 'Dense FP8', cell: (r) => (r.sized.totals.fp8DensePflops === null ? 'not supported' : `${formatNumber(r.sized.totals.fp8DensePflops)} PFLOPS`), better: 'higher', value: (r) => r.sized.totals.fp8DensePflops },
    { label: 'Dense FP4', cell: (r) => (r.perUnit.compute.fp4DensePflops === null ? 'not supported' : `${formatNumber(r.perUnit.compute.fp4DensePflops * r.units)} PFLOPS`) },
    { label: 'Dense BF16', cell: (r) => (r.perUnit.compute.bf16DensePflops === null ? 'not supported' : `${formatNumber(r.perUnit.compute.bf16DensePflops * r.units)} PFLOPS`) },
    { label: 'HBM', cell: (r) => (r.sized.totals.hbmTb === null ? 'not published' : `${formatNumber(r.sized.totals.hbmTb)} TB`), better: 'higher', value: (r) => r.sized.totals.hbmTb },
    { label: 'kW per accelerator', cell: (r) => formatNumber(r.kwPerAccelerator), better: 'lower', value: (r) => r.kwPerAccelerator, estimate: true },
    { label: 'kW per dense FP8 PFLOPS', cell: (r) => (r.kwPerFp8Pflops === null ? '—' : formatNumber(r.kwPerFp8Pflops)), better: 'lower', value: (r) => r.kwPerFp8Pflops, estimate: true },
    { label: 'Scale-up cables', cell: (r) => formatNumber(r.sized.totals.scaleUpCables, 0) },
    { label: 'Scale-out ports', cell: (r) => formatNumber(r.perUnit.cabling.scaleOutPorts * r.units, 0) },
    { label: 'Issues (per unit)', cell: (r) => issueText(r) },
  ];
}

function charts(rows: readonly CompareRow[]): { power: ChartSpec; racks: ChartSpec; efficiency: ChartSpec } {
  const labels = rows.map((r) => r.generation.name.replace(/\s*\(.*\)\s*$/, ''));
  return {
    power: {
      labels,
      series: [
        { label: 'IT power (MW)', data: rows.map((r) => r.sized.totals.itKw / 1000) },
        { label: 'Input power (MW)', data: rows.map((r) => r.sized.totals.inputKw / 1000) },
        { label: 'Transient peak (MW)', data: rows.map((r) => r.sized.totals.peakKw / 1000) },
      ],
      yTitle: 'MW',
      horizontal: true,
      format: (n) => formatNumber(n),
    },
    racks: {
      labels,
      series: [{ label: 'Racks', data: rows.map((r) => r.sized.totals.racks), color: 3 }],
      yTitle: 'racks',
      horizontal: true,
      format: (n) => formatNumber(n, 0),
    },
    efficiency: {
      labels,
      series: [{ label: 'kW per dense FP8 PFLOPS', data: rows.map((r) => r.kwPerFp8Pflops ?? 0), color: 4 }],
      yTitle: 'kW / PFLOPS',
      horizontal: true,
      format: (n) => formatNumber(n),
    },
  };
}

/**
 * Compare GPU, Trainium and Inferentia units for one target (accelerators, IT power or dense FP8): each generation
 * is sized to the target at its catalog defaults, shown as a table (best value per row marked) and as charts.
 *
 * @summary Compare view.
 * @fires rack-edit - `compare/toggle-generation`, `compare/set-target`
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
  readonly #rows = memoizeLast((catalog: Catalog, design: CompareDesign, basis: RackDesign['options']['basis']) => compareUnits(catalog, design, basis ?? 'max'));
  readonly #metrics = memoizeLast((system: UnitSystem) => metrics(system));
  readonly #charts = memoizeLast((rows: readonly CompareRow[]) => charts(rows));
  readonly #groups = memoizeLast((catalog: Catalog) => generationGroups(catalog));

  #data: CompareData | null = null;

  override willUpdate(): void {
    const v = this.#store.value;
    if (!v) return;
    const [design, rack, prefs, catalog] = v;
    const rows = this.#rows(catalog, design, rack.options.basis);
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
    this.#data = { rows, metrics: ms, best, charts: this.#charts(rows), groups: this.#groups(catalog), prefs, design, rackTarget };
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
          <p class="note">Each generation at its catalog defaults (${rows[0]?.perUnit.basis ?? 'max'} basis), rounded up to whole units.</p>
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
                      ${rows.map((r) => html`<th scope="col">${r.generation.name}<small>${r.perUnit.accelerators} × ${r.generation.accelerator.model} per unit</small></th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${data.metrics.map((m) => {
                      const best = data.best.get(m.label);
                      return html`<tr>
                        <th scope="row">${m.label}${m.estimate && rows.some((r) => r.estimate) ? html` <span class="estimate" title="Some units' power rests on estimates (AWS publishes no Trainium or Inferentia power)">est.</span>` : nothing}</th>
                        ${rows.map((r) => {
                          const isBest = best !== undefined && m.value?.(r) === best;
                          return html`<td class=${isBest ? 'best' : ''}>${m.cell(r)}${isBest ? html`<span class="visually-hidden"> (best)</span>` : nothing}${m.estimate && r.estimate ? html` <span class="estimate" title="Power for this unit rests on estimates">est.</span>` : nothing}</td>`;
                        })}
                      </tr>`;
                    })}
                  </tbody>
                </table>
              </div>
              <p class="note">Best value per row in bold green. “est.” marks figures that rest on estimated catalog values.</p>
            </section>
            <section class="charts" aria-label="Charts">
              <div class="card">
                <h3>Power for the target</h3>
                <rack-chart .spec=${data.charts.power} .theme=${prefs.theme} label="IT, input and transient peak power for the target, MW, per generation"></rack-chart>
              </div>
              <div class="card">
                <h3>Racks for the target</h3>
                <rack-chart .spec=${data.charts.racks} .theme=${prefs.theme} label="Racks needed for the target, per generation"></rack-chart>
              </div>
              <div class="card">
                <h3>Power per unit of compute</h3>
                <rack-chart .spec=${data.charts.efficiency} .theme=${prefs.theme} label="kW of IT power per dense FP8 PFLOPS, per generation"></rack-chart>
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
      const r = this.#data?.rows[0];
      v = r ? (kind === 'accelerators' ? r.sized.totals.accelerators : kind === 'itPower' ? r.sized.totals.itKw * 1000 : (r.sized.totals.fp8DensePflops ?? 1000)) : 1000;
    }
    emit(this, 'rack-edit', { type: 'compare/set-target', kind, value: v });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-compare-view': RackCompareView;
  }
}

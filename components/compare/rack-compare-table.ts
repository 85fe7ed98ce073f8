import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CompareOption } from '../../src/core/plan/compare';
import type { CompareTargetKind, Prefs } from '../../src/state/types';
import { compareFigures, compareMetrics } from '../../src/views/compare-table';
import { FAMILY_LABEL, VENDOR_LABEL } from '../../src/views/generations';
import { memoizeLast } from '../../src/views/memo';
import { shortGenerationName } from '../../src/views/names';
import type { ChartSpec } from '../charts/rack-chart';
import { compareChartStyles } from './rack-compare-view';
import { baseStyles } from '../shared/styles';
import '../charts/rack-chart';

/**
 * The Compare view's comparison table (best value per row marked, how each row was sized) and its charts of absolute
 * power and racks: the part of the view below its first screen. The view loads this module after its first paint
 * (it brings the issue-code registry, for the issues row, and the chart element, which the view's own charts use).
 *
 * @summary Compare view: the table and the absolute charts.
 * @csspart table - the comparison table
 */
@customElement('rack-compare-table')
export class RackCompareTable extends LitElement {
  static override styles = [
    baseStyles,
    compareChartStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      :host > * {
        min-width: 0;
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
    `,
  ];

  /** The comparison's rows (the report's options), in order. */
  @property({ attribute: false }) rows: readonly CompareOption[] = [];
  @property({ attribute: false }) target: CompareTargetKind = 'fp8Pflops';
  @property({ attribute: false }) prefs: Prefs | undefined;
  /** Ids of the user's own generations (their columns say so). */
  @property({ attribute: false }) own: readonly string[] = [];
  @property({ attribute: false }) charts: { readonly power: ChartSpec; readonly racks: ChartSpec } | undefined;

  readonly #metrics = memoizeLast((system: Prefs['units'], target: CompareTargetKind) => compareMetrics(system, target));
  readonly #figures = memoizeLast((rows: readonly CompareOption[], metrics: ReturnType<typeof compareMetrics>) => compareFigures(rows, metrics));

  override render() {
    const { rows, prefs, charts } = this;
    if (!prefs || !charts) return nothing;
    const metrics = this.#metrics(prefs.units, this.target);
    const { best, estimates } = this.#figures(rows, metrics);
    return html`
      <section class="card" aria-label="Comparison table">
        <div class="table-wrap" tabindex="0" role="region" aria-label="Comparison table">
          <table part="table">
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">Figure</span></th>
                ${rows.map((r) => html`<th scope="col" title=${r.name}>${shortGenerationName(r.name)}<small>${r.supported ? `${VENDOR_LABEL[r.vendor as keyof typeof VENDOR_LABEL] ?? r.vendor} ${FAMILY_LABEL[r.family as keyof typeof FAMILY_LABEL] ?? r.family}` : 'does not supply the target'}${this.own.includes(r.generation) ? ' · user-defined' : ''}</small></th>`)}
              </tr>
            </thead>
            <tbody>
              ${metrics.map((m) => {
                const top = best.get(m.label);
                return html`<tr>
                  <th scope="row">${m.label}</th>
                  ${rows.map((r) => {
                    const isBest = top !== undefined && m.value?.(r) === top;
                    return html`<td class=${isBest ? 'best' : ''}>${m.cell(r)}${isBest ? html`<span class="visually-hidden"> (best)</span>` : nothing}${m.estimate && estimates.has(r.generation) ? html` <span class="estimate" title="This unit's power rests on estimated catalog values (AWS publishes no Trainium or Inferentia power)">est.</span>` : nothing}</td>`;
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
          <rack-chart .spec=${charts.power} .theme=${prefs.theme} label="IT power and facility power at peak PUE for the target, MW, per generation"></rack-chart>
        </div>
        <div class="card">
          <h3>Racks for the target</h3>
          <rack-chart .spec=${charts.racks} .theme=${prefs.theme} label="Racks needed for the target, per generation"></rack-chart>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-compare-table': RackCompareTable;
  }
}

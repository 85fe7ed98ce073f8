import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QuarterId } from '../../src/core/sites/types';
import { fieldAccepts } from '../../src/views/numeric-field';
import { PLAN_FIELDS } from '../../src/views/plan-fields';
import { formatNumber } from '../../src/views/format';
import type { PlanGrid } from '../../src/views/plan-view';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';

/**
 * The plan's quarters × sites × generations table: demand per quarter (editable, in the metric the view chose) with
 * what is in service and the surplus or shortfall; units entering service per quarter (editable; a locked row's
 * cell is read-only), and per site the racks in service and facility MW against the meter. Over a limit is marked.
 *
 * Arrow keys and Enter move between cells as in a spreadsheet.
 *
 * @summary Plan deployment grid.
 * @fires rack-edit - `plan/set-deployment` when a cell changes, `plan/set-demand` when a demand cell changes
 * @csspart table - the table
 */
@customElement('rack-plan-grid')
export class RackPlanGrid extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .override {
        font-size: 0.625rem;
        cursor: help;
      }
      .wrap {
        overflow: auto;
        max-height: 34rem;
        contain: strict;
        height: 34rem;
        border: 1px solid var(--rack-border);
        border-radius: 6px;
      }
      table {
        border-collapse: separate;
        border-spacing: 0;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.15rem 0.3rem;
        border-bottom: 1px solid var(--rack-border);
        text-align: right;
        white-space: nowrap;
        background: var(--rack-surface);
      }
      thead th {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--rack-surface-2);
        font-weight: 600;
        vertical-align: bottom;
      }
      thead tr:nth-child(2) th {
        top: 1.6rem;
      }
      th.site {
        text-align: center;
        border-left: 2px solid var(--rack-border-strong);
      }
      th[scope='row'] {
        position: sticky;
        left: 0;
        z-index: 1;
        text-align: left;
        background: var(--rack-surface-2);
      }
      td.first {
        border-left: 2px solid var(--rack-border-strong);
      }
      td.derived {
        color: var(--rack-muted);
      }
      td.over,
      td.short {
        color: var(--rack-over);
        font-weight: 700;
      }
      th.demand,
      td.demand-last {
        border-right: 2px solid var(--rack-border-strong);
      }
      input[readonly] {
        background: transparent;
        border-style: dashed;
      }
      input {
        width: 3.6rem;
        padding: 0.1rem 0.25rem;
        border: 1px solid var(--rack-border);
        border-radius: 4px;
        background: var(--rack-input-bg);
        text-align: right;
        font: inherit;
      }
      input:not(:placeholder-shown) {
        border-color: var(--rack-accent);
        font-weight: 600;
      }
      .gen {
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        max-height: 7.5rem;
        overflow: hidden;
        text-overflow: ellipsis;
        font-weight: 500;
      }
    `,
  ];

  @property({ attribute: false }) grid: PlanGrid | undefined;

  override render() {
    const g = this.grid;
    if (!g) return html``;
    const short = (id: string) => g.generationNames.get(id) ?? id;
    return html`<div class="wrap" tabindex="-1" role="region" aria-label="Deployments by quarter, site and generation">
      <table part="table">
        <thead>
          <tr>
            <th rowspan="2" scope="col">Quarter</th>
            <th class="site demand" scope="colgroup" colspan="3" title=${g.demand.unit}>Demand, ${g.demand.unit}</th>
            ${g.columns.map(
              (c) =>
                html`<th class="site" scope="colgroup" colspan=${c.generations.length + 2}>
                  ${c.siteName}${c.overrides.length ? html` <span class="override" title=${c.overrides.join('\n')} aria-label=${`${c.siteName} overrides: ${c.overrides.join('; ')}`}>override</span>` : ''}
                </th>`,
            )}
          </tr>
          <tr>
            <th scope="col" class="site">Demand</th>
            <th scope="col">In service</th>
            <th scope="col" class="demand">Surplus</th>
            ${g.columns.map(
              (c) => html`${c.generations.map((id, i) => html`<th scope="col" class=${i === 0 ? 'site' : ''} title=${id}><span class="gen">${short(id)}</span></th>`)}
                <th scope="col" class=${c.generations.length === 0 ? 'site' : ''}>Racks</th>
                <th scope="col">MW / meter</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${g.rows.map(
            (r, ri) => html`<tr>
              <th scope="row">${r.quarter.replace('-', ' ')}</th>
              ${this.#demandCells(g, ri)}
              ${g.columns.map((c, ci) => {
                const s = r.sites.get(c.site)!;
                return html`${c.generations.map((id, i) => {
                  const v = r.cells.get(`${c.site}|${id}`);
                  const locked = g.locked.has(`${c.site}|${id}|${r.quarter}`);
                  return html`<td class=${i === 0 ? 'first' : ''}>
                    <input
                      type="text"
                      inputmode="numeric"
                      placeholder="0"
                      ?readonly=${locked}
                      title=${locked ? 'Locked (firm order or already built): unlock it under Deployment rows to change it' : ''}
                      .value=${v ? `${locked ? '🔒 ' : ''}${v}` : ''}
                      aria-label=${`${short(id)} units into service at ${c.siteName} in ${r.quarter.replace('-', ' ')}${locked ? ' (locked)' : ''}`}
                      data-r=${ri}
                      data-c=${`${ci}:${i}`}
                      @change=${(e: Event) => this.#change(e, c.site, id, r.quarter)}
                      @keydown=${this.#move}
                    />
                  </td>`;
                })}
                  <td class=${`derived${c.generations.length === 0 ? ' first' : ''}`}>${s.racks ? formatNumber(s.racks, 0) : ''}</td>
                  <td class=${s.over ? 'over' : 'derived'} title=${s.over ? 'Over a site limit' : `${formatNumber(s.headroomMw)} MW headroom`}>
                    ${s.facilityMw ? `${formatNumber(s.facilityMw)} / ` : ''}${formatNumber(s.meterMw, 0)}${s.over ? ' ⚠' : ''}
                  </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Spreadsheet keys: arrows up/down (and Enter) move between quarters, left/right at the text's edge between columns. */
  #move(e: KeyboardEvent): void {
    const input = e.target as HTMLInputElement;
    const r = Number(input.dataset.r);
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[data-r]')];
    let next: HTMLInputElement | undefined;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) next = inputs.find((x) => Number(x.dataset.r) === r + 1 && x.dataset.c === input.dataset.c);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) next = inputs.find((x) => Number(x.dataset.r) === r - 1 && x.dataset.c === input.dataset.c);
    else if (e.key === 'ArrowRight' && input.selectionStart === input.value.length) next = inputs[inputs.indexOf(input) + 1];
    else if (e.key === 'ArrowLeft' && input.selectionEnd === 0) next = inputs[inputs.indexOf(input) - 1];
    if (!next) return;
    e.preventDefault();
    if (e.key === 'Enter') input.dispatchEvent(new Event('change', { bubbles: true }));
    next.focus();
    next.select();
  }

  #demandCells(g: PlanGrid, ri: number) {
    const c = g.demand.cells[ri]!;
    const q = g.rows[ri]!.quarter;
    const short = c.balance !== null && c.balance < -1e-9;
    return html`<td class="first">
        <input
          type="text"
          inputmode="decimal"
          placeholder=${c.required !== null ? formatNumber(c.required, 0) : '—'}
          .value=${c.entry !== null ? String(c.entry) : ''}
          aria-label=${`Demand in ${g.demand.unit} by ${q.replace('-', ' ')}`}
          data-r=${ri}
          data-c="demand"
          @change=${(e: Event) => this.#demandChange(e, g, q)}
          @keydown=${this.#move}
        />
      </td>
      <td class="derived">${c.supplied ? formatNumber(c.supplied, 0) : ''}</td>
      <td class=${`demand-last ${short ? 'short' : 'derived'}`} title=${short ? 'Shortfall: less in service than the demand' : ''}>${c.balance === null ? '' : `${c.balance > 0 ? '+' : ''}${formatNumber(c.balance, 0)}${short ? ' ⚠' : ''}`}</td>`;
  }

  #demandChange(e: Event, g: PlanGrid, quarter: QuarterId): void {
    const input = e.target as HTMLInputElement;
    const text = input.value.trim().replace(/,/g, '');
    const value = text === '' ? undefined : Number(text);
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1e12)) {
      input.setCustomValidity('Accepts a number from 0 to 10¹², or empty to clear this quarter’s demand');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    emit(this, 'rack-edit', { type: 'plan/set-demand', quarter, metric: g.demand.metric, ...(g.demand.precision ? { precision: g.demand.precision } : {}), value });
  }

  #change(e: Event, site: string, generation: string, quarter: QuarterId): void {
    const input = e.target as HTMLInputElement;
    if (input.readOnly) return;
    const text = input.value.trim().replace(/,/g, '');
    const units = text === '' ? 0 : Number(text);
    if (!fieldAccepts(PLAN_FIELDS.deploymentUnits, units)) {
      input.setCustomValidity(`Accepts ${PLAN_FIELDS.deploymentUnits.accepts}`);
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    emit(this, 'rack-edit', { type: 'plan/set-deployment', site, generation, quarter, units });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-plan-grid': RackPlanGrid;
  }
}

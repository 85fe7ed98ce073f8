import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assumption } from '../../src/core/provenance';
import { formatNumber } from '../../src/views/format';
import { CONFIDENCE_TEXT, baseStyles } from '../shared/styles';

type Filter = 'all' | 'estimates';

/**
 * Every catalog value the unit's figures used, with its source and confidence; estimates and missing values
 * are marked and can be listed alone.
 *
 * @summary Assumptions table (provenance).
 * @csspart table - the table
 */
@customElement('rack-assumptions')
export class RackAssumptions extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        gap: 1rem;
        align-items: center;
        font-size: 0.8125rem;
        margin-bottom: 0.5rem;
      }
      .wrap {
        max-height: 28rem;
        overflow: auto;
        border: 1px solid var(--rack-border);
        border-radius: 6px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.75rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.5rem;
        border-bottom: 1px solid var(--rack-border);
        vertical-align: top;
      }
      th {
        position: sticky;
        top: 0;
        background: var(--rack-surface-2);
        font-weight: 600;
      }
      td.path {
        font-family: var(--rack-mono);
        word-break: break-all;
        max-width: 22rem;
      }
      td.val {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      tr.estimate td:first-child,
      tr.missing td:first-child {
        box-shadow: inset 3px 0 0 var(--rack-estimate);
      }
      .badge {
        display: inline-block;
        border-radius: 3px;
        padding: 0 0.3em;
        font-weight: 600;
        border: 1px solid var(--rack-border-strong);
        white-space: nowrap;
      }
      .badge.estimate,
      .badge.missing {
        border-style: dashed;
        border-color: var(--rack-estimate);
        color: var(--rack-estimate);
      }
      .note {
        color: var(--rack-muted);
      }
    `,
  ];

  @property({ attribute: false }) assumptions: readonly Assumption[] = [];

  @state() private _filter: Filter = 'all';

  #rows: { a: Assumption; value: string; conf: { label: string; title: string } }[] = [];
  #estimates = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('assumptions') || changed.has('_filter' as keyof RackAssumptions)) {
      const isEst = (a: Assumption) => a.confidence === 'estimate' || a.confidence === 'missing';
      this.#estimates = this.assumptions.filter(isEst).length;
      this.#rows = this.assumptions
        .filter((a) => this._filter === 'all' || isEst(a))
        .map((a) => ({
          a,
          value: a.value === null ? 'not published' : typeof a.value === 'number' ? `${formatNumber(a.value)} ${a.unit}` : `${a.value}`,
          conf: CONFIDENCE_TEXT[a.confidence] ?? { label: a.confidence, title: '' },
        }));
    }
  }

  override render() {
    return html`
      <div class="bar">
        <span>${this.assumptions.length} values used · ${this.#estimates} estimated or missing</span>
        <label><input type="checkbox" .checked=${this._filter === 'estimates'} @change=${(e: Event) => (this._filter = (e.target as HTMLInputElement).checked ? 'estimates' : 'all')} /> Only estimates</label>
      </div>
      <div class="wrap" tabindex="0" role="region" aria-label="Assumptions table">
        <table part="table">
          <thead>
            <tr><th scope="col">Catalog value</th><th scope="col">Value</th><th scope="col">Confidence</th><th scope="col">Source and note</th></tr>
          </thead>
          <tbody>
            ${this.#rows.map(
              ({ a, value, conf }) => html`<tr class=${a.confidence}>
                <td class="path">${a.path}</td>
                <td class="val">${value}${a.range ? html`<br /><span class="note">range ${formatNumber(a.range.min)}–${formatNumber(a.range.max)} (${a.basis})</span>` : nothing}</td>
                <td><span class=${`badge ${a.confidence}`} title=${conf.title}>${conf.label}</span></td>
                <td>
                  ${a.sources.map((s, i) => html`${i ? html`<br />` : nothing}<a href=${s.url} target="_blank" rel="noopener noreferrer">${s.title}</a>`)}
                  ${a.note ? html`<div class="note">${a.note}</div>` : nothing}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-assumptions': RackAssumptions;
  }
}

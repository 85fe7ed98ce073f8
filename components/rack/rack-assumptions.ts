import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { Assumption } from '../../src/core/provenance';
import { assumptionLabel, isEstimated } from '../../src/views/assumption-labels';
import { formatNumber } from '../../src/views/format';
import { CONFIDENCE_TEXT, baseStyles } from '../shared/styles';

type Filter = 'all' | 'estimates';
type Sort = 'report' | 'label' | 'confidence';

/** Least certain first when sorting by confidence. */
const CONFIDENCE_ORDER: Record<string, number> = { missing: 0, estimate: 1, secondary: 2, derived: 3, published: 4, user: 5 };

interface Row {
  readonly a: Assumption;
  readonly label: string;
  readonly value: string;
  readonly conf: { label: string; title: string };
  /** Lower-case text the filter box searches: label, path, value, sources and note. */
  readonly haystack: string;
  readonly index: number;
}

/**
 * Every catalog value the unit's figures used, by a readable name (the catalog path as its tooltip), with its source
 * and confidence; estimates and missing values are marked and can be listed alone, the table filtered by text and
 * sorted by name or confidence.
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
      td.name {
        max-width: 22rem;
      }
      td.name[title] {
        cursor: help;
      }
      .bar input[type='search'] {
        min-width: 12rem;
        padding: 0.15rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 4px;
        background: var(--rack-surface);
      }
      .bar select {
        padding: 0.1rem 0.3rem;
      }
      td.val {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      tr.conf-estimate td:first-child,
      tr.conf-missing td:first-child {
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

  /** The catalog the assumptions come from, for readable names; without it the catalog paths are shown. */
  @property({ attribute: false }) catalog: Catalog | undefined;

  @state() private _filter: Filter = 'all';
  @state() private _query = '';
  @state() private _sort: Sort = 'report';

  #all: Row[] = [];
  #rows: Row[] = [];
  #estimates = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('assumptions') || changed.has('catalog')) {
      const catalog = this.catalog;
      this.#estimates = this.assumptions.filter(isEstimated).length;
      this.#all = this.assumptions.map((a, index) => {
        const label = catalog ? assumptionLabel(a.path, catalog) : a.path;
        const value = a.value === null ? 'not published' : typeof a.value === 'number' ? `${formatNumber(a.value)} ${a.unit}` : `${a.value}`;
        const conf = CONFIDENCE_TEXT[a.confidence] ?? { label: a.confidence, title: '' };
        const haystack = [label, a.path, value, conf.label, a.note ?? '', ...a.sources.map((x) => x.title)].join(' ').toLowerCase();
        return { a, label, value, conf, haystack, index };
      });
    }
    const keys = ['assumptions', 'catalog', '_filter', '_query', '_sort'] as (keyof RackAssumptions)[];
    if (keys.some((k) => changed.has(k))) {
      const q = this._query.trim().toLowerCase();
      const rows = this.#all.filter((r) => (this._filter === 'all' || isEstimated(r.a)) && (!q || r.haystack.includes(q)));
      if (this._sort === 'label') rows.sort((x, y) => x.label.localeCompare(y.label));
      else if (this._sort === 'confidence') rows.sort((x, y) => (CONFIDENCE_ORDER[x.a.confidence] ?? 9) - (CONFIDENCE_ORDER[y.a.confidence] ?? 9) || x.index - y.index);
      this.#rows = rows;
    }
  }

  override render() {
    return html`
      <div class="bar">
        <span>${this.assumptions.length} values used · ${this.#estimates} estimated or missing</span>
        <label><input type="checkbox" .checked=${this._filter === 'estimates'} @change=${(e: Event) => (this._filter = (e.target as HTMLInputElement).checked ? 'estimates' : 'all')} /> Only estimates</label>
        <label>Filter <input type="search" .value=${this._query} placeholder="name, source, value…" @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)} /></label>
        <label
          >Sort
          <select .value=${this._sort} @change=${(e: Event) => (this._sort = (e.target as HTMLSelectElement).value as Sort)}>
            <option value="report">as used</option>
            <option value="label">by name</option>
            <option value="confidence">least certain first</option>
          </select></label
        >
        ${this.#rows.length < this.assumptions.length ? html`<span role="status">${this.#rows.length} shown</span>` : nothing}
      </div>
      <div class="wrap" tabindex="0" role="region" aria-label="Assumptions table">
        <table part="table">
          <thead>
            <tr><th scope="col">Value used</th><th scope="col">Figure</th><th scope="col">Confidence</th><th scope="col">Source and note</th></tr>
          </thead>
          <tbody>
            ${this.#rows.map(
              ({ a, label, value, conf }) => html`<tr class=${`conf-${a.confidence}`} data-path=${a.path}>
                <td class="name" title=${a.path}>${label}</td>
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

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RackSummary } from '../../src/views/rack-summary';
import { baseStyles } from '../shared/styles';

const VERDICT_TEXT = { pass: 'Every checked budget passes', near: 'Passes, but near a limit', fail: 'Does not pass' } as const;

/**
 * The answer first: what one unit and the chosen count need (power, feeds and whips, coolant and CDU share,
 * airflow, space and floor) and whether each budget passes, with the first fix to try. A budget chip jumps to its
 * meter. All text comes formatted from the view model (`rackSummary`); this element only lays it out.
 *
 * @summary Designer summary strip.
 * @fires summary-budget - detail `{ budgetId }` when a budget chip is activated
 */
@customElement('rack-summary-strip')
export class RackSummaryStrip extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .verdict {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
        margin: 0 0 0.6rem;
        font-size: 0.875rem;
      }
      .verdict strong {
        font-size: 0.9375rem;
      }
      .verdict.fail strong {
        color: var(--rack-over);
      }
      .verdict.near strong {
        color: var(--rack-warn);
      }
      .verdict.pass strong {
        color: var(--rack-ok);
      }
      .scope {
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: 0.5rem 1rem;
      }
      dl > div {
        min-width: 0;
      }
      dt {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        font-size: 0.9375rem;
      }
      dd small {
        display: block;
        font-weight: 400;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      dd .total {
        display: block;
        font-weight: 500;
        font-size: 0.8125rem;
      }
      .checks {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin: 0.7rem 0 0;
        padding: 0;
        list-style: none;
      }
      .chip {
        font-size: 0.75rem;
        border: 1px solid var(--rack-border);
        border-radius: 999px;
        padding: 0.05rem 0.55rem;
        background: var(--rack-surface);
        white-space: nowrap;
      }
      .chip b {
        font-weight: 700;
      }
      .chip.over {
        border-color: var(--rack-over);
      }
      .chip.over b {
        color: var(--rack-over);
      }
      .chip.warn {
        border-color: var(--rack-warn);
      }
      .chip.warn b {
        color: var(--rack-warn);
      }
      .chip.ok b {
        color: var(--rack-ok);
      }
      .chip.info b {
        color: var(--rack-muted);
        font-weight: 500;
      }
      .fix {
        margin: 0.6rem 0 0;
        font-size: 0.8125rem;
        border-left: 3px solid var(--rack-over);
        padding: 0.1rem 0 0.1rem 0.6rem;
      }
      .fix.near {
        border-left-color: var(--rack-warn);
      }
      .unchecked {
        margin: 0.4rem 0 0;
        font-size: 0.75rem;
      }
      .fix span {
        display: block;
        color: var(--rack-muted);
      }
    `,
  ];

  @property({ attribute: false }) summary: RackSummary | undefined;

  #jump(budgetId: string): void {
    this.dispatchEvent(new CustomEvent('summary-budget', { detail: { budgetId }, bubbles: true, composed: true }));
  }

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const many = s.units > 1;
    return html`
      <p class=${`verdict ${s.verdict}`} role="status">
        <strong>${VERDICT_TEXT[s.verdict]}</strong>
        <span class="scope">${s.scope}${many ? ' · per unit, then the total' : ''}</span>
      </p>
      <dl>
        ${s.cells.map(
          (c) => html`<div data-summary=${c.id}>
            <dt>${c.label}</dt>
            <dd>
              ${c.perUnit}${many ? html` <span class="scope">per unit</span>` : nothing}
              ${c.total ? html`<span class="total">${c.total} <span class="scope">for ${s.units}</span></span>` : nothing}
              ${c.perUnitSub ? html`<small>${c.perUnitSub}</small>` : nothing}
            </dd>
          </div>`,
        )}
      </dl>
      ${s.firstFix
        ? html`<p class=${`fix ${s.verdict}`} data-first-fix>
            <strong>${s.firstFix.label}:</strong> ${s.firstFix.problem}
            ${s.firstFix.fix ? html`<span>Try first: ${s.firstFix.fix}</span>` : nothing}
          </p>`
        : nothing}
      <ul class="checks" aria-label="Budgets, pass or fail">
        ${s.checks.map(
          (c) => html`<li>
            <button type="button" class=${`chip ${c.status}`} @click=${() => this.#jump(c.budgetId)} title="Show this budget's meter">${c.label}: <b>${c.word}</b></button>
          </li>`,
        )}
      </ul>
      ${s.unchecked ? html`<p class="scope unchecked">${s.unchecked}.</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-summary-strip': RackSummaryStrip;
  }
}

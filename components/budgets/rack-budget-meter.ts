import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { budgetLabel, type Budget } from '../../src/views/budgets';
import { formatValue } from '../../src/views/format';
import type { UnitSystem } from '../../src/state/types';
import { baseStyles } from '../shared/styles';

/** The bar spans 0…120 % of the limit so an overrun shows past the limit tick. */
const SPAN = 1.2;

const STATUS_TEXT = { ok: 'within limit', warn: 'near the limit', over: 'over the limit', info: 'no limit to check' } as const;

/**
 * One budget as a meter: the figure, the limit it must stay under, how full it is, and its status in words
 * (colour is never the only cue). Figures that rest on estimated catalog values carry an "est." badge, or — when the
 * page groups the marks (`estimateNote` set) — a dashed underline whose tooltip names the estimated values.
 *
 * @summary Budget meter (value against limit).
 * @csspart bar - the SVG bar
 * @cssprop --rack-ok, --rack-warn, --rack-over - status colours
 */
@customElement('rack-budget-meter')
export class RackBudgetMeter extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        align-items: baseline;
        font-size: 0.8125rem;
      }
      .label {
        font-weight: 500;
      }
      .est-line {
        text-decoration: underline dashed var(--rack-estimate);
        text-underline-offset: 3px;
        cursor: help;
      }
      .value {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        font-weight: 600;
      }
      .of {
        color: var(--rack-muted);
        font-weight: 400;
      }
      svg {
        display: block;
        width: 100%;
        height: 8px;
        margin: 0.25rem 0 0.2rem;
      }
      .track {
        fill: var(--rack-track);
      }
      .fill.ok {
        fill: var(--rack-ok);
      }
      .fill.warn {
        fill: var(--rack-warn);
      }
      .fill.over {
        fill: var(--rack-over);
      }
      .fill.info {
        fill: var(--rack-muted);
      }
      .tick {
        stroke: var(--rack-text);
        stroke-width: 2;
      }
      .foot {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      .status {
        white-space: nowrap;
        font-weight: 600;
      }
      .status.over {
        color: var(--rack-over);
      }
      .status.warn {
        color: var(--rack-warn);
      }
      .status.ok {
        color: var(--rack-ok);
      }
      .issue {
        margin: 0.2rem 0 0;
        font-size: 0.75rem;
        color: var(--rack-over);
      }
      .issue.warning {
        color: var(--rack-warn);
      }
    `,
  ];

  /** The budget to show (from `unitBudgets`). */
  @property({ attribute: false }) budget: Budget | undefined;

  @property() system: UnitSystem = 'si';

  /**
   * Which estimated values the figure rests on, in words. When set, the page shows the "est." mark once per group and
   * this meter only underlines its label (dashed) with this text as the tooltip.
   */
  @property({ attribute: false }) estimateNote: string | undefined;

  #label = '';
  #value = '';
  #limit = '';
  #ratio: number | null = null;
  #statusText = '';
  #width = 0;
  #text = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('budget') || changed.has('system')) && this.budget) {
      const b = this.budget;
      this.#label = budgetLabel(b, this.system);
      this.#value = formatValue(b.value, b.kind, this.system);
      this.#limit = b.limit === null ? '' : formatValue(b.limit, b.kind, this.system);
      this.#ratio = b.limit !== null && b.limit > 0 ? b.value / b.limit : null;
      const pct = this.#ratio === null ? '' : `${Math.round(this.#ratio * 100)} %`;
      this.#statusText = b.status === 'over' && this.#ratio !== null && this.#ratio > 1 ? `over by ${Math.round((this.#ratio - 1) * 100)} %` : pct ? `${pct} · ${STATUS_TEXT[b.status]}` : b.status === 'warn' ? 'see the warning' : b.status === 'over' ? 'see the error' : STATUS_TEXT.info;
      this.#width = this.#ratio === null ? 0 : Math.min(1, this.#ratio / SPAN) * 100;
      this.#text = `${this.#value}${this.#limit ? ` of ${this.#limit}` : ''}, ${this.#statusText}${b.estimate ? ', rests on estimates' : ''}`;
    }
    if ((changed.has('budget') || changed.has('system') || changed.has('estimateNote')) && this.budget) {
      this.#text = `${this.#text.replace(/, rests on estimates.*$/, '')}${this.budget.estimate ? `, rests on estimates${this.estimateNote ? ` (${this.estimateNote})` : ''}` : ''}`;
    }
  }

  override render() {
    const b = this.budget;
    if (!b) return nothing;
    const r = this.#ratio;
    const span = SPAN;
    const w = this.#width;
    const text = this.#text;
    const meter = r !== null;
    return html`
      <div
        role=${meter ? 'meter' : 'group'}
        aria-label=${this.#label}
        aria-valuemin=${meter ? 0 : nothing}
        aria-valuemax=${meter ? Math.round(span * 100) : nothing}
        aria-valuenow=${meter ? Math.min(Math.round(span * 100), Math.round(r * 100)) : nothing}
        aria-valuetext=${meter ? text : nothing}
        title=${b.limitNote}
      >
        <div class="head">
          ${b.estimate && this.estimateNote
            ? html`<span class="label est-line" title=${this.estimateNote}>${this.#label}</span>`
            : html`<span class="label">${this.#label}
                ${b.estimate ? html`<span class="estimate" title="Rests on catalog values marked estimate (see Assumptions)">est.</span>` : nothing}</span>`}
          <span class="value">${this.#value}${this.#limit ? html`<span class="of"> / ${this.#limit}</span>` : nothing}</span>
        </div>
        ${meter
          ? svg`<svg part="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
              <rect class="track" x="0" y="0" width="100" height="8" rx="2"></rect>
              <rect class=${`fill ${b.status}`} x="0" y="0" width=${w} height="8" rx="2"></rect>
              <line class="tick" x1=${100 / span} x2=${100 / span} y1="0" y2="8"></line>
            </svg>`
          : html`<svg part="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="3" width="100" height="2"></rect></svg>`}
        <div class="foot">
          <span>${b.limitNote}</span>
          <span class=${`status ${b.status}`}>${this.#statusText}</span>
        </div>
        ${meter ? nothing : html`<span class="visually-hidden">${text}</span>`}
        ${b.issues.map((i) => html`<p class=${`issue ${i.severity}`}>${i.message}</p>`)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-budget-meter': RackBudgetMeter;
  }
}

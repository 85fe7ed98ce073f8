import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatValue } from '../../src/views/format';
import type { ChainBranchView, ChainStageView, ChainView } from '../../src/views/power-chain';
import type { UnitSystem } from '../../src/state/types';
import { CONFIDENCE_TEXT, baseStyles } from '../shared/styles';

interface Row {
  readonly s: ChainStageView;
  readonly out: string;
  readonly loss: string;
  readonly width: number;
  readonly lossWidth: number;
  readonly branches: readonly { readonly b: ChainBranchView; readonly value: string; readonly width: number }[];
}

/**
 * The power chain from the utility to the chips: one row per stage with the power passing on, the loss in the
 * stage and its efficiency, drawn as bars to one scale, and the branches that leave between stages (cooling
 * plant, building load, network share, the IT that is not the accelerators), so every watt is accounted for
 * (the view model's `chainMismatches` is empty; test/views/power-chain-reconciliation.test.ts). Facility stages
 * appear when a site is chosen. Where the plan fixes the site's PUE the chain says so above the stages, marked
 * "override" with the site model's PUE beside the fixed one, and the meter holds the fixed PUE's figure.
 *
 * @summary Power chain (utility → chips) with losses.
 * @csspart list - the ordered list of stages
 */
@customElement('rack-power-chain')
export class RackPowerChain extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.45rem;
      }
      li {
        display: grid;
        grid-template-columns: minmax(10rem, 15rem) 1fr minmax(7rem, auto);
        gap: 0.25rem 0.75rem;
        align-items: center;
        font-size: 0.8125rem;
      }
      .label {
        font-weight: 500;
      }
      .scope {
        font-size: 0.6875rem;
        color: var(--rack-muted);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      svg {
        width: 100%;
        height: 14px;
        display: block;
      }
      .bar {
        fill: var(--rack-accent);
      }
      .bar.facility {
        fill: var(--rack-k-network);
      }
      .loss {
        fill: var(--rack-over);
        opacity: 0.7;
      }
      .nums {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .lossText {
        color: var(--rack-over);
        font-size: 0.75rem;
      }
      .detail {
        grid-column: 2 / 4;
        color: var(--rack-muted);
        font-size: 0.75rem;
        margin-top: -0.2rem;
      }
      .note {
        font-size: 0.8125rem;
        color: var(--rack-muted);
        margin: 0 0 0.5rem;
      }
      .est {
        margin-left: 0.3rem;
      }
      li.branch {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      li.branch .label {
        padding-left: 1rem;
        font-weight: 400;
      }
      .bar.branch {
        fill: var(--rack-muted);
        opacity: 0.55;
      }
      .fixed-pue {
        font-size: 0.8125rem;
        margin: 0 0 0.5rem;
      }
      .override {
        margin-right: 0.3rem;
      }
      li.branch[data-branch='fixed-pue'] .label {
        color: var(--rack-warn);
      }
    `,
  ];

  @property({ attribute: false }) chain: ChainView | undefined;

  @property() system: UnitSystem = 'si';

  #rows: Row[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('chain') || changed.has('system')) && this.chain) {
      const top = Math.max(this.chain.inW, ...this.chain.stages.map((s) => s.outW + s.lossW));
      this.#rows = this.chain.stages.map((s) => ({
        s,
        out: formatValue(s.outW, 'power', this.system),
        loss: s.lossW > 0 ? `−${formatValue(s.lossW, 'power', this.system)}${s.efficiency !== null ? ` · η ${(s.efficiency * 100).toFixed(1)} %` : ''}` : '',
        width: top > 0 ? (s.outW / top) * 100 : 0,
        lossWidth: top > 0 ? (s.lossW / top) * 100 : 0,
        branches: s.branches.map((b) => ({ b, value: formatValue(b.w, 'power', this.system), width: top > 0 ? (b.w / top) * 100 : 0 })),
      }));
    }
  }

  override render() {
    if (!this.chain) return nothing;
    return html`
      ${this.chain.pueOverride
        ? html`<p class="fixed-pue" data-testid="chain-fixed-pue"><span class="override">override</span>${this.chain.pueOverride}</p>`
        : nothing}
      ${this.chain.facilityNote ? html`<p class="note">${this.chain.facilityNote}</p>` : nothing}
      <ol part="list" aria-label="Power chain, from the supply to the chips">
        ${this.#rows.map(
          (r) => html`<li>
            <span>
              <span class="scope">${r.s.scope}</span><br />
              <span class="label">${r.s.label}</span>
              ${r.s.confidence === 'estimate' || r.s.confidence === 'missing' ? html`<span class="estimate est" title=${CONFIDENCE_TEXT[r.s.confidence]!.title}>est.</span>` : nothing}
            </span>
            ${svg`<svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
              <rect class=${`bar ${r.s.scope}`} x="0" y="2" width=${r.width} height="10" rx="1.5"></rect>
              ${r.lossWidth > 0 ? svg`<rect class="loss" x=${r.width} y="2" width=${Math.max(0.6, r.lossWidth)} height="10"></rect>` : nothing}
            </svg>`}
            <span class="nums">${r.out}${r.loss ? html`<br /><span class="lossText">${r.loss}</span>` : nothing}</span>
            ${r.s.detail ? html`<span class="detail">${r.s.detail}</span>` : nothing}
          </li>
          ${r.branches.map(
            (x) => html`<li class="branch" data-branch=${x.b.id} title=${x.b.detail}>
              <span class="label">↳ ${x.b.label} <span class="visually-hidden">branches off here</span></span>
              ${svg`<svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true"><rect class="bar branch" x="0" y="4" width=${Math.max(0.6, x.width)} height="6" rx="1"></rect></svg>`}
              <span class="nums">−${x.value}</span>
            </li>`,
          )}`,
        )}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-power-chain': RackPowerChain;
  }
}

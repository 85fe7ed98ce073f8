import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { Plan } from '../../src/core/plan/types';
import { formatNumber, formatUsd } from '../../src/views/format';
import { OptimizerCancelled, runOptimizer, type OptimizerPhase, type OptimizerRun, type OptimizerSummary } from '../../src/services/optimizer';
import type { ProposalChange, ProposalDeltas, ProposalRow } from '../../src/core/plan/proposal';
import type { PlanDesign } from '../../src/state/types';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import { listedGenerations } from '../../src/views/generations';
import { shortName } from '../../src/views/names';

const PHASE_TEXT: Record<OptimizerPhase, string> = {
  starting: 'Starting the optimizer…',
  loading: 'Loading the solver (HiGHS)…',
  solving: 'Solving…',
  comparing: 'Comparing the proposal with the plan…',
};

const CHANGE_TEXT: Record<ProposalChange, string> = { added: 'add', changed: 'change', removed: 'remove' };

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^-/, '')}` : text);

/**
 * The plan optimizer: which generations it may use and what it minimizes; runs HiGHS in a Web Worker with progress
 * and cancel (the page keeps responding), then shows the binding constraints in words and the result as a proposal:
 * one line per open row it adds, changes or removes, with what each does to capex, NPV TCO, peak MW and CO₂. The
 * user accepts the ticked rows or all of them; removals start unticked, so typed rows stay unless the user agrees.
 * Locked rows and rows built by the plan's orders are never part of a proposal.
 *
 * @summary Optimizer panel.
 * @fires rack-edit - `plan/set-optimizer`, and `plan/accept-proposal` when rows are accepted
 */
@customElement('rack-optimizer-panel')
export class RackOptimizerPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        margin: 0 0 0.75rem;
        padding: 0;
      }
      legend {
        font-size: 0.8125rem;
        font-weight: 600;
        margin-bottom: 0.3rem;
      }
      .gens {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.15rem 0.75rem;
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: center;
      }
      label.sel {
        font-size: 0.8125rem;
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      select {
        padding: 0.25rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
      }
      progress {
        width: 10rem;
      }
      .status {
        font-size: 0.8125rem;
      }
      .result {
        margin-top: 0.75rem;
        border-top: 1px solid var(--rack-border);
        padding-top: 0.75rem;
        font-size: 0.8125rem;
      }
      .result ul {
        margin: 0.3rem 0;
        padding-left: 1.1rem;
      }
      .bad {
        color: var(--rack-over);
      }
      .diff {
        max-height: 22rem;
        overflow: auto;
        border: 1px solid var(--rack-border);
        border-radius: 6px;
        margin: 0.5rem 0;
      }
      .diff table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      .diff th,
      .diff td {
        padding: 0.15rem 0.35rem;
        border-bottom: 1px solid var(--rack-border);
        text-align: right;
        white-space: nowrap;
      }
      .diff th:nth-child(-n + 5),
      .diff td:nth-child(-n + 5) {
        text-align: left;
      }
      .diff thead th {
        position: sticky;
        top: 0;
        background: var(--rack-surface-2);
      }
      tr.removed td {
        color: var(--rack-muted);
      }
      .muted {
        color: var(--rack-muted);
      }
    `,
  ];

  @property({ attribute: false }) design: PlanDesign | undefined;

  @property({ attribute: false }) catalog: Catalog | undefined;

  /** Short site names by id (for the proposal's rows). */
  @property({ attribute: false }) siteNames: ReadonlyMap<string, string> = new Map();

  /** Proposal rows the user has ticked, by key. */
  @state() private _ticked: ReadonlySet<string> = new Set();
  /** The plan the proposal was computed against (accepting after further edits applies only rows still matching). */
  #sent: Plan | null = null;

  @state() private _phase: OptimizerPhase | null = null;
  @state() private _elapsed = 0;
  @state() private _result: OptimizerSummary | null = null;
  @state() private _error: string | null = null;

  #run: OptimizerRun | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #t0 = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
  }

  override render() {
    const d = this.design;
    const c = this.catalog;
    if (!d || !c) return nothing;
    const running = this._phase !== null;
    return html`
      <fieldset ?disabled=${running}>
        <legend>Generations it may build</legend>
        <div class="gens">
          ${listedGenerations(c).map(
            (g) => html`<label><input type="checkbox" .checked=${d.optimizer.generations.includes(g.id)} @change=${() => this.#toggle(g.id)} /> ${shortName(g.name)}</label>`,
          )}
        </div>
      </fieldset>
      <div class="row">
        <label class="sel"
          >Minimize
          <select ?disabled=${running} @change=${(e: Event) => emit(this, 'rack-edit', { type: 'plan/set-optimizer', patch: { objective: (e.target as HTMLSelectElement).value as 'npv' | 'time' } })}>
            <option value="npv" ?selected=${d.optimizer.objective === 'npv'}>NPV of total cost</option>
            <option value="time" ?selected=${d.optimizer.objective === 'time'}>Time to capacity</option>
          </select>
        </label>
        ${running
          ? html`<progress aria-label="Optimizer progress"></progress>
              <span class="status" role="status">${PHASE_TEXT[this._phase!]} ${(this._elapsed / 1000).toFixed(1)} s</span>
              <button class="btn" type="button" data-focus="cancel" @click=${() => this.#cancel(true)}>Cancel</button>`
          : html`<button class="btn primary" type="button" data-focus="optimize" ?disabled=${d.optimizer.generations.length === 0} @click=${this.#start}>Optimize</button>
              <span class="status muted">${d.plan.demand?.length ? `meets ${d.plan.demand.length} demand steps at the lowest ${d.optimizer.objective === 'npv' ? 'NPV cost' : 'time'}` : 'the plan has no demand to meet'}</span>`}
      </div>
      ${this._error ? html`<p class="bad" role="alert">${this._error}</p>` : nothing}
      ${this._result ? this.#resultView(this._result) : nothing}
    `;
  }

  #resultView(r: OptimizerSummary) {
    const p = r.proposal;
    const counts = p ? (['added', 'changed', 'removed'] as const).map((c) => [c, p.rows.filter((x) => x.change === c).length] as const) : [];
    return html`<section class="result" aria-label="Optimizer result" tabindex="-1" data-focus="result">
      <p>
        <strong>${r.status === 'optimal' ? 'Optimal plan found' : r.status === 'time-limit' ? 'Best plan within the time limit' : r.status === 'infeasible-relaxed' ? 'Demand cannot be met in full; closest plan' : r.status === 'infeasible' ? 'No feasible plan' : 'The optimizer failed'}</strong>
        <span class="muted">
          · ${r.objective === 'npv' && r.objectiveValue !== null ? `NPV cost of the proposed rows ${formatUsd(r.objectiveValue)}` : r.objectiveValue !== null ? `${formatNumber(r.objectiveValue, 0)} unit-quarters` : ''}
          · ${formatNumber(r.variables, 0)} variables, ${formatNumber(r.constraints, 0)} constraints · solved in ${formatNumber(r.solveMs / 1000)} s${r.mipGap !== null ? ` · gap ${(r.mipGap * 100).toFixed(2)} %` : ''}
        </span>
      </p>
      ${r.binding.length
        ? html`<p>What binds:</p>
            <ul>
              ${r.binding.slice(0, 12).map((b) => html`<li>${b.sentence}</li>`)}
              ${r.binding.length > 12 ? html`<li class="muted">and ${r.binding.length - 12} more</li>` : nothing}
            </ul>`
        : nothing}
      ${r.unmet.length
        ? html`<p class="bad">Unmet demand:</p>
            <ul>
              ${r.unmet.map((u) => html`<li>${u.quarter.replace('-', ' ')}: ${formatNumber(u.unmet, 0)} ${u.unit} of ${formatNumber(u.required, 0)} — ${u.cause}</li>`)}
            </ul>`
        : nothing}
      ${r.issues.filter((i) => i.severity !== 'info').map((i) => html`<p class="bad">${i.message}</p>`)}
      ${p
        ? html`<p>
              <strong>Proposal:</strong> ${counts.map(([c, n]) => `${n} to ${CHANGE_TEXT[c]}`).join(', ')}; ${formatNumber(p.unchanged, 0)} open row${p.unchanged === 1 ? '' : 's'} unchanged; ${formatNumber(p.fixed, 0)} locked or order-built row${p.fixed === 1 ? '' : 's'} kept as they are.
              <br /><span class="muted">Accepting every row: ${this.#deltaText(p.deltas)}. Removals start unticked, so rows you typed stay unless you tick them.</span>
              ${this.design && this.#sent !== this.design.plan ? html`<br /><span class="bad">The plan changed since the optimizer ran: only rows whose current row is still as it was are applied.</span>` : nothing}
            </p>
            ${p.rows.length
              ? html`<div class="diff" role="region" aria-label="Proposed changes" tabindex="0">
                  <table>
                    <thead>
                      <tr><th scope="col">Accept</th><th scope="col">Change</th><th scope="col">Site</th><th scope="col">Generation</th><th scope="col">Quarter</th><th scope="col">Units</th><th scope="col">Plant</th><th scope="col">Capex</th><th scope="col">NPV TCO</th><th scope="col">Peak MW</th><th scope="col">CO₂ t</th></tr>
                    </thead>
                    <tbody>
                      ${p.rows.map((row) => this.#row(row))}
                    </tbody>
                  </table>
                </div>`
              : html`<p class="muted">Nothing to change: the plan already is the optimizer's answer.</p>`}`
        : nothing}
      <div class="row">
        ${p && p.rows.length
          ? html`<button class="btn primary" type="button" ?disabled=${this._ticked.size === 0} @click=${() => this.#accept(p.rows.filter((x) => this._ticked.has(x.key)), `accept ${this._ticked.size} proposed row${this._ticked.size === 1 ? '' : 's'}`)}>Accept ${this._ticked.size} ticked row${this._ticked.size === 1 ? '' : 's'}</button>
              <button class="btn" type="button" @click=${() => this.#accept(p.rows, 'accept the whole proposal')}>Accept all, removals too</button>`
          : nothing}
        <button class="btn" type="button" @click=${() => (this._result = null)}>Discard</button>
        ${p && p.rows.length ? html`<span class="muted">Accepting is one undo step.</span>` : nothing}
      </div>
    </section>`;
  }

  #row(row: ProposalRow) {
    const gen = (id: string) => (this.catalog ? listedGenerations(this.catalog).find((g) => g.id === id) : undefined);
    const name = (id: string) => shortName(gen(id)?.name ?? id);
    const units = row.change === 'added' ? `${formatNumber(row.after!.units, 0)}` : row.change === 'removed' ? `${formatNumber(row.before!.units, 0)} → 0` : `${formatNumber(row.before!.units, 0)} → ${formatNumber(row.after!.units, 0)}`;
    const plant = (row.after ?? row.before)!.plant;
    const d = row.deltas;
    const ticked = this._ticked.has(row.key);
    return html`<tr class=${row.change}>
      <td><input type="checkbox" .checked=${ticked} aria-label=${`Accept: ${CHANGE_TEXT[row.change]} ${name(row.generation)} at ${this.siteNames.get(row.site) ?? row.site} in ${row.quarter.replace('-', ' ')}`} @change=${() => this.#tick(row.key)} /></td>
      <td>${CHANGE_TEXT[row.change]}</td>
      <td>${this.siteNames.get(row.site) ?? row.site}</td>
      <td>${name(row.generation)}</td>
      <td>${row.quarter.replace('-', ' ')}</td>
      <td>${units}</td>
      <td>${plant ? (this.siteNames.get(plant) ?? plant) : 'default'}</td>
      ${d
        ? html`<td>${signed(d.capexUsd, formatUsd(Math.abs(d.capexUsd)))}</td><td>${signed(d.npvTcoUsd, formatUsd(Math.abs(d.npvTcoUsd)))}</td><td>${signed(d.peakFacilityMw, formatNumber(Math.abs(d.peakFacilityMw)))}</td><td>${signed(d.co2Tonnes, formatNumber(Math.abs(d.co2Tonnes), 0))}</td>`
        : html`<td colspan="4" class="muted">too many rows to cost one by one</td>`}
    </tr>`;
  }

  #deltaText(d: ProposalDeltas): string {
    return `capex ${signed(d.capexUsd, formatUsd(Math.abs(d.capexUsd)))}, NPV TCO ${signed(d.npvTcoUsd, formatUsd(Math.abs(d.npvTcoUsd)))}, peak facility ${signed(d.peakFacilityMw, formatNumber(Math.abs(d.peakFacilityMw)))} MW, CO₂ ${signed(d.co2Tonnes, formatNumber(Math.abs(d.co2Tonnes), 0))} t`;
  }

  #tick(key: string): void {
    const next = new Set(this._ticked);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this._ticked = next;
  }

  #accept(rows: readonly ProposalRow[], label: string): void {
    if (!rows.length) return;
    emit(this, 'rack-edit', { type: 'plan/accept-proposal', rows: rows.map(({ change, before, after }) => ({ change, before, after })), label });
    this._result = null;
  }

  #toggle(id: string): void {
    const gens = this.design!.optimizer.generations;
    emit(this, 'rack-edit', { type: 'plan/set-optimizer', patch: { generations: gens.includes(id) ? gens.filter((x) => x !== id) : [...gens, id] } });
  }

  /**
   * Keep keyboard focus deliberate while the Optimize button is swapped for Cancel and back: Optimize → Cancel while
   * it runs → the result (or Optimize again after a cancel or failure). Only when focus was in this panel (or had
   * dropped to the page because the focused button went away); focus the user moved elsewhere stays there.
   */
  #moveFocus(target: 'cancel' | 'optimize' | 'result'): void {
    const here = this.renderRoot as ShadowRoot;
    const owned = here.activeElement !== null || document.activeElement === document.body || document.activeElement === null || this.#focusTarget !== null;
    if (!owned) return;
    this.#focusTarget = target;
    this.requestUpdate();
  }

  /** Where focus goes once that element is rendered (Cancel appears only when the worker reports its first phase). */
  #focusTarget: 'cancel' | 'optimize' | 'result' | null = null;

  override updated(): void {
    if (!this.#focusTarget) return;
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.#focusTarget}"]`);
    if (el) {
      this.#focusTarget = null;
      el.focus();
    }
  }

  #start(): void {
    const d = this.design;
    if (!d) return;
    this.#moveFocus('cancel');
    this._result = null;
    this._error = null;
    this.#t0 = performance.now();
    this._elapsed = 0;
    this.#timer = setInterval(() => (this._elapsed = performance.now() - this.#t0), 200);
    const plan: Plan = d.plan;
    this.#sent = plan;
    this.#run = runOptimizer(plan, { objective: d.optimizer.objective, generations: d.optimizer.generations }, (p) => (this._phase = p));
    this.#run.result.then(
      (r) => {
        this._result = r;
        // Additions and changes start ticked; removals of the user's rows wait for the user's tick.
        this._ticked = new Set((r.proposal?.rows ?? []).filter((x) => x.change !== 'removed').map((x) => x.key));
        this.#stop();
        this.#moveFocus('result');
      },
      (err: unknown) => {
        if (!(err instanceof OptimizerCancelled)) this._error = `The optimizer failed: ${err instanceof Error ? err.message : String(err)}`;
        this.#stop();
        this.#moveFocus('optimize');
      },
    );
  }

  #cancel(user = false): void {
    this.#run?.cancel();
    this.#stop();
    if (user) {
      this._error = 'Cancelled.';
      this.#moveFocus('optimize');
    }
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#run = null;
    this._phase = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-optimizer-panel': RackOptimizerPanel;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { Plan } from '../../src/core/plan/types';
import { formatNumber, formatUsd } from '../../src/views/format';
import { OptimizerCancelled, runOptimizer, type OptimizerPhase, type OptimizerRun, type OptimizerSummary } from '../../src/services/optimizer';
import type { PlanDesign } from '../../src/state/types';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import { shortName } from '../../src/views/names';

const PHASE_TEXT: Record<OptimizerPhase, string> = {
  starting: 'Starting the optimizer…',
  loading: 'Loading the solver (HiGHS)…',
  solving: 'Solving…',
};

/**
 * The plan optimizer: which generations it may use and what it minimizes; runs HiGHS in a Web Worker with progress
 * and cancel (the page keeps responding), then shows the binding constraints in words and offers to apply the plan.
 *
 * @summary Optimizer panel.
 * @fires rack-edit - `plan/set-optimizer`, and `plan/replace` when the result is applied
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
      .muted {
        color: var(--rack-muted);
      }
    `,
  ];

  @property({ attribute: false }) design: PlanDesign | undefined;

  @property({ attribute: false }) catalog: Catalog | undefined;

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
          ${c.generations.map(
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
              <button class="btn" type="button" @click=${() => this.#cancel(true)}>Cancel</button>`
          : html`<button class="btn primary" type="button" ?disabled=${d.optimizer.generations.length === 0} @click=${this.#start}>Optimize</button>
              <span class="status muted">${d.plan.demand?.length ? `meets ${d.plan.demand.length} demand steps at the lowest ${d.optimizer.objective === 'npv' ? 'NPV cost' : 'time'}` : 'the plan has no demand to meet'}</span>`}
      </div>
      ${this._error ? html`<p class="bad" role="alert">${this._error}</p>` : nothing}
      ${this._result ? this.#resultView(this._result) : nothing}
    `;
  }

  #resultView(r: OptimizerSummary) {
    const ok = r.plan !== null;
    return html`<section class="result" aria-label="Optimizer result">
      <p>
        <strong>${r.status === 'optimal' ? 'Optimal plan found' : r.status === 'time-limit' ? 'Best plan within the time limit' : r.status === 'infeasible-relaxed' ? 'Demand cannot be met in full; closest plan' : r.status === 'infeasible' ? 'No feasible plan' : 'The optimizer failed'}</strong>
        <span class="muted">
          · ${r.objective === 'npv' && r.objectiveValue !== null ? `NPV cost ${formatUsd(r.objectiveValue)}` : r.objectiveValue !== null ? `${formatNumber(r.objectiveValue, 0)} unit-quarters` : ''}
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
              ${r.unmet.map((u) => html`<li>${u.quarter}: ${formatNumber(u.unmet)} ${u.unit} of ${formatNumber(u.required)} — ${u.cause}</li>`)}
            </ul>`
        : nothing}
      <div class="row">
        ${ok ? html`<button class="btn primary" type="button" @click=${this.#apply}>Apply this plan</button>` : nothing}
        <button class="btn" type="button" @click=${() => (this._result = null)}>Discard</button>
        ${ok ? html`<span class="muted">${r.plan.deployments.length} deployments, ${r.plan.orders?.length ?? 0} orders; applying is one undo step.</span>` : nothing}
      </div>
    </section>`;
  }

  #toggle(id: string): void {
    const gens = this.design!.optimizer.generations;
    emit(this, 'rack-edit', { type: 'plan/set-optimizer', patch: { generations: gens.includes(id) ? gens.filter((x) => x !== id) : [...gens, id] } });
  }

  #start(): void {
    const d = this.design;
    if (!d) return;
    this._result = null;
    this._error = null;
    this.#t0 = performance.now();
    this._elapsed = 0;
    this.#timer = setInterval(() => (this._elapsed = performance.now() - this.#t0), 200);
    const plan: Plan = d.plan;
    this.#run = runOptimizer(plan, { objective: d.optimizer.objective, generations: d.optimizer.generations }, (p) => (this._phase = p));
    this.#run.result.then(
      (r) => {
        this._result = r;
        this.#stop();
      },
      (err: unknown) => {
        if (!(err instanceof OptimizerCancelled)) this._error = `The optimizer failed: ${err instanceof Error ? err.message : String(err)}`;
        this.#stop();
      },
    );
  }

  #cancel(user = false): void {
    this.#run?.cancel();
    this.#stop();
    if (user) this._error = 'Cancelled.';
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#run = null;
    this._phase = null;
  }

  #apply(): void {
    const r = this._result;
    if (!r?.plan) return;
    emit(this, 'rack-edit', { type: 'plan/replace', plan: r.plan, label: 'apply the optimized plan' });
    this._result = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-optimizer-panel': RackOptimizerPanel;
  }
}

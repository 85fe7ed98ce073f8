import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PlanFailure } from '../../src/views/reports';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';

/**
 * What the Plan and Sites views show instead of figures when evaluating the plan threw (a bug): the plan, the error,
 * and the way back. No figures are shown rather than wrong ones.
 *
 * @summary Plan evaluation failure card.
 * @fires rack-history - `undo` from "Undo the last edit"
 */
@customElement('rack-plan-failure')
export class RackPlanFailure extends LitElement {
  static override styles = [baseStyles];

  /** The failure from the report owner (`Reports.planOutcome`). */
  @property({ attribute: false }) failure: PlanFailure | null = null;

  override render() {
    const f = this.failure;
    if (!f) return nothing;
    return html`<section class="card" role="alert" aria-labelledby="plan-failed-h">
      <h2 id="plan-failed-h">The plan “${f.planName}” could not be evaluated</h2>
      <p>Evaluating the plan failed with <code>${f.error}</code>. This is a bug in rackplan: no figures are shown rather than wrong ones.</p>
      <p>Undo the last edit, or open another plan from the Export view. Your plan is still saved; please report the error with the plan file.</p>
      <button class="btn" type="button" @click=${() => emit(this, 'rack-history', 'undo')}>Undo the last edit</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-plan-failure': RackPlanFailure;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles';

/**
 * A view whose calculation core has not landed yet: says so plainly instead of showing made-up figures.
 *
 * @summary Placeholder for a view that is not yet available.
 */
@customElement('rack-pending-view')
export class RackPendingView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .card {
        max-width: 46rem;
        padding: 1.5rem;
        border-style: dashed;
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: 0.5rem;
      }
      .tag {
        display: inline-block;
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--rack-warn);
        margin-bottom: 0.5rem;
      }
      p {
        margin: 0.4rem 0;
        color: var(--rack-muted);
      }
    `,
  ];

  /** View title, e.g. "Fabric & cabling". */
  @property() heading = '';

  /** What the view will show once its core lands. */
  @property() description = '';

  /** What it waits for, e.g. "the fabric core (issue 3)". */
  @property() waitingFor = '';

  override render() {
    return html`<section class="card" aria-labelledby="h">
      <span class="tag">Not yet available</span>
      <h2 id="h">${this.heading}</h2>
      <p>${this.description}</p>
      <p>This view needs ${this.waitingFor}, which has not landed in this build. No figures are shown rather than placeholders that could be mistaken for results.</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-pending-view': RackPendingView;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { routePath, type Route } from '../../src/state/router';
import { emit } from './events';
import { baseStyles } from './styles';

/**
 * A short orientation for someone who opens rackplan at `/`: what it is, three places to start, and where the help
 * is. Dismissible; the app decides when to show it.
 *
 * @summary First-visit orientation.
 * @fires rack-navigate - a starting point was chosen (detail: the route)
 * @fires welcome-dismiss - the orientation was closed
 */
@customElement('rack-welcome')
export class RackWelcome extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin: 0 0 1rem;
      }
      .card {
        display: grid;
        gap: 0.5rem;
      }
      .top {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        align-items: baseline;
      }
      p {
        margin: 0;
        font-size: 0.875rem;
      }
      ul {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.5rem;
      }
      li a {
        display: block;
        height: 100%;
        border: 1px solid var(--rack-border);
        border-radius: 6px;
        padding: 0.5rem 0.7rem;
        text-decoration: none;
        color: var(--rack-text);
      }
      li a:hover {
        background: var(--rack-surface-2);
      }
      li strong {
        display: block;
        color: var(--rack-link);
      }
      li span {
        font-size: 0.8125rem;
        color: var(--rack-muted);
      }
    `,
  ];

  /** The generation the "size a rack" start opens. */
  @property() generationId = 'gb300-nvl72';

  /**
   * Where the documentation is published, set by the composition root when it knows; without it the orientation says
   * where the docs are in the source and in the CLI.
   */
  @property() docsHref = '';

  #go(e: MouseEvent, route: Route): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    emit(this, 'rack-navigate', route);
    this.#dismiss();
  }

  #dismiss(): void {
    this.dispatchEvent(new CustomEvent('welcome-dismiss', { bubbles: true, composed: true }));
  }

  override render() {
    const starts: { route: Route; title: string; text: string }[] = [
      { route: { view: 'rack', generationId: this.generationId }, title: 'Size a rack', text: 'Pick an AI rack, set the feeds and cooling, and see what it needs and what fails.' },
      { route: { view: 'compare' }, title: 'Compare accelerators', text: 'GB300, Vera Rubin, Trainium and Inferentia side by side at one target.' },
      { route: { view: 'plan' }, title: 'Plan three sites', text: 'Deployments by quarter at Houston, Lordstown and Mount Pleasant, with an optimizer.' },
    ];
    return html`<section class="card" aria-labelledby="welcome-h">
      <div class="top">
        <h2 id="welcome-h">Welcome to rackplan</h2>
        <button class="btn" type="button" @click=${() => this.#dismiss()}>Close</button>
      </div>
      <p>
        rackplan sizes AI racks and plans data-center capacity: power from the utility to the chips, cooling, space, cabling and cost, with every
        figure's source one click away.
        ${this.docsHref
          ? html`<a href=${this.docsHref} target="_blank" rel="noopener noreferrer">Read the docs</a>.`
          : html`Help: the <code>docs/</code> folder of the rackplan source (start with <code>docs/ui.md</code>) and <code>rackplan --help</code>.`}
      </p>
      <ul aria-label="Where to start">
        ${starts.map(
          (s) => html`<li>
            <a href=${routePath(s.route)} @click=${(e: MouseEvent) => this.#go(e, s.route)}><strong>${s.title}</strong><span>${s.text}</span></a>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-welcome': RackWelcome;
  }
}

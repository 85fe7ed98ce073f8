import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Issue } from '../../src/core/issues';
import { issueCounts } from '../../src/views/budgets';
import { groupIssues, type IssueGroup } from '../../src/views/issue-groups';
import { baseStyles } from '../shared/styles';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * The engine's typed issues for the unit, errors first, one per cause: each with its title (the code as a tooltip),
 * the feeds it applies to, the engine's message (with the limit it crossed) and what would fix it.
 *
 * @summary Issue list.
 * @csspart list - the list
 */
@customElement('rack-issue-list')
export class RackIssueList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .summary {
        font-size: 0.8125rem;
        margin: 0 0 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.5rem;
        font-size: 0.8125rem;
        align-items: baseline;
      }
      .sev {
        font-size: 0.6875rem;
        font-weight: 700;
        text-transform: uppercase;
        border-radius: 3px;
        padding: 0.05rem 0.35rem;
        color: var(--rack-on-accent);
      }
      .sev.error {
        background: var(--rack-over);
      }
      .sev.warning {
        background: var(--rack-warn);
      }
      .sev.info {
        background: var(--rack-muted);
      }
      .text {
        display: grid;
        gap: 0.1rem;
      }
      .title {
        font-weight: 600;
      }
      .fix {
        color: var(--rack-muted);
      }
      .title[title] {
        cursor: help;
      }
      .scope {
        color: var(--rack-muted);
      }
      .ok {
        color: var(--rack-ok);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) issues: readonly Issue[] = [];

  #rows: IssueGroup[] = [];
  #summary = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('issues')) {
      this.#rows = groupIssues([...this.issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]));
      const c = issueCounts(this.#rows.map((g) => g.issue));
      this.#summary = [c.error && `${c.error} error${c.error > 1 ? 's' : ''}`, c.warning && `${c.warning} warning${c.warning > 1 ? 's' : ''}`, c.info && `${c.info} note${c.info > 1 ? 's' : ''}`].filter(Boolean).join(', ');
    }
  }

  override render() {
    if (!this.#rows.length) return html`<p class="summary ok">No issues: every checked limit holds.</p>`;
    return html`
      <p class="summary" role="status">${this.#summary}</p>
      <ul part="list" aria-label="Issues">
        ${this.#rows.map((t) => {
          const i = t.issue;
          return html`<li>
            <span class=${`sev ${i.severity}`}>${WORD[i.severity]}</span>
            <span class="text">
              <span class="title" title=${`Issue code: ${i.code}`} data-code=${i.code}>${t.scope ? html`<span class="scope">${t.scope}:</span> ` : nothing}${t.title}</span>
              <span>${t.message}</span>
              ${t.fix ? html`<span class="fix">${t.fixLabel}: ${t.fix}</span>` : nothing}
            </span>
          </li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-issue-list': RackIssueList;
  }
}

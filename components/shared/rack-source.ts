import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Confidence, Source } from '../../src/core/provenance';
import { CONFIDENCE_TEXT, baseStyles } from './styles';

/**
 * Where a number comes from, one click away: a link to its first source (all sources in the tooltip), and its
 * confidence; an estimate is marked with a dashed badge.
 *
 * @summary Source link and confidence badge.
 */
@customElement('rack-source')
export class RackSource extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline;
        font-size: 0.6875rem;
        white-space: nowrap;
      }
      a {
        margin-left: 0.25rem;
      }
      .est {
        margin-left: 0.25rem;
      }
    `,
  ];

  @property({ attribute: false }) sources: readonly Source[] = [];

  @property() confidence: Confidence | 'missing' | 'user' = 'published';

  /** What the figure is, for the link's accessible name. */
  @property() label = '';

  /** Note shown in the tooltip (e.g. the estimate's reasoning). */
  @property() note = '';

  override render() {
    const first = this.sources[0];
    const title = [...this.sources.map((s) => s.title), this.note].filter(Boolean).join('\n');
    const est = this.confidence === 'estimate' || this.confidence === 'missing';
    return html`${first
      ? html`<a href=${first.url} target="_blank" rel="noopener noreferrer" title=${title} aria-label=${`Source for ${this.label}: ${first.title}${this.sources.length > 1 ? ` and ${this.sources.length - 1} more` : ''}`}>source${this.sources.length > 1 ? `s (${this.sources.length})` : ''}</a>`
      : nothing}${est ? html`<span class="estimate est" title=${[CONFIDENCE_TEXT[this.confidence]?.title, this.note].filter(Boolean).join(': ')}>est.</span>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-source': RackSource;
  }
}

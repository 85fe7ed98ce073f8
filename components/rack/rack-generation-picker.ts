import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalog, Generation } from '../../src/core/catalog/types';
import { FAMILY_LABEL, VENDOR_LABEL, generationGroups, type GenerationGroup } from '../../src/views/generations';
import { emit } from '../shared/events';
import { CONFIDENCE_TEXT, baseStyles } from '../shared/styles';

/**
 * Pick the rack generation: grouped by vendor and family (GPU, Trainium, Inferentia), the user's own generations
 * in a group of their own, marked "user-defined", with the chosen unit's summary and availability. "Duplicate and
 * edit" saves a copy of the shown generation as the user's own and opens the editor (loaded on demand, so the
 * first paint does not carry it).
 *
 * @summary Generation picker.
 * @fires rack-edit - `rack/select-generation`, `generations/save` (duplicate)
 * @csspart select - the select element
 */
@customElement('rack-generation-picker')
export class RackGenerationPicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
      label {
        font-size: 0.8125rem;
        font-weight: 500;
        display: grid;
        gap: 0.2rem;
      }
      select {
        font-size: 1rem;
        font-weight: 600;
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 18rem;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        font-size: 0.75rem;
      }
      .tag {
        border-radius: 999px;
        padding: 0.1rem 0.55rem;
        background: var(--rack-surface-2);
        border: 1px solid var(--rack-border);
      }
      .tag.fam {
        background: var(--rack-accent-soft);
        border-color: transparent;
        font-weight: 600;
      }
      .tag.user {
        border: 1px solid var(--rack-estimate);
        color: var(--rack-estimate);
        font-weight: 600;
      }
      .edit {
        display: flex;
        gap: 0.5rem;
      }
      p {
        margin: 0.5rem 0 0;
        font-size: 0.8125rem;
        color: var(--rack-muted);
        max-width: 70rem;
      }
    `,
  ];

  @property({ attribute: false }) catalog: Catalog | undefined;

  /** Selected generation id. */
  @property() value = '';

  /** The editor is open (it edits the shown generation when that is the user's own). */
  @state() private _editing = false;

  #groups: GenerationGroup[] = [];
  #current: Generation | undefined;

  /** Load the editor's module and open it. */
  async #openEditor(): Promise<void> {
    await import('./rack-generation-editor');
    this._editing = true;
  }

  /** Save a copy of the shown generation as the user's own (one undo step), show it, and open the editor on it. */
  async #duplicate(): Promise<void> {
    const g = this.#current;
    if (!g || !this.catalog) return;
    // The draft functions come with the editor's chunk, not the first paint's.
    const [{ duplicateGeneration, takenGenerationIds }] = await Promise.all([import('../../src/views/generation-draft'), import('./rack-generation-editor')]);
    emit(this, 'rack-edit', { type: 'generations/save', generation: duplicateGeneration(g, takenGenerationIds(this.catalog.generations)), select: true });
    this._editing = true;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalog') && this.catalog) this.#groups = generationGroups(this.catalog);
    if (changed.has('catalog') || changed.has('value')) this.#current = this.catalog?.generations.find((g) => g.id === this.value);
  }

  override render() {
    const g = this.#current;
    return html`
      <div class="row">
        <label
          >Rack generation
          <select part="select" @change=${(e: Event) => emit(this, 'rack-edit', { type: 'rack/select-generation', id: (e.target as HTMLSelectElement).value })}>
            ${this.#groups.map(
              (grp) => html`<optgroup label=${grp.label}>
                ${grp.generations.map((x) => html`<option value=${x.id} ?selected=${x.id === this.value}>${x.name}${x.userDefined ? ' (user-defined)' : ''} — ${x.detail}</option>`)}
              </optgroup>`,
            )}
          </select>
        </label>
        ${g
          ? html`<div class="tags">
              <span class="tag fam">${VENDOR_LABEL[g.vendor]} ${FAMILY_LABEL[g.family]}</span>
              <span class="tag">${g.form.replace('-', ' ')}</span>
              <span class="tag">${g.racks} rack${g.racks === 1 ? '' : 's'}</span>
              <span class="tag" title=${CONFIDENCE_TEXT[g.availability.confidence]?.title ?? ''}>available ${g.availability.date}${g.availability.confidence === 'estimate' ? ' (est.)' : ''}</span>
              <span class="tag"><code>${g.id}</code></span>
              ${g.userDefined ? html`<span class="tag user" title="Your own generation: values marked user are yours, the rest come from the catalog">user-defined</span>` : nothing}
            </div>`
          : nothing}
        ${g
          ? html`<div class="edit">
              <button class="btn" type="button" data-action="duplicate" @click=${() => void this.#duplicate()}>Duplicate and edit</button>
              ${g.userDefined && !this._editing ? html`<button class="btn" type="button" data-action="edit" @click=${() => void this.#openEditor()}>Edit</button>` : nothing}
            </div>`
          : nothing}
      </div>
      ${g ? html`<p>${g.summary}</p>` : nothing}
      ${this._editing ? html`<rack-generation-editor @editor-close=${() => (this._editing = false)}></rack-generation-editor>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-generation-picker': RackGenerationPicker;
  }
}

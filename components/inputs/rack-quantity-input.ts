import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { displayUnit, formatNumber, formatRange, formatValue, toDisplayValue, type DisplayKind } from '../../src/views/format';
import { parseField } from '../../src/views/parse';
import type { UnitSystem } from '../../src/state/types';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import { pageDrafts } from '../../src/storage/drafts';

let nextId = 0;

/**
 * A unit-aware number field. Type a value with a unit ("450000 BTU/h", "35 degC", a ΔT of "18 degF") or a bare
 * number in the unit shown. The accepted range is shown under the field; a value outside it, or text that is
 * not a quantity of the field's kind, is refused at the field with the reason. Empty returns to the default.
 *
 * @summary Unit-aware number input with range validation.
 * @fires quantity-change - `{ key, value }` with the value in canonical SI units (undefined: back to the default)
 * @csspart input - the text input
 * @csspart hint - the accepted-range line
 * @csspart error - the error message
 */
@customElement('rack-quantity-input')
export class RackQuantityInput extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        gap: 0.25rem;
        align-items: center;
      }
      label {
        display: block;
        font-size: 0.8125rem;
        font-weight: 500;
        margin-bottom: 0.2rem;
      }
      input {
        flex: 1;
        width: 100%;
        min-width: 0;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        font-variant-numeric: tabular-nums;
      }
      input::placeholder {
        color: var(--rack-muted);
        opacity: 1;
      }
      input[data-draft] {
        border-style: dashed;
        border-color: var(--rack-estimate);
      }
      .draft {
        font-size: 0.75rem;
        color: var(--rack-estimate);
      }
      input[aria-invalid='true'] {
        border-color: var(--rack-over);
        box-shadow: 0 0 0 1px var(--rack-over);
      }
      .set {
        font-weight: 600;
      }
      .reset {
        border: none;
        background: none;
        color: var(--rack-muted);
        padding: 0.15rem 0.3rem;
        border-radius: 4px;
        font-size: 0.8125rem;
      }
      .reset:hover {
        color: var(--rack-text);
        background: var(--rack-surface-2);
      }
      .hint {
        display: block;
        font-size: 0.75rem;
        color: var(--rack-muted);
        margin-top: 0.15rem;
      }
      .error {
        display: block;
        font-size: 0.75rem;
        color: var(--rack-over);
        margin-top: 0.15rem;
        font-weight: 500;
      }
    `,
  ];

  /** Field key sent back in `quantity-change` (e.g. `feedAmps`). */
  @property({ attribute: 'field-key' }) fieldKey = '';

  @property() label = '';

  /** What the number measures (sets display units and parsing). */
  @property() kind: DisplayKind = 'count';

  /** Current value in canonical SI units; undefined shows the default as a placeholder. */
  @property({ type: Number }) value: number | undefined;

  /** The value the engine uses when this field is empty (catalog default), canonical SI. */
  @property({ type: Number, attribute: 'default-value' }) defaultValue: number | undefined;

  /** Accepted range, canonical SI. */
  @property({ type: Number }) min = -Infinity;
  @property({ type: Number }) max = Infinity;

  @property({ type: Boolean }) integer = false;

  /** SI or US display units. */
  @property() system: UnitSystem = 'si';

  /** One line under the field. */
  @property() help = '';

  /** An example of what to type, shown in the hint. */
  @property() example = '';

  /**
   * Where unapplied text is kept (src/storage/drafts.ts) under `draftScope:fieldKey`, so a reload restores it marked
   * as a draft; empty (the default) keeps no drafts.
   */
  @property({ attribute: 'draft-scope' }) draftScope = '';

  @state() private _text: string | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;
  /** The text shown was restored from a draft saved before a reload, and is not applied yet. */
  @state() private _restored = false;

  @query('input') private _input!: HTMLInputElement;

  readonly #id = `q${nextId++}`;
  #shown = '';
  #range = '';
  #placeholder = '';
  #hint = '';

  /** Focus the text input. */
  override focus(): void {
    this._input?.focus();
  }

  get #draftKey(): string {
    return this.draftScope && this.fieldKey ? `${this.draftScope}:${this.fieldKey}` : '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && this.#draftKey) {
      const draft = pageDrafts().get(this.#draftKey);
      if (draft !== undefined) {
        this._text = draft;
        this._restored = true;
      }
    }
    if (this.hasUpdated && (changed.has('value') || changed.has('system') || changed.has('kind'))) this.#clearDraft();
    if (changed.has('value') || changed.has('system') || changed.has('kind')) {
      this.#shown = this.value === undefined ? '' : this.#format(this.value);
      if (changed.has('value') && !(this._restored && !this.hasUpdated)) {
        this._text = null;
        this._error = null;
      }
    }
    if (changed.has('min') || changed.has('max') || changed.has('system') || changed.has('kind')) {
      this.#range = Number.isFinite(this.min) && Number.isFinite(this.max) ? formatRange(this.min, this.max, this.kind, this.system) : '';
    }
    if (changed.has('defaultValue') || changed.has('example') || changed.has('system') || changed.has('kind')) {
      this.#placeholder = this.defaultValue === undefined ? (this.example ? `e.g. ${this.example}` : '') : `default ${this.#format(this.defaultValue)}`;
    }
    this.#hint = [this.#range && `Accepts ${this.#range}${this.integer ? ', whole numbers' : ''}`, this.help].filter(Boolean).join(' · ');
  }

  override render() {
    const text = this._text ?? this.#shown;
    return html`
      <label for=${this.#id}>${this.label}</label>
      <div class="row">
        <input
          id=${this.#id}
          part="input"
          type="text"
          inputmode="text"
          autocomplete="off"
          spellcheck="false"
          class=${this.value === undefined ? '' : 'set'}
          .value=${text}
          placeholder=${this.#placeholder}
          aria-invalid=${this._error ? 'true' : 'false'}
          aria-describedby=${`${this.#id}-hint ${this.#id}-error`}
          ?data-dirty=${this._text !== null && this._text !== this.#shown}
          ?data-draft=${this._restored && this._text !== null}
          @input=${this.#onInput}
          @change=${this.#commit}
          @keydown=${this.#onKey}
        />
        ${this.value !== undefined
          ? html`<button class="reset" type="button" title="Back to the default" aria-label=${`Reset ${this.label} to default`} @click=${this.#reset}>↺</button>`
          : nothing}
      </div>
      ${this._restored && this._text !== null
        ? html`<span class="draft" data-draft>Draft kept from before the reload, not applied: press Enter to apply, Escape to drop.</span>`
        : nothing}
      <span class="hint" part="hint" id=${`${this.#id}-hint`}>${this.#hint}</span>
      <span class="error" part="error" id=${`${this.#id}-error`} role="alert">${this._error ?? ''}</span>
    `;
  }

  #format(v: number): string {
    const unit = displayUnit(this.kind, this.system);
    if (this.kind === 'ratio' || this.kind === 'count') return formatNumber(v, this.kind === 'count' ? 0 : 3).replace(/,/g, '');
    const d = toDisplayValue(v, this.kind, this.system);
    return unit ? formatValue(v, this.kind, this.system, Math.abs(d) >= 1000 ? 0 : Math.abs(d) >= 10 ? 1 : 2) : formatNumber(d);
  }

  #onInput(e: Event): void {
    this._text = (e.target as HTMLInputElement).value;
    if (this.#draftKey) pageDrafts().set(this.#draftKey, this._text);
  }

  #clearDraft(): void {
    this._restored = false;
    if (this.#draftKey) pageDrafts().clear(this.#draftKey);
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.#commit();
    } else if (e.key === 'Escape' && this._text !== null) {
      e.preventDefault();
      this._text = null;
      this._error = null;
      this.#clearDraft();
    }
  }

  #reset(): void {
    this.#clearDraft();
    this._text = null;
    this._error = null;
    emit(this, 'quantity-change', { key: this.fieldKey, value: undefined });
    this.focus();
  }

  async #commit(): Promise<void> {
    if (this._text === null || this._busy) return;
    const text = this._text.trim();
    if (text === this.#shown.trim()) {
      this._text = null;
      this.#clearDraft();
      return;
    }
    if (text === '') {
      this._error = null;
      this._text = null;
      this.#clearDraft();
      if (this.value !== undefined) emit(this, 'quantity-change', { key: this.fieldKey, value: undefined });
      return;
    }
    this._busy = true;
    let r;
    try {
      r = await parseField(text, this.kind, this.system);
    } finally {
      this._busy = false;
    }
    if (this._text === null || this._text.trim() !== text) return; // edited again while parsing
    // The field left the page while the text was parsed (a view change or reload blurred it): nothing can apply the
    // value now, so the text stays a draft instead of being dropped.
    if (!this.isConnected) return;
    const accepted = this.#range ? `Accepts ${this.#range}${this.integer ? ', whole numbers' : ''}` : 'Accepts a number';
    if (!r.ok) {
      this._error = `${accepted}: ${r.error}`;
      return;
    }
    const v = r.value;
    if (!Number.isFinite(v) || v < this.min - 1e-9 || v > this.max + 1e-9) {
      this._error = `${accepted} (got ${formatValue(v, this.kind, this.system)})`;
      return;
    }
    if (this.integer && !Number.isInteger(Math.round(v * 1e9) / 1e9)) {
      this._error = `${accepted} (got ${formatNumber(v)})`;
      return;
    }
    this._error = null;
    this._text = null;
    this.#clearDraft();
    const value = this.integer ? Math.round(v) : v;
    if (value !== this.value) emit(this, 'quantity-change', { key: this.fieldKey, value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-quantity-input': RackQuantityInput;
  }
}

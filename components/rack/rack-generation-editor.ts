import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Generation, PsuModel } from '../../src/core/catalog/types';
import type { Redundancy } from '../../src/core/catalog/types';
import { rowsUsingGeneration } from '../../src/state/actions';
import { defaultGenerationId, formatProblems, type AppStore } from '../../src/state/store';
import type { Plan } from '../../src/core/plan/types';
import type { UnitSystem } from '../../src/state/types';
import {
  ADDABLE_KINDS,
  COMPONENT_FIELDS,
  GENERATION_FIELDS,
  PSU_FIELDS,
  addComponent,
  duplicatePsu,
  componentValue,
  generationFileText,
  removeComponent,
  setComponentValue,
  setSystemsPerRack,
  storedGeneration,
  type NumberFieldSpec,
} from '../../src/views/generation-draft';
import { StoreController } from '../controllers/store-controller';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import '../inputs/rack-quantity-input';

/** A file the editor hands to the user (tests replace the download). */
export interface GenerationDownload {
  readonly filename: string;
  readonly blob: Blob;
}

/**
 * The editor of a user's own generation (opened by "Duplicate and edit" in the generation picker; loaded on demand).
 * It edits the generation the designer shows, in the store: every change is saved at once as one undo step, so the
 * designer's budgets, summary and elevation follow the edit through the one engine path, and the session, autosave,
 * plan library and share links carry it. A change the store refuses (the schema, the catalog rules) is shown by the
 * app with the field named, and nothing changes. Export writes the `rackplan rack --generation-file` format; import
 * reads one through the same reader as the CLI.
 *
 * @summary User generation editor.
 * @fires rack-edit - `generations/save`, `generations/delete`
 * @fires editor-close - the user closed the editor
 */
@customElement('rack-generation-editor')
export class RackGenerationEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-top: 0.75rem;
        border-top: 1px solid var(--rack-border);
        padding-top: 0.75rem;
      }
      h3 {
        margin: 0 0 0.25rem;
      }
      h4 {
        margin: 0.75rem 0 0.35rem;
        font-size: 0.875rem;
      }
      .lede {
        margin: 0 0 0.5rem;
        font-size: 0.8125rem;
        color: var(--rack-muted);
        max-width: 60rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.6rem 1rem;
        align-items: start;
      }
      label.text {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      label.text input,
      label.text select {
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 0;
      }
      fieldset {
        border: 1px solid var(--rack-border);
        border-radius: 6px;
        margin: 0 0 0.6rem;
        padding: 0.5rem 0.75rem 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        font-size: 0.8125rem;
        padding: 0 0.3rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.75rem;
      }
      .status {
        font-size: 0.8125rem;
        margin: 0.5rem 0 0;
        white-space: pre-wrap;
      }
      .status.error {
        color: var(--rack-over);
        font-weight: 500;
      }
      .confirm {
        border: 1px solid var(--rack-over);
        border-radius: 6px;
        padding: 0.5rem 0.75rem;
        margin-top: 0.5rem;
      }
      .remove {
        margin-top: 0.5rem;
        font-size: 0.75rem;
      }
      .hint {
        font-size: 0.75rem;
        color: var(--rack-muted);
        font-weight: 400;
      }
      .badge-user {
        font-size: 0.75rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.1rem 0.55rem;
        background: var(--rack-estimate-soft, var(--rack-surface-2));
        border: 1px solid var(--rack-estimate);
        vertical-align: middle;
      }
    `,
  ];

  /** How an exported file reaches the user (a download by default; tests replace it). */
  @property({ attribute: false }) download: (d: GenerationDownload) => void = (d) => {
    void import('../../src/export/browser').then(({ saveBlob }) => saveBlob(d, this.renderRoot));
  };

  @state() private _status: { readonly text: string; readonly error: boolean } | null = null;
  /** Plan rows that use the generation, while the user confirms a delete that takes them too. */
  @state() private _confirmRows = 0;

  readonly #store = new StoreController(this, (s) => [s.catalog, s.design.rack.generationId, s.design.plan.plan.psus, s.prefs.units] as const);

  #generation: Generation | undefined;

  override willUpdate(_changed: PropertyValues<this>): void {
    const v = this.#store.value;
    this.#generation = v ? v[0].generations.find((g) => g.id === v[1] && g.userDefined) : undefined;
  }

  get #storeRef(): AppStore | undefined {
    return this.#store.store;
  }

  /** Save the edited generation (one undo step), with a PSU of the user's own it uses; `replaces` when its id changed. */
  #save(next: Generation, replaces?: string, psus?: readonly PsuModel[]): void {
    this._status = null;
    this._confirmRows = 0;
    emit(this, 'rack-edit', { type: 'generations/save', generation: storedGeneration(next), ...(replaces ? { replaces } : {}), ...(psus ? { psus } : {}) });
  }

  /** The user's own PSU the generation uses, if any (kept in the plan's `psus`). */
  #userPsu(g: Generation): PsuModel | undefined {
    return (this.#store.value?.[2] ?? []).find((p) => p.id === g.power.psuId);
  }

  /** Start a PSU of the user's own from the one the generation uses, and use it. */
  #ownPsu(g: Generation): void {
    const catalog = this.#store.value?.[0];
    const source = catalog?.psus.find((p) => p.id === g.power.psuId);
    if (!catalog || !source) return;
    const copy = duplicatePsu(source, new Set(catalog.psus.map((p) => p.id)));
    this.#save({ ...g, power: { ...g.power, psuId: copy.id } }, undefined, [copy]);
  }

  #onQuantity(e: CustomEvent<{ key: string; value: number | undefined }>): void {
    const g = this.#generation;
    if (!g) return;
    e.stopPropagation();
    const { key, value } = e.detail;
    const comp = /^c(\d+)\.(\w+)$/.exec(key);
    if (comp) {
      const field = COMPONENT_FIELDS.find((f) => f.key === comp[2]);
      if (field) this.#save(setComponentValue(g, Number(comp[1]), field.key, value));
      return;
    }
    const psuKey = /^psu\.(\w+)$/.exec(key);
    if (psuKey) {
      const field = PSU_FIELDS.find((f) => f.key === psuKey[1]);
      const psu = this.#userPsu(g);
      if (field && psu && (value !== undefined || field.nullable)) this.#save(g, undefined, [field.set(psu, value)]);
      else this.requestUpdate();
      return;
    }
    const spr = /^spr\.(default|min|max)$/.exec(key);
    if (spr) {
      if (value !== undefined) this.#save(setSystemsPerRack(g, spr[1] as 'default' | 'min' | 'max', value));
      return;
    }
    const field = GENERATION_FIELDS.find((f) => f.key === key);
    if (!field || (value === undefined && !field.nullable)) {
      this.requestUpdate();
      return;
    }
    this.#save(field.set(g, value));
  }

  #onText(g: Generation, key: 'name' | 'id' | 'model' | 'date', text: string): void {
    const t = text.trim();
    if (key === 'id') {
      if (t !== g.id) this.#save({ ...g, id: t }, g.id);
    } else if (key === 'name') this.#save({ ...g, name: t });
    else if (key === 'model') this.#save({ ...g, accelerator: { ...g.accelerator, model: t } });
    else this.#save({ ...g, availability: { date: t, confidence: 'user', sources: [] } });
  }

  #onPsu(g: Generation, psuId: string): void {
    this.#save({ ...g, power: { ...g.power, psuId } });
  }

  #onRedundancy(g: Generation, text: string): void {
    this.#save({ ...g, power: { ...g.power, redundancy: { default: text.trim() as Redundancy, confidence: 'user', sources: [] } } });
  }

  #onComponentName(g: Generation, index: number, name: string): void {
    this.#save({ ...g, components: g.components.map((c, i) => (i === index ? { ...c, name: name.trim() } : c)) });
  }

  #onAdd(g: Generation, select: HTMLSelectElement): void {
    const kind = ADDABLE_KINDS.find((k) => k.kind === select.value);
    if (!kind) return;
    this.#save(addComponent(g, kind.kind, kind.label));
  }

  #delete(g: Generation, withRows: boolean): void {
    const store = this.#storeRef;
    if (!store) return;
    const rows = rowsUsingGeneration(store.design.plan.plan, g.id);
    if (rows > 0 && !withRows) {
      this._confirmRows = rows;
      return;
    }
    this._confirmRows = 0;
    emit(this, 'rack-edit', { type: 'generations/delete', id: g.id, withRows, fallbackId: defaultGenerationId(store.presetCatalog) });
    this.dispatchEvent(new CustomEvent('editor-close', { bubbles: true, composed: true }));
  }

  #export(g: Generation): void {
    const psus = this.#storeRef?.design.plan.plan.psus ?? [];
    this.download({ filename: `${g.id}.json`, blob: new Blob([generationFileText(g, psus)], { type: 'application/json' }) });
    this._status = { text: `Exported ${g.id}.json: use it with rackplan rack --generation-file ${g.id}.json`, error: false };
  }

  /** Read a generation file through the CLI's reader (src/schema/user-generations.ts) and save what it holds. */
  async importFile(file: File): Promise<boolean> {
    const store = this.#storeRef;
    if (!store) return false;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      this._status = { text: `${file.name} was not read: not JSON (${e instanceof Error ? e.message : String(e)}).`, error: true };
      return false;
    }
    const { readUserGenerations } = await import('../../src/schema/user-generations');
    // Checked against the presets: a generation already in the session under the same id is replaced by the file's.
    const r = readUserGenerations(data, store.presetCatalog, file.name);
    if (!r.ok) {
      this._status = { text: `${file.name} was not imported:\n${formatProblems(r.error)}`, error: true };
      return false;
    }
    const psus: readonly PsuModel[] = r.value.catalog.psus.slice(store.presetCatalog.psus.length);
    r.value.generations.forEach((g, i) => emit(this, 'rack-edit', { type: 'generations/save', generation: storedGeneration(g), ...(i === 0 ? { psus, select: true } : {}) }));
    const saved = r.value.generations.filter((g) => store.catalog.generations.some((x) => x.id === g.id && x.userDefined));
    this._status =
      saved.length === r.value.generations.length
        ? { text: `Imported ${saved.map((g) => g.name).join(', ')} from ${file.name}.`, error: false }
        : { text: `${file.name}: ${r.value.generations.length - saved.length} of ${r.value.generations.length} generations were refused (the message above names the field).`, error: true };
    return saved.length === r.value.generations.length;
  }

  async #pick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.importFile(file);
    input.value = '';
  }

  #number(key: string, label: string, value: number | undefined, f: Omit<NumberFieldSpec, 'label'>, system: UnitSystem) {
    return html`<rack-quantity-input
      field-key=${key}
      label=${f.unit ? `${label} (${f.unit})` : label}
      kind=${f.kind}
      .value=${value}
      .min=${f.min}
      .max=${f.max}
      ?integer=${f.integer ?? false}
      system=${system}
    ></rack-quantity-input>`;
  }

  override render() {
    const v = this.#store.value;
    const g = this.#generation;
    if (!v) return nothing;
    if (!g) {
      return html`<p class="lede">Pick one of your own generations to edit it, or use “Duplicate and edit” on any generation.</p>
        ${this.#importControl()} ${this.#statusLine()}`;
    }
    const [catalog, , userPsus, system] = v;
    const psus = [...catalog.psus];
    const plan: Plan | undefined = this.#storeRef?.design.plan.plan;
    const rows = plan ? rowsUsingGeneration(plan, g.id) : 0;
    return html`
      <section aria-labelledby="ge-h" @quantity-change=${this.#onQuantity}>
        <h3 id="ge-h">Your generation <span class="badge-user">user-defined</span></h3>
        <p class="lede">
          Every change is saved at once (Undo takes it back) and the budgets above follow it. Values you change are marked “user” in Assumptions and
          sources; the rest keep the catalog’s sources. Changing the accelerator power changes each class that holds accelerators by its accelerators × the
          change.
        </p>
        <div class="grid">
          <label class="text">Name <input .value=${g.name} @change=${(e: Event) => this.#onText(g, 'name', (e.target as HTMLInputElement).value)} /></label>
          <label class="text">Id <input .value=${g.id} spellcheck="false" @change=${(e: Event) => this.#onText(g, 'id', (e.target as HTMLInputElement).value)} /></label>
          <label class="text"
            >Accelerator <input .value=${g.accelerator.model} @change=${(e: Event) => this.#onText(g, 'model', (e.target as HTMLInputElement).value)}
          /></label>
          <label class="text"
            >Available (YYYY, YYYY-Qn) <input .value=${g.availability.date} @change=${(e: Event) => this.#onText(g, 'date', (e.target as HTMLInputElement).value)}
          /></label>
        </div>
        <h4>Accelerator, scale-up domain and rack</h4>
        <div class="grid">${GENERATION_FIELDS.map((f) => this.#number(f.key, f.label, f.get(g), f, system))}</div>
        <h4>Power delivery</h4>
        <div class="grid">
          <label class="text"
            >Power shelf or PSU
            <select @change=${(e: Event) => this.#onPsu(g, (e.target as HTMLSelectElement).value)}>
              ${psus.map((p) => html`<option value=${p.id} ?selected=${p.id === g.power.psuId}>${p.name}${(userPsus ?? []).some((u) => u.id === p.id) ? ' (yours)' : ''}</option>`)}
            </select></label
          >
          <label class="text"
            >Redundancy (n, n+1, n+n) <input .value=${g.power.redundancy.default} @change=${(e: Event) => this.#onRedundancy(g, (e.target as HTMLInputElement).value)}
          /></label>
        </div>
        ${this.#psuFields(g, system)}
        ${g.systemsPerRack
          ? html`<h4>Systems per rack <span class="hint">${g.systemsPerRack.systemName}</span></h4>
              <div class="grid">
                ${(['default', 'min', 'max'] as const).map((k) => this.#number(`spr.${k}`, k === 'default' ? 'Default' : k === 'min' ? 'Fewest' : 'Most', g.systemsPerRack![k], { kind: 'count', min: 1, max: 64, integer: true }, system))}
              </div>`
          : nothing}
        <h4>Component classes <span class="hint">per ${g.systemsPerRack ? 'system' : 'unit'} where marked</span></h4>
        ${g.components.map(
          (c, i) => html`<fieldset data-component=${c.id}>
            <legend>${c.name} <span class="hint">(${c.kind}, per ${c.scope})</span></legend>
            <div class="grid">
              <label class="text">Name <input .value=${c.name} @change=${(e: Event) => this.#onComponentName(g, i, (e.target as HTMLInputElement).value)} /></label>
              ${COMPONENT_FIELDS.filter((f) => (f.key !== 'nicGbps' && f.key !== 'portsPerCage') || c.ports.scaleOut).map((f) => this.#number(`c${i}.${f.key}`, f.label, componentValue(c, f.key), f, system))}
            </div>
            ${g.components.length > 1 ? html`<button class="btn remove" type="button" @click=${() => this.#save(removeComponent(g, i))}>Remove ${c.name}</button>` : nothing}
          </fieldset>`,
        )}
        <div class="actions">
          <label class="text"
            >Add a component class
            <select id="add-kind">
              ${ADDABLE_KINDS.map((k) => html`<option value=${k.kind}>${k.label}</option>`)}
            </select></label
          >
          <button class="btn" type="button" @click=${() => this.#onAdd(g, this.renderRoot.querySelector<HTMLSelectElement>('#add-kind')!)}>Add</button>
        </div>
        <div class="actions">
          <button class="btn" type="button" data-action="export" @click=${() => this.#export(g)}>Export generation file</button>
          ${this.#importControl()}
          <button class="btn" type="button" data-action="delete" @click=${() => this.#delete(g, false)}>Delete ${rows ? `(${rows} plan row${rows === 1 ? '' : 's'} use it)` : ''}</button>
          <button class="btn primary" type="button" data-action="close" @click=${() => this.dispatchEvent(new CustomEvent('editor-close', { bubbles: true, composed: true }))}>Done</button>
        </div>
        ${this._confirmRows
          ? html`<div class="confirm" role="alert">
              ${this._confirmRows} plan row${this._confirmRows === 1 ? ' deploys or orders' : 's deploy or order'} ${g.name}: it cannot be deleted while they do.
              <button class="btn" type="button" data-action="delete-with-rows" @click=${() => this.#delete(g, true)}>Delete it and those rows</button>
              <button class="btn" type="button" @click=${() => (this._confirmRows = 0)}>Keep it</button>
            </div>`
          : nothing}
        ${this.#statusLine()}
      </section>
    `;
  }

  #psuFields(g: Generation, system: UnitSystem) {
    const psu = this.#userPsu(g);
    if (!psu) {
      return html`<div class="actions">
        <button class="btn" type="button" data-action="own-psu" @click=${() => this.#ownPsu(g)}>Enter your own PSU or shelf (start from this one)</button>
      </div>`;
    }
    return html`<h4>Your PSU or shelf <span class="hint">${psu.name} · ${psu.id}</span></h4>
      <div class="grid">${PSU_FIELDS.map((f) => this.#number(`psu.${f.key}`, f.label, f.get(psu), f, system))}</div>`;
  }

  #importControl() {
    return html`<label class="btn" data-action="import"
      >Import generation file <input class="visually-hidden" type="file" accept=".json,application/json" @change=${(e: Event) => void this.#pick(e)}
    /></label>`;
  }

  #statusLine() {
    return this._status ? html`<p class=${`status${this._status.error ? ' error' : ''}`} role="status">${this._status.text}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-generation-editor': RackGenerationEditor;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/core/plan/types';
import type { Action } from '../../src/state/actions';
import { StoreController } from '../controllers/store-controller';
import type { AppStore } from '../../src/state/store';
import { validatePlan } from '../../src/io/plan';
import { PlanStore, type LibraryEntry } from '../../src/storage/plan-store';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';

function storePlan(s: AppStore): Plan | undefined {
  return (s.design as { plan?: { plan?: Plan } }).plan?.plan;
}

/**
 * Named plans kept in this browser (IndexedDB): save the current plan under a name, open, duplicate, rename and
 * delete, each undoable. An entry that no longer validates is listed with its problems and can still be
 * downloaded as it was saved; it is never dropped.
 *
 * @summary Plan library.
 * @fires rack-edit - `plan/replace` when an entry is opened
 */
@customElement('rack-plan-library')
export class RackPlanLibrary extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
        border-top: 1px solid var(--rack-border);
        padding-top: 0.4rem;
      }
      .name {
        font-weight: 500;
        overflow-wrap: anywhere;
      }
      .meta,
      .hint {
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
      .bad {
        color: var(--rack-over);
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      .actions {
        display: flex;
        gap: 0.35rem;
        flex-wrap: wrap;
      }
      .status {
        font-size: 0.8125rem;
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** Database name (tests use their own). */
  @property({ attribute: false }) dbName = 'rackplan';

  /** The plan "Save as" stores; defaults to the app store's plan. */
  @property({ attribute: false }) plan: Plan | undefined;

  @state() private _entries: LibraryEntry[] = [];
  @state() private _status: { text: string; error: boolean } | null = null;
  @state() private _renaming: string | null = null;
  @state() private _undo: string | null = null;
  @state() private _ready = false;

  readonly #app = new StoreController(this, (s) => storePlan(s));
  #lib: PlanStore<Plan> | undefined;
  #opening: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#opening ??= this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#lib?.close();
    this.#lib = undefined;
    this.#opening = undefined;
  }

  /** Resolves once the library is open and listed (for tests). */
  get ready(): Promise<void> {
    return this.#opening ?? Promise.resolve();
  }

  async #open(): Promise<void> {
    try {
      this.#lib = await PlanStore.open<Plan>({ validate: validatePlan, dbName: this.dbName });
      await this.#refresh();
    } catch (err) {
      this._status = { text: `The plan library is unavailable in this browser (${err instanceof Error ? err.message : String(err)}).`, error: true };
    }
    this._ready = true;
  }

  async #refresh(): Promise<void> {
    if (!this.#lib) return;
    this._entries = await this.#lib.list();
    this._undo = this.#lib.undoLabel;
  }

  get #plan(): Plan | undefined {
    return this.plan ?? this.#app.value;
  }

  override render() {
    const plan = this.#plan;
    return html`
      <section class="card" aria-labelledby="lib-h">
        <h2 id="lib-h">Plan library</h2>
        <p class="hint">Plans saved in this browser. The plan you are working on is saved automatically after every change.</p>
        <form class="row" @submit=${this.#saveAs}>
          <label for="save-name">Save current plan as</label>
          <input id="save-name" name="name" .value=${plan?.name ?? ''} maxlength="120" ?disabled=${!plan} />
          <button class="btn primary" type="submit" ?disabled=${!plan || !this.#lib}>Save</button>
          <button class="btn" type="button" ?disabled=${!this._undo} @click=${this.#undoLast} title=${this._undo ? `Undo ${this._undo}` : 'Nothing to undo'}>
            ${this._undo ? `Undo ${this._undo}` : 'Undo'}
          </button>
        </form>
        ${this._ready && !this._entries.length ? html`<p class="hint">No saved plans yet.</p>` : nothing}
        <ul aria-label="Saved plans">
          ${this._entries.map((e) => this.#row(e))}
        </ul>
        ${this._status ? html`<p class="status" role=${this._status.error ? 'alert' : 'status'}>${this._status.text}</p>` : nothing}
      </section>
    `;
  }

  #row(e: LibraryEntry) {
    const h = e.head;
    const when = new Date(h.updatedAt).toLocaleString();
    return html`<li data-id=${h.id}>
      <div>
        ${this._renaming === h.id
          ? html`<form @submit=${(ev: SubmitEvent) => void this.#rename(ev, h.id)}>
              <input name="name" aria-label="New name" .value=${h.name} maxlength="120" />
              <button class="btn" type="submit">Rename</button>
              <button class="btn" type="button" @click=${() => (this._renaming = null)}>Cancel</button>
            </form>`
          : html`<span class="name">${h.name}</span>`}
        <div class="meta">saved ${when}</div>
        ${e.problems
          ? html`<div class="bad" role="note">Does not validate (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}), kept as saved: ${e.problems
              .slice(0, 3)
              .map((p) => `${p.path}: ${p.message}`)
              .join('; ')}</div>`
          : nothing}
      </div>
      <div class="actions">
        <button class="btn" type="button" ?disabled=${e.problems !== null} @click=${() => void this.#openEntry(h.id)}>Open</button>
        <button class="btn" type="button" @click=${() => void this.#act(() => this.#lib!.duplicate(h.id), `Duplicated “${h.name}”.`)}>Duplicate</button>
        <button class="btn" type="button" @click=${() => (this._renaming = h.id)}>Rename</button>
        <button class="btn" type="button" @click=${() => void this.#act(() => this.#lib!.remove(h.id), `Deleted “${h.name}”. Undo brings it back.`)}>Delete</button>
        <button class="btn" type="button" @click=${() => void this.#downloadRaw(h.id, h.name)}>Download JSON</button>
      </div>
    </li>`;
  }

  async #act(op: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await op();
      this._status = { text: done, error: false };
    } catch (err) {
      this._status = { text: `That did not work: ${err instanceof Error ? err.message : String(err)}`, error: true };
    }
    await this.#refresh();
  }

  async #saveAs(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const plan = this.#plan;
    if (!plan || !this.#lib) return;
    const name = new FormData(ev.target as HTMLFormElement).get('name');
    await this.#act(() => this.#lib!.saveAs(typeof name === 'string' ? name : plan.name, JSON.stringify(plan)), `Saved “${typeof name === 'string' && name.trim() ? name.trim() : plan.name}”.`);
  }

  async #rename(ev: SubmitEvent, id: string): Promise<void> {
    ev.preventDefault();
    const name = new FormData(ev.target as HTMLFormElement).get('name');
    this._renaming = null;
    if (typeof name === 'string') await this.#act(() => this.#lib!.rename(id, name), 'Renamed.');
  }

  async #undoLast(): Promise<void> {
    if (!this.#lib) return;
    const label = await this.#lib.undo();
    this._status = label ? { text: `Undid ${label}.`, error: false } : null;
    await this.#refresh();
  }

  async #openEntry(id: string): Promise<void> {
    const loaded = await this.#lib?.load(id);
    if (!loaded) return;
    if (!loaded.ok) {
      this._status = { text: `“${loaded.head.name}” does not validate: ${loaded.message}. Download it to repair it.`, error: true };
      return;
    }
    const action = { type: 'plan/replace', plan: loaded.value, label: `open ${loaded.head.name}` };
    this.dispatchEvent(new CustomEvent('plan-open', { detail: { plan: loaded.value, label: action.label }, bubbles: true, composed: true }));
    emit(this, 'rack-edit', action as unknown as Action);
    this._status = { text: `Opened “${loaded.head.name}”.`, error: false };
  }

  async #downloadRaw(id: string, name: string): Promise<void> {
    const json = await this.#lib?.rawJson(id);
    if (json === undefined) return;
    const { saveBlob } = await import('../../src/export/browser');
    const file = `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'plan'}.json`;
    saveBlob({ filename: file, blob: new Blob([json], { type: 'application/json' }) }, this.renderRoot);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-plan-library': RackPlanLibrary;
  }
}

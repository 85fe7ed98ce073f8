import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { markRendered, afterNextPaint } from '../../src/views/marks';
import { SESSION_JSON, sessionJson } from '../../src/views/session-export';
import { formatProblems, type AppStore } from '../../src/state/store';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';

/**
 * The plan's exports and the plan library (plan files read with zod, the library's IndexedDB): loaded once the view
 * has painted and the store holds the whole catalog, so they never export or check a plan against part of it.
 */
let planParts: Promise<unknown> | undefined;
const loadPlanParts = () => (planParts ??= Promise.all([import('./rack-plan-exports'), import('./rack-plan-library')]));

/**
 * Export and import. The capacity plan in every format, plan files, examples and share links
 * (`rack-plan-exports`), the plan library in the browser (`rack-plan-library`), and the whole session (rack
 * designer, compare, fabric and plan settings, with the designer's unit report) as JSON.
 *
 * @summary Export view.
 * @fires rack-edit - `design/replace` when a saved JSON is opened
 * @csspart formats - the list of formats
 */
@customElement('rack-export-view')
export class RackExportView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
      li.card {
        display: flex;
        gap: 1rem;
        justify-content: space-between;
        align-items: center;
      }
      li .btn {
        white-space: nowrap;
      }
      li p {
        margin: 0.25rem 0 0;
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
      .later {
        margin-top: 1rem;
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
      .open {
        margin-top: 1.5rem;
      }
      .open label {
        font-weight: 500;
      }
      .status {
        font-size: 0.8125rem;
        margin: 0.5rem 0 0;
      }
      .status.error {
        color: var(--rack-over);
        white-space: pre-line;
      }
      h2 {
        font-size: 1.125rem;
        margin-bottom: 0.75rem;
      }
      .session-h {
        margin-top: 1.5rem;
      }
      rack-plan-library {
        margin-top: 1rem;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => s.design);
  // The session's files load the reports when asked for (nothing on this page shows a report).
  readonly #reports = new ReportsController(this, (r) => r.ready, { needsModules: false });

  @state() private _status: { text: string; error: boolean } | null = null;
  /** The plan exports and library: loading, shown, or why they could not be loaded. */
  @state() private _planParts: 'loading' | 'ready' | { readonly error: string } = 'loading';

  override firstUpdated(): void {
    markRendered('rackplan:export');
    // After the frame with the session part is painted (as markRendered does).
    afterNextPaint(() => void this.#loadPlanParts());
  }

  async #loadPlanParts(): Promise<void> {
    try {
      await Promise.all([loadPlanParts(), this.#store.store?.completeCatalog()]);
      this._planParts = 'ready';
    } catch (err) {
      this._planParts = { error: err instanceof Error ? err.message : String(err) };
    }
  }

  #planPartsView() {
    const p = this._planParts;
    if (p === 'ready') return html`<rack-plan-exports></rack-plan-exports><rack-plan-library></rack-plan-library>`;
    if (p === 'loading') return html`<p class="status" role="status">Loading the plan exports and the plan library…</p>`;
    return html`<p class="status error" role="alert">The plan exports and the plan library could not be loaded (${p.error}); reload the page.</p>`;
  }

  override render() {
    return html`
      ${this.#planPartsView()}
      <h2 class="session-h">Whole session</h2>
      <ul part="formats" aria-label="Session export formats">
        <li class="card">
          <div>
            <strong>${SESSION_JSON.label}</strong>
            <p>${SESSION_JSON.description}</p>
          </div>
          <button class="btn primary" type="button" @click=${() => void this.#download()}>Download ${SESSION_JSON.label}</button>
        </li>
        <li class="card">
          <div>
            <strong>Rack design PDF</strong>
            <p>The rack designer's design as a design review: its summary strip, first fix and one-line power diagram on page 1, then budgets, power by component, issues with fixes, the elevation and every assumption with its source.</p>
          </div>
          <button class="btn" type="button" @click=${() => void this.#rackPdf()}>Download rack design PDF</button>
        </li>
      </ul>
      <section class="open card" aria-labelledby="open-h">
        <h3 id="open-h">Open a saved session</h3>
        <p class="later">Restores the design from a file exported here. It is one undoable step.</p>
        <label>Session JSON file <input type="file" accept="application/json,.json" @change=${this.#open} /></label>
        ${this._status ? html`<p class=${`status${this._status.error ? ' error' : ''}`} role=${this._status.error ? 'alert' : 'status'}>${this._status.text}</p>` : nothing}
      </section>
    `;
  }

  async #download(): Promise<void> {
    const store: AppStore | undefined = this.#store.store;
    const reports = this.#reports.reports;
    if (!store || !reports) return;
    try {
      // The designer's own report (site defaults applied), so the file and the screen show the same numbers.
      await Promise.all([reports.load(), store.completeCatalog()]);
      const file = sessionJson(store.snapshot(), reports.rack?.report, new Date().toISOString());
      const { saveBlob } = await import('../../src/export/browser');
      saveBlob({ filename: file.filename, blob: new Blob([file.text], { type: file.mime }) }, this.renderRoot);
      this._status = { text: `Saved ${file.filename}.`, error: false };
    } catch (err) {
      this._status = { text: `Export failed: ${err instanceof Error ? err.message : String(err)}`, error: true };
    }
  }

  /** The designer's own derived report (site applied), so the PDF and the screen show the same numbers. */
  async #rackPdf(): Promise<void> {
    const store: AppStore | undefined = this.#store.store;
    const reports = this.#reports.reports;
    if (!store || !reports) return;
    try {
      await Promise.all([reports.load(), store.completeCatalog()]);
      const derived = reports.rack;
      if (!derived) throw new Error(`generation “${store.design.rack.generationId}” is not in the catalog`);
      const siteId = store.design.rack.siteId;
      const siteName = siteId ? reports.siteList?.find((s) => s.id === siteId)?.name : undefined;
      const [{ rackPdfFile }, { saveBlob }] = await Promise.all([import('../../src/views/rack-pdf'), import('../../src/export/browser')]);
      const file = await rackPdfFile(derived, { catalog: store.catalog, units: store.prefs.units, ...(siteName ? { siteName } : {}) });
      saveBlob({ filename: file.filename, blob: new Blob([file.bytes as BlobPart], { type: 'application/pdf' }) }, this.renderRoot);
      this._status = { text: `Saved ${file.filename}.`, error: false };
    } catch (err) {
      this._status = { text: `Rack design PDF failed: ${err instanceof Error ? err.message : String(err)}`, error: true };
    }
  }

  async #open(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    const store = this.#store.store;
    if (!file || !store) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      this._status = { text: `${file.name}: not a JSON file.`, error: true };
      return;
    }
    // Loading replaces the design: it goes up to the app like any edit (one undo step). The file is read by the
    // snapshot schema against the whole catalog (both loaded now, not with the page).
    let parseSnapshot: typeof import('../../src/state/snapshot').parseSnapshot;
    try {
      [{ parseSnapshot }] = await Promise.all([import('../../src/state/snapshot'), store.completeCatalog()]);
    } catch (err) {
      this._status = { text: `${file.name} was not opened: the session reader could not be loaded (${err instanceof Error ? err.message : String(err)}); reload the page.`, error: true };
      return;
    }
    const r = parseSnapshot(data, store.catalog);
    if (r.ok) emit(this, 'rack-edit', { type: 'design/replace', design: r.value.design, label: `open ${file.name}` });
    this._status = r.ok ? { text: `Opened ${file.name}.`, error: false } : { text: `${file.name} was not opened:\n${formatProblems(r.error)}`, error: true };
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-export-view': RackExportView;
  }
}

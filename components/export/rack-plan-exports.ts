import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/core/plan/types';
import type { InputProblem } from '../../src/schema/errors';
import { StoreController } from '../controllers/store-controller';
import { ReportsController } from '../controllers/reports-controller';
import type { AppStore } from '../../src/state/store';
import type { Action } from '../../src/state/actions';
import type { Download, PreparedExport } from '../../src/export/browser';
import { LARGE_DOWNLOAD_BYTES, formatBytes } from '../../src/export/download-size';
import type { ExportFormat } from '../../src/export/plan-export';
import { importPlanBlob, importPlanValue } from '../../src/io/plan';
import { planWorkProblems } from '../../src/io/plan-work';
import { shareLink, type ShareLink } from '../../src/io/share';
import { MAX_SHARE_FRAGMENT_CHARS, MAX_SHARE_LINK_CHARS } from '../../src/io/limits';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';

/** Example plans shipped in presets/plans/ (loaded only when picked). */
const EXAMPLES = import.meta.glob<unknown>('/presets/plans/*.json', { import: 'default' });

interface FormatInfo {
  readonly id: ExportFormat;
  readonly label: string;
  readonly file: string;
  readonly description: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'json', label: 'JSON', file: '.json', description: 'The plan with its inputs, the catalog entries it used and the results. Opens again here and in rackplan plan.' },
  { id: 'csv', label: 'CSV', file: '.zip', description: 'bom, racks, schedule, plants, demand, issues and cables (port to port, every network: compute, front-end, storage, out-of-band), UTF-8, units in the headers.' },
  { id: 'xlsx', label: 'Excel (XLSX)', file: '.xlsx', description: 'Summary, Sites, Site years, Demand, Plants, Schedule, Units, Network, Cables, BOM, Assumptions & sources, Issues; totals as live formulas.' },
  { id: 'pdf', label: 'PDF report', file: '.pdf', description: 'Design review: summary, site and plant tables, rack elevations, charts, assumptions and sources.' },
  { id: 'netbox', label: 'NetBox', file: '.zip', description: 'NetBox 4.2 import files in import order: manufacturers, device types, roles, sites, racks, devices, cables.' },
];

/** The plan in the app store, when the app has one (the Plan view's document). */
function storePlan(s: AppStore): Plan | undefined {
  return (s.design as { plan?: { plan?: Plan } }).plan?.plan;
}

/**
 * Export the capacity plan in every format, open a plan file (picker or drag-and-drop) or an example, and make a
 * share link. Heavy export code loads on the first click. Opening a plan replaces the app's plan as one undoable
 * edit (`plan/replace`); every problem of a refused file is listed at its path.
 *
 * @summary Plan exports, import and share link.
 * @fires rack-edit - `plan/replace` when a plan file, example or library entry is opened
 * @csspart formats - the list of export formats
 * @csspart drop - the drop zone
 */
@customElement('rack-plan-exports')
export class RackPlanExports extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        gap: 1rem;
        justify-content: space-between;
        align-items: center;
      }
      li p,
      .hint {
        margin: 0.15rem 0 0;
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
      .drop {
        margin-top: 0.5rem;
        border: 2px dashed var(--rack-border);
        border-radius: var(--rack-radius);
        padding: 1rem;
        text-align: center;
      }
      .drop.over {
        border-color: var(--rack-accent);
        background: var(--rack-surface-2);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      .status {
        font-size: 0.8125rem;
        margin: 0;
      }
      .status.error {
        color: var(--rack-over);
      }
      .problems {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
        font-size: 0.8125rem;
        max-height: 14rem;
        overflow: auto;
      }
      code {
        font-size: 0.8125rem;
      }
      .large {
        margin-top: 0.75rem;
        padding: 0.75rem;
        border: 1px solid var(--rack-border);
        border-radius: var(--rack-radius);
      }
      input.link {
        flex: 1 1 20rem;
        min-width: 0;
      }
    `,
  ];

  /** The plan to export; defaults to the app store's plan. */
  @property({ attribute: false }) plan: Plan | undefined;

  /** How a built file reaches the user (a download by default; tests replace it). */
  @property({ attribute: false }) download: (d: Download) => void = (d) => {
    void import('../../src/export/browser').then(({ saveBlob }) => saveBlob(d, this.renderRoot));
  };

  /** Above this estimated size a download waits for the user, stating the size and offering compression. */
  @property({ attribute: false }) largeDownloadBytes = LARGE_DOWNLOAD_BYTES;

  /** The page address share links start from (default: this page without its fragment). */
  @property({ attribute: false }) baseUrl: string | undefined;

  @state() private _busy: ExportFormat | null = null;
  @state() private _status: { text: string; error: boolean; problems?: readonly InputProblem[] } | null = null;
  @state() private _share: ShareLink | null = null;
  @state() private _over = false;
  /** A large export waiting for the user's choice: full size, cable schedule gzip-compressed, or cancel. */
  @state() private _large: { format: FormatInfo; prepared: PreparedExport } | null = null;
  @state() private _example = '';

  readonly #store = new StoreController(this, (s) => storePlan(s));
  /** The report owner, for the site presets a plan file's short site entries name (loaded when a file is opened). */
  readonly #reports = new ReportsController(this, (r) => r, { needsModules: false });

  get #plan(): Plan | undefined {
    return this.plan ?? this.#store.value;
  }

  override render() {
    const plan = this.#plan;
    const examples = Object.keys(EXAMPLES).sort();
    return html`
      <section class="card" aria-labelledby="exp-h">
        <h2 id="exp-h">Capacity plan exports</h2>
        <p class="hint">${plan ? html`Plan: <strong>${plan.name}</strong> (${plan.deployments.length} deployments, from ${plan.start})` : 'No capacity plan yet: open a plan file or an example below.'}</p>
        <ul part="formats" aria-label="Plan export formats">
          ${FORMATS.map(
            (f) => html`<li>
              <div>
                <strong>${f.label}</strong>
                <p>${f.description}</p>
              </div>
              <button class="btn primary" type="button" data-format=${f.id} ?disabled=${!plan || this._busy !== null} @click=${() => void this.#export(f)}>
                ${this._busy === f.id ? 'Building…' : `Download ${f.file}`}
              </button>
            </li>`,
          )}
        </ul>
        ${this.#largeChoice()}
      </section>

      <section class="card" aria-labelledby="open-h">
        <h2 id="open-h">Open a plan</h2>
        <p class="hint">A plan JSON (or a JSON export) up to 5 MB. It is checked strictly; opening it replaces the current plan as one undoable step.</p>
        <div
          part="drop"
          class=${`drop${this._over ? ' over' : ''}`}
          @dragover=${this.#dragOver}
          @dragleave=${() => (this._over = false)}
          @drop=${this.#drop}
        >
          <label>Drop a plan file here, or choose one: <input type="file" accept="application/json,.json" @change=${this.#pick} /></label>
        </div>
        ${examples.length
          ? html`<div class="row">
              <label for="ex">Example plan</label>
              <select id="ex" @change=${(e: Event) => (this._example = (e.target as HTMLSelectElement).value)}>
                <option value="">choose…</option>
                ${examples.map((p) => html`<option value=${p} ?selected=${p === this._example}>${p.split('/').pop()}</option>`)}
              </select>
              <button class="btn" type="button" ?disabled=${!this._example} @click=${() => void this.#openExample()}>Open example</button>
            </div>`
          : nothing}
      </section>

      <section class="card" aria-labelledby="share-h">
        <h2 id="share-h">Share link</h2>
        <p class="hint">The plan compressed into the link itself (nothing is uploaded). Whoever opens it gets the plan checked like a file.</p>
        <div class="row">
          <button class="btn" type="button" ?disabled=${!plan} @click=${this.#makeLink}>Make share link</button>
          ${this._share?.ok
            ? html`<input class="link" readonly aria-label="Share link" .value=${this._share.url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
                <button class="btn" type="button" @click=${this.#copy}>Copy</button>`
            : nothing}
        </div>
        ${this._share && !this._share.ok
          ? html`<p class="status error" role="alert">${this._share.message}</p>
              <div class="row"><button class="btn" type="button" @click=${() => void this.#export(FORMATS[0]!)}>Download the plan file instead</button></div>`
          : nothing}
      </section>

      <div aria-live="polite">
        ${this._status
          ? html`<p class=${`status${this._status.error ? ' error' : ''}`} role=${this._status.error ? 'alert' : 'status'}>${this._status.text}</p>
              ${this._status.problems?.length
                ? html`<ul class="problems" aria-label="Problems">
                    ${this._status.problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}${p.got !== undefined ? html` (got <code>${p.got}</code>)` : nothing}</li>`)}
                  </ul>`
                : nothing}`
          : nothing}
      </div>
    `;
  }

  #largeChoice() {
    const large = this._large;
    if (!large) return nothing;
    const { format, prepared } = large;
    const files = prepared.compressible;
    return html`<div class="large" role="group" aria-labelledby="large-h" part="large-download">
      <p id="large-h" class="status">
        ${format.label} export is about <strong>${formatBytes(prepared.estimatedBytes)}</strong>${files.length ? html`, most of it the cable schedule (${files.join(', ')})` : nothing}.
        ${files.length ? 'gzip-compressed, the schedule is a small fraction of that; decompress it with gunzip, 7-Zip or the archive tool of your system.' : nothing}
      </p>
      <div class="row">
        ${files.length ? html`<button class="btn primary" type="button" data-large="compressed" @click=${() => void this.#finishLarge(true)}>Download with the cable schedule compressed (.gz)</button>` : nothing}
        <button class="btn" type="button" data-large="full" @click=${() => void this.#finishLarge(false)}>Download full size (${formatBytes(prepared.estimatedBytes)})</button>
        <button class="btn" type="button" data-large="cancel" @click=${() => {
          this._large = null;
          this._status = { text: `${format.label} export cancelled.`, error: false };
        }}>Cancel</button>
      </div>
    </div>`;
  }

  async #export(f: FormatInfo): Promise<void> {
    const plan = this.#plan;
    if (!plan || this._busy) return;
    this._busy = f.id;
    this._large = null;
    this._status = { text: `Building ${f.label}…`, error: false };
    try {
      // Let the button show "Building…" before the work starts.
      await new Promise((r) => setTimeout(r, 0));
      const { preparePlanExport, toDownload } = await import('../../src/export/browser');
      const prepared = await preparePlanExport(plan, f.id);
      if (prepared.estimatedBytes > this.largeDownloadBytes) {
        // Nothing written yet: the user picks the full size or the compressed schedule first.
        this._large = { format: f, prepared };
        this._status = { text: `${f.label} export is large (about ${formatBytes(prepared.estimatedBytes)}): choose how to download it.`, error: false };
        return;
      }
      this.#deliver(toDownload(prepared.result));
    } catch (err) {
      this._status = { text: `${f.label} export failed: ${err instanceof Error ? err.message : String(err)}`, error: true };
    } finally {
      this._busy = null;
    }
  }

  async #finishLarge(compressed: boolean): Promise<void> {
    const large = this._large;
    if (!large || this._busy) return;
    this._large = null;
    this._busy = large.format.id;
    this._status = { text: `Building ${large.format.label}${compressed ? ' (cable schedule compressed)' : ''}…`, error: false };
    try {
      await new Promise((r) => setTimeout(r, 0));
      const { toCompressedDownload, toDownload } = await import('../../src/export/browser');
      this.#deliver(compressed ? await toCompressedDownload(large.prepared.result) : toDownload(large.prepared.result));
    } catch (err) {
      this._status = { text: `${large.format.label} export failed: ${err instanceof Error ? err.message : String(err)}`, error: true };
    } finally {
      this._busy = null;
    }
  }

  #deliver(d: Download): void {
    this.download(d);
    this._status = { text: `Saved ${d.filename} (${d.blob.size.toLocaleString('en-US')} bytes).`, error: false };
  }

  #dragOver(e: DragEvent): void {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this._over = true;
  }

  async #drop(e: DragEvent): Promise<void> {
    e.preventDefault();
    this._over = false;
    const file = e.dataTransfer?.files[0];
    if (file) await this.openFile(file);
  }

  async #pick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await this.openFile(file);
    input.value = '';
  }

  /** Validate a plan file and, when it passes, replace the app's plan with it. */
  async openFile(file: File): Promise<boolean> {
    const reports = this.#reports.reports;
    if (reports && !reports.ready) await reports.load();
    const r = await importPlanBlob(file, undefined, reports?.sites);
    if (!r.ok) {
      this._status = { text: `${file.name} was not opened: ${r.error.message}.`, error: true, problems: r.error.problems };
      return false;
    }
    // Bounded work: a small file can ask for millions of fabrics; refused here, before the Plan view evaluates it.
    const catalog = this.#store.store?.catalog;
    const tooMuch = catalog ? planWorkProblems(r.value.value, catalog) : [];
    if (tooMuch.length) {
      this._status = { text: `${file.name} was not opened: the plan is over the work limits.`, error: true, problems: tooMuch };
      return false;
    }
    this.#replace(r.value.value, `open ${file.name}`);
    const notes = [r.value.ignored.length ? `ignored ${r.value.ignored.join(' and ')} (recomputed here)` : '', ...r.value.migrations].filter(Boolean);
    this._status = { text: `Opened ${file.name}${notes.length ? `; ${notes.join('; ')}` : ''}.`, error: false };
    return true;
  }

  async #openExample(): Promise<void> {
    const load = EXAMPLES[this._example];
    if (!load) return;
    const r = importPlanValue(await load());
    const name = this._example.split('/').pop();
    if (!r.ok) {
      this._status = { text: `${name}: ${r.error.message}.`, error: true, problems: r.error.problems };
      return;
    }
    this.#replace(r.value.value, `open example ${name}`);
    this._status = { text: `Opened example ${name}.`, error: false };
  }

  #replace(plan: Plan, label: string): void {
    this.dispatchEvent(new CustomEvent('plan-open', { detail: { plan, label }, bubbles: true, composed: true }));
    emit(this, 'rack-edit', { type: 'plan/replace', plan, label } as unknown as Action);
  }

  #makeLink(): void {
    const plan = this.#plan;
    if (!plan) return;
    // A plan that embeds the user's own generations carries each one whole (values and sources, 10–13 k characters
    // compressed): its link may be as long as the reader opens, and says that some chat tools cut such links.
    const own = (plan.generations?.length ?? 0) > 0;
    this._share = shareLink(plan, this.baseUrl ?? location.href.replace(/#.*$/, ''), own ? MAX_SHARE_FRAGMENT_CHARS : undefined);
    const long = own && this._share.length > MAX_SHARE_LINK_CHARS ? `: it carries your own generations, so it is longer than the ${MAX_SHARE_LINK_CHARS.toLocaleString('en-US')} characters every chat tool passes; if it arrives cut, share the plan as a file` : '';
    this._status = this._share.ok ? { text: `Share link ready (${this._share.length.toLocaleString('en-US')} characters)${long}.`, error: false } : null;
  }

  async #copy(): Promise<void> {
    if (!this._share?.ok) return;
    try {
      await navigator.clipboard.writeText(this._share.url);
      this._status = { text: 'Share link copied.', error: false };
    } catch {
      this._status = { text: 'Copy was blocked by the browser: select the link and copy it by hand.', error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-plan-exports': RackPlanExports;
  }
  interface HTMLElementEventMap {
    /** A plan was opened (file, example, library, link): detail carries the validated plan. */
    'plan-open': CustomEvent<{ readonly plan: Plan; readonly label: string }>;
  }
}

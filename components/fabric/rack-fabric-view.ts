import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalog } from '../../src/core/catalog/types';
import type { NetworkName } from '../../src/core/fabric/cabling';
import type { FabricResult } from '../../src/core/fabric/fat-tree';
import { ReportsController } from '../controllers/reports-controller';
import { StoreController } from '../controllers/store-controller';
import { acceleratorNoun, formatEndpointGroups, networkRows, scheduleCsv, scheduleRows, sizeText as sizeHelp, type FabricOutcome, type FabricView, type TopologyComparison } from '../../src/views/fabric-view';
import { FILTER_KEYS, filterOptions, knownCount, previewSchedule, scheduleCells, SCHEDULE_COLUMNS, type FilterOption, type FilterOptions, type ScheduleFilter, type SchedulePreview } from '../../src/views/fabric-schedule';
import type { RouteQuery } from '../../src/state/router';
import { FABRIC_FIELDS as FF } from '../../src/views/fields';
import { formatNumber, formatUsd, formatValue } from '../../src/views/format';
import { generationGroups } from '../../src/views/generations';
import { markRendered, afterNextPaint } from '../../src/views/marks';
import { memoizeLast } from '../../src/views/memo';
import { shortName } from '../../src/views/names';
import type { FabricDesign, Prefs, RackDesign } from '../../src/state/types';
import type { ChartSpec } from '../charts/rack-chart';
import type { Download } from '../../src/export/browser';
import { LARGE_DOWNLOAD_BYTES, estimateLinesBytes, formatBytes } from '../../src/export/download-size';
import { emit } from '../shared/events';
import { baseStyles, segmentedStyles, numberTableStyles } from '../shared/styles';
import '../charts/rack-chart';
import '../inputs/rack-quantity-input';
import '../rack/rack-issue-list';
import '../shared/rack-source';
import './rack-tier-diagram';

interface FabricData {
  readonly outcome: FabricOutcome;
  readonly fabric: FabricDesign;
  readonly rack: RackDesign;
  readonly prefs: Prefs;
  readonly catalog: Catalog;
  readonly hist: ChartSpec | null;
}

const MEDIA_NAME: Record<string, string> = { dac: 'Copper (DAC)', acc: 'Active copper (ACC)', aec: 'Active electrical (AEC)', aoc: 'Active optical (AOC)', mmf: 'Multimode fiber + optics', smf: 'Single-mode fiber + optics', utp: 'Twisted pair', none: 'No medium reaches' };

/** Whether two filters keep the same rows (the same fields set to the same values). */
function sameFilter(a: ScheduleFilter, b: ScheduleFilter): boolean {
  return FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** The catalog has no watts for the scale-out switch: network power leaves the switches out and must say so. */
function switchWattsUnknown(v: FabricView): boolean {
  return v.evaluation.switchWattsSource === 'unknown';
}

/** A blocking ratio; at or under 1:1 the uplinks carry every endpoint at full rate, so it reads "none". */
function blockingText(r: number | null): string {
  return r === null ? '—' : r <= 1 ? `none (${formatNumber(r)}:1)` : `${formatNumber(r)}:1`;
}

/** The port speed and count the fabric used (evaluateCluster's port mapping): every output states it. */
function portText(v: FabricView): string {
  const m = v.evaluation.portMapping;
  const per = m.switchPortsPerNicPort > 1 ? ` (each takes ${m.switchPortsPerNicPort} × ${formatNumber(m.switchPortGbps, 0)}G)` : '';
  const breakout = m.portsPerNativePort > 1 ? ` as ${formatNumber(m.portsPerNativePort, 0)} × ${formatNumber(m.switchPortGbps, 0)}G per ${formatNumber(m.nativePortGbps, 0)}G port` : '';
  return `${v.ports.rails} × ${formatNumber(m.nicPortGbps, 0)}G NIC ports per node${per} · switch ports at ${formatNumber(m.switchPortGbps, 0)}G, ${formatNumber(m.logicalPortsPerSwitch, 0)} per switch${breakout}`;
}

/**
 * Fabric & cabling for a cluster of the rack designer's generation: the scale-out fat tree as a tier diagram with
 * counts, the floor layout, media by reach, the cable-length histogram, transceivers and their watts, the other
 * networks, and the port-to-port cable schedule as a CSV download.
 *
 * @summary Fabric & cabling view.
 * @fires rack-edit - `fabric/set`, `rack/select-generation`
 */
@customElement('rack-fabric-view')
export class RackFabricView extends LitElement {
  static override styles = [
    baseStyles,
    segmentedStyles,
    numberTableStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(17rem, 20rem) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .inputs {
        display: grid;
        gap: 0.6rem;
      }
      label.sel {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      select {
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 0;
      }
      .pair {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.6rem;
      }
      .main {
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
      .main > * {
        min-width: 0;
      }
      .figs {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.75rem 1rem;
        margin: 0;
      }
      dt {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      dd small {
        display: block;
        font-weight: 400;
        color: var(--rack-muted);
        font-size: 0.75rem;
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
      }
      .two > * {
        min-width: 0;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
      }
      .card > h2 {
        margin-bottom: 0.6rem;
      }
      .hint,
      .note {
        font-size: 0.75rem;
        color: var(--rack-muted);
        font-weight: 400;
      }
      .row {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
      }
      rack-chart {
        height: 15rem;
      }
      .size-by {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      .why {
        margin: -0.3rem 0 0;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      .why strong {
        color: var(--rack-text);
      }
      label.sel input {
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        min-width: 0;
      }
      label.sel .hint {
        font-weight: 400;
      }
      label.sel .error {
        color: var(--rack-over);
        font-weight: 400;
        font-size: 0.75rem;
      }
      label.sel .error:empty {
        display: none;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: end;
      }
      .filters input {
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        width: 9rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table td small {
        display: block;
        color: var(--rack-muted);
        font-size: 0.6875rem;
      }
      tr.current {
        background: var(--rack-surface-2);
      }
      table.tiers {
        margin-top: 0.75rem;
      }
      table.tiers caption {
        text-align: left;
        caption-side: top;
        padding-bottom: 0.3rem;
      }
      .preview {
        overflow: auto;
        max-height: 22rem;
        margin: 0.4rem 0 0.75rem;
        border: 1px solid var(--rack-border);
        border-radius: 6px;
      }
      .preview table {
        font-size: 0.75rem;
        white-space: nowrap;
      }
      .preview th,
      .preview td {
        text-align: left;
      }
      .preview th {
        position: sticky;
        top: 0;
        background: var(--rack-surface);
        font-family: var(--rack-mono, ui-monospace, monospace);
      }
      .preview td {
        font-family: var(--rack-mono, ui-monospace, monospace);
        padding: 0.1rem 0.5rem;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => [s.design.fabric, s.design.rack, s.prefs, s.catalog] as const);
  readonly #reports = new ReportsController(this, (r) => r.fabric, { only: 'fabric' });
  readonly #hist = memoizeLast((o: FabricOutcome): ChartSpec | null => {
    if (!o.ok || !o.value.summary) return null;
    const h = o.value.summary.lengthHistogram;
    return { labels: h.map((x) => `${formatNumber(x.lengthM)} m`), series: [{ label: 'Cables', data: h.map((x) => x.links), color: 1 }], yTitle: 'cables', integer: true, format: (n) => formatNumber(n, 0) };
  });
  readonly #groups = memoizeLast((c: Catalog) => generationGroups(c));

  @state() private _busy = false;
  /** Appliance ports as being typed (null: show the design's), and why the last text was refused. */
  @state() private _endpointsText: string | null = null;
  @state() private _endpointsError: string | null = null;
  /** What the schedule preview keeps (view state, not part of the design: it changes no figure); it follows {@link query}. */
  @state() private _filter: ScheduleFilter = {};

  /**
   * The route's query: the schedule filter as the URL carries it (a link from the rack elevation opens
   * `/fabric?rack=C1&device=node3`). Filter changes made here go back into the URL, one history step each.
   */
  @property({ attribute: false }) query: RouteQuery | undefined;
  @state() private _preview: SchedulePreview | null = null;
  /** The topology comparison: closed (null), being computed, or the figures for {@link #topologiesOf}. */
  @state() private _topologies: TopologyComparison | 'computing' | null = null;
  #topologiesOf: FabricOutcome | null = null;
  #previewOf: { readonly view: FabricView; readonly filter: ScheduleFilter } | null = null;
  #abort: AbortController | null = null;
  readonly #options = memoizeLast((v: FabricView, network: string | undefined): FilterOptions => filterOptions(v, network));
  /** Estimated bytes of a schedule over {@link largeDownloadBytes}, waiting for the user's choice. */
  @state() private _large: number | null = null;

  /** Above this estimated size the schedule download states its size and offers gzip. */
  @property({ attribute: false }) largeDownloadBytes = LARGE_DOWNLOAD_BYTES;

  /** How the schedule file reaches the user (a download by default; tests replace it). */
  @property({ attribute: false }) download: (d: Download) => void = (d) => {
    void import('../../src/export/browser').then(({ saveBlob }) => saveBlob(d, this.renderRoot));
  };

  #data: FabricData | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && !sameFilter(this.query ?? {}, this._filter)) {
      this._filter = { ...this.query };
      // A filter that arrives by link (or Back) is what the user came for: bring the schedule into view.
      this.#revealSchedule = FILTER_KEYS.some((k) => this._filter[k]);
    }
    const v = this.#store.value;
    if (!v) return;
    const [fabric, rack, prefs, catalog] = v;
    const outcome = this.#reports.value;
    if (!outcome) return;
    this.#data = { outcome, fabric, rack, prefs, catalog, hist: this.#hist(outcome) };
    if (outcome.ok) this.#startPreview(outcome.value);
    if (this._topologies !== null && this.#topologiesOf !== outcome) this.#compareTopologies();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#previewOf = null;
  }

  #figuresRendered = false;
  #revealSchedule = false;

  override updated(): void {
    // The first render with the fabric's figures (the view renders nothing until its reports have arrived).
    if (!this.#figuresRendered && this.#data) {
      this.#figuresRendered = true;
      markRendered('rackplan:fabric');
    }
    if (!this.#revealSchedule) return;
    const section = this.renderRoot.querySelector('[aria-labelledby="sched-h"]');
    if (!section) return;
    this.#revealSchedule = false;
    section.scrollIntoView({ block: 'start' });
  }

  override render() {
    const d = this.#data;
    if (!d) return nothing;
    const o = d.outcome;
    return html`
      <section class="card" aria-labelledby="fab-in-h">
        <h2 id="fab-in-h" class="visually-hidden">Cluster and layout</h2>
        <div class="inputs">${this.#inputs(d)}</div>
      </section>
      <div class="main">
        ${o.ok ? this.#results(o.value, d.prefs, d.hist) : html`<p class="card" role="status">${o.error}</p>`}
      </div>
    `;
  }

  #inputs(d: FabricData) {
    const f = d.fabric;
    const o = d.outcome;
    const sys = d.prefs.units;
    const set = (patch: Partial<FabricDesign>) => emit(this, 'rack-edit', { type: 'fabric/set', patch });
    const num = (e: CustomEvent<{ value: number | undefined }>, key: keyof FabricDesign) => {
      e.stopPropagation();
      set({ [key]: e.detail.value });
    };
    const sel = (label: string, key: keyof FabricDesign, options: readonly [string, string][], current: string | undefined, parse: (v: string) => unknown = (v) => v) =>
      html`<label class="sel"
        >${label}
        <select data-key=${key} @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          set({ [key]: v === '' ? undefined : parse(v) });
        }}>
          ${options.map(([v, l]) => html`<option value=${v} ?selected=${(current ?? '') === v}>${l}</option>`)}
        </select>
      </label>`;
    const view = o.ok ? o.value : null;
    const generation = d.catalog.generations.find((g) => g.id === d.rack.generationId);
    const noun = generation ? acceleratorNoun(generation) : 'accelerators';
    const byUnits = f.accelerators === undefined;
    return html`
      <h3>Cluster</h3>
      <label class="sel"
        >Generation (shared with the Rack designer)
        <select @change=${(e: Event) => emit(this, 'rack-edit', { type: 'rack/select-generation', id: (e.target as HTMLSelectElement).value })}>
          ${this.#groups(d.catalog).map((g) => html`<optgroup label=${g.label}>${g.generations.map((x) => html`<option value=${x.id} ?selected=${x.id === d.rack.generationId}>${x.name}</option>`)}</optgroup>`)}
        </select>
      </label>
      <div class="size-by">
        <span id="size-by-l">Size by</span>
        <fieldset class="seg" role="radiogroup" aria-labelledby="size-by-l">
          <label><input type="radio" name="size-by" value="accelerators" .checked=${!byUnits} @change=${() => this.#sizeBy('accelerators', view)} />${noun === 'GPUs' ? 'GPUs' : 'Accelerators'}</label>
          <label><input type="radio" name="size-by" value="units" .checked=${byUnits} @change=${() => this.#sizeBy('units', view)} />Units</label>
        </fieldset>
      </div>
      ${byUnits
        ? html`<rack-quantity-input field-key="units" label="Units in the cluster" kind="count" integer .value=${f.units} .min=${FF.units.min} .max=${FF.units.max} .system=${sys} .help=${view ? sizeHelp(view) : ''} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => {
            e.stopPropagation();
            set({ units: e.detail.value ?? FF.units.defaultValue, accelerators: undefined });
          }}></rack-quantity-input>`
        : html`<rack-quantity-input field-key="accelerators" label=${`${noun === 'GPUs' ? 'GPUs' : 'Accelerators'} in the cluster`} kind="count" integer .value=${f.accelerators} .min=${FF.accelerators.min} .max=${FF.accelerators.max} .system=${sys} .help=${view ? sizeHelp(view) : ''} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => {
            e.stopPropagation();
            set({ accelerators: e.detail.value ?? FF.accelerators.defaultValue, units: undefined });
          }}></rack-quantity-input>`}
      <h3>Scale-out fabric</h3>
      ${sel('Topology', 'topology', [['', 'Rail-optimized (default)'], ['rail', 'Rail-optimized'], ['tor', 'Top of rack: a leaf in every rack'], ['row', 'Leaf pair per row (end of row)']], f.topology)}
      <label class="sel"
        >Switch
        <select data-key="switchId" @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          // A port speed belongs to one switch's SerDes: another switch starts matched to the NIC again.
          set({ switchId: v === '' ? undefined : v, portGbps: undefined });
        }}>
          ${[['', view ? `${shortName(view.defaultSwitch.name)} (default)` : 'Default'] as const, ...(view?.switches ?? []).map((s) => [s.id, s.name] as const)].map(([v, l]) => html`<option value=${v} ?selected=${(f.switchId ?? '') === v}>${l}</option>`)}
        </select>
      </label>
      ${view ? this.#why(view) : nothing}
      ${this.#portSpeed(f, view)}
      <div class="pair">
        <rack-quantity-input field-key="oversubscription" label=${FF.oversubscription.label} kind="ratio" .value=${f.oversubscription} .defaultValue=${FF.oversubscription.defaultValue} .min=${FF.oversubscription.min} .max=${FF.oversubscription.max} .system=${sys} help=${FF.oversubscription.help} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'oversubscription')}></rack-quantity-input>
        <rack-quantity-input field-key="spineOversubscription" label=${FF.spineOversubscription.label} kind="ratio" .value=${f.spineOversubscription} .defaultValue=${FF.spineOversubscription.defaultValue} .min=${FF.spineOversubscription.min} .max=${FF.spineOversubscription.max} .system=${sys} help=${FF.spineOversubscription.help} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'spineOversubscription')}></rack-quantity-input>
      </div>
      <div class="pair">
        <rack-quantity-input field-key="planes" label="Planes" kind="count" integer .value=${f.planes} .defaultValue=${FF.planes.defaultValue} .min=${FF.planes.min} .max=${FF.planes.max} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'planes')}></rack-quantity-input>
        ${sel('Tiers', 'tiers', [['', 'Auto'], ['2', '2'], ['3', '3']], f.tiers === undefined || f.tiers === 'auto' ? '' : String(f.tiers), (v) => Number(v))}
      </div>
      ${(f.topology ?? 'rail') === 'rail' ? sel('Spine groups', 'spineDesign', [['', 'Full (default)'], ['full', 'Full'], ['rail', 'Per rail']], f.spineDesign) : nothing}
      <label class="sel"
        >Appliance ports on the fabric
        <input
          type="text"
          data-key="extraEndpoints"
          autocomplete="off"
          spellcheck="false"
          placeholder="e.g. ufm=4, storage=16"
          aria-invalid=${this._endpointsError ? 'true' : 'false'}
          aria-describedby="endpoints-hint endpoints-error"
          .value=${this._endpointsText ?? formatEndpointGroups(f.extraEndpoints)}
          @input=${(e: Event) => (this._endpointsText = (e.target as HTMLInputElement).value)}
          @change=${(e: Event) => void this.#setEndpoints((e.target as HTMLInputElement).value)}
        />
        <span class="hint" id="endpoints-hint">UFM, storage or gateway ports on service leaves: a number, or name=ports, …</span>
        <span class="error" id="endpoints-error" role="alert">${this._endpointsError ?? ''}</span>
      </label>
      <h3>Floor layout</h3>
      <div class="pair">
        <rack-quantity-input field-key="racksPerRow" label="Racks per row" kind="count" integer .value=${f.racksPerRow} .defaultValue=${FF.racksPerRow.defaultValue} .min=${FF.racksPerRow.min} .max=${FF.racksPerRow.max} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'racksPerRow')}></rack-quantity-input>
        <rack-quantity-input field-key="rowSpacingM" label="Row pitch" kind="length" .value=${f.rowSpacingM} .defaultValue=${FF.rowSpacingM.defaultValue} .min=${FF.rowSpacingM.min} .max=${FF.rowSpacingM.max} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'rowSpacingM')}></rack-quantity-input>
      </div>
      <div class="pair">
        <rack-quantity-input field-key="trayHeightM" label="Cable tray height" kind="length" .value=${f.trayHeightM} .defaultValue=${FF.trayHeightM.defaultValue} .min=${FF.trayHeightM.min} .max=${FF.trayHeightM.max} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => num(e, 'trayHeightM')}></rack-quantity-input>
        <rack-quantity-input field-key="slackPct" label="Slack" kind="percent" .value=${f.slackPct === undefined ? undefined : f.slackPct / 100} .defaultValue=${FF.slackPct.defaultValue} .min=${FF.slackPct.min} .max=${FF.slackPct.max} .system=${sys} @quantity-change=${(e: CustomEvent<{ value: number | undefined }>) => {
          e.stopPropagation();
          set({ slackPct: e.detail.value === undefined ? undefined : e.detail.value * 100 });
        }}></rack-quantity-input>
      </div>
      ${sel('Leaf switches', 'leafPlacement', [['', 'Network row (default)'], ['in-rack', 'In the rack'], ['eor', 'End of row'], ['mor', 'Middle of row'], ['network-row', 'Network row']], f.leafPlacement)}
      ${sel('Spine switches', 'spinePlacement', [['', 'Network row (default)'], ['eor', 'End of row'], ['mor', 'Middle of row'], ['network-row', 'Network row']], f.spinePlacement)}
    `;
  }

  /**
   * Commit the appliance-port groups typed (or say what is accepted). The field is read by the design schema's rules,
   * loaded when the field is first committed (zod is not part of the view's first paint).
   */
  async #setEndpoints(text: string): Promise<void> {
    const { parseEndpointGroups } = await import('../../src/views/endpoint-groups');
    const r = parseEndpointGroups(text);
    if (!r.ok) {
      this._endpointsError = r.error;
      return;
    }
    this._endpointsError = null;
    this._endpointsText = null;
    emit(this, 'rack-edit', { type: 'fabric/set', patch: { extraEndpoints: r.value } });
  }

  /**
   * Switch between sizing by accelerators and by units, keeping the cluster: the new field starts at what the
   * current design builds (15 units, or their 1,080 accelerators).
   */
  #sizeBy(by: 'accelerators' | 'units', view: FabricView | null): void {
    const f = this.#data?.fabric;
    if (!f || (by === 'units') === (f.accelerators === undefined)) return;
    const patch: Partial<FabricDesign> =
      by === 'units'
        ? { units: view?.size.units ?? FF.units.defaultValue, accelerators: undefined }
        : { accelerators: view && view.size.accelerators > 0 ? view.size.accelerators : FF.accelerators.defaultValue, units: undefined };
    emit(this, 'rack-edit', { type: 'fabric/set', patch });
  }

  /** Per tier: switches, ports down and up, oversubscription, blocking from the endpoints up, bisection (the core's tier detail). */
  #tierTable(v: FabricView) {
    const n0 = (n: number) => formatNumber(n, 0);
    const ratio = (r: number | null) => (r === null ? '—' : `${formatNumber(r)}:1`);
    const name: Record<string, string> = { leaf: 'Leaf', spine: 'Spine', core: 'Core' };
    return html`<div class="scroll"><table class="tiers" data-tiers>
      <caption class="note">Per tier · ${v.evaluation.topology === 'rail' ? 'rail-optimized' : v.evaluation.topology === 'tor' ? 'top of rack' : 'leaf pair per row'} · ${portText(v)}${v.fabric.extraEndpoints ? ` · ${n0(v.fabric.extraEndpoints)} appliance ports on ${n0(v.fabric.serviceLeaves)} service leaf${v.fabric.serviceLeaves === 1 ? '' : 'es'}${v.fabric.planes > 1 ? ' per plane' : ''}` : ''}</caption>
      <thead><tr><th scope="col">Tier</th><th scope="col">Switches</th><th scope="col">Down / up per switch</th><th scope="col">Oversub&shy;scription</th><th scope="col">Blocking up to here</th><th scope="col">Bisection</th></tr></thead>
      <tbody>
        ${v.fabric.tierDetail.map(
          (t) => html`<tr><th scope="row">${name[t.tier] ?? t.tier}</th><td>${n0(t.switches)}</td><td>${n0(t.downlinksPerSwitch)} / ${n0(t.uplinksPerSwitch)} of ${n0(t.radix)}</td><td>${ratio(t.oversubscription)}</td><td>${blockingText(t.blockingRatio)}</td><td>${formatNumber(t.bisectionGbps / 1000)} Tb/s</td></tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  /**
   * The same cluster under each topology (the core's compareTopologies through Reports), computed only when asked:
   * three full evaluations, started after a frame so "Comparing…" paints first.
   */
  #topologySection(v: FabricView) {
    const t = this._topologies;
    const n0 = (n: number) => formatNumber(n, 0);
    const name: Record<string, string> = { rail: 'Rail-optimized', tor: 'Top of rack', row: 'Leaf pair per row' };
    const current = v.evaluation.topology;
    let body: unknown = nothing;
    if (t === 'computing') body = html`<p class="note" role="status">Comparing the three topologies…</p>`;
    else if (t && !t.ok) body = html`<p class="note" role="status">${t.error}</p>`;
    else if (t?.ok) {
      body = html`<div class="scroll"><table data-topologies>
        <thead><tr><th scope="col">Topology</th><th scope="col">Tiers</th><th scope="col">Switches</th><th scope="col">Cables</th><th scope="col">Optics</th><th scope="col">Fiber / copper</th><th scope="col">Network kW</th><th scope="col">Capex</th><th scope="col">Blocking</th><th scope="col"><span class="visually-hidden">Use</span></th></tr></thead>
        <tbody>
          ${t.value.rows.map((r) =>
            r.error
              ? html`<tr data-topology=${r.topology}><th scope="row">${name[r.topology]}</th><td colspan="9" class="note">no design for this cluster: ${r.error.message}</td></tr>`
              : html`<tr data-topology=${r.topology} class=${r.topology === current ? 'current' : ''}>
                  <th scope="row">${name[r.topology]}${r.topology === current ? html` <span class="hint">(shown)</span>` : nothing}</th>
                  <td>${r.tiers}</td>
                  <td>${n0(r.switches.total)}<small>${n0(r.switches.leaf)} leaf · ${n0(r.switches.spine)} spine · ${n0(r.switches.core)} core</small></td>
                  <td>${n0(r.cables)}<small>${n0(r.links)} links</small></td>
                  <td>${n0(r.transceiverModules)}<small>${r.modulesCounted === 'by-reach' ? 'by reach' : 'if all optical'}</small></td>
                  <td>${r.fiberKm === null ? '—' : `${formatNumber(r.fiberKm)} / ${formatNumber(r.copperKm ?? 0)} km`}</td>
                  <td>${r.powerKw && r.evaluation ? `${r.evaluation.switchWattsSource === 'unknown' ? '≥ ' : ''}${formatNumber(r.powerKw.total)}` : '—'}</td>
                  <td>${r.capexUsd === null ? '—' : formatUsd(r.capexUsd)}</td>
                  <td>${blockingText(r.blockingRatio)}</td>
                  <td>${r.topology === current ? nothing : html`<button class="btn" type="button" data-use=${r.topology} @click=${() => emit(this, 'rack-edit', { type: 'fabric/set', patch: { topology: r.topology } })}>Use</button>`}</td>
                </tr>`,
          )}
        </tbody>
      </table></div>
      <p class="note">Capex: switches × ${formatUsd(t.value.prices.switchUsd)} + optics × ${formatUsd(t.value.prices.transceiverUsd)} (the catalog's typical network prices; cables are not priced). “≥” marks network power without the switches' watts (not in the catalog). Each topology places its own leaves; everything else is this design's.</p>`;
    }
    return html`<section class="card" aria-labelledby="topo-h">
      <div class="row">
        <h2 id="topo-h">Topologies compared <span class="hint">the same ${formatNumber(v.ports.accelerators, 0)} ${acceleratorNoun(v.generation)}</span></h2>
        ${t === null
          ? html`<button class="btn" type="button" data-compare-topologies @click=${() => this.#compareTopologies()}>Compare rail, top of rack and row</button>`
          : html`<button class="btn" type="button" @click=${() => {
              this._topologies = null;
              this.#topologiesOf = null;
            }}>Hide</button>`}
      </div>
      ${body}
    </section>`;
  }

  /** Ask Reports for the comparison of the current design after the next frame (it evaluates the cluster three times). */
  #compareTopologies(): void {
    const outcome = this.#data?.outcome ?? null;
    this.#topologiesOf = outcome;
    this._topologies = 'computing';
    afterNextPaint(() => {
      if (this._topologies === null || this.#topologiesOf !== outcome) return;
      this._topologies = this.#reports.reports?.fabricTopologies ?? null;
    });
  }

  /**
   * The switch's port speed: matched to the NIC (default) or a breakout the switch supports (its speeds come from
   * the evaluation's port mapping). A speed kept from another switch stays listed so it can be set back to Auto.
   */
  #portSpeed(f: FabricDesign, view: FabricView | null) {
    const m = view?.evaluation.portMapping;
    const speeds = [...(m?.supportedGbps ?? [])];
    if (f.portGbps !== undefined && !speeds.includes(f.portGbps)) speeds.push(f.portGbps);
    const g = (n: number) => `${formatNumber(n, 0)}G`;
    return html`<label class="sel"
      >Switch port speed
      <select data-key="portGbps" @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        emit(this, 'rack-edit', { type: 'fabric/set', patch: { portGbps: v === '' ? undefined : Number(v) } });
      }}>
        <option value="" ?selected=${f.portGbps === undefined}>Matched to the NIC${m && f.portGbps === undefined ? ` (${g(m.switchPortGbps)})` : ''}</option>
        ${speeds.map((x) => html`<option value=${String(x)} ?selected=${f.portGbps === x}>${g(x)}${!m ? '' : x === m.nativePortGbps ? ' (native)' : x < m.nativePortGbps ? ` (breakout: ${formatNumber(m.nativePortGbps / x, 0)} per ${g(m.nativePortGbps)} port)` : ` (${formatNumber(x / m.nativePortGbps, 0)} ${g(m.nativePortGbps)} ports ganged)`}</option>`)}
      </select>
    </label>`;
  }

  /** Which switch the fabric uses and why (evaluateCluster's choice), with the default's source. */
  #why(v: FabricView) {
    const c = v.switchChoice;
    const def = v.evaluation.switchChoice.reason === 'catalog-default' ? null : v.defaultSwitch;
    return html`<p class="why" data-why>
      <strong>${c.reason === 'catalog-default' ? 'Default' : 'Chosen'}:</strong> ${shortName(c.name)} — ${c.why}${c.sources.length ? html` <rack-source .sources=${c.sources} label=${`why ${shortName(c.name)}`}></rack-source>` : nothing}.
      ${def ? html`The default for ${formatNumber(v.ports.scaleOutGbps, 0)}G NICs is ${shortName(def.name)}.` : html`The same default the Plan, Compare and <code>rackplan cables</code> use.`}
    </p>`;
  }

  #results(v: FabricView, prefs: Prefs, hist: ChartSpec | null) {
    const f = v.fabric;
    const s = v.summary;
    const sys = prefs.units;
    return html`
      <section class="card" aria-labelledby="tier-h">
        <div class="row">
          <h2 id="tier-h">Scale-out fabric <span class="hint">${f.tiers} tier${f.tiers === 1 ? '' : 's'} · ${f.spineDesign} spines · ${f.planes} plane${f.planes === 1 ? '' : 's'} of ${formatNumber(f.linkGbps, 0)}G · ${v.switch.name}</span></h2>
        </div>
        <rack-tier-diagram .fabric=${f} .ports=${v.ports}></rack-tier-diagram>
        <dl class="figs">
          <div><dt>Switches</dt><dd>${formatNumber(f.switches.total, 0)}<small>${f.switches.leaf} leaf · ${f.switches.spine} spine · ${f.switches.core} core</small></dd></div>
          <div><dt>Links / cables</dt><dd>${formatNumber(f.links.total, 0)}<small>${formatNumber(f.cables.total, 0)} cable assemblies</small></dd></div>
          <div><dt>Transceivers</dt><dd>${formatNumber(s?.transceiverModules ?? f.transceiverModules, 0)}<small>${s ? `${formatNumber(s.spares.transceiverModules, 0)} spares` : 'all-optical estimate'}</small></dd></div>
          <div><dt>Network power</dt><dd>${switchWattsUnknown(v) ? '≥ ' : ''}${formatNumber(v.powerKw.total)} kW<small>switches ${switchWattsUnknown(v) ? 'not counted (no watts in the catalog)' : formatNumber(v.powerKw.switches)} · optics ${formatNumber(v.powerKw.transceivers)} · active cables ${formatNumber(v.powerKw.activeCables)}</small></dd></div>
          <div><dt>Bisection</dt><dd>${formatNumber(f.bisectionGbps / 1000)} Tb/s<small>leaf ${formatNumber(f.oversubscription)}:1${f.tiers >= 3 ? ` · spine ${formatNumber(f.spineOversubscription)}:1` : ''}</small></dd></div>
          <div><dt>Network racks</dt><dd>${formatNumber(v.plan?.networkRacks ?? 0, 0)}<small>${v.plan ? `${v.plan.switchesPerNetworkRack} switches each · ${v.plan.rows} rows` : ''}</small></dd></div>
          <div><dt>Room before another tier</dt><dd>${formatNumber(f.maxEndpoints, 0)} endpoints<small>now ${formatNumber(f.endpoints, 0)} (${formatNumber((100 * f.endpoints) / Math.max(1, f.maxEndpoints), 0)} % used)</small></dd></div>
        </dl>
        ${this.#tierTable(v)}
      </section>
      ${this.#topologySection(v)}
      ${s
        ? html`<div class="two">
            <section class="card" aria-labelledby="media-h">
              <h2 id="media-h">Media mix <span class="hint">by reach at ${v.switch.laneGbps}G lanes</span></h2>
              <table>
                <thead><tr><th scope="col">Medium</th><th scope="col">Part</th><th scope="col">Cables</th><th scope="col">Spares</th><th scope="col">Length</th></tr></thead>
                <tbody>
                  ${s.byMedia.map((m) => html`<tr><td>${MEDIA_NAME[m.kind] ?? m.kind}</td><td>${m.partNumber}</td><td>${formatNumber(m.links, 0)}</td><td>${formatNumber(m.spares, 0)}</td><td>${formatValue(m.lengthM, 'length', sys)}</td></tr>`)}
                </tbody>
              </table>
              <p class="note">Fiber ${formatNumber(s.fiberKm)} km · copper ${formatNumber(s.copperKm)} km · cable mass ${formatValue(s.cableMassKg, 'mass', sys)}</p>
            </section>
            <section class="card" aria-labelledby="hist-h">
              <h2 id="hist-h">Cable lengths <span class="hint">ordered lengths, slack included</span></h2>
              ${hist ? html`<rack-chart .spec=${hist} .theme=${prefs.theme} label="Number of cables by ordered length"></rack-chart>` : nothing}
            </section>
          </div>
          <div class="two">
            <section class="card" aria-labelledby="tx-h">
              <h2 id="tx-h">Transceivers</h2>
              <table>
                <thead><tr><th scope="col">Module</th><th scope="col">Part</th><th scope="col">Modules</th><th scope="col">Spares</th><th scope="col">W each</th><th scope="col">kW</th></tr></thead>
                <tbody>
                  ${s.transceivers.map((t) => html`<tr><td>${t.id}</td><td>${t.partNumber}</td><td>${formatNumber(t.modules, 0)}</td><td>${formatNumber(t.spares, 0)}</td><td>${t.wattsEach === null ? 'unknown' : formatNumber(t.wattsEach)}</td><td>${formatNumber(t.powerW / 1000)}</td></tr>`)}
                </tbody>
              </table>
            </section>
            ${this.#others(v)}
          </div>`
        : this.#others(v)}
      <section class="card" aria-labelledby="sched-h">
        <h2 id="sched-h">Cable schedule</h2>
        ${v.plan ? this.#preview(v) : nothing}
        <div class="row">
          <button class="btn primary" type="button" data-schedule="csv" ?disabled=${!v.plan || this._busy} @click=${() => void this.#download(v, 'ask')}>Download cable schedule (CSV)</button>
          <span class="note">${v.plan ? `${formatNumber(this.#options(v, undefined).total, 0)} rows over every network, port to port: cable id, tier, both ends (rack, device, port), medium, cable part, ordered length, label, transceivers at each end, network.` : 'No fabric: nothing to schedule.'}</span>
        </div>
        ${this._large !== null && v.plan
          ? html`<div class="row" role="group" aria-label="Large download" part="large-download">
              <p class="note">The schedule is about <strong>${formatBytes(this._large)}</strong>. gzip-compressed it is a small fraction of that (decompress with gunzip, 7-Zip or your system's archive tool).</p>
              <button class="btn primary" type="button" data-large="compressed" ?disabled=${this._busy} @click=${() => void this.#download(v, 'gzip')}>Download compressed (.csv.gz)</button>
              <button class="btn" type="button" data-large="full" ?disabled=${this._busy} @click=${() => void this.#download(v, 'full')}>Download full size (${formatBytes(this._large)})</button>
              <button class="btn" type="button" data-large="cancel" @click=${() => (this._large = null)}>Cancel</button>
            </div>`
          : nothing}
      </section>
      <section class="card" aria-labelledby="fab-issues-h">
        <h2 id="fab-issues-h">Issues</h2>
        <rack-issue-list .issues=${v.issues}></rack-issue-list>
      </section>
    `;
  }

  /** The schedule preview: filters with their counts, then the first rows the filter keeps, cell for cell as in the CSV. */
  #preview(v: FabricView) {
    const flt = this._filter;
    const opts = this.#options(v, flt.network);
    const all = this.#options(v, undefined);
    const p = this._preview;
    const n0 = (n: number) => formatNumber(n, 0);
    const count = (o: FilterOption) => (o.rows === null ? o.label : `${o.label} (${n0(o.rows)})`);
    const choose = (key: 'tier' | 'media' | 'network', label: string, allLabel: string, total: number, options: readonly FilterOption[]) =>
      html`<label class="sel"
        >${label}
        <select data-filter=${key} aria-label=${`Schedule ${label.toLowerCase()}`} @change=${(e: Event) => this.#setFilter({ [key]: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!flt[key]}>${allLabel} (${n0(total)})</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${flt[key] === o.value}>${count(o)}</option>`)}
        </select>
      </label>`;
    const matched = p?.matched ?? null;
    const what = matched === null
      ? `counting… ${p ? `${n0(p.scanned)} of ${n0(opts.total)} rows read` : ''}`
      : matched === 0
        ? 'no rows match'
        : `${n0(matched)} row${matched === 1 ? '' : 's'} match${matched === 1 ? 'es' : ''}${p && p.rows.length < matched ? `; the first ${n0(p.rows.length)} shown` : ''}`;
    return html`
      <div class="filters" role="group" aria-label="Filter the schedule">
        ${all.network.length > 1 ? choose('network', 'Network', 'All networks', all.total, all.network) : nothing}
        ${choose('tier', 'Tier', 'All tiers', opts.total, opts.tier)}
        ${opts.media.length ? choose('media', 'Medium', 'All media', opts.total, opts.media) : nothing}
        <label class="sel"
          >Rack
          <input type="text" data-filter="rack" aria-label="Schedule rack" placeholder="e.g. C3 or NR1" autocomplete="off" spellcheck="false" .value=${flt.rack ?? ''} @change=${(e: Event) => this.#setFilter({ rack: (e.target as HTMLInputElement).value.trim() || undefined })} />
        </label>
        <label class="sel"
          >Device
          <input type="text" data-filter="device" aria-label="Schedule device" placeholder="e.g. node3 or leaf-1" autocomplete="off" spellcheck="false" .value=${flt.device ?? ''} @change=${(e: Event) => this.#setFilter({ device: (e.target as HTMLInputElement).value.trim() || undefined })} />
        </label>
        ${FILTER_KEYS.some((k) => flt[k]) ? html`<button class="btn" type="button" data-filter-clear @click=${() => this.#setFilter(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>Clear filters</button>` : nothing}
      </div>
      <p class="note" role="status" data-preview-count>${what}</p>
      <div class="preview" tabindex="0" role="region" aria-label="Cable schedule preview">
        <table data-preview>
          <thead><tr>${SCHEDULE_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>
            ${(p?.rows ?? []).map((r) => html`<tr>${scheduleCells(r).map((c) => html`<td>${c}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }

  /** Change the filter and put it in the URL (a history step: Back undoes it; the link can be shared). */
  #setFilter(patch: Partial<ScheduleFilter>): void {
    const next: Record<string, string> = { ...this._filter };
    for (const [k, val] of Object.entries(patch)) {
      if (val === undefined) delete next[k];
      else next[k] = val;
    }
    if (sameFilter(next, this._filter)) return;
    this._filter = next;
    emit(this, 'rack-navigate', Object.keys(next).length ? { view: 'fabric', query: next } : { view: 'fabric' });
  }

  /**
   * The filter without choices the fabric no longer offers (a spine – core tier after going to two tiers, a storage
   * network the generation lacks): their selects could not show them, so they would filter invisibly.
   */
  #validFilter(v: FabricView, f: ScheduleFilter): ScheduleFilter {
    const all = this.#options(v, undefined);
    const network = f.network && all.network.some((o) => o.value === f.network) ? f.network : undefined;
    const opts = this.#options(v, network);
    const tier = f.tier && opts.tier.some((o) => o.value === f.tier) ? f.tier : undefined;
    const media = f.media && opts.media.some((o) => o.value === f.media) ? f.media : undefined;
    if (network === f.network && tier === f.tier && media === f.media) return f;
    const next: Record<string, string> = {};
    for (const [k, val] of Object.entries({ network, tier, media, rack: f.rack, device: f.device })) if (val) next[k] = val;
    return next;
  }

  /**
   * (Re)start the preview walk when the fabric or the filter changed: the first rows come at once; a count the
   * core does not tally is walked in time slices (see src/views/fabric-schedule.ts), and a newer walk aborts it.
   */
  #startPreview(v: FabricView): void {
    const net = this.#reports.reports?.network;
    if (!net || !v.plan) return;
    if (this.#previewOf?.view === v && this.#previewOf.filter === this._filter) return;
    const filter = this.#validFilter(v, this._filter);
    if (filter !== this._filter) this._filter = filter;
    this.#previewOf = { view: v, filter };
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._preview = null;
    const apply = (p: SchedulePreview | null) => {
      if (p && !abort.signal.aborted) this._preview = p;
    };
    // A network filter reads only that network's rows (the same rows the full schedule has for it).
    const rows = filter.network ? networkRows(v, net, filter.network as NetworkName) : scheduleRows(v, net);
    void previewSchedule(rows, filter, { knownMatched: knownCount(this.#options(v, filter.network), filter), signal: abort.signal, onProgress: apply }).then(apply);
  }

  #others(v: FabricView) {
    const row = (name: string, r: FabricResult | null, sw: string) =>
      r ? html`<tr><td>${name}</td><td>${formatNumber(r.switches.total, 0)}</td><td>${formatNumber(r.cables.total, 0)}</td><td>${r.tiers}</td><td>${sw}</td></tr>` : html`<tr><td>${name}</td><td colspan="4" class="note">no ports in the catalog</td></tr>`;
    return html`<section class="card" aria-labelledby="other-h">
      <h2 id="other-h">Other networks</h2>
      <table>
        <thead><tr><th scope="col">Network</th><th scope="col">Switches</th><th scope="col">Cables</th><th scope="col">Tiers</th><th scope="col">Switch</th></tr></thead>
        <tbody>
          ${row('Front-end', v.frontEnd, v.ethernet.name)} ${row('Storage', v.storage, v.ethernet.name)}
          <tr><td>Out of band</td><td>${formatNumber(v.oob.accessSwitches + v.oob.aggregationSwitches, 0)}</td><td>${formatNumber(v.oob.links, 0)}</td><td>${v.oob.aggregationSwitches ? 2 : 1}</td><td>${v.oobSwitch.name}</td></tr>
        </tbody>
      </table>
      <p class="note">${formatNumber(v.oob.ports, 0)} management ports (BMCs, power shelves, switch management).</p>
    </section>`;
  }

  /**
   * The schedule as a CSV download. `ask` estimates its size first (the first rows of the same writer, scaled by
   * the fabric's link count) and, over {@link largeDownloadBytes}, waits for `full` or `gzip`.
   */
  async #download(v: FabricView, mode: 'ask' | 'full' | 'gzip'): Promise<void> {
    const net = this.#reports.reports?.network;
    if (!v.plan || !net || this._busy) return;
    const name = `rackplan-cables-${v.generation.id}-${v.ports.racks}racks.csv`;
    if (mode === 'ask') {
      // Every network and every fabric of a split cluster is in the schedule, not only the first.
      const links = this.#options(v, undefined).total;
      const bytes = estimateLinesBytes(scheduleCsv(v, net), links + 1);
      if (bytes > this.largeDownloadBytes) {
        this._large = bytes;
        return;
      }
    }
    this._large = null;
    this._busy = true;
    try {
      if (mode === 'gzip') {
        const { gzipBlob } = await import('../../src/export/browser');
        this.download({ filename: `${name}.gz`, blob: await gzipBlob(scheduleCsv(v, net)) });
        return;
      }
      // Build the file in batches, yielding to the page between them so it stays responsive.
      const parts: string[] = [];
      let i = 0;
      for (const chunk of scheduleCsv(v, net)) {
        parts.push(chunk);
        if (++i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
      }
      this.download({ filename: name, blob: new Blob(parts, { type: 'text/csv' }) });
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-fabric-view': RackFabricView;
  }
}

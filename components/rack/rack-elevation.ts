import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { CableRef, ElevationLayout, ElevationSlot, RearRail, RearSlot, SlotKind } from '../../src/core/rack/elevation';
import { formatNumber, formatValue } from '../../src/views/format';
import { routePath, type Route } from '../../src/state/router';
import type { UnitSystem } from '../../src/state/types';
import { emit } from '../shared/events';
import { CONFIDENCE_TEXT, baseStyles, segmentedStyles } from '../shared/styles';
import { shortName } from '../../src/views/names';
import { afterNextPaint } from '../../src/views/marks';

const U_PX = 14;
const GUTTER = 20;
const RACK_W = 168;
const MANIFOLD_W = 10;
/** Width of one rear rail (busbar, manifold, cable spine) and the gap before it. */
const RAIL_W = 7;
const RAIL_GAP = 2;
const PAD_TOP = 16;
/** Line pitch of the rear face's text in tall slots. */
const REAR_LINE_PX = 11;

export type ElevationFace = 'front' | 'rear';

/** The face last chosen, for this browser session (a view preference, not part of the design). */
const FACE_KEY = 'rackplan:elevation-face';

function storedFace(): ElevationFace {
  try {
    return globalThis.sessionStorage?.getItem(FACE_KEY) === 'rear' ? 'rear' : 'front';
  } catch {
    return 'front';
  }
}

function storeFace(face: ElevationFace): void {
  try {
    globalThis.sessionStorage?.setItem(FACE_KEY, face);
  } catch {
    // Storage refused (private mode, quota): the choice lasts as long as the page.
  }
}

const RAIL_CLASS: Record<RearRail['kind'], string> = { busbar: 'rail-busbar', manifold: 'manifold', 'scale-up-spine': 'rail-spine' };

/**
 * A rack's U lines and U numbers as SVG markup: one path for the lines and a text per number. Built as one string
 * because a template part per line and number (two elements per U, ~100 for a 48U rack) made the elevation the
 * costliest part of the designer's first render. Only numbers go into it (no catalog text), so it is safe as markup.
 */
function uGrid(x0: number, yTop: number, heightU: number): string {
  let lines = '';
  let numbers = '';
  for (let i = 0; i < heightU; i++) {
    const y = yTop + (i + 1) * U_PX;
    lines += `M${x0} ${y}H${x0 + RACK_W}`;
    numbers += `<text class="u-num" x="${x0 - 3}" y="${y - 3}">${heightU - i}</text>`;
  }
  return `<path class="u-line" d="${lines}"></path>${numbers}`;
}

/** The Fabric view's route for an item's cables. */
function cablesRoute(c: CableRef): Route {
  if (c.device) return { view: 'fabric', query: { rack: c.rack, device: c.device } };
  return { view: 'fabric', query: c.network ? { network: c.network, rack: c.rack } : { rack: c.rack } };
}

const KIND_LABEL: Record<SlotKind, string> = {
  compute: 'Compute',
  'scale-up-switch': 'Scale-up switch',
  network: 'Network',
  management: 'Management',
  host: 'Host',
  storage: 'Storage',
  power: 'Power shelf',
  cooling: 'Cooling (CDU)',
  other: 'Other',
};

interface DrawnSlot {
  readonly slot: ElevationSlot;
  readonly rack: number;
  readonly x: number;
  readonly y: number;
  readonly h: number;
  readonly short: string;
  /** The item's maximum power, drawn at the right end of its slot. */
  readonly wattsShort: string;
  readonly aria: string;
  /** The item's rear connections (derived), and their description for assistive technology. */
  readonly rear: RearSlot | null;
  readonly rearAria: string;
}

/**
 * The rack elevation as an SVG drawing, front or rear face. Front: every item at its U position, coloured by kind,
 * with the liquid manifold along the rear and each item's maximum power at its right end. Rear: a schematic of each
 * item's rear connections derived from component counts (`layoutRearFace`; no rear layouts are published), with the
 * busbar, the manifold and an NVLink cable spine as rails. The drawing scales with its column (labels stay readable at
 * any rack height). Hover or keyboard focus on an item shows its details in a fixed-size panel below the drawing, so
 * the drawing never moves under the pointer; arrow keys move between items (one tab stop for the whole drawing).
 * An item with cables in the schedule links to them in the Fabric view.
 *
 * @summary Rack elevation (SVG).
 * @fires rack-navigate - the Fabric view filtered to an item's cables
 * @fires rack-edit - `fabric/set`: the Fabric view's cluster sized to the designer's units, before opening it
 * @csspart drawing - the SVG
 * @csspart details - the panel describing the focused or hovered item
 */
@customElement('rack-elevation')
export class RackElevation extends LitElement {
  static override styles = [
    baseStyles,
    segmentedStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .scroll {
        overflow-x: auto;
      }
      svg {
        display: block;
        /* Scales with its column (the viewBox keeps proportions), so labels grow with the drawing at any rack height. */
        width: 100%;
        min-width: 12rem;
        height: auto;
      }
      .frame {
        fill: var(--rack-rack-bg);
        stroke: var(--rack-border-strong);
      }
      .u-num {
        fill: var(--rack-muted);
        font-size: 8px;
        text-anchor: end;
        font-variant-numeric: tabular-nums;
      }
      .u-line {
        fill: none;
        stroke: var(--rack-rack-line);
        stroke-width: 0.5;
      }
      .rack-title {
        fill: var(--rack-muted);
        font-size: 9px;
        font-weight: 600;
      }
      .slot rect {
        stroke: var(--rack-slot-stroke);
        stroke-width: 0.75;
        cursor: pointer;
      }
      .slot text {
        font-size: 9px;
        fill: var(--rack-slot-text);
        pointer-events: none;
      }
      .slot text.watts {
        text-anchor: end;
        font-variant-numeric: tabular-nums;
      }
      .slot.est rect {
        stroke-dasharray: 3 2;
        stroke: var(--rack-estimate);
        stroke-width: 1;
      }
      .slot.overflow rect {
        stroke: var(--rack-over);
        stroke-width: 1.5;
      }
      .slot:focus {
        outline: none;
      }
      .slot.active rect {
        stroke: var(--rack-focus);
        stroke-width: 2;
      }
      .k-compute {
        fill: var(--rack-k-compute);
      }
      .k-scale-up-switch {
        fill: var(--rack-k-switch);
      }
      .k-network,
      .k-management {
        fill: var(--rack-k-network);
      }
      .k-power {
        fill: var(--rack-k-power);
      }
      .k-cooling {
        fill: var(--rack-k-cooling);
      }
      .k-host,
      .k-storage,
      .k-other {
        fill: var(--rack-k-other);
      }
      .manifold {
        fill: var(--rack-k-cooling);
        opacity: 0.55;
      }
      .manifold-label {
        font-size: 7px;
        fill: var(--rack-slot-text);
      }
      .rail-busbar {
        fill: var(--rack-k-power);
      }
      .rail-spine {
        fill: var(--rack-k-switch);
      }
      .rail {
        opacity: 0.7;
      }
      .clip {
        fill: var(--rack-slot-stroke);
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
        font-size: 0.8125rem;
      }
      /* Both faces' captions share one grid cell (the other one hidden), so the box is as tall as the longer one and
         switching faces never moves the drawing. */
      .captions {
        display: grid;
      }
      .caption {
        grid-area: 1 / 1;
        margin: 0;
        font-size: 0.75rem;
        line-height: 1.25;
        color: var(--rack-muted);
      }
      .caption.off {
        visibility: hidden;
      }
      .details ul {
        margin: 0.15rem 0;
        padding-left: 1rem;
      }
      .details li {
        margin: 0;
      }
      .cables {
        font-weight: 600;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        font-size: 0.75rem;
        color: var(--rack-muted);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .legend i {
        display: inline-block;
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 2px;
        vertical-align: -0.1em;
        margin-right: 0.25rem;
      }
      /* A fixed box below the drawing: what it shows never changes its size, so hover or focus never moves the drawing
         (or anything else on the page). Long source lists scroll inside it. */
      .details {
        font-size: 0.8125rem;
        height: 12.5rem;
        overflow: auto;
        overscroll-behavior: contain;
        border-top: 1px solid var(--rack-border);
        padding-top: 0.5rem;
        contain: strict;
      }
      .details p {
        margin: 0.15rem 0;
      }
      .details .muted,
      .notes {
        color: var(--rack-muted);
        font-size: 0.75rem;
      }
      .notes {
        margin: 0;
        padding-left: 1rem;
      }
      .badge {
        display: inline-block;
        border-radius: 3px;
        padding: 0 0.3em;
        font-size: 0.6875rem;
        font-weight: 600;
        border: 1px solid var(--rack-border-strong);
      }
      .badge.estimate,
      .badge.missing {
        border-style: dashed;
        border-color: var(--rack-estimate);
        color: var(--rack-estimate);
      }
    `,
  ];

  /** The layout from `layoutElevation`. */
  @property({ attribute: false }) layout: ElevationLayout | undefined;

  @property() system: UnitSystem = 'si';

  /** Accessible name of the drawing. */
  @property() label = 'Rack elevation';

  /** Key of the item shown in the details panel (hovered or focused). */
  @state() private _active: string | null = null;

  /** Key of the item that holds the tab stop. */
  @state() private _tabStop: string | null = null;

  /** The face drawn; kept for the browser session. */
  @state() private _face: ElevationFace = storedFace();

  /**
   * Leave the drawing's items (slots, U lines and numbers) out of the first render and draw them once that render
   * has been painted: the rack designer's first paint then shows its budgets without waiting for ~300 SVG elements.
   * The drawing keeps its size (the frame and the details panel are there), so nothing moves when they appear;
   * `updateComplete` resolves only once they are drawn.
   */
  @property({ type: Boolean, attribute: false }) deferDrawing = false;

  /** Whether the items are drawn: at once, or after the first paint when {@link deferDrawing} is set. */
  #itemsShown = false;
  #itemsDrawn: Promise<void> | undefined;

  #drawn: DrawnSlot[] = [];
  #width = 0;
  #height = 0;
  #kinds: SlotKind[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') || changed.has('system')) {
      const l = this.layout;
      this.#drawn = [];
      if (!l) return;
      const rackW = this.#rackW(l);
      const maxU = Math.max(...l.racks.map((r) => Math.max(r.heightU, ...r.slots.map((s) => s.u + s.heightU - 1))));
      this.#width = l.racks.length * (GUTTER + rackW + 8);
      this.#height = PAD_TOP + maxU * U_PX + 4;
      const kinds = new Set<SlotKind>();
      for (const r of l.racks) {
        const x0 = r.index * (GUTTER + rackW + 8) + GUTTER;
        const rearSlots = new Map((l.rear.racks[r.index]?.slots ?? []).map((x) => [x.key, x]));
        for (const s of r.slots) {
          const rear = rearSlots.get(s.key) ?? null;
          kinds.add(s.kind);
          const top = s.u + s.heightU - 1;
          const y = PAD_TOP + (maxU - top) * U_PX;
          const uText = s.heightU > 1 ? `U${s.u}–U${top}` : `U${s.u}`;
          const watts = s.watts === null ? 'power not published' : `${formatValue(s.watts, 'power', this.system)} max`;
          const wattsShort = s.watts === null ? '—' : formatValue(s.watts, 'power', this.system);
          const conf = CONFIDENCE_TEXT[s.confidence]?.label ?? s.confidence;
          this.#drawn.push({
            slot: s,
            rack: r.index,
            x: x0,
            y,
            h: s.heightU * U_PX,
            short: shortName(s.label),
            wattsShort,
            aria: `${l.racks.length > 1 ? `Rack ${r.index + 1}, ` : ''}${uText}: ${s.label}, ${watts}, ${conf}${s.overflow ? ', does not fit in the rack' : ''}`,
            rear,
            rearAria: `${l.racks.length > 1 ? `Rack ${r.index + 1}, ` : ''}${uText}: ${s.label}, rear (derived): ${rear?.connectors.length ? rear.connectors.map((c) => c.text).join('; ') : 'no rear connections in the catalog'}`,
          });
        }
      }
      this.#kinds = [...kinds];
      if (!this.#drawn.some((d) => d.slot.key === this._tabStop && d.rack === 0)) this._tabStop = this.#drawn[0] ? this.#keyOf(this.#drawn[0]) : null;
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#itemsDrawn) return done;
    await this.#itemsDrawn;
    return super.getUpdateComplete();
  }

  /** Show the items now, or (deferDrawing) in a task after the next frame's paint, as src/views/marks.ts times it. */
  #showItems(): void {
    if (this.#itemsShown || this.#itemsDrawn) return;
    if (!this.deferDrawing || typeof requestAnimationFrame !== 'function') {
      this.#itemsShown = true;
      return;
    }
    this.#itemsDrawn = new Promise<void>((resolve) => {
      let shown = false;
      const show = () => {
        if (shown) return;
        shown = true;
        this.#itemsShown = true;
        this.requestUpdate();
        resolve();
      };
      afterNextPaint(show);
      // A page in the background gets no frames: the items are drawn anyway.
      setTimeout(show, 1000);
    });
  }

  /** A rack's drawn width: the frame plus the front manifold or the rear rails, whichever is wider (the same on both faces, so switching never resizes the drawing). */
  #rackW(l: ElevationLayout): number {
    const front = l.manifold ? MANIFOLD_W + 2 : 0;
    const rear = l.rear.rails.length * (RAIL_W + RAIL_GAP);
    return RACK_W + Math.max(front, rear);
  }

  #setFace(face: ElevationFace): void {
    this._face = face;
    storeFace(face);
  }

  override render() {
    const l = this.layout;
    if (!l) return nothing;
    this.#showItems();
    const items = this.#itemsShown;
    const rackW = this.#rackW(l);
    const rear = this._face === 'rear';
    const maxU = Math.round((this.#height - PAD_TOP - 4) / U_PX);
    const active = this.#drawn.find((d) => this.#keyOf(d) === this._active) ?? null;
    return html`
      <div class="wrap">
        <div class="toolbar">
          <fieldset class="seg" role="radiogroup" aria-label="Face of the rack">
            <label><input type="radio" name="face" value="front" .checked=${!rear} @change=${() => this.#setFace('front')} />Front</label>
            <label><input type="radio" name="face" value="rear" .checked=${rear} @change=${() => this.#setFace('rear')} />Rear</label>
          </fieldset>
          ${rear ? html`<span class="badge estimate" title="Derived from the catalog's component counts, not a published drawing">derived</span>` : nothing}
        </div>
        <div class="captions">
          <p class=${`caption${rear ? ' off' : ''}`} aria-hidden=${rear ? 'true' : 'false'} data-front-caption>${l.caption}</p>
          <p class=${`caption${rear ? '' : ' off'}`} aria-hidden=${rear ? 'false' : 'true'} data-rear-caption>${l.rear.caption}</p>
        </div>
        <div class="scroll">
          <svg
            part="drawing"
            width=${this.#width}
            height=${this.#height}
            viewBox=${`0 0 ${this.#width} ${this.#height}`}
            style=${`min-width: ${Math.max(12, l.racks.length * 12)}rem`}
            role="list"
            aria-label=${rear ? `${this.label}, rear (schematic)` : this.label}
            @keydown=${this.#onKey}
            @pointerleave=${() => (this._active = this.#focusedKey())}
          >
            ${l.racks.map((r) => {
              const x0 = r.index * (GUTTER + rackW + 8) + GUTTER;
              const yTop = PAD_TOP + (maxU - r.heightU) * U_PX;
              return svg`
                ${l.racks.length > 1 ? svg`<text class="rack-title" x=${x0} y=${yTop - 5}>Rack ${r.index + 1}</text>` : nothing}
                <rect class="frame" x=${x0} y=${yTop} width=${rackW} height=${r.heightU * U_PX}></rect>
                ${items ? unsafeSVG(uGrid(x0, yTop, r.heightU)) : nothing}
                ${!rear && l.manifold
                  ? svg`<rect class="manifold" x=${x0 + RACK_W + 2} y=${yTop + 2} width=${MANIFOLD_W - 2} height=${r.heightU * U_PX - 4} rx="2"><title>Liquid manifold (supply and return)</title></rect>
                      <text class="manifold-label" transform=${`translate(${x0 + RACK_W + 8.5} ${yTop + 60}) rotate(90)`}>manifold</text>`
                  : nothing}
                ${rear
                  ? l.rear.rails.map((rail, i) => {
                      const x = x0 + RACK_W + RAIL_GAP + i * (RAIL_W + RAIL_GAP);
                      return svg`<rect class=${`rail ${RAIL_CLASS[rail.kind]}`} data-rail=${rail.kind} x=${x} y=${yTop + 2} width=${RAIL_W} height=${r.heightU * U_PX - 4} rx="2"><title>${rail.text} (derived)</title></rect>
                        <text class="manifold-label" transform=${`translate(${x + RAIL_W / 2 - 2.5} ${yTop + 6}) rotate(90)`}>${rail.label}</text>`;
                    })
                  : nothing}
              `;
            })}
            ${items ? this.#drawn.map((d) => this.#slot(d)) : nothing}
          </svg>
        </div>
        <div class="details" part="details" aria-live="polite">
          ${active
            ? rear
              ? this.#rearDetails(active)
              : this.#details(active)
            : html`<p class="muted">Point at an item, or focus the drawing and use the arrow keys: its ${rear ? 'rear connections and cables' : 'power, sources, confidence and cables'} show here. Click an item to keep it here.</p>`}
        </div>

        <ul class="legend" aria-label="Legend">
          ${this.#kinds.map((k) => html`<li><i class=${`k-${k}`} style=${`background: var(--rack-k-${k === 'scale-up-switch' ? 'switch' : k === 'management' ? 'network' : ['host', 'storage', 'other'].includes(k) ? 'other' : k})`}></i>${KIND_LABEL[k]}</li>`)}
          ${!rear && l.manifold ? html`<li><i style="background: var(--rack-k-cooling); opacity: .55"></i>Liquid manifold</li>` : nothing}
          ${rear
            ? l.rear.rails.map((rail) => html`<li><i style=${`background: var(--rack-k-${rail.kind === 'busbar' ? 'power' : rail.kind === 'manifold' ? 'cooling' : 'switch'}); opacity: .7`}></i>${rail.kind === 'busbar' ? 'DC busbar' : rail.kind === 'manifold' ? 'Liquid manifold' : rail.label}</li>`)
            : html`<li><i style="border: 1px dashed var(--rack-estimate)"></i>Estimated power</li>`}
        </ul>
        ${rear ? this.#rearNotes(l) : l.notes.length ? html`<ul class="notes">${l.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      </div>
    `;
  }

  #keyOf(d: DrawnSlot): string {
    return `${d.rack}:${d.slot.key}`;
  }

  #slot(d: DrawnSlot) {
    const key = this.#keyOf(d);
    const s = d.slot;
    const est = s.confidence === 'estimate' || s.confidence === 'missing';
    const rear = this._face === 'rear';
    return svg`<g
        class=${`slot${est && !rear ? ' est' : ''}${s.overflow ? ' overflow' : ''}${key === this._active ? ' active' : ''}`}
        role="listitem"
        tabindex=${key === this._tabStop ? 0 : -1}
        aria-label=${rear ? d.rearAria : d.aria}
        data-key=${key}
        @focus=${() => {
          this._active = key;
          this._tabStop = key;
        }}
        @pointerenter=${() => (this._active = key)}
        @click=${(e: Event) => (e.currentTarget as SVGGElement).focus()}
      >
        <rect class=${`k-${s.kind}`} x=${d.x + 1} y=${d.y + 0.5} width=${RACK_W - 2} height=${d.h - 1} rx="1.5"></rect>
        ${rear ? this.#rearText(d) : svg`<text x=${d.x + 5} y=${d.y + d.h / 2 + 3.2}>${d.short.length > 20 ? `${d.short.slice(0, 19)}…` : d.short}${s.heightU > 1 ? ` · ${s.heightU}U` : ''}</text>
        <text class="watts" x=${d.x + RACK_W - 5} y=${d.y + d.h / 2 + 3.2}>${d.wattsShort}</text>`}
      </g>`;
  }

  /** Rear: the connections in a few words; a taller slot names the item and gives each connection a line. A clip mark where it takes the busbar. */
  #rearText(d: DrawnSlot) {
    const clip = d.rear?.connectors.some((c) => c.kind === 'busbar-clip');
    const fit = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);
    const lines = Math.floor((d.h - 3) / REAR_LINE_PX);
    const text = lines >= 2 ? [d.short, ...(d.rear?.summaryParts ?? [])] : [d.rear?.summary || 'no rear connections listed'];
    const shown = text.slice(0, Math.max(1, lines));
    const y0 = d.y + d.h / 2 - ((shown.length - 1) * REAR_LINE_PX) / 2 + 3.2;
    return svg`${shown.map((t, i) => svg`<text data-rear-summary=${i === 0 && lines < 2 ? '' : nothing} x=${d.x + 5} y=${y0 + i * REAR_LINE_PX}>${fit(t, 34)}</text>`)}
      ${clip ? svg`<rect class="clip" x=${d.x + RACK_W - 1} y=${d.y + d.h / 2 - 1.5} width=${RAIL_GAP + 2} height="3"></rect>` : nothing}`;
  }

  /** The link to an item's cables in the Fabric view (sized to the designer's units), or nothing when it has none. */
  #cablesLink(c: CableRef | null | undefined) {
    const l = this.layout;
    if (!c || !l) return nothing;
    const route = cablesRoute(c);
    const units = l.units;
    const open = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      // The Fabric view sizes the designer's cluster, so its rack C1 is the rack drawn here.
      emit(this, 'rack-edit', { type: 'fabric/set', patch: { units, accelerators: undefined } });
      emit(this, 'rack-navigate', route);
    };
    const title = `${c.note} Opens the Fabric view's cable schedule sized to ${formatNumber(units, 0)} unit${units === 1 ? '' : 's'} (the designer's count).`;
    return html`<p><a class="cables" data-cables href=${routePath(route)} @click=${open} title=${title}>${c.label}</a>${c.device ? html` <span class="muted">${c.device} · rack ${c.rack}</span>` : nothing}</p>`;
  }

  #rearDetails(d: DrawnSlot) {
    const s = d.slot;
    const top = s.u + s.heightU - 1;
    const conn = d.rear?.connectors ?? [];
    return html`
      <p><strong>${s.label}</strong> <span class="badge estimate" title="Derived from the catalog's component counts; rear positions are not published">derived</span></p>
      <p class="muted">${s.heightU > 1 ? `U${s.u}–U${top}` : `U${s.u}`} · rear · ${KIND_LABEL[s.kind]}</p>
      ${this.#cablesLink(d.rear?.cables)}
      ${conn.length ? html`<ul data-rear-connectors>${conn.map((c) => html`<li>${c.text}</li>`)}</ul>` : html`<p class="muted">The catalog lists no rear connections for this item.</p>`}
    `;
  }

  #rearNotes(l: ElevationLayout) {
    const items = [
      ...l.rear.rails.map((r) => `${r.text} (derived).`),
      ...l.rear.unplaced.map((u) => `${u.label}: ${u.connectors.map((c) => c.text).join('; ')}${u.items === 1 ? '' : ` (× ${formatNumber(u.items, 0)})`}.`),
      ...l.rear.notes,
    ];
    return items.length ? html`<ul class="notes" data-rear-notes>${items.map((n) => html`<li>${n}</li>`)}</ul>` : nothing;
  }

  #details(d: DrawnSlot) {
    const s: ElevationSlot = d.slot;
    const conf = CONFIDENCE_TEXT[s.confidence] ?? { label: s.confidence, title: '' };
    const top = s.u + s.heightU - 1;
    return html`
      <p><strong>${s.label}</strong></p>
      <p class="muted">${s.heightU > 1 ? `U${s.u}–U${top}` : `U${s.u}`} · ${KIND_LABEL[s.kind]}${s.overflow ? ' · does not fit in the rack' : ''}</p>
      <p>
        <span class="num">${s.watts === null ? 'Power not published' : `${formatValue(s.watts, 'power', this.system)} maximum`}</span>
        <span class=${`badge ${s.confidence}`} title=${conf.title}>${conf.label}</span>
      </p>
      ${this.#cablesLink(d.rear?.cables)}
      ${s.sources.length
        ? html`<p class="muted">Source: ${s.sources.map((src, i) => html`${i ? '; ' : ''}<a href=${src.url} target="_blank" rel="noopener noreferrer">${src.title}</a>`)}</p>`
        : html`<p class="muted">No source${s.confidence === 'estimate' ? ' (estimate)' : ''}.</p>`}
      ${s.note ? html`<p class="muted">${s.note}</p>` : nothing}
    `;
  }

  #focusedKey(): string | null {
    const el = this.renderRoot.querySelector<SVGGElement>('.slot:focus');
    return el?.dataset.key ?? null;
  }

  #onKey(e: KeyboardEvent): void {
    const keys = this.#drawn.map((d) => this.#keyOf(d));
    const current = keys.indexOf(this._tabStop ?? '');
    let next: number;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = Math.min(keys.length - 1, current + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = Math.max(0, current - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = keys.length - 1;
    else return;
    e.preventDefault();
    const key = keys[next];
    if (!key) return;
    this._tabStop = key;
    this._active = key;
    void this.updateComplete.then(() => this.renderRoot.querySelector<SVGGElement>(`.slot[data-key="${CSS.escape(key)}"]`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-elevation': RackElevation;
  }
}

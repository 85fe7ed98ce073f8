import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Chart as ChartType } from 'chart.js';
import { baseStyles } from '../shared/styles';
import { generationColor } from './palette';

export interface ChartSeries {
  readonly label: string;
  readonly data: readonly number[];
  /** Series with the same stack id are stacked. */
  readonly stack?: string;
  /** Draw as a line over bars. */
  readonly line?: boolean;
  /** Palette index 1…8 (default: series order). */
  readonly color?: number;
  /** A generation id: the series takes that generation's fixed colour (./palette.ts) instead of a palette index. */
  readonly key?: string;
  /** Generation ids per category (bar): each bar takes its generation's colour. */
  readonly keys?: readonly string[];
}

export interface ChartSpec {
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly yTitle: string;
  readonly stacked?: boolean;
  /** Whole-number axis ticks. */
  readonly integer?: boolean;
  /** Horizontal bars (long category names). */
  readonly horizontal?: boolean;
  /** Format tick and tooltip numbers. */
  readonly format?: (n: number) => string;
}

let loader: Promise<typeof import('./chart-setup')> | undefined;
/** Once loaded, charts draw synchronously in the same task as the update (no await, no extra frame). */
let chartClass: (typeof import('./chart-setup'))['Chart'] | undefined;

/**
 * A bar (or bar-and-line) chart drawn by chart.js, loaded on first use. Colours come from the theme's
 * `--rack-chart-*` properties. The canvas carries an accessible name; the data are also in the view's table.
 *
 * @summary Lazy chart.js chart.
 * @csspart canvas - the canvas
 */
@customElement('rack-chart')
export class RackChart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: relative;
        height: 16rem;
      }
      canvas {
        width: 100% !important;
        height: 100% !important;
      }
      .loading,
      .empty {
        pointer-events: none;
        text-align: center;
        padding: 0 2rem;
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: var(--rack-muted);
        font-size: 0.8125rem;
      }
    `,
  ];

  @property({ attribute: false }) spec: ChartSpec | undefined;

  /** Accessible name of the chart. */
  @property() label = '';

  /** What to say over the chart when every bar is zero. */
  @property() empty = 'No data yet';

  /** Changing it redraws with the theme's colours. */
  @property() theme = '';

  @query('canvas') private _canvas!: HTMLCanvasElement;

  #chart: ChartType | undefined;
  #shape = '';
  #ready = false;

  /** Charts out of view are not redrawn until they scroll into view (an edit pays only for what is seen). */
  #visible = true;
  #stale = false;
  #observer: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        this.#visible = entries.some((e) => e.isIntersecting);
        if (this.#visible && this.#stale) void this.#draw();
      }, { rootMargin: '200px' });
      this.#observer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#shape = '';
  }

  override render() {
    return html`<canvas part="canvas" role="img" aria-label=${this.label}></canvas>${this.#ready ? (this.#isEmpty ? html`<span class="empty">${this.empty}</span>` : '') : html`<span class="loading">Loading chart…</span>`}`;
  }

  #isEmpty = false;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spec')) this.#isEmpty = this.spec !== undefined && this.spec.series.every((x) => x.data.every((v) => v === 0));
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('spec') || changed.has('theme')) void this.#draw();
  }

  /** Resolves once the chart for the current spec is drawn (tests, benchmarks). */
  get drawn(): Promise<void> {
    return this.#drawing;
  }

  #drawing: Promise<void> = Promise.resolve();

  #draw(): Promise<void> {
    if (this.#chart && !this.#visible) {
      this.#stale = true;
      return this.#drawing;
    }
    this.#stale = false;
    this.#drawing = this.#drawNow();
    return this.#drawing;
  }

  async #drawNow(): Promise<void> {
    const spec = this.spec;
    if (!spec) return;
    const Chart = chartClass ?? (await (loader ??= import('./chart-setup'))).Chart;
    chartClass = Chart;
    if (!this.isConnected || spec !== this.spec) return;
    const shape = `${spec.horizontal ? 'h' : 'v'}|${spec.stacked ? 's' : ''}|${spec.yTitle}|${this.theme}|${spec.series.map((s) => `${s.line ? 'line' : 'bar'}:${s.label}:${s.stack ?? ''}:${s.key ?? ''}:${s.keys?.join('+') ?? ''}`).join(',')}`;
    if (this.#chart && this.#shape === shape) {
      // Same chart, new numbers: update in place (no re-creation, no animation), and no getComputedStyle: reading
      // styles here would force a style recalculation of the whole page in the middle of an edit's frame. The
      // redraw waits for the frame that shows the edit (the typed cell and the totals paint first; the chart
      // follows one frame later), and a newer spec that arrives meanwhile replaces this one.
      await new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : resolve()));
      if (!this.#chart || spec !== this.spec) return;
      this.#chart.data.labels = [...spec.labels];
      this.#chart.data.datasets.forEach((d, i) => (d.data = [...spec.series[i]!.data]));
      this.#chart.update('none');
      return;
    }
    const css = getComputedStyle(this);
    const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
    const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => v(`--rack-chart-${i}`));
    const text = v('--rack-muted');
    const grid = v('--rack-border');
    const fmt = spec.format ?? ((n: number) => n.toLocaleString('en-US'));
    const dark = css.getPropertyValue('color-scheme').trim() === 'dark';
    const datasets = spec.series.map((s, i) => {
      const color = s.key ? generationColor(s.key, dark) : palette[((s.color ?? i + 1) - 1) % palette.length]!;
      const perBar = s.keys?.map((k) => generationColor(k, dark));
      return {
        type: s.line ? ('line' as const) : ('bar' as const),
        label: s.label,
        data: [...s.data],
        stack: s.stack,
        backgroundColor: perBar ? perBar.map((c) => `${c}cc`) : s.line ? color : `${color}cc`,
        borderColor: perBar ?? color,
        borderWidth: s.line ? 2 : 0,
        pointRadius: s.line ? 2 : 0,
      };
    });
    this.#shape = shape;
    this.#chart?.destroy();
    const valueAxis = { stacked: spec.stacked ?? false, beginAtZero: true, title: { display: true, text: spec.yTitle, color: text }, ticks: { color: text, precision: spec.integer ? 0 : undefined, callback: (n: number | string) => fmt(Number(n)) }, grid: { color: grid } };
    // On a narrow chart, long category labels (a tornado's input names) are shortened so they are not cut at the
    // edge; the tooltip keeps the whole label.
    const categoryAxis = {
      stacked: spec.stacked ?? false,
      grid: { display: false },
      ticks: {
        color: text,
        callback(this: { getLabelForValue(v: number): string; chart: { width: number } }, value: number | string) {
          const label = this.getLabelForValue(Number(value));
          const max = this.chart.width < 480 ? 22 : 48;
          return label.length > max ? `${label.slice(0, max - 1)}…` : label;
        },
      },
    };
    this.#chart = new Chart(this._canvas, {
      type: 'bar',
      data: { labels: [...spec.labels], datasets },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        normalized: true,
        plugins: {
          // A single series coloured per bar (by generation) has no one colour for a legend; its axis title names it.
          legend: { display: !(spec.series.length === 1 && spec.series[0]!.keys), labels: { color: text, boxWidth: 12 } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${fmt(Number(c.parsed[spec.horizontal ? 'x' : 'y']))}` } },
        },
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      },
    });
    if (!this.#ready) {
      this.#ready = true;
      // Drop the "Loading chart…" text in a later update, not from inside this one.
      queueMicrotask(() => this.requestUpdate());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-chart': RackChart;
  }
}

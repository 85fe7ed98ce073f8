import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Budget, BudgetGroup } from '../../src/views/budgets';
import { RackReportController } from '../controllers/rack-report-controller';
import { keyFigures, type FigureGroup } from '../../src/views/figures';
import { rackSummary, type RackSummary } from '../../src/views/rack-summary';
import { markRendered } from '../../src/views/marks';
import { memoizeLast } from '../../src/views/memo';
import type { Catalog } from '../../src/core/catalog/types';
import type { UnitReport } from '../../src/core/rack/types';
import { assumptionLabel } from '../../src/views/assumption-labels';
import type { SiteSummary } from '../../src/views/site-chain';
import type { UnitSystem } from '../../src/state/types';
import { baseStyles } from '../shared/styles';
import '../budgets/rack-budget-meter';
import '../power/rack-power-chain';
import './rack-assumptions';
import './rack-elevation';
import './rack-generation-picker';
import './rack-issue-list';
import './rack-summary-strip';
import './rack-unit-form';

interface BudgetGroupView {
  readonly group: BudgetGroup;
  readonly list: readonly Budget[];
  /** Per budget id: which estimated values it rests on, in words. */
  readonly notes: ReadonlyMap<string, string>;
  readonly labels: readonly string[];
}

const GROUP_LABEL: Record<BudgetGroup, string> = { power: 'Power', cooling: 'Cooling', space: 'Space and weight' };

/**
 * Whether the page shows a pre-rendered copy of this designer (scripts/prerender.mjs, public/theme-init.js) until the
 * live one has rendered its budgets: then the elevation draws its slots in that same render, so the swap is one step
 * (without a copy it defers them past the first paint, which it speeds up).
 */
function prerenderedCopyShown(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.prerender === 'shown';
}

/**
 * The rack designer: pick a generation, tune its options and see every budget at once — meters against limits,
 * key figures, typed issues, the rack elevation, the power chain and the catalog values used.
 * Reads the store from context; edits go up as `rack-edit` events from its children.
 *
 * @summary Rack designer view.
 * @csspart layout - the three-column grid
 */
@customElement('rack-designer-view')
export class RackDesignerView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(18rem, 21rem) minmax(0, 1fr) auto;
        grid-template-areas:
          'head head head'
          'form sum sum'
          'form main elev'
          'form chain chain'
          'form assume assume';
        gap: 1rem;
        align-items: start;
      }
      .head {
        grid-area: head;
      }
      .sum {
        grid-area: sum;
        min-width: 0;
      }
      .form {
        grid-area: form;
        position: sticky;
        top: 4.25rem;
        max-height: calc(100vh - 5rem);
        overflow: auto;
      }
      .main {
        grid-area: main;
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
      .elev {
        grid-area: elev;
        width: 17rem;
      }
      .chain {
        grid-area: chain;
      }
      .assume {
        grid-area: assume;
      }
      @media (max-width: 1180px) {
        .layout {
          grid-template-columns: minmax(15rem, 18rem) minmax(0, 1fr);
          grid-template-areas:
            'head head'
            'form sum'
            'form main'
            'form elev'
            'chain chain'
            'assume assume';
        }
        .elev {
          width: auto;
        }
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: 1fr;
          grid-template-areas: 'head' 'sum' 'main' 'form' 'elev' 'chain' 'assume';
        }
        .form {
          position: static;
          max-height: none;
        }
      }
      .budgets {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 1rem 1.5rem;
      }
      .budget-group {
        display: grid;
        gap: 0.75rem;
        align-content: start;
      }
      .est-line {
        text-decoration: underline dashed var(--rack-estimate);
        text-underline-offset: 3px;
        cursor: help;
      }
      .est-note {
        margin: -0.3rem 0 0;
        font-size: 0.6875rem;
        color: var(--rack-muted);
      }
      .card > h2 {
        margin-bottom: 0.75rem;
      }
      .figs {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        gap: 1rem 1.5rem;
      }
      dl {
        margin: 0.4rem 0 0;
        display: grid;
        gap: 0.45rem;
      }
      dt {
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-size: 0.9375rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      dd small {
        display: block;
        font-weight: 400;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      .missing {
        padding: 2rem;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
      }
      details[open] summary {
        margin-bottom: 0.75rem;
      }
      .chain,
      .assume,
      .below {
        content-visibility: auto;
        contain-intrinsic-size: auto 20rem;
      }
      .hint {
        font-size: 0.75rem;
        color: var(--rack-muted);
        font-weight: 400;
      }
    `,
  ];

  /** The assumptions table is built only once it is opened. */
  @state() private _assumptionsOpen = false;

  readonly #rack = new RackReportController(this);

  readonly #figures = memoizeLast((r: UnitReport, system: UnitSystem): FigureGroup[] => keyFigures(r, system));
  /** Budgets by group, with the estimated values each group (and each meter) rests on, named once per group. */
  readonly #grouped = memoizeLast((budgets: readonly Budget[], catalog: Catalog): BudgetGroupView[] => {
    const m = new Map<BudgetGroup, Budget[]>();
    for (const b of budgets) m.set(b.group, [...(m.get(b.group) ?? []), b]);
    return [...m.entries()].map(([group, list]) => {
      const notes = new Map(list.filter((b) => b.estimate).map((b) => [b.id, `Rests on estimates: ${[...new Set(b.estimatedPaths.map((p) => assumptionLabel(p, catalog)))].join('; ')}`]));
      const labels = [...new Set(list.flatMap((b) => b.estimatedPaths.map((p) => assumptionLabel(p, catalog))))];
      return { group, list, notes, labels };
    });
  });

  readonly #summarize = memoizeLast((r: UnitReport, budgets: readonly Budget[], system: UnitSystem): RackSummary => rackSummary(r, budgets, system));

  #summary: RackSummary | undefined;
  #sites: SiteSummary[] | null = null;
  #figs: FigureGroup[] = [];
  #marked = false;
  #budgets: BudgetGroupView[] = [];

  override willUpdate(): void {
    const d = this.#rack.derived;
    const prefs = this.#rack.prefs;
    if (d && prefs) {
      this.#figs = this.#figures(d.report, prefs.units);
      this.#budgets = this.#grouped(d.budgets, this.#rack.catalog!);
      this.#summary = this.#summarize(d.report, d.budgets, prefs.units);
    }
    this.#sites = this.#rack.sites ?? null;
  }

  override updated(): void {
    if (!this.#budgets.length) return;
    if (!this.#marked) {
      this.#marked = true;
      markRendered('rackplan:rack-budgets');
    }
    // Every render after an edit, for the edit-to-frame benchmark and the performance panel.
    markRendered('rackplan:rack');
  }

  /** A summary chip was activated: bring its meter into view and give it focus (it is a labelled meter). */
  readonly #showBudget = (e: CustomEvent<{ budgetId: string }>): void => {
    const meter = this.renderRoot.querySelector<HTMLElement>(`rack-budget-meter[data-budget="${CSS.escape(e.detail.budgetId)}"]`);
    if (!meter) return;
    meter.scrollIntoView({ block: 'center', behavior: 'smooth' });
    meter.focus({ preventScroll: true });
  };

  override render() {
    const d = this.#rack.derived;
    const design = this.#rack.design;
    const prefs = this.#rack.prefs;
    const catalog = this.#rack.catalog;
    if (!design || !prefs || !catalog) return nothing;
    if (!d) {
      return html`<div class="card missing" role="alert">
        <h2>Generation “${design.generationId}” is not in the catalog</h2>
        <p>Pick one of the ${catalog.generations.length} generations below.</p>
        <rack-generation-picker .catalog=${catalog} value=""></rack-generation-picker>
      </div>`;
    }
    const system = prefs.units;
    return html`
      <div class="layout" part="layout">
        <section class="head card" aria-label="Generation">
          <rack-generation-picker .catalog=${catalog} .value=${d.generation.id}></rack-generation-picker>
        </section>
        <section class="sum card" aria-labelledby="sum-h">
          <h2 id="sum-h" class="visually-hidden">Summary</h2>
          <rack-summary-strip .summary=${this.#summary} @summary-budget=${this.#showBudget}></rack-summary-strip>
        </section>
        <section class="form card" aria-labelledby="opt-h">
          <h2 id="opt-h" class="visually-hidden">Options</h2>
          <rack-unit-form
            .generation=${d.generation}
            .report=${d.report}
            .options=${design.options}
            .sites=${this.#sites}
            .siteId=${design.siteId}
            .limits=${design.limits}
            .cdus=${catalog.cdus}
            .system=${system}
          ></rack-unit-form>
        </section>
        <div class="main">
          <section class="card" aria-labelledby="budget-h">
            <h2 id="budget-h">Budgets <span class="hint">per unit · ${d.report.basis} basis</span></h2>
            <div class="budgets">
              ${this.#budgets.map(
                ({ group, list, notes, labels }) => html`<div class="budget-group" role="group" aria-label=${GROUP_LABEL[group]}>
                  <h3>${GROUP_LABEL[group]}</h3>
                  ${labels.length
                    ? html`<p class="est-note" data-estimates=${group}><span class="estimate" title="Dashed-underlined figures rest on catalog values marked estimate (see Assumptions)">est.</span> Dashed figures rest on estimates: ${labels.join('; ')}</p>`
                    : nothing}
                  ${list.map((b) => html`<rack-budget-meter .budget=${b} .system=${system} .estimateNote=${notes.get(b.id)} data-budget=${b.id} tabindex="-1"></rack-budget-meter>`)}
                </div>`,
              )}
            </div>
          </section>
          <section class="card below" aria-labelledby="issues-h">
            <h2 id="issues-h">Issues</h2>
            <rack-issue-list .issues=${d.report.issues}></rack-issue-list>
          </section>
          <section class="card below" aria-labelledby="figs-h">
            <h2 id="figs-h">Key figures <span class="hint">dashed: rests on estimated catalog values</span></h2>
            <div class="figs">
              ${this.#figs.map(
                (g) => html`<div>
                  <h3>${g.label}</h3>
                  <dl>
                    ${g.figures.map(
                      (f) => html`<div data-figure=${f.id}>
                        <dt>${f.label}</dt>
                        <dd>${f.estimate ? html`<span class="est-line" title="Rests on catalog values marked estimate (see the budgets’ notes and Assumptions)">${f.value}</span>` : f.value}${f.sub ? html`<small>${f.sub}</small>` : nothing}</dd>
                      </div>`,
                    )}
                  </dl>
                </div>`,
              )}
            </div>
          </section>
        </div>
        <section class="elev card" aria-labelledby="elev-h">
          <h2 id="elev-h">Rack elevation</h2>
          <rack-elevation .layout=${d.elevation} .system=${system} .deferDrawing=${!prerenderedCopyShown()} label=${`${d.generation.name} elevation`}></rack-elevation>
        </section>
        <section class="chain card" aria-labelledby="chain-h">
          <h2 id="chain-h">Power chain <span class="hint">utility → chips, per unit</span></h2>
          <rack-power-chain .chain=${d.chain} .system=${system}></rack-power-chain>
        </section>
        <section class="assume card" aria-labelledby="assume-h">
          <details @toggle=${(e: Event) => (this._assumptionsOpen = (e.target as HTMLDetailsElement).open)}>
            <summary id="assume-h">Assumptions and sources <span class="hint">${d.report.assumptions.length} catalog values these figures used</span></summary>
            ${this._assumptionsOpen ? html`<rack-assumptions .assumptions=${d.report.assumptions} .catalog=${catalog}></rack-assumptions>` : nothing}
          </details>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-designer-view': RackDesignerView;
  }
}

import { provide } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Action } from '../../src/state/actions';
import { reportsContext, storeContext } from '../controllers/context';
import { UndoRedoController } from '../controllers/undo-redo-controller';
import { savePrefs } from '../../src/state/prefs';
import { Router, VIEWS, routePath, type LocationLike, type Route, type ViewId } from '../../src/state/router';
import { Reports, loadRackModule } from '../../src/views/reports';
import { catalogMonth } from '../../src/views/names';
import '../shared/rack-welcome';
import { formatProblems, type AppStore, type DispatchResult } from '../../src/state/store';
import type { Prefs, ThemeChoice } from '../../src/state/types';
import type { Plan } from '../../src/core/plan/types';
import type { Result } from '../../src/core/result';
import { baseStyles, segmentedStyles } from '../shared/styles';
import { afterNextPaint, onRendered } from '../../src/views/marks';

/**
 * localStorage key saying this browser has run the app, so its database may hold a session: public/theme-init.js
 * then never shows a pre-rendered first visit (a test holds the two spellings equal).
 */
export const VISITED_KEY = 'rackplan:visited';

/**
 * End the pre-rendered first visit (scripts/prerender.mjs, shown by public/theme-init.js): remove the copy and show
 * the live app (index.html keeps it hidden, laid out, while `data-prerender="shown"`). Called in the task in which
 * the live view has rendered, so that render's frame is the first one without the copy. Does nothing without a copy.
 */
export function showLiveApp(doc: Document): void {
  // For the performance panel and the bench (test/bench/cases/ui.bench.ts): until now the copy was on screen.
  if (doc.documentElement.dataset.prerender === 'shown') performance.mark('rackplan:prerender-swapped');
  for (const copy of doc.querySelectorAll('.prerendered, .prerendered-end')) copy.remove();
  delete doc.documentElement.dataset.prerender;
}

/**
 * Call `fn` once a view has painted its first frame with its figures (the `rackplan:…:painted` marks of
 * src/views/marks.ts), so what waits for the first paint never delays it; after 5 s anyway, for a view that marks
 * nothing or never gets its figures.
 */
function afterFirstPaintedView(fn: () => void): void {
  const painted = () => performance.getEntriesByType('mark').some((m) => m.name.startsWith('rackplan:') && m.name.endsWith(':painted'));
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(run, 5000);
  const watch = !painted() && typeof PerformanceObserver === 'function';
  const observer = watch ? new PerformanceObserver(() => void (painted() && setTimeout(run, 0))) : undefined;
  if (observer) observer.observe({ type: 'mark' });
  else if (painted()) setTimeout(run, 0);
  else afterNextPaint(run);
}

/**
 * Views loaded on first visit (their code is not fetched before). On the designer's addresses the composition root
 * (src/main.ts) and a preload in the page's head start the designer's code before the shell renders.
 * Each view paints with its reports: the designer needs the rack derivations, the Fabric view the fabric modules, the
 * Plan and Sites views the plan modules, Compare the compare modules and the rack derivations, the Export view none
 * (its files load them when asked for), the calculators the report modules and the rack derivations.
 */
const LOADERS: Partial<Record<ViewId, () => Promise<unknown>>> = {
  rack: () => import('../rack/rack-designer-view'),
  compare: () => import('../compare/rack-compare-view'),
  plan: () => import('../plan/rack-plan-view'),
  sites: () => import('../sites/rack-sites-view'),
  fabric: () => import('../fabric/rack-fabric-view'),
  export: () => import('../export/rack-export-view'),
  calc: () => import('../calc/rack-calculators-view'),
};

/**
 * The app shell: header with navigation, undo/redo and the SI/US and theme toggles, and the routed view.
 * Provides the one store to every view through `@lit/context` and is the only place that changes it:
 * views send `rack-edit`, `rack-navigate`, `rack-prefs` and `rack-history` events up.
 *
 * @summary Application shell and router.
 * @csspart header - the top bar
 * @csspart main - the view area
 */
@customElement('rack-app')
export class RackApp extends LitElement {
  static override styles = [
    baseStyles,
    segmentedStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--rack-bg);
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -3rem;
        z-index: 10;
        background: var(--rack-surface);
        padding: 0.4rem 0.75rem;
        border-radius: 6px;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 5;
        display: flex;
        align-items: center;
        gap: 0.75rem 1.25rem;
        flex-wrap: wrap;
        padding: 0.5rem 1.25rem;
        background: var(--rack-header-bg);
        border-bottom: 1px solid var(--rack-border);
      }
      .brand {
        font-weight: 700;
        font-size: 1.0625rem;
        letter-spacing: -0.01em;
        margin: 0;
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .brand svg {
        width: 1.25rem;
        height: 1.25rem;
      }
      nav ul {
        display: flex;
        gap: 0.15rem;
        list-style: none;
        margin: 0;
        padding: 0;
        flex-wrap: wrap;
      }
      nav a {
        display: block;
        padding: 0.35rem 0.7rem;
        border-radius: 6px;
        color: var(--rack-muted);
        text-decoration: none;
        font-size: 0.875rem;
        font-weight: 500;
      }
      nav a:hover {
        color: var(--rack-text);
        background: var(--rack-surface-2);
      }
      nav a[aria-current='page'] {
        color: var(--rack-text);
        background: var(--rack-accent-soft);
        font-weight: 600;
      }
      .tools {
        margin-left: auto;
        display: flex;
        gap: 0.6rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .theme {
        font-size: 0.8125rem;
        display: flex;
        align-items: center;
        gap: 0.3rem;
      }
      .theme select {
        padding: 0.2rem 0.3rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
      }
      .short {
        display: none;
      }
      /* Phones: one header row no taller than 64 px — the views scroll sideways in their own strip, the brand keeps
         its icon, Undo/Redo become arrows (same accessible names), the theme select loses its visible word. */
      @media (max-width: 760px) {
        header {
          flex-wrap: nowrap;
          gap: 0.4rem;
          padding: 0.35rem 0.5rem;
          max-height: 64px;
        }
        .brand-name,
        .long {
          display: none;
        }
        .short {
          display: inline;
        }
        nav {
          flex: 1 1 auto;
          min-width: 0;
          overflow-x: auto;
          scrollbar-width: none;
        }
        nav ul {
          flex-wrap: nowrap;
        }
        nav a {
          white-space: nowrap;
          padding: 0.35rem 0.5rem;
        }
        .tools {
          flex-wrap: nowrap;
          gap: 0.3rem;
        }
        .tools .btn {
          padding: 0.25rem 0.45rem;
        }
        .theme-word {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
      }
      footer {
        max-width: 120rem;
        margin: 0 auto;
        padding: 0.75rem 1.25rem 1.5rem;
        font-size: 0.75rem;
        color: var(--rack-muted);
        border-top: 1px solid var(--rack-border);
      }
      main {
        padding: 1rem 1.25rem 2rem;
        max-width: 120rem;
        margin: 0 auto;
      }
      main:focus {
        outline: none;
      }
      .toast {
        display: flex;
        gap: 1rem;
        align-items: start;
        justify-content: space-between;
        margin: 0 0 1rem;
        padding: 0.6rem 0.9rem;
        border: 1px solid var(--rack-over);
        border-left-width: 4px;
        border-radius: 6px;
        background: var(--rack-surface);
        font-size: 0.875rem;
        white-space: pre-line;
      }
      .toast.note {
        border-color: var(--rack-warn);
      }
      .loading {
        color: var(--rack-muted);
        padding: 2rem 0;
      }
    `,
  ];

  /** The app store (made by the composition root, src/main.ts), provided to every view. */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store!: AppStore;
  /** The one owner of every derived report, made for the store and provided to every view. */
  @provide({ context: reportsContext })
  @state()
  protected reports: Reports | undefined;

  /** Something to tell the user at start (a session that could not be restored, a broken share link). */
  @property({ attribute: false }) notice: string | null = null;

  /**
   * A shared plan (from a `#plan=` link) waiting for the user's answer: opening it first saves the working plan to
   * the plan library, then replaces it (Undo also brings it back); keeping the working plan drops the link. Never
   * applied without asking. `keepFailed` says why the library copy could not be saved (the user then decides).
   */
  @property({ attribute: false }) sharedPlan: { readonly plan: Plan; readonly keepFailed?: string } | null = null;

  /**
   * Saves the working plan to the plan library before a shared plan replaces it; returns the entry's name or why
   * it failed. Default: the app's library database (tests pass their own).
   */
  @property({ attribute: false }) keepPlan: (plan: Plan, reason: string) => Promise<Result<{ readonly name: string }, string>> = async (plan, reason) => {
    const { keepPlanInLibrary } = await import('../../src/storage/plan-library');
    return keepPlanInLibrary(plan, { reason });
  };

  /**
   * Another tab of the app saved the session (its message says when): this tab offers to reload to that version,
   * or to keep this tab's plan in the library first; an edit here would otherwise replace the other tab's work.
   */
  @property({ attribute: false }) otherTab: string | null = null;

  /** Reloads the page (the window's; tests pass their own). */
  @property({ attribute: false }) reload: () => void = () => globalThis.location.reload();

  /** Called once, after the first view (lazy or not) has painted its figures: the place to load what can wait. */
  @property({ attribute: false }) afterFirstView: (() => void) | null = null;

  /** Where the app reads and writes its route (the window; a fake in tests). */
  @property({ attribute: false }) location: LocationLike = window;

  @state() private _route: Route = { view: 'rack', generationId: null };
  @state() private _message: { text: string; kind: 'error' | 'note' } | null = null;
  @state() private _announce = '';
  @state() private _loaded: ReadonlySet<ViewId> = new Set();

  @query('main') private _main!: HTMLElement;

  readonly #history = new UndoRedoController(
    this,
    () => this.store,
    (step, label) => (this._announce = `${step === 'undo' ? 'Undone' : 'Redone'}: ${label}`),
  );

  /** The orientation shows when the app is opened at its root (`/`), until it is closed or a start is chosen. */
  @state() private _welcome = false;

  #router: Router | undefined;
  #unsubscribe: (() => void) | undefined;
  /** True until the first route has been handled (see #onRoute). */
  #firstRoute = true;

  override connectedCallback(): void {
    super.connectedCallback();
    const path = this.location.location.pathname;
    this._welcome = path === '/' || path === '/index.html';
    this.#router = new Router(this.location, (route, userNavigation) => this.#onRoute(route, userNavigation));
    this.#router.start();
    // The first view's first render mark (the designer's: with its budgets) ends a pre-rendered copy, in that task.
    this.#stopCopy ??= onRendered(() => this.#endCopy());
    this.#onRoute(this.#router.route, false);
    this.#listen();
  }

  #stopCopy: (() => void) | undefined;

  /** The live app is shown: a pre-rendered copy gives way (see showLiveApp). */
  #endCopy(): void {
    this.#stopCopy?.();
    this.#stopCopy = undefined;
    if (this.ownerDocument) showLiveApp(this.ownerDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed (the composition root shows why the app could not start): no copy stays in its place.
    this.#endCopy();
    this.#router?.stop();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.reports = this.store ? new Reports(this.store) : undefined;
    if (changed.has('store') && this.isConnected) this.#listen();
    if (changed.has('notice') && this.notice) this._message = { kind: 'note', text: this.notice };
  }

  #firstViewShown = false;

  /** Whether the rack designer can render: its code and the rack derivations have loaded (it paints with its report). */
  #designerReady(): boolean {
    return customElements.get('rack-designer-view') !== undefined && !!this.reports?.rackReady;
  }

  override updated(): void {
    const r = this._route.view;
    const shown = r === 'rack' ? this.#designerReady() : r === 'not-found' || !LOADERS[r] || this._loaded.has(r);
    if (shown && !this.#firstViewShown && this.store) {
      this.#firstViewShown = true;
      // A view that marks no render (not found) ends a copy here; the designer ends it with its budgets' render.
      if (r !== 'rack') this.#endCopy();
      const cb = this.afterFirstView;
      afterFirstPaintedView(() => {
        try {
          globalThis.localStorage?.setItem(VISITED_KEY, '1');
        } catch {
          // No storage: theme-init.js then shows no copy either.
        }
        cb?.();
      });
    }
  }

  override render() {
    if (!this.store) return nothing;
    const current = this._route.view;
    const s = this.store;
    const prefs = s.prefs;
    return html`
      <a class="skip" href="#main" @click=${this.#skip}>Skip to content</a>
      <header part="header">
        <p class="brand">
          <svg viewBox="0 0 20 20" aria-hidden="true"><rect x="3" y="1.5" width="14" height="17" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6"></rect><path d="M6 5.5h8M6 9h8M6 12.5h8" stroke="var(--rack-accent)" stroke-width="1.8"></path></svg>
          <span class="brand-name">rackplan</span>
        </p>
        <nav aria-label="Views">
          <ul>
            ${VIEWS.map((v) => {
              const route: Route = v.id === 'rack' ? { view: 'rack', generationId: s.design.rack.generationId } : { view: v.id };
              return html`<li>
                <a href=${routePath(route)} aria-current=${current === v.id ? 'page' : nothing} @click=${(e: MouseEvent) => this.#navigate(e, route)}
                  >${v.label}</a
                >
              </li>`;
            })}
          </ul>
        </nav>
        <div class="tools">
          <button
            class="btn"
            type="button"
            ?disabled=${!s.canUndo}
            aria-keyshortcuts="Control+Z"
            title=${s.undoLabel ? `Undo ${s.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
            aria-label="Undo"
            @click=${() => this.#history.undo()}
          >
            <span class="long">Undo</span><span class="short" aria-hidden="true">↶</span>
          </button>
          <button
            class="btn"
            type="button"
            ?disabled=${!s.canRedo}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            title=${s.redoLabel ? `Redo ${s.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            aria-label="Redo"
            @click=${() => this.#history.redo()}
          >
            <span class="long">Redo</span><span class="short" aria-hidden="true">↷</span>
          </button>
          <fieldset class="seg" role="radiogroup" aria-label="Units">
            ${(['si', 'us'] as const).map(
              (u) => html`<label
                ><input type="radio" name="units" value=${u} .checked=${prefs.units === u} @change=${() => this.#setPrefs({ units: u })} />${u === 'si' ? 'SI' : 'US'}</label
              >`,
            )}
          </fieldset>
          <label class="theme"
            ><span class="theme-word">Theme</span>
            <select @change=${(e: Event) => this.#setPrefs({ theme: (e.target as HTMLSelectElement).value as ThemeChoice })}>
              ${(['system', 'light', 'dark'] as const).map((t) => html`<option value=${t} ?selected=${prefs.theme === t}>${t[0]!.toUpperCase() + t.slice(1)}</option>`)}
            </select>
          </label>
        </div>
      </header>
      <main
        id="main"
        part="main"
        tabindex="-1"
        @rack-edit=${this.#onEdit}
        @rack-navigate=${(e: CustomEvent<Route>) => this.#router?.go(e.detail, { userNavigation: e.detail.view !== this._route.view })}
        @rack-prefs=${(e: CustomEvent<Partial<Prefs>>) => this.#setPrefs(e.detail)}
        @rack-history=${(e: CustomEvent<'undo' | 'redo'>) => (e.detail === 'undo' ? this.#history.undo() : this.#history.redo())}
      >
        ${this.sharedPlan ? this.#sharedPlanProposal(this.sharedPlan) : nothing}
        ${this.otherTab
          ? html`<div class="toast note" role="alert">
              <span>${this.otherTab}</span>
              <button class="btn" type="button" @click=${() => this.reload()}>Reload</button>
              <button class="btn" type="button" @click=${() => void this.#keepThenReload()}>Keep this tab’s plan in the library, then reload</button>
              <button class="btn" type="button" @click=${() => (this.otherTab = null)}>Dismiss</button>
            </div>`
          : nothing}
        ${this._message
          ? html`<div class=${`toast ${this._message.kind}`} role="alert">
              <span>${this._message.text}</span>
              <button class="btn" type="button" @click=${() => (this._message = null)}>Dismiss</button>
            </div>`
          : nothing}
        ${this._welcome && this._route.view === 'rack'
          ? html`<rack-welcome .generationId=${'gb300-nvl72'} @welcome-dismiss=${() => (this._welcome = false)}></rack-welcome>`
          : nothing}
        ${this.#view()}
      </main>
      <footer part="footer">
        rackplan · catalog ${s.catalog.version}${catalogMonth(s.catalog.version) ? ` (figures as of ${catalogMonth(s.catalog.version)})` : ''} · every figure's source is under
        “Assumptions and sources” in the Rack designer
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announce}</div>
    `;
  }

  #sharedPlanProposal(shared: { readonly plan: Plan; readonly keepFailed?: string }): TemplateResult {
    const mine = this.store.design.plan.plan.name;
    if (shared.keepFailed) {
      return html`<div class="toast note" role="alert">
        <span>Your plan “${mine}” could not be saved to the plan library (${shared.keepFailed}). Open the shared plan “${shared.plan.name}” anyway? Undo in this tab still brings yours back; export your plan first to keep a copy.</span>
        <button class="btn" type="button" @click=${() => void this.#answerSharedPlan(true, false)}>Open anyway</button>
        <button class="btn" type="button" @click=${() => void this.#answerSharedPlan(false)}>Keep my plan</button>
      </div>`;
    }
    return html`<div class="toast note" role="alert">
      <span>Open the shared plan “${shared.plan.name}”? Your plan “${mine}” stays in the plan library (it is saved there first), and Undo brings it back.</span>
      <button class="btn" type="button" @click=${() => void this.#answerSharedPlan(true)}>Open shared plan</button>
      <button class="btn" type="button" @click=${() => void this.#answerSharedPlan(false)}>Keep my plan</button>
    </div>`;
  }

  /**
   * Answer the shared-plan proposal. Opening saves the working plan to the library first (the proposal promises
   * it stays there); when that save fails nothing is replaced and the user is asked again, with the reason.
   */
  async #answerSharedPlan(open: boolean, keepFirst = true): Promise<void> {
    const shared = this.sharedPlan;
    this.sharedPlan = null;
    if (!shared || !this.store) return;
    if (!open) {
      this._message = { kind: 'note', text: 'The shared plan was not opened; your plan is unchanged.' };
      return;
    }
    const mine = this.store.design.plan.plan;
    let kept = '';
    if (keepFirst) {
      this._message = { kind: 'note', text: `Saving your plan “${mine.name}” to the plan library…` };
      const r = await this.keepPlan(mine, 'Before shared plan').catch((err: unknown): Result<{ name: string }, string> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }));
      if (!r.ok) {
        this._message = null;
        this.sharedPlan = { ...shared, keepFailed: r.error };
        return;
      }
      kept = ` Your plan is in the plan library (Export view) as “${r.value.name}”.`;
    }
    const r = await this.store.dispatchWhenEditable({ type: 'plan/replace', plan: shared.plan, label: 'open shared plan' });
    this._message = r.ok ? { kind: 'note', text: `Opened the shared plan.${kept} “Undo open shared plan” brings back the plan you had.` } : { kind: 'error', text: `The shared plan was not opened:\n${formatProblems(r.error)}${kept}` };
  }

  /** Another tab saved: keep this tab's plan as a library entry, then take the other tab's version. */
  async #keepThenReload(): Promise<void> {
    if (!this.store) return;
    const r = await this.keepPlan(this.store.design.plan.plan, 'From another tab').catch((err: unknown): Result<{ name: string }, string> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    if (r.ok) {
      this.reload();
      return;
    }
    this.otherTab = null;
    this._message = { kind: 'error', text: `This tab’s plan could not be saved to the plan library (${r.error}); nothing was reloaded. Export it from the Export view to keep a copy.` };
  }

  #view(): TemplateResult {
    const r = this._route;
    if (r.view === 'rack') return this.#designerReady() ? html`<rack-designer-view></rack-designer-view>` : html`<p class="loading" role="status">Loading Rack designer…</p>`;
    if (r.view === 'not-found') {
      return html`<div class="card" role="alert"><h2>No page at ${r.path}</h2><p>Use the views above, or <a href="/rack" @click=${(e: MouseEvent) => this.#navigate(e, { view: 'rack', generationId: null })}>open the rack designer</a>.</p></div>`;
    }
    const title = VIEWS.find((v) => v.id === r.view)!.label;
    if (!this._loaded.has(r.view)) return html`<p class="loading" role="status">Loading ${title}…</p>`;
    switch (r.view) {
      case 'compare':
        return html`<rack-compare-view></rack-compare-view>`;
      case 'export':
        return html`<rack-export-view></rack-export-view>`;
      case 'plan':
        return html`<rack-plan-view></rack-plan-view>`;
      case 'sites':
        return html`<rack-sites-view></rack-sites-view>`;
      case 'fabric':
        return html`<rack-fabric-view .query=${r.query}></rack-fabric-view>`;
      case 'calc':
        return html`<rack-calculators-view></rack-calculators-view>`;
      default:
        return html`<p class="loading">${title}</p>`;
    }
  }

  #listen(): void {
    this.#unsubscribe?.();
    if (!this.store) return;
    let prefs = this.store.prefs;
    this.#applyTheme(prefs.theme);
    this.#unsubscribe = this.store.subscribe((s) => {
      if (s.prefs !== prefs) {
        prefs = s.prefs;
        this.#applyTheme(prefs.theme);
        savePrefs(globalThis.localStorage, prefs);
      }
      // The address bar follows the generation shown, and a change of generation is a history step: Back shows the
      // previous generation (#onRoute selects it again). A route without a generation is only completed, not stacked.
      const r = this.#router?.route;
      if (r?.view === 'rack' && r.generationId !== s.design.rack.generationId) {
        this.#router!.go({ view: 'rack', generationId: s.design.rack.generationId }, { replace: r.generationId === null, userNavigation: false });
      }
      this.requestUpdate();
    });
  }

  #applyTheme(theme: ThemeChoice): void {
    const root = this.ownerDocument?.documentElement;
    if (root) root.dataset.theme = theme;
  }

  #onRoute(route: Route, userNavigation: boolean): void {
    this._route = route;
    if (route.view === 'rack' && this.store) {
      const current = this.store.design.rack.generationId;
      if (route.generationId === null) {
        this.#router?.go({ view: 'rack', generationId: current }, { replace: true, userNavigation: false });
      } else if (route.generationId !== current) {
        const id = route.generationId;
        this.#edit({ type: 'rack/select-generation', id }, (r) => {
          if (r.ok) return;
          this._message = { kind: 'note', text: `There is no generation “${id}” in the catalog; showing ${current}.` };
          this.#router?.go({ view: 'rack', generationId: current }, { replace: true, userNavigation: false });
        });
      }
    }
    // The first route's view paints with the generations the composition root loaded for it (src/state/shown-generations.ts);
    // a view opened after it also waits for the whole catalog, so it never computes from part of it.
    const whole = this.#firstRoute ? undefined : this.store?.completeCatalog();
    this.#firstRoute = false;
    const failed = (view: string) => (err: unknown) => {
      this.#endCopy();
      this._message = { kind: 'error', text: `Could not load the ${view} view: ${err instanceof Error ? err.message : String(err)}` };
    };
    if (route.view === 'rack' && !this.#designerReady()) {
      // The designer needs its code and the rack derivations, not the other reports.
      Promise.all([LOADERS.rack!(), loadRackModule()]).then(() => this.requestUpdate(), failed('Rack designer'));
    } else if (route.view !== 'rack' && route.view !== 'not-found') {
      const load = LOADERS[route.view];
      if (load && !this._loaded.has(route.view)) {
        const view = route.view;
        // The view's code and the reports it shows load together, so it paints with its numbers.
        const reports = view === 'export' ? undefined : this.#reportsFor(view);
        Promise.all([load(), reports, whole]).then(() => (this._loaded = new Set([...this._loaded, view])), failed(view));
      }
    }
    if (userNavigation) void this.updateComplete.then(() => this._main?.focus({ preventScroll: true }));
  }

  /** Load what a view's first paint reads of the reports (see LOADERS). */
  #reportsFor(view: ViewId): Promise<unknown> | undefined {
    const r = this.reports;
    if (view === 'fabric') return r?.loadFabric();
    if (view === 'plan' || view === 'sites') return r?.loadPlan();
    if (view === 'compare') return r?.loadCompare();
    return r?.load();
  }

  #navigate(e: MouseEvent, route: Route): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this._message = null;
    this.#router?.go(route);
    if (this._route.view === route.view) void this.updateComplete.then(() => this._main?.focus({ preventScroll: true }));
  }

  #skip(e: Event): void {
    e.preventDefault();
    this._main?.focus();
  }

  #onEdit(e: CustomEvent<Action>): void {
    e.stopPropagation();
    this.#edit(e.detail, (r) => {
      if (!r.ok) this._message = { kind: 'error', text: formatProblems(r.error) };
      else if (r.value.changed) this._message = null;
    });
  }

  /**
   * Apply an edit: at once when the store takes edits, else once it does (the first moments after the first paint,
   * while the edit checks load), in the order edits came; never unchecked.
   */
  #edit(action: Action, done: (r: DispatchResult) => void): void {
    const store = this.store;
    if (store.editable) done(store.dispatch(action));
    else void store.dispatchWhenEditable(action).then(done);
  }

  #setPrefs(patch: Partial<Prefs>): void {
    this.store.setPrefs(patch);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-app': RackApp;
  }
}

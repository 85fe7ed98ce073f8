import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CALCULATORS, calculator, commandLine, computeCalculator, parseBankLoads, type CalculatorId, type CalculatorOutcome } from '../../src/views/calculators';
import { markRendered } from '../../src/views/marks';
import type { Prefs } from '../../src/state/types';
import type { CoolantModel } from '../../src/core/catalog/types';
import { StoreController } from '../controllers/store-controller';
import { ReportsController } from '../controllers/reports-controller';
import { baseStyles } from '../shared/styles';
import '../inputs/rack-quantity-input';

/**
 * The everyday calculators — liquid loop (solve any one of heat, flow, ΔT), airflow, circuit, PDU banks, IT to
 * facility, energy — with the same fields, ranges and core functions as `rackplan calc`. Results update as you
 * type; each calculator shows its command-line equivalent. Inputs are kept per calculator while the app is open.
 *
 * @summary Calculators view.
 * @csspart tabs - the calculator picker
 * @csspart result - the result list
 */
@customElement('rack-calculators-view')
export class RackCalculatorsView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin-bottom: 0.9rem;
      }
      .tabs .btn[aria-pressed='true'],
      .tabs .btn[aria-pressed='true']:hover:not(:disabled) {
        background: var(--rack-accent);
        color: var(--rack-on-accent, #fff);
        border-color: var(--rack-accent);
      }
      .body {
        display: grid;
        grid-template-columns: minmax(16rem, 26rem) minmax(16rem, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      @media (max-width: 760px) {
        .body {
          grid-template-columns: 1fr;
        }
      }
      .fields {
        display: grid;
        gap: 0.7rem;
      }
      .summary {
        color: var(--rack-muted);
        font-size: 0.875rem;
        margin: 0 0 0.8rem;
        max-width: 60rem;
      }
      label.sel {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      select,
      input.list {
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
        font: inherit;
      }
      input.list[aria-invalid='true'] {
        border-color: var(--rack-over);
      }
      .err {
        color: var(--rack-over);
        font-size: 0.8125rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.35rem 0.9rem;
        margin: 0;
        font-size: 0.875rem;
      }
      dt {
        color: var(--rack-muted);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .headline {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .over {
        color: var(--rack-over);
        font-weight: 600;
      }
      .note {
        margin-top: 0.7rem;
        font-size: 0.8125rem;
      }
      code {
        display: block;
        margin-top: 0.9rem;
        font-size: 0.75rem;
        color: var(--rack-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  readonly #store = new StoreController(this, (s) => s.prefs);
  readonly #reports = new ReportsController(this, (r) => r.rack);

  @state() private _active: CalculatorId = 'liquid';
  /** Per calculator: typed values (SI), choices, list texts. */
  @state() private _values: Record<string, Record<string, number | undefined>> = {};
  @state() private _choices: Record<string, Record<string, string>> = {};
  @state() private _lists: Record<string, Record<string, string>> = {};

  #outcome: { key: unknown[]; value: CalculatorOutcome } | null = null;

  /** Memoized outside render: recomputed only when the active calculator's inputs or the unit system change. */
  #compute(id: CalculatorId, prefs: Prefs, coolants: readonly CoolantModel[]): { outcome: CalculatorOutcome; listError: string | null } {
    const values = this._values[id] ?? {};
    const choices = this._choices[id] ?? {};
    const listTexts = this._lists[id] ?? {};
    const listDef = calculator(id).list;
    const parsedList = listDef && listTexts[listDef.key] !== undefined ? parseBankLoads(listTexts[listDef.key]!) : undefined;
    const key = [id, values, choices, listTexts, prefs.units, coolants];
    if (!this.#outcome || this.#outcome.key.some((k, i) => k !== key[i])) {
      const lists = listDef && parsedList?.ok ? { [listDef.key]: parsedList.value } : {};
      this.#outcome = { key, value: computeCalculator(id, values, choices, lists, coolants, prefs.units) };
    }
    return { outcome: this.#outcome.value, listError: parsedList && !parsedList.ok ? parsedList.error : null };
  }

  override updated(): void {
    markRendered('calc');
  }

  override render() {
    const prefs = this.#store.value;
    const store = this.#store.store;
    if (!prefs || !store) return nothing;
    const calc = calculator(this._active);
    const { outcome, listError } = this.#compute(calc.id, prefs, store.catalog.coolants);
    const values = this._values[calc.id] ?? {};
    const rackInputW = this.#reports.value?.report.power.inputKw;
    return html`
      <div class="tabs" role="group" aria-label="Calculator" part="tabs">
        ${CALCULATORS.map((c) => html`<button class="btn" type="button" aria-pressed=${c.id === calc.id} @click=${() => (this._active = c.id)}>${c.title}</button>`)}
      </div>
      <p class="summary">${calc.summary}</p>
      <div class="body">
        <section class="card fields" aria-label=${`${calc.title}: inputs`}>
          ${calc.choices.map(
            (ch) => html`<label class="sel"
              >${ch.label}
              <select @change=${(e: Event) => this.#setChoice(calc.id, ch.key, (e.target as HTMLSelectElement).value)}>
                ${ch.options.map((o) => html`<option value=${o.value} ?selected=${(this._choices[calc.id]?.[ch.key] ?? ch.defaultValue) === o.value}>${o.label}</option>`)}
              </select></label
            >`,
          )}
          ${calc.fields.map(
            (f) => html`<rack-quantity-input
              field-key=${f.key}
              .label=${f.label}
              .kind=${f.kind}
              .value=${values[f.key]}
              .defaultValue=${f.defaultValue}
              .min=${f.min}
              .max=${f.max}
              ?integer=${f.integer ?? false}
              .system=${prefs.units}
              .help=${f.help}
              .example=${f.example ?? ''}
              @quantity-change=${(e: CustomEvent<{ key: string; value: number | undefined }>) => {
                e.stopPropagation();
                this.#setValue(calc.id, e.detail.key, e.detail.value);
              }}
            ></rack-quantity-input>`,
          )}
          ${calc.list
            ? html`<label class="sel"
                  >${calc.list.label}
                  <input
                    class="list"
                    type="text"
                    inputmode="decimal"
                    placeholder="e.g. 2.9, 2.9, 2.9, 2.9, 2.9, 2.9"
                    .value=${this._lists[calc.id]?.[calc.list.key] ?? ''}
                    aria-invalid=${listError ? 'true' : 'false'}
                    @change=${(e: Event) => this.#setList(calc.id, calc.list!.key, (e.target as HTMLInputElement).value)}
                /></label>
                ${listError ? html`<div class="err" role="alert">${listError}</div>` : nothing}`
            : nothing}
          ${calc.id === 'energy' && rackInputW !== undefined
            ? html`<button class="btn" type="button" @click=${() => this.#setValue('energy', 'fullW', rackInputW * 1000)}>Use the rack designer’s unit input power</button>`
            : nothing}
        </section>
        <section class="card" aria-label=${`${calc.title}: result`} aria-live="polite" part="result">
          ${outcome.status === 'incomplete'
            ? html`<p>${outcome.message}</p>`
            : html`<dl>
                  ${outcome.rows.map((r) => html`<dt>${r.label}</dt><dd class=${[r.headline ? 'headline' : '', r.over ? 'over' : ''].join(' ').trim()}>${r.value}</dd>`)}
                </dl>
                ${outcome.note ? html`<p class="note" role="status">${outcome.note}</p>` : nothing}`}
          <code>$ ${commandLine(calc.id, values, this._choices[calc.id] ?? {}, this._lists[calc.id] ?? {})}</code>
        </section>
      </div>
    `;
  }

  #setValue(id: CalculatorId, key: string, value: number | undefined): void {
    this._values = { ...this._values, [id]: { ...this._values[id], [key]: value } };
  }

  #setChoice(id: CalculatorId, key: string, value: string): void {
    this._choices = { ...this._choices, [id]: { ...this._choices[id], [key]: value } };
  }

  #setList(id: CalculatorId, key: string, text: string): void {
    this._lists = { ...this._lists, [id]: { ...this._lists[id], [key]: text } };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-calculators-view': RackCalculatorsView;
  }
}

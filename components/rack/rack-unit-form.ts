import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CduModel, Generation } from '../../src/core/catalog/types';
import type { UnitOptions, UnitReport } from '../../src/core/rack/types';
import { CHOICES, LIMIT_FIELDS, OPTION_FIELDS, type ChoiceKey, type LimitKey, type NumericField } from '../../src/views/fields';
import type { SiteSummary } from '../../src/views/site-chain';
import type { SiteLimits, UnitSystem } from '../../src/state/types';
import { emit } from '../shared/events';
import { baseStyles } from '../shared/styles';
import '../inputs/rack-quantity-input';
import { shortName } from '../../src/views/names';

/** The value the engine used for each field when the user set none (shown as the default). */
interface Defaults {
  readonly numbers: Partial<Record<string, number>>;
  readonly choices: Partial<Record<ChoiceKey | 'cduId', string>>;
}

/**
 * The unit's options: deployment, power feed, cooling and limits. Unit-aware fields show the accepted range and
 * refuse values outside it at the field; empty fields take the catalog default shown as the placeholder.
 *
 * @summary Options form of the rack designer.
 * @fires rack-edit - a `rack/set-option`, `rack/set-limit` or `rack/set-site` action
 * @csspart fieldset - each group of fields
 */
@customElement('rack-unit-form')
export class RackUnitForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        margin: 0 0 0.75rem;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      .na {
        margin: 0;
        font-size: 0.75rem;
        color: var(--rack-muted);
      }
      legend {
        padding: 0;
        margin-bottom: 0.4rem;
        font-size: 0.8125rem;
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--rack-muted);
      }
      .pair {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.6rem;
        align-items: start;
      }
      .pair > * {
        min-width: 0;
      }
      label.sel {
        display: block;
        font-size: 0.8125rem;
        font-weight: 500;
      }
      select {
        display: block;
        width: 100%;
        margin-top: 0.2rem;
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--rack-border-strong);
        border-radius: 6px;
        background: var(--rack-input-bg);
      }
      select.set {
        font-weight: 600;
      }
      .reset-all {
        font-size: 0.8125rem;
      }
    `,
  ];

  @property({ attribute: false }) generation: Generation | undefined;

  /** The engine's report for the current options (its figures are the defaults shown in empty fields). */
  @property({ attribute: false }) report: UnitReport | undefined;

  @property({ attribute: false }) options: UnitOptions = {};

  @property({ attribute: false }) limits: SiteLimits = {};

  @property({ attribute: false }) cdus: readonly CduModel[] = [];

  @property() system: UnitSystem = 'si';

  /** Data-center sites to place the unit at (null while the site list loads). */
  @property({ attribute: false }) sites: readonly SiteSummary[] | null = null;

  /** Chosen site id. */
  @property() siteId: string | undefined;

  #defaults: Defaults = { numbers: {}, choices: {} };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report') || changed.has('generation') || changed.has('siteId') || changed.has('sites')) {
      const r = this.report;
      const g = this.generation;
      if (!r || !g) return;
      this.#defaults = {
        numbers: {
          units: 1,
          systemsPerRack: g.systemsPerRack?.default,
          feedVolts: g.power.defaultFeed.volts,
          feedAmps: g.power.defaultFeed.amps,
          powerFactor: this.options.powerFactor === undefined ? r.power.powerFactor : undefined,
          continuousFactor: 0.8,
          deltaTK: 10,
          airDeltaTK: 20 / 1.8,
          altitudeM: this.#site()?.altitudeM ?? 0,
          floorLimitKgM2: this.#site()?.floorLimitKgM2 ?? undefined,
          coolantSupplyC: this.options.coolantSupplyC === undefined ? (r.cooling.supplyC ?? undefined) : undefined,
          // Shown in W: the cap of the profile in force (none when uncapped).
          powerCapKw: this.options.powerCapKw === undefined && r.power.cap.capKw !== null ? r.power.cap.capKw * 1000 : undefined,
        },
        choices: {
          feeds: g.power.defaultFeed.mode ?? 'ab',
          feedSystem: g.power.defaultFeed.system,
          redundancy: g.power.redundancy.default,
          coolant: 'water',
          basis: 'max',
          cduId: r.cooling.cdu && this.options.cduId === undefined ? r.cooling.cdu.id : undefined,
        },
      };
    }
  }

  override render() {
    const g = this.generation;
    if (!g) return nothing;
    const F = OPTION_FIELDS;
    // A unit with no liquid-cooled part has no coolant loop: its liquid fields would change nothing. A value the user
    // set stays in the options (visible again if they pick a liquid-cooled generation).
    const airCooled = this.report !== undefined && this.report.cooling.liquidFraction === 0;
    const dc = this.report?.power.feeds.sides[0]?.system === 'dc';
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} @quantity-change=${this.#onQuantity} aria-label="Unit options">
        <fieldset part="fieldset">
          <legend>Deployment</legend>
          ${this.#siteSelect()}
          <div class="pair">
            ${this.#num(F.units)} ${this.#choice('basis', 'Basis')}
          </div>
          ${g.systemsPerRack ? this.#num({ ...F.systemsPerRack, min: Math.max(F.systemsPerRack.min, 1), help: `${g.systemsPerRack.systemName} per rack; reference ${g.systemsPerRack.min}–${g.systemsPerRack.max}.` }) : nothing}
        </fieldset>
        <fieldset part="fieldset">
          <legend>Power feed</legend>
          <div class="pair">${this.#choice('feeds', 'Feeds')} ${this.#choice('feedSystem', 'System')}</div>
          <div class="pair">${this.#num(F.feedVolts)} ${this.#num(F.feedAmps)}</div>
          <div class="pair">${this.#choice('redundancy', 'Shelf redundancy')} ${this.#continuous()}</div>
          ${dc ? html`<p class="na" data-not-applicable="power-factor">DC feed: no power factor (power is V × A), currents are per pole.</p>` : this.#num(F.powerFactor)}
          <div class="pair">${this.#profile()} ${this.#num(F.powerCapKw)}</div>
        </fieldset>
        <fieldset part="fieldset">
          <legend>Cooling</legend>
          ${airCooled
            ? html`<p class="na" data-not-applicable="liquid">Air-cooled: coolant, CDU, coolant supply and liquid ΔT do not apply to this unit, so they are hidden.</p>`
            : html`<div class="pair">${this.#choice('coolant', 'Coolant')} ${this.#cdu()}</div>
                <div class="pair">${this.#num(F.coolantSupplyC)} ${this.#num(F.deltaTK)}</div>`}
          <div class="pair">${this.#num(F.airDeltaTK)} ${this.#num(F.altitudeM)}</div>
        </fieldset>
        <fieldset part="fieldset">
          <legend>Site limits</legend>
          ${airCooled ? nothing : this.#num(LIMIT_FIELDS.liquidHeatLimitW)} ${this.#num(LIMIT_FIELDS.airHeatLimitW)} ${this.#num(F.floorLimitKgM2)}
        </fieldset>
        ${Object.keys(this.options).length
          ? html`<button type="button" class="btn reset-all" @click=${() => emit(this, 'rack-edit', { type: 'rack/reset-options' })}>Reset all options to catalog defaults</button>`
          : nothing}
      </form>
    `;
  }

  #site(): SiteSummary | undefined {
    return this.sites?.find((x) => x.id === this.siteId);
  }

  #siteSelect() {
    const dcs = (this.sites ?? []).filter((x) => x.dataCenter);
    return html`<label class="sel"
      >Site
      <select class=${this.siteId ? 'set' : ''} ?disabled=${this.sites === null} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        emit(this, 'rack-edit', { type: 'rack/set-site', siteId: v === '' ? undefined : v });
      }}>
        <option value="" ?selected=${!this.siteId}>${this.sites === null ? 'Loading sites…' : 'No site (rack only)'}</option>
        ${dcs.map((x) => html`<option value=${x.id} ?selected=${x.id === this.siteId}>${shortName(x.name)}</option>`)}
        ${this.siteId && this.sites === null ? html`<option value=${this.siteId} selected>${this.siteId}</option>` : nothing}
      </select>
    </label>`;
  }

  #value(key: string): number | undefined {
    if (key in LIMIT_FIELDS) return this.limits[key as LimitKey];
    const stored = this.options[key as keyof UnitOptions] as number | undefined;
    const per = (OPTION_FIELDS as Record<string, NumericField | undefined>)[key]?.storedPerShown ?? 1;
    return stored === undefined ? undefined : stored / per;
  }
  /** The generation's published power profiles; the default is the one its published build runs at. */
  #profile() {
    const g = this.generation!;
    const profiles = g.power.profiles ?? [];
    const current = this.options.powerProfile;
    const def = profiles.find((x) => x.id === g.power.defaultProfile?.id);
    return html`<label class="sel"
      >Power profile
      <select class=${current === undefined ? '' : 'set'} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        emit(this, 'rack-edit', { type: 'rack/set-option', key: 'powerProfile', value: v === '' ? undefined : v });
      }}>
        <option value="" ?selected=${current === undefined}>${def ? `${def.name} (default)` : 'Uncapped (default)'}</option>
        ${profiles.map((x) => html`<option value=${x.id} ?selected=${current === x.id}>${x.name}</option>`)}
        ${def ? html`<option value="uncapped" ?selected=${current === 'uncapped'}>Uncapped</option>` : nothing}
      </select>
    </label>`;
  }

  #num(f: NumericField) {
    return html`<rack-quantity-input
      field-key=${f.key}
      draft-scope="rack"
      .label=${f.label}
      .kind=${f.kind}
      .value=${this.#value(f.key)}
      .defaultValue=${this.#defaults.numbers[f.key]}
      .min=${f.min}
      .max=${f.max}
      ?integer=${f.integer ?? false}
      .system=${this.system}
      .help=${f.help}
      .example=${f.example ?? ''}
    ></rack-quantity-input>`;
  }

  #choice(key: ChoiceKey, label: string) {
    const current = this.options[key] as string | undefined;
    const def = this.#defaults.choices[key];
    const defLabel = CHOICES[key].find((c) => c.value === def)?.label ?? def ?? '';
    return html`<label class="sel"
      >${label}
      <select class=${current === undefined ? '' : 'set'} @change=${(e: Event) => this.#onChoice(key, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${current === undefined}>${defLabel ? `${defLabel} (default)` : 'Default'}</option>
        ${CHOICES[key].map((c) => html`<option value=${c.value} ?selected=${current === c.value}>${c.label}</option>`)}
      </select>
    </label>`;
  }

  #continuous() {
    const current = this.options.continuousFactor;
    return html`<label class="sel"
      >Breaker type
      <select class=${current === undefined ? '' : 'set'} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        emit(this, 'rack-edit', { type: 'rack/set-option', key: 'continuousFactor', value: v === '' ? undefined : Number(v) });
      }}>
        <option value="" ?selected=${current === undefined}>80 % (default)</option>
        <option value="0.8" ?selected=${current === 0.8}>80 % continuous (standard)</option>
        <option value="1" ?selected=${current === 1}>100 %-rated breaker</option>
      </select>
    </label>`;
  }

  #cdu() {
    const current = this.options.cduId;
    const def = this.#defaults.choices.cduId;
    const defName = this.cdus.find((c) => c.id === def)?.name;
    return html`<label class="sel"
      >CDU
      <select class=${current === undefined ? '' : 'set'} ?disabled=${this.cdus.length === 0} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        emit(this, 'rack-edit', { type: 'rack/set-option', key: 'cduId', value: v === '' ? undefined : v });
      }}>
        <option value="" ?selected=${current === undefined}>${this.cdus.length === 0 ? 'None in the catalog yet' : defName ? `${defName} (default)` : 'Default'}</option>
        ${this.cdus.map((c) => html`<option value=${c.id} ?selected=${current === c.id} title=${c.name}>${c.name.split(/\s*[(,]/)[0]}</option>`)}
      </select>
    </label>`;
  }

  #onChoice(key: ChoiceKey, value: string): void {
    emit(this, 'rack-edit', { type: 'rack/set-option', key, value: value === '' ? undefined : (value as UnitOptions[typeof key]) });
  }

  #onQuantity(e: CustomEvent<{ key: string; value: number | undefined }>): void {
    e.stopPropagation();
    const { key, value } = e.detail;
    if (key in LIMIT_FIELDS) emit(this, 'rack-edit', { type: 'rack/set-limit', key: key as LimitKey, value });
    else {
      const per = (OPTION_FIELDS as Record<string, NumericField | undefined>)[key]?.storedPerShown ?? 1;
      emit(this, 'rack-edit', { type: 'rack/set-option', key: key as keyof UnitOptions, value: value === undefined ? undefined : value * per });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-unit-form': RackUnitForm;
  }
}

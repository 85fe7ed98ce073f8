/**
 * Shared styles. Colours and sizes are `--rack-*` custom properties set on :root (index.html), so they cross
 * shadow roots and switch with the theme.
 * @module
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    box-sizing: border-box;
    color: var(--rack-text);
    font: var(--rack-font);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--rack-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  h2,
  h3 {
    margin: 0;
    font-weight: 600;
  }
  h2 {
    font-size: 1rem;
  }
  h3 {
    font-size: 0.8125rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--rack-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .estimate {
    display: inline-block;
    padding: 0 0.3em;
    border: 1px dashed var(--rack-estimate);
    border-radius: 3px;
    color: var(--rack-estimate);
    font-size: 0.6875rem;
    font-weight: 600;
    line-height: 1.35;
    letter-spacing: 0.02em;
    vertical-align: 0.1em;
    cursor: help;
  }
  .card {
    background: var(--rack-surface);
    border: 1px solid var(--rack-border);
    border-radius: var(--rack-radius);
    padding: 0.875rem 1rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  .btn {
    border: 1px solid var(--rack-border);
    background: var(--rack-surface);
    border-radius: 6px;
    padding: 0.3rem 0.7rem;
    line-height: 1.3;
  }
  .btn:hover:not(:disabled) {
    background: var(--rack-surface-2);
  }
  .btn:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .btn.primary {
    background: var(--rack-accent);
    border-color: var(--rack-accent);
    color: var(--rack-on-accent);
  }
  a {
    color: var(--rack-link);
  }
  /* The mark beside a figure the user fixed in place of the model's (a site's PUE override): one look everywhere. */
  .override {
    font-size: 0.6875rem;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--rack-warn);
  }
`;

/**
 * Elements whose modules load after a view's first paint (the quantity field, the chart) keep their place until
 * they are defined, so nothing below them moves when they upgrade.
 */
export const pendingElementStyles = css`
  /* A field holds the height of the shortest one. */
  rack-quantity-input:not(:defined) {
    display: block;
    min-height: 4.2rem;
  }
  /* A chart keeps its height and says it is loading. */
  rack-chart:not(:defined) {
    display: grid;
    place-items: center;
    height: 16rem;
    color: var(--rack-muted);
    font-size: 0.8125rem;
  }
`;

/** The confidence badge text and description for a provenance confidence. */
/** Tables of figures: numbers right-aligned, the first (label) column left, a rule under each row. */
export const numberTableStyles = css`
  th,
  td {
    text-align: right;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--rack-border);
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
`;

export const CONFIDENCE_TEXT: Record<string, { label: string; title: string }> = {
  published: { label: 'published', title: 'Published by the vendor' },
  secondary: { label: 'secondary', title: 'From a secondary source (press, analysts, integrators)' },
  derived: { label: 'derived', title: 'Derived by a formula from other sourced figures' },
  estimate: { label: 'estimate', title: 'An estimate: no published figure; see the note for the reasoning' },
  missing: { label: 'not published', title: 'No published figure; left out of the calculation' },
  user: { label: 'your input', title: 'A value you entered' },
};

/** A segmented choice (radio inputs inside labels, e.g. SI | US, GPUs | units): one look wherever it appears. */
export const segmentedStyles = css`
  .seg {
    display: inline-flex;
    border: 1px solid var(--rack-border-strong);
    border-radius: 6px;
    overflow: hidden;
    margin: 0;
    padding: 0;
  }
  .seg label {
    position: relative;
    font-size: 0.8125rem;
    padding: 0.25rem 0.6rem;
    cursor: pointer;
    user-select: none;
  }
  .seg input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .seg label:has(input:checked) {
    background: var(--rack-accent);
    color: var(--rack-on-accent);
    font-weight: 600;
  }
  .seg label:has(input:focus-visible) {
    outline: 2px solid var(--rack-focus);
    outline-offset: -2px;
  }
`;

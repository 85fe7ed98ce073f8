import { css } from 'lit';

/**
 * The Compare view's chart grid and notes, shared by the view (its per-PFLOP charts, on the first screen) and its
 * table element (the absolute charts below, loaded after the first paint), so both parts look alike.
 */
export const compareChartStyles = css`
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: 1rem;
  }
  .charts > * {
    min-width: 0;
  }
  .charts h3 {
    margin-bottom: 0.5rem;
  }
  .note {
    font-size: 0.75rem;
    color: var(--rack-muted);
    margin: 0.5rem 0 0;
  }
`;

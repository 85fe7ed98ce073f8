import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { issue } from '../../src/core/issues';
import '../../components/rack/rack-issue-list';

afterEach(() => document.body.replaceChildren());

async function mount(issues: HTMLElementTagNameMap['rack-issue-list']['issues']) {
  const el = document.createElement('rack-issue-list');
  el.issues = issues;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('rack-issue-list', () => {
  it("shows each issue's title, message, fix and code, errors first", async () => {
    await mount([
      issue('cdu_catalog_empty', 'info', ['cooling', 'cdu'], 'no CDU model in the catalog'),
      issue('ab_failover_insufficient', 'error', ['power', 'feeds'], 'on loss of one feed, 4 of 8 shelves remain (132 kW) for a 135 kW load', { limit: 132, actual: 135, unit: 'kW' }),
    ]);
    const items = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').elements();
    const first = items[0]!.textContent.replace(/\s+/g, ' ');
    // Title and fix are the registry's words for the code (src/core/issue-codes.ts).
    expect(first).toContain('Error');
    expect(first).toContain('The surviving A/B side cannot carry the load');
    expect(first).toContain('on loss of one feed, 4 of 8 shelves remain (132 kW) for a 135 kW load');
    expect(first).toContain('Fix: Add a shelf or PSU per side');
    expect(first).toContain('ab_failover_insufficient');
    const note = items[1]!.textContent.replace(/\s+/g, ' ');
    expect(note).toContain('No CDU model is in the catalog');
    expect(note).toContain('Note: The CDU count');
    expect(note).not.toContain('Fix:');
  });

  it('a code that repeats (one per quarter) shows its fix once', async () => {
    await mount([
      issue('demand_unmet', 'warning', ['demand', 0], '2026 Q4: 180,000 of 1,000,000 PFLOPS fp8 dense in service'),
      issue('demand_unmet', 'warning', ['demand', 1], '2028 Q4: 660,096 of 3,000,000 PFLOPS fp8 dense in service'),
    ]);
    const texts = page.getByRole('listitem').elements().map((el) => el.textContent.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('Fix: Order and deploy more units');
    expect(texts[1]).toContain('Demand is not met in a quarter');
    expect(texts[1]).not.toContain('Fix:');
  });

  it('an issue from an older session with a code this version does not know shows its code and message', async () => {
    const stale = { ...issue('cdu_catalog_empty', 'warning', [], 'an old message'), code: 'retired_code' } as unknown as ReturnType<typeof issue>;
    await mount([stale]);
    const text = page.getByRole('listitem').elements()[0]!.textContent.replace(/\s+/g, ' ');
    expect(text).toContain('retired_code');
    expect(text).toContain('an old message');
    expect(text).not.toContain('Fix:');
  });
});

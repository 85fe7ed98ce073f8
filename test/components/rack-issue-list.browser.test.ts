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
  it("shows each issue's title (its code as the tooltip), message and fix, errors first", async () => {
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
    expect(first).not.toContain('ab_failover_insufficient');
    expect(items[0]!.querySelector('[data-code]')!.getAttribute('title')).toBe('Issue code: ab_failover_insufficient');
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

  it('the same cause on feed A and feed B is listed once, naming both feeds', async () => {
    const msg = 'one shelf draws 35.6 kVA under failover, above what a 415 V 60 A 3ph whip carries at 80 % (34.5 kVA)';
    await mount([
      issue('whip_undersized', 'error', ['power', 'feeds', 'A'], msg),
      issue('whip_undersized', 'error', ['power', 'feeds', 'B'], msg),
      issue('phase_current_exceeded', 'error', ['power', 'feeds', 'A', 'phases'], 'worst phase draws 49.5 A'),
      issue('phase_current_exceeded', 'error', ['power', 'feeds', 'B', 'phases'], 'worst phase draws 47.0 A'),
    ]);
    const texts = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').elements().map((el) => el.textContent.replace(/\s+/g, ' '));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Feeds A and B: One shelf or PSU draws more than its whip carries');
    expect(texts[0]!.split(msg)).toHaveLength(2);
    // Different numbers are different causes: each names its feed.
    expect(texts[1]).toContain('Feed A:');
    expect(texts[2]).toContain('Feed B:');
    await expect.element(page.getByText('3 errors')).toBeVisible();
  });
});

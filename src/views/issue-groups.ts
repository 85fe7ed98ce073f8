/**
 * One issue per cause: the engine reports a feed problem once per side (`['power', 'feeds', 'A', …]` and the same for
 * B), word for word when both sides are alike. The issue list shows such a pair once, naming the feeds it applies to
 * ("Feeds A and B"), with its title, message and what would fix it.
 * @module
 */
import type { Issue } from '../core/issues';
import { issueText, type IssueText } from './issue-text';

export interface IssueGroup extends IssueText {
  /** The first issue of the group (its code, severity and path). */
  readonly issue: Issue;
  readonly issues: readonly Issue[];
  /** The feed sides it applies to, in order; empty for an issue not about one feed. */
  readonly feeds: readonly string[];
  /** "Feed A", "Feeds A and B", or "" for an issue not about one feed. */
  readonly scope: string;
}

const feedOf = (i: Issue): string | null => (i.path[0] === 'power' && i.path[1] === 'feeds' && typeof i.path[2] === 'string' && /^[AB]$/.test(i.path[2]) ? i.path[2] : null);

/** The issue with its feed side taken out of the path: two sides with the same cause share this key. */
function causeKey(i: Issue): string {
  const feed = feedOf(i);
  const path = feed ? ['power', 'feeds', '*', ...i.path.slice(3)] : i.path;
  return JSON.stringify([i.code, i.severity, path, i.message, i.fix ?? null]);
}

/**
 * Group issues by cause, keeping the order of first appearance. A code that repeats with different causes shows the
 * registry's fix only once (the first time); an issue's own computed fix shows every time.
 */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const byKey = new Map<string, Issue[]>();
  for (const i of issues) {
    const k = causeKey(i);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  }
  const explained = new Set<string>();
  return [...byKey.values()].map((list) => {
    const first = list[0]!;
    const t = issueText(first);
    const repeated = explained.has(first.code) && !first.fix;
    explained.add(first.code);
    const feeds = [...new Set(list.map(feedOf).filter((f): f is string => f !== null))];
    const scope = feeds.length === 0 ? '' : feeds.length === 1 ? `Feed ${feeds[0]}` : `Feeds ${feeds.slice(0, -1).join(', ')} and ${feeds.at(-1)}`;
    return { ...t, fix: repeated ? '' : t.fix, issue: first, issues: list, feeds, scope };
  });
}

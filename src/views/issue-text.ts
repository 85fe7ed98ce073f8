/**
 * What the issue list shows for an issue: the registry's title, the engine's message and what would fix it.
 * The CLI prints the same three parts (src/cli/output.ts `issueLines`).
 * @module
 */
import { issueCodeInfo } from '../core/issue-codes';
import type { Issue } from '../core/issues';

export interface IssueText {
  /** Plain title of the code; the code itself when the registry does not know it (an issue from an older session). */
  readonly title: string;
  readonly message: string;
  /** "Fix" for errors and warnings; "Note" for informational issues, whose text says what the note means. */
  readonly fixLabel: 'Fix' | 'Note';
  /** The issue's own computed fix when it has one, else the registry's; empty when neither exists. */
  readonly fix: string;
}

export function issueText(i: Issue): IssueText {
  const info = issueCodeInfo(i.code);
  return { title: info?.title ?? i.code, message: i.message, fixLabel: i.severity === 'info' ? 'Note' : 'Fix', fix: i.fix ?? info?.fix ?? '' };
}

/**
 * The texts of a list of issues, in order; a code that repeats (one per quarter, say) shows the registry's fix only
 * once, while an issue's own computed fix shows every time (it differs per instance).
 */
export function issueTexts(issues: readonly Issue[]): (IssueText & { readonly issue: Issue })[] {
  const explained = new Set<string>();
  return issues.map((i) => {
    const t = issueText(i);
    const first = !explained.has(i.code);
    explained.add(i.code);
    return { ...t, fix: first || i.fix ? t.fix : '', issue: i };
  });
}

/**
 * Silencing a warning, with a reason:
 *
 * - Markdown: `<!-- content-check-ignore-next-line rule-name: why it is right here -->` on the line
 *   above; it silences that rule on the next line only (several rules: `rule-a, rule-b: reason`).
 * - JSON: `"$ignore": { "rule-name": "why it is right here" }` in the question (or other object)
 *   the warning is about.
 *
 * Errors cannot be silenced. A comment without a reason or naming no known warning rule is an error.
 */
import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem, Rule } from '../problems.ts';

const COMMENT = /^<!--\s*content-check-ignore-next-line\b([\s\S]*?)-->\s*$/;

export interface IgnoreComment {
  /** The line it silences. */
  line: number;
  rules: string[];
}

export function ignoreComments(
  tree: Root,
  lineOffset: number,
  warningRules: ReadonlySet<string>,
  report: (line: number, column: number, message: string) => void,
): IgnoreComment[] {
  const comments: IgnoreComment[] = [];
  visit(tree, 'html', (node: Html) => {
    const match = COMMENT.exec(node.value.trim());
    if (!match) return;
    const start = (node.position?.start.line ?? 1) + lineOffset;
    const column = node.position?.start.column ?? 1;
    const end = (node.position?.end.line ?? 1) + lineOffset;
    const body = match[1]!.trim();
    const colon = body.indexOf(':');
    const names = (colon < 0 ? body : body.slice(0, colon)).split(',').map((name) => name.trim()).filter(Boolean);
    const reason = colon < 0 ? '' : body.slice(colon + 1).trim();
    if (!names.length || !reason) {
      report(start, column, 'an ignore comment names the rule and gives the reason: <!-- content-check-ignore-next-line rule-name: why it is right here -->');
      return;
    }
    const unknown = names.filter((name) => !warningRules.has(name));
    if (unknown.length) {
      report(start, column, `"${unknown.join('", "')}" is not a warning rule that can be silenced; use one of: ${[...warningRules].join(', ')}`);
      return;
    }
    comments.push({ line: end + 1, rules: names });
  });
  return comments;
}

export function isSilenced(problem: Problem, comments: IgnoreComment[]): boolean {
  return (problem.severity ?? 'error') === 'warning' && comments.some((c) => c.line === problem.line && c.rules.includes(problem.rule));
}

/** Checks a JSON `$ignore` map: known warning rules only. Returns the rules it silences. */
export function jsonIgnores(
  ignore: Record<string, string> | undefined,
  warningRules: ReadonlySet<string>,
  report: (message: string) => void,
): Set<Rule> {
  const rules = new Set<Rule>();
  for (const name of Object.keys(ignore ?? {})) {
    if (warningRules.has(name)) rules.add(name as Rule);
    else report(`"$ignore" names "${name}", which is not a warning rule that can be silenced; use one of: ${[...warningRules].join(', ')}`);
  }
  return rules;
}

/**
 * Every content problem is reported the same way: `path:line:column  message  (rule)`, so an editor
 * can jump straight to it. Messages say what was found, what was expected and how to fix it.
 */
import type { z } from 'zod';

export type Rule =
  | 'invalid-json'
  | 'invalid-yaml'
  | 'missing-front-matter'
  | 'schema'
  | 'unknown-directive'
  | 'unknown-attribute'
  | 'missing-attribute'
  | 'misplaced-directive'
  | 'no-html'
  | 'heading-level'
  | 'duplicate-id'
  | 'missing-lesson-file'
  | 'lesson-not-in-section'
  | 'missing-check-file'
  | 'check-not-used'
  | 'answer-not-an-option'
  | 'no-correct-answer'
  | 'matching-unequal-sides'
  | 'unknown-lesson-link'
  | 'unsafe-link'
  | 'http-link'
  | 'empty-lesson'
  | 'empty-block'
  | 'missing-folder';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: Rule;
  /** A warning is printed but does not fail the check or the build; absent means an error. */
  severity?: 'warning';
}

export function formatProblem(problem: Problem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}  ${prefix}${problem.message}  (${problem.rule})`;
}

/** The problems that fail the check and the build (everything but warnings). */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity !== 'warning');
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** A content error found while building; Vite shows it in its overlay with the file and position. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const sorted = sortProblems(problems);
    super(
      `${sorted.length} content problem${sorted.length === 1 ? '' : 's'}:\n` +
        sorted.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = sorted;
  }
}

/** One wording for every schema failure, whatever file it is in (like Starlight's error map). */
export function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `"${issue.path.join('.')}"` : 'this file';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${where} is missing; add it (expected ${issue.expected})`;
      return `${where} should be ${issue.expected}, found ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((key) => `"${key}"`)
        .join(', ')} in ${where}; check the spelling against content/README.md`;
    case 'invalid_value':
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(issue.input)}`;
    case 'invalid_union': {
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      if (issue.path.length && issue.input && typeof issue.input === 'object' && 'type' in issue.input)
        return `${where} has an unknown question type ${JSON.stringify(type)}; use single, multiple, yesno, text or matching`;
      return `${where} does not match any allowed form`;
    }
    case 'too_small':
      return `${where} ${issue.message.startsWith('Too small') ? `is too short (at least ${String(issue.minimum)})` : issue.message}`;
    case 'too_big':
      return `${where} is too large (at most ${String(issue.maximum)})`;
    default:
      return `${where} ${issue.message}`;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

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
  | 'missing-folder'
  // Glossary (content/<locale>/glossary.json)
  | 'duplicate-term'
  // Editorial rules (src/pipeline/editorial/)
  | 'bad-ignore-comment'
  | 'instruction-without-target'
  | 'duplicate-instruction'
  | 'heading-repeated-by-block'
  | 'bad-link-text'
  | 'empty-link'
  | 'acronym-before-definition'
  | 'reading-level'
  | 'inclusive-language'
  | 'image-without-alt'
  | 'review-not-quoted';

/**
 * An error fails `content:check` and the build. A warning is printed and counted but fails only
 * `content:check --strict`; an editor can silence it for one line, with a reason (content/README.md).
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: Rule;
  /** Absent means "error". */
  severity?: Severity;
}

export function severityOf(problem: Problem): Severity {
  return problem.severity ?? 'error';
}

export const isError = (problem: Problem): boolean => severityOf(problem) === 'error';
export const isWarning = (problem: Problem): boolean => severityOf(problem) === 'warning';

export function formatProblem(problem: Problem): string {
  const warning = isWarning(problem) ? 'warning: ' : '';
  return `${problem.file}:${problem.line}:${problem.column}  ${warning}${problem.message}  (${problem.rule})`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** A content error found while building; Vite shows it in its overlay with the file and position. */
export class ContentError extends Error {
  readonly problems: Problem[];
  /** Only errors: warnings never stop a build. */
  constructor(problems: Problem[]) {
    const sorted = sortProblems(problems.filter(isError));
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

/**
 * Runs the editorial rules on a lesson (and on a knowledge check's words), turns findings into
 * problems with their severity, and drops warnings an editor silenced with a reason (ignore.ts).
 */
import type { Root } from 'mdast';
import type { GlossaryIndex } from '../glossary.ts';
import type { Problem, Rule, Severity } from '../problems.ts';
import { acronymBeforeDefinition, undefinedAcronyms } from './acronym-before-definition.ts';
import { duplicateInstruction } from './duplicate-instruction.ts';
import { headingRepeatedByBlock } from './heading-repeated-by-block.ts';
import { ignoreComments, isSilenced, jsonIgnores } from './ignore.ts';
import { imageWithoutAlt } from './image-without-alt.ts';
import { equalityFindings } from './inclusive-language.ts';
import { instructionWithoutTarget } from './instruction-without-target.ts';
import { badLinkText, checkLink } from './link-text.ts';
import { readingLevel, type ReadingLevel } from './reading-level.ts';
import { textPieces } from './text.ts';
import type { Finding, LessonRule } from './types.ts';

const inclusiveLanguage: LessonRule = {
  rule: 'inclusive-language',
  severity: 'warning',
  description: 'possibly insensitive or inconsiderate wording (retext-equality)',
  check: ({ pieces }) => equalityFindings(pieces),
};

export const LESSON_RULES: LessonRule[] = [
  instructionWithoutTarget,
  duplicateInstruction,
  headingRepeatedByBlock,
  badLinkText,
  acronymBeforeDefinition,
  inclusiveLanguage,
  imageWithoutAlt,
];

/** Rules whose findings are warnings (and so can be silenced). */
export const WARNING_RULES: ReadonlySet<string> = new Set<Rule>([
  ...LESSON_RULES.filter((rule) => rule.severity === 'warning').map((rule) => rule.rule),
  'reading-level',
  'review-not-quoted',
  'http-link',
]);

export interface LessonEditorialInput {
  file: string;
  tree: Root;
  lineOffset: number;
  glossary: GlossaryIndex;
  maxReadingGrade: number | undefined;
}

export interface LessonEditorialResult {
  problems: Problem[];
  reading: ReadingLevel | undefined;
  /** The visible text of the lesson, as plain text pieces (for the reading grade of a check lesson). */
  pieces: string[];
}

export function checkLessonEditorial({ file, tree, lineOffset, glossary, maxReadingGrade }: LessonEditorialInput): LessonEditorialResult {
  const problems: Problem[] = [];
  const pieces = textPieces(tree, lineOffset);
  const comments = ignoreComments(tree, lineOffset, WARNING_RULES, (line, column, message) =>
    problems.push({ file, line, column, rule: 'bad-ignore-comment', message }),
  );
  const found: Problem[] = [];
  const push = (rule: Rule, severity: Severity, finding: Finding) =>
    found.push({
      file,
      line: finding.line,
      column: finding.column,
      message: finding.message,
      rule: finding.rule ?? rule,
      severity: finding.severity ?? severity,
    });
  for (const rule of LESSON_RULES) {
    for (const finding of rule.check({ tree, lineOffset, glossary, pieces })) push(rule.rule, rule.severity, finding);
  }
  const reading = readingLevel(pieces.map((piece) => piece.text));
  if (reading && maxReadingGrade !== undefined && reading.grade > maxReadingGrade) {
    const first = pieces[0];
    push('reading-level', 'warning', {
      line: first?.line ?? lineOffset + 1,
      column: 1,
      message: `this lesson reads at grade ${reading.grade} (Flesch-Kincaid), above the course's limit of ${maxReadingGrade} ("maxReadingGrade" in course.json); use shorter sentences and plainer words`,
    });
  }
  problems.push(...found.filter((problem) => !isSilenced(problem, comments)));
  return { problems, reading, pieces: pieces.map((piece) => piece.text) };
}

/** One piece of a check's words: where it sits and which question's `$ignore` applies. */
export interface CheckTextPiece {
  text: string;
  line: number;
  column: number;
  links: { url: string; text: string }[];
}

/**
 * The editorial rules that apply to a knowledge check's words (links, acronyms, inclusive
 * language), with the question's `$ignore`. Acronyms count as spelled out within the question.
 */
export function checkQuestionEditorial(
  file: string,
  pieces: CheckTextPiece[],
  glossary: GlossaryIndex,
  ignore: Record<string, string> | undefined,
  ignoreAt: { line: number; column: number },
): Problem[] {
  const problems: Problem[] = [];
  const silenced = jsonIgnores(ignore, WARNING_RULES, (message) =>
    problems.push({ file, ...ignoreAt, rule: 'bad-ignore-comment', message }),
  );
  const push = (rule: Rule, finding: Finding) => {
    const problem: Problem = { file, line: finding.line, column: finding.column, message: finding.message, rule: finding.rule ?? rule, severity: finding.severity ?? 'warning' };
    if (problem.severity === 'warning' && silenced.has(problem.rule)) return;
    problems.push(problem);
  };
  for (const piece of pieces) {
    for (const link of piece.links) {
      const finding = checkLink({ type: 'link', url: link.url, children: link.text ? [{ type: 'text', value: link.text }] : [] }, piece);
      if (finding) push('bad-link-text', finding);
    }
  }
  for (const finding of undefinedAcronyms(pieces, glossary)) push('acronym-before-definition', finding);
  for (const finding of equalityFindings(pieces)) push('inclusive-language', finding);
  return problems;
}

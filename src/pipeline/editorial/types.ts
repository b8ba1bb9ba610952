/**
 * Editorial rules: the slips a careful editor catches (an instruction pointing at nothing, a
 * heading the block below repeats, "click here", an acronym never spelled out …). Each rule is
 * its own module and reports findings; index.ts turns them into problems with a severity and
 * applies the editors' silencing comments.
 */
import type { Nodes, Root } from 'mdast';
import type { GlossaryIndex } from '../glossary.ts';
import type { Rule, Severity } from '../problems.ts';

/** A piece of visible lesson text (a paragraph, heading, table cell or block attribute) with its place. */
export interface TextPiece {
  text: string;
  line: number;
  column: number;
  /** The mdast node it comes from. */
  node: Nodes;
  /** Set for text written in a block attribute, e.g. a tab's title. */
  attribute?: string;
}

export interface LessonInput {
  /** mdast of the lesson body, before the glossary rewrite. */
  tree: Root;
  /** Lines above the body (front matter), so positions match the file. */
  lineOffset: number;
  glossary: GlossaryIndex;
  /** Visible text in document order (footnotes left out). */
  pieces: TextPiece[];
}

export interface Finding {
  line: number;
  column: number;
  message: string;
  /** Overrides the rule's severity for this finding (e.g. an empty link is an error). */
  rule?: Rule;
  severity?: Severity;
}

export interface LessonRule {
  rule: Rule;
  severity: Severity;
  /** One line for content/README.md and error messages. */
  description: string;
  check(input: LessonInput): Finding[];
}

export function positionOf(node: Nodes, lineOffset: number): { line: number; column: number } {
  const start = node.position?.start;
  return { line: (start?.line ?? 1) + lineOffset, column: start?.column ?? 1 };
}

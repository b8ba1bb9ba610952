/**
 * The compiled course data: what the build-time pipeline (src/pipeline) hands to the
 * course machine (src/course) and the UI (src/app, src/blocks).
 *
 * Everything here has already been validated at build time, so the runtime trusts it.
 * `Html` strings are produced by the pipeline from Markdown (raw HTML in content is
 * rejected), so they are safe to insert as markup.
 */

/** HTML compiled from Markdown at build time. Never written by editors. */
export type Html = string;

export type NavigationMode = 'free' | 'sequential';

/** Which attempt's score counts when a knowledge check is retried. */
export type RetryScorePolicy = 'best' | 'last';

export interface CompletionRule {
  /** Every lesson must be complete (the only rule the course uses today). */
  requireAllLessons: true;
  /** Percent (0–100) of all knowledge-check questions needed to pass; absent = no pass/fail. */
  passingScore?: number;
  retryScore: RetryScorePolicy;
}

export interface Resource {
  title: string;
  summary: string;
  publisher?: string;
  /** Year of publication, when the document gives it. */
  year?: number;
  /** Only when the source documents give a real address. */
  url?: string;
}

export interface SectionOutline {
  id: string;
  title: string;
  lessonIds: string[];
}

export interface LessonOutline {
  id: string;
  /** 1-based position in the whole course ("Lesson 5 of 28"). */
  number: number;
  title: string;
  /** One line, shown in the table of contents. */
  summary: string;
  sectionId: string;
  /** Set when this lesson is a knowledge check: scoring in `CompiledCourse.checks`, words in its `LessonBody.check`. */
  checkId?: string;
  words: number;
  /** Estimated reading minutes (at least 1). */
  minutes: number;
}

// ---------------------------------------------------------------- questions
//
// A check is split in two. What decides an answer (ids, correct answers, fingerprints) is in the
// course outline, in the main bundle: the course machine scores with it. What the learner reads
// (prompts, options, feedback) is `CheckText`, shipped in the check lesson's own chunk.

// Each question type's compiled shape is defined by its module in src/questions (`<type>/model.ts`);
// the union is derived from the registry there, so this file does not list the types.
import type { Question } from '../questions/models.ts';

export type { ChoiceRef } from '../questions/kit.ts';
export type { Question, QuestionType } from '../questions/models.ts';

export interface KnowledgeCheck {
  id: string;
  lessonId: string;
  title: string;
  questions: Question[];
}

/** The words of an option, matching prompt or matching target. */
export interface ChoiceText {
  /** Inline HTML (from inline Markdown). */
  html: Html;
  /** The same as plain text, for places that cannot hold markup (a <select> option, an LMS report). */
  text: string;
  /** Why this option is right or wrong, when the editor wrote it (choice options only). */
  feedbackHtml?: Html;
}

/** The words of one question; choices are keyed by the ids in its {@link Question}. */
export interface QuestionText {
  promptHtml: Html;
  /** The prompt as plain text (an LMS report). */
  promptText: string;
  /** Shown when the answer is correct. */
  correctFeedbackHtml: Html;
  /** Shown when the answer is wrong. */
  incorrectFeedbackHtml: Html;
  /** Single and multiple choice. */
  options?: Record<string, ChoiceText>;
  /** Matching. */
  prompts?: Record<string, ChoiceText>;
  /** Matching. */
  targets?: Record<string, ChoiceText>;
}

/** The words of a knowledge check, by question id. */
export interface CheckText {
  checkId: string;
  questions: Record<string, QuestionText>;
}

// ------------------------------------------------------------------ blocks

/** A heading level inside a lesson (the lesson title is the page's h1). */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface Panel {
  id: string;
  title: string;
  blocks: Block[];
}

/**
 * The compiled blocks, by type. Each block declares its own entry beside its views, in
 * src/blocks/<type>/block.ts, by adding to this interface (declaration merging), so that adding a
 * block type does not touch this file and content/ still imports nothing from blocks/.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by src/blocks/<type>/block.ts
export interface BlockTypes {}

export type Block = BlockTypes[keyof BlockTypes];

export type BlockType = Block['type'];

export interface LessonBody {
  id: string;
  blocks: Block[];
  /** The words of the lesson's knowledge check, when it is one. */
  check?: CheckText;
}

export interface CompiledCourse {
  id: string;
  locale: string;
  title: string;
  /** Where space is tight (the installed app's name under its icon). */
  shortTitle?: string;
  description: string;
  estimatedMinutes: number;
  navigation: NavigationMode;
  completion: CompletionRule;
  sections: SectionOutline[];
  /** In course order. */
  lessons: LessonOutline[];
  checks: Record<string, KnowledgeCheck>;
  resources: Resource[];
  /** Set when the course has a glossary (its entries load separately, see `Glossary`). */
  hasGlossary?: true;
  /**
   * A hash of lesson and question ids and answers. Saved progress records carry it so a
   * changed course can be detected and migrated.
   */
  contentVersion: string;
}

// ---------------------------------------------------------------- glossary

/** One glossary entry; its definition is in the course's own words. */
export interface GlossaryEntry {
  /** Anchor on the glossary page, e.g. "psw". */
  id: string;
  term: string;
  kind: 'acronym' | 'term';
  /** What an acronym stands for, when the sources spell it out. */
  expansion?: string;
  definition: string;
  /** The lesson that explains it. */
  lessonId: string;
}

/** A locale's glossary, sorted alphabetically by term. */
export interface Glossary {
  locale: string;
  entries: GlossaryEntry[];
}

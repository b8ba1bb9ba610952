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
  /** Set when this lesson is a knowledge check; its questions are in `CompiledCourse.checks`. */
  checkId?: string;
  words: number;
  /** Estimated reading minutes (at least 1). */
  minutes: number;
}

// ---------------------------------------------------------------- questions

export interface ChoiceOption {
  id: string;
  /** Inline HTML (from inline Markdown). */
  html: Html;
  /** The same as plain text, for places that cannot hold markup (a <select> option, an LMS report). */
  text: string;
  /** Why this option is right or wrong, when the editor wrote it. */
  feedbackHtml?: Html;
}

interface QuestionBase {
  id: string;
  /**
   * Short hash of what decides the answer (type, options, correct answer). Saved answers carry it,
   * so an answer to a question that has since changed is dropped instead of being mis-scored.
   */
  fingerprint: string;
  promptHtml: Html;
  /** Shown when the answer is correct. */
  correctFeedbackHtml: Html;
  /** Shown when the answer is wrong. */
  incorrectFeedbackHtml: Html;
  /** The lesson to review for this question. */
  reviewLessonId: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
  correctOptionId: string;
}

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
  correctOptionIds: string[];
}

export interface YesNoQuestion extends QuestionBase {
  type: 'yesno';
  correctAnswer: 'yes' | 'no';
}

export interface TextEntryQuestion extends QuestionBase {
  type: 'text';
  /** Accepted answers, compared ignoring case and extra white space. */
  acceptedAnswers: string[];
}

export interface MatchingItem {
  id: string;
  html: Html;
  /** Plain text, for a <select> option or an LMS report. */
  text: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** Items the learner places (left column). */
  prompts: MatchingItem[];
  /** Targets they are matched to (right column), same count as prompts. */
  targets: MatchingItem[];
  /** prompt id → target id */
  correctPairs: Record<string, string>;
}

export type Question =
  | SingleChoiceQuestion
  | MultipleResponseQuestion
  | YesNoQuestion
  | TextEntryQuestion
  | MatchingQuestion;

export type QuestionType = Question['type'];

export interface KnowledgeCheck {
  id: string;
  lessonId: string;
  title: string;
  questions: Question[];
}

// ------------------------------------------------------------------ blocks

export interface Panel {
  id: string;
  title: string;
  blocks: Block[];
}

export type Block =
  | { type: 'prose'; html: Html }
  | { type: 'tabs'; label: string; panels: Panel[] }
  | { type: 'accordion'; label: string; panels: Panel[] }
  | { type: 'flipcards'; label: string; cards: { id: string; frontHtml: Html; back: Block[] }[] }
  /** Labelled graphic / click-to-reveal points. */
  | { type: 'reveal'; label: string; points: Panel[] }
  | { type: 'slides'; label: string; slides: Panel[] }
  | { type: 'quote'; blocks: Block[]; cite: string }
  | { type: 'callout'; tone: 'note' | 'important'; title?: string; blocks: Block[] }
  /** "Say this / not that" language comparison. */
  | {
      type: 'compare';
      label: string;
      rows: { id: string; title: string; sayHtml: Html; avoidHtml: Html; blocks: Block[] }[];
    }
  | { type: 'table'; caption: string; headHtml: Html[]; rowsHtml: Html[][]; rowHeaders: boolean }
  /** Only figures the source states; items without a value are shown ranked, without a bar. */
  | {
      type: 'chart';
      label: string;
      unit: 'percent';
      items: { label: string; value?: number }[];
      blocks: Block[];
    }
  | { type: 'footnotes'; notes: { id: string; label: string; html: Html }[] };

export type BlockType = Block['type'];

export interface LessonBody {
  id: string;
  blocks: Block[];
}

export interface CompiledCourse {
  id: string;
  locale: string;
  title: string;
  description: string;
  estimatedMinutes: number;
  navigation: NavigationMode;
  completion: CompletionRule;
  sections: SectionOutline[];
  /** In course order. */
  lessons: LessonOutline[];
  checks: Record<string, KnowledgeCheck>;
  resources: Resource[];
  /**
   * A hash of lesson and question ids and answers. Saved progress records carry it so a
   * changed course can be detected and migrated.
   */
  contentVersion: string;
}

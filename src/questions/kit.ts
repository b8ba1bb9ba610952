/**
 * What every question module's pure parts (`<type>/model.ts`, `<type>/lms.ts`) provide, and the small helpers
 * several of them share. Pure: no React, no DOM, no build-time code; it imports nothing outside
 * src/questions, so `content/types.ts` can derive its `Question` union from here without a cycle.
 */

/** An option, matching prompt or matching target as the course machine sees it. */
export interface ChoiceRef {
  id: string;
}

/** What every compiled question holds, whatever its type. */
export interface QuestionBase {
  id: string;
  /**
   * Short hash of what decides the answer (type, options, correct answer). Saved answers carry it,
   * so an answer to a question that has since changed is dropped instead of being mis-scored.
   */
  fingerprint: string;
  /** The lesson to review for this question. */
  reviewLessonId: string;
}

/** A type's own part of grading one answer (scoring.ts adds the parts every type shares). */
export interface Grading {
  correct: boolean;
  /** The options whose own feedback applies: the ones the learner chose (single and multiple choice). */
  chosenOptionIds: string[];
  /** Per matching prompt: whether its target is right (matching questions only). */
  pairCorrect?: Record<string, boolean>;
  /** Correct options the learner did not select (multiple response only). */
  missedOptionIds?: string[];
  /** Selected options that are wrong (multiple response only). */
  wrongOptionIds?: string[];
}

/** A SCORM interaction's type, learner response and correct patterns, in one edition's forms. */
export interface ScormPatterns {
  type: string;
  /** `null`: leave the response out (nothing the LMS would take). */
  response: string | null;
  correct: string[];
}

/** The question's words to list in an xAPI interaction definition, by list name. */
type XapiLists = Partial<Record<'choices' | 'source' | 'target', { refs: ChoiceRef[]; words: 'options' | 'prompts' | 'targets' }>>;

/** A type's part of an xAPI interaction definition (the caller adds type, description and the lists' words). */
export interface XapiDefinition {
  interactionType: 'choice' | 'true-false' | 'fill-in' | 'matching';
  /** In the order they appear in the definition. */
  lists?: XapiLists;
  correctResponsesPattern: string[];
}

/** One thing read aloud after a question's prompt: the words of one choice, or an interface word. */
export type ReadAloudItem = { words: 'options' | 'prompts' | 'targets'; id: string } | { ui: 'yes' | 'no' };

/**
 * The model of one question type: what the course machine and the scoring need to know about it
 * (its LMS side is {@link QuestionLms}). `Q` is the compiled question, `A` the learner's answer.
 */
export interface QuestionModel<Q extends QuestionBase & { type: string }, A extends { type: Q['type'] }> {
  type: Q['type'];
  /** A clean copy of a hostile value (already an object with this `type`), or `null` when it is not a valid answer. */
  toValidAnswer(question: Q, value: Readonly<Record<string, unknown>>): A | null;
  /** Whether the answer is complete (it may be valid and still partial). */
  isAnswered(question: Q, answer: A): boolean;
  /** The answer the question expects, in the same shape as a learner's answer. */
  correctAnswer(question: Q): A;
  /** Grades an answer; `undefined` when there is none (or it is of another type). */
  grade(question: Q, answer: A | undefined): Grading;
  /** What read-aloud reads after the prompt, in order (never the answers). */
  readAloud(question: Q): ReadAloudItem[];
}

/**
 * A question type's rules for the LMS: how its answers are saved in the suspend data and reported
 * as SCORM and xAPI interactions. Kept apart from {@link QuestionModel} so that this code loads
 * with the tracking adapters' chunks, not with the first lesson.
 */
export interface QuestionLms<Q extends QuestionBase & { type: string }, A extends { type: Q['type'] }> {
  /** The answer in the suspend-data format: `kinds` are the first characters its encodings start with. */
  codec: {
    kinds: readonly string[];
    /** `maxText`: longest free text kept, in code points. */
    encode(answer: A, maxText: number): string;
    /** Code points of free text in the answer, which `maxText` may shorten (0 when it has none). */
    textLength(answer: A): number;
    /** `text` is the whole encoding, its kind character first; throws on a malformed one. */
    decode(text: string): A;
  };
  /** The SCORM 1.2 interaction (see tracking/scorm/interactions.ts for the rules every value follows). */
  scorm12(question: Q, answer: A | undefined): ScormPatterns;
  /** The SCORM 2004 interaction; `lang` is the course language for localized strings. */
  scorm2004(question: Q, answer: A | undefined, lang: string): ScormPatterns;
  /** The xAPI (cmi5) interaction definition. */
  xapiDefinition(question: Q): XapiDefinition;
  /** The xAPI characterstring of an answer (xAPI 1.0.3 "Response Patterns": `[,]` between items, `[.]` in pairs). */
  xapiResponse(answer: A): string;
  /** The answer whose saved form is longest (the suspend-data budget); `longText` is the longest text allowed. */
  worstAnswer(question: Q, longText: string): A;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The longest of some ids (the first of the longest). */
export const longest = (ids: string[]): string => ids.reduce((a, b) => (b.length > a.length ? b : a), '');

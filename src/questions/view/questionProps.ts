/**
 * What every question view receives. Each question type has its own folder with one view
 * (`single/View.tsx`, …); QuestionItem.tsx picks it from the views' registry (views.ts).
 *
 * Views only draw: whether a question is answered, correct, or may be changed comes from the
 * course selectors (`selectCheckView`) and is passed in here.
 */
import type { QuestionText } from '../../content/types.ts';
import type { QuestionResult } from '../../course/scoring.ts';
import type { AnswerOf, QuestionOf, QuestionType } from '../models.ts';

export interface QuestionProps<T extends QuestionType> {
  question: QuestionOf<T>;
  /** The question's words (prompt, choices, feedback), from the check lesson's chunk. */
  text: QuestionText;
  /** The learner's current answer (the submitted one while the check shows its review). */
  answer: AnswerOf<T> | undefined;
  /** Grading once the check is submitted, else `null`. */
  result: QuestionResult | null;
  /** Whether the inputs accept changes (the check is being answered and is open). */
  editable: boolean;
  /** Sends the new answer to the course machine (`check.answer`). */
  onAnswer: (answer: AnswerOf<T>) => void;
  /** Start of every DOM id inside; unique on the page. */
  idPrefix: string;
  /** Id(s) of elements that also describe the question (e.g. "Not answered yet"), or undefined. */
  describedBy: string | undefined;
}

/** Joins ids for `aria-describedby`, skipping empty ones; `undefined` when none is left. */
export function joinIds(...ids: (string | undefined | false | null)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return kept.length > 0 ? kept.join(' ') : undefined;
}

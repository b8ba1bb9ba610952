/**
 * The registry of the question types' LMS sides (suspend-data codec, SCORM and xAPI interactions,
 * worst-case answer), keyed like the models' registry (models.ts): a type missing here does not
 * compile. Used by the tracking adapters only, so it loads with their chunks.
 */
import type { QuestionLms } from './kit.ts';
import { matchingLms } from './matching/lms.ts';
import type { Answer, AnswerOf, Question, QuestionOf, QuestionType } from './models.ts';
import { multipleLms } from './multiple/lms.ts';
import { singleLms } from './single/lms.ts';
import { textLms } from './text/lms.ts';
import { yesnoLms } from './yesno/lms.ts';

export const questionLms = {
  single: singleLms,
  multiple: multipleLms,
  yesno: yesnoLms,
  text: textLms,
  matching: matchingLms,
} satisfies { [T in QuestionType]: QuestionLms<QuestionOf<T>, AnswerOf<T>> };

/** The LMS side of a question's (or an answer's) type, typed for any question (the one cast, as in models.ts). */
export function lmsOf(question: Question | Answer): QuestionLms<Question, Answer> {
  return questionLms[question.type] as unknown as QuestionLms<Question, Answer>;
}

const byKind = new Map<string, QuestionLms<Question, Answer>>(
  Object.values(questionLms).flatMap((lms) => lms.codec.kinds.map((kind) => [kind, lms as unknown as QuestionLms<Question, Answer>])),
);

/** The LMS side of the type whose suspend-data encodings start with `kind`. */
export function lmsOfKind(kind: string): QuestionLms<Question, Answer> | undefined {
  return byKind.get(kind);
}

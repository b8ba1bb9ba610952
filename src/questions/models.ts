/**
 * The registry of question models, keyed by question type: the one list of question types.
 * `content/types.ts` and `course/types.ts` derive the `Question` and `Answer` unions from it, and
 * scoring, the suspend data and the SCORM and cmi5 mappings look a type's rules up here instead
 * of switching on it. The build-time registry (`builds.ts`) and the views (`views.ts`) must have
 * an entry for every type listed here, or the project does not compile.
 */
import type { QuestionModel } from './kit.ts';
import { matching } from './matching/model.ts';
import { multiple } from './multiple/model.ts';
import { single } from './single/model.ts';
import { text } from './text/model.ts';
import { yesno } from './yesno/model.ts';

export const questionModels = { single, multiple, yesno, text, matching };

type Models = typeof questionModels;

export type QuestionType = keyof Models;

/** The compiled question of one type. */
export type QuestionOf<T extends QuestionType> = Models[T] extends QuestionModel<infer Q, infer _A> ? Q : never;
/** The learner's answer to a question of one type. */
export type AnswerOf<T extends QuestionType> = Models[T] extends QuestionModel<infer _Q, infer A> ? A : never;

export type Question = { [T in QuestionType]: QuestionOf<T> }[QuestionType];
export type Answer = { [T in QuestionType]: AnswerOf<T> }[QuestionType];

// Each entry's key is its own type.
questionModels satisfies { [T in QuestionType]: { type: T } };

/**
 * The model of a question's (or an answer's) type, typed for any question. (TypeScript cannot follow that a
 * question and the model looked up by its type go together, hence the one cast here.)
 */
export function modelOf(question: Question | Answer): QuestionModel<Question, Answer> {
  return questionModels[question.type] as unknown as QuestionModel<Question, Answer>;
}

/** The answer when it is of the question's type, else `undefined`. */
export function answerFor(question: Question, answer: Answer | undefined): Answer | undefined {
  return answer?.type === question.type ? answer : undefined;
}

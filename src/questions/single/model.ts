/** Single choice: one correct option. */
import type { ChoiceRef, QuestionBase, QuestionModel } from '../kit.ts';

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceRef[];
  correctOptionId: string;
}

export interface SingleChoiceAnswer {
  type: 'single';
  optionId: string;
}

export const single: QuestionModel<SingleChoiceQuestion, SingleChoiceAnswer> = {
  type: 'single',
  toValidAnswer(question, { optionId }) {
    return typeof optionId === 'string' && question.options.some((o) => o.id === optionId) ? { type: 'single', optionId } : null;
  },
  isAnswered: () => true,
  correctAnswer: (question) => ({ type: 'single', optionId: question.correctOptionId }),
  grade(question, given) {
    if (given === undefined) return { correct: false, chosenOptionIds: [] };
    return { correct: given.optionId === question.correctOptionId, chosenOptionIds: [given.optionId] };
  },
  readAloud: (question) => question.options.map((o) => ({ words: 'options', id: o.id })),
};

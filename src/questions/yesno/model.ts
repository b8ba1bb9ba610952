/** Yes/no: answered yes or no. */
import type { QuestionBase, QuestionModel } from '../kit.ts';

export interface YesNoQuestion extends QuestionBase {
  type: 'yesno';
  correctAnswer: 'yes' | 'no';
}

export interface YesNoAnswer {
  type: 'yesno';
  value: 'yes' | 'no';
}

export const yesno: QuestionModel<YesNoQuestion, YesNoAnswer> = {
  type: 'yesno',
  toValidAnswer: (_question, { value }) => (value === 'yes' || value === 'no' ? { type: 'yesno', value } : null),
  isAnswered: () => true,
  correctAnswer: (question) => ({ type: 'yesno', value: question.correctAnswer }),
  grade: (question, given) => ({ correct: given !== undefined && given.value === question.correctAnswer, chosenOptionIds: [] }),
  readAloud: () => [{ ui: 'yes' }, { ui: 'no' }],
};

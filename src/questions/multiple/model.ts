/** Multiple response: choose all that apply; right only with exactly the correct options. */
import type { ChoiceRef, QuestionBase, QuestionModel } from '../kit.ts';

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceRef[];
  correctOptionIds: string[];
}

export interface MultipleResponseAnswer {
  type: 'multiple';
  optionIds: string[];
}

export const multiple: QuestionModel<MultipleResponseQuestion, MultipleResponseAnswer> = {
  type: 'multiple',
  toValidAnswer(question, { optionIds }) {
    if (!Array.isArray(optionIds)) return null;
    const known = new Set(question.options.map((o) => o.id));
    const ids: string[] = [];
    for (const id of optionIds) {
      if (typeof id !== 'string' || !known.has(id) || ids.includes(id)) return null;
      ids.push(id);
    }
    return { type: 'multiple', optionIds: ids };
  },
  isAnswered: (_question, answer) => answer.optionIds.length > 0,
  correctAnswer: (question) => ({ type: 'multiple', optionIds: [...question.correctOptionIds] }),
  grade(question, given) {
    const chosen = given?.optionIds ?? [];
    const right = new Set(question.correctOptionIds);
    const missedOptionIds = question.correctOptionIds.filter((id) => !chosen.includes(id));
    const wrongOptionIds = chosen.filter((id) => !right.has(id));
    return {
      correct: chosen.length > 0 && missedOptionIds.length === 0 && wrongOptionIds.length === 0,
      chosenOptionIds: chosen,
      missedOptionIds,
      wrongOptionIds,
    };
  },
  readAloud: (question) => question.options.map((o) => ({ words: 'options', id: o.id })),
};

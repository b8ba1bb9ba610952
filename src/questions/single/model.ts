/** Single choice: one correct option. */
import { choiceScorm12, choiceScorm2004, choiceXapi } from '../choice.ts';
import { escapeText, unescapeText } from '../codec.ts';
import { longest, type ChoiceRef, type QuestionBase, type QuestionModel } from '../kit.ts';

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
  codec: {
    kinds: ['s'],
    encode: (answer) => `s${escapeText(answer.optionId)}`,
    decode: (text) => ({ type: 'single', optionId: unescapeText(text.slice(1)) }),
  },
  scorm12: (question, answer) => choiceScorm12(question.options, answer ? [answer.optionId] : [], [question.correctOptionId]),
  scorm2004: (question, answer) => choiceScorm2004(question.options, answer ? [answer.optionId] : [], [question.correctOptionId]),
  xapiDefinition: (question) => choiceXapi(question.options, question.correctOptionId),
  xapiResponse: (answer) => answer.optionId,
  readAloud: (question) => question.options.map((o) => ({ words: 'options', id: o.id })),
  worstAnswer: (question) => ({ type: 'single', optionId: longest(question.options.map((o) => o.id)) }),
};

/** Single choice in suspend data, SCORM and xAPI. */
import { choiceScorm12, choiceScorm2004, choiceXapi } from '../choice.ts';
import { escapeText, unescapeText } from '../codec.ts';
import { longest, type QuestionLms } from '../kit.ts';
import type { SingleChoiceAnswer, SingleChoiceQuestion } from './model.ts';

export const singleLms: QuestionLms<SingleChoiceQuestion, SingleChoiceAnswer> = {
  codec: {
    kinds: ['s'],
    encode: (answer) => `s${escapeText(answer.optionId)}`,
    textLength: () => 0,
    decode: (text) => ({ type: 'single', optionId: unescapeText(text.slice(1)) }),
  },
  scorm12: (question, answer) => choiceScorm12(question.options, answer ? [answer.optionId] : [], [question.correctOptionId]),
  scorm2004: (question, answer) => choiceScorm2004(question.options, answer ? [answer.optionId] : [], [question.correctOptionId]),
  xapiDefinition: (question) => choiceXapi(question.options, question.correctOptionId),
  xapiResponse: (answer) => answer.optionId,
  worstAnswer: (question) => ({ type: 'single', optionId: longest(question.options.map((o) => o.id)) }),
};

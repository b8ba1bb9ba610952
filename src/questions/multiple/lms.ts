/** Multiple response in suspend data, SCORM and xAPI. */
import { choiceScorm12, choiceScorm2004, choiceXapi } from '../choice.ts';
import { escapeText, plusList, unescapeText } from '../codec.ts';
import type { QuestionLms } from '../kit.ts';
import type { MultipleResponseAnswer, MultipleResponseQuestion } from './model.ts';

export const multipleLms: QuestionLms<MultipleResponseQuestion, MultipleResponseAnswer> = {
  codec: {
    kinds: ['m'],
    encode: (answer) => `m${answer.optionIds.map(escapeText).join('+')}`,
    textLength: () => 0,
    decode: (text) => ({ type: 'multiple', optionIds: plusList(text.slice(1)).map(unescapeText) }),
  },
  scorm12: (question, answer) => choiceScorm12(question.options, answer?.optionIds ?? [], question.correctOptionIds),
  scorm2004: (question, answer) => choiceScorm2004(question.options, answer?.optionIds ?? [], question.correctOptionIds),
  xapiDefinition: (question) => choiceXapi(question.options, question.correctOptionIds.join('[,]')),
  xapiResponse: (answer) => answer.optionIds.join('[,]'),
  worstAnswer: (question) => ({ type: 'multiple', optionIds: question.options.map((o) => o.id) }),
};

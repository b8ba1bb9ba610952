/** Yes/no in suspend data (`y` / `n`), and as a true-false interaction in SCORM and xAPI. */
import type { QuestionLms, ScormPatterns } from '../kit.ts';
import type { YesNoAnswer, YesNoQuestion } from './model.ts';

/** A true-false interaction, in an edition's words for true and false. */
function trueFalse(question: YesNoQuestion, answer: YesNoAnswer | undefined, yes: string, no: string): ScormPatterns {
  return {
    type: 'true-false',
    response: answer ? (answer.value === 'yes' ? yes : no) : null,
    correct: [question.correctAnswer === 'yes' ? yes : no],
  };
}

export const yesnoLms: QuestionLms<YesNoQuestion, YesNoAnswer> = {
  codec: {
    kinds: ['y', 'n'],
    encode: (answer) => (answer.value === 'yes' ? 'y' : 'n'),
    textLength: () => 0,
    decode(text) {
      if (text.length !== 1) throw new Error('bad yes/no answer');
      return { type: 'yesno', value: text === 'y' ? 'yes' : 'no' };
    },
  },
  scorm12: (question, answer) => trueFalse(question, answer, 't', 'f'),
  scorm2004: (question, answer) => trueFalse(question, answer, 'true', 'false'),
  xapiDefinition: (question) => ({ interactionType: 'true-false', correctResponsesPattern: [question.correctAnswer === 'yes' ? 'true' : 'false'] }),
  xapiResponse: (answer) => (answer.value === 'yes' ? 'true' : 'false'),
  worstAnswer: () => ({ type: 'yesno', value: 'yes' }),
};

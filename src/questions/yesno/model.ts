/** Yes/no: answered yes or no (a true-false interaction in SCORM and xAPI). */
import type { QuestionBase, QuestionModel, ScormPatterns } from '../kit.ts';

export interface YesNoQuestion extends QuestionBase {
  type: 'yesno';
  correctAnswer: 'yes' | 'no';
}

export interface YesNoAnswer {
  type: 'yesno';
  value: 'yes' | 'no';
}

/** A true-false interaction, in an edition's words for true and false. */
function trueFalse(question: YesNoQuestion, answer: YesNoAnswer | undefined, yes: string, no: string): ScormPatterns {
  return {
    type: 'true-false',
    response: answer ? (answer.value === 'yes' ? yes : no) : null,
    correct: [question.correctAnswer === 'yes' ? yes : no],
  };
}

export const yesno: QuestionModel<YesNoQuestion, YesNoAnswer> = {
  type: 'yesno',
  toValidAnswer: (_question, { value }) => (value === 'yes' || value === 'no' ? { type: 'yesno', value } : null),
  isAnswered: () => true,
  correctAnswer: (question) => ({ type: 'yesno', value: question.correctAnswer }),
  grade: (question, given) => ({ correct: given !== undefined && given.value === question.correctAnswer, chosenOptionIds: [] }),
  codec: {
    kinds: ['y', 'n'],
    encode: (answer) => (answer.value === 'yes' ? 'y' : 'n'),
    decode(text) {
      if (text.length !== 1) throw new Error('bad yes/no answer');
      return { type: 'yesno', value: text === 'y' ? 'yes' : 'no' };
    },
  },
  scorm12: (question, answer) => trueFalse(question, answer, 't', 'f'),
  scorm2004: (question, answer) => trueFalse(question, answer, 'true', 'false'),
  xapiDefinition: (question) => ({ interactionType: 'true-false', correctResponsesPattern: [question.correctAnswer === 'yes' ? 'true' : 'false'] }),
  xapiResponse: (answer) => (answer.value === 'yes' ? 'true' : 'false'),
  readAloud: () => [{ ui: 'yes' }, { ui: 'no' }],
  worstAnswer: () => ({ type: 'yesno', value: 'yes' }),
};

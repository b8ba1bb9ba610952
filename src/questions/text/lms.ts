/** Text entry in suspend data, and as a fill-in interaction in SCORM and xAPI. */
import { escapeText, unescapeText } from '../codec.ts';
import type { QuestionLms } from '../kit.ts';
import { fillIn2004, plainLine } from '../scorm.ts';
import { normalizeText, type TextEntryAnswer, type TextEntryQuestion } from './model.ts';

export const textLms: QuestionLms<TextEntryQuestion, TextEntryAnswer> = {
  codec: {
    kinds: ['t'],
    encode: (answer, maxText) => `t${escapeText(Array.from(answer.text).slice(0, maxText).join(''))}`,
    textLength: (answer) => Array.from(answer.text).length,
    decode: (encoded) => ({ type: 'text', text: unescapeText(encoded.slice(1)) }),
  },
  // Compared as the course scores it: "Compassion." is reported as the answer "compassion".
  scorm12: (question, answer) => ({
    type: 'fill-in',
    response: answer ? plainLine(normalizeText(answer.text), 255) : '',
    correct: question.acceptedAnswers.map((a) => plainLine(normalizeText(a), 255)),
  }),
  scorm2004: (question, answer, lang) => ({
    type: 'fill-in',
    response: answer ? fillIn2004(normalizeText(answer.text), lang) : '',
    // The SCORM 2004 fill-in allows 10 correct responses at most.
    correct: question.acceptedAnswers.slice(0, 10).map((a) => fillIn2004(normalizeText(a), lang)),
  }),
  // The player compares answers ignoring case, spacing and punctuation (normalizeText).
  xapiDefinition: (question) => ({
    interactionType: 'fill-in',
    correctResponsesPattern: [...new Set(question.acceptedAnswers.map((a) => `{case_matters=false}${normalizeText(a)}`))],
  }),
  // The words as typed, only tidied of outer white space; matching uses normalizeText.
  xapiResponse: (answer) => answer.text.trim(),
  worstAnswer: (_question, longText) => ({ type: 'text', text: longText }),
};

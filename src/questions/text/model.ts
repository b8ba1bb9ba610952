/** Text entry: a typed answer, compared ignoring case, spacing, quotes and final punctuation. */
import { escapeText, unescapeText } from '../codec.ts';
import type { QuestionBase, QuestionModel } from '../kit.ts';
import { fillIn2004, plainLine } from '../scorm.ts';

export interface TextEntryQuestion extends QuestionBase {
  type: 'text';
  /** Accepted answers, compared ignoring case and extra white space; the first is shown as the answer. */
  acceptedAnswers: string[];
}

export interface TextEntryAnswer {
  type: 'text';
  text: string;
}

/** Longest text answer kept (characters); longer input is not a valid answer. */
export const MAX_TEXT_ANSWER_LENGTH = 2000;

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BB\u02BC\u0060\u00B4\u2032\uFF07]/g;

/** Quotes around an answer, and punctuation after it, that do not change what was answered. */
const SURROUNDING_QUOTES = /^["'“”„‟«»‹›]+|["'“”„‟«»‹›]+$/gu;
const TRAILING_PUNCTUATION = /[.,;:!?…。]+$/u;

/**
 * Normalises free text for comparison: Unicode NFKC, curly/straight apostrophes unified,
 * trimmed, internal white space collapsed to one space, lower-cased, and quotes around it and
 * punctuation after it removed (`“Compassion.”` is the answer `compassion`).
 *
 * @example
 * normalizeText('  Peer’s   SUPPORT ') // → "peer's support"
 * normalizeText('"compassion."') // → "compassion"
 */
export function normalizeText(text: string): string {
  let value = text.normalize('NFKC').replace(APOSTROPHES, "'").replace(/\s+/gu, ' ').trim().toLowerCase();
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(SURROUNDING_QUOTES, '').replace(TRAILING_PUNCTUATION, '').trim();
  }
  return value;
}

export const text: QuestionModel<TextEntryQuestion, TextEntryAnswer> = {
  type: 'text',
  toValidAnswer: (_question, value) =>
    typeof value.text === 'string' && value.text.length <= MAX_TEXT_ANSWER_LENGTH ? { type: 'text', text: value.text } : null,
  isAnswered: (_question, answer) => normalizeText(answer.text) !== '',
  correctAnswer: (question) => ({ type: 'text', text: question.acceptedAnswers[0] ?? '' }),
  grade(question, given) {
    const typed = given === undefined ? '' : normalizeText(given.text);
    return { correct: typed !== '' && question.acceptedAnswers.some((a) => normalizeText(a) === typed), chosenOptionIds: [] };
  },
  codec: {
    kinds: ['t'],
    encode: (answer, maxText) => `t${escapeText(Array.from(answer.text).slice(0, maxText).join(''))}`,
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
  readAloud: () => [],
  worstAnswer: (_question, longText) => ({ type: 'text', text: longText }),
};

/** Text entry: a typed answer, compared ignoring case, spacing, quotes and final punctuation. */
import type { QuestionBase, QuestionModel } from '../kit.ts';

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
  readAloud: () => [],
};

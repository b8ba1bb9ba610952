/**
 * One submitted question as a SCORM interaction record, in each edition's element names,
 * vocabularies, response patterns and length limits.
 *
 * | question  | 1.2 type / response            | 2004 type / response                     |
 * | --------- | ------------------------------ | ---------------------------------------- |
 * | single    | choice, `c`                    | choice, `c`                              |
 * | multiple  | choice, `a,c`                  | choice, `a[,]c`                          |
 * | yes/no    | true-false, `t` / `f`          | true-false, `true` / `false`             |
 * | text      | fill-in, text (255 chars)      | fill-in, text (250 chars)                |
 * | matching  | matching, `1.a,2.b`            | matching, `inform[.]feedback_before[,]…` |
 *
 * Every value is written in the form the strictest common LMS accepts (Moodle's SCORM player,
 * mod/scorm/datamodels/scorm_13.js and scorm_12.js; tests/tracking/moodle-values.test.ts holds
 * the values to its checks):
 * - SCORM 2004 choice and matching responses are Moodle short identifiers, `^[\w.]{1,250}$`
 *   (the standard allows more: Moodle refused `feedback-before` with error 406). Ids that hold
 *   other characters have them replaced by `_` (`feedback-before` → `feedback_before`); when that
 *   would make two ids of a list alike, or one too long, the whole list uses positions (`1`, `2`…).
 * - SCORM 1.2 choice and matching responses are single characters (`0-9`, `a-z`), as its
 *   run-time environment defines: option ids that are single characters are used as they are,
 *   others by position.
 * - An answer and the correct pattern are built the same way (options in the question's order),
 *   so a correct answer reads exactly as its pattern. A 2004 choice or matching response with
 *   nothing in it (which Moodle refuses) is left out.
 * - Text is one line, cut to the limit in UTF-16 code units, as LMSs' patterns count.
 */
import type { Question } from '../../content/types.ts';
import { normalizeText } from '../../course/scoring.ts';
import type { Answer, TrackingEvent } from '../../course/types.ts';
import {
  plainLine,
  scorm12Time,
  scorm12Timespan,
  scorm2004Duration,
  scorm2004Timestamp,
  type ScormVersion,
} from './formats.ts';

type QuestionAnswered = Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>;

/** Element suffix (after `cmi.interactions.n.`) and value, in the order they must be set. */
export type InteractionFields = Array<[string, string]>;

const CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The SCORM 1.2 single character for each id of a list (the id itself when it is one). */
function charMap(ids: string[]): Map<string, string> {
  const allSingle = ids.every((id) => /^[0-9a-z]$/.test(id)) && new Set(ids).size === ids.length;
  return new Map(ids.map((id, i) => [id, allSingle ? id : (CHARS[i] ?? '?')]));
}

/** The longest short identifier Moodle takes (`CMIShortIdentifier`, `^[\w.]{1,250}$`). */
const SHORT_ID_MAX = 250;

/**
 * A SCORM 2004 short identifier for each id of a list, which Moodle accepts: characters other
 * than `A-Z a-z 0-9 _ .` become `_`. When that would merge two ids, leave one empty or too
 * long, every id of the list is named by its position instead (`1`, `2`…), so different ids
 * always stay different.
 *
 * @example
 * shortIdMap(['feedback-before', 'leaders']) // → feedback-before → feedback_before, leaders → leaders
 * shortIdMap(['a-b', 'a_b'])                 // → a-b → 1, a_b → 2
 */
export function shortIdMap(ids: readonly string[]): Map<string, string> {
  const safe = ids.map((id) => id.replace(/[^A-Za-z0-9_.]/g, '_'));
  const usable =
    safe.every((id) => id.length > 0 && id.length <= SHORT_ID_MAX) && new Set(safe).size === ids.length && new Set(ids).size === ids.length;
  return new Map(ids.map((id, i) => [id, usable ? safe[i]! : String(i + 1)]));
}

/** Interaction id: `<check>_<question>` (no spaces, safe in both editions). */
export function interactionId(checkId: string, questionId: string): string {
  return plainLine(`${checkId}_${questionId}`, 250).replace(/[^A-Za-z0-9_.\-:]/g, '-');
}

interface Patterns {
  type: string;
  /** `null`: leave the response out (nothing the LMS would take). */
  response: string | null;
  correct: string[];
}

/** Fill-in text for 2004: one line, no `[,]` (its list delimiter), not starting with `{`. */
function fillIn2004(text: string, lang: string): string {
  const line = plainLine(text.replace(/\[,\]/g, ','), 250);
  return line.startsWith('{') ? `{lang=${lang}}${line}` : line;
}

/** The chosen option ids of a choice answer, once each, in the question's order. */
function chosen(question: Question & { type: 'single' | 'multiple' }, answer: Answer): string[] {
  const ids = answer.type === 'single' ? [answer.optionId] : answer.type === 'multiple' ? answer.optionIds : [];
  return question.options.map((o) => o.id).filter((id) => ids.includes(id));
}

/** The correct option ids of a choice question, in the question's order. */
function correctOptions(question: Question & { type: 'single' | 'multiple' }): string[] {
  const correct: readonly string[] = question.type === 'single' ? [question.correctOptionId] : question.correctOptionIds;
  return question.options.map((o) => o.id).filter((id) => correct.includes(id));
}

/** The pairs of a matching answer whose prompt and target the question has, in its prompts' order. */
function matchedPairs(question: Question & { type: 'matching' }, pairs: Record<string, string>): Array<[string, string]> {
  const targets = new Set(question.targets.map((t) => t.id));
  return question.prompts.flatMap((p): Array<[string, string]> => {
    const target = Object.hasOwn(pairs, p.id) ? pairs[p.id] : undefined;
    return target !== undefined && targets.has(target) ? [[p.id, target]] : [];
  });
}

/** A yes/no question as a true-false interaction, in an edition's words for true and false. */
function trueFalse(question: Extract<Question, { type: 'yesno' }>, answer: Answer, yes: string, no: string): Patterns {
  return {
    type: 'true-false',
    response: answer.type === 'yesno' ? (answer.value === 'yes' ? yes : no) : null,
    correct: [question.correctAnswer === 'yes' ? yes : no],
  };
}

function patterns12(question: Question, answer: Answer): Patterns {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chars = charMap(question.options.map((o) => o.id));
      const list = (ids: string[]) => ids.map((id) => chars.get(id)!).join(',');
      return { type: 'choice', response: list(chosen(question, answer)), correct: [list(correctOptions(question))] };
    }
    case 'yesno':
      return trueFalse(question, answer, 't', 'f');
    case 'text':
      return {
        type: 'fill-in',
        // Compared as the course scores it: "Compassion." is reported as the answer "compassion".
        response: answer.type === 'text' ? plainLine(normalizeText(answer.text), 255) : '',
        correct: question.acceptedAnswers.map((a) => plainLine(normalizeText(a), 255)),
      };
    case 'matching': {
      const prompts = charMap(question.prompts.map((p) => p.id));
      const targets = charMap(question.targets.map((t) => t.id));
      const pairs = (map: Record<string, string>) =>
        matchedPairs(question, map)
          .map(([p, t]) => `${prompts.get(p)!}.${targets.get(t)!}`)
          .join(',');
      return {
        type: 'matching',
        response: answer.type === 'matching' ? pairs(answer.pairs) : '',
        correct: [pairs(question.correctPairs)],
      };
    }
  }
}

function patterns2004(question: Question, answer: Answer, lang: string): Patterns {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = shortIdMap(question.options.map((o) => o.id));
      const list = (chosenIds: string[]) => chosenIds.map((id) => ids.get(id)!).join('[,]');
      const response = list(chosen(question, answer));
      return { type: 'choice', response: response === '' ? null : response, correct: [list(correctOptions(question))] };
    }
    case 'yesno':
      return trueFalse(question, answer, 'true', 'false');
    case 'text':
      return {
        type: 'fill-in',
        response: answer.type === 'text' ? fillIn2004(normalizeText(answer.text), lang) : '',
        // The SCORM 2004 fill-in allows 10 correct responses at most.
        correct: question.acceptedAnswers.slice(0, 10).map((a) => fillIn2004(normalizeText(a), lang)),
      };
    case 'matching': {
      const prompts = shortIdMap(question.prompts.map((p) => p.id));
      const targets = shortIdMap(question.targets.map((t) => t.id));
      const pairs = (map: Record<string, string>) =>
        matchedPairs(question, map)
          .map(([p, t]) => `${prompts.get(p)!}[.]${targets.get(t)!}`)
          .join('[,]');
      const response = answer.type === 'matching' ? pairs(answer.pairs) : '';
      return { type: 'matching', response: response === '' ? null : response, correct: [pairs(question.correctPairs)] };
    }
  }
}

export interface InteractionInput {
  event: QuestionAnswered;
  question: Question;
  /** The question's prompt as plain text (2004 `description`); empty when unknown. */
  promptText: string;
  /** Seconds from opening the check to submitting it, when known. */
  latencySeconds: number | null;
  /** The course's language, for 2004 localized strings. */
  lang: string;
}

/**
 * The fields of one interaction record (set them under `cmi.interactions.<n>.`).
 *
 * @example
 * for (const [field, value] of interactionFields('2004', input)) api.SetValue(`cmi.interactions.${n}.${field}`, value);
 */
export function interactionFields(version: ScormVersion, input: InteractionInput): InteractionFields {
  const { event, question, promptText, latencySeconds, lang } = input;
  const at = new Date(event.submittedAt);
  const validDate = Number.isFinite(at.getTime());
  const id = interactionId(event.checkId, event.questionId);
  if (version === '1.2') {
    const p = patterns12(question, event.response);
    const fields: InteractionFields = [
      ['id', id],
      ['type', p.type],
      ...(p.response === null ? [] : [['student_response', p.response] as [string, string]]),
      ...p.correct.map((pattern, i): [string, string] => [`correct_responses.${i}.pattern`, pattern]),
      ['result', event.correct ? 'correct' : 'wrong'],
      ['weighting', '1'],
    ];
    if (validDate) fields.push(['time', scorm12Time(at)]);
    if (latencySeconds !== null) fields.push(['latency', scorm12Timespan(latencySeconds)]);
    return fields;
  }
  const p = patterns2004(question, event.response, lang);
  const description = plainLine(promptText, 250);
  const fields: InteractionFields = [
    ['id', id],
    ['type', p.type],
  ];
  if (validDate) fields.push(['timestamp', scorm2004Timestamp(at)]);
  fields.push(['weighting', '1']);
  if (description) fields.push(['description', description.startsWith('{') ? `{lang=${lang}}${description}` : description]);
  if (p.response !== null) fields.push(['learner_response', p.response]);
  p.correct.forEach((pattern, i) => fields.push([`correct_responses.${i}.pattern`, pattern]));
  fields.push(['result', event.correct ? 'correct' : 'incorrect']);
  if (latencySeconds !== null) fields.push(['latency', scorm2004Duration(latencySeconds)]);
  return fields;
}

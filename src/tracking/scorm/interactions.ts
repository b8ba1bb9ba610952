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
 *
 * Each question type builds its own type, response and correct patterns (`scorm12`, `scorm2004`
 * in src/questions/<type>/lms.ts, with the helpers of src/questions/scorm.ts); this file adds
 * the fields every interaction has.
 */
import type { Question } from '../../content/types.ts';
import type { TrackingEvent } from '../../course/types.ts';
import { lmsOf } from '../../questions/lms.ts';
import { answerFor } from '../../questions/models.ts';
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

/** Interaction id: `<check>_<question>` (no spaces, safe in both editions). */
export function interactionId(checkId: string, questionId: string): string {
  return plainLine(`${checkId}_${questionId}`, 250).replace(/[^A-Za-z0-9_.\-:]/g, '-');
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
    const p = lmsOf(question).scorm12(question, answerFor(question, event.response));
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
  const p = lmsOf(question).scorm2004(question, answerFor(question, event.response), lang);
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

/**
 * One submitted question as a SCORM interaction record, in each edition's element names,
 * vocabularies, response patterns and length limits.
 *
 * | question  | 1.2 type / response            | 2004 type / response                |
 * | --------- | ------------------------------ | ----------------------------------- |
 * | single    | choice, `c`                    | choice, `c`                         |
 * | multiple  | choice, `a,c`                  | choice, `a[,]c`                     |
 * | yes/no    | true-false, `t` / `f`          | true-false, `true` / `false`        |
 * | text      | fill-in, text (255 chars)      | fill-in, text (250 chars)           |
 * | matching  | matching, `1.a,2.b`            | matching, `inform[.]goal[,]…`       |
 *
 * SCORM 1.2 choice and matching responses are single characters (`0-9`, `a-z`): option ids
 * that are single characters are used as they are, others by position.
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

/** Interaction id: `<check>_<question>` (no spaces, safe in both editions). */
export function interactionId(checkId: string, questionId: string): string {
  return plainLine(`${checkId}_${questionId}`, 250).replace(/[^A-Za-z0-9_.\-:]/g, '-');
}

interface Patterns {
  type: string;
  response: string;
  correct: string[];
}

/** Fill-in text for 2004: one line, no `[,]` (its list delimiter), not starting with `{`. */
function fillIn2004(text: string, lang: string): string {
  const line = plainLine(text.replace(/\[,\]/g, ','), 250);
  return line.startsWith('{') ? `{lang=${lang}}${line}` : line;
}

function patterns12(question: Question, answer: Answer): Patterns {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chars = charMap(question.options.map((o) => o.id));
      const ids = answer.type === 'single' ? [answer.optionId] : answer.type === 'multiple' ? answer.optionIds : [];
      const correct = question.type === 'single' ? [question.correctOptionId] : question.correctOptionIds;
      return {
        type: 'choice',
        response: ids.map((id) => chars.get(id) ?? '?').join(','),
        correct: [correct.map((id) => chars.get(id) ?? '?').join(',')],
      };
    }
    case 'yesno':
      return {
        type: 'true-false',
        response: answer.type === 'yesno' ? (answer.value === 'yes' ? 't' : 'f') : '',
        correct: [question.correctAnswer === 'yes' ? 't' : 'f'],
      };
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
        question.prompts
          .filter((p) => map[p.id] !== undefined)
          .map((p) => `${prompts.get(p.id)}.${targets.get(map[p.id]!) ?? '?'}`)
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
      const ids = answer.type === 'single' ? [answer.optionId] : answer.type === 'multiple' ? answer.optionIds : [];
      const correct = question.type === 'single' ? [question.correctOptionId] : question.correctOptionIds;
      return { type: 'choice', response: ids.join('[,]'), correct: [correct.join('[,]')] };
    }
    case 'yesno':
      return {
        type: 'true-false',
        response: answer.type === 'yesno' ? (answer.value === 'yes' ? 'true' : 'false') : '',
        correct: [question.correctAnswer === 'yes' ? 'true' : 'false'],
      };
    case 'text':
      return {
        type: 'fill-in',
        response: answer.type === 'text' ? fillIn2004(normalizeText(answer.text), lang) : '',
        // The SCORM 2004 fill-in allows 10 correct responses at most.
        correct: question.acceptedAnswers.slice(0, 10).map((a) => fillIn2004(normalizeText(a), lang)),
      };
    case 'matching': {
      const pairs = (map: Record<string, string>) =>
        question.prompts
          .filter((p) => map[p.id] !== undefined)
          .map((p) => `${p.id}[.]${map[p.id]}`)
          .join('[,]');
      return {
        type: 'matching',
        response: answer.type === 'matching' ? pairs(answer.pairs) : '',
        correct: [pairs(question.correctPairs)],
      };
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
      ['student_response', p.response],
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
  fields.push(['learner_response', p.response]);
  p.correct.forEach((pattern, i) => fields.push([`correct_responses.${i}.pattern`, pattern]));
  fields.push(['result', event.correct ? 'correct' : 'incorrect']);
  if (latencySeconds !== null) fields.push(['latency', scorm2004Duration(latencySeconds)]);
  return fields;
}

/**
 * Every interaction value the player writes, for every question of the course and for awkward
 * made-up ones, in both SCORM editions, set against Moodle's checks (tests/tracking/moodle-rules.ts,
 * copied from moodle/moodle mod/scorm/datamodels/scorm_13.js and scorm_12.js). Moodle 4.5 refused
 * the 2004 matching answer once (error 406) because option ids held hyphens.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.ts';
import type { MatchingQuestion } from '../../src/questions/matching/model.ts';
import type { Answer, TrackingEvent } from '../../src/course/types.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { interactionFields } from '../../src/tracking/scorm/interactions.ts';
import { correctAnswer, course, questionPrompts, wrongAnswer } from './helpers.ts';
import { moodle12Refusals, moodle2004Refusals, SCORM12_RESPONSE } from './moodle-rules.ts';

type Answered = Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>;

function record(version: ScormVersion, checkId: string, question: Question, response: Answer, lang = 'en', promptText = '') {
  const event: Answered = {
    type: 'tracking.questionAnswered',
    checkId,
    questionId: question.id,
    questionType: question.type,
    response,
    correct: false,
    attempt: 1,
    submittedAt: '2025-03-04T10:20:30.456Z',
    latencySeconds: null,
  };
  return interactionFields(version, { event, question, promptText, latencySeconds: 3725.456, lang });
}

const refusals = (version: ScormVersion, fields: Array<[string, string]>) =>
  version === '1.2' ? moodle12Refusals(fields) : moodle2004Refusals(fields);

/** Some answers to a question: right, wrong, and partial ones. */
function answersTo(question: Question): Answer[] {
  const out = [correctAnswer(question), wrongAnswer(question)];
  if (question.type === 'multiple') out.push({ type: 'multiple', optionIds: question.options.map((o) => o.id) });
  if (question.type === 'matching') {
    const first = question.prompts[0]!.id;
    out.push({ type: 'matching', pairs: { [first]: question.targets.at(-1)!.id } });
  }
  if (question.type === 'text') out.push({ type: 'text', text: '' }, { type: 'text', text: '{order_matters=maybe} [,] x' });
  return out;
}

const base = { fingerprint: 'f', reviewLessonId: 'l' };
/** Made-up questions whose ids and texts are as awkward as the content types allow. */
const awkward: Question[] = [
  {
    ...base,
    id: 'q-odd',
    type: 'single',
    options: [{ id: 'a b' }, { id: 'x/y' }, { id: 'é' }, { id: 'x'.repeat(300) }],
    correctOptionId: 'x/y',
  } as Question,
  {
    ...base,
    id: 'q-collide',
    type: 'multiple',
    // '-' and '_' would both become '_': the mapping must not merge them.
    options: [{ id: 'a-b' }, { id: 'a_b' }, { id: 'a.b' }, { id: 'ab' }],
    correctOptionIds: ['a_b', 'a-b'],
  } as Question,
  {
    ...base,
    id: 'q-match',
    type: 'matching',
    prompts: [{ id: 'feedback-before' }, { id: 'a.b' }, { id: 'a[.]b' }],
    targets: [{ id: 'x[,]y' }, { id: 'equal-partners' }, { id: 'z z' }],
    correctPairs: { 'feedback-before': 'equal-partners', 'a.b': 'x[,]y', 'a[.]b': 'z z' },
  } as Question,
  { ...base, id: 'q-text', type: 'text', acceptedAnswers: ['{order_matters=maybe} x', '😀'.repeat(200), 'a[,]b', ''] } as Question,
  { ...base, id: 'q-yes', type: 'yesno', correctAnswer: 'no' } as Question,
];
const awkwardAnswers: Array<[Question, Answer]> = [
  [awkward[0]!, { type: 'single', optionId: 'é' }],
  [awkward[1]!, { type: 'multiple', optionIds: ['a-b', 'a_b', 'a.b', 'ab'] }],
  [awkward[1]!, { type: 'multiple', optionIds: [] }],
  [awkward[2]!, { type: 'matching', pairs: { 'a[.]b': 'x[,]y', 'feedback-before': 'z z' } }],
  [awkward[2]!, { type: 'matching', pairs: {} }],
  [awkward[3]!, { type: 'text', text: '😀'.repeat(300) }],
  [awkward[3]!, { type: 'text', text: '{lang=en-GB} ok' }],
  [awkward[4]!, { type: 'yesno', value: 'yes' }],
  // An answer of another type than its question (a saved answer from an older course).
  [awkward[4]!, { type: 'text', text: 'yes' }],
];

describe.each(['2004', '1.2'] as const)('SCORM %s interaction values that Moodle accepts', (version) => {
  it('for every question of the course, right, wrong and partly answered', () => {
    for (const check of Object.values(course.checks)) {
      for (const question of check.questions) {
        const prompt = questionPrompts[check.id]?.[question.id] ?? '';
        for (const answer of answersTo(question)) {
          const fields = record(version, check.id, question, answer, 'en', prompt);
          expect(refusals(version, fields), `${check.id}/${question.id} ${JSON.stringify(answer)}`).toEqual([]);
          expect(refusals(version, record(version, check.id, question, answer, 'fr', prompt))).toEqual([]);
        }
      }
    }
  });

  it('for made-up questions with awkward ids and texts', () => {
    for (const [question, answer] of [...awkward.map((q) => [q, correctAnswer(q)] as const), ...awkwardAnswers]) {
      const fields = record(version, 'check-1', question, answer, 'fr', `{b} ${'word '.repeat(80)}`);
      expect(refusals(version, fields), `${question.id} ${JSON.stringify(answer)}`).toEqual([]);
    }
  });

  it('writes a correct answer exactly as its correct pattern, so the LMS agrees with the player', () => {
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    for (const question of [...Object.values(course.checks).flatMap((c) => c.questions), ...awkward]) {
      const f = Object.fromEntries(record(version, 'c', question, correctAnswer(question)));
      expect(f[response], question.id).toBe(f['correct_responses.0.pattern']);
    }
  });

  it('maps different option ids to different identifiers', () => {
    const response = version === '1.2' ? 'student_response' : 'learner_response';
    const q = awkward[1]!;
    if (q.type !== 'multiple') throw new Error('multiple');
    const seen = q.options.map((o) => Object.fromEntries(record(version, 'c', q, { type: 'multiple', optionIds: [o.id] }))[response]);
    expect(new Set(seen).size).toBe(q.options.length);
    const all = Object.fromEntries(record(version, 'c', q, { type: 'multiple', optionIds: q.options.map((o) => o.id) }))[response]!;
    expect(all.split(version === '1.2' ? ',' : '[,]')).toEqual(seen);
  });
});

describe('the matching question of the course', () => {
  const matching = course.checks.engagement!.questions.find((q): q is MatchingQuestion => q.type === 'matching')!;

  it('is written in Moodle-safe identifiers in SCORM 2004, readable in its reports', () => {
    const f = Object.fromEntries(record('2004', 'engagement', matching, correctAnswer(matching)));
    expect(f.learner_response).toMatch(/^[\w.]+\[\.\][\w.]+(\[,\][\w.]+\[\.\][\w.]+)*$/);
    expect(f.learner_response).toContain('feedback_before');
    expect(f.learner_response).not.toContain('-');
  });

  it('keeps SCORM 1.2 to single characters, as the 1.2 run-time environment defines', () => {
    for (const answer of answersTo(matching)) {
      const f = Object.fromEntries(record('1.2', 'engagement', matching, answer));
      expect(f.student_response).toMatch(SCORM12_RESPONSE.matching!);
      expect(f['correct_responses.0.pattern']).toMatch(SCORM12_RESPONSE.matching!);
    }
  });
});

describe('SCORM 1.2 responses in the run-time environment formats', () => {
  it('for every question of the course', () => {
    for (const check of Object.values(course.checks)) {
      for (const question of check.questions) {
        for (const answer of answersTo(question)) {
          const f = Object.fromEntries(record('1.2', check.id, question, answer));
          const format = SCORM12_RESPONSE[f.type!]!;
          expect(f.student_response, `${check.id}/${question.id}`).toMatch(format);
          expect(f['correct_responses.0.pattern']).toMatch(format);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.ts';
import type { MatchingQuestion } from '../../src/questions/matching/model.ts';
import type { Answer, TrackingEvent } from '../../src/course/types.ts';
import { shortIdMap } from '../../src/questions/scorm.ts';
import { interactionFields, interactionId } from '../../src/tracking/scorm/interactions.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { course, questionPrompts } from './helpers.ts';

type Answered = Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>;

function fields(version: ScormVersion, checkId: string, questionId: string, response: Answer, correct = true, latency: number | null = 75.5) {
  const question = course.checks[checkId]!.questions.find((q) => q.id === questionId)!;
  const event: Answered = {
    type: 'tracking.questionAnswered',
    checkId,
    questionId,
    questionType: question.type,
    response,
    correct,
    attempt: 1,
    submittedAt: '2025-03-04T10:20:30.456Z',
    latencySeconds: null,
  };
  const promptText = questionPrompts[checkId]?.[questionId] ?? '';
  return Object.fromEntries(interactionFields(version, { event, question, promptText, latencySeconds: latency, lang: 'en' }));
}

function syntheticFields(version: ScormVersion, question: Question, response: Answer) {
  const event: Answered = {
    type: 'tracking.questionAnswered',
    checkId: 'c',
    questionId: question.id,
    questionType: question.type,
    response,
    correct: false,
    attempt: 2,
    submittedAt: 'not a date',
    latencySeconds: null,
  };
  return Object.fromEntries(interactionFields(version, { event, question, promptText: '', latencySeconds: null, lang: 'fr' }));
}

describe('SCORM 1.2 interactions', () => {
  it('records a single choice', () => {
    const f = fields('1.2', 'roles', 'q1', { type: 'single', optionId: 'c' });
    expect(f).toMatchObject({
      id: 'roles_q1',
      type: 'choice',
      student_response: 'c',
      'correct_responses.0.pattern': 'c',
      result: 'correct',
      weighting: '1',
      latency: '00:01:15.50',
    });
    expect(f.time).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('records multiple choices, yes/no, text and matching in 1.2 patterns', () => {
    expect(fields('1.2', 'roles', 'q2', { type: 'multiple', optionIds: ['a', 'c'] }, false)).toMatchObject({
      student_response: 'a,c',
      'correct_responses.0.pattern': 'a,b,c,d',
      result: 'wrong',
    });
    expect(fields('1.2', 'empowerment', 'q2', { type: 'yesno', value: 'no' })).toMatchObject({ type: 'true-false', student_response: 'f' });
    const text = fields('1.2', 'empowerment', 'q6', { type: 'text', text: `  mutual\n${'x'.repeat(300)}` });
    expect(text.type).toBe('fill-in');
    expect(text.student_response).toHaveLength(255);
    expect(text.student_response!.startsWith('mutual x')).toBe(true);
    const matching = course.checks.engagement!.questions[0] as MatchingQuestion;
    const m = fields('1.2', 'engagement', matching.id, { type: 'matching', pairs: { ...matching.correctPairs } });
    expect(m.type).toBe('matching');
    // Long ids become single characters by position: prompt.target pairs.
    expect(m.student_response).toMatch(/^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/);
    expect(m.student_response).toBe(m['correct_responses.0.pattern']);
  });

  it('leaves out the time and latency when unknown', () => {
    const q = course.checks.roles!.questions[0]!;
    const f = syntheticFields('1.2', q, { type: 'single', optionId: 'a' });
    expect(f.time).toBeUndefined();
    expect(f.latency).toBeUndefined();
  });

  it('keeps every value within the 1.2 limits (255 characters, no spaces in ids)', () => {
    for (const check of Object.values(course.checks)) {
      for (const q of check.questions) {
        const f = fields('1.2', check.id, q.id, { type: 'text', text: 'x'.repeat(1000) } as Answer);
        for (const value of Object.values(f)) expect(value.length).toBeLessThanOrEqual(255);
        expect(f.id).toMatch(/^\S+$/);
      }
    }
  });
});

describe('SCORM 2004 interactions', () => {
  it('records a single choice with its description and time stamp', () => {
    expect(fields('2004', 'roles', 'q1', { type: 'single', optionId: 'c' })).toEqual({
      id: 'roles_q1',
      type: 'choice',
      timestamp: '2025-03-04T10:20:30.45Z',
      weighting: '1',
      description: 'Which sentence best explains peer support?',
      learner_response: 'c',
      'correct_responses.0.pattern': 'c',
      result: 'correct',
      latency: 'PT1M15.5S',
    });
  });

  it('uses the 2004 delimiters and vocabularies', () => {
    expect(fields('2004', 'roles', 'q2', { type: 'multiple', optionIds: ['a', 'c'] }, false)).toMatchObject({
      learner_response: 'a[,]c',
      'correct_responses.0.pattern': 'a[,]b[,]c[,]d',
      result: 'incorrect',
    });
    expect(fields('2004', 'empowerment', 'q2', { type: 'yesno', value: 'yes' })).toMatchObject({
      type: 'true-false',
      learner_response: 'true',
    });
    const matching = course.checks.engagement!.questions[0] as MatchingQuestion;
    const m = fields('2004', 'engagement', matching.id, { type: 'matching', pairs: { [matching.prompts[0]!.id]: matching.targets[1]!.id } });
    // Moodle takes only `[\w.]` in 2004 matching and choice identifiers: hyphens become underscores.
    expect(m.learner_response).toBe(`${matching.prompts[0]!.id}[.]${matching.targets[1]!.id}`.replaceAll('-', '_'));
  });

  it('keeps fill-in text to one line of 250 characters, without list delimiters or a leading brace', () => {
    const text = fields('2004', 'empowerment', 'q6', { type: 'text', text: `{a}[,]b\n${'y'.repeat(400)}` });
    expect(text.type).toBe('fill-in');
    expect(text.learner_response!.startsWith('{lang=en}{a},b y')).toBe(true);
    expect(text.learner_response!.length).toBeLessThanOrEqual(250 + '{lang=en}'.length);
    expect(text.learner_response).not.toContain('[,]');
    const accepted = course.checks.empowerment!.questions[5]!;
    if (accepted.type !== 'text') throw new Error('q6 is a text question');
    expect(text['correct_responses.0.pattern']).toBe(accepted.acceptedAnswers[0]);
  });

  it('reports a typed answer as the course scores it: trailing punctuation and quotes do not count', () => {
    const accepted = course.checks.empowerment!.questions[5]!;
    if (accepted.type !== 'text') throw new Error('q6 is a text question');
    for (const version of ['1.2', '2004'] as const) {
      const f = fields(version, 'empowerment', 'q6', { type: 'text', text: '“Compassion.”' });
      expect(version === '1.2' ? f.student_response : f.learner_response, version).toBe('compassion');
      expect(f['correct_responses.0.pattern'], version).toBe('compassion');
      expect(f.result, version).toBe('correct');
    }
  });

  it('allows at most 10 correct fill-in patterns', () => {
    const q: Question = {
      ...(course.checks.empowerment!.questions[5]! as Question & { type: 'text' }),
      acceptedAnswers: Array.from({ length: 14 }, (_, i) => `answer ${i}`),
    };
    const f = syntheticFields('2004', q, { type: 'text', text: 'answer 1' });
    expect(Object.keys(f).filter((k) => k.startsWith('correct_responses'))).toHaveLength(10);
    expect(f.timestamp).toBeUndefined();
  });

  it('names options by Moodle short identifiers, by position when replacing characters would merge two', () => {
    expect([...shortIdMap(['feedback-before', 'leaders', 'a.b']).values()]).toEqual(['feedback_before', 'leaders', 'a.b']);
    expect([...shortIdMap(['a-b', 'a_b', 'c']).values()]).toEqual(['1', '2', '3']);
    expect([...shortIdMap(['x'.repeat(251), 'y']).values()]).toEqual(['1', '2']);
    expect([...shortIdMap(['é', 'ü']).values()]).toEqual(['1', '2']);
  });

  it('makes ids safe', () => {
    expect(interactionId('roles', 'q1')).toBe('roles_q1');
    expect(interactionId('a b', 'q/1')).toBe('a-b_q-1');
  });
});

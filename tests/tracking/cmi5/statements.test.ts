import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck, Question } from '../../../src/content/types.ts';
import {
  CMI5_CATEGORY,
  Cmi5RuleError,
  MASTERY_SCORE_EXTENSION,
  MOVE_ON_CATEGORY,
  PROGRESS_EXTENSION,
  VERBS,
  answeredStatement,
  completedStatement,
  failedStatement,
  formatDuration,
  initializedStatement,
  isCmi5Defined,
  passedStatement,
  progressedStatement,
  terminatedStatement,
  verdict,
} from '../../../src/tracking/cmi5/statements.ts';
import { PUBLISHER_ID, REGISTRATION, launch, session, stamp } from './fixtures.ts';

const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const categories = (s: { context: { contextActivities?: { category?: { id: string }[] } } }) =>
  (s.context.contextActivities?.category ?? []).map((c) => c.id);

describe('the language of every statement (xAPI context.language)', () => {
  it('is the language the course is taken in, unless the LMS template names one, which is kept', () => {
    const french = { ...session(), lang: 'fr' };
    expect(initializedStatement(french, stamp()).context.language).toBe('fr');
    expect(progressedStatement(french, stamp(), 40).context.language).toBe('fr');
    const named = session({ contextTemplate: { ...session().launchData.contextTemplate, language: 'en-CA' } });
    expect(terminatedStatement({ ...named, lang: 'fr' }, stamp(), 1000).context.language).toBe('en-CA');
  });
});

describe('cmi5 defined statements', () => {
  const normal = session();
  const built = [
    initializedStatement(normal, stamp()),
    completedStatement(normal, stamp(), 60_000),
    passedStatement(normal, stamp(), 0.9, 60_000),
    terminatedStatement(normal, stamp(), 120_000),
  ];

  it('§9.4, §9.6.1, §9.6.2.1, §10.2.1: AU object, registration, cmi5 category, the template unaltered (session id, publisher id)', () => {
    for (const statement of built) {
      expect(statement.object.id).toBe(launch.activityId);
      expect(statement.actor).toEqual(launch.actor);
      expect(statement.context.registration).toBe(REGISTRATION);
      expect(statement.context.extensions?.[SESSION_EXT]).toBe('session-1');
      expect(statement.context.contextActivities?.grouping).toEqual([{ id: PUBLISHER_ID, objectType: 'Activity' }]);
      expect(categories(statement)).toContain(CMI5_CATEGORY);
      expect(statement.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(statement.timestamp).toMatch(/Z$/);
      expect(isCmi5Defined(statement)).toBe(true);
    }
    expect(built.map((s) => s.verb.id)).toEqual([VERBS.initialized, VERBS.completed, VERBS.passed, VERBS.terminated]);
    // The template object itself is not changed by the builders.
    expect(normal.launchData.contextTemplate.contextActivities?.category).toBeUndefined();
  });

  it('§9.6.2.2: the moveOn category only on statements with success or completion', () => {
    expect(built.map((s) => categories(s).includes(MOVE_ON_CATEGORY))).toEqual([false, true, true, false]);
  });

  it('§9.5: completed has completion and duration, no score or progress; terminated has the session duration', () => {
    expect(built[1]?.result).toEqual({ completion: true, duration: 'PT1M' });
    expect(built[3]?.result).toEqual({ duration: 'PT2M' });
    expect(built[0]?.result).toBeUndefined();
  });

  it('§9.3.4, §9.5.2, §9.6.3.2: passed has scaled score, success, duration and the mastery score', () => {
    expect(built[2]?.result).toEqual({ score: { scaled: 0.9 }, success: true, duration: 'PT1M' });
    expect(built[2]?.context.extensions?.[MASTERY_SCORE_EXTENSION]).toBe(0.8);
  });

  it('§9.3.4: never passed below the mastery score; §9.3.5: never failed at or above it', () => {
    expect(() => passedStatement(normal, stamp(), 0.79, 1)).toThrow(Cmi5RuleError);
    expect(() => passedStatement(normal, stamp(), 0.79, 1)).toThrow(/§9.3.4/);
    expect(() => failedStatement(normal, stamp(), 0.8, 1)).toThrow(/§9.3.5/);
    expect(failedStatement(normal, stamp(), 0.5, 1).result).toEqual({ score: { scaled: 0.5 }, success: false, duration: 'PT0S' });
    expect(verdict(normal, 0.79, true)).toBe('failed');
    expect(verdict(normal, 0.8, false)).toBe('passed');
    expect(verdict(session({ masteryScore: undefined }), 0.1, true)).toBe('passed');
  });

  it.each(['Browse', 'Review'] as const)('§10.2.2: in %s mode only initialized and terminated', (launchMode) => {
    const other = session({ launchMode });
    expect(initializedStatement(other, stamp()).verb.id).toBe(VERBS.initialized);
    expect(terminatedStatement(other, stamp(), 5).verb.id).toBe(VERBS.terminated);
    expect(() => completedStatement(other, stamp(), 1)).toThrow(/§10.2.2/);
    expect(() => passedStatement(other, stamp(), 1, 1)).toThrow(/§10.2.2/);
    expect(() => failedStatement(other, stamp(), 0, 1)).toThrow(/§10.2.2/);
  });

  it('keeps template values over its own (§10.2.1 "MUST NOT overwrite")', () => {
    const s = session();
    s.launchData.contextTemplate.extensions = { ...s.launchData.contextTemplate.extensions, [MASTERY_SCORE_EXTENSION]: 0.95 };
    expect(passedStatement(s, stamp(), 0.9, 1).context.extensions?.[MASTERY_SCORE_EXTENSION]).toBe(0.95);
  });
});

describe('durations', () => {
  it('are ISO 8601 with hundredths', () => {
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(formatDuration(3_600_000)).toBe('PT1H');
    expect(formatDuration(-5)).toBe('PT0S');
    expect(formatDuration(Number.NaN)).toBe('PT0S');
  });
});

describe('cmi5 allowed statements (§7.1.3)', () => {
  it('progressed: the template and registration, no cmi5 category, progress 0–100 (§9.5.5.1)', () => {
    const statement = progressedStatement(session(), stamp(), 42.4);
    expect(statement.verb.id).toBe(VERBS.progressed);
    expect(statement.result?.extensions?.[PROGRESS_EXTENSION]).toBe(42);
    expect(progressedStatement(session(), stamp(), 180).result?.extensions?.[PROGRESS_EXTENSION]).toBe(100);
    expect(categories(statement)).not.toContain(CMI5_CATEGORY);
    expect(statement.context.extensions?.[SESSION_EXT]).toBe('session-1');
    expect(statement.context.registration).toBe(REGISTRATION);
    expect(isCmi5Defined(statement)).toBe(false);
  });

  const base = { fingerprint: 'f', reviewLessonId: 'l' };
  const questions: Question[] = [
    { ...base, id: 'q-single', type: 'single', options: [{ id: 'a' }, { id: 'b' }], correctOptionId: 'b' },
    { ...base, id: 'q-multi', type: 'multiple', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], correctOptionIds: ['a', 'c'] },
    { ...base, id: 'q-yn', type: 'yesno', correctAnswer: 'no' },
    { ...base, id: 'q-text', type: 'text', acceptedAnswers: ['Mutuality', ' mutuality. '] },
    { ...base, id: 'q-match', type: 'matching', prompts: [{ id: 'p1' }, { id: 'p2' }], targets: [{ id: 't1' }, { id: 't2' }], correctPairs: { p1: 't2', p2: 't1' } },
  ];
  const check: KnowledgeCheck = { id: 'check-1', lessonId: 'l', title: 'Check', questions };
  const answered = (index: number, answer: Parameters<typeof answeredStatement>[2]['answer'], text?: Parameters<typeof answeredStatement>[2]['text']) =>
    answeredStatement(session(), stamp(), { check, question: questions[index] as Question, answer, text, durationMs: 12_340 });

  it('answered: interaction definition, response, success, duration per question type', () => {
    const single = answered(0, { type: 'single', optionId: 'b' }, {
      promptHtml: '', promptText: 'Pick one', correctFeedbackHtml: '', incorrectFeedbackHtml: '',
      options: { a: { html: 'A', text: 'Alpha' }, b: { html: 'B', text: 'Beta' } },
    });
    expect(single.verb.id).toBe(VERBS.answered);
    expect(single.object.id).toBe(`${launch.activityId}/checks/check-1/questions/q-single`);
    expect(single.object.definition).toEqual({
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      description: { en: 'Pick one' },
      interactionType: 'choice',
      choices: [{ id: 'a', description: { en: 'Alpha' } }, { id: 'b', description: { en: 'Beta' } }],
      correctResponsesPattern: ['b'],
    });
    expect(single.result).toEqual({ response: 'b', success: true, duration: 'PT12.34S' });
    expect(categories(single)).not.toContain(CMI5_CATEGORY);

    const multi = answered(1, { type: 'multiple', optionIds: ['a'] });
    expect(multi.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a[,]c'] });
    expect(multi.result).toMatchObject({ response: 'a', success: false });

    const yesno = answered(2, { type: 'yesno', value: 'no' });
    expect(yesno.object.definition).toMatchObject({ interactionType: 'true-false', correctResponsesPattern: ['false'] });
    expect(yesno.result).toMatchObject({ response: 'false', success: true });

    // Text answers are judged with the course's own normalisation (src/course/scoring.ts).
    const text = answered(3, { type: 'text', text: '  “Mutuality.” ' });
    expect(text.object.definition).toMatchObject({ interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=false}mutuality'] });
    expect(text.result).toMatchObject({ response: '“Mutuality.”', success: true });

    const match = answered(4, { type: 'matching', pairs: { p1: 't2', p2: 't2' } });
    expect(match.object.definition).toMatchObject({
      interactionType: 'matching',
      source: [{ id: 'p1' }, { id: 'p2' }],
      target: [{ id: 't1' }, { id: 't2' }],
      correctResponsesPattern: ['p1[.]t2[,]p2[.]t1'],
    });
    expect(match.result).toMatchObject({ response: 'p1[.]t2[,]p2[.]t2', success: false });
  });
});

import fc from 'fast-check';
import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse, KnowledgeCheck } from '../../src/content/types.ts';
import { createCourseMachine } from '../../src/course/machine.ts';
import { parseProgressRecord, PROGRESS_RECORD_VERSION, toProgressRecord, type ProgressRecord } from '../../src/course/progress-record.ts';
import { createInitialContext } from '../../src/course/progress.ts';
import { correctAnswers, partialMatching, smallCourse, wrongAnswers } from './fixtures.ts';
import { answerAll, run, submit } from './events.ts';


const course = smallCourse();
/** Intro complete, on the quiz, submitted once (3 right), answering again with two answers. */
const progressed = run(course, [
  { type: 'lesson.complete', lessonId: 'intro' },
  { type: 'time.spent', lessonId: 'intro', seconds: 42 },
  { type: 'nav.goto', lessonId: 'quiz' },
  ...answerAll(correctAnswers),
  submit,
]);
const record = toProgressRecord(progressed.context);

describe('toProgressRecord', () => {
  it('writes a small versioned record', () => {
    expect(record).toEqual({
      version: 1,
      courseId: 'small-course',
      contentVersion: 'v1',
      currentLessonId: 'quiz',
      lessons: { intro: { status: 'complete', seconds: 42 }, quiz: { status: 'complete', seconds: 0 } },
      checks: {
        quiz: {
          status: 'submitted',
          answers: Object.fromEntries(
            Object.entries(correctAnswers).map(([id, answer]) => [id, { fingerprint: `fp-${id.slice(2)}`, answer }]),
          ),
          attempts: [
            {
              submittedAt: '2025-01-01T00:00:00.000Z',
              results: Object.fromEntries(Object.keys(correctAnswers).map((id) => [id, { fingerprint: `fp-${id.slice(2)}`, correct: true }])),
            },
          ],
        },
      },
      completedAt: null,
      success: null,
    });
  });

  it('leaves out untouched lessons and checks', () => {
    const fresh = toProgressRecord(createInitialContext(course));
    expect(fresh.lessons).toEqual({ intro: { status: 'in-progress', seconds: 0 } });
    expect(fresh.checks).toEqual({});
  });

  it('keeps a lesson with time but no visit, and a check with answers only', () => {
    const s = run(course, [
      { type: 'time.spent', lessonId: 'wrap-up', seconds: 3 },
      { type: 'check.answer', checkId: 'quiz', questionId: 'q-matching', answer: partialMatching },
    ]);
    const r = toProgressRecord(s.context);
    expect(r.lessons['wrap-up']).toEqual({ status: 'not-started', seconds: 3 });
    expect(r.checks.quiz).toEqual({
      status: 'answering',
      answers: { 'q-matching': { fingerprint: 'fp-matching', answer: partialMatching } },
      attempts: [],
    });
  });

  it('skips progress the context lacks (hand-made contexts)', () => {
    const context = { ...createInitialContext(course), lessons: {}, checks: {} };
    const r = toProgressRecord(context);
    expect(r.lessons).toEqual({});
    expect(r.checks).toEqual({});
  });
});

describe('parseProgressRecord', () => {
  it('accepts its own output, as a value or as text, dropping nothing', () => {
    for (const input of [record, JSON.stringify(record)]) {
      const result = parseProgressRecord(input, course);
      expect(result).toEqual({ kind: 'ok', record, dropped: [], damaged: false, contentChanged: false, previousContentVersion: 'v1' });
    }
  });

  it('is fresh when nothing was saved', () => {
    expect(parseProgressRecord(undefined, course)).toEqual({ kind: 'fresh' });
    expect(parseProgressRecord(null, course)).toEqual({ kind: 'fresh' });
    expect(parseProgressRecord('null', course)).toEqual({ kind: 'fresh' });
  });

  describe('rejects', () => {
    it.each<[string, unknown]>([
      ['text that is not JSON', '{"version":1,'],
      ['an empty string', ''],
      ['a number', 42],
      ['an array', [record]],
      ['a record without a version', { ...record, version: undefined }],
      ['a non-numeric version', { ...record, version: '1' }],
      ['a record without a course id', { ...record, courseId: 7 }],
      ['missing lessons', { ...record, lessons: null }],
      ['lessons as an array', { ...record, lessons: [] }],
      ['missing checks', { ...record, checks: undefined }],
      ['a non-string current lesson', { ...record, currentLessonId: 1 }],
      ['a non-string content version', { ...record, contentVersion: null }],
      ['a bad completion time', { ...record, completedAt: 5 }],
      ['a bad success', { ...record, success: { status: 'great', at: 'x' } }],
    ])('%s as corrupt', (_, input) => {
      expect(parseProgressRecord(input, course)).toEqual({ kind: 'rejected', reason: 'corrupt', raw: input });
    });

    it('another version as unsupported', () => {
      const input = { ...record, version: PROGRESS_RECORD_VERSION + 1 };
      expect(parseProgressRecord(input, course)).toEqual({ kind: 'rejected', reason: 'unsupported-version', raw: input });
    });

    it('another course’s record as foreign', () => {
      const input = JSON.stringify({ ...record, courseId: 'other-course' });
      expect(parseProgressRecord(input, course)).toEqual({ kind: 'rejected', reason: 'foreign-course', raw: input });
    });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (input) => {
        const result = parseProgressRecord(input, course);
        expect(['ok', 'fresh', 'rejected']).toContain(result.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on records with random parts', () => {
    const part = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.record({ lessons: fc.dictionary(fc.constantFrom('intro', 'quiz', 'x'), part), checks: fc.dictionary(fc.constantFrom('quiz', 'y'), part) }),
        fc.dictionary(fc.constantFrom('q-single', 'q-text', 'q-zzz'), part),
        fc.array(part, { maxLength: 3 }),
        (parts, answers, attempts) => {
          const input = { ...record, ...parts, checks: { ...parts.checks, quiz: { status: 'submitted', answers, attempts } } };
          const result = parseProgressRecord(input, course);
          expect(result.kind).toBe('ok');
          if (result.kind === 'ok') {
            // Whatever survives starts a valid machine.
            const machine = createCourseMachine(course);
            const s = initialTransition(machine, { record: result.record })[0];
            expect(course.lessons.some((l) => l.id === s.context.currentLessonId)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('migration to changed content', () => {
    /** v2: lesson `basics` removed, `q-yesno` changed (new fingerprint), `q-text` removed, a new question added. */
    function changedCourse(): CompiledCourse {
      const base = smallCourse({ contentVersion: 'v2' });
      const quiz = base.checks.quiz as KnowledgeCheck;
      const questions = quiz.questions
        .filter((q) => q.id !== 'q-text')
        .map((q) => (q.id === 'q-yesno' ? { ...q, fingerprint: 'fp-yesno-2' } : q));
      questions.push({ ...(quiz.questions[2] as KnowledgeCheck['questions'][number]), id: 'q-new', fingerprint: 'fp-new' });
      return {
        ...base,
        sections: base.sections.map((s) => ({ ...s, lessonIds: s.lessonIds.filter((id) => id !== 'basics') })),
        lessons: base.lessons.filter((l) => l.id !== 'basics').map((l, i) => ({ ...l, number: i + 1 })),
        checks: { quiz: { ...quiz, questions } },
      };
    }

    it('keeps what still matches and lists what was dropped; a submitted check reopens', () => {
      const old = run(course, [
        { type: 'lesson.complete', lessonId: 'intro' },
        { type: 'lesson.complete', lessonId: 'basics' },
        { type: 'nav.goto', lessonId: 'basics' },
        ...answerAll(correctAnswers),
        submit,
      ]);
      const changed = changedCourse();
      const result = parseProgressRecord(JSON.stringify(toProgressRecord(old.context)), changed);
      if (result.kind !== 'ok') throw new Error(result.kind);
      expect(result.previousContentVersion).toBe('v1');
      expect(result.record.contentVersion).toBe('v2');
      expect(result.dropped).toEqual([
        { kind: 'lesson-gone', lessonId: 'basics' },
        { kind: 'answer-changed', checkId: 'quiz', questionId: 'q-yesno' },
        { kind: 'question-gone', checkId: 'quiz', questionId: 'q-text' },
        { kind: 'results-changed', checkId: 'quiz', questionId: 'q-yesno' },
        { kind: 'reopened', checkId: 'quiz' },
      ]);
      expect(result.record.currentLessonId).toBe('intro');
      expect(Object.keys(result.record.lessons)).toEqual(['intro', 'quiz']);
      const quiz = result.record.checks.quiz;
      expect(quiz?.status).toBe('answering');
      expect(Object.keys(quiz?.answers ?? {})).toEqual(['q-single', 'q-multiple', 'q-matching']);
      expect(Object.keys(quiz?.attempts[0]?.results ?? {})).toEqual(['q-single', 'q-multiple', 'q-matching']);

      // The migrated record starts a machine: the check lesson stays complete, old results
      // for unchanged questions still count.
      const machine = createCourseMachine(changed);
      const s = initialTransition(machine, { record: result.record })[0];
      expect(s.context.checks.quiz?.status).toBe('answering');
      expect(s.context.lessons.quiz?.status).toBe('complete');
      expect(s.context.checks.quiz?.attempts).toHaveLength(1);
    });

    it('drops a check that no longer exists and unreadable parts, and reopens a check with a new question', () => {
      const old = toProgressRecord(run(course, [...answerAll(correctAnswers), submit]).context);
      const input = {
        ...old,
        lessons: { ...old.lessons, intro: { status: 'done', seconds: 1 }, basics: { status: 'complete', seconds: -1 }, 'wrap-up': 'x' },
        checks: {
          ...old.checks,
          gone: { status: 'answering', answers: {}, attempts: [] },
        },
      };
      const withNewQuestion = changedCourse();
      const result = parseProgressRecord(input, { ...withNewQuestion, lessons: course.lessons, sections: course.sections });
      if (result.kind !== 'ok') throw new Error(result.kind);
      expect(result.dropped).toContainEqual({ kind: 'lesson-unreadable', lessonId: 'intro' });
      expect(result.dropped).toContainEqual({ kind: 'time-unreadable', lessonId: 'basics' });
      expect(result.dropped).toContainEqual({ kind: 'lesson-unreadable', lessonId: 'wrap-up' });
      expect(result.dropped).toContainEqual({ kind: 'check-gone', checkId: 'gone' });
      expect(result.damaged).toBe(true);
      expect(result.record.lessons.basics).toEqual({ status: 'complete', seconds: 0 });
      expect(result.record.checks.quiz?.status).toBe('answering');
    });

    it('reopens a submitted check when a question was added (nothing else lost)', () => {
      const old = toProgressRecord(run(course, [...answerAll(correctAnswers), submit]).context);
      const base = smallCourse({ contentVersion: 'v3' });
      const quiz = base.checks.quiz as KnowledgeCheck;
      const added: CompiledCourse = {
        ...base,
        checks: { quiz: { ...quiz, questions: [...quiz.questions, { ...(quiz.questions[2] as KnowledgeCheck['questions'][number]), id: 'q-new', fingerprint: 'fp-new' }] } },
      };
      const result = parseProgressRecord(old, added);
      if (result.kind !== 'ok') throw new Error(result.kind);
      expect(result.dropped).toEqual([{ kind: 'reopened', checkId: 'quiz' }]);
      expect(result.record.checks.quiz?.status).toBe('answering');
      expect(Object.keys(result.record.checks.quiz?.answers ?? {})).toHaveLength(5);
    });

    it('drops unreadable checks, answers and attempts one by one', () => {
      const good = record.checks.quiz;
      if (!good) throw new Error('fixture');
      const unreadable = { kind: 'check-unreadable', checkId: 'quiz' };
      const answer = { kind: 'answer-unreadable', checkId: 'quiz', questionId: 'q-single' };
      const attempt = { kind: 'attempt-unreadable', checkId: 'quiz' };
      const at = '2025-01-01T00:00:00.000Z';
      const cases: Array<[unknown, unknown]> = [
        ['nonsense', unreadable],
        [{ ...good, status: 'done' }, unreadable],
        [{ ...good, answers: [] }, unreadable],
        [{ ...good, attempts: {} }, unreadable],
        [{ ...good, answers: { ...good.answers, 'q-single': 'b' } }, answer],
        [{ ...good, answers: { ...good.answers, 'q-single': { fingerprint: 'fp-single', answer: { type: 'single', optionId: 'zz' } } } }, answer],
        [{ ...good, attempts: [null] }, attempt],
        [{ ...good, attempts: [{ submittedAt: 'x', results: {} }] }, attempt],
        [{ ...good, attempts: [{ submittedAt: at, results: { 'q-single': { fingerprint: 'fp-single', correct: 'yes' } } }] }, attempt],
        // The same content cannot have lost a question: that is damage, not a content change.
        [{ ...good, attempts: [{ submittedAt: at, results: { 'q-gone': { fingerprint: 'f', correct: true } } }] }, { kind: 'unknown-item' }],
      ];
      for (const [check, line] of cases) {
        const result = parseProgressRecord({ ...record, checks: { quiz: check } }, course);
        if (result.kind !== 'ok') throw new Error(result.kind);
        expect(result.dropped, JSON.stringify(check)).toContainEqual(line);
        expect(result.damaged, JSON.stringify(check)).toBe(true);
      }
    });

    it('reopens a submitted check that has no attempt', () => {
      const good = record.checks.quiz;
      const result = parseProgressRecord({ ...record, checks: { quiz: { ...good, attempts: [] } } }, course);
      if (result.kind !== 'ok') throw new Error(result.kind);
      expect(result.record.checks.quiz?.status).toBe('answering');
    });

    it('keeps completion and success as they were', () => {
      const then = '2025-02-03T04:05:06.000Z';
      const done: ProgressRecord = { ...record, completedAt: then, success: { status: 'failed', at: then } };
      const result = parseProgressRecord(done, smallCourse({ contentVersion: 'v9' }));
      if (result.kind !== 'ok') throw new Error(result.kind);
      expect(result.record.completedAt).toBe(then);
      expect(result.record.success).toEqual({ status: 'failed', at: then });
      expect(result.dropped).toEqual([]);
    });
  });

  it('keeps wrong answers too', () => {
    const s = run(course, answerAll(wrongAnswers));
    const result = parseProgressRecord(toProgressRecord(s.context), course);
    if (result.kind !== 'ok') throw new Error(result.kind);
    expect(Object.keys(result.record.checks.quiz?.answers ?? {})).toHaveLength(5);
  });
});

/**
 * Headless tests of the course machine: `initialTransition` / `transition` for state changes,
 * a started actor where emitted tracking events matter.
 */
import { createActor, initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine, MAX_TIME_REPORT_SECONDS } from '../../src/course/machine.ts';
import { toProgressRecord, type ProgressRecord } from '../../src/course/progress-record.ts';
import { createInitialContext } from '../../src/course/progress.ts';
import type { Answer, CourseEvent } from '../../src/course/types.ts';
import { correctAnswers, fixedClock, partialMatching, smallCourse, steppingClock, wrongAnswers } from './fixtures.ts';
import { answer, answerAll, complete, goto, retry, run, submit } from './events.ts';
import { startActor } from './helpers.ts';
import { selectCourseScore } from '../../src/course/selectors.ts';

const contentLessons: CourseEvent[] = [complete('intro'), complete('basics'), complete('wrap-up')];
const withThreeRight: Record<string, Answer> = {
  ...correctAnswers,
  'q-single': wrongAnswers['q-single'] as Answer,
  'q-text': wrongAnswers['q-text'] as Answer,
};

describe('start', () => {
  it('starts in progress on the first lesson, marked as visited', () => {
    const s = run(smallCourse(), []);
    expect(s.value).toBe('inProgress');
    expect(s.hasTag('inProgress')).toBe(true);
    expect(s.context.currentLessonId).toBe('intro');
    expect(s.context.lessons.intro?.status).toBe('in-progress');
    expect(s.context.lessons.basics?.status).toBe('not-started');
    expect(s.context.checks.quiz).toEqual({ status: 'answering', answers: {}, attempts: [] });
    expect(s.context.refusal).toBeNull();
  });

  it('refuses to build a context for a course without lessons', () => {
    expect(() => createInitialContext({ ...smallCourse(), lessons: [] })).toThrow(/has no lessons/);
  });
});

describe('navigation', () => {
  it('goes to a lesson by id, next and previous, marking lessons visited', () => {
    let s = run(smallCourse(), [goto('quiz')]);
    expect(s.context.currentLessonId).toBe('quiz');
    expect(s.context.lessons.quiz?.status).toBe('in-progress');
    s = run(smallCourse(), [{ type: 'nav.next' }, { type: 'nav.next' }, { type: 'nav.prev' }]);
    expect(s.context.currentLessonId).toBe('basics');
    expect(s.context.lessons.quiz?.status).toBe('in-progress');
  });

  it('refuses to go before the first or past the last lesson, keeping the current lesson', () => {
    let s = run(smallCourse(), [{ type: 'nav.prev' }]);
    expect(s.context.currentLessonId).toBe('intro');
    expect(s.context.refusal).toEqual({ kind: 'navigation', reason: 'no-previous-lesson' });
    s = run(smallCourse(), [goto('wrap-up'), { type: 'nav.next' }]);
    expect(s.context.currentLessonId).toBe('wrap-up');
    expect(s.context.refusal).toEqual({ kind: 'navigation', reason: 'no-next-lesson' });
  });

  it('refuses an unknown lesson', () => {
    const s = run(smallCourse(), [goto('nope')]);
    expect(s.context.currentLessonId).toBe('intro');
    expect(s.context.refusal).toEqual({ kind: 'navigation', lessonId: 'nope', reason: 'unknown-lesson' });
  });

  it('clears a refusal on the next accepted action, but not on a time report', () => {
    let s = run(smallCourse(), [goto('nope'), { type: 'time.spent', lessonId: 'intro', seconds: 5 }]);
    expect(s.context.refusal).not.toBeNull();
    s = run(smallCourse(), [goto('nope'), { type: 'nav.next' }]);
    expect(s.context.refusal).toBeNull();
  });

  describe('sequential mode', () => {
    const course = smallCourse({ navigation: 'sequential' });

    it('refuses a lesson whose predecessors are not complete, naming the first blocking lesson', () => {
      let s = run(course, [goto('quiz')]);
      expect(s.context.currentLessonId).toBe('intro');
      expect(s.context.refusal).toEqual({ kind: 'navigation', lessonId: 'quiz', reason: 'locked', blockingLessonId: 'intro' });
      s = run(course, [complete('intro'), goto('wrap-up')]);
      expect(s.context.refusal).toMatchObject({ reason: 'locked', blockingLessonId: 'basics' });
      s = run(course, [{ type: 'nav.next' }]);
      expect(s.context.refusal).toEqual({ kind: 'navigation', lessonId: 'basics', reason: 'locked', blockingLessonId: 'intro' });
    });

    it('opens a lesson once everything before it is complete', () => {
      const s = run(course, [complete('intro'), { type: 'nav.next' }, complete('basics'), { type: 'nav.next' }]);
      expect(s.context.currentLessonId).toBe('quiz');
      expect(s.context.refusal).toBeNull();
    });

    it('keeps completed lessons reachable', () => {
      const s = run(course, [complete('intro'), { type: 'nav.next' }, goto('intro'), goto('basics')]);
      expect(s.context.currentLessonId).toBe('basics');
    });

    it('refuses going back to a lesson that is locked (after a content change)', () => {
      // `quiz` complete but the lessons before it not (possible after a migration).
      const record: ProgressRecord = {
        ...toProgressRecord(createInitialContext(course)),
        currentLessonId: 'quiz',
        lessons: { quiz: { status: 'complete', seconds: 0 } },
      };
      const s = run(course, [{ type: 'nav.prev' }], record);
      expect(s.context.currentLessonId).toBe('quiz');
      expect(s.context.refusal).toEqual({ kind: 'navigation', lessonId: 'basics', reason: 'locked', blockingLessonId: 'intro' });
    });

    it('does not complete or answer a locked lesson', () => {
      const machine = createCourseMachine(course, { now: fixedClock });
      const s = initialTransition(machine, {})[0];
      expect(s.can(complete('basics'))).toBe(false);
      expect(s.can(answer('q-yesno', { type: 'yesno', value: 'yes' }))).toBe(false);
      expect(s.can(submit)).toBe(false);
    });
  });
});

describe('lesson completion', () => {
  it('completes a content lesson once, emitting lessonCompleted and progressChanged', () => {
    const { actor, emitted } = startActor(smallCourse());
    actor.send(complete('intro'));
    actor.send(complete('intro'));
    expect(actor.getSnapshot().context.lessons.intro?.status).toBe('complete');
    expect(emitted).toEqual([
      { type: 'tracking.lessonCompleted', lessonId: 'intro' },
      { type: 'tracking.progressChanged', completedLessons: 1, totalLessons: 4, percent: 25 },
    ]);
  });

  it('completes a lesson that was never opened (free mode)', () => {
    expect(run(smallCourse(), [complete('wrap-up')]).context.lessons['wrap-up']?.status).toBe('complete');
  });

  it('ignores lesson.complete for a knowledge-check lesson or an unknown lesson', () => {
    const machine = createCourseMachine(smallCourse());
    const s = initialTransition(machine, {})[0];
    expect(s.can(complete('quiz'))).toBe(false);
    expect(s.can(complete('nope'))).toBe(false);
  });
});

describe('knowledge check', () => {
  it('records and changes answers while answering, including partial matching', () => {
    const s = run(smallCourse(), [
      answer('q-single', { type: 'single', optionId: 'a' }),
      answer('q-single', { type: 'single', optionId: 'b' }),
      answer('q-matching', partialMatching),
    ]);
    expect(s.context.checks.quiz?.answers).toEqual({ 'q-single': { type: 'single', optionId: 'b' }, 'q-matching': partialMatching });
  });

  it('ignores invalid answers and unknown checks or questions', () => {
    const s = run(smallCourse(), []);
    expect(s.can(answer('q-single', { type: 'single', optionId: 'z' }))).toBe(false);
    expect(s.can(answer('q-single', { type: 'yesno', value: 'yes' }))).toBe(false);
    expect(s.can(answer('q-nope', { type: 'yesno', value: 'yes' }))).toBe(false);
    expect(s.can(answer('q-yesno', { type: 'yesno', value: 'yes' }, 'nope'))).toBe(false);
    expect(s.can({ type: 'check.submit', checkId: 'nope' })).toBe(false);
    expect(s.can({ type: 'check.retry', checkId: 'nope' })).toBe(false);
    expect(s.can(retry)).toBe(false);
  });

  it('refuses to submit until every question is answered, saying which are not', () => {
    let s = run(smallCourse(), [submit]);
    expect(s.context.checks.quiz?.status).toBe('answering');
    expect(s.context.refusal).toEqual({
      kind: 'submit',
      checkId: 'quiz',
      reason: 'unanswered',
      unansweredQuestionIds: ['q-single', 'q-multiple', 'q-yesno', 'q-text', 'q-matching'],
    });
    s = run(smallCourse(), [...answerAll(correctAnswers), answer('q-matching', partialMatching), submit]);
    expect(s.context.refusal).toMatchObject({ unansweredQuestionIds: ['q-matching'] });
    s = run(smallCourse(), [...answerAll(correctAnswers), answer('q-text', { type: 'text', text: '   ' }), submit]);
    expect(s.context.refusal).toMatchObject({ unansweredQuestionIds: ['q-text'] });
  });

  it('keeps a refused submission while that check is answered, naming what is still open, until none is', () => {
    const refusalAfter = (events: CourseEvent[]) => run(smallCourse(), [submit, ...events]).context.refusal;
    expect(refusalAfter([answer('q-single', correctAnswers['q-single'] as Answer)])).toMatchObject({
      kind: 'submit',
      unansweredQuestionIds: ['q-multiple', 'q-yesno', 'q-text', 'q-matching'],
    });
    // Reading to the end of the lesson does not end it; answering everything, leaving or submitting does.
    expect(refusalAfter([{ type: 'lesson.complete', lessonId: 'quiz' }])).toMatchObject({ kind: 'submit' });
    expect(refusalAfter(answerAll(correctAnswers))).toBeNull();
    expect(refusalAfter([goto('intro')])).toBeNull();
    expect(refusalAfter([...answerAll(correctAnswers), submit])).toBeNull();
  });

  it('submits: review state, an attempt, the check lesson complete, tracking events', () => {
    const { actor, emitted } = startActor(smallCourse());
    for (const e of answerAll(withThreeRight)) actor.send(e);
    actor.send(submit);
    const s = actor.getSnapshot();
    expect(s.context.checks.quiz?.status).toBe('submitted');
    expect(s.context.checks.quiz?.answers).toEqual(withThreeRight);
    expect(s.context.checks.quiz?.attempts).toHaveLength(1);
    expect(s.context.lessons.quiz?.status).toBe('complete');
    expect(s.context.refusal).toBeNull();
    expect(s.can(answer('q-single', correctAnswers['q-single'] as Answer))).toBe(false);
    expect(s.can(submit)).toBe(false);
    expect(emitted.map((e) => e.type)).toEqual([
      ...Array(5).fill('tracking.questionAnswered'),
      'tracking.checkSubmitted',
      'tracking.lessonCompleted',
      'tracking.progressChanged',
    ]);
    expect(emitted[0]).toEqual({
      type: 'tracking.questionAnswered',
      checkId: 'quiz',
      questionId: 'q-single',
      questionType: 'single',
      response: withThreeRight['q-single'],
      correct: false,
      attempt: 1,
      submittedAt: '2025-01-01T00:00:00.000Z',
      latencySeconds: null, // the check's lesson was never opened
    });
    expect(emitted.filter((e) => e.type === 'tracking.questionAnswered').map((e) => e.correct)).toEqual([false, true, true, false, true]);
    expect(emitted[5]).toEqual({
      type: 'tracking.checkSubmitted',
      checkId: 'quiz',
      score: 3,
      max: 5,
      attempt: 1,
      submittedAt: '2025-01-01T00:00:00.000Z',
      courseScore: { score: 3, max: 5, percent: 60 },
    });
  });

  it('retries: answers cleared, attempts counted, the lesson stays complete', () => {
    const { actor, emitted } = startActor(smallCourse());
    for (const e of [...answerAll(withThreeRight), submit, retry]) actor.send(e);
    let s = actor.getSnapshot();
    expect(s.context.checks.quiz).toMatchObject({ status: 'answering', answers: {} });
    expect(s.context.checks.quiz?.attempts).toHaveLength(1);
    expect(s.context.lessons.quiz?.status).toBe('complete');
    emitted.length = 0;
    for (const e of [...answerAll(correctAnswers), submit]) actor.send(e);
    s = actor.getSnapshot();
    expect(s.context.checks.quiz?.attempts).toHaveLength(2);
    expect(emitted.map((e) => e.type)).not.toContain('tracking.lessonCompleted');
    expect(emitted.find((e) => e.type === 'tracking.checkSubmitted')).toMatchObject({ score: 5, attempt: 2 });
  });
});

describe('completion and success', () => {
  it('completes when every lesson is complete, then passes, emitting in order', () => {
    const { actor, emitted } = startActor(smallCourse({ completion: { passingScore: 60 } }));
    for (const e of [...contentLessons, ...answerAll(withThreeRight)]) actor.send(e);
    expect(actor.getSnapshot().hasTag('completed')).toBe(false);
    emitted.length = 0;
    actor.send(submit);
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ completed: 'passed' });
    expect(s.hasTag('completed') && s.hasTag('passed')).toBe(true);
    expect(s.context.completedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(s.context.success).toEqual({ status: 'passed', at: '2025-01-01T00:00:00.000Z' });
    expect(emitted.slice(-4)).toEqual([
      { type: 'tracking.lessonCompleted', lessonId: 'quiz' },
      { type: 'tracking.progressChanged', completedLessons: 4, totalLessons: 4, percent: 100 },
      { type: 'tracking.courseCompleted', completedAt: '2025-01-01T00:00:00.000Z', score: 3, max: 5, percent: 60 },
      { type: 'tracking.coursePassed', score: 3, max: 5, percent: 60, passingScore: 60, at: '2025-01-01T00:00:00.000Z' },
    ]);
  });

  it('fails below the passing score, and a better retry turns it into a pass', () => {
    const { actor, emitted } = startActor(smallCourse({ completion: { passingScore: 80 } }));
    for (const e of [...contentLessons, ...answerAll(withThreeRight), submit]) actor.send(e);
    expect(actor.getSnapshot().value).toEqual({ completed: 'failed' });
    expect(emitted.at(-1)).toMatchObject({ type: 'tracking.courseFailed', score: 3, max: 5, percent: 60, passingScore: 80 });
    for (const e of [retry, ...answerAll(correctAnswers), submit]) actor.send(e);
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ completed: 'passed' });
    expect(s.hasTag('failed')).toBe(false);
    expect(emitted.at(-1)).toMatchObject({ type: 'tracking.coursePassed', score: 5, percent: 100 });
    expect(emitted.filter((e) => e.type === 'tracking.courseCompleted')).toHaveLength(1);
  });

  it('keeps a pass when a later attempt scores lower (retry policy "last")', () => {
    const course = smallCourse({ completion: { passingScore: 80, retryScore: 'last' } });
    const s = run(course, [...contentLessons, ...answerAll(correctAnswers), submit, retry, ...answerAll(wrongAnswers), submit]);
    expect(s.value).toEqual({ completed: 'passed' });
    expect(s.context.checks.quiz?.attempts).toHaveLength(2);
  });

  it('counts the best attempt under "best" and the last under "last"', () => {
    const events = [...contentLessons, ...answerAll(wrongAnswers), submit, retry, ...answerAll(withThreeRight), submit, retry, ...answerAll(wrongAnswers), submit];
    const best = run(smallCourse({ completion: { passingScore: 60, retryScore: 'best' } }), events);
    expect(selectCourseScore(best)).toMatchObject({ score: 3, percent: 60 });
    const last = run(smallCourse({ completion: { passingScore: 60, retryScore: 'last' } }), events);
    expect(selectCourseScore(last)).toMatchObject({ score: 0, percent: 0 });
    // …yet the pass reached by the second attempt is kept.
    expect(last.value).toEqual({ completed: 'passed' });
  });

  it('is simply complete when the course has no passing score', () => {
    const { actor, emitted } = startActor(smallCourse({ completion: { passingScore: undefined } }));
    for (const e of [...contentLessons, ...answerAll(wrongAnswers), submit]) actor.send(e);
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ completed: 'unscored' });
    expect(s.hasTag('passed') || s.hasTag('failed')).toBe(false);
    expect(s.context.success).toBeNull();
    expect(emitted.map((e) => e.type)).not.toContain('tracking.coursePassed');
    expect(emitted.map((e) => e.type)).not.toContain('tracking.courseFailed');
  });

  it('stays complete while the learner keeps navigating and retrying', () => {
    const s = run(smallCourse(), [...contentLessons, ...answerAll(correctAnswers), submit, goto('intro'), retry, { type: 'nav.next' }]);
    expect(s.hasTag('completed')).toBe(true);
    expect(s.context.currentLessonId).toBe('basics');
  });
});

describe('time spent', () => {
  it('adds reported seconds to a lesson', () => {
    const s = run(smallCourse(), [
      { type: 'time.spent', lessonId: 'intro', seconds: 12.5 },
      { type: 'time.spent', lessonId: 'intro', seconds: 30 },
      { type: 'time.spent', lessonId: 'quiz', seconds: MAX_TIME_REPORT_SECONDS },
    ]);
    expect(s.context.lessons.intro?.seconds).toBe(42.5);
    expect(s.context.lessons.quiz).toEqual({ status: 'not-started', seconds: MAX_TIME_REPORT_SECONDS });
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIME_REPORT_SECONDS + 1])('ignores %s seconds', (seconds) => {
    const s = run(smallCourse(), []);
    expect(s.can({ type: 'time.spent', lessonId: 'intro', seconds })).toBe(false);
  });

  it('ignores time for an unknown lesson', () => {
    expect(run(smallCourse(), []).can({ type: 'time.spent', lessonId: 'nope', seconds: 5 })).toBe(false);
  });
});

describe('restart', () => {
  it('starts over from a completed course', () => {
    const { actor, emitted } = startActor(smallCourse());
    for (const e of [...contentLessons, ...answerAll(correctAnswers), submit, { type: 'time.spent', lessonId: 'intro', seconds: 9 } as const]) {
      actor.send(e);
    }
    emitted.length = 0;
    actor.send({ type: 'course.restart' });
    const s = actor.getSnapshot();
    expect(s.value).toBe('inProgress');
    expect(s.context).toEqual(createInitialContext(smallCourse()));
    expect(emitted).toEqual([
      { type: 'tracking.courseRestarted' },
      { type: 'tracking.progressChanged', completedLessons: 0, totalLessons: 4, percent: 0 },
    ]);
  });
});

describe('resuming from a record', () => {
  const course = smallCourse({ completion: { passingScore: 80 } });
  const base = toProgressRecord(createInitialContext(course));

  it('restores the current lesson, statuses, answers and attempts', () => {
    const done = run(course, [complete('intro'), goto('quiz'), ...answerAll(correctAnswers), submit, retry, answer('q-yesno', { type: 'yesno', value: 'no' })]);
    const s = run(course, [], toProgressRecord(done.context));
    expect(s.context).toEqual({ ...done.context, refusal: null });
  });

  it('marks a restored current lesson that was never opened as visited', () => {
    const s = run(course, [], { ...base, currentLessonId: 'basics', lessons: {} });
    expect(s.context.lessons.basics?.status).toBe('in-progress');
  });

  it('resumes a completed course without emitting completion again', () => {
    const done = run(course, [...contentLessons, ...answerAll(correctAnswers), submit]);
    const { actor, emitted } = startActor(course, toProgressRecord(done.context));
    expect(actor.getSnapshot().value).toEqual({ completed: 'passed' });
    expect(emitted).toEqual([]);
  });

  it('resumes a failed course as failed', () => {
    const done = run(course, [...contentLessons, ...answerAll(wrongAnswers), submit]);
    const { actor, emitted } = startActor(course, toProgressRecord(done.context));
    expect(actor.getSnapshot().value).toEqual({ completed: 'failed' });
    expect(emitted).toEqual([]);
  });

  it('completes on start when every lesson of the record is complete (e.g. a lesson was removed)', () => {
    const done = run(course, [...contentLessons, ...answerAll(correctAnswers), submit]);
    const record = { ...toProgressRecord(done.context), completedAt: null, success: null };
    const { actor, emitted } = startActor(course, record);
    expect(actor.getSnapshot().value).toEqual({ completed: 'passed' });
    expect(emitted.map((e) => e.type)).toEqual(['tracking.courseCompleted', 'tracking.coursePassed']);
  });

  it('turns a restored fail into a pass when the score now reaches the mark', () => {
    const done = run(course, [...contentLessons, ...answerAll(correctAnswers), submit]);
    const record: ProgressRecord = { ...toProgressRecord(done.context), success: { status: 'failed', at: 'earlier' } };
    const { actor, emitted } = startActor(course, record);
    expect(actor.getSnapshot().value).toEqual({ completed: 'passed' });
    expect(emitted.map((e) => e.type)).toEqual(['tracking.coursePassed']);
  });

  it('drops a restored fail when the course no longer has a passing score, but keeps a pass', () => {
    const unscored = smallCourse({ completion: { passingScore: undefined } });
    const done = run(unscored, [...contentLessons, ...answerAll(wrongAnswers), submit]);
    const failed: ProgressRecord = { ...toProgressRecord(done.context), success: { status: 'failed', at: 'x' } };
    let s = run(unscored, [], failed);
    expect(s.value).toEqual({ completed: 'unscored' });
    expect(s.context.success).toBeNull();
    s = run(unscored, [], { ...failed, success: { status: 'passed', at: 'x' } });
    expect(s.value).toEqual({ completed: 'passed' });
  });

  it('moves a sequential learner off a lesson that is locked now', () => {
    const sequential = smallCourse({ navigation: 'sequential' });
    const record: ProgressRecord = { ...toProgressRecord(createInitialContext(sequential)), currentLessonId: 'wrap-up', lessons: { intro: { status: 'complete', seconds: 3 } } };
    const s = run(sequential, [], record);
    expect(s.context.currentLessonId).toBe('basics');
  });

  it('falls back to the first lesson when everything is complete and the saved lesson is unknown', () => {
    const done = run(course, [...contentLessons, ...answerAll(correctAnswers), submit]);
    const s = run(course, [], { ...toProgressRecord(done.context), currentLessonId: 'gone' });
    expect(s.context.currentLessonId).toBe('intro');
  });
});

describe('timestamps', () => {
  it('uses the injected clock', () => {
    const machine = createCourseMachine(smallCourse(), { now: steppingClock() });
    let s = initialTransition(machine, {})[0];
    for (const e of [...contentLessons, ...answerAll(correctAnswers), submit]) s = transition(machine, s, e)[0];
    expect(s.context.checks.quiz?.attempts[0]?.submittedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(s.context.completedAt).toBe('2025-01-01T00:00:01.000Z');
    expect(s.context.success?.at).toBe('2025-01-01T00:00:02.000Z');
  });

  it('defaults to the system clock', () => {
    const machine = createCourseMachine(smallCourse());
    let s = initialTransition(machine, {})[0];
    for (const e of [...answerAll(correctAnswers), submit]) s = transition(machine, s, e)[0];
    const at = Date.parse(s.context.checks.quiz?.attempts[0]?.submittedAt ?? '');
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
  });
});

describe('a check without a lesson', () => {
  it('cannot be answered', () => {
    const base = smallCourse();
    const course: CompiledCourse = {
      ...base,
      checks: { ...base.checks, orphan: { id: 'orphan', lessonId: 'nowhere', title: 'Orphan', questions: base.checks.quiz?.questions ?? [] } },
    };
    const s = run(course, []);
    expect(s.can(answer('q-yesno', { type: 'yesno', value: 'yes' }, 'orphan'))).toBe(false);
    expect(s.can({ type: 'check.submit', checkId: 'orphan' })).toBe(false);
  });
});

describe('facts for tracking adapters', () => {
  it('reports where the course stands when it starts, fresh or restored', () => {
    const fresh = startActor(smallCourse({ completion: { passingScore: 60 } }));
    expect(fresh.started).toEqual([
      { type: 'tracking.started', currentLessonId: 'intro', completed: false, success: null, completedLessons: 0, totalLessons: 4, score: 0, max: 5, percent: 0 },
    ]);
    const course = smallCourse({ completion: { passingScore: 60 } });
    const done = startActor(course);
    for (const e of [...contentLessons, ...answerAll(withThreeRight), submit]) done.actor.send(e);
    const restored = startActor(course, toProgressRecord(done.actor.getSnapshot().context));
    expect(restored.started[0]).toMatchObject({ completed: true, success: 'passed', completedLessons: 4, score: 3, percent: 60 });
    expect(restored.emitted).toEqual([]);
  });

  it('says when a check is opened for answering, and the latency of each answer', () => {
    const machine = createCourseMachine(smallCourse(), { now: steppingClock() });
    const emitted: Array<{ type: string } & Record<string, unknown>> = [];
    const actor = createActor(machine, { input: {} });
    actor.on('*', (e) => emitted.push(e as { type: string } & Record<string, unknown>));
    actor.start();
    actor.send({ type: 'nav.goto', lessonId: 'quiz' }); // opened at 00:00
    actor.send({ type: 'nav.goto', lessonId: 'quiz' }); // already there: not opened again
    for (const e of answerAll(withThreeRight)) actor.send(e);
    actor.send(submit); // submitted at 00:01
    actor.send(retry); // reopened at 00:02
    for (const e of answerAll(correctAnswers)) actor.send(e);
    actor.send(submit); // submitted at 00:03
    expect(emitted.filter((e) => e.type === 'tracking.checkOpened')).toEqual([
      { type: 'tracking.checkOpened', checkId: 'quiz', attempt: 1, at: '2025-01-01T00:00:00.000Z' },
      { type: 'tracking.checkOpened', checkId: 'quiz', attempt: 2, at: '2025-01-01T00:00:02.000Z' },
    ]);
    const answered = emitted.filter((e) => e.type === 'tracking.questionAnswered');
    expect(answered.map((e) => [e.attempt, e.latencySeconds])).toEqual([...Array(5).fill([1, 1]), ...Array(5).fill([2, 1])]);
    expect(toProgressRecord(actor.getSnapshot().context)).not.toHaveProperty('checkOpenedAt');
  });
});

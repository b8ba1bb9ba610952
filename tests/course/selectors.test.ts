import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine } from '../../src/course/machine.ts';
import { createInitialContext } from '../../src/course/progress.ts';
import { selectCheckView, selectCompletion, selectCourse, selectCourseScore, selectCurrentLesson, selectLessonLock, selectLessonPosition, selectLessons, selectLessonStatus, selectNavigation, selectProgress, selectRefusal, selectSectionProgress, selectSections, selectStartOrResume, selectTimeSpent, type CourseState } from '../../src/course/selectors.ts';
import type { Answer, CourseTag } from '../../src/course/types.ts';
import { correctAnswers, fixedClock, partialMatching, smallCourse, wrongAnswers } from './fixtures.ts';
import { answerAll, complete, run, submit } from './events.ts';


describe('lessons and navigation', () => {
  it('gives the current lesson and its position', () => {
    const s = run(smallCourse(), [{ type: 'nav.goto', lessonId: 'quiz' }]);
    expect(selectCourse(s).id).toBe('small-course');
    expect(selectCurrentLesson(s).id).toBe('quiz');
    expect(selectLessonPosition(s)).toEqual({ number: 3, total: 4 });
    expect(selectLessonPosition(s, 'intro')).toEqual({ number: 1, total: 4 });
    expect(selectLessonPosition(s, 'nope')).toBeNull();
  });

  it('falls back to the first lesson for a hand-made state with an unknown current lesson', () => {
    const context = { ...createInitialContext(smallCourse()), currentLessonId: 'nope' };
    const state: CourseState = { context, hasTag: () => false };
    expect(selectCurrentLesson(state).id).toBe('intro');
  });

  it('gives each lesson’s status and lock, for the menu', () => {
    const s = run(smallCourse({ navigation: 'sequential' }), [complete('intro'), { type: 'nav.next' }]);
    expect(selectLessonStatus(s, 'intro')).toBe('complete');
    expect(selectLessonStatus(s, 'basics')).toBe('in-progress');
    expect(selectLessonStatus(s, 'quiz')).toBe('not-started');
    expect(selectLessonStatus(s, 'nope')).toBe('not-started');
    expect(selectLessonLock(s, 'intro')).toEqual({ locked: false });
    expect(selectLessonLock(s, 'basics')).toEqual({ locked: false });
    expect(selectLessonLock(s, 'quiz')).toEqual({ locked: true, reason: 'locked', blockingLessonId: 'basics' });
    expect(selectLessonLock(s, 'nope')).toEqual({ locked: true, reason: 'unknown-lesson' });
    expect(selectLessons(s).map((e) => [e.lesson.id, e.status, e.lock.locked, e.isCurrent])).toEqual([
      ['intro', 'complete', false, false],
      ['basics', 'in-progress', false, true],
      ['quiz', 'not-started', true, false],
      ['wrap-up', 'not-started', true, false],
    ]);
  });

  it('never locks in free mode', () => {
    const s = run(smallCourse(), []);
    expect(selectLessons(s).every((e) => !e.lock.locked)).toBe(true);
  });

  it('gives previous / next lessons and whether they are open', () => {
    const sequential = smallCourse({ navigation: 'sequential' });
    expect(selectNavigation(run(sequential, []))).toEqual({
      previousLessonId: null,
      nextLessonId: 'basics',
      canGoPrevious: false,
      canGoNext: false,
      nextLock: { locked: true, reason: 'locked', blockingLessonId: 'intro' },
    });
    expect(selectNavigation(run(sequential, [complete('intro'), { type: 'nav.next' }]))).toEqual({
      previousLessonId: 'intro',
      nextLessonId: 'quiz',
      canGoPrevious: true,
      canGoNext: false,
      nextLock: { locked: true, reason: 'locked', blockingLessonId: 'basics' },
    });
    expect(selectNavigation(run(smallCourse(), [{ type: 'nav.goto', lessonId: 'wrap-up' }]))).toEqual({
      previousLessonId: 'quiz',
      nextLessonId: null,
      canGoPrevious: true,
      canGoNext: false,
      nextLock: null,
    });
  });

  it('gives the last refusal', () => {
    expect(selectRefusal(run(smallCourse(), []))).toBeNull();
    expect(selectRefusal(run(smallCourse(), [{ type: 'nav.prev' }]))).toEqual({ kind: 'navigation', reason: 'no-previous-lesson' });
  });
});

describe('progress', () => {
  it('counts completed lessons for the course and each section', () => {
    const s = run(smallCourse(), [complete('intro'), complete('wrap-up'), complete('basics')]);
    expect(selectProgress(s)).toEqual({ completed: 3, total: 4, percent: 75 });
    expect(selectSectionProgress(s)).toEqual([
      { sectionId: 's1', title: 'Getting started', completed: 2, total: 2, percent: 100 },
      { sectionId: 's2', title: 'Practice', completed: 1, total: 2, percent: 50 },
    ]);
    const sections = selectSections(s);
    expect(sections.map((e) => e.lessons.map((l) => l.lesson.id))).toEqual([
      ['intro', 'basics'],
      ['quiz', 'wrap-up'],
    ]);
  });

  it('rounds down and treats an empty section as done', () => {
    const base = smallCourse();
    const course: CompiledCourse = {
      ...base,
      sections: [...base.sections, { id: 'empty', title: 'Empty', lessonIds: [] }, { id: 'ghost', title: 'Ghost', lessonIds: ['gone'] }],
    };
    const s = run(course, [complete('intro')]);
    expect(selectProgress(s).percent).toBe(25);
    const progress = selectSectionProgress(s);
    expect(progress[2]).toMatchObject({ completed: 0, total: 0, percent: 100 });
    expect(selectSections(s)[3]?.lessons).toEqual([]);
  });

  it('sums time spent', () => {
    const s = run(smallCourse(), [
      { type: 'time.spent', lessonId: 'intro', seconds: 10 },
      { type: 'time.spent', lessonId: 'quiz', seconds: 5 },
    ]);
    expect(selectTimeSpent(s)).toEqual({ totalSeconds: 15, byLesson: { intro: 10, basics: 0, quiz: 5, 'wrap-up': 0 } });
    expect(selectLessons(s)[0]?.seconds).toBe(10);
  });
});

describe('check view', () => {
  it('is null for an unknown check', () => {
    expect(selectCheckView(run(smallCourse(), []), 'nope')).toBeNull();
  });

  it('shows answers while answering, and why it cannot be submitted yet', () => {
    const s = run(smallCourse(), [
      { type: 'check.answer', checkId: 'quiz', questionId: 'q-single', answer: { type: 'single', optionId: 'b' } },
      { type: 'check.answer', checkId: 'quiz', questionId: 'q-matching', answer: partialMatching },
    ]);
    const view = selectCheckView(s, 'quiz');
    expect(view).toMatchObject({
      lessonId: 'quiz',
      status: 'answering',
      answeredCount: 1,
      canRetry: false,
      attempts: 0,
      lastScore: null,
      countedScore: { score: 0, max: 5, attempts: 0, countedAttemptIndex: null },
      canSubmit: { ok: false, reason: 'unanswered', unansweredQuestionIds: ['q-multiple', 'q-yesno', 'q-text', 'q-matching'] },
    });
    expect(view?.questions.map((q) => [q.question.id, q.answered, q.result])).toEqual([
      ['q-single', true, null],
      ['q-multiple', false, null],
      ['q-yesno', false, null],
      ['q-text', false, null],
      ['q-matching', false, null],
    ]);
    expect(view?.questions[4]?.answer).toEqual(partialMatching);
  });

  it('can submit once everything is answered', () => {
    expect(selectCheckView(run(smallCourse(), answerAll(correctAnswers)), 'quiz')?.canSubmit).toEqual({ ok: true });
  });

  it('says when the check lesson is locked', () => {
    const view = selectCheckView(run(smallCourse({ navigation: 'sequential' }), []), 'quiz');
    expect(view?.canSubmit).toEqual({ ok: false, reason: 'locked', blockingLessonId: 'intro' });
  });

  it('says a check without a lesson is locked', () => {
    const base = smallCourse();
    const course: CompiledCourse = {
      ...base,
      checks: { ...base.checks, orphan: { id: 'orphan', lessonId: 'nowhere', title: 'Orphan', questions: [] } },
    };
    const view = selectCheckView(run(course, []), 'orphan');
    expect(view?.lessonId).toBe('nowhere');
    expect(view?.canSubmit).toEqual({ ok: false, reason: 'locked', blockingLessonId: null });
  });

  it('reviews a submission: results, feedback and scores', () => {
    const mixed = { ...correctAnswers, 'q-single': wrongAnswers['q-single'] as Answer };
    const s = run(smallCourse(), [...answerAll(mixed), submit]);
    const view = selectCheckView(s, 'quiz');
    expect(view).toMatchObject({
      status: 'submitted',
      canSubmit: { ok: false, reason: 'submitted' },
      canRetry: true,
      attempts: 1,
      lastScore: { score: 4, max: 5 },
      countedScore: { score: 4, max: 5, attempts: 1, countedAttemptIndex: 0 },
    });
    expect(view?.questions[0]?.result).toMatchObject({
      correct: false,
      feedback: 'incorrect',
      chosenOptionIds: ['a'],
      correctAnswer: correctAnswers['q-single'],
      reviewLessonId: 'intro',
    });
    expect(view?.questions[0]?.answer).toEqual(wrongAnswers['q-single']);
  });

  it('builds a view for a check missing from a hand-made context', () => {
    const context = { ...createInitialContext(smallCourse()), checks: {} };
    const view = selectCheckView({ context, hasTag: () => false }, 'quiz');
    expect(view).toMatchObject({ status: 'answering', answeredCount: 0, attempts: 0 });
  });
});

describe('score and completion', () => {
  it('gives the course score and passing score', () => {
    const s = run(smallCourse({ completion: { passingScore: 60 } }), [...answerAll(correctAnswers), submit]);
    expect(selectCourseScore(s)).toEqual({ score: 5, max: 5, percent: 100, passingScore: 60 });
    expect(selectCourseScore(run(smallCourse({ completion: { passingScore: undefined } }), [])).passingScore).toBeNull();
  });

  it('reads completion and success from the machine’s tags', () => {
    expect(selectCompletion(run(smallCourse(), []))).toEqual({ status: 'incomplete', completedAt: null, success: 'unknown', successAt: null });
    const events = [complete('intro'), complete('basics'), complete('wrap-up'), ...answerAll(wrongAnswers), submit];
    expect(selectCompletion(run(smallCourse({ completion: { passingScore: 60 } }), events))).toEqual({
      status: 'complete',
      completedAt: '2025-01-01T00:00:00.000Z',
      success: 'failed',
      successAt: '2025-01-01T00:00:00.000Z',
    });
    expect(selectCompletion(run(smallCourse({ completion: { passingScore: undefined } }), events))).toMatchObject({
      status: 'complete',
      success: 'unknown',
    });
  });

  it('works on a hand-made state', () => {
    const context = { ...createInitialContext(smallCourse()), completedAt: 'then', success: null };
    const tags = new Set<CourseTag>(['completed', 'passed']);
    expect(selectCompletion({ context, hasTag: (t) => tags.has(t) })).toEqual({
      status: 'complete',
      completedAt: 'then',
      success: 'passed',
      successAt: null,
    });
  });
});

describe('start or resume', () => {
  it('offers the first lesson until the learner has spent time or moved past it', () => {
    expect(selectStartOrResume(run(smallCourse(), []))).toEqual({ kind: 'start', lessonId: 'intro', started: false });
    const timed = run(smallCourse(), [{ type: 'time.spent', lessonId: 'intro', seconds: 3 }]);
    expect(selectStartOrResume(timed)).toEqual({ kind: 'resume', lessonId: 'intro', started: true });
    // Only a bookmark on another lesson (as an LMS may hold): started there.
    const machine = createCourseMachine(smallCourse(), { now: fixedClock });
    const record = { version: 1 as const, courseId: 'small-course', contentVersion: 'v1', currentLessonId: 'basics', lessons: {}, checks: {}, completedAt: null, success: null };
    expect(selectStartOrResume(initialTransition(machine, { record })[0])).toEqual({ kind: 'resume', lessonId: 'basics', started: true });
  });

  it('resumes on the lesson the learner is on once they moved on, until the course is complete', () => {
    const moved = run(smallCourse(), [complete('intro'), { type: 'nav.next' }]);
    expect(selectStartOrResume(moved)).toMatchObject({ kind: 'resume', lessonId: moved.context.currentLessonId, started: true });
    const lessons = smallCourse().lessons.filter((l) => !l.checkId).map((l) => complete(l.id));
    const done = run(smallCourse(), [...lessons, { type: 'nav.goto', lessonId: 'quiz' }, ...answerAll(correctAnswers), submit]);
    expect(selectStartOrResume(done)).toMatchObject({ kind: 'results', started: true });
  });
});

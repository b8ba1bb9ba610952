/**
 * Shared helpers for the course-machine tests: an event catalogue for any course, answers
 * derived from the questions, the invariants checked after every step, and a save → restore
 * round trip.
 */
import { createActor, initialTransition } from 'xstate';
import { expect } from 'vitest';
import type { CompiledCourse, Question } from '../../src/content/types.ts';
import { createCourseMachine, type CourseMachine, type CourseSnapshot } from '../../src/course/machine.ts';
import { parseProgressRecord, toProgressRecord, type ProgressRecord } from '../../src/course/progress-record.ts';
import { allLessonsComplete } from '../../src/course/progress.ts';
import {
  selectCheckView,
  selectCompletion,
  selectCourseScore,
  selectCurrentLesson,
  selectLessonPosition,
  selectLessons,
  selectNavigation,
  selectProgress,
  selectSectionProgress,
  selectTimeSpent,
} from '../../src/course/selectors.ts';
import type { Answer, CourseEvent } from '../../src/course/types.ts';
import { fixedClock } from './fixtures.ts';

// ------------------------------------------------------------------ answers

/** A correct answer to any question (text with odd case and spacing, to exercise normalising). */
export function correctAnswerFor(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', optionId: question.correctOptionId };
    case 'multiple':
      return { type: 'multiple', optionIds: [...question.correctOptionIds].reverse() };
    case 'yesno':
      return { type: 'yesno', value: question.correctAnswer };
    case 'text':
      return { type: 'text', text: `  ${(question.acceptedAnswers[0] ?? '').toUpperCase().replace(/ /g, '   ')} ` };
    case 'matching':
      return { type: 'matching', pairs: { ...question.correctPairs } };
  }
}

/** A complete but wrong answer to any question. */
export function wrongAnswerFor(question: Question): Answer {
  switch (question.type) {
    case 'single': {
      const other = question.options.find((o) => o.id !== question.correctOptionId) ?? question.options[0];
      return { type: 'single', optionId: other?.id ?? '' };
    }
    case 'multiple': {
      const wrong = question.options.find((o) => !question.correctOptionIds.includes(o.id));
      return { type: 'multiple', optionIds: wrong ? [wrong.id] : question.correctOptionIds.slice(1) };
    }
    case 'yesno':
      return { type: 'yesno', value: question.correctAnswer === 'yes' ? 'no' : 'yes' };
    case 'text':
      return { type: 'text', text: 'certainly not the answer' };
    case 'matching': {
      const targets = question.prompts.map((p) => question.correctPairs[p.id] ?? '');
      const rotated = [...targets.slice(1), ...targets.slice(0, 1)];
      return {
        type: 'matching',
        pairs: Object.fromEntries(question.prompts.map((p, i) => [p.id, rotated[i] ?? ''])),
      };
    }
  }
}

/** A partial matching answer (first prompt only), or `null` for other types. */
export function partialAnswerFor(question: Question): Answer | null {
  if (question.type !== 'matching' || question.prompts.length < 2) return null;
  const first = question.prompts[0];
  return first ? { type: 'matching', pairs: { [first.id]: question.correctPairs[first.id] ?? '' } } : null;
}

// ------------------------------------------------------------------- events

/**
 * Every event with its payloads for a course: navigation to every lesson and an unknown one,
 * completion of every lesson, correct / wrong / partial answers to every question, submit
 * and retry of every check, time reports, restart.
 */
export function eventCatalogue(course: CompiledCourse, options: { restart?: boolean; time?: boolean } = {}): CourseEvent[] {
  const events: CourseEvent[] = [
    { type: 'nav.next' },
    { type: 'nav.prev' },
    { type: 'nav.goto', lessonId: 'no-such-lesson' },
  ];
  for (const lesson of course.lessons) {
    events.push({ type: 'nav.goto', lessonId: lesson.id }, { type: 'lesson.complete', lessonId: lesson.id });
    if (options.time !== false) events.push({ type: 'time.spent', lessonId: lesson.id, seconds: 30 });
  }
  for (const check of Object.values(course.checks)) {
    for (const question of check.questions) {
      const base = { type: 'check.answer', checkId: check.id, questionId: question.id } as const;
      events.push({ ...base, answer: correctAnswerFor(question) }, { ...base, answer: wrongAnswerFor(question) });
      const partial = partialAnswerFor(question);
      if (partial) events.push({ ...base, answer: partial });
    }
    events.push({ type: 'check.submit', checkId: check.id }, { type: 'check.retry', checkId: check.id });
  }
  if (options.restart !== false) events.push({ type: 'course.restart' });
  return events;
}

/** The catalogue's events the snapshot accepts (`snapshot.can`). */
export function acceptedEvents(snapshot: CourseSnapshot, catalogue: readonly CourseEvent[]): CourseEvent[] {
  return catalogue.filter((event) => snapshot.can(event));
}

// ---------------------------------------------------------------- snapshots

/**
 * What identifies a state for graph traversal: everything that decides behaviour. Times
 * (seconds, timestamps) are left out: they never change what the machine does.
 */
export function serializeCourseState(snapshot: CourseSnapshot): string {
  const { context } = snapshot;
  const { course } = context;
  return JSON.stringify({
    value: snapshot.value,
    current: context.currentLessonId,
    lessons: course.lessons.map((l) => context.lessons[l.id]?.status),
    checks: Object.values(course.checks).map((check) => {
      const progress = context.checks[check.id];
      return {
        status: progress?.status,
        answers: check.questions.map((q) => progress?.answers[q.id] ?? null),
        attempts: progress?.attempts.map((a) => check.questions.map((q) => a.results[q.id]?.correct ?? null)),
      };
    }),
    refusal: context.refusal,
    success: context.success?.status ?? null,
    completed: context.completedAt !== null,
  });
}

/** Everything the UI would show, via the public selectors. */
export function selectorView(snapshot: CourseSnapshot): unknown {
  const { course } = snapshot.context;
  return {
    current: selectCurrentLesson(snapshot).id,
    position: selectLessonPosition(snapshot),
    lessons: selectLessons(snapshot).map((e) => ({ id: e.lesson.id, status: e.status, lock: e.lock, isCurrent: e.isCurrent, seconds: e.seconds })),
    navigation: selectNavigation(snapshot),
    progress: selectProgress(snapshot),
    sections: selectSectionProgress(snapshot),
    checks: Object.keys(course.checks).map((id) => {
      const view = selectCheckView(snapshot, id);
      return view && { ...view, check: view.check.id, questions: view.questions.map((q) => ({ ...q, question: q.question.id })) };
    }),
    score: selectCourseScore(snapshot),
    completion: selectCompletion(snapshot),
    time: selectTimeSpent(snapshot),
  };
}

/**
 * Saving and restoring shows the learner the same course: every selector agrees, except whether a
 * submission was just refused (a message of the moment, not progress, so it is not saved).
 */
export function expectSameAfterRestore(machine: CourseMachine, snapshot: CourseSnapshot): void {
  const saved = (s: CourseSnapshot) => {
    const view = selectorView(s) as { checks: Array<{ submitRefused?: boolean } | null> };
    return { ...view, checks: view.checks.map((check) => check && { ...check, submitRefused: undefined }) };
  };
  expect(saved(saveAndRestore(machine, snapshot))).toEqual(saved(snapshot));
}

/** Saves the snapshot's record as JSON text, parses it back and starts a new machine from it. */
export function saveAndRestore(machine: CourseMachine, snapshot: CourseSnapshot): CourseSnapshot {
  const text = JSON.stringify(toProgressRecord(snapshot.context));
  const parsed = parseProgressRecord(text, snapshot.context.course);
  if (parsed.kind !== 'ok') throw new Error(`record did not parse: ${parsed.kind}`);
  expect(parsed.dropped).toEqual([]);
  return initialTransition(machine, { record: parsed.record })[0];
}

// --------------------------------------------------------------- invariants

export interface StepCheckOptions {
  /** Also check save → restore (slower). */
  roundTrip?: boolean;
  machine?: CourseMachine;
}

/**
 * Invariants that hold after every step. `previous` is the snapshot before `event`.
 */
export function checkInvariants(
  snapshot: CourseSnapshot,
  previous?: CourseSnapshot,
  event?: CourseEvent,
  options: StepCheckOptions = {},
): void {
  const { context } = snapshot;
  const { course } = context;
  // The current lesson always exists, has been visited, and is open.
  const current = course.lessons.find((l) => l.id === context.currentLessonId);
  expect(current, 'current lesson exists').toBeDefined();
  expect(context.lessons[context.currentLessonId]?.status).not.toBe('not-started');
  const lessons = selectLessons(snapshot);
  const currentEntry = lessons.find((e) => e.isCurrent);
  expect(currentEntry?.lock.locked, 'current lesson is never locked').toBe(false);
  expect(lessons.filter((e) => e.isCurrent)).toHaveLength(1);

  // Progress: integer 0..100, consistent with the completion rule.
  const progress = selectProgress(snapshot);
  expect(Number.isInteger(progress.percent)).toBe(true);
  expect(progress.percent).toBeGreaterThanOrEqual(0);
  expect(progress.percent).toBeLessThanOrEqual(100);
  expect(progress.completed).toBeLessThanOrEqual(progress.total);
  expect(progress.percent === 100).toBe(progress.completed === progress.total);

  // Completion: states and recorded time agree; all lessons complete means completed.
  const completion = selectCompletion(snapshot);
  expect(snapshot.hasTag('completed')).toBe(context.completedAt !== null);
  expect(snapshot.hasTag('inProgress')).toBe(!snapshot.hasTag('completed'));
  if (allLessonsComplete(course, context.lessons)) expect(completion.status).toBe('complete');
  if (course.completion.passingScore === undefined) {
    expect(completion.success).toBe('unknown');
  } else if (completion.status === 'complete') {
    expect(['passed', 'failed']).toContain(completion.success);
    expect(context.success?.status).toBe(completion.success);
    const score = selectCourseScore(snapshot);
    if (score.percent >= course.completion.passingScore) expect(completion.success).toBe('passed');
  } else {
    expect(completion.success).toBe('unknown');
  }
  expect(snapshot.hasTag('passed') && snapshot.hasTag('failed')).toBe(false);

  // Scores stay within 0..max.
  const score = selectCourseScore(snapshot);
  expect(score.score).toBeGreaterThanOrEqual(0);
  expect(score.score).toBeLessThanOrEqual(score.max);
  expect(score.percent).toBeGreaterThanOrEqual(0);
  expect(score.percent).toBeLessThanOrEqual(100);
  for (const check of Object.values(course.checks)) {
    const view = selectCheckView(snapshot, check.id);
    expect(view).not.toBeNull();
    if (!view) continue;
    expect(view.countedScore.score).toBeGreaterThanOrEqual(0);
    expect(view.countedScore.score).toBeLessThanOrEqual(view.countedScore.max);
    if (view.status === 'submitted') {
      expect(view.attempts).toBeGreaterThan(0);
      expect(view.answeredCount).toBe(check.questions.length);
      expect(view.questions.every((q) => q.result !== null)).toBe(true);
      expect(view.lastScore?.score).toBe(view.questions.filter((q) => q.result?.correct).length);
    } else {
      expect(view.questions.every((q) => q.result === null)).toBe(true);
    }
    // A check lesson is complete exactly when its check has been submitted once.
    if (view.lessonId) expect(context.lessons[view.lessonId]?.status === 'complete').toBe(view.attempts > 0);
  }

  if (previous !== undefined) {
    const before = selectProgress(previous);
    const restarted = event?.type === 'course.restart';
    if (!restarted) {
      // Progress never decreases, completion never goes back, a pass is never lost.
      expect(progress.percent).toBeGreaterThanOrEqual(before.percent);
      for (const [id, lesson] of Object.entries(previous.context.lessons)) {
        if (lesson.status === 'complete') expect(context.lessons[id]?.status).toBe('complete');
      }
      if (previous.hasTag('completed')) expect(snapshot.hasTag('completed')).toBe(true);
      if (previous.hasTag('passed')) expect(snapshot.hasTag('passed')).toBe(true);
    }
    // A refused navigation leaves the current lesson unchanged.
    if (event && event.type.startsWith('nav.') && context.refusal?.kind === 'navigation') {
      expect(context.currentLessonId).toBe(previous.context.currentLessonId);
    }
  }

  if (options.roundTrip && options.machine) {
    expectSameAfterRestore(options.machine, snapshot);
  }
}

/**
 * A started actor for a course, with a fixed clock, that records what it emits: `started` is
 * the `tracking.started` fact every start emits first, `emitted` everything after it.
 */
export function startActor(course: CompiledCourse, record?: ProgressRecord) {
  const actor = createActor(createCourseMachine(course, { now: fixedClock }), { input: record ? { record } : {} });
  const emitted: Array<{ type: string } & Record<string, unknown>> = [];
  const started: Array<{ type: string } & Record<string, unknown>> = [];
  actor.on('*', (e) => (e.type === 'tracking.started' ? started : emitted).push(e as { type: string } & Record<string, unknown>));
  actor.start();
  return { actor, emitted, started };
}

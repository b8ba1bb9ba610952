/**
 * fast-check generators of learner behaviour for any course, and the property every run must
 * keep. Steps are "intents" resolved against the current snapshot (e.g. "answer question 2 of
 * the current lesson's check correctly"), mixed with raw catalogue events and garbage, so
 * random runs on a large course still complete checks and lessons.
 */
import fc from 'fast-check';
import { initialTransition, transition } from 'xstate';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine, type CourseSnapshot } from '../../src/course/machine.ts';
import type { CourseEvent } from '../../src/course/types.ts';
import { fixedClock } from './fixtures.ts';
import {
  checkInvariants,
  correctAnswerFor,
  eventCatalogue,
  partialAnswerFor,
  expectSameAfterRestore,
  wrongAnswerFor,
} from './helpers.ts';

export type Intent =
  | { kind: 'event'; event: CourseEvent }
  | { kind: 'completeCurrent' }
  | { kind: 'next' }
  | { kind: 'answerCurrent'; question: number; variant: 'correct' | 'wrong' | 'partial' }
  | { kind: 'submitCurrent' }
  | { kind: 'retryCurrent' }
  | { kind: 'answerGarbage'; question: number; answer: unknown }
  /** Whatever moves the learner on: complete, answer the next question, submit, or go next. */
  | { kind: 'progress'; wrong: boolean };

/**
 * Learner behaviour on `course`. `progressWeight` (out of ~20 for everything else) sets how
 * often the learner simply moves on; raise it for long courses so runs reach completion.
 */
export function intentArbitrary(course: CompiledCourse, progressWeight = 8): fc.Arbitrary<Intent> {
  const catalogue = eventCatalogue(course);
  const garbageEvent = fc.oneof(
    fc.record({ type: fc.constant('nav.goto' as const), lessonId: fc.string({ maxLength: 12 }) }),
    fc.record({
      type: fc.constant('time.spent' as const),
      lessonId: fc.constantFrom(...course.lessons.map((l) => l.id), 'nope'),
      seconds: fc.oneof(fc.double(), fc.integer({ min: -10, max: 100_000 })),
    }),
    fc.record({ type: fc.constant('check.submit' as const), checkId: fc.string({ maxLength: 6 }) }),
    fc.record({ type: fc.constant('lesson.complete' as const), lessonId: fc.string({ maxLength: 8 }) }),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...catalogue).map((event) => ({ kind: 'event' as const, event })) },
    { weight: 1, arbitrary: garbageEvent.map((event) => ({ kind: 'event' as const, event: event as CourseEvent })) },
    { weight: 3, arbitrary: fc.constant({ kind: 'completeCurrent' as const }) },
    {
      weight: progressWeight,
      arbitrary: fc.record({ kind: fc.constant('progress' as const), wrong: fc.constantFrom(false, false, false, true) }),
    },
    { weight: 3, arbitrary: fc.constant({ kind: 'next' as const }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('answerCurrent' as const),
        question: fc.nat({ max: 20 }),
        variant: fc.constantFrom('correct' as const, 'correct' as const, 'wrong' as const, 'partial' as const),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'submitCurrent' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'retryCurrent' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('answerGarbage' as const), question: fc.nat({ max: 20 }), answer: fc.anything() }),
    },
  );
}

/** The event an intent stands for in this snapshot. */
export function resolveIntent(snapshot: CourseSnapshot, intent: Intent): CourseEvent {
  const { course, currentLessonId } = snapshot.context;
  const lesson = course.lessons.find((l) => l.id === currentLessonId);
  const check = lesson?.checkId ? course.checks[lesson.checkId] : undefined;
  switch (intent.kind) {
    case 'event':
      return intent.event;
    case 'completeCurrent':
      return { type: 'lesson.complete', lessonId: currentLessonId };
    case 'next':
      return { type: 'nav.next' };
    case 'progress': {
      const status = snapshot.context.lessons[currentLessonId]?.status;
      const firstOpen = course.lessons.find((l) => snapshot.context.lessons[l.id]?.status !== 'complete');
      const moveOn: CourseEvent = firstOpen ? { type: 'nav.goto', lessonId: firstOpen.id } : { type: 'nav.next' };
      if (!check) return status === 'complete' ? moveOn : { type: 'lesson.complete', lessonId: currentLessonId };
      const progress = snapshot.context.checks[check.id];
      if (progress?.status !== 'answering') return moveOn;
      const next = check.questions.find((q) => progress.answers[q.id] === undefined);
      if (!next) return { type: 'check.submit', checkId: check.id };
      const answer = intent.wrong ? wrongAnswerFor(next) : correctAnswerFor(next);
      return { type: 'check.answer', checkId: check.id, questionId: next.id, answer };
    }
    case 'submitCurrent':
      return { type: 'check.submit', checkId: check?.id ?? 'none' };
    case 'retryCurrent':
      return { type: 'check.retry', checkId: check?.id ?? 'none' };
    case 'answerCurrent':
    case 'answerGarbage': {
      const question = check?.questions[intent.question % Math.max(1, check.questions.length)];
      // Not on a check: the learner just spends a moment on the lesson.
      if (!check || !question) return { type: 'time.spent', lessonId: currentLessonId, seconds: 1 };
      const answer =
        intent.kind === 'answerGarbage'
          ? (intent.answer as never)
          : intent.variant === 'correct'
            ? correctAnswerFor(question)
            : intent.variant === 'wrong'
              ? wrongAnswerFor(question)
              : (partialAnswerFor(question) ?? wrongAnswerFor(question));
      return { type: 'check.answer', checkId: check.id, questionId: question.id, answer };
    }
  }
}

export interface RunOptions {
  /** Check save → restore after every step (otherwise at the end only). */
  roundTripEveryStep?: boolean;
}

/**
 * Runs the intents through the machine, checking the invariants after every step and that
 * saving and restoring gives the same selectors' output. Returns the final snapshot.
 */
export function runIntents(course: CompiledCourse, intents: readonly Intent[], options: RunOptions = {}): CourseSnapshot {
  const machine = createCourseMachine(course, { now: fixedClock });
  let snapshot = initialTransition(machine, {})[0];
  checkInvariants(snapshot);
  for (const intent of intents) {
    const event = resolveIntent(snapshot, intent);
    const [next] = transition(machine, snapshot, event);
    checkInvariants(next, snapshot, event, { roundTrip: options.roundTripEveryStep === true, machine });
    snapshot = next;
  }
  expectSameAfterRestore(machine, snapshot);
  return snapshot;
}

/**
 * The course machine (XState v5): navigation, lesson completion, knowledge checks, progress,
 * completion and pass/fail. No React, no DOM, no storage: the UI sends events, reads the
 * snapshot through selectors, and tracking adapters listen to emitted `tracking.*` events.
 *
 * See README.md beside this file for the states/events table.
 */
import { enqueueActions, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { CompiledCourse } from '../content/types.ts';
import {
  adjacentLessonId,
  allLessonsComplete,
  checkLessonId,
  courseProgress,
  createInitialContext,
  isLessonUnlocked,
  lessonLock,
  lessonStatus,
} from './progress.ts';
import type { ProgressRecord } from './progress-record.ts';
import {
  courseScore,
  gradeCheck,
  meetsPassingScore,
  toAttemptResults,
  toValidAnswer,
  unansweredQuestionIds,
} from './scoring.ts';
import type {
  Answer,
  CheckProgress,
  CourseContext,
  CourseEvent,
  CourseTag,
  LessonProgress,
  Refusal,
  TrackingEvent,
} from './types.ts';

/** What a course machine starts from: a saved record already checked by `parseProgressRecord`. */
export interface CourseMachineInput {
  record?: ProgressRecord;
  /** Without a record: where the learner opens the course (see `createInitialContext`). */
  startLessonId?: string | null;
}

export interface CourseMachineOptions {
  /** The clock used for submission and completion times. Defaults to the system clock. */
  now?: () => Date;
}

/** Longest single `time.spent` report accepted (seconds). Longer reports are ignored. */
export const MAX_TIME_REPORT_SECONDS = 24 * 60 * 60;

type LessonParams = { lessonId: string | null };

/**
 * `enqueueActions` with the machine's context, events and emitted events spelled out: inside
 * `setup({ actions })` TypeScript cannot infer them. The actions assign and emit only, so they
 * name no other action or guard (hence `never`).
 */
function courseAction<TParams>(
  collect: Parameters<
    typeof enqueueActions<CourseContext, CourseEvent, TParams, CourseEvent, never, never, never, never, TrackingEvent>
  >[0],
) {
  return enqueueActions<CourseContext, CourseEvent, TParams, CourseEvent, never, never, never, never, TrackingEvent>(
    collect,
  );
}
type CheckParams = { checkId: string };

/**
 * A refused submission stays while the learner answers the rest of that check, naming the
 * questions still open, so the view can keep flagging them; it ends when none is left. Any other
 * refusal ends with the answer.
 */
function refusalAfterAnswer(
  refusal: Refusal | null,
  check: CompiledCourse['checks'][string] | undefined,
  answers: Record<string, Answer>,
): Refusal | null {
  if (refusal?.kind !== 'submit' || check === undefined || refusal.checkId !== check.id) return null;
  const unanswered = unansweredQuestionIds(check, answers);
  return unanswered.length === 0 ? null : { ...refusal, unansweredQuestionIds: unanswered };
}
type AnswerParams = { checkId: string; questionId: string; answer: Answer };

/**
 * Creates the course machine for one compiled course.
 *
 * @example
 * const machine = createCourseMachine(course);
 * const actor = createActor(machine, { input: { record } });
 * actor.on('tracking.courseCompleted', (e) => console.log('done at', e.completedAt));
 * actor.start();
 * actor.send({ type: 'nav.next' });
 */
export function createCourseMachine(course: CompiledCourse, options: CourseMachineOptions = {}) {
  const clock = options.now ?? (() => new Date());
  const now = (): string => clock().toISOString();
  const lessonIds = new Set(course.lessons.map((l) => l.id));
  /** check id → the lesson that holds it */
  const checkLesson = new Map<string, string>();
  for (const checkId of Object.keys(course.checks)) {
    const lessonId = checkLessonId(course, checkId);
    if (lessonId !== null && lessonIds.has(lessonId)) checkLesson.set(checkId, lessonId);
  }

  /** The check with this id; ids come from events, so never through the prototype. */
  const checkOf = (checkId: string) => (Object.hasOwn(course.checks, checkId) ? course.checks[checkId] : undefined);
  const isOpenCheck = (context: CourseContext, checkId: string): boolean => {
    const lessonId = checkLesson.get(checkId);
    return (
      checkOf(checkId) !== undefined &&
      context.checks[checkId]?.status === 'answering' &&
      lessonId !== undefined &&
      isLessonUnlocked(course, context.lessons, lessonId)
    );
  };
  const navigationRefusal = (context: CourseContext, lessonId: string): Refusal => {
    const lock = lessonLock(course, context.lessons, lessonId);
    return lock.locked && lock.reason === 'locked'
      ? { kind: 'navigation', lessonId, reason: 'locked', blockingLessonId: lock.blockingLessonId }
      : { kind: 'navigation', lessonId, reason: 'unknown-lesson' };
  };
  const progressEvent = (lessons: Record<string, LessonProgress>): TrackingEvent => {
    const p = courseProgress(course, lessons);
    return { type: 'tracking.progressChanged', completedLessons: p.completed, totalLessons: p.total, percent: p.percent };
  };
  /** The check a lesson holds (a knowledge-check lesson), if any. */
  const lessonCheck = new Map<string, string>();
  for (const [checkId, lessonId] of checkLesson) lessonCheck.set(lessonId, checkId);
  /** The context with the current lesson's check opened at `at()`, when it is being answered. */
  const openCurrentCheck = (context: CourseContext, at: () => string): CourseContext => {
    const checkId = lessonCheck.get(context.currentLessonId);
    if (checkId === undefined || context.checks[checkId]?.status !== 'answering') return context;
    return { ...context, checkOpenedAt: { ...context.checkOpenedAt, [checkId]: at() } };
  };
  const latencySeconds = (context: CourseContext, checkId: string, submittedAt: string): number | null => {
    const opened = context.checkOpenedAt[checkId];
    return opened === undefined ? null : Math.max(0, (Date.parse(submittedAt) - Date.parse(opened)) / 1000);
  };
  const startedEvent = (context: CourseContext): TrackingEvent => {
    const progress = courseProgress(course, context.lessons);
    return {
      type: 'tracking.started',
      currentLessonId: context.currentLessonId,
      completed: context.completedAt !== null,
      success: course.completion.passingScore === undefined ? null : (context.success?.status ?? null),
      completedLessons: progress.completed,
      totalLessons: progress.total,
      ...courseScore(course, context.checks),
    };
  };
  const verdict = (context: CourseContext, status: 'passed' | 'failed', at: string): TrackingEvent => {
    const score = courseScore(course, context.checks);
    return {
      type: status === 'passed' ? 'tracking.coursePassed' : 'tracking.courseFailed',
      ...score,
      passingScore: course.completion.passingScore ?? 0,
      at,
    };
  };

  return setup({
    types: {
      context: {} as CourseContext,
      events: {} as CourseEvent,
      emitted: {} as TrackingEvent,
      input: {} as CourseMachineInput | undefined,
      tags: {} as CourseTag,
    },
    guards: {
      /** The lesson exists and may be opened now (navigation rule in progress.ts). */
      isUnlocked: ({ context }, params: LessonParams) =>
        params.lessonId !== null && isLessonUnlocked(course, context.lessons, params.lessonId),
      hasNextLesson: ({ context }) => adjacentLessonId(course, context.currentLessonId, 1) !== null,
      hasPreviousLesson: ({ context }) => adjacentLessonId(course, context.currentLessonId, -1) !== null,
      /** A content lesson (not a knowledge check) that is open and not complete yet. */
      isCompletableLesson: ({ context }, params: LessonParams) => {
        const lesson = course.lessons.find((l) => l.id === params.lessonId);
        return (
          lesson !== undefined &&
          lesson.checkId === undefined &&
          lessonStatus(context.lessons, lesson.id) !== 'complete' &&
          isLessonUnlocked(course, context.lessons, lesson.id)
        );
      },
      /** The check is being answered and its lesson is open. */
      isCheckOpen: ({ context }, params: CheckParams) => isOpenCheck(context, params.checkId),
      /** The answer fits the question, and the question's check is open. */
      isValidAnswer: ({ context }, params: AnswerParams) => {
        const question = checkOf(params.checkId)?.questions.find((q) => q.id === params.questionId);
        return (
          question !== undefined && isOpenCheck(context, params.checkId) && toValidAnswer(question, params.answer) !== null
        );
      },
      /** The check is open and every one of its questions has a complete answer. */
      hasAnsweredAll: ({ context }, params: CheckParams) => {
        const check = checkOf(params.checkId);
        const progress = context.checks[params.checkId];
        return (
          check !== undefined &&
          progress !== undefined &&
          isOpenCheck(context, params.checkId) &&
          unansweredQuestionIds(check, progress.answers).length === 0
        );
      },
      isSubmitted: ({ context }, params: CheckParams) =>
        checkOf(params.checkId) !== undefined && context.checks[params.checkId]?.status === 'submitted',
      isValidTimeReport: (_, params: { lessonId: string; seconds: number }) =>
        lessonIds.has(params.lessonId) &&
        Number.isFinite(params.seconds) &&
        params.seconds > 0 &&
        params.seconds <= MAX_TIME_REPORT_SECONDS,
      /** The completion rule (every lesson complete). */
      allLessonsComplete: ({ context }) => allLessonsComplete(course, context.lessons),
      hasNoPassingScore: () => course.completion.passingScore === undefined,
      meetsPassingScore: ({ context }) => meetsPassingScore(course, context.checks) === true,
      wasCompleted: ({ context }) => context.completedAt !== null,
      wasPassed: ({ context }) => context.success?.status === 'passed',
      wasFailed: ({ context }) => context.success?.status === 'failed',
    },
    actions: {
      goToLesson: courseAction(({ context, enqueue }, params: LessonParams) => {
        const lessonId = params.lessonId as string;
        const lesson = context.lessons[lessonId] as LessonProgress;
        const moved: CourseContext = {
          ...context,
          currentLessonId: lessonId,
          lessons:
            lesson.status === 'not-started'
              ? { ...context.lessons, [lessonId]: { ...lesson, status: 'in-progress' } }
              : context.lessons,
          refusal: null,
        };
        const next = lessonId === context.currentLessonId ? moved : openCurrentCheck(moved, now);
        enqueue.assign({
          currentLessonId: next.currentLessonId,
          lessons: next.lessons,
          refusal: null,
          checkOpenedAt: next.checkOpenedAt,
        });
        const checkId = lessonCheck.get(lessonId);
        if (next !== moved && checkId !== undefined) {
          const attempt = (context.checks[checkId]?.attempts.length ?? 0) + 1;
          enqueue.emit({ type: 'tracking.checkOpened', checkId, attempt, at: next.checkOpenedAt[checkId] as string });
        }
      }),
      refuseNavigation: courseAction(({ enqueue }, params: Refusal) => {
        enqueue.assign({ refusal: params });
      }),
      completeLesson: courseAction(({ context, enqueue }, params: LessonParams) => {
        const lessonId = params.lessonId as string;
        const lessons = {
          ...context.lessons,
          [lessonId]: { ...(context.lessons[lessonId] as LessonProgress), status: 'complete' as const },
        };
        // Reading to the end of the check's lesson is not an answer: a refused submission stays.
        enqueue.assign({ lessons, refusal: context.refusal?.kind === 'submit' ? context.refusal : null });
        enqueue.emit({ type: 'tracking.lessonCompleted', lessonId });
        enqueue.emit(progressEvent(lessons));
      }),
      recordAnswer: courseAction(({ context, enqueue }, params: AnswerParams) => {
        const question = checkOf(params.checkId)?.questions.find((q) => q.id === params.questionId);
        const answer = question && toValidAnswer(question, params.answer);
        const progress = context.checks[params.checkId] as CheckProgress;
        if (!answer) return;
        const answers = { ...progress.answers, [params.questionId]: answer };
        enqueue.assign({
          checks: { ...context.checks, [params.checkId]: { ...progress, answers } },
          refusal: refusalAfterAnswer(context.refusal, checkOf(params.checkId), answers),
        });
      }),
      refuseSubmit: courseAction(({ context, enqueue }, params: CheckParams) => {
        const check = checkOf(params.checkId);
        const progress = context.checks[params.checkId];
        if (!check || !progress) return;
        enqueue.assign({
          refusal: {
            kind: 'submit',
            checkId: params.checkId,
            reason: 'unanswered',
            unansweredQuestionIds: unansweredQuestionIds(check, progress.answers),
          },
        });
      }),
      submitCheck: courseAction(({ context, enqueue }, params: CheckParams) => {
        const check = checkOf(params.checkId);
        const progress = context.checks[params.checkId];
        const lessonId = checkLesson.get(params.checkId);
        if (!check || !progress || lessonId === undefined) return;
        const submittedAt = now();
        const grade = gradeCheck(check, progress.answers);
        const attempts = [...progress.attempts, { submittedAt, results: toAttemptResults(check, grade) }];
        const firstCompletion = lessonStatus(context.lessons, lessonId) !== 'complete';
        const lessons = firstCompletion
          ? {
              ...context.lessons,
              [lessonId]: { ...(context.lessons[lessonId] as LessonProgress), status: 'complete' as const },
            }
          : context.lessons;
        enqueue.assign({
          checks: { ...context.checks, [params.checkId]: { status: 'submitted', answers: progress.answers, attempts } },
          lessons,
          refusal: null,
        });
        check.questions.forEach((question, i) => {
          const response = progress.answers[question.id] as Answer;
          enqueue.emit({
            type: 'tracking.questionAnswered',
            checkId: check.id,
            questionId: question.id,
            questionType: question.type,
            response,
            correct: grade.results[i]?.correct === true,
            attempt: attempts.length,
            submittedAt,
            latencySeconds: latencySeconds(context, check.id, submittedAt),
          });
        });
        enqueue.emit({
          type: 'tracking.checkSubmitted',
          checkId: check.id,
          score: grade.score,
          max: grade.max,
          attempt: attempts.length,
          submittedAt,
          courseScore: courseScore(course, { ...context.checks, [params.checkId]: { status: 'submitted', answers: progress.answers, attempts } }),
        });
        if (firstCompletion) {
          enqueue.emit({ type: 'tracking.lessonCompleted', lessonId });
          enqueue.emit(progressEvent(lessons));
        }
      }),
      retryCheck: courseAction(({ context, enqueue }, params: CheckParams) => {
        const progress = context.checks[params.checkId] as CheckProgress;
        const at = now();
        enqueue.assign({
          checks: { ...context.checks, [params.checkId]: { ...progress, status: 'answering', answers: {} } },
          refusal: null,
          checkOpenedAt: { ...context.checkOpenedAt, [params.checkId]: at },
        });
        enqueue.emit({ type: 'tracking.checkOpened', checkId: params.checkId, attempt: progress.attempts.length + 1, at });
      }),
      addTime: courseAction(({ context, enqueue }, params: { lessonId: string; seconds: number }) => {
        const lesson = context.lessons[params.lessonId] as LessonProgress;
        enqueue.assign({
          lessons: { ...context.lessons, [params.lessonId]: { ...lesson, seconds: lesson.seconds + params.seconds } },
        });
      }),
      markCompleted: courseAction(({ context, enqueue }) => {
        const completedAt = now();
        enqueue.assign({ completedAt });
        enqueue.emit({ type: 'tracking.courseCompleted', completedAt, ...courseScore(course, context.checks) });
      }),
      markPassed: courseAction(({ context, enqueue }) => {
        const at = now();
        enqueue.assign({ success: { status: 'passed', at } });
        enqueue.emit(verdict(context, 'passed', at));
      }),
      markFailed: courseAction(({ context, enqueue }) => {
        const at = now();
        enqueue.assign({ success: { status: 'failed', at } });
        enqueue.emit(verdict(context, 'failed', at));
      }),
      clearSuccess: courseAction(({ enqueue }) => {
        enqueue.assign({ success: null });
      }),
      reportStart: courseAction(({ context, enqueue }) => {
        enqueue.emit(startedEvent(context));
      }),
      restart: courseAction(({ enqueue }) => {
        const context = openCurrentCheck(createInitialContext(course), now);
        enqueue.assign(() => context);
        enqueue.emit({ type: 'tracking.courseRestarted' });
        enqueue.emit(progressEvent(context.lessons));
      }),
    },
  }).createMachine({
    id: 'course',
    context: ({ input }) => openCurrentCheck(createInitialContext(course, input?.record, input?.startLessonId), now),
    initial: 'resuming',
    on: {
      'nav.goto': [
        {
          guard: { type: 'isUnlocked', params: ({ event }) => ({ lessonId: event.lessonId }) },
          actions: { type: 'goToLesson', params: ({ event }) => ({ lessonId: event.lessonId }) },
        },
        {
          actions: {
            type: 'refuseNavigation',
            params: ({ context, event }) => navigationRefusal(context, event.lessonId),
          },
        },
      ],
      'nav.next': [
        {
          guard: {
            type: 'isUnlocked',
            params: ({ context }) => ({ lessonId: adjacentLessonId(course, context.currentLessonId, 1) }),
          },
          actions: {
            type: 'goToLesson',
            params: ({ context }) => ({ lessonId: adjacentLessonId(course, context.currentLessonId, 1) }),
          },
        },
        {
          guard: 'hasNextLesson',
          actions: {
            type: 'refuseNavigation',
            params: ({ context }) =>
              navigationRefusal(context, adjacentLessonId(course, context.currentLessonId, 1) as string),
          },
        },
        { actions: { type: 'refuseNavigation', params: { kind: 'navigation', reason: 'no-next-lesson' } } },
      ],
      'nav.prev': [
        {
          guard: {
            type: 'isUnlocked',
            params: ({ context }) => ({ lessonId: adjacentLessonId(course, context.currentLessonId, -1) }),
          },
          actions: {
            type: 'goToLesson',
            params: ({ context }) => ({ lessonId: adjacentLessonId(course, context.currentLessonId, -1) }),
          },
        },
        {
          guard: 'hasPreviousLesson',
          actions: {
            type: 'refuseNavigation',
            params: ({ context }) =>
              navigationRefusal(context, adjacentLessonId(course, context.currentLessonId, -1) as string),
          },
        },
        { actions: { type: 'refuseNavigation', params: { kind: 'navigation', reason: 'no-previous-lesson' } } },
      ],
      'lesson.complete': {
        guard: { type: 'isCompletableLesson', params: ({ event }) => ({ lessonId: event.lessonId }) },
        actions: { type: 'completeLesson', params: ({ event }) => ({ lessonId: event.lessonId }) },
      },
      'check.answer': {
        guard: {
          type: 'isValidAnswer',
          params: ({ event }) => ({ checkId: event.checkId, questionId: event.questionId, answer: event.answer }),
        },
        actions: {
          type: 'recordAnswer',
          params: ({ event }) => ({ checkId: event.checkId, questionId: event.questionId, answer: event.answer }),
        },
      },
      'check.submit': [
        {
          guard: { type: 'hasAnsweredAll', params: ({ event }) => ({ checkId: event.checkId }) },
          actions: { type: 'submitCheck', params: ({ event }) => ({ checkId: event.checkId }) },
        },
        {
          guard: { type: 'isCheckOpen', params: ({ event }) => ({ checkId: event.checkId }) },
          actions: { type: 'refuseSubmit', params: ({ event }) => ({ checkId: event.checkId }) },
        },
      ],
      'check.retry': {
        guard: { type: 'isSubmitted', params: ({ event }) => ({ checkId: event.checkId }) },
        actions: { type: 'retryCheck', params: ({ event }) => ({ checkId: event.checkId }) },
      },
      'time.spent': {
        guard: {
          type: 'isValidTimeReport',
          params: ({ event }) => ({ lessonId: event.lessonId, seconds: event.seconds }),
        },
        actions: {
          type: 'addTime',
          params: ({ event }) => ({ lessonId: event.lessonId, seconds: event.seconds }),
        },
      },
      'course.restart': { target: '.inProgress', actions: 'restart' },
    },
    states: {
      /** Transient: routes a restored record to the right state without re-emitting anything. */
      resuming: {
        entry: 'reportStart',
        always: [{ guard: 'wasCompleted', target: 'completed' }, { target: 'inProgress' }],
      },
      inProgress: {
        tags: 'inProgress',
        always: { guard: 'allLessonsComplete', target: 'completed', actions: 'markCompleted' },
      },
      completed: {
        tags: 'completed',
        initial: 'judging',
        states: {
          /** Transient: decides the verdict (or keeps a restored one). */
          judging: {
            always: [
              { guard: 'wasPassed', target: 'passed' },
              { guard: 'hasNoPassingScore', target: 'unscored', actions: 'clearSuccess' },
              { guard: 'meetsPassingScore', target: 'passed', actions: 'markPassed' },
              { guard: 'wasFailed', target: 'failed' },
              { target: 'failed', actions: 'markFailed' },
            ],
          },
          /** No passing score: the course is simply complete. */
          unscored: {},
          /** A pass is final (until `course.restart`). */
          passed: { tags: 'passed' },
          /** A later, better submission can still turn a fail into a pass. */
          failed: {
            tags: 'failed',
            always: { guard: 'meetsPassingScore', target: 'passed', actions: 'markPassed' },
          },
        },
      },
    },
  });
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
export type CourseSnapshot = SnapshotFrom<CourseMachine>;
export type CourseActor = ActorRefFrom<CourseMachine>;

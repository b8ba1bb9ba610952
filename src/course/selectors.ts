/**
 * Pure functions of the course snapshot for everything the UI shows. The UI calls these
 * (e.g. with `useSelector(actor, selectProgress)`) and never re-implements a rule: locking,
 * progress, scores and completion all come from the same functions the machine uses.
 *
 * Each selector takes anything with the snapshot's `context` and `hasTag`, so a real snapshot
 * works, and so does a hand-made one in tests.
 */
import type {
  CompiledCourse,
  KnowledgeCheck,
  LessonOutline,
  Question,
  SectionOutline,
} from '../content/types.ts';
import {
  adjacentLessonId,
  checkLessonId,
  courseProgress,
  lessonLock,
  lessonStatus,
  progressOf,
  type LessonLock,
  type ProgressCount,
} from './progress.ts';
import {
  attemptScore,
  checkScore,
  courseScore,
  gradeCheck,
  isAnswered,
  unansweredQuestionIds,
  type CheckScore,
  type CourseScore,
  type QuestionResult,
} from './scoring.ts';
import type { Answer, CheckStatus, CourseContext, CourseTag, LessonStatus, Refusal } from './types.ts';

/** The part of a course snapshot the selectors read. */
export interface CourseState {
  context: CourseContext;
  hasTag(tag: CourseTag): boolean;
}

/** The compiled course the machine runs. */
export function selectCourse(state: CourseState): CompiledCourse {
  return state.context.course;
}

/** The lesson the learner is on (always a lesson of the course). */
export function selectCurrentLesson(state: CourseState): LessonOutline {
  const { course, currentLessonId } = state.context;
  return (course.lessons.find((l) => l.id === currentLessonId) ?? course.lessons[0]) as LessonOutline;
}

/** "Lesson X of N" for a lesson (the current one by default); `null` for an unknown id. */
export function selectLessonPosition(
  state: CourseState,
  lessonId: string = state.context.currentLessonId,
): { number: number; total: number } | null {
  const { lessons } = state.context.course;
  const index = lessons.findIndex((l) => l.id === lessonId);
  return index < 0 ? null : { number: index + 1, total: lessons.length };
}

/** Status of one lesson (`not-started` for an unknown id). */
export function selectLessonStatus(state: CourseState, lessonId: string): LessonStatus {
  return lessonStatus(state.context.lessons, lessonId);
}

/**
 * Whether a lesson is locked and why — for ANY lesson, so the menu can show it.
 *
 * @example
 * const lock = selectLessonLock(snapshot, 'check-roles');
 * if (lock.locked && lock.reason === 'locked') showHint(lock.blockingLessonId);
 */
export function selectLessonLock(state: CourseState, lessonId: string): LessonLock {
  return lessonLock(state.context.course, state.context.lessons, lessonId);
}

/** One row of the lesson menu. */
export interface LessonEntry {
  lesson: LessonOutline;
  status: LessonStatus;
  lock: LessonLock;
  isCurrent: boolean;
  seconds: number;
}

function lessonEntry(state: CourseState, lesson: LessonOutline): LessonEntry {
  const { context } = state;
  return {
    lesson,
    status: lessonStatus(context.lessons, lesson.id),
    lock: lessonLock(context.course, context.lessons, lesson.id),
    isCurrent: lesson.id === context.currentLessonId,
    seconds: context.lessons[lesson.id]?.seconds ?? 0,
  };
}

/** Every lesson in course order with its status, lock and whether it is the current one. */
export function selectLessons(state: CourseState): LessonEntry[] {
  return state.context.course.lessons.map((lesson) => lessonEntry(state, lesson));
}

/** One section of the menu, with its progress. */
export interface SectionEntry {
  section: SectionOutline;
  progress: ProgressCount;
  lessons: LessonEntry[];
}

/** The menu: sections in order, each with its progress and lessons. */
export function selectSections(state: CourseState): SectionEntry[] {
  const { course, lessons } = state.context;
  const byId = new Map(course.lessons.map((l) => [l.id, l]));
  return course.sections.map((section) => ({
    section,
    progress: progressOf(lessons, section.lessonIds),
    lessons: section.lessonIds.flatMap((id) => {
      const lesson = byId.get(id);
      return lesson ? [lessonEntry(state, lesson)] : [];
    }),
  }));
}

/** Per-section progress only. */
export function selectSectionProgress(state: CourseState): Array<{ sectionId: string; title: string } & ProgressCount> {
  return selectSections(state).map(({ section, progress }) => ({
    sectionId: section.id,
    title: section.title,
    ...progress,
  }));
}

/** Previous / next lessons and whether the learner may go there. */
export interface NavigationView {
  previousLessonId: string | null;
  nextLessonId: string | null;
  canGoPrevious: boolean;
  canGoNext: boolean;
  /** Why the next lesson is locked, when it is. */
  nextLock: LessonLock | null;
}

/** For a lesson: the current one by default (a lesson page asks for its own, as it may be shown before the machine moves there). */
export function selectNavigation(state: CourseState, lessonId: string = state.context.currentLessonId): NavigationView {
  const { course, lessons } = state.context;
  const previousLessonId = adjacentLessonId(course, lessonId, -1);
  const nextLessonId = adjacentLessonId(course, lessonId, 1);
  const previousLock = previousLessonId === null ? null : lessonLock(course, lessons, previousLessonId);
  const nextLock = nextLessonId === null ? null : lessonLock(course, lessons, nextLessonId);
  return {
    previousLessonId,
    nextLessonId,
    canGoPrevious: previousLock !== null && !previousLock.locked,
    canGoNext: nextLock !== null && !nextLock.locked,
    nextLock: nextLock?.locked ? nextLock : null,
  };
}

/** Completed / total lessons and the percent (the same rule that decides completion). */
export function selectProgress(state: CourseState): ProgressCount {
  return courseProgress(state.context.course, state.context.lessons);
}

/** Why the last navigation or submission was refused, or `null`. */
export function selectRefusal(state: CourseState): Refusal | null {
  return state.context.refusal;
}

/** One question as the check view shows it. */
export interface QuestionView {
  question: Question;
  answer: Answer | undefined;
  /** The answer is complete (see `isAnswered`). */
  answered: boolean;
  /** Grading and feedback; only once the check is submitted. */
  result: QuestionResult | null;
}

export type SubmitAvailability =
  | { ok: true }
  | { ok: false; reason: 'unanswered'; unansweredQuestionIds: string[] }
  | { ok: false; reason: 'submitted' }
  /** The check's lesson is locked; `blockingLessonId` is `null` if the check has no lesson. */
  | { ok: false; reason: 'locked'; blockingLessonId: string | null };

/** Everything a knowledge-check view needs. */
export interface CheckView {
  check: KnowledgeCheck;
  /** The lesson that holds the check. */
  lessonId: string | null;
  status: CheckStatus;
  questions: QuestionView[];
  answeredCount: number;
  canSubmit: SubmitAvailability;
  /** The learner tried to submit this attempt with questions unanswered, and some still are. */
  submitRefused: boolean;
  canRetry: boolean;
  /** Number of submissions so far. */
  attempts: number;
  /** Score of the latest submission (what the review shows), `null` before the first. */
  lastScore: { score: number; max: number } | null;
  /** The score that counts for the course under the retry policy. */
  countedScore: CheckScore;
}

/**
 * The view of one knowledge check, or `null` for an unknown check id.
 *
 * @example
 * const view = selectCheckView(snapshot, 'roles');
 * if (view && !view.canSubmit.ok && view.canSubmit.reason === 'unanswered') highlight(view.canSubmit.unansweredQuestionIds);
 */
export function selectCheckView(state: CourseState, checkId: string): CheckView | null {
  const { course, checks, lessons } = state.context;
  const check = Object.hasOwn(course.checks, checkId) ? course.checks[checkId] : undefined;
  if (check === undefined) return null;
  const progress = checks[checkId] ?? { status: 'answering' as const, answers: {}, attempts: [] };
  const submitted = progress.status === 'submitted';
  const grade = submitted ? gradeCheck(check, progress.answers) : null;
  const questions = check.questions.map((question, i) => {
    const answer = progress.answers[question.id];
    return { question, answer, answered: isAnswered(question, answer), result: grade?.results[i] ?? null };
  });
  const lessonId = checkLessonId(course, checkId);
  const lock: LessonLock =
    lessonId === null ? { locked: true, reason: 'unknown-lesson' } : lessonLock(course, lessons, lessonId);
  const unanswered = unansweredQuestionIds(check, progress.answers);
  let canSubmit: SubmitAvailability = { ok: true };
  if (submitted) canSubmit = { ok: false, reason: 'submitted' };
  else if (lock.locked) {
    canSubmit = { ok: false, reason: 'locked', blockingLessonId: lock.reason === 'locked' ? lock.blockingLessonId : null };
  }
  else if (unanswered.length > 0) canSubmit = { ok: false, reason: 'unanswered', unansweredQuestionIds: unanswered };
  const last = progress.attempts[progress.attempts.length - 1];
  const { refusal } = state.context;
  return {
    submitRefused: refusal?.kind === 'submit' && refusal.checkId === checkId,
    check,
    lessonId,
    status: progress.status,
    questions,
    answeredCount: questions.filter((q) => q.answered).length,
    canSubmit,
    canRetry: submitted,
    attempts: progress.attempts.length,
    lastScore: last ? { score: attemptScore(check, last), max: check.questions.length } : null,
    countedScore: checkScore(check, progress, course.completion.retryScore),
  };
}

/** The course score, with the passing score when the course has one. */
export function selectCourseScore(state: CourseState): CourseScore & { passingScore: number | null } {
  const { course, checks } = state.context;
  return { ...courseScore(course, checks), passingScore: course.completion.passingScore ?? null };
}

export interface CompletionView {
  status: 'incomplete' | 'complete';
  completedAt: string | null;
  /** `unknown` until the course is complete, and always when it has no passing score. */
  success: 'unknown' | 'passed' | 'failed';
  successAt: string | null;
}

/** Completion and pass/fail, read from the machine's states (tags). */
export function selectCompletion(state: CourseState): CompletionView {
  const complete = state.hasTag('completed');
  const success = state.hasTag('passed') ? 'passed' : state.hasTag('failed') ? 'failed' : 'unknown';
  return {
    status: complete ? 'complete' : 'incomplete',
    completedAt: complete ? state.context.completedAt : null,
    success,
    successAt: success === 'unknown' ? null : (state.context.success?.at ?? null),
  };
}

/** Seconds spent, in total and per lesson. */
export function selectTimeSpent(state: CourseState): { totalSeconds: number; byLesson: Record<string, number> } {
  const byLesson: Record<string, number> = {};
  let totalSeconds = 0;
  for (const lesson of state.context.course.lessons) {
    const seconds = state.context.lessons[lesson.id]?.seconds ?? 0;
    byLesson[lesson.id] = seconds;
    totalSeconds += seconds;
  }
  return { totalSeconds, byLesson };
}

/** What the home page offers: start the course, resume it, or see the results. */
export interface StartOrResume {
  /** `start`: not started, go to the first lesson; `resume`: started and not finished, go to
   * the lesson they are on (`lessonId`); `results`: finished. */
  kind: 'start' | 'resume' | 'results';
  lessonId: string;
  /** Whether the learner has started (the home page then shows their progress). */
  started: boolean;
}

/**
 * Whether the learner has started, and so what "go on" means (the home page's button, and the
 * lesson an LMS relaunch opens). The machine always has a current lesson (marked visited); the
 * learner has started once they spent time in a lesson, are on another lesson than the first (an
 * LMS bookmark alone says so), or visited another lesson.
 *
 * @example
 * const next = selectStartOrResume(snapshot);
 * if (next.kind === 'resume') navigate(`/lesson/${next.lessonId}`);
 */
export function selectStartOrResume(state: CourseState): StartOrResume {
  const { course, lessons, currentLessonId } = state.context;
  const first = (course.lessons[0] as LessonOutline).id;
  const started =
    selectTimeSpent(state).totalSeconds > 0 ||
    selectCurrentLesson(state).id !== first ||
    course.lessons.some((l) => l.id !== currentLessonId && lessonStatus(lessons, l.id) !== 'not-started');
  const lessonId = selectCurrentLesson(state).id;
  if (selectCompletion(state).status === 'complete') return { kind: 'results', lessonId, started };
  if (started) return { kind: 'resume', lessonId, started };
  return { kind: 'start', lessonId: first, started };
}

/**
 * Pure progress rules: which lessons are locked, how far the learner is, and the context a
 * course starts from. The machine's guards and the UI's selectors both call these, so the
 * navigation and completion rules are written once.
 */
import type { CompiledCourse, LessonOutline } from '../content/types.ts';
import type { CheckProgress, CourseContext, LessonProgress, LessonStatus } from './types.ts';
import type { ProgressRecord } from './progress-record.ts';

/** Whether a lesson can be opened now, and if not, which earlier lesson blocks it. */
export type LessonLock =
  | { locked: false }
  | { locked: true; reason: 'locked'; blockingLessonId: string }
  | { locked: true; reason: 'unknown-lesson' };

type LessonsProgress = Readonly<Record<string, LessonProgress>>;

/** Status of a lesson; unknown ids read as `not-started`. */
export function lessonStatus(lessons: LessonsProgress, lessonId: string): LessonStatus {
  return lessons[lessonId]?.status ?? 'not-started';
}

/**
 * The navigation rule. In `free` mode every lesson is open. In `sequential` mode a lesson is
 * open when every lesson before it is complete; a completed lesson always stays open. The
 * blocking lesson is the first incomplete lesson before the one asked for.
 *
 * @example
 * lessonLock(course, context.lessons, 'check-roles')
 * // → { locked: true, reason: 'locked', blockingLessonId: 'sharing' }
 */
export function lessonLock(course: CompiledCourse, lessons: LessonsProgress, lessonId: string): LessonLock {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  if (index < 0) return { locked: true, reason: 'unknown-lesson' };
  if (course.navigation === 'free' || lessonStatus(lessons, lessonId) === 'complete') return { locked: false };
  for (let i = 0; i < index; i += 1) {
    const before = course.lessons[i] as LessonOutline;
    if (lessonStatus(lessons, before.id) !== 'complete') {
      return { locked: true, reason: 'locked', blockingLessonId: before.id };
    }
  }
  return { locked: false };
}

/** Whether `lessonId` is a lesson of the course that is open now. */
export function isLessonUnlocked(course: CompiledCourse, lessons: LessonsProgress, lessonId: string): boolean {
  return !lessonLock(course, lessons, lessonId).locked;
}

/** The lesson after / before `lessonId` in course order, or `null` at the ends. */
export function adjacentLessonId(course: CompiledCourse, lessonId: string, step: 1 | -1): string | null {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  if (index < 0) return null;
  return course.lessons[index + step]?.id ?? null;
}

/** Completed / total lessons and the integer percent (rounded down, so 100 only when all are done). */
export interface ProgressCount {
  completed: number;
  total: number;
  percent: number;
}

/** Progress over a list of lesson ids. An empty list counts as 0 of 0, 100 percent. */
export function progressOf(lessons: LessonsProgress, lessonIds: readonly string[]): ProgressCount {
  const completed = lessonIds.filter((id) => lessonStatus(lessons, id) === 'complete').length;
  const total = lessonIds.length;
  return { completed, total, percent: total === 0 ? 100 : Math.floor((completed * 100) / total) };
}

/** Progress over the whole course. This is the same rule that decides completion. */
export function courseProgress(course: CompiledCourse, lessons: LessonsProgress): ProgressCount {
  return progressOf(
    lessons,
    course.lessons.map((l) => l.id),
  );
}

/** The completion rule: every lesson is complete. */
export function allLessonsComplete(course: CompiledCourse, lessons: LessonsProgress): boolean {
  const { completed, total } = courseProgress(course, lessons);
  return completed === total;
}

/** The lesson that holds a knowledge check, or `null` for an unknown check. */
export function checkLessonId(course: CompiledCourse, checkId: string): string | null {
  const outline = course.lessons.find((l) => l.checkId === checkId);
  return outline?.id ?? (Object.hasOwn(course.checks, checkId) ? course.checks[checkId]?.lessonId : undefined) ?? null;
}

/** A check nobody has touched. */
export function emptyCheckProgress(): CheckProgress {
  return { status: 'answering', answers: {}, attempts: [] };
}

/**
 * The lesson to start on: the saved one if it exists and is open, otherwise the first lesson
 * that is not complete (always open), otherwise the first lesson.
 */
function startingLessonId(course: CompiledCourse, lessons: LessonsProgress, wanted: string | undefined): string {
  if (wanted !== undefined && isLessonUnlocked(course, lessons, wanted)) return wanted;
  const firstOpen = course.lessons.find((l) => lessonStatus(lessons, l.id) !== 'complete');
  return (firstOpen ?? (course.lessons[0] as LessonOutline)).id;
}

/**
 * The context a course machine starts with, from a saved record (already checked and migrated
 * by `parseProgressRecord`) or from scratch. Unknown ids in the record are ignored; the
 * current lesson is always a real, open lesson, marked as visited.
 *
 * Without a record, `startLessonId` says where the learner opens the course: a lesson id (a deep
 * link: that lesson is current, if open), or `null` (the home page or another page that is not a
 * lesson: the first lesson is current but not visited yet, so no lesson shows "in progress").
 *
 * @throws Error when the course has no lessons (the build pipeline never produces one).
 */
export function createInitialContext(course: CompiledCourse, record?: ProgressRecord, startLessonId?: string | null): CourseContext {
  if (course.lessons.length === 0) throw new Error(`Course "${course.id}" has no lessons.`);
  const lessons: Record<string, LessonProgress> = {};
  for (const lesson of course.lessons) {
    const saved = record?.lessons[lesson.id];
    lessons[lesson.id] = { status: saved?.status ?? 'not-started', seconds: saved?.seconds ?? 0 };
  }
  const checks: Record<string, CheckProgress> = {};
  for (const checkId of Object.keys(course.checks)) {
    const saved = record?.checks[checkId];
    checks[checkId] = saved
      ? {
          status: saved.status,
          answers: Object.fromEntries(Object.entries(saved.answers).map(([qid, a]) => [qid, a.answer])),
          attempts: saved.attempts.map((a) => ({ submittedAt: a.submittedAt, results: { ...a.results } })),
        }
      : emptyCheckProgress();
  }
  const currentLessonId = startingLessonId(course, lessons, record ? record.currentLessonId : (startLessonId ?? undefined));
  const current = lessons[currentLessonId] as LessonProgress;
  if (current.status === 'not-started' && (record || startLessonId !== null)) current.status = 'in-progress';

  return {
    course,
    currentLessonId,
    lessons,
    checks,
    completedAt: record?.completedAt ?? null,
    success: record?.success ?? null,
    refusal: null,
    checkOpenedAt: {},
  };
}

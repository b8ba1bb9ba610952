/**
 * What a content update took out of saved progress, in the learner's terms: per knowledge check
 * (named by its lesson), per lesson, and what no longer exists.
 *
 * `parseProgressRecord` (src/course/progress-record.ts) lists what it dropped as typed items
 * naming ids; this groups them by where the learner finds them. Items that name nothing the
 * course has are counted in `other`, so nothing dropped is ever left unsaid.
 */
import type { CompiledCourse, LessonOutline } from '../../content/types.ts';
import type { DroppedItem } from '../../course/progress-record.ts';

/** Where a loss is, as the learner finds it: a lesson's title and number in the menu. */
export interface LossPlace {
  title: string;
  /** The lesson's number, or `null` for a check that is in no lesson. */
  number: number | null;
}

export interface CheckLosses {
  checkId: string;
  place: LossPlace;
  /** Questions whose saved answer was cleared (changed, removed or unreadable). */
  answersCleared: number;
  /** Questions whose earlier results no longer count towards the score. */
  resultsDropped: number;
  /** Questions affected either way (answers ∪ results). */
  questions: number;
  /** The saved answers or attempts could not be read at all. */
  unreadable: boolean;
  /** A submitted check is open for answering again. */
  reopened: boolean;
}

export interface RestoreLosses {
  checks: CheckLosses[];
  /** Lessons with saved progress that could not be read. */
  unreadableLessons: LossPlace[];
  /** Lessons whose saved time could not be read and was reset (their progress was kept). */
  timeReset: LossPlace[];
  /** The saved completion or pass/fail could not be read. */
  completionUnreadable: boolean;
  /** Lessons and checks no longer in the course. */
  lessonsGone: number;
  checksGone: number;
  /** Lines in a shape this does not know. */
  other: number;
}

function place(lesson: LessonOutline): LossPlace {
  return { title: lesson.title, number: lesson.number };
}

/**
 * @example
 * describeRestoreLosses([{ kind: 'answer-changed', checkId: 'roles', questionId: 'q2' }], course)
 * // → { checks: [{ checkId: 'roles', place: { title: 'check your understanding', number: 8 }, answersCleared: 1, … }], … }
 */
export function describeRestoreLosses(dropped: readonly DroppedItem[], course: CompiledCourse): RestoreLosses {
  const checks = new Map<string, { answers: Set<string>; results: Set<string>; unreadable: boolean; reopened: boolean }>();
  const lessonsGone = new Set<string>();
  const checksGone = new Set<string>();
  const unreadableLessons = new Set<string>();
  const timeReset = new Set<string>();
  let completionUnreadable = false;
  let other = 0;

  const checkEntry = (checkId: string) => {
    let entry = checks.get(checkId);
    if (!entry) {
      entry = { answers: new Set(), results: new Set(), unreadable: false, reopened: false };
      checks.set(checkId, entry);
    }
    return entry;
  };

  for (const item of dropped) {
    switch (item.kind) {
      case 'lesson-gone':
        lessonsGone.add(item.lessonId);
        break;
      case 'lesson-unreadable':
        unreadableLessons.add(item.lessonId);
        break;
      case 'time-unreadable':
        timeReset.add(item.lessonId);
        break;
      case 'check-gone':
        checksGone.add(item.checkId);
        break;
      case 'check-unreadable':
      case 'attempt-unreadable':
        checkEntry(item.checkId).unreadable = true;
        break;
      case 'question-gone':
      case 'answer-changed':
        checkEntry(item.checkId).answers.add(item.questionId);
        break;
      case 'answer-unreadable':
        checkEntry(item.checkId).unreadable = true;
        break;
      case 'results-changed':
        checkEntry(item.checkId).results.add(item.questionId);
        break;
      case 'reopened':
        checkEntry(item.checkId).reopened = true;
        break;
      case 'completion-unreadable':
        completionUnreadable = true;
        break;
      case 'unknown-item':
        other += 1;
        break;
    }
  }

  const lessonById = new Map(course.lessons.map((l) => [l.id, l]));
  const checkPlace = (checkId: string): LossPlace => {
    const lesson = course.lessons.find((l) => l.checkId === checkId);
    if (lesson) return place(lesson);
    return { title: (Object.hasOwn(course.checks, checkId) ? course.checks[checkId]?.title : undefined) ?? checkId, number: null };
  };

  return {
    checks: [...checks]
      .map(([checkId, entry]) => ({
        checkId,
        place: checkPlace(checkId),
        answersCleared: entry.answers.size,
        resultsDropped: entry.results.size,
        questions: new Set([...entry.answers, ...entry.results]).size,
        unreadable: entry.unreadable,
        reopened: entry.reopened,
      }))
      .sort((a, b) => (a.place.number ?? Infinity) - (b.place.number ?? Infinity)),
    unreadableLessons: [...unreadableLessons].flatMap((id) => {
      const lesson = lessonById.get(id);
      return lesson ? [place(lesson)] : [];
    }),
    timeReset: [...timeReset].flatMap((id) => {
      const lesson = lessonById.get(id);
      return lesson ? [place(lesson)] : [];
    }),
    completionUnreadable,
    lessonsGone: lessonsGone.size,
    checksGone: checksGone.size,
    other,
  };
}

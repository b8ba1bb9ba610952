/**
 * What a content update took out of saved progress, in the learner's terms: per knowledge check
 * (named by its lesson), per lesson, and what no longer exists.
 *
 * `parseProgressRecord` (src/course/progress-record.ts) lists what it dropped as plain English
 * lines naming ids; this reads those lines back. A line in a shape it does not know is counted in
 * `other`, so nothing dropped is ever left unsaid.
 */
import type { CompiledCourse, LessonOutline } from '../../content/types.ts';

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
  /** Lessons and checks no longer in the course. */
  lessonsGone: number;
  checksGone: number;
  /** Lines in a shape this does not know. */
  other: number;
}

const Q = '"([^"]+)"';
const patterns = {
  lessonGone: new RegExp(`^lesson ${Q} no longer exists$`),
  lessonUnreadable: new RegExp(`^progress of lesson ${Q} could not be read$`),
  checkGone: new RegExp(`^knowledge check ${Q} no longer exists$`),
  checkUnreadable: new RegExp(`^knowledge check ${Q}: saved answers could not be read$`),
  questionGone: new RegExp(`^question ${Q} of knowledge check ${Q} no longer exists$`),
  answerChanged: new RegExp(`^question ${Q} of knowledge check ${Q} has changed; its saved answer was dropped$`),
  answerUnreadable: new RegExp(`^answer to question ${Q} of knowledge check ${Q} could not be read$`),
  resultsChanged: new RegExp(`^question ${Q} of knowledge check ${Q} has changed; earlier results for it no longer count$`),
  attemptUnreadable: new RegExp(`^an attempt at knowledge check ${Q} could not be read$`),
  reopened: new RegExp(`^knowledge check ${Q} was reopened for answering because its questions changed$`),
};

function place(lesson: LessonOutline): LossPlace {
  return { title: lesson.title, number: lesson.number };
}

/**
 * @example
 * describeRestoreLosses(['question "q2" of knowledge check "roles" has changed; its saved answer was dropped'], course)
 * // → { checks: [{ checkId: 'roles', place: { title: 'check your understanding', number: 8 }, answersCleared: 1, … }], … }
 */
export function describeRestoreLosses(dropped: readonly string[], course: CompiledCourse): RestoreLosses {
  const checks = new Map<string, { answers: Set<string>; results: Set<string>; unreadable: boolean; reopened: boolean }>();
  const lessonsGone = new Set<string>();
  const checksGone = new Set<string>();
  const unreadableLessons = new Set<string>();
  let other = 0;

  const checkEntry = (checkId: string) => {
    let entry = checks.get(checkId);
    if (!entry) {
      entry = { answers: new Set(), results: new Set(), unreadable: false, reopened: false };
      checks.set(checkId, entry);
    }
    return entry;
  };

  for (const line of dropped) {
    let m: RegExpExecArray | null;
    if ((m = patterns.lessonGone.exec(line))) lessonsGone.add(m[1]!);
    else if ((m = patterns.lessonUnreadable.exec(line))) unreadableLessons.add(m[1]!);
    else if ((m = patterns.checkGone.exec(line))) checksGone.add(m[1]!);
    else if ((m = patterns.checkUnreadable.exec(line)) || (m = patterns.attemptUnreadable.exec(line))) checkEntry(m[1]!).unreadable = true;
    else if ((m = patterns.questionGone.exec(line)) || (m = patterns.answerChanged.exec(line)) || (m = patterns.answerUnreadable.exec(line))) {
      checkEntry(m[2]!).answers.add(m[1]!);
    } else if ((m = patterns.resultsChanged.exec(line))) checkEntry(m[2]!).results.add(m[1]!);
    else if ((m = patterns.reopened.exec(line))) checkEntry(m[1]!).reopened = true;
    else other += 1;
  }

  const lessonById = new Map(course.lessons.map((l) => [l.id, l]));
  const checkPlace = (checkId: string): LossPlace => {
    const lesson = course.lessons.find((l) => l.checkId === checkId);
    if (lesson) return place(lesson);
    return { title: course.checks[checkId]?.title ?? checkId, number: null };
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
    lessonsGone: lessonsGone.size,
    checksGone: checksGone.size,
    other,
  };
}

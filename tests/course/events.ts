/**
 * Driving a course machine in tests without an actor: `run` folds events over pure transitions,
 * and the event makers name what a learner does in `smallCourse()`'s check `quiz`.
 */
import { initialTransition, transition } from 'xstate';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine, type CourseSnapshot } from '../../src/course/machine.ts';
import type { ProgressRecord } from '../../src/course/progress-record.ts';
import type { Answer, CourseEvent } from '../../src/course/types.ts';
import { fixedClock } from './fixtures.ts';

/** The snapshot after `events`, from a fresh start or from `record`, on a fixed clock. */
export function run(course: CompiledCourse, events: CourseEvent[], record?: ProgressRecord): CourseSnapshot {
  const machine = createCourseMachine(course, { now: fixedClock });
  let snapshot = initialTransition(machine, record ? { record } : {})[0];
  for (const event of events) snapshot = transition(machine, snapshot, event)[0];
  return snapshot;
}

export const answer = (questionId: string, a: Answer, checkId = 'quiz'): CourseEvent => ({
  type: 'check.answer',
  checkId,
  questionId,
  answer: a,
});
export const answerAll = (answers: Record<string, Answer>): CourseEvent[] =>
  Object.entries(answers).map(([questionId, a]) => answer(questionId, a));
export const submit: CourseEvent = { type: 'check.submit', checkId: 'quiz' };
export const retry: CourseEvent = { type: 'check.retry', checkId: 'quiz' };
export const complete = (lessonId: string): CourseEvent => ({ type: 'lesson.complete', lessonId });
export const goto = (lessonId: string): CourseEvent => ({ type: 'nav.goto', lessonId });

/**
 * Progress records as the player really saves them, for tests that damage, age or restore them:
 * a course session on an in-memory store, driven by learner events.
 */
import type { CompiledCourse } from '../src/content/types.ts';
import type { ProgressRecord } from '../src/course/progress-record.ts';
import { startCourseSession } from '../src/course/session.ts';
import type { CourseEvent } from '../src/course/types.ts';

/** Opening "check your understanding" (lesson 8) and submitting it: q1 and q4 right, q2 and q3 wrong. */
export const SUBMIT_ROLES_CHECK: CourseEvent[] = [
  { type: 'nav.goto', lessonId: 'check-roles' },
  { type: 'check.answer', checkId: 'roles', questionId: 'q1', answer: { type: 'single', optionId: 'c' } },
  { type: 'check.answer', checkId: 'roles', questionId: 'q2', answer: { type: 'multiple', optionIds: ['a', 'b'] } },
  { type: 'check.answer', checkId: 'roles', questionId: 'q3', answer: { type: 'single', optionId: 'd' } },
  { type: 'check.answer', checkId: 'roles', questionId: 'q4', answer: { type: 'single', optionId: 'c' } },
  { type: 'check.submit', checkId: 'roles' },
];

/** The last record the session saved after `events`. */
export function savedRecordAfter(course: CompiledCourse, events: CourseEvent[]): ProgressRecord {
  let saved: ProgressRecord | undefined;
  const session = startCourseSession({
    course,
    store: { load: () => ({ kind: 'empty' }), save: (record) => ((saved = record), { ok: true }), setAside: () => ({ ok: true }) },
  });
  for (const event of events) session.actor.send(event);
  session.stop();
  if (saved === undefined) throw new Error('the session saved nothing');
  return structuredClone(saved);
}

import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck } from '../../../src/content/types.ts';
import { createEventMapper } from '../../../src/tracking/cmi5/events.ts';
import type { Cmi5Session, SessionOutcome } from '../../../src/tracking/cmi5/session.ts';

function fakeSession() {
  const calls: unknown[][] = [];
  const ok = (): SessionOutcome => ({ sent: true });
  const session = {
    progressed: (...args: unknown[]) => (calls.push(['progressed', ...args]), ok()),
    answered: (input: { question: { id: string }; durationMs: number; answer: unknown }) => (calls.push(['answered', input.question.id, input.durationMs, input.answer]), ok()),
    completed: () => (calls.push(['completed']), ok()),
    judged: (...args: unknown[]) => (calls.push(['judged', ...args]), ok()),
  } as unknown as Cmi5Session;
  return { session, calls };
}

const check: KnowledgeCheck = {
  id: 'c1',
  lessonId: 'l1',
  title: 'Check',
  questions: [{ id: 'q1', type: 'yesno', correctAnswer: 'yes', fingerprint: 'f', reviewLessonId: 'l1' }],
};

describe('tracking events to cmi5 statements', () => {
  it('maps progress, answers (timed since the previous event), completion and the verdict', () => {
    const { session, calls } = fakeSession();
    const start = Date.parse('2026-01-01T10:00:00Z');
    const on = createEventMapper({ session, course: { checks: { c1: check } }, startedAt: start });
    on({ type: 'tracking.progressChanged', completedLessons: 1, totalLessons: 4, percent: 25 });
    on({ type: 'tracking.questionAnswered', checkId: 'c1', questionId: 'q1', questionType: 'yesno', response: { type: 'yesno', value: 'yes' }, correct: true, attempt: 1, submittedAt: '2026-01-01T10:00:30Z', latencySeconds: null });
    on({ type: 'tracking.questionAnswered', checkId: 'c1', questionId: 'gone', questionType: 'yesno', response: { type: 'yesno', value: 'yes' }, correct: true, attempt: 1, submittedAt: '2026-01-01T10:00:40Z', latencySeconds: null });
    on({ type: 'tracking.courseCompleted', completedAt: '2026-01-01T10:01:00Z', score: 9, max: 10, percent: 90 });
    on({ type: 'tracking.coursePassed', score: 9, max: 10, percent: 90, passingScore: 80, at: '2026-01-01T10:01:00Z' });
    on({ type: 'tracking.courseFailed', score: 3, max: 0, percent: 0, passingScore: 80, at: '2026-01-01T10:01:00Z' });
    expect(calls).toEqual([
      ['progressed', 25],
      ['answered', 'q1', 30_000, { type: 'yesno', value: 'yes' }],
      ['completed'],
      ['judged', 0.9, true],
      ['judged', 0, false],
    ]);
  });

  it('at each launch reports the completion and verdict the record already holds (the session sends each once per registration)', () => {
    const { session, calls } = fakeSession();
    const on = createEventMapper({ session, course: { checks: { c1: check } }, startedAt: 0 });
    const started = { type: 'tracking.started', currentLessonId: 'l1', completedLessons: 4, totalLessons: 4, score: 9, max: 10, percent: 90 } as const;
    on({ ...started, completed: false, success: null });
    on({ ...started, completed: true, success: 'passed' });
    on({ ...started, completed: true, success: 'failed', score: 3 });
    expect(calls).toEqual([['completed'], ['judged', 0.9, true], ['completed'], ['judged', 0.3, false]]);
  });
});

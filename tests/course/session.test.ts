import { describe, expect, it, vi } from 'vitest';
import type { CompiledCourse, KnowledgeCheck } from '../../src/content/types.ts';
import { toProgressRecord } from '../../src/course/progress-record.ts';
import { selectCompletion, selectCurrentLesson, selectProgress } from '../../src/course/selectors.ts';
import { startCourseSession } from '../../src/course/session.ts';
import type { Answer } from '../../src/course/types.ts';
import { correctAnswers, fixedClock, smallCourse } from './fixtures.ts';
import { MemoryStore } from './storage-fakes.ts';

const course = smallCourse();

function savedRecordAfter(events: Parameters<ReturnType<typeof startCourseSession>['actor']['send']>[0][], on: CompiledCourse = course) {
  const store = new MemoryStore();
  const session = startCourseSession({ course: on, store, now: fixedClock });
  for (const e of events) session.actor.send(e);
  session.stop();
  const record = store.last;
  if (!record) throw new Error('nothing saved');
  return record;
}

describe('startCourseSession', () => {
  it('starts fresh on an empty store and saves the first record', () => {
    const store = new MemoryStore();
    const session = startCourseSession({ course, store, now: fixedClock });
    expect(session.restoreReport).toEqual({ kind: 'fresh' });
    expect(session.saveStatus.getSnapshot()).toEqual({ state: 'ok' });
    expect(store.saved).toHaveLength(1);
    expect(store.last?.currentLessonId).toBe('intro');
    expect(session.actor.getSnapshot().status).toBe('active');
    session.stop();
  });

  it('saves whenever the record changes, and only then', () => {
    const store = new MemoryStore();
    const { actor, stop } = startCourseSession({ course, store, now: fixedClock });
    actor.send({ type: 'nav.prev' }); // refused: the record does not change
    expect(store.saved).toHaveLength(1);
    actor.send({ type: 'nav.next' });
    expect(store.saved).toHaveLength(2);
    expect(store.last?.currentLessonId).toBe('basics');
    actor.send({ type: 'time.spent', lessonId: 'basics', seconds: 4 });
    expect(store.saved).toHaveLength(3);
    expect(store.last?.lessons.basics?.seconds).toBe(4);
    stop();
    expect(actor.getSnapshot().status).toBe('stopped');
    expect(store.saved).toHaveLength(3);
  });

  it('resumes a saved record', () => {
    const record = savedRecordAfter([{ type: 'lesson.complete', lessonId: 'intro' }, { type: 'nav.goto', lessonId: 'quiz' }]);
    const store = new MemoryStore({ kind: 'ok', json: JSON.stringify(record) });
    const session = startCourseSession({ course, store });
    expect(session.restoreReport).toEqual({ kind: 'resumed' });
    const snapshot = session.actor.getSnapshot();
    expect(selectCurrentLesson(snapshot).id).toBe('quiz');
    expect(selectProgress(snapshot).completed).toBe(1);
    // Nothing changed, so nothing new to save.
    expect(store.saved).toHaveLength(0);
    session.stop();
  });

  it('migrates a record from older content and reports what was dropped', () => {
    const answers = Object.entries(correctAnswers).map(([questionId, answer]) => ({
      type: 'check.answer' as const,
      checkId: 'quiz',
      questionId,
      answer: answer as Answer,
    }));
    const record = savedRecordAfter([{ type: 'nav.goto', lessonId: 'basics' }, ...answers]);
    const base = smallCourse({ contentVersion: 'v2' });
    const quiz = base.checks.quiz as KnowledgeCheck;
    const changed: CompiledCourse = {
      ...base,
      sections: base.sections.map((s) => ({ ...s, lessonIds: s.lessonIds.filter((id) => id !== 'basics') })),
      lessons: base.lessons.filter((l) => l.id !== 'basics'),
      checks: { quiz: { ...quiz, questions: quiz.questions.map((q) => (q.id === 'q-text' ? { ...q, fingerprint: 'changed' } : q)) } },
    };
    const store = new MemoryStore({ kind: 'ok', json: record });
    const session = startCourseSession({ course: changed, store });
    expect(session.restoreReport).toEqual({
      kind: 'migrated',
      fromContentVersion: 'v1',
      contentChanged: true,
      damaged: false,
      dropped: [
        { kind: 'lesson-gone', lessonId: 'basics' },
        { kind: 'answer-changed', checkId: 'quiz', questionId: 'q-text' },
      ],
    });
    expect(store.last?.contentVersion).toBe('v2');
    expect(Object.keys(store.last?.checks.quiz?.answers ?? {})).toHaveLength(4);
    session.stop();
  });

  it('reports a migration with nothing dropped', () => {
    const record = savedRecordAfter([]);
    const session = startCourseSession({ course: smallCourse({ contentVersion: 'v2' }), store: new MemoryStore({ kind: 'ok', json: record }) });
    expect(session.restoreReport).toEqual({ kind: 'migrated', fromContentVersion: 'v1', dropped: [], contentChanged: true, damaged: false });
    session.stop();
  });

  it('starts fresh when the store holds an explicit null', () => {
    const session = startCourseSession({ course, store: new MemoryStore({ kind: 'ok', json: null }) });
    expect(session.restoreReport).toEqual({ kind: 'fresh' });
    session.stop();
  });

  describe('persistence edge cases', () => {
    it('corrupt JSON: set aside as it was, then a fresh start that saves', () => {
      const store = new MemoryStore({ kind: 'ok', json: '{"version":1,"courseId":' });
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toEqual({ kind: 'rejected', reason: 'corrupt', keptAside: true });
      expect(store.asides).toEqual([{ raw: '{"version":1,"courseId":', reason: 'corrupt' }]);
      expect(store.saved).toHaveLength(1);
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'ok' });
      session.stop();
    });

    it('wrong version: rejected as unsupported and kept aside as JSON text', () => {
      const record = { ...savedRecordAfter([]), version: 2 };
      const store = new MemoryStore({ kind: 'ok', json: record });
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toEqual({ kind: 'rejected', reason: 'unsupported-version', keptAside: true });
      expect(JSON.parse(store.asides[0]?.raw ?? '')).toEqual(record);
      session.stop();
    });

    it('another course’s record: rejected as foreign', () => {
      const record = savedRecordAfter([], smallCourse({ contentVersion: 'x' }));
      const store = new MemoryStore({ kind: 'ok', json: { ...record, courseId: 'another-course' } });
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toMatchObject({ kind: 'rejected', reason: 'foreign-course', keptAside: true });
      session.stop();
    });

    it('a rejected record that cannot be kept aside is never overwritten', () => {
      const store = new MemoryStore({ kind: 'ok', json: 'garbage' });
      store.asideResult = { ok: false, reason: 'quota' };
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toEqual({ kind: 'rejected', reason: 'corrupt', keptAside: false });
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'quota' });
      session.actor.send({ type: 'nav.next' });
      expect(store.saved).toHaveLength(0);
      expect(selectCurrentLesson(session.actor.getSnapshot()).id).toBe('basics');
      session.stop();
    });

    it('storage unavailable: a fresh start, the course runs, saving is reported as failing', () => {
      const store = new MemoryStore({ kind: 'unavailable', error: new Error('SecurityError') });
      store.saveResult = { ok: false, reason: 'unavailable' };
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toEqual({ kind: 'storage-unavailable' });
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'unavailable' });
      session.actor.send({ type: 'lesson.complete', lessonId: 'intro' });
      expect(selectProgress(session.actor.getSnapshot()).completed).toBe(1);
      session.stop();
    });

    it('storage full: the course still runs, the session says progress cannot be saved, and recovers', () => {
      const store = new MemoryStore();
      const session = startCourseSession({ course, store });
      const listener = vi.fn();
      const unsubscribe = session.saveStatus.subscribe(listener);
      store.saveResult = { ok: false, reason: 'quota' };
      session.actor.send({ type: 'lesson.complete', lessonId: 'intro' });
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'quota' });
      expect(listener).toHaveBeenCalledTimes(1);
      session.actor.send({ type: 'nav.next' });
      expect(listener).toHaveBeenCalledTimes(1); // still failing the same way: no new notification
      expect(selectCurrentLesson(session.actor.getSnapshot()).id).toBe('basics');
      store.saveResult = { ok: true };
      session.actor.send({ type: 'time.spent', lessonId: 'basics', seconds: 1 });
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'ok' });
      expect(listener).toHaveBeenCalledTimes(2);
      expect(store.last?.lessons.intro?.status).toBe('complete');
      unsubscribe();
      session.stop();
    });

    it('survives a store that throws', () => {
      const store = new MemoryStore();
      store.load = () => {
        throw new Error('boom');
      };
      store.save = () => {
        throw new Error('boom');
      };
      const session = startCourseSession({ course, store });
      expect(session.restoreReport).toEqual({ kind: 'storage-unavailable' });
      expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'unavailable' });
      session.stop();
    });

    it('keeps aside a rejected value that is not text', () => {
      const store = new MemoryStore({ kind: 'ok', json: 12 });
      startCourseSession({ course, store }).stop();
      expect(store.asides).toEqual([{ raw: '12', reason: 'corrupt' }]);
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const store2 = new MemoryStore({ kind: 'ok', json: circular });
      startCourseSession({ course, store: store2 }).stop();
      expect(store2.asides[0]?.raw).toBe('[object Object]');
      const store3 = new MemoryStore({ kind: 'ok', json: () => 1 });
      startCourseSession({ course, store: store3 }).stop();
      expect(store3.asides[0]?.raw).toContain('=>');
    });
  });

  it('lets adapters listen before the actor starts, so nothing emitted on start is missed', () => {
    const done = savedRecordAfter([
      { type: 'lesson.complete', lessonId: 'intro' },
      { type: 'lesson.complete', lessonId: 'basics' },
      { type: 'lesson.complete', lessonId: 'wrap-up' },
      ...Object.entries(correctAnswers).map(([questionId, answer]) => ({ type: 'check.answer' as const, checkId: 'quiz', questionId, answer })),
      { type: 'check.submit', checkId: 'quiz' },
    ]);
    // Completed lessons, but not marked complete (as after a content change removed a lesson).
    const store = new MemoryStore({ kind: 'ok', json: { ...done, completedAt: null, success: null } });
    const seen: string[] = [];
    const session = startCourseSession({
      course,
      store,
      now: fixedClock,
      beforeStart: (actor) => {
        expect(actor.getSnapshot().status).toBe('active');
        actor.on('*', (e) => seen.push(e.type));
      },
    });
    expect(seen).toEqual(['tracking.started', 'tracking.courseCompleted', 'tracking.coursePassed']);
    expect(selectCompletion(session.actor.getSnapshot()).status).toBe('complete');
    expect(store.last?.completedAt).toBe('2025-01-01T00:00:00.000Z');
    session.stop();
  });

  it('saves records that restore to the same state', () => {
    const store = new MemoryStore();
    const first = startCourseSession({ course, store, now: fixedClock });
    first.actor.send({ type: 'nav.goto', lessonId: 'quiz' });
    first.actor.send({ type: 'check.answer', checkId: 'quiz', questionId: 'q-yesno', answer: { type: 'yesno', value: 'no' } });
    first.stop();
    const second = startCourseSession({ course, store: new MemoryStore({ kind: 'ok', json: JSON.stringify(store.last) }), now: fixedClock });
    expect(toProgressRecord(second.actor.getSnapshot().context)).toEqual(store.last);
    second.stop();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { toProgressRecord } from '../../src/course/progress-record.ts';
import { createInitialContext } from '../../src/course/progress.ts';
import { selectProgress } from '../../src/course/selectors.ts';
import { startCourseSession } from '../../src/course/session.ts';
import {
  createLocalStorageStore,
  getLocalStorage,
  isQuotaExceeded,
  progressKey,
  setAsideKey,
} from '../../src/tracking/local-storage.ts';
import { fixedClock, smallCourse } from './fixtures.ts';
import { FakeStorage, quotaError, securityError } from './storage-fakes.ts';

const course = smallCourse();
const record = toProgressRecord(createInitialContext(course));
const KEY = 'course-player:small-course:progress';

describe('createLocalStorageStore', () => {
  it('uses one key per course', () => {
    expect(progressKey('small-course')).toBe(KEY);
    expect(setAsideKey('small-course', 'corrupt', new Date(Date.UTC(2025, 0, 2)))).toBe(
      `${KEY}:rejected:corrupt:2025-01-02T00:00:00.000Z`,
    );
  });

  it('loads nothing, then what it saved (as the stored text)', () => {
    const storage = new FakeStorage();
    const store = createLocalStorageStore(storage, course.id);
    expect(store.load()).toEqual({ kind: 'empty' });
    expect(store.save(record)).toEqual({ ok: true });
    expect(storage.items.get(KEY)).toBe(JSON.stringify(record));
    expect(store.load()).toEqual({ kind: 'ok', json: JSON.stringify(record) });
  });

  it('sets a rejected record aside under a timestamped key', () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, 'not json');
    const store = createLocalStorageStore(storage, course.id, { now: fixedClock });
    expect(store.setAside('not json', 'corrupt')).toEqual({ ok: true });
    expect(storage.items.get(`${KEY}:rejected:corrupt:2025-01-01T00:00:00.000Z`)).toBe('not json');
  });

  it('reports unavailable storage when there is none', () => {
    const store = createLocalStorageStore(undefined, course.id);
    expect(store.load()).toMatchObject({ kind: 'unavailable' });
    expect(store.save(record)).toEqual({ ok: false, reason: 'unavailable' });
    expect(store.setAside('x', 'corrupt')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('survives storage that throws on access (Safari private mode)', () => {
    const storage = new FakeStorage();
    storage.failAccess = securityError();
    const store = createLocalStorageStore(storage, course.id);
    expect(store.load()).toEqual({ kind: 'unavailable', error: storage.failAccess });
    expect(store.save(record)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('reports a full storage as quota', () => {
    const storage = new FakeStorage();
    storage.failWrite = quotaError();
    const store = createLocalStorageStore(storage, course.id);
    expect(store.save(record)).toEqual({ ok: false, reason: 'quota' });
    expect(store.setAside('x', 'corrupt')).toEqual({ ok: false, reason: 'quota' });
  });

  it('recognises quota errors across browsers', () => {
    expect(isQuotaExceeded(quotaError())).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded({ code: 22 })).toBe(true);
    expect(isQuotaExceeded({ code: 1014 })).toBe(true);
    expect(isQuotaExceeded(securityError())).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});

describe('getLocalStorage', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('returns the storage when there is one', () => {
    const storage = new FakeStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    expect(getLocalStorage()).toBe(storage);
  });

  it('returns undefined when there is none', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: undefined, configurable: true });
    expect(getLocalStorage()).toBeUndefined();
  });

  it('returns undefined when touching it throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get() {
        throw securityError();
      },
      configurable: true,
    });
    expect(getLocalStorage()).toBeUndefined();
  });
});

describe('a course session on local storage', () => {
  it('resumes across sessions', () => {
    const storage = new FakeStorage();
    const first = startCourseSession({ course, store: createLocalStorageStore(storage, course.id), now: fixedClock });
    first.actor.send({ type: 'lesson.complete', lessonId: 'intro' });
    first.stop();
    const second = startCourseSession({ course, store: createLocalStorageStore(storage, course.id), now: fixedClock });
    expect(second.restoreReport).toEqual({ kind: 'resumed' });
    expect(selectProgress(second.actor.getSnapshot()).completed).toBe(1);
    second.stop();
  });

  it('sets unparseable JSON aside with a timestamp and starts fresh', () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, '{"version":1,');
    const session = startCourseSession({
      course,
      store: createLocalStorageStore(storage, course.id, { now: fixedClock }),
      now: fixedClock,
    });
    expect(session.restoreReport).toEqual({ kind: 'rejected', reason: 'corrupt', keptAside: true });
    expect(storage.items.get(`${KEY}:rejected:corrupt:2025-01-01T00:00:00.000Z`)).toBe('{"version":1,');
    expect(JSON.parse(storage.items.get(KEY) ?? '')).toEqual(record);
    session.stop();
  });

  it('runs in Safari private mode, saying progress cannot be saved', () => {
    const storage = new FakeStorage();
    storage.failAccess = securityError();
    const session = startCourseSession({ course, store: createLocalStorageStore(storage, course.id) });
    expect(session.restoreReport).toEqual({ kind: 'storage-unavailable' });
    expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'unavailable' });
    session.actor.send({ type: 'lesson.complete', lessonId: 'intro' });
    expect(selectProgress(session.actor.getSnapshot()).completed).toBe(1);
    session.stop();
  });

  it('runs with a full storage, saying progress cannot be saved', () => {
    const storage = new FakeStorage();
    storage.failWrite = quotaError();
    const session = startCourseSession({ course, store: createLocalStorageStore(storage, course.id) });
    expect(session.restoreReport).toEqual({ kind: 'fresh' });
    expect(session.saveStatus.getSnapshot()).toEqual({ state: 'failing', reason: 'quota' });
    session.actor.send({ type: 'nav.next' });
    expect(session.actor.getSnapshot().context.currentLessonId).toBe('basics');
    session.stop();
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCourseSession } from '../../src/course/session.ts';
import { createLocalStorageStore, progressKey } from '../../src/tracking/local-storage.ts';
import { chooseTracking, LMS_META_NAME, type LmsConnection, lmsResumeLessonId, packagedStandard } from '../../src/tracking/lms.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { FakeLms } from './fake-lms.ts';
import { course, MemoryStorage, readLesson, settle } from './helpers.ts';

function markPackage(version: ScormVersion | null) {
  document.head.querySelector(`meta[name="${LMS_META_NAME}"]`)?.remove();
  if (version === null) return;
  const meta = document.createElement('meta');
  meta.name = LMS_META_NAME;
  meta.content = `scorm-${version}`;
  document.head.append(meta);
}

const globals = window as unknown as Record<string, unknown>;

beforeEach(() => {
  delete globals.API;
  delete globals.API_1484_11;
});
afterEach(() => markPackage(null));

async function start(storage = new MemoryStorage()) {
  const tracking = await chooseTracking({ course, storage, window, document });
  const session = startCourseSession({ course, store: tracking.adapter.records, beforeStart: (actor) => tracking.adapter.attach(actor) });
  return { tracking, session, storage };
}

describe('choosing where progress goes at start-up', () => {
  it('uses local storage in the plain web build, and looks for no LMS', async () => {
    markPackage(null);
    globals.API = new FakeLms('1.2').api();
    const { tracking, session, storage } = await start();
    expect(tracking.connection).toEqual({ mode: 'web' });
    expect(storage.getItem(progressKey(course.id))).not.toBeNull();
    expect(session.actor.getSnapshot().status).toBe('active');
    expect(tracking.adapter.status.getSnapshot()).toEqual({ mode: 'web' });
  });

  it('uses local storage, and says so, when a package finds no LMS', async () => {
    markPackage('2004');
    globals.API = new FakeLms('1.2').api(); // the other edition's API does not count
    const { tracking, storage } = await start();
    expect(tracking.connection).toEqual({ mode: 'local', expected: '2004', searchedLevels: 7 });
    expect(storage.getItem(progressKey(course.id))).not.toBeNull();
    const store = tracking.adapter.status;
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    expect(store.getSnapshot()).toEqual({ mode: 'local', expected: '2004' });
  });

  it.each(['1.2', '2004'] as const)('connects a SCORM %s package to its LMS; leaving commits and terminates once', async (version) => {
    markPackage(version);
    const lms = new FakeLms(version, version === '1.2' ? { 'cmi.core.student_id': 's' } : { 'cmi.learner_id': 's' });
    globals[version === '1.2' ? 'API' : 'API_1484_11'] = lms.api();
    const { tracking, session, storage } = await start();
    expect(tracking.connection).toMatchObject({ mode: 'lms', standard: version });
    expect(storage.getItem(progressKey(course.id))).toBeNull();
    await settle();
    const store = tracking.adapter.status;
    expect(store.getSnapshot()).toMatchObject({ mode: 'lms', standard: version, state: 'saved' });
    expect(store.getSnapshot()).toBe(store.getSnapshot());

    session.actor.send({ type: 'nav.goto', lessonId: 'sharing' });
    await settle();
    const commits = lms.count('Commit');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(lms.count('Commit')).toBe(commits + 1);
    expect(lms.stored.get(version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location')).toBe('sharing');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });

    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(lms.count('Terminate')).toBe(1);
    expect(lms.count('Initialize')).toBe(1);
    readLesson(session.actor, 'sharing');
    await settle();
    expect(lms.count('Commit')).toBe(commits + 2);
  });
});

describe('where an LMS relaunch opens', () => {
  const lmsConnection = { mode: 'lms', standard: '2004' } as LmsConnection;
  function stateAt(lessonId: string, complete = false) {
    const { actor } = startCourseSession({ course, store: createLocalStorageStore(new MemoryStorage(), course.id) });
    actor.send({ type: 'nav.goto', lessonId });
    const state = actor.getSnapshot();
    // A finished course, as the machine tags it.
    return complete ? { context: state.context, hasTag: (tag: Parameters<typeof state.hasTag>[0]) => tag === 'completed' || state.hasTag(tag) } : state;
  }

  it('opens the lesson the learner left when an LMS relaunches an unfinished course', () => {
    expect(lmsResumeLessonId(lmsConnection, { kind: 'resumed' }, stateAt('sharing'))).toBe('sharing');
  });

  it('stays on the home page on a first launch, outside an LMS, after a finished course, or with a restore notice to show', () => {
    expect(lmsResumeLessonId(lmsConnection, { kind: 'fresh' }, stateAt('sharing'))).toBeNull();
    expect(lmsResumeLessonId({ mode: 'web' }, { kind: 'resumed' }, stateAt('sharing'))).toBeNull();
    expect(lmsResumeLessonId(lmsConnection, { kind: 'resumed' }, stateAt('sharing', true))).toBeNull();
    expect(lmsResumeLessonId(lmsConnection, { kind: 'migrated', dropped: [], fromContentVersion: 'x', contentChanged: true, damaged: false }, stateAt('sharing'))).toBeNull();
  });
});

describe('the edition a page was packaged for', () => {
  it('is read from the meta tag', async () => {
    markPackage('1.2');
    expect(packagedStandard(document)).toBe('1.2');
    markPackage(null);
    expect(packagedStandard(document)).toBeNull();
    expect(packagedStandard(undefined)).toBeNull();
  });
});

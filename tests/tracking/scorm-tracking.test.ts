import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { startCourseSession } from '../../src/course/session.ts';
import { connectScorm } from '../../src/tracking/scorm/api.ts';
import type { ScormVersion } from '../../src/tracking/scorm/formats.ts';
import { mirrorKey } from '../../src/tracking/scorm/mirror.ts';
import { BOOKMARK_COMMIT_MS, createScormTracking, MAX_REFUSALS } from '../../src/tracking/scorm/scorm-tracking.ts';
import { decodeSuspendData, encodeSuspendData } from '../../src/tracking/scorm/suspend-data.ts';
import { FakeLms } from './fake-lms.ts';
import { course, MemoryStorage, readLesson, settle, submitCheck, takeCourse } from './helpers.ts';

const LEARNER = { '1.2': { 'cmi.core.student_id': 'learner-7' }, '2004': { 'cmi.learner_id': 'learner-7' } } as const;
const E = {
  '1.2': { location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', time: 'cmi.core.session_time', status: 'cmi.core.lesson_status' },
  '2004': { location: 'cmi.location', exit: 'cmi.exit', time: 'cmi.session_time', status: 'cmi.completion_status' },
} as const;

function newLms(version: ScormVersion, data: Record<string, string> = {}): FakeLms {
  return new FakeLms(version, { ...LEARNER[version], ...data });
}

/** Launches the course on `lms`, as main.tsx does. */
function launch(lms: FakeLms, storage: MemoryStorage = new MemoryStorage(), forCourse: CompiledCourse = course) {
  const tracking = createScormTracking({
    course: forCourse,
    connection: connectScorm({ version: lms.version, api: lms.api(), where: { via: 'parent', level: 1 } } as never),
    storage,
  });
  const session = startCourseSession({ course: forCourse, store: tracking.records, beforeStart: tracking.attach });
  return { tracking, session, actor: session.actor, storage, status: () => tracking.status.getSnapshot() };
}

function storedRecord(lms: FakeLms, source: Map<string, string> = lms.stored) {
  const decoded = decodeSuspendData(source.get('cmi.suspend_data') ?? '');
  if (decoded.kind !== 'ok') throw new Error(`no record: ${decoded.kind}`);
  return decoded.record as { currentLessonId: string; checks: Record<string, { status: string; attempts: unknown[] }>; lessons: Record<string, { status: string }> };
}

function mirror(storage: MemoryStorage, version: ScormVersion) {
  const text = storage.getItem(mirrorKey(course.id, version, 'learner-7'));
  return text ? (JSON.parse(text) as { pending: boolean; unsentSeconds: number; interactions: unknown[]; savedAt: number }) : null;
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe.each(['1.2', '2004'] as const)('SCORM %s adapter', (version) => {
  const el = E[version];

  it('initializes once and reports a fresh start: bookmark, record, incomplete, suspend on exit', async () => {
    const lms = newLms(version);
    const { status } = launch(lms);
    await settle();
    expect(lms.count('Initialize')).toBe(1);
    expect(lms.count('Commit')).toBe(1);
    expect(lms.stored.get(el.location)).toBe('welcome');
    expect(storedRecord(lms).currentLessonId).toBe('welcome');
    expect(lms.stored.get(el.status)).toBe('incomplete');
    expect(lms.stored.get(el.exit)).toBe('suspend');
    expect(lms.stored.get(el.time)).toMatch(version === '1.2' ? /^\d{2,4}:\d\d:\d\d\.\d\d$/ : /^PT/);
    if (version === '2004') {
      expect(lms.stored.get('cmi.success_status')).toBe('unknown');
      expect(lms.stored.get('cmi.progress_measure')).toBe('0');
      expect(lms.stored.has('cmi.score.scaled')).toBe(false);
    } else {
      expect(lms.stored.has('cmi.core.score.raw')).toBe(false);
    }
    expect(status()).toMatchObject({ state: 'saved', initialized: true, restoredFrom: 'none', failures: 0, lastError: null });
  });

  it('commits after a lesson is completed and after a check is submitted, with one interaction per question', async () => {
    const lms = newLms(version);
    const { actor } = launch(lms);
    await settle();
    actor.send({ type: 'nav.goto', lessonId: 'about-this-course' });
    await settle();
    expect(lms.count('Commit')).toBe(1);
    expect(lms.data.get(el.location)).toBe('about-this-course'); // set, waiting for the next commit
    actor.send({ type: 'lesson.complete', lessonId: 'about-this-course' });
    await settle();
    expect(lms.count('Commit')).toBe(2);
    expect(lms.stored.get(el.location)).toBe('about-this-course');

    submitCheck(actor, 'roles', 'wrong');
    await settle();
    expect(lms.count('Commit')).toBe(3);
    const records = lms.interactions(lms.stored);
    expect(records.map((r) => r.id)).toEqual(['roles_q1', 'roles_q2', 'roles_q3', 'roles_q4']);
    expect(records.every((r) => r.result === (version === '1.2' ? 'wrong' : 'incorrect'))).toBe(true);
    expect(storedRecord(lms).checks.roles!.status).toBe('submitted');
  });

  it('reports a passed course: status, score and exit', async () => {
    const lms = newLms(version);
    const { actor, status } = launch(lms);
    takeCourse(actor);
    await settle();
    const s = lms.stored;
    if (version === '1.2') {
      expect([s.get('cmi.core.lesson_status'), s.get('cmi.core.score.raw'), s.get('cmi.core.score.min'), s.get('cmi.core.score.max')]).toEqual(['passed', '100', '0', '100']);
      expect(s.get('cmi.core.exit')).toBe('');
    } else {
      expect([s.get('cmi.completion_status'), s.get('cmi.success_status'), s.get('cmi.progress_measure')]).toEqual(['completed', 'passed', '1']);
      expect([s.get('cmi.score.scaled'), s.get('cmi.score.raw'), s.get('cmi.score.min'), s.get('cmi.score.max')]).toEqual(['1', '100', '0', '100']);
      expect(s.get('cmi.exit')).toBe('normal');
    }
    expect(lms.interactions(s)).toHaveLength(22);
    expect(status().suspendDataLength).toBeLessThanOrEqual(4096);
  });

  it('reports a failed course, then the pass after a better retry', async () => {
    const lms = newLms(version);
    const { actor } = launch(lms);
    takeCourse(actor, { plans: { barriers: 'wrong' } });
    await settle();
    expect(lms.stored.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('failed');
    expect(lms.stored.get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw')).toBe('77');
    if (version === '2004') expect(lms.stored.get('cmi.score.scaled')).toBe('0.7727272');
    actor.send({ type: 'check.retry', checkId: 'barriers' });
    submitCheck(actor, 'barriers', 'correct');
    await settle();
    expect(lms.stored.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status')).toBe('passed');
    expect(lms.interactions(lms.stored)).toHaveLength(27); // the retry is journaled as new records
  });

  it('reports completion alone for a course without a passing score', async () => {
    const unscored: CompiledCourse = { ...course, completion: { requireAllLessons: true, retryScore: 'best' } };
    const lms = newLms(version);
    const { actor } = launch(lms, new MemoryStorage(), unscored);
    takeCourse(actor, { plans: { barriers: 'wrong' } });
    await settle();
    if (version === '1.2') expect(lms.stored.get('cmi.core.lesson_status')).toBe('completed');
    else expect([lms.stored.get('cmi.completion_status'), lms.stored.get('cmi.success_status')]).toEqual(['completed', 'unknown']);
  });

  it('resumes from the LMS on another device: same lesson, same answers', async () => {
    const lms = newLms(version);
    const first = launch(lms);
    takeCourse(first.actor, { until: 'check-benefits', plans: { roles: 'wrong' } });
    first.actor.send({ type: 'nav.goto', lessonId: 'scope-of-peer-support' });
    await settle();
    first.tracking.finish();
    expect(lms.count('Terminate')).toBe(1);

    const next = lms.relaunch();
    expect(next.data.get(version === '1.2' ? 'cmi.core.entry' : 'cmi.entry')).toBe('resume');
    const second = launch(next); // a new device: nothing in this browser
    expect(second.session.restoreReport).toEqual({ kind: 'resumed' });
    const { context } = second.actor.getSnapshot();
    expect(context.currentLessonId).toBe('scope-of-peer-support');
    expect(context.checks.roles!.status).toBe('submitted');
    expect(context.checks.roles!.answers).toEqual(first.actor.getSnapshot().context.checks.roles!.answers);
    expect(context.lessons['a-note-about-recovery']!.status).toBe('complete');
    expect(second.status().restoredFrom).toBe('lms');
  });

  it(`commits the bookmark once the learner has stayed on a lesson ${BOOKMARK_COMMIT_MS} ms, once for quick moves`, async () => {
    const lms = newLms(version);
    const { actor } = launch(lms);
    await settle();
    expect(lms.count('Commit')).toBe(1);
    const [, second, third] = course.lessons;
    actor.send({ type: 'nav.goto', lessonId: second!.id });
    await settle();
    vi.advanceTimersByTime(BOOKMARK_COMMIT_MS - 500);
    actor.send({ type: 'nav.goto', lessonId: third!.id }); // moved on before the bookmark was committed
    await settle();
    vi.advanceTimersByTime(BOOKMARK_COMMIT_MS - 1);
    await settle();
    expect(lms.count('Commit')).toBe(1);
    expect(lms.stored.get(el.location)).toBe('welcome');
    vi.advanceTimersByTime(1);
    await settle();
    expect(lms.count('Commit')).toBe(2);
    expect(lms.stored.get(el.location)).toBe(third!.id);
    expect(storedRecord(lms).currentLessonId).toBe(third!.id);
    // Nothing new: no more commits.
    vi.advanceTimersByTime(10 * BOOKMARK_COMMIT_MS);
    await settle();
    expect(lms.count('Commit')).toBe(2);
  });

  it('does not commit the bookmark twice when a completed lesson already carried it', async () => {
    const lms = newLms(version);
    const { actor } = launch(lms);
    await settle();
    const second = course.lessons[1]!.id;
    actor.send({ type: 'nav.goto', lessonId: second });
    actor.send({ type: 'lesson.complete', lessonId: second });
    await settle();
    expect(lms.count('Commit')).toBe(2);
    vi.advanceTimersByTime(BOOKMARK_COMMIT_MS);
    await settle();
    expect(lms.count('Commit')).toBe(2);
    expect(lms.stored.get(el.location)).toBe(second);
  });

  it('resumes on the lesson the learner was on even when the commit while closing is lost', async () => {
    const lms = newLms(version);
    const first = launch(lms);
    await settle();
    takeCourse(first.actor, { until: 'check-roles' });
    await settle();
    const onward = course.lessons[course.lessons.findIndex((l) => l.id === 'check-roles') + 1]!.id;
    first.actor.send({ type: 'nav.goto', lessonId: onward });
    await settle();
    vi.advanceTimersByTime(BOOKMARK_COMMIT_MS);
    await settle();
    lms.down = 'false'; // the unload commit and terminate never reach the LMS's server
    first.tracking.finish();
    const second = launch(lms.relaunch()); // another device: only the LMS's copy counts
    expect(second.actor.getSnapshot().context.currentLessonId).toBe(onward);
  });

  it('takes the LMS bookmark as the place to resume, even with no suspend data', () => {
    const lms = newLms(version, { [el.location]: 'sharing' });
    const { actor, session } = launch(lms);
    expect(session.restoreReport.kind).toBe('resumed'); // a record made from the bookmark alone
    expect(actor.getSnapshot().context.currentLessonId).toBe('sharing');
  });

  it('keeps everything in this browser while commits fail, retries with back-off, and sends it all when the LMS answers', async () => {
    const lms = newLms(version);
    const storage = new MemoryStorage();
    const { actor, status } = launch(lms, storage);
    await settle();
    lms.commitFault = 'false';
    readLesson(actor, 'welcome');
    submitCheck(actor, 'roles');
    await settle();
    expect(status()).toMatchObject({ state: 'retrying', failures: 1, lastError: { call: 'Commit', code: version === '1.2' ? 101 : 391 } });
    expect(mirror(storage, version)).toMatchObject({ pending: true });
    expect(mirror(storage, version)!.interactions).toHaveLength(4);
    expect(storedRecord(lms).checks.roles).toBeUndefined();

    const commits = lms.count('Commit');
    readLesson(actor, 'about-this-course'); // while a retry waits, changes wait for it
    await settle();
    expect(lms.count('Commit')).toBe(commits);
    await vi.advanceTimersByTimeAsync(2000);
    expect(lms.count('Commit')).toBe(commits + 1);
    expect(status().failures).toBe(2);
    lms.commitFault = 'throw';
    await vi.advanceTimersByTimeAsync(4000);
    expect(status()).toMatchObject({ state: 'retrying', failures: 3, lastError: { call: 'Commit', code: -1 } });

    lms.commitFault = null;
    await vi.advanceTimersByTimeAsync(8000);
    expect(status()).toMatchObject({ state: 'saved', failures: 0 });
    expect(storedRecord(lms).checks.roles!.status).toBe('submitted');
    expect(storedRecord(lms).lessons['about-this-course']!.status).toBe('complete');
    expect(lms.interactions(lms.stored).map((r) => r.id)).toEqual(['roles_q1', 'roles_q2', 'roles_q3', 'roles_q4']);
    expect(mirror(storage, version)).toMatchObject({ pending: false, interactions: [] });
  });

  it('survives a whole API that throws, and catches up when it is back', async () => {
    const lms = newLms(version);
    const { actor, status } = launch(lms);
    await settle();
    lms.down = 'throw';
    submitCheck(actor, 'roles');
    await settle();
    expect(status().state).toBe('retrying');
    lms.down = null;
    await vi.advanceTimersByTimeAsync(2000);
    expect(status().state).toBe('saved');
    expect(lms.interactions(lms.stored)).toHaveLength(4);
  });

  it('keeps what never got through when the course is closed, and sends it at the next launch on this device', async () => {
    const lms = newLms(version);
    const storage = new MemoryStorage();
    const first = launch(lms, storage);
    takeCourse(first.actor, { until: 'sharing' });
    await settle();
    lms.down = 'false';
    submitCheck(first.actor, 'roles');
    await settle();
    vi.setSystemTime(Date.now() + 90_000);
    first.tracking.finish();
    first.tracking.finish();
    expect(lms.count('Terminate')).toBe(1);
    expect(first.status()).toMatchObject({ state: 'ended', finished: true });
    const kept = mirror(storage, version)!;
    expect(kept.pending).toBe(true);
    expect(kept.unsentSeconds).toBeGreaterThanOrEqual(90);
    // After the end, nothing more is sent; changes still go to this browser.
    const calls = lms.calls.length;
    first.actor.send({ type: 'time.spent', lessonId: 'check-roles', seconds: 5 });
    await settle();
    expect(lms.calls.length).toBe(calls);
    expect(mirror(storage, version)!.savedAt).toBeGreaterThan(kept.savedAt);

    lms.down = null;
    const next = lms.relaunch(); // the LMS has the state before the check
    const second = launch(next, storage);
    expect(second.status().restoredFrom).toBe('browser');
    expect(second.actor.getSnapshot().context.checks.roles!.status).toBe('submitted');
    await settle();
    expect(storedRecord(next).checks.roles!.status).toBe('submitted');
    expect(next.interactions(next.stored).map((r) => r.id)).toEqual(['roles_q1', 'roles_q2', 'roles_q3', 'roles_q4']);
    const time = next.stored.get(el.time)!;
    expect(version === '1.2' ? time.startsWith('00:01:3') : /^PT1M3/.test(time)).toBe(true); // the carried 90 s
    expect(mirror(storage, version)!.pending).toBe(false);
  });

  it('prefers the LMS over an older copy in this browser, and over a confirmed one', async () => {
    const storage = new MemoryStorage();
    const lms = newLms(version);
    const first = launch(lms, storage);
    submitCheck(first.actor, 'roles');
    await settle();
    first.tracking.finish();
    expect(mirror(storage, version)!.pending).toBe(false);

    // The learner went on elsewhere; the LMS now has a newer record than this browser.
    const next = lms.relaunch();
    const elsewhere = launch(next);
    takeCourse(elsewhere.actor, { until: 'check-benefits' });
    await settle();
    elsewhere.tracking.finish();
    // This browser's copy is marked unconfirmed but is older: the LMS wins.
    const key = mirrorKey(course.id, version, 'learner-7');
    storage.setItem(key, JSON.stringify({ ...JSON.parse(storage.getItem(key)!), pending: true }));
    const back = launch(next.relaunch(), storage);
    expect(back.status().restoredFrom).toBe('lms');
    expect(back.actor.getSnapshot().context.lessons['a-note-about-recovery']!.status).toBe('complete');
  });

  it('starts fresh when the LMS cleared the attempt and this browser has nothing unconfirmed', async () => {
    const storage = new MemoryStorage();
    const lms = newLms(version);
    const first = launch(lms, storage);
    submitCheck(first.actor, 'roles');
    await settle();
    first.tracking.finish();
    const cleared = launch(newLms(version), storage);
    expect(cleared.session.restoreReport).toEqual({ kind: 'fresh' });
    expect(cleared.status().restoredFrom).toBe('none');
  });

  it('does not retry a value the LMS refuses outright, and saves the rest', async () => {
    const lms = newLms(version);
    const refused = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.progress_measure';
    lms.refuse.push({ element: refused, code: version === '1.2' ? '405' : '406' });
    const { actor, status } = launch(lms);
    takeCourse(actor);
    await settle();
    expect(status()).toMatchObject({ state: 'saved', failures: 0 });
    expect(status().refused).toEqual([{ element: refused, error: expect.objectContaining({ code: version === '1.2' ? 405 : 406 }) }]);
    expect(lms.stored.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status')).toBe(version === '1.2' ? 'passed' : 'completed');
    expect(lms.calls.filter((c) => c.startsWith(`SetValue ${refused}=`)).length).toBeLessThanOrEqual(2);
  });

  it(`gives up on a value that keeps failing while the rest works, after ${MAX_REFUSALS} tries`, async () => {
    const lms = newLms(version);
    lms.flaky.push(el.location);
    const { status } = launch(lms);
    await settle();
    expect(status().state).toBe('retrying');
    // Everything else is committed at once; only the failing value waits.
    expect(lms.stored.get(el.status)).toBe('incomplete');
    expect(lms.stored.has(el.location)).toBe(false);
    for (let i = 1; i < MAX_REFUSALS; i += 1) await vi.advanceTimersByTimeAsync(60_000);
    expect(status()).toMatchObject({ state: 'saved' });
    expect(lms.calls.filter((c) => c.startsWith(`SetValue ${el.location}=`))).toHaveLength(MAX_REFUSALS);
    expect(status().refused.map((r) => r.element)).toEqual([el.location]);
    expect(lms.stored.get(el.status)).toBe('incomplete');
  });

  it('stops sending interactions to an LMS that does not take them', async () => {
    const lms = newLms(version);
    lms.refuse.push({ element: /^cmi\.interactions\./, code: '401' });
    const { actor, status } = launch(lms);
    submitCheck(actor, 'roles');
    submitCheck(actor, 'benefits');
    await settle();
    expect(status().state).toBe('saved');
    expect(lms.calls.filter((c) => c.startsWith('SetValue cmi.interactions.'))).toHaveLength(1);
    expect(storedRecord(lms).checks.benefits!.status).toBe('submitted');
  });

  it('never lowers a status the LMS already has', async () => {
    const held: Record<string, string> = version === '1.2' ? { 'cmi.core.lesson_status': 'passed' } : { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' };
    const lms = newLms(version, held);
    const { actor } = launch(lms);
    readLesson(actor, 'welcome');
    actor.send({ type: 'course.restart' });
    await settle();
    for (const [element, value] of Object.entries(held)) expect(lms.stored.get(element)).toBe(value);
    expect(lms.calls.some((c) => c.startsWith(`SetValue ${el.status}=`))).toBe(false);
    expect(lms.stored.get(el.exit)).toBe('suspend');
  });

  it('changes nothing in the LMS in review mode', async () => {
    const lms = newLms(version, { [version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode']: 'review' });
    const { actor, status, tracking } = launch(lms);
    submitCheck(actor, 'roles');
    await settle();
    tracking.finish();
    expect(lms.calls.filter((c) => c.startsWith('SetValue') || c === 'Commit')).toEqual([]);
    expect(lms.count('Terminate')).toBe(1);
    expect(status()).toMatchObject({ readOnly: true, launchMode: 'review' });
  });

  it.each([
    ['browse', { readOnly: true, launchMode: 'browse' }],
    ['normal', { readOnly: false, launchMode: 'normal' }],
    ['', { readOnly: false, launchMode: 'normal' }],
    ['Review ', { readOnly: false, launchMode: 'normal' }],
  ])('a launch in mode %j is reported as %o', (mode, expected) => {
    const lms = newLms(version, { [version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode']: mode });
    const { status } = launch(lms);
    expect(status()).toMatchObject(expected);
  });

  it('sets aside suspend data it cannot read, in this browser, and starts fresh', () => {
    const lms = newLms(version, { 'cmi.suspend_data': 'viewed=1,2,3|lastviewedslide=3' });
    const storage = new MemoryStorage();
    const { session } = launch(lms, storage);
    expect(session.restoreReport).toEqual({ kind: 'rejected', reason: 'corrupt', keptAside: true });
    const aside = [...storage.items].find(([key]) => key.includes(':rejected:corrupt:'));
    expect(aside?.[1]).toContain('viewed=1,2,3|lastviewedslide=3');
  });

  it('refuses suspend data from a newer player version without losing it', () => {
    const lms = newLms(version, { 'cmi.suspend_data': 'P9|whatever' });
    const storage = new MemoryStorage();
    const { session } = launch(lms, storage);
    expect(session.restoreReport).toMatchObject({ kind: 'rejected', reason: 'unsupported-version' });
    expect([...storage.items.values()].some((v) => v.includes('P9|whatever'))).toBe(true);
  });

  it('goes on from this browser when Initialize fails, and catches up once it works', async () => {
    const storage = new MemoryStorage();
    const ok = newLms(version);
    const first = launch(ok, storage);
    submitCheck(first.actor, 'roles');
    await settle();
    first.tracking.finish();
    // Initialize fails at launch: the learner is unknown, most likely the last one in this browser.
    const broken = ok.relaunch();
    broken.initializeError = '101';
    const second = launch(broken, storage);
    expect(second.status()).toMatchObject({ state: 'retrying', initialized: false, restoredFrom: 'browser', lastError: { call: 'Initialize', code: 101 } });
    expect(second.actor.getSnapshot().context.checks.roles!.status).toBe('submitted');
    readLesson(second.actor, 'welcome');
    await settle();
    broken.initializeError = null;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(second.status()).toMatchObject({ state: 'saved', initialized: true });
    expect(broken.count('Initialize')).toBeGreaterThan(1);
    expect(storedRecord(broken).lessons.welcome!.status).toBe('complete');
  });

  it('does not overwrite newer progress the LMS turns out to hold when it answers late', async () => {
    const storage = new MemoryStorage();
    const lms = newLms(version);
    const first = launch(lms, storage);
    submitCheck(first.actor, 'roles');
    await settle();
    first.tracking.finish();
    // The learner went on on another device…
    const other = lms.relaunch();
    const elsewhere = launch(other);
    takeCourse(elsewhere.actor, { until: 'check-engagement' });
    await settle();
    elsewhere.tracking.finish();
    // …then comes back here, and the LMS does not answer at first.
    const late = other.relaunch();
    late.initializeError = '101';
    const back = launch(late, storage);
    expect(back.status().restoredFrom).toBe('browser');
    readLesson(back.actor, 'welcome');
    await settle();
    late.initializeError = null;
    await vi.advanceTimersByTimeAsync(2000);
    expect(back.status()).toMatchObject({ initialized: true, state: 'saved' });
    expect(back.status().refused.map((r) => r.element)).toEqual(['cmi.suspend_data']);
    expect(late.calls.filter((c) => c.startsWith('SetValue') || c === 'Commit')).toEqual([]);
    expect(storedRecord(late, late.data).checks.benefits!.status).toBe('submitted');
    // The next launch here takes the LMS's record, not this browser's older one.
    back.tracking.finish();
    const next = launch(late.relaunch(), storage);
    expect(next.status().restoredFrom).toBe('lms');
    expect(next.actor.getSnapshot().context.checks.benefits!.status).toBe('submitted');
  });

  it('continues interaction numbering after the ones the LMS already has', async () => {
    const lms = newLms(version);
    const first = launch(lms);
    submitCheck(first.actor, 'roles');
    await settle();
    first.tracking.finish();
    const next = version === '2004' ? lms.relaunch() : newLms(version, Object.fromEntries(lms.stored));
    const second = launch(next);
    submitCheck(second.actor, 'benefits');
    await settle();
    expect(next.interactions(next.stored).map((r) => r.id)).toEqual([
      'roles_q1', 'roles_q2', 'roles_q3', 'roles_q4', 'benefits_q1', 'benefits_q2', 'benefits_q3', 'benefits_q4',
    ]);
  });

  it('reads what the LMS holds and round-trips a harmless value for the trainer page', async () => {
    const lms = newLms(version);
    const { tracking } = launch(lms);
    await settle();
    const readings = tracking.inspect();
    expect(readings.find((r) => r.element === el.status)?.value).toBe('incomplete');
    expect(readings.find((r) => r.element === el.location)?.value).toBe('welcome');
    expect(Number(readings.find((r) => r.element === 'cmi.suspend_data._length')?.value)).toBeGreaterThan(10);
    const trip = tracking.roundTrip('fr');
    expect(trip).toMatchObject({ ok: true, written: 'fr', read: 'fr', commit: { ok: true } });
    expect(lms.data.get(version === '1.2' ? 'cmi.student_preference.language' : 'cmi.learner_preference.language')).toBe('fr');
    lms.refuse.push({ element: /preference\.language/, code: '401' });
    expect(tracking.roundTrip('en')).toMatchObject({ ok: false, error: { code: 401 } });
    tracking.finish();
    expect(tracking.inspect()).toEqual([]);
    expect(tracking.roundTrip('en')).toMatchObject({ ok: false, error: { code: -1 } });
  });
});

describe('SCORM 2004 specifics', () => {
  it('treats "already initialized" (103) as an open session', async () => {
    const lms = newLms('2004');
    lms.initialize();
    const { status } = launch(lms);
    await settle();
    expect(status()).toMatchObject({ initialized: true, state: 'saved' });
  });

  it('ends for good when the LMS session was terminated (104)', async () => {
    const lms = newLms('2004');
    lms.initialize();
    lms.terminate();
    const storage = new MemoryStorage();
    const { actor, status } = launch(lms, storage);
    await settle();
    expect(status()).toMatchObject({ state: 'ended', finished: true, lastError: { call: 'Initialize', code: 104 } });
    readLesson(actor, 'welcome');
    await settle();
    expect(status()).toMatchObject({ state: 'ended', finished: true });
    expect(mirror(storage, '2004')).toBeNull(); // no learner id could be read: kept under the anonymous key
    expect(storage.getItem(mirrorKey(course.id, '2004', ''))).toContain('"pending":true');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(lms.count('Initialize')).toBe(2);
  });

  it('writes suspend data that decodes to the record the player keeps', async () => {
    const lms = newLms('2004');
    const { actor } = launch(lms);
    takeCourse(actor, { until: 'check-engagement' });
    await settle();
    const record = storedRecord(lms);
    expect(encodeSuspendData(record as never, { savedAt: 1 }).text).not.toBeNull();
    expect(record.checks.benefits!.status).toBe('submitted');
  });
});

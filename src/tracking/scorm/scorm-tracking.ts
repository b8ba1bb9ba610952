/**
 * The SCORM tracking adapter: a {@link ProgressStore} the course session loads and saves
 * through, plus a listener on the machine's `tracking.*` events (attached with
 * `startCourseSession({ beforeStart: tracking.attach })`): a {@link TrackingAdapter}. The
 * machine never knows an LMS is there.
 *
 * This file only wires the parts together: LMS calls (launch.ts, send.ts) ↔ the connection
 * machine (connection.ts: the session's phase, what is unsent, what was refused) ↔ this
 * browser's copy (mirror.ts) ↔ the status (status.ts, a selector over the machine's snapshot).
 *
 * - **Start**: `Initialize` once, read the learner, the bookmark, the suspend data and the
 *   statuses. `load()` prefers the LMS's record; a copy in this browser wins only when the LMS
 *   never confirmed it and it is newer (see {@link startFrom}).
 * - **Saving**: each saved record becomes element values (cmi-values.ts), which are set at once;
 *   they are committed after a lesson is completed, a check is submitted, at start, when the
 *   page is hidden or closed, and {@link BOOKMARK_COMMIT_MS} after the learner moves to another
 *   lesson (so the bookmark never depends on the last commit during unload, which an LMS may
 *   lose). Each submitted question is journaled as an interaction.
 * - **Faults**: a call that fails (returns false, sets an error, throws) is retried with
 *   back-off; until the LMS confirms, the record, the unsent interactions and the unreported
 *   session time are kept in local storage under the learner's id, and sent on the next
 *   launch if this one never gets through. Values the LMS refuses outright (wrong type, not
 *   implemented) are not retried, so one refusal cannot block the rest.
 * - **End**: `finish()` commits and terminates, exactly once.
 */
import type { CompiledCourse } from '../../content/types.ts';
import { createActor } from 'xstate';
import type { ProgressRecord, RejectReason } from '../../course/progress-record.ts';
import type { LoadResult, ProgressStore, SaveResult } from '../../course/progress-store.ts';
import type { TrackingEvent } from '../../course/types.ts';
import { createStatusStore, type CourseFacts, type TrackingAdapter } from '../adapter.ts';
import { nextStanding, type CourseStanding } from '../course-standing.ts';
import { createLocalStorageStore } from '../local-storage.ts';
import { isPermanentError, type ScormConnection } from './api.ts';
import { createRetry, globalTimers, inMicrotask, type BackoffOptions, type Timers } from './backoff.ts';
import { cmiValues, ELEMENTS } from './cmi-values.ts';
import { isUnconfirmed, phaseOf, scormConnectionMachine, wasOpened, writesNothing } from './connection.ts';
import { sessionTime, type ScormVersion } from './formats.ts';
import { interactionFields } from './interactions.ts';
import { openSession, readLate, readLaunch } from './launch.ts';
import { lastLearnerKey, mirrorKey, readMirror, startFrom, type LaunchData, type Mirror, type StartDecision } from './mirror.ts';
import { setPending } from './send.ts';
import { scormStatus, type ScormStatus } from './status.ts';
import { encodeSuspendData } from './suspend-data.ts';
import { readLmsHoldings, roundTripLanguage, type LmsReading, type RoundTrip } from './trainer.ts';

export { BOOKMARK_COMMIT_MS } from './connection.ts';
export { MAX_REFUSALS } from './send.ts';
export type { ScormStatus } from './status.ts';

/** The SCORM adapter: `flush` sends even while a retry waits; `finish` commits and terminates, once. */
export interface ScormTracking extends TrackingAdapter<ScormStatus> {
  readonly standard: ScormVersion;
  /** Read what the LMS holds now (trainer page). */
  inspect(): LmsReading[];
  /** Write a harmless value and read it back (trainer page). */
  roundTrip(language: string): RoundTrip;
}

export interface ScormTrackingOptions {
  course: CompiledCourse;
  connection: ScormConnection;
  storage: Storage | undefined;
  /** Each question's prompt as plain text, by check id then question id (for the LMS's reports). */
  questionPrompts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Clock, epoch milliseconds. */
  now?: () => number;
  timers?: Timers;
  backoff?: BackoffOptions;
}

/** What this browser holds of the session: whose copy, the last record, where the launch started. */
interface Local {
  learnerKey: string;
  record: ProgressRecord | null;
  savedAt: number;
  start: StartDecision | null;
  /** Where the course stands, from the machine's facts (`tracking.started` comes first). */
  standing: CourseStanding | null;
}

const COMMIT_FACTS = [
  'tracking.lessonCompleted',
  'tracking.checkSubmitted',
  'tracking.courseCompleted',
  'tracking.coursePassed',
  'tracking.courseFailed',
  'tracking.courseRestarted',
] as const;

/**
 * Creates the adapter and initializes the LMS session (once).
 *
 * @example
 * const tracking = createScormTracking({ course, connection: connectScorm(found), storage: getLocalStorage() });
 * startCourseSession({ course, store: tracking.records, beforeStart: tracking.attach });
 * addEventListener('pagehide', () => tracking.finish());
 */
export function createScormTracking(options: ScormTrackingOptions): ScormTracking {
  const { course, connection: lms, storage } = options;
  const version = lms.version;
  const names = ELEMENTS[version];
  const now = options.now ?? (() => Date.now());
  const startedAt = now();
  const timers = options.timers ?? globalTimers;
  const localStore = createLocalStorageStore(storage, course.id);
  const local: Local = { learnerKey: mirrorKey(course.id, version, ''), record: null, savedAt: 0, start: null, standing: null };

  const machine = scormConnectionMachine.provide({ actions: { requestSync: () => requestSync() } });
  const life = createActor(machine, { clock: timers, input: { bookmark: names.location } }).start();
  const snap = () => life.getSnapshot();
  const finished = () => phaseOf(snap()) === 'ended';
  const noWrites = () => writesNothing(snap());
  const published = createStatusStore(scormStatus(version, snap()));
  const publish = () => published.set(scormStatus(version, snap()));

  const sessionSeconds = () => (local.start?.carriedSeconds ?? 0) + Math.max(0, now() - startedAt) / 1000;
  /** Writes this browser's copy (`pending` until the LMS confirms it), whatever the phase. */
  const storeMirror = (): boolean => {
    if (storage === undefined) return false;
    const snapshot = snap();
    const mirror: Mirror = {
      v: 1,
      savedAt: local.savedAt,
      record: local.record,
      pending: isUnconfirmed(snapshot),
      interactions: snapshot.context.outbox.queue.map((q) => q.fields),
      // The LMS adds a session's time when the session ends properly; until then it is unsent.
      unsentSeconds: snapshot.context.end?.delivered === true ? 0 : sessionSeconds(),
    };
    try {
      storage.setItem(local.learnerKey, JSON.stringify(mirror));
      return true;
    } catch {
      return false;
    }
  };
  /** Keeps the learner's state in this browser, unless this session writes nothing. */
  const keepMirror = (): boolean => (storage !== undefined && noWrites()) || storeMirror();

  const knowLearner = (id: string) => {
    local.learnerKey = mirrorKey(course.id, version, id);
    try {
      storage?.setItem(lastLearnerKey(course.id, version), id);
    } catch {
      // Only a convenience for a launch whose Initialize fails.
    }
  };

  const initialize = (): boolean => {
    const opening = openSession(lms);
    if (opening.ok) return true;
    life.send({ type: 'failed', call: 'Initialize', error: opening.error });
    if (opening.ended) life.send({ type: 'ended', delivered: false });
    return false;
  };

  /**
   * The LMS answered only after the course had started without it. Its record wins if it is
   * newer than the one this session started from (the learner went on elsewhere): it is not
   * overwritten, and this session changes nothing more in the LMS.
   */
  const openLate = (): 'failed' | 'lmsNewer' | 'open' => {
    if (!initialize()) return 'failed';
    life.send({ type: 'opened', readOnly: false });
    const late = readLate(lms, local.start?.startedFromSavedAt ?? 0);
    if (late.newer) {
      const error = { code: 0, message: 'The LMS holds newer progress from another session; it was not overwritten.' };
      life.send({ type: 'lmsNewer', refusal: { element: names.suspendData, error } });
      storeMirror(); // no longer pending: the next launch takes the LMS's record
      return 'lmsNewer';
    }
    if (late.learnerId !== null) knowLearner(late.learnerId);
    life.send({ type: 'held', statuses: late.statuses, interactionCount: late.interactionCount, setAgain: true });
    return 'open';
  };

  /** Commits what was set, even if some values failed: one bad value must not hold back the rest. */
  const commit = (allSet: boolean): boolean => {
    const time = lms.setValue(names.sessionTime, sessionTime(version, sessionSeconds()));
    if (!time.ok && !isPermanentError(version, time.error.code)) life.send({ type: 'failed', call: 'SetValue', error: time.error });
    const result = lms.commit();
    if (!result.ok) life.send({ type: 'failed', call: 'Commit', error: result.error });
    life.send({ type: 'committed', ok: result.ok, complete: allSet });
    if (!result.ok) return false;
    keepMirror();
    return allSet;
  };

  /** Sets what is due, then commits when a commit is wanted. True when nothing failed. */
  const sync = (): boolean => {
    if (finished()) return false;
    if (noWrites()) return true;
    if (!wasOpened(snap())) {
      const late = openLate();
      if (late !== 'open') return late === 'lmsNewer';
    }
    const outcome = setPending(lms, snap().context.outbox, snap().matches({ interactions: 'accepted' }));
    life.send({ type: 'valuesSet', outcome });
    const allSet = outcome.failed === null;
    return snap().matches({ commit: 'wanted' }) ? commit(allSet) : allSet;
  };

  const retry = createRetry(
    () => {
      const ok = sync();
      if (!ok) keepMirror();
      return ok;
    },
    {
      timers,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      onChange: (failures) => {
        life.send({ type: 'tried', failures });
        publish();
      },
    },
  );
  const syncSoon = inMicrotask(() => {
    if (finished()) return;
    retry.request();
    publish();
  });
  /** Syncs once the current machine transition has been saved (emitted events come first). */
  const requestSync = () => {
    if (!finished()) syncSoon();
  };

  // ------------------------------------------------------------ launch
  let launch: LaunchData | null = null;
  if (initialize()) {
    const read = readLaunch(lms);
    if (read.lastError) life.send({ type: 'failed', call: 'GetValue', error: read.lastError });
    const { statuses, interactionCount, mode, learnerId } = read.launch;
    life.send({ type: 'held', statuses: [...statuses], interactionCount, setAgain: false });
    life.send({ type: 'opened', readOnly: mode === 'review' || mode === 'browse' });
    knowLearner(learnerId);
    launch = read.launch;
  } else {
    // The learner is unknown: most likely the one who last launched the course in this browser.
    let last = '';
    try {
      last = storage?.getItem(lastLearnerKey(course.id, version)) ?? '';
    } catch {
      // No storage: an anonymous start.
    }
    local.learnerKey = mirrorKey(course.id, version, last);
  }
  const mirror = readMirror(storage, local.learnerKey);

  // ------------------------------------------------------------- store
  const update = (record: ProgressRecord) => {
    local.record = record;
    local.savedAt = Math.max(now(), local.savedAt + 1);
    const encoded = encodeSuspendData(record, { savedAt: local.savedAt });
    // The course machine reports where it stands first (`tracking.started`, once attached).
    const values = local.standing === null ? [] : cmiValues(version, record, local.standing, encoded.text, snap().context.outbox.floor);
    life.send({ type: 'recorded', values, suspendDataLength: encoded.text?.length ?? null, reduced: encoded.reduced });
  };

  const store: ProgressStore = {
    load(): LoadResult {
      const start = startFrom(course, launch, mirror);
      local.start = start;
      life.send({ type: 'restored', from: start.restoredFrom, interactions: start.interactions });
      return start.load;
    },
    save(record: ProgressRecord): SaveResult {
      if (noWrites()) return { ok: true };
      // The learner moved to another lesson: commit the bookmark once they stay there.
      if (local.record !== null && local.record.currentLessonId !== record.currentLessonId) life.send({ type: 'lessonChanged' });
      update(record);
      const kept = keepMirror();
      requestSync();
      publish();
      return kept || (wasOpened(snap()) && !finished()) ? { ok: true } : { ok: false, reason: 'unavailable' };
    },
    setAside(raw: string, reason: RejectReason): SaveResult {
      // The LMS's record could not be used: keep a copy in this browser before it is overwritten.
      const fromLms = local.start?.lmsRecordRejected === true;
      return localStore.setAside(fromLms ? `${names.suspendData} (SCORM ${version}): ${raw}` : raw, reason);
    },
    started(record: ProgressRecord): void {
      // The session has started: report the starting state and commit it.
      if (!noWrites() && !finished()) {
        update(record);
        keepMirror();
        life.send({ type: 'wantCommit' });
      }
      publish();
    },
  };

  // ---------------------------------------------------------- listener
  const onQuestion = (event: Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>) => {
    const question = course.checks[event.checkId]?.questions.find((q) => q.id === event.questionId);
    if (!question) return;
    const promptText = options.questionPrompts?.[event.checkId]?.[event.questionId] ?? '';
    const fields = interactionFields(version, { event, question, promptText, latencySeconds: event.latencySeconds, lang: course.locale });
    life.send({ type: 'answered', fields });
  };
  const attach = (facts: CourseFacts) => {
    facts.on('*', (fact) => {
      local.standing = nextStanding(local.standing, fact);
    });
    facts.on('tracking.questionAnswered', onQuestion);
    for (const type of COMMIT_FACTS) facts.on(type, () => life.send({ type: 'wantCommit' }));
  };

  // --------------------------------------------------------- end, page
  const flush = () => {
    if (finished() || noWrites()) return;
    life.send({ type: 'commitNow' });
    retry.now();
    publish();
  };

  const finish = () => {
    if (finished()) return;
    let delivered = true;
    if (!noWrites()) {
      life.send({ type: 'commitNow' });
      delivered = retry.now();
    }
    retry.stop();
    if (wasOpened(snap())) {
      const end = lms.terminate();
      if (!end.ok) {
        life.send({ type: 'failed', call: version === '1.2' ? 'LMSFinish' : 'Terminate', error: end.error });
        delivered = false;
      }
    }
    life.send({ type: 'ended', delivered });
    // Whatever the LMS did not confirm stays in this browser for the next launch.
    keepMirror();
    publish();
  };

  // ----------------------------------------------------------- trainer
  const open = () => wasOpened(snap()) && !finished();
  const inspect = (): LmsReading[] => (open() ? readLmsHoldings(lms) : []);
  const roundTrip = (language: string): RoundTrip => roundTripLanguage(lms, language, open());

  publish();
  return {
    standard: version,
    records: store,
    attach,
    status: { getSnapshot: published.getSnapshot, subscribe: published.subscribe },
    flush,
    finish,
    inspect,
    roundTrip,
  };
}

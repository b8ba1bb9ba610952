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
import { createActor, type Actor } from 'xstate';
import type { ProgressRecord } from '../../course/progress-record.ts';
import type { ProgressStore } from '../../course/progress-store.ts';
import type { TrackingEvent } from '../../course/types.ts';
import { createStatusStore, type CourseFacts, type TrackingAdapter } from '../adapter.ts';
import { nextStanding, type CourseStanding } from '../course-standing.ts';
import { createLocalStorageStore } from '../local-storage.ts';
import { isPermanentError, type ScormConnection } from './api.ts';
import { createRetry, globalTimers, inMicrotask, type BackoffOptions, type Retry, type Timers } from './backoff.ts';
import { cmiValues, ELEMENTS } from './cmi-values.ts';
import { isUnconfirmed, phaseOf, scormConnectionMachine, wasOpened, writesNothing, type LaunchMode } from './connection.ts';
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

/** What every part of the adapter shares: the LMS, the connection machine, this browser's side. */
interface Wiring {
  course: CompiledCourse;
  lms: ScormConnection;
  version: ScormVersion;
  names: (typeof ELEMENTS)[ScormVersion];
  storage: Storage | undefined;
  life: Actor<typeof scormConnectionMachine>;
  local: Local;
  now: () => number;
  /** Session seconds so far, with those of an earlier launch the LMS never got. */
  sessionSeconds: () => number;
}

const COMMIT_FACTS = [
  'tracking.lessonCompleted',
  'tracking.checkSubmitted',
  'tracking.courseCompleted',
  'tracking.coursePassed',
  'tracking.courseFailed',
  'tracking.courseRestarted',
] as const;

const finished = (w: Wiring) => phaseOf(w.life.getSnapshot()) === 'ended';
const noWrites = (w: Wiring) => writesNothing(w.life.getSnapshot());

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
  const now = options.now ?? (() => Date.now());
  const startedAt = now();
  const timers = options.timers ?? globalTimers;
  const local: Local = { learnerKey: mirrorKey(course.id, version, ''), record: null, savedAt: 0, start: null, standing: null };
  const machine = scormConnectionMachine.provide({ actions: { requestSync: () => requestSync() } });
  const life = createActor(machine, { clock: timers, input: { bookmark: ELEMENTS[version].location } }).start();
  const sessionSeconds = () => (local.start?.carriedSeconds ?? 0) + Math.max(0, now() - startedAt) / 1000;
  const w: Wiring = { course, lms, version, names: ELEMENTS[version], storage, life, local, now, sessionSeconds };

  const published = createStatusStore(scormStatus(version, life.getSnapshot()));
  const publish = () => published.set(scormStatus(version, life.getSnapshot()));
  const retry = createRetry(
    () => {
      const ok = sync(w);
      if (!ok) keepMirror(w);
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
    if (finished(w)) return;
    retry.request();
    publish();
  });
  /** Syncs once the current machine transition has been saved (emitted events come first). */
  const requestSync = () => {
    if (!finished(w)) syncSoon();
  };

  const launch = openAtLaunch(w);
  const records = recordStore(w, { launch, mirror: readMirror(storage, local.learnerKey), requestSync, publish });
  const open = () => wasOpened(life.getSnapshot()) && !finished(w);
  publish();
  return {
    standard: version,
    records,
    attach: (facts) => attachFacts(w, facts, options.questionPrompts),
    status: { getSnapshot: published.getSnapshot, subscribe: published.subscribe },
    flush: () => flush(w, retry, publish),
    finish: () => finish(w, retry, publish),
    inspect: () => (open() ? readLmsHoldings(lms) : []),
    roundTrip: (language) => roundTripLanguage(lms, language, open()),
  };
}

// ------------------------------------------------------ this browser's copy
/** Writes this browser's copy (`pending` until the LMS confirms it), whatever the phase. */
function storeMirror(w: Wiring): boolean {
  if (w.storage === undefined) return false;
  const snapshot = w.life.getSnapshot();
  const mirror: Mirror = {
    v: 1,
    savedAt: w.local.savedAt,
    record: w.local.record,
    pending: isUnconfirmed(snapshot),
    interactions: snapshot.context.outbox.queue.map((q) => q.fields),
    // The LMS adds a session's time when the session ends properly; until then it is unsent.
    unsentSeconds: snapshot.context.end?.delivered === true ? 0 : w.sessionSeconds(),
  };
  try {
    w.storage.setItem(w.local.learnerKey, JSON.stringify(mirror));
    return true;
  } catch {
    return false;
  }
}

/** Keeps the learner's state in this browser, unless this session writes nothing. */
function keepMirror(w: Wiring): boolean {
  return (w.storage !== undefined && noWrites(w)) || storeMirror(w);
}

/** The learner is known: their copy is kept under their id, and they are the last one here. */
function knowLearner(w: Wiring, id: string) {
  w.local.learnerKey = mirrorKey(w.course.id, w.version, id);
  try {
    w.storage?.setItem(lastLearnerKey(w.course.id, w.version), id);
  } catch {
    // Only a convenience for a launch whose Initialize fails.
  }
}

// ------------------------------------------------------------------ launch
function initialize(w: Wiring): boolean {
  const opening = openSession(w.lms);
  if (opening.ok) return true;
  w.life.send({ type: 'failed', call: 'Initialize', error: opening.error });
  if (opening.ended) w.life.send({ type: 'ended', delivered: false });
  return false;
}

/** Initializes and reads what the LMS holds (`null`: it could not be opened). */
function openAtLaunch(w: Wiring): LaunchData | null {
  if (!initialize(w)) {
    // The learner is unknown: most likely the one who last launched the course in this browser.
    let last = '';
    try {
      last = w.storage?.getItem(lastLearnerKey(w.course.id, w.version)) ?? '';
    } catch {
      // No storage: an anonymous start.
    }
    w.local.learnerKey = mirrorKey(w.course.id, w.version, last);
    return null;
  }
  const { launch, lastError } = readLaunch(w.lms);
  if (lastError) w.life.send({ type: 'failed', call: 'GetValue', error: lastError });
  w.life.send({ type: 'held', statuses: [...launch.statuses], interactionCount: launch.interactionCount, setAgain: false });
  w.life.send({ type: 'opened', launchMode: scormLaunchMode(launch.mode) });
  knowLearner(w, launch.learnerId);
  return launch;
}

/**
 * The LMS answered only after the course had started without it. Its record wins if it is
 * newer than the one this session started from (the learner went on elsewhere): it is not
 * overwritten, and this session changes nothing more in the LMS.
 */
function openLate(w: Wiring): 'failed' | 'lmsNewer' | 'open' {
  if (!initialize(w)) return 'failed';
  w.life.send({ type: 'opened', launchMode: 'normal' });
  const late = readLate(w.lms, w.local.start?.startedFromSavedAt ?? 0);
  if (late.newer) {
    const error = { code: 0, message: 'The LMS holds newer progress from another session; it was not overwritten.' };
    w.life.send({ type: 'lmsNewer', refusal: { element: w.names.suspendData, error } });
    storeMirror(w); // no longer pending: the next launch takes the LMS's record
    return 'lmsNewer';
  }
  if (late.learnerId !== null) knowLearner(w, late.learnerId);
  w.life.send({ type: 'held', statuses: late.statuses, interactionCount: late.interactionCount, setAgain: true });
  return 'open';
}

// -------------------------------------------------------------------- sync
/** Sets what is due, then commits when a commit is wanted. True when nothing failed. */
function sync(w: Wiring): boolean {
  if (finished(w)) return false;
  if (noWrites(w)) return true;
  if (!wasOpened(w.life.getSnapshot())) {
    const late = openLate(w);
    if (late !== 'open') return late === 'lmsNewer';
  }
  const before = w.life.getSnapshot();
  const outcome = setPending(w.lms, before.context.outbox, before.matches({ interactions: 'accepted' }));
  w.life.send({ type: 'valuesSet', outcome });
  const allSet = outcome.failed === null;
  return w.life.getSnapshot().matches({ commit: 'wanted' }) ? commit(w, allSet) : allSet;
}

/** Commits what was set, even if some values failed: one bad value must not hold back the rest. */
function commit(w: Wiring, allSet: boolean): boolean {
  const { lms, version, life } = w;
  const time = lms.setValue(w.names.sessionTime, sessionTime(version, w.sessionSeconds()));
  if (!time.ok && !isPermanentError(version, time.error.code)) life.send({ type: 'failed', call: 'SetValue', error: time.error });
  const result = lms.commit();
  if (!result.ok) life.send({ type: 'failed', call: 'Commit', error: result.error });
  life.send({ type: 'committed', ok: result.ok, complete: allSet });
  if (!result.ok) return false;
  keepMirror(w);
  return allSet;
}

// ------------------------------------------------------------ record store
/** The values the LMS should hold for a record (none before the machine says where the course stands). */
function record(w: Wiring, saved: ProgressRecord) {
  const { local } = w;
  local.record = saved;
  local.savedAt = Math.max(w.now(), local.savedAt + 1);
  const encoded = encodeSuspendData(saved, { savedAt: local.savedAt });
  const floor = w.life.getSnapshot().context.outbox.floor;
  const values = local.standing === null ? [] : cmiValues(w.version, saved, local.standing, encoded.text, floor);
  w.life.send({ type: 'recorded', values, suspendDataLength: encoded.text?.length ?? null, reduced: encoded.reduced });
}

function recordStore(
  w: Wiring,
  { launch, mirror, requestSync, publish }: { launch: LaunchData | null; mirror: Mirror | null; requestSync: () => void; publish: () => void },
): ProgressStore {
  const localStore = createLocalStorageStore(w.storage, w.course.id);
  return {
    load() {
      const start = startFrom(w.course, launch, mirror);
      w.local.start = start;
      w.life.send({ type: 'restored', from: start.restoredFrom, interactions: start.interactions });
      return start.load;
    },
    save(saved) {
      if (noWrites(w)) return { ok: true };
      // The learner moved to another lesson: commit the bookmark once they stay there.
      if (w.local.record !== null && w.local.record.currentLessonId !== saved.currentLessonId) w.life.send({ type: 'lessonChanged' });
      record(w, saved);
      const kept = keepMirror(w);
      requestSync();
      publish();
      return kept || (wasOpened(w.life.getSnapshot()) && !finished(w)) ? { ok: true } : { ok: false, reason: 'unavailable' };
    },
    setAside(raw, reason) {
      // The LMS's record could not be used: keep a copy in this browser before it is overwritten.
      const fromLms = w.local.start?.lmsRecordRejected === true;
      return localStore.setAside(fromLms ? `${w.names.suspendData} (SCORM ${w.version}): ${raw}` : raw, reason);
    },
    started(saved) {
      // The session has started: report the starting state and commit it.
      if (!noWrites(w) && !finished(w)) {
        record(w, saved);
        keepMirror(w);
        w.life.send({ type: 'wantCommit' });
      }
      publish();
    },
  };
}

// ---------------------------------------------------------------- listener
function attachFacts(w: Wiring, facts: CourseFacts, prompts: ScormTrackingOptions['questionPrompts']) {
  const { course, version, life, local } = w;
  facts.on('*', (fact) => {
    local.standing = nextStanding(local.standing, fact);
  });
  facts.on('tracking.questionAnswered', (event: Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>) => {
    const question = course.checks[event.checkId]?.questions.find((q) => q.id === event.questionId);
    if (!question) return;
    const promptText = prompts?.[event.checkId]?.[event.questionId] ?? '';
    const fields = interactionFields(version, { event, question, promptText, latencySeconds: event.latencySeconds, lang: course.locale });
    life.send({ type: 'answered', fields });
  });
  for (const type of COMMIT_FACTS) facts.on(type, () => life.send({ type: 'wantCommit' }));
}

// --------------------------------------------------------------- end, page
/** The page is hidden: send everything now, even while a retry waits. */
function flush(w: Wiring, retry: Retry, publish: () => void) {
  if (finished(w) || noWrites(w)) return;
  w.life.send({ type: 'commitNow' });
  retry.now();
  publish();
}

/** The page is closing: commit, terminate, once; what the LMS did not confirm stays here. */
function finish(w: Wiring, retry: Retry, publish: () => void) {
  if (finished(w)) return;
  let delivered = true;
  if (!noWrites(w)) {
    w.life.send({ type: 'commitNow' });
    delivered = retry.now();
  }
  retry.stop();
  if (wasOpened(w.life.getSnapshot())) {
    const end = w.lms.terminate();
    if (!end.ok) {
      w.life.send({ type: 'failed', call: w.version === '1.2' ? 'LMSFinish' : 'Terminate', error: end.error });
      delivered = false;
    }
  }
  w.life.send({ type: 'ended', delivered });
  keepMirror(w);
  publish();
}

/** `cmi.mode` as the LMS gave it; anything else (an empty or odd value) is a normal launch. */
function scormLaunchMode(mode: string | null | undefined): LaunchMode {
  return mode === 'review' || mode === 'browse' ? mode : 'normal';
}

/**
 * The SCORM tracking adapter: a {@link ProgressStore} the course session loads and saves
 * through, plus a listener on the machine's `tracking.*` events (attached with
 * `startCourseSession({ beforeStart: tracking.attach })`): a {@link TrackingAdapter}. The
 * machine never knows an LMS is there.
 *
 * - **Start**: `Initialize` once, read the learner, the bookmark, the suspend data and the
 *   statuses. `load()` prefers the LMS's record; a copy in this browser wins only when the LMS
 *   never confirmed it and it is newer (see {@link chooseStart}).
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
import { isPermanentError, type LmsError, type ScormConnection } from './api.ts';
import { createRetry, globalTimers, type BackoffOptions, type Timers } from './backoff.ts';
import { isReadOnly, phaseOf, savingState, scormConnectionMachine, wasOpened, writesNothing } from './connection.ts';
import { cmiValues, ELEMENTS, STATUS_ELEMENTS, statusRank } from './cmi-values.ts';
import { sessionTime, type ScormVersion } from './formats.ts';
import { interactionFields, type InteractionFields } from './interactions.ts';
import { chooseStart, lastLearnerKey, mirrorKey, readMirror, type LaunchData, type Mirror } from './mirror.ts';
import { decodeSuspendData, encodeSuspendData, type Reduction } from './suspend-data.ts';
import { readLmsHoldings, roundTripLanguage, type LmsReading, type RoundTrip } from './trainer.ts';

/** How many times one value or interaction may be refused while other calls succeed before it is given up. */
export const MAX_REFUSALS = 5;

/**
 * How long the learner stays on a lesson before the bookmark is committed (ms). Moving through
 * several lessons quickly commits once; the commit at unload is then only a safety net.
 */
export const BOOKMARK_COMMIT_MS = 1500;

export interface ScormStatus {
  standard: ScormVersion;
  /**
   * `saved`: the LMS has confirmed everything; `pending`: changes wait for the next commit;
   * `retrying`: a call failed and is being retried; `ended`: the LMS session is over with
   * changes it never confirmed (they are sent on the next launch).
   */
  state: 'saved' | 'pending' | 'retrying' | 'ended';
  initialized: boolean;
  /** The LMS session has ended (`Terminate` / `LMSFinish` was called). */
  finished: boolean;
  /** Failed tries since the last success. */
  failures: number;
  lastError: (LmsError & { call: string }) | null;
  /** Where this launch's progress came from. */
  restoredFrom: 'lms' | 'browser' | 'none';
  /** Length of the last suspend data written (of 4,096). */
  suspendDataLength: number | null;
  /** How the last record had to be shortened to fit in the suspend data. */
  reduced: Reduction[];
  /** Values and interactions the LMS refused, which are not retried. */
  refused: Array<{ element: string; error: LmsError }>;
  /** `review` or `browse` launches change nothing in the LMS. */
  readOnly: boolean;
}

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

interface QueuedInteraction {
  fields: InteractionFields;
  index: number | null;
  sent: boolean;
}

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
  const localStore = createLocalStorageStore(storage, course.id);

  // ------------------------------------------------------------- state
  /** Where the session is (connecting, connected, retrying, read-only, refused, ended): connection.ts. */
  const life = createActor(scormConnectionMachine).start();
  /** The LMS session is over: terminated by us, or refused by the LMS (2004 error 104). */
  const finished = () => phaseOf(life.getSnapshot()) === 'ended';
  /** Initialize has succeeded. */
  const initialized = () => wasOpened(life.getSnapshot());
  /** Once ended: whether the LMS confirmed everything before the end (`null` before the end). */
  const deliveredAtEnd = () => life.getSnapshot().context.end?.delivered ?? null;
  let learnerKey = mirrorKey(course.id, version, '');
  /** Element values the LMS should hold. */
  const desired = new Map<string, string>();
  /** Elements whose desired value the LMS has not confirmed with a commit. */
  const unsent = new Set<string>();
  /** Elements whose desired value must (again) be set before the next commit. */
  const toSet = new Set<string>();
  /** Element → times the LMS failed it while answering other calls. */
  const refusals = new Map<string, number>();
  /** Highest status values the LMS has had: never lowered. */
  const floor = new Map<string, string>();
  const queue: QueuedInteraction[] = [];
  let nextInteraction = 0;
  let commitWanted = false;
  /** Session seconds of an earlier launch the LMS never got. */
  let carriedSeconds = 0;
  let lastRecord: ProgressRecord | null = null;
  let lastSavedAt = 0;

  let status: ScormStatus = {
    standard: version,
    state: 'pending',
    initialized: false,
    finished: false,
    failures: 0,
    lastError: null,
    restoredFrom: 'none',
    suspendDataLength: null,
    reduced: [],
    refused: [],
    readOnly: false,
  };
  /** What the UI sees: `status` as last published. */
  const published = createStatusStore(status);
  const hasUnsent = () => unsent.size > 0 || queue.length > 0;
  /** The LMS refused the record or the bookmark: only this browser has them, so its copy must win next time. */
  let recordRefused = false;
  /** The LMS refused an interaction's id: it does not take interactions, stop sending them. */
  let interactionsRefused = false;
  /** `savedAt` of the record this session started from (0: a fresh start). */
  let startedFromSavedAt = 0;
  /** Nothing is written to the LMS: review mode, or newer progress there (the `refused` state). */
  const noWrites = () => writesNothing(life.getSnapshot());

  const publish = () => {
    const snapshot = life.getSnapshot();
    const next = {
      ...status,
      state: savingState(snapshot, hasUnsent()),
      initialized: wasOpened(snapshot),
      finished: finished(),
      failures: retry.failures,
      readOnly: isReadOnly(snapshot),
    };
    status = next;
    published.set(next);
  };
  const fail = (call: string, error: LmsError) => {
    status = { ...status, lastError: { ...error, call } };
  };
  const refuse = (element: string, error: LmsError) => {
    if (element === names.suspendData || element === names.location) recordRefused = true;
    status = { ...status, refused: [...status.refused.filter((r) => r.element !== element), { element, error }] };
  };

  const sessionSeconds = () => carriedSeconds + Math.max(0, now() - startedAt) / 1000;

  /** Keeps the learner's state in this browser; `pending` until the LMS confirms it. */
  const writeMirror = (): boolean => {
    if (storage === undefined) return false;
    if (noWrites()) return true;
    const pending = hasUnsent() || recordRefused || deliveredAtEnd() === false;
    const mirror: Mirror = {
      v: 1,
      savedAt: lastSavedAt,
      record: lastRecord,
      pending,
      interactions: queue.map((q) => q.fields),
      // The LMS adds a session's time when the session ends properly; until then it is unsent.
      unsentSeconds: deliveredAtEnd() === true ? 0 : sessionSeconds(),
    };
    try {
      storage.setItem(learnerKey, JSON.stringify(mirror));
      return true;
    } catch {
      return false;
    }
  };

  // -------------------------------------------------------------- sync
  const initialize = (): boolean => {
    const result = lms.initialize();
    // SCORM 2004 103: already initialized (by this page before a reload): the session is open.
    if (result.ok || (version === '2004' && result.error.code === 103)) return true;
    fail('Initialize', result.error);
    // SCORM 2004 104: this LMS session was terminated; only a new launch from the LMS can help.
    if (version === '2004' && result.error.code === 104) life.send({ type: 'ended', delivered: false });
    return false;
  };

  /** Sets what is due, then commits when a commit is wanted. True when nothing failed. */
  const sync = (): boolean => {
    if (finished()) return false;
    if (noWrites()) return true;
    if (!initialized()) {
      if (!initialize()) return false;
      life.send({ type: 'opened', readOnly: false });
      if (!lateStart()) return true;
      readInteractionCount();
      for (const element of desired.keys()) toSet.add(element);
    }
    /** Calls the LMS answered (accepted or refused): proof it is up. */
    let answered = 0;
    const failures: Array<{ element: string; error: LmsError; giveUp: () => void }> = [];

    for (const element of [...toSet]) {
      const value = desired.get(element);
      if (value === undefined) {
        toSet.delete(element);
        continue;
      }
      const result = lms.setValue(element, value);
      if (result.ok) {
        answered += 1;
        toSet.delete(element);
        refusals.delete(element);
        if (element === names.suspendData || element === names.location) recordRefused = false;
        if (STATUS_ELEMENTS[version].includes(element)) raiseFloor(element, value);
      } else if (isPermanentError(version, result.error.code)) {
        answered += 1;
        toSet.delete(element);
        unsent.delete(element);
        refuse(element, result.error);
      } else {
        const { error } = result;
        failures.push({
          element,
          error,
          giveUp: () => {
            toSet.delete(element);
            unsent.delete(element);
            refuse(element, error);
          },
        });
      }
    }

    const dropped = new Set<QueuedInteraction>();
    for (const item of queue) {
      if (interactionsRefused) break;
      if (item.sent) continue;
      const index = item.index ?? nextInteraction;
      const refusedFields = new Set<string>();
      let failedField = false;
      for (const [field, value] of item.fields) {
        const element = `cmi.interactions.${index}.${field}`;
        const result = lms.setValue(element, value);
        if (result.ok) {
          answered += 1;
          if (item.index === null) {
            // The id is set: this record now owns the index (SCORM 1.2 allows no gaps).
            item.index = index;
            nextInteraction = index + 1;
          }
        } else if (isPermanentError(version, result.error.code) && field !== 'id') {
          answered += 1;
          refusedFields.add(field);
          refuse(element, result.error);
        } else if (isPermanentError(version, result.error.code)) {
          answered += 1;
          interactionsRefused = true;
          refuse(element, result.error);
          failedField = true;
          break;
        } else {
          const { error } = result;
          failures.push({ element: `interaction:${item.fields[0]?.[1] ?? ''}:${index}`, error, giveUp: () => dropped.add(item) });
          failedField = true;
          break;
        }
      }
      if (refusedFields.size > 0) item.fields = item.fields.filter(([field]) => !refusedFields.has(field));
      if (!failedField) item.sent = true;
    }

    if (failures.length > 0 && answered === 0) {
      // Only failures: is the LMS down, or refusing just these? A read that works says it is up.
      if (lms.getValue(names.location).ok) answered = 1;
    }
    if (failures.length > 0 && answered > 0) {
      // The LMS is up but keeps failing these: give up on each after a few tries.
      for (const failure of failures) {
        const count = (refusals.get(failure.element) ?? 0) + 1;
        refusals.set(failure.element, count);
        if (count >= MAX_REFUSALS) {
          refusals.delete(failure.element);
          failure.giveUp();
          refuse(failure.element, failure.error);
        }
      }
    }
    if (interactionsRefused) queue.splice(0, queue.length);
    if (dropped.size > 0) {
      for (let i = queue.length - 1; i >= 0; i -= 1) if (dropped.has(queue[i]!)) queue.splice(i, 1);
    }
    const setFailed = failures.length > 0;
    if (setFailed) fail('SetValue', failures[0]!.error);
    if (!commitWanted) return !setFailed;

    // Commit what was set, even if some values failed: one bad value must not hold back the rest.
    const time = lms.setValue(names.sessionTime, sessionTime(version, sessionSeconds()));
    if (!time.ok && !isPermanentError(version, time.error.code)) fail('SetValue', time.error);
    const commit = lms.commit();
    if (!commit.ok) {
      fail('Commit', commit.error);
      // Set everything again before the next commit, in case the LMS dropped what it had.
      for (const element of unsent) toSet.add(element);
      for (const item of queue) item.sent = false;
      return false;
    }
    for (const element of [...unsent]) if (!toSet.has(element)) unsent.delete(element);
    for (let i = queue.length - 1; i >= 0; i -= 1) if (queue[i]!.sent) queue.splice(i, 1);
    if (!setFailed) commitWanted = false;
    writeMirror();
    return !setFailed;
  };

  const retry = createRetry(
    () => {
      const ok = sync();
      if (!ok) writeMirror();
      return ok;
    },
    {
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      onChange: (failures) => {
        life.send({ type: 'tried', failures });
        publish();
      },
    },
  );

  let syncQueued = false;
  /** Syncs once the current machine transition has been saved (emitted events come first). */
  const requestSync = () => {
    if (syncQueued || finished()) return;
    syncQueued = true;
    queueMicrotask(() => {
      syncQueued = false;
      if (finished()) return;
      retry.request();
      publish();
    });
  };

  /**
   * The LMS answered only after the course had started without it. Its record wins if it is
   * newer than the one this session started from (the learner went on elsewhere): it is not
   * overwritten, and this session changes nothing more in the LMS. Returns whether to go on.
   */
  function lateStart(): boolean {
    const id = lms.getValue(names.learnerId);
    const held = lms.getValue(names.suspendData);
    const decoded = held.ok ? decodeSuspendData(held.value) : null;
    const lmsSavedAt = decoded?.kind === 'ok' ? (decoded.savedAt ?? Number.MAX_SAFE_INTEGER) : 0;
    if (decoded !== null && decoded.kind !== 'empty' && lmsSavedAt > startedFromSavedAt) {
      refuse(names.suspendData, { code: 0, message: 'The LMS holds newer progress from another session; it was not overwritten.' });
      recordRefused = false;
      unsent.clear();
      toSet.clear();
      queue.splice(0, queue.length);
      writeMirror(); // no longer pending: the next launch takes the LMS's record
      life.send({ type: 'lmsNewer' });
      return false;
    }
    if (id.ok) {
      learnerKey = mirrorKey(course.id, version, id.value);
      rememberLearner(id.value);
    }
    for (const element of STATUS_ELEMENTS[version]) {
      const value = lms.getValue(element);
      if (value.ok && value.value) raiseFloor(element, value.value);
    }
    return true;
  }

  function rememberLearner(id: string) {
    try {
      storage?.setItem(lastLearnerKey(course.id, version), id);
    } catch {
      // Only a convenience for a launch whose Initialize fails.
    }
  }

  function raiseFloor(element: string, value: string) {
    const held = floor.get(element);
    if (held === undefined || statusRank(element, value) > statusRank(element, held)) floor.set(element, value);
  }

  function readInteractionCount() {
    const count = lms.getValue(names.interactionCount);
    const n = count.ok ? Number(count.value) : 0;
    nextInteraction = Number.isInteger(n) && n >= 0 ? n : 0;
  }

  // ------------------------------------------------------------ launch
  const launch: LaunchData = {
    learnerId: '',
    suspendData: '',
    location: '',
    entry: '',
    mode: '',
    interactionCount: 0,
    statuses: new Map(),
  };
  if (initialize()) {
    const get = (element: string): string => {
      const result = lms.getValue(element);
      if (result.ok) return result.value;
      if (!isPermanentError(version, result.error.code)) fail('GetValue', result.error);
      return '';
    };
    launch.learnerId = get(names.learnerId);
    launch.entry = get(names.entry);
    launch.mode = get(names.mode);
    launch.location = get(names.location);
    launch.suspendData = get(names.suspendData);
    for (const element of STATUS_ELEMENTS[version]) {
      const value = get(element);
      launch.statuses.set(element, value);
      if (value) raiseFloor(element, value);
    }
    readInteractionCount();
    launch.interactionCount = nextInteraction;
    life.send({ type: 'opened', readOnly: launch.mode === 'review' || launch.mode === 'browse' });
    learnerKey = mirrorKey(course.id, version, launch.learnerId);
    rememberLearner(launch.learnerId);
  } else {
    // The learner is unknown: most likely the one who last launched the course in this browser.
    let last = '';
    try {
      last = storage?.getItem(lastLearnerKey(course.id, version)) ?? '';
    } catch {
      // No storage: an anonymous start.
    }
    learnerKey = mirrorKey(course.id, version, last);
  }
  const mirror = readMirror(storage, learnerKey);
  let lmsRecordRejected = false;

  // ------------------------------------------------------------- store
  /** Where the course stands, from the machine's facts (`tracking.started` comes first). */
  let standing: CourseStanding | null = null;

  function update(record: ProgressRecord) {
    lastRecord = record;
    lastSavedAt = Math.max(now(), lastSavedAt + 1);
    const encoded = encodeSuspendData(record, { savedAt: lastSavedAt });
    // The course machine reports where it stands first (`tracking.started`, once attached).
    const values = standing === null ? [] : cmiValues(version, record, standing, encoded.text, floor);
    for (const [element, value] of values) {
      if (desired.get(element) === value) continue;
      desired.set(element, value);
      unsent.add(element);
      toSet.add(element);
      refusals.delete(element);
    }
    status = { ...status, suspendDataLength: encoded.text?.length ?? null, reduced: encoded.reduced };
  }

  const store: ProgressStore = {
    load(): LoadResult {
      if (!initialized()) {
        // The LMS cannot be read: continue from this browser's last copy, if there is one.
        if (mirror?.record) {
          status = { ...status, restoredFrom: 'browser' };
          carriedSeconds = mirror.pending ? mirror.unsentSeconds : 0;
          startedFromSavedAt = mirror.savedAt;
          return { kind: 'ok', json: mirror.record };
        }
        return { kind: 'empty' };
      }
      const choice = chooseStart(course, launch, mirror);
      switch (choice.from) {
        case 'browser':
          status = { ...status, restoredFrom: 'browser' };
          carriedSeconds = choice.mirror.unsentSeconds;
          startedFromSavedAt = choice.mirror.savedAt;
          for (const fields of choice.mirror.interactions) queue.push({ fields, index: null, sent: false });
          return { kind: 'ok', json: choice.mirror.record };
        case 'lms':
          status = { ...status, restoredFrom: 'lms' };
          return { kind: 'ok', json: choice.json };
        case 'lms-unreadable':
          lmsRecordRejected = true;
          return { kind: 'ok', json: choice.json };
        case 'none':
          return { kind: 'empty' };
      }
    },
    save(record: ProgressRecord): SaveResult {
      if (noWrites()) return { ok: true };
      // The learner moved to another lesson: commit the bookmark once they stay there.
      if (lastRecord !== null && lastRecord.currentLessonId !== record.currentLessonId) scheduleBookmarkCommit();
      update(record);
      const kept = writeMirror();
      requestSync();
      publish();
      return kept || (initialized() && !finished()) ? { ok: true } : { ok: false, reason: 'unavailable' };
    },
    setAside(raw: string, reason: RejectReason): SaveResult {
      // The LMS's record could not be used: keep a copy in this browser before it is overwritten.
      return localStore.setAside(lmsRecordRejected ? `${names.suspendData} (SCORM ${version}): ${raw}` : raw, reason);
    },
    started(record: ProgressRecord): void {
      // The session has started: report the starting state and commit it.
      if (!noWrites() && !finished()) {
        update(record);
        writeMirror();
        wantCommit();
      }
      publish();
    },
  };

  // ---------------------------------------------------------- listener
  const onQuestion = (event: Extract<TrackingEvent, { type: 'tracking.questionAnswered' }>) => {
    if (noWrites() || finished() || interactionsRefused) return;
    const question = course.checks[event.checkId]?.questions.find((q) => q.id === event.questionId);
    if (!question) return;
    queue.push({
      fields: interactionFields(version, {
        event,
        question,
        promptText: options.questionPrompts?.[event.checkId]?.[event.questionId] ?? '',
        latencySeconds: event.latencySeconds,
        lang: course.locale,
      }),
      index: null,
      sent: false,
    });
  };
  const wantCommit = () => {
    if (noWrites() || finished()) return;
    commitWanted = true;
    requestSync();
  };

  // The bookmark: committed once the learner has stayed on a lesson for a moment (debounced).
  const timers = options.timers ?? globalTimers;
  let bookmarkTimer: unknown = null;
  const cancelBookmarkCommit = () => {
    if (bookmarkTimer !== null) timers.clearTimeout(bookmarkTimer);
    bookmarkTimer = null;
  };
  const scheduleBookmarkCommit = () => {
    if (noWrites() || finished()) return;
    cancelBookmarkCommit();
    bookmarkTimer = timers.setTimeout(() => {
      bookmarkTimer = null;
      // Only if the LMS has not had this bookmark yet (another commit may have carried it).
      if (unsent.has(names.location)) wantCommit();
    }, BOOKMARK_COMMIT_MS);
  };

  const attach = (facts: CourseFacts) => {
    facts.on('*', (fact) => {
      standing = nextStanding(standing, fact);
    });
    facts.on('tracking.questionAnswered', onQuestion);
    for (const type of [
      'tracking.lessonCompleted',
      'tracking.checkSubmitted',
      'tracking.courseCompleted',
      'tracking.coursePassed',
      'tracking.courseFailed',
      'tracking.courseRestarted',
    ] as const) {
      facts.on(type, wantCommit);
    }
  };

  // --------------------------------------------------------- end, page
  const flush = () => {
    if (finished() || noWrites()) return;
    commitWanted = true;
    retry.now();
    publish();
  };

  const finish = () => {
    if (finished()) return;
    let delivered = true;
    if (!noWrites()) {
      commitWanted = true;
      delivered = retry.now();
    }
    retry.stop();
    cancelBookmarkCommit();
    if (initialized()) {
      const end = lms.terminate();
      if (!end.ok) {
        fail(version === '1.2' ? 'LMSFinish' : 'Terminate', end.error);
        delivered = false;
      }
    }
    life.send({ type: 'ended', delivered });
    // Whatever the LMS did not confirm stays in this browser for the next launch.
    writeMirror();
    publish();
  };

  // ----------------------------------------------------------- trainer
  const open = () => initialized() && !finished();
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

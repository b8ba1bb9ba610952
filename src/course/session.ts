/**
 * A course session: loads saved progress from a {@link ProgressStore}, starts the course
 * actor from it, and saves a new record whenever the record changes. The UI creates one
 * session per course and reads `restoreReport` and `saveStatus` to tell the learner what
 * happened to their progress.
 */
import { createActor, initialTransition } from 'xstate';
import type { CompiledCourse } from '../content/types.ts';
import { createCourseMachine, type CourseActor } from './machine.ts';
import {
  parseProgressRecord,
  toProgressRecord,
  type DroppedItem,
  type ProgressRecord,
  type RejectReason,
} from './progress-record.ts';
import type { LoadResult, ProgressStore, SaveFailure, SaveResult } from './progress-store.ts';
import { createInitialContext } from './progress.ts';
import type { CourseContext } from './types.ts';

/** What happened to saved progress when the session started. */
export type RestoreReport =
  /** Nothing was saved: a new start. */
  | { kind: 'fresh' }
  /** Saved progress was restored as it was. */
  | { kind: 'resumed' }
  /**
   * Saved progress was restored, but not all of it: the course content changed since it was
   * saved (`contentChanged`), and/or parts of it could not be read (`damaged`). `dropped` says
   * what was lost.
   */
  | { kind: 'migrated'; dropped: DroppedItem[]; fromContentVersion: string; contentChanged: boolean; damaged: boolean }
  /**
   * Saved progress could not be used; the course starts fresh. `keptAside` says whether the
   * old record was kept under another key (if not, this session does not save, so it is not
   * overwritten).
   */
  | { kind: 'rejected'; reason: RejectReason; keptAside: boolean }
  /** Storage cannot be read on this device: a new start, and progress will not be saved. */
  | { kind: 'storage-unavailable' };

/** Whether progress is being saved. */
export type SaveStatus =
  | { state: 'ok' }
  /** The last save failed (or saving is suspended): "progress cannot be saved on this device". */
  | { state: 'failing'; reason: SaveFailure };

/** A tiny external store, usable with React's `useSyncExternalStore`. */
export interface SaveStatusStore {
  getSnapshot(): SaveStatus;
  subscribe(listener: () => void): () => void;
}

export interface CourseSession {
  actor: CourseActor;
  restoreReport: RestoreReport;
  saveStatus: SaveStatusStore;
  /** Stops the actor and saving. */
  stop(): void;
}

export interface StartCourseSessionOptions {
  course: CompiledCourse;
  store: ProgressStore;
  /** Clock for the machine's timestamps. */
  now?: () => Date;
  /**
   * Called with the actor before it starts, so tracking adapters can `actor.on(…)` and not
   * miss events emitted while starting (e.g. a course completed by a content migration).
   */
  beforeStart?: (actor: CourseActor) => void;
  /**
   * Where the learner opens the course, used when nothing is saved: the lesson of a deep link,
   * or `null` for a page that is not a lesson (no lesson is marked visited before the learner
   * opens one). Left out: the first lesson, marked visited.
   */
  startLessonId?: string | null;
}

function safeLoad(store: ProgressStore): LoadResult {
  try {
    return store.load();
  } catch (error) {
    return { kind: 'unavailable', error };
  }
}

function safeSave(write: () => SaveResult): SaveResult {
  try {
    return write();
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

function toText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/**
 * Starts a course session.
 *
 * @example
 * const { actor, restoreReport, saveStatus } = startCourseSession({
 *   course,
 *   store: createLocalStorageStore(getLocalStorage(), course.id),
 * });
 * if (restoreReport.kind === 'migrated') showNotice(restoreReport.dropped);
 */
export function startCourseSession(options: StartCourseSessionOptions): CourseSession {
  const { course, store } = options;
  let restoreReport: RestoreReport = { kind: 'fresh' };
  let record: ProgressRecord | undefined;
  /** The record text the store holds, when known: no need to write it again. */
  let lastSaved: string | null = null;
  let status: SaveStatus = { state: 'ok' };
  /** Set when a rejected record could not be kept aside: never overwrite it. */
  let savingSuspended = false;

  const machine = createCourseMachine(course, options.now ? { now: options.now } : {});
  const loaded = safeLoad(store);
  if (loaded.kind === 'unavailable') {
    restoreReport = { kind: 'storage-unavailable' };
  } else if (loaded.kind === 'ok') {
    let parsed: ReturnType<typeof parseProgressRecord>;
    try {
      parsed = parseProgressRecord(loaded.json, course);
      // Start-up is never left half-done: the record must give the machine a starting state.
      // `initialTransition` is pure, so a record that makes it throw costs nothing.
      if (parsed.kind === 'ok') initialTransition(machine, { record: parsed.record });
    } catch {
      parsed = { kind: 'rejected', reason: 'corrupt', raw: loaded.json };
    }
    if (parsed.kind === 'ok') {
      record = parsed.record;
      if (parsed.dropped.length > 0 || parsed.contentChanged) {
        restoreReport = {
          kind: 'migrated',
          dropped: parsed.dropped,
          fromContentVersion: parsed.previousContentVersion,
          contentChanged: parsed.contentChanged,
          damaged: parsed.damaged,
        };
      } else {
        restoreReport = { kind: 'resumed' };
        lastSaved = JSON.stringify(parsed.record);
      }
    } else if (parsed.kind === 'rejected') {
      const { raw, reason } = parsed;
      const aside = safeSave(() => store.setAside(toText(raw), reason));
      restoreReport = { kind: 'rejected', reason, keptAside: aside.ok };
      if (!aside.ok) {
        savingSuspended = true;
        status = { state: 'failing', reason: aside.reason };
      }
    }
  }

  const listeners = new Set<() => void>();
  const setStatus = (next: SaveStatus): void => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    for (const listener of [...listeners]) listener();
  };

  const persist = (context: CourseContext): void => {
    if (savingSuspended) return;
    const next = toProgressRecord(context);
    const text = JSON.stringify(next);
    if (text === lastSaved) return;
    const result = safeSave(() => store.save(next));
    if (result.ok) {
      lastSaved = text;
      setStatus({ state: 'ok' });
    } else {
      setStatus({ state: 'failing', reason: result.reason });
    }
  };

  const actor = createActor(machine, {
    input: record ? { record } : options.startLessonId !== undefined ? { startLessonId: options.startLessonId } : {},
  });
  options.beforeStart?.(actor);
  const subscription = actor.subscribe((snapshot) => persist(snapshot.context));
  actor.start();
  persist(actor.getSnapshot().context);
  try {
    store.started?.(toProgressRecord(actor.getSnapshot().context));
  } catch {
    // A store never throws; one that does must not stop the course.
  }

  return {
    actor,
    restoreReport,
    saveStatus: {
      getSnapshot: () => status,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    stop: () => {
      subscription.unsubscribe();
      actor.stop();
      listeners.clear();
    },
  };
}

/**
 * "Start again" after the player stopped on an error: keeps the saved record aside (never
 * deletes it) and saves a fresh start in its place, so the next load begins anew. Never throws.
 *
 * @example
 * startAgain(course, tracking.store); location.assign(home);
 */
export function startAgain(course: CompiledCourse, store: ProgressStore): void {
  const loaded = safeLoad(store);
  if (loaded.kind === 'ok') {
    const aside = safeSave(() => store.setAside(toText(loaded.json), 'corrupt'));
    if (!aside.ok) return; // never overwrite a record that could not be kept
  }
  safeSave(() => store.save(toProgressRecord(createInitialContext(course))));
}

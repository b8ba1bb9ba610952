/**
 * Start-up choice of where progress goes.
 *
 * - The plain web build: local storage, as always.
 * - An LMS package (`npm run package` marks every page with
 *   `<meta name="course-player-lms" content="scorm-1.2|scorm-2004">`): look for that edition's
 *   API the way the standard describes. Found: the SCORM adapter, loaded only then (its own
 *   chunk, so the web build does not carry it). Not found (the package was opened outside an
 *   LMS): local storage, and the player says so unobtrusively.
 *
 * The UI finds the choice for its course actor with {@link lmsConnectionFor} (the trainer page,
 * the status notice); nothing here is a module-wide singleton.
 */
import type { CompiledCourse } from '../content/types.ts';
import type { CourseActor } from '../course/machine.ts';
import type { ProgressStore } from '../course/progress-store.ts';
import { selectCompletion, selectCurrentLesson, type CourseState } from '../course/selectors.ts';
import type { RestoreReport } from '../course/session.ts';
import { createLocalStorageStore } from './local-storage.ts';
import type { SearchableWindow } from './scorm/api.ts';
import type { ScormVersion } from './scorm/formats.ts';
import type { ScormStatus, ScormTracking, StatusStore } from './scorm/scorm-tracking.ts';

/** The name of the meta tag that tells a packaged player which SCORM edition its package is. */
export const LMS_META_NAME = 'course-player-lms';

/** The meta tag's value for each edition. */
export const LMS_META_VALUES: Record<ScormVersion, string> = { '1.2': 'scorm-1.2', '2004': 'scorm-2004' };

/** The edition a packaged page was built for, or `null` for the plain web build. */
export function packagedStandard(doc: Pick<Document, 'querySelector'> | undefined): ScormVersion | null {
  const content = doc?.querySelector(`meta[name="${LMS_META_NAME}"]`)?.getAttribute('content');
  if (content === LMS_META_VALUES['1.2']) return '1.2';
  if (content === LMS_META_VALUES['2004']) return '2004';
  return null;
}

export type LmsConnection =
  /** The plain web build: progress stays in this browser, nothing to say. */
  | { mode: 'web' }
  /** An LMS package opened where no LMS answered. */
  | { mode: 'local'; expected: ScormVersion; searchedLevels: number }
  | { mode: 'lms'; standard: ScormVersion; tracking: ScormTracking };

/** The status the UI shows. */
export type LmsStatus =
  | { mode: 'web' }
  | { mode: 'local'; expected: ScormVersion }
  | ({ mode: 'lms' } & ScormStatus);

const connections = new WeakMap<CourseActor, LmsConnection>();

/**
 * The LMS connection of a course actor (registered when its session starts), or `null` when the
 * session was started without one (pre-rendering, tests).
 *
 * @example
 * const lms = lmsConnectionFor(useCourseActor());
 */
export function lmsConnectionFor(actor: CourseActor): LmsConnection | null {
  return connections.get(actor) ?? null;
}

const fixedStore = (status: LmsStatus): StatusStore<LmsStatus> => ({
  getSnapshot: () => status,
  subscribe: () => () => undefined,
});
const WEB_STORE = fixedStore({ mode: 'web' });
const statusStores = new WeakMap<LmsConnection, StatusStore<LmsStatus>>();

/**
 * A store of the connection's status, for `useSyncExternalStore` (the same store each time).
 *
 * @example
 * const store = lmsStatusStore(lmsConnectionFor(actor));
 * const status = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
 */
export function lmsStatusStore(connection: LmsConnection | null): StatusStore<LmsStatus> {
  if (connection === null || connection.mode === 'web') return WEB_STORE;
  const known = statusStores.get(connection);
  if (known) return known;
  let store: StatusStore<LmsStatus>;
  if (connection.mode === 'local') {
    store = fixedStore({ mode: 'local', expected: connection.expected });
  } else {
    const { tracking } = connection;
    let last: ScormStatus | null = null;
    let wrapped: LmsStatus = { mode: 'web' };
    store = {
      getSnapshot: () => {
        const current = tracking.status.getSnapshot();
        if (current !== last) {
          last = current;
          wrapped = { mode: 'lms', ...current };
        }
        return wrapped;
      },
      subscribe: (listener) => tracking.status.subscribe(listener),
    };
  }
  statusStores.set(connection, store);
  return store;
}

export interface TrackingChoice {
  store: ProgressStore;
  /** Pass to `startCourseSession`: attaches the adapter and registers the connection. */
  beforeStart: (actor: CourseActor) => void;
  connection: LmsConnection;
}

export interface ChooseTrackingOptions {
  course: CompiledCourse;
  storage: Storage | undefined;
  /** The player's window (the API search starts here; page events are listened to here). */
  window?: (SearchableWindow & Pick<Window, 'addEventListener'>) | undefined;
  document?: (Pick<Document, 'querySelector' | 'addEventListener'> & { visibilityState?: DocumentVisibilityState }) | undefined;
}

/**
 * Chooses the progress store at start-up.
 *
 * @example
 * const tracking = await chooseTracking({ course, storage: getLocalStorage(), window, document });
 * const session = startCourseSession({ course, store: tracking.store, beforeStart: tracking.beforeStart });
 */
export async function chooseTracking(options: ChooseTrackingOptions): Promise<TrackingChoice> {
  const { course, storage, window: win, document: doc } = options;
  const local = (connection: LmsConnection): TrackingChoice => ({
    store: createLocalStorageStore(storage, course.id),
    beforeStart: (actor) => connections.set(actor, connection),
    connection,
  });

  const standard = packagedStandard(doc);
  if (standard === null || win === undefined) return local({ mode: 'web' });
  const { connectScorm, findScormApi, MAX_SEARCH_LEVELS } = await import('./scorm/api.ts');
  const found = findScormApi(win, standard);
  if (found === null) return local({ mode: 'local', expected: standard, searchedLevels: MAX_SEARCH_LEVELS });

  const [{ createScormTracking }, { questionPrompts }] = await Promise.all([
    import('./scorm/scorm-tracking.ts'),
    import('virtual:course-prompts'),
  ]);
  const tracking = createScormTracking({ course, connection: connectScorm(found), storage, questionPrompts });
  const connection: LmsConnection = { mode: 'lms', standard, tracking };
  // Leaving: commit and terminate, once. Hidden (tab switched, phone locked): commit now, since
  // a page that is hidden may be discarded without any other event.
  win.addEventListener('pagehide', () => tracking.finish());
  doc?.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') tracking.flush();
  });
  return {
    store: tracking.store,
    beforeStart: (actor) => {
      connections.set(actor, connection);
      tracking.beforeStart(actor);
    },
    connection,
  };
}

/**
 * Where an LMS relaunch should open. An LMS always launches the package's start page, but a learner
 * relaunching an unfinished course has already chosen to continue it, so the player opens the lesson
 * they left (the record's current lesson). Not when nothing was restored, when the course is
 * finished (the home page then leads to the results), or when the restore has something to say
 * (the learner reads it on the page they land on before going on).
 */
export function lmsResumeLessonId(connection: LmsConnection, restoreReport: RestoreReport, state: CourseState): string | null {
  if (connection.mode !== 'lms' || restoreReport.kind !== 'resumed') return null;
  if (selectCompletion(state).status === 'complete') return null;
  return selectCurrentLesson(state).id;
}

/**
 * Start-up choice of where progress goes: one {@link TrackingAdapter} per course session.
 *
 * - The plain web build: local storage, as always.
 * - An LMS package (`npm run package` marks every page with
 *   `<meta name="course-player-lms" content="scorm-1.2|scorm-2004">`): the standard that claims
 *   the meta value connects (SCORM: scorm/standard.ts; its adapter is loaded only then, in its
 *   own chunk). A package opened outside an LMS falls back to local storage, and says so.
 *
 * The choice (connection and status) goes into the course runtime (src/app/course-context.tsx);
 * nothing here is a module-wide singleton.
 */
import type { CompiledCourse } from '../content/types.ts';
import { selectStartOrResume, type CourseState } from '../course/selectors.ts';
import type { RestoreReport } from '../course/session.ts';
import type { TrackingAdapter } from './adapter.ts';
import { createLocalStorageAdapter } from './local-storage.ts';
import type { SearchableWindow } from './scorm/api.ts';
import type { ScormVersion } from './scorm/formats.ts';
import type { ScormStatus, ScormTracking } from './scorm/scorm-tracking.ts';
import { connectScormPackage, SCORM_META_VALUES, scormEdition } from './scorm/standard.ts';
import type { Cmi5Status, Cmi5Tracking } from './cmi5/adapter.ts';
import { connectCmi5Package, connectXapiPackage } from './cmi5/standard.ts';

/** The name of the meta tag that tells a packaged player which standard and edition its package is. */
export const LMS_META_NAME = 'course-player-lms';

/** The meta tag's value for each SCORM edition. */
export const LMS_META_VALUES = SCORM_META_VALUES;

/**
 * The standards a package can be built for, in the order they are asked. Each claims the meta
 * values of its packages and connects them. Adding a standard: its folder, and one line here.
 */
const STANDARDS = [connectScormPackage, connectCmi5Package, connectXapiPackage] as const;

function packageMetaValue(doc: Pick<Document, 'querySelector'> | undefined): string | null {
  return doc?.querySelector(`meta[name="${LMS_META_NAME}"]`)?.getAttribute('content') ?? null;
}

/** Whether the page is from an LMS package (any standard): hash routes, no service worker. */
export function isLmsPackage(doc: Pick<Document, 'querySelector'> | undefined): boolean {
  return packageMetaValue(doc) !== null;
}

/** The SCORM edition a packaged page was built for, or `null` for the plain web build. */
export function packagedStandard(doc: Pick<Document, 'querySelector'> | undefined): ScormVersion | null {
  const value = packageMetaValue(doc);
  return value === null ? null : scormEdition(value);
}

export type LmsConnection =
  /** The plain web build: progress stays in this browser, nothing to say. */
  | { mode: 'web' }
  /** An LMS package opened where no LMS answered. */
  | { mode: 'local'; expected: ScormVersion | 'cmi5' | 'xapi'; searchedLevels: number }
  | { mode: 'lms'; standard: ScormVersion; tracking: ScormTracking }
  /** A cmi5 launch (the LMS check page reads the launch from `tracking.launch`). */
  | { mode: 'cmi5'; standard: 'cmi5'; tracking: Cmi5Tracking };

/** The status the UI shows. */
export type LmsStatus =
  | { mode: 'web' }
  | { mode: 'local'; expected: ScormVersion | 'cmi5' | 'xapi' }
  | ({ mode: 'lms' } & ScormStatus)
  | ({ mode: 'lms' } & Cmi5Status);

/**
 * How the LMS launched the course, in one vocabulary for every standard (SCORM's `cmi.mode`,
 * cmi5's launchMode): `review` shows the last answers, unchangeable; `review` and `browse` record
 * nothing. Outside an LMS, `normal`.
 */
export function lmsLaunchMode(status: LmsStatus): 'normal' | 'review' | 'browse' {
  if (status.mode !== 'lms') return 'normal';
  if (status.standard !== 'cmi5') return status.launchMode;
  return status.launchMode === 'Review' ? 'review' : status.launchMode === 'Browse' ? 'browse' : 'normal';
}

/** What the chooser picked: the connection (for the trainer page) and its adapter. */
export interface TrackingChoice {
  connection: LmsConnection;
  adapter: TrackingAdapter<LmsStatus>;
}

export interface ChooseTrackingOptions {
  course: CompiledCourse;
  storage: Storage | undefined;
  /** The player's window (the API search starts here; page events are listened to here). */
  window?: (SearchableWindow & Pick<Window, 'addEventListener'> & { location?: Pick<Location, 'search' | 'assign'> }) | undefined;
  document?: (Pick<Document, 'querySelector' | 'addEventListener'> & { visibilityState?: DocumentVisibilityState }) | undefined;
  /**
   * The launch URL's query (cmi5 launch parameters), read before the router starts; by default
   * the window's `location.search`.
   */
  search?: string | undefined;
  /** The interface languages the player has (a cmi5 launch shows the learner's preferred one of them). */
  uiLocales?: readonly string[] | undefined;
}

/**
 * Chooses the tracking adapter at start-up, and has it flush when the page is hidden and finish
 * when the page goes.
 *
 * @example
 * const { adapter, connection } = await chooseTracking({ course, storage: getLocalStorage(), window, document });
 * const session = startCourseSession({ course, store: adapter.records, beforeStart: adapter.attach });
 */
export async function chooseTracking(options: ChooseTrackingOptions): Promise<TrackingChoice> {
  const { course, storage, window: win, document: doc } = options;
  if (options.search === undefined) options = { ...options, search: win?.location?.search ?? '' };
  const metaValue = packageMetaValue(doc);
  let choice: TrackingChoice | null = null;
  for (const connect of metaValue === null ? [] : STANDARDS) {
    const connecting = connect(metaValue as string, options);
    if (connecting !== null) {
      choice = await connecting;
      break;
    }
  }
  if (choice === null) return { connection: { mode: 'web' }, adapter: createLocalStorageAdapter<LmsStatus>(storage, course.id, { mode: 'web' }) };
  const { adapter } = choice;
  // Leaving: commit and terminate, once. Hidden (tab switched, phone locked): commit now, since
  // a page that is hidden may be discarded without any other event.
  win?.addEventListener('pagehide', () => adapter.finish());
  doc?.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') adapter.flush();
  });
  return choice;
}

/**
 * Where an LMS relaunch should open. An LMS always launches the package's start page, but a learner
 * relaunching an unfinished course has already chosen to continue it, so the player opens the lesson
 * they left (the record's current lesson). Not when nothing was restored, when the course is
 * finished (the home page then leads to the results), or when the restore has something to say
 * (the learner reads it on the page they land on before going on).
 */
export function lmsResumeLessonId(connection: LmsConnection, restoreReport: RestoreReport, state: CourseState): string | null {
  if ((connection.mode !== 'lms' && connection.mode !== 'cmi5') || restoreReport.kind !== 'resumed') return null;
  const next = selectStartOrResume(state);
  return next.kind === 'resume' ? next.lessonId : null;
}

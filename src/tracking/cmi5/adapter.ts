/**
 * The cmi5 {@link TrackingAdapter} (loaded only for a cmi5 launch, see standard.ts):
 *
 * 1. reads the launch parameters (§8.1), fetches the token once (§8.2), reads `LMS.LaunchData` (§10);
 * 2. opens the session (session.ts keeps the §9.3 ordering), sends `initialized`;
 * 3. reads the progress record from the xAPI state document: the LMS's copy wins over the
 *    browser's, as with SCORM; each saved record goes to both;
 * 4. maps the machine's `tracking.*` facts to statements (events.ts);
 * 5. on `pagehide` (finish) sends `terminated` with keepalive; {@link Cmi5Tracking.exit} (the
 *    player's "Exit course") sends it and then goes to the LMS's returnURL (§10.2.6);
 * 6. while the LRS fails, tries again on its own (backing off up to 30 s), until it answers or
 *    refuses (401/403: never retried, the learner is told calmly).
 *
 * A Review launch shows the learner's last record and sends nothing (no statements, no state).
 *
 * Any failure to connect: the course runs on local storage and says so (`mode: 'local'`).
 */
import type { CompiledCourse } from '../../content/types.ts';
import type { ProgressStore } from '../../course/progress-store.ts';
import type { TrackingEvent } from '../../course/types.ts';
import { createStatusStore, mapStatusStore, type CourseFacts, type TrackingAdapter } from '../adapter.ts';
import { createLocalStorageAdapter, createLocalStorageStore } from '../local-storage.ts';
import type { ChooseTrackingOptions, LmsStatus, TrackingChoice } from '../lms.ts';
import { createCmi5Client } from './client.ts';
import { createEventMapper } from './events.ts';
import { learnerLanguage, readPreferencesWithin, rememberLanguagePick } from './language.ts';
import { parseLaunchData, parseLaunchUrl, type LaunchData, type LaunchParams } from './launch.ts';
import { parseXapiLaunch, xapiLaunchData } from './xapi-launch.ts';
import { createOutbox } from './queue.ts';
import { openCmi5Session, type Cmi5Session } from './session.ts';
import { roundTripState, statementReports, type StateRoundTrip, type StatementReport } from './trainer.ts';

/** The cmi5 connection's status, in the SCORM adapter's `state` vocabulary (LmsStatusNotice reads it). */
export interface Cmi5Status {
  standard: 'cmi5';
  /**
   * `saved`: nothing waits; `pending`: sending; `retrying`: the LRS failed, kept in the outbox and
   * tried again; `ended`: terminated, or the token refused, with items still waiting (sent at the
   * next launch; while the page stays open after Exit, still tried again).
   */
  state: 'saved' | 'pending' | 'retrying' | 'ended';
  initialized: boolean;
  finished: boolean;
  pending: number;
  rejected: number;
  refused: boolean;
  launchMode: LaunchData['launchMode'];
  restoredFrom: 'lms' | 'browser' | 'none';
  readOnly: boolean;
  /** The session's latest statements and what became of them (the LMS check page lists them). */
  statements: StatementReport[];
  /** The learner pressed Exit course and the LMS gave a returnURL: the page is going back to it. */
  leaving: boolean;
}

/** What the LMS check page shows of a cmi5 launch. */
export interface Cmi5LaunchInfo {
  endpoint: string;
  registration: string;
  activityId: string;
  launchMode: LaunchData['launchMode'];
  moveOn: LaunchData['moveOn'];
  masteryScore?: number;
  returnURL?: string;
}

export interface Cmi5Tracking extends TrackingAdapter<Cmi5Status> {
  readonly standard: 'cmi5';
  /** `xapi`: a plain xAPI (TinCan) launch, reporting the same statements without the cmi5 LMS's part. */
  readonly edition: 'cmi5' | 'xapi';
  readonly launch: Cmi5LaunchInfo;
  readonly session: Cmi5Session;
  /** The course's exit: terminate (awaited), then go to the returnURL when the LMS gave one. */
  exit(): Promise<'left' | 'ended'>;
  /** The UI locale the learner's cmi5 preferences ask for (§11), or `null`: keep the player's choice (language.ts). */
  readonly language: string | null;
  /** The learner picked a language in the player: later loads of this AU session keep it. */
  languagePicked(): void;
  /** The LMS check page's test: a state document of its own written and read back (trainer.ts). */
  checkState(): Promise<StateRoundTrip>;
}

function toState(session: Cmi5Session, finished: boolean): Cmi5Status['state'] {
  const s = session.status();
  if (s.pending === 0) return 'saved';
  // A refused token (401/403) is not retried: like an ended session, kept for the next launch.
  if (finished || s.refused) return 'ended';
  return s.lastFailure ? 'retrying' : 'pending';
}

function localFallback(course: CompiledCourse, storage: Storage | undefined, expected: 'cmi5' | 'xapi' = 'cmi5'): TrackingChoice {
  return {
    connection: { mode: 'local', expected, searchedLevels: 0 },
    adapter: createLocalStorageAdapter<LmsStatus>(storage, course.id, { mode: 'local', expected }),
  };
}

function connected(tracking: Cmi5Tracking): TrackingChoice {
  const status = mapStatusStore(tracking.status, (from): LmsStatus => ({ mode: 'lms', ...from }));
  return { connection: { mode: 'cmi5', standard: 'cmi5', tracking }, adapter: { ...tracking, status } };
}

export async function connectCmi5(search: string, options: ChooseTrackingOptions): Promise<TrackingChoice> {
  const { course, storage } = options;
  const parsed = parseLaunchUrl(search);
  if (!parsed.ok) return localFallback(course, storage);
  const tracking = await createCmi5Tracking({ course, launch: parsed.params, storage, location: options.window?.location, languages: options.uiLocales });
  return tracking === null ? localFallback(course, storage) : connected(tracking);
}

/** A plain xAPI (TinCan) launch of the xAPI package: the same session, statements and outbox. */
export async function connectXapi(search: string, options: ChooseTrackingOptions): Promise<TrackingChoice> {
  const { course, storage } = options;
  const parsed = parseXapiLaunch(search, course.id);
  if (parsed === null) return localFallback(course, storage, 'xapi');
  const tracking = await createCmi5Tracking({ course, launch: parsed.params, storage, location: options.window?.location, xapi: { authorization: parsed.authorization } });
  return tracking === null ? localFallback(course, storage, 'xapi') : connected(tracking);
}

/** One session id per xAPI launch, kept for reloads of it (as a cmi5 LMS's is, in LMS.LaunchData). */
function xapiSessionId(store: Storage | undefined, registration: string): string {
  const key = `xapi-session:${registration}`;
  try {
    const kept = store?.getItem(key);
    if (kept) return kept;
  } catch {
    // Storage blocked: a fresh id.
  }
  const id = crypto.randomUUID();
  try {
    store?.setItem(key, id);
  } catch {
    // A reload would start a new session.
  }
  return id;
}

export interface Cmi5TrackingOptions {
  course: CompiledCourse;
  launch: LaunchParams;
  storage: Storage | undefined;
  location?: Pick<Location, 'assign'> | undefined;
  sessionStore?: Storage | undefined;
  /** The language of the statements' display strings (question texts); by default the course's content language. */
  lang?: string;
  /** The UI locales the learner's preferred language is chosen from (§11); none: no choice. */
  languages?: readonly string[] | undefined;
  /** A plain xAPI launch: its Authorization header; no fetch URL, no LMS.LaunchData, no learner preferences. */
  xapi?: { authorization: string };
}

/** How long start-up waits for the learner preferences before going on without them. */
const PREFERENCES_WAIT_MS = 4000;

/** Connects to the LMS and opens the session; `null` when the LMS cannot be reached or its launch data is unusable. */
export async function createCmi5Tracking(options: Cmi5TrackingOptions): Promise<Cmi5Tracking | null> {
  const { course, launch, storage } = options;
  let sessionStore: Storage | undefined = options.sessionStore;
  try {
    sessionStore ??= globalThis.sessionStorage;
  } catch {
    sessionStore = undefined;
  }
  const client = createCmi5Client({ launch, tokenStore: sessionStore, authorization: options.xapi?.authorization });
  const authorized = await client.authorize();
  if (!authorized.ok) return null;
  const languages = options.languages ?? [];
  const [raw, profile] = await Promise.all([
    options.xapi ? null : client.getLaunchData(),
    languages.length === 0 ? null : readPreferencesWithin(client.getLearnerPreferences(), PREFERENCES_WAIT_MS),
  ]);
  const launchData = raw === null ? { ok: true as const, data: xapiLaunchData(course, xapiSessionId(sessionStore, launch.registration)) } : raw.ok ? parseLaunchData(raw.value) : null;
  if (!launchData?.ok) return null;
  const data = launchData.data;
  const language = learnerLanguage(profile, languages, sessionStore, data.sessionId);
  // The display strings are the course's words, in its content language whatever the UI language.
  const lang = options.lang ?? course.locale;
  const session = await openCmi5Session({
    launch,
    launchData: data,
    lang,
    client,
    outbox: createOutbox({ storage, registration: launch.registration }),
    sessionStore,
  });
  // A plain xAPI launch has no other check of its credentials: refused from the start, it runs locally.
  if (options.xapi && client.refused) return null;
  const readOnly = data.launchMode !== 'Normal';
  const lms = await session.loadProgress();
  const local = createLocalStorageStore(storage, course.id);
  const lmsRecord = lms.ok && lms.value !== null && lms.value !== undefined ? lms.value : null;

  let finished = false;
  let leaving = false;
  let restoredFrom: Cmi5Status['restoredFrom'] = 'none';
  const snapshot = (): Cmi5Status => {
    const s = session.status();
    return {
      standard: 'cmi5',
      state: toState(session, finished),
      initialized: s.initialized,
      finished: s.terminated,
      pending: s.pending,
      rejected: s.rejected,
      refused: s.refused,
      launchMode: s.launchMode,
      restoredFrom,
      readOnly,
      statements: statementReports(s),
      leaving,
    };
  };
  const status = createStatusStore<Cmi5Status>(snapshot());
  // While the LRS fails, try again on a timer (1 s, doubling up to 30 s), not only on the next
  // fact; never after a refusal (401/403), which would only be refused again.
  let retryDelay = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    status.set(snapshot());
    const s = session.status();
    if (s.pending === 0 || s.refused || !s.lastFailure) {
      retryDelay = 1000;
      return;
    }
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      retryDelay = Math.min(retryDelay * 2, 30_000);
      void session.flush().then(publish);
    }, retryDelay);
  };

  const records: ProgressStore = {
    load() {
      if (lmsRecord !== null) {
        restoredFrom = 'lms';
        return { kind: 'ok', json: lmsRecord };
      }
      const fromBrowser = local.load();
      if (fromBrowser.kind === 'ok') restoredFrom = 'browser';
      return fromBrowser;
    },
    save(record) {
      const result = local.save(record);
      if (!readOnly) session.saveProgress(record);
      publish();
      // The LMS copy is the one that counts: the record is queued durably even when the browser copy failed.
      return readOnly ? result : { ok: true };
    },
    setAside: (text, reason) => local.setAside(text, reason),
    started(record) {
      // A record from the browser (the LMS had none yet) goes to the LMS.
      if (restoredFrom === 'browser' && !readOnly) session.saveProgress(record);
      publish();
    },
  };

  session.initialize();
  publish();
  void session.flush().then(publish);
  const map = createEventMapper({ session, course, startedAt: Date.now() });

  const attach = (facts: CourseFacts) => {
    facts.on('*', (fact) => {
      // Review: the learner looks at their last record; nothing they do is sent.
      if (data.launchMode !== 'Review') map(fact as TrackingEvent);
      publish();
      // Sending is asynchronous: publish again once it has had a moment.
      void session.flush().then(publish);
    });
  };

  let ending: Promise<{ returnURL?: string }> | null = null;
  let exiting: Promise<'left' | 'ended'> | null = null;
  let unloading = false;
  const end = (unloading: boolean) => {
    if (ending === null) {
      finished = true;
      ending = session.terminate({ unloading }).then((result) => {
        publish();
        return result;
      });
    }
    return ending;
  };

  const info: Cmi5LaunchInfo = {
    endpoint: launch.endpoint,
    registration: launch.registration,
    activityId: launch.activityId,
    launchMode: data.launchMode,
    moveOn: data.moveOn,
  };
  if (data.masteryScore !== undefined) info.masteryScore = data.masteryScore;
  if (data.returnURL !== undefined) info.returnURL = data.returnURL;

  return {
    standard: 'cmi5',
    edition: options.xapi ? 'xapi' : 'cmi5',
    launch: info,
    session,
    records,
    attach,
    status,
    flush: () => {
      // Hidden after pagehide (a closing tab): the keepalive requests already carry everything.
      if (!unloading) void session.flush().then(publish);
    },
    finish: () => {
      unloading = true;
      void end(true);
    },
    exit() {
      exiting ??= end(false).then(({ returnURL }) => {
        if (!returnURL || !options.location) return 'ended';
        leaving = true;
        publish();
        options.location.assign(returnURL);
        return 'left';
      });
      return exiting;
    },
    language,
    languagePicked: () => rememberLanguagePick(sessionStore, data.sessionId),
    checkState: () => roundTripState(client),
  };
}

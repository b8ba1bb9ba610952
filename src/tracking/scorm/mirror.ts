/**
 * What this browser keeps of a learner's SCORM session while the LMS has not confirmed it (the
 * "mirror"), and which saved progress a launch starts from. Pure, apart from reading the mirror.
 */
import type { CompiledCourse } from '../../content/types.ts';
import type { ProgressRecord } from '../../course/progress-record.ts';
import type { LoadResult } from '../../course/progress-store.ts';
import { STORAGE_KEY_PREFIX } from '../local-storage.ts';
import type { ScormVersion } from './formats.ts';
import type { InteractionFields } from './interactions.ts';
import { decodeSuspendData } from './suspend-data.ts';

/** What this browser keeps for one learner while the LMS has not confirmed it. */
export interface Mirror {
  v: 1;
  savedAt: number;
  record: ProgressRecord | null;
  /** The LMS has not confirmed this record (or these interactions, or this time). */
  pending: boolean;
  interactions: InteractionFields[];
  /** Session seconds the LMS was never told about. */
  unsentSeconds: number;
}

/** The local-storage key of a learner's unsent LMS state. */
export function mirrorKey(courseId: string, version: ScormVersion, learnerId: string): string {
  return `${STORAGE_KEY_PREFIX}:${courseId}:lms-${version === '1.2' ? 'scorm12' : 'scorm2004'}:${encodeURIComponent(learnerId)}`;
}

/** Where the id of the last learner who launched the course in this browser is kept. */
export function lastLearnerKey(courseId: string, version: ScormVersion): string {
  return `${STORAGE_KEY_PREFIX}:${courseId}:lms-${version === '1.2' ? 'scorm12' : 'scorm2004'}-last-learner`;
}

export function readMirror(storage: Storage | undefined, key: string): Mirror | null {
  try {
    const text = storage?.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Mirror>;
    if (value.v !== 1 || typeof value.savedAt !== 'number') return null;
    return {
      v: 1,
      savedAt: value.savedAt,
      record: value.record ?? null,
      pending: value.pending === true,
      interactions: Array.isArray(value.interactions) ? value.interactions : [],
      unsentSeconds: typeof value.unsentSeconds === 'number' && value.unsentSeconds > 0 ? value.unsentSeconds : 0,
    };
  } catch {
    return null;
  }
}

/** What the LMS gave at launch. */
export interface LaunchData {
  learnerId: string;
  suspendData: string;
  location: string;
  entry: string;
  mode: string;
  interactionCount: number;
  statuses: Map<string, string>;
}

export type StartChoice =
  | { from: 'lms'; json: unknown }
  | { from: 'browser'; mirror: Mirror }
  | { from: 'none' }
  | { from: 'lms-unreadable'; json: unknown };

/**
 * Which saved progress a launch starts from. The LMS's record wins, except over a copy in this
 * browser that the LMS never confirmed and that is newer than the LMS's (its commit failed).
 * When the LMS holds nothing and this browser has nothing unconfirmed, the course starts fresh:
 * an LMS that cleared the attempt is obeyed.
 */
export function chooseStart(course: CompiledCourse, launch: LaunchData, mirror: Mirror | null): StartChoice {
  const decoded = decodeSuspendData(launch.suspendData);
  const lmsSavedAt = decoded.kind === 'ok' ? (decoded.savedAt ?? 0) : -1;
  if (mirror?.pending && mirror.record && mirror.savedAt > lmsSavedAt) return { from: 'browser', mirror };
  const validLocation = course.lessons.some((l) => l.id === launch.location);
  switch (decoded.kind) {
    case 'ok': {
      const record = decoded.record as Record<string, unknown>;
      const json =
        validLocation && typeof record === 'object' && record !== null ? { ...record, currentLessonId: launch.location } : record;
      return { from: 'lms', json };
    }
    case 'unsupported':
      return { from: 'lms-unreadable', json: { version: 1000 + decoded.version, suspendData: launch.suspendData } };
    case 'corrupt':
      return { from: 'lms-unreadable', json: launch.suspendData };
    case 'empty':
      if (!validLocation) return { from: 'none' };
      return {
        from: 'lms',
        json: {
          version: 1,
          courseId: course.id,
          contentVersion: course.contentVersion,
          currentLessonId: launch.location,
          lessons: {},
          checks: {},
          completedAt: null,
          success: null,
        },
      };
  }
}


/** How a launch starts: what `load()` returns, and what the adapter keeps of it. */
export interface StartDecision {
  load: LoadResult;
  restoredFrom: 'lms' | 'browser' | 'none';
  /** Session seconds of an earlier launch the LMS never got. */
  carriedSeconds: number;
  /** `savedAt` of the record this session starts from (0: not from this browser's copy). */
  startedFromSavedAt: number;
  /** Interactions this browser still has to send. */
  interactions: InteractionFields[];
  /** The LMS's record could not be used (it is set aside, labelled as the LMS's). */
  lmsRecordRejected: boolean;
}

/**
 * Where a launch starts from. `launch` is `null` when the LMS could not be opened: the course
 * goes on from this browser's last copy, if there is one.
 *
 * @example
 * startFrom(course, null, readMirror(storage, key)).restoredFrom // → 'browser' (or 'none')
 */
export function startFrom(course: CompiledCourse, launch: LaunchData | null, mirror: Mirror | null): StartDecision {
  const start: StartDecision = { load: { kind: 'empty' }, restoredFrom: 'none', carriedSeconds: 0, startedFromSavedAt: 0, interactions: [], lmsRecordRejected: false };
  if (launch === null) {
    if (!mirror?.record) return start;
    const carriedSeconds = mirror.pending ? mirror.unsentSeconds : 0;
    return { ...start, load: { kind: 'ok', json: mirror.record }, restoredFrom: 'browser', carriedSeconds, startedFromSavedAt: mirror.savedAt };
  }
  const choice = chooseStart(course, launch, mirror);
  switch (choice.from) {
    case 'browser': {
      const { record, unsentSeconds, savedAt, interactions } = choice.mirror;
      return { ...start, load: { kind: 'ok', json: record }, restoredFrom: 'browser', carriedSeconds: unsentSeconds, startedFromSavedAt: savedAt, interactions };
    }
    case 'lms':
      return { ...start, load: { kind: 'ok', json: choice.json }, restoredFrom: 'lms' };
    case 'lms-unreadable':
      return { ...start, load: { kind: 'ok', json: choice.json }, lmsRecordRejected: true };
    case 'none':
      return start;
  }
}

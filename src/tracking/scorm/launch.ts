/**
 * Opening the LMS session and reading what it holds: at launch, and when Initialize works only
 * after the course has started without it. Each function makes its calls and returns what it
 * read; the adapter hands that to the connection machine.
 */
import { isPermanentError, type LmsError, type ScormConnection } from './api.ts';
import { ELEMENTS, STATUS_ELEMENTS } from './cmi-values.ts';
import type { LaunchData } from './mirror.ts';
import { decodeSuspendData } from './suspend-data.ts';

export type Opening = { ok: true } | { ok: false; error: LmsError; ended: boolean };

/** Calls Initialize. `ended`: the LMS ended this session for good (2004 error 104). */
export function openSession(lms: ScormConnection): Opening {
  const result = lms.initialize();
  // SCORM 2004 103: already initialized (by this page before a reload): the session is open.
  if (result.ok || (lms.version === '2004' && result.error.code === 103)) return { ok: true };
  // SCORM 2004 104: this LMS session was terminated; only a new launch from the LMS can help.
  return { ok: false, error: result.error, ended: lms.version === '2004' && result.error.code === 104 };
}

/** The index the next interaction takes: the count the LMS has (0 when it cannot say). */
export function readInteractionCount(lms: ScormConnection): number {
  const count = lms.getValue(ELEMENTS[lms.version].interactionCount);
  const n = count.ok ? Number(count.value) : 0;
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * What an open session holds at launch. `lastError`: the last read that failed with an error
 * worth reporting (a value that is not implemented reads as empty).
 */
export function readLaunch(lms: ScormConnection): { launch: LaunchData; lastError: LmsError | null } {
  const names = ELEMENTS[lms.version];
  let lastError: LmsError | null = null;
  const get = (element: string): string => {
    const result = lms.getValue(element);
    if (result.ok) return result.value;
    if (!isPermanentError(lms.version, result.error.code)) lastError = result.error;
    return '';
  };
  const learnerId = get(names.learnerId);
  const entry = get(names.entry);
  const mode = get(names.mode);
  const location = get(names.location);
  const suspendData = get(names.suspendData);
  const statuses = new Map<string, string>();
  for (const element of STATUS_ELEMENTS[lms.version]) statuses.set(element, get(element));
  const interactionCount = readInteractionCount(lms);
  return { launch: { learnerId, suspendData, location, entry, mode, interactionCount, statuses }, lastError };
}

export type LateReading =
  /** The LMS holds progress newer than the record this session started from: leave it alone. */
  | { newer: true }
  | { newer: false; learnerId: string | null; statuses: Array<[string, string]>; interactionCount: number };

/**
 * What the LMS holds when it answers only after the course started without it.
 * `startedFromSavedAt`: the `savedAt` of the record this session started from (0: a fresh start).
 */
export function readLate(lms: ScormConnection, startedFromSavedAt: number): LateReading {
  const names = ELEMENTS[lms.version];
  const id = lms.getValue(names.learnerId);
  const held = lms.getValue(names.suspendData);
  const decoded = held.ok ? decodeSuspendData(held.value) : null;
  const lmsSavedAt = decoded?.kind === 'ok' ? (decoded.savedAt ?? Number.MAX_SAFE_INTEGER) : 0;
  if (decoded !== null && decoded.kind !== 'empty' && lmsSavedAt > startedFromSavedAt) return { newer: true };
  const statuses: Array<[string, string]> = [];
  for (const element of STATUS_ELEMENTS[lms.version]) {
    const value = lms.getValue(element);
    if (value.ok && value.value) statuses.push([element, value.value]);
  }
  return { newer: false, learnerId: id.ok ? id.value : null, statuses, interactionCount: readInteractionCount(lms) };
}

/**
 * The SCORM adapter's status, as the learner's notice and the trainer page see it: a selector
 * over the connection machine's snapshot (connection.ts), nothing else.
 */
import type { LmsError } from './api.ts';
import { isReadOnly, phaseOf, savingState, wasOpened, type ConnectionSnapshot, type LaunchMode } from './connection.ts';
import type { ScormVersion } from './formats.ts';
import type { Reduction } from './suspend-data.ts';

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
  /** How the LMS launched the course: a `review` launch shows the last answers, unchangeable. */
  launchMode: LaunchMode;
}

/**
 * The status a connection snapshot shows.
 *
 * @example
 * scormStatus('2004', connection.getSnapshot()).state // → 'saved'
 */
export function scormStatus(standard: ScormVersion, snapshot: ConnectionSnapshot): ScormStatus {
  const { context } = snapshot;
  return {
    standard,
    state: savingState(snapshot),
    initialized: wasOpened(snapshot),
    finished: phaseOf(snapshot) === 'ended',
    failures: context.failures,
    lastError: context.lastError,
    restoredFrom: context.restoredFrom,
    suspendDataLength: context.suspendDataLength,
    reduced: context.reduced,
    refused: context.refused,
    readOnly: isReadOnly(snapshot),
    launchMode: context.launchMode,
  };
}

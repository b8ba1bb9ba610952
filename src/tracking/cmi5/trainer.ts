/**
 * The trainer page's look into a cmi5 launch (`/lms-check`): whether the LRS keeps an activity
 * state document, and what became of the statements this session queued.
 *
 * The round-trip writes a small document under its own state id ({@link CHECK_STATE_ID}) for
 * this AU, learner and registration, reads it back and compares. It never touches the progress
 * document (session.ts `PROGRESS_STATE_ID`), the once-only record or `LMS.LaunchData`, and goes
 * straight through the client, not the outbox: a check that is not sent is a failed check.
 */
import type { Cmi5Client, ClientFailure } from './client.ts';
import type { Cmi5SessionStatus } from './session.ts';

/** The state id of the trainer's test document. */
export const CHECK_STATE_ID = 'course-player.lms-check';

export type StateRoundTrip =
  | { ok: true; stateId: string }
  /** `write` or `read` failed (the client's failure), or the LRS returned another document (`compare`). */
  | { ok: false; stateId: string; step: 'write' | 'read'; failure: ClientFailure }
  | { ok: false; stateId: string; step: 'compare' };

/**
 * Writes the test document, reads it back, compares.
 *
 * @example
 * await roundTripState(client) // → { ok: true, stateId: 'course-player.lms-check' }
 */
export async function roundTripState(client: Pick<Cmi5Client, 'getState' | 'putState'>, now: () => Date = () => new Date()): Promise<StateRoundTrip> {
  const stateId = CHECK_STATE_ID;
  const written = { check: 'course-player LMS connection check', at: now().toISOString() };
  const put = await client.putState(stateId, written);
  if (!put.ok) return { ok: false, stateId, step: 'write', failure: put };
  const read = await client.getState(stateId);
  if (!read.ok) return { ok: false, stateId, step: 'read', failure: read };
  return JSON.stringify(read.value) === JSON.stringify(written) ? { ok: true, stateId } : { ok: false, stateId, step: 'compare' };
}

export type StatementState = 'sent' | 'waiting' | 'refused';

export interface StatementReport {
  verb: string;
  id: string;
  state: StatementState;
}

/** How many of the session's latest statements the trainer page lists. */
export const STATEMENTS_SHOWN = 25;

/**
 * The session's latest statements, oldest first: `refused` when the LRS rejected one for good,
 * `waiting` while it is in the outbox (sent in order later, on this page or at the next launch).
 */
export function statementReports(status: Pick<Cmi5SessionStatus, 'statements'>, limit = STATEMENTS_SHOWN): StatementReport[] {
  return status.statements.slice(-limit).map(({ verb, id, pending, rejected }) => ({
    verb,
    id,
    state: rejected ? 'refused' : pending ? 'waiting' : 'sent',
  }));
}

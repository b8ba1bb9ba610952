/**
 * The life of one SCORM session (XState v5, pure): states, not flags.
 *
 * ```
 *             ┌──── opened {readOnly} ───► readOnly (review/browse: nothing is written)
 * connecting ─┤
 *             └──── opened ─────────────► connected ⇄ retrying   (a call failed: back-off)
 *                                              └──── lmsNewer ──► refused (newer progress there: left alone)
 * any ───────── ended {delivered} ────────► ended   (Terminate called, or the LMS ended the session: 104)
 * ```
 *
 * `connecting`: Initialize has not succeeded yet (retried with back-off; progress goes on in this
 * browser). The data (what is unsent, the queue) stays in the adapter; this is only where the
 * session is.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';

/** Where a SCORM session was when it ended. */
export type OpenPhase = 'connecting' | 'connected' | 'retrying' | 'readOnly' | 'refused';

export type ConnectionEvent =
  /** Initialize succeeded (`readOnly`: a review or browse launch). */
  | { type: 'opened'; readOnly: boolean }
  /** A try failed (`failures` since the last success) or succeeded (`failures: 0`). */
  | { type: 'tried'; failures: number }
  /** The LMS answered late, holding newer progress than this session started from. */
  | { type: 'lmsNewer' }
  /** The session is over; `delivered`: the LMS confirmed everything before the end. */
  | { type: 'ended'; delivered: boolean };

export interface ConnectionContext {
  /** Set on entering `ended`: where the session was, and whether everything got through. */
  end: { from: OpenPhase; delivered: boolean } | null;
}

/** The `ended` transition from a phase, remembering it. */
const endFrom = (from: OpenPhase) => ({
  target: 'ended' as const,
  actions: assign<ConnectionContext, ConnectionEvent, undefined, ConnectionEvent, never>({
    end: ({ event }) => ({ from, delivered: event.type === 'ended' && event.delivered }),
  }),
});

export const scormConnectionMachine = setup({
  types: { context: {} as ConnectionContext, events: {} as ConnectionEvent },
  guards: {
    failing: ({ event }) => event.type === 'tried' && event.failures > 0,
    succeeded: ({ event }) => event.type === 'tried' && event.failures === 0,
    readOnlyLaunch: ({ event }) => event.type === 'opened' && event.readOnly,
  },
}).createMachine({
  id: 'scormConnection',
  context: { end: null },
  initial: 'connecting',
  states: {
    connecting: {
      on: {
        opened: [{ guard: 'readOnlyLaunch', target: 'readOnly' }, { target: 'connected' }],
        ended: endFrom('connecting'),
      },
    },
    connected: {
      on: {
        tried: { guard: 'failing', target: 'retrying' },
        lmsNewer: 'refused',
        ended: endFrom('connected'),
      },
    },
    retrying: {
      on: {
        tried: { guard: 'succeeded', target: 'connected' },
        lmsNewer: 'refused',
        ended: endFrom('retrying'),
      },
    },
    readOnly: {
      on: {
        ended: endFrom('readOnly'),
      },
    },
    refused: {
      on: {
        ended: endFrom('refused'),
      },
    },
    /** Over for good: nothing leaves it (not a final state, so late events are ignored quietly). */
    ended: {},
  },
});

export type ConnectionSnapshot = SnapshotFrom<typeof scormConnectionMachine>;
export type ConnectionPhase = OpenPhase | 'ended';

/** The state a snapshot is in. */
export function phaseOf(snapshot: ConnectionSnapshot): ConnectionPhase {
  return snapshot.value as ConnectionPhase;
}

/** The phase the session is in, or was in when it ended. */
function lastOpenPhase(snapshot: ConnectionSnapshot): OpenPhase {
  const phase = phaseOf(snapshot);
  return phase === 'ended' ? (snapshot.context.end?.from ?? 'connecting') : phase;
}

/** Initialize has succeeded (the session is, or was, open). */
export function wasOpened(snapshot: ConnectionSnapshot): boolean {
  return lastOpenPhase(snapshot) !== 'connecting';
}

/** Nothing is written to the LMS: a review launch, or newer progress there. */
export function writesNothing(snapshot: ConnectionSnapshot): boolean {
  const phase = lastOpenPhase(snapshot);
  return phase === 'readOnly' || phase === 'refused';
}

/** A review or browse launch. */
export function isReadOnly(snapshot: ConnectionSnapshot): boolean {
  return lastOpenPhase(snapshot) === 'readOnly';
}

/**
 * What the learner and trainer see. `hasUnsent`: changes the LMS has not confirmed.
 *
 * @example
 * savingState(connection.getSnapshot(), unsent.size > 0) // → 'saved' | 'pending' | 'retrying' | 'ended'
 */
export function savingState(snapshot: ConnectionSnapshot, hasUnsent: boolean): 'saved' | 'pending' | 'retrying' | 'ended' {
  switch (phaseOf(snapshot)) {
    case 'ended':
      return hasUnsent || !snapshot.context.end?.delivered ? 'ended' : 'saved';
    case 'connecting':
    case 'retrying':
      return 'retrying';
    default:
      return hasUnsent ? 'pending' : 'saved';
  }
}

/**
 * The life of one SCORM session (XState v5, pure): states, not flags. Five parallel regions:
 *
 * ```
 * session   connecting ─┬─ opened {review/browse} ─► readOnly   (nothing is written)
 *                       └─ opened ────────────► connected ⇄ retrying   (tried: a call failed / worked)
 *                                                   └─ lmsNewer ─► refused (newer progress there: left alone)
 *           any ─────────── ended {delivered} ──► ended   (Terminate called, or the LMS ended the session: 104)
 * commit    clean ─ wantCommit / commitNow ─► wanted ─ committed {complete} ─► clean
 * bookmark  idle ─ lessonChanged ─► waiting ─ after BOOKMARK_COMMIT_MS ─► idle (+ wantCommit if the bookmark is unsent)
 * record    accepted ⇄ refused      (the LMS refused the bookmark or suspend data: this browser's copy must win)
 * interactions  accepted ─► refused (the LMS refused an interaction id: none are sent any more)
 * ```
 *
 * `connecting`: Initialize has not succeeded yet (retried with back-off; progress goes on in this
 * browser). The context holds the outbox (outbox.ts: what the LMS should hold and has not
 * confirmed) and what the status reports; {@link scormStatus} (status.ts) derives the status
 * from a snapshot. The only effect is `requestSync`, which the adapter provides.
 */
import { and, assign, or, raise, setup, stateIn, type SnapshotFrom } from 'xstate';
import type { LmsError } from './api.ts';
import type { CmiValues } from './cmi-values.ts';
import type { InteractionFields } from './interactions.ts';
import { afterCommit, EMPTY_OUTBOX, hasUnsent, withHeld, withInteractions, withNothingToSend, withValues, type Outbox } from './outbox.ts';
import type { PassOutcome, Refusal } from './send.ts';
import type { Reduction } from './suspend-data.ts';

/**
 * How long the learner stays on a lesson before the bookmark is committed (ms). Moving through
 * several lessons quickly commits once; the commit at unload is then only a safety net.
 */
export const BOOKMARK_COMMIT_MS = 1500;

/** How the LMS launched the course (`cmi.mode`, `cmi.core.lesson_mode`); `normal` until Initialize says otherwise. */
export type LaunchMode = 'normal' | 'review' | 'browse';

/** Where a SCORM session was when it ended. */
export type OpenPhase = 'connecting' | 'connected' | 'retrying' | 'readOnly' | 'refused';

export type ConnectionEvent =
  /** Initialize succeeded, in the launch's mode (`cmi.mode`; a review or browse launch writes nothing). */
  | { type: 'opened'; launchMode: LaunchMode }
  /** A try failed (`failures` since the last success) or succeeded (`failures: 0`). */
  | { type: 'tried'; failures: number }
  /** The LMS answered late, holding newer progress than this session started from (`refusal`: as the trainer sees it). */
  | { type: 'lmsNewer'; refusal?: Refusal }
  /** The session is over; `delivered`: the LMS confirmed everything before the end. */
  | { type: 'ended'; delivered: boolean }
  /** A call failed (the status's `lastError`). */
  | { type: 'failed'; call: string; error: LmsError }
  /** Where this launch's progress came from, with the interactions this browser still had to send. */
  | { type: 'restored'; from: RestoredFrom; interactions: readonly InteractionFields[] }
  /** A new record: the values the LMS should hold, and how its suspend data came out. */
  | { type: 'recorded'; values: CmiValues; suspendDataLength: number | null; reduced: Reduction[] }
  /** A question was submitted: journal it as an interaction. */
  | { type: 'answered'; fields: InteractionFields }
  /** What the LMS holds (statuses, interaction count); `setAgain`: it answered late, set everything. */
  | { type: 'held'; statuses: ReadonlyArray<readonly [string, string]>; interactionCount: number | null; setAgain: boolean }
  /** One pass of setting values ran (send.ts). */
  | { type: 'valuesSet'; outcome: PassOutcome }
  /** A commit ran; `complete`: every value was set before it. */
  | { type: 'committed'; ok: boolean; complete: boolean }
  /** Something worth committing happened: commit soon (`requestSync`). */
  | { type: 'wantCommit' }
  /** Commit in the sync the adapter runs now (page hidden or closing). */
  | { type: 'commitNow' }
  /** The learner moved to another lesson. */
  | { type: 'lessonChanged' };

export type RestoredFrom = 'lms' | 'browser' | 'none';

export interface ConnectionContext {
  /** Set on entering `ended`: where the session was, and whether everything got through. */
  end: { from: OpenPhase; delivered: boolean } | null;
  outbox: Outbox;
  /** The bookmark's element (`cmi.core.lesson_location` or `cmi.location`). */
  bookmark: string;
  /** Failed tries since the last success. */
  failures: number;
  lastError: (LmsError & { call: string }) | null;
  /** Values and interactions the LMS refused, which are not retried (latest last). */
  refused: Refusal[];
  restoredFrom: RestoredFrom;
  suspendDataLength: number | null;
  reduced: Reduction[];
  launchMode: LaunchMode;
}

type Assigner = Parameters<typeof assign<ConnectionContext, ConnectionEvent, undefined, ConnectionEvent, never>>[0];

const withRefusals = (list: Refusal[], more: readonly Refusal[]) =>
  more.reduce((out, r) => [...out.filter((x) => x.element !== r.element), r], list);

/** The `ended` transition from a phase, remembering it. */
const endFrom = (from: OpenPhase) => ({
  target: 'ended' as const,
  actions: assign<ConnectionContext, ConnectionEvent, undefined, ConnectionEvent, never>({
    end: ({ event }) => ({ from, delivered: event.type === 'ended' && event.delivered }),
  }),
});

/** Counting tries, in every phase (a try fails after the end too, when the LMS ended it). */
const countTries = { actions: 'countTries' } as const;
const toRefused = { target: 'refused', actions: 'nothingToSend' } as const;

const recordOutcome = (outcome: PassOutcome['record']) => ({ event }: { event: ConnectionEvent }) =>
  event.type === 'valuesSet' && event.outcome.record === outcome;

const assigners = {
  opened: { launchMode: ({ event, context }) => (event.type === 'opened' ? event.launchMode : context.launchMode) },
  countTries: { failures: ({ event }) => (event.type === 'tried' ? event.failures : 0) },
  nothingToSend: {
    outbox: ({ context }) => withNothingToSend(context.outbox),
    refused: ({ context, event }) => (event.type === 'lmsNewer' && event.refusal ? withRefusals(context.refused, [event.refusal]) : context.refused),
  },
  failed: { lastError: ({ event, context }) => (event.type === 'failed' ? { ...event.error, call: event.call } : context.lastError) },
  restored: ({ context, event }) =>
    event.type === 'restored' ? { restoredFrom: event.from, outbox: withInteractions(context.outbox, event.interactions) } : {},
  recorded: ({ context, event }) =>
    event.type === 'recorded'
      ? { outbox: withValues(context.outbox, event.values), suspendDataLength: event.suspendDataLength, reduced: event.reduced }
      : {},
  answered: { outbox: ({ context, event }) => (event.type === 'answered' ? withInteractions(context.outbox, [event.fields]) : context.outbox) },
  held: { outbox: ({ context, event }) => (event.type === 'held' ? withHeld(context.outbox, event) : context.outbox) },
  valuesSet: ({ context, event }) => {
    if (event.type !== 'valuesSet') return {};
    const { outcome } = event;
    return {
      outbox: outcome.outbox,
      refused: withRefusals(context.refused, outcome.refusals),
      lastError: outcome.failed ? { ...outcome.failed, call: 'SetValue' } : context.lastError,
    };
  },
  committed: { outbox: ({ context, event }) => (event.type === 'committed' ? afterCommit(context.outbox, event.ok) : context.outbox) },
} satisfies Record<string, Assigner>;

const writable = or([stateIn('#scormConnection.session.connecting'), stateIn('#scormConnection.session.connected'), stateIn('#scormConnection.session.retrying')]);

export const scormConnectionMachine = setup({
  types: { context: {} as ConnectionContext, events: {} as ConnectionEvent, input: {} as { bookmark?: string } | undefined },
  actions: {
    countTries: assign(assigners.countTries),
    nothingToSend: assign(assigners.nothingToSend),
    failed: assign(assigners.failed),
    opened: assign(assigners.opened),
    restored: assign(assigners.restored),
    recorded: assign(assigners.recorded),
    answered: assign(assigners.answered),
    held: assign(assigners.held),
    valuesSet: assign(assigners.valuesSet),
    committed: assign(assigners.committed),
    /** Sync once the current transition is over (the adapter provides it). */
    requestSync: () => undefined,
  },
  guards: {
    failing: ({ event }) => event.type === 'tried' && event.failures > 0,
    succeeded: ({ event }) => event.type === 'tried' && event.failures === 0,
    readOnlyLaunch: ({ event }) => event.type === 'opened' && event.launchMode !== 'normal',
    writable,
    complete: ({ event }) => event.type === 'committed' && event.ok && event.complete,
    bookmarkUnsent: ({ context }) => context.outbox.unsent.has(context.bookmark),
    recordRefused: recordOutcome('refused'),
    recordAccepted: recordOutcome('accepted'),
    interactionsRefused: ({ event }) => event.type === 'valuesSet' && event.outcome.interactionsRefused,
  },
  delays: { bookmark: BOOKMARK_COMMIT_MS },
}).createMachine({
  id: 'scormConnection',
  context: ({ input }) => ({
    end: null,
    outbox: EMPTY_OUTBOX,
    bookmark: input?.bookmark ?? '',
    failures: 0,
    lastError: null,
    refused: [],
    restoredFrom: 'none',
    suspendDataLength: null,
    reduced: [],
    launchMode: 'normal',
  }),
  type: 'parallel',
  states: {
    /**
     * What the outbox and the report hold, whatever the phase (a region of its own: a transition
     * at the root would be pre-empted by any region's transition on the same event).
     */
    data: {
      initial: 'kept',
      states: {
        kept: {
          on: {
            failed: { actions: 'failed' },
            restored: { actions: 'restored' },
            recorded: { actions: 'recorded' },
            answered: { guard: and([writable, stateIn('#scormConnection.interactions.accepted')]), actions: 'answered' },
            held: { actions: 'held' },
            valuesSet: { actions: 'valuesSet' },
            committed: { actions: 'committed' },
          },
        },
      },
    },
    session: {
      initial: 'connecting',
      states: {
        connecting: {
          on: {
            opened: [
              { guard: 'readOnlyLaunch', target: 'readOnly', actions: 'opened' },
              { target: 'connected', actions: 'opened' },
            ],
            tried: countTries,
            ended: endFrom('connecting'),
          },
        },
        connected: {
          on: {
            tried: [{ guard: 'failing', target: 'retrying', ...countTries }, countTries],
            lmsNewer: toRefused,
            ended: endFrom('connected'),
          },
        },
        retrying: {
          on: {
            tried: [{ guard: 'succeeded', target: 'connected', ...countTries }, countTries],
            lmsNewer: toRefused,
            ended: endFrom('retrying'),
          },
        },
        readOnly: { on: { tried: countTries, ended: endFrom('readOnly') } },
        refused: { on: { tried: countTries, ended: endFrom('refused') } },
        /** Over for good: nothing leaves it (not a final state, so late events are ignored quietly). */
        ended: { on: { tried: countTries } },
      },
    },
    commit: {
      initial: 'clean',
      states: {
        clean: {
          on: {
            wantCommit: { guard: 'writable', target: 'wanted', actions: 'requestSync' },
            commitNow: { guard: 'writable', target: 'wanted' },
          },
        },
        wanted: {
          on: {
            wantCommit: { guard: 'writable', actions: 'requestSync' },
            committed: { guard: 'complete', target: 'clean' },
          },
        },
      },
    },
    bookmark: {
      initial: 'idle',
      states: {
        idle: { on: { lessonChanged: { guard: 'writable', target: 'waiting' } } },
        waiting: {
          after: {
            // Only if the LMS has not had this bookmark yet (another commit may have carried it).
            bookmark: [{ guard: 'bookmarkUnsent', target: 'idle', actions: raise({ type: 'wantCommit' }) }, { target: 'idle' }],
          },
          on: {
            lessonChanged: { guard: 'writable', target: 'waiting', reenter: true },
            ended: 'idle',
          },
        },
      },
    },
    record: {
      initial: 'accepted',
      states: {
        accepted: { on: { valuesSet: { guard: 'recordRefused', target: 'refused' } } },
        refused: { on: { valuesSet: { guard: 'recordAccepted', target: 'accepted' }, lmsNewer: 'accepted' } },
      },
    },
    interactions: {
      initial: 'accepted',
      states: {
        accepted: { on: { valuesSet: { guard: 'interactionsRefused', target: 'refused' } } },
        refused: {},
      },
    },
  },
});

export type ConnectionSnapshot = SnapshotFrom<typeof scormConnectionMachine>;
export type ConnectionPhase = OpenPhase | 'ended';

/** The session region's state. */
export function phaseOf(snapshot: ConnectionSnapshot): ConnectionPhase {
  return (snapshot.value as { session: ConnectionPhase }).session;
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

/** Changes the LMS has not confirmed: unsent values or interactions, a refused record, or an end before everything got through. */
export function isUnconfirmed(snapshot: ConnectionSnapshot): boolean {
  return hasUnsent(snapshot.context.outbox) || snapshot.matches({ record: 'refused' }) || snapshot.context.end?.delivered === false;
}

/**
 * What the learner and trainer see.
 *
 * @example
 * savingState(connection.getSnapshot()) // → 'saved' | 'pending' | 'retrying' | 'ended'
 */
export function savingState(snapshot: ConnectionSnapshot): 'saved' | 'pending' | 'retrying' | 'ended' {
  const unsent = hasUnsent(snapshot.context.outbox);
  switch (phaseOf(snapshot)) {
    case 'ended':
      return unsent || !snapshot.context.end?.delivered ? 'ended' : 'saved';
    case 'connecting':
    case 'retrying':
      return 'retrying';
    default:
      return unsent ? 'pending' : 'saved';
  }
}

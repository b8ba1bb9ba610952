/**
 * The outbox: what the LMS should hold and has not confirmed with a commit — element values, the
 * journal of interactions, and the highest statuses it has had. Data and pure functions; the
 * connection machine (connection.ts) keeps one in its context, and `setPending` (send.ts) is the
 * one place that talks to the LMS about it.
 *
 * An element is **unsent** from the moment its wanted value changes until a commit succeeds after
 * it was set; it is **to set** until a `SetValue` for its value succeeds (again after a failed
 * commit, in case the LMS dropped what it had).
 */
import { statusRank, type CmiValues } from './cmi-values.ts';
import type { InteractionFields } from './interactions.ts';

export interface QueuedInteraction {
  readonly fields: InteractionFields;
  /** The index this record owns in the LMS (`null`: its id was never set). */
  readonly index: number | null;
  /** All its fields were set since the last commit. */
  readonly sent: boolean;
}

export interface Outbox {
  /** Element values the LMS should hold. */
  readonly desired: ReadonlyMap<string, string>;
  /** Elements whose desired value the LMS has not confirmed with a commit. */
  readonly unsent: ReadonlySet<string>;
  /** Elements whose desired value must (again) be set before the next commit. */
  readonly toSet: ReadonlySet<string>;
  /** Element → times the LMS failed it while answering other calls. */
  readonly tries: ReadonlyMap<string, number>;
  /** Highest status values the LMS has had: never lowered. */
  readonly floor: ReadonlyMap<string, string>;
  /** Submitted questions not yet confirmed, oldest first. */
  readonly queue: readonly QueuedInteraction[];
  /** The index the next new interaction takes (SCORM 1.2 allows no gaps). */
  readonly nextInteraction: number;
}

export const EMPTY_OUTBOX: Outbox = {
  desired: new Map(),
  unsent: new Set(),
  toSet: new Set(),
  tries: new Map(),
  floor: new Map(),
  queue: [],
  nextInteraction: 0,
};

/** Changes the LMS has not confirmed. */
export function hasUnsent(outbox: Outbox): boolean {
  return outbox.unsent.size > 0 || outbox.queue.length > 0;
}

/**
 * The outbox wanting these values: each changed one is unsent and to set, its failures forgotten.
 *
 * @example
 * withValues(EMPTY_OUTBOX, [['cmi.location', 'welcome']]).toSet // → Set { 'cmi.location' }
 */
export function withValues(outbox: Outbox, values: CmiValues): Outbox {
  const desired = new Map(outbox.desired);
  const unsent = new Set(outbox.unsent);
  const toSet = new Set(outbox.toSet);
  const tries = new Map(outbox.tries);
  for (const [element, value] of values) {
    if (desired.get(element) === value) continue;
    desired.set(element, value);
    unsent.add(element);
    toSet.add(element);
    tries.delete(element);
  }
  return { ...outbox, desired, unsent, toSet, tries };
}

/** One more interaction to journal (its index is taken when its id is set). */
export function withInteractions(outbox: Outbox, fields: readonly InteractionFields[]): Outbox {
  return { ...outbox, queue: [...outbox.queue, ...fields.map((f) => ({ fields: f, index: null, sent: false }))] };
}

/** `floor` with `value` for `element` when it ranks higher than what it holds. */
export function raisedFloor(floor: ReadonlyMap<string, string>, element: string, value: string): ReadonlyMap<string, string> {
  const held = floor.get(element);
  if (held !== undefined && statusRank(element, value) <= statusRank(element, held)) return floor;
  return new Map(floor).set(element, value);
}

/**
 * What the LMS said it holds: statuses (raising the floor), the interaction count (`null`: not
 * read), and whether every wanted value must be set again (it answered only after the course
 * had started without it).
 */
export function withHeld(
  outbox: Outbox,
  held: { statuses: ReadonlyArray<readonly [string, string]>; interactionCount: number | null; setAgain: boolean },
): Outbox {
  let floor = outbox.floor;
  for (const [element, value] of held.statuses) if (value) floor = raisedFloor(floor, element, value);
  const nextInteraction = held.interactionCount ?? outbox.nextInteraction;
  const toSet = held.setAgain ? new Set([...outbox.toSet, ...outbox.desired.keys()]) : outbox.toSet;
  return { ...outbox, floor, nextInteraction, toSet };
}

/** Nothing more to send: the LMS holds newer progress, which must not be overwritten. */
export function withNothingToSend(outbox: Outbox): Outbox {
  return { ...outbox, unsent: new Set(), toSet: new Set(), queue: [] };
}

/**
 * After a commit. Succeeded: what was set is confirmed, sent interactions leave the queue.
 * Failed: everything unsent is set again before the next commit.
 */
export function afterCommit(outbox: Outbox, ok: boolean): Outbox {
  if (!ok) {
    return {
      ...outbox,
      toSet: new Set([...outbox.toSet, ...outbox.unsent]),
      queue: outbox.queue.map((item) => ({ ...item, sent: false })),
    };
  }
  return {
    ...outbox,
    unsent: new Set([...outbox.unsent].filter((element) => outbox.toSet.has(element))),
    queue: outbox.queue.filter((item) => !item.sent),
  };
}

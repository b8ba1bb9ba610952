/**
 * The one shape every tracking standard has (see README.md beside this file).
 *
 * An adapter is given two things by the course session:
 * - a **record store**: it is the {@link ProgressStore} the session loads the saved record from
 *   and saves each new record to (local storage, the LMS's suspend data, …);
 * - the **facts** the course machine emits (`tracking.*` events, see src/course/README.md),
 *   attached before the machine starts so nothing emitted while starting is missed.
 *
 * It reports its connection's status as a store for `useSyncExternalStore`. The chooser
 * (lms.ts) picks one adapter at start-up; the UI reads the status from the course runtime.
 */
import type { ProgressStore } from '../course/progress-store.ts';
import type { CourseActor } from '../course/machine.ts';

/** A value that changes, readable with `useSyncExternalStore` (the same object until it changes). */
export interface StatusStore<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
}

/** A store that never changes. */
export function fixedStatusStore<T>(value: T): StatusStore<T> {
  return { getSnapshot: () => value, subscribe: () => () => undefined };
}

/**
 * A store whose value is set by its owner; listeners hear of each change. `set` ignores a value
 * equal (as JSON) to the current one, so a snapshot stays the same object while nothing changed.
 */
export function createStatusStore<T>(initial: T): StatusStore<T> & { set(next: T): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next) => {
      if (JSON.stringify(next) === JSON.stringify(value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** The course machine's emitted facts, as an adapter listens to them (a course actor is one). */
export type CourseFacts = Pick<CourseActor, 'on'>;

/** A tracking standard's connection for one course session. */
export interface TrackingAdapter<Status> {
  /** Where the session loads and saves the progress record. */
  readonly records: ProgressStore;
  /** Listens to the machine's facts; called once, before the course actor starts. */
  attach(facts: CourseFacts): void;
  /** The connection's status, for the UI. */
  readonly status: StatusStore<Status>;
  /** The page is hidden (and may be discarded): send everything now. */
  flush(): void;
  /** The page is closing: send everything and end the session, once. */
  finish(): void;
  /**
   * The course's own exit, for standards that have one (cmi5: `terminated`, then the LMS's
   * returnURL). Absent: the player shows no exit control. Calling it again returns the first
   * call's promise (one `terminated`). `left`: the page is going to the LMS; `ended`: the session
   * is over and the learner may close the window.
   */
  exit?(): Promise<'left' | 'ended'>;
}

/**
 * A store that shows another store's value through `map`: the mapped value is the same object
 * until the source's snapshot changes.
 */
export function mapStatusStore<S, T>(source: StatusStore<S>, map: (value: S) => T): StatusStore<T> {
  let last: { from: S; to: T } | null = null;
  return {
    getSnapshot: () => {
      const from = source.getSnapshot();
      if (last === null || last.from !== from) last = { from, to: map(from) };
      return last.to;
    },
    subscribe: (listener) => source.subscribe(listener),
  };
}

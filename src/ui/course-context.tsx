/**
 * Gives the UI the running course: the compiled course, the course actor and what happened when
 * saved progress was restored. Components read state with `useCourseSelector` and send events;
 * they never copy machine state into React state.
 */
import { createContext, useCallback, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledCourse } from '../content/types.ts';
import type { CourseActor, CourseSnapshot } from '../course/machine.ts';
import type { CourseSession } from '../course/session.ts';
import type { OfflineStatusStore } from './offline-status.ts';
import type { StatusStore } from '../tracking/adapter.ts';
import type { LmsConnection, LmsStatus } from '../tracking/lms.ts';

/** Where the course's progress goes (chosen at start-up by `chooseTracking`) and how it is going. */
export interface CourseTracking {
  connection: LmsConnection;
  status: StatusStore<LmsStatus>;
  /** The adapter's course exit (cmi5); absent: the player shows no "Exit course". */
  exit?: (() => Promise<'left' | 'ended'>) | undefined;
  /** A Review launch (cmi5): the learner's last answers are shown and cannot be changed. */
  reviewing?: boolean;
}

export interface CourseRuntime {
  course: CompiledCourse;
  session: CourseSession;
  /** Absent when pre-rendering (and in tests without tracking): the plain web build. */
  tracking?: CourseTracking;
  /** Locales that have course content; in any other interface language the content falls back. */
  contentLocales: readonly string[];
  /** The offline copy and the connection (web edition); absent while pre-rendering and in tests. */
  offline?: OfflineStatusStore;
}

const RuntimeContext = createContext<CourseRuntime | null>(null);

export function CourseRuntimeProvider({ runtime, children }: { runtime: CourseRuntime; children: ReactNode }) {
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}

export function useCourseRuntime(): CourseRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useCourseRuntime outside CourseRuntimeProvider');
  return runtime;
}

/** True when the interface language has no course content, so the course text is shown in its own language. */
export function useContentFallback(): boolean {
  const { contentLocales } = useCourseRuntime();
  const { i18n } = useTranslation();
  return !contentLocales.includes(i18n.language);
}

export function useCourseActor(): CourseActor {
  return useCourseRuntime().session.actor;
}

/**
 * Re-renders when what the selector returns changes. The result is cached per snapshot and
 * selector, so a selector may build objects without making React loop; and a result equal in
 * value to the last one is the last one, so a component whose view did not change (the menu when
 * time is counted, the Continue bar when an answer is picked) does not render again.
 */
export function useCourseSelector<T>(select: (snapshot: CourseSnapshot) => T): T {
  const actor = useCourseActor();
  const cache = useRef<{ snapshot: CourseSnapshot; select: (snapshot: CourseSnapshot) => T; value: T } | null>(null);
  const read = () => {
    const snapshot = actor.getSnapshot();
    const cached = cache.current;
    if (cached && cached.snapshot === snapshot && cached.select === select) return cached.value;
    const selected = select(snapshot);
    const value = cached && sameValue(cached.value, selected) ? cached.value : selected;
    cache.current = { snapshot, select, value };
    return value;
  };
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  return useSyncExternalStore(subscribe, read, read);
}

/** Equal as data: the same primitives, arrays and plain objects all the way down (shared parts are skipped). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * A {@link ProgressStore} on the browser's Web Storage (`localStorage`).
 *
 * Survives every way storage fails in real browsers: `localStorage` that throws on access
 * (Safari private mode, blocked cookies), `QuotaExceededError` on write, and stored text that
 * is not JSON (`load` hands over the stored text; the session reports it as corrupt and sets
 * it aside under another key with a timestamp).
 */
import type { RejectReason, ProgressRecord } from '../course/progress-record.ts';
import type { LoadResult, ProgressStore, SaveResult } from '../course/progress-store.ts';
import { fixedStatusStore, type TrackingAdapter } from './adapter.ts';

/** Prefix of every key this store writes. */
export const STORAGE_KEY_PREFIX = 'course-player';

/** The key a course's progress is saved under. */
export function progressKey(courseId: string): string {
  return `${STORAGE_KEY_PREFIX}:${courseId}:progress`;
}

/** The key a rejected record is kept under (never read back by the player). */
export function setAsideKey(courseId: string, reason: RejectReason, at: Date): string {
  return `${progressKey(courseId)}:rejected:${reason}:${at.toISOString()}`;
}

/**
 * `globalThis.localStorage`, or `undefined` when there is none or touching it throws.
 *
 * @example
 * const store = createLocalStorageStore(getLocalStorage(), course.id);
 */
export function getLocalStorage(): Storage | undefined {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether an error thrown by `setItem` means the storage is full. */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

export interface LocalStorageStoreOptions {
  /** Clock for set-aside keys. */
  now?: () => Date;
}

/**
 * Creates the local-storage progress store for one course.
 *
 * @example
 * const store = createLocalStorageStore(getLocalStorage(), 'peer-worker-support');
 * store.save(record); // → { ok: true } or { ok: false, reason: 'quota' | 'unavailable' }
 */
export function createLocalStorageStore(
  storage: Storage | undefined,
  courseId: string,
  options: LocalStorageStoreOptions = {},
): ProgressStore {
  const key = progressKey(courseId);
  const now = options.now ?? (() => new Date());

  const write = (itemKey: string, text: string): SaveResult => {
    if (storage === undefined) return { ok: false, reason: 'unavailable' };
    try {
      storage.setItem(itemKey, text);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaExceeded(error) ? 'quota' : 'unavailable' };
    }
  };

  return {
    load(): LoadResult {
      if (storage === undefined) return { kind: 'unavailable', error: new Error('No local storage') };
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch (error) {
        return { kind: 'unavailable', error };
      }
      if (text === null) return { kind: 'empty' };
      // The text as stored: `parseProgressRecord` parses it, and a record that is not JSON is
      // reported as corrupt and set aside byte for byte.
      return { kind: 'ok', json: text };
    },
    save(record: ProgressRecord): SaveResult {
      return write(key, JSON.stringify(record));
    },
    setAside(raw: string, reason: RejectReason): SaveResult {
      return write(setAsideKey(courseId, reason, now()), raw);
    },
  };
}

/**
 * The local-storage tracking adapter: progress stays in this browser. It has nothing to send,
 * so it listens to no facts; its status never changes (`status`: what the UI should say).
 *
 * @example
 * const adapter = createLocalStorageAdapter(getLocalStorage(), course.id, { mode: 'web' });
 */
export function createLocalStorageAdapter<Status>(storage: Storage | undefined, courseId: string, status: Status): TrackingAdapter<Status> {
  return {
    records: createLocalStorageStore(storage, courseId),
    attach: () => undefined,
    status: fixedStatusStore(status),
    flush: () => undefined,
    finish: () => undefined,
  };
}

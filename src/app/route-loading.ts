/**
 * Lesson bodies are separate chunks. Keep one promise per lesson so React's `use()` sees a stable
 * promise, and mark settled promises the way React reads them so a body loaded before the first
 * render (the pre-rendered page) shows without a loading flash.
 */
import { loadLessonBody } from 'virtual:course';
import type { LessonBody } from '../content/types.ts';

type TrackedPromise<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

const cache = new Map<string, TrackedPromise<LessonBody>>();

export function lessonBodyPromise(locale: string, lessonId: string): Promise<LessonBody> {
  const key = `${locale}/${lessonId}`;
  let promise = cache.get(key);
  if (!promise) {
    const tracked: TrackedPromise<LessonBody> = loadLessonBody(locale, lessonId);
    tracked.status = 'pending';
    tracked.then(
      (value) => Object.assign(tracked, { status: 'fulfilled', value }),
      (reason: unknown) => {
        Object.assign(tracked, { status: 'rejected', reason });
        cache.delete(key); // let "Try again" load it afresh
      },
    );
    cache.set(key, tracked);
    promise = tracked;
  }
  return promise;
}

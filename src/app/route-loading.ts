/**
 * What a route needs besides the main bundle: a lesson's body (its own chunk, with a check's
 * words), the knowledge-check view (one chunk shared by the five checks), the trainer page.
 *
 * Keep one promise per thing so React's `use()` sees a stable promise, and mark settled promises
 * the way React reads them, so anything loaded before the first render (the pre-rendered page)
 * shows without a loading flash.
 */
import { loadGlossary, loadLessonBody } from 'virtual:course';
import type { CompiledCourse, Glossary, LessonBody, LessonOutline } from '../content/types.ts';

type TrackedPromise<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

const cache = new Map<string, TrackedPromise<unknown>>();

function tracked<T>(key: string, load: () => Promise<T>): Promise<T> {
  const known = cache.get(key) as TrackedPromise<T> | undefined;
  if (known) return known;
  const promise: TrackedPromise<T> = load();
  promise.status = 'pending';
  promise.then(
    (value) => Object.assign(promise, { status: 'fulfilled', value }),
    (reason: unknown) => {
      Object.assign(promise, { status: 'rejected', reason });
      cache.delete(key); // let "Try again" load it afresh
    },
  );
  cache.set(key, promise);
  return promise;
}

export function lessonBodyPromise(locale: string, lessonId: string): Promise<LessonBody> {
  return tracked(`body:${locale}/${lessonId}`, () => loadLessonBody(locale, lessonId));
}

/** The glossary page's entries (their own chunk). */
export function glossaryPromise(locale: string): Promise<Glossary> {
  return tracked(`glossary:${locale}`, () => loadGlossary(locale));
}

/** The knowledge-check view: only check lessons load it. */
export function knowledgeCheckModule(): Promise<typeof import('../questions/view/KnowledgeCheck.tsx')> {
  return tracked('view:knowledge-check', () => import('../questions/view/KnowledgeCheck.tsx'));
}

/** The trainer page (/lms-check): rarely opened, so not in the main bundle. */
export function lmsCheckPageModule(): Promise<typeof import('./pages/LmsCheckPage.tsx')> {
  return tracked('view:lms-check', () => import('./pages/LmsCheckPage.tsx'));
}

/** The results page and certificate (/results). */
export function resultsPageModule(): Promise<typeof import('./pages/ResultsPage.tsx')> {
  return tracked('view:results', () => import('./pages/ResultsPage.tsx'));
}

/** The glossary page's view (/glossary); its entries are glossaryPromise. */
export function glossaryPageModule(): Promise<typeof import('./pages/GlossaryPage.tsx')> {
  return tracked('view:glossary', () => import('./pages/GlossaryPage.tsx'));
}

/** The print edition (/print): its view, and every lesson body (only this route loads them all). */
export function printPageModule(): Promise<typeof import('./print/PrintPage.tsx')> {
  return tracked('view:print', () => import('./print/PrintPage.tsx'));
}

export function allLessonBodies(course: CompiledCourse): Promise<LessonBody[]> {
  return tracked(`bodies:${course.locale}`, () => Promise.all(course.lessons.map((l) => lessonBodyPromise(course.locale, l.id))));
}

/** A lesson's body, and the knowledge-check view if it is a check. */
export function preloadLesson(course: CompiledCourse, lesson: LessonOutline): Promise<unknown> {
  return Promise.all([lessonBodyPromise(course.locale, lesson.id), lesson.checkId ? knowledgeCheckModule() : null]);
}

/**
 * Loads everything the route at `path` (relative to the player's folder, e.g. `/lesson/welcome/`)
 * needs to show at once, so the first render replaces the pre-rendered page without a flash.
 */
export function preloadRoute(course: CompiledCourse, path: string): Promise<unknown> {
  if (/^\/?lms-check\/?$/.test(path)) return lmsCheckPageModule();
  if (/^\/?results\/?$/.test(path)) return resultsPageModule();
  if (/^\/?glossary\/?$/.test(path)) return Promise.all([glossaryPageModule(), course.hasGlossary ? glossaryPromise(course.locale) : null]);
  if (/^\/?print\/?$/.test(path)) return Promise.all([printPageModule(), allLessonBodies(course), course.hasGlossary ? glossaryPromise(course.locale) : null]);
  const lessonId = /^\/?lesson\/([^/]+)/.exec(path)?.[1];
  const lesson = course.lessons.find((l) => l.id === lessonId);
  return lesson ? preloadLesson(course, lesson) : Promise.resolve();
}

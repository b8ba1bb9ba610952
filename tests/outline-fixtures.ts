import type { LessonOutline } from '../src/content/types.ts';

/** A lesson outline for hand-made test courses: 100 words, a minute to read. */
export function fixtureLesson(id: string, number: number, sectionId: string, options: { title?: string; checkId?: string } = {}): LessonOutline {
  const title = options.title ?? `Lesson ${id}`;
  return {
    id,
    number,
    title,
    summary: `About ${options.title ?? id}.`,
    sectionId,
    ...(options.checkId === undefined ? {} : { checkId: options.checkId }),
    words: 100,
    minutes: 1,
  };
}

/**
 * Language of parts (WCAG 3.1.2). When the interface language has no course content, the shell
 * marks `<main>` with the course's language; a knowledge check then marks itself with the
 * interface language and its course text (prompts, options, feedback, lesson titles) with the
 * course's, so a screen reader pronounces each part in its own language.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useContentFallback, useCourseRuntime } from '../../ui/course-context.tsx';

/** The `lang` for course text and for interface text, or `undefined` when both are the page's. */
export function usePartLanguages(): { content: string | undefined; ui: string | undefined } {
  const fallback = useContentFallback();
  const { course } = useCourseRuntime();
  const { i18n } = useTranslation();
  return fallback ? { content: course.locale, ui: i18n.language } : { content: undefined, ui: undefined };
}

/** `lang` for course text (`undefined` unless it differs from the interface language). */
export function useContentLang(): string | undefined {
  return usePartLanguages().content;
}

const SLOT = '\u2063';

/**
 * A translated sentence with one piece of course text inside, e.g. "Revoir la leçon 2 : <title>",
 * with the course text marked with its language when needed.
 *
 * @example
 * <WithCourseText format={(slot) => t('check.review', { number: 2, title: slot })} text={lesson.title} />
 */
export function WithCourseText({ format, text }: { format: (slot: string) => string; text: string }): ReactNode {
  const lang = useContentLang();
  if (lang === undefined) return format(text);
  const [before = '', ...after] = format(SLOT).split(SLOT);
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after.join(text)}
    </>
  );
}

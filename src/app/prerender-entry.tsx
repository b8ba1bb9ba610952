/**
 * Build-time rendering of each route to HTML (run by scripts/prerender.ts after `vite build`), so
 * the first paint shows the lesson text without waiting for JavaScript. Progress is not known at
 * build time: pages are rendered as for a new learner who opens that page (a lesson page with
 * that lesson current, as the app starts a session at a deep link), and the app re-renders with
 * saved progress when its script has loaded.
 */
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { StaticRouter } from 'react-router';
import { contentLocales, course } from 'virtual:course';
import { App } from './App.tsx';
import { CourseRuntimeProvider } from '../ui/course-context.tsx';
import { preloadRoute } from './route-loading.ts';
import { startCourseSession } from '../course/session.ts';
import { createI18n } from '../i18n/i18n.ts';
import { routeLessonId } from './routes.ts';

export { baseScript } from './routes.ts';

/** Stands for the folder the site is served from; scripts/prerender.ts turns it into relative paths. */
export const BASE_PLACEHOLDER = '/__course_base__';

export const routes: { path: string; title: string }[] = [
  { path: '/', title: course.title },
  { path: '/results', title: 'results' },
  { path: '/lms-check', title: 'lms-check' },
  ...(course.hasGlossary ? [{ path: '/glossary', title: 'glossary' }] : []),
  { path: '/print', title: 'print' },
  ...course.lessons.map((lesson) => ({ path: `/lesson/${lesson.id}`, title: lesson.title })),
];

export async function render(path: string): Promise<{ html: string; title: string; lang: string }> {
  const lesson = course.lessons.find((l) => l.id === routeLessonId(path));
  await preloadRoute(course, path);
  const i18n = createI18n('en');
  const session = startCourseSession({
    course,
    store: { load: () => ({ kind: 'empty' }), save: () => ({ ok: true }), setAside: () => ({ ok: true }) },
    startLessonId: lesson?.id ?? null,
  });
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <CourseRuntimeProvider runtime={{ course, session, contentLocales }}>
        <StaticRouter basename={BASE_PLACEHOLDER} location={`${BASE_PLACEHOLDER}${path}`}>
          <App />
        </StaticRouter>
      </CourseRuntimeProvider>
    </I18nextProvider>,
  );
  session.stop();
  const pageTitles: Record<string, string> = {
    '/results': i18n.t('results.title'),
    '/glossary': i18n.t('glossary.title'),
    '/print': i18n.t('print.title'),
    '/404': i18n.t('notFound.title'),
  };
  const page = pageTitles[path] ?? lesson?.title;
  const title = page ? i18n.t('app.pageTitle', { page, course: course.title }) : course.title;
  return { html, title, lang: 'en' };
}

/**
 * Start-up: pick the interface language, restore saved progress into a course session, and
 * render. The pre-rendered page stays on screen until the app renders the same lesson, whose
 * body is loaded first so there is no loading flash.
 */
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { contentLocales, course } from 'virtual:course';
import { App } from './app/App.tsx';
import './app/app.css';
import { CourseRuntimeProvider } from './app/course-context.tsx';
import { lmsStartup } from './app/lms-startup.ts';
import { preloadRoute } from './app/route-loading.ts';
import { startCourseSession } from './course/session.ts';
import { createI18n, detectLocale, switchLocale } from './i18n/i18n.ts';
import { chooseTracking, lmsResumeLessonId } from './tracking/lms.ts';
import { getLocalStorage } from './tracking/local-storage.ts';

/** The folder the player is served from: the entry chunk lives in <base>/assets/. */
function detectBasename(): string {
  if (import.meta.env.DEV) return '/';
  return new URL('..', import.meta.url).pathname.replace(/\/$/, '') || '/';
}

async function start() {
  const storage = getLocalStorage();
  const locale = detectLocale(storage, navigator.languages);
  const i18n = createI18n('en');
  await switchLocale(i18n, locale).catch(() => undefined); // offline with no cached catalog: English
  const syncLang = () => (document.documentElement.lang = i18n.language);
  syncLang();
  i18n.on('languageChanged', syncLang);
  // An LMS package's launch page shows "Opening the course…" until the app renders (lms-startup.ts).
  const startup = lmsStartup(document, i18n);

  // Local storage, or the LMS's SCORM API when this is an LMS package launched by an LMS.
  const { adapter, connection } = await chooseTracking({ course, storage, window, document });
  const session = startCourseSession({ course, store: adapter.records, beforeStart: (actor) => adapter.attach(actor) });
  const tracking = { connection, status: adapter.status };

  const basename = detectBasename();
  let path = location.pathname.startsWith(basename) ? location.pathname.slice(basename.length) : location.pathname;
  const resumeLessonId = /^\/?(index\.html)?$/.test(path)
    ? lmsResumeLessonId(connection, session.restoreReport, session.actor.getSnapshot())
    : null;
  if (resumeLessonId) {
    startup.resuming();
    path = `/lesson/${resumeLessonId}`;
    history.replaceState(history.state, '', `${basename.replace(/\/$/, '')}${path}${location.search}`);
  }
  await preloadRoute(course, path).catch(() => undefined);

  const root = createRoot(document.getElementById('root')!);
  // A transition renders in slices that yield to the browser, so a slow phone stays responsive
  // (the pre-rendered page is readable meanwhile) instead of freezing for one long task.
  startTransition(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <CourseRuntimeProvider runtime={{ course, session, contentLocales, tracking }}>
          {/* Navigations render at once, not as transitions: the lesson's words are usually loaded
              already (the next one is fetched while reading), and a transition would hold the old
              page on screen for extra frames. */}
          <BrowserRouter basename={basename} useTransitions={false}>
            <App />
          </BrowserRouter>
        </CourseRuntimeProvider>
      </I18nextProvider>,
    ),
  );
}

void start();

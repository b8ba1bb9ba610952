/**
 * Start-up: pick the interface language, restore saved progress into a course session, and
 * render. The pre-rendered page stays on screen until the app renders the same lesson, whose
 * body is loaded first so there is no loading flash.
 */
import { startTransition, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, HashRouter } from 'react-router';
import { contentLocales, course } from 'virtual:course';
import { App } from './app/App.tsx';
import { AppErrorBoundary } from './app/ErrorBoundary.tsx';
import './app/app.css';
import { CourseRuntimeProvider } from './ui/course-context.tsx';
import { lmsStartup } from './app/lms-startup.ts';
import { createOfflineStatusStore, watchConnection } from './ui/offline-status.ts';
import { preloadRoute } from './app/route-loading.ts';
import { canonicalRoutePath, routeLessonId, routePath } from './app/routes.ts';
import { startAgain, startCourseSession } from './course/session.ts';
import { createI18n, detectLocale, isUiLocale, switchLocale, uiLocales } from './i18n/i18n.ts';
import { chooseTracking, isLmsPackage, lmsLaunchMode, lmsResumeLessonId } from './tracking/lms.ts';
import { getLocalStorage } from './tracking/local-storage.ts';

/** The folder the player is served from: the entry chunk lives in <base>/assets/. */
function detectBasename(): string {
  if (import.meta.env.DEV) return '/';
  return new URL('..', import.meta.url).pathname.replace(/\/$/, '') || '/';
}

/**
 * The one place the router is chosen (docs/decisions/url-scheme.md). The web edition: the path
 * names the route (`<base>/lesson/<id>/`, a folder with its own pre-rendered page). An LMS
 * package: the frame stays on its launch file and the hash names the route
 * (`index.html#/lesson/<id>/`), so reloading the frame asks the LMS for a file it has.
 */
function chooseRouter(): {
  /** The route path now, relative to the player's folder, e.g. `/lesson/welcome/`. */
  path: string;
  /** Shows another route without loading a page (replaces the history entry). */
  replace(path: string): void;
  /** The course home page's address, for a full page load. */
  homeHref: string;
  Router: (props: { children: ReactNode }) => ReactNode;
} {
  if (isLmsPackage(document)) {
    const replace = (to: string) => history.replaceState(history.state, '', `${location.pathname}${location.search}#${to}`);
    let path = location.hash.replace(/^#/, '').split('?')[0] ?? '';
    if (!path) {
      // Opened at another pre-rendered page of the package (lesson/x/index.html): that route.
      const own = document.querySelector<HTMLScriptElement>('script[data-route]')?.dataset.route;
      path = own && own !== '404' ? `/${own}/` : '/';
      if (path !== '/') replace(path);
    }
    return {
      path,
      replace,
      homeHref: `${location.pathname}${location.search}#/`,
      Router: ({ children }) => <HashRouter>{children}</HashRouter>,
    };
  }
  const basename = detectBasename();
  const inBase = location.pathname.startsWith(basename) ? location.pathname.slice(basename.length) : location.pathname;
  const path = inBase.startsWith('/') ? inBase : `/${inBase}`;
  return {
    path,
    replace: (to) => history.replaceState(history.state, '', `${basename.replace(/\/$/, '')}${to}${location.search}${location.hash}`),
    homeHref: `${basename.replace(/\/$/, '')}/`,
    Router: ({ children }) => (
      <BrowserRouter basename={basename} useTransitions={false}>
        {children}
      </BrowserRouter>
    ),
  };
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
  let startup = lmsStartup(document, i18n);

  // A cmi5 launch's parameters, read before the router touches the address.
  const search = location.search;
  const router = chooseRouter();
  let path = router.path;
  // `/lesson/x` (a link typed or pasted without the slash): show the canonical address, so a
  // reload asks the server for the lesson's own page.
  const canonical = canonicalRoutePath(path);
  if (canonical) {
    path = canonical;
    router.replace(path);
  }

  // Local storage, or the LMS's SCORM API when this is an LMS package launched by an LMS.
  const { adapter, connection } = await chooseTracking({ course, storage, window, document, search, uiLocales });
  if (connection.mode === 'cmi5') {
    // The learner's language from the LMS (cmi5 §11), before the app renders; a later pick in the player wins.
    const cmi5 = connection.tracking;
    if (isUiLocale(cmi5.language) && cmi5.language !== i18n.language) {
      await switchLocale(i18n, cmi5.language).catch(() => undefined);
      startup = lmsStartup(document, i18n);
    }
    i18n.on('languageChanged', () => cmi5.languagePicked());
  }
  const session = startCourseSession({
    course,
    store: adapter.records,
    beforeStart: (actor) => adapter.attach(actor),
    // A new learner who follows a link to a lesson starts there; elsewhere no lesson is visited yet.
    startLessonId: routeLessonId(path),
  });
  const reviewing = lmsLaunchMode(adapter.status.getSnapshot()) === 'review';
  const tracking = { connection, status: adapter.status, exit: adapter.exit?.bind(adapter), reviewing };

  const resumeLessonId = /^\/?(index\.html)?$/.test(path)
    ? lmsResumeLessonId(connection, session.restoreReport, session.actor.getSnapshot())
    : null;
  if (resumeLessonId) {
    startup.resuming();
    path = routePath.lesson(resumeLessonId);
    router.replace(path);
  }
  await preloadRoute(course, path).catch(() => undefined);

  const offline = createOfflineStatusStore(navigator.onLine);
  watchConnection(offline, window);
  const onStartAgain = () => {
    session.stop();
    startAgain(course, adapter.records);
    location.assign(router.homeHref);
    if (isLmsPackage(document)) location.reload(); // only the hash changed
  };

  const root = createRoot(document.getElementById('root')!);
  // A transition renders in slices that yield to the browser, so a slow phone stays responsive
  // (the pre-rendered page is readable meanwhile) instead of freezing for one long task.
  startTransition(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <AppErrorBoundary onStartAgain={onStartAgain}>
          <CourseRuntimeProvider runtime={{ course, session, contentLocales, offline, tracking }}>
            {/* Navigations render at once, not as transitions: the lesson's words are usually loaded
                already (the next one is fetched while reading), and a transition would hold the old
                page on screen for extra frames. */}
            <router.Router>
              <App />
            </router.Router>
          </CourseRuntimeProvider>
        </AppErrorBoundary>
      </I18nextProvider>,
    ),
  );

  // The web edition keeps itself on the device once the app has taken over; LMS packages do not
  // (docs/decisions/offline.md), and a kill-switch build registers nothing.
  if (import.meta.env.PROD && __COURSE_SERVICE_WORKER__ && !isLmsPackage(document) && 'serviceWorker' in navigator) {
    const register = () =>
      import('./app/offline/register-service-worker.ts')
        .then(({ registerServiceWorker }) => registerServiceWorker(new URL('../sw.js', import.meta.url), offline))
        .catch(() => undefined); // no worker: the course still works online
    window.addEventListener('load', () => setTimeout(register, 0), { once: true });
    if (document.readyState === 'complete') setTimeout(register, 0);
  }
}

void start();
